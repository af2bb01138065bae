#include "models/storedfactsmodel.h"

#include "base/metrics.h"

#include <QSqlQuery>

namespace IPDesk {

StoredFactsModel::StoredFactsModel(ProjectStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
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
    const QList<Fact> all = FactStore(m_store->database()).facts();
    for (const Fact &f : all) {
        if (m_units.isEmpty() || m_units.contains(f.unitId))
            m_facts.append(f);
    }
    m_titles.clear();
    QSqlQuery q = m_store->database()->query(QStringLiteral("SELECT id, title FROM documents"));
    if (q.exec()) {
        while (q.next())
            m_titles.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    endResetModel();
}

QString StoredFactsModel::documentText(qint64 documentId, QString *title) const
{
    QSqlQuery q = m_store->database()->query(QStringLiteral("SELECT title, body FROM documents WHERE id = ?"));
    q.addBindValue(documentId);
    if (!q.exec() || !q.next())
        return QString();
    if (title)
        *title = q.value(0).toString();
    return q.value(1).toString();
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
