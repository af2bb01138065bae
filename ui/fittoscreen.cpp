#include "fittoscreen.h"

#include <QScreen>
#include <QWidget>

#include <algorithm>

namespace IPDesk {

void fitToScreen(QWidget *window, const QSize &wanted)
{
    const QScreen *screen = window->screen();
    if (!screen) {
        window->resize(wanted);
        return;
    }
    const QRect room = screen->availableGeometry();
    window->resize(std::min(wanted.width(), room.width() - 24), std::min(wanted.height(), room.height() - 48));
}

} // namespace IPDesk
