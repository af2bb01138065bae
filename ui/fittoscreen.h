#pragma once

#include <QSize>

class QWidget;

namespace IPDesk {

/// Sizes a window to \a wanted, or to the screen it opens on when that is smaller (a laptop's
/// 1280×720 less the taskbar): no window or dialog opens larger than the screen.
void fitToScreen(QWidget *window, const QSize &wanted);

} // namespace IPDesk
