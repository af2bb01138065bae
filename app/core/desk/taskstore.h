#pragma once

#include "desk/database.h"
#include "desk/deskcommand.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <optional>

namespace IPDesk {

/// A follow-up task (督办) a leader assigns on a stalled project or to a unit: what is to be done,
/// by which unit, by when, and the unit's replies.
struct FollowUpTask
{
    enum class State { Open, Done };
    qint64 id = 0;
    qint64 unitId = 0;
    qint64 projectId = 0; ///< 0: a task of the unit, not of one project
    QString what;
    QDate due;
    State state = State::Open;
    QString createdBy;
    QDateTime createdAt;
    QDate doneOn;
    struct Reply { QDateTime at; QString who, body; };
    QList<Reply> replies;

    /// Open and past its due date on `today`.
    bool isOverdue(const QDate &today) const { return state == State::Open && due.isValid() && today > due; }
    /// open, done or overdue (cli.md)
    QString stateCode(const QDate &today) const;
    QString stateName(const QDate &today) const;
    QStringList validate() const;
};

class TaskStore
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::TaskStore)
public:
    explicit TaskStore(Database *db) : m_db(db) {}

    /// Every task, open ones first by due date; with their replies.
    QList<FollowUpTask> tasks(Status *status = nullptr) const;
    std::optional<FollowUpTask> task(qint64 id) const;
    qint64 insert(FollowUpTask &t, Status *status);
    /// A task as it was, with its id, author and replies (the undo of a deletion, the redo of an addition).
    Status restore(const FollowUpTask &t);
    Status setDone(qint64 id, bool done, const QDate &on = QDate::currentDate());
    Status reply(qint64 id, const QString &body);
    Status remove(qint64 id);
    int overdueCount(const QDate &today) const;

private:
    Database *m_db;
};

class Desk;

/// Adds, deletes, or marks done or open a follow-up task, as one undo step (Desk::perform).
class ChangeTaskCommand : public DeskCommand
{
public:
    ChangeTaskCommand(Desk *desk, const std::optional<FollowUpTask> &before, const std::optional<FollowUpTask> &after);
    qint64 taskId() const { return m_id; }

private:
    Status apply(bool forward) override;
    std::optional<FollowUpTask> m_before, m_after;
    qint64 m_id = 0;
};

} // namespace IPDesk
