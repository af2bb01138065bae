#pragma once

#include "base/money.h"
#include "desk/desk.h"

#include <QMainWindow>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSpinBox;
class QTableView;
class QTreeView;
class QUndoStack;
class QActionGroup;

namespace IPDesk {

class Desk;

class ActivitiesView;
class ChangeLogView;
class ChangeNotifier;
class FactsView;
class ProgressView;
class ReturnsView;
class TasksView;
class ProjectDetailPanel;
class ProjectTableModel;
class UnitTreeModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a desk file or a team database (postgresql://...); on failure shows why and keeps the
    /// desk that was open. A team database's password comes from \a password, the address, the
    /// keyring, or else the connect dialog asks for it.
    bool openDesk(const QString &path, bool createDemoIfNew = false, const QString &password = QString());
    /// Shows this desk (already open): its stores, undo history and kept edits come with it.
    void adoptDesk(std::unique_ptr<Desk> desk);
    /// The window built again in the language now installed, with this one's desk, layout, tab,
    /// scope and project; this one is left without a desk, to be closed. (A new translator makes
    /// every widget's text stale; building the window again is the one way no text is missed.)
    std::unique_ptr<MainWindow> rebuild();
    /// File → Connect to Team Database.
    bool connectTeamDesk(const QString &address = QString(), const QString &message = QString());
    ChangeLogView *changeLogView() const { return m_changeLog; }
    /// Whether the team database is reachable; checked every few seconds, and reconnected.
    bool isConnected() const { return m_connected; }
    QString connectionText() const;
    /// One round of the connection watch: notices a dropped connection, reconnects, saves kept edits.
    void checkConnection();
    /// Reloads the views after other officers' changes (LISTEN/NOTIFY, or another process on the file).
    void refreshFromElsewhere(const QString &table);

    // For tests and scripting.
    QTableView *projectView() const { return m_table; }
    QTreeView *unitView() const { return m_unitTree; }
    ProjectTableModel *projectModel() const { return m_model; }
    Desk *desk() const { return m_desk.get(); }
    ProjectStore *store() const { return m_desk ? m_desk->projects() : nullptr; }
    QUndoStack *undoStack() const { return m_desk ? m_desk->undoStack() : nullptr; }
    /// Whether the conflict view is open (it is never opened inside another one, nor inside an edit).
    bool isResolvingConflict() const { return m_resolving; }
    ProjectDetailPanel *detailPanel() const { return m_detail; }
    QString lastError() const { return m_lastError; }
    QString totalsText() const;
    void setStageFilter(int stage);
    void setSearchText(const QString &text);

    FactsView *factsView() const { return m_facts; }
    ProgressView *progressView() const { return m_progressView; }
    ActivitiesView *activitiesView() const { return m_activities; }
    ReturnsView *returnsView() const { return m_returnsView; }
    TasksView *tasksView() const { return m_tasksView; }
    class QTabWidget *tabs() const { return m_tabs; }

signals:
    /// The language changed (Preferences): the owner replaces the window by rebuild().
    void languageChanged();

public slots:
    /// Opens the import dialog on these report files (File → Import Reports, or files dropped on the window).
    void importReports(const QStringList &paths);
    /// Opens the spreadsheet import dialog on a CSV or XLSX file.
    void importTable(const QString &path);
    /// Writes what the pipeline table shows (its filter, sort and columns) to CSV or XLSX.
    Status exportTable(const QString &path, bool gb18030 = false);
    /// Copies the selected cells as tab-separated text, as Excel and WPS paste it.
    void copyCells();
    /// Pastes a block copied from Excel or WPS at the current cell: one undoable edit, all or nothing.
    bool pasteCells(const QString &text = QString());
    void addProject();
    void duplicateProject();
    void deleteProjects();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createWidgets();
    void bindDesk();
    void applyFilter();
    void updateTotals();
    void updateRecentMenu();
    void updateTitle();
    void showError(const QString &title, const QString &message);
    void newDesk();
    void openDeskDialog();
    void saveCopy();
    void checkDesk();
    void addUnit();
    void manageAccounts();
    /// Saves the edits kept while the team database could not be reached, and says how it went.
    /// Returns whether there were any.
    bool saveKeptEdits();
    void updateConnectionLabel();
    void showPreferences();
    void importReportsDialog();
    void importTableDialog();
    void exportTableDialog();
    void pasteReportText();
    void setMoneyUnit(MoneyUnit unit);
    qint64 currentProjectId() const;
    void fillColumnsMenu(QMenu *menu);
    /// The views let go of the desk's models (before the desk goes or moves to another window).
    void unbindDesk();
    /// The window's geometry, docks and table columns, for the next window.
    void saveLayout() const;
    qint64 scopeUnitId() const;
    void onDeskChanged(const DeskChange &change);
    /// Queues a conflict and shows the conflict view for each in turn, after the edit has returned.
    void queueConflict(const EditConflict &conflict);
    void resolveConflicts();

    std::unique_ptr<Desk> m_desk;
    QList<EditConflict> m_conflicts; ///< waiting for the conflict view
    bool m_resolving = false;
    bool m_languagePending = false;
    ProjectTableModel *m_model = nullptr;
    UnitTreeModel *m_unitModel = nullptr;
    MoneyUnit m_moneyUnit;
    QString m_lastError;

    QTreeView *m_unitTree = nullptr;
    QTableView *m_table = nullptr;
    QMenu *m_columnsMenu = nullptr;
    class QTabWidget *m_tabs = nullptr;
    FactsView *m_facts = nullptr;
    ProgressView *m_progressView = nullptr;
    ActivitiesView *m_activities = nullptr;
    ReturnsView *m_returnsView = nullptr;
    TasksView *m_tasksView = nullptr;
    ChangeLogView *m_changeLog = nullptr;
    QLabel *m_connectionLabel = nullptr;
    class QTimer *m_connectionTimer = nullptr;
    bool m_connected = true;
    QAction *m_checkAction = nullptr;
    QAction *m_accountsAction = nullptr;
    ProjectDetailPanel *m_detail = nullptr;
    QDockWidget *m_detailDock = nullptr;
    bool m_detailHiddenByTab = false;
    QDockWidget *m_unitDock = nullptr;
    QComboBox *m_stageFilter = nullptr;
    QComboBox *m_industryFilter = nullptr;
    QSpinBox *m_yearFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QList<QLabel *> m_totalLabels;
    QLabel *m_totalAll = nullptr;

    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QList<QAction *> m_writeActions; ///< what a read-only copy of a damaged desk cannot do
    QActionGroup *m_moneyGroup = nullptr;
};

} // namespace IPDesk
