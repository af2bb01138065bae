#include "desk/database.h"

#include <pwd.h>
#include <unistd.h>
#include "desk/sqldialect.h"
#include "desk/deskcopy.h"

#include <QAtomicInt>
#include <QDir>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtEndian>

#include <sqlite3.h>
#include <QSqlError>
#include <QSqlDriver>
#include <QSqlField>
#include <QSqlRecord>
#include <QUrl>
#include <QUrlQuery>

namespace IPDesk {

namespace {

/// Who works on a personal desk, for the change log: the system account's name (its full name where
/// the system has one), not a word the officer never chose.
QString systemUserName()
{
    if (const passwd *pw = getpwuid(getuid())) {
        const QString full = QString::fromLocal8Bit(pw->pw_gecos).section(QLatin1Char(','), 0, 0).trimmed();
        if (!full.isEmpty())
            return full;
        if (pw->pw_name && *pw->pw_name)
            return QString::fromLocal8Bit(pw->pw_name);
    }
    const QString env = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return env.isEmpty() ? QStringLiteral("local") : env;
}

} // namespace

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
/// {amount:p} stands for the amount a project counts with (see withAmount()): it changed in step 7.
#define IPDESK_STAGE_SUMS \
    "COUNT(*)," \
    " SUM({amount:p})," \
    " SUM(p.planned_investment), SUM(CASE WHEN p.project_type = 1 THEN 1 ELSE 0 END)," \
    " SUM(CASE WHEN {amount:p} >= 1000000000 THEN 1 ELSE 0 END), SUM(p.funds_in_place), SUM(p.expected_output), SUM(p.expected_tax)"

/// Step 4: sums of the projects that reached each stage, by unit and month, kept by triggers, so
/// that progress over a large desk reads a few thousand rows instead of every stage date.
#define IPDESK_STAGE_VALUES(P, SIGN, STAGE, WHEN) \
    "SELECT " P ".unit_id, " STAGE ", substr(" WHEN ", 1, 7), " SIGN "1," \
    " " SIGN "{amount:" P "}," \
    " " SIGN P ".planned_investment, " SIGN "(CASE WHEN " P ".project_type = 1 THEN 1 ELSE 0 END)," \
    " " SIGN "(CASE WHEN {amount:" P "} >= 1000000000 THEN 1 ELSE 0 END)," \
    " " SIGN P ".funds_in_place, " SIGN P ".expected_output, " SIGN P ".expected_tax"
#define IPDESK_STAGE_UPSERT \
    " ON CONFLICT (unit_id, stage, month) DO UPDATE SET n = stage_sums.n + excluded.n, amount = stage_sums.amount + excluded.amount," \
    " planned = stage_sums.planned + excluded.planned, capital_increase = stage_sums.capital_increase + excluded.capital_increase," \
    " large = stage_sums.large + excluded.large, funds = stage_sums.funds + excluded.funds," \
    " output = stage_sums.output + excluded.output, tax = stage_sums.tax + excluded.tax"
#define IPDESK_STAGE_INSERT "INSERT INTO stage_sums (unit_id, stage, month, n, amount, planned, capital_increase, large, funds, output, tax) "
// The table of the sums and the statement that counts them afresh: the same on both backends.
#define IPDESK_STAGE_TABLE \
    "CREATE TABLE IF NOT EXISTS stage_sums (" \
    " unit_id BIGINT NOT NULL, stage INTEGER NOT NULL, month TEXT NOT NULL," \
    " n BIGINT NOT NULL DEFAULT 0, amount BIGINT NOT NULL DEFAULT 0, planned BIGINT NOT NULL DEFAULT 0," \
    " capital_increase BIGINT NOT NULL DEFAULT 0, large BIGINT NOT NULL DEFAULT 0, funds BIGINT NOT NULL DEFAULT 0," \
    " output BIGINT NOT NULL DEFAULT 0, tax BIGINT NOT NULL DEFAULT 0," \
    " PRIMARY KEY (unit_id, stage, month))"
/// Also kept by step 4's triggers, for the funnel and the industry chart as of any day:
/// standing_sums holds, by unit, stage and month, how many projects came to stand in a stage less
/// how many left it, with their counted amount, so that the pipeline on the last day of a month is
/// the sum of every month up to it. A project stands from each stage date in the stage of that date,
/// and from its last one on in the stage it has now; without stage dates it stands in its stage
/// since always (month '0000-00'). industry_sums holds the projects that reached each stage by unit,
/// industry chain and month. A project's share of both rests on all its stage dates: a change takes
/// the share out as it was and adds it as it is. And project_standing: a project's stage, the day it
/// reached it and its first and last stage dates, so that where it stood on a day and since when
/// (the stalled list) is read without reading the project.
#define IPDESK_SHARES_TABLES \
    "CREATE TABLE IF NOT EXISTS standing_sums (unit_id BIGINT NOT NULL, stage INTEGER NOT NULL, month TEXT NOT NULL," \
    " n BIGINT NOT NULL DEFAULT 0, amount BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (unit_id, stage, month))", \
    "CREATE TABLE IF NOT EXISTS industry_sums (unit_id BIGINT NOT NULL, industry TEXT NOT NULL, stage INTEGER NOT NULL," \
    " month TEXT NOT NULL, n BIGINT NOT NULL DEFAULT 0, amount BIGINT NOT NULL DEFAULT 0," \
    " PRIMARY KEY (unit_id, industry, stage, month))", \
    "CREATE TABLE IF NOT EXISTS project_standing (project_id BIGINT PRIMARY KEY, unit_id BIGINT NOT NULL," \
    " stage INTEGER NOT NULL, since DATE, first_on DATE NOT NULL, last_on DATE NOT NULL)", \
    IPDESK_STANDING_INDEXES
#define IPDESK_STANDING_INDEXES \
    "CREATE INDEX IF NOT EXISTS project_standing_since ON project_standing(stage, since, unit_id, last_on)", \
    "CREATE INDEX IF NOT EXISTS project_standing_moved ON project_standing(last_on, first_on)"

/// The stage dates ROWS (project_id, stage, reached_on) with what the sums need of each: the
/// project's next date (ties in the order of the stages), its unit, stage now, industry chain and
/// figures. A refill reads them once, for all the sums, into ipdesk_stage_rows; a trigger reads them
/// for the project it touched.
#define IPDESK_STAGE_ROWS_OF(ROWS) \
    "(SELECT r.project_id, r.stage, r.reached_on, r.next_on, p.unit_id, p.stage AS now, p.industry, {amount:p} AS amount," \
    " p.planned_investment AS planned, (CASE WHEN p.project_type = 1 THEN 1 ELSE 0 END) AS capital_increase," \
    " p.funds_in_place AS funds, p.expected_output AS output, p.expected_tax AS tax" \
    " FROM (SELECT x.project_id, x.stage, x.reached_on, LEAD(x.reached_on) OVER (PARTITION BY x.project_id" \
    " ORDER BY x.reached_on, x.stage) AS next_on FROM " ROWS " AS x) AS r JOIN projects p ON p.id = r.project_id)"
/// The stage dates SRC (as above) counted by unit, industry chain, stage, the stage a project
/// stands in from the date on, the date's month and the month it leaves that stage ('0000-00' for
/// its last date, which stands until today): every sum is a sum of these.
#define IPDESK_STAGE_GROUPS_OF(SRC) \
    "(SELECT unit_id, industry, stage, CASE WHEN next_on IS NULL THEN now ELSE stage END AS standing," \
    " substr(reached_on, 1, 7) AS month, CASE WHEN next_on IS NULL THEN '0000-00' ELSE substr(next_on, 1, 7) END AS left_month," \
    " COUNT(*) AS n, SUM(amount) AS amount, SUM(planned) AS planned, SUM(capital_increase) AS capital_increase," \
    " SUM(CASE WHEN amount >= 1000000000 THEN 1 ELSE 0 END) AS large, SUM(funds) AS funds, SUM(output) AS output," \
    " SUM(tax) AS tax FROM " SRC " AS g0 GROUP BY 1, 2, 3, 4, 5, 6)"
#define IPDESK_GROUPS_OF_DATES(ROWS) IPDESK_STAGE_GROUPS_OF(IPDESK_STAGE_ROWS_OF(ROWS))
/// The standing of the projects whose id is PROJECT, their stage dates counted as GROUPS: each
/// stands in its stage since always, and each date moves it from what it stood in (to '0000-00' for
/// the last) into what it stands in from then. POS and NEG are "" and "-" to add, "-" and "" to take out.
#define IPDESK_STANDING_FROM(POS, NEG, GROUPS, PROJECT) \
    "INSERT INTO standing_sums (unit_id, stage, month, n, amount) SELECT unit_id, stage, month, SUM(n), SUM(amount) FROM (" \
    "SELECT p.unit_id AS unit_id, p.stage AS stage, '0000-00' AS month, " POS "COUNT(*) AS n, " POS "SUM({amount:p}) AS amount" \
    " FROM projects p WHERE p.id " PROJECT " GROUP BY 1, 2" \
    " UNION ALL SELECT unit_id, standing, month, " POS "SUM(n), " POS "SUM(amount) FROM " GROUPS " AS e GROUP BY 1, 2, 3" \
    " UNION ALL SELECT unit_id, standing, left_month, " NEG "SUM(n), " NEG "SUM(amount) FROM " GROUPS " AS l GROUP BY 1, 2, 3" \
    ") AS c GROUP BY unit_id, stage, month" \
    " ON CONFLICT (unit_id, stage, month) DO UPDATE SET n = standing_sums.n + excluded.n, amount = standing_sums.amount + excluded.amount"
#define IPDESK_INDUSTRY_FROM(POS, GROUPS) \
    "INSERT INTO industry_sums (unit_id, industry, stage, month, n, amount) SELECT unit_id, industry, stage, month," \
    " " POS "SUM(n), " POS "SUM(amount) FROM " GROUPS " AS x GROUP BY 1, 2, 3, 4" \
    " ON CONFLICT (unit_id, industry, stage, month) DO UPDATE SET n = industry_sums.n + excluded.n," \
    " amount = industry_sums.amount + excluded.amount"
#define IPDESK_STANDING_ROWS_FROM(SRC) \
    "INSERT INTO project_standing (project_id, unit_id, stage, since, first_on, last_on) SELECT project_id, unit_id, now," \
    " MAX(CASE WHEN stage = now THEN reached_on END), MIN(reached_on), MAX(reached_on) FROM " SRC " AS x" \
    " GROUP BY project_id, unit_id, now"
/// The stage dates of the projects whose id is ID.
#define IPDESK_DATES_OF(ID) "(SELECT project_id, stage, reached_on FROM project_stages WHERE project_id " ID ")"
#define IPDESK_STANDING_REFRESH(ID) \
    "DELETE FROM project_standing WHERE project_id " ID "; " IPDESK_STANDING_ROWS_FROM(IPDESK_STAGE_ROWS_OF(IPDESK_DATES_OF(ID))) ";"
#define IPDESK_SHARES_OF(POS, NEG, ROWS, PROJECT) \
    IPDESK_STANDING_FROM(POS, NEG, IPDESK_GROUPS_OF_DATES(ROWS), PROJECT) "; " \
    IPDESK_INDUSTRY_FROM(POS, IPDESK_GROUPS_OF_DATES(ROWS)) ";"
#define IPDESK_ADD_SHARES(ROWS, PROJECT) IPDESK_SHARES_OF("", "-", ROWS, PROJECT)
#define IPDESK_TAKE_SHARES(ROWS, PROJECT) IPDESK_SHARES_OF("-", "", ROWS, PROJECT)
/// The stage dates as they were before NEW was written or OLD deleted or rewritten.
#define IPDESK_DATES_BEFORE_INSERT \
    "(SELECT project_id, stage, reached_on FROM project_stages WHERE project_id = NEW.project_id AND stage <> NEW.stage)"
#define IPDESK_DATES_BEFORE_DELETE \
    "(SELECT project_id, stage, reached_on FROM project_stages WHERE project_id = OLD.project_id" \
    " UNION ALL SELECT OLD.project_id, OLD.stage, OLD.reached_on)"
#define IPDESK_DATES_BEFORE_UPDATE \
    "(SELECT project_id, stage, reached_on FROM project_stages WHERE project_id IN (OLD.project_id, NEW.project_id)" \
    " AND NOT (project_id = NEW.project_id AND stage = NEW.stage) UNION ALL SELECT OLD.project_id, OLD.stage, OLD.reached_on)"

/// Every sum counted afresh, from one reading of the stage dates: the statements, and the same as
/// the body of the server's function.
#define IPDESK_STAGE_REFILL \
    "DROP TABLE IF EXISTS ipdesk_stage_rows", "DROP TABLE IF EXISTS ipdesk_stage_groups", \
    "CREATE TEMPORARY TABLE ipdesk_stage_rows AS SELECT * FROM " IPDESK_STAGE_ROWS_OF("project_stages") " AS t", \
    "CREATE TEMPORARY TABLE ipdesk_stage_groups AS SELECT * FROM " IPDESK_STAGE_GROUPS_OF("ipdesk_stage_rows") " AS t", \
    "DELETE FROM stage_sums", \
    IPDESK_STAGE_INSERT "SELECT unit_id, stage, month, SUM(n), SUM(amount), SUM(planned), SUM(capital_increase), SUM(large)," \
    " SUM(funds), SUM(output), SUM(tax) FROM ipdesk_stage_groups GROUP BY 1, 2, 3", \
    "DELETE FROM standing_sums", IPDESK_STANDING_FROM("", "-", "ipdesk_stage_groups", "IS NOT NULL"), \
    "DELETE FROM industry_sums", IPDESK_INDUSTRY_FROM("", "ipdesk_stage_groups"), \
    "DELETE FROM project_standing", "DROP INDEX IF EXISTS project_standing_since", "DROP INDEX IF EXISTS project_standing_moved", \
    IPDESK_STANDING_ROWS_FROM("ipdesk_stage_rows"), IPDESK_STANDING_INDEXES, \
    "DROP TABLE ipdesk_stage_rows", "DROP TABLE ipdesk_stage_groups"
/// On the server: the projects a statement touched (its transition tables new_rows and old_rows) and
/// their stage dates before it, less what it wrote (NOT_NEW) and with what it removed (PLUS_OLD).
#define IPDESK_PG_INSERTED "(SELECT project_id FROM new_rows)"
#define IPDESK_PG_DELETED "(SELECT project_id FROM old_rows)"
#define IPDESK_PG_UPDATED "(SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows)"
#define IPDESK_PG_NOT_NEW "(project_id, stage) NOT IN (SELECT project_id, stage FROM new_rows)"
#define IPDESK_PG_PLUS_OLD " UNION ALL SELECT project_id, stage, reached_on FROM old_rows"
#define IPDESK_PG_DATES_BEFORE(TOUCHED, NOT_NEW, PLUS_OLD) \
    "(SELECT project_id, stage, reached_on FROM project_stages WHERE project_id IN " TOUCHED NOT_NEW PLUS_OLD ")"
/// The columns of a project its shares rest on.
#define IPDESK_SHARE_COLUMNS "unit_id, stage, industry, planned_investment, signed_investment, {amount_columns}project_type"

const char *const schemaStep4[] = {
    IPDESK_STAGE_TABLE,
    IPDESK_SHARES_TABLES,
    IPDESK_STAGE_REFILL,
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
    " {amount_columns}project_type, funds_in_place, expected_output, expected_tax ON projects BEGIN "
    IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("OLD", "-", "s.stage", "s.reached_on")
    " FROM project_stages s WHERE s.project_id = OLD.id" IPDESK_STAGE_UPSERT "; "
    IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("NEW", "", "s.stage", "s.reached_on")
    " FROM project_stages s WHERE s.project_id = NEW.id" IPDESK_STAGE_UPSERT "; END",
    // After the change alone, so that an insert skipped by its ON CONFLICT clause changes nothing.
    "CREATE TRIGGER IF NOT EXISTS shares_stage_insert AFTER INSERT ON project_stages BEGIN "
    IPDESK_TAKE_SHARES(IPDESK_DATES_BEFORE_INSERT, "= NEW.project_id")
    IPDESK_ADD_SHARES(IPDESK_DATES_OF("= NEW.project_id"), "= NEW.project_id")
    IPDESK_STANDING_REFRESH("= NEW.project_id") " END",
    "CREATE TRIGGER IF NOT EXISTS shares_stage_delete AFTER DELETE ON project_stages BEGIN "
    IPDESK_TAKE_SHARES(IPDESK_DATES_BEFORE_DELETE, "= OLD.project_id")
    IPDESK_ADD_SHARES(IPDESK_DATES_OF("= OLD.project_id"), "= OLD.project_id")
    IPDESK_STANDING_REFRESH("= OLD.project_id") " END",
    "CREATE TRIGGER IF NOT EXISTS shares_stage_update AFTER UPDATE ON project_stages BEGIN "
    IPDESK_TAKE_SHARES(IPDESK_DATES_BEFORE_UPDATE, "IN (OLD.project_id, NEW.project_id)")
    IPDESK_ADD_SHARES(IPDESK_DATES_OF("IN (OLD.project_id, NEW.project_id)"), "IN (OLD.project_id, NEW.project_id)")
    IPDESK_STANDING_REFRESH("IN (OLD.project_id, NEW.project_id)") " END",
    "CREATE TRIGGER IF NOT EXISTS shares_project_insert AFTER INSERT ON projects BEGIN "
    IPDESK_ADD_SHARES(IPDESK_DATES_OF("= NEW.id"), "= NEW.id") " END",
    // Before, while its stage dates are there (they go with it, and then find no project).
    "CREATE TRIGGER IF NOT EXISTS shares_project_delete BEFORE DELETE ON projects BEGIN "
    IPDESK_TAKE_SHARES(IPDESK_DATES_OF("= OLD.id"), "= OLD.id") " DELETE FROM project_standing WHERE project_id = OLD.id; END",
    "CREATE TRIGGER IF NOT EXISTS shares_project_update_before BEFORE UPDATE OF " IPDESK_SHARE_COLUMNS " ON projects BEGIN "
    IPDESK_TAKE_SHARES(IPDESK_DATES_OF("= OLD.id"), "= OLD.id") " END",
    "CREATE TRIGGER IF NOT EXISTS shares_project_update AFTER UPDATE OF " IPDESK_SHARE_COLUMNS " ON projects BEGIN "
    IPDESK_ADD_SHARES(IPDESK_DATES_OF("= NEW.id"), "= NEW.id") IPDESK_STANDING_REFRESH("IN (OLD.id, NEW.id)") " END",
    nullptr,
};

/// The same refill as the statements of the server's ipdesk_rebuild_stage_sums() ({stage_refill}).
const char *const stageRefill[] = {IPDESK_STAGE_REFILL, nullptr};

/// Step 4 on PostgreSQL: the same table and sums, kept by trigger functions. A long import may turn
/// them off for its own transaction (ipdesk.stage_sums = off) and then call ipdesk_rebuild_stage_sums().
#define IPDESK_PG_TRIGGER_RETURNING(NAME, RESULT, BODY) \
    "CREATE OR REPLACE FUNCTION " NAME "() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$" \
    " BEGIN IF current_setting('ipdesk.stage_sums', true) = 'off' THEN" \
    " INSERT INTO stage_sums_stale VALUES (txid_current()) ON CONFLICT DO NOTHING; RETURN " RESULT "; END IF; " BODY \
    " RETURN " RESULT "; END $$"
/// An AFTER trigger's function (its result is ignored).
#define IPDESK_PG_FUNCTION(NAME, BODY) IPDESK_PG_TRIGGER_RETURNING(NAME, "NULL", BODY)
// Whoever turns the sums off (any account can set ipdesk.stage_sums) gets them counted afresh when the
// transaction commits: the skipped trigger notes its transaction in stage_sums_stale, which nobody
// but the functions below may write, and a deferred trigger on that note rebuilds the sums.
const char *const schemaStep4Pg[] = {
    IPDESK_STAGE_TABLE,
    IPDESK_SHARES_TABLES,
    "CREATE TABLE IF NOT EXISTS stage_sums_stale (tx BIGINT PRIMARY KEY)",
    "CREATE OR REPLACE FUNCTION ipdesk_rebuild_stage_sums() RETURNS void LANGUAGE plpgsql SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$ BEGIN"
    " {stage_refill}"
    " DELETE FROM stage_sums_stale WHERE tx = txid_current();"
    " PERFORM set_config('ipdesk.stage_sums', 'on', true); END $$",
    "CREATE OR REPLACE FUNCTION ipdesk_stage_sums_catch_up() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$ BEGIN"
    " IF EXISTS (SELECT 1 FROM stage_sums_stale WHERE tx = NEW.tx) THEN PERFORM ipdesk_rebuild_stage_sums(); END IF;"
    " RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS stage_sums_catch_up ON stage_sums_stale",
    "CREATE CONSTRAINT TRIGGER stage_sums_catch_up AFTER INSERT ON stage_sums_stale DEFERRABLE INITIALLY DEFERRED"
    " FOR EACH ROW EXECUTE FUNCTION ipdesk_stage_sums_catch_up()",
    "SELECT ipdesk_rebuild_stage_sums()",
    IPDESK_PG_FUNCTION("ipdesk_stage_sums_stage",
        "IF TG_OP IN ('DELETE', 'UPDATE') THEN "
        IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("p", "-", "OLD.stage", "OLD.reached_on")
        " FROM projects p WHERE p.id = OLD.project_id" IPDESK_STAGE_UPSERT "; END IF;"
        " IF TG_OP IN ('INSERT', 'UPDATE') THEN "
        IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("p", "", "NEW.stage", "NEW.reached_on")
        " FROM projects p WHERE p.id = NEW.project_id" IPDESK_STAGE_UPSERT "; END IF;"),
    IPDESK_PG_FUNCTION("ipdesk_stage_sums_project",
        IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("OLD", "-", "s.stage", "s.reached_on")
        " FROM project_stages s WHERE s.project_id = OLD.id" IPDESK_STAGE_UPSERT "; "
        IPDESK_STAGE_INSERT IPDESK_STAGE_VALUES("NEW", "", "s.stage", "s.reached_on")
        " FROM project_stages s WHERE s.project_id = NEW.id" IPDESK_STAGE_UPSERT ";"),
    // A row trigger on the server runs when its whole statement is done, not after its own row: the
    // shares of the projects a statement touched are taken out and added back once for the
    // statement, from its transition tables (new_rows, old_rows).
    IPDESK_PG_FUNCTION("ipdesk_standing_stage",
        "IF TG_OP = 'INSERT' THEN "
        IPDESK_INDUSTRY_FROM("", IPDESK_GROUPS_OF_DATES("new_rows")) "; "
        IPDESK_STANDING_FROM("-", "", IPDESK_GROUPS_OF_DATES(IPDESK_PG_DATES_BEFORE(IPDESK_PG_INSERTED, " AND " IPDESK_PG_NOT_NEW, "")), "IN " IPDESK_PG_INSERTED) "; "
        IPDESK_STANDING_FROM("", "-", IPDESK_GROUPS_OF_DATES(IPDESK_DATES_OF("IN " IPDESK_PG_INSERTED)), "IN " IPDESK_PG_INSERTED) "; "
        IPDESK_STANDING_REFRESH("IN " IPDESK_PG_INSERTED)
        " ELSIF TG_OP = 'DELETE' THEN "
        IPDESK_INDUSTRY_FROM("-", IPDESK_GROUPS_OF_DATES("old_rows")) "; "
        IPDESK_STANDING_FROM("-", "", IPDESK_GROUPS_OF_DATES(IPDESK_PG_DATES_BEFORE(IPDESK_PG_DELETED, "", IPDESK_PG_PLUS_OLD)), "IN " IPDESK_PG_DELETED) "; "
        IPDESK_STANDING_FROM("", "-", IPDESK_GROUPS_OF_DATES(IPDESK_DATES_OF("IN " IPDESK_PG_DELETED)), "IN " IPDESK_PG_DELETED) "; "
        IPDESK_STANDING_REFRESH("IN " IPDESK_PG_DELETED)
        " ELSE "
        IPDESK_INDUSTRY_FROM("-", IPDESK_GROUPS_OF_DATES("old_rows")) "; "
        IPDESK_INDUSTRY_FROM("", IPDESK_GROUPS_OF_DATES("new_rows")) "; "
        IPDESK_STANDING_FROM("-", "", IPDESK_GROUPS_OF_DATES(IPDESK_PG_DATES_BEFORE(IPDESK_PG_UPDATED, " AND " IPDESK_PG_NOT_NEW,
                                                                                   IPDESK_PG_PLUS_OLD)), "IN " IPDESK_PG_UPDATED) "; "
        IPDESK_STANDING_FROM("", "-", IPDESK_GROUPS_OF_DATES(IPDESK_DATES_OF("IN " IPDESK_PG_UPDATED)), "IN " IPDESK_PG_UPDATED) "; "
        IPDESK_STANDING_REFRESH("IN " IPDESK_PG_UPDATED)
        " END IF;"),
    IPDESK_PG_FUNCTION("ipdesk_shares_project",
        IPDESK_ADD_SHARES(IPDESK_DATES_OF("= NEW.id"), "= NEW.id") IPDESK_STANDING_REFRESH("= NEW.id")),
    // Taken out before a project changes or goes, while its stage dates are there; the row goes on.
    IPDESK_PG_TRIGGER_RETURNING("ipdesk_shares_project_before", "COALESCE(NEW, OLD)",
        IPDESK_TAKE_SHARES(IPDESK_DATES_OF("= OLD.id"), "= OLD.id") " DELETE FROM project_standing WHERE project_id = OLD.id;"),
    "CREATE OR REPLACE TRIGGER standing_stage_insert AFTER INSERT ON project_stages REFERENCING NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION ipdesk_standing_stage()",
    "CREATE OR REPLACE TRIGGER standing_stage_update AFTER UPDATE ON project_stages"
    " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ipdesk_standing_stage()",
    "CREATE OR REPLACE TRIGGER standing_stage_delete AFTER DELETE ON project_stages REFERENCING OLD TABLE AS old_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION ipdesk_standing_stage()",
    "CREATE OR REPLACE TRIGGER shares_project AFTER INSERT OR UPDATE OF " IPDESK_SHARE_COLUMNS " ON projects"
    " FOR EACH ROW EXECUTE FUNCTION ipdesk_shares_project()",
    "CREATE OR REPLACE TRIGGER shares_project_before BEFORE DELETE OR UPDATE OF " IPDESK_SHARE_COLUMNS " ON projects"
    " FOR EACH ROW EXECUTE FUNCTION ipdesk_shares_project_before()",
    "CREATE OR REPLACE TRIGGER stage_sums_stage AFTER INSERT OR UPDATE OR DELETE ON project_stages"
    " FOR EACH ROW EXECUTE FUNCTION ipdesk_stage_sums_stage()",
    "CREATE OR REPLACE TRIGGER stage_sums_project AFTER UPDATE OF unit_id, planned_investment, signed_investment,"
    " {amount_columns}project_type, funds_in_place, expected_output, expected_tax ON projects"
    " FOR EACH ROW EXECUTE FUNCTION ipdesk_stage_sums_project()",
    nullptr,
};
#undef IPDESK_PG_FUNCTION
#undef IPDESK_PG_TRIGGER_RETURNING
#undef IPDESK_STAGE_VALUES
#undef IPDESK_STAGE_UPSERT
#undef IPDESK_STAGE_INSERT
#undef IPDESK_STAGE_TABLE
#undef IPDESK_STAGE_REFILL
#undef IPDESK_STAGE_GROUPS_OF
#undef IPDESK_GROUPS_OF_DATES
#undef IPDESK_SHARES_TABLES
#undef IPDESK_STANDING_INDEXES
#undef IPDESK_STAGE_ROWS_OF
#undef IPDESK_STANDING_FROM
#undef IPDESK_INDUSTRY_FROM
#undef IPDESK_STANDING_ROWS_FROM
#undef IPDESK_DATES_OF
#undef IPDESK_STANDING_REFRESH
#undef IPDESK_SHARES_OF
#undef IPDESK_ADD_SHARES
#undef IPDESK_TAKE_SHARES
#undef IPDESK_DATES_BEFORE_INSERT
#undef IPDESK_DATES_BEFORE_DELETE
#undef IPDESK_DATES_BEFORE_UPDATE
#undef IPDESK_SHARE_COLUMNS
#undef IPDESK_PG_INSERTED
#undef IPDESK_PG_DELETED
#undef IPDESK_PG_UPDATED
#undef IPDESK_PG_NOT_NEW
#undef IPDESK_PG_PLUS_OLD
#undef IPDESK_PG_DATES_BEFORE


/// Step 5: the audit trail (who changed which field of which record, from what to what) and the
/// accounts of a team desk. The audit rows are written by the database's own triggers: on SQLite
/// they are generated per column (auditTriggersSqlite), on PostgreSQL one function reads rows as JSON.
const char *const schemaStep5[] = {
    "CREATE TABLE IF NOT EXISTS audit_log ("
    " id %PK%,"
    " at TEXT NOT NULL,"
    " who TEXT NOT NULL DEFAULT '',"
    " table_name TEXT NOT NULL,"
    " record_id BIGINT NOT NULL,"
    " action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
    " field TEXT NOT NULL DEFAULT '',"
    " old_value TEXT,"
    " new_value TEXT)",
    "CREATE INDEX IF NOT EXISTS audit_record ON audit_log(table_name, record_id)",
    "CREATE INDEX IF NOT EXISTS audit_at ON audit_log(at)",
    "CREATE INDEX IF NOT EXISTS audit_who ON audit_log(who)",
    // Re-imports look a project up by name within its unit; with both in one index the server's
    // planner cannot prefer scanning the whole unit while its statistics lag behind a long import.
    "CREATE INDEX IF NOT EXISTS projects_name_unit ON projects(name, unit_id)",
    "DROP INDEX IF EXISTS projects_name",
    "CREATE TABLE IF NOT EXISTS desk_users ("
    " login TEXT PRIMARY KEY,"
    " unit_id BIGINT REFERENCES units(id) ON DELETE RESTRICT,"
    " role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'viewer')),"
    " full_name TEXT NOT NULL DEFAULT '')",
    nullptr,
};

/// The tables whose changes are audited; project_stages is audited as fields of its project.
const char *const auditedTables[] = {"units", "projects", "project_stages", "targets", "facts", "activities"};
/// The same for the tables of step 8 (monthly returns and follow-up tasks): their triggers are made
/// by that step, on a desk that has the tables.
const char *const workflowTables[] = {"monthly_returns", "return_figures", "follow_up_tasks", "task_replies"};

/// Step 5 on PostgreSQL, after the common part: audit and change-notice triggers, the three group
/// roles, and row-level security so that the server itself keeps an officer to their own units.
#define IPDESK_DOCUMENT_WRITABLE \
    "(SELECT ipdesk_is_admin()) OR NOT EXISTS (SELECT 1 FROM facts f WHERE f.document_id = documents.id" \
    " AND NOT f.unit_id = ANY ((SELECT ipdesk_writable_units())::bigint[]))" \
    " AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.document_id = documents.id" \
    " AND NOT t.unit_id = ANY ((SELECT ipdesk_writable_units())::bigint[]))"
const char *const schemaStep5Pg[] = {
    "CREATE OR REPLACE FUNCTION ipdesk_is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$ SELECT pg_has_role(session_user, 'ipdesk_admin', 'MEMBER')"
    " OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)"
    " OR session_user = (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) $$",
    // The units this account writes as an officer: its own unit and every unit below it.
    "CREATE OR REPLACE FUNCTION ipdesk_writable_units() RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$ SELECT COALESCE(array_agg(down.id), '{}') FROM (WITH RECURSIVE down(id) AS ("
    " SELECT d.unit_id FROM desk_users d WHERE d.login = session_user AND d.role = 'officer' AND d.unit_id IS NOT NULL"
    " AND pg_has_role(session_user, 'ipdesk_officer', 'MEMBER')"
    " UNION SELECT u.id FROM units u JOIN down ON u.parent_id = down.id) SELECT id FROM down) down $$",
    // True when the account may write records of this unit: an administrator anywhere, an officer in
    // the subtree of their own unit.
    "CREATE OR REPLACE FUNCTION ipdesk_can_write(target BIGINT) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$ SELECT ipdesk_is_admin() OR target = ANY (ipdesk_writable_units()) $$",
    "CREATE OR REPLACE FUNCTION ipdesk_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$"
    " DECLARE o jsonb; n jsonb; k text; rid bigint;"
    " ts text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"');"
    " BEGIN"
    " IF current_setting('ipdesk.copying', true) = 'on' AND ipdesk_is_admin() THEN RETURN NULL; END IF;"
    " IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;"
    " IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;"
    " IF TG_TABLE_NAME = 'project_stages' THEN"
    "  IF TG_OP = 'UPDATE' AND (o->>'reached_on') IS NOT DISTINCT FROM (n->>'reached_on') THEN RETURN NULL; END IF;"
    "  INSERT INTO audit_log (at, who, table_name, record_id, action, field, old_value, new_value)"
    "  VALUES (ts, session_user, 'projects', COALESCE(n->>'project_id', o->>'project_id')::bigint, 'update',"
    "  'stage_date_' || COALESCE(n->>'stage', o->>'stage'), o->>'reached_on', n->>'reached_on');"
    "  RETURN NULL;"
    " END IF;"
    " rid := COALESCE(n->>'id', o->>'id')::bigint;"
    " IF TG_OP = 'UPDATE' THEN"
    "  FOR k IN SELECT key FROM jsonb_each(n) LOOP"
    "   IF k <> 'version' AND (n->k) IS DISTINCT FROM (o->k) THEN"
    "    INSERT INTO audit_log (at, who, table_name, record_id, action, field, old_value, new_value)"
    "    VALUES (ts, session_user, TG_TABLE_NAME, rid, 'update', k, o->>k, n->>k);"
    "   END IF;"
    "  END LOOP;"
    " ELSE"
    "  INSERT INTO audit_log (at, who, table_name, record_id, action, field, old_value, new_value)"
    "  VALUES (ts, session_user, TG_TABLE_NAME, rid, lower(TG_OP), '', (o - 'version')::text, (n - 'version')::text);"
    " END IF;"
    " RETURN NULL; END $$",
    // Anyone may NOTIFY any channel, so a notice alone proves nothing: each change also counts on a
    // sequence that only these triggers advance, and clients act on a notice only when it has moved.
    "CREATE SEQUENCE IF NOT EXISTS ipdesk_change_seq",
    "CREATE OR REPLACE FUNCTION ipdesk_notify() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$"
    " DECLARE n text := current_setting('ipdesk.change_number', true);"
    " BEGIN IF n IS NULL OR n = '' THEN n := nextval('ipdesk_change_seq')::text;"
    " PERFORM set_config('ipdesk.change_number', n, true); END IF;"
    // One number a transaction: the server folds a transaction's equal notices into one.
    " PERFORM pg_notify('ipdesk_changes', TG_TABLE_NAME || ':' || n); RETURN NULL; END $$",
    "DO $$ BEGIN"
    " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ipdesk_admin') THEN CREATE ROLE ipdesk_admin NOLOGIN; END IF;"
    " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ipdesk_officer') THEN CREATE ROLE ipdesk_officer NOLOGIN; END IF;"
    " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ipdesk_viewer') THEN CREATE ROLE ipdesk_viewer NOLOGIN; END IF;"
    " END $$",
    "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO ipdesk_admin, ipdesk_officer, ipdesk_viewer",
    "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ipdesk_admin",
    "GRANT INSERT, UPDATE, DELETE ON units, projects, project_stages, targets, facts, documents, activities,"
    " activity_projects TO ipdesk_officer",
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ipdesk_admin, ipdesk_officer",
    "REVOKE ALL ON SEQUENCE ipdesk_change_seq FROM PUBLIC, ipdesk_admin, ipdesk_officer",
    "GRANT SELECT ON SEQUENCE ipdesk_change_seq TO ipdesk_admin, ipdesk_officer, ipdesk_viewer",
    // Rebuilding the sums is a write: not for viewers.
    "REVOKE ALL ON FUNCTION ipdesk_rebuild_stage_sums() FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION ipdesk_rebuild_stage_sums() TO ipdesk_admin, ipdesk_officer",
    // A report belongs to the units of its figures: it is changed or deleted (with its figures) only by
    // an account that may write all of them; every change and deletion is audited.
    "ALTER TABLE documents ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS ipdesk_read ON documents",
    "CREATE POLICY ipdesk_read ON documents FOR SELECT USING (true)",
    "DROP POLICY IF EXISTS ipdesk_add ON documents",
    "CREATE POLICY ipdesk_add ON documents FOR INSERT WITH CHECK (true)",
    "DROP POLICY IF EXISTS ipdesk_change ON documents",
    "CREATE POLICY ipdesk_change ON documents FOR UPDATE USING (" IPDESK_DOCUMENT_WRITABLE ") WITH CHECK (true)",
    "DROP POLICY IF EXISTS ipdesk_remove ON documents",
    "CREATE POLICY ipdesk_remove ON documents FOR DELETE USING (" IPDESK_DOCUMENT_WRITABLE ")",
    "CREATE OR REPLACE TRIGGER audit AFTER UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION ipdesk_audit()",
    // An activity is tied only to projects the account may write as well.
    "DROP POLICY IF EXISTS ipdesk_link_own ON activity_projects",
    "CREATE POLICY ipdesk_link_own ON activity_projects AS RESTRICTIVE FOR INSERT WITH CHECK ((SELECT ipdesk_is_admin())"
    " OR (SELECT p.unit_id FROM projects p WHERE p.id = project_id) = ANY ((SELECT ipdesk_writable_units())::bigint[]))",
    "DROP POLICY IF EXISTS ipdesk_relink_own ON activity_projects",
    "CREATE POLICY ipdesk_relink_own ON activity_projects AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK ((SELECT ipdesk_is_admin())"
    " OR (SELECT p.unit_id FROM projects p WHERE p.id = project_id) = ANY ((SELECT ipdesk_writable_units())::bigint[]))",
    nullptr,
};
#undef IPDESK_DOCUMENT_WRITABLE

/// Row-level security: everyone reads everything; writes need the record's unit to be writable
/// (as ipdesk_can_write()). %T% is the table, %U% the expression of its unit. %W% is written so that
/// the server works out the account's units once per statement (an InitPlan), not once per row.
const char *const rowSecurityPg[] = {
    "ALTER TABLE %T% ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS ipdesk_read ON %T%",
    "CREATE POLICY ipdesk_read ON %T% FOR SELECT USING (true)",
    "DROP POLICY IF EXISTS ipdesk_add ON %T%",
    "CREATE POLICY ipdesk_add ON %T% FOR INSERT WITH CHECK (%W%)",
    "DROP POLICY IF EXISTS ipdesk_change ON %T%",
    "CREATE POLICY ipdesk_change ON %T% FOR UPDATE USING (%W%) WITH CHECK (%W%)",
    "DROP POLICY IF EXISTS ipdesk_remove ON %T%",
    "CREATE POLICY ipdesk_remove ON %T% FOR DELETE USING (%W%)",
    nullptr,
};
const char writableCheck[] = "(SELECT ipdesk_is_admin()) OR %U% = ANY ((SELECT ipdesk_writable_units())::bigint[])";
const char *const rowSecurityTables[][2] = {
    {"projects", "unit_id"},
    {"project_stages", "(SELECT p.unit_id FROM projects p WHERE p.id = project_id)"},
    {"targets", "unit_id"},
    {"facts", "unit_id"},
    {"activities", "unit_id"},
    {"activity_projects", "(SELECT a.unit_id FROM activities a WHERE a.id = activity_id)"},
    {"units", "COALESCE(parent_id, -1)"},
};

/// The server's audit and change-notice triggers of a table.
QStringList auditAndNotifyPg(const char *table)
{
    return {QStringLiteral("CREATE OR REPLACE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %1"
                           " FOR EACH ROW EXECUTE FUNCTION ipdesk_audit()").arg(QLatin1String(table)),
            QStringLiteral("CREATE OR REPLACE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON %1"
                           " FOR EACH STATEMENT EXECUTE FUNCTION ipdesk_notify()").arg(QLatin1String(table))};
}

/// The row-level security of a table whose rows belong to the unit `unit` (an SQL expression).
QStringList rowSecurityOf(const char *table, const char *unit)
{
    QStringList out;
    for (const char *const *stmt = rowSecurityPg; *stmt; ++stmt)
        out << QString::fromLatin1(*stmt).replace(QLatin1String("%W%"), QLatin1String(writableCheck))
                   .replace(QLatin1String("%T%"), QLatin1String(table))
                   .replace(QLatin1String("%U%"), QLatin1String(unit));
    return out;
}

/// Step 6 hardens the team server (see migrate()); a desk file has nothing to add.
const char *const schemaStep6[] = {nullptr};

/// Step 7: a capital increase (增资扩产) counts with what it adds (新增投资), not the whole plant, once
/// the increase is written (until then with its amount, as before: a desk made before keeps its
/// figures). The sums are then kept with the new amount (migrate() puts the stage
/// sums' triggers or functions and the audit triggers back after this).
const char *const schemaStep7[] = {
    "ALTER TABLE projects ADD COLUMN added_investment BIGINT NOT NULL DEFAULT 0 CHECK (added_investment >= 0)",
    // The per-stage totals of the funnel, read from the index alone, with the counted amount.
    "DROP INDEX IF EXISTS projects_unit_stage",
    "CREATE INDEX IF NOT EXISTS projects_unit_stage ON projects(unit_id, stage, project_type, signed_investment,"
    " planned_investment, added_investment)",
    "DROP INDEX IF EXISTS projects_stage",
    "CREATE INDEX IF NOT EXISTS projects_stage ON projects(stage, project_type, signed_investment, planned_investment,"
    " added_investment)",
    nullptr,
};


/// Step 8: monthly reporting up the chain (月报) and follow-up tasks (督办). A unit's return of a
/// month holds its figures per metric; it goes draft → submitted → approved, or returned (with the
/// reviewer's opinion) → submitted again; an approved one is reopened to be corrected. The state
/// moves only along those steps, and the figures of a submitted or approved return stay as they
/// are (the triggers below on a desk file; on the server the guards of returnStatementsPg()).
const char *const schemaStep8[] = {
    "CREATE TABLE IF NOT EXISTS monthly_returns ("
    " id %PK%,"
    " unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE RESTRICT,"
    " year INTEGER NOT NULL,"
    " month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
    " state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),"
    " submitted_by TEXT NOT NULL DEFAULT '',"
    " submitted_at TEXT NOT NULL DEFAULT '',"
    " reviewed_by TEXT NOT NULL DEFAULT '',"
    " reviewed_at TEXT NOT NULL DEFAULT '',"
    " opinion TEXT NOT NULL DEFAULT '',"
    " UNIQUE (unit_id, year, month))",
    "CREATE TABLE IF NOT EXISTS return_figures ("
    " id %PK%,"
    " return_id BIGINT NOT NULL REFERENCES monthly_returns(id) ON DELETE CASCADE,"
    " metric TEXT NOT NULL,"
    " value DOUBLE PRECISION NOT NULL,"
    " computed DOUBLE PRECISION,"
    " source TEXT NOT NULL DEFAULT '',"
    " reason TEXT NOT NULL DEFAULT '',"
    " basis TEXT NOT NULL DEFAULT '',"
    " UNIQUE (return_id, metric))",
    "CREATE TABLE IF NOT EXISTS follow_up_tasks ("
    " id %PK%,"
    " unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE RESTRICT,"
    " project_id BIGINT REFERENCES projects(id) ON DELETE SET NULL,"
    " what TEXT NOT NULL CHECK (what <> ''),"
    " due_on DATE NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),"
    " created_by TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL DEFAULT '',"
    " done_on DATE)",
    "CREATE INDEX IF NOT EXISTS follow_up_tasks_unit ON follow_up_tasks(unit_id, state, due_on)",
    "CREATE TABLE IF NOT EXISTS task_replies ("
    " id %PK%,"
    " task_id BIGINT NOT NULL REFERENCES follow_up_tasks(id) ON DELETE CASCADE,"
    " at TEXT NOT NULL,"
    " who TEXT NOT NULL DEFAULT '',"
    " body TEXT NOT NULL CHECK (body <> ''))",
    nullptr,
};

/// The steps a return's state may take (OLD to NEW), in SQL: both backends refuse any other.
#define IPDESK_RETURN_STEP \
    "(NEW.unit_id = OLD.unit_id AND NEW.year = OLD.year AND NEW.month = OLD.month AND (" \
    " (OLD.state IN ('draft', 'returned') AND NEW.state IN (OLD.state, 'submitted'))" \
    " OR (OLD.state = 'submitted' AND NEW.state = 'approved')" \
    " OR (OLD.state = 'submitted' AND NEW.state = 'returned' AND trim(NEW.opinion) <> '')" \
    " OR (OLD.state = 'approved' AND NEW.state = 'draft')))"
#define IPDESK_RETURN_OPEN(ID) "(SELECT m.state FROM monthly_returns m WHERE m.id = " ID ") IN ('draft', 'returned')"

/// Step 8 on a desk file: the order of a return's states and the lock on its figures.
const char *const schemaStep8Sqlite[] = {
    "CREATE TRIGGER IF NOT EXISTS monthly_returns_step BEFORE UPDATE ON monthly_returns WHEN NOT " IPDESK_RETURN_STEP
    " BEGIN SELECT RAISE(ABORT, 'ipdesk: a monthly return cannot take this step'); END",
    "CREATE TRIGGER IF NOT EXISTS return_figures_locked_update BEFORE UPDATE ON return_figures"
    " WHEN NOT " IPDESK_RETURN_OPEN("OLD.return_id") " OR NEW.return_id <> OLD.return_id"
    " BEGIN SELECT RAISE(ABORT, 'ipdesk: the figures of a submitted or approved return are locked'); END",
    "CREATE TRIGGER IF NOT EXISTS return_figures_locked_delete BEFORE DELETE ON return_figures"
    " WHEN " IPDESK_RETURN_OPEN("OLD.return_id") " IS FALSE"
    " BEGIN SELECT RAISE(ABORT, 'ipdesk: the figures of a submitted or approved return are locked'); END",
    nullptr,
};

/// Step 8 on the server: who may move a return on, enforced by the server whatever SQL an account
/// sends. A unit's own officers write and submit its return; the officers of its parent unit
/// approve it, return it with an opinion or reopen it; an administrator may do either. Who did it
/// and when is written by the server, not taken from the client. Follow-up tasks are written by
/// the officers of the task's unit and of the units above it (as projects are).
const char *const schemaStep8Pg[] = {
    "CREATE OR REPLACE FUNCTION ipdesk_own_unit() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$ SELECT d.unit_id FROM desk_users d WHERE d.login = session_user"
    " AND d.role = 'officer' AND pg_has_role(session_user, 'ipdesk_officer', 'MEMBER') $$",
    "CREATE OR REPLACE FUNCTION ipdesk_return_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$"
    " DECLARE admin boolean := ipdesk_is_admin(); own bigint := ipdesk_own_unit(); parent bigint;"
    " ts text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"');"
    " BEGIN"
    " IF current_setting('ipdesk.copying', true) = 'on' AND admin THEN RETURN COALESCE(NEW, OLD); END IF;"
    " IF TG_OP = 'DELETE' THEN"
    "  IF admin THEN RETURN OLD; END IF;"
    "  RAISE EXCEPTION 'ipdesk: only an administrator deletes a monthly return' USING ERRCODE = '42501';"
    " END IF;"
    " SELECT u.parent_id INTO parent FROM units u WHERE u.id = NEW.unit_id;"
    " IF TG_OP = 'INSERT' THEN"
    "  IF NOT admin AND own IS DISTINCT FROM NEW.unit_id THEN"
    "   RAISE EXCEPTION 'ipdesk: only the unit''s own officers start its return' USING ERRCODE = '42501'; END IF;"
    "  IF NEW.state <> 'draft' THEN RAISE EXCEPTION 'ipdesk: a monthly return starts as a draft' USING ERRCODE = '23514'; END IF;"
    "  NEW.submitted_by := ''; NEW.submitted_at := ''; NEW.reviewed_by := ''; NEW.reviewed_at := ''; NEW.opinion := '';"
    "  RETURN NEW;"
    " END IF;"
    " IF NOT " IPDESK_RETURN_STEP " THEN"
    "  RAISE EXCEPTION 'ipdesk: a monthly return cannot go from % to %', OLD.state, NEW.state USING ERRCODE = '23514'; END IF;"
    " IF OLD.state IN ('draft', 'returned') THEN"
    "  IF NOT admin AND own IS DISTINCT FROM NEW.unit_id THEN"
    "   RAISE EXCEPTION 'ipdesk: only the unit''s own officers submit its return' USING ERRCODE = '42501'; END IF;"
    "  IF NEW.state = 'submitted' THEN NEW.submitted_by := session_user; NEW.submitted_at := ts; END IF;"
    "  NEW.reviewed_by := OLD.reviewed_by; NEW.reviewed_at := OLD.reviewed_at; NEW.opinion := OLD.opinion;"
    "  RETURN NEW;"
    " END IF;"
    " IF NOT admin AND (own IS NULL OR own IS DISTINCT FROM parent) THEN"
    "  RAISE EXCEPTION 'ipdesk: only the officers of the unit above review a return' USING ERRCODE = '42501'; END IF;"
    " NEW.reviewed_by := session_user; NEW.reviewed_at := ts;"
    " NEW.submitted_by := OLD.submitted_by; NEW.submitted_at := OLD.submitted_at;"
    " RETURN NEW; END $$",
    "CREATE OR REPLACE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON monthly_returns"
    " FOR EACH ROW EXECUTE FUNCTION ipdesk_return_guard()",
    "CREATE OR REPLACE FUNCTION ipdesk_return_figure_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$"
    " DECLARE admin boolean := ipdesk_is_admin(); st text; unit bigint;"
    " BEGIN"
    " IF current_setting('ipdesk.copying', true) = 'on' AND admin THEN RETURN COALESCE(NEW, OLD); END IF;"
    " IF TG_OP = 'UPDATE' AND NEW.return_id <> OLD.return_id THEN"
    "  RAISE EXCEPTION 'ipdesk: a figure stays in its return' USING ERRCODE = '42501'; END IF;"
    " SELECT m.state, m.unit_id INTO st, unit FROM monthly_returns m WHERE m.id = COALESCE(NEW.return_id, OLD.return_id);"
    " IF st IS NULL THEN RETURN COALESCE(NEW, OLD); END IF;" // its return is being deleted
    " IF st NOT IN ('draft', 'returned') THEN"
    "  RAISE EXCEPTION 'ipdesk: the figures of a % return are locked', st USING ERRCODE = '42501'; END IF;"
    " IF NOT admin AND ipdesk_own_unit() IS DISTINCT FROM unit THEN"
    "  RAISE EXCEPTION 'ipdesk: only the unit''s own officers write its return' USING ERRCODE = '42501'; END IF;"
    " RETURN COALESCE(NEW, OLD); END $$",
    "CREATE OR REPLACE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON return_figures"
    " FOR EACH ROW EXECUTE FUNCTION ipdesk_return_figure_guard()",
    // Who wrote a task or a reply is the account, as the server knows it.
    "CREATE OR REPLACE FUNCTION ipdesk_stamp_author() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
    " SET search_path = pg_catalog, public, pg_temp AS $$ BEGIN"
    " IF current_setting('ipdesk.copying', true) = 'on' AND ipdesk_is_admin() THEN RETURN NEW; END IF;"
    " IF TG_TABLE_NAME = 'task_replies' THEN NEW.who := session_user;"
    " ELSIF TG_OP = 'INSERT' THEN NEW.created_by := session_user;"
    " ELSE NEW.created_by := OLD.created_by; NEW.created_at := OLD.created_at; END IF;"
    " RETURN NEW; END $$",
    "CREATE OR REPLACE TRIGGER stamp BEFORE INSERT OR UPDATE ON follow_up_tasks FOR EACH ROW EXECUTE FUNCTION ipdesk_stamp_author()",
    "CREATE OR REPLACE TRIGGER stamp BEFORE INSERT OR UPDATE ON task_replies FOR EACH ROW EXECUTE FUNCTION ipdesk_stamp_author()",
    "GRANT SELECT ON monthly_returns, return_figures, follow_up_tasks, task_replies TO ipdesk_admin, ipdesk_officer, ipdesk_viewer",
    "GRANT INSERT, UPDATE, DELETE ON monthly_returns, return_figures, follow_up_tasks, task_replies TO ipdesk_admin",
    "GRANT INSERT, UPDATE ON monthly_returns TO ipdesk_officer",
    "GRANT INSERT, UPDATE, DELETE ON return_figures, follow_up_tasks, task_replies TO ipdesk_officer",
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ipdesk_admin, ipdesk_officer",
    "REVOKE ALL ON SEQUENCE ipdesk_change_seq FROM PUBLIC, ipdesk_admin, ipdesk_officer",
    "GRANT SELECT ON SEQUENCE ipdesk_change_seq TO ipdesk_admin, ipdesk_officer, ipdesk_viewer",
    "ALTER TABLE monthly_returns ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS ipdesk_read ON monthly_returns",
    "CREATE POLICY ipdesk_read ON monthly_returns FOR SELECT USING (true)",
    "DROP POLICY IF EXISTS ipdesk_add ON monthly_returns",
    "CREATE POLICY ipdesk_add ON monthly_returns FOR INSERT WITH CHECK ((SELECT ipdesk_is_admin()) OR unit_id = (SELECT ipdesk_own_unit()))",
    "DROP POLICY IF EXISTS ipdesk_change ON monthly_returns",
    "CREATE POLICY ipdesk_change ON monthly_returns FOR UPDATE USING ((SELECT ipdesk_is_admin()) OR unit_id = (SELECT ipdesk_own_unit())"
    " OR (SELECT u.parent_id FROM units u WHERE u.id = unit_id) = (SELECT ipdesk_own_unit()))",
    "DROP POLICY IF EXISTS ipdesk_remove ON monthly_returns",
    "CREATE POLICY ipdesk_remove ON monthly_returns FOR DELETE USING ((SELECT ipdesk_is_admin()))",
    "ALTER TABLE return_figures ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS ipdesk_read ON return_figures",
    "CREATE POLICY ipdesk_read ON return_figures FOR SELECT USING (true)",
    "DROP POLICY IF EXISTS ipdesk_write ON return_figures",
    "CREATE POLICY ipdesk_write ON return_figures FOR ALL USING ((SELECT ipdesk_is_admin())"
    " OR (SELECT m.unit_id FROM monthly_returns m WHERE m.id = return_id) = (SELECT ipdesk_own_unit()))",
    nullptr,
};
#undef IPDESK_RETURN_OPEN
#undef IPDESK_RETURN_STEP

/// Step 9: the funnel and the industry chart as of any day read sums of their own (standing_sums,
/// industry_sums), kept by step 4's triggers: the dialects run step 4 again, which makes them.
const char *const schemaStep9[] = {nullptr};

const char *const *const schemaSteps[] = {schemaStep1, schemaStep2, schemaStep3, schemaStep4, schemaStep5, schemaStep6,
                                          schemaStep7, schemaStep8, schemaStep9};
/// The step whose statements the dialects run with step 4's again.
constexpr int standingSumsVersion = 9;
/// The first version whose desks count a capital increase with its increase.
constexpr int countedAmountVersion = 7;
constexpr int latestSchemaVersion = Database::SchemaVersion;
static_assert(sizeof(schemaSteps) / sizeof(schemaSteps[0]) == latestSchemaVersion, "one schema step per version");

/// Puts the amount a project counts with in place of {amount:X} (X the row's name), as it was
/// counted by desks of `version`: before step 7 the signed amount, else the planned one; since,
/// countedAmountSql().
QString withAmount(const QString &sql, int version)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{amount:(\\w+)\\}"));
    const bool counted = version >= countedAmountVersion;
    // \1 is the row's name, put back by the replacement.
    const QString amount = counted ? Database::countedAmountSql(QStringLiteral("\\1"))
                                   : QStringLiteral("(CASE WHEN \\1.signed_investment > 0 THEN \\1.signed_investment"
                                                    " ELSE \\1.planned_investment END)");
    return QString(sql)
        .replace(QLatin1String("{amount_columns}"), counted ? QLatin1String("added_investment, ") : QLatin1String(""))
        .replace(placeholder, amount);
}

