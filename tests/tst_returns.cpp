// Monthly returns (月报) up the chain and follow-up tasks (督办). The suite runs on desk files
// (one officer acting for every unit) and on the PostgreSQL server (tst_returns_pg), where each
// unit has its own accounts and the server itself keeps them to their part.
#include "testdesk.h"

#include "base/metrics.h"
#include "desk/taskstore.h"
#include "models/changelogmodel.h"
#include "desk/teamusers.h"
#include "progress/bulletin.h"
#include "progress/returns.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>

using namespace IPDesk;

namespace {

QString uniqueLogin(const char *prefix)
{
    static int n = 0;
    return QStringLiteral("%1_%2_%3").arg(QLatin1String(prefix)).arg(QCoreApplication::applicationPid()).arg(++n);
}

/// The desk as an officer of `unit` opens it: on the server an account of that unit; on a file the
/// same desk (the one officer of a personal desk acts for every unit).
struct Officer
{
    std::unique_ptr<Desk> own;
    Desk *desk = nullptr;
    Officer(TestDesk &test, qint64 unit, const char *prefix)
    {
        if (!testOnServer()) {
            desk = &test.desk;
            return;
        }
        const QString login = uniqueLogin(prefix);
        const Status s = TeamUsers::save(test.db, TeamUser{login, TeamUser::Role::Officer, unit, QString()}, QStringLiteral("pw-1"));
        if (!s)
            qFatal("cannot make an account: %s", qPrintable(s.message()));
        ServerAddress a = *ServerAddress::parse(test.location());
        a.user = login;
        a.password = QStringLiteral("pw-1");
        own = std::make_unique<Desk>();
        const Status o = own->open(a.toString(true), Database::OpenMode::ExistingOnly);
        if (!o)
            qFatal("cannot open as %s: %s", qPrintable(login), qPrintable(o.message()));
        desk = own.get();
    }
    QSqlQuery raw() const { return QSqlQuery(desk->database()->connection()); }
};

std::optional<ReturnFigure> figureOf(const MonthlyReturn &r, const QString &metric)
{
    for (const ReturnFigure &f : r.figures) {
        if (f.metric == metric)
            return f;
    }
    return std::nullopt;
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000))
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

QByteArray cli(const QStringList &args, int *exitCode, QByteArray *errors = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(IPDESK_CLI), args);
    p.waitForFinished(60000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (errors)
        *errors = p.readAllStandardError();
    return p.readAllStandardOutput();
}

const QString signedCount = QStringLiteral("signed_projects");
const QString signedAmount = QStringLiteral("signed_investment");

} // namespace

