#pragma once

#include "progress/progress.h"

#include <QDialog>

class QDoubleSpinBox;
class QSpinBox;
class QComboBox;
class QLineEdit;

namespace IPDesk {

/// The bulletin's rules, kept in the desk: red/yellow thresholds, ranking weights and metrics,
/// monthly weights of the time pace, months before a project counts as stuck.
class BulletinSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    BulletinSettingsDialog(Database *db, QWidget *parent = nullptr);
    void accept() override;

private:
    Database *m_db;
    QDoubleSpinBox *m_yellow, *m_red, *m_countWeight, *m_amountWeight;
    QSpinBox *m_stuckYellow, *m_stuckRed;
    QComboBox *m_countMetric, *m_amountMetric;
    QLineEdit *m_monthWeights;
};

} // namespace IPDesk
