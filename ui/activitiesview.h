#pragma once

#include "desk/activitystore.h"

#include <QWidget>
#include <optional>

class QTableWidget;
class QUndoStack;
class QSpinBox;

namespace IPDesk {

class Desk;
class ProjectStore;

/// The activity log: trips out, company visits, delegations received, events and signing ceremonies.
/// They count into the activity metrics like any other actual. Every change is undoable.
class ActivitiesView : public QWidget
{
    Q_OBJECT
public:
    ActivitiesView(Desk *desk, QWidget *parent = nullptr);
    void setUnits(const QList<qint64> &unitIds);
    QTableWidget *table() const { return m_table; }
    /// Opens the form; returns the activity the officer entered, or nullopt.
    std::optional<Activity> editActivity(const std::optional<Activity> &existing);

public slots:
    void reload();
    void addActivity();
    void editSelected();
    void deleteSelected();

private:
    std::optional<Activity> selected() const;
    Desk *m_desk;
    ProjectStore *m_store;
    QList<qint64> m_units;
    QList<Activity> m_shown;
    QSpinBox *m_year;
    QTableWidget *m_table;
};

} // namespace IPDesk
