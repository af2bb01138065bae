#include "database.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlDriver>
#include <QSqlRecord>

namespace IPDesk {

namespace {

QAtomicInt connectionCounter;

const QLatin1String applicationId("ipdesk");

/// Numbered upgrade steps. Step N brings a desk from version N-1 to N. Each runs in its own
/// transaction and uses IF NOT EXISTS so that a re-run after an interruption is harmless.
/// %PK% is the backend's auto-increment primary key type.
const char *const schemaStep1[] = {
    "CREATE TABLE IF NOT EXISTS units ("
    " id %PK%,"
    " parent_id BIGINT REFERENCES units(id) ON DELETE RESTRICT,"
    " name TEXT NOT NULL,"
    " kind TEXT NOT NULL DEFAULT 'district',"
    " sort_order INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS units_parent ON units(parent_id)",
    "CREATE TABLE IF NOT EXISTS projects ("
    " id %PK%,"
    " code TEXT NOT NULL DEFAULT '',"
    " name TEXT NOT NULL CHECK (name <> ''),"
    " investor TEXT NOT NULL DEFAULT '',"
    " industry TEXT NOT NULL DEFAULT '',"
    " industry_chain TEXT NOT NULL DEFAULT '',"
    " unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE RESTRICT,"
    " stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 7),"
    " project_type INTEGER NOT NULL DEFAULT 0 CHECK (project_type BETWEEN 0 AND 2),"
    " planned_investment BIGINT NOT NULL DEFAULT 0 CHECK (planned_investment >= 0),"
    " signed_investment BIGINT NOT NULL DEFAULT 0 CHECK (signed_investment >= 0),"
    " funds_in_place BIGINT NOT NULL DEFAULT 0 CHECK (funds_in_place >= 0),"
    " expected_output BIGINT NOT NULL DEFAULT 0 CHECK (expected_output >= 0),"
    " expected_tax BIGINT NOT NULL DEFAULT 0 CHECK (expected_tax >= 0),"
    " manufacturing INTEGER NOT NULL DEFAULT 0,"
    " source_channel TEXT NOT NULL DEFAULT '',"
    " lead_officer TEXT NOT NULL DEFAULT '',"
    " notes TEXT NOT NULL DEFAULT '',"
    " version INTEGER NOT NULL DEFAULT 1)",
    // Covering indexes: per-stage totals of a scope are read from the index alone.
    "CREATE INDEX IF NOT EXISTS projects_unit_stage ON projects(unit_id, stage, planned_investment)",
    "CREATE INDEX IF NOT EXISTS projects_stage ON projects(stage, planned_investment)",
    "CREATE INDEX IF NOT EXISTS projects_name ON projects(name)",
    "CREATE INDEX IF NOT EXISTS projects_code ON projects(code)",
    "CREATE INDEX IF NOT EXISTS projects_planned ON projects(planned_investment)",
    "CREATE INDEX IF NOT EXISTS projects_signed ON projects(signed_investment)",
    "CREATE INDEX IF NOT EXISTS projects_industry ON projects(industry)",
    "CREATE TABLE IF NOT EXISTS project_stages ("
    " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
    " stage INTEGER NOT NULL CHECK (stage BETWEEN 0 AND 7),"
    " reached_on DATE NOT NULL,"
    " PRIMARY KEY (project_id, stage))",
    "CREATE INDEX IF NOT EXISTS project_stages_date ON project_stages(stage, reached_on)",
    "CREATE TABLE IF NOT EXISTS documents ("
    " id %PK%,"
    " title TEXT NOT NULL DEFAULT '',"
    " path TEXT NOT NULL DEFAULT '',"
    " sha256 TEXT NOT NULL UNIQUE,"
    " published DATE,"
    " encoding TEXT NOT NULL DEFAULT '',"
    " body TEXT NOT NULL DEFAULT '',"
    " imported_at TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE IF NOT EXISTS targets ("
    " id %PK%,"
    " unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,"
    " year INTEGER NOT NULL,"
    " metric TEXT NOT NULL,"
    " value DOUBLE PRECISION NOT NULL,"
    " qualifier TEXT NOT NULL DEFAULT 'at_least',"
    " document_id BIGINT REFERENCES documents(id) ON DELETE SET NULL,"
    " UNIQUE (unit_id, year, metric))",
    "CREATE TABLE IF NOT EXISTS facts ("
    " id %PK%,"
    " unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,"
    " year INTEGER NOT NULL,"
    " span TEXT NOT NULL,"
    " as_of DATE,"
    " metric TEXT NOT NULL,"
    " kind TEXT NOT NULL DEFAULT 'actual',"
    " value DOUBLE PRECISION NOT NULL,"
    " value_max DOUBLE PRECISION,"
    " qualifier TEXT NOT NULL DEFAULT 'exact',"
    " document_id BIGINT REFERENCES documents(id) ON DELETE CASCADE,"
    " evidence_start INTEGER,"
    " evidence_end INTEGER,"
    " evidence_text TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX IF NOT EXISTS facts_key ON facts(unit_id, year, metric, span)",
    nullptr,
};

/// Step 2: the activity log (trips, visits, delegations received, events) and the projects each touched.
const char *const schemaStep2[] = {
    "CREATE TABLE IF NOT EXISTS activities ("
    " id %PK%,"
    " unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,"
    " happened_on DATE NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('trip', 'visit', 'delegation', 'event', 'signing')),"
    " leader_led INTEGER NOT NULL DEFAULT 0,"
    " places TEXT NOT NULL DEFAULT '',"
    " companies TEXT NOT NULL DEFAULT '',"
    " companies_count INTEGER NOT NULL DEFAULT 0 CHECK (companies_count >= 0),"
    " notes TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX IF NOT EXISTS activities_unit_date ON activities(unit_id, happened_on)",
    "CREATE TABLE IF NOT EXISTS activity_projects ("
    " activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,"
    " project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
    " PRIMARY KEY (activity_id, project_id))",
    nullptr,
};

/// Step 3: progress reads every stage reached within a period; this index serves that range alone.
const char *const schemaStep3[] = {
    "CREATE INDEX IF NOT EXISTS project_stages_when ON project_stages(reached_on, stage, project_id)",
    nullptr,
};

/// The sums of the projects (p) that reached a stage: count, amount (signed, else planned), planned,
/// capital increases, projects of 10亿元 or more, funds in place, expected output and tax.
#define IPDESK_STAGE_SUMS \
    "COUNT(*)," \
    " SUM(CASE WHEN p.signed_investment > 0 THEN p.signed_investment ELSE p.planned_investment END)," \
    " SUM(p.planned_investment), SUM(CASE WHEN p.project_type = 1 THEN 1 ELSE 0 END)," \
    " SUM(CASE WHEN (CASE WHEN p.signed_investment > 0 THEN p.signed_investment ELSE p.planned_investment END)" \
    " >= 1000000000 THEN 1 ELSE 0 END), SUM(p.funds_in_place), SUM(p.expected_output), SUM(p.expected_tax)"

/// Step 4: sums of the projects that reached each stage, by unit and month, kept by triggers, so
/// that progress over a large desk reads a few thousand rows instead of every stage date.
#define IPDESK_STAGE_VALUES(P, SIGN, STAGE, WHEN) \
    "SELECT " P ".unit_id, " STAGE ", substr(" WHEN ", 1, 7), " SIGN "1," \
    " " SIGN "(CASE WHEN " P ".signed_investment > 0 THEN " P ".signed_investment ELSE " P ".planned_investment END)," \
    " " SIGN P ".planned_investment, " SIGN "(CASE WHEN " P ".project_type = 1 THEN 1 ELSE 0 END)," \
    " " SIGN "(CASE WHEN (CASE WHEN " P ".signed_investment > 0 THEN " P ".signed_investment ELSE " P ".planned_investment END)" \
    " >= 1000000000 THEN 1 ELSE 0 END)," \
    " " SIGN P ".funds_in_place, " SIGN P ".expected_output, " SIGN P ".expected_tax"
#define IPDESK_STAGE_UPSERT \
    " ON CONFLICT (unit_id, stage, month) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount," \
    " planned = planned + excluded.planned, capital_increase = capital_increase + excluded.capital_increase," \
    " large = large + excluded.large, funds = funds + excluded.funds, output = output + excluded.output, tax = tax + excluded.tax"
#define IPDESK_STAGE_INSERT "INSERT INTO stage_sums (unit_id, stage, month, n, amount, planned, capital_increase, large, funds, output, tax) "
const char *const schemaStep4[] = {
    "CREATE TABLE IF NOT EXISTS stage_sums ("
    " unit_id BIGINT NOT NULL, stage INTEGER NOT NULL, month TEXT NOT NULL,"
    " n BIGINT NOT NULL DEFAULT 0, amount BIGINT NOT NULL DEFAULT 0, planned BIGINT NOT NULL DEFAULT 0,"
    " capital_increase BIGINT NOT NULL DEFAULT 0, large BIGINT NOT NULL DEFAULT 0, funds BIGINT NOT NULL DEFAULT 0,"
    " output BIGINT NOT NULL DEFAULT 0, tax BIGINT NOT NULL DEFAULT 0,"
    " PRIMARY KEY (unit_id, stage, month))",
    "DELETE FROM stage_sums",
    IPDESK_STAGE_INSERT "SELECT p.unit_id, s.stage, substr(s.reached_on, 1, 7), " IPDESK_STAGE_SUMS
    " FROM project_stages s JOIN projects p ON p.id = s.project_id GROUP BY 1, 2, 3",
    "CREATE TRIGGER IF NOT EXISTS stage_sums_add AFTER INSERT ON project_stages BEGIN "
    IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("p", "", "NEW.stage", "NEW.reached_on")
    " FROM projects p WHERE p.id = NEW.project_id" IPDESK_STAGE_UPSERT "; END",
    "CREATE TRIGGER IF NOT EXISTS stage_sums_remove AFTER DELETE ON project_stages BEGIN "
    IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("p", "-", "OLD.stage", "OLD.reached_on")
    " FROM projects p WHERE p.id = OLD.project_id" IPDESK_STAGE_UPSERT "; END",
    "CREATE TRIGGER IF NOT EXISTS stage_sums_move AFTER UPDATE ON project_stages BEGIN "
    IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("p", "-", "OLD.stage", "OLD.reached_on")
    " FROM projects p WHERE p.id = OLD.project_id" IPDESK_STAGE_UPSERT "; "
    IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("p", "", "NEW.stage", "NEW.reached_on")
    " FROM projects p WHERE p.id = NEW.project_id" IPDESK_STAGE_UPSERT "; END",
    "CREATE TRIGGER IF NOT EXISTS stage_sums_project AFTER UPDATE OF unit_id, planned_investment, signed_investment,"
    " project_type, funds_in_place, expected_output, expected_tax ON projects BEGIN "
    IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("OLD", "-", "s.stage", "s.reached_on")
    " FROM project_stages s WHERE s.project_id = OLD.id" IPDESK_STAGE_UPSERT "; "
    IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("NEW", "", "s.stage", "s.reached_on")
    " FROM project_stages s WHERE s.project_id = NEW.id" IPDESK_STAGE_UPSERT "; END",
    nullptr,
};
#undef IPDESK_STAGE_VALUES
#undef IPDESK_STAGE_UPSERT
#undef IPDESK_STAGE_INSERT

const char *const *const schemaSteps[] = {schemaStep1, schemaStep2, schemaStep3, schemaStep4};

} // namespace

const char *const Database::stageSumColumns = IPDESK_STAGE_SUMS;
#undef IPDESK_STAGE_SUMS

Database::Database()
    : m_connectionName(QStringLiteral("ipdesk-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return m_db.isOpen();
}

void Database::close()
{
    if (m_db.isValid()) {
        if (m_db.isOpen())
            m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_location.clear();
}

Status Database::errorFrom(const QSqlQuery &q)
{
    const QSqlError e = q.lastError();
    QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    if (text.contains(QLatin1String("locked")) || text.contains(QLatin1String("busy")))
        return Status::error(tr("The desk is locked by another program. Close it there and try again."));
    if (text.contains(QLatin1String("readonly")) || text.contains(QLatin1String("read-only")))
        return Status::error(tr("The desk file is read-only; nothing was changed."));
    return Status::error(tr("Database error: %1").arg(text));
}

Status Database::checkExistingFile(const QString &path) const
{
    QFileInfo info(path);
    if (info.isDir())
        return Status::error(tr("%1 is a folder, not an IPDesk desk.").arg(path));
    if (info.size() == 0)
        return Status();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Status::error(tr("%1 cannot be read: %2").arg(path, f.errorString()));
    const QByteArray header = f.read(16);
    if (header != QByteArray("SQLite format 3\0", 16))
        return Status::error(tr("%1 is not an IPDesk desk (it is not a database file). The file was not changed.").arg(path));
    if (!info.isWritable() || !(info.permissions() & QFile::WriteOwner))
        return Status::error(tr("%1 is read-only. Make it writable or open a copy; the file was not changed.").arg(path));
    return Status();
}

Status Database::open(const QString &location, OpenMode mode)
{
    close();
    if (location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://")))
        return Status::error(tr("Team databases (PostgreSQL) are not available in this version yet."));

    const QFileInfo info(location);
    const bool exists = info.exists();
    if (!exists && mode == OpenMode::ExistingOnly)
        return Status::error(tr("There is no desk at %1.").arg(location));
    if (exists) {
        Status s = checkExistingFile(location);
        if (!s)
            return s;
    } else if (!info.dir().exists() && !QDir().mkpath(info.absolutePath())) {
        return Status::error(tr("The folder %1 cannot be created.").arg(info.absolutePath()));
    }

    m_backend = Backend::SQLite;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(location);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return Status::error(tr("The desk %1 cannot be opened: %2").arg(location, why));
    }
    m_location = location;

    // Is it ours, and not newer than us? Read before writing anything.
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))) {
            Status s = errorFrom(q);
            close();
            return s.message().isEmpty() ? Status::error(tr("%1 is not an IPDesk desk.").arg(location)) : s;
        }
        QStringList tables;
        while (q.next())
            tables << q.value(0).toString();
        if (!tables.isEmpty()) {
            if (!tables.contains(QLatin1String("meta"))) {
                close();
                return Status::error(tr("%1 is a database of another program, not an IPDesk desk. The file was not changed.").arg(location));
            }
            QSqlQuery m(m_db);
            m.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'application'"));
            if (!m.next() || m.value(0).toString() != applicationId) {
                close();
                return Status::error(tr("%1 is a database of another program, not an IPDesk desk. The file was not changed.").arg(location));
            }
            const int v = schemaVersion();
            if (v > SchemaVersion) {
                close();
                return Status::error(tr("%1 was written by a newer IPDesk (desk format %2; this program reads up to %3). "
                                        "Update IPDesk to open it; the file was not changed.")
                                         .arg(location).arg(v).arg(SchemaVersion));
            }
        }
    }

    // A write lock proves nobody else holds the file.
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            Status s = errorFrom(q);
            close();
            return s;
        }
        q.exec(QStringLiteral("ROLLBACK"));
    }

    const char *const pragmas[] = {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL",
                                   "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536"};
    for (const char *p : pragmas) {
        QSqlQuery q(m_db);
        if (!q.exec(QString::fromLatin1(p))) {
            Status s = errorFrom(q);
            close();
            return s;
        }
    }
    Status s = migrate();
    if (!s) {
        close();
        return s;
    }
    return Status();
}

