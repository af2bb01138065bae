#pragma once

#include <QObject>

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

} // namespace IPDesk
