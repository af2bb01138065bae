#include "desk/changenotifier.h"

#include "desk/database.h"

#include <QSqlDriver>
#include <QSqlQuery>

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
    if (m_db->isOpen() && m_db->announcesChanges())
        m_db->connection().driver()->unsubscribeFromNotification(channel);
}

void ChangeNotifier::restart()
{
    m_timer.stop();
    if (!m_db->isOpen())
        return;
    if (m_db->announcesChanges()) {
        QSqlDriver *driver = m_db->connection().driver();
        disconnect(driver, nullptr, this, nullptr);
        driver->subscribeToNotification(channel);
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                    if (name == channel && source == QSqlDriver::OtherSource && isGenuine(payload.toString()))
                        emit changedElsewhere(payload.toString().section(QLatin1Char(':'), 0, 0));
                });
        QSqlQuery q(m_db->connection());
        m_seen.clear();
        m_seenFloor = q.exec(QStringLiteral("SELECT last_value FROM ipdesk_change_seq")) && q.next() ? q.value(0).toLongLong() : 0;
        return;
    }
    m_dataVersion = -1;
    poll();
    m_timer.start();
}

bool ChangeNotifier::isGenuine(const QString &payload)
{
    const QString table = payload.section(QLatin1Char(':'), 0, 0);
    bool ok = false;
    const qint64 number = payload.section(QLatin1Char(':'), 1, 1).toLongLong(&ok);
    if (!ok || number <= m_seenFloor || m_seen.value(number).contains(table))
        return false;
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT last_value FROM ipdesk_change_seq")) || !q.next() || number > q.value(0).toLongLong())
        return false;
    m_seen[number].insert(table);
    while (m_seen.size() > 1024) { // forget the oldest numbers
        m_seenFloor = m_seen.firstKey();
        m_seen.erase(m_seen.begin());
    }
    return true;
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
