#include "targetsdialog.h"
#include "desk/desk.h"
#include "deskedits.h"

#include "desk/factstore.h"
#include "base/metrics.h"
#include "projectdelegate.h"
#include "desk/targetcommands.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace IPDesk {

namespace {
enum { UnitRole = Qt::UserRole + 1, MetricRole };
}

TargetsDialog::TargetsDialog(Desk *desk, int year, QWidget *parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_store(desk->projects())
{
    setWindowTitle(tr("Targets"));
    resize(760, 560);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_year = new QSpinBox(this);
    m_year->setRange(2000, 2100);
    m_year->setValue(year);
    top->addWidget(new QLabel(tr("Year:"), this));
    top->addWidget(m_year);
    top->addStretch(1);
    auto *add = new QPushButton(tr("Add target…"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *copy = new QPushButton(tr("Copy last year's…"), this);
    auto *split = new QPushButton(tr("Split over units…"), this);
    auto *undo = new QPushButton(tr("Undo"), this);
    auto *redo = new QPushButton(tr("Redo"), this);
    for (QPushButton *b : {add, remove, copy, split, undo, redo})
        top->addWidget(b);
    layout->addLayout(top);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("targetsTable"));
    m_table->setHorizontalHeaderLabels({tr("Unit"), tr("Metric"), tr("Target"), tr("Qualifier")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_table, 1);
    auto *hint = new QLabel(tr("Double-click a target to change it. Money targets are in 100M yuan (亿元)."), this);
    layout->addWidget(hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_year, &QSpinBox::valueChanged, this, &TargetsDialog::reload);
    connect(add, &QPushButton::clicked, this, &TargetsDialog::addTarget);
    connect(remove, &QPushButton::clicked, this, &TargetsDialog::removeTarget);
    connect(copy, &QPushButton::clicked, this, [this] { copyLastYear(); });
    connect(split, &QPushButton::clicked, this, &TargetsDialog::splitSelected);
    connect(undo, &QPushButton::clicked, desk->undoStack(), &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, desk->undoStack(), &QUndoStack::redo);
    connect(desk->undoStack(), &QUndoStack::indexChanged, this, &TargetsDialog::reload);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_loading || item->column() != 2)
            return;
        bool ok = false;
        const double v = item->text().toDouble(&ok);
        const qint64 unit = m_table->item(item->row(), 0)->data(UnitRole).toLongLong();
        const QString metric = m_table->item(item->row(), 1)->data(MetricRole).toString();
        if (!ok || v <= 0) {
            QMessageBox::warning(this, tr("Target not changed"), tr("A target must be a number greater than zero."));
            reload();
            return;
        }
        const FactStore &facts = *m_desk->facts();
        Target t = facts.target(unit, m_year->value(), metric).value_or(Target{unit, m_year->value(), metric, v, QStringLiteral("at_least")});
        t.value = v;
        DeskEdits::perform(m_desk, new ChangeTargetsCommand(m_desk, TargetPlans::set(facts, t), tr("Change target")), this);
    });
    reload();
}

void TargetsDialog::reload()
{
    m_loading = true;
    const QList<Target> targets = m_desk->facts()->targets(m_year->value());
    m_table->setRowCount(int(targets.size()));
    for (int r = 0; r < targets.size(); ++r) {
        const Target &t = targets.at(r);
        auto *unit = new QTableWidgetItem(m_store->unitName(t.unitId));
        unit->setData(UnitRole, t.unitId);
        unit->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        auto *metric = new QTableWidgetItem(Metrics::name(t.metric));
        metric->setData(MetricRole, t.metric);
        metric->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        auto *value = new QTableWidgetItem(QString::number(t.value, 'g', 12));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *qualifier = new QTableWidgetItem(Metrics::qualifierName(t.qualifier));
        qualifier->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_table->setItem(r, 0, unit);
        m_table->setItem(r, 1, metric);
        m_table->setItem(r, 2, value);
        m_table->setItem(r, 3, qualifier);
    }
    m_table->resizeColumnsToContents();
    m_loading = false;
}

void TargetsDialog::addTarget()
{
    QDialog ask(this);
    ask.setWindowTitle(tr("Add target"));
    auto *form = new QFormLayout(&ask);
    auto *unit = new QComboBox(&ask);
    ProjectDelegate::fillUnitCombo(unit, m_store);
    auto *metric = new QComboBox(&ask);
    for (const QString &m : Metrics::ids())
        metric->addItem(Metrics::name(m), m);
    auto *value = new QDoubleSpinBox(&ask);
    value->setRange(0, 1e9);
    value->setDecimals(2);
    auto *qualifier = new QComboBox(&ask);
    for (const QString &q : {QStringLiteral("at_least"), QStringLiteral("exact"), QStringLiteral("approx")})
        qualifier->addItem(Metrics::qualifierName(q), q);
    form->addRow(tr("Unit:"), unit);
    form->addRow(tr("Metric:"), metric);
    form->addRow(tr("Target:"), value);
    form->addRow(tr("Qualifier:"), qualifier);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    if (ask.exec() != QDialog::Accepted)
        return;
    if (value->value() <= 0) {
        QMessageBox::warning(this, tr("Target not added"), tr("A target must be greater than zero."));
        return;
    }
    const FactStore &facts = *m_desk->facts();
    const Target t{unit->currentData().toLongLong(), m_year->value(), metric->currentData().toString(), value->value(),
                   qualifier->currentData().toString()};
    DeskEdits::perform(m_desk, new ChangeTargetsCommand(m_desk, TargetPlans::set(facts, t), tr("Add target")), this);
}