/// The statements of a schema step (or of step 4 on the server) as run by desks of `version`.
QStringList stepStatements(const char *const *step, int version, const QString &primaryKey)
{
    QStringList out;
    static const QString refillBody = []() -> QString {
        QStringList statements;
        for (const char *const *stmt = stageRefill; *stmt; ++stmt)
            statements << QString::fromLatin1(*stmt) + QLatin1Char(';');
        return statements.join(QLatin1Char(' '));
    }();
    for (const char *const *stmt = step; *stmt; ++stmt) {
        const QString sql = QString::fromLatin1(*stmt).replace(QLatin1String("%PK%"), primaryKey)
                                .replace(QLatin1String("{stage_refill}"), refillBody);
        out << withAmount(sql, version);
    }
    return out;
}


} // namespace

QString Database::countedAmountSql(const QString &row)
{
    return QStringLiteral("(CASE WHEN %1.project_type = 1 AND %1.added_investment > 0 THEN %1.added_investment"
                          " WHEN %1.signed_investment > 0"
                          " THEN %1.signed_investment ELSE %1.planned_investment END)").arg(row);
}

QString Database::stageSumColumns()
{
    static const QString sums = withAmount(QLatin1String(IPDESK_STAGE_SUMS), countedAmountVersion);
    return sums;
}
#undef IPDESK_STAGE_SUMS

