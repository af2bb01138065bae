#pragma once
// Shared by the tests: a fresh desk in a temporary folder, optionally with the demo data.

#include "demodata.h"
#include "projectstore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

struct TestDesk
{
    QTemporaryDir dir;
    IPDesk::Database db;
    std::unique_ptr<IPDesk::ProjectStore> store;

    explicit TestDesk(bool demo = true)
    {
        const IPDesk::Status s = db.open(path());
        if (!s)
            qFatal("cannot open test desk: %s", qPrintable(s.message()));
        store = std::make_unique<IPDesk::ProjectStore>(&db);
        if (demo) {
            const IPDesk::Status d = IPDesk::DemoData::loadBuiltIn(store.get());
            if (!d)
                qFatal("cannot load demo: %s", qPrintable(d.message()));
        }
    }
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
                                " SUM(CASE WHEN p.signed_investment > 0 THEN p.signed_investment ELSE p.planned_investment END),"
                                " SUM(p.planned_investment), SUM(CASE WHEN p.project_type = 1 THEN 1 ELSE 0 END),"
                                " SUM(CASE WHEN (CASE WHEN p.signed_investment > 0 THEN p.signed_investment ELSE p.planned_investment END)"
                                " >= 1000000000 THEN 1 ELSE 0 END), SUM(p.funds_in_place), SUM(p.expected_output), SUM(p.expected_tax)"
                                " FROM project_stages s JOIN projects p ON p.id = s.project_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"))};
}
