#include "desk/settings.h"

#include "desk/database.h"

#include <QCryptographicHash>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

namespace IPDesk::AppSettings {

QString pendingEditsPath(const QString &deskLocation)
{
    const QByteArray key = QCryptographicHash::hash(deskLocation.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/pending-")
        + QString::fromLatin1(key) + QLatin1String(".json");
}

namespace {
QString deskKey(const QString &deskLocation)
{
    // By the desk, not its password: a team address is kept without it.
    const QString where = Database::isServerAddress(deskLocation) ? ServerAddress::parse(deskLocation).value_or(ServerAddress()).toString()
                                                                  : QFileInfo(deskLocation).absoluteFilePath();
    return QString::fromLatin1(QCryptographicHash::hash(where.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}
} // namespace

QDate progressAsOf(const QString &deskLocation)
{
    return QDate::fromString(QSettings().value(QLatin1String("progressAsOf/") + deskKey(deskLocation)).toString(), Qt::ISODate);
}

void setProgressAsOf(const QString &deskLocation, const QDate &asOf)
{
    QSettings().setValue(QLatin1String("progressAsOf/") + deskKey(deskLocation), asOf.toString(Qt::ISODate));
}

QString defaultDatabase()
{
    const QString env = qEnvironmentVariable("IPDESK_DB");
    if (!env.isEmpty())
        return env;
    const QStringList recent = recentDatabases();
    if (!recent.isEmpty() && (Database::isServerAddress(recent.first()) || QFileInfo::exists(recent.first())))
        return recent.first();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/desk.ipdesk");
}

QStringList recentDatabases()
{
    return QSettings().value(QStringLiteral("recentDatabases")).toStringList();
}

void addRecentDatabase(const QString &path)
{
    QStringList recent = recentDatabases();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > 8)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("recentDatabases"), recent);
}

QString language()
{
    return QSettings().value(QStringLiteral("language"), QStringLiteral("auto")).toString();
}

void setLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("language"), language);
}

QString installTranslators(QCoreApplication *app)
{
    QString lang = qEnvironmentVariable("IPDESK_LANG", language());
    if (lang == QLatin1String("auto")) {
        // IPDesk is a Chinese program: only a system that names another language gets English.
        const QLocale sys = QLocale::system();
        const bool other = sys.language() != QLocale::C && sys.language() != QLocale::Chinese
            && sys.language() != QLocale::AnyLanguage;
        lang = other ? QStringLiteral("en") : QStringLiteral("zh_CN");
    }
    // Called again when the officer switches the language: the translators installed before go
    // first (each install and removal sends every widget a LanguageChange).
    static QList<QTranslator *> installed;
    for (QTranslator *t : std::as_const(installed)) {
        app->removeTranslator(t);
        delete t;
    }
    installed.clear();
    if (lang == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return lang;
    }
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    auto *own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/ipdesk_zh_CN.qm")))
        app->installTranslator(own);
    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    installed = {own, qt};
    return lang;
}

MoneyUnit moneyUnit()
{
    return QSettings().value(QStringLiteral("moneyUnit"), QStringLiteral("yi")).toString() == QLatin1String("wan")
        ? MoneyUnit::Wan
        : MoneyUnit::Yi;
}

void setMoneyUnit(MoneyUnit unit)
{
    QSettings().setValue(QStringLiteral("moneyUnit"), unit == MoneyUnit::Wan ? QStringLiteral("wan") : QStringLiteral("yi"));
}

} // namespace IPDesk::AppSettings
