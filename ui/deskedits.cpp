#include "deskedits.h"

#include "desk/desk.h"
#include "desk/deskcommand.h"

#include <QMessageBox>

namespace IPDesk {

bool DeskEdits::perform(Desk *desk, DeskCommand *command, QWidget *parent)
{
    const Status s = desk->perform(command);
    if (!s)
        QMessageBox::warning(parent, tr("The change could not be saved"), s.message());
    return s.ok();
}

} // namespace IPDesk
