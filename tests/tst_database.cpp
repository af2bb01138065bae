#include "testdesk.h"

#include "desk/factstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace IPDesk;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Writes an SQLite file through a separate raw connection.
void rawSql(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}
qint64 demoProjectCount()
{
    QFile f(QStringLiteral(":/demo/demo.json"));
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("projects")).toArray().size();
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void createsAndReopens()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.ipdesk"));
        qint64 id = 0;
        {
            Database db;
            QVERIFY(db.open(path));
            QCOMPARE(db.schemaVersion(), Database::SchemaVersion);
            ProjectStore store(&db);
            Status s;
            const qint64 unit = store.addUnit(Unit{0, 0, QStringLiteral("惠济区"), UnitKind::District}, &s);
            QVERIFY2(s, qPrintable(s.message()));
            Project p;
            p.name = QStringLiteral("中科星联项目");
            p.unitId = unit;
            p.stage = Stage::Signed;
            p.plannedInvestment = 3000000000LL;
            p.stageDates.insert(Stage::Negotiating, QDate(2022, 12, 1));
            p.stageDates.insert(Stage::Signed, QDate(2023, 3, 1));
            QVERIFY(store.insertProject(p));
            id = p.id;
        }
        Database db;
        QVERIFY(db.open(path, Database::OpenMode::ExistingOnly));
        ProjectStore store(&db);
        const auto p = store.project(id);
        QVERIFY(p);
        QCOMPARE(p->name, QStringLiteral("中科星联项目"));
        QCOMPARE(p->stage, Stage::Signed);
        QCOMPARE(p->plannedInvestment, 3000000000LL);
        QCOMPARE(p->stageDates.value(Stage::Signed), QDate(2023, 3, 1));
        QCOMPARE(p->stageDates.size(), 2);
        QCOMPARE(store.unitName(p->unitId), QStringLiteral("惠济区"));
        // Foreign keys are enforced: a unit with projects cannot go.
        QVERIFY(!db.exec(QStringLiteral("DELETE FROM units WHERE id = ?"), {p->unitId}));
    }

    void makesANewDeskWhereThereIsNoFile()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.ipdesk"));
        Database db;
        QVERIFY(db.open(path));
        QCOMPARE(db.schemaVersion(), Database::SchemaVersion);
        // Re-running the upgrade on an open desk changes nothing.
        db.close();
        QVERIFY(db.open(path, Database::OpenMode::ExistingOnly));
        QCOMPARE(db.schemaVersion(), Database::SchemaVersion);
    }

    void upgradesAnOlderDesk()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        // A desk written before the activity log (format 1) is brought up to date on opening.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.ipdesk"));
        {
            Database db;
            QVERIFY(db.open(path));
        }
        rawSql(path, {QStringLiteral("DROP TABLE activity_projects"), QStringLiteral("DROP TABLE activities"),
                      QStringLiteral("UPDATE meta SET value = '1' WHERE key = 'schema_version'")});
        Database db;
        QVERIFY(db.open(path));
        QCOMPARE(db.schemaVersion(), Database::SchemaVersion);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM activities")));
    }

    void anUpgradeKeepsTheFigures()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        // A desk of format 6 had no 新增投资: its capital increases counted with their whole amount,
        // and go on doing so after the upgrade until an increase is written.
        TestDesk desk;
        const QString path = desk.path();
        QVERIFY(desk.db.exec(QStringLiteral("UPDATE projects SET added_investment = 0")));
        const QStringList before = stageSumsAndRaw(desk.db).first;
        QVERIFY(!before.isEmpty());
        desk.close();
        rawSql(path, {QStringLiteral("DROP TRIGGER stage_sums_project"), QStringLiteral("DROP TRIGGER stage_sums_add"),
                      QStringLiteral("DROP TRIGGER stage_sums_remove"), QStringLiteral("DROP TRIGGER stage_sums_move"),
                      // what schema step 9 made
                      QStringLiteral("DROP TRIGGER shares_stage_insert"), QStringLiteral("DROP TRIGGER shares_stage_delete"),
                      QStringLiteral("DROP TRIGGER shares_stage_update"), QStringLiteral("DROP TRIGGER shares_project_insert"),
                      QStringLiteral("DROP TRIGGER shares_project_delete"), QStringLiteral("DROP TRIGGER shares_project_update_before"),
                      QStringLiteral("DROP TRIGGER shares_project_update"), QStringLiteral("DROP TABLE standing_sums"),
                      QStringLiteral("DROP TABLE industry_sums"), QStringLiteral("DROP TABLE project_standing"),
                      QStringLiteral("DROP TRIGGER audit_projects_insert"),
                      QStringLiteral("DROP TRIGGER audit_projects_update"), QStringLiteral("DROP TRIGGER audit_projects_delete"),
                      QStringLiteral("DROP INDEX projects_unit_stage"), QStringLiteral("DROP INDEX projects_stage"),
                      QStringLiteral("ALTER TABLE projects DROP COLUMN added_investment"),
                      QStringLiteral("UPDATE meta SET value = '6' WHERE key = 'schema_version'")});
        Database db;
        const Status s = db.open(path);
        QVERIFY2(s, qPrintable(s.message()));
        QCOMPARE(db.schemaVersion(), Database::SchemaVersion);
        auto both = stageSumsAndRaw(db);
        QCOMPARE(both.first, before);
        QCOMPARE(both.second, before);
        // The sums and the audit trail follow the new column.
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM projects WHERE project_type = 1 AND stage >= 2 LIMIT 1")));
        QVERIFY(q.next());
        const qint64 id = q.value(0).toLongLong();
        ProjectStore store(&db);
        auto p = store.project(id);
        QVERIFY(p);
        p->addedInvestment = 12345600LL;
        QVERIFY(store.updateProject(*p));
        both = stageSumsAndRaw(db);
        QCOMPARE(both.first, both.second);
        QVERIFY(both.first != before);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE table_name = 'projects' AND record_id = %1"
                                      " AND field = 'added_investment' AND new_value = '12345600'").arg(id)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void monthlySumsFollowEveryEdit()
    {
        // Progress reads monthly sums kept by the database; every edit must keep them equal to the stage dates.
        TestDesk desk(false);
        Database &db = desk.db;
        ProjectStore store(&db);
        Status s;
        const qint64 a = store.addUnit(Unit{0, 0, QStringLiteral("甲区"), UnitKind::District}, &s);
        const qint64 b = store.addUnit(Unit{0, 0, QStringLiteral("乙区"), UnitKind::District}, &s);
        QVERIFY2(s, qPrintable(s.message()));
        QList<qint64> ids;
        for (int i = 0; i < 6; ++i) {
            Project p;
            p.name = QStringLiteral("项目%1").arg(i);
            p.unitId = i % 2 ? a : b;
            p.stage = Stage::Signed;
            p.plannedInvestment = 300000000LL * (i + 1);
            p.type = i == 3 ? ProjectType::CapitalIncrease : ProjectType::New;
            p.stageDates.insert(Stage::Negotiating, QDate(2024, 1 + i, 10));
            p.stageDates.insert(Stage::Signed, QDate(2024, 2 + i, 20));
            QVERIFY(store.insertProject(p));
            ids << p.id;
        }
        auto both = stageSumsAndRaw(db);
        QCOMPARE(both.first.size(), 12);
        QCOMPARE(both.first, both.second);

        auto p = store.project(ids.at(0));
        QVERIFY(p);
        p->signedInvestment = 1200000000LL; // now a large project
        p->unitId = a;
        p->stageDates.insert(Stage::Signed, QDate(2024, 9, 1));
        p->stageDates.insert(Stage::Started, QDate(2024, 10, 1));
        p->stage = Stage::Started;
        QVERIFY(store.updateProject(*p));
        both = stageSumsAndRaw(db);
        QCOMPARE(both.first, both.second);

        // A capital increase's increase, once written, is what it counts with.
        auto increase = store.project(ids.at(3));
        QVERIFY(increase);
        increase->addedInvestment = 100000000LL;
        QVERIFY(store.updateProject(*increase));
        both = stageSumsAndRaw(db);
        QCOMPARE(both.first, both.second);
        QVERIFY(both.first.join(u';').contains(QLatin1String(",100000000,1200000000,1,"))); // amount 1亿, planned 12亿

        QVERIFY(store.deleteProjects({ids.at(1), ids.at(2)}));
        both = stageSumsAndRaw(db);
        QCOMPARE(both.first, both.second);
        QVERIFY(!both.first.isEmpty());
    }

    void refusesWhatIsNotADesk_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text file") << QByteArray("项目名称,投资额\n中科星联,30\n");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    }
    void refusesWhatIsNotADesk()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.ipdesk"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const QByteArray before = fileHash(path);
        Database db;
        const Status s = db.open(path);
        QVERIFY(!s);
        QVERIFY(s.message().contains(QLatin1String("not an IPDesk desk")));
        QVERIFY(!db.isOpen());
        QCOMPARE(fileHash(path), before);
    }

    void anEmptyFileIsNeverMadeADesk_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("create if missing") << int(Database::OpenMode::CreateIfMissing);
        QTest::newRow("existing only") << int(Database::OpenMode::ExistingOnly);
        QTest::newRow("read only") << int(Database::OpenMode::ReadOnly);
    }
    void anEmptyFileIsNeverMadeADesk()
    {
        if (testOnServer())
            QSKIP("about desk files");
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.ipdesk"));
        QVERIFY(QFile(path).open(QIODevice::WriteOnly));
        Database db;
        const Status s = db.open(path, Database::OpenMode(mode));
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QLatin1String("0 bytes")), qPrintable(s.message()));
        QCOMPARE(QFileInfo(path).size(), 0);
        // ipdesk-cli projects on it refuses too, and leaves it at 0 bytes.
        QProcess cli;
        cli.start(QStringLiteral(IPDESK_CLI), {QStringLiteral("projects"), QStringLiteral("--db"), path});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY(cli.exitCode() != 0);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(path)); // in the user's language, naming the file
        QCOMPARE(QFileInfo(path).size(), 0);
    }

    void checkingAWholeDeskCanBeStopped()
    {
        if (testOnServer())
            QSKIP("about desk files");
        TestDesk desk;
        const QString path = desk.path();
        desk.close();
        QVERIFY(Database::checkFile(path));
        const Status stopped = Database::checkFile(path, [] { return true; });
        QVERIFY(!stopped);
        QVERIFY2(stopped.message().contains(QLatin1String("cancelled")), qPrintable(stopped.message()));
    }

    void refusesAnotherProgramsDatabase()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        rawSql(path, {QStringLiteral("CREATE TABLE customers (id INTEGER, name TEXT)")});
        const QByteArray before = fileHash(path);
        Database db;
        const Status s = db.open(path);
        QVERIFY(!s);
        QVERIFY(s.message().contains(QLatin1String("another program")));
        QCOMPARE(fileHash(path), before);
    }

    void refusesANewerDesk()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.ipdesk"));
        {
            Database db;
            QVERIFY(db.open(path));
        }
        rawSql(path, {QStringLiteral("PRAGMA journal_mode = DELETE"),
                      QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'schema_version'").arg(Database::SchemaVersion + 1)});
        const QByteArray before = fileHash(path);
        Database db;
        const Status s = db.open(path);
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QLatin1String("newer IPDesk")), qPrintable(s.message()));
        QCOMPARE(fileHash(path), before);
    }

    void refusesADamagedDesk_data()
    {
        QTest::addColumn<bool>("cut");
        QTest::newRow("cut short near its end") << true;   // a copy interrupted, a disk full
        QTest::newRow("a page overwritten") << false;      // a bad sector, another program's write
    }
    void refusesADamagedDesk()
    {
        if (testOnServer())
            QSKIP("about desk files");
        QFETCH(bool, cut);
        TestDesk desk;
        const QString path = desk.path();
        desk.close();
        rawSql(path, {QStringLiteral("PRAGMA journal_mode = DELETE")});
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            if (cut) {
                QVERIFY(f.resize(f.size() * 99 / 100 / 4096 * 4096)); // whole pages lost: SQLite alone reads none of it
            } else {
                // A page of records (the pages that describe the tables come first, made before them).
                QVERIFY(f.seek(f.size() * 3 / 4 / 4096 * 4096));
                QVERIFY(f.write(QByteArray(4096, '\x5a')) == 4096);
            }
        }
        const QByteArray before = fileHash(path);
        Database db;
        const Status s = db.open(path);
        QVERIFY(!s);
        QVERIFY2(s.code() == Status::Code::Damaged, qPrintable(s.message()));
        QVERIFY2(s.message().contains(QLatin1String("damaged")), qPrintable(s.message()));
        QVERIFY(!db.isOpen());
        // The menu's check (on a connection of its own, for a thread) finds the same.
        if (!cut)
            QCOMPARE(Database::checkFile(path).code(), Status::Code::Damaged);
        QCOMPARE(fileHash(path), before);

        // What the window offers instead: a copy, read-only, to read what can still be read.
        QString copyFolder;
        {
            Desk copy;
            const Status c = copy.openReadOnlyCopy(path);
            QVERIFY2(c, qPrintable(c.message()));
            QVERIFY(copy.isReadOnly());
            QCOMPARE(copy.location(), path); // it is called by the file it shows
            copyFolder = QFileInfo(copy.database()->location()).absolutePath();
            QVERIFY(copyFolder != QFileInfo(path).absolutePath());
            QVERIFY(!copy.canWrite(copy.projects()->units().value(0).id));
            Status read;
            copy.projects()->fetch(ProjectQuery(), 0, 50, &read); // may fail on the damaged pages, must not crash
            Unit u;
            u.name = QStringLiteral("新单位");
            u.kind = UnitKind::Town;
            Status write;
            QCOMPARE(copy.projects()->addUnit(u, &write), 0);
            QVERIFY2(!write && write.message().contains(QLatin1String("read-only")), qPrintable(write.message()));
        }
        QVERIFY2(!QFileInfo::exists(copyFolder), "the copy goes when it is closed");
        QCOMPARE(fileHash(path), before);
    }

    void readOnlyMessageEvenAsRoot_data()
    {
        QTest::addColumn<bool>("folder");
        QTest::addColumn<QString>("says");
        QTest::newRow("read-only file") << false << QStringLiteral("read-only");
        QTest::newRow("read-only folder") << true << QStringLiteral("folder"); // the journal lives beside the desk
    }
    void readOnlyMessageEvenAsRoot()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        QFETCH(bool, folder);
        QFETCH(QString, says);
        // The permission check reads the bits, so it works for root as well.
        QTemporaryDir dir;
        const QString shared = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(shared));
        const QString path = shared + QStringLiteral("/ro.ipdesk");
        {
            Database db;
            QVERIFY(db.open(path));
        }
        const QString locked = folder ? shared : path;
        QVERIFY(QFile::setPermissions(locked, folder ? QFile::ReadOwner | QFile::ExeOwner : QFile::ReadOwner | QFile::ReadGroup));
        const QByteArray before = fileHash(path);
        Database db;
        const Status s = db.open(path);
        QFile::setPermissions(shared, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!s);
        QVERIFY2(s.message().contains(says) && (!folder || s.message().contains(shared)), qPrintable(s.message()));
        QCOMPARE(fileHash(path), before);
    }

    void refusesALockedDesk()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.ipdesk"));
        {
            Database db;
            QVERIFY(db.open(path));
        }
        QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(path);
        QVERIFY(holder.open());
        {
            QSqlQuery q(holder);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        }
        Database db;
        const Status s = db.open(path);
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QLatin1String("locked")), qPrintable(s.message()));
        {
            QSqlQuery q(holder);
            q.exec(QStringLiteral("ROLLBACK"));
        }
        holder.close();
        holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QVERIFY(db.open(path));
    }

    void invalidValuesAreNotStored_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("empty name") << 0;
        QTest::newRow("negative investment") << 1;
        QTest::newRow("started before signed") << 2;
        QTest::newRow("no unit") << 3;
    }
    void invalidValuesAreNotStored()
    {
        QFETCH(int, what);
        TestDesk desk;
        const qint64 count = desk.store->projectCount();
        Project p;
        p.name = QStringLiteral("测试项目");
        p.unitId = desk.unit(u"覃塘区");
        switch (what) {
        case 0: p.name = QStringLiteral("  "); break;
        case 1: p.plannedInvestment = -1; break;
        case 2:
            p.stageDates.insert(Stage::Signed, QDate(2023, 5, 1));
            p.stageDates.insert(Stage::Started, QDate(2023, 4, 1));
            break;
        case 3: p.unitId = 0; break;
        }
        const Status s = desk.store->insertProject(p);
        QVERIFY(!s);
        QVERIFY(!s.message().isEmpty());
        QCOMPARE(desk.store->projectCount(), count);
    }

    void versionGuardsAgainstLostUpdates()
    {
        TestDesk desk;
        const qint64 id = desk.store->fetch(ProjectQuery(), 0, 1).first().id;
        Project a = *desk.store->project(id);
        Project b = a;
        a.notes = QStringLiteral("first");
        QVERIFY(desk.store->updateProject(a));
        b.notes = QStringLiteral("second, from a stale copy");
        QVERIFY(!desk.store->updateProject(b));
        QCOMPARE(desk.store->project(id)->notes, QStringLiteral("first"));
    }

    void saveCopyWritesAWholeDesk()
    {
        TestDesk desk;
        const QString copy = desk.dir.filePath(QStringLiteral("copy.ipdesk"));
        QVERIFY(desk.db.saveCopy(copy));
        Database db;
        QVERIFY(db.open(copy, Database::OpenMode::ExistingOnly));
        ProjectStore store(&db);
        QCOMPARE(store.projectCount(), desk.store->projectCount());
        QCOMPARE(FactStore(&db).factCount(), FactStore(&desk.db).factCount());
    }

    void killedWriterLeavesAWholeDesk()
    {
        if (testOnServer())
            QSKIP("about desk files; tst_teamdesk checks the same on the server");
        // ipdesk-cli demo makes the desk, then writes the demo in transactions; killing it at any
        // moment, from the first milliseconds on (the desk being made), must leave no desk or a desk
        // that opens, with either all of a transaction or none of it.
        const QString cli = QStringLiteral(IPDESK_CLI);
        for (int delay : {0, 1, 2, 3, 4, 5, 7, 10, 14, 20, 30, 60, 150}) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("k.ipdesk"));
            QProcess p;
            p.start(cli, {QStringLiteral("demo"), QStringLiteral("--db"), path});
            QVERIFY(p.waitForStarted());
            QTest::qWait(delay);
            p.kill();
            p.waitForFinished();
            if (!QFileInfo::exists(path))
                continue;
            Database db;
            const Status s = db.open(path);
            QVERIFY2(s, qPrintable(s.message()));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            ProjectStore store(&db);
            const qint64 n = store.projectCount();
            QVERIFY2(n == 0 || n == demoProjectCount(), qPrintable(QString::number(n)));
        }
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
