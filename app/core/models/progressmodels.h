#pragma once

#include "progress/bulletin.h"

#include <QAbstractTableModel>

namespace IPDesk {

/// The tables behind the Progress tab; the charts read the same models (QVBarModelMapper, …).
/// Each shows one part of a BulletinData, replaced whole by setData(BulletinData).

/// Every unit and metric: target, actual and its source, completion, pace, gap, status.
class ProgressTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Unit, Metric, Target, Actual, Source, Pipeline, Reported, Difference, Completion, Pace, Gap, Status, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, UnitIdRole, MetricRole };
    explicit ProgressTableModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setRows(const QList<ProgressRow> &rows);
    const ProgressRow &rowAt(int row) const { return m_rows.at(row); }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ProgressRow> m_rows;
};

/// The ranking (比学赶超). The Green/Yellow/Red columns hold the weighted completion in the column of
/// the unit's status and 0 in the others, so a stacked bar chart colours each bar by status.
class RankingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Unit, CountCompletion, AmountCompletion, Weighted, Efficacy, Status, GreenValue, YellowValue, RedValue,
                  Pace, TargetLine, ColumnCount };
    enum Role { UnitIdRole = Qt::UserRole + 1 };
    explicit RankingModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setData(const BulletinData &d);
    const RankRow &rowAt(int row) const { return m_rows.at(row); }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    using QAbstractTableModel::setData;

private:
    QList<RankRow> m_rows; // ranked units only
    QString m_countMetric, m_amountMetric;
    double m_pace = 0;
};

/// The stalled projects (六未) as of the bulletin's day: waiting in a stage past the bureau's limit,
/// longest first, coloured yellow or red as the bulletin lists them.
class StalledModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Project, Unit, Waiting, Since, Days, Limit, Status, ColumnCount };
    enum Role { ProjectIdRole = Qt::UserRole + 1 };
    explicit StalledModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setData(const BulletinData &d);
    const StuckProject &rowAt(int row) const { return m_rows.at(row); }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    using QAbstractTableModel::setData;

private:
    QList<StuckProject> m_rows;
};

} // namespace IPDesk
