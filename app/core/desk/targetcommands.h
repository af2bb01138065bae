#pragma once

#include "desk/activitystore.h"
#include "desk/factstore.h"
#include "desk/projectstore.h"

#include "desk/deskcommand.h"
#include <optional>

namespace IPDesk {

class Desk;

/// One target before and after an edit (nullopt: none).
struct TargetChange
{
    qint64 unitId = 0;
    int year = 0;
    QString metric;
    std::optional<Target> before;
    std::optional<Target> after;
};

/// Every edit of targets, one or many at once (copy last year's, split over the units below), is one
/// undoable command (Desk::perform); views hear of it through Desk::changed.
class ChangeTargetsCommand : public DeskCommand
{
public:
    ChangeTargetsCommand(Desk *desk, const QList<TargetChange> &changes, const QString &text,
                         QUndoCommand *parent = nullptr);

private:
    Status apply(bool forward) override;
    ProjectStore *m_store;
    QList<TargetChange> m_changes;
};

/// Plans of target edits, for the commands above.
namespace TargetPlans {

/// Sets (or with value <= 0 refuses) one target.
QList<TargetChange> set(const FactStore &facts, const Target &t);
QList<TargetChange> remove(const FactStore &facts, qint64 unitId, int year, const QString &metric);
/// Last year's targets raised by growthPct (保持10%以上增长); existing targets of the year stay unless overwrite.
QList<TargetChange> copyYear(const FactStore &facts, int fromYear, int toYear, double growthPct, bool overwrite);
/// The parts of a unit's target given to its children (分解到责任单位).
QList<TargetChange> split(const FactStore &facts, int year, const QString &metric, const QHash<qint64, double> &parts);
/// What is left of the parent's target after the parts: positive until the parts add up.
double remainder(double parentTarget, const QHash<qint64, double> &parts);
} // namespace TargetPlans

/// Adding, changing or deleting an activity, undoable.
class ChangeActivityCommand : public DeskCommand
{
public:
    /// A write refused by the server, or over someone else's newer change, fails (Desk::perform
    /// says why) and the command leaves the undo stack.
    ChangeActivityCommand(Desk *desk, const std::optional<Activity> &before, const std::optional<Activity> &after,
                          QUndoCommand *parent = nullptr);
    qint64 activityId() const { return m_id; }

private:
    Status apply(bool forward) override;
    std::optional<Activity> m_before, m_after;
    qint64 m_id = 0;
};

} // namespace IPDesk
