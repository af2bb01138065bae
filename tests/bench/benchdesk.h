#pragma once
// Shared by the benchmarks: a generated desk of many projects over 200 units.

#include "desk/database.h"

#include <QSqlQuery>
#include <sys/resource.h>

namespace {
using namespace IPDesk;

/// The most memory the process has held so far, in MB.
inline long peakRssMb()
{
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return r.ru_maxrss / 1024;
}

/// Fills a desk with n projects in SQL (a generator, not the code under test).
inline bool generate(const QString &path, int n)
{
    Database db;
    if (!db.open(path))
        return false;
    Transaction t(db);
    // The sums are counted once at the end, as a long import does (row by row they take minutes).
    if (!db.suspendStageSums())
        return false;
    QSqlQuery q(db.connection());
    bool ok = q.exec(QStringLiteral("INSERT INTO units (id, parent_id, name, kind) VALUES (1, NULL, '测试市', 'city')"));
    for (int d = 0; d < 20 && ok; ++d) {
        const int did = 100 + d;
        ok = q.exec(QStringLiteral("INSERT INTO units (id, parent_id, name, kind) VALUES (%1, 1, '第%2区', 'district')").arg(did).arg(d + 1));
        for (int s = 0; s < 9 && ok; ++s)
            ok = q.exec(QStringLiteral("INSERT INTO units (id, parent_id, name, kind) VALUES (%1, %2, '第%3区第%4镇', 'town')")
                            .arg(1000 + d * 10 + s).arg(did).arg(d + 1).arg(s + 1));
    }
    ok = ok && q.exec(QStringLiteral(
        "WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq WHERE x < %1) "
        "INSERT INTO projects (id, code, name, investor, industry, industry_chain, unit_id, stage, project_type,"
        " planned_investment, signed_investment, expected_output, manufacturing, lead_officer) "
        "SELECT x, printf('XM%07d', x), printf('项目%d号产业园', (x * 7919) % 1000003), printf('投资方%d', x % 5000),"
        " CASE x % 6 WHEN 0 THEN '新材料' WHEN 1 THEN '电子信息' WHEN 2 THEN '智能制造' WHEN 3 THEN '新能源'"
        " WHEN 4 THEN '生物医药' ELSE '现代商贸' END, '', 1000 + ((x / 7) % 20) * 10 + (x % 9), (x * 31) % 8,"
        " x % 3, ((x * 104729) % 500000) * 10000, CASE WHEN (x * 31) % 8 BETWEEN 2 AND 5 THEN ((x * 104729) % 500000) * 10000 ELSE 0 END,"
        " ((x * 13) % 900000) * 10000, x % 2, '' FROM seq").arg(n));
    ok = ok && q.exec(QStringLiteral(
        "INSERT INTO project_stages (project_id, stage, reached_on) SELECT id, 2, printf('2023-%02d-%02d', 1 + id % 12, 1 + id % 28)"
        " FROM projects WHERE stage BETWEEN 2 AND 5"));
    return ok && db.rebuildStageSums() && t.commit();
}


} // namespace
