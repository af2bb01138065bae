#include "desk/taskstore.h"
#include "desk/desk.h"

#include <QSqlQuery>

namespace IPDesk {

namespace {
QDate dateOf(const QVariant &v)
{
    return v.userType() == QMetaType::QDate ? v.toDate() : QDate::fromString(v.toString().left(10), Qt::ISODate);
}
} // namespace

QString FollowUpTask::stateCode(const QDate &today) const
{
    return state == State::Done ? QStringLiteral("done") : isOverdue(today) ? QStringLiteral("overdue") : QStringLiteral("open");
}

QString FollowUpTask::stateName(const QDate &today) const
{
    return state == State::Done ? TaskStore::tr("Done") : isOverdue(today) ? TaskStore::tr("Overdue") : TaskStore::tr("Open");
}

QStringList FollowUpTask::validate() const
{
    QStringList e;
    if (unitId <= 0)
        e << TaskStore::tr("A follow-up task needs the unit that is to act.");
    if (what.trimmed().isEmpty())
        e << TaskStore::tr("A follow-up task needs to say what is to be done.");
    if (!due.isValid())
        e << TaskStore::tr("A follow-up task needs a due date.");
    return e;
}

QList<FollowUpTask> TaskStore::tasks(Status *status) const
{
    Status s;
    QSqlQuery q = m_db->run(QStringLiteral("SELECT id, unit_id, project_id, what, due_on, state, created_by, created_at, done_on"
                                           " FROM follow_up_tasks ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, due_on, id"),
                            {}, &s);
    QList<FollowUpTask> out;
    QHash<qint64, int> index;
    while (s && q.next()) {
        FollowUpTask t;
        t.id = q.value(0).toLongLong();
        t.unitId = q.value(1).toLongLong();
        t.projectId = q.value(2).toLongLong();
        t.what = q.value(3).toString();
        t.due = dateOf(q.value(4));
        t.state = q.value(5).toString() == QLatin1String("done") ? FollowUpTask::State::Done : FollowUpTask::State::Open;
        t.createdBy = q.value(6).toString();
        t.createdAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODate);
        t.doneOn = dateOf(q.value(8));
        index.insert(t.id, int(out.size()));
        out << t;
    }
    if (s) {
        QSqlQuery r = m_db->run(QStringLiteral("SELECT task_id, at, who, body FROM task_replies ORDER BY id"), {}, &s);
        while (s && r.next()) {
            const auto it = index.constFind(r.value(0).toLongLong());
            if (it != index.cend())
                out[*it].replies << FollowUpTask::Reply{QDateTime::fromString(r.value(1).toString(), Qt::ISODate),
                                                         r.value(2).toString(), r.value(3).toString()};
        }
    }
    if (status)
        *status = s;
    return out;
}

