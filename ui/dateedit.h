#pragma once

#include <QDate>
#include <QLineEdit>

class QCalendarWidget;

namespace IPDesk {

/// A date field that may be empty ("no date"), typed as officers write dates — 20230315, 2023-3-15,
/// 2023/3/15, 2023年3月15日, or 3月15日 for this year — or picked from a calendar (the button, F4 or
/// Alt+Down) that opens at the field's date, else at the date nearest to it on the form (the row's
/// other stage dates), else today. Text that is no date is shown in red with the forms it may take,
/// and is not taken.
class OptionalDateEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit OptionalDateEdit(QWidget *parent = nullptr);

    /// The date typed or picked; invalid when the field is empty or does not hold a date.
    QDate optionalDate() const;
    void setOptionalDate(const QDate &date);
    /// Empty, or a date: what may be saved.
    bool hasAcceptableInput() const;
    /// Where the calendar opens when the field is empty.
    void setCalendarStart(const QDate &date) { m_calendarStart = date; }
    /// The year a date typed without one (3月15日) is in; this year unless set.
    void setImpliedYear(int year) { m_impliedYear = year; }

    void showCalendar();
    QCalendarWidget *calendar() const { return m_calendar; }

signals:
    /// The field's date changed (an invalid date: it was emptied).
    void dateChanged(const QDate &date);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void checkText();

    QDate m_calendarStart;
    QDate m_last;
    int m_impliedYear = 0;
    QWidget *m_popup = nullptr;
    QCalendarWidget *m_calendar = nullptr;
};

} // namespace IPDesk
