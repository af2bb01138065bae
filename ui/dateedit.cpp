#include "dateedit.h"

namespace IPDesk {

namespace {
const QDate noDate(1990, 1, 1);
}

OptionalDateEdit::OptionalDateEdit(QWidget *parent)
    : QDateEdit(parent)
{
    setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    setCalendarPopup(true);
    setMinimumDate(noDate);
    setSpecialValueText(tr("(none)"));
}

QDate OptionalDateEdit::optionalDate() const
{
    return date() == noDate ? QDate() : date();
}

void OptionalDateEdit::setOptionalDate(const QDate &d)
{
    setDate(d.isValid() ? d : noDate);
}

} // namespace IPDesk
