// The spreadsheet windows as an officer uses them: the mapping dialog, export of what the table
// shows, and pasting a block copied from Excel.
#include "mainwindow.h"
#include "models/projecttablemodel.h"
#include "tableimportdialog.h"
#include "testdesk.h"

#include <QApplication>
#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QWheelEvent>
#include <QLabel>
#include <QTest>
#include <QUndoStack>

using namespace IPDesk;

namespace {
/// A file in the test desk's folder with these bytes; empty if it cannot be written.
QString writeFile(const TestDesk &desk, const char *name, const QByteArray &bytes)
{
    const QString path = desk.dir.filePath(QString::fromUtf8(name));
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() ? path : QString();
}
} // namespace

class TestTableDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("IPDesk-test"));
        QSettings().clear(); // no mapping saved by an earlier run
    }

    void theWheelScrollsTheMappingListAndChangesNoMapping()
    {
        TestDesk desk;
        const QString path = writeFile(desk, "ledger.csv", "\xEF\xBB\xBF" "名称,单位,产业链,签约时间\n甲项目,覃塘区,制造业,2023-03-01\n乙项目,覃塘区,制造业,2023-04-01\n");
        QVERIFY(!path.isEmpty());
        TableImportDialog dialog(&desk.desk, path);
        dialog.resize(1280, 720);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTableWidget *fields = dialog.mappingTable();
        const auto before = dialog.importer().mapping().columns;
        QVERIFY(!before.isEmpty());
        auto wheel = [](QWidget *w, int steps) {
            const QPointF at(w->width() / 2.0, w->height() / 2.0);
            QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, -120 * steps), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
            QApplication::sendEvent(w, &e);
        };
        // The officer scrolls down the list with the pointer over the combo boxes: nothing changes.
        fields->setFocus();
        for (int r = 0; r < fields->rowCount(); ++r) {
            auto *combo = qobject_cast<QComboBox *>(fields->cellWidget(r, 1));
            const int index = combo->currentIndex();
            wheel(combo, 1);
            QCOMPARE(combo->currentIndex(), index);
            QVERIFY(!combo->hasFocus());
        }
        QCOMPARE(dialog.importer().mapping().columns, before);
        if (const QString dir = qEnvironmentVariable("IPDESK_SCREENSHOTS"); !dir.isEmpty())
            dialog.grab().save(dir + QLatin1String("/mapping.png"));
        // A combo the officer has clicked into takes the wheel, and the checks follow the change.
        int industry = -1;
        for (int r = 0; r < fields->rowCount(); ++r) {
            if (fields->item(r, 0)->data(Qt::UserRole).toString() == QLatin1String("industry_chain"))
                industry = r;
        }
        QVERIFY(industry >= 0);
        auto *combo = qobject_cast<QComboBox *>(fields->cellWidget(industry, 1));
        QVERIFY(combo->currentData().toInt() == 2);
        combo->setFocus();
        wheel(combo, 1);
        QVERIFY(combo->currentData().toInt() != 2);
        QVERIFY(dialog.importer().mapping().columns != before);
        // The summary says the rows are being checked again, then gives the new result.
        QTRY_VERIFY(!dialog.findChild<QLabel *>(QStringLiteral("importSummary"))->text().contains(QLatin1String("new mapping")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("importSummary"))->text().contains(QLatin1String("rows to add")));
    }

    void mappingDialog()
    {
        TestDesk desk;
        const QString path = writeFile(desk, "ledger.csv", "\xEF\xBB\xBF" "项目台账\n名称,单位,金额,签约时间\n甲项目,覃塘区,500,2023-03-01\n乙项目,覃塘区,很多,2023-04-01\n");
        QVERIFY(!path.isEmpty());
        const qint64 before = desk.store->projectCount();
        TableImportDialog dialog(&desk.desk, path);
        QCOMPARE(dialog.importer().mapping().headerRow, 1);
        // 金额 names no field the importer knows: the officer maps it to planned investment.
        QTableWidget *fields = dialog.mappingTable();
        int planned = -1;
        for (int r = 0; r < fields->rowCount(); ++r) {
            if (fields->item(r, 0)->data(Qt::UserRole).toString() == QLatin1String("planned_investment"))
                planned = r;
        }
        QVERIFY(planned >= 0);
        auto *combo = qobject_cast<QComboBox *>(fields->cellWidget(planned, 1));
        QCOMPARE(combo->currentData().toInt(), -1);
        combo->setCurrentIndex(combo->findText(QStringLiteral("金额")));
        emit combo->activated(combo->currentIndex());
        QCOMPARE(dialog.importer().mapping().columns.value(QStringLiteral("planned_investment")), 2);
        QVERIFY(dialog.previewTable()->rowCount() == 2);
        QVERIFY(!dialog.check());
        QCOMPARE(dialog.problemTable()->rowCount(), 1);
        QCOMPARE(dialog.problemTable()->item(0, 0)->text(), QStringLiteral("4"));
        // Import the good row, skipping the bad one when asked.
        QTimer::singleShot(200, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        QVERIFY(dialog.importRows());
        QCOMPARE(desk.store->projectCount(), before + 1);
        QCOMPARE(dialog.result().skipped, 1);
        ProjectQuery q;
        q.text = QStringLiteral("甲项目");
        QCOMPARE(desk.store->project(desk.store->fetch(q, 0, 5).first().id)->plannedInvestment, Yuan(5000000)); // 万元 by default
    }

    void pasteABlockFromExcel()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDesk(dir.filePath(QStringLiteral("p.ipdesk")), true));
        window.show();
        window.setSearchText(QStringLiteral("华"));
        QTableView *table = window.projectView();
        QVERIFY(table->model()->rowCount() >= 2);
        table->setCurrentIndex(table->model()->index(0, int(ProjectField::Stage)));
        const qint64 first = window.projectModel()->projectIdAt(0), second = window.projectModel()->projectIdAt(1);
        const int steps = window.undoStack()->count();
        // Stage and type of two rows, as Excel puts them on the clipboard.
        QVERIFY2(window.pasteCells(QStringLiteral("签约\t增资扩产\n在谈\t新建\n")), qPrintable(window.lastError()));
        QCOMPARE(window.store()->project(first)->stage, Stage::Signed);
        QCOMPARE(window.store()->project(first)->type, ProjectType::CapitalIncrease);
        QCOMPARE(window.store()->project(second)->stage, Stage::Negotiating);
        QCOMPARE(window.undoStack()->count(), steps + 1); // one undoable edit
        window.undoStack()->undo();
        QVERIFY(window.store()->project(first)->type != ProjectType::CapitalIncrease || window.store()->project(first)->stage != Stage::Signed);
        // A bad cell: nothing changes at all.
        table->setCurrentIndex(table->model()->index(0, int(ProjectField::Stage)));
        const Stage before = window.store()->project(first)->stage;
        QVERIFY(!window.pasteCells(QStringLiteral("投产\n差不多了\n")));
        QCOMPARE(window.store()->project(first)->stage, before);
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
    }

    void aPasteReadsCellsAsAnImportDoesAndIsOneTransaction()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDesk(dir.filePath(QStringLiteral("q.ipdesk")), true));
        window.show();
        QTableView *table = window.projectView();
        QVERIFY(table->model()->rowCount() >= 3);
        const qint64 first = window.projectModel()->projectIdAt(0), second = window.projectModel()->projectIdAt(1);
        // 制造业 as an import takes it: √ and × as well as 是 and 否; money in the table's unit.
        table->setCurrentIndex(table->model()->index(0, int(ProjectField::Manufacturing)));
        QVERIFY2(window.pasteCells(QStringLiteral("√\n×\n")), qPrintable(window.lastError()));
        QCOMPARE(window.store()->project(first)->manufacturing, true);
        QCOMPARE(window.store()->project(second)->manufacturing, false);
        table->setCurrentIndex(table->model()->index(0, int(ProjectField::PlannedInvestment)));
        const MoneyUnit shown = window.projectModel()->moneyUnit();
        QVERIFY2(window.pasteCells(QStringLiteral("12.5\r\n3000万\r\n")), qPrintable(window.lastError()));
        QCOMPARE(window.store()->project(first)->plannedInvestment, Yuan(std::llround(12.5 * double(Money::factor(shown)))));
        QCOMPARE(window.store()->project(second)->plannedInvestment, Yuan(30000000));

        // The second row cannot be written (as a server refuses a row of another unit): the first
        // row is not written either, and no undo step is left.
        const Yuan firstBefore = window.store()->project(first)->plannedInvestment;
        const int steps = window.undoStack()->count();
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("refuser"));
            raw.setDatabaseName(dir.filePath(QStringLiteral("q.ipdesk")));
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY2(q.exec(QStringLiteral("CREATE TRIGGER refuse_second BEFORE UPDATE ON projects WHEN OLD.id = %1"
                                           " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END").arg(second)),
                     qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("refuser"));
        QVERIFY(!window.pasteCells(QStringLiteral("99\n98\n")));
        QCOMPARE(window.store()->project(first)->plannedInvestment, firstBefore);
        QCOMPARE(window.undoStack()->count(), steps);
        QVERIFY2(window.lastError().contains(window.store()->project(second)->name), qPrintable(window.lastError()));
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
    }

    void exportWhatTheTableShows()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDesk(dir.filePath(QStringLiteral("e.ipdesk")), true));
        window.setStageFilter(int(Stage::Signed));
        window.projectView()->setColumnHidden(int(ProjectField::Notes), true);
        const QString path = dir.filePath(QStringLiteral("signed.csv"));
        QVERIFY(window.exportTable(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size() - 1, window.projectModel()->rowCount());
        QVERIFY(!lines.first().contains(fieldName(ProjectField::Notes)));
        for (const QString &line : lines.mid(1))
            QVERIFY(line.contains(Names::stage(Stage::Signed)));
    }
};

QTEST_MAIN(TestTableDialog)
#include "tst_tabledialog.moc"
