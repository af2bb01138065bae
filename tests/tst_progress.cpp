// Progress, pace, status and ranking arithmetic on a small desk built for each case.
#include "desk/activitystore.h"
#include "desk/factstore.h"
#include "progress/progress.h"
#include "pipelinebyhand.h"
#include "testdesk.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QUndoStack>

using namespace IPDesk;

namespace {

/// 市 → 甲区 (towns 甲一镇, 甲二镇), 乙区, 丙区.
struct SmallDesk : TestDesk
{
    qint64 city, a, a1, a2, b, c;
    SmallDesk()
        : TestDesk(false)
    {
        Status s;
        city = store->addUnit(Unit{0, 0, QStringLiteral("测试市"), UnitKind::City}, &s);
        a = store->addUnit(Unit{0, city, QStringLiteral("甲区"), UnitKind::District}, &s);
        a1 = store->addUnit(Unit{0, a, QStringLiteral("甲一镇"), UnitKind::Town}, &s);
        a2 = store->addUnit(Unit{0, a, QStringLiteral("甲二镇"), UnitKind::Town}, &s);
        b = store->addUnit(Unit{0, city, QStringLiteral("乙区"), UnitKind::District}, &s);
        c = store->addUnit(Unit{0, city, QStringLiteral("丙区"), UnitKind::District}, &s);
    }
    void project(qint64 unit, const QDate &signedOn, double yi, ProjectType type = ProjectType::New, const QDate &startedOn = {})
    {
        Project p;
        p.name = QStringLiteral("项目%1").arg(store->projectCount() + 1);
        p.unitId = unit;
        p.type = type;
        p.stage = startedOn.isValid() ? Stage::Started : Stage::Signed;
        p.signedInvestment = Yuan(yi * 1e8);
        p.plannedInvestment = Yuan(yi * 1e8);
        p.stageDates.insert(Stage::Signed, signedOn);
        if (startedOn.isValid())
            p.stageDates.insert(Stage::Started, startedOn);
        QVERIFY(store->insertProject(p));
    }
    /// n projects of the unit, each signed on 2023-02-01 for yi 亿元.
    void projects(qint64 unit, int n, double yi)
    {
        for (int i = 0; i < n; ++i)
            project(unit, QDate(2023, 2, 1), yi);
    }
    void target(qint64 unit, const char *metric, double v)
    {
        QVERIFY(FactStore(&db).setTarget(Target{unit, 2023, QLatin1String(metric), v, QStringLiteral("at_least")}));
    }
    static const ProgressRow *row(const QList<ProgressRow> &rows, qint64 unit, const char *metric)
    {
        for (const ProgressRow &r : rows) {
            if (r.unitId == unit && r.metric == QLatin1String(metric))
                return &r;
        }
        return nullptr;
    }
};

} // namespace

class TestProgress : public QObject
{
    Q_OBJECT
private slots:
    void pace_data()
    {
        QTest::addColumn<QDate>("asOf");
        QTest::addColumn<bool>("weighted");
        QTest::addColumn<double>("expected");
        QTest::newRow("1 January") << QDate(2023, 1, 1) << false << 100.0 / 365;
        QTest::newRow("30 June") << QDate(2023, 6, 30) << false << 100.0 * 181 / 365;
        QTest::newRow("31 December") << QDate(2023, 12, 31) << false << 100.0;
        QTest::newRow("leap year end of February") << QDate(2024, 2, 29) << false << 100.0 * 60 / 366;
        QTest::newRow("weights: end of March") << QDate(2023, 3, 31) << true << 10.0;
        QTest::newRow("weights: mid June") << QDate(2023, 6, 15) << true << 10.0 + 30.0 + 40.0 * 15 / 30;
    }
    void pace()
    {
        QFETCH(QDate, asOf);
        QFETCH(bool, weighted);
        QFETCH(double, expected);
        // Slow start, busy second quarter: Q1 10%, Q2 40% (April 0, May 0 ... June all), rest 50%.
        const QList<double> weights = {2, 3, 5, 30, 0, 40, 5, 5, 5, 2, 2, 1};
        QVERIFY(qAbs(ProgressCalculator::pace(asOf, weighted ? weights : QList<double>()) - expected) < 1e-9);
    }

