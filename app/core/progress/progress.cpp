#include "progress/progress.h"
#include "progress/returns.h"
#include "desk/desk.h"

#include "desk/activitystore.h"
#include "desk/factstore.h"
#include "base/metrics.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace IPDesk {

QString statusCode(ProgressStatus s)
{
    switch (s) {
    case ProgressStatus::Green: return QStringLiteral("green");
    case ProgressStatus::Yellow: return QStringLiteral("yellow");
    case ProgressStatus::Red: return QStringLiteral("red");
    case ProgressStatus::NoTarget: return QStringLiteral("no_target");
    case ProgressStatus::NoData: return QStringLiteral("no_data");
    }
    return QString();
}

QString statusName(ProgressStatus s)
{
    switch (s) {
    case ProgressStatus::Green: return ProgressCalculator::tr("Green");
    case ProgressStatus::Yellow: return ProgressCalculator::tr("Yellow");
    case ProgressStatus::Red: return ProgressCalculator::tr("Red");
    case ProgressStatus::NoTarget: return ProgressCalculator::tr("No target");
    case ProgressStatus::NoData: return ProgressCalculator::tr("No data");
    }
    return QString();
}

ProgressSettings ProgressSettings::load(const Database &db)
{
    ProgressSettings s;
    auto num = [&db](const char *key, double fallback) {
        bool ok = false;
        const double v = db.setting(QLatin1String(key), QString()).toDouble(&ok);
        return ok ? v : fallback;
    };
    s.yellowBehind = num("progress.yellowBehind", s.yellowBehind);
    s.redBehind = num("progress.redBehind", s.redBehind);
    s.stuckYellowMonths = int(num("progress.stuckYellowMonths", s.stuckYellowMonths));
    s.stuckRedMonths = int(num("progress.stuckRedMonths", s.stuckRedMonths));
    s.signedDays = int(num("progress.signedDays", s.signedDays));
    s.registeredDays = int(num("progress.registeredDays", s.registeredDays));
    s.startedDays = int(num("progress.startedDays", s.startedDays));
    s.countWeight = num("progress.countWeight", s.countWeight);
    s.amountWeight = num("progress.amountWeight", s.amountWeight);
    s.returnDayDistrict = int(num("returns.dayDistrict", s.returnDayDistrict));
    s.returnDayCity = int(num("returns.dayCity", s.returnDayCity));
    s.taskDays = int(num("tasks.days", s.taskDays));
    s.approvedReturnsOnly = db.setting(QStringLiteral("returns.approvedOnly")) == QLatin1String("1");
    if (const QString m = db.setting(QStringLiteral("returns.metrics")); !m.isEmpty())
        s.returnMetrics = m.split(QLatin1Char(','), Qt::SkipEmptyParts);
    s.countMetric = db.setting(QStringLiteral("progress.countMetric"), s.countMetric);
    s.amountMetric = db.setting(QStringLiteral("progress.amountMetric"), s.amountMetric);
    const QJsonObject rules = QJsonDocument::fromJson(db.setting(QStringLiteral("progress.sourceRules")).toUtf8()).object();
    for (auto it = rules.constBegin(); it != rules.constEnd(); ++it) {
        if (isChosenSource(it.value().toString()))
            s.sourceRules.insert(it.key(), it.value().toString());
    }
    const QStringList weights = db.setting(QStringLiteral("progress.monthWeights")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (weights.size() == 12) {
        for (const QString &w : weights)
            s.monthWeights << w.toDouble();
    }
    return s;
}

bool ProgressSettings::operator==(const ProgressSettings &o) const
{
    return yellowBehind == o.yellowBehind && redBehind == o.redBehind && monthWeights == o.monthWeights
        && stuckYellowMonths == o.stuckYellowMonths && stuckRedMonths == o.stuckRedMonths && countMetric == o.countMetric
        && amountMetric == o.amountMetric && countWeight == o.countWeight && amountWeight == o.amountWeight
        && sourceRules == o.sourceRules && signedDays == o.signedDays && registeredDays == o.registeredDays
        && startedDays == o.startedDays && returnDayDistrict == o.returnDayDistrict && returnDayCity == o.returnDayCity
        && approvedReturnsOnly == o.approvedReturnsOnly && returnMetrics == o.returnMetrics && taskDays == o.taskDays;
}

void ProgressSettings::setSourceRule(qint64 unitId, const QString &metric, const QString &rule)
{
    if (isChosenSource(rule))
        sourceRules.insert(sourceRuleKey(unitId, metric), rule);
    else
        sourceRules.remove(sourceRuleKey(unitId, metric));
}

ChangeBulletinRulesCommand::ChangeBulletinRulesCommand(Desk *desk, const ProgressSettings &after, const QString &text)
    : DeskCommand(desk)
    , m_before(ProgressSettings::load(desk))
    , m_after(after)
{
    setText(text.isEmpty() ? ProgressCalculator::tr("Change the bulletin rules") : text);
}

Status ChangeBulletinRulesCommand::apply(bool forward)
{
    const Status s = (forward ? m_after : m_before).save(*m_desk->database());
    if (s)
        m_desk->notify({DeskChange::Settings});
    return s;
}

Status ProgressSettings::save(Database &db) const
{
    if (yellowBehind < 0 || redBehind < yellowBehind)
        return Status::error(ProgressCalculator::tr("The red threshold must be at least the yellow one, and neither negative."));
    if (countWeight < 0 || amountWeight < 0 || countWeight + amountWeight <= 0)
        return Status::error(ProgressCalculator::tr("The ranking weights must be positive."));
    if (signedDays < 1 || registeredDays < 1 || startedDays < 1)
        return Status::error(ProgressCalculator::tr("The days a project may wait in a stage must be at least one."));
    if (returnDayDistrict < 1 || returnDayDistrict > 28 || returnDayCity < 1 || returnDayCity > 28)
        return Status::error(ProgressCalculator::tr("A deadline day of the monthly returns is a day from 1 to 28 of the next month."));
    if (taskDays < 1)
        return Status::error(ProgressCalculator::tr("A follow-up task needs at least one day until it is due."));
    if (!monthWeights.isEmpty() && monthWeights.size() != 12)
        return Status::error(ProgressCalculator::tr("Monthly weights need a value for each of the 12 months."));
    auto rulesJson = [this] {
        QJsonObject o;
        for (auto it = sourceRules.cbegin(); it != sourceRules.cend(); ++it)
            o.insert(it.key(), it.value());
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
    QStringList w;
    for (double v : monthWeights) {
        if (v < 0)
            return Status::error(ProgressCalculator::tr("Monthly weights cannot be negative."));
        w << QString::number(v);
    }
    const QList<QPair<QString, QString>> values = {
        {QStringLiteral("progress.yellowBehind"), QString::number(yellowBehind)},
        {QStringLiteral("progress.redBehind"), QString::number(redBehind)},
        {QStringLiteral("progress.stuckYellowMonths"), QString::number(stuckYellowMonths)},
        {QStringLiteral("progress.stuckRedMonths"), QString::number(stuckRedMonths)},
        {QStringLiteral("progress.signedDays"), QString::number(signedDays)},
        {QStringLiteral("progress.registeredDays"), QString::number(registeredDays)},
        {QStringLiteral("progress.startedDays"), QString::number(startedDays)},
        {QStringLiteral("progress.countWeight"), QString::number(countWeight)},
        {QStringLiteral("progress.amountWeight"), QString::number(amountWeight)},
        {QStringLiteral("progress.countMetric"), countMetric},
        {QStringLiteral("progress.amountMetric"), amountMetric},
        {QStringLiteral("progress.monthWeights"), w.join(QLatin1Char(','))},
        {QStringLiteral("progress.sourceRules"), rulesJson()},
        {QStringLiteral("returns.dayDistrict"), QString::number(returnDayDistrict)},
        {QStringLiteral("returns.dayCity"), QString::number(returnDayCity)},
        {QStringLiteral("returns.approvedOnly"), approvedReturnsOnly ? QStringLiteral("1") : QStringLiteral("0")},
        {QStringLiteral("returns.metrics"), returnMetrics.join(QLatin1Char(','))},
        {QStringLiteral("tasks.days"), QString::number(taskDays)},
    };
    Transaction t(db);
    for (const auto &[k, v] : values) {
        Status s = db.setSetting(k, v);
        if (!s)
            return s;
    }
    return t.commit();
}

QString ProgressRow::reportedSource() const
{
    return reportedDocument.isEmpty() ? Metrics::spanName(reportedSpan)
                                      : ProgressCalculator::tr("%1, %2").arg(reportedDocument, Metrics::spanName(reportedSpan));
}

QString ProgressRow::summary() const
{
    const QString name = Metrics::name(metric);
    if (!hasTarget && !hasActual)
        return ProgressCalculator::tr("%1: no target and no figures.").arg(name);
    if (!hasTarget)
        return ProgressCalculator::tr("%1: %2 so far; no target is set for the year.").arg(name, Metrics::formatValue(metric, actual));
    if (target <= 0)
        return ProgressCalculator::tr("%1: the target is zero, so no completion can be given.").arg(name);
    if (!hasActual)
        return ProgressCalculator::tr("%1: target %2; no figures yet.").arg(name, Metrics::formatValue(metric, target));
    const QString done = ProgressCalculator::tr("%1: %2 of %3, %4% of the annual target")
                             .arg(name, Metrics::formatValue(metric, actual), Metrics::formatValue(metric, target))
                             .arg(QString::number(completion, 'f', 1));
    if (gap > 0.05)
        return done + ProgressCalculator::tr(", %1 percentage points behind the time pace.").arg(QString::number(gap, 'f', 1));
    if (gap < -0.05)
        return done + ProgressCalculator::tr(", %1 percentage points ahead of the time pace.").arg(QString::number(-gap, 'f', 1));
    return done + ProgressCalculator::tr(", on the time pace.");
}

ProgressCalculator::ProgressCalculator(Desk *desk, const ProgressSettings &settings)
    : m_desk(desk)
    , m_store(desk->projects())
    , m_settings(settings)
{
}

QStringList ProgressCalculator::progressMetrics()
{
    QStringList m = Metrics::ids();
    m.removeAll(QStringLiteral("annual_completion_pct"));
    return m;
}

double ProgressCalculator::pace(const QDate &asOf, const QList<double> &monthWeights)
{
    if (!asOf.isValid())
        return 0;
    if (monthWeights.size() == 12) {
        double total = 0;
        for (double w : monthWeights)
            total += w;
        if (total <= 0)
            return 0;
        double done = 0;
        for (int m = 1; m < asOf.month(); ++m)
            done += monthWeights.at(m - 1);
        done += monthWeights.at(asOf.month() - 1) * double(asOf.day()) / asOf.daysInMonth();
        return 100.0 * done / total;
    }
    return 100.0 * asOf.dayOfYear() / asOf.daysInYear();
}

QDate ProgressCalculator::effectiveAsOf(int year, const QDate &asOf, QString *note)
{
    const QDate first(year, 1, 1), last(year, 12, 31);
    if (!asOf.isValid()) {
        const QDate today = QDate::currentDate();
        return today < first ? first : today > last ? last : today;
    }
    if (asOf < first) {
        if (note)
            *note = tr("The as-of date %1 is before %2 began; progress is shown as of %3.")
                        .arg(asOf.toString(Qt::ISODate)).arg(year).arg(first.toString(Qt::ISODate));
        return first;
    }
    if (asOf > last) {
        if (note)
            *note = tr("The as-of date %1 is after %2 ended; progress is shown for the whole year.")
                        .arg(asOf.toString(Qt::ISODate)).arg(year);
        return last;
    }
    return asOf;
}

namespace {

/// A metric from a unit's stage sums (counts; money in 亿元).
bool pipelineValue(const QHash<int, StageSums> &sums, const QString &metric, double *value)
{
    const auto stage = ProgressCalculator::metricStage(metric);
    if (!stage)
        return false;
    const StageSums s = sums.value(int(*stage));
    if (metric == QLatin1String("signed_investment")) *value = s.amount;
    else if (metric == QLatin1String("started_investment")) *value = s.planned;
    else if (metric == QLatin1String("large_projects")) *value = s.large;
    else if (metric == QLatin1String("capital_increase_projects")) *value = s.capitalIncrease;
    else if (metric == QLatin1String("funds_in_place")) *value = s.funds;
    else if (metric == QLatin1String("expected_output")) *value = s.output;
    else if (metric == QLatin1String("expected_tax")) *value = s.tax;
    else *value = s.count; // the projects that reached the stage
    return true;
}

bool isActivityMetric(const QString &m)
{
    return m == QLatin1String("outbound_trips") || m == QLatin1String("leader_outbound_trips")
        || m == QLatin1String("companies_visited") || m == QLatin1String("inbound_visits")
        || m == QLatin1String("promotion_events");
}

double activityValue(const ActivityStore::Counts &c, const QString &m)
{
    if (m == QLatin1String("outbound_trips")) return c.outboundTrips;
    if (m == QLatin1String("leader_outbound_trips")) return c.leaderTrips;
    if (m == QLatin1String("companies_visited")) return c.companiesVisited;
    if (m == QLatin1String("inbound_visits")) return c.inboundVisits;
    return c.events;
}

/// The last day a reported period covers, and whether it counts from January (cumulative).
QDate spanEnd(int year, const QString &span, const QDate &asOf, bool *cumulative)
{
    *cumulative = true;
    if (span == QLatin1String("FY")) return QDate(year, 12, 31);
    if (span == QLatin1String("YTD")) return asOf.isValid() ? asOf : QDate(year, 12, 31);
    if (span == QLatin1String("H1")) return QDate(year, 6, 30);
    if (span == QLatin1String("H2")) { *cumulative = false; return QDate(year, 12, 31); }
    if (span.startsWith(u'Q')) {
        const int q = span.mid(1).toInt();
        *cumulative = q == 1;
        return QDate(year, q * 3, 1).addMonths(1).addDays(-1);
    }
    if (span.startsWith(u'M')) {
        const int dash = int(span.indexOf(u'-'));
        const int first = span.mid(1, 2).toInt();
        const int last = dash > 0 ? span.mid(dash + 2, 2).toInt() : first;
        *cumulative = first == 1;
        return QDate(year, qBound(1, last, 12), 1).addMonths(1).addDays(-1);
    }
    *cumulative = false;
    return QDate(year, 12, 31);
}

} // namespace

std::optional<Stage> ProgressCalculator::metricStage(const QString &metric)
{
    static const QHash<QString, Stage> stages{
        {QStringLiteral("negotiating_projects"), Stage::Negotiating},
        {QStringLiteral("signed_projects"), Stage::Signed},
        {QStringLiteral("signed_investment"), Stage::Signed},
        {QStringLiteral("large_projects"), Stage::Signed},
        {QStringLiteral("capital_increase_projects"), Stage::Signed},
        {QStringLiteral("funds_in_place"), Stage::Signed},
        {QStringLiteral("expected_output"), Stage::Signed},
        {QStringLiteral("expected_tax"), Stage::Signed},
        {QStringLiteral("registered_projects"), Stage::Registered},
        {QStringLiteral("introduced_projects"), Stage::Registered},
        {QStringLiteral("started_projects"), Stage::Started},
        {QStringLiteral("started_investment"), Stage::Started},
        {QStringLiteral("operating_projects"), Stage::Operating},
    };
    const auto it = stages.constFind(metric);
    return it == stages.cend() ? std::nullopt : std::optional<Stage>(*it);
}

QList<ProgressRow> ProgressCalculator::compute(int year, const QDate &asOfIn) const
{
    const QDate asOf = effectiveAsOf(year, asOfIn, nullptr);
    const double yearPace = pace(asOf, m_settings.monthWeights);
    Database *db = m_desk->database();
    const QList<Unit> units = m_store->units();
    const QStringList metrics = progressMetrics();

    // Children, depth and a bottom-up order of the unit tree.
    QHash<qint64, QList<qint64>> children;
    QHash<qint64, int> depth;
    QList<qint64> order; // parents before children
    for (const Unit &u : units)
        children[u.parentId].append(u.id);
    QList<qint64> queue = children.value(0);
    for (qint64 r : queue)
        depth[r] = 0;
    for (int i = 0; i < queue.size(); ++i) {
        order << queue.at(i);
        for (qint64 c : children.value(queue.at(i))) {
            depth[c] = depth.value(queue.at(i)) + 1;
            queue << c;
        }
    }

    // Own data per unit.
    const ProgressQueries &queries = *m_desk->progressQueries();
    const UnitStageSums sums = queries.stageSums(QDate(year, 1, 1), asOf);
    const QSet<qint64> hasProjects = queries.unitsWithProjects();
    const QHash<qint64, ActivityStore::Counts> activityCounts = ActivityStore(db).counts(QDate(year, 1, 1), asOf);
    const QSet<qint64> hasActivities = queries.unitsWithActivities();
    QHash<QPair<qint64, QString>, Target> targets;
    for (const Target &t : FactStore(db).targets(year))
        targets.insert({t.unitId, t.metric}, t);

    // Reported facts: the latest cumulative figure up to the as-of day, per unit and metric. A figure
    // stands on the last day its span covers (H1 on 06-30, M01-M05 on 05-31, YTD on its own date or
    // the report's).
    struct Reported { double value = 0; QDate end; QString span, title; };
    QHash<QPair<qint64, QString>, Reported> reported;
    for (const ReportedFigure &f : queries.reportedFigures(year)) {
        bool cumulative = true;
        const QDate end = spanEnd(year, f.span, f.asOf.isValid() ? f.asOf : f.published, &cumulative);
        if (!cumulative || end > asOf)
            continue;
        Reported &r = reported[{f.unitId, f.metric}];
        if (!r.end.isValid() || end > r.end || (end == r.end && f.value > r.value)) {
            r.value = f.value;
            r.end = end;
            r.span = f.span;
            r.title = f.documentTitle;
        }
    }
    // The bulletin's rule may be to count only approved monthly returns, for every unit that reports.
    const int returnMonth = ReturnBook::reportingMonth(asOf);
    const QHash<QPair<qint64, QString>, ReturnBook::Approved> approved =
        m_settings.approvedReturnsOnly ? ReturnBook(m_desk).approvedFigures(year, returnMonth) : decltype(approved)();
    QHash<qint64, qint64> parentOf;
    for (const Unit &u : units)
        parentOf.insert(u.id, u.parentId);

    // Units that keep project records for the period: a stage reached in it, in the unit or below.
    QSet<qint64> keepsRecords;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        for (const StageSums &x : it.value()) {
            if (x.count > 0)
                keepsRecords.insert(it.key());
        }
    }

    // Bottom-up: subtree flags and values.
    QHash<qint64, bool> subtreeProjects, subtreeActivities, subtreeKeepsRecords;
    QHash<qint64, QHash<int, StageSums>> subtreeSums;
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        const qint64 u = *it;
        bool p = hasProjects.contains(u), a = hasActivities.contains(u), k = keepsRecords.contains(u);
        QHash<int, StageSums> total = sums.value(u);
        for (qint64 c : children.value(u)) {
            p = p || subtreeProjects.value(c);
            k = k || subtreeKeepsRecords.value(c);
            a = a || subtreeActivities.value(c);
            const QHash<int, StageSums> &cs = subtreeSums[c];
            for (auto s = cs.cbegin(); s != cs.cend(); ++s) {
                total[s.key()].add(s.value());
            }
        }
        subtreeProjects[u] = p;
        subtreeKeepsRecords[u] = k;
        subtreeActivities[u] = a;
        subtreeSums[u] = total;
    }
    QHash<qint64, ActivityStore::Counts> subtreeActivityCounts;
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        ActivityStore::Counts c = activityCounts.value(*it);
        for (qint64 ch : children.value(*it)) {
            const ActivityStore::Counts &x = subtreeActivityCounts[ch];
            c.outboundTrips += x.outboundTrips; c.leaderTrips += x.leaderTrips; c.companiesVisited += x.companiesVisited;
            c.inboundVisits += x.inboundVisits; c.events += x.events;
        }
        subtreeActivityCounts[*it] = c;
    }

    // Actual and target of each unit and metric; reported figures roll up where a unit has none.
    QHash<QPair<qint64, QString>, ProgressRow> rows;
    auto sumOfChildren = [&](qint64 u, const QString &metric, bool target, double *total) {
        bool any = false;
        for (qint64 c : children.value(u)) {
            const ProgressRow &cr = rows[{c, metric}];
            if (target ? cr.hasTarget : cr.hasActual) {
                *total += target ? cr.target : cr.actual;
                any = true;
            }
        }
        return any;
    };
    for (const QString &metric : metrics) {
        for (auto it = order.crbegin(); it != order.crend(); ++it) {
            const qint64 u = *it;
            ProgressRow r;
            r.unitId = u;
            r.unit = m_store->unitName(u);
            r.depth = depth.value(u);
            r.metric = metric;
            double v = 0;
            if (!isActivityMetric(metric) && subtreeProjects.value(u) && pipelineValue(subtreeSums.value(u), metric, &v)) {
                r.hasPipeline = true;
                r.pipeline = v;
            }
            if (const auto rep = reported.constFind({u, metric}); rep != reported.cend()) {
                r.hasReported = true;
                r.reported = rep->value;
                r.reportedSpan = rep->span;
                r.reportedDocument = rep->title;
                r.reportedEnd = rep->end;
            }
            r.sourceRule = m_settings.sourceRule(u, metric);
            auto usePipeline = [&r] {
                r.hasActual = true;
                r.actual = r.pipeline;
                r.source = QStringLiteral("pipeline");
            };
            auto useReported = [&r] {
                r.hasActual = true;
                r.actual = r.reported;
                r.source = QStringLiteral("reported");
                r.sourceDetail = r.reportedSource();
            };
            if (m_settings.approvedReturnsOnly && parentOf.value(u) != 0) {
                r.source = QStringLiteral("return");
                if (const auto a = approved.constFind({u, metric}); a != approved.cend()) {
                    r.hasActual = true;
                    r.actual = a->value;
                    r.sourceDetail = tr("approved return of %1").arg(Metrics::spanName(Metrics::monthsToDate(a->month)));
                } else {
                    r.sourceDetail = tr("no approved return");
                }
            } else if (isActivityMetric(metric) && subtreeActivities.value(u)) {
                r.hasActual = true;
                r.actual = activityValue(subtreeActivityCounts.value(u), metric);
                r.source = QStringLiteral("activities");
            } else if (r.sourceRule == QLatin1String("pipeline") && r.hasPipeline) {
                usePipeline();
            } else if (r.sourceRule == QLatin1String("reported")) {
                if (r.hasReported)
                    useReported(); // else no figure: the officer asked for the reported one
            } else if (r.hasPipeline && subtreeKeepsRecords.value(u)) {
                usePipeline();
            } else if (r.hasReported) {
                useReported();
            } else if (r.hasPipeline) {
                usePipeline(); // projects, none of them in the period: nothing done yet
            } else if (double total = 0; sumOfChildren(u, metric, false, &total)) {
                r.hasActual = true;
                r.actual = total;
                r.source = QStringLiteral("children");
            }
            if (targets.contains({u, metric})) {
                const Target &t = targets[{u, metric}];
                r.hasTarget = true;
                r.target = t.value;
                r.targetQualifier = t.qualifier;
                r.targetSource = QStringLiteral("own");
            } else if (double total = 0; sumOfChildren(u, metric, true, &total)) {
                r.hasTarget = true;
                r.target = total;
                r.targetQualifier = QStringLiteral("at_least");
                r.targetSource = QStringLiteral("children");
            }
            r.pace = yearPace;
            if (!r.hasTarget || r.target <= 0) {
                r.status = r.hasActual || r.hasTarget ? ProgressStatus::NoTarget : ProgressStatus::NoData;
            } else if (!r.hasActual) {
                r.status = ProgressStatus::NoData;
            } else {
                r.completion = 100.0 * r.actual / r.target;
                r.gap = r.pace - r.completion;
                r.status = r.gap < m_settings.yellowBehind ? ProgressStatus::Green
                         : r.gap < m_settings.redBehind   ? ProgressStatus::Yellow
                                                          : ProgressStatus::Red;
            }
            rows.insert({u, metric}, r);
        }
    }

    QList<ProgressRow> out;
    for (qint64 u : std::as_const(order)) {
        for (const QString &metric : metrics) {
            const ProgressRow &r = rows[{u, metric}];
            // A zero from the pipeline matters only against a target.
            if (r.hasTarget || r.hasReported || (r.hasActual && r.actual != 0))
                out.append(r);
        }
    }
    return out;
}

