#pragma once

#include "base/domain.h"

#include <optional>

namespace IPDesk {

/// The unit officers read money in. Storage is always yuan.
enum class MoneyUnit { Yi, Wan }; // 亿元 (10^8), 万元 (10^4)

struct Money
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::Money)
public:
    static qint64 factor(MoneyUnit u) { return u == MoneyUnit::Yi ? 100000000LL : 10000LL; }
    static QString unitName(MoneyUnit u);
    /// A number with at most `decimals` decimals and no trailing zeros: 26.2400 → 26.24, 30.0 → 30.
    static QString trimmed(double value, int decimals);
    /// "26.24" for 2 624 000 000 yuan in 亿元; trailing zeros trimmed, at most 4 decimals.
    static QString formatNumber(Yuan yuan, MoneyUnit u);
    /// "26.24亿元" in the user's language.
    static QString format(Yuan yuan, MoneyUnit u);
    /// A total or a share as a report prints it: two decimals in the unit ("256.66 亿元"), for the
    /// charts, the bulletin and the totals (the table keeps format(), exact to the 万元).
    static QString formatTotal(Yuan yuan, MoneyUnit u);
    /// Accepts 26.24亿元, 26.24亿, 3000万元, 3,000万, full-width digits, or a bare number in defaultUnit.
    /// Returns nullopt (and a reason) for text that is not an amount or is negative.
    static std::optional<Yuan> parse(const QString &text, MoneyUnit defaultUnit, QString *error = nullptr);
    /// Converts full-width digits, punctuation and spaces to ASCII.
    static QString normalizeDigits(const QString &text);
};

} // namespace IPDesk
