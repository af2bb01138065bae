#include "changelogview.h"
#include "desk/desk.h"

#include "models/changelogmodel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace IPDesk {

ChangeLogView::ChangeLogView(Desk *desk, QWidget *parent)
    : QWidget(parent)
    , m_model(new ChangeLogModel(desk, this))
{
    m_who = new QComboBox(this);
    m_who->setObjectName(QStringLiteral("changeLogWho"));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("All records"), QString());
    for (const char *t : {"projects", "targets", "facts", "units", "activities", "monthly_returns", "follow_up_tasks"})
        m_kind->addItem(ChangeLogModel::tableLabel(QLatin1String(t)), QLatin1String(t));
    m_from = new QDateEdit(this);
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_from->setSpecialValueText(tr("any day"));
    m_from->setMinimumDate(QDate(2000, 1, 1));
    m_from->setDate(m_from->minimumDate());
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("changeLogText"));
    m_text->setPlaceholderText(tr("Search old and new values"));
    m_text->setClearButtonEnabled(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Who:"), this));
    bar->addWidget(m_who);
    bar->addWidget(new QLabel(tr("Records:"), this));
    bar->addWidget(m_kind);
    bar->addWidget(new QLabel(tr("Since:"), this));
    bar->addWidget(m_from);
    bar->addWidget(m_text, 1);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("changeLogTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table);

    connect(m_who, &QComboBox::currentIndexChanged, this, &ChangeLogView::applyFilter);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ChangeLogView::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &ChangeLogView::applyFilter);
    connect(m_text, &QLineEdit::textChanged, this, &ChangeLogView::applyFilter);
}

void ChangeLogView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void ChangeLogView::setMoneyUnit(MoneyUnit unit)
{
    m_model->setMoneyUnit(unit);
}

void ChangeLogView::setAccount(const QString &who)
{
    m_who->setCurrentIndex(qMax(0, m_who->findData(who)));
}

void ChangeLogView::setText(const QString &text)
{
    m_text->setText(text);
}

void ChangeLogView::reload()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const QString who = m_who->currentData().toString();
    {
        QSignalBlocker blocker(m_who);
        m_who->clear();
        m_who->addItem(tr("Everyone"), QString());
        for (const QString &a : m_model->accounts())
            m_who->addItem(a, a);
        m_who->setCurrentIndex(qMax(0, m_who->findData(who)));
    }
    applyFilter();
}

void ChangeLogView::applyFilter()
{
    ChangeLogFilter f;
    f.who = m_who->currentData().toString();
    f.table = m_kind->currentData().toString();
    if (m_from->date() != m_from->minimumDate())
        f.from = m_from->date();
    f.text = m_text->text().trimmed();
    m_model->setFilter(f);
    m_table->resizeColumnsToContents();
}

} // namespace IPDesk
