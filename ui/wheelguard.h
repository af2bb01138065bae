#pragma once

#include <QObject>
#include <QSize>

class QWidget;

namespace IPDesk {

/// Scrolling a list or a table with the mouse wheel scrolls it: a combo box or spin box inside one (a
/// cell widget, an item editor, a form in a scroll area) takes the wheel only when it has the focus, so
/// passing over it changes nothing. One filter on the application, installed once by whatever window
/// or dialog shows such widgets.
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    static void ensureInstalled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

/// Sizes a dialog to \a wanted, or to the screen it opens on when that is smaller (a laptop's
/// 1280×720 less the taskbar): no dialog opens larger than the screen.
void fitToScreen(QWidget *dialog, const QSize &wanted);

} // namespace IPDesk
