#include "dateedit.h"

#include "base/datetext.h"

#include <QAction>
#include <QCalendarWidget>
#include <QKeyEvent>
#include <QPainter>
#include <QScreen>
#include <QVBoxLayout>

namespace IPDesk {

namespace {

QIcon calendarIcon(const QPalette &palette)
{
    QPixmap pm(32, 32);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor ink = palette.color(QPalette::Text);
    p.setPen(QPen(ink, 2));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(4, 7, 24, 21), 2, 2);
    p.fillRect(QRectF(4, 7, 24, 6), ink);
    p.drawLine(QPointF(10, 3), QPointF(10, 9));
    p.drawLine(QPointF(22, 3), QPointF(22, 9));
    for (int r = 0; r < 2; ++r) {
        for (int c = 0; c < 3; ++c)
            p.fillRect(QRectF(8 + c * 6, 16 + r * 5, 3, 3), ink);
    }
    return QIcon(pm);
}

} // namespace

OptionalDateEdit::OptionalDateEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setPlaceholderText(tr("e.g. 2023-03-15 or 3月15日"));
    setClearButtonEnabled(true);
    QAction *pick = addAction(calendarIcon(palette()), QLineEdit::TrailingPosition);
    pick->setObjectName(QStringLiteral("pickDate"));
    pick->setToolTip(tr("Pick the date from a calendar (F4)"));
    connect(pick, &QAction::triggered, this, &OptionalDateEdit::showCalendar);
    connect(this, &QLineEdit::textChanged, this, &OptionalDateEdit::checkText);
    connect(this, &QLineEdit::editingFinished, this, [this] {
        // A date typed in any form is shown in one: 2023-03-15.
        const QDate d = optionalDate();
        if (d.isValid() && text() != DateText::format(d)) {
            const QSignalBlocker blocker(this);
            setText(DateText::format(d));
        }
    });
    const int h = fontMetrics().height();
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("2023-03-15")) + 3 * h);
}

QDate OptionalDateEdit::optionalDate() const
{
    const int year = m_impliedYear > 0 ? m_impliedYear : QDate::currentDate().year();
    return DateText::parse(text(), year).value_or(QDate());
}

bool OptionalDateEdit::hasAcceptableInput() const
{
    return text().trimmed().isEmpty() || optionalDate().isValid();
}

void OptionalDateEdit::setOptionalDate(const QDate &date)
{
    setText(DateText::format(date));
}

void OptionalDateEdit::checkText()
{
    const bool ok = hasAcceptableInput();
    setStyleSheet(ok ? QString() : QStringLiteral("QLineEdit { color: #b00020; }"));
    setToolTip(ok ? QString() : DateText::notADate(text()));
    const QDate d = optionalDate();
    if (ok && d != m_last) {
        m_last = d;
        emit dateChanged(d);
    }
}

void OptionalDateEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_F4 || (event->key() == Qt::Key_Down && (event->modifiers() & Qt::AltModifier))) {
        showCalendar();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void OptionalDateEdit::showCalendar()
{
    if (!m_popup) {
        m_popup = new QWidget(this, Qt::Popup);
        m_popup->setObjectName(QStringLiteral("calendarPopup"));
        auto *layout = new QVBoxLayout(m_popup);
        layout->setContentsMargins(1, 1, 1, 1);
        m_calendar = new QCalendarWidget(m_popup);
        m_calendar->setGridVisible(true);
        layout->addWidget(m_calendar);
        connect(m_calendar, &QCalendarWidget::activated, this, [this](const QDate &d) {
            setOptionalDate(d);
            m_popup->hide();
            setFocus();
            emit editingFinished();
        });
        connect(m_calendar, &QCalendarWidget::clicked, this, [this](const QDate &d) {
            setOptionalDate(d);
            m_popup->hide();
            setFocus();
            emit editingFinished();
        });
    }
    const QDate d = optionalDate();
    const QDate start = d.isValid() ? d : m_calendarStart.isValid() ? m_calendarStart : QDate::currentDate();
    m_calendar->setSelectedDate(start);
    m_calendar->setCurrentPage(start.year(), start.month());
    m_popup->adjustSize();
    QPoint at = mapToGlobal(QPoint(0, height()));
    if (const QScreen *s = screen()) {
        const QRect avail = s->availableGeometry();
        if (at.y() + m_popup->height() > avail.bottom())
            at.setY(mapToGlobal(QPoint(0, 0)).y() - m_popup->height());
        at.setX(qBound(avail.left(), at.x(), avail.right() - m_popup->width()));
    }
    m_popup->move(at);
    m_popup->show();
    m_calendar->setFocus();
}

} // namespace IPDesk