Database::Database()
    : m_dialect(SqlDialect::make(Backend::SQLite))
    , m_connectionName(QStringLiteral("ipdesk-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
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

Status Database::createThenOpen(const QString &location, OpenMode mode)
{
    // A new desk is made beside its place and moved there whole, so that a crash while it is made
    // leaves no file where the desk should be (at most a hidden .new one beside it), never an empty or
    // half-made desk that would then be refused.
    const QFileInfo info(location);
    const QString temp = info.absolutePath() + QLatin1String("/.") + info.fileName() + QLatin1String(".new-")
        + QString::number(QCoreApplication::applicationPid());
    const QString sidecars[] = {temp, temp + QLatin1String("-wal"), temp + QLatin1String("-shm"), temp + QLatin1String("-journal")};
    for (const QString &f : sidecars)
        QFile::remove(f);
    m_makingNew = true;
    Status s = open(temp, OpenMode::CreateIfMissing);
    m_makingNew = false;
    if (s)
        s = exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")); // all of it in the file that is moved
    close();
    if (s && !QFile::rename(temp, location))
        s = QFileInfo::exists(location) ? Status::error(tr("Another program made a file at %1 meanwhile; it was not changed.").arg(location))
                                        : Status::error(tr("The new desk cannot be moved to %1.").arg(location));
    for (const QString &f : sidecars)
        QFile::remove(f);
    return s ? open(location, mode) : s;
}

void Database::close()
{
    m_kept.clear();
    m_scratch.reset();
    if (m_db.isValid()) {
        if (m_db.isOpen())
            m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_location.clear();
    m_readOnly = false;
}

Status Database::errorFrom(const QSqlQuery &q)
{
    const QSqlError e = q.lastError();
    return errorFrom(e.databaseText().isEmpty() ? e.text() : e.databaseText(), e.nativeErrorCode());
}

Status Database::errorFrom(::sqlite3 *db)
{
    return errorFrom(QString::fromUtf8(sqlite3_errmsg(db)), QString::number(sqlite3_extended_errcode(db)));
}

Status Database::errorFrom(const QString &text, const QString &code)
{
    if (code == QLatin1String("42501") || text.contains(QLatin1String("row-level security"))
        || text.contains(QLatin1String("permission denied")))
        return Status::error(tr("The team database refused this change: your account may not write records of this unit "
                                "or this kind. Nothing was changed."),
                             Status::Code::Denied);
    if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") || code == QLatin1String("57P02")
        || text.contains(QLatin1String("server closed the connection")) || text.contains(QLatin1String("no connection to the server"))
        || text.contains(QLatin1String("terminating connection")) || text.contains(QLatin1String("connection to server")))
        return Status::error(tr("The connection to the team database was lost; the change was not saved."),
                             Status::Code::Offline);
    if (code == QLatin1String("40001") || code == QLatin1String("40P01"))
        return Status::error(tr("Another officer was saving the same records at the same moment; try again."),
                             Status::Code::Conflict);
    if (text.contains(QLatin1String("locked")) || text.contains(QLatin1String("busy")))
        return Status::error(tr("The desk is locked: another import or program is writing to it. Nothing was changed; "
                                "try again when it has finished."),
                             Status::Code::Busy);
    if (text.contains(QLatin1String("readonly")) || text.contains(QLatin1String("read-only")))
        return Status::error(tr("The desk file is read-only; nothing was changed."));
    return Status::error(tr("Database error: %1").arg(text));
}

qint64 Database::declaredFileSize(const QByteArray &header)
{
    // The header's own count of pages is valid when its "version valid for" matches the change counter.
    if (header.size() < 100 || !header.startsWith(QByteArray("SQLite format 3\0", 16)))
        return 0;
    auto be32 = [&header](int at) { return qFromBigEndian<quint32>(header.constData() + at); };
    if (be32(92) != be32(24))
        return 0;
    const quint16 pageField = qFromBigEndian<quint16>(header.constData() + 16);
    const qint64 pageSize = pageField == 1 ? 65536 : pageField;
    return pageSize >= 512 ? qint64(be32(28)) * pageSize : 0;
}

Status Database::checkExistingFile(const QString &path, OpenMode mode) const
{
    QFileInfo info(path);
    if (info.isDir())
        return Status::error(tr("%1 is a folder, not an IPDesk desk.").arg(path));
    if (info.size() == 0)
        return Status();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Status::error(tr("%1 cannot be read: %2").arg(path, f.errorString()));
    const QByteArray header = f.read(100);
    if (!header.startsWith(QByteArray("SQLite format 3\0", 16)))
        return Status::error(tr("%1 is not an IPDesk desk (it is not a database file). The file was not changed.").arg(path));
    // The header's own count of pages (valid when its "version valid for" matches the change counter):
    // a file shorter than that was cut short.
    if (mode == OpenMode::ReadOnly)
        return Status(); // a copy, read as far as it can be read
    // A checkpoint writes the first page (with the new count) before the pages that lengthen the
    // file; a program killed in between leaves a short file whose journal (-wal) still holds them all,
    // and SQLite puts them back on opening.
    const qint64 declared = declaredFileSize(header);
    if (info.size() < declared && QFileInfo(path + QStringLiteral("-wal")).size() == 0)
        return Status::error(tr("%1 is damaged (the database check says: the file is %2 bytes shorter than its header records). "
                                "It was not opened and not changed; open the latest backup copy, or send the file to "
                                "your administrator to recover it.")
                                 .arg(path).arg(declared - info.size()),
                             Status::Code::Damaged);
    if (!info.isWritable() || !(info.permissions() & QFile::WriteOwner))
        return Status::error(tr("%1 is read-only. Make it writable or open a copy; the file was not changed.").arg(path));
    const QFileInfo folder(info.absolutePath());
    if (!folder.isWritable() || !(folder.permissions() & QFile::WriteOwner))
        return Status::error(tr("The folder %1 is read-only, and a desk keeps its journal files beside it. Copy the desk "
                                "to a folder you can write to; the file was not changed.").arg(info.absolutePath()));
    return Status();
}

namespace {
Status quickCheckOn(const QSqlDatabase &db)
{
    QSqlQuery check(db);
    const bool checked = check.exec(QStringLiteral("PRAGMA quick_check(1)")) && check.next();
    const QString verdict = checked ? check.value(0).toString() : check.lastError().text();
    return verdict == QLatin1String("ok") ? Status() : Status::error(verdict, Status::Code::Damaged);
}
} // namespace

Status Database::quickCheck()
{
    return m_dialect->quickCheck(*this);
}

Status Database::checkFile(const QString &path, const std::function<bool()> &cancelled)
{
    // A connection of its own, read-only, so that the check may run in another thread.
    const QString name = QStringLiteral("ipdesk-check-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    Status s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=3000"));
        if (!db.open()) {
            s = Status::error(tr("The desk %1 cannot be opened: %2").arg(path, db.lastError().text()));
        } else {
            const QVariant v = db.driver()->handle();
            ::sqlite3 *handle = v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0 ? *static_cast<::sqlite3 *const *>(v.constData())
                                                                                       : nullptr;
            if (handle && cancelled) {
                sqlite3_progress_handler(handle, 1000, [](void *f) {
                    return (*static_cast<const std::function<bool()> *>(f))() ? 1 : 0;
                }, const_cast<std::function<bool()> *>(&cancelled));
            }
            s = quickCheckOn(db);
            if (!s && cancelled && cancelled())
                s = Status::error(tr("The check was cancelled."));
            if (handle && cancelled)
                sqlite3_progress_handler(handle, 0, nullptr, nullptr);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return s;
}

Status Database::open(const QString &location, OpenMode mode)
{
    close();
    if (isServerAddress(location))
        return openServer(location, mode);

    const QFileInfo info(location);
    const bool exists = info.exists();
    if (!exists && mode != OpenMode::CreateIfMissing)
        return Status::error(tr("There is no desk at %1.").arg(location), Status::Code::NoDesk);
    const bool readOnly = mode == OpenMode::ReadOnly;
    // Opening writes only to a desk: an existing file that is not one stays as it is, even an empty one
    // (a new desk is made where there is no file, or by File → New Desk).
    if (exists && info.size() == 0)
        return Status::error(tr("%1 is empty (0 bytes), not an IPDesk desk; the file was not changed. "
                                "To start a desk, use File → New Desk.").arg(location));
    if (exists) {
        Status s = checkExistingFile(location, mode);
        if (!s)
            return s;
    } else if (!info.dir().exists() && !QDir().mkpath(info.absolutePath())) {
        return Status::error(tr("The folder %1 cannot be created.").arg(info.absolutePath()));
    } else if (!m_makingNew) {
        return createThenOpen(location, mode);
    }

    setBackend(Backend::SQLite);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(location);
    m_db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=3000")
                                    : QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return Status::error(tr("The desk %1 cannot be opened: %2").arg(location, why));
    }
    m_location = location;
    m_readOnly = readOnly;

    // Is it ours, and not newer than us? Read before writing anything.
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))) {
            Status s = errorFrom(q);
            close();
            // SQLITE_CORRUPT: the pages that describe the tables are damaged; nothing can be read.
            if (q.lastError().nativeErrorCode() == QLatin1String("11"))
                return Status::error(tr("%1 is damaged (the database check says: %2). It was not opened and not changed; "
                                        "open the latest backup copy, or send the file to your administrator to recover it.")
                                         .arg(location, q.lastError().databaseText()),
                                     Status::Code::Damaged);
            return s.message().isEmpty() ? Status::error(tr("%1 is not an IPDesk desk.").arg(location)) : s;
        }
        QStringList tables;
        while (q.next())
            tables << q.value(0).toString();
        if (tables.isEmpty() && (readOnly || exists)) {
            close();
            return Status::error(tr("%1 holds no desk; the file was not changed.").arg(location));
        }
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
            // A damaged desk (overwritten in part) is not written to: every page is read once and its
            // structure checked (quick_check leaves out only the index contents). It reads the whole
            // file, about 2.5 s for a million projects, so a large desk gets the header check alone
            // (checkExistingFile) and the full check from File > Check Desk.
            if (readOnly) {
                if (v < SchemaVersion) {
                    close();
                    return Status::error(tr("%1 is in an older desk format (%2), which is read only after an upgrade; "
                                            "a damaged desk cannot be upgraded. Open the latest backup copy.")
                                             .arg(location).arg(v));
                }
                return Status(); // no lock, no upgrade, no write: what can be read is read
            }
            const Status verdict = info.size() <= quickCheckLimit ? quickCheck() : Status();
            if (!verdict) {
                close();
                return Status::error(tr("%1 is damaged (the database check says: %2). It was not opened and not changed; "
                                        "open the latest backup copy, or send the file to your administrator to recover it.")
                                         .arg(location, verdict.message()),
                                     Status::Code::Damaged);
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
    if (s) {
        // Who the audit trail names on a personal desk: the account that has the file open.
        s = exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('session.user', ?)"
                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                 {systemUserName()});
    }
    if (!s) {
        close();
        return s;
    }
    return Status();
}

