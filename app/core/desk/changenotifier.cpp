#include "desk/changenotifier.h"

#include "desk/database.h"

#include <QSqlDriver>

namespace IPDesk {

namespace {
const QLatin1String channel("ipdesk_changes");
}

ChangeNotifier::ChangeNotifier(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_timer.setInterval(1500);
    connect(&m_timer, &QTimer::timeout, this, &ChangeNotifier::poll);
    restart();
}

ChangeNotifier::~ChangeNotifier()
{
    if (m_db->isOpen() && m_db->isTeam())
        m_db->connection().driver()->unsubscribeFromNotification(channel);
}

void ChangeNotifier::restart()
{
    m_timer.stop();
    if (!m_db->isOpen())
        return;
    if (m_db->isTeam()) {
        QSqlDriver *driver = m_db->connection().driver();
        disconnect(driver, nullptr, this, nullptr);
        driver->subscribeToNotification(channel);
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                    if (name == channel && source == QSqlDriver::OtherSource)
                        emit changedElsewhere(payload.toString());
                });
        return;
    }
    m_dataVersion = -1;
    poll();
    m_timer.start();
}

void ChangeNotifier::poll()
{
    const qint64 v = m_db->dataVersion();
    if (v < 0)
        return;
    if (m_dataVersion >= 0 && v != m_dataVersion)
        emit changedElsewhere(QString());
    m_dataVersion = v;
}

} // namespace IPDesk