    void statusThresholds_data()
    {
        QTest::addColumn<double>("signedCount");
        QTest::addColumn<QString>("status");
        // Target 10 projects; 30 June 2023 is 49.59% of the year.
        QTest::newRow("ahead of pace") << 6.0 << QStringLiteral("green");
        QTest::newRow("less than 10 points behind") << 4.0 << QStringLiteral("green");   // 40%: 9.6 behind
        QTest::newRow("10 to 30 points behind") << 3.0 << QStringLiteral("yellow");      // 30%: 19.6 behind
        QTest::newRow("30 points or more behind") << 1.0 << QStringLiteral("red");       // 10%: 39.6 behind
    }
    void statusThresholds()
    {
        QFETCH(double, signedCount);
        QFETCH(QString, status);
        SmallDesk d;
        d.target(d.b, "signed_projects", 10);
        for (int i = 0; i < int(signedCount); ++i)
            d.project(d.b, QDate(2023, 3, 1), 1);
        const QList<ProgressRow> rows = ProgressCalculator(&d.desk).compute(2023, QDate(2023, 6, 30));
        const ProgressRow *r = SmallDesk::row(rows, d.b, "signed_projects");
        QVERIFY(r);
        QCOMPARE(r->completion, signedCount * 10);
        QCOMPARE(statusCode(r->status), status);
        QVERIFY(qAbs(r->gap - (r->pace - r->completion)) < 1e-9);
    }

    void pipelineRollUp()
    {
        SmallDesk d;
        d.target(d.a, "signed_projects", 10);
        d.target(d.a, "signed_investment", 20);
        d.target(d.b, "signed_projects", 5);
        d.project(d.a1, QDate(2023, 2, 1), 3);                                  // counts
        d.project(d.a2, QDate(2023, 5, 20), 2.5, ProjectType::CapitalIncrease);  // no increase written: its amount
        d.project(d.a2, QDate(2022, 12, 31), 9);                                 // last year: not counted
        d.project(d.a1, QDate(2023, 7, 1), 4);                                   // after the as-of day
        d.project(d.a, QDate(2023, 6, 30), 1, ProjectType::New, QDate(2023, 6, 30)); // the district's own
        const QList<ProgressRow> rows = ProgressCalculator(&d.desk).compute(2023, QDate(2023, 6, 30));

        const ProgressRow *count = SmallDesk::row(rows, d.a, "signed_projects");
        QVERIFY(count);
        QCOMPARE(count->actual, 3.0);
        QCOMPARE(count->source, QStringLiteral("pipeline"));
        QCOMPARE(count->completion, 30.0);
        const ProgressRow *amount = SmallDesk::row(rows, d.a, "signed_investment");
        QCOMPARE(amount->actual, 6.5);
        const ProgressRow *ci = SmallDesk::row(rows, d.a, "capital_increase_projects");
        QCOMPARE(ci->actual, 1.0);
        const ProgressRow *started = SmallDesk::row(rows, d.a, "started_projects");
        QCOMPARE(started->actual, 1.0);
        // The city sums its districts, targets and actuals, each project once.
        const ProgressRow *city = SmallDesk::row(rows, d.city, "signed_projects");
        QCOMPARE(city->actual, 3.0);
        QCOMPARE(city->target, 15.0);
        QCOMPARE(city->targetSource, QStringLiteral("children"));
        // A town's own figures.
        QCOMPARE(SmallDesk::row(rows, d.a1, "signed_projects")->actual, 1.0);
    }

    void aCapitalIncreaseCountsWithItsIncrease_data()
    {
        QTest::addColumn<QDate>("asOf");
        QTest::newRow("end of a month (monthly sums)") << QDate(2023, 6, 30);
        QTest::newRow("within a month (stage dates)") << QDate(2023, 6, 15);
    }
    void aCapitalIncreaseCountsWithItsIncrease()
    {
        // 增资扩产: a plant of 30亿元 that adds 5亿元 counts 5 towards 签约额, in the progress, the
        // funnel and the industry mix alike; until its increase is written, with its amount.
        QFETCH(QDate, asOf);
        SmallDesk d;
        d.target(d.b, "signed_investment", 20);
        Project p;
        p.name = QStringLiteral("扩产项目");
        p.unitId = d.b;
        p.type = ProjectType::CapitalIncrease;
        p.stage = Stage::Signed;
        p.industry = QStringLiteral("新材料");
        p.plannedInvestment = Yuan(30e8);
        p.signedInvestment = Yuan(30e8);
        p.addedInvestment = Yuan(5e8);
        p.stageDates.insert(Stage::Signed, QDate(2023, 3, 1));
        QVERIFY(d.store->insertProject(p));
        d.project(d.b, QDate(2023, 4, 1), 8, ProjectType::CapitalIncrease); // no increase written
        ProgressCalculator calc(&d.desk);
        auto signedAmount = [&] { return SmallDesk::row(calc.compute(2023, asOf), d.b, "signed_investment")->actual; };
        QCOMPARE(signedAmount(), 13.0);
        QCOMPARE(SmallDesk::row(calc.compute(2023, asOf), d.b, "capital_increase_projects")->actual, 2.0);
        QCOMPARE(calc.funnel({}, asOf).at(int(Stage::Signed)).investment, Yuan(13e8));
        double mix = 0;
        for (const auto &slice : calc.industryMix(0, 2023, asOf))
            mix += slice.second;
        QCOMPARE(mix, 13.0);
        // The officer corrects the increase: every figure follows.
        auto stored = d.store->project(p.id);
        QVERIFY(stored);
        stored->addedInvestment = Yuan(7e8);
        QVERIFY(d.store->updateProject(*stored));
        QCOMPARE(signedAmount(), 15.0);
        QCOMPARE(calc.funnel({}, asOf).at(int(Stage::Signed)).investment, Yuan(15e8));
        // A new project's 新增投资 means nothing: it counts with its whole amount.
        stored = d.store->project(p.id);
        stored->type = ProjectType::New;
        QVERIFY(d.store->updateProject(*stored));
        QCOMPARE(signedAmount(), 38.0);
    }