bool Database::isServerAddress(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

std::optional<ServerAddress> ServerAddress::parse(const QString &address)
{
    const QUrl url(address, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
        return std::nullopt;
    ServerAddress a;
    a.host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    a.port = url.port(5432);
    a.database = url.path(QUrl::FullyDecoded).mid(1);
    a.user = url.userName(QUrl::FullyDecoded);
    a.password = url.password(QUrl::FullyDecoded); // a password may hold @ : / and %
    const QUrlQuery query(url);
    a.sslMode = query.queryItemValue(QStringLiteral("sslmode"));
    if (a.database.isEmpty() || a.port <= 0)
        return std::nullopt;
    return a;
}

QString ServerAddress::toString(bool withPassword) const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    url.setUserName(user);
    if (withPassword && !password.isEmpty())
        url.setPassword(password);
    if (!sslMode.isEmpty())
        url.setQuery(QStringLiteral("sslmode=") + sslMode);
    return url.toString();
}

Status Database::openServer(const QString &location, OpenMode mode)
{
    const std::optional<ServerAddress> address = ServerAddress::parse(location);
    if (!address)
        return Status::error(tr("%1 is not a team database address. Write it as "
                                "postgresql://user@host:port/database.").arg(location));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Status::error(tr("This installation cannot reach team databases: Qt's PostgreSQL driver "
                                "(package libqt6sql6-psql) is missing."));
    setBackend(Backend::PostgreSQL);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_db.setHostName(address->host);
    m_db.setPort(address->port);
    m_db.setDatabaseName(address->database);
    m_db.setUserName(address->user);
    m_db.setPassword(address->password.isEmpty() ? m_password : address->password);
    // SUM() of BIGINT is NUMERIC on the server: read it exactly (as text that converts to qint64), not as double.
    m_db.setNumericalPrecisionPolicy(QSql::HighPrecision);
    m_db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=IPDesk;sslmode=%1")
                               .arg(address->sslMode.isEmpty() ? QStringLiteral("prefer") : address->sslMode));
    if (!m_db.open()) {
        const QSqlError e = m_db.lastError();
        close(); // still a team desk: what is said about it is said of a server
        const QString why = e.databaseText().isEmpty() ? e.text() : e.databaseText();
        if (why.contains(QLatin1String("password authentication failed")) || why.contains(QLatin1String("no password supplied")))
            return Status::error(tr("The team database at %1 refused the user name or password.")
                                     .arg(address->toString(false)), Status::Code::Denied);
        if (why.contains(QLatin1String("does not exist")))
            return Status::error(tr("There is no team database %1 on %2.").arg(address->database, address->host));
        return Status::error(tr("The team database at %1 cannot be reached: %2")
                                 .arg(address->toString(false), why.trimmed()), Status::Code::Offline);
    }
    m_location = address->toString(false);
    m_address = *address;
    if (m_address.password.isEmpty())
        m_address.password = m_password;

    // Is it ours, and not newer than us? Read before writing anything.
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"))) {
            Status s = errorFrom(q);
            close();
            return s;
        }
        QStringList tables;
        while (q.next())
            tables << q.value(0).toString();
        if (tables.isEmpty() && mode == OpenMode::ExistingOnly) {
            close();
            return Status::error(tr("The team database %1 has no desk in it yet.").arg(address->database),
                                 Status::Code::NoDesk);
        }
        if (!tables.isEmpty()) {
            QSqlQuery m(m_db);
            if (!tables.contains(QLatin1String("meta"))
                || !m.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'application'")) || !m.next()
                || m.value(0).toString() != applicationId) {
                close();
                return Status::error(tr("The database %1 belongs to another program, not IPDesk. Nothing was changed.")
                                         .arg(address->database));
            }
            const int v = schemaVersion();
            if (v > SchemaVersion) {
                close();
                return Status::error(tr("The team database %1 was set up by a newer IPDesk (desk format %2; this program "
                                        "reads up to %3). Update IPDesk to use it; nothing was changed.")
                                         .arg(address->database).arg(v).arg(SchemaVersion));
            }
        }
    }
    QSqlQuery u(m_db);
    u.exec(QStringLiteral("SET client_min_messages = warning"));
    if (u.exec(QStringLiteral("SELECT session_user")) && u.next())
        m_user = u.value(0).toString();
    const int version = schemaVersion();
    if (version > 0 && version < SchemaVersion) {
        // Upgrading changes tables, functions and policies: the administrator's task, once.
        QSqlQuery owner(m_db);
        const bool mayUpgrade = owner.exec(QStringLiteral("SELECT pg_get_userbyid(relowner) = session_user"
                                                          " OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)"
                                                          " FROM pg_class WHERE relname = 'meta'"))
            && owner.next() && owner.value(0).toBool();
        if (!mayUpgrade) {
            close(); // still a team desk: what is said about it is said of a server
            return Status::error(tr("The team database %1 is in desk format %2 and this IPDesk uses format %3. Ask its "
                                    "administrator to open it once with this IPDesk, which upgrades it; nothing was changed.")
                                     .arg(address->database).arg(version).arg(SchemaVersion));
        }
    }
    Status s = version < SchemaVersion ? migrate() : Status();
    if (!s) {
        close(); // still a team desk: what is said about it is said of a server
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
    return m_db.isOpen() ? m_dialect->sqliteHandle(*this) : nullptr;
}

