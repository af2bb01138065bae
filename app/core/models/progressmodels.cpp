#include "models/progressmodels.h"

#include "base/metrics.h"

#include <QBrush>
#include <QColor>

#include <cmath>

namespace IPDesk {

namespace {
QString pct(double v)
{
    return QString::number(v, 'f', 1) + QLatin1Char('%');
}
} // namespace

void ProgressTableModel::setRows(const QList<ProgressRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ProgressTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProgressTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProgressTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Unit: return tr("Unit");
    case Metric: return tr("Metric");
    case Target: return tr("Target");
    case Actual: return tr("Actual");
    case Source: return tr("Source");
    case Pipeline: return tr("Pipeline");
    case Reported: return tr("Reported");
    case Difference: return tr("Pipeline − reported");
    case Completion: return tr("Completion");
    case Pace: return tr("Time pace");
    case Gap: return tr("Behind pace (points)");
    case Status: return tr("Status");
    }
    return QVariant();
}

QVariant ProgressTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const ProgressRow &r = m_rows.at(index.row());
    const bool computed = r.hasTarget && r.hasActual && r.target > 0;
    switch (role) {
    case StatusRole: return int(r.status);
    case UnitIdRole: return r.unitId;
    case MetricRole: return r.metric;
    case Qt::ToolTipRole:
        if (index.column() == Reported && r.hasReported)
            return tr("%1, %2, as of %3").arg(r.reportedDocument, Metrics::spanName(r.reportedSpan), r.reportedEnd.toString(Qt::ISODate));
        return r.summary();
    case Qt::BackgroundRole:
        if (index.column() == Status)
            return QBrush(ChartPainter::statusColor(r.status).lighter(170));
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() >= Target && index.column() != Source)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case Unit: return QString(QString(r.depth * 2, QChar(0x3000)) + r.unit);
        case Metric: return Metrics::name(r.metric);
        case Target:
            if (!r.hasTarget)
                return tr("no target");
            return r.targetSource == QLatin1String("children") ? tr("%1 (sum of units)").arg(Metrics::formatValue(r.metric, r.target))
                                                                : Metrics::formatValue(r.metric, r.target);
        case Actual: return r.hasActual ? Metrics::formatValue(r.metric, std::round(r.actual * 100) / 100) : tr("no figures");
        case Source:
            if (r.source == QLatin1String("pipeline")) return tr("Pipeline");
            if (r.source == QLatin1String("activities")) return tr("Activity log");
            if (r.source == QLatin1String("children")) return tr("Sum of units");
            if (r.source == QLatin1String("return"))
                return r.hasActual ? tr("Approved return: %1").arg(r.sourceDetail) : tr("No approved return");
            if (r.source == QLatin1String("reported"))
                return r.sourceRule == QLatin1String("reported") ? tr("Reported (chosen): %1").arg(r.sourceDetail)
                                                                 : tr("Reported: %1").arg(r.sourceDetail);
            if (r.sourceRule == QLatin1String("reported"))
                return tr("Reported (chosen): none yet");
            return QString();
        case Pipeline: return r.hasPipeline ? Metrics::formatValue(r.metric, std::round(r.pipeline * 100) / 100) : QString();
        case Reported:
            return r.hasReported ? tr("%1 (%2)").arg(Metrics::formatValue(r.metric, std::round(r.reported * 100) / 100),
                                                      Metrics::spanName(r.reportedSpan))
                                 : QString();
        case Difference:
            return r.hasPipeline && r.hasReported ? Metrics::formatValue(r.metric, std::round((r.pipeline - r.reported) * 100) / 100)
                                                  : QString();
        case Completion: return computed ? pct(r.completion) : QString();
        case Pace: return pct(r.pace);
        case Gap: return computed ? QString::number(r.gap, 'f', 1) : QString();
        case Status: return statusName(r.status);
        }
    }
    return QVariant();
}

void RankingModel::setData(const BulletinData &d)
{
    beginResetModel();
    m_rows.clear();
    for (const RankRow &r : d.ranking) {
        if (r.rank > 0)
            m_rows << r;
    }
    m_countMetric = d.countMetric;
    m_amountMetric = d.amountMetric;
    m_pace = d.pace;
    endResetModel();
}

int RankingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RankingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RankingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Rank: return tr("Rank");
    case Unit: return tr("Unit");
    case CountCompletion: return Metrics::name(m_countMetric);
    case AmountCompletion: return Metrics::name(m_amountMetric);
    case Weighted: return tr("Weighted completion");
    case Efficacy: return tr("Efficacy score");
    case Status: return tr("Status");
    case GreenValue: return statusName(ProgressStatus::Green);
    case YellowValue: return statusName(ProgressStatus::Yellow);
    case RedValue: return statusName(ProgressStatus::Red);
    case Pace: return tr("Time pace");
    case TargetLine: return tr("Annual target");
    }
    return QVariant();
}

QVariant RankingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const RankRow &r = m_rows.at(index.row());
    if (role == UnitIdRole)
        return r.unitId;
    if (role == Qt::BackgroundRole && index.column() == Status)
        return QBrush(ChartPainter::statusColor(r.status));
    if (role == Qt::ForegroundRole && index.column() == Status)
        return QBrush(Qt::white);
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case Rank: return r.rank;
        case CountCompletion: return r.countCompletion;
        case AmountCompletion: return r.amountCompletion;
        case Weighted: return r.weighted;
        case Efficacy: return r.efficacy;
        case GreenValue: return r.status == ProgressStatus::Green ? r.weighted : 0.0;
        case YellowValue: return r.status == ProgressStatus::Yellow ? r.weighted : 0.0;
        case RedValue: return r.status == ProgressStatus::Red ? r.weighted : 0.0;
        case Pace: return m_pace;
        case TargetLine: return 100.0;
        default: break;
        }
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case Rank: return r.rank;
    case Unit: return r.unit;
    case CountCompletion: return r.hasCount ? pct(r.countCompletion) : tr("No target");
    case AmountCompletion: return r.hasAmount ? pct(r.amountCompletion) : tr("No target");
    case Weighted: return r.rank ? pct(r.weighted) : QVariant(QStringLiteral("—"));
    case Efficacy: return r.hasEfficacy ? QVariant(QString::number(r.efficacy, 'f', 1)) : QVariant(QStringLiteral("—"));
    case Status: return statusName(r.status);
    default: return data(index, Qt::EditRole);
    }
}

void StalledModel::setData(const BulletinData &d)
{
    beginResetModel();
    m_rows = d.stuck;
    endResetModel();
}

int StalledModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StalledModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StalledModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Project: return tr("Project");
    case Unit: return tr("Unit");
    case Waiting: return tr("Waiting");
    case Since: return tr("Since");
    case Days: return tr("Days");
    case Limit: return tr("Limit (days)");
    case Status: return tr("Status");
    }
    return QVariant();
}

QVariant StalledModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const StuckProject &r = m_rows.at(index.row());
    if (role == ProjectIdRole)
        return r.projectId;
    if (role == Qt::BackgroundRole && index.column() == Status)
        return QBrush(ChartPainter::statusColor(r.status));
    if (role == Qt::ToolTipRole)
        return ChartPainter::stalledText(r);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case Project: return r.name;
    case Unit: return r.unit;
    case Waiting: return ChartPainter::waitingFor(r.stage);
    case Since: return r.since.toString(Qt::ISODate);
    case Days: return r.days;
    case Limit: return r.limitDays > 0 ? QVariant(r.limitDays) : QVariant();
    case Status: return statusName(r.status);
    }
    return QVariant();
}

} // namespace IPDesk
