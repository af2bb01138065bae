#include "activitiesview.h"
#include "desk/desk.h"
#include "deskedits.h"

#include "dateedit.h"
#include "base/datetext.h"
#include "projectdelegate.h"
#include "desk/projectstore.h"
#include "desk/targetcommands.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace IPDesk {

ActivitiesView::ActivitiesView(Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_store(desk->projects())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    m_year = new QSpinBox(this);
    m_year->setRange(2000, 2100);
    m_year->setValue(QDate::currentDate().year());
    m_year->setSpecialValueText(tr("All years"));
    m_year->setMinimum(1999);
    bar->addWidget(new QLabel(tr("Year:"), this));
    bar->addWidget(m_year);
    bar->addStretch(1);
    auto *add = new QPushButton(tr("Add activity…"), this);
    add->setObjectName(QStringLiteral("addActivity"));
    auto *edit = new QPushButton(tr("Edit…"), this);
    auto *remove = new QPushButton(tr("Delete"), this);
    for (QPushButton *b : {add, edit, remove})
        bar->addWidget(b);
    layout->addLayout(bar);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("activitiesTable"));
    m_table->setHorizontalHeaderLabels({tr("Date"), tr("Unit"), tr("Kind"), tr("Led by a principal leader"), tr("Places"),
                                        tr("Companies met"), tr("Notes")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    connect(m_year, &QSpinBox::valueChanged, this, &ActivitiesView::reload);
    connect(add, &QPushButton::clicked, this, &ActivitiesView::addActivity);
    connect(edit, &QPushButton::clicked, this, &ActivitiesView::editSelected);
    connect(remove, &QPushButton::clicked, this, &ActivitiesView::deleteSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &ActivitiesView::editSelected);
    connect(desk->undoStack(), &QUndoStack::indexChanged, this, &ActivitiesView::reload);
    reload();
}

void ActivitiesView::setUnits(const QList<qint64> &unitIds)
{
    m_units = unitIds;
    reload();
}

void ActivitiesView::reload()
{
    const int year = m_year->value() == m_year->minimum() ? 0 : m_year->value();
    m_shown = m_desk->activities()->activities(m_units, year);
    m_table->setRowCount(int(m_shown.size()));
    for (int r = 0; r < m_shown.size(); ++r) {
        const Activity &a = m_shown.at(r);
        const QStringList cells = {a.date.toString(Qt::ISODate), m_store->unitName(a.unitId), Activity::kindName(a.kind),
                                   a.leaderLed ? tr("Yes") : QString(), a.places,
                                   a.companiesCount ? tr("%1 (%2)").arg(a.companies).arg(a.companiesCount) : a.companies, a.notes};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
}

std::optional<Activity> ActivitiesView::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_shown.size())
        return std::nullopt;
    return m_shown.at(row);
}

std::optional<Activity> ActivitiesView::editActivity(const std::optional<Activity> &existing)
{
    Activity a = existing.value_or(Activity());
    if (!existing) {
        a.date = QDate::currentDate();
        a.unitId = m_units.value(0);
    }
    QDialog dialog(this);
    dialog.setWindowTitle(existing ? tr("Edit activity") : tr("Add activity"));
    auto *form = new QFormLayout(&dialog);
    auto *unit = new QComboBox(&dialog);
    ProjectDelegate::fillUnitCombo(unit, m_store);
    unit->setCurrentIndex(qMax(0, unit->findData(a.unitId)));
    auto *date = new OptionalDateEdit(&dialog);
    date->setOptionalDate(a.date);
    auto *kind = new QComboBox(&dialog);
    for (int k = 0; k < 5; ++k)
        kind->addItem(Activity::kindName(Activity::Kind(k)), k);
    kind->setCurrentIndex(int(a.kind));
    auto *leader = new QCheckBox(tr("Led by a principal leader (主要领导带队)"), &dialog);
    leader->setChecked(a.leaderLed);
    auto *places = new QLineEdit(a.places, &dialog);
    auto *companies = new QLineEdit(a.companies, &dialog);
    auto *count = new QSpinBox(&dialog);
    count->setRange(0, 100000);
    count->setValue(a.companiesCount);
    auto *notes = new QPlainTextEdit(a.notes, &dialog);
    notes->setMaximumHeight(70);
    auto *projects = new QListWidget(&dialog);
    ProjectQuery q;
    q.unitIds = m_store->subtree(a.unitId ? a.unitId : unit->currentData().toLongLong());
    for (const Project &p : m_store->fetch(q, 0, 300)) {
        auto *item = new QListWidgetItem(p.name, projects);
        item->setData(Qt::UserRole, p.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(a.projectIds.contains(p.id) ? Qt::Checked : Qt::Unchecked);
    }
    projects->setMaximumHeight(110);
    form->addRow(tr("Unit:"), unit);
    form->addRow(tr("Date:"), date);
    form->addRow(tr("Kind:"), kind);
    form->addRow(QString(), leader);
    form->addRow(tr("Places:"), places);
    form->addRow(tr("Companies met:"), companies);
    form->addRow(tr("Number of companies:"), count);
    form->addRow(tr("Projects touched:"), projects);
    form->addRow(tr("Notes:"), notes);
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    form->addRow(error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (!date->hasAcceptableInput()) {
            error->setText(DateText::notADate(date->text()));
            error->show();
            return;
        }
        a.unitId = unit->currentData().toLongLong();
        a.date = date->optionalDate();
        a.kind = Activity::Kind(kind->currentData().toInt());
        a.leaderLed = leader->isChecked();
        a.places = places->text().trimmed();
        a.companies = companies->text().trimmed();
        a.companiesCount = count->value();
        a.notes = notes->toPlainText();
        a.projectIds.clear();
        for (int i = 0; i < projects->count(); ++i) {
            if (projects->item(i)->checkState() == Qt::Checked)
                a.projectIds << projects->item(i)->data(Qt::UserRole).toLongLong();
        }
        const QStringList errors = a.validate();
        if (!errors.isEmpty()) {
            error->setText(errors.join(QLatin1Char('\n')));
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return a;
}

void ActivitiesView::addActivity()
{
    const auto a = editActivity(std::nullopt);
    if (a)
        DeskEdits::perform(m_desk, new ChangeActivityCommand(m_desk, std::nullopt, a), this);
}

void ActivitiesView::editSelected()
{
    const auto before = selected();
    if (!before)
        return;
    const auto after = editActivity(before);
    if (after)
        DeskEdits::perform(m_desk, new ChangeActivityCommand(m_desk, before, after), this);
}

void ActivitiesView::deleteSelected()
{
    const auto before = selected();
    if (!before)
        return;
    DeskEdits::perform(m_desk, new ChangeActivityCommand(m_desk, before, std::nullopt), this);
}

} // namespace IPDesk
