#pragma once

#include <QDateEdit>

namespace IPDesk {

/// A date editor whose lowest value stands for "no date" (shown blank), so a stage date can be cleared.
class OptionalDateEdit : public QDateEdit
{
    Q_OBJECT
public:
    explicit OptionalDateEdit(QWidget *parent = nullptr);
    QDate optionalDate() const;
    void setOptionalDate(const QDate &date);
};

} // namespace IPDesk
