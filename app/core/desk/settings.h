#pragma once

#include "base/money.h"

#include <QDate>
#include <QStringList>

class QCoreApplication;

namespace IPDesk {

/// Application settings shared by the window and the command-line tool.
namespace AppSettings {

/// The desk opened when none is named: $IPDESK_DB, else the last one opened, else desk.ipdesk in
/// the user's data folder.
QString defaultDatabase();
QStringList recentDatabases();
void addRecentDatabase(const QString &path);

/// "auto" (the system locale decides; Chinese unless the system asks for another language),
/// "zh_CN" or "en".
QString language();
void setLanguage(const QString &language);
/// Loads the translation the settings ask for (and Qt's own). Returns the language used.
QString installTranslators(QCoreApplication *app);

/// Where edits made while a team database could not be reached are kept until they are saved,
/// so that even a crash meanwhile loses none (one file per team database).
QString pendingEditsPath(const QString &deskLocation);

MoneyUnit moneyUnit();
void setMoneyUnit(MoneyUnit unit);

/// The progress view's year and as-of day last chosen for a desk (invalid date: none yet).
QDate progressAsOf(const QString &deskLocation);
void setProgressAsOf(const QString &deskLocation, const QDate &asOf);

} // namespace AppSettings
} // namespace IPDesk
