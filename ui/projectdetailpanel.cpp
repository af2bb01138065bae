#include "projectdetailpanel.h"
#include "desk/desk.h"

#include "models/changelogmodel.h"
#include "dateedit.h"
#include "base/datetext.h"
#include "desk/projectcommands.h"
#include "projectdelegate.h"
#include "desk/projectstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QTabWidget>
#include <QHBoxLayout>
#include <QGridLayout>
#include <QTableView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

namespace IPDesk {
ProjectDetailPanel::ProjectDetailPanel(Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_store(desk->projects())
{
    auto *outer = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    outer->addWidget(m_title);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *body = new QWidget(scroll);
    auto *form = new QFormLayout(body);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_name = new QLineEdit(body);
    m_name->setObjectName(QStringLiteral("projectName"));
    m_code = new QLineEdit(body);
    m_investor = new QLineEdit(body);
    m_unit = new QComboBox(body);
    m_stage = new QComboBox(body);
    for (int i = 0; i < StageCount; ++i)
        m_stage->addItem(Names::stage(Stage(i)), i);
    m_type = new QComboBox(body);
    for (int i = 0; i < ProjectTypeCount; ++i)
        m_type->addItem(Names::projectType(ProjectType(i)), i);
    m_industry = new QLineEdit(body);
    m_chain = new QLineEdit(body);
    m_manufacturing = new QCheckBox(tr("Manufacturing project"), body);
    m_channel = new QLineEdit(body);
    m_officer = new QLineEdit(body);
    m_notes = new QPlainTextEdit(body);
    m_notes->setMaximumHeight(3 * m_notes->fontMetrics().lineSpacing() + 10);

    form->addRow(fieldName(ProjectField::Name), m_name);
    form->addRow(fieldName(ProjectField::Code), m_code);
    form->addRow(fieldName(ProjectField::Investor), m_investor);
    form->addRow(fieldName(ProjectField::Unit), m_unit);
    // Short fields two to a row, so that the whole form fits a laptop screen (1280×720) unscrolled.
    auto pair = [body](QWidget *left, const QString &rightLabel, QWidget *right) {
        auto *row = new QWidget(body);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(rightLabel, row);
        label->setBuddy(right);
        h->addWidget(left, 1);
        h->addWidget(label);
        h->addWidget(right, 1);
        return row;
    };
    form->addRow(fieldName(ProjectField::Stage), pair(m_stage, fieldName(ProjectField::Type), m_type));
    form->addRow(fieldName(ProjectField::Industry), pair(m_industry, fieldName(ProjectField::IndustryChain), m_chain));
    for (int f = 0; f < int(ProjectField::Count); ++f) {
        const ProjectField field = ProjectField(f);
        if (!isMoneyField(field))
            continue;
        // The amount with its unit beside it: "8" alone could be 亿元 or 万元.
        auto *row = new QWidget(body);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *edit = new QLineEdit(row);
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        edit->setObjectName(fieldColumn(field));
        auto *unit = new QLabel(row);
        unit->setObjectName(fieldColumn(field) + QLatin1String("_unit"));
        h->addWidget(edit, 1);
        h->addWidget(unit);
        form->addRow(fieldName(field), row);
        m_money.append({field, edit});
        m_moneyUnits.append(unit);
    }
    form->addRow(QString(), m_manufacturing);
    form->addRow(fieldName(ProjectField::SourceChannel), m_channel);
    form->addRow(fieldName(ProjectField::LeadOfficer), m_officer);
    form->addRow(fieldName(ProjectField::Notes), m_notes);

    // The six stage dates in pipeline order, on a tab of their own.
    auto *history = new QGroupBox(tr("Stage history"), body);
    auto *hgrid = new QGridLayout(history);
    hgrid->setColumnStretch(1, 1);
    for (int i = 0; i < 6; ++i) {
        m_stageDates[i] = new OptionalDateEdit(history);
        m_stageDates[i]->setObjectName(QLatin1String("stageDate_") + Names::stageCode(Stage(i)));
        m_stageDates[i]->setMinimumWidth(0);
        auto *label = new QLabel(Names::stage(Stage(i)), history);
        label->setBuddy(m_stageDates[i]);
        hgrid->addWidget(label, i, 0);
        hgrid->addWidget(m_stageDates[i], i, 1);
        connect(m_stageDates[i], &OptionalDateEdit::dateChanged, this, [this] {
            setDirty(true);
            updateCalendarStarts();
        });
    }
    scroll->setWidget(body);
    // The form and the project's history on two tabs: each gets the panel's whole height.
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("detailPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(scroll, tr("Details"));
    history->setFlat(true);
    history->setTitle(QString());
    auto *datesPage = new QWidget(m_pages);
    auto *datesLayout = new QVBoxLayout(datesPage);
    datesLayout->addWidget(history);
    datesLayout->addStretch(1);
    m_pages->addTab(datesPage, tr("Stage dates"));
    outer->addWidget(m_pages, 1);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    outer->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    m_revert = buttons->addButton(tr("Revert"), QDialogButtonBox::ResetRole);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    outer->addWidget(buttons);

    // The project's history, as the database recorded it: who changed which field, from what to what.
    m_readOnly = new QLabel(this);
    m_readOnly->setWordWrap(true);
    m_readOnly->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnly->hide();
    outer->insertWidget(1, m_readOnly);
    m_history = new ChangeLogModel(desk, this);
    m_historyView = new QTableView(m_pages);
    m_historyView->setObjectName(QStringLiteral("projectHistory"));
    m_historyView->setModel(m_history);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_history->setCompact(true);
    m_historyView->setColumnHidden(ChangeLogModel::Record, true);
    m_historyView->setColumnHidden(ChangeLogModel::Before, true);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setWordWrap(false);
    m_pages->addTab(m_historyView, tr("History"));
    connect(m_apply, &QPushButton::clicked, this, &ProjectDetailPanel::apply);
    connect(m_revert, &QPushButton::clicked, this, &ProjectDetailPanel::load);

    const QList<QLineEdit *> edits = findChildren<QLineEdit *>();
    for (QLineEdit *e : edits)
        connect(e, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    for (QComboBox *c : {m_unit, m_stage, m_type})
        connect(c, &QComboBox::activated, this, [this] { setDirty(true); });
    connect(m_manufacturing, &QCheckBox::toggled, this, [this] { setDirty(true); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { setDirty(true); });

    connect(desk, &Desk::changed, this, [this](const DeskChange &change) {
        if ((change.what == DeskChange::Project && change.id == m_project.id) || change.what == DeskChange::Projects
            || change.what == DeskChange::Units)
            load();
    });
    for (QLabel *label : std::as_const(m_moneyUnits))
        label->setText(Money::unitName(m_moneyUnit));
    setProject(0);
}

void ProjectDetailPanel::setMoneyUnit(MoneyUnit unit)
{
    m_moneyUnit = unit;
    for (QLabel *label : std::as_const(m_moneyUnits))
        label->setText(Money::unitName(unit));
    m_history->setMoneyUnit(unit);
    load();
}

bool ProjectDetailPanel::isDirty() const
{
    return m_apply->isEnabled();
}

void ProjectDetailPanel::refresh()
{
    // Someone else changed the desk: show it, unless the officer is typing here (the edit is kept and
    // merged with theirs on Apply).
    if (isDirty())
        m_history->reload();
    else
        load();
}

void ProjectDetailPanel::setProject(qint64 id)
{
    m_project = Project();
    m_project.id = id;
    load();
}

void ProjectDetailPanel::load()
{
    m_loading = true;
    const auto p = m_project.id ? m_store->project(m_project.id) : std::nullopt;
    setEnabled(bool(p));
    m_project = p ? *p : Project();
    m_title->setText(p ? p->name : tr("No project selected"));
    ProjectDelegate::fillUnitCombo(m_unit, m_store);
    m_name->setText(m_project.name);
    m_code->setText(m_project.code);
    m_investor->setText(m_project.investor);
    m_unit->setCurrentIndex(m_unit->findData(m_project.unitId));
    m_stage->setCurrentIndex(int(m_project.stage));
    m_type->setCurrentIndex(int(m_project.type));
    m_industry->setText(m_project.industry);
    m_chain->setText(m_project.industryChain);
    for (const auto &[field, edit] : std::as_const(m_money)) {
        const qint64 v = projectValue(m_project, field).toLongLong();
        edit->setText(v ? Money::formatNumber(v, m_moneyUnit) : QString());
    }
    m_manufacturing->setChecked(m_project.manufacturing);
    m_channel->setText(m_project.sourceChannel);
    m_officer->setText(m_project.leadOfficer);
    m_notes->setPlainText(m_project.notes);
    for (int i = 0; i < 6; ++i)
        m_stageDates[i]->setOptionalDate(m_project.stageDates.value(Stage(i)));
    updateCalendarStarts();
    m_error->hide();
    ChangeLogFilter history;
    history.table = QStringLiteral("projects");
    history.recordId = p ? m_project.id : -1;
    history.limit = 200;
    m_history->setFilter(history);
    m_historyView->resizeColumnsToContents();
    // The server decides what this account may write; say so here before the officer types.
    const bool writable = !p || m_desk->canWrite(m_project.unitId);
    m_readOnly->setVisible(!writable);
    if (!writable && m_desk->isReadOnly())
        m_readOnly->setText(tr("Read only: this is a copy of a damaged desk, opened to read and export what can still be read."));
    else if (!writable)
        m_readOnly->setText(tr("Read only: your account writes projects of its own unit and the units below it, "
                               "not of %1.").arg(m_store->unitName(m_project.unitId)));
    m_loading = false;
    setDirty(false);
}

void ProjectDetailPanel::updateCalendarStarts()
{
    // An empty stage date's calendar opens at the nearest stage date given: the one before it, else
    // the one after it (else today).
    for (int i = 0; i < 6; ++i) {
        QDate start;
        for (int d = 1; d < 6 && !start.isValid(); ++d) {
            if (i - d >= 0)
                start = m_stageDates[i - d]->optionalDate();
            if (!start.isValid() && i + d < 6)
                start = m_stageDates[i + d]->optionalDate();
        }
        m_stageDates[i]->setCalendarStart(start);
    }
}

void ProjectDetailPanel::setDirty(bool dirty)
{
    if (m_loading)
        return;
    m_apply->setEnabled(dirty && m_readOnly->isHidden());
    m_revert->setEnabled(dirty);
}

bool ProjectDetailPanel::readForm(Project *p, QStringList *errors) const
{
    *p = m_project;
    p->name = m_name->text().trimmed();
    p->code = m_code->text().trimmed();
    p->investor = m_investor->text().trimmed();
    p->unitId = m_unit->currentData().toLongLong();
    p->stage = Stage(m_stage->currentData().toInt());
    p->type = ProjectType(m_type->currentData().toInt());
    p->industry = m_industry->text().trimmed();
    p->industryChain = m_chain->text().trimmed();
    for (const auto &[field, edit] : std::as_const(m_money)) {
        QString error;
        const QString text = edit->text().trimmed();
        const auto v = text.isEmpty() ? std::optional<Yuan>(0) : Money::parse(text, m_moneyUnit, &error);
        if (!v)
            *errors << fieldName(field) + QLatin1String(": ") + error;
        else
            setProjectValue(*p, field, *v);
    }
    p->manufacturing = m_manufacturing->isChecked();
    p->sourceChannel = m_channel->text().trimmed();
    p->leadOfficer = m_officer->text().trimmed();
    p->notes = m_notes->toPlainText();
    p->stageDates.remove(Stage::Lead);
    for (int i = 0; i < 6; ++i) {
        if (!m_stageDates[i]->hasAcceptableInput()) {
            *errors << tr("%1 date: %2").arg(Names::stage(Stage(i)), DateText::notADate(m_stageDates[i]->text()));
            continue;
        }
        const QDate d = m_stageDates[i]->optionalDate();
        if (d.isValid())
            p->stageDates.insert(Stage(i), d);
        else
            p->stageDates.remove(Stage(i));
    }
    if (p->stage != m_project.stage && !p->stageDates.contains(p->stage) && int(p->stage) <= int(Stage::Operating))
        p->stageDates.insert(p->stage, QDate::currentDate());
    *errors << p->validate();
    return errors->isEmpty();
}

bool ProjectDetailPanel::apply()
{
    Project after;
    QStringList errors;
    if (!readForm(&after, &errors)) {
        m_error->setText(errors.join(QLatin1Char('\n')));
        m_error->show();
        return false;
    }
    m_error->hide();
    // Saved; or kept until the connection is back; or the window asks about a conflict next.
    const Status s = m_desk->editProject(m_project, after, std::nullopt);
    if (s || s.code() == Status::Code::Offline || s.code() == Status::Code::Conflict)
        return true;
    m_error->setText(s.message());
    m_error->show();
    return false;
}

QString ProjectDetailPanel::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

} // namespace IPDesk
