#include "returnsview.h"

#include "base/metrics.h"
#include "base/money.h"
#include "desk/desk.h"
#include "desk/settings.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace IPDesk {

namespace {

QColor stateColour(const MonthlyReturn &r)
{
    if (r.overdue)
        return QColor(0xfd, 0xe0, 0xdc); // red: late, not submitted
    switch (r.state) {
    case ReturnState::Approved: return QColor(0xe3, 0xf2, 0xe5);
    case ReturnState::Returned: return QColor(0xff, 0xf3, 0xcd);
    case ReturnState::Submitted: return QColor(0xe3, 0xee, 0xfa);
    case ReturnState::Draft: break;
    }
    return QColor();
}

QString stateText(const MonthlyReturn &r)
{
    QString text = r.id == 0 ? ReturnsView::tr("Not started") : returnStateName(r.state);
    if (r.overdue)
        text = ReturnsView::tr("%1, overdue").arg(text);
    else if (r.submittedLate && r.state != ReturnState::Approved)
        text = ReturnsView::tr("%1, late").arg(text);
    return text;
}

QString stepName(const QString &code)
{
    const auto state = returnStateFromCode(code);
    if (!state)
        return code;
    switch (*state) {
    case ReturnState::Draft: return ReturnsView::tr("reopened");
    case ReturnState::Submitted: return ReturnsView::tr("submitted");
    case ReturnState::Approved: return ReturnsView::tr("approved");
    case ReturnState::Returned: return ReturnsView::tr("returned");
    }
    return code;
}

} // namespace

