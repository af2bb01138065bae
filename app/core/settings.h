#pragma once

#include "money.h"

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

MoneyUnit moneyUnit();
void setMoneyUnit(MoneyUnit unit);

} // namespace AppSettings
} // namespace IPDesk
