#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QStandardItemModel;
class QTableView;

namespace IPDesk {

class Desk;
class ProjectStore;

/// Tools → Team Accounts (administrators): who may sign in, as what, and which units they write.
/// The server enforces it: an officer writes the records of their unit and the units below it.
class TeamUsersDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TeamUsersDialog(Desk *desk, QWidget *parent = nullptr);
    bool addAccount(const QString &login, int role, qint64 unitId, const QString &password);

private:
    void reload();
    void removeSelected();
    Desk *m_desk;
    ProjectStore *m_store;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QLineEdit *m_login;
    QComboBox *m_role;
    QComboBox *m_unit;
    QLineEdit *m_password;
};

} // namespace IPDesk
