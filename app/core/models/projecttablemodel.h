#pragma once

#include "base/money.h"
#include "desk/desk.h"

#include <QAbstractTableModel>
#include <QHash>

namespace IPDesk {

/// The project pipeline as a table. Rows are read from the store a page at a time, so a desk of
/// a million projects costs a few pages of memory; sorting and filtering run in SQL.
/// setData() hands the edit to the Desk, which writes it and puts it on the undo stack; a conflict
/// with someone else's change is settled by the window after setData() has returned.
class ProjectTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        ProjectIdRole = Qt::UserRole + 1,
        StageRole,
        UnitIdRole,
        FieldRole,
    };

    ProjectTableModel(Desk *desk, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// What setData() does, for a project by id wherever its row is (scripts). True when the edit
    /// was stored, kept for later, or waits for the officer's choice on a conflict.
    bool setProjectValue(qint64 projectId, ProjectField field, const QVariant &value);

    /// Pastes a block of cells (lines of tab-separated cells, as Excel and WPS copy them) with its
    /// top left at (row, column): each cell read as an import reads it, all rows written in one
    /// transaction and one undo step. Nothing is written when a cell cannot be read or a row cannot
    /// be saved; *error then says which.
    bool pasteBlock(int row, int column, const QString &text, QString *error);

    ProjectQuery query() const { return m_query; }
    void setQuery(const ProjectQuery &query);
    MoneyUnit moneyUnit() const { return m_moneyUnit; }
    void setMoneyUnit(MoneyUnit unit);

    /// The project shown in a row (from the page cache), or nullopt.
    std::optional<Project> projectAt(int row) const;
    qint64 projectIdAt(int row) const;
    /// The row a project is shown in, among the loaded pages; -1 if not loaded or not shown.
    int rowOf(qint64 projectId) const;
    Desk *desk() const { return m_desk; }

    static constexpr int PageSize = 256;
    /// Reads the rows again (after changes elsewhere); the query stays.
    void reload();

signals:
    /// An edit was refused; the message says why, in the user's language.
    void editRejected(const QString &message);
    void totalsChanged();

private:
    const QList<Project> *page(int pageIndex) const;
    void onProjectChanged(qint64 id);

    void onDeskChanged(const DeskChange &change);

    Desk *m_desk;
    ProjectStore *m_store;
    ProjectQuery m_query;
    MoneyUnit m_moneyUnit = MoneyUnit::Yi;
    int m_rowCount = 0;
    mutable QHash<int, QList<Project>> m_pages;
    mutable QList<int> m_recent; // least recently used first
};

} // namespace IPDesk
