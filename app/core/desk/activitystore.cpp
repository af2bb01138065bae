#include "desk/activitystore.h"

#include <QSqlQuery>

namespace IPDesk {

namespace {
const char *const kindCodes[] = {"trip", "visit", "delegation", "event", "signing"};
}

QString Activity::kindCode(Kind k)
{
    return QString::fromLatin1(kindCodes[int(k)]);
}

bool Activity::kindFromCode(const QString &code, Kind *out)
{
    for (int i = 0; i < 5; ++i) {
        if (code == QLatin1String(kindCodes[i])) {
            *out = Kind(i);
            return true;
        }
    }
    return false;
}

QString Activity::kindName(Kind k)
{
    switch (k) {
    case Kind::Trip: return ActivityStore::tr("Investment-seeking trip");
    case Kind::Visit: return ActivityStore::tr("Company visit");
    case Kind::Delegation: return ActivityStore::tr("Delegation received");
    case Kind::Event: return ActivityStore::tr("Promotion event");
    case Kind::Signing: return ActivityStore::tr("Signing ceremony");
    }
    return QString();
}

QStringList Activity::validate() const
{
    QStringList e;
    if (unitId <= 0)
        e << ActivityStore::tr("An activity needs a unit.");
    if (!date.isValid())
        e << ActivityStore::tr("An activity needs a date.");
    if (companiesCount < 0)
        e << ActivityStore::tr("The number of companies cannot be negative.");
    return e;
}

QList<Activity> ActivityStore::activities(const QList<qint64> &unitIds, int year) const
{
    // Without a year, no date bounds at all: the server would not take "0-01-01" for a date.
    QVariantList values;
    if (year > 0)
        values << QStringLiteral("%1-01-01").arg(year, 4, 10, QLatin1Char('0')) << QStringLiteral("%1-12-31").arg(year, 4, 10, QLatin1Char('0'));
    Status status;
    QSqlQuery q = m_db->run(QStringLiteral("SELECT id, unit_id, happened_on, kind, leader_led, places, companies,"
                                           " companies_count, notes FROM activities%1 ORDER BY happened_on DESC, id DESC")
                                .arg(year > 0 ? QStringLiteral(" WHERE happened_on >= ? AND happened_on <= ?") : QString()),
                            values, &status);
    QList<Activity> out;
    if (!status)
        return out;
    while (q.next()) {
        Activity a;
        a.id = q.value(0).toLongLong();
        a.unitId = q.value(1).toLongLong();
        if (!unitIds.isEmpty() && !unitIds.contains(a.unitId))
            continue;
        a.date = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        Activity::kindFromCode(q.value(3).toString(), &a.kind);
        a.leaderLed = q.value(4).toInt() != 0;
        a.places = q.value(5).toString();
        a.companies = q.value(6).toString();
        a.companiesCount = q.value(7).toInt();
        a.notes = q.value(8).toString();
        out.append(a);
    }
    for (Activity &a : out) {
        QSqlQuery p = m_db->query(QStringLiteral("SELECT project_id FROM activity_projects WHERE activity_id = ?"));
        p.addBindValue(a.id);
        if (p.exec()) {
            while (p.next())
                a.projectIds << p.value(0).toLongLong();
        }
    }
    return out;
}

std::optional<Activity> ActivityStore::activity(qint64 id) const
{
    for (const Activity &a : activities()) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

Status ActivityStore::writeProjects(const Activity &a)
{
    Status s = m_db->exec(QStringLiteral("DELETE FROM activity_projects WHERE activity_id = ?"), {a.id});
    for (qint64 pid : a.projectIds) {
        if (!s)
            break;
        s = m_db->exec(QStringLiteral("INSERT INTO activity_projects (activity_id, project_id) VALUES (?, ?)"), {a.id, pid});
    }
    return s;
}

qint64 ActivityStore::insert(Activity &a, Status *status)
{
    const QStringList errors = a.validate();
    if (!errors.isEmpty()) {
        *status = Status::error(errors.join(QLatin1Char('\n')));
        return 0;
    }
    Transaction t(*m_db);
    QVariantList values{a.unitId, a.date.toString(Qt::ISODate), Activity::kindCode(a.kind), a.leaderLed ? 1 : 0,
                        a.places, a.companies, a.companiesCount, a.notes};
    QString columns = QStringLiteral("unit_id, happened_on, kind, leader_led, places, companies, companies_count, notes");
    QString marks = QStringLiteral("?, ?, ?, ?, ?, ?, ?, ?");
    if (a.id > 0) {
        columns.prepend(QLatin1String("id, "));
        marks.prepend(QLatin1String("?, "));
        values.prepend(a.id);
    }
    a.id = m_db->insert(QLatin1String("INSERT INTO activities (") + columns + QLatin1String(") VALUES (") + marks + QLatin1Char(')'),
                        values, status);
    if (!*status)
        return 0;
    *status = writeProjects(a);
    if (*status)
        *status = t.commit();
    return *status ? a.id : 0;
}

Status ActivityStore::update(const Activity &a)
{
    const QStringList errors = a.validate();
    if (!errors.isEmpty())
        return Status::error(errors.join(QLatin1Char('\n')));
    Transaction t(*m_db);
    Status s = m_db->exec(QStringLiteral("UPDATE activities SET unit_id = ?, happened_on = ?, kind = ?, leader_led = ?, places = ?,"
                                         " companies = ?, companies_count = ?, notes = ? WHERE id = ?"),
                          {a.unitId, a.date.toString(Qt::ISODate), Activity::kindCode(a.kind), a.leaderLed ? 1 : 0, a.places,
                           a.companies, a.companiesCount, a.notes, a.id});
    if (s)
        s = writeProjects(a);
    if (s)
        s = t.commit();
    return s;
}

Status ActivityStore::remove(qint64 id)
{
    return m_db->exec(QStringLiteral("DELETE FROM activities WHERE id = ?"), {id});
}

QHash<qint64, ActivityStore::Counts> ActivityStore::counts(const QDate &from, const QDate &to) const
{
    QHash<qint64, Counts> out;
    QSqlQuery q = m_db->query(QStringLiteral(
        "SELECT unit_id, kind, leader_led, COUNT(*), SUM(companies_count) FROM activities"
        " WHERE happened_on >= ? AND happened_on <= ? GROUP BY unit_id, kind, leader_led"));
    q.addBindValue(from.toString(Qt::ISODate));
    q.addBindValue(to.toString(Qt::ISODate));
    if (!q.exec())
        return out;
    while (q.next()) {
        Counts &c = out[q.value(0).toLongLong()];
        const QString kind = q.value(1).toString();
        const bool leader = q.value(2).toInt() != 0;
        const double n = q.value(3).toDouble();
        const double companies = q.value(4).toDouble();
        if (kind == QLatin1String("trip")) {
            c.outboundTrips += n;
            if (leader)
                c.leaderTrips += n;
        }
        if (kind == QLatin1String("delegation"))
            c.inboundVisits += n;
        if (kind == QLatin1String("event") || kind == QLatin1String("signing"))
            c.events += n;
        if (kind == QLatin1String("visit") || kind == QLatin1String("trip"))
            c.companiesVisited += companies;
    }
    return out;
}

} // namespace IPDesk
