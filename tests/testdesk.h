#pragma once
// Shared by the tests: a fresh desk in a temporary folder, optionally with the demo data.

#include "desk/demodata.h"
#include "desk/desk.h"
#include "desk/projectstore.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

/// The storage suites run twice under CTest: on SQLite files, and (the *_pg tests) against the
/// throwaway PostgreSQL server that the pg_server fixture starts (packaging/pg-throwaway.sh).
inline bool testOnServer()
{
    return qgetenv("IPDESK_TEST_BACKEND") == "postgresql";
}

/// The throwaway server's superuser address, ending in /postgres.
inline QString testServerAddress()
{
    QString address = qEnvironmentVariable("IPDESK_TEST_PG");
    if (address.isEmpty()) {
        QFile f(QStringLiteral(IPDESK_TEST_PG_URL_FILE));
        if (f.open(QIODevice::ReadOnly))
            address = QString::fromUtf8(f.readAll()).trimmed();
    }
    if (address.isEmpty())
        qFatal("No test server: run the tests through CTest (its pg_server fixture starts one) or set IPDESK_TEST_PG");
    return address;
}

/// A fresh, empty database on the test server, dropped again at the end.
struct TestServerDatabase
{
    QString name;
    QString address;
    TestServerDatabase()
    {
        static QAtomicInt counter;
        name = QStringLiteral("ipdesk_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
        const QString admin = testServerAddress();
        address = admin.left(admin.lastIndexOf(QLatin1Char('/')) + 1) + name;
        run(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
        run(QStringLiteral("CREATE DATABASE %1").arg(name));
    }
    ~TestServerDatabase() { run(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)); }
    /// Runs one statement as the server's superuser, on the maintenance database.
    static void run(const QString &sql)
    {
        const QString connection = QStringLiteral("test-admin");
        {
            const auto a = IPDesk::ServerAddress::parse(testServerAddress());
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(a->host);
            db.setPort(a->port);
            db.setDatabaseName(a->database);
            db.setUserName(a->user);
            db.setPassword(a->password);
            if (!db.open())
                qFatal("cannot reach the test server: %s", qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            q.exec(QStringLiteral("SET client_min_messages = warning"));
            if (!q.exec(sql))
                qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(connection);
    }
};

/// A desk as the program opens it (IPDesk::Desk), in a temporary folder or on the test server.
struct TestDesk
{
    QTemporaryDir dir;
    std::unique_ptr<TestServerDatabase> server;
    IPDesk::Desk desk;
    IPDesk::Database &db = *desk.database();   ///< for tests that look at the stored rows
    IPDesk::ProjectStore *store = nullptr;

    explicit TestDesk(bool demo = true)
    {
        if (testOnServer())
            server = std::make_unique<TestServerDatabase>();
        const IPDesk::Status s = desk.open(location());
        if (!s)
            qFatal("cannot open test desk: %s", qPrintable(s.message()));
        store = desk.projects();
        if (demo) {
            const IPDesk::Status d = IPDesk::DemoData::loadBuiltIn(&desk);
            if (!d)
                qFatal("cannot load demo: %s", qPrintable(d.message()));
        }
    }
    /// Closes the desk (a test that opens the same desk in the window).
    void close()
    {
        store = nullptr;
        desk.close();
    }
    /// The desk's file, or its postgresql:// address (with the password) on the server.
    QString location() const { return server ? server->address : path(); }
    QString path() const { return dir.filePath(QStringLiteral("test.ipdesk")); }
    qint64 unit(const char16_t *name) const { return store->unitByName(QString::fromUtf16(name)); }
};

/// The monthly stage sums kept by triggers, and the same sums counted afresh from the stage dates.
inline QPair<QStringList, QStringList> stageSumsAndRaw(IPDesk::Database &db)
{
    auto rows = [&db](const QString &sql) {
        QStringList out;
        QSqlQuery q(db.connection());
        q.exec(sql);
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < 11; ++i)
                row << q.value(i).toString();
            out << row.join(u',');
        }
        return out;
    };
    return {rows(QStringLiteral("SELECT unit_id, stage, month, n, amount, planned, capital_increase, large, funds, output, tax"
                                " FROM stage_sums WHERE n <> 0 ORDER BY 1, 2, 3")),
            rows(QStringLiteral("SELECT p.unit_id, s.stage, substr(s.reached_on, 1, 7), COUNT(*),"
                                " SUM(CASE WHEN p.project_type = 1 AND p.added_investment > 0 THEN p.added_investment WHEN p.signed_investment > 0 THEN p.signed_investment"
                                " ELSE p.planned_investment END),"
                                " SUM(p.planned_investment), SUM(CASE WHEN p.project_type = 1 THEN 1 ELSE 0 END),"
                                " SUM(CASE WHEN (CASE WHEN p.project_type = 1 AND p.added_investment > 0 THEN p.added_investment WHEN p.signed_investment > 0"
                                " THEN p.signed_investment ELSE p.planned_investment END)"
                                " >= 1000000000 THEN 1 ELSE 0 END), SUM(p.funds_in_place), SUM(p.expected_output), SUM(p.expected_tax)"
                                " FROM project_stages s JOIN projects p ON p.id = s.project_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"))};
}