class TestReturns : public QObject
{
    Q_OBJECT
private slots:
    /// The month: three towns and departments of a district report June. One is approved,
    /// one is returned with an opinion and submits again, one is late. The bulletin names the late
    /// one and, by the bureau's rule, counts only approved figures.
    void aMonthOfThreeUnits()
    {
        TestDesk test;
        const qint64 district = test.unit(u"惠济区"), approvedUnit = test.unit(u"花园口镇"),
                     returnedUnit = test.unit(u"古荥镇"), lateUnit = test.unit(u"惠济区商务局");
        QVERIFY(district && approvedUnit && returnedUnit && lateUnit);
        Officer reviewer(test, district, "huiji");
        Officer first(test, approvedUnit, "huayuankou");
        Officer second(test, returnedUnit, "guxing");

        // 花园口镇 submits what the desk counts; the district approves it.
        ReturnBook firstBook(first.desk);
        const auto drafted = firstBook.returnOf(approvedUnit, 2023, 6);
        QVERIFY(drafted);
        QCOMPARE(drafted->id, 0);
        QCOMPARE(drafted->state, ReturnState::Draft);
        QVERIFY(figureOf(*drafted, signedCount));
        QVERIFY(figureOf(*drafted, signedAmount));
        Status s = firstBook.submit(approvedUnit, 2023, 6);
        QVERIFY2(s, qPrintable(s.message()));
        ReturnBook reviewerBook(reviewer.desk);
        s = reviewerBook.approve(approvedUnit, 2023, 6);
        QVERIFY2(s, qPrintable(s.message()));

        // 古荥镇 corrects a figure (with its reason) and submits; the district returns it.
        ReturnBook secondBook(second.desk);
        QVERIFY(!secondBook.correct(returnedUnit, 2023, 6, signedCount, 7, QString())); // a correction needs its reason
        s = secondBook.correct(returnedUnit, 2023, 6, signedCount, 7, QStringLiteral("含两个意向协议"));
        QVERIFY2(s, qPrintable(s.message()));
        QVERIFY2(secondBook.submit(returnedUnit, 2023, 6), "submit");
        const QString opinion = QStringLiteral("意向协议不计入签约项目,请核减后重报");
        QVERIFY(!reviewerBook.sendBack(returnedUnit, 2023, 6, QString())); // an opinion is needed
        s = reviewerBook.sendBack(returnedUnit, 2023, 6, opinion);
        QVERIFY2(s, qPrintable(s.message()));

        // The returned unit reads the opinion, cannot approve its own return, and submits again.
        auto back = secondBook.returnOf(returnedUnit, 2023, 6);
        QVERIFY(back);
        QCOMPARE(back->state, ReturnState::Returned);
        QCOMPARE(back->opinion, opinion);
        if (testOnServer()) {
            s = secondBook.approve(returnedUnit, 2023, 6);
            QCOMPARE(s.code(), Status::Code::Denied);
            // Nor by hand-written SQL on its own connection, in any of the ways round.
            QSqlQuery raw = second.raw();
            QVERIFY(!raw.exec(QStringLiteral("UPDATE monthly_returns SET state = 'submitted' WHERE unit_id = %1 AND year = 2023 AND month = 6")
                                  .arg(returnedUnit))
                    || raw.numRowsAffected() == 1); // submitting its own is allowed...
            QVERIFY(!raw.exec(QStringLiteral("UPDATE monthly_returns SET state = 'approved', reviewed_by = 'x' WHERE unit_id = %1"
                                             " AND year = 2023 AND month = 6").arg(returnedUnit)));
            QCOMPARE(Database::errorFrom(raw).code(), Status::Code::Denied);
            QVERIFY(!raw.exec(QStringLiteral("INSERT INTO monthly_returns (unit_id, year, month, state) VALUES (%1, 2023, 7, 'approved')")
                                  .arg(returnedUnit)));
            QVERIFY(!raw.exec(QStringLiteral("UPDATE monthly_returns SET state = 'approved' WHERE unit_id = %1 AND year = 2023 AND month = 6")
                                  .arg(approvedUnit))
                    || raw.numRowsAffected() == 0);
            QVERIFY(!raw.exec(QStringLiteral("UPDATE return_figures SET value = 99 WHERE return_id IN"
                                             " (SELECT id FROM monthly_returns WHERE unit_id = %1)").arg(approvedUnit))
                    || raw.numRowsAffected() == 0);
            QVERIFY(!raw.exec(QStringLiteral("DELETE FROM monthly_returns WHERE unit_id = %1").arg(returnedUnit))
                    || raw.numRowsAffected() == 0);
            // ...and the reviewer cannot submit for the town.
            s = reviewerBook.correct(returnedUnit, 2023, 6, signedCount, 5, QStringLiteral("代填"));
            QVERIFY2(s.code() == Status::Code::Denied, qPrintable(s.message()));
            // Reset what the first statement may have submitted: it is the town's to submit anyway.
            back = secondBook.returnOf(returnedUnit, 2023, 6);
            QVERIFY(back);
            if (back->state == ReturnState::Submitted)
                QVERIFY(reviewerBook.sendBack(returnedUnit, 2023, 6, opinion));
        }
        s = secondBook.correct(returnedUnit, 2023, 6, signedCount, 5, QStringLiteral("已核减意向协议"));
        QVERIFY2(s, qPrintable(s.message()));
        QVERIFY(secondBook.submit(returnedUnit, 2023, 6));
        if (testOnServer()) {
            // Submitted again, it waits for the district: the town cannot approve it, by hand either.
            QCOMPARE(secondBook.approve(returnedUnit, 2023, 6).code(), Status::Code::Denied);
            QSqlQuery raw = second.raw();
            QVERIFY(!raw.exec(QStringLiteral("UPDATE monthly_returns SET state = 'approved' WHERE unit_id = %1 AND year = 2023 AND month = 6")
                                  .arg(returnedUnit)));
            QCOMPARE(Database::errorFrom(raw).code(), Status::Code::Denied);
        }

        // The state of each, as the district sees it: the department never reported and is overdue.
        QHash<qint64, MonthlyReturn> byUnit;
        for (const MonthlyReturn &r : reviewerBook.returns(2023, 6, district))
            byUnit.insert(r.unitId, r);
        QCOMPARE(byUnit.value(approvedUnit).state, ReturnState::Approved);
        QCOMPARE(byUnit.value(returnedUnit).state, ReturnState::Submitted);
        QCOMPARE(byUnit.value(lateUnit).state, ReturnState::Draft);
        QVERIFY(byUnit.value(lateUnit).overdue);
        QVERIFY(!byUnit.value(returnedUnit).overdue);
        QCOMPARE(byUnit.value(lateUnit).deadline, QDate(2023, 7, 5));
        if (testOnServer()) {
            // Who did what is the server's record of the accounts, not what a client said.
            QCOMPARE(byUnit.value(approvedUnit).submittedBy, first.desk->userName());
            QCOMPARE(byUnit.value(approvedUnit).reviewedBy, reviewer.desk->userName());
        }
        // The history of the returned one: submitted, returned with the opinion, submitted again.
        QStringList steps;
        for (const AuditEntry &e : reviewerBook.history(byUnit.value(returnedUnit).id)) {
            if (e.field == QLatin1String("state"))
                steps << e.after;
        }
        QStringList expected{QStringLiteral("submitted"), QStringLiteral("returned")};
        if (testOnServer())
            expected << expected; // the hand-written submit above, and its return
        expected << QStringLiteral("submitted");
        QCOMPARE(steps, expected);

        // The bulletin with the rule "approved figures only": the approved town's figure counts, the
        // others have none; the late unit and the one waiting are named.
        ProgressSettings rules = ProgressSettings::load(&test.desk);
        rules.approvedReturnsOnly = true;
        const QDate asOf(2023, 6, 30);
        const BulletinData d = BulletinData::collect(&test.desk, rules, 2023, asOf, district);
        const auto approvedFigure = figureOf(*reviewerBook.returnOf(approvedUnit, 2023, 6), signedCount);
        QVERIFY(approvedFigure);
        bool sawApproved = false;
        for (const ProgressRow &r : d.rows) {
            if (r.metric != signedCount)
                continue;
            if (r.unitId == approvedUnit) {
                sawApproved = true;
                QVERIFY(r.hasActual);
                QCOMPARE(r.actual, approvedFigure->value);
                QCOMPARE(r.source, QStringLiteral("return"));
            }
            if (r.unitId == returnedUnit || r.unitId == lateUnit)
                QVERIFY2(!r.hasActual, qPrintable(r.unit)); // submitted or missing: not approved, not counted
        }
        QVERIFY(sawApproved);
        QCOMPARE(d.returnMonth, 6);
        QCOMPARE(d.returnsApproved, 1);
        QCOMPARE(d.returnsTotal, 3);
        QStringList open;
        for (const MonthlyReturn &r : d.openReturns)
            open << r.unit;
        QCOMPARE(open, (QStringList{QStringLiteral("惠济区商务局"), QStringLiteral("古荥镇")})); // the late one first

        // In the PDF as a reader copies it.
        const QString pdf = test.dir.filePath(QStringLiteral("bulletin.pdf"));
        s = BulletinWriter::writePdf(d, pdf);
        QVERIFY2(s, qPrintable(s.message()));
        const QString text = pdfText(pdf).simplified();
        QVERIFY2(text.contains(QStringLiteral("Monthly returns of")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("1 of 3 units' returns are approved")));
        QVERIFY2(text.contains(QStringLiteral("Overdue, not submitted (1): 惠济区商务局")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Waiting for review (1): 古荥镇")));
        // The approved town is not among the named ones.
        const qsizetype from = text.indexOf(QStringLiteral("Monthly returns of")),
                        to = text.indexOf(QStringLiteral("Waiting for review (1): 古荥镇"));
        QVERIFY(from >= 0 && to > from);
        QVERIFY(!text.mid(from, to - from).contains(QStringLiteral("花园口镇")));
    }

    /// Approved figures are locked; a correction reopens the return (the reviewer's step) and says so.
    void anApprovedReturnIsLockedUntilReopened()
    {
        TestDesk test;
        const qint64 district = test.unit(u"惠济区"), town = test.unit(u"花园口镇");
        Officer reviewer(test, district, "huiji");
        Officer officer(test, town, "huayuankou");
        ReturnBook unitBook(officer.desk), reviewerBook(reviewer.desk);
        QVERIFY(unitBook.submit(town, 2023, 5));
        // Submitted: waiting for review, not to be changed meanwhile.
        QVERIFY(!unitBook.correct(town, 2023, 5, signedCount, 3, QStringLiteral("补录")));
        QVERIFY(reviewerBook.approve(town, 2023, 5, QStringLiteral("同意")));
        const auto approved = unitBook.returnOf(town, 2023, 5);
        const double before = figureOf(*approved, signedCount)->value;

        Status s = unitBook.correct(town, 2023, 5, signedCount, before + 1, QStringLiteral("漏报一个项目"));
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("Reopen")), qPrintable(s.message()));
        // Nobody edits an approved return, whatever SQL: not the unit, not the reviewer, not the owner.
        for (Database *db : {officer.desk->database(), reviewer.desk->database(), test.desk.database()}) {
            QSqlQuery raw(db->connection());
            const bool done = raw.exec(QStringLiteral("UPDATE return_figures SET value = value + 1 WHERE return_id = %1").arg(approved->id));
            QVERIFY(!done || raw.numRowsAffected() == 0);
            QVERIFY(!raw.exec(QStringLiteral("UPDATE monthly_returns SET state = 'submitted' WHERE id = %1").arg(approved->id))
                    || raw.numRowsAffected() == 0);
        }
        QCOMPARE(figureOf(*unitBook.returnOf(town, 2023, 5), signedCount)->value, before);

        if (testOnServer())
            QCOMPARE(unitBook.reopen(town, 2023, 5, QStringLiteral("自己改")).code(), Status::Code::Denied);
        s = reviewerBook.reopen(town, 2023, 5, QStringLiteral("同意更正漏报项目"));
        QVERIFY2(s, qPrintable(s.message()));
        s = unitBook.correct(town, 2023, 5, signedCount, before + 1, QStringLiteral("漏报一个项目"));
        QVERIFY2(s, qPrintable(s.message()));
        const auto reopened = unitBook.returnOf(town, 2023, 5);
        QCOMPARE(reopened->state, ReturnState::Draft);
        QCOMPARE(reopened->opinion, QStringLiteral("同意更正漏报项目"));
        const auto corrected = figureOf(*reopened, signedCount);
        QCOMPARE(corrected->value, before + 1);
        QVERIFY(corrected->isCorrected());
        QCOMPARE(corrected->reason, QStringLiteral("漏报一个项目"));
        // The review shows the difference against the pipeline.
        bool differs = false;
        for (const ReturnCheck &c : reviewerBook.check(*reopened))
            differs = differs || (c.figure.metric == signedCount && c.differs);
        QVERIFY(differs);
    }

