#include "teamusersdialog.h"
#include "desk/desk.h"

#include "desk/projectstore.h"
#include "desk/teamusers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace IPDesk {

TeamUsersDialog::TeamUsersDialog(Desk *desk, QWidget *parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_store(desk->projects())
    , m_model(new QStandardItemModel(0, 4, this))
{
    setWindowTitle(tr("Team Accounts"));
    m_model->setHorizontalHeaderLabels({tr("Login"), tr("Role"), tr("Writes for"), tr("Name")});
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_login = new QLineEdit(this);
    m_role = new QComboBox(this);
    for (TeamUser::Role r : {TeamUser::Role::Officer, TeamUser::Role::Viewer, TeamUser::Role::Admin})
        m_role->addItem(TeamUser::roleName(r), int(r));
    m_unit = new QComboBox(this);
    for (const Unit &u : m_store->units())
        m_unit->addItem(u.name, u.id);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("required for a new account; empty keeps the old one"));
    connect(m_role, &QComboBox::currentIndexChanged, this,
            [this] { m_unit->setEnabled(TeamUser::Role(m_role->currentData().toInt()) == TeamUser::Role::Officer); });

    auto *form = new QFormLayout;
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Unit:"), m_unit);
    form->addRow(tr("&Password:"), m_password);
    auto *save = new QPushButton(tr("&Save Account"), this);
    auto *remove = new QPushButton(tr("Stop the &Selected Account"), this);
    connect(save, &QPushButton::clicked, this, [this] {
        if (addAccount(m_login->text().trimmed(), m_role->currentData().toInt(), m_unit->currentData().toLongLong(),
                       m_password->text()))
            m_password->clear();
    });
    connect(remove, &QPushButton::clicked, this, &TeamUsersDialog::removeSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        if (!i.isValid())
            return;
        m_login->setText(m_model->item(i.row(), 0)->text());
        m_role->setCurrentIndex(m_role->findData(m_model->item(i.row(), 1)->data().toInt()));
        const int unit = m_unit->findData(m_model->item(i.row(), 2)->data().toLongLong());
        if (unit >= 0)
            m_unit->setCurrentIndex(unit);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(form);
    auto *row = new QHBoxLayout;
    row->addWidget(save);
    row->addWidget(remove);
    row->addStretch();
    layout->addLayout(row);
    layout->addWidget(buttons);
    resize(620, 480);
    reload();
}

void TeamUsersDialog::reload()
{
    m_model->removeRows(0, m_model->rowCount());
    for (const TeamUser &u : m_desk->teamUsers()) {
        auto *role = new QStandardItem(TeamUser::roleName(u.role));
        role->setData(int(u.role));
        auto *unit = new QStandardItem(u.unitId ? m_store->unitName(u.unitId) : tr("(all units)"));
        unit->setData(u.unitId);
        m_model->appendRow({new QStandardItem(u.login), role, unit, new QStandardItem(u.fullName)});
    }
    m_table->resizeColumnsToContents();
}

bool TeamUsersDialog::addAccount(const QString &login, int role, qint64 unitId, const QString &password)
{
    TeamUser u;
    u.login = login;
    u.role = TeamUser::Role(role);
    u.unitId = u.role == TeamUser::Role::Officer ? unitId : 0;
    const Status s = m_desk->saveTeamUser(u, password);
    if (!s) {
        QMessageBox::warning(this, tr("The account was not saved"), s.message());
        return false;
    }
    reload();
    return true;
}

void TeamUsersDialog::removeSelected()
{
    const QModelIndex i = m_table->currentIndex();
    if (!i.isValid())
        return;
    const QString login = m_model->item(i.row(), 0)->text();
    if (QMessageBox::question(this, tr("Stop account"), tr("Stop the account %1? It can no longer sign in; "
                                                           "its past changes stay in the change log.").arg(login))
        != QMessageBox::Yes)
        return;
    const Status s = m_desk->removeTeamUser(login);
    if (!s)
        QMessageBox::warning(this, tr("The account was not changed"), s.message());
    reload();
}

} // namespace IPDesk
