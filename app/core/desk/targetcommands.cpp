#include "desk/targetcommands.h"
#include "desk/desk.h"

#include "base/metrics.h"

#include <cmath>

namespace IPDesk {

ChangeTargetsCommand::ChangeTargetsCommand(Desk *desk, const QList<TargetChange> &changes, const QString &text,
                                           QUndoCommand *parent)
    : DeskCommand(desk, parent)
    , m_store(desk->projects())
    , m_changes(changes)
{
    setText(text);
}

Status ChangeTargetsCommand::apply(bool forward)
{
    Database *db = m_desk->database();
    FactStore &facts = *m_desk->facts();
    Transaction t(*db);
    // The value each target had when the edit was made is its version: if someone else changed
    // it since, nothing is written over theirs.
    for (const TargetChange &c : std::as_const(m_changes)) {
        const std::optional<Target> &from = forward ? c.before : c.after;
        const std::optional<Target> now = facts.target(c.unitId, c.year, c.metric);
        const bool same = bool(now) == bool(from)
            && (!now || (qFuzzyCompare(now->value, from->value) && now->qualifier == from->qualifier));
        if (!same) {
            setObsolete(true);
            m_desk->notify({DeskChange::Targets});
            return Status::error(
                FactStore::tr("The %1 target of %2 for %3 was changed by someone else in the meantime (it is now %4). "
                              "Nothing was changed; look at it again and make your change once more.")
                    .arg(Metrics::name(c.metric), m_store->unitName(c.unitId)).arg(c.year)
                    .arg(now ? Metrics::formatValue(c.metric, now->value) : FactStore::tr("not set")),
                Status::Code::Conflict);
        }
    }
    for (const TargetChange &c : std::as_const(m_changes)) {
        const std::optional<Target> &to = forward ? c.after : c.before;
        const Status s = to ? facts.setTarget(*to) : facts.removeTarget(c.unitId, c.year, c.metric);
        if (!s)
            return s;
    }
    const Status s = t.commit();
    if (s)
        m_desk->notify({DeskChange::Targets});
    return s;
}

namespace TargetPlans {

QList<TargetChange> set(const FactStore &facts, const Target &t)
{
    return {TargetChange{t.unitId, t.year, t.metric, facts.target(t.unitId, t.year, t.metric), t}};
}

QList<TargetChange> remove(const FactStore &facts, qint64 unitId, int year, const QString &metric)
{
    const auto before = facts.target(unitId, year, metric);
    if (!before)
        return {};
    return {TargetChange{unitId, year, metric, before, std::nullopt}};
}

QList<TargetChange> copyYear(const FactStore &facts, int fromYear, int toYear, double growthPct, bool overwrite)
{
    QList<TargetChange> out;
    for (const Target &t : facts.targets(fromYear)) {
        const auto existing = facts.target(t.unitId, toYear, t.metric);
        if (existing && !overwrite)
            continue;
        Target next = t;
        next.year = toYear;
        double v = t.value * (1 + growthPct / 100.0);
        // Counts stay whole numbers: 保持10%以上增长 of 12 projects is 14, not 13.2.
        if (Metrics::unit(t.metric) == QLatin1String("count"))
            v = std::ceil(v - 1e-9);
        else
            v = std::round(v * 100) / 100;
        next.value = v;
        out.append(TargetChange{t.unitId, toYear, t.metric, existing, next});
    }
    return out;
}

QList<TargetChange> split(const FactStore &facts, int year, const QString &metric, const QHash<qint64, double> &parts)
{
    QList<TargetChange> out;
    for (auto it = parts.cbegin(); it != parts.cend(); ++it) {
        const auto before = facts.target(it.key(), year, metric);
        if (it.value() > 0)
            out.append(TargetChange{it.key(), year, metric, before, Target{it.key(), year, metric, it.value(), QStringLiteral("at_least")}});
        else if (before)
            out.append(TargetChange{it.key(), year, metric, before, std::nullopt});
    }
    return out;
}

double remainder(double parentTarget, const QHash<qint64, double> &parts)
{
    double sum = 0;
    for (double v : parts)
        sum += v;
    return parentTarget - sum;
}

} // namespace TargetPlans

ChangeActivityCommand::ChangeActivityCommand(Desk *desk, const std::optional<Activity> &before,
                                             const std::optional<Activity> &after, QUndoCommand *parent)
    : DeskCommand(desk, parent)
    , m_before(before)
    , m_after(after)
{
    m_id = before ? before->id : 0;
    setText(!before ? ActivityStore::tr("Add activity") : !after ? ActivityStore::tr("Delete activity")
                                                                 : ActivityStore::tr("Edit activity"));
}

Status ChangeActivityCommand::apply(bool forward)
{
    const std::optional<Activity> &from = forward ? m_before : m_after;
    const std::optional<Activity> &to = forward ? m_after : m_before;
    ActivityStore &store = *m_desk->activities();
    Status s;
    if (from) {
        // What the officer saw is the version: never write over someone else's newer change.
        Activity expected = *from;
        expected.id = m_id;
        const std::optional<Activity> now = store.activity(m_id);
        if (!now || !(*now == expected))
            s = Status::error(ActivityStore::tr("This activity was changed or deleted by someone else in the meantime; "
                                                "nothing was changed."),
                              Status::Code::Conflict);
    }
    if (s && from && !to) {
        s = store.remove(m_id);
    } else if (s && !from && to) {
        Activity a = *to;
        a.id = m_id; // an undone add comes back with the same id
        m_id = store.insert(a, &s);
    } else if (s && to) {
        Activity a = *to;
        a.id = m_id;
        s = store.update(a);
    }
    if (!s)
        setObsolete(true);
    else
        m_desk->notify({DeskChange::Targets});
    return s;
}

} // namespace IPDesk
