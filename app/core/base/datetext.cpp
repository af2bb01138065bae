#include "base/datetext.h"

#include "base/money.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace IPDesk::DateText {

std::optional<QDate> parse(const QString &text, int impliedYear, bool monthOnly)
{
    const QString t = Money::normalizeDigits(text).remove(QLatin1Char(' ')).remove(QChar(0x3000));
    if (t.isEmpty())
        return std::nullopt;
    static const QRegularExpression full(QStringLiteral("^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})[日号]?$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    static const QRegularExpression month(QStringLiteral("^(\\d{4})(?:[-/.年](\\d{1,2})月?|(\\d{2}))$"));
    static const QRegularExpression dayOfYear(QStringLiteral("^(\\d{1,2})(?:月(\\d{1,2})[日号]?|[-/.](\\d{1,2}))$"));
    QRegularExpressionMatch m;
    QDate d;
    if ((m = full.match(t)).hasMatch() || (m = compact.match(t)).hasMatch()) {
        d = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    } else if (monthOnly && (m = month.match(t)).hasMatch()) {
        d = QDate(m.captured(1).toInt(), (m.captured(2).isEmpty() ? m.captured(3) : m.captured(2)).toInt(), 1);
    } else if (impliedYear > 0 && (m = dayOfYear.match(t)).hasMatch()) {
        d = QDate(impliedYear, m.captured(1).toInt(), (m.captured(2).isEmpty() ? m.captured(3) : m.captured(2)).toInt());
    }
    if (!d.isValid() || d.year() < 1900 || d.year() > 2200)
        return std::nullopt;
    return d;
}

QString notADate(const QString &text)
{
    return QCoreApplication::translate("IPDesk::DateText",
                                       "\"%1\" is not a date: write 2023-03-15, 2023/3/15, 20230315, 2023年3月15日, "
                                       "or 3月15日 for this year.").arg(text);
}

} // namespace IPDesk::DateText
