#include "progressview.h"
#include "desk/desk.h"
#include "desk/settings.h"

#include "bulletinsettingsdialog.h"
#include "chartwidget.h"
#include "base/metrics.h"
#include "base/money.h"
#include "models/progressmodels.h"
#include "targetsdialog.h"

#include <QActionGroup>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QFile>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace IPDesk {

ProgressView::ProgressView(Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_store(desk->projects())
    , m_refreshTimer(new QTimer(this))
    , m_ranking(new RankingModel(this))
    , m_progress(new ProgressTableModel(this))
    , m_stalled(new StalledModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    m_year = new QSpinBox(this);
    m_year->setObjectName(QStringLiteral("progressYear"));
    m_year->setRange(2000, 2100);
    // Open on the latest year that has targets; a past year is shown as of its last day.
    int year = QDate::currentDate().year();
    if (const int latest = desk->facts()->latestTargetYear())
        year = std::min(year, latest);
    // ...unless the officer chose a year and day on this desk before: that is where it opens again.
    const QDate remembered = AppSettings::progressAsOf(desk->location());
    if (remembered.isValid() && remembered.year() >= 2000 && remembered.year() <= 2100)
        year = remembered.year();
    m_year->setValue(year);
    m_asOf = new QDateEdit(remembered.isValid() && remembered.year() == year ? remembered
                           : year == QDate::currentDate().year()           ? QDate::currentDate()
                                                                            : QDate(year, 12, 31),
                           this);
    m_asOf->setObjectName(QStringLiteral("progressAsOf"));
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_asOf->setCalendarPopup(true);
    bar->addWidget(new QLabel(tr("Year:"), this));
    bar->addWidget(m_year);
    bar->addWidget(new QLabel(tr("As of:"), this));
    bar->addWidget(m_asOf);
    bar->addStretch(1);
    auto *targets = new QPushButton(tr("Targets…"), this);
    auto *rules = new QPushButton(tr("Bulletin rules…"), this);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export chart"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    const QList<QPair<ChartPainter::Chart, QString>> chartNames = {
        {ChartPainter::Comparison, tr("Unit comparison…")}, {ChartPainter::Cumulative, tr("Cumulative by month…")},
        {ChartPainter::Funnel, tr("Pipeline funnel…")}, {ChartPainter::IndustryMix, tr("Industry mix…")}};
    for (const auto &[c, name] : chartNames)
        exportMenu->addAction(name, this, [this, c = c] { exportChart(c); });
    exportButton->setMenu(exportMenu);
    auto *bulletin = new QPushButton(tr("Bulletin PDF…"), this);
    bulletin->setObjectName(QStringLiteral("bulletinButton"));
    auto *print = new QPushButton(tr("Print preview…"), this);
    for (QWidget *w : std::initializer_list<QWidget *>{targets, rules, exportButton, bulletin, print})
        bar->addWidget(w);
    layout->addLayout(bar);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("progressHeadline"));
    m_headline->setWordWrap(true);
    layout->addWidget(m_headline);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *tables = new QSplitter(Qt::Vertical, split);
    m_rankingView = new QTableView(tables);
    m_rankingView->setObjectName(QStringLiteral("rankingTable"));
    m_rankingView->setModel(m_ranking);
    for (int c = RankingModel::GreenValue; c < RankingModel::ColumnCount; ++c)
        m_rankingView->setColumnHidden(c, true);
    m_progressView = new QTableView(tables);
    m_progressView->setObjectName(QStringLiteral("progressTable"));
    m_progressView->setModel(m_progress);
    for (QTableView *v : {m_rankingView, m_progressView}) {
        v->verticalHeader()->hide();
        v->setSelectionBehavior(QAbstractItemView::SelectRows);
        v->setEditTriggers(QAbstractItemView::NoEditTriggers);
        v->horizontalHeader()->setStretchLastSection(true);
        v->setAlternatingRowColors(true);
    }
    // Which source a figure uses, chosen per unit and metric (undoable, kept in the desk).
    m_progressView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_progressView, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_progressView->indexAt(at);
        if (!index.isValid())
            return;
        QMenu menu(this);
        addSourceActions(&menu, index.row());
        menu.exec(m_progressView->viewport()->mapToGlobal(at));
    });
    m_charts = new QTabWidget(split);
    buildCharts();
    // 六未: the projects waiting in a stage past the bureau's limit, as of the day (as the bulletin lists them).
    m_stalledPage = new QWidget(m_charts);
    auto *stalledLayout = new QVBoxLayout(m_stalledPage);
    stalledLayout->setContentsMargins(0, 4, 0, 0);
    auto *stalledBar = new QHBoxLayout;
    auto *followUp = new QPushButton(tr("Assign a follow-up task"), m_stalledPage);
    followUp->setObjectName(QStringLiteral("assignFollowUp"));
    followUp->setToolTip(tr("Makes a follow-up task (督办) of the selected project for its unit, due in the bureau's days"));
    followUp->setEnabled(false);
    stalledBar->addStretch(1);
    stalledBar->addWidget(followUp);
    stalledLayout->addLayout(stalledBar);
    m_stalledView = new QTableView(m_stalledPage);
    stalledLayout->addWidget(m_stalledView, 1);
    m_stalledView->setObjectName(QStringLiteral("stalledTable"));
    m_stalledView->setModel(m_stalled);
    m_stalledView->verticalHeader()->hide();
    m_stalledView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stalledView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stalledView->horizontalHeader()->setStretchLastSection(true);
    m_stalledView->setAlternatingRowColors(true);
    m_charts->addTab(m_stalledPage, tr("Stalled"));
    connect(m_stalledView->selectionModel(), &QItemSelectionModel::currentRowChanged, followUp,
            [followUp](const QModelIndex &current) { followUp->setEnabled(current.isValid()); });
    connect(followUp, &QPushButton::clicked, this, [this] {
        const int row = m_stalledView->currentIndex().row();
        if (row >= 0 && row < m_data.stuck.size())
            emit followUpRequested(m_data.stuck.at(row));
    });
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 4);
    layout->addWidget(split, 1);


    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(80);
    connect(m_refreshTimer, &QTimer::timeout, this, &ProgressView::refresh);
    connect(m_year, &QSpinBox::valueChanged, this, [this](int y) {
        // Keep the as-of day in the chosen year.
        const QDate a = m_asOf->date();
        if (a.year() != y) {
            const QDate today = QDate::currentDate();
            m_asOf->setDate(today.year() == y ? today : QDate(y, 12, 31));
        }
        scheduleRefresh();
    });
    connect(m_asOf, &QDateEdit::dateChanged, this, [this](const QDate &day) {
        AppSettings::setProgressAsOf(m_desk->location(), day); // where this desk opens next time
        scheduleRefresh();
    });
    connect(targets, &QPushButton::clicked, this, &ProgressView::editTargets);
    connect(rules, &QPushButton::clicked, this, &ProgressView::editSettings);
    connect(bulletin, &QPushButton::clicked, this, [this] { exportBulletin(); });
    connect(print, &QPushButton::clicked, this, &ProgressView::printPreview);
    connect(desk, &Desk::changed, this, &ProgressView::scheduleRefresh);
    connect(desk->undoStack(), &QUndoStack::indexChanged, this, &ProgressView::scheduleRefresh);
}