    void aRelocatedProjectCountsWhereItLands()
    {
        // A project moved from 甲一镇 to 丙区 counts for 丙区 alone, and the city still counts it once.
        SmallDesk d;
        d.project(d.a1, QDate(2023, 2, 1), 4, ProjectType::Relocation);
        d.project(d.a2, QDate(2023, 3, 1), 2);
        ProgressCalculator calc(&d.desk);
        const QDate day(2023, 6, 30);
        QList<ProgressRow> rows = calc.compute(2023, day);
        QCOMPARE(SmallDesk::row(rows, d.a, "signed_projects")->actual, 2.0);
        QCOMPARE(SmallDesk::row(rows, d.city, "signed_projects")->actual, 2.0);
        const QList<Project> all = d.store->fetch(ProjectQuery(), 0, 10);
        auto moved = std::find_if(all.begin(), all.end(), [](const Project &p) { return p.type == ProjectType::Relocation; });
        QVERIFY(moved != all.end());
        Project p = *moved;
        p.unitId = d.c;
        QVERIFY(d.store->updateProject(p));
        rows = calc.compute(2023, day);
        const ProgressRow *left = SmallDesk::row(rows, d.a1, "signed_projects");
        QVERIFY(!left || left->actual == 0); // a town with nothing to show may have no row
        for (qint64 unit : {d.a, d.c, d.city})
            QVERIFY(SmallDesk::row(rows, unit, "signed_projects") && SmallDesk::row(rows, unit, "signed_investment"));
        QCOMPARE(SmallDesk::row(rows, d.a, "signed_projects")->actual, 1.0);
        QCOMPARE(SmallDesk::row(rows, d.a, "signed_investment")->actual, 2.0);
        QCOMPARE(SmallDesk::row(rows, d.c, "signed_projects")->actual, 1.0);
        QCOMPARE(SmallDesk::row(rows, d.c, "signed_investment")->actual, 4.0);
        QCOMPARE(SmallDesk::row(rows, d.city, "signed_projects")->actual, 2.0);
        QCOMPARE(SmallDesk::row(rows, d.city, "signed_investment")->actual, 6.0);
        QCOMPARE(calc.funnel({d.c}, day).at(int(Stage::Signed)).count, 1);
        QCOMPARE(calc.funnel({d.a, d.a1, d.a2}, day).at(int(Stage::Signed)).count, 1);
    }

    void reportedFactsWhereThereAreNoRecords()
    {
        SmallDesk d;
        d.target(d.b, "signed_investment", 100);
        FactStore facts(&d.db);
        auto fact = [&](const char *span, double v, const QDate &asOf = {}) {
            Fact f;
            f.unitId = d.b;
            f.year = 2023;
            f.span = QLatin1String(span);
            f.metric = QStringLiteral("signed_investment");
            f.value = v;
            f.asOf = asOf;
            QVERIFY(facts.insertFact(f));
        };
        fact("Q1", 20);
        fact("M03", 8);                       // one month alone: not a year-to-date figure
        fact("YTD", 41, QDate(2023, 5, 20));  // the latest cumulative figure up to the as-of day
        fact("H1", 55);                       // ends after the as-of day
        const QList<ProgressRow> rows = ProgressCalculator(&d.desk).compute(2023, QDate(2023, 6, 1));
        const ProgressRow *r = SmallDesk::row(rows, d.b, "signed_investment");
        QVERIFY(r);
        QCOMPARE(r->source, QStringLiteral("reported"));
        QCOMPARE(r->actual, 41.0);
        QCOMPARE(r->completion, 41.0);
    }