ReturnsView::ReturnsView(Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_book(desk)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    m_year = new QSpinBox(this);
    m_year->setObjectName(QStringLiteral("returnsYear"));
    m_year->setRange(2000, 2100);
    m_month = new QComboBox(this);
    m_month->setObjectName(QStringLiteral("returnsMonth"));
    for (int m = 1; m <= 12; ++m)
        m_month->addItem(Metrics::monthName(m), m);
    m_reviewer = new QComboBox(this);
    m_reviewer->setObjectName(QStringLiteral("returnsReviewer"));
    fillReviewers();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("returnsSummary"));
    bar->addWidget(new QLabel(tr("Year:"), this));
    bar->addWidget(m_year);
    bar->addWidget(new QLabel(tr("Month:"), this));
    bar->addWidget(m_month);
    bar->addWidget(new QLabel(tr("Reporting to:"), this));
    bar->addWidget(m_reviewer);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_returns = new QTableWidget(0, 4, split);
    m_returns->setObjectName(QStringLiteral("returnsTable"));
    m_returns->setHorizontalHeaderLabels({tr("Unit"), tr("State"), tr("Due"), tr("Opinion")});
    m_returns->horizontalHeader()->setStretchLastSection(true);
    m_returns->verticalHeader()->hide();
    m_returns->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_returns->setSelectionMode(QAbstractItemView::SingleSelection);
    m_returns->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *detail = new QWidget(split);
    auto *right = new QVBoxLayout(detail);
    right->setContentsMargins(6, 0, 0, 0);
    m_title = new QLabel(detail);
    m_title->setObjectName(QStringLiteral("returnTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_opinion = new QLabel(detail);
    m_opinion->setObjectName(QStringLiteral("returnOpinion"));
    m_opinion->setWordWrap(true);
    m_figures = new QTableWidget(0, 6, detail);
    m_figures->setObjectName(QStringLiteral("returnFigures"));
    m_figures->setHorizontalHeaderLabels({tr("Metric"), tr("Reported by the unit"), tr("Pipeline"), tr("Reports"),
                                          tr("Difference"), tr("Reason and basis")});
    m_figures->horizontalHeader()->setStretchLastSection(true);
    m_figures->verticalHeader()->hide();
    m_figures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_figures->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *buttons = new QHBoxLayout;
    m_correct = new QPushButton(tr("Correct a figure…"), detail);
    m_correct->setObjectName(QStringLiteral("correctFigure"));
    m_submit = new QPushButton(tr("Submit"), detail);
    m_submit->setObjectName(QStringLiteral("submitReturn"));
    m_approve = new QPushButton(tr("Approve"), detail);
    m_approve->setObjectName(QStringLiteral("approveReturn"));
    m_sendBack = new QPushButton(tr("Return with opinion…"), detail);
    m_sendBack->setObjectName(QStringLiteral("sendBackReturn"));
    m_reopen = new QPushButton(tr("Reopen…"), detail);
    m_reopen->setObjectName(QStringLiteral("reopenReturn"));
    for (QPushButton *b : {m_correct, m_submit, m_approve, m_sendBack, m_reopen})
        buttons->addWidget(b);
    buttons->addStretch(1);
    m_history = new QListWidget(detail);
    m_history->setObjectName(QStringLiteral("returnHistory"));
    m_history->setMaximumHeight(120);
    right->addWidget(m_title);
    right->addWidget(m_opinion);
    right->addWidget(m_figures, 1);
    right->addLayout(buttons);
    right->addWidget(new QLabel(tr("History:"), detail));
    right->addWidget(m_history);
    split->addWidget(m_returns);
    split->addWidget(detail);
    m_returns->setMinimumWidth(360);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    // The month being reported: the one the progress view's day stands for, else last month.
    // the latest month that has returns, else last month.
    QDate day = AppSettings::progressAsOf(desk->location());
    int month = ReturnBook::reportingMonth(day);
    if (!day.isValid() || month == 0) {
        const auto [y, m] = m_book.latestMonth();
        day = y ? QDate(y, m, 1) : QDate::currentDate().addMonths(-1);
        month = day.month();
    }
    m_year->setValue(day.year());
    m_month->setCurrentIndex(month - 1);

    // An officer of a team desk reviews the returns reported to their own unit.
    if (const qint64 own = m_book.ownUnit(); own > 0 && m_reviewer->findData(own) >= 0)
        m_reviewer->setCurrentIndex(m_reviewer->findData(own));

    connect(m_year, &QSpinBox::valueChanged, this, &ReturnsView::reload);
    connect(m_month, &QComboBox::currentIndexChanged, this, &ReturnsView::reload);
    connect(m_reviewer, &QComboBox::currentIndexChanged, this, &ReturnsView::reload);
    connect(m_returns, &QTableWidget::itemSelectionChanged, this, &ReturnsView::showSelected);
    connect(m_correct, &QPushButton::clicked, this, &ReturnsView::correctFigure);
    connect(m_submit, &QPushButton::clicked, this, &ReturnsView::submitSelected);
    connect(m_approve, &QPushButton::clicked, this, &ReturnsView::approveSelected);
    connect(m_sendBack, &QPushButton::clicked, this, &ReturnsView::sendBackSelected);
    connect(m_reopen, &QPushButton::clicked, this, &ReturnsView::reopenSelected);
    connect(desk, &Desk::changed, this, [this](const DeskChange &c) {
        if (c.what == DeskChange::Units || c.what == DeskChange::Elsewhere)
            fillReviewers();
        if (c.what != DeskChange::Project || c.table.isEmpty())
            reload();
    });
    reload();
}

void ReturnsView::setScope(qint64 unitId)
{
    // All units: for an officer of a team desk, those reported to their own unit.
    qint64 reviewer = unitId ? unitId : m_book.ownUnit();
    if (unitId && m_desk->projects()->children(unitId).isEmpty()) {
        const auto u = m_desk->projects()->unit(unitId);
        reviewer = u ? u->parentId : 0;
    }
    const int index = m_reviewer->findData(reviewer);
    m_reviewer->setCurrentIndex(index >= 0 ? index : 0);
    if (unitId != reviewer)
        selectUnit(unitId);
}

void ReturnsView::fillReviewers()
{
    // The units that have units reporting to them; the one picked stays picked.
    const QSignalBlocker blocker(m_reviewer);
    const qint64 picked = m_reviewer->currentData().toLongLong();
    m_reviewer->clear();
    m_reviewer->addItem(tr("All units"), 0);
    for (const Unit &u : m_desk->projects()->units()) {
        if (!m_desk->projects()->children(u.id).isEmpty())
            m_reviewer->addItem(u.name, u.id);
    }
    m_reviewer->setCurrentIndex(qMax(0, m_reviewer->findData(picked)));
}

int ReturnsView::year() const
{
    return m_year->value();
}

int ReturnsView::month() const
{
    return m_month->currentData().toInt();
}

void ReturnsView::setMonth(int year, int month)
{
    const QSignalBlocker a(m_year), b(m_month);
    m_year->setValue(year);
    m_month->setCurrentIndex(qBound(1, month, 12) - 1);
    reload();
}

void ReturnsView::selectUnit(qint64 unitId)
{
    for (int r = 0; r < m_shown.size(); ++r) {
        if (m_shown.at(r).unitId == unitId)
            m_returns->selectRow(r);
    }
}

void ReturnsView::reload()
{
    if (m_reloading)
        return;
    m_reloading = true;
    const qint64 keep = selected() ? selected()->unitId : 0;
    m_shown = m_book.returns(year(), month(), m_reviewer->currentData().toLongLong());
    // Those that need someone's action first: late, returned, waiting for review; approved last.
    std::stable_sort(m_shown.begin(), m_shown.end(), [](const MonthlyReturn &a, const MonthlyReturn &b) {
        auto weight = [](const MonthlyReturn &r) {
            return r.overdue ? 0 : r.state == ReturnState::Returned ? 1 : r.state == ReturnState::Submitted ? 2
                 : r.state == ReturnState::Draft ? 3 : 4;
        };
        return weight(a) < weight(b);
    });
    int overdue = 0, approved = 0, waiting = 0;
    {
        const QSignalBlocker blocker(m_returns);
        m_returns->setRowCount(int(m_shown.size()));
        for (int row = 0; row < m_shown.size(); ++row) {
            const MonthlyReturn &r = m_shown.at(row);
            overdue += r.overdue ? 1 : 0;
            approved += r.state == ReturnState::Approved ? 1 : 0;
            waiting += r.state == ReturnState::Submitted ? 1 : 0;
            const QStringList cells{r.unit, stateText(r), r.deadline.toString(Qt::ISODate), r.opinion};
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                if (const QColor colour = stateColour(r); colour.isValid())
                    item->setBackground(colour);
                m_returns->setItem(row, c, item);
            }
        }
        m_returns->resizeColumnsToContents();
    }
    m_summary->setText(tr("%1 returns: %2 approved, %3 waiting for review, %4 overdue")
                           .arg(m_shown.size()).arg(approved).arg(waiting).arg(overdue));
    int row = 0;
    for (int r = 0; r < m_shown.size(); ++r) {
        if (m_shown.at(r).unitId == keep)
            row = r;
    }
    if (!m_shown.isEmpty())
        m_returns->selectRow(row);
    showSelected();
    m_reloading = false;
    // The tab counts this month's overdue returns.
    if (overdue != m_overdue) {
        m_overdue = overdue;
        emit overdueChanged(overdue);
    }
}