void ProgressView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

ProgressView::~ProgressView() = default;

void ProgressView::scheduleRefresh()
{
    m_dirty = true;
    if (isVisible())
        m_refreshTimer->start();
}

void ProgressView::setScope(qint64 unitId)
{
    // Compare the children of the picked unit; a unit without children is compared with its siblings.
    qint64 scope = unitId;
    if (unitId && m_store->children(unitId).isEmpty()) {
        const auto u = m_store->unit(unitId);
        scope = u ? u->parentId : 0;
    }
    m_scope = unitId ? scope : -1;
    scheduleRefresh();
}

void ProgressView::setYear(int year)
{
    m_year->setValue(year);
    refresh();
}

void ProgressView::setAsOf(const QDate &asOf)
{
    m_asOf->setDate(asOf);
    refresh();
}

ChartWidget *ProgressView::chartView(ChartPainter::Chart chart) const
{
    return m_views[int(chart)];
}

void ProgressView::refresh()
{
    m_refreshTimer->stop();
    m_dirty = false;
    m_data = BulletinData::collect(m_desk, ProgressSettings::load(m_desk), m_year->value(), m_asOf->date(), m_scope);
    QList<ProgressRow> shown;
    const QList<qint64> scope = m_data.scopeUnitId ? m_store->subtree(m_data.scopeUnitId) : QList<qint64>();
    for (const ProgressRow &r : std::as_const(m_data.rows)) {
        if (scope.isEmpty() || scope.contains(r.unitId))
            shown << r;
    }
    m_progress->setRows(shown);
    m_ranking->setData(m_data);
    m_stalled->setData(m_data);
    m_charts->setTabText(m_charts->indexOf(m_stalledPage), tr("Stalled (%1)").arg(m_data.stuckYellow + m_data.stuckRed));
    QString headline = tr("%1, %2 as of %3: time pace %4%.")
                           .arg(m_data.scopeName).arg(m_data.year).arg(m_data.asOf.toString(Qt::ISODate))
                           .arg(QString::number(m_data.pace, 'f', 1));
    if (!m_data.note.isEmpty())
        headline += QLatin1Char(' ') + m_data.note;
    if (m_data.rows.isEmpty())
        headline += QLatin1Char(' ') + tr("There are no targets and no figures for %1.").arg(m_data.year);
    int red = 0, yellow = 0, green = 0;
    for (const RankRow &r : std::as_const(m_data.ranking)) {
        red += r.status == ProgressStatus::Red;
        yellow += r.status == ProgressStatus::Yellow;
        green += r.status == ProgressStatus::Green;
    }
    if (red + yellow + green)
        headline += QLatin1Char(' ') + tr("Units: %1 green, %2 yellow, %3 red.").arg(green).arg(yellow).arg(red);
    m_headline->setText(headline);
    m_rankingView->resizeColumnsToContents();
    m_progressView->resizeColumnsToContents();
    m_stalledView->resizeColumnsToContents();
    updateCharts();
}