    /// A return's figures rest on the projects they count; the deadline follows the level.
    void figuresRestOnProjectsAndDeadlinesOnTheLevel()
    {
        TestDesk test;
        ReturnBook book(&test.desk);
        const qint64 town = test.unit(u"花园口镇"), district = test.unit(u"惠济区");
        const auto r = book.returnOf(district, 2023, 6);
        QVERIFY(r);
        const auto f = figureOf(*r, signedCount);
        QVERIFY(f);
        QCOMPARE(f->source, QStringLiteral("pipeline"));
        QCOMPARE(f->projects.size(), qsizetype(std::lround(f->value)));
        for (qint64 id : f->projects) {
            const auto p = test.store->project(id);
            QVERIFY(p);
            QVERIFY(test.store->subtree(district).contains(p->unitId));
            QVERIFY(p->stageDates.value(Stage::Signed) <= QDate(2023, 6, 30));
        }
        // A district reports to its city by the 8th, a town to its district by the 5th (the rules).
        QCOMPARE(book.deadline(district, 2023, 6), QDate(2023, 7, 8));
        QCOMPARE(book.deadline(town, 2023, 12), QDate(2024, 1, 5));
        ProgressSettings rules = ProgressSettings::load(&test.desk);
        rules.returnDayDistrict = 10;
        QVERIFY(rules.save(test.db));
        QCOMPARE(book.deadline(town, 2023, 6), QDate(2023, 7, 10));
        rules.returnDayCity = 31;
        QVERIFY(!rules.save(test.db)); // no such day in every month
        // A city reports to nobody.
        Status s;
        QVERIFY(!book.returnOf(test.unit(u"郑州市"), 2023, 6, &s));
        QVERIFY(!s.message().isEmpty());
        // Judged on the day: before the 5th of July nothing of June is overdue.
        book.setToday(QDate(2023, 7, 4));
        QCOMPARE(book.overdueCount(2023, 6), 0);
        book.setToday(QDate(2023, 7, 20));
        QVERIFY(book.overdueCount(2023, 6) > 3);
    }

