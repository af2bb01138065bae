#pragma once

#include <functional>

#include "base/status.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <memory>
#include <optional>

struct sqlite3;

namespace IPDesk {

class SqlDialect;

/// Where a team desk lives: postgresql://user[:password]@host[:port]/database[?sslmode=...]
struct ServerAddress
{
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode; ///< libpq's sslmode; empty means "prefer" (TLS where the server offers it)

    static std::optional<ServerAddress> parse(const QString &address);
    QString toString(bool withPassword = false) const;
};

/// One open desk: an SQLite file (default) or, later, a PostgreSQL server.
/// What differs between the two is asked of its SqlDialect (desk/sqldialect.h).
class Database
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::Database)
public:
    enum class Backend { SQLite, PostgreSQL };
    /// ReadOnly opens an existing desk file for reading only, without its check, upgrade or lock:
    /// for a copy of a damaged desk (see Desk::openReadOnlyCopy), never for the officer's own file.
    enum class OpenMode { CreateIfMissing, ExistingOnly, ReadOnly };

    static constexpr int SchemaVersion = 9;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (and creates or upgrades) a desk: a file path, or a team database's postgresql:// address.
    /// Never writes to a desk it refuses.
    Status open(const QString &location, OpenMode mode = OpenMode::CreateIfMissing);
    /// The password for the next open() of a team database whose address carries none (from the keyring).
    void setPassword(const QString &password) { m_password = password; }
    static bool isServerAddress(const QString &location);
    /// The team database's address (with its password), for a second connection or a reconnect.
    const ServerAddress &serverAddress() const { return m_address; }
    bool isTeam() const { return backend() == Backend::PostgreSQL; }
    /// Opened with OpenMode::ReadOnly: every write is refused.
    bool isReadOnly() const { return m_readOnly; }
    /// The account this connection works as (a team database's login; the system user on a file).
    QString userName() const;
    /// Whether this account may write records of the unit (always on a personal desk). The server
    /// enforces the same rule; this only lets the window say so before the officer types.
    bool canWrite(qint64 unitId);
    bool isAdmin();
    /// Is the connection still there? On a team desk, asks the server.
    bool ping();
    /// Opens the same team database again after the connection dropped.
    Status reconnect();
    void close();
    bool isOpen() const;

    QString location() const { return m_location; }
    Backend backend() const;
    QSqlDatabase &connection() { return m_db; }
    int schemaVersion() const;
    /// Reads every page of a desk file and checks its structure (PRAGMA quick_check); the message
    /// is SQLite's first finding. Desk files up to quickCheckLimit bytes get it on opening.
    Status quickCheck();
    /// The same check of a desk file on a connection of its own (read-only), for another thread;
    /// cancelled() is asked now and then and stops the check when it returns true.
    static Status checkFile(const QString &path, const std::function<bool()> &cancelled = {});
    static constexpr qint64 quickCheckLimit = 48 * 1024 * 1024;

    /// A prepared query on this connection.
    QSqlQuery query(const QString &sql);
    /// Runs a prepared statement with values bound in order; errors become Status.
    Status exec(const QString &sql, const QVariantList &values = {});
    /// Runs statements in order, stopping at the first that fails.
    Status execAll(const QStringList &statements);
    /// Runs a statement with values bound to its ? marks and returns it for its rows or numRowsAffected().
    QSqlQuery run(const QString &sql, const QVariantList &values, Status *status);
    /// As run(), for the statements of every click (a project, a page, a save). On the server the
    /// statement stays prepared on this connection, so it is parsed and planned once, not each time.
    /// The query returned belongs to the Database: read its rows before the same SQL runs again.
    QSqlQuery &runKept(const QString &sql, const QVariantList &values, Status *status);
    /// Runs an INSERT ... RETURNING id and returns the new id (0 on failure).
    qint64 insert(const QString &sql, const QVariantList &values, Status *status);

    /// Desk-wide settings kept in the desk itself (thresholds of the bulletin, weights ...).
    QString setting(const QString &key, const QString &fallback = QString()) const;
    Status setSetting(const QString &key, const QString &value);

    /// Writes a consistent copy of the open desk to another file (File → Save As).
    Status saveCopy(const QString &path);

    static Status errorFrom(const QSqlQuery &q);
    /// The same for a statement of the sqlite3 C API (the fast paths of imports and saves).
    static Status errorFrom(::sqlite3 *db);
    /// A backend's error text and code in the user's language, with the Status code it means.
    static Status errorFrom(const QString &text, const QString &code);
    /// Binds values in order; a null QString is bound as '' (text columns are NOT NULL).
    static void bindAll(QSqlQuery &q, const QVariantList &values);

    /// The SQLite connection underneath, for bulk writes that Qt's binding would slow down;
    /// nullptr on other backends (callers then use QSqlQuery).
    ::sqlite3 *sqliteHandle() const;

    /// The SQL sums over projects `p` that reached a stage, in the column order of the stage_sums
    /// table; the one definition of what the monthly sums count.
    static QString stageSumColumns();
    /// The size an SQLite file's first 100 bytes say it has (0 when they do not say it reliably).
    static qint64 declaredFileSize(const QByteArray &header);
    /// The amount a project (row `row`) counts with towards the targets: a capital increase its
    /// increase (新增投资) once written, any other its signed amount, else its planned one.
    static QString countedAmountSql(const QString &row = QStringLiteral("p"));

    /// For a bulk write inside a transaction: stops keeping the monthly stage sums row by row...
    Status suspendStageSums();
    /// ...and counts them afresh from the stage dates once the rows are in. Both are undone with
    /// the transaction if it rolls back.
    Status rebuildStageSums();

    /// For copying a whole desk in (see copyDesk): the copied audit trail stands, the copy itself
    /// is not audited again. On a team database only an administrator's copy is exempt.
    Status suspendAudit();
    Status resumeAudit();
    /// For a long import into a desk file: new projects and stage dates are written to the audit
    /// trail at the end, one statement a table, rather than by a trigger per row (updates and
    /// deletes stay audited row by row). Both are undone with the transaction if it rolls back.
    /// The server keeps its triggers: there the audit is never suspended for an officer.
    Status suspendInsertAudit();
    Status catchUpInsertAudit();
    /// For a long import into a desk file: the indexes of the projects, their stage dates and the
    /// audit trail, but those named in \a keep (which the import looks projects up by), are dropped...
    Status suspendIndexes(const QStringList &keep);
    /// ...and built again, each in one sorted pass, once the rows are in (far cheaper than keeping
    /// them row by row when the import is large beside the desk). Both are undone with the
    /// transaction if it rolls back; on the server nothing is dropped.
    Status rebuildIndexes();

    // What differs between SQLite and PostgreSQL (asked of the SqlDialect).
    QString primaryKeyType() const;
    /// LIKE on a desk file, ILIKE on a team database: searches ignore case on both.
    QString caseInsensitiveLike() const;
    /// New ids of a table handed out in advance (the server's sequence), for rows sent in batches.
    QList<qint64> reserveIds(const QString &table, int count, Status *status);
    /// After rows were copied in with their ids: new rows continue after the highest.
    Status continueIdsAfterMax(const QString &table);
    /// A number that changes when another connection commits to the desk file (-1 on a server,
    /// which announces changes instead).
    qint64 dataVersion();
    /// Whether other connections' changes are announced (a team database) rather than polled for.
    bool announcesChanges() const;

    /// The columns of a table, in order.
    QStringList columnsOf(const QString &table);

