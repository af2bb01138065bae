#include "models/storedfactsmodel.h"
#include "desk/desk.h"

#include "base/metrics.h"


namespace IPDesk {

StoredFactsModel::StoredFactsModel(Desk *desk, QObject *parent)
    : QAbstractTableModel(parent)
    , m_desk(desk)
    , m_store(desk->projects())
{
    reload();
}

void StoredFactsModel::setUnits(const QList<qint64> &unitIds)
{
    m_units = unitIds;
    reload();
}

void StoredFactsModel::reload()
{
    beginResetModel();
    m_facts.clear();
    const QList<Fact> all = m_desk->facts()->facts();
    for (const Fact &f : all) {
        if (m_units.isEmpty() || m_units.contains(f.unitId))
            m_facts.append(f);
    }
    m_titles = m_desk->facts()->documentTitles();
    endResetModel();
}

QString StoredFactsModel::documentText(qint64 documentId, QString *title) const
{
    const std::optional<SourceDocument> d = m_desk->facts()->document(documentId);
    if (!d)
        return QString();
    if (title)
        *title = d->title;
    return d->body;
}

int StoredFactsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_facts.size());
}

int StoredFactsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StoredFactsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Unit: return tr("Unit");
    case Year: return tr("Year");
    case Period: return tr("Period");
    case Metric: return tr("Metric");
    case Kind: return tr("Target / actual");
    case Value: return tr("Value");
    case Qualifier: return tr("Qualifier");
    case Source: return tr("Source");
    }
    return QVariant();
}

QVariant StoredFactsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const Fact &f = m_facts.at(index.row());
    switch (role) {
    case DocumentIdRole: return f.documentId;
    case EvidenceStartRole: return f.evidenceStart;
    case EvidenceEndRole: return f.evidenceEnd;
    case Qt::ToolTipRole: return f.evidenceText.isEmpty() ? QVariant() : QVariant(f.evidenceText);
    case Qt::DisplayRole:
        switch (index.column()) {
        case Unit: return f.district;
        case Year: return f.year;
        case Period: return Metrics::spanName(f.span);
        case Metric: return Metrics::name(f.metric);
        case Kind: return Metrics::kindName(f.kind);
        case Value: return Metrics::formatValue(f.metric, f.value);
        case Qualifier: return Metrics::qualifierName(f.qualifier);
        case Source: return f.documentId ? m_titles.value(f.documentId) : tr("(entered by hand)");
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Value || index.column() == Year)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return QVariant();
}

} // namespace IPDesk