    /// Follow-up tasks: open, overdue, replied to and done; on the server only the unit and those
    /// above it write them.
    void followUpTasks()
    {
        TestDesk test;
        const qint64 district = test.unit(u"惠济区"), town = test.unit(u"花园口镇"), other = test.unit(u"覃塘区");
        Officer leader(test, district, "huiji");
        Officer officer(test, town, "huayuankou");
        ProgressCalculator calc(&test.desk, ProgressSettings::load(&test.desk));
        const QList<StuckProject> stuck = calc.stuckProjects(QDate(2024, 3, 31), test.store->subtree(town));
        QVERIFY(!stuck.isEmpty());
        // The one-click task of the stalled list: the project's unit, what it waits for, the bureau's days.
        FollowUpTask t = *followUpTaskFor(&test.desk, stuck.first(), QDate(2024, 3, 31));
        QVERIFY(test.store->subtree(town).contains(t.unitId));
        QCOMPARE(t.projectId, stuck.first().projectId);
        QCOMPARE(t.what, ChartPainter::stalledText(stuck.first()));
        QCOMPARE(t.due, QDate(2024, 3, 31).addDays(ProgressSettings::load(&test.desk).taskDays));
        t.due = QDate(2024, 4, 15);
        TaskStore leaderTasks(leader.desk->database()), unitTasks(officer.desk->database());
        Status s;
        QVERIFY(leaderTasks.insert(t, &s));
        QVERIFY2(s, qPrintable(s.message()));
        FollowUpTask empty;
        empty.unitId = town;
        empty.due = QDate(2024, 4, 15);
        QVERIFY(!leaderTasks.insert(empty, &s)); // says nothing to do

        QCOMPARE(unitTasks.overdueCount(QDate(2024, 4, 10)), 0);
        QCOMPARE(unitTasks.overdueCount(QDate(2024, 4, 16)), 1);
        QVERIFY(unitTasks.reply(t.id, QStringLiteral("已约企业下周办理注册")));
        QVERIFY(unitTasks.setDone(t.id, true, QDate(2024, 4, 12)));
        const auto done = leaderTasks.task(t.id);
        QVERIFY(done);
        QCOMPARE(done->stateCode(QDate(2024, 5, 1)), QStringLiteral("done"));
        QCOMPARE(done->replies.size(), 1);
        QCOMPARE(done->replies.first().body, QStringLiteral("已约企业下周办理注册"));
        QCOMPARE(done->doneOn, QDate(2024, 4, 12));
        // Opened again: no day of completion any more (a DATE column on the server takes no '').
        QVERIFY(unitTasks.setDone(t.id, false));
        QCOMPARE(leaderTasks.task(t.id)->state, FollowUpTask::State::Open);
        QVERIFY(!leaderTasks.task(t.id)->doneOn.isValid());
        QVERIFY(unitTasks.setDone(t.id, true, QDate(2024, 4, 12)));
        if (testOnServer()) {
            QCOMPARE(done->replies.first().who, officer.desk->userName());
            QCOMPARE(done->createdBy, leader.desk->userName());
            // The town cannot assign the district's rival a task, nor change one of another unit.
            FollowUpTask foreign;
            foreign.unitId = other;
            foreign.what = QStringLiteral("越权督办");
            foreign.due = QDate(2024, 4, 1);
            QVERIFY(!unitTasks.insert(foreign, &s));
            QCOMPARE(s.code(), Status::Code::Denied);
            // Nor delete a task of the district's rival.
            FollowUpTask rival;
            rival.unitId = other;
            rival.what = QStringLiteral("覃塘区督办");
            rival.due = QDate(2024, 4, 1);
            QVERIFY(TaskStore(test.desk.database()).insert(rival, &s));
            QCOMPARE(unitTasks.remove(rival.id).code(), Status::Code::Denied);
            QVERIFY(leaderTasks.task(rival.id));
            QSqlQuery raw = officer.raw();
            QVERIFY(!raw.exec(QStringLiteral("INSERT INTO follow_up_tasks (unit_id, what, due_on) VALUES (%1, 'x', '2024-01-01')").arg(other)));
            QVERIFY(!raw.exec(QStringLiteral("UPDATE follow_up_tasks SET created_by = 'someone' WHERE id = %1").arg(t.id))
                    || leaderTasks.task(t.id)->createdBy == leader.desk->userName());
        }
    }

