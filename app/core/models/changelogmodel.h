#pragma once

#include "base/money.h"
#include "desk/auditlog.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QJsonObject>

namespace IPDesk {

class Desk;
class ProjectStore;

/// The audit trail the database keeps (schema step 5), newest first, in the officer's words:
/// field names as the pipeline shows them, units by name, amounts in 亿元 or 万元.
class ChangeLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Who, Record, Field, Before, After, ColumnCount };

    explicit ChangeLogModel(Desk *desk, QObject *parent = nullptr);
    void setFilter(const ChangeLogFilter &filter);
    const ChangeLogFilter &filter() const { return m_filter; }
    void setMoneyUnit(MoneyUnit unit);
    /// For a narrow pane: short times, and the After column reads "before → after".
    void setCompact(bool compact) { m_compact = compact; }
    void reload();
    /// The accounts that appear in the log, for the filter's list.
    QStringList accounts() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A field's name as the officer knows it ("planned_investment" → 计划投资).
    static QString fieldLabel(const QString &table, const QString &field);
    static QString tableLabel(const QString &table);

private:
    using Row = AuditEntry;
    QString describeValue(const Row &r, const QString &value) const;
    QString recordName(const Row &r) const;
    QJsonObject recordOf(const Row &r) const;
    QString wholeRecordValue(const Row &r, const QString &json) const;

    Desk *m_desk;
    ProjectStore *m_store;
    ChangeLogFilter m_filter;
    MoneyUnit m_moneyUnit = MoneyUnit::Yi;
    bool m_compact = false;
    QList<Row> m_rows;
    mutable QHash<qint64, QString> m_projectNames;
    mutable QHash<QString, QJsonObject> m_records; // "table/id": a record's columns, for naming it
    mutable QHash<qint64, QString> m_documentTitles; // the reports, by id, read when first needed
};

} // namespace IPDesk