void ProgressView::buildCharts()
{
    // The bulletin's own drawings (ChartPainter), so the screen shows what the PDF prints.
    const QList<QPair<ChartPainter::Chart, QString>> tabs = {
        {ChartPainter::Comparison, tr("Unit comparison")}, {ChartPainter::Cumulative, tr("Cumulative by month")},
        {ChartPainter::Funnel, tr("Pipeline by stage")}, {ChartPainter::IndustryMix, tr("Industry mix")}};
    for (const auto &[chart, name] : tabs) {
        auto *view = new ChartWidget(chart, m_charts);
        view->setObjectName(QStringLiteral("chart%1").arg(int(chart)));
        connect(view, &ChartWidget::unitActivated, this, &ProgressView::unitActivated);
        connect(view, &ChartWidget::exportRequested, this, [this](ChartPainter::Chart c) { exportChart(c); });
        m_charts->addTab(view, name);
        m_views[int(chart)] = view;
    }
}

void ProgressView::updateCharts()
{
    for (ChartWidget *view : m_views)
        view->setData(m_data);
}

void ProgressView::exportChart(ChartPainter::Chart chart, const QString &given)
{
    QString path = given;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Export chart"), QString(),
                                            tr("PDF (*.pdf);;SVG picture (*.svg);;PNG picture (*.png)"));
        if (path.isEmpty())
            return;
    }
    const Status s = ChartPainter::exportChart(chart, m_data, path);
    if (!s)
        QMessageBox::warning(this, tr("The chart was not exported"), s.message());
}

void ProgressView::exportBulletin(const QString &given)
{
    QString path = given;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Bulletin PDF"),
                                            tr("bulletin-%1-%2.pdf").arg(m_data.year).arg(m_data.asOf.toString(QStringLiteral("MMdd"))),
                                            tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return;
    }
    const Status s = BulletinWriter::writePdf(m_data, path);
    if (!s)
        QMessageBox::warning(this, tr("The bulletin was not written"), s.message());
}

void ProgressView::printPreview()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 16, 18, 16), QPageLayout::Millimeter));
    QPrintPreviewDialog preview(&printer, this);
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *p) {
        const Status s = print(p);
        if (!s)
            QMessageBox::warning(this, tr("The bulletin was not written"), s.message());
    });
    preview.exec();
}

Status ProgressView::print(QPrinter *printer)
{
    BulletinWriter::paint(m_data, printer); // the painter ends inside: a PDF file is complete here
    const QString path = printer->outputFileName();
    if (printer->outputFormat() != QPrinter::PdfFormat || path.isEmpty())
        return Status();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::error(tr("%1 cannot be read: %2").arg(path, file.errorString()));
    const QByteArray pdf = file.readAll();
    file.close();
    return BulletinWriter::savePdf(pdf, path);
}

void ProgressView::editTargets()
{
    TargetsDialog dialog(m_desk, m_year->value(), this);
    dialog.exec();
    refresh();
}

void ProgressView::addSourceActions(QMenu *menu, int row)
{
    const ProgressRow &r = m_progress->rowAt(row);
    menu->addSection(tr("Figure of %1, %2").arg(r.unit, Metrics::name(r.metric)));
    auto *group = new QActionGroup(menu);
    const QList<QPair<QString, QString>> rules = {
        {QStringLiteral("automatic"), tr("Automatic: the pipeline where the unit keeps projects for the period, else the latest report")},
        {QStringLiteral("pipeline"), tr("Always the pipeline")},
        {QStringLiteral("reported"), tr("Always the latest reported figure")}};
    for (const auto &[rule, text] : rules) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(r.sourceRule == rule);
        group->addAction(a);
        const qint64 unit = r.unitId;
        const QString metric = r.metric, unitName = r.unit;
        connect(a, &QAction::triggered, this, [this, unit, metric, unitName, rule = rule, text = text] {
            ProgressSettings settings = ProgressSettings::load(m_desk);
            if (settings.sourceRule(unit, metric) == rule)
                return;
            settings.setSourceRule(unit, metric, rule);
            const Status s = m_desk->perform(new ChangeBulletinRulesCommand(
                m_desk, settings, tr("Figure source of %1, %2").arg(unitName, Metrics::name(metric))));
            if (!s)
                QMessageBox::warning(this, tr("Figure source"), s.message());
        });
    }
}

void ProgressView::editSettings()
{
    BulletinSettingsDialog dialog(m_desk, this);
    dialog.exec(); // the change (and its undo) refresh the view through the Desk
}

} // namespace IPDesk