    void bothSourcesSideBySideAndTheChosenOne()
    {
        SmallDesk d;
        d.target(d.b, "signed_investment", 100);
        d.project(d.b, QDate(2023, 3, 1), 3.5); // the books: 3.5亿 signed by June
        FactStore facts(&d.db);
        SourceDocument doc;
        doc.title = QStringLiteral("乙区上半年招商工作情况");
        doc.sha256 = QStringLiteral("ab12");
        doc.published = QDate(2023, 7, 10);
        Status st;
        const qint64 docId = facts.insertDocument(doc, &st);
        QVERIFY2(st, qPrintable(st.message()));
        Fact f;
        f.unitId = d.b;
        f.year = 2023;
        f.span = QStringLiteral("H1");
        f.metric = QStringLiteral("signed_investment");
        f.value = 48.6; // what was announced
        f.documentId = docId;
        QVERIFY(facts.insertFact(f));
        Fact ytd = f; // a year-to-date figure without its own day stands on the report's date
        ytd.span = QStringLiteral("YTD");
        ytd.value = 50;
        QVERIFY(facts.insertFact(ytd));

        auto rowOn = [&d](const QDate &day) {
            const QList<ProgressRow> rows = ProgressCalculator(&d.desk, ProgressSettings::load(&d.desk)).compute(2023, day);
            const ProgressRow *r = SmallDesk::row(rows, d.b, "signed_investment");
            return r ? *r : ProgressRow();
        };
        // On 06-29 the H1 figure does not stand yet; on 06-30 it does, beside the books, which are used.
        QVERIFY(!rowOn(QDate(2023, 6, 29)).hasReported);
        ProgressRow r = rowOn(QDate(2023, 6, 30));
        QCOMPARE(r.source, QStringLiteral("pipeline"));
        QCOMPARE(r.actual, 3.5);
        QVERIFY(r.hasReported);
        QCOMPARE(r.reported, 48.6);
        QCOMPARE(r.reportedSpan, QStringLiteral("H1"));
        QCOMPARE(r.reportedDocument, doc.title);
        QCOMPARE(r.sourceRule, QStringLiteral("automatic"));
        QCOMPARE(rowOn(QDate(2023, 7, 10)).reported, 50.0); // the YTD figure of the report's day

        // The officer chooses the reported figure for this unit and metric; it is kept and undoable.
        ProgressSettings rules = ProgressSettings::load(&d.desk);
        rules.setSourceRule(d.b, QStringLiteral("signed_investment"), QStringLiteral("reported"));
        QVERIFY(d.desk.perform(new ChangeBulletinRulesCommand(&d.desk, rules)));
        r = rowOn(QDate(2023, 6, 30));
        QCOMPARE(r.source, QStringLiteral("reported"));
        QCOMPARE(r.actual, 48.6);
        QCOMPARE(r.completion, 48.6);
        QCOMPARE(r.pipeline, 3.5); // the books stay beside it
        d.desk.undoStack()->undo();
        QCOMPARE(rowOn(QDate(2023, 6, 30)).source, QStringLiteral("pipeline"));
        d.desk.undoStack()->redo();
        QCOMPARE(ProgressSettings::load(&d.desk).sourceRule(d.b, QStringLiteral("signed_investment")), QStringLiteral("reported"));
        // A rule for the pipeline where the unit has no projects in the period still gives the books.
        rules.setSourceRule(d.b, QStringLiteral("signed_investment"), QStringLiteral("pipeline"));
        QVERIFY(d.desk.perform(new ChangeBulletinRulesCommand(&d.desk, rules)));
        QCOMPARE(rowOn(QDate(2023, 6, 30)).actual, 3.5);
    }

    void activitiesCountAsActuals()
    {
        SmallDesk d;
        d.target(d.a, "leader_outbound_trips", 4);
        ActivityStore log(&d.db);
        auto add = [&](qint64 unit, Activity::Kind kind, bool leader, int companies) {
            Activity a;
            a.unitId = unit;
            a.date = QDate(2023, 4, 1);
            a.kind = kind;
            a.leaderLed = leader;
            a.companiesCount = companies;
            Status s;
            QVERIFY(log.insert(a, &s));
        };
        add(d.a, Activity::Kind::Trip, true, 5);
        add(d.a1, Activity::Kind::Trip, true, 2);
        add(d.a1, Activity::Kind::Trip, false, 1);
        add(d.a2, Activity::Kind::Delegation, false, 0);
        add(d.a2, Activity::Kind::Event, false, 0);
        const QList<ProgressRow> rows = ProgressCalculator(&d.desk).compute(2023, QDate(2023, 6, 30));
        QCOMPARE(SmallDesk::row(rows, d.a, "leader_outbound_trips")->actual, 2.0);
        QCOMPARE(SmallDesk::row(rows, d.a, "leader_outbound_trips")->completion, 50.0);
        QCOMPARE(SmallDesk::row(rows, d.a, "outbound_trips")->actual, 3.0);
        QCOMPARE(SmallDesk::row(rows, d.a, "companies_visited")->actual, 8.0);
        QCOMPARE(SmallDesk::row(rows, d.a, "inbound_visits")->actual, 1.0);
        QCOMPARE(SmallDesk::row(rows, d.a, "promotion_events")->actual, 1.0);
    }