QString ProgressCalculator::rankingNote(const QList<RankRow> &ranking, const ProgressSettings &settings, int year)
{
    const qsizetype ranked = std::count_if(ranking.cbegin(), ranking.cend(), [](const RankRow &r) { return r.rank > 0; });
    if (ranked == 0)
        return tr("No unit has a target for %1 or %2 in %3, so none is ranked.")
            .arg(Metrics::name(settings.countMetric), Metrics::name(settings.amountMetric)).arg(year);
    if (ranked == 1)
        return tr("Only one unit has targets, so there is no efficacy score: it compares units with each other.");
    return QString();
}

qint64 ProgressCalculator::defaultRankParent() const
{
    // The first unit with several children: a city with its districts, or a district with its towns.
    QList<qint64> level = m_store->children(0);
    while (level.size() == 1) {
        const QList<qint64> next = m_store->children(level.first());
        if (next.isEmpty())
            break;
        if (next.size() > 1)
            return level.first();
        level = next;
    }
    return 0;
}

QList<RankRow> ProgressCalculator::rank(const QList<ProgressRow> &rows, qint64 parentUnitId) const
{
    QList<qint64> members = m_store->children(parentUnitId);
    if (parentUnitId == 0) {
        // Every unit one level below the top: the districts and counties of each city.
        QList<qint64> below;
        for (qint64 top : members)
            below << m_store->children(top);
        if (!below.isEmpty())
            members = below;
    }
    QHash<qint64, RankRow> byUnit;
    for (qint64 u : members) {
        RankRow r;
        r.unitId = u;
        r.unit = m_store->unitName(u);
        byUnit.insert(u, r);
    }
    for (const ProgressRow &p : rows) {
        if (!byUnit.contains(p.unitId) || !p.hasTarget || p.target <= 0)
            continue;
        RankRow &r = byUnit[p.unitId];
        // A target without an actual yet is 0% done; a metric without a target is left out.
        if (p.metric == m_settings.countMetric) {
            r.hasCount = true;
            r.countCompletion = p.hasActual ? p.completion : 0;
        } else if (p.metric == m_settings.amountMetric) {
            r.hasAmount = true;
            r.amountCompletion = p.hasActual ? p.completion : 0;
        }
    }
    const double wc = m_settings.countWeight, wa = m_settings.amountWeight;
    // Each unit's weights over the metrics it has targets for.
    auto weighOut = [wc, wa](const RankRow &r, double count, double amount) {
        const double w = (r.hasCount ? wc : 0) + (r.hasAmount ? wa : 0);
        return w > 0 ? ((r.hasCount ? wc * count : 0) + (r.hasAmount ? wa * amount : 0)) / w : 0.0;
    };
    QList<RankRow> ranked, unranked;
    for (qint64 u : members) {
        RankRow r = byUnit.value(u);
        if (!r.hasCount && !r.hasAmount) {
            r.status = ProgressStatus::NoTarget;
            unranked << r;
            continue;
        }
        r.weighted = weighOut(r, r.countCompletion, r.amountCompletion);
        ranked << r;
    }
    // 功效系数法: 60 + 40 × (v − worst) / (best − worst) for each indicator among the units that have
    // it, then weighted as above. Equal values are all best.
    auto efficacy = [](double v, double lo, double hi) { return hi > lo ? 60 + 40 * (v - lo) / (hi - lo) : 100.0; };
    std::optional<std::pair<double, double>> cRange, aRange;
    auto widen = [](std::optional<std::pair<double, double>> &range, double v) {
        range = range ? std::pair(std::min(range->first, v), std::max(range->second, v)) : std::pair(v, v);
    };
    for (const RankRow &r : std::as_const(ranked)) {
        if (r.hasCount)
            widen(cRange, r.countCompletion);
        if (r.hasAmount)
            widen(aRange, r.amountCompletion);
    }
    const double pace = rows.isEmpty() ? 0 : rows.first().pace;
    for (RankRow &r : ranked) {
        if (ranked.size() >= 2) {
            r.hasEfficacy = true;
            r.efficacy = weighOut(r, r.hasCount ? efficacy(r.countCompletion, cRange->first, cRange->second) : 0,
                                  r.hasAmount ? efficacy(r.amountCompletion, aRange->first, aRange->second) : 0);
        }
        const double gap = pace - r.weighted;
        r.status = gap < m_settings.yellowBehind ? ProgressStatus::Green
                 : gap < m_settings.redBehind   ? ProgressStatus::Yellow
                                                : ProgressStatus::Red;
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const RankRow &a, const RankRow &b) { return a.weighted > b.weighted; });
    for (int i = 0; i < ranked.size(); ++i) {
        // Equal scores share a place.
        ranked[i].rank = (i > 0 && std::abs(ranked[i].weighted - ranked[i - 1].weighted) < 1e-9) ? ranked[i - 1].rank : i + 1;
    }
    return ranked + unranked;
}

