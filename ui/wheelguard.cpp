#include "wheelguard.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>

namespace IPDesk {

namespace {

/// The combo or spin box the widget is, or is part of (an editable combo's line edit).
QWidget *wheelTaker(QObject *watched)
{
    for (QObject *o = watched; o && o->isWidgetType(); o = o->parent()) {
        if (qobject_cast<QComboBox *>(o) || qobject_cast<QAbstractSpinBox *>(o))
            return static_cast<QWidget *>(o);
        if (static_cast<QWidget *>(o)->isWindow())
            break;
    }
    return nullptr;
}

bool insideScrollArea(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p && !p->isWindow(); p = p->parentWidget()) {
        if (qobject_cast<const QAbstractScrollArea *>(p))
            return true;
    }
    return false;
}

} // namespace

void WheelGuard::ensureInstalled()
{
    static WheelGuard *guard = nullptr;
    if (guard || !qApp)
        return;
    guard = new WheelGuard(qApp);
    qApp->installEventFilter(guard);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish || event->type() == QEvent::Wheel) {
        QWidget *taker = wheelTaker(watched);
        if (!taker || !insideScrollArea(taker))
            return false;
        // The wheel must not give such a box the focus either (their default policy lets it).
        if (taker->focusPolicy() == Qt::WheelFocus)
            taker->setFocusPolicy(Qt::StrongFocus);
        if (event->type() == QEvent::Wheel && !taker->hasFocus()) {
            event->ignore(); // unhandled: it goes on to the list or table under it, which scrolls
            return true;
        }
    }
    return false;
}

} // namespace IPDesk
