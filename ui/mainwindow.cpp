#include "mainwindow.h"
#include "returnsview.h"
#include "tasksview.h"
#include "fittoscreen.h"
#include "wheelguard.h"

#include "desk/demodata.h"
#include "deskedits.h"
#include "activitiesview.h"
#include "changelogview.h"
#include "conflictdialog.h"
#include "connectdialog.h"
#include "keyring.h"
#include "teamusersdialog.h"
#include "factsview.h"
#include "progressview.h"
#include "importreportdialog.h"
#include "tables/tableimport.h"
#include "tableimportdialog.h"
#include "preferencesdialog.h"
#include "desk/projectcommands.h"
#include "projectdelegate.h"
#include "projectdetailpanel.h"
#include "models/projecttablemodel.h"
#include "desk/settings.h"
#include "models/unittreemodel.h"

#include <QAction>
#include <QScrollBar>
#include <QTimer>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QDialogButtonBox>
#include <QTabWidget>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMenu>
#include <QScreen>
#include <QProgressDialog>
#include <QEventLoop>
#include <QThread>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <atomic>

namespace IPDesk {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_moneyUnit(AppSettings::moneyUnit())
{
    WheelGuard::ensureInstalled();
    setObjectName(QStringLiteral("MainWindow"));
    createWidgets();
    createActions();
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    // A team desk's connection is watched: a drop is shown, and the window reconnects on its own.
    m_connectionTimer = new QTimer(this);
    m_connectionTimer->setInterval(5000);
    connect(m_connectionTimer, &QTimer::timeout, this, &MainWindow::checkConnection);
    m_connectionTimer->start();
    fitToScreen(this, QSize(1280, 800)); // a laptop screen: no larger than it
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocks({m_unitDock, m_detailDock}, {190, 330}, Qt::Horizontal);
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Views first: they hold the models, which hold the store.
    m_table->setModel(nullptr);
    m_unitTree->setModel(nullptr);
    delete m_model;
    delete m_unitModel;
}

void MainWindow::createWidgets()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);

    // Filter bar.
    auto *filters = new QHBoxLayout;
    m_stageFilter = new QComboBox(central);
    m_stageFilter->setObjectName(QStringLiteral("stageFilter"));
    m_stageFilter->addItem(tr("All stages"), -1);
    for (int i = 0; i < StageCount; ++i)
        m_stageFilter->addItem(Names::stage(Stage(i)), i);
    m_industryFilter = new QComboBox(central);
    m_industryFilter->setObjectName(QStringLiteral("industryFilter"));
    m_industryFilter->setMinimumContentsLength(10);
    m_yearFilter = new QSpinBox(central);
    m_yearFilter->setObjectName(QStringLiteral("yearFilter"));
    m_yearFilter->setRange(1999, 2100);
    m_yearFilter->setSpecialValueText(tr("All years"));
    m_yearFilter->setValue(1999);
    m_textFilter = new QLineEdit(central);
    m_textFilter->setObjectName(QStringLiteral("textFilter"));
    m_textFilter->setPlaceholderText(tr("Search project, investor, officer, notes…"));
    m_textFilter->setClearButtonEnabled(true);
    filters->addWidget(new QLabel(tr("Stage:"), central));
    filters->addWidget(m_stageFilter);
    filters->addWidget(new QLabel(tr("Industry:"), central));
    filters->addWidget(m_industryFilter);
    filters->addWidget(new QLabel(tr("Year:"), central));
    filters->addWidget(m_yearFilter);
    filters->addWidget(m_textFilter, 1);
    layout->addLayout(filters);

    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("projectTable"));
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        fillColumnsMenu(&menu);
        menu.exec(m_table->horizontalHeader()->mapToGlobal(at));
    });
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    // Per-stage totals, always visible: the scope's total, then two rows of four stages.
    auto *totals = new QGridLayout;
    totals->setHorizontalSpacing(18);
    m_totalAll = new QLabel(central);
    m_totalAll->setObjectName(QStringLiteral("totalAll"));
    QFont bold = m_totalAll->font();
    bold.setBold(true);
    m_totalAll->setFont(bold);
    totals->addWidget(m_totalAll, 0, 0, 2, 1);
    for (int i = 0; i < StageCount; ++i) {
        auto *l = new QLabel(central);
        l->setObjectName(QLatin1String("total_") + Names::stageCode(Stage(i)));
        m_totalLabels << l;
        totals->addWidget(l, i / 4, 1 + i % 4);
    }
    totals->setColumnStretch(5, 1);
    layout->addLayout(totals);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(central, tr("Project pipeline"));
    setCentralWidget(m_tabs);
    setAcceptDrops(true);
    // The project form belongs to the pipeline: it makes room for the charts on the other tabs.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (!m_detailDock)
            return;
        if (index == 0) {
            if (m_detailHiddenByTab)
                m_detailDock->show();
            m_detailHiddenByTab = false;
        } else if (!m_detailDock->isHidden()) {
            m_detailDock->hide();
            m_detailHiddenByTab = true;
        }
    });

    m_unitTree = new QTreeView(this);
    m_unitTree->setObjectName(QStringLiteral("unitTree"));
    m_unitTree->setHeaderHidden(true);
    m_unitDock = new QDockWidget(tr("Units"), this);
    m_unitDock->setObjectName(QStringLiteral("unitDock"));
    m_unitDock->setWidget(m_unitTree);
    m_unitTree->setMinimumWidth(170);
    addDockWidget(Qt::LeftDockWidgetArea, m_unitDock);

    m_detailDock = new QDockWidget(tr("Project details"), this);
    m_detailDock->setObjectName(QStringLiteral("detailDock"));
    addDockWidget(Qt::RightDockWidgetArea, m_detailDock);

    connect(m_stageFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    connect(m_industryFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    connect(m_yearFilter, &QSpinBox::valueChanged, this, &MainWindow::applyFilter);
    connect(m_textFilter, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *a = file->addAction(tr("&New Desk…"), this, &MainWindow::newDesk);
    a->setShortcut(QKeySequence::New);
    a = file->addAction(tr("&Open Desk…"), this, &MainWindow::openDeskDialog);
    a->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Connect to Team Database…"), this, [this] { connectTeamDesk(); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    a = file->addAction(tr("Save &As a Copy…"), this, &MainWindow::saveCopy);
    a->setShortcut(QKeySequence::SaveAs);
    m_checkAction = file->addAction(tr("C&heck Desk File"), this, &MainWindow::checkDesk);
    file->addSeparator();
    a = file->addAction(tr("&Import Reports…"), this, &MainWindow::importReportsDialog);
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_writeActions << a << file->addAction(tr("Paste Report &Text…"), this, &MainWindow::pasteReportText);
    a = file->addAction(tr("Import &Table (CSV, XLSX)…"), this, &MainWindow::importTableDialog);
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_writeActions << a;
    a = file->addAction(tr("&Export Table…"), this, &MainWindow::exportTableDialog);
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    a = file->addAction(tr("&Quit"), this, &QWidget::close);
    a->setShortcut(QKeySequence::Quit);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = m_editMenu->addAction(tr("&Undo"), this, [this] {
        if (undoStack())
            undoStack()->undo();
    });
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_editMenu->addAction(tr("&Redo"), this, [this] {
        if (undoStack())
            undoStack()->redo();
    });
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_editMenu->addSeparator();
    QAction *copy = m_editMenu->addAction(tr("&Copy Cells"), this, &MainWindow::copyCells);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(copy);
    QAction *paste = m_editMenu->addAction(tr("&Paste Cells"), this, [this] { pasteCells(); });
    paste->setShortcut(QKeySequence::Paste);
    paste->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(paste);
    m_writeActions << paste;
    m_editMenu->addSeparator();
    m_addAction = m_editMenu->addAction(tr("&Add Project"), this, &MainWindow::addProject);
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Insert));
    m_duplicateAction = m_editMenu->addAction(tr("D&uplicate Project"), this, &MainWindow::duplicateProject);
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_deleteAction = m_editMenu->addAction(tr("&Delete Project…"), this, &MainWindow::deleteProjects);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_editMenu->addSeparator();
    m_writeActions << m_addAction << m_duplicateAction << m_deleteAction
                   << m_editMenu->addAction(tr("Add &Unit…"), this, &MainWindow::addUnit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_moneyGroup = new QActionGroup(this);
    QAction *yi = view->addAction(tr("Amounts in 100M yuan (亿元)"));
    QAction *wan = view->addAction(tr("Amounts in 10k yuan (万元)"));
    for (QAction *m : {yi, wan}) {
        m->setCheckable(true);
        m_moneyGroup->addAction(m);
    }
    (m_moneyUnit == MoneyUnit::Yi ? yi : wan)->setChecked(true);
    connect(yi, &QAction::triggered, this, [this] { setMoneyUnit(MoneyUnit::Yi); });
    connect(wan, &QAction::triggered, this, [this] { setMoneyUnit(MoneyUnit::Wan); });
    view->addSeparator();
    view->addAction(m_unitDock->toggleViewAction());
    view->addAction(m_detailDock->toggleViewAction());
    // Which pipeline columns are shown: here and on the table header's context menu.
    m_columnsMenu = view->addMenu(tr("Pipeline &Columns"));
    connect(m_columnsMenu, &QMenu::aboutToShow, this, [this] { fillColumnsMenu(m_columnsMenu); });

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_accountsAction = tools->addAction(tr("Team &Accounts…"), this, &MainWindow::manageAccounts);
    m_accountsAction->setEnabled(false);
    a = tools->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    a->setShortcut(QKeySequence::Preferences);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About IPDesk"), this, [this] {
        QMessageBox::about(this, tr("About IPDesk"),
                           tr("<h3>IPDesk %1</h3><p>The investment-promotion desk: the project pipeline, "
                              "targets and reports of a bureau in one place.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_addAction);
    bar->addAction(m_duplicateAction);
    bar->addAction(m_deleteAction);

    updateRecentMenu();
}

bool MainWindow::openDesk(const QString &path, bool createDemoIfNew, const QString &password)
{
    const bool team = Database::isServerAddress(path);
    const bool isNew = !team && !QFileInfo::exists(path);
    auto desk = std::make_unique<Desk>();
    QString secret = password;
    if (team) {
        const auto address = ServerAddress::parse(path);
        if (secret.isEmpty() && address && address->password.isEmpty())
            secret = Keyring::read(path);
    }
    Status s = desk->open(path, team ? Database::OpenMode::ExistingOnly : Database::OpenMode::CreateIfMissing, secret);
    if (!s && team && s.code() == Status::Code::Denied && password.isEmpty())
        return connectTeamDesk(path, s.message()); // no or wrong password: ask for it
    if (!s && s.code() == Status::Code::Damaged) {
        // What can still be read may be all the officer has until the backup is found.
        if (QMessageBox::warning(this, tr("Cannot open the desk"),
                                 tr("%1\n\nOpen a copy of it read-only, to read and export what can still be read? "
                                    "The file itself stays as it is.").arg(s.message()),
                                 QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Open)
            return false;
        s = desk->openReadOnlyCopy(path);
        if (s)
            statusBar()->showMessage(tr("A read-only copy of the damaged desk is open; nothing can be changed in it."), 15000);
    }
    if (!s) {
        showError(team ? tr("Cannot connect to the team database") : tr("Cannot open the desk"), s.message());
        return false;
    }
    if (isNew && createDemoIfNew) {
        s = DemoData::loadBuiltIn(desk.get());
        if (!s) {
            showError(tr("Cannot create the demo desk"), s.message());
            return false;
        }
    }
    adoptDesk(std::move(desk));
    return true;
}

void MainWindow::unbindDesk()
{
    if (m_model) {
        m_table->setModel(nullptr);
        m_unitTree->setModel(nullptr);
        delete m_model;
        delete m_unitModel;
        m_model = nullptr;
        m_unitModel = nullptr;
    }
    delete m_detail;
    m_detail = nullptr;
}

void MainWindow::adoptDesk(std::unique_ptr<Desk> desk)
{
    unbindDesk(); // before the old desk goes away
    m_conflicts.clear();
    m_desk = std::move(desk);
    if (!m_desk->isReadOnly())
        AppSettings::addRecentDatabase(m_desk->location());
    bindDesk();
    updateRecentMenu();
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    // A new translator sends one of these to every widget: the window is built again once, after.
    if (event->type() == QEvent::LanguageChange && m_desk && !m_languagePending) {
        m_languagePending = true;
        QTimer::singleShot(0, this, [this] {
            m_languagePending = false;
            emit languageChanged();
        });
    }
    QMainWindow::changeEvent(event);
}

std::unique_ptr<MainWindow> MainWindow::rebuild()
{
    // An edit typed in the details form is written first: the new window shows what is stored.
    if (m_detail && m_detail->isDirty())
        m_detail->apply();
    saveLayout(); // the new window opens with it
    const int tab = m_tabs->currentIndex();
    const qint64 scope = scopeUnitId();
    const qint64 project = currentProjectId();
    auto next = std::make_unique<MainWindow>();
    // The same desk, with its undo history and any edits kept while offline.
    unbindDesk();
    next->adoptDesk(std::move(m_desk));
    next->m_unitTree->setCurrentIndex(next->m_unitModel->indexOf(scope));
    next->m_tabs->setCurrentIndex(tab);
    if (project)
        next->m_detail->setProject(project);
    return next;
}

bool MainWindow::connectTeamDesk(const QString &address, const QString &message)
{
    ConnectDialog dialog(this);
    QString start = address;
    if (start.isEmpty()) {
        for (const QString &recent : AppSettings::recentDatabases()) {
            if (Database::isServerAddress(recent)) {
                start = recent;
                break;
            }
        }
    }
    dialog.setAddress(start);
    dialog.setMessage(message);
    while (dialog.exec() == QDialog::Accepted) {
        const QString target = dialog.address();
        auto probe = std::make_unique<Database>();
        probe->setPassword(dialog.password());
        const Status s = probe->open(target, Database::OpenMode::ExistingOnly);
        if (s.code() == Status::Code::NoDesk) {
            // An empty database: set the team desk up there only when the officer says so.
            if (QMessageBox::question(this, tr("New team desk"),
                                      tr("%1\n\nSet up a new, empty team desk in this database?").arg(s.message()))
                == QMessageBox::Yes) {
                Database create;
                create.setPassword(dialog.password());
                const Status c = create.open(target);
                if (!c) {
                    dialog.setMessage(c.message());
                    continue;
                }
            } else {
                continue;
            }
        } else if (!s) {
            dialog.setMessage(s.message());
            continue;
        }
        probe.reset();
        if (dialog.rememberPassword() && !dialog.password().isEmpty()) {
            const Status k = Keyring::write(target, dialog.password());
            if (!k)
                statusBar()->showMessage(tr("The password was not kept: %1").arg(k.message()), 10000);
        }
        return openDesk(target, false, dialog.password());
    }
    return false;
}

QString MainWindow::connectionText() const
{
    return m_connectionLabel ? m_connectionLabel->text() : QString();
}

void MainWindow::updateConnectionLabel()
{
    if (!m_desk) {
        m_connectionLabel->clear();
        return;
    }
    const qsizetype pending = m_desk->pending()->count();
    if (!m_desk->isTeam()) {
        m_connectionLabel->setText(tr("Personal desk"));
        m_connectionLabel->setStyleSheet(QString());
    } else if (m_connected) {
        m_connectionLabel->setText(tr("Team database %1 · signed in as %2")
                                       .arg(m_desk->serverName(), m_desk->userName()));
        m_connectionLabel->setStyleSheet(QString());
    } else {
        m_connectionLabel->setText(pending ? tr("Connection to the team database lost — reconnecting… "
                                                "%n edit(s) kept, to be saved when it is back", nullptr, int(pending))
                                           : tr("Connection to the team database lost — reconnecting…"));
        m_connectionLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    }
}

void MainWindow::checkConnection()
{
    if (!m_desk || !m_desk->isTeam())
        return;
    if (m_desk->ping()) {
        if (!m_connected) {
            m_connected = true;
            updateConnectionLabel();
        }
        return;
    }
    m_connected = false;
    updateConnectionLabel();
    const Status s = m_desk->reconnect();
    if (!s)
        return; // try again at the next round
    m_connected = true;
    saveKeptEdits();
    refreshFromElsewhere(QString());
    updateConnectionLabel();
    statusBar()->showMessage(tr("Connected to the team database again."), 8000);
}

bool MainWindow::saveKeptEdits()
{
    const qsizetype kept = m_desk->pending()->count();
    if (kept == 0)
        return false;
    const Status saved = m_desk->savePending();
    if (!saved)
        showError(tr("Some kept edits were not saved"), saved.message());
    else
        statusBar()->showMessage(tr("Saved %n edit(s) kept from when the connection was lost.", nullptr, int(kept)), 10000);
    return true;
}

void MainWindow::refreshFromElsewhere(const QString &table)
{
    if (!m_desk)
        return;
    // Never under the officer's fingers: while a cell is being edited the reload waits.
    const QWidget *focus = QApplication::focusWidget();
    if (focus && m_table->viewport()->isAncestorOf(focus)) { // a cell editor is open
        QTimer::singleShot(1000, this, [this, table] { refreshFromElsewhere(table); });
        return;
    }
    const int scrolled = m_table->verticalScrollBar()->value();
    const qint64 current = currentProjectId();
    m_model->reload();
    // Keep the officer's row selected if it is still among the first pages.
    for (int row = 0; current && row < qMin(m_model->rowCount(), 4 * ProjectTableModel::PageSize); ++row) {
        if (m_model->projectIdAt(row) == current) {
            const QSignalBlocker blocker(m_table->selectionModel());
            m_table->selectRow(row);
            break;
        }
    }
    m_table->verticalScrollBar()->setValue(scrolled);
    m_detail->refresh();
    m_changeLog->reload();
    updateTotals();
    statusBar()->showMessage(tr("Updated with changes saved by other officers."), 5000);
}

void MainWindow::onDeskChanged(const DeskChange &change)
{
    if (change.what == DeskChange::Elsewhere)
        refreshFromElsewhere(change.table);
}

void MainWindow::queueConflict(const EditConflict &conflict)
{
    m_conflicts << conflict;
    if (!m_resolving) // after the edit (or undo step) that met it has returned
        QTimer::singleShot(0, this, &MainWindow::resolveConflicts);
}

void MainWindow::resolveConflicts()
{
    if (m_resolving || !m_desk)
        return;
    m_resolving = true;
    // One conflict view at a time. Conflicts met meanwhile (another edit, the kept edits saved after
    // a reconnect, the officer's own choice meeting a still newer save) wait in the queue.
    while (!m_conflicts.isEmpty()) {
        const EditConflict c = m_conflicts.takeFirst();
        Desk *desk = m_desk.get();
        ConflictDialog dialog(desk, c.base, c.mine, c.theirs, c.merge, m_moneyUnit, this);
        const int answer = dialog.exec();
        if (answer != QDialog::Accepted || m_desk.get() != desk)
            continue; // dropped, or another desk was opened meanwhile
        const Project chosen = dialog.result();
        bool changed = false;
        for (int f = 0; f < ProjectFieldCount && !changed; ++f)
            changed = projectValue(chosen, ProjectField(f)) != projectValue(c.theirs, ProjectField(f));
        if (!changed)
            continue; // theirs kept as it is: nothing to write
        // Made from what is stored now; if it moved again meanwhile the view comes back for it.
        const Status s = desk->editProject(c.theirs, chosen, c.field);
        if (!s && s.code() != Status::Code::Conflict && s.code() != Status::Code::Offline)
            showError(tr("The change could not be saved"), s.message());
    }
    m_resolving = false;
}

void MainWindow::manageAccounts()
{
    if (!m_desk || !m_desk->isTeam())
        return;
    TeamUsersDialog dialog(m_desk.get(), this);
    dialog.exec();
}

void MainWindow::bindDesk()
{
    Desk *desk = m_desk.get();
    ProjectStore *st = desk->projects();
    QUndoStack *undo = desk->undoStack();
    m_model = new ProjectTableModel(desk, this);
    m_model->setMoneyUnit(m_moneyUnit);
    m_unitModel = new UnitTreeModel(desk, this);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new ProjectDelegate(desk, m_table));
    m_unitTree->setModel(m_unitModel);
    m_unitTree->expandToDepth(0);
    m_unitTree->setCurrentIndex(m_unitModel->indexOf(0));

    QSettings settings;
    const QByteArray header = settings.value(QStringLiteral("window/tableHeader")).toByteArray();
    if (header.isEmpty() || !m_table->horizontalHeader()->restoreState(header)) {
        m_table->setColumnWidth(int(ProjectField::Name), 260);
        m_table->setColumnWidth(int(ProjectField::Investor), 200);
        m_table->setColumnWidth(int(ProjectField::Unit), 130);
        m_table->setColumnHidden(int(ProjectField::Notes), false);
        // On a laptop screen the pipeline starts with the columns of every day; the rest are in the
        // details panel and one click away (View → Pipeline Columns, or the header's context menu).
        const QScreen *screen = this->screen();
        if (screen && screen->availableGeometry().width() < 1600) {
            for (ProjectField f : {ProjectField::Code, ProjectField::Type, ProjectField::IndustryChain, ProjectField::AddedInvestment,
                                   ProjectField::ExpectedOutput, ProjectField::ExpectedTax, ProjectField::Manufacturing,
                                   ProjectField::SourceChannel, ProjectField::StartedDate, ProjectField::Notes})
                m_table->setColumnHidden(int(f), true);
            m_table->setColumnWidth(int(ProjectField::Name), 220);
            m_table->setColumnWidth(int(ProjectField::Investor), 160);
            m_table->setColumnWidth(int(ProjectField::Unit), 100);
        }
        m_table->horizontalHeader()->setSortIndicator(int(ProjectField::Name), Qt::AscendingOrder);
    }

    delete m_progressView;
    delete m_facts;
    delete m_activities;
    m_progressView = new ProgressView(desk, m_tabs);
    m_tabs->addTab(m_progressView, tr("Progress and bulletin"));
    m_facts = new FactsView(desk, m_tabs);
    m_tabs->addTab(m_facts, tr("Report figures"));
    m_activities = new ActivitiesView(desk, m_tabs);
    m_tabs->addTab(m_activities, tr("Activities"));
    delete m_returnsView;
    m_returnsView = new ReturnsView(desk, m_tabs);
    m_tabs->addTab(m_returnsView, tr("Monthly returns"));
    delete m_tasksView;
    m_tasksView = new TasksView(desk, m_tabs);
    m_tabs->addTab(m_tasksView, tr("Follow-up tasks"));
    // The tabs count what is overdue: returns of the month not submitted by the deadline, tasks past their day.
    auto countOnTab = [this](QWidget *tab, const QString &name, int overdue) {
        m_tabs->setTabText(m_tabs->indexOf(tab), overdue > 0 ? tr("%1 (%2 overdue)").arg(name).arg(overdue) : name);
    };
    connect(m_returnsView, &ReturnsView::overdueChanged, this, [this, countOnTab](int n) {
        countOnTab(m_returnsView, tr("Monthly returns"), n);
    });
    connect(m_tasksView, &TasksView::overdueChanged, this, [this, countOnTab](int n) {
        countOnTab(m_tasksView, tr("Follow-up tasks"), n);
    });
    countOnTab(m_returnsView, tr("Monthly returns"), m_returnsView->overdueCount());
    countOnTab(m_tasksView, tr("Follow-up tasks"), m_tasksView->overdueCount());
    connect(m_progressView, &ProgressView::followUpRequested, this, [this](const StuckProject &stalled) {
        if (const qint64 id = m_tasksView->addTaskFor(stalled))
            statusBar()->showMessage(tr("Follow-up task made for %1; see the tab “Follow-up tasks”.").arg(stalled.name), 8000);
    });
    delete m_changeLog;
    m_changeLog = new ChangeLogView(desk, m_tabs);
    m_changeLog->setMoneyUnit(m_moneyUnit);
    m_tabs->addTab(m_changeLog, tr("Change log"));
    connect(m_progressView, &ProgressView::unitActivated, this, [this](qint64 unitId) {
        m_unitTree->setCurrentIndex(m_unitModel->indexOf(unitId));
        m_tabs->setCurrentIndex(0);
    });

    m_detail = new ProjectDetailPanel(desk, m_detailDock);
    m_detail->setMoneyUnit(m_moneyUnit);
    m_detailDock->setWidget(m_detail);

    const QString industry = m_industryFilter->currentData().toString();
    {
        QSignalBlocker blocker(m_industryFilter);
        m_industryFilter->clear();
        m_industryFilter->addItem(tr("All industries"), QString());
        for (const QString &i : st->industries())
            m_industryFilter->addItem(i, i);
        m_industryFilter->setCurrentIndex(qMax(0, m_industryFilter->findData(industry)));
    }

    connect(m_unitTree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_detail->setProject(current.isValid() ? m_model->projectIdAt(current.row()) : 0); });
    connect(m_model, &ProjectTableModel::totalsChanged, this, &MainWindow::updateTotals);
    connect(m_model, &ProjectTableModel::editRejected, this,
            [this](const QString &message) { showError(tr("The edit was not stored"), message); });
    // Messages and questions wait until the edit, undo or redo that raised them has returned:
    // no dialog opens inside a command or inside another dialog's event loop.
    connect(desk, &Desk::errorOccurred, this, [this](const QString &message) {
        showError(tr("The change could not be saved"), message);
    }, Qt::QueuedConnection);
    // The status bar says so at once; the connection watch reconnects and saves the kept edits.
    connect(desk, &Desk::connectionLost, this, [this] {
        m_connected = false;
        updateConnectionLabel();
        statusBar()->showMessage(tr("There is no connection to the team database. Your change is kept and will be "
                                    "saved when the connection is back."), 10000);
    });
    connect(desk, &Desk::editConflict, this, &MainWindow::queueConflict);
    connect(desk, &Desk::changed, this, &MainWindow::onDeskChanged);
    connect(undo, &QUndoStack::indexChanged, m_changeLog, &ChangeLogView::reload);
    desk->startWatching();
    m_connected = true;
    if (desk->isTeam()) {
        // Edits that could not reach the server before (even in a session that crashed) go in now.
        desk->pending()->setFile(AppSettings::pendingEditsPath(desk->location()));
        if (saveKeptEdits())
            m_model->reload();
    }
    m_accountsAction->setEnabled(desk->isTeam() && desk->isAdmin());
    for (QAction *write : std::as_const(m_writeActions))
        write->setEnabled(!desk->isReadOnly());
    m_checkAction->setEnabled(!desk->isTeam());
    updateConnectionLabel();
    connect(undo, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(undo, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(undo, &QUndoStack::undoTextChanged, this, [this](const QString &t) {
        m_undoAction->setText(t.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(t));
    });
    connect(undo, &QUndoStack::redoTextChanged, this, [this](const QString &t) {
        m_redoAction->setText(t.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(t));
    });
    m_undoAction->setEnabled(false);
    m_redoAction->setEnabled(false);
    applyFilter();
    updateTotals();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

qint64 MainWindow::scopeUnitId() const
{
    const QModelIndex i = m_unitTree->currentIndex();
    return i.isValid() ? i.data(UnitTreeModel::UnitIdRole).toLongLong() : 0;
}

void MainWindow::applyFilter()
{
    if (!m_model)
        return;
    ProjectQuery q = m_model->query();
    const qint64 unit = scopeUnitId();
    q.unitIds = unit ? store()->subtree(unit) : QList<qint64>();
    q.stage = m_stageFilter->currentData().toInt();
    q.industry = m_industryFilter->currentData().toString();
    q.year = m_yearFilter->value() == m_yearFilter->minimum() ? 0 : m_yearFilter->value();
    q.text = m_textFilter->text();
    const auto *header = m_table->horizontalHeader();
    if (header->sortIndicatorSection() >= 0 && header->sortIndicatorSection() < int(ProjectField::Count)) {
        q.sortField = ProjectField(header->sortIndicatorSection());
        q.sortOrder = header->sortIndicatorOrder();
    }
    m_model->setQuery(q);
    m_detail->setProject(0);
    m_facts->setUnits(q.unitIds);
    m_progressView->setScope(unit);
    m_activities->setUnits(q.unitIds);
    m_returnsView->setScope(unit);
}

void MainWindow::setStageFilter(int stage)
{
    m_stageFilter->setCurrentIndex(qMax(0, m_stageFilter->findData(stage)));
}

void MainWindow::setSearchText(const QString &text)
{
    m_textFilter->setText(text);
}

void MainWindow::updateTotals()
{
    if (!m_model)
        return;
    const QList<StageTotal> totals = store()->totals(m_model->query());
    qint64 count = 0;
    Yuan sum = 0;
    for (const StageTotal &t : totals) {
        QLabel *l = m_totalLabels[int(t.stage)];
        l->setText(tr("%1 %2 · %3").arg(Names::stage(t.stage)).arg(t.count).arg(Money::formatTotal(t.investment, m_moneyUnit)));
        l->setEnabled(t.count > 0);
        count += t.count;
        sum += t.investment;
    }
    m_totalAll->setText(tr("%n project(s), %1", nullptr, int(count)).arg(Money::formatTotal(sum, m_moneyUnit)));
    statusBar()->showMessage(tr("%n project(s) shown", nullptr, m_model->rowCount()));
}

QString MainWindow::totalsText() const
{
    QStringList parts{m_totalAll->text()};
    for (QLabel *l : m_totalLabels)
        parts << l->text();
    return parts.join(QLatin1String(" | "));
}

qint64 MainWindow::currentProjectId() const
{
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? m_model->projectIdAt(i.row()) : 0;
}

void MainWindow::addProject()
{
    if (!store())
        return;
    qint64 unit = scopeUnitId();
    if (!unit) {
        const QList<Unit> units = store()->units();
        if (units.isEmpty()) {
            showError(tr("No unit yet"), tr("Add a unit first (Edit → Add Unit), then its projects."));
            return;
        }
        unit = units.first().id;
    }
    Project p;
    p.name = tr("New project");
    p.unitId = unit;
    p.stage = Stage::Lead; // and no stage date: the officer gives the dates there are
    auto *cmd = new AddProjectCommand(m_desk.get(), p);
    if (!DeskEdits::perform(m_desk.get(), cmd, this))
        return;
    m_detail->setProject(cmd->projectId());
    m_detailDock->show();
    statusBar()->showMessage(tr("Added a project; fill in its details on the right."), 5000);
}

void MainWindow::duplicateProject()
{
    const qint64 id = currentProjectId();
    const auto p = id ? store()->project(id) : std::nullopt;
    if (!p)
        return;
    Project copy = *p;
    copy.id = 0;
    copy.code.clear();
    copy.name = tr("%1 (copy)").arg(p->name);
    auto *cmd = new AddProjectCommand(m_desk.get(), copy);
    if (DeskEdits::perform(m_desk.get(), cmd, this))
        m_detail->setProject(cmd->projectId());
}

void MainWindow::deleteProjects()
{
    if (!m_model)
        return;
    QList<Project> victims;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &r : rows) {
        if (const auto p = store()->project(m_model->projectIdAt(r.row())))
            victims << *p;
    }
    if (victims.isEmpty()) {
        if (const auto p = store()->project(currentProjectId()))
            victims << *p;
    }
    if (victims.isEmpty())
        return;
    const QString question = victims.size() == 1
        ? tr("Delete the project \"%1\"? You can undo this with Ctrl+Z.").arg(victims.first().name)
        : tr("Delete %n projects? You can undo this with Ctrl+Z.", nullptr, int(victims.size()));
    if (QMessageBox::question(this, tr("Delete projects"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    DeskEdits::perform(m_desk.get(), new DeleteProjectsCommand(m_desk.get(), victims), this);
}

void MainWindow::addUnit()
{
    if (!store())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add unit"),
                                               tr("Name of the new unit under %1:")
                                                   .arg(scopeUnitId() ? store()->unitName(scopeUnitId()) : tr("the top level")),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    Unit u;
    u.name = name.trimmed();
    u.parentId = scopeUnitId();
    const auto parent = store()->unit(u.parentId);
    u.kind = !parent ? UnitKind::City
        : (parent->kind == UnitKind::City ? UnitKind::District : UnitKind::Town);
    Status s;
    store()->addUnit(u, &s);
    if (!s)
        showError(tr("Cannot add the unit"), s.message());
}

void MainWindow::setMoneyUnit(MoneyUnit unit)
{
    m_moneyUnit = unit;
    AppSettings::setMoneyUnit(unit);
    if (m_model)
        m_model->setMoneyUnit(unit);
    if (m_detail)
        m_detail->setMoneyUnit(unit);
    if (m_changeLog)
        m_changeLog->setMoneyUnit(unit);
    updateTotals();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::fillColumnsMenu(QMenu *menu)
{
    menu->clear();
    if (!m_model)
        return;
    QHeaderView *header = m_table->horizontalHeader();
    int shown = 0;
    for (int c = 0; c < m_model->columnCount(); ++c)
        shown += !header->isSectionHidden(c);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        QAction *a = menu->addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(header->isSectionHidden(c) || shown > 1); // the last column stays
        connect(a, &QAction::toggled, this, [this, c](bool on) { m_table->setColumnHidden(c, !on); });
    }
}

void MainWindow::newDesk()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New desk"), QString(), tr("IPDesk desks (*.ipdesk)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        showError(tr("Cannot create the desk"), tr("%1 exists and cannot be replaced.").arg(path));
        return;
    }
    openDesk(path);
}

void MainWindow::openDeskDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open desk"), QString(),
                                                      tr("IPDesk desks (*.ipdesk);;All files (*)"));
    if (!path.isEmpty())
        openDesk(path);
}

void MainWindow::saveCopy()
{
    if (!m_desk)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a copy of the desk"), QString(),
                                                      tr("IPDesk desks (*.ipdesk)"));
    if (path.isEmpty())
        return;
    Status s = m_desk->saveCopy(path);
    if (!s)
        showError(tr("Cannot save the copy"), s.message());
    else
        statusBar()->showMessage(tr("Saved a copy to %1").arg(path), 5000);
}

void MainWindow::checkDesk()
{
    if (!m_desk || m_desk->isTeam())
        return;
    // Every page of the file is read (seconds for a large desk): in a thread, with a way to stop.
    QProgressDialog progress(tr("Checking the desk file…"), tr("Cancel"), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    std::atomic<bool> stop{false};
    Status result;
    const QString path = m_desk->location();
    std::unique_ptr<QThread> worker(QThread::create([&] { result = Database::checkFile(path, [&stop] { return stop.load(); }); }));
    connect(&progress, &QProgressDialog::canceled, this, [&stop] { stop = true; });
    QEventLoop wait;
    connect(worker.get(), &QThread::finished, &wait, &QEventLoop::quit);
    worker->start();
    wait.exec();
    progress.reset();
    if (stop)
        statusBar()->showMessage(tr("The check was cancelled."), 5000);
    else if (!result)
        showError(tr("The desk file is damaged"),
                  tr("The check found: %1\nSave no more changes to it: open the latest backup copy, or send the file to "
                     "your administrator to recover it.").arg(result.message()));
    else
        statusBar()->showMessage(tr("The desk file was checked: every page is whole."), 8000);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : AppSettings::recentDatabases()) {
        const QString name = Database::isServerAddress(path) ? tr("Team database %1").arg(ServerAddress::parse(path)->database)
                                                             : QFileInfo(path).fileName();
        QAction *a = m_recentMenu->addAction(name + QStringLiteral("  —  ") + path);
        connect(a, &QAction::triggered, this, [this, path] { openDesk(path); });
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::updateTitle()
{
    if (m_desk && m_desk->isTeam())
        setWindowTitle(tr("IPDesk — %1 (team)").arg(m_desk->serverName()));
    else
        setWindowTitle(!m_desk                ? tr("IPDesk")
                       : m_desk->isReadOnly() ? tr("IPDesk — %1 (read-only copy)").arg(QFileInfo(m_desk->location()).fileName())
                                              : tr("IPDesk — %1").arg(QFileInfo(m_desk->location()).fileName()));
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    const int answer = dialog.exec();
    if (!m_desk) // a new language: this window has handed its desk to the one built in it
        return;
    if (answer == QDialog::Accepted && dialog.moneyUnit() != m_moneyUnit) {
        setMoneyUnit(dialog.moneyUnit());
        const QList<QAction *> actions = m_moneyGroup->actions();
        actions.at(dialog.moneyUnit() == MoneyUnit::Yi ? 0 : 1)->setChecked(true);
    }
}

void MainWindow::importReportsDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import reports"), QString(),
                                                            tr("Reports (*.txt *.text *.htm *.html *.docx *.doc *.wps *.pdf);;Statistics sheets as reports (*.xlsx *.csv);;All files (*)"));
    if (!paths.isEmpty())
        importReports(paths);
}

void MainWindow::importReports(const QStringList &paths)
{
    if (!store() || paths.isEmpty())
        return;
    ImportReportDialog dialog(m_desk.get(), this);
    dialog.readFiles(paths);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ImportSummary sum = dialog.summary();
    statusBar()->showMessage(tr("Stored %1 facts from %2 reports; %3 replaced, %4 new units.")
                                 .arg(sum.facts).arg(sum.documents).arg(sum.replaced).arg(sum.unitsCreated),
                             10000);
    m_facts->reload();
    m_tabs->setCurrentWidget(m_facts);
}

void MainWindow::pasteReportText()
{
    if (!store())
        return;
    QDialog ask(this);
    ask.setWindowTitle(tr("Paste report text"));
    ask.resize(640, 480);
    auto *layout = new QVBoxLayout(&ask);
    auto *edit = new QPlainTextEdit(&ask);
    edit->setPlaceholderText(tr("Paste the text of a report, a bulletin or a news item here."));
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    layout->addWidget(buttons);
    if (ask.exec() != QDialog::Accepted || edit->toPlainText().trimmed().isEmpty())
        return;
    ImportReportDialog dialog(m_desk.get(), this);
    dialog.readText(edit->toPlainText());
    if (dialog.exec() == QDialog::Accepted) {
        m_facts->reload();
        m_tabs->setCurrentWidget(m_facts);
    }
}

void MainWindow::importTableDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import table"), QString(),
                                                      tr("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importTable(path);
}

void MainWindow::importTable(const QString &path)
{
    if (!store())
        return;
    TableImportDialog dialog(m_desk.get(), path, TableKind::Projects, this);
    const int chosen = dialog.exec();
    if (chosen == TableImportDialog::ReadAsReport) {
        importReports({path});
        return;
    }
    if (chosen != QDialog::Accepted)
        return;
    const ImportResult r = dialog.result();
    statusBar()->showMessage(tr("Imported: %1 added, %2 updated, %3 unchanged, %4 skipped.")
                                 .arg(r.added).arg(r.updated).arg(r.unchanged).arg(r.skipped), 10000);
}

void MainWindow::exportTableDialog()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), QString(),
                                                      tr("Excel workbook (*.xlsx);;CSV, UTF-8 for Excel (*.csv);;CSV, GB18030 (*.csv)"), &filter);
    if (path.isEmpty())
        return;
    const Status s = exportTable(path, filter.contains(QLatin1String("GB18030")));
    if (!s)
        showError(tr("The table was not exported"), s.message());
    else
        statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
}