QList<StuckProject> ProgressCalculator::stuckProjects(const QDate &asOf, const QList<qint64> &unitIds, int limit,
                                                     int *yellowCount, int *redCount) const
{
    const QDate reachedBy = [&] {
        const int shortestDays = std::min({m_settings.signedDays, m_settings.registeredDays, m_settings.startedDays});
        return std::max(asOf.addMonths(-m_settings.stuckYellowMonths), asOf.addDays(-shortestDays));
    }();
    // How long a project has waited in its stage, and whether that is too long (false: not yet).
    auto judge = [&](StuckProject &p) {
        p.months = (asOf.year() - p.since.year()) * 12 + asOf.month() - p.since.month() - (asOf.day() < p.since.day() ? 1 : 0);
        p.days = int(p.since.daysTo(asOf));
        p.limitDays = m_settings.stalledDays(p.stage);
        if (p.limitDays > 0) {
            if (p.days <= p.limitDays)
                return false;
            p.status = p.days > 2 * p.limitDays ? ProgressStatus::Red : ProgressStatus::Yellow;
        } else {
            if (p.months < m_settings.stuckYellowMonths)
                return false;
            p.status = p.months >= m_settings.stuckRedMonths ? ProgressStatus::Red : ProgressStatus::Yellow;
        }
        return true;
    };
    // Counted by stage and day reached, then read one by one only as far as the list goes.
    const ProgressQueries &queries = *m_desk->progressQueries();
    const QList<WaitingCount> counts = queries.waitingCounts(asOf, reachedBy, unitIds);
    // The longer a project waits, the more it is stalled: in each stage, those reached on or before
    // the latest day that is too long ago.
    int yellow = 0, red = 0;
    QMap<Stage, QDate> latest;
    for (const WaitingCount &c : std::as_const(counts)) {
        StuckProject p;
        p.stage = c.stage;
        p.since = c.since;
        if (!judge(p))
            continue;
        (p.status == ProgressStatus::Red ? red : yellow) += int(c.count);
        latest[c.stage] = std::max(latest.value(c.stage), c.since);
    }
    if (yellowCount)
        *yellowCount = yellow;
    if (redCount)
        *redCount = red;
    QList<StuckProject> out;
    for (const ProjectStanding &w : queries.waitingOn(asOf, reachedBy, unitIds, latest, limit)) {
        StuckProject p;
        p.projectId = w.projectId;
        p.name = w.name;
        p.unit = m_store->unitName(w.unitId);
        p.stage = w.stage;
        p.since = w.since;
        if (!judge(p))
            continue;
        // Ordered by date, so the longest stuck come first.
        if (!limit || out.size() < limit)
            out.append(p);
    }
    return out;
}