QString Database::userName() const
{
    return m_dialect->userName(*this);
}

bool Database::canWrite(qint64 unitId)
{
    return !m_readOnly && m_dialect->canWrite(*this, unitId);
}

bool Database::isAdmin()
{
    return m_dialect->isAdmin(*this);
}

bool Database::ping()
{
    return m_db.isOpen() && m_dialect->ping(*this);
}

Status Database::reconnect()
{
    if (!isTeam())
        return Status(); // a file does not drop
    const ServerAddress address = m_address;
    m_password = address.password;
    m_kept.clear(); // prepared on the connection that is gone
    m_scratch.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_transactionDepth = 0;
    ServerAddress withoutPassword = address;
    withoutPassword.password.clear();
    return openServer(withoutPassword.toString(false), OpenMode::ExistingOnly);
}

QList<qint64> Database::reserveIds(const QString &table, int count, Status *status)
{
    return m_dialect->reserveIds(*this, table, count, status);
}

Status Database::continueIdsAfterMax(const QString &table)
{
    return m_dialect->continueIdsAfterMax(*this, table);
}

qint64 Database::dataVersion()
{
    return m_db.isOpen() ? m_dialect->dataVersion(*this) : -1;
}

QString Database::primaryKeyType() const
{
    return m_dialect->primaryKeyType();
}

