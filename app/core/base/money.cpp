#include "base/money.h"

#include <QLocale>
#include <cmath>

namespace IPDesk {

QString Money::unitName(MoneyUnit u)
{
    return u == MoneyUnit::Yi ? tr("100M yuan") : tr("10k yuan");
}

QString Money::formatNumber(Yuan yuan, MoneyUnit u)
{
    return trimmed(double(yuan) / double(factor(u)), 4);
}

QString Money::trimmed(double v, int decimals)
{
    QString s = QString::number(v, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s;
}

QString Money::format(Yuan yuan, MoneyUnit u)
{
    return tr("%1 %2").arg(formatNumber(yuan, u), unitName(u));
}

QString Money::formatTotal(Yuan yuan, MoneyUnit u)
{
    return tr("%1 %2").arg(QString::number(double(yuan) / double(factor(u)), 'f', 2), unitName(u));
}

QString Money::normalizeDigits(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const ushort u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            out.append(QChar(u - 0xFEE0));
        else if (u == 0x3000)
            out.append(QLatin1Char(' '));
        else
            out.append(c);
    }
    return out;
}

std::optional<Yuan> Money::parse(const QString &input, MoneyUnit defaultUnit, QString *error)
{
    QString t = normalizeDigits(input).trimmed();
    t.remove(QLatin1Char(','));
    t.remove(QLatin1Char(' '));
    t.remove(QChar(0xFF0C));
    qint64 f = factor(defaultUnit);
    auto stripSuffix = [&t](QStringView suffix) {
        if (t.endsWith(suffix)) {
            t.chop(suffix.size());
            return true;
        }
        return false;
    };
    stripSuffix(u"元");
    if (stripSuffix(u"亿") || stripSuffix(u"yi"))
        f = factor(MoneyUnit::Yi);
    else if (stripSuffix(u"万") || stripSuffix(u"wan"))
        f = factor(MoneyUnit::Wan);
    if (t.isEmpty()) {
        if (error)
            *error = tr("Enter an amount, for example 26.24亿 or 3000万.");
        return std::nullopt;
    }
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        if (error)
            *error = tr("\"%1\" is not an amount; write it as 26.24亿 or 3000万.").arg(input);
        return std::nullopt;
    }
    if (v < 0) {
        if (error)
            *error = tr("An amount cannot be negative.");
        return std::nullopt;
    }
    const double yuan = v * double(f);
    if (yuan > 9.0e17) {
        if (error)
            *error = tr("The amount %1 is too large.").arg(input);
        return std::nullopt;
    }
    return Yuan(std::llround(yuan));
}

} // namespace IPDesk
