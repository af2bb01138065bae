// The team desk: what the server enforces and keeps. The suite runs on desk files too
// (tst_teamdesk) and on the PostgreSQL server (tst_teamdesk_pg); the parts about accounts and
// row-level security only exist on the server and are skipped on files.
#include "pipelinebyhand.h"
#include "testdesk.h"

#include "desk/activitystore.h"
#include "desk/changenotifier.h"
#include "desk/deskcopy.h"
#include "desk/factstore.h"
#include "desk/projectcommands.h"
#include "desk/targetcommands.h"
#include "desk/teamusers.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlRecord>
#include <QUndoStack>

using namespace IPDesk;

namespace {

/// A second officer's connection to the same desk.
std::unique_ptr<Database> openAs(TestDesk &desk, const QString &login = QString(), const QString &password = QString())
{
    auto db = std::make_unique<Database>();
    QString location = desk.location();
    if (!login.isEmpty()) {
        ServerAddress a = *ServerAddress::parse(location);
        a.user = login;
        a.password = password;
        location = a.toString(true);
    }
    const Status s = db->open(location, Database::OpenMode::ExistingOnly);
    if (!s)
        qWarning("cannot open as %s: %s", qPrintable(login), qPrintable(s.message()));
    return s ? std::move(db) : nullptr;
}

/// A second officer's Desk on the same database (the same account unless a login is given).
std::unique_ptr<Desk> openDeskAs(TestDesk &desk)
{
    auto d = std::make_unique<Desk>();
    const Status s = d->open(desk.location(), Database::OpenMode::ExistingOnly);
    if (!s)
        qWarning("cannot open a second desk: %s", qPrintable(s.message()));
    return s ? std::move(d) : nullptr;
}

/// Every row of every table a user edits, as text, for "nothing changed" and "the same desk".
QStringList dump(Database &db, bool withAudit = true)
{
    QStringList out;
    QStringList tables{QStringLiteral("units"), QStringLiteral("projects"), QStringLiteral("project_stages"),
                       QStringLiteral("targets"), QStringLiteral("facts"), QStringLiteral("documents"),
                       QStringLiteral("activities"), QStringLiteral("activity_projects"), QStringLiteral("stage_sums")};
    if (withAudit)
        tables << QStringLiteral("audit_log");
    for (const QString &t : std::as_const(tables)) {
        const QStringList columns = db.columnsOf(t);
        QSqlQuery q(db.connection());
        QStringList order;
        for (int i = 1; i <= columns.size(); ++i)
            order << QString::number(i);
        if (!q.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(columns.join(QLatin1String(", ")), t, order.join(u','))))
            qFatal("%s", qPrintable(q.lastError().text()));
        while (q.next()) {
            QStringList row{t};
            for (int i = 0; i < columns.size(); ++i) {
                const QVariant v = q.value(i);
                // Dates are DATE on the server and text in files; numbers print the same either way.
                row << (v.isNull() ? QStringLiteral("NULL")
                                   : v.userType() == QMetaType::QDate ? v.toDate().toString(Qt::ISODate)
                                   : v.userType() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 15)
                                                                      : v.toString());
            }
            out << row.join(QLatin1Char('|'));
        }
    }
    return out;
}

QString uniqueLogin(const char *prefix)
{
    static int n = 0;
    return QStringLiteral("%1_%2_%3").arg(QLatin1String(prefix)).arg(QCoreApplication::applicationPid()).arg(++n);
}