int Database::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

::sqlite3 *Database::sqliteHandle() const
{
    if (m_backend != Backend::SQLite || !m_db.isOpen())
        return nullptr;
    const QVariant v = m_db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<::sqlite3 *const *>(v.constData());
}

QString Database::primaryKeyType() const
{
    return m_backend == Backend::SQLite ? QStringLiteral("INTEGER PRIMARY KEY")
                                        : QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
}

Status Database::suspendStageSums()
{
    for (const char *trigger : {"stage_sums_add", "stage_sums_remove", "stage_sums_move", "stage_sums_project"}) {
        const Status s = exec(QLatin1String("DROP TRIGGER IF EXISTS ") + QLatin1String(trigger));
        if (!s)
            return s;
    }
    return Status();
}

Status Database::rebuildStageSums()
{
    // Schema step 4 creates the table if needed, refills it and puts the triggers back.
    for (const char *const *stmt = schemaStep4; *stmt; ++stmt) {
        const Status s = exec(QString::fromUtf8(*stmt));
        if (!s)
            return s;
    }
    return Status();
}

Status Database::migrate()
{
    {
        Transaction t(*this);
        Status s = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        if (!s)
            return s;
        QSqlQuery q = query(QStringLiteral("SELECT COUNT(*) FROM meta WHERE key = 'application'"));
        if (!q.exec() || !q.next())
            return errorFrom(q);
        if (q.value(0).toInt() == 0) {
            s = exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('application', ?), ('schema_version', '0')"),
                     {QString(applicationId)});
            if (!s)
                return s;
        }
        s = t.commit();
        if (!s)
            return s;
    }
    const int steps = int(sizeof(schemaSteps) / sizeof(schemaSteps[0]));
    for (int v = schemaVersion(); v < steps; ++v) {
        Transaction t(*this);
        for (const char *const *stmt = schemaSteps[v]; *stmt; ++stmt) {
            QString sql = QString::fromLatin1(*stmt);
            sql.replace(QLatin1String("%PK%"), primaryKeyType());
            Status s = exec(sql);
            if (!s)
                return s;
        }
        Status s = exec(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'schema_version'"), {QString::number(v + 1)});
        if (!s)
            return s;
        s = t.commit();
        if (!s)
            return s;
    }
    return Status();
}

