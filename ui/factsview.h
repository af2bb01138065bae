#pragma once

#include <QWidget>

class QTableView;

namespace IPDesk {

class Desk;
class ProjectStore;
class StoredFactsModel;

/// The stored facts of the scope, each linked back to the sentence of its report.
class FactsView : public QWidget
{
    Q_OBJECT
public:
    FactsView(Desk *desk, QWidget *parent = nullptr);
    StoredFactsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setUnits(const QList<qint64> &unitIds);
    void reload();
    /// Opens the report of a row with the fact's sentence selected.
    void showSource(int row);

private:
    Desk *m_desk;
    ProjectStore *m_store;
    StoredFactsModel *m_model;
    QTableView *m_view;
};

} // namespace IPDesk