int auditRows(Database &db, const QString &table, qint64 id, const QString &field)
{
    QSqlQuery q = db.query(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE table_name = ? AND record_id = ? AND field = ?"));
    q.addBindValue(table);
    q.addBindValue(id);
    q.addBindValue(field);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

qint64 firstProjectOf(ProjectStore &store, qint64 unit)
{
    ProjectQuery q;
    q.unitIds = store.subtree(unit);
    const QList<Project> found = store.fetch(q, 0, 1);
    return found.isEmpty() ? 0 : found.first().id;
}

} // namespace

class TestTeamDesk : public QObject
{
    Q_OBJECT
private slots:
    void districtWritesOnlyItsOwnUnits()
    {
        if (!testOnServer())
            QSKIP("accounts and row-level security belong to the team database");
        TestDesk desk;
        const qint64 own = desk.unit(u"惠济区"), town = desk.unit(u"花园口镇"), other = desk.unit(u"覃塘区");
        QVERIFY(own && town && other);
        QVERIFY(desk.store->subtree(own).contains(town));
        const QString login = uniqueLogin("huiji");
        TeamUser officer{login, TeamUser::Role::Officer, own, QStringLiteral("惠济区招商局")};
        Status s = TeamUsers::save(desk.db, officer, QStringLiteral("secret-1"));
        QVERIFY2(s, qPrintable(s.message()));

        auto mine = openAs(desk, login, QStringLiteral("secret-1"));
        QVERIFY(mine);
        QCOMPARE(mine->userName(), login);
        QVERIFY(mine->canWrite(own));
        QVERIFY(mine->canWrite(town));
        QVERIFY(!mine->canWrite(other));
        ProjectStore store(mine.get());
        const QStringList before = dump(desk.db, false);

        // Through the program: a project of a town below the district saves; another district's is refused plainly.
        const qint64 townProject = firstProjectOf(store, town), otherProject = firstProjectOf(store, other);
        QVERIFY(townProject && otherProject);
        Project p = *store.project(townProject);
        p.notes = QStringLiteral("惠济区核实");
        s = store.updateProject(p);
        QVERIFY2(s, qPrintable(s.message()));
        Project q = *store.project(otherProject);
        q.notes = QStringLiteral("越权修改");
        s = store.updateProject(q);
        QVERIFY(!s);
        QCOMPARE(s.code(), Status::Code::Denied);
        QVERIFY2(s.message().contains(desk.store->unitName(q.unitId)), qPrintable(s.message()));
        s = store.deleteProject(otherProject);
        QCOMPARE(s.code(), Status::Code::Denied);

        // By hand-written SQL on the officer's own connection: nothing of the other district moves.
        QSqlQuery raw(mine->connection());
        QVERIFY(raw.exec(QStringLiteral("UPDATE projects SET notes = 'raw' WHERE unit_id = %1").arg(other)));
        QCOMPARE(raw.numRowsAffected(), 0);
        QVERIFY(raw.exec(QStringLiteral("UPDATE projects SET unit_id = %1 WHERE unit_id = %2").arg(own).arg(other)));
        QCOMPARE(raw.numRowsAffected(), 0);
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM projects WHERE unit_id = %1").arg(other)));
        QCOMPARE(raw.numRowsAffected(), 0);
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM project_stages WHERE project_id = %1").arg(otherProject)));
        QCOMPARE(raw.numRowsAffected(), 0);
        // Nor can it hand its own project to another district.
        QVERIFY(!raw.exec(QStringLiteral("UPDATE projects SET unit_id = %1 WHERE id = %2").arg(other).arg(townProject)));
        QCOMPARE(Database::errorFrom(raw).code(), Status::Code::Denied);
        QVERIFY(!raw.exec(QStringLiteral("INSERT INTO projects (name, unit_id) VALUES ('越权新增', %1)").arg(other)));
        QCOMPARE(Database::errorFrom(raw).code(), Status::Code::Denied);
        QVERIFY(!raw.exec(QStringLiteral("INSERT INTO targets (unit_id, year, metric, value) VALUES (%1, 2030, 'x', 1)").arg(other)));
        QVERIFY(!raw.exec(QStringLiteral("UPDATE stage_sums SET n = n + 1")));
        QVERIFY(!raw.exec(QStringLiteral("DELETE FROM audit_log")));
        QVERIFY(!raw.exec(QStringLiteral("ALTER TABLE projects DISABLE ROW LEVEL SECURITY")));
        QVERIFY(!raw.exec(QStringLiteral("SET ipdesk.copying = 'on'; UPDATE projects SET notes = 'x' WHERE unit_id = %1").arg(other))
                || raw.numRowsAffected() == 0);
        // Its own subtree is writable by hand too.
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO targets (unit_id, year, metric, value) VALUES (%1, 2030, 'signed_amount', 5)").arg(town)));

        const QStringList after = dump(desk.db, false);
        QStringList changed;
        for (const QString &row : after) {
            if (!before.contains(row))
                changed << row;
        }
        // Only the town's project (notes, version) and the town's target changed.
        QCOMPARE(changed.size(), 2);
        QVERIFY(changed.at(0).startsWith(QStringLiteral("projects|%1|").arg(townProject)));
        QVERIFY(changed.at(1).startsWith(QLatin1String("targets|")));

        // A viewer reads everything and writes nothing.
        const QString viewerLogin = uniqueLogin("viewer");
        QVERIFY(TeamUsers::save(desk.db, TeamUser{viewerLogin, TeamUser::Role::Viewer, 0, {}}, QStringLiteral("v")));
        auto viewer = openAs(desk, viewerLogin, QStringLiteral("v"));
        QVERIFY(viewer);
        ProjectStore viewerStore(viewer.get());
        QCOMPARE(viewerStore.projectCount(), desk.store->projectCount());
        Project v = *viewerStore.project(townProject);
        v.notes = QStringLiteral("viewer");
        QCOMPARE(viewerStore.updateProject(v).code(), Status::Code::Denied);
        // ...and cannot make itself an administrator.
        QVERIFY(!TeamUsers::save(*viewer, TeamUser{viewerLogin, TeamUser::Role::Admin, 0, {}}, QString()));
    }

    void hostileSqlOfAnOfficerIsRefusedByTheServer()
    {
        if (!testOnServer())
            QSKIP("accounts and row-level security belong to the team database");
        TestDesk desk;
        const qint64 own = desk.unit(u"惠济区"), other = desk.unit(u"覃塘区");
        QVERIFY(own && other);
        const QString login = uniqueLogin("hostile");
        QVERIFY(TeamUsers::save(desk.db, TeamUser{login, TeamUser::Role::Officer, own, {}}, QStringLiteral("h-1")));
        const qint64 ownProject = firstProjectOf(*desk.store, own), otherProject = firstProjectOf(*desk.store, other);
        QVERIFY(ownProject && otherProject);

        // Another district's report: a document whose figures are all of 覃塘区.
        FactStore facts(&desk.db);
        Status s;
        SourceDocument doc;
        doc.title = QStringLiteral("覃塘区通报");
        doc.sha256 = QStringLiteral("hostile-test-document");
        doc.body = QStringLiteral("覃塘区上半年签约额48.6亿元");
        const qint64 docId = facts.insertDocument(doc, &s);
        QVERIFY2(s, qPrintable(s.message()));
        Fact f;
        f.unitId = other;
        f.year = 2023;
        f.span = QStringLiteral("H1");
        f.metric = QStringLiteral("signed_amount");
        f.value = 4.86e9;
        f.documentId = docId;
        QVERIFY(facts.insertFact(f));
        const QStringList before = dump(desk.db, false);

        auto mine = openAs(desk, login, QStringLiteral("h-1"));
        QVERIFY(mine);
        QSqlQuery raw(mine->connection());
        auto run = [&raw](const QString &sql) { return raw.exec(sql) ? raw.numRowsAffected() : -1; };

        // Temporary tables named like the ones the server's own functions read must not stand in for them.
        QVERIFY(run(QStringLiteral("CREATE TEMP TABLE desk_users (login text, unit_id bigint, role text, full_name text)")) >= 0);
        QVERIFY(run(QStringLiteral("INSERT INTO desk_users SELECT session_user, id, 'officer', '' FROM public.units"
                                   " WHERE parent_id IS NULL")) > 0);
        QCOMPARE(run(QStringLiteral("UPDATE projects SET name = name || '!' WHERE unit_id = %1").arg(other)), 0);
        QVERIFY(run(QStringLiteral("CREATE TEMP TABLE units AS SELECT id, CASE WHEN id = %1 THEN %2 ELSE parent_id END"
                                   " AS parent_id FROM public.units").arg(other).arg(own)) >= 0);
        QCOMPARE(run(QStringLiteral("UPDATE projects SET notes = 'x' WHERE unit_id = %1").arg(other)), 0);
        // ...nor swallow the audit rows or the monthly sums of the officer's own edits.
        for (const char *table : {"audit_log", "stage_sums", "standing_sums", "industry_sums", "project_standing", "projects",
                                  "project_stages"})
            QVERIFY(run(QStringLiteral("CREATE TEMP TABLE %1 (LIKE public.%1)").arg(QLatin1String(table))) >= 0);
        const int audited = auditRows(desk.db, QStringLiteral("projects"), ownProject, QStringLiteral("planned_investment"));
        QCOMPARE(run(QStringLiteral("UPDATE public.projects SET planned_investment = planned_investment + 100000000"
                                    " WHERE id = %1").arg(ownProject)), 1);
        QCOMPARE(auditRows(desk.db, QStringLiteral("projects"), ownProject, QStringLiteral("planned_investment")), audited + 1);
        QCOMPARE(run(QStringLiteral("INSERT INTO public.project_stages (project_id, stage, reached_on) VALUES (%1, 4, '2023-10-01')"
                                    " ON CONFLICT (project_id, stage) DO UPDATE SET reached_on = excluded.reached_on").arg(ownProject)), 1);
        for (const char *table : {"desk_users", "units", "audit_log", "stage_sums", "standing_sums", "industry_sums",
                                  "project_standing", "projects", "project_stages"})
            QVERIFY(run(QStringLiteral("DROP TABLE pg_temp.%1").arg(QLatin1String(table))) >= 0);

        // Turning the monthly sums off for a session leaves them right all the same.
        run(QStringLiteral("SELECT set_config('ipdesk.stage_sums', 'off', false)"));
        QCOMPARE(run(QStringLiteral("UPDATE projects SET planned_investment = planned_investment + 700000000"
                                    " WHERE id = %1").arg(ownProject)), 1);
        QCOMPARE(run(QStringLiteral("INSERT INTO project_stages (project_id, stage, reached_on) VALUES (%1, 7, '2023-03-01')"
                                    " ON CONFLICT DO NOTHING").arg(ownProject)), 1);
        const auto sums = stageSumsAndRaw(desk.db);
        QCOMPARE(sums.first, sums.second);
        // The funnel, the industry chart and the stalled list too, read from their own sums.
        for (const QDate &on : {QDate(2023, 6, 30), QDate(2023, 10, 15), QDate(2023, 12, 31)}) {
            const QString wrong = PipelineByHand(desk.db).differences(ProgressCalculator(&desk.desk), ProgressSettings(), on);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        }

        // Another district's report can be neither deleted (with its figures) nor rewritten.
        QVERIFY(run(QStringLiteral("DELETE FROM documents WHERE id = %1").arg(docId)) <= 0);
        QVERIFY(run(QStringLiteral("UPDATE documents SET body = 'forged' WHERE id = %1").arg(docId)) <= 0);
        QVERIFY(facts.document(docId));
        QCOMPARE(facts.document(docId)->body, doc.body);

        // An activity of the officer's own unit cannot be tied to another district's project.
        QVERIFY(run(QStringLiteral("INSERT INTO activities (unit_id, happened_on, kind) VALUES (%1, '2023-05-01', 'visit')")
                        .arg(own)) == 1);
        QVERIFY(run(QStringLiteral("INSERT INTO activity_projects (activity_id, project_id)"
                                   " SELECT MAX(id), %1 FROM activities").arg(otherProject)) <= 0);
        QCOMPARE(Database::errorFrom(raw).code(), Status::Code::Denied);

        // Only the officer's own project, its new stage and activity changed; the sums follow.
        QStringList changed;
        for (const QString &row : dump(desk.db, false)) {
            if (!before.contains(row))
                changed << row;
        }
        for (const QString &row : std::as_const(changed)) {
            QVERIFY2(row.startsWith(QStringLiteral("projects|%1|").arg(ownProject))
                         || row.startsWith(QStringLiteral("project_stages|%1|").arg(ownProject))
                         || row.startsWith(QLatin1String("activities|")) || row.startsWith(QLatin1String("stage_sums|")),
                     qPrintable(row));
        }

        // A viewer cannot make the server rebuild the sums (a write), and nobody's NOTIFY is taken as a change.
        const QString viewerLogin = uniqueLogin("hostile_viewer");
        QVERIFY(TeamUsers::save(desk.db, TeamUser{viewerLogin, TeamUser::Role::Viewer, 0, {}}, QStringLiteral("v")));
        auto viewer = openAs(desk, viewerLogin, QStringLiteral("v"));
        QVERIFY(viewer);
        QSqlQuery asViewer(viewer->connection());
        QVERIFY(!asViewer.exec(QStringLiteral("SELECT ipdesk_rebuild_stage_sums()")));
        QCOMPARE(Database::errorFrom(asViewer).code(), Status::Code::Denied);

        ChangeNotifier notifier(&desk.db);
        QSignalSpy spy(&notifier, &ChangeNotifier::changedElsewhere);
        QVERIFY(asViewer.exec(QStringLiteral("NOTIFY ipdesk_changes, 'projects'")));
        QTest::qWait(600);
        QCOMPARE(spy.count(), 0);
        // A real change by the officer still arrives.
        QCOMPARE(run(QStringLiteral("UPDATE projects SET notes = 'real' WHERE id = %1").arg(ownProject)), 1);
        QTRY_VERIFY(spy.count() >= 1);
    }

    void twoClientsConflictInsteadOfLosingAnUpdate()
    {
        TestDesk desk;
        auto second = openDeskAs(desk);
        QVERIFY(second);
        Desk &a = desk.desk, &b = *second;
        const qint64 id = a.projects()->fetch(ProjectQuery(), 0, 1).first().id;
        const Project seenByA = *a.projects()->project(id), seenByB = *b.projects()->project(id);
        QUndoStack &stackA = *a.undoStack(), &stackB = *b.undoStack();

        Project mineA = seenByA;
        mineA.notes = QStringLiteral("甲：已约见投资方");
        QVERIFY(a.editProject(seenByA, mineA, ProjectField::Notes));
        QCOMPARE(a.projects()->project(id)->notes, mineA.notes);

        // B still holds the old record. Its change of another field merges with A's...
        Project mineB = seenByB;
        mineB.investor = QStringLiteral("乙：投资方更名");
        const Status first = b.editProject(seenByB, mineB, ProjectField::Investor);
        QVERIFY2(first, qPrintable(first.message()));
        Project now = *a.projects()->project(id);
        QCOMPARE(now.notes, mineA.notes);
        QCOMPARE(now.investor, mineB.investor);

        // ...its change of the same field is a conflict: it comes back as a value with both sides,
        // nothing is overwritten and nothing goes on the undo stack.
        QSignalSpy conflicts(&b, &Desk::editConflict);
        Project clash = seenByB;
        clash.notes = QStringLiteral("乙：项目暂缓");
        EditConflict conflict;
        QCOMPARE(b.editProject(seenByB, clash, ProjectField::Notes, &conflict).code(), Status::Code::Conflict);
        QCOMPARE(conflicts.count(), 1);
        QCOMPARE(conflict.merge.conflicts, QList<ProjectField>{ProjectField::Notes});
        QCOMPARE(conflict.theirs.notes, mineA.notes);
        QCOMPARE(a.projects()->project(id)->notes, mineA.notes);
        QCOMPARE(stackB.count(), 1); // the refused edit is not left on the undo stack

        // With the conflict view's answer ("mine" in the conflicting field), submitted again from
        // what is stored now, B's notes win, and the other fields keep both officers' changes.
        QVERIFY(b.editProject(conflict.theirs, conflict.merge.merged, ProjectField::Notes));
        now = *a.projects()->project(id);
        QCOMPARE(now.notes, clash.notes);
        QCOMPARE(now.investor, mineB.investor);
        QCOMPARE(now.version, seenByA.version + 3);
        QCOMPARE(stackA.count(), 1);

        // A plain stale save through the store is refused as a conflict.
        Project stale = seenByA;
        stale.name = QStringLiteral("过期副本");
        const Status s = a.projects()->updateProject(stale);
        QCOMPARE(s.code(), Status::Code::Conflict);
        QCOMPARE(a.projects()->project(id)->name, seenByA.name);
    }

    void targetsAreNotOverwrittenUnseen()
    {
        TestDesk desk;
        auto second = openDeskAs(desk);
        QVERIFY(second);
        Desk &a = desk.desk, &b = *second;
        FactStore &factsA = *a.facts(), &factsB = *b.facts();
        const qint64 unit = desk.unit(u"惠济区");
        const Target base{unit, 2032, QStringLiteral("signed_amount"), 40};
        QVERIFY(factsA.setTarget(base));
        // Both officers open the targets; A raises it to 50 first, B (who still sees 40) to 45.
        const QList<TargetChange> planA = TargetPlans::set(factsA, Target{unit, 2032, QStringLiteral("signed_amount"), 50});
        const QList<TargetChange> planB = TargetPlans::set(factsB, Target{unit, 2032, QStringLiteral("signed_amount"), 45});
        QUndoStack &stackA = *a.undoStack(), &stackB = *b.undoStack();
        QVERIFY(a.perform(new ChangeTargetsCommand(&a, planA, QStringLiteral("A"))));
        QCOMPARE(b.perform(new ChangeTargetsCommand(&b, planB, QStringLiteral("B"))).code(), Status::Code::Conflict);
        QCOMPARE(factsA.target(unit, 2032, QStringLiteral("signed_amount"))->value, 50.0);
        QCOMPARE(stackB.count(), 0);
        // Made again from what is stored now, B's change goes in; and A's undo no longer overwrites it.
        QVERIFY(b.perform(new ChangeTargetsCommand(&b, TargetPlans::set(factsB, Target{unit, 2032, QStringLiteral("signed_amount"), 45}),
                                                   QStringLiteral("B again"))));
        QCOMPARE(factsA.target(unit, 2032, QStringLiteral("signed_amount"))->value, 45.0);
        QSignalSpy undoRefused(&a, &Desk::errorOccurred);
        stackA.undo();
        QCOMPARE(undoRefused.count(), 1);
        QCOMPARE(factsA.target(unit, 2032, QStringLiteral("signed_amount"))->value, 45.0);
    }

    void activitiesAreNotOverwrittenUnseen()
    {
        TestDesk desk;
        auto second = openDeskAs(desk);
        QVERIFY(second);
        Desk &a = desk.desk, &b = *second;
        Activity trip;
        trip.unitId = desk.unit(u"惠济区");
        trip.date = QDate(2024, 4, 2);
        trip.kind = Activity::Kind::Trip;
        trip.places = QStringLiteral("深圳");
        QUndoStack &stackA = *a.undoStack(), &stackB = *b.undoStack();
        const Status added = a.perform(new ChangeActivityCommand(&a, std::nullopt, trip));
        QVERIFY2(added, qPrintable(added.message()));
        ActivityStore &storeA = *a.activities(), &storeB = *b.activities();
        Activity stored;
        for (const Activity &x : storeA.activities()) {
            if (x.date == trip.date && x.places == trip.places)
                stored = x;
        }
        QVERIFY(stored.id > 0);
        QCOMPARE(stored.places, QStringLiteral("深圳"));
        const Activity seenByB = *storeB.activity(stored.id);
        Activity byA = stored;
        byA.notes = QStringLiteral("对接企业5家");
        QVERIFY(a.perform(new ChangeActivityCommand(&a, stored, byA)));
        Activity byB = seenByB;
        byB.places = QStringLiteral("深圳、东莞");
        QCOMPARE(b.perform(new ChangeActivityCommand(&b, seenByB, byB)).code(), Status::Code::Conflict);
        QCOMPARE(stackB.count(), 0);
        QCOMPARE(storeA.activity(stored.id)->notes, QStringLiteral("对接企业5家"));
        QCOMPARE(storeA.activity(stored.id)->places, QStringLiteral("深圳"));
        // Undo and redo of one's own edits still work.
        stackA.undo();
        QCOMPARE(storeA.activity(stored.id)->notes, QString());
        stackA.redo();
        QCOMPARE(storeA.activity(stored.id)->notes, QStringLiteral("对接企业5家"));
    }

    void auditTrailIsComplete()
    {
        TestDesk desk;
        ProjectStore &store = *desk.store;
        QSqlQuery count(desk.db.connection());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) && count.next());
        const int before = count.value(0).toInt();

        // A batch of edits: a new project, a changed one (two fields and a stage date), a deleted one, a target.
        Project added;
        added.name = QStringLiteral("审计测试项目");
        added.unitId = desk.unit(u"惠济区");
        added.stage = Stage::Negotiating;
        added.plannedInvestment = 120000000;
        added.stageDates.insert(Stage::Negotiating, QDate(2024, 5, 6));
        QVERIFY(store.insertProject(added));
        Project changed = *store.project(firstProjectOf(store, desk.unit(u"覃塘区")));
        const Project original = changed;
        changed.notes = QStringLiteral("审计：备注");
        changed.plannedInvestment += 10000;
        changed.stageDates.insert(Stage::Signed, QDate(2024, 7, 8));
        QVERIFY(store.updateProject(changed));
        QVERIFY(store.deleteProject(added.id));
        FactStore facts(&desk.db);
        QVERIFY(facts.setTarget(Target{desk.unit(u"惠济区"), 2031, QStringLiteral("signed_amount"), 30}));

        QSqlQuery q = desk.db.query(QStringLiteral("SELECT who, table_name, record_id, action, field, old_value, new_value, at"
                                                   " FROM audit_log WHERE id > ? ORDER BY id"));
        QSqlQuery maxId(desk.db.connection());
        QVERIFY(maxId.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) && maxId.next());
        QVERIFY(maxId.value(0).toInt() > before);
        QVERIFY(count.exec(QStringLiteral("SELECT MIN(id) FROM (SELECT id FROM audit_log ORDER BY id DESC LIMIT %1) t")
                               .arg(maxId.value(0).toInt() - before)) && count.next());
        q.addBindValue(count.value(0).toLongLong() - 1);
        QVERIFY(q.exec());
        QStringList rows;
        while (q.next()) {
            QCOMPARE(q.value(0).toString(), desk.db.userName());
            QVERIFY(QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs).isValid());
            rows << QStringList{q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                                q.value(5).toString(), q.value(6).toString()}.join(QLatin1Char('|'));
        }
        const QString a = QString::number(added.id), c = QString::number(changed.id);
        auto has = [&rows](const QString &prefix) {
            for (const QString &r : rows) {
                if (r.startsWith(prefix))
                    return true;
            }
            return false;
        };
        QVERIFY2(has(QStringLiteral("projects|%1|insert||").arg(a)), qPrintable(rows.join(u'\n')));
        QVERIFY(has(QStringLiteral("projects|%1|update|stage_date_1||2024-05-06").arg(a)));
        QVERIFY(has(QStringLiteral("projects|%1|update|notes|%2|%3").arg(c, original.notes, changed.notes)));
        QVERIFY(has(QStringLiteral("projects|%1|update|planned_investment|%2|%3")
                        .arg(c).arg(original.plannedInvestment).arg(changed.plannedInvestment)));
        QVERIFY(has(QStringLiteral("projects|%1|update|stage_date_2|%2|2024-07-08")
                        .arg(c, original.stageDates.value(Stage::Signed).toString(Qt::ISODate))));
        QVERIFY(has(QStringLiteral("projects|%1|update|stage_date_1|2024-05-06|").arg(a)));
        QVERIFY(has(QStringLiteral("projects|%1|delete|").arg(a)));
        QVERIFY(has(QStringLiteral("targets|")));
        // Nothing but the changes: no row for a field that kept its value, no version bookkeeping.
        QVERIFY(!has(QStringLiteral("projects|%1|update|name|").arg(c)));
        QVERIFY(!has(QStringLiteral("projects|%1|update|version|").arg(c)));
        // The changed project: notes, planned investment and the signing date; nothing else.
        int ofChanged = 0;
        for (const QString &r : std::as_const(rows))
            ofChanged += r.startsWith(QStringLiteral("projects|%1|").arg(c));
        QCOMPARE(ofChanged, 3);
        QCOMPARE(auditRows(desk.db, QStringLiteral("projects"), changed.id, QStringLiteral("notes")), 1);
    }

    void killedClientLeavesNothingHalfWritten()
    {
        // ipdesk-cli import writes a long table in one transaction; killed part-way, the desk has all of it or none.
        TestDesk desk;
        const qint64 before = desk.store->projectCount();
        const auto sumsBefore = stageSumsAndRaw(desk.db);
        const QString csv = desk.dir.filePath(QStringLiteral("long.csv"));
        QByteArray data = "项目名称,所属区县,阶段,总投资(万元),签约时间\n";
        for (int i = 0; i < 30000; ++i)
            data += "中断测试项目" + QByteArray::number(i) + ",覃塘区,签约," + QByteArray::number(1000 + i) + ",2024-03-05\n";
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        for (int delay : {150, 400}) {
            QProcess p;
            p.start(QStringLiteral(IPDESK_CLI), {QStringLiteral("import"), QStringLiteral("--kind"), QStringLiteral("projects"),
                                                 csv, QStringLiteral("--db"), desk.location()});
            QVERIFY(p.waitForStarted());
            QTest::qWait(delay);
            p.kill();
            p.waitForFinished();
            // On the server the killed session's transaction is rolled back once the server notices it is gone.
            QTRY_VERIFY_WITH_TIMEOUT([&desk] {
                auto probe = openAs(desk);
                if (!probe)
                    return false;
                ProjectStore s(probe.get());
                Project x = *s.project(s.fetch(ProjectQuery(), 0, 1).first().id);
                x.notes = QStringLiteral("probe");
                return bool(s.updateProject(x)); // no lock left behind
            }(), 10000);
            const qint64 n = desk.store->projectCount();
            QVERIFY2(n == before || n == before + 30000, qPrintable(QString::number(n)));
            if (n == before)
                QCOMPARE(stageSumsAndRaw(desk.db).first, sumsBefore.first);
            const auto sums = stageSumsAndRaw(desk.db);
            QCOMPARE(sums.first, sums.second);
        }
    }

    void migrateRoundTripGivesTheSameDesk()
    {
        if (!testOnServer())
            QSKIP("moves a desk file to the team server and back");
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("personal.ipdesk"));
        const QString back = dir.filePath(QStringLiteral("offline.ipdesk"));
        TestServerDatabase server;
        auto cli = [](const QStringList &args) {
            QProcess p;
            p.start(QStringLiteral(IPDESK_CLI), args);
            p.waitForFinished(120000);
            if (p.exitCode() != 0)
                qWarning("%s", p.readAllStandardError().constData());
            return p.exitCode();
        };
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--db"), original}), 0);
        {
            // Some history and settings of the officer's own, which must come along.
            Database db;
            QVERIFY(db.open(original));
            ProjectStore store(&db);
            Project p = *store.project(store.fetch(ProjectQuery(), 0, 1).first().id);
            p.notes = QStringLiteral("迁移前的修改");
            QVERIFY(store.updateProject(p));
            QVERIFY(db.setSetting(QStringLiteral("bulletin.yellow"), QStringLiteral("12")));
        }
        QCOMPARE(cli({QStringLiteral("migrate"), QStringLiteral("--from"), original, QStringLiteral("--to"), server.address}), 0);
        QCOMPARE(cli({QStringLiteral("migrate"), QStringLiteral("--from"), server.address, QStringLiteral("--to"), back}), 0);
        // Into a desk that has records: refused, and nothing changes.
        QVERIFY(cli({QStringLiteral("migrate"), QStringLiteral("--from"), original, QStringLiteral("--to"), server.address}) != 0);

        Database a, b, s;
        QVERIFY(a.open(original, Database::OpenMode::ExistingOnly));
        QVERIFY(b.open(back, Database::OpenMode::ExistingOnly));
        QVERIFY(s.open(server.address, Database::OpenMode::ExistingOnly));
        const QStringList da = dump(a), db = dump(b), ds = dump(s);
        QVERIFY(da.size() > 1000);
        QCOMPARE(ds, da);
        QCOMPARE(db, da);
        QCOMPARE(s.setting(QStringLiteral("bulletin.yellow")), QStringLiteral("12"));
        QCOMPARE(b.setting(QStringLiteral("bulletin.yellow")), QStringLiteral("12"));
        // New records on the server continue after the copied ids.
        ProjectStore store(&s);
        Project p;
        p.name = QStringLiteral("迁移后新增");
        p.unitId = store.units().first().id;
        QVERIFY(store.insertProject(p));
        a.close();
        b.close();
        s.close();
    }

    void otherOfficersChangesArrive()
    {
        TestDesk desk;
        auto second = openAs(desk);
        QVERIFY(second);
        ChangeNotifier notifier(second.get());
        QSignalSpy spy(&notifier, &ChangeNotifier::changedElsewhere);
        QTest::qWait(100);
        QCOMPARE(spy.count(), 0);
        Project p = *desk.store->project(desk.store->fetch(ProjectQuery(), 0, 1).first().id);
        p.notes = QStringLiteral("通知测试");
        QVERIFY(desk.store->updateProject(p));
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() > 0, 5000);
        if (testOnServer())
            QCOMPARE(spy.first().first().toString(), QStringLiteral("projects"));
    }

    void addressesKeepEveryCharacterOfAPassword()
    {
        ServerAddress a;
        a.host = QStringLiteral("10.0.0.5");
        a.port = 6543;
        a.database = QStringLiteral("zhaoshang");
        a.user = QStringLiteral("li.ming");
        a.password = QStringLiteral("p@ss:w/o%rd#1");
        a.sslMode = QStringLiteral("require");
        const auto back = ServerAddress::parse(a.toString(true));
        QVERIFY(back);
        QCOMPARE(back->password, a.password);
        QCOMPARE(back->user, a.user);
        QCOMPARE(back->database, a.database);
        QCOMPARE(back->port, 6543);
        QCOMPARE(back->sslMode, QStringLiteral("require"));
        // Without the password, as the recent-desks list and the keyring key keep it.
        QVERIFY(ServerAddress::parse(a.toString(false))->password.isEmpty());
        QVERIFY(!ServerAddress::parse(QStringLiteral("postgresql://host")));           // no database
        QVERIFY(!ServerAddress::parse(QStringLiteral("mysql://host/db")));             // not PostgreSQL
    }

    void refusesForeignAndNewerDatabases()
    {
        if (!testOnServer())
            QSKIP("tst_database checks the same for desk files");
        {
            // An empty database holds no desk yet: the window offers to set one up (the code, not the words, says so).
            TestServerDatabase empty;
            const Status none = Database().open(empty.address, Database::OpenMode::ExistingOnly);
            QCOMPARE(none.code(), Status::Code::NoDesk);
        }
        {
            TestServerDatabase other;
            TestServerDatabase::run(QStringLiteral("SELECT 1")); // the server is there
            Database raw;
            // Another program's database: a table of its own and no meta.
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("foreign"));
            {
                const ServerAddress a = *ServerAddress::parse(other.address);
                c.setHostName(a.host);
                c.setPort(a.port);
                c.setDatabaseName(a.database);
                c.setUserName(a.user);
                c.setPassword(a.password);
                QVERIFY(c.open());
                QSqlQuery q(c);
                QVERIFY(q.exec(QStringLiteral("CREATE TABLE invoices (id int)")));
                c.close();
            }
            c = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
            const Status s = raw.open(other.address);
            QVERIFY(!s);
            QVERIFY(s.message().contains(QStringLiteral("IPDesk")));
        }
        TestDesk desk(false);
        {
            // A desk of an older format: an officer is told to ask the administrator, whose opening upgrades it.
            Status s;
            const qint64 unit = desk.store->addUnit(Unit{0, 0, QStringLiteral("甲区"), UnitKind::District}, &s);
            const QString login = uniqueLogin("older");
            QVERIFY(TeamUsers::save(desk.db, TeamUser{login, TeamUser::Role::Officer, unit, {}}, QStringLiteral("o")));
            QVERIFY(desk.db.exec(QStringLiteral("UPDATE meta SET value = '4' WHERE key = 'schema_version'")));
            ServerAddress a = *ServerAddress::parse(desk.location());
            a.user = login;
            a.password = QStringLiteral("o");
            Database officer;
            const Status refused = officer.open(a.toString(true));
            QVERIFY(!refused);
            QVERIFY2(refused.message().contains(QStringLiteral("administrator")), qPrintable(refused.message()));
            Database admin;
            QVERIFY(admin.open(desk.location()));
            QCOMPARE(admin.schemaVersion(), Database::SchemaVersion);
            admin.close();
            QVERIFY(officer.open(a.toString(true)));
        }
        QVERIFY(desk.db.exec(QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version'")));
        Database newer;
        const Status s = newer.open(desk.location());
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("99")), qPrintable(s.message()));
        // Encryption required of a server that offers none: refused, not silently sent in the clear.
        ServerAddress tls = *ServerAddress::parse(desk.location());
        tls.sslMode = QStringLiteral("require");
        const Status t = Database().open(tls.toString(true));
        QVERIFY(!t);
        QVERIFY2(t.message().contains(QStringLiteral("SSL"), Qt::CaseInsensitive), qPrintable(t.message()));
        // A wrong password is refused plainly.
        ServerAddress wrong = *ServerAddress::parse(desk.location());
        wrong.password = QStringLiteral("wrong");
        const Status w = Database().open(wrong.toString(true));
        QCOMPARE(w.code(), Status::Code::Denied);
    }

    void reconnectsAfterTheConnectionDrops()
    {
        if (!testOnServer())
            QSKIP("a desk file has no connection to lose");
        TestDesk desk;
        QVERIFY(desk.db.ping());
        QSqlQuery pid(desk.db.connection());
        QVERIFY(pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next());
        TestServerDatabase::run(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid.value(0).toInt()));
        QVERIFY(!desk.db.ping());
        Status s;
        QVERIFY(!desk.store->project(1, &s));
        const Status r = desk.db.reconnect();
        QVERIFY2(r, qPrintable(r.message()));
        QVERIFY(desk.db.ping());
        QVERIFY(desk.store->projectCount() > 0);
    }
};

QTEST_GUILESS_MAIN(TestTeamDesk)
#include "tst_teamdesk.moc"
