#pragma once

#include <QObject>
#include <QTimer>

namespace IPDesk {

class Database;

/// Tells when other officers changed the desk, so views reload without a restart.
/// A team database sends LISTEN/NOTIFY notices (the triggers of schema step 5); on a desk file,
/// SQLite's data_version is polled, which moves when another connection commits.
class ChangeNotifier : public QObject
{
    Q_OBJECT
public:
    explicit ChangeNotifier(Database *db, QObject *parent = nullptr);
    ~ChangeNotifier() override;
    /// Subscribes again, e.g. after a reconnect.
    void restart();

signals:
    /// Another connection changed records of this table.
    void changedElsewhere(const QString &table);

private:
    void poll();
    Database *m_db;
    QTimer m_timer;
    qint64 m_dataVersion = -1;
};

} // namespace IPDesk
