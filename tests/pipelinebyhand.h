// The pipeline as the stage dates themselves say it, counted the slow way: what the tests hold the
// sums kept by the database's triggers (standing_sums, industry_sums, project_standing) against.
#pragma once

#include "desk/database.h"
#include "progress/progress.h"

#include <QDate>
#include <QHash>
#include <QSqlQuery>

struct PipelineByHand
{
    struct Row
    {
        qint64 unit = 0;
        int stage = 0;
        QString industry;
        IPDesk::Yuan amount = 0;
        QList<QPair<QDate, int>> dates; // (day, stage), in order
    };
    QHash<qint64, Row> rows;

    explicit PipelineByHand(IPDesk::Database &db)
    {
        using namespace IPDesk;
        QSqlQuery sql(db.connection());
        sql.exec(QStringLiteral("SELECT id, unit_id, stage, industry, project_type, planned_investment, signed_investment,"
                                " added_investment FROM projects"));
        while (sql.next()) {
            const Yuan planned = sql.value(5).toLongLong(), signedYuan = sql.value(6).toLongLong(), added = sql.value(7).toLongLong();
            // The amount a project counts with: a capital increase its increase, once written.
            const Yuan amount = sql.value(4).toInt() == int(ProjectType::CapitalIncrease) && added > 0 ? added
                              : signedYuan > 0 ? signedYuan : planned;
            rows.insert(sql.value(0).toLongLong(), Row{sql.value(1).toLongLong(), sql.value(2).toInt(), sql.value(3).toString(), amount, {}});
        }
        sql.exec(QStringLiteral("SELECT project_id, stage, reached_on FROM project_stages"));
        while (sql.next())
            rows[sql.value(0).toLongLong()].dates.append({QDate::fromString(sql.value(2).toString().left(10), Qt::ISODate), sql.value(1).toInt()});
        for (Row &r : rows)
            std::sort(r.dates.begin(), r.dates.end());
    }

    /// Where a project stood on a day and since when: in the stage it has now if none of its dates
    /// is later (since its date of that stage, or none), else in the stage of its latest date up to
    /// then; stage -1 before its first date.
    static QPair<int, QDate> standing(const Row &r, const QDate &on)
    {
        if (r.dates.isEmpty())
            return {r.stage, QDate()};
        if (r.dates.last().first <= on) {
            for (const auto &dt : r.dates) {
                if (dt.second == r.stage)
                    return {r.stage, dt.first};
            }
            return {r.stage, QDate()};
        }
        QPair<int, QDate> at{-1, QDate()};
        for (const auto &dt : r.dates) {
            if (dt.first <= on)
                at = {dt.second, dt.first};
        }
        return at;
    }

    QList<IPDesk::StageTotal> funnel(const QDate &on, const QList<qint64> &units = {}) const
    {
        QList<IPDesk::StageTotal> out;
        for (int st = 0; st < IPDesk::StageCount; ++st)
            out.append(IPDesk::StageTotal{IPDesk::Stage(st), 0, 0});
        for (const Row &r : rows) {
            const int st = standing(r, on).first;
            if (st >= 0 && (units.isEmpty() || units.contains(r.unit))) {
                ++out[st].count;
                out[st].investment += r.amount;
            }
        }
        return out;
    }

    /// The amount (亿元) signed in [from, to] by industry chain, as the industry chart names them.
    QHash<QString, double> signedByIndustry(const QDate &from, const QDate &to) const
    {
        QHash<QString, double> out;
        for (const Row &r : rows) {
            for (const auto &dt : r.dates) {
                if (dt.second == int(IPDesk::Stage::Signed) && dt.first >= from && dt.first <= to)
                    out[r.industry.isEmpty() ? IPDesk::ProgressCalculator::tr("Other") : r.industry] += double(r.amount) / 1e8;
            }
        }
        return out;
    }

    /// How many projects have waited too long on a day, by the settings' limits.
    int stalled(const QDate &on, const IPDesk::ProgressSettings &settings) const
    {
        int n = 0;
        for (const Row &r : rows) {
            const auto [st, since] = standing(r, on);
            if (st < 0 || st > int(IPDesk::Stage::Started) || !since.isValid())
                continue;
            const int limit = settings.stalledDays(IPDesk::Stage(st));
            const int months = (on.year() - since.year()) * 12 + on.month() - since.month() - (on.day() < since.day() ? 1 : 0);
            if (limit > 0 ? since.daysTo(on) > limit : months >= settings.stuckYellowMonths)
                ++n;
        }
        return n;
    }

    /// Whether the calculator, reading the sums, says what the stage dates say on \a on.
    QString differences(const IPDesk::ProgressCalculator &calc, const IPDesk::ProgressSettings &settings, const QDate &on) const
    {
        QStringList out;
        const QString day = on.toString(Qt::ISODate);
        const QList<IPDesk::StageTotal> expected = funnel(on), got = calc.funnel({}, on);
        for (int st = 0; st < IPDesk::StageCount; ++st) {
            if (got.at(st).count != expected.at(st).count || got.at(st).investment != expected.at(st).investment)
                out << QStringLiteral("%1 stage %2: %3 projects, %4 yuan; the dates say %5, %6").arg(day).arg(st)
                           .arg(got.at(st).count).arg(got.at(st).investment).arg(expected.at(st).count).arg(expected.at(st).investment);
        }
        const QHash<QString, double> mix = signedByIndustry(QDate(on.year(), 1, 1), on);
        QHash<QString, double> mixGot;
        for (const auto &[industry, amount] : calc.industryMix(0, on.year(), on))
            mixGot.insert(industry, amount);
        for (auto it = mix.cbegin(); it != mix.cend(); ++it) {
            if (qAbs(mixGot.value(it.key()) - it.value()) > 1e-6)
                out << QStringLiteral("%1 %2: %3 亿元 signed, the dates say %4").arg(day, it.key()).arg(mixGot.value(it.key())).arg(it.value());
        }
        if (mixGot.size() != mix.size())
            out << QStringLiteral("%1: %2 industry chains, the dates say %3").arg(day).arg(mixGot.size()).arg(mix.size());
        int yellow = 0, red = 0;
        const int listed = int(calc.stuckProjects(on, {}, 0, &yellow, &red).size());
        const int stalledByHand = stalled(on, settings);
        if (listed != stalledByHand || yellow + red != stalledByHand)
            out << QStringLiteral("%1: %2 stalled listed, %3 counted; the dates say %4").arg(day).arg(listed).arg(yellow + red).arg(stalledByHand);
        return out.join(u'\n');
    }
};
