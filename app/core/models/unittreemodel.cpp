#include "models/unittreemodel.h"
#include "desk/desk.h"

namespace IPDesk {

UnitTreeModel::UnitTreeModel(Desk *desk, QObject *parent)
    : QAbstractItemModel(parent)
    , m_desk(desk)
    , m_store(desk->projects())
{
    connect(desk, &Desk::changed, this, [this](const DeskChange &change) {
        if (change.what != DeskChange::Units)
            return;
        beginResetModel();
        endResetModel();
    });
}

QList<qint64> UnitTreeModel::childrenOf(qint64 unitId) const
{
    return m_store->children(unitId);
}

QModelIndex UnitTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column != 0)
        return QModelIndex();
    if (!parent.isValid()) {
        if (row == 0)
            return createIndex(0, 0, quintptr(0));
        const QList<qint64> roots = childrenOf(0);
        return row - 1 < roots.size() ? createIndex(row, 0, quintptr(roots.at(row - 1))) : QModelIndex();
    }
    if (parent.internalId() == 0)
        return QModelIndex();
    const QList<qint64> kids = childrenOf(qint64(parent.internalId()));
    return row < kids.size() ? createIndex(row, 0, quintptr(kids.at(row))) : QModelIndex();
}

QModelIndex UnitTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return QModelIndex();
    const auto u = m_store->unit(qint64(child.internalId()));
    if (!u || u->parentId == 0)
        return QModelIndex();
    return indexOf(u->parentId);
}

QModelIndex UnitTreeModel::indexOf(qint64 unitId) const
{
    if (unitId == 0)
        return createIndex(0, 0, quintptr(0));
    const auto u = m_store->unit(unitId);
    if (!u)
        return QModelIndex();
    const QList<qint64> siblings = childrenOf(u->parentId);
    const int row = int(siblings.indexOf(unitId)) + (u->parentId == 0 ? 1 : 0);
    return createIndex(row, 0, quintptr(unitId));
}

int UnitTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 1 + int(childrenOf(0).size());
    if (parent.column() != 0 || parent.internalId() == 0)
        return 0;
    return int(childrenOf(qint64(parent.internalId())).size());
}

int UnitTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant UnitTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const qint64 id = qint64(index.internalId());
    if (role == UnitIdRole)
        return id;
    if (id == 0)
        return role == Qt::DisplayRole ? QVariant(tr("All units")) : QVariant();
    const auto u = m_store->unit(id);
    if (!u)
        return QVariant();
    if (role == Qt::DisplayRole)
        return u->name;
    if (role == Qt::ToolTipRole)
        return Names::unitKind(u->kind);
    return QVariant();
}

QVariant UnitTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Unit");
    return QVariant();
}

} // namespace IPDesk
