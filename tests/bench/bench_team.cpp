// bench_team [seconds=10] [clients=50] [projects=20000] [think_ms=0]  (the pause between rounds is random, mean think_ms)
// Many officers on one team desk: each client is a thread with its own connection to a PostgreSQL
// server on loopback, signed in as an officer of one district (so row-level security and the audit
// triggers are part of every write). Each round: save one project (what Apply does: read it, merge,
// update in one transaction), read one page of the district's pipeline, read one project.
// Prints throughput and p50/p99/max latency per kind. The server is a throwaway cluster started with
// packaging/pg-throwaway.sh (default settings, fsync on), unless IPDESK_BENCH_PG names one.
#include "benchdesk.h"

#include "desk/deskcopy.h"
#include "desk/projectstore.h"
#include "desk/teamusers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace {

struct Samples
{
    QList<double> save, page, read;
    int conflicts = 0, failures = 0;
    QString firstFailure;
};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(qMin(v.size() - 1, qsizetype(p * double(v.size()))));
}

void report(const char *what, const QList<double> &ms, double seconds)
{
    std::printf("  %-26s %8lld ops  %8.1f ops/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms\n", what,
                static_cast<long long>(ms.size()), double(ms.size()) / seconds, percentile(ms, 0.5), percentile(ms, 0.99),
                ms.isEmpty() ? 0.0 : *std::max_element(ms.cbegin(), ms.cend()));
}

