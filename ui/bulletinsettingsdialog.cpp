#include "bulletinsettingsdialog.h"

#include "desk/desk.h"

#include "base/metrics.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>

namespace IPDesk {

BulletinSettingsDialog::BulletinSettingsDialog(Desk *desk, QWidget *parent)
    : QDialog(parent)
    , m_desk(desk)
{
    setWindowTitle(tr("Bulletin rules"));
    const ProgressSettings s = ProgressSettings::load(desk);
    auto *form = new QFormLayout(this);
    auto spin = [this](double v, double max) {
        auto *b = new QDoubleSpinBox(this);
        b->setRange(0, max);
        b->setDecimals(1);
        b->setValue(v);
        return b;
    };
    m_yellow = spin(s.yellowBehind, 100);
    m_red = spin(s.redBehind, 100);
    m_countWeight = spin(s.countWeight, 100);
    m_amountWeight = spin(s.amountWeight, 100);
    m_stuckYellow = new QSpinBox(this);
    m_stuckYellow->setRange(1, 36);
    m_stuckYellow->setValue(s.stuckYellowMonths);
    m_stuckRed = new QSpinBox(this);
    m_stuckRed->setRange(1, 36);
    m_stuckRed->setValue(s.stuckRedMonths);
    auto days = [this](int v) {
        auto *b = new QSpinBox(this);
        b->setRange(1, 3650);
        b->setSuffix(tr(" days"));
        b->setValue(v);
        return b;
    };
    m_signedDays = days(s.signedDays);
    m_registeredDays = days(s.registeredDays);
    m_startedDays = days(s.startedDays);
    m_countMetric = new QComboBox(this);
    m_amountMetric = new QComboBox(this);
    for (const QString &m : ProgressCalculator::progressMetrics()) {
        (Metrics::unit(m) == QLatin1String("yi_yuan") ? m_amountMetric : m_countMetric)->addItem(Metrics::name(m), m);
    }
    m_countMetric->setCurrentIndex(qMax(0, m_countMetric->findData(s.countMetric)));
    m_amountMetric->setCurrentIndex(qMax(0, m_amountMetric->findData(s.amountMetric)));
    m_monthWeights = new QLineEdit(this);
    QStringList w;
    for (double v : s.monthWeights)
        w << QString::number(v);
    m_monthWeights->setText(w.join(QLatin1Char(',')));
    m_monthWeights->setPlaceholderText(tr("empty: linear by days; or 12 numbers, e.g. 5,5,10,8,8,10,8,8,10,8,8,12"));
    form->addRow(tr("Yellow from (points behind pace):"), m_yellow);
    form->addRow(tr("Red from (points behind pace):"), m_red);
    form->addRow(tr("Monthly weights of the pace:"), m_monthWeights);
    form->addRow(tr("Ranking count metric:"), m_countMetric);
    form->addRow(tr("Its weight (%):"), m_countWeight);
    form->addRow(tr("Ranking amount metric:"), m_amountMetric);
    form->addRow(tr("Its weight (%):"), m_amountWeight);
    form->addRow(tr("Lead or negotiation stuck, yellow after (months):"), m_stuckYellow);
    form->addRow(tr("Lead or negotiation stuck, red after (months):"), m_stuckRed);
    form->addRow(tr("Signed, not registered, after:"), m_signedDays);
    form->addRow(tr("Registered, not started, after:"), m_registeredDays);
    form->addRow(tr("Started, not operating, after:"), m_startedDays);
    // Monthly returns (月报) and follow-up tasks (督办).
    auto dayOfMonth = [this](int v) {
        auto *b = new QSpinBox(this);
        b->setRange(1, 28);
        b->setSuffix(tr(" (day)", "a day of the month"));
        b->setValue(v);
        return b;
    };
    m_returnDayDistrict = dayOfMonth(s.returnDayDistrict);
    m_returnDayDistrict->setObjectName(QStringLiteral("returnDayDistrict"));
    m_returnDayCity = dayOfMonth(s.returnDayCity);
    m_returnDayCity->setObjectName(QStringLiteral("returnDayCity"));
    m_approvedOnly = new QCheckBox(tr("Count only the figures of approved monthly returns"), this);
    m_approvedOnly->setObjectName(QStringLiteral("approvedReturnsOnly"));
    m_approvedOnly->setChecked(s.approvedReturnsOnly);
    m_approvedOnly->setToolTip(tr("For every unit that reports to one above it, the bulletin and the progress view then use its "
                                  "latest approved return, and show no figure where there is none."));
    m_taskDays = days(s.taskDays);
    m_taskDays->setObjectName(QStringLiteral("taskDays"));
    form->addRow(tr("Returns of towns, streets, departments due on the next month's:"), m_returnDayDistrict);
    form->addRow(tr("Returns of districts and counties due on the next month's:"), m_returnDayCity);
    form->addRow(QString(), m_approvedOnly);
    form->addRow(tr("A new follow-up task is due after:"), m_taskDays);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &BulletinSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void BulletinSettingsDialog::accept()
{
    // From the rules as they stand: what this form does not show (the source rules) is kept.
    ProgressSettings s = ProgressSettings::load(m_desk);
    s.monthWeights.clear();
    s.yellowBehind = m_yellow->value();
    s.redBehind = m_red->value();
    s.countWeight = m_countWeight->value();
    s.amountWeight = m_amountWeight->value();
    s.stuckYellowMonths = m_stuckYellow->value();
    s.stuckRedMonths = m_stuckRed->value();
    s.signedDays = m_signedDays->value();
    s.registeredDays = m_registeredDays->value();
    s.startedDays = m_startedDays->value();
    s.approvedReturnsOnly = m_approvedOnly->isChecked();
    s.returnDayDistrict = m_returnDayDistrict->value();
    s.returnDayCity = m_returnDayCity->value();
    s.taskDays = m_taskDays->value();
    s.countMetric = m_countMetric->currentData().toString();
    s.amountMetric = m_amountMetric->currentData().toString();
    for (const QString &part : m_monthWeights->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok) {
            QMessageBox::warning(this, tr("Rules not saved"), tr("\"%1\" is not a number.").arg(part.trimmed()));
            return;
        }
        s.monthWeights << v;
    }
    if (s == ProgressSettings::load(m_desk)) {
        QDialog::accept(); // nothing changed: no undo step
        return;
    }
    const Status st = m_desk->perform(new ChangeBulletinRulesCommand(m_desk, s));
    if (!st) {
        QMessageBox::warning(this, tr("Rules not saved"), st.message());
        return;
    }
    QDialog::accept();
}

} // namespace IPDesk
