#include "models/factreviewmodel.h"

#include "base/metrics.h"

#include <QBrush>
#include <QColor>

namespace IPDesk {

FactReviewModel::FactReviewModel(const ReportImporter *importer, QObject *parent)
    : QAbstractTableModel(parent)
    , m_importer(importer)
{
}

void FactReviewModel::setPlan(ImportPlan *plan)
{
    beginResetModel();
    m_plan = plan;
    endResetModel();
    emit acceptedCountChanged();
}

int FactReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_plan ? 0 : int(m_plan->facts.size());
}

int FactReviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int FactReviewModel::acceptedCount() const
{
    int n = 0;
    if (m_plan) {
        for (const ProposedFact &p : m_plan->facts)
            n += p.accept;
    }
    return n;
}

QVariant FactReviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Accept: return tr("Accept");
    case Unit: return tr("Unit");
    case Year: return tr("Year");
    case Period: return tr("Period");
    case Metric: return tr("Metric");
    case Value: return tr("Value");
    case Qualifier: return tr("Qualifier");
    case Kind: return tr("Target / actual");
    case Stored: return tr("Stored now");
    case Replace: return tr("On conflict");
    case Sentence: return tr("Sentence");
    }
    return QVariant();
}

QVariant FactReviewModel::data(const QModelIndex &index, int role) const
{
    if (!m_plan || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const ProposedFact &p = m_plan->facts.at(index.row());
    const Fact &f = p.fact;
    if (role == EvidenceStartRole)
        return f.evidenceStart;
    if (role == EvidenceEndRole)
        return f.evidenceEnd;
    if (role == Qt::CheckStateRole) {
        if (index.column() == Accept)
            return p.accept ? Qt::Checked : Qt::Unchecked;
        if (index.column() == Replace && p.existing)
            return p.replace ? Qt::Checked : Qt::Unchecked;
        return QVariant();
    }
    if (role == Qt::BackgroundRole && index.column() == Stored && p.existing && p.existing->value != f.value)
        return QBrush(QColor(0xff, 0xe0, 0xb2));
    // What the officer must look at: a doubtful reading, or a figure without its year or unit.
    const bool doubtful = f.confidence < ProposedFact::Doubtful;
    const bool missing = (index.column() == Year && f.year <= 0) || (index.column() == Unit && f.district.isEmpty());
    if (role == Qt::BackgroundRole && (missing || (doubtful && index.column() == Accept)))
        return QBrush(missing ? QColor(0xff, 0xcd, 0xd2) : QColor(0xff, 0xf3, 0xc4));
    if (role == Qt::ToolTipRole && index.column() == Accept && (doubtful || !f.cue.isEmpty())) {
        const QString why = f.cue.isEmpty() ? tr("read from the list it stands in") : tr("read from “%1”").arg(f.cue);
        return doubtful ? tr("Doubtful (%1%): %2; check it against the sentence.").arg(qRound(f.confidence * 100)).arg(why)
                        : tr("Sure (%1%): %2.").arg(qRound(f.confidence * 100)).arg(why);
    }
    if (role == Qt::ForegroundRole && !p.accept)
        return QBrush(QColor(0x99, 0x99, 0x99));
    if (role == CodeRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Unit: return f.district;
        case Year: return f.year;
        case Period: return f.span;
        case Metric: return f.metric;
        case Value: return f.value;
        case Qualifier: return f.qualifier;
        case Kind: return f.kind;
        default: break;
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QVariant();
    switch (index.column()) {
    case Accept: return doubtful ? tr("Check") : QString();
    case Unit: return f.district.isEmpty() ? tr("(not named: choose)") : p.unitId ? f.district : tr("%1 (new unit)").arg(f.district);
    case Year: return f.year > 0 ? QVariant(f.year) : QVariant(tr("(not stated: give)"));
    case Period: return QString(Metrics::spanName(f.span) + (f.asOf.isValid() ? tr(" (to %1)").arg(f.asOf.toString(Qt::ISODate)) : QString()));
    case Metric: return Metrics::name(f.metric);
    case Value: return f.hasValueMax ? tr("%1 to %2").arg(Metrics::formatValue(f.metric, f.value), Metrics::formatValue(f.metric, f.valueMax))
                                     : Metrics::formatValue(f.metric, f.value);
    case Qualifier: return Metrics::qualifierName(f.qualifier);
    case Kind: return Metrics::kindName(f.kind);
    case Stored: return p.existing ? Metrics::formatValue(f.metric, p.existing->value) : QString();
    case Replace: return p.existing ? (p.replace ? tr("Replace") : tr("Keep stored")) : QString();
    case Sentence: return f.evidenceText;
    default: return QVariant();
    }
}

Qt::ItemFlags FactReviewModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    switch (index.column()) {
    case Accept: return f | Qt::ItemIsUserCheckable;
    case Replace: return m_plan && m_plan->facts.at(index.row()).existing ? f | Qt::ItemIsUserCheckable : f;
    case Stored:
    case Sentence: return f;
    default: return f | Qt::ItemIsEditable;
    }
}

bool FactReviewModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_plan || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    ProposedFact &p = m_plan->facts[index.row()];
    if (role == Qt::CheckStateRole) {
        const bool on = value.toInt() == Qt::Checked;
        if (index.column() == Accept)
            p.accept = on;
        else if (index.column() == Replace)
            p.replace = on;
        else
            return false;
        emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
        emit acceptedCountChanged();
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    Fact &f = p.fact;
    switch (index.column()) {
    case Unit: {
        const QString name = value.toString().trimmed();
        if (name.isEmpty())
            return false;
        f.district = name;
        break;
    }
    case Year: {
        const int y = value.toInt();
        if (y < 1990 || y > 2100)
            return false;
        f.year = y;
        break;
    }
    case Period:
        if (!Metrics::spans().contains(value.toString()))
            return false;
        f.span = value.toString();
        break;
    case Metric:
        if (!Metrics::ids().contains(value.toString()))
            return false;
        f.metric = value.toString();
        break;
    case Value: {
        bool ok = false;
        const double v = value.toString().toDouble(&ok);
        if (!ok || v < 0)
            return false;
        f.value = v;
        break;
    }
    case Qualifier:
        if (!Metrics::qualifiers().contains(value.toString()))
            return false;
        f.qualifier = value.toString();
        break;
    case Kind:
        if (value.toString() != QLatin1String("actual") && value.toString() != QLatin1String("target"))
            return false;
        f.kind = value.toString();
        break;
    default:
        return false;
    }
    m_importer->refresh(*m_plan); // the unit or the key changed: match again, look for conflicts again
    emit dataChanged(this->index(0, 0), this->index(rowCount() - 1, ColumnCount - 1));
    return true;
}

} // namespace IPDesk