Status MainWindow::exportTable(const QString &path, bool gb18030)
{
    if (!m_model)
        return Status::error(tr("No desk is open."));
    TableExporter::Options options;
    options.gb18030 = gb18030;
    options.moneyUnit = m_moneyUnit;
    // The columns as the table shows them: in their order, hidden ones left out.
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            options.columns << ProjectField(logical);
    }
    QProgressDialog progress(tr("Exporting…"), tr("Cancel"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    return TableExporter::exportProjects(m_desk.get(), m_model->query(), path, options, [&progress](double f) {
        progress.setValue(int(f * 1000));
        return !progress.wasCanceled();
    });
}

void MainWindow::copyCells()
{
    const QModelIndexList cells = m_table->selectionModel()->selectedIndexes();
    if (cells.isEmpty())
        return;
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    for (const QModelIndex &i : cells) {
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
    }
    QStringList lines;
    for (int r = top; r <= bottom; ++r) {
        QStringList row;
        for (int c = left; c <= right; ++c) {
            if (m_table->isColumnHidden(c))
                continue;
            const QModelIndex i = m_model->index(r, c);
            row << (m_table->selectionModel()->isSelected(i) ? i.data().toString().replace(QLatin1Char('\t'), QLatin1Char(' ')) : QString());
        }
        lines << row.join(QLatin1Char('\t'));
    }
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

bool MainWindow::pasteCells(const QString &given)
{
    if (!m_model)
        return false;
    const QString text = given.isNull() ? QGuiApplication::clipboard()->text() : given;
    const QModelIndex start = m_table->currentIndex();
    if (text.isEmpty() || !start.isValid())
        return false;
    QString error;
    if (!m_model->pasteBlock(start.row(), start.column(), text, &error)) {
        showError(tr("Nothing was pasted"), error);
        return false;
    }
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    event->acceptProposedAction();
    // Let the drop finish before the dialog opens. Spreadsheets go to the table import.
    QTimer::singleShot(0, this, [this, paths] {
        QStringList reports;
        for (const QString &p : paths) {
            const QString suffix = QFileInfo(p).suffix().toLower();
            if (suffix == QLatin1String("xlsx") || suffix == QLatin1String("csv"))
                importTable(p);
            else
                reports << p;
        }
        if (!reports.isEmpty())
            importReports(reports);
    });
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/tableHeader"), m_table->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Every edit is already committed, except those kept while the team database was unreachable.
    if (m_desk && m_desk->pending()->count() > 0) {
        checkConnection();
        if (m_desk->pending()->count() > 0
            && QMessageBox::warning(this, tr("Unsaved edits"),
                                    tr("%n edit(s) could not reach the team database yet and would be lost. "
                                       "Close anyway?", nullptr, int(m_desk->pending()->count())),
                                    QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel)
                != QMessageBox::Close) {
            event->ignore();
            return;
        }
    }
    saveLayout(); // only the layout is left to keep
    event->accept();
}

} // namespace IPDesk