std::optional<MonthlyReturn> ReturnsView::selected() const
{
    const int row = m_returns->currentRow();
    if (row < 0 || row >= m_shown.size())
        return std::nullopt;
    return m_shown.at(row);
}

void ReturnsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_detailStale)
        showSelected();
}

void ReturnsView::showSelected()
{
    const auto picked = selected();
    for (QPushButton *b : {m_correct, m_submit, m_approve, m_sendBack, m_reopen})
        b->setEnabled(false);
    if (picked) {
        const bool open = picked->state == ReturnState::Draft || picked->state == ReturnState::Returned;
        const bool writable = !m_desk->isReadOnly();
        const bool mine = m_book.maySubmit(picked->unitId), reviewing = m_book.mayReview(picked->unitId);
        m_correct->setEnabled(writable && ((open && mine) || (picked->state == ReturnState::Approved && reviewing)));
        m_submit->setEnabled(writable && open && mine);
        m_approve->setEnabled(writable && picked->state == ReturnState::Submitted && reviewing);
        m_sendBack->setEnabled(writable && picked->state == ReturnState::Submitted && reviewing);
        m_reopen->setEnabled(writable && picked->state == ReturnState::Approved && reviewing);
        const QString notYours = tr("Only the officers of %1 write and submit its return.").arg(picked->unit);
        const QString notReviewer = tr("Only the officers of %1 review this return.").arg(picked->parent);
        m_submit->setToolTip(mine ? QString() : notYours);
        for (QPushButton *b : {m_approve, m_sendBack, m_reopen})
            b->setToolTip(reviewing ? QString() : notReviewer);
    }
    // The figures are counted from the desk's progress: only for a view the officer looks at.
    m_detailStale = !isVisible();
    if (m_detailStale)
        return;
    const auto review = picked ? m_book.review(picked->unitId, picked->year, picked->month) : std::nullopt;
    const std::optional<MonthlyReturn> r = review ? std::optional<MonthlyReturn>(review->first) : std::nullopt;
    m_figures->setRowCount(0);
    m_history->clear();
    if (!r) {
        m_title->setText(tr("No return picked"));
        m_opinion->clear();
        return;
    }
    m_title->setText(tr("%1 · %2, %3 · %4").arg(r->unit).arg(r->year).arg(Metrics::monthName(r->month), stateText(*picked)));
    QStringList lines;
    lines << tr("Due %1 to %2.").arg(r->deadline.toString(Qt::ISODate), r->parent);
    if (r->submittedAt.isValid())
        lines << tr("Submitted by %1 on %2.").arg(r->submittedBy, r->submittedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (!r->opinion.isEmpty())
        lines << tr("Opinion of %1: %2").arg(r->reviewedBy.isEmpty() ? r->parent : r->reviewedBy, r->opinion);
    m_opinion->setText(lines.join(QLatin1Char(' ')));

    const QList<ReturnCheck> &checks = review->second;
    m_figures->setRowCount(int(checks.size()));
    const QColor differs(0xff, 0xf3, 0xcd);
    for (int row = 0; row < checks.size(); ++row) {
        const ReturnCheck &c = checks.at(row);
        const QString metric = c.figure.metric;
        const double against = c.hasPipeline ? c.pipeline : c.reported;
        QString basis;
        QStringList tip;
        if (!c.figure.projects.isEmpty()) {
            basis = c.figure.projects.size() >= BasisLimit ? tr("the first %1 projects").arg(BasisLimit)
                                                           : tr("%n project(s)", nullptr, int(c.figure.projects.size()));
            for (qint64 id : c.figure.projects.mid(0, 15)) {
                if (const auto p = m_desk->projects()->project(id))
                    tip << p->name;
            }
            if (c.figure.projects.size() > 15)
                tip << tr("… and %n more", nullptr, int(c.figure.projects.size() - 15));
        } else if (!c.figure.document.isEmpty()) {
            basis = tr("report: %1").arg(c.figure.document);
        }
        const QString reason = c.figure.reason.isEmpty() ? basis
                             : basis.isEmpty()          ? c.figure.reason
                                                        : tr("%1 (%2)").arg(c.figure.reason, basis);
        const QStringList cells{Metrics::name(metric), Metrics::formatValue(metric, c.figure.value),
                                c.hasPipeline ? Metrics::formatValue(metric, c.pipeline) : QStringLiteral("—"),
                                c.hasReported ? Metrics::formatValue(metric, c.reported) : QStringLiteral("—"),
                                c.differs && (c.hasPipeline || c.hasReported)
                                    ? Metrics::formatValue(metric, c.figure.value - against) : QString(),
                                reason};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            if (col >= 1 && col <= 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c.differs)
                item->setBackground(differs);
            if (col == 3 && !c.reportedDetail.isEmpty())
                item->setToolTip(c.reportedDetail);
            if (col == 5 && !tip.isEmpty())
                item->setToolTip(tip.join(QLatin1Char('\n')));
            m_figures->setItem(row, col, item);
        }
    }
    m_figures->resizeColumnsToContents();

    // One line a step: a step and its opinion are written together, as two rows of the audit trail.
    QList<std::pair<AuditEntry, QString>> steps;
    for (const AuditEntry &e : m_book.history(r->id)) {
        if (e.action == QLatin1String("insert")) {
            steps.append({e, tr("started")});
        } else if (e.field == QLatin1String("state")) {
            steps.append({e, stepName(e.after)});
        } else if (!e.after.isEmpty()) {
            if (!steps.isEmpty() && steps.last().first.at == e.at && steps.last().first.who == e.who)
                steps.last().second = tr("%1: %2").arg(steps.last().second, e.after);
            else
                steps.append({e, tr("opinion: %1").arg(e.after)});
        }
    }
    for (const auto &[e, text] : std::as_const(steps))
        m_history->addItem(tr("%1  %2  %3").arg(e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), e.who, text));

}

