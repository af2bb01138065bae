#pragma once

#include "base/money.h"

#include <QDialog>

class QComboBox;

namespace IPDesk {

/// Language and money unit. The language takes effect at the next start.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    MoneyUnit moneyUnit() const;
    void accept() override;

private:
    QComboBox *m_language;
    QComboBox *m_money;
};

} // namespace IPDesk
