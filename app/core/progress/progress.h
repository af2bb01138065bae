#pragma once

#include "desk/desk.h"
#include "desk/projectstore.h"

#include "desk/deskcommand.h"

#include <QCoreApplication>
#include <QDate>
#include <QMap>

namespace IPDesk {

class Desk;

/// 红黄绿: where a unit stands against the share of the year elapsed (序时进度).
enum class ProgressStatus { Green, Yellow, Red, NoTarget, NoData };

QString statusCode(ProgressStatus s);   // green, yellow, red, no_target, no_data
QString statusName(ProgressStatus s);   // 绿 / 黄 / 红 ... in the user's language

/// The rules of a bureau's bulletin, kept in the desk (Database::setting) so everyone uses the same.
struct ProgressSettings
{
    /// Percentage points behind the time pace at which a unit turns yellow, and red.
    /// Less than yellowBehind behind (or ahead) is green.
    double yellowBehind = 10;
    double redBehind = 30;
    /// Share of the year's work expected in each month (12 values); empty: linear by days.
    QList<double> monthWeights;
    /// Months in 线索 or 在谈 after which a project is flagged yellow, and red.
    int stuckYellowMonths = 2;
    int stuckRedMonths = 3;
    /// 六未: days a signed project may wait to register (签约未注册), a registered one to start
    /// (注册未开工), a started one to operate (开工未投产); yellow after them, red after twice as long.
    int signedDays = 90;
    int registeredDays = 180;
    int startedDays = 365;
    /// The days a project may stay in a stage before it is flagged (0: not flagged by days).
    int stalledDays(Stage stage) const
    {
        return stage == Stage::Signed ? signedDays : stage == Stage::Registered ? registeredDays : stage == Stage::Started ? startedDays : 0;
    }
    /// The ranking (比学赶超): weighted completion of a count metric and an amount metric.
    QString countMetric = QStringLiteral("signed_projects");
    QString amountMetric = QStringLiteral("signed_investment");
    double countWeight = 50;
    double amountWeight = 50;

    /// Monthly returns (月报): the day of the following month by which a town, street or department
    /// reports to its district, and a district or county to its city.
    int returnDayDistrict = 5;
    int returnDayCity = 8;
    /// The bulletin counts, for every unit that reports to a unit above, only the figures of its
    /// latest approved return (a unit without one has no figure), not the desk's own count.
    bool approvedReturnsOnly = false;
    /// The metrics every return carries (beside those the unit has targets on).
    QStringList returnMetrics{QStringLiteral("signed_projects"), QStringLiteral("signed_investment"),
                              QStringLiteral("started_projects"), QStringLiteral("started_investment")};
    /// Days from its making to a follow-up task's due date, when none is given.
    int taskDays = 15;

    /// Where a unit's figure of a metric comes from, when the officer has chosen: "unitId/metric" ->
    /// "pipeline" or "reported". Without a rule the choice is automatic: the pipeline where the unit
    /// keeps project records for the period, else the latest reported figure.
    QMap<QString, QString> sourceRules;
    QString sourceRule(qint64 unitId, const QString &metric) const
    {
        return sourceRules.value(sourceRuleKey(unitId, metric), QStringLiteral("automatic"));
    }
    /// Sets a rule; "automatic" (or anything but "pipeline" and "reported") removes it.
    void setSourceRule(qint64 unitId, const QString &metric, const QString &rule);
    static QString sourceRuleKey(qint64 unitId, const QString &metric) { return QString::number(unitId) + QLatin1Char('/') + metric; }
    static bool isChosenSource(const QString &rule)
    {
        return rule == QLatin1String("pipeline") || rule == QLatin1String("reported");
    }

    static ProgressSettings load(const Database &db);
    static ProgressSettings load(Desk *desk) { return load(*desk->database()); }
    Status save(Database &db) const;
    bool operator==(const ProgressSettings &o) const;
    bool operator!=(const ProgressSettings &o) const { return !(*this == o); }
};

/// Changes the bulletin's rules, undoable like every other edit (Desk::perform).
class ChangeBulletinRulesCommand : public DeskCommand
{
public:
    ChangeBulletinRulesCommand(Desk *desk, const ProgressSettings &after, const QString &text = QString());

private:
    Status apply(bool forward) override;
    ProgressSettings m_before, m_after;
};

struct ProgressRow
{
    qint64 unitId = 0;
    QString unit;
    int depth = 0;
    QString metric;
    bool hasTarget = false;
    double target = 0;
    QString targetQualifier;
    QString targetSource;   // "own" or "children"
    bool hasActual = false;
    double actual = 0;
    QString source;         // "pipeline", "activities", "reported", "children"
    QString sourceDetail;   // for reported figures: the report and its period
    QString sourceRule = QStringLiteral("automatic"); // or "pipeline", "reported" (the officer's choice)
    // Both sources side by side, whichever is used.
    bool hasPipeline = false; // a metric of the project pipeline, for a unit that keeps projects
    double pipeline = 0;
    bool hasReported = false; // the latest reported figure up to the day, for the unit itself
    double reported = 0;
    QString reportedSpan;     // FY, H1, M01-M05, YTD ...
    QString reportedDocument; // the report's title
    QDate reportedEnd;        // the day the reported figure stands for
    double completion = 0;  // percent of the target
    double pace = 0;        // percent of the year elapsed (序时进度)
    double gap = 0;         // pace - completion, in percentage points
    ProgressStatus status = ProgressStatus::NoData;

