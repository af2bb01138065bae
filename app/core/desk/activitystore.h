#pragma once

#include <QSet>
#include <optional>

#include "desk/database.h"

#include <QDate>
#include <QList>

namespace IPDesk {

/// An investment-promotion activity: a trip out (外出招商), a company visit (考察/拜访), a delegation
/// received (客商来访), a promotion event (推介会) or a signing ceremony (签约仪式).
struct Activity
{
    enum class Kind { Trip, Visit, Delegation, Event, Signing };
    qint64 id = 0;
    qint64 unitId = 0;
    QDate date;
    Kind kind = Kind::Trip;
    bool leaderLed = false; // led by a principal leader (主要领导带队)
    QString places;
    QString companies;
    int companiesCount = 0; // companies met
    QString notes;
    QList<qint64> projectIds;

    static QString kindCode(Kind k);
    static bool kindFromCode(const QString &code, Kind *out);
    static QString kindName(Kind k);
    QStringList validate() const;
    bool operator==(const Activity &o) const
    {
        return id == o.id && unitId == o.unitId && date == o.date && kind == o.kind && leaderLed == o.leaderLed
            && places == o.places && companies == o.companies && companiesCount == o.companiesCount && notes == o.notes
            && QSet<qint64>(projectIds.cbegin(), projectIds.cend()) == QSet<qint64>(o.projectIds.cbegin(), o.projectIds.cend());
    }
};

class ActivityStore
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::ActivityStore)
public:
    explicit ActivityStore(Database *db) : m_db(db) {}

    QList<Activity> activities(const QList<qint64> &unitIds = {}, int year = 0) const;
    std::optional<Activity> activity(qint64 id) const;
    qint64 insert(Activity &a, Status *status);
    Status update(const Activity &a);
    Status remove(qint64 id);

    /// Per unit, the activity metrics of metrics.tsv counted over [from, to].
    struct Counts { double outboundTrips = 0, leaderTrips = 0, companiesVisited = 0, inboundVisits = 0, events = 0; };
    QHash<qint64, Counts> counts(const QDate &from, const QDate &to) const;

private:
    Status writeProjects(const Activity &a);
    Database *m_db;
};

} // namespace IPDesk