void TargetsDialog::removeTarget()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const qint64 unit = m_table->item(row, 0)->data(UnitRole).toLongLong();
    const QString metric = m_table->item(row, 1)->data(MetricRole).toString();
    DeskEdits::perform(m_desk, new ChangeTargetsCommand(m_desk, TargetPlans::remove(*m_desk->facts(), unit, m_year->value(), metric),
                                               tr("Remove target")), this);
}

void TargetsDialog::copyLastYear(double growth)
{
    if (qIsNaN(growth)) {
        bool ok = false;
        growth = QInputDialog::getDouble(this, tr("Copy last year's targets"),
                                         tr("Growth over %1 in percent (保持10%以上增长 is 10):").arg(m_year->value() - 1), 10, -100, 1000, 1, &ok);
        if (!ok)
            return;
    }
    const QList<TargetChange> changes = TargetPlans::copyYear(*m_desk->facts(), m_year->value() - 1, m_year->value(), growth, false);
    if (changes.isEmpty()) {
        QMessageBox::information(this, tr("Nothing to copy"),
                                 tr("%1 has no targets that %2 does not have already.").arg(m_year->value() - 1).arg(m_year->value()));
        return;
    }
    DeskEdits::perform(m_desk, new ChangeTargetsCommand(m_desk, changes, tr("Copy %n target(s) from last year", nullptr, int(changes.size()))), this);
}

void TargetsDialog::splitSelected()
{
    const int row = m_table->currentRow();
    if (row < 0) {
        QMessageBox::information(this, tr("Split over units"), tr("Pick the target to split first."));
        return;
    }
    const qint64 unit = m_table->item(row, 0)->data(UnitRole).toLongLong();
    const QString metric = m_table->item(row, 1)->data(MetricRole).toString();
    if (m_store->children(unit).isEmpty()) {
        QMessageBox::information(this, tr("Split over units"), tr("%1 has no units below it.").arg(m_store->unitName(unit)));
        return;
    }
    SplitTargetDialog dialog(m_desk, unit, m_year->value(), metric, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    DeskEdits::perform(m_desk, new ChangeTargetsCommand(m_desk, TargetPlans::split(*m_desk->facts(), m_year->value(), metric, dialog.parts()),
                                               tr("Split target of %1").arg(m_store->unitName(unit))), this);
}

SplitTargetDialog::SplitTargetDialog(Desk *desk, qint64 unitId, int year, const QString &metric, QWidget *parent)
    : QDialog(parent)
{
    const ProjectStore *store = desk->projects();
    const FactStore &facts = *desk->facts();
    m_target = facts.target(unitId, year, metric).value_or(Target{}).value;
    setWindowTitle(tr("Split the target of %1").arg(store->unitName(unitId)));
    auto *form = new QFormLayout(this);
    form->addRow(new QLabel(tr("%1, %2: %3").arg(store->unitName(unitId), Metrics::name(metric), Metrics::formatValue(metric, m_target)), this));
    for (qint64 child : store->children(unitId)) {
        auto *edit = new QDoubleSpinBox(this);
        edit->setRange(0, 1e9);
        edit->setDecimals(Metrics::unit(metric) == QLatin1String("count") ? 0 : 2);
        edit->setValue(facts.target(child, year, metric).value_or(Target{}).value);
        m_edits.insert(child, edit);
        form->addRow(store->unitName(child), edit);
        connect(edit, &QDoubleSpinBox::valueChanged, this, &SplitTargetDialog::update);
    }
    m_remainder = new QLabel(this);
    m_remainder->setObjectName(QStringLiteral("remainder"));
    form->addRow(m_remainder);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

QHash<qint64, double> SplitTargetDialog::parts() const
{
    QHash<qint64, double> out;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        out.insert(it.key(), it.value()->value());
    return out;
}

double SplitTargetDialog::remainder() const
{
    return TargetPlans::remainder(m_target, parts());
}

void SplitTargetDialog::update()
{
    const double left = remainder();
    if (std::abs(left) < 1e-9) {
        m_remainder->setText(tr("The parts add up to the target."));
        m_remainder->setStyleSheet(QStringLiteral("color: #2e7d32;"));
    } else if (left > 0) {
        m_remainder->setText(tr("Still to give out: %1").arg(QString::number(left, 'g', 12)));
        m_remainder->setStyleSheet(QStringLiteral("color: #b00020;"));
    } else {
        m_remainder->setText(tr("The parts exceed the target by %1.").arg(QString::number(-left, 'g', 12)));
        m_remainder->setStyleSheet(QStringLiteral("color: #b00020;"));
    }
}

} // namespace IPDesk