    /// The reported figure's report and period ("《…》, 上半年"), as the source of a figure is named.
    QString reportedSource() const;
    /// 完成全年目标的X%,落后序时进度Y个百分点 — or why there is no such sentence.
    QString summary() const;
};

struct RankRow
{
    qint64 unitId = 0;
    QString unit;
    bool hasCount = false;  // a target on the count metric (completion counts only where there is one)
    bool hasAmount = false; // a target on the amount metric
    double countCompletion = 0;
    double amountCompletion = 0;
    double weighted = 0;   // weighted completion over the metrics that have targets, percent
    bool hasEfficacy = false; // the score compares units: it needs two ranked units at least
    double efficacy = 0;   // 功效系数法 score, 60..100
    int rank = 0;          // 1 = first; 0 = not ranked (no target)
    ProgressStatus status = ProgressStatus::NoData;
};

struct StuckProject
{
    qint64 projectId = 0;
    QString name;
    QString unit;
    Stage stage = Stage::Lead;
    QDate since;
    int months = 0;
    int days = 0;       // how long it has waited, in days
    int limitDays = 0;  // the bureau's limit for its stage (0: flagged by the months of 线索/在谈)
    ProgressStatus status = ProgressStatus::Yellow;
};

/// Progress of every unit against its targets, as of a day: actuals from the pipeline (projects that
/// reached a stage within the year), from the activity log, or from reported facts where a unit has
/// no records of its own; roll-ups from towns and departments to districts to the city.
class ProgressCalculator
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::ProgressCalculator)
public:
    explicit ProgressCalculator(Desk *desk, const ProgressSettings &settings = ProgressSettings());

    const ProgressSettings &settings() const { return m_settings; }

    /// Percent of the year elapsed on asOf (linear by days, or by the settings' monthly weights).
    static double pace(const QDate &asOf, const QList<double> &monthWeights = {});
    /// The stage whose dates a pipeline metric counts (signed_investment: Signed ...); none for the
    /// activity metrics and the others the pipeline does not give.
    static std::optional<Stage> metricStage(const QString &metric);
    /// The metrics progress is computed for (every metric but annual_completion_pct).
    static QStringList progressMetrics();

    /// Clamps asOf into the year; returns a note in the user's language when it had to.
    static QDate effectiveAsOf(int year, const QDate &asOf, QString *note);

    /// Rows for every unit and metric that has a target or an actual.
    QList<ProgressRow> compute(int year, const QDate &asOf) const;
    /// The ranking of the children of parentUnitId (0: the top-level units' children, i.e. districts).
    /// The weights are spread over the metrics a unit has targets for; a unit with neither target is
    /// listed unranked (无目标). The efficacy score is given when two units or more are ranked.
    QList<RankRow> rank(const QList<ProgressRow> &rows, qint64 parentUnitId) const;
    /// What a reader of a ranking must be told: nobody ranked (no targets), or one unit alone (no
    /// efficacy score); empty otherwise. The bulletin and the command line say the same.
    static QString rankingNote(const QList<RankRow> &ranking, const ProgressSettings &settings, int year);
    /// The units ranked by default: the children of the first unit that has several.
    qint64 defaultRankParent() const;
    /// Projects in one stage too long on asOf, the longest first; at most `limit` of them (0: all), and
    /// the number of yellow and red ones in all. Signed, registered and started projects are measured
    /// against the bureau's days for their stage (六未), leads and negotiations against the months.
    QList<StuckProject> stuckProjects(const QDate &asOf, const QList<qint64> &unitIds = {}, int limit = 0,
                                      int *yellowCount = nullptr, int *redCount = nullptr) const;
    /// The pipeline as it stood on asOf. A project with a stage date after the day counts in the stage
    /// of its latest date up to the day, and not at all when all its dates come later (it did not
    /// exist yet); every other project counts in its stage of today, so today's funnel is the table's.
    QList<StageTotal> funnel(const QList<qint64> &unitIds, const QDate &asOf) const;
    /// Signed investment (亿元) by industry of projects signed in the year, largest first.
    QList<QPair<QString, double>> industryMix(qint64 unitId, int year, const QDate &asOf) const;
    /// Cumulative actual by month (12 values) of a unit's subtree from the pipeline; the month of
    /// asOf (when in the year) counts up to that day.
    QList<double> monthlyCumulative(qint64 unitId, int year, const QString &metric, const QDate &asOf = QDate()) const;

private:
    Desk *m_desk;
    ProjectStore *m_store;
    ProgressSettings m_settings;
};

} // namespace IPDesk
