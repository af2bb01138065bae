#pragma once

#include "desk/projectstore.h"

#include <QAbstractItemModel>

namespace IPDesk {

class Desk;

/// The unit tree (city → district/county → town, street, department) with an "All units" row on top.
/// The internal id of an index is the unit id; 0 is the "All units" row.
class UnitTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role { UnitIdRole = Qt::UserRole + 1 };

    explicit UnitTreeModel(Desk *desk, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QModelIndex indexOf(qint64 unitId) const;

private:
    QList<qint64> childrenOf(qint64 unitId) const; // 0: roots
    Desk *m_desk;
    ProjectStore *m_store;
};

} // namespace IPDesk
