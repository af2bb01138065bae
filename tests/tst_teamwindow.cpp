// The window on a desk shared with other officers: the conflict view, the history pane and change
// log, changes arriving from elsewhere; on the server also a dropped connection and read-only units.
#include "testdesk.h"

#include "models/changelogmodel.h"
#include "changelogview.h"
#include "conflictdialog.h"
#include "connectdialog.h"
#include "mainwindow.h"
#include "projectdetailpanel.h"
#include "models/projecttablemodel.h"
#include "desk/settings.h"
#include "desk/teamusers.h"
#include "teamusersdialog.h"
#include "progressview.h"
#include "returnsview.h"
#include "tasksview.h"
#include "progress/returns.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QTabWidget>
#include <QTableWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

using namespace IPDesk;

class TestTeamWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDesk> m_desk;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Database> m_other; ///< another officer's connection
    std::unique_ptr<ProjectStore> m_otherStore;

    ProjectTableModel *model() const { return m_window->projectModel(); }
    qint64 firstId() const { return model()->projectIdAt(0); }
    Project stored(qint64 id) const { return *m_otherStore->project(id); }
    void otherSetsNotes(qint64 id, const QString &notes)
    {
        Project p = stored(id);
        p.notes = notes;
        QVERIFY(m_otherStore->updateProject(p));
    }
    /// Answers the conflict view when it opens (it is modal) with one of its buttons.
    /// It opens after the edit has returned, so this looks for it until it is there.
    void answerConflictWith(const char *button, bool *seen, int tries = 50)
    {
        QTimer::singleShot(20, this, [this, button, seen, tries] {
            auto *dialog = qobject_cast<ConflictDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                if (tries > 0)
                    answerConflictWith(button, seen, tries - 1);
                return;
            }
            *seen = true;
            // IPDESK_SCREENSHOTS=DIR keeps a picture of the view, for the README.
            if (qEnvironmentVariableIsSet("IPDESK_SCREENSHOTS"))
                dialog->grab().save(qEnvironmentVariable("IPDESK_SCREENSHOTS") + QLatin1String("/conflict.png"));
            dialog->findChild<QPushButton *>(QLatin1String(button))->click();
        });
    }
    void closeMessageBoxes()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w))
                box->close();
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("IPDesk-test"));
        if (qEnvironmentVariableIsSet("IPDESK_SCREENSHOTS"))
            AppSettings::installTranslators(qApp);
        m_desk = std::make_unique<TestDesk>();
        m_desk->close();
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openDesk(m_desk->location()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_other = std::make_unique<Database>();
        QVERIFY(m_other->open(m_desk->location(), Database::OpenMode::ExistingOnly));
        m_otherStore = std::make_unique<ProjectStore>(m_other.get());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_otherStore.reset();
        m_other.reset();
        m_desk.reset();
    }

    void conflictViewLetsTheOfficerChoose()
    {
        const qint64 id = firstId();
        const QModelIndex notes = model()->index(0, int(ProjectField::Notes));
        // Another officer saves first; this window still shows the older version.
        otherSetsNotes(id, QStringLiteral("他人：已签约"));
        bool seen = false;
        answerConflictWith("saveMine", &seen);
        QVERIFY(model()->setData(notes, QStringLiteral("本人：待签约")));
        // The edit has returned without a dialog inside it (nor a nested event loop): the
        // conflict view opens afterwards, one at a time.
        QVERIFY(!seen);
        QVERIFY(!QApplication::activeModalWidget());
        QTRY_VERIFY(seen);
        QTRY_VERIFY(!m_window->isResolvingConflict());
        QCOMPARE(stored(id).notes, QStringLiteral("本人：待签约"));

        // The officer looks at the row again (it is painted from the desk), then the other one saves.
        QCOMPARE(model()->index(0, int(ProjectField::Notes)).data().toString(), QStringLiteral("本人：待签约"));
        otherSetsNotes(id, QStringLiteral("他人：再次修改"));
        seen = false;
        answerConflictWith("keepTheirs", &seen);
        model()->setData(model()->index(0, int(ProjectField::Notes)), QStringLiteral("本人：第二次"));
        QTRY_VERIFY(seen);
        QCOMPARE(stored(id).notes, QStringLiteral("他人：再次修改"));

        // Different fields merge without asking.
        Project p = stored(id);
        p.investor = QStringLiteral("他人更新的投资方");
        QVERIFY(m_otherStore->updateProject(p));
        seen = false;
        answerConflictWith("saveMine", &seen);
        QVERIFY(model()->setData(model()->index(0, int(ProjectField::LeadOfficer)), QStringLiteral("王科长")));
        QTest::qWait(200);
        QVERIFY(!seen);
        QCOMPARE(stored(id).investor, QStringLiteral("他人更新的投资方"));
        QCOMPARE(stored(id).leadOfficer, QStringLiteral("王科长"));
        QCOMPARE(stored(id).notes, QStringLiteral("他人：再次修改"));
        closeMessageBoxes();
    }

    void historyAndChangeLogShowTheEdits()
    {
        const qint64 id = firstId();
        m_window->projectView()->selectRow(0);
        auto *history = m_window->detailPanel()->findChild<QTableView *>(QStringLiteral("projectHistory"));
        QVERIFY(history);
        QTRY_VERIFY(history->model()->rowCount() >= 3);
        if (qEnvironmentVariableIsSet("IPDESK_SCREENSHOTS")) {
            // Pictures for the README, in Chinese; the checks below read the English source strings.
            const QString dir = qEnvironmentVariable("IPDESK_SCREENSHOTS");
            m_window->grab().save(dir + QLatin1String("/history.png"));
            m_window->tabs()->setCurrentWidget(m_window->changeLogView());
            m_window->grab().save(dir + QLatin1String("/changelog.png"));
            m_window->tabs()->setCurrentIndex(0);
            QSKIP("screenshots taken");
        }

        QStringList lines;
        for (int r = 0; r < history->model()->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < ChangeLogModel::ColumnCount; ++c)
                cells << history->model()->index(r, c).data().toString();
            lines << cells.join(u'|');
        }
        const QString all = lines.join(u'\n');
        // The pane is narrow: each row reads "field | before → after".
        QVERIFY2(all.contains(fieldName(ProjectField::LeadOfficer) + QStringLiteral("||(empty) → 王科长")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("|本人：待签约 → 他人：再次修改")), qPrintable(all));
        QVERIFY(all.contains(m_other->userName()));
        Q_UNUSED(id);

        ChangeLogView *log = m_window->changeLogView();
        m_window->tabs()->setCurrentWidget(log); // the officer opens the tab
        log->setText(QStringLiteral("王科长"));
        QCOMPARE(log->model()->rowCount(), 1);
        QCOMPARE(log->model()->index(0, ChangeLogModel::Record).data().toString(), stored(firstId()).name);
        log->setText(QString());
        m_window->tabs()->setCurrentIndex(0);
        QVERIFY(log->model()->rowCount() > 3);
    }

    void otherOfficersChangesAppear()
    {
        const qint64 id = firstId();
        otherSetsNotes(id, QStringLiteral("别处保存的备注"));
        // No restart, no click: LISTEN/NOTIFY on the server, SQLite's data_version on a file.
        QTRY_COMPARE_WITH_TIMEOUT(model()->index(model()->rowOf(id) < 0 ? 0 : model()->rowOf(id), int(ProjectField::Notes)).data().toString(),
                                  QStringLiteral("别处保存的备注"), 8000);
    }

    void aChangeElsewhereWaitsForTheOpenEditor()
    {
        const qint64 id = firstId();
        QTableView *view = m_window->projectView();
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window.get());
        const QModelIndex cell = model()->index(0, int(ProjectField::Notes));
        view->setCurrentIndex(cell);
        view->edit(cell);
        QPointer<QLineEdit> editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->setText(QStringLiteral("正在输入的备注"));
        // Another officer saves a different field meanwhile; the notice comes while the editor is open.
        Project p = stored(id);
        p.investor = QStringLiteral("别处改的投资方");
        QVERIFY(m_otherStore->updateProject(p));
        QTest::qWait(2500);
        QVERIFY2(editor, "the reload closed the editor under the officer's fingers");
        QCOMPARE(QApplication::focusWidget(), editor.data());
        QCOMPARE(editor->text(), QStringLiteral("正在输入的备注"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents();
        QCOMPARE(stored(id).notes, QStringLiteral("正在输入的备注"));
        QCOMPARE(stored(id).investor, QStringLiteral("别处改的投资方"));
        QTRY_COMPARE_WITH_TIMEOUT(model()->index(0, int(ProjectField::Investor)).data().toString(),
                                  QStringLiteral("别处改的投资方"), 5000);
    }

    void droppedConnectionKeepsTheEdit()
    {
        if (!testOnServer())
            QSKIP("a desk file has no connection to lose");
        const qint64 id = firstId();
        QVERIFY(m_window->isConnected());
        model()->index(0, int(ProjectField::Notes)).data(); // the row is on screen
        // The server ends this window's session (a network cut, a restart).
        Database &db = *m_window->desk()->database();
        QSqlQuery pid(db.connection());
        QVERIFY(pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next());
        TestServerDatabase::run(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid.value(0).toInt()));
        // The officer keeps working; the edit is kept and the window says so.
        model()->setData(model()->index(0, int(ProjectField::Notes)), QStringLiteral("断线时的修改"));
        QCOMPARE(m_window->desk()->pending()->count(), 1);
        QVERIFY(!m_window->isConnected());
        QVERIFY2(m_window->connectionText().contains(QStringLiteral("1")), qPrintable(m_window->connectionText()));
        closeMessageBoxes();
        // The kept edit is on disk too: a session that crashed now would hand it to the next one.
        const QString pendingFile = AppSettings::pendingEditsPath(db.location());
        QVERIFY(QFileInfo::exists(pendingFile));
        {
            PendingEdits nextSession;
            nextSession.setFile(pendingFile);
            QCOMPARE(nextSession.count(), 1);
            QCOMPARE(nextSession.count(), m_window->desk()->pending()->count());
            // Read back field by field, by the fields' names.
            const QList<PendingEdits::Edit> kept = nextSession.takeAll();
            QCOMPARE(kept.first().target.notes, QStringLiteral("断线时的修改"));
            QCOMPARE(kept.first().target.id, id);
        }
        // The next round of the watch reconnects and saves it.
        m_window->checkConnection();
        QVERIFY(m_window->isConnected());
        QCOMPARE(m_window->desk()->pending()->count(), 0);
        QCOMPARE(stored(id).notes, QStringLiteral("断线时的修改"));
        QVERIFY(!QFileInfo::exists(pendingFile));
    }

    void connectDialogSignsInAndSaysWhyNot()
    {
        if (!testOnServer())
            QSKIP("File → Connect to Team Database needs a server");
        const ServerAddress a = *ServerAddress::parse(m_desk->location());
        // The officer fills in the dialog; a wrong password is refused in the dialog, which stays open.
        int round = 0;
        QString shownMessage;
        std::function<void()> fill = [&] {
            auto *dialog = qobject_cast<ConnectDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                QTimer::singleShot(20, this, fill);
                return;
            }
            dialog->findChild<QLineEdit *>(QStringLiteral("host"))->setText(a.host);
            dialog->findChild<QSpinBox *>(QStringLiteral("port"))->setValue(a.port);
            dialog->findChild<QLineEdit *>(QStringLiteral("database"))->setText(a.database);
            dialog->findChild<QLineEdit *>(QStringLiteral("user"))->setText(a.user);
            if (round++ == 0) {
                dialog->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("wrong password"));
                dialog->accept();
                QTimer::singleShot(20, this, fill); // it comes back with the reason
            } else {
                const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
                for (QLabel *l : labels) {
                    if (l->isVisible() && l->text().contains(a.database))
                        shownMessage = l->text();
                }
                dialog->findChild<QLineEdit *>(QStringLiteral("password"))->setText(a.password);
                dialog->accept();
            }
        };
        MainWindow window;
        QTimer::singleShot(0, this, fill);
        QVERIFY(window.connectTeamDesk());
        QCOMPARE(round, 2);
        QVERIFY2(shownMessage.contains(QStringLiteral("password")), qPrintable(shownMessage));
        QVERIFY(window.connectionText().contains(a.database));
        QVERIFY(window.projectModel()->rowCount() > 0);
        // The address is remembered without the password; the password went to the keyring (off in tests).
        for (const QString &recent : AppSettings::recentDatabases())
            QVERIFY(!recent.contains(a.password));
    }

    void administratorAddsAnAccount()
    {
        if (!testOnServer())
            QSKIP("accounts belong to the team database");
        ProjectStore &admin = *m_window->store();
        TeamUsersDialog dialog(m_window->desk(), m_window.get());
        const QString login = QStringLiteral("dlg_%1").arg(QCoreApplication::applicationPid());
        const qint64 unit = admin.unitByName(QStringLiteral("覃塘区"));
        QVERIFY(dialog.addAccount(login, int(TeamUser::Role::Officer), unit, QStringLiteral("secret")));
        bool listed = false;
        for (const TeamUser &u : TeamUsers::list(*admin.database()))
            listed = listed || (u.login == login && u.unitId == unit && u.role == TeamUser::Role::Officer);
        QVERIFY(listed);
        // The new officer can sign in, and writes only 覃塘区 and below.
        ServerAddress a = *ServerAddress::parse(m_desk->location());
        a.user = login;
        a.password = QStringLiteral("secret");
        Database db;
        QVERIFY(db.open(a.toString(true), Database::OpenMode::ExistingOnly));
        QVERIFY(db.canWrite(unit));
        QVERIFY(!db.canWrite(admin.unitByName(QStringLiteral("惠济区"))));
    }

    /// The month's returns in the window: submit, return with an opinion, the overdue count on the
    /// tab; on the server each officer's window offers only the steps that account may take.
    void monthlyReturnsInTheWindow()
    {
        ReturnsView *view = m_window->returnsView();
        QVERIFY(view);
        m_window->tabs()->setCurrentWidget(view);
        view->setMonth(2023, 6);
        const qint64 town = m_otherStore->unitByName(QStringLiteral("古荥镇")), district = m_otherStore->unitByName(QStringLiteral("惠济区"));
        // Every unit below another reports; none has, and July 2023 is long past: all are overdue.
        const int units = view->returnsTable()->rowCount();
        QVERIFY(units > 10);
        QCOMPARE(view->overdueCount(), units);
        QVERIFY(m_window->tabs()->tabText(m_window->tabs()->indexOf(view)).contains(QString::number(units)));

        auto *submit = view->findChild<QPushButton *>(QStringLiteral("submitReturn"));
        auto *approve = view->findChild<QPushButton *>(QStringLiteral("approveReturn"));
        auto *sendBack = view->findChild<QPushButton *>(QStringLiteral("sendBackReturn"));
        auto *opinionLabel = view->findChild<QLabel *>(QStringLiteral("returnOpinion"));
        if (!testOnServer()) {
            // A personal desk: the officer acts for the town and for the district.
            view->selectUnit(town);
            QVERIFY(submit->isEnabled());
            QVERIFY(!approve->isEnabled());
            submit->click();
            QCOMPARE(view->overdueCount(), units - 1);
            view->selectUnit(town);
            QVERIFY(approve->isEnabled() && sendBack->isEnabled());
            QTimer::singleShot(50, this, [] {
                if (auto *d = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
                    d->setTextValue(QStringLiteral("请附项目清单"));
                    d->accept();
                }
            });
            sendBack->click();
            view->selectUnit(town);
            QVERIFY2(opinionLabel->text().contains(QStringLiteral("请附项目清单")), qPrintable(opinionLabel->text()));
            const auto r = ReturnBook(m_window->desk()).returnOf(town, 2023, 6);
            QCOMPARE(r->state, ReturnState::Returned);
            if (qEnvironmentVariableIsSet("IPDESK_SCREENSHOTS")) {
                // The district's view: one approved, one returned with its opinion, the rest late.
                ReturnBook book(m_window->desk());
                const qint64 other = m_otherStore->unitByName(QStringLiteral("花园口镇"));
                book.submit(other, 2023, 6);
                book.approve(other, 2023, 6);
                view->setScope(district);
                view->selectUnit(town);
                m_window->resize(1280, 720);
                QTest::qWait(100);
                m_window->grab().save(qEnvironmentVariable("IPDESK_SCREENSHOTS") + QLatin1String("/returns-review.png"));
            }
        } else {
            // Each account sees the steps that are its own: the town submits, the district reviews.
            auto windowOf = [this](qint64 unit, const char *name) {
                const QString login = QStringLiteral("%1_%2").arg(QLatin1String(name)).arg(QCoreApplication::applicationPid());
                if (!TeamUsers::save(*m_other, TeamUser{login, TeamUser::Role::Officer, unit, {}}, QStringLiteral("pw")))
                    return std::unique_ptr<MainWindow>();
                ServerAddress a = *ServerAddress::parse(m_desk->location());
                a.user = login;
                a.password = QString();
                auto w = std::make_unique<MainWindow>();
                if (!w->openDesk(a.toString(false), false, QStringLiteral("pw")))
                    return std::unique_ptr<MainWindow>();
                w->returnsView()->setMonth(2023, 6);
                return w;
            };
            auto townWindow = windowOf(town, "rt_town"), districtWindow = windowOf(district, "rt_district");
            QVERIFY(townWindow && districtWindow);
            ReturnsView *own = townWindow->returnsView(), *above = districtWindow->returnsView();
            // The district's officer reviews the returns reported to the district.
            QCOMPARE(above->findChild<QComboBox *>(QStringLiteral("returnsReviewer"))->currentData().toLongLong(), district);
            own->selectUnit(town);
            QVERIFY(own->findChild<QPushButton *>(QStringLiteral("submitReturn"))->isEnabled());
            own->findChild<QPushButton *>(QStringLiteral("submitReturn"))->click();
            QCOMPARE(ReturnBook(townWindow->desk()).returnOf(town, 2023, 6)->state, ReturnState::Submitted);
            own->selectUnit(town);
            QVERIFY(!own->findChild<QPushButton *>(QStringLiteral("approveReturn"))->isEnabled());
            above->reload();
            above->selectUnit(town);
            QVERIFY(above->findChild<QPushButton *>(QStringLiteral("approveReturn"))->isEnabled());
            QVERIFY(!above->findChild<QPushButton *>(QStringLiteral("submitReturn"))->isEnabled());
            above->findChild<QPushButton *>(QStringLiteral("approveReturn"))->click();
            QCOMPARE(ReturnBook(townWindow->desk()).returnOf(town, 2023, 6)->state, ReturnState::Approved);
        }
        m_window->activateWindow();
    }

    /// One click on a stalled project makes a follow-up task for its unit, counted on the tab once overdue.
    void aStalledProjectBecomesAFollowUpTask()
    {
        ProgressView *progress = m_window->progressView();
        m_window->tabs()->setCurrentWidget(progress);
        progress->setYear(2023);
        auto *stalled = progress->findChild<QTableView *>(QStringLiteral("stalledTable"));
        QVERIFY(stalled && stalled->model()->rowCount() > 0);
        stalled->setCurrentIndex(stalled->model()->index(0, 0));
        auto *assign = progress->findChild<QPushButton *>(QStringLiteral("assignFollowUp"));
        QVERIFY(assign->isEnabled());
        TasksView *tasks = m_window->tasksView();
        const int before = tasks->table()->rowCount();
        assign->click();
        QCOMPARE(tasks->table()->rowCount(), before + 1);
        const QList<FollowUpTask> all = TaskStore(m_window->desk()->database()).tasks();
        QVERIFY(std::any_of(all.cbegin(), all.cend(), [&](const FollowUpTask &t) {
            return t.projectId == progress->data().stuck.first().projectId && t.due > QDate::currentDate();
        }));
        QCOMPARE(tasks->overdueCount(), 0); // due in the bureau's days from today
        // One undo step: taken back and made again, with the same task.
        m_window->desk()->undoStack()->undo();
        QCOMPARE(tasks->table()->rowCount(), before);
        m_window->desk()->undoStack()->redo();
        QCOMPARE(tasks->table()->rowCount(), before + 1);
    }

    void officerSeesOtherUnitsReadOnly()
    {
        if (!testOnServer())
            QSKIP("accounts belong to the team database");
        ProjectStore &admin = *m_otherStore;
        const qint64 own = admin.unitByName(QStringLiteral("惠济区")), other = admin.unitByName(QStringLiteral("覃塘区"));
        const QString login = QStringLiteral("win_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(TeamUsers::save(*m_other, TeamUser{login, TeamUser::Role::Officer, own, {}}, QStringLiteral("pw")));
        ServerAddress a = *ServerAddress::parse(m_desk->location());
        a.user = login;
        a.password = QString();
        MainWindow officer;
        QVERIFY(officer.openDesk(a.toString(false), false, QStringLiteral("pw")));
        QVERIFY(officer.connectionText().contains(login));
        ProjectQuery q;
        q.unitIds = admin.subtree(other);
        officer.projectModel()->setQuery(q);
        QVERIFY(officer.projectModel()->rowCount() > 0);
        QVERIFY(!(officer.projectModel()->flags(officer.projectModel()->index(0, int(ProjectField::Notes))) & Qt::ItemIsEditable));
        officer.detailPanel()->setProject(officer.projectModel()->projectIdAt(0));
        QVERIFY(!officer.detailPanel()->findChild<QLabel *>(QStringLiteral("readOnlyNote"))->isHidden());
        q.unitIds = admin.subtree(own);
        officer.projectModel()->setQuery(q);
        QVERIFY(officer.projectModel()->flags(officer.projectModel()->index(0, int(ProjectField::Notes))) & Qt::ItemIsEditable);
    }
};

QTEST_MAIN(TestTeamWindow)
#include "tst_teamwindow.moc"
