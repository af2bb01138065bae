#pragma once

#include "reports/reportimporter.h"

#include <QAbstractTableModel>

namespace IPDesk {

/// The proposed facts of one report as the officer reviews them: accept or not, and correct the
/// unit, year, period, metric, value, qualifier and kind; conflicts with stored facts shown beside.
class FactReviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Accept, Unit, Year, Period, Metric, Value, Qualifier, Kind, Stored, Replace, Sentence, ColumnCount };
    enum Role { EvidenceStartRole = Qt::UserRole + 1, EvidenceEndRole, CodeRole };

    FactReviewModel(const ReportImporter *importer, QObject *parent = nullptr);

    void setPlan(ImportPlan *plan);
    ImportPlan *plan() const { return m_plan; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    int acceptedCount() const;

signals:
    void acceptedCountChanged();

private:
    const ReportImporter *m_importer;
    ImportPlan *m_plan = nullptr;
};

} // namespace IPDesk