void ReturnsView::act(const Status &s)
{
    if (!s)
        QMessageBox::warning(this, tr("Monthly return"), s.message());
    reload();
}

void ReturnsView::correctFigure()
{
    const auto picked = selected();
    const auto r = picked ? m_book.returnOf(picked->unitId, picked->year, picked->month) : std::nullopt;
    if (!r || r->figures.isEmpty())
        return;
    if (r->state == ReturnState::Approved) {
        // Approved figures are locked: a correction reopens the return, which is then submitted and approved again.
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Reopen the approved return"),
            tr("The return of %1 is approved and locked. A correction reopens it: it must then be submitted and approved "
               "again. Why is it reopened?").arg(r->unit),
            QLineEdit::Normal, tr("Correction of figures"), &ok);
        if (!ok)
            return;
        const Status s = m_book.reopen(r->unitId, r->year, r->month, reason);
        if (!s) {
            act(s);
            return;
        }
        reload();
        if (!m_book.maySubmit(r->unitId)) {
            QMessageBox::information(this, tr("Monthly return"),
                                     tr("The return of %1 is open again; its officers can now correct it.").arg(r->unit));
            return;
        }
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Correct a figure of %1").arg(r->unit));
    auto *form = new QFormLayout(&dialog);
    auto *metric = new QComboBox(&dialog);
    metric->setObjectName(QStringLiteral("correctMetric"));
    for (const ReturnFigure &f : r->figures)
        metric->addItem(Metrics::name(f.metric), f.metric);
    const int row = m_figures->currentRow();
    metric->setCurrentIndex(row >= 0 && row < metric->count() ? row : 0);
    auto *value = new QDoubleSpinBox(&dialog);
    value->setObjectName(QStringLiteral("correctValue"));
    value->setRange(0, 1e9);
    auto *computed = new QLabel(&dialog);
    auto *reason = new QLineEdit(&dialog);
    reason->setObjectName(QStringLiteral("correctReason"));
    reason->setPlaceholderText(tr("Why the unit reports another figure than the desk counts"));
    auto showFigure = [&] {
        const ReturnFigure &f = r->figures.at(metric->currentIndex());
        const bool count = Metrics::unit(f.metric) == QLatin1String("count");
        value->setDecimals(count ? 0 : 2);
        value->setSuffix(count ? QString() : QLatin1Char(' ') + Money::unitName(MoneyUnit::Yi));
        value->setValue(f.value);
        reason->setText(f.reason);
        computed->setText(f.hasComputed ? Metrics::formatValue(f.metric, f.computed) : QStringLiteral("—"));
    };
    showFigure();
    connect(metric, &QComboBox::currentIndexChanged, &dialog, showFigure);
    form->addRow(tr("Metric:"), metric);
    form->addRow(tr("The desk counts:"), computed);
    form->addRow(tr("Reported figure:"), value);
    form->addRow(tr("Reason:"), reason);
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    error->setWordWrap(true);
    form->addRow(error);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(box);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(box, &QDialogButtonBox::accepted, &dialog, [&] {
        const Status s = m_book.correct(r->unitId, r->year, r->month, metric->currentData().toString(), value->value(), reason->text());
        if (!s) {
            error->setText(s.message());
            return;
        }
        dialog.accept();
    });
    dialog.exec();
    reload();
}

void ReturnsView::submitSelected()
{
    if (const auto r = selected())
        act(m_book.submit(r->unitId, r->year, r->month));
}

void ReturnsView::approveSelected()
{
    if (const auto r = selected())
        act(m_book.approve(r->unitId, r->year, r->month));
}

void ReturnsView::sendBackSelected()
{
    const auto r = selected();
    if (!r)
        return;
    bool ok = false;
    const QString opinion = QInputDialog::getMultiLineText(this, tr("Return with opinion"),
                                                           tr("What is %1 to correct before it submits again?").arg(r->unit),
                                                           QString(), &ok);
    if (ok)
        act(m_book.sendBack(r->unitId, r->year, r->month, opinion));
}

void ReturnsView::reopenSelected()
{
    const auto r = selected();
    if (!r)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Reopen the approved return"),
                                                 tr("Why is the approved return of %1 reopened?").arg(r->unit),
                                                 QLineEdit::Normal, QString(), &ok);
    if (ok)
        act(m_book.reopen(r->unitId, r->year, r->month, reason));
}

} // namespace IPDesk