bool Database::announcesChanges() const
{
    return m_dialect->announcesChanges();
}

QString Database::caseInsensitiveLike() const
{
    return m_dialect->caseInsensitiveLike();
}

Database::Backend Database::backend() const
{
    return m_dialect->backend();
}

void Database::setBackend(Backend backend)
{
    if (!m_dialect || m_dialect->backend() != backend)
        m_dialect = SqlDialect::make(backend);
}

QStringList Database::columnsOf(const QString &table)
{
    QStringList columns;
    const QSqlRecord r = m_db.record(table);
    for (int i = 0; i < r.count(); ++i)
        columns << r.fieldName(i);
    return columns;
}

namespace {
const QLatin1String auditHead("INSERT INTO audit_log (at, who, table_name, record_id, action, field, old_value, new_value) ");
const QLatin1String auditStamp("strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                               "COALESCE((SELECT value FROM meta WHERE key = 'session.user'), ''), ");
} // namespace

QString Database::auditInsertSelect(const QString &table, const QString &row, AuditValues values)
{
    // What the audit trail records of a new row: the whole record as JSON; a new stage date as a
    // change of its project. The insert trigger and the catch-up after a long import share it.
    // Values None: who added the row and when, without a copy of its values (see catchUpInsertAudit).
    if (table == QLatin1String("project_stages"))
        return QStringLiteral("SELECT %1'projects', %2.project_id, 'update', 'stage_date_' || %2.stage, NULL, %2.reached_on")
            .arg(auditStamp, row);
    if (values == AuditValues::None)
        return QStringLiteral("SELECT %1'%2', %3.id, 'insert', '', NULL, NULL").arg(auditStamp, table, row);
    QStringList pairs;
    for (const QString &c : columnsOf(table)) {
        if (c != QLatin1String("version"))
            pairs << QStringLiteral("'%1', %2.%1").arg(c, row);
    }
    return QStringLiteral("SELECT %1'%2', %3.id, 'insert', '', NULL, json_object(%4)")
        .arg(auditStamp, table, row, pairs.join(QLatin1String(", ")));
}

QStringList Database::auditTriggersSqlite()
{
    // One trigger per table and action. An update writes one audit row per column that changed.
    QStringList out;
    const QString head = auditHead;
    const QString stamp = auditStamp;
    QStringList tables;
    for (const char *t : auditedTables)
        tables << QLatin1String(t);
    for (const char *t : workflowTables) {
        if (!columnsOf(QLatin1String(t)).isEmpty()) // step 8 makes them, with their triggers
            tables << QLatin1String(t);
    }
    for (const QString &table : std::as_const(tables)) {
        out << QStringLiteral("CREATE TRIGGER IF NOT EXISTS audit_%1_insert AFTER INSERT ON %1 BEGIN %2%3; END")
                   .arg(table, head, auditInsertSelect(table, QStringLiteral("NEW")));
        if (table == QLatin1String("project_stages")) {
            const QString field = QStringLiteral("'stage_date_' || %1.stage");
            out << QStringLiteral("CREATE TRIGGER IF NOT EXISTS audit_%1_delete AFTER DELETE ON %1 BEGIN %2 VALUES (%3"
                                  "'projects', OLD.project_id, 'update', %4, OLD.reached_on, NULL); END")
                       .arg(table, head, stamp, field.arg(QLatin1String("OLD")));
            out << QStringLiteral("CREATE TRIGGER IF NOT EXISTS audit_%1_update AFTER UPDATE ON %1"
                                  " WHEN OLD.reached_on IS NOT NEW.reached_on BEGIN %2 VALUES (%3"
                                  "'projects', NEW.project_id, 'update', %4, OLD.reached_on, NEW.reached_on); END")
                       .arg(table, head, stamp, field.arg(QLatin1String("NEW")));
            continue;
        }
        QStringList columns = columnsOf(table);
        columns.removeAll(QStringLiteral("version"));
        QStringList oldPairs, updates;
        for (const QString &c : std::as_const(columns)) {
            oldPairs << QStringLiteral("'%1', OLD.%1").arg(c);
            updates << QStringLiteral("%1 SELECT %2'%3', NEW.id, 'update', '%4', OLD.%4, NEW.%4 WHERE OLD.%4 IS NOT NEW.%4;")
                           .arg(head, stamp, table, c);
        }
        out << QStringLiteral("CREATE TRIGGER IF NOT EXISTS audit_%1_delete AFTER DELETE ON %1 BEGIN %2 VALUES (%3"
                              "'%1', OLD.id, 'delete', '', json_object(%4), NULL); END")
                   .arg(table, head, stamp, oldPairs.join(QLatin1String(", ")));
        out << QStringLiteral("CREATE TRIGGER IF NOT EXISTS audit_%1_update AFTER UPDATE ON %1 BEGIN %2 END")
                   .arg(table, updates.join(QLatin1Char(' ')));
    }
    return out;
}

Status Database::suspendInsertAudit()
{
    return m_dialect->suspendInsertAudit(*this);
}

Status Database::catchUpInsertAudit()
{
    return m_dialect->catchUpInsertAudit(*this);
}

Status Database::suspendIndexes(const QStringList &keep)
{
    return m_dialect->suspendIndexes(*this, keep);
}

Status Database::rebuildIndexes()
{
    return m_dialect->rebuildIndexes(*this);
}

QStringList Database::teamStatements()
{
    QStringList out;
    for (const char *const *stmt = schemaStep5Pg; *stmt; ++stmt)
        out << QString::fromLatin1(*stmt);
    for (const char *t : auditedTables)
        out << auditAndNotifyPg(t);
    for (const auto &table : rowSecurityTables)
        out << rowSecurityOf(table[0], table[1]);
    return out;
}

Status Database::execAll(const QStringList &statements)
{
    for (const QString &sql : statements) {
        const Status s = exec(sql);
        if (!s)
            return s;
    }
    return Status();
}

Status Database::suspendStageSums()
{
    return m_dialect->suspendStageSums(*this);
}

Status Database::rebuildStageSums()
{
    return m_dialect->rebuildStageSums(*this);
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
    const int from = schemaVersion();
    for (int v = from; v < steps; ++v) {
        Transaction t(*this);
        QStringList statements = m_dialect->schemaStep(*this, v, from);
        // A desk marked older than it is (its tables from a later run) already has the new column.
        if (v + 1 == countedAmountVersion && m_db.record(QStringLiteral("projects")).contains(QStringLiteral("added_investment")))
            statements.removeOne(QString::fromLatin1(schemaStep7[0]));
        Status s = execAll(statements);
        if (!s)
            return s;
        // The audit of the tables step 8 made, on a desk file (their columns are known only now).
        if (s && v + 1 == 8 && backend() == Backend::SQLite)
            s = execAll(auditTriggersSqlite());
        if (!s)
            return s;
        if (v + 1 == countedAmountVersion) {
            s = m_dialect->recountAmounts(*this, v + 1);
            if (!s)
                return s;
        }
        s = exec(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'schema_version'"), {QString::number(v + 1)});
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
            q.addBindValue(QStringLiteral("")); // text columns are NOT NULL
        else if (v.userType() == QMetaType::Bool)
            q.addBindValue(v.toBool() ? 1 : 0); // flags are integers on both backends
        else
            q.addBindValue(v);
    }
}

QSqlQuery Database::run(const QString &sql, const QVariantList &values, Status *status)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    if (ok) {
        bindAll(q, values);
        ok = q.exec();
    }
    if (status) {
        *status = ok ? Status() : errorFrom(q);
        // A dead connection may fail without a word from the driver: ask before calling it an error.
        if (!ok && status->code() == Status::Code::Failed && !ping())
            *status = Status::error(tr("The connection to the team database was lost; the change was not saved."),
                                    Status::Code::Offline);
    }
    return q;
}

QSqlQuery &Database::runKept(const QString &sql, const QVariantList &values, Status *status)
{
    if (!m_dialect->keepsStatements()) {
        // SQLite prepares in microseconds; a fresh statement leaves nothing open between calls.
        m_scratch = std::make_unique<QSqlQuery>(run(sql, values, status));
        return *m_scratch;
    }
    std::shared_ptr<QSqlQuery> &kept = m_kept[sql];
    if (!kept) {
        if (m_kept.size() > 64) { // filters make many shapes of the page query: keep the recent ones
            m_kept.clear();
            return runKept(sql, values, status);
        }
        kept = std::make_shared<QSqlQuery>(m_db);
        kept->setForwardOnly(true);
        if (!kept->prepare(sql)) {
            *status = errorFrom(*kept);
            m_scratch = std::make_unique<QSqlQuery>(std::move(*kept));
            m_kept.remove(sql);
            return *m_scratch;
        }
    }
    QSqlQuery &q = *kept;
    q.finish();
    bindAll(q, values);
    *status = q.exec() ? Status() : errorFrom(q);
    // A dead connection may fail without a word from the driver: ask before calling it an error.
    if (!status->ok() && status->code() == Status::Code::Failed && !ping())
        *status = Status::error(tr("The connection to the team database was lost; the change was not saved."),
                                Status::Code::Offline);
    return q;
}

Status Database::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    if (values.isEmpty()) {
        // Not prepared: PostgreSQL prepares no DDL (CREATE ..., DO ...).
        if (!q.exec(sql))
            return errorFrom(q);
        return Status();
    }
    if (!q.prepare(sql))
        return errorFrom(q);
    bindAll(q, values);
    if (!q.exec())
        return errorFrom(q);
    return Status();
}

