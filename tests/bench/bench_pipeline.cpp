// Benchmark: the pipeline window on a generated desk of N projects (default 1,000,000).
// Prints the time to open and show the first screen, to sort by investment, to filter by unit and
// stage, and the peak memory. It measures; it does not pass or fail.
#include "benchdesk.h"
#include "mainwindow.h"
#include "models/projecttablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

using namespace IPDesk;

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
