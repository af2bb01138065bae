#pragma once

#include "base/domain.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QVariant>

namespace IPDesk {

class Database;

/// Figures of one unit's own projects (not its children's) that reached a stage in a period:
/// counts, and money in 亿元.
struct StageSums
{
    double count = 0, amount = 0, planned = 0, capitalIncrease = 0, large = 0, funds = 0, output = 0, tax = 0;
    void add(const StageSums &x);
};

using UnitStageSums = QHash<qint64, QHash<int, StageSums>>; // unit -> stage -> sums

/// A cumulative figure read from a report (kind 'actual'), with its report's title and day.
struct ReportedFigure
{
    qint64 unitId = 0;
    QString metric, span;
    QDate asOf, published;
    double value = 0;
    QString documentTitle;
};

/// Where a project stood on a day: its stage then and the day it reached it.
struct ProjectStanding
{
    qint64 projectId = 0;
    QString name;
    qint64 unitId = 0;
    Stage stage = Stage::Lead;
    QDate since;
};

/// How many projects waited in a stage since a day.
struct WaitingCount
{
    Stage stage = Stage::Lead;
    QDate since;
    qint64 count = 0;
};

/// How many of a unit's projects stood in a stage on a day, and what they count with (yuan).
struct StageTally
{
    qint64 unitId = 0;
    int stage = 0;
    qint64 count = 0;
    qint64 investment = 0;
};

/// The signed amount (亿元) of one unit's own projects in one industry chain.
struct IndustryAmount
{
    qint64 unitId = 0;
    QString industry;
    double amount = 0;
};

/// The SQL that progress, the funnel, the stalled list and the charts rest on: the calculator asks
/// these questions and does the arithmetic, and knows no table.
class ProgressQueries
{
public:
    explicit ProgressQueries(Database *db) : m_db(db) {}

    /// The stage sums of each unit's projects whose stage dates fall in [from, to]; whole months come
    /// from the monthly sums (stage_sums), the rest from the stage dates.
    UnitStageSums stageSums(const QDate &from, const QDate &to) const;
    /// The monthly sums of a year, by month (12 entries), read from stage_sums.
    QList<UnitStageSums> monthlyStageSums(int year) const;
    QSet<qint64> unitsWithProjects() const;
    QSet<qint64> unitsWithActivities() const;
    QList<ReportedFigure> reportedFigures(int year) const;
    /// How many projects stood before 投产 on \a day in a stage reached on or before \a reachedBy, by
    /// stage and the day it was reached; of \a units only, unless empty.
    QList<WaitingCount> waitingCounts(const QDate &day, const QDate &reachedBy, const QList<qint64> &units) const;
    /// Those projects one by one, the longest waiting first: those in a stage of \a latest that
    /// reached it on or before its day there, at most \a limit of them (0: all).
    QList<ProjectStanding> waitingOn(const QDate &day, const QDate &reachedBy, const QList<qint64> &units,
                                     const QMap<Stage, QDate> &latest, int limit) const;
    /// The pipeline as it stood on \a day, by unit and stage.
    QList<StageTally> stagesOn(const QDate &day) const;
    /// The counted amount of the projects signed in [from, to], by unit and industry chain.
    QList<IndustryAmount> signedByIndustry(const QDate &from, const QDate &to) const;

private:
    /// The SQL of the projects waiting on a day (project_id, unit_id, stage, since), with its bound values.
    static QString waitingSql(const QDate &day, const QDate &reachedBy, const QList<qint64> &units, QVariantList *binds);

    Database *m_db;
};

} // namespace IPDesk
