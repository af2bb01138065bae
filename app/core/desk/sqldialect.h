#pragma once

#include "desk/database.h"

namespace IPDesk {

/// Everything that differs between a desk file (SQLite) and a team database (PostgreSQL): the
/// schema's extra steps, ids, sums and audit switched off for bulk writes, the account, copies,
/// checks and the change counter. Database holds one and asks it; nothing else in the program
/// branches on the backend. Both are implemented beside the schema, in database.cpp.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;
    virtual Database::Backend backend() const = 0;

    virtual QString primaryKeyType() const = 0;
    /// The pattern match that ignores case (the officer's search box): SQLite's LIKE already does
    /// for Latin letters; PostgreSQL's needs ILIKE.
    virtual QString caseInsensitiveLike() const = 0;
    /// The statements that take a desk from schema version v to v + 1; `from` is where the
    /// upgrade started (a desk made before a step may need more).
    virtual QStringList schemaStep(Database &db, int v, int from) const = 0;
    /// After the step that changed what an amount counts: the sums (and triggers) made again.
    virtual Status recountAmounts(Database &db, int version) const = 0;

    virtual Status quickCheck(Database &db) const = 0;
    virtual QString userName(const Database &db) const = 0;
    virtual bool canWrite(Database &db, qint64 unitId) const = 0;
    virtual bool isAdmin(Database &db) const = 0;
    virtual bool ping(Database &db) const = 0;
    /// Prepared statements kept on the connection between calls (worth it where parsing costs a
    /// round trip).
    virtual bool keepsStatements() const = 0;

    virtual QList<qint64> reserveIds(Database &db, const QString &table, int count, Status *status) const = 0;
    virtual Status continueIdsAfterMax(Database &db, const QString &table) const = 0;
    /// The server announces other connections' changes (LISTEN/NOTIFY); a file is polled for its
    /// dataVersion() instead.
    virtual bool announcesChanges() const = 0;
    virtual qint64 dataVersion(Database &db) const = 0;
    virtual ::sqlite3 *sqliteHandle(const Database &db) const = 0;

    virtual Status suspendStageSums(Database &db) const = 0;
    virtual Status rebuildStageSums(Database &db) const = 0;
    virtual Status suspendAudit(Database &db) const = 0;
    virtual Status resumeAudit(Database &db) const = 0;
    virtual Status suspendInsertAudit(Database &db) = 0;
    virtual Status catchUpInsertAudit(Database &db) = 0;
    virtual Status suspendIndexes(Database &db, const QStringList &keep) = 0;
    virtual Status rebuildIndexes(Database &db) = 0;
    virtual Status saveCopy(Database &db, const QString &path) const = 0;

    static std::unique_ptr<SqlDialect> make(Database::Backend backend);
};

} // namespace IPDesk
