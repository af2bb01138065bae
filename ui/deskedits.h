#pragma once

#include <QCoreApplication>

class QWidget;

namespace IPDesk {

class Desk;
class DeskCommand;

/// The window's side of Desk::perform: the edit is written, and put on the undo stack, or the
/// officer is told why not (after the write has returned, never inside a command).
class DeskEdits
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::DeskEdits)
public:
    static bool perform(Desk *desk, DeskCommand *command, QWidget *parent);
};

} // namespace IPDesk
