#pragma once

#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace IPDesk {

class Database;

/// Tells when other officers changed the desk, so views reload without a restart.
/// A team database sends LISTEN/NOTIFY notices (the triggers of schema step 5); on a desk file,
/// SQLite's data_version is polled, which moves when another connection commits.
/// Any account can send a notice on the server, so a notice counts only when it names a change
/// number that the server's change sequence (advanced only by the desk's triggers) has reached and
/// that this client has not seen before.
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
    bool isGenuine(const QString &payload);
    Database *m_db;
    QMap<qint64, QSet<QString>> m_seen; ///< change number -> the tables whose notices were acted on
    qint64 m_seenFloor = 0;             ///< numbers up to this one are old or forgotten
    QTimer m_timer;
    qint64 m_dataVersion = -1;
};

} // namespace IPDesk
