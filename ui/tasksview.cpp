#include "tasksview.h"

#include "dateedit.h"
#include "deskedits.h"
#include "base/datetext.h"
#include "desk/desk.h"
#include "projectdelegate.h"
#include "progress/returns.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace IPDesk {

TasksView::TasksView(Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("tasksSummary"));
    m_showDone = new QCheckBox(tr("Show done tasks"), this);
    m_showDone->setChecked(true);
    auto *add = new QPushButton(tr("New follow-up task…"), this);
    add->setObjectName(QStringLiteral("addTask"));
    auto *reply = new QPushButton(tr("Reply…"), this);
    reply->setObjectName(QStringLiteral("replyTask"));
    auto *done = new QPushButton(tr("Mark done / open"), this);
    done->setObjectName(QStringLiteral("doneTask"));
    auto *remove = new QPushButton(tr("Delete"), this);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_showDone);
    for (QPushButton *b : {add, reply, done, remove})
        bar->addWidget(b);
    layout->addLayout(bar);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("tasksTable"));
    m_table->setHorizontalHeaderLabels({tr("State"), tr("Due"), tr("Unit"), tr("Project"), tr("What is to be done"), tr("Latest reply")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    layout->addWidget(m_table, 1);
    connect(m_showDone, &QCheckBox::toggled, this, &TasksView::reload);
    connect(add, &QPushButton::clicked, this, &TasksView::addTask);
    connect(reply, &QPushButton::clicked, this, &TasksView::replySelected);
    connect(done, &QPushButton::clicked, this, &TasksView::toggleDoneSelected);
    connect(remove, &QPushButton::clicked, this, &TasksView::deleteSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &TasksView::replySelected);
    connect(desk, &Desk::changed, this, [this](const DeskChange &c) {
        if (c.what == DeskChange::Targets || c.what == DeskChange::Elsewhere || c.what == DeskChange::Projects)
            reload();
    });
    reload();
}

void TasksView::reload()
{
    Status s;
    const QList<FollowUpTask> all = TaskStore(m_desk->database()).tasks(&s);
    const QDate today = QDate::currentDate();
    m_shown.clear();
    int overdue = 0, open = 0;
    for (const FollowUpTask &t : all) {
        overdue += t.isOverdue(today) ? 1 : 0;
        open += t.state == FollowUpTask::State::Open ? 1 : 0;
        if (m_showDone->isChecked() || t.state == FollowUpTask::State::Open)
            m_shown << t;
    }
    // Overdue first, then open by due date, then done.
    std::stable_sort(m_shown.begin(), m_shown.end(), [&today](const FollowUpTask &a, const FollowUpTask &b) {
        return a.isOverdue(today) > b.isOverdue(today);
    });
    m_table->setRowCount(int(m_shown.size()));
    for (int row = 0; row < m_shown.size(); ++row) {
        const FollowUpTask &t = m_shown.at(row);
        QString project;
        if (t.projectId) {
            if (const auto p = m_desk->projects()->project(t.projectId))
                project = p->name;
        }
        const QString reply = t.replies.isEmpty() ? QString()
                                                  : tr("%1 (%2, %3)").arg(t.replies.last().body, t.replies.last().who,
                                                                          t.replies.last().at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")));
        const QStringList cells{t.stateName(today), t.due.toString(Qt::ISODate), m_desk->projects()->unitName(t.unitId),
                                project, t.what, reply};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (t.isOverdue(today))
                item->setBackground(QColor(0xfd, 0xe0, 0xdc));
            else if (t.state == FollowUpTask::State::Done)
                item->setForeground(QColor(0x61, 0x61, 0x61));
            item->setData(Qt::UserRole, t.id);
            m_table->setItem(row, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(s ? tr("%1 open, %2 overdue").arg(open).arg(overdue) : s.message());
    if (overdue != m_overdue) {
        m_overdue = overdue;
        emit overdueChanged(overdue);
    }
}

std::optional<FollowUpTask> TasksView::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_shown.size())
        return std::nullopt;
    return m_shown.at(row);
}

void TasksView::selectTask(qint64 id)
{
    for (int r = 0; r < m_shown.size(); ++r) {
        if (m_shown.at(r).id == id)
            m_table->selectRow(r);
    }
}

qint64 TasksView::addTaskFor(const StuckProject &stalled)
{
    const auto t = followUpTaskFor(m_desk, stalled, QDate::currentDate());
    if (!t)
        return 0;
    auto *command = new ChangeTaskCommand(m_desk, std::nullopt, *t);
    if (!DeskEdits::perform(m_desk, command, this))
        return 0;
    const qint64 id = command->taskId(); // on the undo stack now
    selectTask(id);
    emit taskAdded(id);
    return id;
}

void TasksView::addTask()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New follow-up task"));
    auto *form = new QFormLayout(&dialog);
    auto *unit = new QComboBox(&dialog);
    ProjectDelegate::fillUnitCombo(unit, m_desk->projects());
    auto *project = new QComboBox(&dialog);
    auto fillProjects = [&] {
        project->clear();
        project->addItem(tr("(the unit as a whole)"), 0);
        ProjectQuery q;
        q.unitIds = m_desk->projects()->subtree(unit->currentData().toLongLong());
        for (const Project &p : m_desk->projects()->fetch(q, 0, 500))
            project->addItem(p.name, p.id);
    };
    fillProjects();
    connect(unit, &QComboBox::currentIndexChanged, &dialog, fillProjects);
    auto *what = new QPlainTextEdit(&dialog);
    what->setMaximumHeight(80);
    auto *due = new OptionalDateEdit(&dialog);
    due->setOptionalDate(QDate::currentDate().addDays(ProgressSettings::load(m_desk).taskDays));
    form->addRow(tr("Unit:"), unit);
    form->addRow(tr("Project:"), project);
    form->addRow(tr("What is to be done:"), what);
    form->addRow(tr("Due:"), due);
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    error->setWordWrap(true);
    form->addRow(error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    FollowUpTask t;
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (!due->hasAcceptableInput()) {
            error->setText(DateText::notADate(due->text()));
            return;
        }
        t.unitId = unit->currentData().toLongLong();
        t.projectId = project->currentData().toLongLong();
        t.what = what->toPlainText().trimmed();
        t.due = due->optionalDate();
        const QStringList problems = t.validate();
        if (!problems.isEmpty()) {
            error->setText(problems.join(QLatin1Char('\n')));
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto *command = new ChangeTaskCommand(m_desk, std::nullopt, t);
    if (DeskEdits::perform(m_desk, command, this)) {
        selectTask(command->taskId());
        emit taskAdded(command->taskId());
    }
}

void TasksView::replySelected()
{
    const auto t = selected();
    if (!t)
        return;
    QStringList earlier;
    for (const FollowUpTask::Reply &r : t->replies)
        earlier << tr("%1 %2: %3").arg(r.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")), r.who, r.body);
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Reply to a follow-up task"),
        earlier.isEmpty() ? t->what : t->what + QLatin1String("\n\n") + earlier.join(QLatin1Char('\n')), QString(), &ok);
    if (!ok)
        return;
    const Status s = TaskStore(m_desk->database()).reply(t->id, text);
    if (!s)
        QMessageBox::warning(this, tr("Follow-up task"), s.message());
    m_desk->notify({DeskChange::Targets});
}

void TasksView::toggleDoneSelected()
{
    const auto t = selected();
    if (!t)
        return;
    FollowUpTask after = *t;
    after.state = t->state == FollowUpTask::State::Open ? FollowUpTask::State::Done : FollowUpTask::State::Open;
    after.doneOn = after.state == FollowUpTask::State::Done ? QDate::currentDate() : QDate();
    DeskEdits::perform(m_desk, new ChangeTaskCommand(m_desk, t, after), this);
}

void TasksView::deleteSelected()
{
    const auto t = selected();
    if (!t)
        return;
    if (QMessageBox::question(this, tr("Delete follow-up task"), tr("Delete the task “%1”? Its replies go with it.").arg(t->what))
        != QMessageBox::Yes)
        return;
    DeskEdits::perform(m_desk, new ChangeTaskCommand(m_desk, t, std::nullopt), this);
}

} // namespace IPDesk