QString runScript(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("bash"), QStringList{QStringLiteral(IPDESK_SOURCE "/packaging/pg-throwaway.sh")} + args);
    p.waitForFinished(120000);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "%s", p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = args.value(1, QStringLiteral("10")).toInt();
    const int clients = args.value(2, QStringLiteral("50")).toInt();
    const int projects = args.value(3, QStringLiteral("20000")).toInt();
    const int thinkMs = args.value(4, QStringLiteral("0")).toInt();

    QTemporaryDir dir;
    QString admin = qEnvironmentVariable("IPDESK_BENCH_PG");
    const QString cluster = QStringLiteral("/tmp/ipdesk-bench-pg-%1").arg(QCoreApplication::applicationPid());
    if (admin.isEmpty()) {
        admin = runScript({QStringLiteral("start"), cluster});
        if (admin.isEmpty())
            return 1;
    }
    // The throwaway server goes away however the benchmark ends.
    struct StopServer
    {
        QString dir;
        ~StopServer()
        {
            if (!dir.isEmpty())
                runScript({QStringLiteral("stop"), dir});
        }
    } stopServer{qEnvironmentVariableIsEmpty("IPDESK_BENCH_PG") ? cluster : QString()};
    const QString base = admin.left(admin.lastIndexOf(QLatin1Char('/')) + 1);
    const QString deskName = QStringLiteral("ipdesk_bench_%1").arg(QCoreApplication::applicationPid());
    {
        // The maintenance database is not a desk: run plain SQL on it through Qt directly.
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("maint"));
        const auto a = ServerAddress::parse(admin);
        c.setHostName(a->host);
        c.setPort(a->port);
        c.setDatabaseName(a->database);
        c.setUserName(a->user);
        c.setPassword(a->password);
        if (!c.open()) {
            std::fprintf(stderr, "cannot reach %s\n", qPrintable(a->toString(false)));
            return 1;
        }
        QSqlQuery(c).exec(QStringLiteral("CREATE DATABASE ") + deskName);
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("maint"));
    const QString desk = base + deskName;

    // A generated desk of 20 districts with 9 towns each, moved to the server as `ipdesk-cli migrate` does.
    const QString file = dir.filePath(QStringLiteral("bench.ipdesk"));
    if (!generate(file, projects)) {
        std::fprintf(stderr, "cannot generate the desk\n");
        return 1;
    }
    {
        Database from, to;
        from.open(file);
        const Status s = to.open(desk);
        QElapsedTimer t;
        t.start();
        const Status c = s ? copyDesk(from, to) : s;
        if (!c) {
            std::fprintf(stderr, "migrate: %s\n", qPrintable(c.message()));
            return 1;
        }
        std::printf("migrate %d projects to the server: %.2f s\n", projects, double(t.elapsed()) / 1000.0);
        // One officer account per district.
        for (int d = 0; d < 20; ++d) {
            const Status u = TeamUsers::save(to, TeamUser{QStringLiteral("bench_%1_%2").arg(deskName).arg(d),
                                                          TeamUser::Role::Officer, 100 + d, {}},
                                             QStringLiteral("bench"));
            if (!u) {
                std::fprintf(stderr, "account: %s\n", qPrintable(u.message()));
                return 1;
            }
        }
    }

    std::atomic<bool> stop{false}, go{false};
    std::atomic<int> ready{0};
    QMutex mutex;
    Samples all;
    QList<QThread *> threads;
    for (int c = 0; c < clients; ++c) {
        QThread *t = QThread::create([&, c] {
            Samples mine;
            Database db;
            ServerAddress a = *ServerAddress::parse(desk);
            a.user = QStringLiteral("bench_%1_%2").arg(deskName).arg(c % 20);
            a.password = QStringLiteral("bench");
            const Status s = db.open(a.toString(true), Database::OpenMode::ExistingOnly);
            if (!s) {
                QMutexLocker lock(&mutex);
                all.failures++;
                all.firstFailure = s.message();
                return;
            }
            ProjectStore store(&db);
            ProjectQuery district;
            district.unitIds = store.subtree(100 + c % 20);
            QList<qint64> ids;
            for (const Project &p : store.fetch(district, 0, 1000))
                ids << p.id;
            QRandomGenerator rng(quint32(c + 1));
            QElapsedTimer timer;
            // A session's first statements fill the server's caches for it (functions, policies):
            // once per sign-in, not part of an officer's day. Warm up, then wait for the others.
            if (!ids.isEmpty()) {
                if (const auto current = store.project(ids.first())) {
                    Project edited = *current;
                    edited.notes = QStringLiteral("客户端%1上线").arg(c);
                    store.saveEdit(*current, edited);
                }
                store.fetch(district, 0, 256);
            }
            ready.fetch_add(1);
            while (!go.load())
                QThread::msleep(1);
            if (thinkMs) // nor do they all start at the same instant
                QThread::msleep(ulong(rng.bounded(2 * thinkMs + 1)));
            while (!stop.load() && !ids.isEmpty()) {
                const qint64 id = ids.at(rng.bounded(int(ids.size())));
                timer.start();
                if (const auto current = store.project(id)) {
                    Project edited = *current;
                    edited.notes = QStringLiteral("客户端%1第%2次跟进").arg(c).arg(mine.save.size());
                    const Status w = store.saveEdit(*current, edited);
                    if (w)
                        mine.save << double(timer.nsecsElapsed()) / 1e6;
                    else if (w.code() == Status::Code::Conflict)
                        mine.conflicts++;
                    else if (mine.failures++ == 0)
                        mine.firstFailure = w.message();
                }
                timer.start();
                store.fetch(district, rng.bounded(4) * 256, 256);
                mine.page << double(timer.nsecsElapsed()) / 1e6;
                timer.start();
                store.project(ids.at(rng.bounded(int(ids.size()))));
                mine.read << double(timer.nsecsElapsed()) / 1e6;
                if (thinkMs) // officers do not work in step: a pause of 0 to 2 × the think time
                    QThread::msleep(ulong(rng.bounded(2 * thinkMs + 1)));
            }
            QMutexLocker lock(&mutex);
            all.save += mine.save;
            all.page += mine.page;
            all.read += mine.read;
            all.conflicts += mine.conflicts;
            all.failures += mine.failures;
            if (all.firstFailure.isEmpty())
                all.firstFailure = mine.firstFailure;
        });
        threads << t;
    }
    for (QThread *t : std::as_const(threads))
        t->start();
    while (ready.load() < clients)
        QThread::msleep(5);
    QElapsedTimer wall;
    wall.start();
    go = true;
    QThread::sleep(ulong(seconds));
    stop = true;
    for (QThread *t : std::as_const(threads)) {
        t->wait();
        delete t;
    }
    const double elapsed = double(wall.elapsed()) / 1000.0;
    std::printf("%d clients (officers of 20 districts), %d projects, %.1f s, think time %d ms, %d cores\n", clients, projects,
                elapsed, thinkMs, QThread::idealThreadCount());
    report("save one project", all.save, elapsed);
    report("read a page of 256", all.page, elapsed);
    report("read one project", all.read, elapsed);
    std::printf("  all operations: %.1f ops/s; conflicts (two saves of one project at once): %d; failures: %d%s%s\n",
                double(all.save.size() + all.page.size() + all.read.size()) / elapsed, all.conflicts, all.failures,
                all.firstFailure.isEmpty() ? "" : " — ", qPrintable(all.firstFailure));
    std::printf("  aim: p99 of a single-project save under 50 ms: %s\n", percentile(all.save, 0.99) < 50 ? "met" : "NOT met");

    return 0;
}
