#include "desk/deskcopy.h"

#include <QSqlRecord>

namespace IPDesk {

namespace {

/// Tables in the order their references need. Units come parents first (see unitOrder).
const char *const copiedTables[] = {"units", "documents", "projects", "project_stages", "targets", "facts",
                                    "activities", "activity_projects", "desk_users", "monthly_returns",
                                    "return_figures", "follow_up_tasks", "task_replies", "audit_log"};

const char unitOrder[] =
    "WITH RECURSIVE tree(id, depth) AS (SELECT id, 0 FROM units WHERE parent_id IS NULL"
    " UNION ALL SELECT u.id, tree.depth + 1 FROM units u JOIN tree ON u.parent_id = tree.id)"
    " SELECT %1 FROM units JOIN tree ON tree.id = units.id ORDER BY tree.depth, units.id";

qint64 countRows(Database &db, const QString &table)
{
    QSqlQuery q = db.query(QLatin1String("SELECT COUNT(*) FROM ") + table);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

Status copyDesk(Database &from, Database &to, const std::function<bool(qint64, qint64)> &progress)
{
    if (!from.isOpen() || !to.isOpen())
        return Status::error(Database::tr("Both desks must be open to copy one into the other."));
    if (countRows(to, QStringLiteral("units")) > 0 || countRows(to, QStringLiteral("projects")) > 0)
        return Status::error(Database::tr("The desk %1 already has records. A desk is moved only into an empty one; "
                                          "nothing was changed.").arg(to.location()));
    if (to.isTeam() && !to.isAdmin())
        return Status::error(Database::tr("Only an administrator of the team database can move a desk into it."),
                             Status::Code::Denied);

    qint64 total = 0;
    for (const char *t : copiedTables)
        total += countRows(from, QLatin1String(t));

    Transaction transaction(to);
    Status s = to.suspendStageSums();
    if (s)
        s = to.suspendAudit();
    if (!s)
        return s;

    qint64 done = 0;
    for (const char *t : copiedTables) {
        const QString table = QLatin1String(t);
        QStringList columns;
        const QStringList targetColumns = to.columnsOf(table);
        for (const QString &c : from.columnsOf(table)) {
            if (targetColumns.contains(c))
                columns << c;
        }
        if (columns.isEmpty())
            continue;
        QStringList qualified;
        for (const QString &c : std::as_const(columns))
            qualified << table + QLatin1Char('.') + c;
        const QString select = table == QLatin1String("units")
            ? QString::fromLatin1(unitOrder).arg(qualified.join(QLatin1String(", ")))
            : QLatin1String("SELECT ") + columns.join(QLatin1String(", ")) + QLatin1String(" FROM ") + table;
        QSqlQuery read = from.query(select);
        if (!read.exec())
            return Database::errorFrom(read);

        // Several rows to a statement: one round trip to the server per batch, not per row.
        const int perRow = int(columns.size());
        const int batch = qMax(1, 512 / perRow);
        const QString rowMarks = QLatin1Char('(') + QStringList(perRow, QStringLiteral("?")).join(QLatin1String(", "))
            + QLatin1Char(')');
        const QString head = QLatin1String("INSERT INTO ") + table + QLatin1String(" (") + columns.join(QLatin1String(", "))
            + QLatin1String(") VALUES ");
        QList<QVariantList> pending;
        auto flush = [&]() -> Status {
            if (pending.isEmpty())
                return Status();
            QSqlQuery w(to.connection());
            if (!w.prepare(head + QStringList(pending.size(), rowMarks).join(QLatin1String(", "))))
                return Database::errorFrom(w);
            for (const QVariantList &row : std::as_const(pending)) {
                for (const QVariant &v : row)
                    w.addBindValue(v);
            }
            if (!w.exec())
                return Database::errorFrom(w);
            done += pending.size();
            pending.clear();
            if (progress && !progress(done, total))
                return Status::error(Database::tr("The copy was cancelled; nothing was changed."));
            return Status();
        };
        while (read.next()) {
            QVariantList row;
            row.reserve(perRow);
            for (int i = 0; i < perRow; ++i)
                row << read.value(i);
            pending << row;
            if (pending.size() >= batch) {
                s = flush();
                if (!s)
                    return s;
            }
        }
        s = flush();
        if (!s)
            return s;
        if (columns.contains(QLatin1String("id"))) {
            s = to.continueIdsAfterMax(table); // the next new record continues after the highest id copied
            if (!s)
                return s;
        }
    }

    // The desk's own settings (bulletin rules, weights), not the keys that say what the desk is.
    {
        QSqlQuery q = from.query(QStringLiteral("SELECT key, value FROM meta WHERE key LIKE 'setting.%'"));
        if (!q.exec())
            return Database::errorFrom(q);
        while (q.next()) {
            s = to.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                        {q.value(0).toString(), q.value(1).toString()});
            if (!s)
                return s;
        }
    }
    s = to.resumeAudit();
    if (s)
        s = to.rebuildStageSums();
    if (!s)
        return s;
    return transaction.commit();
}

} // namespace IPDesk
