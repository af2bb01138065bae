// Drives the window as an officer would: search, click a cell, type, change a stage, undo.
#include "mainwindow.h"
#include "projectdetailpanel.h"
#include "importreportdialog.h"
#include "tableimportdialog.h"
#include "desk/demodata.h"
#include "models/projecttablemodel.h"

#include "dateedit.h"
#include "desk/settings.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QFileInfo>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace IPDesk;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    QTableView *table() const { return m_window->projectView(); }
    QModelIndex cell(int row, ProjectField f) const { return table()->model()->index(row, int(f)); }

    void doubleClickCell(const QModelIndex &index)
    {
        table()->scrollTo(index);
        const QPoint p = table()->visualRect(index).center();
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, p);
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, p);
    }

    /// Chinese reaches a widget from the input method as committed text, as with a real IME.
    static void typeText(QWidget *w, const QString &text)
    {
        QInputMethodEvent e;
        e.setCommitString(text);
        QApplication::sendEvent(w, &e);
    }

    /// The view commits an editor's data on Return through a queued call.
    static void pressReturn(QWidget *editor)
    {
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents();
    }

    Project current() const
    {
        return *m_window->store()->project(m_window->projectModel()->projectIdAt(0));
    }

    /// The officer ticks or unticks a column in View → Pipeline Columns.
    void setColumnShown(ProjectField f, bool shown)
    {
        QMenu *menu = nullptr;
        for (QMenu *m : m_window->findChildren<QMenu *>()) {
            if (m->title() == QLatin1String("Pipeline &Columns"))
                menu = m;
        }
        QVERIFY(menu);
        emit menu->aboutToShow();
        const QString name = table()->model()->headerData(int(f), Qt::Horizontal).toString();
        for (QAction *a : menu->actions()) {
            if (a->text() == name && a->isChecked() != shown)
                a->trigger();
        }
        QCOMPARE(table()->isColumnHidden(int(f)), !shown);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("IPDesk-test"));
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openDesk(m_dir.filePath(QStringLiteral("w.ipdesk")), true));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // The tests below type into every kind of cell: all columns shown, as the officer can.
        for (int f = 0; f < int(ProjectField::Count); ++f)
            setColumnShown(ProjectField(f), true);
    }

    void theLanguageSwitchesWithoutARestart()
    {
        MainWindow first;
        QVERIFY(first.openDesk(m_dir.filePath(QStringLiteral("language.ipdesk")), true));
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.addProject(); // something to undo, which must survive the switch
        const int steps = first.undoStack()->count();
        QVERIFY(steps > 0);
        QCOMPARE(first.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        bool changed = false;
        connect(&first, &MainWindow::languageChanged, this, [&changed] { changed = true; });

        // Preferences → Language → 简体中文, OK.
        AppSettings::setLanguage(QStringLiteral("zh_CN"));
        AppSettings::installTranslators(QCoreApplication::instance());
        QTRY_VERIFY(changed);
        std::unique_ptr<MainWindow> next = first.rebuild();
        next->show();
        QVERIFY(QTest::qWaitForWindowExposed(next.get()));
        QCOMPARE(next->menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
        QCOMPARE(next->tabs()->tabText(0), QStringLiteral("项目库"));
        QVERIFY(next->projectModel()->headerData(int(ProjectField::Name), Qt::Horizontal).toString().contains(QStringLiteral("项目")));
        // The same desk, with its undo history.
        QVERIFY(!first.desk());
        QCOMPARE(next->undoStack()->count(), steps);
        next->undoStack()->undo();

        // And back to English for the tests after this one.
        AppSettings::setLanguage(QStringLiteral("en"));
        AppSettings::installTranslators(QCoreApplication::instance());
        QCoreApplication::processEvents();
        QCOMPARE(QCoreApplication::translate("IPDesk::MainWindow", "&File"), QStringLiteral("&File"));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void columnsAreShownAndHiddenFromTheViewMenu()
    {
        setColumnShown(ProjectField::Investor, false);
        setColumnShown(ProjectField::Investor, true);
    }

    void searchNarrowsTheTable()
    {
        const int all = table()->model()->rowCount();
        QVERIFY(all > 50);
        auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("textFilter"));
        QVERIFY(search);
        typeText(search, QStringLiteral("麦科斯"));
        QCOMPARE(table()->model()->rowCount(), 1);
        QVERIFY(cell(0, ProjectField::Name).data().toString().contains(QStringLiteral("麦科斯")));
        QVERIFY(m_window->totalsText().contains(Names::stage(Stage::Started)));
    }

    void typeNotesIntoACell()
    {
        doubleClickCell(cell(0, ProjectField::Notes));
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        typeText(editor, QStringLiteral("开发楼已封顶"));
        pressReturn(editor);
        QCOMPARE(cell(0, ProjectField::Notes).data().toString(), QStringLiteral("开发楼已封顶"));
        QCOMPARE(current().notes, QStringLiteral("开发楼已封顶"));
    }

    void typeMoneyInWan()
    {
        doubleClickCell(cell(0, ProjectField::FundsInPlace));
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("15000"));
        typeText(editor, QStringLiteral("万"));
        pressReturn(editor);
        QCOMPARE(current().fundsInPlace, Yuan(150000000));
        QCOMPARE(cell(0, ProjectField::FundsInPlace).data().toString(), QStringLiteral("1.5"));
    }

    void aDateFieldTakesDatesAsOfficersWriteThem_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QDate>("date");
        const int thisYear = QDate::currentDate().year();
        QTest::newRow("compact") << "20230315" << QDate(2023, 3, 15);
        QTest::newRow("dashes, no zeros") << "2023-3-15" << QDate(2023, 3, 15);
        QTest::newRow("slashes") << "2023/3/15" << QDate(2023, 3, 15);
        QTest::newRow("Chinese") << "2023年3月15日" << QDate(2023, 3, 15);
        QTest::newRow("this year") << "3月15日" << QDate(thisYear, 3, 15);
        QTest::newRow("full-width") << "２０２３年３月１５日" << QDate(2023, 3, 15);
        QTest::newRow("no date") << "3月45日" << QDate();
        QTest::newRow("words") << "下个月" << QDate();
    }
    void aDateFieldTakesDatesAsOfficersWriteThem()
    {
        QFETCH(QString, typed);
        QFETCH(QDate, date);
        OptionalDateEdit edit;
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        edit.setFocus();
        typeText(&edit, typed); // as the input method sends it
        QCOMPARE(edit.optionalDate(), date);
        QCOMPARE(edit.hasAcceptableInput(), date.isValid());
        QTest::keyClick(&edit, Qt::Key_Return);
        if (date.isValid())
            QCOMPARE(edit.text(), date.toString(Qt::ISODate)); // shown in one form once typed
    }

    void aDateCalendarOpensNearTheRowsDates()
    {
        OptionalDateEdit edit;
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        // Empty, nothing near: today.
        edit.showCalendar();
        QCOMPARE(edit.calendar()->yearShown(), QDate::currentDate().year());
        QCOMPARE(edit.calendar()->monthShown(), QDate::currentDate().month());
        edit.calendar()->parentWidget()->hide();
        // Empty beside a date: that date's month.
        edit.setCalendarStart(QDate(2021, 7, 9));
        QTest::keyClick(&edit, Qt::Key_F4);
        QCOMPARE(edit.calendar()->yearShown(), 2021);
        QCOMPARE(edit.calendar()->monthShown(), 7);
        if (const QString dir = qEnvironmentVariable("IPDESK_SCREENSHOTS"); !dir.isEmpty()) {
            edit.calendar()->parentWidget()->grab().save(dir + QLatin1String("/date-calendar.png"));
            edit.grab().save(dir + QLatin1String("/date-field.png"));
        }
        // Picking a day fills the field.
        emit edit.calendar()->activated(QDate(2021, 7, 20));
        QCOMPARE(edit.optionalDate(), QDate(2021, 7, 20));
        QVERIFY(!edit.calendar()->isVisible());
        // A field with a date opens at it.
        edit.showCalendar();
        QCOMPARE(edit.calendar()->selectedDate(), QDate(2021, 7, 20));
        edit.calendar()->parentWidget()->hide();
    }

    void aNewProjectHasOnlyTheDatesTheOfficerGives()
    {
        m_window->activateWindow(); // the date fields above were windows of their own
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("textFilter"));
        const QString searched = search->text();
        const int rows = table()->model()->rowCount();
        search->clear();
        m_window->addProject();
        const qint64 id = m_window->detailPanel()->projectId();
        QVERIFY(id);
        QVERIFY(m_window->store()->project(id)->stageDates.isEmpty());
        // The officer types the signing date straight into the table, as she writes it.
        search->setText(m_window->store()->project(id)->name); // find it in the table
        int row = -1;
        QTRY_VERIFY(table()->model()->rowCount() < 5); // the search has applied
        for (int r = 0; r < table()->model()->rowCount() && row < 0; ++r)
            row = m_window->projectModel()->projectIdAt(r) == id ? r : -1;
        QVERIFY(row >= 0);
        table()->setFocus();
        doubleClickCell(cell(row, ProjectField::SignedDate));
        auto *editor = qobject_cast<OptionalDateEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        QVERIFY(editor->text().isEmpty()); // no "(none)" to type after
        typeText(editor, QStringLiteral("2023年3月15日"));
        pressReturn(editor);
        QCOMPARE(m_window->store()->project(id)->stageDates.value(Stage::Signed), QDate(2023, 3, 15));
        // The start date's calendar opens at the signing month, not in 1990.
        doubleClickCell(cell(row, ProjectField::StartedDate));
        editor = qobject_cast<OptionalDateEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->showCalendar();
        QCOMPARE(editor->calendar()->yearShown(), 2023);
        QCOMPARE(editor->calendar()->monthShown(), 3);
        editor->calendar()->parentWidget()->hide();
        // Text that is no date is refused with a reason, and the cell keeps its value.
        editor->setFocus();
        typeText(editor, QStringLiteral("下个月"));
        pressReturn(editor);
        QVERIFY(!m_window->store()->project(id)->stageDates.contains(Stage::Started));
        QVERIFY(m_window->lastError().contains(QStringLiteral("下个月")));
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
        m_window->undoStack()->undo();
        m_window->undoStack()->undo();
        QVERIFY(!m_window->store()->project(id));
        search->setText(searched); // as the tests after this one expect
        QTRY_COMPARE(table()->model()->rowCount(), rows);
        m_window->activateWindow(); // the message box had the focus
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void changeStageThenUndo()
    {
        const Stage before = current().stage;
        doubleClickCell(cell(0, ProjectField::Stage));
        auto *combo = qobject_cast<QComboBox *>(QApplication::focusWidget());
        QVERIFY(combo);
        combo->setCurrentIndex(int(Stage::Operating));
        pressReturn(combo);
        QCOMPARE(current().stage, Stage::Operating);
        QCOMPARE(current().stageDates.value(Stage::Operating), QDate::currentDate());
        QCOMPARE(cell(0, ProjectField::Stage).data().toString(), Names::stage(Stage::Operating));

        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(current().stage, before);
        QVERIFY(!current().stageDates.contains(Stage::Operating));
        QCOMPARE(cell(0, ProjectField::Stage).data().toString(), Names::stage(before));

        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(current().stage, Stage::Operating);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(current().stage, before);
    }

    void badValueIsRefusedWithAReason()
    {
        const Yuan before = current().plannedInvestment;
        doubleClickCell(cell(0, ProjectField::PlannedInvestment));
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("-3"));
        pressReturn(editor);
        QCOMPARE(current().plannedInvestment, before);
        QVERIFY(!m_window->lastError().isEmpty());
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
    }

    void detailFormEditsAndUndoes()
    {
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, table()->visualRect(cell(0, ProjectField::Name)).center());
        ProjectDetailPanel *panel = m_window->detailPanel();
        QCOMPARE(panel->projectId(), current().id);
        // Every amount says its unit: "8" alone could be 亿元 or 万元.
        auto *unit = panel->findChild<QLabel *>(QStringLiteral("planned_investment_unit"));
        QVERIFY(unit);
        QCOMPARE(unit->text(), Money::unitName(m_window->projectModel()->moneyUnit()));
        auto *name = panel->findChild<QLineEdit *>(QStringLiteral("projectName"));
        name->selectAll();
        typeText(name, QStringLiteral("麦科斯复合新材料(一期)"));
        auto *apply = panel->findChild<QPushButton *>(QStringLiteral("applyButton"));
        QVERIFY(apply && apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        // The search still matches, so the row stays.
        QCOMPARE(current().name, QStringLiteral("麦科斯复合新材料(一期)"));
        m_window->undoStack()->undo();
        QVERIFY(current().name.contains(QStringLiteral("广西麦科斯")));
    }

    void addAndDeleteWithConfirmation()
    {
        auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("textFilter"));
        search->clear();
        const qint64 n = m_window->store()->projectCount();
        m_window->addProject();
        QCOMPARE(m_window->store()->projectCount(), n + 1);
        m_window->undoStack()->undo();
        QCOMPARE(m_window->store()->projectCount(), n);

        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, table()->visualRect(cell(0, ProjectField::Name)).center());
        const qint64 victim = m_window->projectModel()->projectIdAt(0);
        QTimer::singleShot(100, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        m_window->deleteProjects();
        QCOMPARE(m_window->store()->projectCount(), n - 1);
        QVERIFY(!m_window->store()->project(victim));
        m_window->activateWindow(); // the confirmation box had the focus
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        table()->setFocus(); // Ctrl+Z in a text field undoes its typing, as everywhere
        QTest::keyClick(table(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(m_window->store()->project(victim));
    }

    void unitTreePicksTheScope()
    {
        QTreeView *tree = m_window->unitView();
        const QModelIndexList hits = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
                                                          QStringLiteral("肇庆市"), 1, Qt::MatchRecursive);
        QCOMPARE(hits.size(), 1);
        tree->scrollTo(hits.first());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(hits.first()).center());
        const int rows = table()->model()->rowCount();
        QVERIFY(rows > 0);
        const QList<qint64> scope = m_window->store()->subtree(m_window->store()->unitByName(QStringLiteral("肇庆市")));
        for (int r = 0; r < rows; ++r)
            QVERIFY(scope.contains(cell(r, ProjectField::Name).data(ProjectTableModel::UnitIdRole).toLongLong()));
    }

    void anEmptyFileIsLeftAsItIs()
    {
        const QString empty = m_dir.filePath(QStringLiteral("zero.ipdesk"));
        QVERIFY(QFile(empty).open(QIODevice::WriteOnly));
        const QString shown = m_window->desk()->location();
        QVERIFY(!m_window->openDesk(empty, true));
        QVERIFY(m_window->lastError().contains(QStringLiteral("File → New Desk")));
        QCOMPARE(QFileInfo(empty).size(), 0);
        QCOMPARE(m_window->desk()->location(), shown); // the desk that was open stays open
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
    }

    void opensABrokenFileWithAMessageAndKeepsTheDesk()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.ipdesk"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a database, just text\n");
        f.close();
        const qint64 n = m_window->store()->projectCount();
        QVERIFY(!m_window->openDesk(bad));
        QVERIFY(m_window->lastError().contains(QLatin1String("not an IPDesk desk")));
        QCOMPARE(m_window->store()->projectCount(), n);
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
    }

    void offersAReadOnlyCopyOfADamagedDesk()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.ipdesk"));
        {
            Desk desk;
            QVERIFY(desk.open(path));
            QVERIFY(DemoData::loadBuiltIn(&desk));
            QVERIFY(desk.database()->exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        }
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(f.size() * 3 / 4 / 4096 * 4096)); // a page of records, not of the tables' description
            QVERIFY(f.write(QByteArray(4096, '\x5a')) == 4096);
        }
        const QString shown = m_window->desk()->location();
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box && box->text().contains(QLatin1String("read-only")));
            asked = true;
            box->button(QMessageBox::Open)->click();
        });
        QVERIFY(m_window->openDesk(path));
        QVERIFY(asked);
        QVERIFY(m_window->desk()->isReadOnly());
        QVERIFY2(m_window->windowTitle().contains(QLatin1String("read-only copy")), qPrintable(m_window->windowTitle()));
        QCOMPARE(m_window->desk()->location(), path);
        const QList<QAction *> all = m_window->findChildren<QAction *>();
        const auto add = std::find_if(all.cbegin(), all.cend(), [](QAction *a) { return a->text() == QLatin1String("&Add Project"); });
        QVERIFY(add != all.cend());
        QVERIFY(!(*add)->isEnabled());
        QVERIFY(m_window->openDesk(shown)); // back to the working desk, which can be written again
        QVERIFY((*add)->isEnabled());
    }

    void aStatisticsSheetOpenedAsATableIsReadAsAReport()
    {
        // The officer opens a district's statistics sheet, which the table import takes for rows to
        // store; *Read as a report* shows its figures for review instead, each unit's in the title's period.
        const QString path = m_dir.filePath(QStringLiteral("stats.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xEF\xBB\xBF" "2025年1-9月各县(市、区)招商引资主要指标\n县(市、区),签约项目(个),签约金额(亿元)\n端州区,42,215.3\n鼎湖区,38,186.7\n");
        f.close();
        const qint64 projects = m_window->store()->projectCount();
        QStringList seen;
        QTimer::singleShot(300, this, [&] {
            auto *table = qobject_cast<TableImportDialog *>(QApplication::activeModalWidget());
            QVERIFY(table);
            table->findChild<QPushButton *>(QStringLiteral("readAsReportButton"))->click();
            QTimer::singleShot(300, this, [&] {
                auto *reports = qobject_cast<ImportReportDialog *>(QApplication::activeModalWidget());
                QVERIFY(reports);
                reports->waitForReading();
                for (const auto &plan : reports->plans())
                    for (const auto &proposed : plan.facts)
                        seen << proposed.fact.district + QLatin1Char(' ') + proposed.fact.span + QLatin1Char(' ') + proposed.fact.metric
                                    + QLatin1Char(' ') + QString::number(proposed.fact.value);
                reports->reject();
            });
        });
        m_window->importTable(path);
        seen.sort();
        QCOMPARE(seen, QStringList({QStringLiteral("端州区 M01-M09 signed_investment 215.3"), QStringLiteral("端州区 M01-M09 signed_projects 42"),
                                    QStringLiteral("鼎湖区 M01-M09 signed_investment 186.7"), QStringLiteral("鼎湖区 M01-M09 signed_projects 38")}));
        QCOMPARE(m_window->store()->projectCount(), projects); // nothing stored as a project
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
