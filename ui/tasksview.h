#pragma once

#include "desk/taskstore.h"
#include "progress/progress.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace IPDesk {

class Desk;

/// Follow-up tasks (督办): what a leader asked of a unit, on a project or not, by when; the unit's
/// replies; overdue ones marked red and counted on the tab.
class TasksView : public QWidget
{
    Q_OBJECT
public:
    explicit TasksView(Desk *desk, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }
    int overdueCount() const { return m_overdue; }
    /// The task one click makes of a stalled project: its unit, what it waits for, due in the
    /// bureau's days. Returns its id (0 when it could not be saved, after saying why).
    qint64 addTaskFor(const StuckProject &stalled);

public slots:
    void reload();
    void addTask();
    void replySelected();
    void toggleDoneSelected();
    void deleteSelected();

signals:
    void overdueChanged(int count);
    /// A task was made (its id), for the window's status line.
    void taskAdded(qint64 id);

private:
    std::optional<FollowUpTask> selected() const;
    void selectTask(qint64 id);

    Desk *m_desk;
    QTableWidget *m_table;
    QCheckBox *m_showDone;
    QLabel *m_summary;
    QList<FollowUpTask> m_shown;
    int m_overdue = -1;
};

} // namespace IPDesk
