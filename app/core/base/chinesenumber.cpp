#include "base/chinesenumber.h"

namespace IPDesk {

namespace {
int digitOf(QChar c)
{
    switch (c.unicode()) {
    case u'零': case u'〇': return 0;
    case u'一': return 1;
    case u'二': case u'两': return 2;
    case u'三': return 3;
    case u'四': return 4;
    case u'五': return 5;
    case u'六': return 6;
    case u'七': return 7;
    case u'八': return 8;
    case u'九': return 9;
    default: return -1;
    }
}
int multiplierOf(QChar c)
{
    switch (c.unicode()) {
    case u'十': return 10;
    case u'百': return 100;
    case u'千': return 1000;
    default: return 0;
    }
}
} // namespace

std::optional<double> parseChineseNumber(const QString &input)
{
    // Plain ASCII digits, with a point or none (the common case), without the general conversion: the
    // digits as one whole number over a power of ten, which IEEE division rounds as strtod would.
    if (!input.isEmpty() && input.size() <= 15) {
        qint64 digits = 0;
        int decimals = -1; // (none: no point seen)
        bool plain = true;
        for (QChar c : input) {
            if (c == u'.' && decimals < 0) {
                decimals = 0;
                continue;
            }
            if (c.unicode() < '0' || c.unicode() > '9') {
                plain = false;
                break;
            }
            digits = digits * 10 + (c.unicode() - '0');
            decimals += decimals >= 0 ? 1 : 0;
        }
        static constexpr double powers[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14};
        if (plain && decimals != 0 && input.front() != u'.')
            return decimals < 0 ? double(digits) : double(digits) / powers[decimals];
    }
    QString t = input.trimmed();
    t.remove(QLatin1Char(','));
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (ok)
        return v;

    // 六十三点五: the digits after 点 are read one by one, as decimals.
    if (const qsizetype point = t.indexOf(u'点'); point > 0) {
        const auto whole = parseChineseNumber(t.left(point));
        double fraction = 0, place = 0.1;
        for (QChar c : QStringView(t).mid(point + 1)) {
            const int d = digitOf(c);
            if (d < 0 || c == u'两')
                return std::nullopt;
            fraction += d * place;
            place /= 10;
        }
        if (!whole || point + 1 == t.size())
            return std::nullopt;
        return *whole + fraction;
    }

    // Chinese numerals: sections split by 万 and 亿.
    double total = 0;
    double section = 0;
    double digit = -1;
    bool any = false;
    for (QChar c : t) {
        const int d = digitOf(c);
        if (d >= 0) {
            if (digit >= 0 && digit != 0 && d != 0) {
                // Digits in a row (一二 is not a number here, but 二〇二三 style reads positionally).
                digit = digit * 10 + d;
            } else {
                digit = d;
            }
            any = true;
            continue;
        }
        const int m = multiplierOf(c);
        if (m) {
            section += (digit < 0 ? 1 : digit) * m; // 十二: a bare 十 is 10
            digit = -1;
            any = true;
            continue;
        }
        if (c == u'万' || c == u'亿') {
            section += digit < 0 ? 0 : digit;
            if (section == 0)
                section = 1;
            total = (total + section) * (c == u'万' ? 1e4 : 1e8);
            section = 0;
            digit = -1;
            any = true;
            continue;
        }
        return std::nullopt;
    }
    if (!any)
        return std::nullopt;
    return total + section + (digit < 0 ? 0 : digit);
}

} // namespace IPDesk