QList<StageTotal> ProgressCalculator::funnel(const QList<qint64> &unitIds, const QDate &asOf) const
{
    QList<StageTotal> out;
    for (int i = 0; i < StageCount; ++i)
        out.append(StageTotal{Stage(i), 0, 0});
    const QSet<qint64> scope(unitIds.cbegin(), unitIds.cend());
    for (const StageTally &c : m_desk->progressQueries()->stagesOn(asOf)) {
        if ((!scope.isEmpty() && !scope.contains(c.unitId)) || c.stage < 0 || c.stage >= StageCount)
            continue;
        out[c.stage].count += c.count;
        out[c.stage].investment += c.investment;
    }
    return out;
}

QList<QPair<QString, double>> ProgressCalculator::industryMix(qint64 unitId, int year, const QDate &asOf) const
{
    const QList<qint64> scope = unitId ? m_store->subtree(unitId) : QList<qint64>();
    QHash<QString, double> sums;
    for (const IndustryAmount &a : m_desk->progressQueries()->signedByIndustry(QDate(year, 1, 1), asOf)) {
        if (!scope.isEmpty() && !scope.contains(a.unitId))
            continue;
        sums[a.industry.isEmpty() ? tr("Other") : a.industry] += a.amount;
    }
    QList<QPair<QString, double>> out;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        out.append({it.key(), it.value()});
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    return out;
}

