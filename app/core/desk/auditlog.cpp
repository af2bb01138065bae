#include "desk/auditlog.h"

#include "desk/database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

namespace IPDesk {

QList<AuditEntry> AuditLog::entries(const ChangeLogFilter &filter) const
{
    QList<AuditEntry> out;
    QStringList where;
    QVariantList values;
    if (!filter.table.isEmpty()) {
        where << QStringLiteral("table_name = ?");
        values << filter.table;
        if (filter.recordId) {
            where << QStringLiteral("record_id = ?");
            values << filter.recordId;
        }
    }
    if (!filter.who.isEmpty()) {
        where << QStringLiteral("who = ?");
        values << filter.who;
    }
    if (filter.from.isValid()) {
        where << QStringLiteral("at >= ?");
        values << filter.from.toString(Qt::ISODate);
    }
    if (filter.to.isValid()) {
        where << QStringLiteral("at < ?");
        values << filter.to.addDays(1).toString(Qt::ISODate);
    }
    if (!filter.text.isEmpty()) {
        where << QStringLiteral("(old_value %1 ? OR new_value %1 ?)").arg(m_db->caseInsensitiveLike());
        const QString like = QLatin1Char('%') + filter.text + QLatin1Char('%');
        values << like << like;
    }
    QSqlQuery q = m_db->query(
        QStringLiteral("SELECT at, who, table_name, record_id, action, field, old_value, new_value FROM audit_log%1"
                       " ORDER BY id DESC LIMIT %2")
            .arg(where.isEmpty() ? QString() : QLatin1String(" WHERE ") + where.join(QLatin1String(" AND ")))
            .arg(filter.limit));
    Database::bindAll(q, values);
    if (q.exec()) {
        while (q.next()) {
            AuditEntry r;
            r.at = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
            r.who = q.value(1).toString();
            r.table = q.value(2).toString();
            r.recordId = q.value(3).toLongLong();
            r.action = q.value(4).toString();
            r.field = q.value(5).toString();
            r.before = q.value(6).toString();
            r.after = q.value(7).toString();
            out << r;
        }
    }
    return out;
}

QStringList AuditLog::accounts() const
{
    QStringList out;
    // One index probe per account (a skip scan), not a pass over the whole log.
    QSqlQuery q = m_db->query(QStringLiteral(
        "WITH RECURSIVE w(who) AS (SELECT MIN(who) FROM audit_log"
        " UNION ALL SELECT (SELECT MIN(a.who) FROM audit_log a WHERE a.who > w.who) FROM w WHERE w.who IS NOT NULL)"
        " SELECT who FROM w WHERE who IS NOT NULL"));
    if (q.exec()) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

std::optional<AuditEntry> AuditLog::lastChange(const QString &table, qint64 recordId) const
{
    QSqlQuery q = m_db->query(QStringLiteral(
        "SELECT who, at FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(table);
    q.addBindValue(recordId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    AuditEntry e;
    e.who = q.value(0).toString();
    e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    e.table = table;
    e.recordId = recordId;
    return e;
}

QJsonObject AuditLog::record(const QString &table, qint64 recordId) const
{
    static const QStringList tables = {QStringLiteral("projects"), QStringLiteral("targets"), QStringLiteral("facts"),
                                       QStringLiteral("units"), QStringLiteral("activities"), QStringLiteral("monthly_returns"),
                                       QStringLiteral("return_figures"), QStringLiteral("follow_up_tasks"),
                                       QStringLiteral("task_replies")};
    if (!tables.contains(table))
        return QJsonObject();
    QSqlQuery q = m_db->query(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(recordId);
    if (q.exec() && q.next()) {
        QJsonObject o;
        const QSqlRecord r = q.record();
        for (int i = 0; i < r.count(); ++i)
            o.insert(r.fieldName(i), QJsonValue::fromVariant(q.value(i)));
        return o;
    }
    QSqlQuery gone = m_db->query(QStringLiteral(
        "SELECT old_value FROM audit_log WHERE table_name = ? AND record_id = ? AND action = 'delete' ORDER BY id DESC LIMIT 1"));
    gone.addBindValue(table);
    gone.addBindValue(recordId);
    if (gone.exec() && gone.next())
        return QJsonDocument::fromJson(gone.value(0).toString().toUtf8()).object();
    return QJsonObject();
}

} // namespace IPDesk