    /// The change log names a return by its unit and month, and its steps in the officer's words.
    void theChangeLogNamesReturnsAndTasks()
    {
        TestDesk test;
        ReturnBook book(&test.desk);
        const qint64 town = test.unit(u"古荥镇");
        QVERIFY(book.correct(town, 2023, 6, signedCount, 9, QStringLiteral("补录")));
        QVERIFY(book.submit(town, 2023, 6));
        QVERIFY(book.sendBack(town, 2023, 6, QStringLiteral("请附项目清单")));
        FollowUpTask t;
        t.unitId = town;
        t.what = QStringLiteral("督促注册");
        t.due = QDate(2023, 8, 1);
        Status s;
        QVERIFY(TaskStore(test.desk.database()).insert(t, &s));

        ChangeLogModel model(&test.desk);
        ChangeLogFilter f;
        f.table = QStringLiteral("monthly_returns");
        model.setFilter(f);
        auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QVERIFY(model.rowCount() >= 3);
        // Newest first: the opinion and the step back, then the submission.
        QStringList fields, afters;
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY2(text(row, ChangeLogModel::Record).contains(QStringLiteral("古荥镇")), qPrintable(text(row, ChangeLogModel::Record)));
            QVERIFY(text(row, ChangeLogModel::Record).contains(QLatin1String("2023")));
            fields << text(row, ChangeLogModel::Field);
            afters << text(row, ChangeLogModel::After);
        }
        QVERIFY2(afters.contains(QStringLiteral("Returned")) && afters.contains(QStringLiteral("Submitted")), qPrintable(afters.join(u'|')));
        QVERIFY(afters.contains(QStringLiteral("请附项目清单")));
        QVERIFY(fields.contains(QStringLiteral("Opinion")));
        f.table = QStringLiteral("return_figures");
        model.setFilter(f);
        bool corrected = false;
        for (int row = 0; row < model.rowCount(); ++row)
            corrected = corrected || (text(row, ChangeLogModel::Record).contains(Metrics::name(signedCount)) && text(row, ChangeLogModel::After) == Metrics::formatValue(signedCount, 9));
        QVERIFY(corrected);
        f.table = QStringLiteral("follow_up_tasks");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(text(0, ChangeLogModel::Record).contains(QStringLiteral("督促注册")));
        QCOMPARE(text(0, ChangeLogModel::Field), QStringLiteral("Follow-up task assigned"));
    }

    /// The command line: returns, return submit|approve|send-back|reopen and tasks (cli.md).
    void theCommandLineMovesReturnsOn()
    {
        if (testOnServer())
            QSKIP("the command line is the same on both; run once, on a desk file");
        TestDesk test;
        const QString db = test.path();
        test.close();
        int code = 0;
        QByteArray errors;
        const QStringList month{QStringLiteral("--db"), db, QStringLiteral("--year"), QStringLiteral("2023"),
                                QStringLiteral("--month"), QStringLiteral("6")};
        cli(QStringList{QStringLiteral("return"), QStringLiteral("submit"), QStringLiteral("--unit"), QStringLiteral("古荥镇")} + month, &code, &errors);
        QVERIFY2(code == 0, errors.constData());
        cli(QStringList{QStringLiteral("return"), QStringLiteral("send-back"), QStringLiteral("--unit"), QStringLiteral("古荥镇")} + month, &code);
        QCOMPARE(code, 2); // without the opinion
        cli(QStringList{QStringLiteral("return"), QStringLiteral("send-back"), QStringLiteral("--unit"), QStringLiteral("古荥镇"),
                        QStringLiteral("--opinion"), QStringLiteral("请补充项目清单")} + month, &code, &errors);
        QVERIFY2(code == 0, errors.constData());
        cli(QStringList{QStringLiteral("return"), QStringLiteral("approve"), QStringLiteral("--unit"), QStringLiteral("古荥镇")} + month, &code, &errors);
        QCOMPARE(code, 1); // a returned return is submitted again before it is approved
        QVERIFY(!errors.trimmed().isEmpty());
        cli(QStringList{QStringLiteral("return"), QStringLiteral("approve"), QStringLiteral("--unit"), QStringLiteral("无此单位")} + month, &code);
        QCOMPARE(code, 1);

        const QByteArray json = cli(QStringList{QStringLiteral("returns"), QStringLiteral("--json")} + month, &code, &errors);
        QVERIFY2(code == 0, errors.constData());
        bool seen = false;
        int rows = 0;
        for (const QByteArray &line : json.split('\n')) {
            if (line.isEmpty())
                continue;
            ++rows;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY(o.contains(QLatin1String("deadline")) && o.contains(QLatin1String("overdue")));
            if (o.value(QLatin1String("unit")).toString() == QStringLiteral("古荥镇")) {
                seen = true;
                QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("returned"));
                QCOMPARE(o.value(QLatin1String("opinion")).toString(), QStringLiteral("请补充项目清单"));
                QCOMPARE(o.value(QLatin1String("overdue")).toBool(), true); // July 2023 has long passed
            }
        }
        QVERIFY(seen);
        QVERIFY(rows > 10); // every unit that reports to one above

        // tasks --json: what a task says.
        {
            Desk d;
            QVERIFY(d.open(db, Database::OpenMode::ExistingOnly));
            FollowUpTask t;
            t.unitId = d.projects()->unitByName(QStringLiteral("古荥镇"));
            t.what = QStringLiteral("督促项目尽快注册");
            t.due = QDate(2023, 8, 1);
            Status s;
            QVERIFY(TaskStore(d.database()).insert(t, &s));
        }
        const QByteArray tasks = cli({QStringLiteral("tasks"), QStringLiteral("--json"), QStringLiteral("--db"), db}, &code, &errors);
        QVERIFY2(code == 0, errors.constData());
        const QJsonObject task = QJsonDocument::fromJson(tasks.split('\n').first()).object();
        QCOMPARE(task.value(QLatin1String("unit")).toString(), QStringLiteral("古荥镇"));
        QCOMPARE(task.value(QLatin1String("what")).toString(), QStringLiteral("督促项目尽快注册"));
        QCOMPARE(task.value(QLatin1String("due")).toString(), QStringLiteral("2023-08-01"));
        QCOMPARE(task.value(QLatin1String("state")).toString(), QStringLiteral("overdue"));
    }
};

QTEST_MAIN(TestReturns)
#include "tst_returns.moc"
