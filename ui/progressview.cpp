#include "progressview.h"
#include "desk/desk.h"
#include "desk/settings.h"

#include "bulletinsettingsdialog.h"
#include "base/metrics.h"
#include "base/money.h"
#include "models/progressmodels.h"
#include "targetsdialog.h"

#include <QActionGroup>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPieSeries>
#include <QPrintPreviewDialog>
#include <QFile>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QUndoStack>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QVPieModelMapper>
#include <QVXYModelMapper>
#include <QValueAxis>

namespace IPDesk {

ProgressView::ProgressView(Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_store(desk->projects())
    , m_refreshTimer(new QTimer(this))
    , m_ranking(new RankingModel(this))
    , m_progress(new ProgressTableModel(this))
    , m_monthly(new MonthlyModel(this))
    , m_stalled(new StalledModel(this))
    , m_funnel(new SeriesModel(this))
    , m_industry(new SeriesModel(this))
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

ProgressView::~ProgressView()
{
    // The charts' model mappers hold the models: the charts go first.
    delete m_charts;
}

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

QChartView *ProgressView::chartView(ChartPainter::Chart chart) const
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
    m_monthly->setData(m_data);
    m_stalled->setData(m_data);
    m_charts->setTabText(m_charts->indexOf(m_stalledPage), tr("Stalled (%1)").arg(m_data.stuckYellow + m_data.stuckRed));
    QList<QPair<QString, double>> funnel;
    QStringList funnelDetail;
    for (const StageTotal &t : std::as_const(m_data.funnel)) {
        if (int(t.stage) <= int(Stage::Operating)) {
            funnel.prepend({Names::stage(t.stage), double(t.count)});
            funnelDetail.prepend(Money::formatTotal(t.investment, MoneyUnit::Yi));
        }
    }
    m_funnel->setSeries(funnel, funnelDetail);
    m_industry->setSeries(ChartPainter::industryParts(m_data));
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
    auto makeView = [this](QChart *chart, const QString &title) {
        chart->setTitle(title);
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->legend()->setAlignment(Qt::AlignBottom);
        auto *view = new QChartView(chart, m_charts);
        view->setRenderHint(QPainter::Antialiasing);
        m_charts->addTab(view, title);
        return view;
    };

    // 1. Unit comparison: bars coloured by status (one stacked set per colour), the pace and the target as lines.
    {
        auto *chart = new QChart;
        auto *series = new QStackedBarSeries(chart);
        auto *mapper = new QVBarModelMapper(chart);
        mapper->setFirstBarSetColumn(RankingModel::GreenValue);
        mapper->setLastBarSetColumn(RankingModel::RedValue);
        mapper->setSeries(series);
        mapper->setModel(m_ranking);
        chart->addSeries(series);
        auto *pace = new QLineSeries(chart);
        pace->setName(tr("Time pace"));
        pace->setPen(QPen(QColor(0x15, 0x65, 0xc0), 2, Qt::DashLine));
        auto *target = new QLineSeries(chart);
        target->setName(tr("Annual target"));
        target->setPen(QPen(QColor(0x42, 0x42, 0x42), 1.5, Qt::DotLine));
        chart->addSeries(pace);
        chart->addSeries(target);
        auto *x = new QBarCategoryAxis(chart);
        x->setLabelsAngle(-50);
        x->setTruncateLabels(false);
        QFont small = x->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        x->setLabelsFont(small);
        auto *y = new QValueAxis(chart);
        y->setLabelFormat(QStringLiteral("%.0f%%"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries *s : chart->series()) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
        connect(series, &QStackedBarSeries::hovered, this, [this](bool on, int index, QBarSet *) {
            if (!on || index < 0 || index >= m_ranking->rowCount()) {
                QToolTip::hideText();
                return;
            }
            const RankRow &r = m_ranking->rowAt(index);
            QToolTip::showText(QCursor::pos(), tr("%1 (No. %2): weighted completion %3%, %4 %5%, %6 %7%, efficacy score %8")
                                                   .arg(r.unit).arg(r.rank).arg(QString::number(r.weighted, 'f', 1))
                                                   .arg(Metrics::name(m_data.countMetric), QString::number(r.countCompletion, 'f', 1))
                                                   .arg(Metrics::name(m_data.amountMetric), QString::number(r.amountCompletion, 'f', 1))
                                                   .arg(QString::number(r.efficacy, 'f', 1)));
        });
        connect(series, &QStackedBarSeries::clicked, this, [this](int index, QBarSet *) {
            if (index >= 0 && index < m_ranking->rowCount())
                emit unitActivated(m_ranking->rowAt(index).unitId);
        });
        m_views[ChartPainter::Comparison] = makeView(chart, tr("Unit comparison"));
    }
    // 2. Cumulative by month against the target's pace, this year and last.
    {
        auto *chart = new QChart;
        const int columns[] = {MonthlyModel::ThisYear, MonthlyModel::LastYear, MonthlyModel::PaceTarget};
        const QColor colors[] = {QColor(0x15, 0x65, 0xc0), QColor(0x9e, 0x9e, 0x9e), QColor(0xc6, 0x28, 0x28)};
        auto *x = new QValueAxis(chart);
        x->setRange(1, 12);
        x->setTickCount(12);
        x->setLabelFormat(QStringLiteral("%d"));
        x->setTitleText(tr("Month"));
        auto *y = new QValueAxis(chart);
        // The unit beside each tick (an axis title overlapped the top one).
        y->setLabelFormat(QStringLiteral("%.0f ") + Money::unitName(MoneyUnit::Yi));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (int i = 0; i < 3; ++i) {
            auto *line = new QLineSeries(chart);
            line->setPen(QPen(colors[i], 2, i == 2 ? Qt::DashLine : Qt::SolidLine));
            auto *mapper = new QVXYModelMapper(chart);
            mapper->setObjectName(QStringLiteral("monthlyMapper%1").arg(i));
            mapper->setXColumn(MonthlyModel::Month);
            mapper->setYColumn(columns[i]);
            mapper->setSeries(line);
            mapper->setModel(m_monthly);
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
            connect(line, &QLineSeries::hovered, this, [line](const QPointF &p, bool on) {
                if (on)
                    QToolTip::showText(QCursor::pos(), QStringLiteral("%1 %2: %3").arg(line->name()).arg(qRound(p.x())).arg(p.y(), 0, 'f', 2));
            });
        }
        m_views[ChartPainter::Cumulative] = makeView(chart, tr("Cumulative by month"));
    }
    // 3. The pipeline by stage.
    {
        auto *chart = new QChart;
        auto *series = new QHorizontalBarSeries(chart);
        auto *mapper = new QVBarModelMapper(chart);
        mapper->setFirstBarSetColumn(SeriesModel::Value);
        mapper->setLastBarSetColumn(SeriesModel::Value);
        mapper->setSeries(series);
        mapper->setModel(m_funnel);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis(chart);
        y->setTruncateLabels(false);
        auto *x = new QValueAxis(chart);
        x->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(y, Qt::AlignLeft);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        series->attachAxis(y);
        chart->legend()->hide();
        connect(series, &QHorizontalBarSeries::hovered, this, [this](bool on, int index, QBarSet *) {
            if (on && index >= 0 && index < m_funnel->rowCount())
                QToolTip::showText(QCursor::pos(), tr("%1: %2 projects, %3")
                                                       .arg(m_funnel->index(index, SeriesModel::Label).data().toString())
                                                       .arg(m_funnel->index(index, SeriesModel::Value).data().toInt())
                                                       .arg(m_funnel->index(index, SeriesModel::Detail).data().toString()));
        });
        m_views[ChartPainter::Funnel] = makeView(chart, tr("Pipeline by stage"));
    }
    // 4. Industry mix of signed investment.
    {
        auto *chart = new QChart;
        auto *pie = new QPieSeries(chart);
        auto *mapper = new QVPieModelMapper(chart);
        mapper->setLabelsColumn(SeriesModel::Label);
        mapper->setValuesColumn(SeriesModel::Value);
        mapper->setSeries(pie);
        mapper->setModel(m_industry);
        chart->addSeries(pie);
        chart->legend()->setAlignment(Qt::AlignBottom); // the names are long: they get the width
        connect(pie, &QPieSeries::hovered, this, [this, pie](QPieSlice *slice, bool on) {
            // The slice's label carries its share already (updateCharts); the name comes from the model.
            const int row = int(pie->slices().indexOf(slice));
            if (on && row >= 0 && row < m_industry->rowCount())
                QToolTip::showText(QCursor::pos(), QStringLiteral("%1: %2 (%3%)")
                                                       .arg(m_industry->index(row, SeriesModel::Label).data().toString(),
                                                            Money::formatTotal(qint64(slice->value() * 1e8), MoneyUnit::Yi))
                                                       .arg(slice->percentage() * 100, 0, 'f', 1));
        });
        m_views[ChartPainter::IndustryMix] = makeView(chart, tr("Industry mix"));
    }
}

namespace {
/// The same round axis as the bulletin's (ChartPainter::niceAxis), on a chart of the screen.
void setAxis(QValueAxis *axis, double most)
{
    const ChartPainter::Axis a = ChartPainter::niceAxis(most * 1.04);
    axis->setRange(0, a.top);
    axis->setTickCount(a.ticks + 1);
    // The number of decimals the step needs, keeping the unit written after the number.
    static const QRegularExpression number(QStringLiteral("%[-+ #0-9.]*[dfgi]"));
    QString format = axis->labelFormat();
    format.replace(number, a.step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    axis->setLabelFormat(format.contains(u'%') ? format : QStringLiteral("%.0f"));
}
} // namespace

void ProgressView::updateCharts()
{
    // Axes and lines that follow the models' rows.
    {
        QChart *chart = m_views[ChartPainter::Comparison]->chart();
        auto *x = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
        auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
        QStringList units;
        double top = std::max(100.0, m_data.pace); // the target line stays in sight
        for (int r = 0; r < m_ranking->rowCount(); ++r) {
            units << m_ranking->rowAt(r).unit;
            top = std::max(top, m_ranking->rowAt(r).weighted);
        }
        x->clear();
        x->append(units);
        setAxis(y, top);
        const QList<QAbstractSeries *> series = chart->series();
        auto *stacked = qobject_cast<QStackedBarSeries *>(series.value(0));
        const QColor colors[] = {ChartPainter::statusColor(ProgressStatus::Green), ChartPainter::statusColor(ProgressStatus::Yellow),
                                 ChartPainter::statusColor(ProgressStatus::Red)};
        const QList<QBarSet *> sets = stacked ? stacked->barSets() : QList<QBarSet *>();
        for (int i = 0; i < sets.size() && i < 3; ++i) {
            sets.at(i)->setColor(colors[i]);
            sets.at(i)->setBorderColor(colors[i]);
        }
        auto *pace = qobject_cast<QLineSeries *>(series.value(1));
        auto *target = qobject_cast<QLineSeries *>(series.value(2));
        const double right = std::max<qsizetype>(1, units.size()) - 0.5;
        pace->replace({QPointF(-0.5, m_data.pace), QPointF(right, m_data.pace)});
        target->replace({QPointF(-0.5, 100), QPointF(right, 100)});
        pace->setName(tr("Time pace %1%").arg(QString::number(m_data.pace, 'f', 1)));
        chart->setTitle(ChartPainter::title(ChartPainter::Comparison, m_data));
    }
    {
        QChart *chart = m_views[ChartPainter::Cumulative]->chart();
        const auto mappers = chart->findChildren<QVXYModelMapper *>();
        const QStringList names = {QString::number(m_data.year), QString::number(m_data.year - 1), tr("Target at time pace")};
        double top = 1;
        for (int r = 0; r < 12; ++r) {
            for (int c = MonthlyModel::ThisYear; c <= MonthlyModel::PaceTarget; ++c)
                top = std::max(top, m_monthly->index(r, c).data().toDouble());
        }
        for (QVXYModelMapper *m : mappers) {
            const int i = m->objectName().right(1).toInt();
            m->setRowCount(i == 0 ? m_monthly->monthsShown() : 12);
            if (auto *line = qobject_cast<QLineSeries *>(m->series()))
                line->setName(names.value(i));
        }
        if (auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0)))
            setAxis(y, top);
        chart->setTitle(ChartPainter::title(ChartPainter::Cumulative, m_data));
    }
    {
        QChart *chart = m_views[ChartPainter::Funnel]->chart();
        auto *y = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical).value(0));
        QStringList labels;
        double top = 1;
        for (int r = 0; r < m_funnel->rowCount(); ++r) {
            labels << m_funnel->index(r, SeriesModel::Label).data().toString();
            top = std::max(top, m_funnel->index(r, SeriesModel::Value).data().toDouble());
        }
        y->clear();
        y->append(labels);
        if (auto *x = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).value(0)))
            setAxis(x, top);
    }
    {
        // Distinct hues for the shares, as in the bulletin.
        const QList<QAbstractSeries *> series = m_views[ChartPainter::IndustryMix]->chart()->series();
        if (auto *pie = qobject_cast<QPieSeries *>(series.value(0))) {
            const QList<QPieSlice *> slices = pie->slices();
            for (int i = 0; i < slices.size(); ++i) {
                slices.at(i)->setColor(ChartPainter::seriesColor(i));
                slices.at(i)->setBorderColor(Qt::white);
                slices.at(i)->setLabel(QStringLiteral("%1 %2%").arg(m_industry->index(i, SeriesModel::Label).data().toString())
                                           .arg(slices.at(i)->percentage() * 100, 0, 'f', 1));
            }
        }
    }
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
