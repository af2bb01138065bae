// Benchmark: the pipeline window on a generated desk of N projects (default 1,000,000).
// Prints the time to open and show the first screen, to sort by investment, to filter by unit and
// stage, and the peak memory. It measures; it does not pass or fail.
#include "mainwindow.h"
#include "projecttablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <sys/resource.h>

using namespace IPDesk;

namespace {

long peakRssMb()
{
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return r.ru_maxrss / 1024;
}

/// Fills a desk with n projects in SQL (a generator, not the code under test).
bool generate(const QString &path, int n)
{
    Database db;
    if (!db.open(path))
        return false;
    Transaction t(db);
    QSqlQuery q(db.connection());
    bool ok = q.exec(QStringLiteral("INSERT INTO units (id, parent_id, name, kind) VALUES (1, NULL, '测试市', 'city')"));
    for (int d = 0; d < 20 && ok; ++d) {
        const int did = 100 + d;
        ok = q.exec(QStringLiteral("INSERT INTO units (id, parent_id, name, kind) VALUES (%1, 1, '第%2区', 'district')").arg(did).arg(d + 1));
        for (int s = 0; s < 9 && ok; ++s)
            ok = q.exec(QStringLiteral("INSERT INTO units (id, parent_id, name, kind) VALUES (%1, %2, '第%3区第%4镇', 'town')")
                            .arg(1000 + d * 10 + s).arg(did).arg(d + 1).arg(s + 1));
    }
    ok = ok && q.exec(QStringLiteral(
        "WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq WHERE x < %1) "
        "INSERT INTO projects (id, code, name, investor, industry, industry_chain, unit_id, stage, project_type,"
        " planned_investment, signed_investment, expected_output, manufacturing, lead_officer) "
        "SELECT x, printf('XM%07d', x), printf('项目%d号产业园', (x * 7919) % 1000003), printf('投资方%d', x % 5000),"
        " CASE x % 6 WHEN 0 THEN '新材料' WHEN 1 THEN '电子信息' WHEN 2 THEN '智能制造' WHEN 3 THEN '新能源'"
        " WHEN 4 THEN '生物医药' ELSE '现代商贸' END, '', 1000 + ((x / 7) % 20) * 10 + (x % 9), (x * 31) % 8,"
        " x % 3, ((x * 104729) % 500000) * 10000, CASE WHEN (x * 31) % 8 BETWEEN 2 AND 5 THEN ((x * 104729) % 500000) * 10000 ELSE 0 END,"
        " ((x * 13) % 900000) * 10000, x % 2, '' FROM seq").arg(n));
    ok = ok && q.exec(QStringLiteral(
        "INSERT INTO project_stages (project_id, stage, reached_on) SELECT id, 2, printf('2023-%02d-%02d', 1 + id % 12, 1 + id % 28)"
        " FROM projects WHERE stage BETWEEN 2 AND 5"));
    return ok && t.commit();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream out(stdout);
    const int n = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.ipdesk"));
    QElapsedTimer t;
    t.start();
    if (!generate(path, n)) {
        out << "generating the desk failed\n";
        return 1;
    }
    out << "generated " << n << " projects in " << t.elapsed() << " ms (setup, not measured)\n";
    const long baseMb = peakRssMb();

    t.restart();
    MainWindow window;
    window.resize(1440, 900);
    if (!window.openDesk(path))
        return 1;
    window.show();
    window.projectView()->model()->index(0, 0).data();
    QCoreApplication::processEvents();
    const qint64 openMs = t.elapsed();

    t.restart();
    window.projectView()->sortByColumn(int(ProjectField::PlannedInvestment), Qt::DescendingOrder);
    QCoreApplication::processEvents();
    const QString top = window.projectView()->model()->index(0, int(ProjectField::PlannedInvestment)).data().toString();
    const qint64 sortMs = t.elapsed();

    t.restart();
    ProjectTableModel *model = window.projectModel();
    ProjectQuery q = model->query();
    q.unitIds = window.store()->subtree(105); // one district and its towns
    q.stage = int(Stage::Signed);
    model->setQuery(q);
    QCoreApplication::processEvents();
    const int filtered = model->rowCount();
    const qint64 filterMs = t.elapsed();

    out << "projects:                    " << n << "\n"
        << "open and show first screen:  " << openMs << " ms\n"
        << "sort by investment:          " << sortMs << " ms (largest " << top << ")\n"
        << "filter by unit and stage:    " << filterMs << " ms (" << filtered << " rows)\n"
        << "peak memory:                 " << peakRssMb() << " MB (" << baseMb << " MB after generating)\n";
    return 0;
}