    void edgeCasesSayWhy()
    {
        SmallDesk d;
        d.target(d.c, "signed_projects", 0.0001); // setTarget refuses zero; a tiny one stands for a typo
        d.project(d.b, QDate(2023, 3, 1), 2);
        const QList<ProgressRow> rows = ProgressCalculator(&d.desk).compute(2023, QDate(2023, 6, 30));
        // 乙区 has figures but no target: no percentage, and it says so.
        const ProgressRow *b = SmallDesk::row(rows, d.b, "signed_projects");
        QCOMPARE(b->status, ProgressStatus::NoTarget);
        QVERIFY(b->summary().contains(QLatin1String("no target")));
        // 丙区 has a target but no figures.
        const ProgressRow *c = SmallDesk::row(rows, d.c, "signed_projects");
        QCOMPARE(c->status, ProgressStatus::NoData);
        QVERIFY(c->summary().contains(QLatin1String("no figures")));
        // A zero target is refused where targets are set.
        QVERIFY(!FactStore(&d.db).setTarget(Target{d.c, 2023, QStringLiteral("signed_projects"), 0, QStringLiteral("at_least")}));
        // A year with nothing in it gives no rows, not zeros.
        QVERIFY(ProgressCalculator(&d.desk).compute(2019, QDate(2019, 6, 30)).isEmpty());
        // An as-of day outside the year is clamped, with a note.
        QString note;
        QCOMPARE(ProgressCalculator::effectiveAsOf(2023, QDate(2024, 3, 1), &note), QDate(2023, 12, 31));
        QVERIFY(!note.isEmpty());
        note.clear();
        QCOMPARE(ProgressCalculator::effectiveAsOf(2023, QDate(2022, 3, 1), &note), QDate(2023, 1, 1));
        QVERIFY(!note.isEmpty());
    }

    void ranking()
    {
        SmallDesk d;
        for (qint64 u : {d.a, d.b, d.c}) {
            d.target(u, "signed_projects", 10);
            d.target(u, "signed_investment", 100);
        }
        // 甲区 4 projects, 20亿; 乙区 6 projects, 30亿 (two of them in 甲二镇? no: its own); 丙区 2 projects, 60亿.
        d.projects(d.a1, 4, 5);
        d.projects(d.b, 6, 5);
        d.projects(d.c, 2, 30);
        ProgressCalculator calc(&d.desk);
        const QList<ProgressRow> rows = calc.compute(2023, QDate(2023, 6, 30));
        const QList<RankRow> ranking = calc.rank(rows, d.city);
        QCOMPARE(ranking.size(), 3);
        // Weighted 50/50: 甲 (40+20)/2 = 30, 乙 (60+30)/2 = 45, 丙 (20+60)/2 = 40.
        QCOMPARE(ranking.at(0).unit, QStringLiteral("乙区"));
        QCOMPARE(ranking.at(0).weighted, 45.0);
        QCOMPARE(ranking.at(1).unit, QStringLiteral("丙区"));
        QCOMPARE(ranking.at(2).unit, QStringLiteral("甲区"));
        QCOMPARE(ranking.at(2).rank, 3);
        // 功效系数法: count 40..60, amount 20..60. 乙: (60+40·1 + 60+40·0.25)/2 = 85; 甲: (60+40·0.5 + 60)/2 = 70.
        QCOMPARE(ranking.at(0).efficacy, 85.0);
        QCOMPARE(ranking.at(2).efficacy, 70.0);
        QCOMPARE(ranking.at(1).efficacy, (60.0 + 100.0) / 2);
    }

    void theMonthOfTheDayCountsUpToTheDay()
    {
        SmallDesk d;
        d.project(d.b, QDate(2023, 5, 10), 5);
        d.project(d.b, QDate(2023, 6, 5), 2);
        d.project(d.b, QDate(2023, 6, 20), 3); // after the bulletin's day
        ProgressCalculator calc(&d.desk);
        const QList<double> asOf = calc.monthlyCumulative(d.b, 2023, QStringLiteral("signed_investment"), QDate(2023, 6, 15));
        QCOMPARE(asOf.at(4), 5.0);
        QCOMPARE(asOf.at(5), 7.0);
        const QList<double> whole = calc.monthlyCumulative(d.b, 2023, QStringLiteral("signed_investment"));
        QCOMPARE(whole.at(5), 10.0);
        QCOMPARE(whole.at(11), 10.0);
    }