std::optional<FollowUpTask> TaskStore::task(qint64 id) const
{
    for (const FollowUpTask &t : tasks()) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

qint64 TaskStore::insert(FollowUpTask &t, Status *status)
{
    const QStringList problems = t.validate();
    if (!problems.isEmpty()) {
        *status = Status::error(problems.join(QLatin1Char(' ')));
        return 0;
    }
    t.createdBy = m_db->userName();
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    t.id = m_db->insert(QStringLiteral("INSERT INTO follow_up_tasks (unit_id, project_id, what, due_on, state, created_by, created_at)"
                                       " VALUES (?, ?, ?, ?, 'open', ?, ?)"),
                        {t.unitId, t.projectId > 0 ? QVariant(t.projectId) : QVariant(QMetaType::fromType<qint64>()),
                         t.what.trimmed(), t.due.toString(Qt::ISODate), t.createdBy, at},
                        status);
    t.createdAt = QDateTime::fromString(at, Qt::ISODate);
    return t.id;
}

Status TaskStore::restore(const FollowUpTask &t)
{
    Transaction transaction(*m_db);
    Status s = m_db->exec(QStringLiteral("INSERT INTO follow_up_tasks (id, unit_id, project_id, what, due_on, state, created_by,"
                                         " created_at, done_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          {t.id, t.unitId, t.projectId > 0 ? QVariant(t.projectId) : QVariant(QMetaType::fromType<qint64>()),
                           t.what, t.due.toString(Qt::ISODate),
                           t.state == FollowUpTask::State::Done ? QStringLiteral("done") : QStringLiteral("open"), t.createdBy,
                           t.createdAt.toUTC().toString(Qt::ISODate),
                           t.doneOn.isValid() ? QVariant(t.doneOn.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QDate>())});
    for (const FollowUpTask::Reply &r : t.replies) {
        if (!s)
            break;
        s = m_db->exec(QStringLiteral("INSERT INTO task_replies (task_id, at, who, body) VALUES (?, ?, ?, ?)"),
                       {t.id, r.at.toUTC().toString(Qt::ISODate), r.who, r.body});
    }
    if (s)
        s = m_db->continueIdsAfterMax(QStringLiteral("follow_up_tasks"));
    return s ? transaction.commit() : s;
}

Status TaskStore::setDone(qint64 id, bool done, const QDate &on)
{
    Status s;
    QSqlQuery q = m_db->run(QStringLiteral("UPDATE follow_up_tasks SET state = ?, done_on = ? WHERE id = ?"),
                            {done ? QStringLiteral("done") : QStringLiteral("open"),
                             done ? QVariant(on.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QDate>()), id},
                            &s);
    if (s && q.numRowsAffected() == 0)
        return Status::error(tr("The follow-up task is no longer there, or your account may not change it."), Status::Code::Denied);
    return s;
}

Status TaskStore::reply(qint64 id, const QString &body)
{
    if (body.trimmed().isEmpty())
        return Status::error(tr("A reply needs some text."));
    return m_db->exec(QStringLiteral("INSERT INTO task_replies (task_id, at, who, body) VALUES (?, ?, ?, ?)"),
                      {id, QDateTime::currentDateTimeUtc().toString(Qt::ISODate), m_db->userName(), body.trimmed()});
}

Status TaskStore::remove(qint64 id)
{
    Status s;
    QSqlQuery q = m_db->run(QStringLiteral("DELETE FROM follow_up_tasks WHERE id = ?"), {id}, &s);
    if (s && q.numRowsAffected() == 0)
        return Status::error(tr("The follow-up task is no longer there, or your account may not change it."), Status::Code::Denied);
    return s;
}

int TaskStore::overdueCount(const QDate &today) const
{
    int n = 0;
    for (const FollowUpTask &t : tasks())
        n += t.isOverdue(today) ? 1 : 0;
    return n;
}

ChangeTaskCommand::ChangeTaskCommand(Desk *desk, const std::optional<FollowUpTask> &before,
                                     const std::optional<FollowUpTask> &after)
    : DeskCommand(desk)
    , m_before(before)
    , m_after(after)
    , m_id(before ? before->id : 0)
{
    const QString what = (after ? after->what : before ? before->what : QString()).left(20);
    setText(!before ? TaskStore::tr("Assign the follow-up task “%1”").arg(what)
          : !after  ? TaskStore::tr("Delete the follow-up task “%1”").arg(what)
                    : TaskStore::tr("Mark the follow-up task “%1” %2").arg(what, after->stateName(QDate())));
}

Status ChangeTaskCommand::apply(bool forward)
{
    TaskStore store(m_desk->database());
    const std::optional<FollowUpTask> &from = forward ? m_before : m_after;
    const std::optional<FollowUpTask> &to = forward ? m_after : m_before;
    Status s;
    if (!from) {
        // Made the first time, put back with its id (and replies) after an undo.
        if (m_id == 0) {
            FollowUpTask t = *to;
            store.insert(t, &s);
            if (s) {
                m_id = t.id;
                m_after = t;
            }
        } else {
            FollowUpTask t = *to;
            t.id = m_id;
            s = store.restore(t);
        }
    } else if (!to) {
        // The replies go with the task: keep them as they are now, to put back.
        if (const auto now = store.task(m_id))
            (forward ? m_before : m_after) = now;
        s = store.remove(m_id);
    } else {
        s = store.setDone(m_id, to->state == FollowUpTask::State::Done, to->doneOn.isValid() ? to->doneOn : QDate::currentDate());
    }
    if (s)
        m_desk->notify({DeskChange::Targets});
    return s;
}

} // namespace IPDesk