qint64 Database::insert(const QString &sql, const QVariantList &values, Status *status)
{
    QSqlQuery r = run(sql + QLatin1String(" RETURNING id"), values, status);
    if (!status->ok())
        return 0;
    if (!r.next()) {
        *status = errorFrom(r);
        return 0;
    }
    const qint64 id = r.value(0).toLongLong();
    r.finish(); // SQLite: the statement ends here, not when the query is destroyed
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

Status Database::suspendAudit()
{
    return m_dialect->suspendAudit(*this);
}

Status Database::resumeAudit()
{
    return m_dialect->resumeAudit(*this);
}

Status Database::saveCopy(const QString &path)
{
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return Status::error(tr("%1 exists and cannot be replaced.").arg(path));
    return m_dialect->saveCopy(*this, path);
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

// ---- The two dialects ------------------------------------------------------------------------

class SqliteDialect final : public SqlDialect
{
public:
    Database::Backend backend() const override { return Database::Backend::SQLite; }
    QString primaryKeyType() const override { return QStringLiteral("INTEGER PRIMARY KEY"); }
    QString caseInsensitiveLike() const override { return QStringLiteral("LIKE"); }

    QStringList schemaStep(Database &db, int v, int /*from*/) const override
    {
        QStringList statements = stepStatements(schemaSteps[v], v + 1, primaryKeyType());
        if (v == 4)
            statements << db.auditTriggersSqlite(); // the server's audit is in its team statements
        if (v == 7) {
            for (const char *const *stmt = schemaStep8Sqlite; *stmt; ++stmt)
                statements << QString::fromLatin1(*stmt);
        }
        if (v + 1 == standingSumsVersion)
            statements << stepStatements(schemaStep4, v + 1, primaryKeyType());
        return statements;
    }

    Status recountAmounts(Database &db, int version) const override
    {
        // The sums again with the new amount, and the audit of projects with its new column (the
        // audit triggers of the other tables are left as they are).
        Status s = suspendStageSums(db);
        if (!s)
            return s;
        QStringList statements = stepStatements(schemaStep4, version, primaryKeyType());
        for (const char *action : {"insert", "update", "delete"})
            statements << QStringLiteral("DROP TRIGGER IF EXISTS audit_projects_%1").arg(QLatin1String(action));
        statements << db.auditTriggersSqlite();
        return db.execAll(statements);
    }

    Status quickCheck(Database &db) const override { return quickCheckOn(db.m_db); }

    QString userName(const Database &) const override { return systemUserName(); }
    bool canWrite(Database &, qint64) const override { return true; }
    bool isAdmin(Database &) const override { return true; }
    bool ping(Database &) const override { return true; }
    bool keepsStatements() const override { return false; }

    QList<qint64> reserveIds(Database &, const QString &, int, Status *status) const override
    {
        *status = Status::error(Database::tr("Ids are reserved in advance only on a team database."));
        return {};
    }
    Status continueIdsAfterMax(Database &, const QString &) const override
    {
        return Status(); // an INTEGER PRIMARY KEY continues after the highest by itself
    }
    bool announcesChanges() const override { return false; }
    qint64 dataVersion(Database &db) const override
    {
        QSqlQuery q(db.m_db);
        return q.exec(QStringLiteral("PRAGMA data_version")) && q.next() ? q.value(0).toLongLong() : -1;
    }
    ::sqlite3 *sqliteHandle(const Database &db) const override
    {
        const QVariant v = db.m_db.driver()->handle();
        if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
            return nullptr;
        return *static_cast<::sqlite3 *const *>(v.constData());
    }

    Status suspendStageSums(Database &db) const override
    {
        QStringList drops;
        for (const char *trigger : {"stage_sums_add", "stage_sums_remove", "stage_sums_move", "stage_sums_project",
                                    "shares_stage_insert", "shares_stage_delete", "shares_stage_update", "shares_project_insert",
                                    "shares_project_delete", "shares_project_update_before", "shares_project_update"})
            drops << QLatin1String("DROP TRIGGER IF EXISTS ") + QLatin1String(trigger);
        return db.execAll(drops);
    }
    Status rebuildStageSums(Database &db) const override
    {
        // Schema step 4 creates the table if needed, refills it and puts the triggers back.
        return db.execAll(stepStatements(schemaStep4, latestSchemaVersion, primaryKeyType()));
    }
    Status suspendAudit(Database &db) const override
    {
        QStringList drops;
        QList<const char *> tables(std::cbegin(auditedTables), std::cend(auditedTables));
        tables << QList<const char *>(std::cbegin(workflowTables), std::cend(workflowTables));
        for (const char *t : std::as_const(tables)) {
            for (const char *action : {"insert", "update", "delete"})
                drops << QStringLiteral("DROP TRIGGER IF EXISTS audit_%1_%2").arg(QLatin1String(t), QLatin1String(action));
        }
        return db.execAll(drops);
    }
    Status resumeAudit(Database &db) const override { return db.execAll(db.auditTriggersSqlite()); }

    Status suspendInsertAudit(Database &db) override
    {
        // (After a rolled-back import the dropped triggers are back; asking again is right.)
        QSqlQuery q(db.m_db);
        if (!q.exec(QStringLiteral("SELECT (SELECT COALESCE(MAX(rowid), 0) FROM projects),"
                                   " (SELECT COALESCE(MAX(rowid), 0) FROM project_stages)")) || !q.next())
            return Database::errorFrom(q);
        m_auditFrom = {q.value(0).toLongLong(), q.value(1).toLongLong()};
        q.finish();
        const Status s = db.execAll({QStringLiteral("DROP TRIGGER IF EXISTS audit_projects_insert"),
                                     QStringLiteral("DROP TRIGGER IF EXISTS audit_project_stages_insert")});
        m_insertAuditSuspended = s.ok();
        return s;
    }
    Status catchUpInsertAudit(Database &db) override
    {
        if (!m_insertAuditSuspended)
            return Status();
        m_insertAuditSuspended = false;
        // One statement a table for every row added meanwhile, in the order they were added. A new
        // project is recorded with who added it and when, but not with a second copy of its values, as
        // a single insert is: the row holds them, and every later change to it is recorded with the
        // value it replaced, so what the import wrote can still be told. The copy made a desk of 1,000,000
        // imported projects 820 MB instead of 460, and took 1.8 s of the import's 3.6 s here (bench_table).
        const QString tables[] = {QStringLiteral("projects"), QStringLiteral("project_stages")};
        const qint64 from[] = {m_auditFrom.first, m_auditFrom.second};
        for (int i = 0; i < 2; ++i) {
            const Status s = db.exec(QString(auditHead) + db.auditInsertSelect(tables[i], QStringLiteral("n"), Database::AuditValues::None)
                                         + QStringLiteral(" FROM %1 n WHERE n.rowid > ? ORDER BY n.rowid").arg(tables[i]),
                                     {from[i]});
            if (!s)
                return s;
        }
        return resumeAudit(db); // CREATE TRIGGER IF NOT EXISTS: puts back the two that were dropped
    }

    Status suspendIndexes(Database &db, const QStringList &keep) override
    {
        // Each index exactly as the schema made it, to be made again by the same statement.
        QSqlQuery q(db.m_db);
        if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                                   " AND tbl_name IN ('projects', 'project_stages', 'audit_log')")))
            return Database::errorFrom(q);
        QStringList drops;
        QStringList creates;
        while (q.next()) {
            if (keep.contains(q.value(0).toString()))
                continue;
            drops << QStringLiteral("DROP INDEX \"%1\"").arg(q.value(0).toString());
            // (SQLite keeps the statement without its IF NOT EXISTS.)
            QString create = q.value(1).toString();
            static const QRegularExpression head(QStringLiteral("^CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS)"));
            create.replace(head, QStringLiteral("CREATE \\1INDEX IF NOT EXISTS "));
            creates << create;
        }
        q.finish();
        const Status s = db.execAll(drops);
        if (s)
            m_droppedIndexes = creates; // (a rolled-back import's list goes: the rollback brought its indexes back)
        return s;
    }
    Status rebuildIndexes(Database &db) override
    {
        const QStringList creates = std::exchange(m_droppedIndexes, {});
        return db.execAll(creates);
    }

    Status saveCopy(Database &db, const QString &path) const override
    {
        return db.exec(QStringLiteral("VACUUM INTO ?"), {path});
    }

