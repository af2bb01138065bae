#pragma once

#include "progress/progress.h"

#include <QDialog>

class QDoubleSpinBox;
class QSpinBox;
class QComboBox;
class QLineEdit;
class QCheckBox;

namespace IPDesk {

/// The bulletin's rules, kept in the desk: red/yellow thresholds, ranking weights and metrics,
/// monthly weights of the time pace, months before a project counts as stuck. OK is one undo step.
class BulletinSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    BulletinSettingsDialog(Desk *desk, QWidget *parent = nullptr);
    void accept() override;

private:
    Desk *m_desk;
    QDoubleSpinBox *m_yellow, *m_red, *m_countWeight, *m_amountWeight;
    QSpinBox *m_stuckYellow, *m_stuckRed;
    QSpinBox *m_signedDays, *m_registeredDays, *m_startedDays;
    QComboBox *m_countMetric, *m_amountMetric;
    QLineEdit *m_monthWeights;
    QSpinBox *m_returnDayDistrict, *m_returnDayCity, *m_taskDays;
    QCheckBox *m_approvedOnly;
};

} // namespace IPDesk
