// Benchmark: progress of 200 units × every metric over N projects (default 1,000,000), and the
// 200-unit bulletin PDF. It measures; it does not pass or fail.
#include "desk/desk.h"
#include "benchdesk.h"
#include "progress/bulletin.h"
#include "progress/returns.h"
#include "desk/factstore.h"
#include "base/metrics.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextStream>

using namespace IPDesk;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const int n = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000000;
    QTemporaryDir dir;
    // IPDESK_BENCH_DESK=FILE keeps the generated desk there and uses it again on the next run.
    const QString kept = qEnvironmentVariable("IPDESK_BENCH_DESK");
    const bool reuse = !kept.isEmpty() && QFileInfo::exists(kept);
    const QString path = kept.isEmpty() ? dir.filePath(QStringLiteral("bench.ipdesk")) : kept;
    QElapsedTimer t;
    t.start();
    if (!reuse && !generate(path, n))
        return 1;
    Desk desk;
    Database &db = *desk.database();
    if (!desk.open(path))
        return 1;
    ProjectStore &store = *desk.projects();
    if (!reuse) {
        // A target of every metric for each of the 200 units.
        Transaction tx(db);
        FactStore facts(&db);
        int k = 0;
        for (const Unit &u : store.units()) {
            for (const QString &m : ProgressCalculator::progressMetrics())
                facts.setTarget(Target{u.id, 2023, m, 10.0 + (k++ % 90), QStringLiteral("at_least")});
        }
        tx.commit();
    }
    out << "generated " << n << " projects, " << store.units().size() << " units in " << t.elapsed() << " ms (setup)\n";

    ProgressCalculator calc(&desk);
    t.restart();
    const QList<ProgressRow> rows = calc.compute(2023, QDate(2023, 6, 30));
    const qint64 computeMs = t.elapsed();
    t.restart();
    const BulletinData data = BulletinData::collect(&desk, ProgressSettings(), 2023, QDate(2023, 6, 30), 1);
    const qint64 collectMs = t.elapsed();
    // Its parts that read project rows rather than the monthly sums.
    const QList<qint64> scope = store.subtree(1);
    t.restart();
    const QList<StageTotal> funnel = calc.funnel(scope, QDate(2023, 6, 30));
    const qint64 funnelMs = t.elapsed();
    t.restart();
    const QList<StageTotal> current = store.totals(ProjectQuery());
    const qint64 currentMs = t.elapsed();
    t.restart();
    const qsizetype stuck = calc.stuckProjects(QDate(2023, 6, 30), scope, 30).size();
    const qint64 stuckMs = t.elapsed();
    t.restart();
    const qsizetype industries = calc.industryMix(1, 2023, QDate(2023, 6, 30)).size();
    const qint64 industryMs = t.elapsed();
    t.restart();
    Status s = BulletinWriter::writePdf(data, dir.filePath(QStringLiteral("bulletin.pdf")));
    const qint64 firstPdfMs = t.elapsed(); // includes loading the fonts once
    t.restart();
    s = BulletinWriter::writePdf(data, dir.filePath(QStringLiteral("bulletin2.pdf")));
    const qint64 pdfMs = t.elapsed();
    out << "progress, " << store.units().size() << " units x " << ProgressCalculator::progressMetrics().size()
        << " metrics: " << computeMs << " ms (" << rows.size() << " rows)\n"
        << "bulletin data (progress, ranking, charts): " << collectMs << " ms\n"
        << "  of it: funnel as of 06-30 " << funnelMs << " ms (reference: today's funnel from the index, " << currentMs
        << " ms; " << funnel.at(int(Stage::Signed)).count << " vs " << current.at(int(Stage::Signed)).count << " signed), stuck list "
        << stuckMs << " ms (" << stuck << "), industry mix " << industryMs << " ms (" << industries << ")\n"
        << "bulletin PDF, " << data.ranking.size() << " units ranked: " << pdfMs << " ms (first one, loading fonts: "
        << firstPdfMs << " ms)" << (s ? "" : " FAILED ") << s.message() << "\n";

    // A month of returns: the list of every unit's state, the review of one (its figures counted
    // from progress as of the month's end, with the projects they rest on), and all of them
    // submitted and approved. Compared with one progress count, the floor of a review.
    ReturnBook book(&desk);
    t.restart();
    const QList<MonthlyReturn> month = book.returns(2023, 6);
    const qint64 listMs = t.elapsed();
    qint64 reviewed = 0;
    for (const MonthlyReturn &r : month) {
        if (r.parentId != 0) {
            reviewed = r.unitId;
            break;
        }
    }
    t.restart();
    const auto review = book.review(reviewed, 2023, 6);
    const qint64 reviewMs = t.elapsed();
    t.restart();
    int moved = 0;
    for (const MonthlyReturn &r : month) {
        if (book.submit(r.unitId, 2023, 6) && book.approve(r.unitId, 2023, 6))
            ++moved;
        if (moved == 10)
            break;
    }
    const qint64 tenMs = t.elapsed();
    out << "monthly returns: list of " << month.size() << " units " << listMs << " ms; review of one unit " << reviewMs
        << " ms (" << (review ? review->second.size() : 0) << " figures) against one progress count " << computeMs
        << " ms; 10 returns submitted and approved " << tenMs << " ms (each counts its figures once)\n";
    return 0;
}