private:
    QStringList m_droppedIndexes; ///< the CREATE INDEX statements of the indexes suspendIndexes() dropped
    bool m_insertAuditSuspended = false;
    QPair<qint64, qint64> m_auditFrom; ///< the last rowid of projects and project_stages before the import
};

class PostgresDialect final : public SqlDialect
{
public:
    Database::Backend backend() const override { return Database::Backend::PostgreSQL; }
    QString primaryKeyType() const override { return QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"); }
    QString caseInsensitiveLike() const override { return QStringLiteral("ILIKE"); }

    QStringList schemaStep(Database &db, int v, int from) const override
    {
        QStringList statements;
        if (v == 0) {
            // Dates are DATE on the server and ISO text in SQLite; substr() reads both the same way.
            statements << QStringLiteral("CREATE OR REPLACE FUNCTION substr(d date, start integer, len integer) RETURNS text"
                                         " LANGUAGE sql IMMUTABLE AS $$ SELECT substr(to_char(d, 'YYYY-MM-DD'), start, len) $$");
        }
        statements << stepStatements(v == 3 ? schemaStep4Pg : schemaSteps[v], v + 1, primaryKeyType());
        if (v == 4)
            statements << db.teamStatements();
        if (v == 7) {
            for (const char *const *stmt = schemaStep8Pg; *stmt; ++stmt)
                statements << QString::fromLatin1(*stmt);
            for (const char *t : workflowTables)
                statements << auditAndNotifyPg(t);
            // Follow-up tasks are written as projects are: by the officers of the unit and above it.
            statements << rowSecurityOf("follow_up_tasks", "unit_id")
                       << rowSecurityOf("task_replies", "(SELECT t.unit_id FROM follow_up_tasks t WHERE t.id = task_id)");
        }
        if (v + 1 == standingSumsVersion) // and the accounts may read the new sums
            statements << stepStatements(schemaStep4Pg, v + 1, primaryKeyType()) << db.teamStatements();
        if (v == 5 && from >= 5) {
            // A desk made before step 6 gets the server's functions again, now unable to read temporary
            // tables in place of the desk's own, with the sums' catch-up, the guarded change notices and
            // the documents' policies (a new desk got them from steps 4 and 5 in this same run).
            statements << stepStatements(schemaStep4Pg, v + 1, primaryKeyType());
            statements << db.teamStatements();
        }
        return statements;
    }

    Status recountAmounts(Database &db, int version) const override
    {
        return db.execAll(stepStatements(schemaStep4Pg, version, primaryKeyType()));
    }

    Status quickCheck(Database &) const override { return Status(); } // the server keeps its own pages
    QString userName(const Database &db) const override { return db.m_user; }
    bool canWrite(Database &db, qint64 unitId) const override
    {
        QSqlQuery q = db.query(QStringLiteral("SELECT ipdesk_can_write(?)"));
        q.addBindValue(unitId);
        return q.exec() && q.next() && q.value(0).toBool();
    }
    bool isAdmin(Database &db) const override
    {
        QSqlQuery q = db.query(QStringLiteral("SELECT ipdesk_is_admin()"));
        return q.exec() && q.next() && q.value(0).toBool();
    }
    bool ping(Database &db) const override
    {
        QSqlQuery q(db.m_db);
        return q.exec(QStringLiteral("SELECT 1")) && q.next();
    }
    bool keepsStatements() const override { return true; }

    QList<qint64> reserveIds(Database &db, const QString &table, int count, Status *status) const override
    {
        QList<qint64> ids;
        QSqlQuery q = db.run(QStringLiteral("SELECT nextval(pg_get_serial_sequence('%1', 'id')) FROM generate_series(1, %2)")
                                 .arg(table).arg(count),
                             {}, status);
        while (status->ok() && q.next())
            ids << q.value(0).toLongLong();
        return ids;
    }
    Status continueIdsAfterMax(Database &db, const QString &table) const override
    {
        return db.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM %1")
                           .arg(table));
    }
    bool announcesChanges() const override { return true; }
    qint64 dataVersion(Database &) const override { return -1; } // the server announces changes instead
    ::sqlite3 *sqliteHandle(const Database &) const override { return nullptr; }

    Status suspendStageSums(Database &db) const override
    {
        return db.exec(QStringLiteral("SELECT set_config('ipdesk.stage_sums', 'off', true)"));
    }
    Status rebuildStageSums(Database &db) const override
    {
        return db.exec(QStringLiteral("SELECT ipdesk_rebuild_stage_sums()"));
    }
    Status suspendAudit(Database &db) const override
    {
        return db.exec(QStringLiteral("SELECT set_config('ipdesk.copying', 'on', true)"));
    }
    Status resumeAudit(Database &db) const override
    {
        return db.exec(QStringLiteral("SELECT set_config('ipdesk.copying', 'off', true)"));
    }
    // The server keeps its triggers: there the audit is never suspended for an officer.
    Status suspendInsertAudit(Database &) override { return Status(); }
    Status catchUpInsertAudit(Database &) override { return Status(); }
    Status suspendIndexes(Database &, const QStringList &) override { return Status(); }
    Status rebuildIndexes(Database &) override { return Status(); }

    Status saveCopy(Database &db, const QString &path) const override
    {
        // An offline copy of the team desk: a personal desk file with the same records.
        Database copy;
        Status s = copy.open(path);
        if (s)
            s = copyDesk(db, copy);
        copy.close();
        if (!s)
            QFile::remove(path);
        return s;
    }
};

std::unique_ptr<SqlDialect> SqlDialect::make(Database::Backend backend)
{
    if (backend == Database::Backend::PostgreSQL)
        return std::make_unique<PostgresDialect>();
    return std::make_unique<SqliteDialect>();
}

} // namespace IPDesk