    void rankingIsFairToMissingTargets()
    {
        SmallDesk d;
        d.target(d.a, "signed_projects", 10); // 甲区: a count target only
        d.target(d.c, "signed_projects", 10); // 丙区: both
        d.target(d.c, "signed_investment", 100);
        // 乙区 has no target at all.
        d.projects(d.a1, 4, 5);
        d.projects(d.b, 6, 5);
        d.projects(d.c, 2, 30);
        ProgressCalculator calc(&d.desk);
        const QList<ProgressRow> rows = calc.compute(2023, QDate(2023, 6, 30));
        const QList<RankRow> ranking = calc.rank(rows, d.city);
        QCOMPARE(ranking.size(), 3);
        auto of = [&ranking](const QString &unit) {
            return *std::find_if(ranking.cbegin(), ranking.cend(), [&unit](const RankRow &r) { return r.unit == unit; });
        };
        // 甲区 is judged on its one target: 4 of 10, not (40 + 0) / 2.
        QCOMPARE(of(QStringLiteral("甲区")).weighted, 40.0);
        QVERIFY(of(QStringLiteral("甲区")).hasCount && !of(QStringLiteral("甲区")).hasAmount);
        // 丙区: (20 + 60) / 2.
        QCOMPARE(of(QStringLiteral("丙区")).weighted, 40.0);
        QCOMPARE(of(QStringLiteral("甲区")).rank, 1); // equal scores share the place
        QCOMPARE(of(QStringLiteral("丙区")).rank, 1);
        // 乙区 is listed, unranked, as having no target, however much it did.
        QCOMPARE(of(QStringLiteral("乙区")).rank, 0);
        QCOMPARE(of(QStringLiteral("乙区")).status, ProgressStatus::NoTarget);
        QCOMPARE(ranking.last().unit, QStringLiteral("乙区"));
        QVERIFY(of(QStringLiteral("甲区")).hasEfficacy);

        // One unit with targets alone has no efficacy score (there is nobody to compare it with).
        SmallDesk lone;
        lone.target(lone.b, "signed_projects", 100);
        lone.project(lone.b, QDate(2023, 2, 1), 5);
        ProgressCalculator loneCalc(&lone.desk);
        const QList<RankRow> one = loneCalc.rank(loneCalc.compute(2023, QDate(2023, 6, 30)), lone.city);
        const RankRow b = *std::find_if(one.cbegin(), one.cend(), [](const RankRow &r) { return r.rank > 0; });
        QCOMPARE(b.status, ProgressStatus::Red);
        QVERIFY(!b.hasEfficacy);
    }

