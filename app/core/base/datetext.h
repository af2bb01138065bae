#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace IPDesk {

/// Dates as officers type and tables hold them: 20230315, 2023-3-15, 2023/3/15, 2023.3.15,
/// 2023年3月15日 (full-width digits too), and, where a year is implied, 3月15日 or 3-15.
namespace DateText {

/// The date the text names; nullopt when it names none. A text without a year takes impliedYear
/// (0: a year is required). monthOnly: "2023年5月" or "2023-05" is read as the 1st of the month.
std::optional<QDate> parse(const QString &text, int impliedYear = 0, bool monthOnly = false);

/// Why a text is refused as a date, in the user's language, with the forms a date may take.
QString notADate(const QString &text);

/// How a date is shown for editing: 2023-03-15.
inline QString format(const QDate &d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }

} // namespace DateText

} // namespace IPDesk
