// Drives the window as an officer would: search, click a cell, type, change a stage, undo.
#include "mainwindow.h"
#include "projectdetailpanel.h"
#include "desk/demodata.h"
#include "models/projecttablemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QMessageBox>
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

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("IPDesk-test"));
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openDesk(m_dir.filePath(QStringLiteral("w.ipdesk")), true));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
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
        auto *name = panel->findChildren<QLineEdit *>().first();
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
            QVERIFY(f.seek(f.size() / 2 / 4096 * 4096));
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

    void cleanupTestCase()
    {
        m_window.reset();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