    void rankingFromTheCommandLine()
    {
        SmallDesk d;
        d.target(d.a, "signed_projects", 10); // a count target only
        d.target(d.c, "signed_projects", 10);
        d.target(d.c, "signed_investment", 100);
        d.projects(d.a1, 4, 5);
        d.project(d.c, QDate(2023, 2, 1), 30);
        d.close();
        QProcess p;
        p.start(QStringLiteral(IPDESK_CLI), {QStringLiteral("ranking"), QStringLiteral("--db"), d.location(), QStringLiteral("--year"),
                                             QStringLiteral("2023"), QStringLiteral("--as-of"), QStringLiteral("2023-06-30"),
                                             QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QHash<QString, QJsonObject> byUnit;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            if (!line.isEmpty())
                byUnit.insert(QJsonDocument::fromJson(line).object().value(QLatin1String("unit")).toString(), QJsonDocument::fromJson(line).object());
        }
        const QJsonObject a = byUnit.value(QStringLiteral("甲区"));
        QCOMPARE(a.value(QLatin1String("completion_pct")).toObject().keys(), QStringList{QStringLiteral("signed_projects")});
        QCOMPARE(a.value(QLatin1String("weighted_completion_pct")).toDouble(), 40.0);
        QCOMPARE(a.value(QLatin1String("rank")).toInt(), 1);
        QVERIFY(a.contains(QLatin1String("efficacy_score")));
        const QJsonObject c = byUnit.value(QStringLiteral("丙区"));
        QCOMPARE(c.value(QLatin1String("weighted_completion_pct")).toDouble(), 20.0); // (10 + 30) / 2
        const QJsonObject b = byUnit.value(QStringLiteral("乙区"));
        QCOMPARE(b.value(QLatin1String("status")).toString(), QStringLiteral("no_target"));
        QVERIFY(b.value(QLatin1String("rank")).isNull());
        QVERIFY(!b.contains(QLatin1String("weighted_completion_pct")));
    }

    void stuckProjectsAreFlagged()
    {
        SmallDesk d;
        Project p;
        p.name = QStringLiteral("在谈已久");
        p.unitId = d.b;
        p.stage = Stage::Negotiating;
        p.stageDates.insert(Stage::Negotiating, QDate(2023, 2, 10));
        QVERIFY(d.store->insertProject(p));
        Project q = p;
        q.id = 0;
        q.name = QStringLiteral("刚刚在谈");
        q.stageDates.insert(Stage::Negotiating, QDate(2023, 5, 10));
        QVERIFY(d.store->insertProject(q));
        Project r = q;
        r.id = 0;
        r.name = QStringLiteral("两个多月");
        r.stageDates.insert(Stage::Negotiating, QDate(2023, 4, 1));
        QVERIFY(d.store->insertProject(r));
        const QList<StuckProject> stuck = ProgressCalculator(&d.desk).stuckProjects(QDate(2023, 6, 15));
        QCOMPARE(stuck.size(), 2);
        QCOMPARE(stuck.at(0).name, QStringLiteral("在谈已久"));
        QCOMPARE(stuck.at(0).status, ProgressStatus::Red);
        QCOMPARE(stuck.at(1).name, QStringLiteral("两个多月"));
        QCOMPARE(stuck.at(1).status, ProgressStatus::Yellow);
    }

    void everyFigureIsAsOfItsDay()
    {
        // The funnel, the industry mix and the stuck list as they stood on 06-30, whatever came later.
        SmallDesk d;
        d.project(d.b, QDate(2023, 3, 1), 5);                        // signed in March
        d.project(d.b, QDate(2023, 2, 1), 8, ProjectType::New, QDate(2023, 9, 1)); // signed in Feb, started in Sept
        ProgressCalculator calc(&d.desk);
        const QDate day(2023, 6, 30);
        auto count = [](const QList<StageTotal> &f, Stage s) { return f.at(int(s)).count; };
        const QList<StageTotal> before = calc.funnel({}, day);
        QCOMPARE(count(before, Stage::Signed), 2); // the September start is not yet there
        QCOMPARE(count(before, Stage::Started), 0);
        QCOMPARE(before.at(int(Stage::Signed)).investment, Yuan(13e8));
        const QList<StuckProject> stuckBefore = calc.stuckProjects(day);
        QCOMPARE(stuckBefore.size(), 2); // both waited in 签约 since spring
        QCOMPARE(stuckBefore.at(0).stage, Stage::Signed);
        const auto mixBefore = calc.industryMix(0, 2023, day);

        // A project signed in November is imported: on 06-30 it did not exist.
        d.project(d.b, QDate(2023, 11, 15), 100);
        const QList<StageTotal> after = calc.funnel({}, day);
        for (int s = 0; s < StageCount; ++s) {
            QCOMPARE(after.at(s).count, before.at(s).count);
            QCOMPARE(after.at(s).investment, before.at(s).investment);
        }
        QCOMPARE(calc.stuckProjects(day).size(), stuckBefore.size());
        QCOMPARE(calc.industryMix(0, 2023, day), mixBefore);
        // At the end of the year every project is there, in the stage it has now.
        const QList<StageTotal> year = calc.funnel({}, QDate(2023, 12, 31));
        QCOMPARE(count(year, Stage::Signed), 2);
        QCOMPARE(count(year, Stage::Started), 1);
        // A scope counts only its own units.
        QCOMPARE(count(calc.funnel({d.a, d.a1, d.a2}, QDate(2023, 12, 31)), Stage::Signed), 0);
    }

    void theSumsAnswerAsTheStageDatesDo()
    {
        // The funnel, the industry mix and the stalled list read sums and a table kept by the
        // database's triggers. After edits of every kind (the store's and plain SQL), on any day, they
        // must say what the stage dates themselves say, counted here the slow way.
        SmallDesk d;
        const QList<qint64> units{d.a, d.a1, d.a2, d.b, d.c};
        const QStringList industries{QStringLiteral("新材料"), QStringLiteral("电子信息"), QString()};
        QRandomGenerator rng(20231130);
        auto day = [&rng] { return QDate(2023, 1, 1).addDays(rng.bounded(365)); };
        auto randomProject = [&](Project &p) {
            p.unitId = units.at(rng.bounded(units.size()));
            p.industry = industries.at(rng.bounded(industries.size()));
            p.type = rng.bounded(4) == 0 ? ProjectType::CapitalIncrease : ProjectType::New;
            p.plannedInvestment = Yuan(rng.bounded(1, 50)) * 100000000LL;
            p.signedInvestment = rng.bounded(2) ? Yuan(rng.bounded(1, 50)) * 100000000LL : 0;
            p.addedInvestment = p.type == ProjectType::CapitalIncrease && rng.bounded(2) ? Yuan(rng.bounded(1, 9)) * 10000000LL : 0;
            p.stage = Stage(rng.bounded(StageCount));
            // Dates in the order of the stages (some on one day), a stage now and then without one.
            p.stageDates.clear();
            QList<QDate> dates;
            for (int st = 0; st <= int(p.stage); ++st)
                dates << day();
            std::sort(dates.begin(), dates.end());
            for (int st = 0; st <= int(p.stage); ++st) {
                if (rng.bounded(4) != 0)
                    p.stageDates.insert(Stage(st), rng.bounded(8) == 0 && st > 0 ? dates.at(st - 1) : dates.at(st));
            }
        };
        QList<qint64> ids;
        for (int i = 0; i < 60; ++i) {
            Project p;
            p.name = QStringLiteral("项目%1").arg(i);
            randomProject(p);
            const Status s = d.store->insertProject(p);
            QVERIFY2(s, qPrintable(s.message()));
            ids << p.id;
        }
        // Edits through the store: everything about a project changes, some go.
        for (int i = 0; i < 40; ++i) {
            auto p = d.store->project(ids.at(rng.bounded(ids.size())));
            QVERIFY(p);
            const QString name = p->name;
            randomProject(*p);
            p->name = name;
            const Status s = d.store->updateProject(*p);
            QVERIFY2(s, qPrintable(s.message()));
        }
        QVERIFY(d.store->deleteProjects({ids.takeAt(3), ids.takeAt(10)}));
        // And plain SQL, as any client may send it: an insert its conflict skips, a date moved, a
        // stage date removed, a project moved to another unit.
        QSqlQuery sql(d.db.connection());
        const QString pid = QString::number(ids.at(0));
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO project_stages (project_id, stage, reached_on)"
                                        " SELECT project_id, stage, '2023-07-07' FROM project_stages WHERE project_id = %1"
                                        " ON CONFLICT DO NOTHING").arg(pid)));
        QVERIFY(sql.exec(QStringLiteral("UPDATE project_stages SET reached_on = '2023-08-18' WHERE project_id IN (%1, %2)")
                             .arg(ids.at(1)).arg(ids.at(2))));
        QVERIFY(sql.exec(QStringLiteral("DELETE FROM project_stages WHERE project_id = %1 AND stage = 0").arg(ids.at(4))));
        QVERIFY(sql.exec(QStringLiteral("UPDATE projects SET unit_id = %1, stage = 3 WHERE id = %2").arg(d.c).arg(ids.at(5))));

        // The stage dates as they are now, read the slow way.
        const PipelineByHand byHand(d.db);
        ProgressSettings settings;
        ProgressCalculator calc(&d.desk, settings);
        QList<QDate> days;
        for (int m = 1; m <= 12; ++m)
            days << QDate(2023, m, 1) << QDate(2023, m, 15) << QDate(2023, m, 1).addMonths(1).addDays(-1);
        for (const QDate &on : std::as_const(days)) {
            const QString wrong = byHand.differences(calc, settings, on);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
            // The list cut short is the start of the whole one, the longest waiting first, each
            // project where and since when its dates say.
            const QList<StuckProject> all = calc.stuckProjects(on);
            const QList<StuckProject> some = calc.stuckProjects(on, {}, 3);
            QCOMPARE(some.size(), std::min<qsizetype>(3, all.size()));
            for (int i = 0; i < some.size(); ++i)
                QCOMPARE(some.at(i).since, all.at(i).since);
            for (const StuckProject &p : all) {
                const auto [st, since] = PipelineByHand::standing(byHand.rows.value(p.projectId), on);
                QCOMPARE(int(p.stage), st);
                QCOMPARE(p.since, since);
            }
        }
        // A scope counts its own units alone.
        const QDate end(2023, 12, 31);
        QCOMPARE(calc.funnel({d.b}, end).at(int(Stage::Signed)).count, byHand.funnel(end, {d.b}).at(int(Stage::Signed)).count);
        QVERIFY(byHand.funnel(end, {d.b}).at(int(Stage::Signed)).count > 0);
    }

    void settingsLiveInTheDesk()
    {
        SmallDesk d;
        ProgressSettings s;
        s.yellowBehind = 5;
        s.redBehind = 15;
        s.monthWeights = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        QVERIFY(s.save(d.db));
        const ProgressSettings back = ProgressSettings::load(d.db);
        QCOMPARE(back.yellowBehind, 5.0);
        QCOMPARE(back.redBehind, 15.0);
        QCOMPARE(back.monthWeights.size(), 12);
        ProgressSettings bad;
        bad.yellowBehind = 20;
        bad.redBehind = 10;
        QVERIFY(!bad.save(d.db));
    }
};

QTEST_GUILESS_MAIN(TestProgress)
#include "tst_progress.moc"
