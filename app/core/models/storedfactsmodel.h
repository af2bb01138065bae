#pragma once

#include "desk/factstore.h"
#include "desk/projectstore.h"

#include <QAbstractTableModel>

namespace IPDesk {

class Desk;

/// Stored reported facts of a scope of units, each with the report it came from.
class StoredFactsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Unit, Year, Period, Metric, Kind, Value, Qualifier, Source, ColumnCount };
    enum Role { DocumentIdRole = Qt::UserRole + 1, EvidenceStartRole, EvidenceEndRole };

    explicit StoredFactsModel(Desk *desk, QObject *parent = nullptr);

    void setUnits(const QList<qint64> &unitIds); // empty: all units
    void reload();
    Fact factAt(int row) const { return m_facts.value(row); }
    /// The report's text, for showing the sentence a fact came from.
    QString documentText(qint64 documentId, QString *title = nullptr) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Desk *m_desk;
    ProjectStore *m_store;
    QList<qint64> m_units;
    QList<Fact> m_facts;
    QHash<qint64, QString> m_titles;
};

} // namespace IPDesk
