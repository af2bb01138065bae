#include "desk/progressqueries.h"
#include "desk/database.h"

#include <QSqlQuery>

namespace IPDesk {

void StageSums::add(const StageSums &x)
{
    count += x.count; amount += x.amount; planned += x.planned; capitalIncrease += x.capitalIncrease;
    large += x.large; funds += x.funds; output += x.output; tax += x.tax;
}

namespace {

/// Adds the Database::stageSumColumns() read from column `first` on (money to 亿元).
void addSums(const QSqlQuery &q, int first, StageSums &x)
{
    x.count += q.value(first).toDouble();
    x.amount += q.value(first + 1).toDouble() / 1e8;
    x.planned += q.value(first + 2).toDouble() / 1e8;
    x.capitalIncrease += q.value(first + 3).toDouble();
    x.large += q.value(first + 4).toDouble();
    x.funds += q.value(first + 5).toDouble() / 1e8;
    x.output += q.value(first + 6).toDouble() / 1e8;
    x.tax += q.value(first + 7).toDouble() / 1e8;
}

/// The sums kept by month in stage_sums (schema step 4), in the Database::stageSumColumns() order.
const QLatin1String monthSumColumns("SUM(n), SUM(amount), SUM(planned), SUM(capital_increase), SUM(large),"
                                    " SUM(funds), SUM(output), SUM(tax)");

QString isoDay(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QString isoMonth(int year, int month)
{
    return QStringLiteral("%1-%2").arg(year, 4, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0'));
}

/// The last day of the last whole month of [from, to] that begins at \a from, where the monthly
/// sums answer; invalid when \a from is not the first of a month or no month is over by \a to.
QDate lastWholeMonth(const QDate &from, const QDate &to)
{
    if (from.day() != 1)
        return {};
    const QDate lastFull = to.addDays(1).day() == 1 ? to : QDate(to.year(), to.month(), 1).addDays(-1);
    return lastFull >= from ? lastFull : QDate();
}

/// The stage on a day (the first bound ?) of the projects \a among selects: the stage of each one's
/// latest stage date up to then, with that date.
QString stageAsOfSql(const QString &among)
{
    return QLatin1String("SELECT project_id, stage, reached_on FROM ("
                         "SELECT s.project_id, s.stage, s.reached_on,"
                         " ROW_NUMBER() OVER (PARTITION BY s.project_id ORDER BY s.reached_on DESC, s.stage DESC) AS latest"
                         " FROM project_stages s WHERE s.reached_on <= ? AND s.project_id IN (")
        + among + QLatin1String(")) AS t WHERE latest = 1");
}

QSet<qint64> distinctUnits(Database *db, const QString &sql)
{
    QSet<qint64> out;
    QSqlQuery q = db->query(sql);
    if (q.exec()) {
        while (q.next())
            out.insert(q.value(0).toLongLong());
    }
    return out;
}

} // namespace

UnitStageSums ProgressQueries::stageSums(const QDate &from, const QDate &to) const
{
    UnitStageSums out;
    // Whole months come from the monthly sums; the days of a month not yet over from the stage dates.
    QDate rawFrom = from;
    if (const QDate lastFull = lastWholeMonth(from, to); lastFull.isValid()) {
        QSqlQuery q = m_db->query(QLatin1String("SELECT unit_id, stage, ") + monthSumColumns
                                  + QLatin1String(" FROM stage_sums WHERE month >= ? AND month <= ? GROUP BY unit_id, stage"));
        q.addBindValue(isoMonth(from.year(), from.month()));
        q.addBindValue(isoMonth(lastFull.year(), lastFull.month()));
        if (q.exec()) {
            while (q.next())
                addSums(q, 2, out[q.value(0).toLongLong()][q.value(1).toInt()]);
            rawFrom = lastFull.addDays(1);
        }
    }
    if (rawFrom > to)
        return out;
    QSqlQuery q = m_db->query(QLatin1String("SELECT p.unit_id, s.stage, ") + Database::stageSumColumns()
                              + QLatin1String(" FROM project_stages s JOIN projects p ON p.id = s.project_id"
                                              " WHERE s.reached_on >= ? AND s.reached_on <= ? GROUP BY p.unit_id, s.stage"));
    q.addBindValue(isoDay(rawFrom));
    q.addBindValue(isoDay(to));
    if (!q.exec())
        return out;
    while (q.next())
        addSums(q, 2, out[q.value(0).toLongLong()][q.value(1).toInt()]);
    return out;
}

QList<UnitStageSums> ProgressQueries::monthlyStageSums(int year) const
{
    QList<UnitStageSums> months(12);
    QSqlQuery q = m_db->query(QLatin1String("SELECT unit_id, CAST(substr(month, 6, 2) AS INTEGER), stage, ") + monthSumColumns
                              + QLatin1String(" FROM stage_sums WHERE month >= ? AND month <= ? GROUP BY unit_id, 2, stage"));
    q.addBindValue(isoMonth(year, 1));
    q.addBindValue(isoMonth(year, 12));
    if (!q.exec())
        return months;
    while (q.next()) {
        const int m = q.value(1).toInt();
        if (m >= 1 && m <= 12)
            addSums(q, 3, months[m - 1][q.value(0).toLongLong()][q.value(2).toInt()]);
    }
    return months;
}

QSet<qint64> ProgressQueries::unitsWithProjects() const
{
    return distinctUnits(m_db, QStringLiteral("SELECT DISTINCT unit_id FROM projects"));
}

QSet<qint64> ProgressQueries::unitsWithActivities() const
{
    return distinctUnits(m_db, QStringLiteral("SELECT DISTINCT unit_id FROM activities"));
}

QList<ReportedFigure> ProgressQueries::reportedFigures(int year) const
{
    QList<ReportedFigure> out;
    QSqlQuery q = m_db->query(QStringLiteral(
        "SELECT f.unit_id, f.metric, f.span, f.as_of, f.value, d.title, d.published FROM facts f"
        " LEFT JOIN documents d ON d.id = f.document_id WHERE f.year = ? AND f.kind = 'actual'"));
    q.addBindValue(year);
    if (!q.exec())
        return out;
    while (q.next()) {
        ReportedFigure f;
        f.unitId = q.value(0).toLongLong();
        f.metric = q.value(1).toString();
        f.span = q.value(2).toString();
        f.asOf = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        f.value = q.value(4).toDouble();
        f.documentTitle = q.value(5).toString();
        f.published = QDate::fromString(q.value(6).toString().left(10), Qt::ISODate);
        out.append(f);
    }
    return out;
}

QString ProgressQueries::waitingSql(const QDate &day, const QDate &reachedBy, const QList<qint64> &units, QVariantList *binds)
{
    QString inUnits;
    if (!units.isEmpty()) {
        QStringList ids;
        ids.reserve(units.size());
        for (qint64 id : units)
            ids << QString::number(id);
        inUnits = QLatin1String(" AND w.unit_id IN (") + ids.join(u',') + QLatin1Char(')');
    }
    const QString cutoff = isoDay(reachedBy), on = isoDay(day);
    const QString lastWaiting = QString::number(int(Stage::Started));
    // A project with no stage date after the day waits where it stands now, since the day it got
    // there (project_standing, kept by the triggers of schema step 9); one that moved since waits in
    // the stage of its latest date up to the day. Only projects whose first date is old enough can.
    *binds << cutoff << on << on << on << cutoff << cutoff;
    return QLatin1String("SELECT w.project_id, w.unit_id, w.stage, w.since FROM project_standing w WHERE w.stage <= ")
        + lastWaiting + QLatin1String(" AND w.since <= ? AND w.last_on <= ?") + inUnits
        + QLatin1String(" UNION ALL SELECT a.project_id, w.unit_id, a.stage, a.reached_on FROM (")
        + stageAsOfSql(QStringLiteral("SELECT project_id FROM project_standing WHERE last_on > ? AND first_on <= ?"))
        + QLatin1String(") AS a JOIN project_standing w ON w.project_id = a.project_id WHERE a.stage <= ") + lastWaiting
        + QLatin1String(" AND a.reached_on <= ?") + inUnits;
}

QList<WaitingCount> ProgressQueries::waitingCounts(const QDate &day, const QDate &reachedBy, const QList<qint64> &units) const
{
    QList<WaitingCount> out;
    QVariantList binds;
    const QString sql = QLatin1String("SELECT stage, since, COUNT(*) FROM (") + waitingSql(day, reachedBy, units, &binds)
        + QLatin1String(") AS u GROUP BY stage, since");
    Status s;
    QSqlQuery q = m_db->run(sql, binds, &s);
    if (!s)
        return out;
    while (q.next())
        out.append(WaitingCount{Stage(q.value(0).toInt()), QDate::fromString(q.value(1).toString().left(10), Qt::ISODate),
                                q.value(2).toLongLong()});
    return out;
}

QList<ProjectStanding> ProgressQueries::waitingOn(const QDate &day, const QDate &reachedBy, const QList<qint64> &units,
                                                  const QMap<Stage, QDate> &latest, int limit) const
{
    QList<ProjectStanding> out;
    if (latest.isEmpty())
        return out;
    QVariantList binds;
    QStringList which;
    QString sql = QLatin1String("SELECT u.project_id, p.name, u.unit_id, u.stage, u.since FROM (SELECT * FROM (")
        + waitingSql(day, reachedBy, units, &binds) + QLatin1String(") AS w0 WHERE ");
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        which << QStringLiteral("(w0.stage = ? AND w0.since <= ?)");
        binds << int(it.key()) << isoDay(it.value());
    }
    // The projects' own rows (their names) are read for the listed ones alone.
    sql += which.join(QLatin1String(" OR ")) + QLatin1String(" ORDER BY w0.since, w0.project_id")
        + (limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString())
        + QLatin1String(") AS u JOIN projects p ON p.id = u.project_id ORDER BY u.since, u.project_id");
    Status s;
    QSqlQuery q = m_db->run(sql, binds, &s);
    if (!s)
        return out;
    while (q.next()) {
        ProjectStanding p;
        p.projectId = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        p.unitId = q.value(2).toLongLong();
        p.stage = Stage(q.value(3).toInt());
        p.since = QDate::fromString(q.value(4).toString().left(10), Qt::ISODate);
        out.append(p);
    }
    return out;
}

QList<StageTally> ProgressQueries::stagesOn(const QDate &day) const
{
    QHash<QPair<qint64, int>, StageTally> totals;
    QList<QPair<qint64, int>> order;
    auto add = [&](QSqlQuery &q, int sign) {
        if (!q.exec())
            return;
        while (q.next()) {
            if (q.value(1).isNull())
                continue; // the project did not stand anywhere yet
            const QPair<qint64, int> key{q.value(0).toLongLong(), q.value(1).toInt()};
            auto it = totals.find(key);
            if (it == totals.end()) {
                it = totals.insert(key, StageTally{key.first, key.second, 0, 0});
                order.append(key);
            }
            it->count += sign * q.value(2).toLongLong();
            it->investment += sign * q.value(3).toLongLong();
        }
    };
    // The pipeline on the last day of a month is the sum of the moves of every month up to it
    // (standing_sums, schema step 9); a day within a month adds the moves of that month's first days,
    // read from the few projects that moved then.
    const QDate monthStart(day.year(), day.month(), 1);
    const bool monthEnd = day.addDays(1).day() == 1;
    const QDate through = monthEnd ? day : monthStart.addDays(-1);
    QSqlQuery sums = m_db->query(QStringLiteral("SELECT unit_id, stage, SUM(n), SUM(amount) FROM standing_sums"
                                                " WHERE month <= ? GROUP BY unit_id, stage"));
    sums.addBindValue(isoMonth(through.year(), through.month()));
    add(sums, 1);
    if (!monthEnd) {
        // Where a project stood on a day: in the stage it has now if no stage date of it is later,
        // else in the stage of its latest date up to then (none before its first).
        const QString standing = QLatin1String(
            "SELECT p.unit_id, CASE WHEN NOT EXISTS (SELECT 1 FROM project_stages l WHERE l.project_id = p.id AND l.reached_on > ?)"
            " THEN p.stage ELSE (SELECT l.stage FROM project_stages l WHERE l.project_id = p.id AND l.reached_on <= ?"
            " ORDER BY l.reached_on DESC, l.stage DESC LIMIT 1) END AS standing, COUNT(*), SUM(")
            + Database::countedAmountSql() + QLatin1String(") FROM projects p WHERE p.id IN (SELECT project_id FROM project_stages"
                                                           " WHERE reached_on >= ? AND reached_on <= ?) GROUP BY p.unit_id, 2");
        for (const auto &[on, sign] : {std::pair{through, -1}, std::pair{day, 1}}) {
            QSqlQuery q = m_db->query(standing);
            q.addBindValue(isoDay(on));
            q.addBindValue(isoDay(on));
            q.addBindValue(isoDay(monthStart));
            q.addBindValue(isoDay(day));
            add(q, sign);
        }
    }
    QList<StageTally> out;
    out.reserve(order.size());
    for (const auto &key : order)
        out.append(totals.value(key));
    return out;
}

QList<IndustryAmount> ProgressQueries::signedByIndustry(const QDate &from, const QDate &to) const
{
    QHash<QPair<qint64, QString>, double> sums;
    auto add = [&](QSqlQuery &q) {
        if (!q.exec())
            return;
        while (q.next())
            sums[{q.value(0).toLongLong(), q.value(1).toString()}] += q.value(2).toDouble() / 1e8;
    };
    // Whole months from the sums by industry chain (industry_sums, schema step 9), the days of a month
    // not yet over from the stage dates.
    QDate rawFrom = from;
    if (const QDate lastFull = lastWholeMonth(from, to); lastFull.isValid()) {
        QSqlQuery q = m_db->query(QStringLiteral("SELECT unit_id, industry, SUM(amount) FROM industry_sums"
                                                 " WHERE stage = ? AND month >= ? AND month <= ? GROUP BY unit_id, industry"
                                                 " HAVING SUM(n) <> 0"));
        q.addBindValue(int(Stage::Signed));
        q.addBindValue(isoMonth(from.year(), from.month()));
        q.addBindValue(isoMonth(lastFull.year(), lastFull.month()));
        add(q);
        rawFrom = lastFull.addDays(1);
    }
    if (rawFrom <= to) {
        // stage + 0 leaves the index by stage aside for the one by day, which holds the project too.
        QSqlQuery q = m_db->query(QLatin1String("SELECT p.unit_id, p.industry, SUM(") + Database::countedAmountSql()
                                  + QLatin1String(") FROM project_stages s JOIN projects p ON p.id = s.project_id"
                                                  " WHERE s.stage + 0 = ? AND s.reached_on >= ? AND s.reached_on <= ?"
                                                  " GROUP BY p.unit_id, p.industry"));
        q.addBindValue(int(Stage::Signed));
        q.addBindValue(isoDay(rawFrom));
        q.addBindValue(isoDay(to));
        add(q);
    }
    QList<IndustryAmount> out;
    out.reserve(sums.size());
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        out.append(IndustryAmount{it.key().first, it.key().second, it.value()});
    return out;
}

} // namespace IPDesk