QSqlQuery Database::query(const QString &sql)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    return q;
}

void Database::bindAll(QSqlQuery &q, const QVariantList &values)
{
    for (const QVariant &v : values) {
        if (v.userType() == QMetaType::QString && v.toString().isNull())
            q.addBindValue(QStringLiteral(""));
        else
            q.addBindValue(v);
    }
}

Status Database::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    if (!q.prepare(sql))
        return errorFrom(q);
    bindAll(q, values);
    if (!q.exec())
        return errorFrom(q);
    return Status();
}

qint64 Database::insert(const QString &sql, const QVariantList &values, Status *status)
{
    QSqlQuery q(m_db);
    if (!q.prepare(sql + QLatin1String(" RETURNING id"))) {
        *status = errorFrom(q);
        return 0;
    }
    bindAll(q, values);
    if (!q.exec() || !q.next()) {
        *status = errorFrom(q);
        return 0;
    }
    *status = Status();
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return id;
}

QString Database::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QString(QLatin1String("setting.") + key));
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

Status Database::setSetting(const QString &key, const QString &value)
{
    Transaction t(*this);
    Status s = exec(QStringLiteral("DELETE FROM meta WHERE key = ?"), {QString(QLatin1String("setting.") + key)});
    if (s)
        s = exec(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"), {QString(QLatin1String("setting.") + key), value});
    if (s)
        s = t.commit();
    return s;
}

Status Database::saveCopy(const QString &path)
{
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return Status::error(tr("%1 exists and cannot be replaced.").arg(path));
    return exec(QStringLiteral("VACUUM INTO ?"), {path});
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_level = m_db.m_transactionDepth + 1;
    if (m_level == 1) {
        m_active = m_db.connection().transaction();
    } else {
        QSqlQuery q(m_db.connection());
        m_active = q.exec(QStringLiteral("SAVEPOINT ipdesk_%1").arg(m_level));
    }
    if (m_active)
        m_db.m_transactionDepth = m_level;
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    if (m_level == 1) {
        m_db.connection().rollback();
    } else {
        QSqlQuery q(m_db.connection());
        q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ipdesk_%1").arg(m_level));
        q.exec(QStringLiteral("RELEASE SAVEPOINT ipdesk_%1").arg(m_level));
    }
    m_db.m_transactionDepth = m_level - 1;
}

Status Transaction::commit()
{
    if (!m_active)
        return Status::error(Database::tr("No transaction is open."));
    m_active = false;
    m_db.m_transactionDepth = m_level - 1;
    if (m_level > 1) {
        QSqlQuery q(m_db.connection());
        if (!q.exec(QStringLiteral("RELEASE SAVEPOINT ipdesk_%1").arg(m_level)))
            return Database::errorFrom(q);
        return Status();
    }
    if (!m_db.connection().commit()) {
        const QString why = m_db.connection().lastError().text();
        m_db.connection().rollback();
        return Status::error(Database::tr("The change could not be saved: %1").arg(why));
    }
    return Status();
}

} // namespace IPDesk
