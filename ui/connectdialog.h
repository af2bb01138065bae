#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace IPDesk {

/// File → Connect to Team Database: where the team's PostgreSQL server is and who you are.
/// The password goes to the system keyring when the officer asks for it, never to plain settings.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);
    /// Fills the fields from an address (postgresql://user@host:port/database?sslmode=...).
    void setAddress(const QString &address);
    /// The address without the password.
    QString address() const;
    QString password() const;
    void setPassword(const QString &password);
    bool rememberPassword() const;
    void setMessage(const QString &message);

private:
    void updateOk();
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_tls;
    QCheckBox *m_remember;
    QLabel *m_message;
    class QPushButton *m_ok;
};

} // namespace IPDesk