QList<double> ProgressCalculator::monthlyCumulative(qint64 unitId, int year, const QString &metric, const QDate &asOf) const
{
    // The monthly sums of the year, summed up month after month.
    QList<double> out(12, 0.0);
    const QList<qint64> scopeList = unitId ? m_store->subtree(unitId) : QList<qint64>();
    const QSet<qint64> scope(scopeList.cbegin(), scopeList.cend());
    const ProgressQueries &queries = *m_desk->progressQueries();
    const QList<UnitStageSums> byUnit = queries.monthlyStageSums(year);
    // The month of the as-of day counts its days up to that day only.
    const int partMonth = asOf.isValid() && asOf.year() == year && asOf.addDays(1).month() == asOf.month() ? asOf.month() : 0;
    QList<QHash<int, StageSums>> months(12);
    for (int m = 0; m < 12; ++m) {
        const UnitStageSums month = m + 1 == partMonth ? queries.stageSums(QDate(year, partMonth, 1), asOf) : byUnit.at(m);
        for (auto it = month.cbegin(); it != month.cend(); ++it) {
            if (!scope.isEmpty() && !scope.contains(it.key()))
                continue;
            for (auto st = it->cbegin(); st != it->cend(); ++st)
                months[m][st.key()].add(st.value());
        }
    }
    double running = 0;
    for (int m = 0; m < 12; ++m) {
        double v = 0;
        if (pipelineValue(months.at(m), metric, &v))
            running += v;
        out[m] = running;
    }
    return out;
}

} // namespace IPDesk
