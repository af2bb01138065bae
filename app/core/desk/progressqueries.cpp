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

/// The projects that moved after a day (the bound ?): only their stage on the day needs reading,
/// every other project stands where it stands today.
const QLatin1String movedAfterSql("SELECT DISTINCT project_id FROM project_stages WHERE reached_on > ?");
const QLatin1String snapshotTable("ipdesk_moved_after");

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
    if (from.day() == 1) {
        const QDate lastFull = to.addDays(1).day() == 1 ? to : QDate(to.year(), to.month(), 1).addDays(-1);
        if (lastFull >= from) {
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

QString ProgressQueries::movedAfter(const QDate &day, QVariantList *binds) const
{
    if (m_snapshotDay.isValid() && m_snapshotDay == day)
        return QLatin1String("SELECT project_id FROM ") + snapshotTable;
    binds->append(isoDay(day));
    return movedAfterSql;
}

ProgressQueries::DaySnapshot::DaySnapshot(const ProgressQueries *queries, const QDate &day)
    : m_queries(queries)
{
    Database *db = queries->m_db;
    // A connection's own temporary table, on a file and on the server alike; where it cannot be
    // made, each question finds the projects itself as before.
    const bool made = db->exec(QLatin1String("DROP TABLE IF EXISTS ") + snapshotTable)
        && db->exec(QLatin1String("CREATE TEMPORARY TABLE ") + snapshotTable + QLatin1String(" (project_id BIGINT PRIMARY KEY)"))
        && db->exec(QLatin1String("INSERT INTO ") + snapshotTable + QLatin1Char(' ') + movedAfterSql, {isoDay(day)});
    if (made)
        queries->m_snapshotDay = day;
}

ProgressQueries::DaySnapshot::~DaySnapshot()
{
    if (m_queries->m_snapshotDay.isValid()) {
        m_queries->m_snapshotDay = QDate();
        m_queries->m_db->exec(QLatin1String("DROP TABLE IF EXISTS ") + snapshotTable);
    }
}

QList<ProjectStanding> ProgressQueries::waitingOn(const QDate &day, const QDate &reachedBy) const
{
    QList<ProjectStanding> out;
    // Today's stage for a project that has not moved since the day, the latest stage up to the day
    // for one that has (as stagesOn() counts them).
    const QString cutoff = isoDay(reachedBy), on = isoDay(day);
    QVariantList binds{cutoff};
    QString sql = QLatin1String("SELECT p.id, p.name, p.unit_id, p.stage, s.reached_on FROM projects p"
                                " JOIN project_stages s ON s.project_id = p.id AND s.stage = p.stage"
                                " WHERE p.stage <= 4 AND s.reached_on <= ? AND p.id NOT IN (")
        + movedAfter(day, &binds) + QLatin1String(") UNION ALL SELECT p.id, p.name, p.unit_id, a.stage, a.reached_on FROM (");
    binds.append(on);
    sql += stageAsOfSql(movedAfter(day, &binds))
        + QLatin1String(") AS a JOIN projects p ON p.id = a.project_id WHERE a.stage <= 4 AND a.reached_on <= ? ORDER BY 5");
    binds.append(cutoff);
    QSqlQuery q = m_db->query(sql);
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec())
        return out;
    while (q.next()) {
        ProjectStanding p;
        p.projectId = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        p.unitId = q.value(2).toLongLong();
        p.stage = Stage(q.value(3).toInt());
        p.since = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        out.append(p);
    }
    return out;
}

QList<StageTally> ProgressQueries::stagesOn(const QDate &day) const
{
    QHash<QPair<qint64, int>, StageTally> totals;
    QList<QPair<qint64, int>> order;
    const QString on = isoDay(day);
    // Today's pipeline (read from an index), less the projects that moved after the day, plus those
    // projects as they stood on it: only the projects with a later stage date are read one by one.
    auto add = [&](const QString &sql, const QVariantList &binds, int sign) {
        QSqlQuery q = m_db->query(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec())
            return;
        while (q.next()) {
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
    // Each stage's investment is what its projects count with (a capital increase its increase).
    const QString amount = QLatin1String("SUM(") + Database::countedAmountSql() + QLatin1Char(')');
    add(QLatin1String("SELECT p.unit_id, p.stage, COUNT(*), ") + amount + QLatin1String(" FROM projects p GROUP BY p.unit_id, p.stage"), {}, 1);
    QVariantList binds;
    add(QLatin1String("SELECT p.unit_id, p.stage, COUNT(*), ") + amount + QLatin1String(" FROM projects p WHERE p.id IN (")
            + movedAfter(day, &binds) + QLatin1String(") GROUP BY p.unit_id, p.stage"),
        binds, -1);
    binds = {on};
    const QString asOf = stageAsOfSql(movedAfter(day, &binds));
    add(QLatin1String("SELECT p.unit_id, a.stage, COUNT(*), ") + amount + QLatin1String(" FROM (") + asOf
            + QLatin1String(") AS a JOIN projects p ON p.id = a.project_id GROUP BY p.unit_id, a.stage"),
        binds, 1);
    QList<StageTally> out;
    out.reserve(order.size());
    for (const auto &key : order)
        out.append(totals.value(key));
    return out;
}

QList<IndustryAmount> ProgressQueries::signedByIndustry(const QDate &from, const QDate &to) const
{
    QList<IndustryAmount> out;
    // stage + 0 leaves the index by stage aside for the one by day, which holds the project too: the
    // stage rows themselves are never read (on either backend).
    QSqlQuery q = m_db->query(QLatin1String("SELECT p.unit_id, p.industry, SUM(") + Database::countedAmountSql()
                              + QLatin1String(") FROM project_stages s JOIN projects p ON p.id = s.project_id"
                                              " WHERE s.stage + 0 = 2 AND s.reached_on >= ? AND s.reached_on <= ?"
                                              " GROUP BY p.unit_id, p.industry"));
    q.addBindValue(isoDay(from));
    q.addBindValue(isoDay(to));
    if (!q.exec())
        return out;
    while (q.next())
        out.append(IndustryAmount{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toDouble() / 1e8});
    return out;
}

} // namespace IPDesk
