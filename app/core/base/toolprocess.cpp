#include "base/toolprocess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>

namespace IPDesk {

Status ToolProcess::tooMuchText(const QString &name, qint64 limit)
{
    return Status::error(tr("%1 holds more than %2 MB of text; no report is that long.").arg(name).arg(limit >> 20));
}

Status ToolProcess::run(const QString &program, const QStringList &arguments, const QString &notInstalled, const QString &name,
                        QByteArray *out, int *exitCode)
{
    const QString tool = QStandardPaths::findExecutable(program);
    if (tool.isEmpty())
        return Status::error(notInstalled);
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(tool, arguments);
    if (!p.waitForStarted(10000))
        return Status::error(tr("%1 cannot be read: %2 does not start.").arg(name, program));
    out->clear();
    QElapsedTimer clock;
    clock.start();
    // Read as it comes, so that the process is never held up by a full pipe, and stop it at the limits.
    while (p.state() != QProcess::NotRunning || p.bytesAvailable() > 0) {
        p.waitForReadyRead(200);
        *out += p.readAllStandardOutput();
        p.readAllStandardError(); // (nor by a full pipe of complaints)
        if (out->size() > MaxOutput) {
            p.kill();
            p.waitForFinished(5000);
            return tooMuchText(name);
        }
        if (clock.elapsed() > TimeoutMs) {
            p.kill();
            p.waitForFinished(5000);
            return Status::error(tr("%1 took more than %2 seconds to read; it may be damaged.").arg(name).arg(TimeoutMs / 1000));
        }
        if (p.state() == QProcess::NotRunning && p.bytesAvailable() == 0)
            break;
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return Status();
}

} // namespace IPDesk
