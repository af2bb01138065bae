// Benchmark: report extraction throughput on a generated 50 MB corpus (one core), and the time to
// import 1,000 reports into a desk. It measures; it does not pass or fail.
#include "desk/desk.h"
#include "desk/demodata.h"
#include "desk/factstore.h"
#include "reports/readreport.h"
#include "reports/reportimporter.h"
#include "reports/textdecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

using namespace IPDesk;

namespace {

/// Reports in the manner of the genre: the test reports and, where ../shared is beside the checkout,
/// the 60 genre reports (several units, tables, traditional characters, GB18030), each copy with other
/// figures. Units stay real, as the reader only trusts real ones.
QStringList generateReports(const QStringList &dataDirs, qint64 targetBytes)
{
    QStringList seeds;
    for (const QString &dir : dataDirs) {
        for (const QString &f : QDir(dir).entryList({QStringLiteral("*.txt")}, QDir::Files)) {
            QFile file(dir + QLatin1Char('/') + f);
            file.open(QIODevice::ReadOnly);
            const TextDecoder::Result r = TextDecoder::decode(file.readAll());
            if (r.status)
                seeds << r.text;
        }
    }
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    QRandomGenerator rng(42);
    QStringList out;
    qint64 bytes = 0;
    int n = 0;
    while (bytes < targetBytes && !seeds.isEmpty()) {
        // About 6 KB a report, as long as the bureau reports officers receive.
        QString r;
        while (r.size() < 2200)
            r += seeds.at(int(rng.bounded(seeds.size()))) + QLatin1Char('\n');
        QString varied;
        qsizetype last = 0;
        auto it = digits.globalMatch(r);
        while (it.hasNext()) {
            const auto m = it.next();
            varied += QStringView(r).mid(last, m.capturedStart() - last);
            varied += m.captured(0).size() == 4 ? m.captured(0) : QString::number(1 + rng.bounded(300));
            last = m.capturedEnd();
        }
        varied += QStringView(r).mid(last);
        varied += QStringLiteral("\n(第%1号)\n").arg(n); // every report differs
        bytes += varied.toUtf8().size();
        out << varied;
        ++n;
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double mb = argc > 1 ? QString::fromLocal8Bit(argv[1]).toDouble() : 50.0;
    const QStringList reports = generateReports({QStringLiteral(IPDESK_TEST_DATA) + QLatin1String("/reports"),
                                                 QStringLiteral(IPDESK_SHARED) + QLatin1String("/corpus/genre")},
                                                qint64(mb * 1024 * 1024));
    qint64 bytes = 0;
    for (const QString &r : reports)
        bytes += r.toUtf8().size();

    QElapsedTimer t;
    t.start();
    qint64 facts = 0;
    for (const QString &r : reports)
        facts += ReadReport::fromBytes(r.toUtf8()).extraction.facts.size();
    const double secs = t.elapsed() / 1000.0;
    out << "extraction: " << reports.size() << " reports, " << QString::number(bytes / 1048576.0, 'f', 1) << " MB, "
        << facts << " facts in " << QString::number(secs, 'f', 2) << " s = "
        << QString::number(bytes / 1048576.0 / secs, 'f', 1) << " MB/s on one core\n";

    QTemporaryDir dir;
    QStringList files;
    // The second argument: how many reports to import (0 to time the extraction alone, as for a profile).
    const int toImport = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 1000;
    if (toImport <= 0)
        return 0;
    for (int i = 0; i < toImport && i < reports.size(); ++i) {
        const QString path = dir.filePath(QStringLiteral("r%1.txt").arg(i));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(reports.at(i).toUtf8());
        files << path;
    }
    Desk desk;
    if (!desk.open(dir.filePath(QStringLiteral("bench.ipdesk"))))
        return 1;
    DemoData::loadBuiltIn(&desk);
    ReportImporter importer(&desk);
    t.restart();
    QList<ImportPlan> plans;
    for (const QString &f : std::as_const(files))
        plans << importer.prepareFile(f);
    ImportSummary sum;
    const Status s = importer.commit(plans, &sum);
    out << "import: " << files.size() << " reports into a desk in " << t.elapsed() << " ms ("
        << sum.facts << " facts, " << sum.unitsCreated << " new units)" << (s ? "" : " FAILED: ") << s.message() << "\n";
    return 0;
}
