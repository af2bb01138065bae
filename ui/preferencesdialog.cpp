#include "preferencesdialog.h"

#include "desk/settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>

namespace IPDesk {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto *form = new QFormLayout(this);
    m_language = new QComboBox(this);
    m_language->addItem(tr("Follow the system (Chinese by default)"), QStringLiteral("auto"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(AppSettings::language())));
    m_money = new QComboBox(this);
    m_money->addItem(Money::unitName(MoneyUnit::Yi), int(MoneyUnit::Yi));
    m_money->addItem(Money::unitName(MoneyUnit::Wan), int(MoneyUnit::Wan));
    m_money->setCurrentIndex(AppSettings::moneyUnit() == MoneyUnit::Yi ? 0 : 1);
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Show amounts in:"), m_money);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

MoneyUnit PreferencesDialog::moneyUnit() const
{
    return MoneyUnit(m_money->currentData().toInt());
}

void PreferencesDialog::accept()
{
    const QString lang = m_language->currentData().toString();
    const bool languageChanged = lang != AppSettings::language();
    AppSettings::setMoneyUnit(moneyUnit());
    QDialog::accept();
    if (languageChanged) {
        // At once, without a restart: the windows are told (QEvent::LanguageChange) and build their text again.
        AppSettings::setLanguage(lang);
        AppSettings::installTranslators(QCoreApplication::instance());
    }
}

} // namespace IPDesk
