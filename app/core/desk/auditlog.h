#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace IPDesk {

class Database;

/// Which audit rows to show: one project's history, or the desk's change log filtered.
struct ChangeLogFilter
{
    QString table;     ///< "projects", "targets" ...; empty: all
    qint64 recordId = 0; ///< with table: one record's history
    QString who;       ///< an account; empty: everyone
    QDate from, to;    ///< invalid: open
    QString text;      ///< in the old or new value
    int limit = 2000;  ///< newest first
    bool operator==(const ChangeLogFilter &o) const
    {
        return table == o.table && recordId == o.recordId && who == o.who && from == o.from && to == o.to
            && text == o.text && limit == o.limit;
    }
};

/// One row of the audit trail (schema step 5): who changed which field of which record, when.
struct AuditEntry
{
    QDateTime at;
    QString who, table, action, field, before, after;
    qint64 recordId = 0;
};

/// Reads the audit trail the database keeps; it is written by the database's own triggers.
class AuditLog
{
public:
    explicit AuditLog(Database *db) : m_db(db) {}
    /// Newest first.
    QList<AuditEntry> entries(const ChangeLogFilter &filter) const;
    /// The accounts that appear in the log.
    QStringList accounts() const;
    /// The last change of a record (who saved the version an officer meets in a conflict).
    std::optional<AuditEntry> lastChange(const QString &table, qint64 recordId) const;
    /// A record as it is, or as it was when it was deleted (from the log): its columns by name. Empty
    /// when neither is known. For naming a record in the change log (which unit, metric, period).
    QJsonObject record(const QString &table, qint64 recordId) const;

private:
    Database *m_db;
};

} // namespace IPDesk
