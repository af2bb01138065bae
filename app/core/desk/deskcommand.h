#pragma once

#include "base/status.h"

#include <QUndoCommand>

namespace IPDesk {

class Desk;

/// An edit of the desk that is written first and pushed already applied (Desk::perform): the
/// officer hears at once whether it was stored, and a command on the stack is one that happened.
/// Later undo and redo steps write again through apply(); what they cannot write is reported
/// through Desk::errorOccurred (shown once the step has returned), never by asking inside it.
class DeskCommand : public QUndoCommand
{
public:
    explicit DeskCommand(Desk *desk, QUndoCommand *parent = nullptr)
        : QUndoCommand(parent)
        , m_desk(desk)
    {
    }
    void redo() final;
    void undo() final;

protected:
    /// Writes the change (forward) or takes it back. A write over someone else's newer change
    /// refuses and may make the command obsolete.
    virtual Status apply(bool forward) = 0;
    Desk *m_desk;

private:
    friend class Desk;
    bool m_applied = false; ///< written by Desk::perform before the push: the first redo() does nothing
};

} // namespace IPDesk
