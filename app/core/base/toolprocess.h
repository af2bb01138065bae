#pragma once

#include "base/status.h"

#include <QCoreApplication>
#include <QStringList>

namespace IPDesk {

/// A program of the system that reads a file the program does not read itself (poppler's pdftotext,
/// catdoc, xls2csv), run as a process of its own within limits of time and output, so that a broken or
/// hostile file cannot hang or take down the program.
class ToolProcess
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::ToolProcess)
public:
    static constexpr qint64 MaxOutput = qint64(64) << 20; ///< bytes of text
    static constexpr int TimeoutMs = 60000;

    /// Runs \a program (found on the PATH) with \a arguments; its standard output goes into \a out and
    /// its exit code into \a exitCode (-1 when it crashed). \a name is the file's, for the messages. An
    /// error says why in the user's language: \a notInstalled where the program is not there.
    /// The one message for a file whose text is longer than \a limit bytes: no report is that long.
    static Status tooMuchText(const QString &name, qint64 limit = MaxOutput);

    static Status run(const QString &program, const QStringList &arguments, const QString &notInstalled, const QString &name,
                      QByteArray *out, int *exitCode);
};

} // namespace IPDesk