private:
    Status checkExistingFile(const QString &path, OpenMode mode) const;
    Status openServer(const QString &location, OpenMode mode);
    Status createThenOpen(const QString &location, OpenMode mode);
    Status migrate();
    QStringList auditTriggersSqlite();
    enum class AuditValues { Whole, None };
    QString auditInsertSelect(const QString &table, const QString &row, AuditValues values = AuditValues::Whole);

    QStringList teamStatements();

    void setBackend(Backend backend);

    friend class Transaction;
    friend class SqliteDialect;
    friend class PostgresDialect;
    std::unique_ptr<SqlDialect> m_dialect;
    int m_transactionDepth = 0;
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_location;
    ServerAddress m_address;
    QString m_password;
    QString m_user;
    bool m_readOnly = false;
    bool m_makingNew = false; // open() is making a new desk at a temporary path (createThenOpen)
    QHash<QString, std::shared_ptr<QSqlQuery>> m_kept; ///< runKept()'s prepared statements, by their SQL
    std::unique_ptr<QSqlQuery> m_scratch;               ///< runKept()'s query on a desk file
};

/// RAII transaction: rolls back unless commit() succeeded. Nested inside another one it is a
/// savepoint, so a store call that makes its own transaction can be part of a larger one.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool isActive() const { return m_active; }
    Status commit();

private:
    Database &m_db;
    bool m_active = false;
    int m_level = 0; // 1: the real transaction; more: a savepoint
};

} // namespace IPDesk
