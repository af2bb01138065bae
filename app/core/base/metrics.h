#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace IPDesk {

/// The metric vocabulary (resources/metrics.tsv, from ../shared/spec/metrics.tsv) with names the
/// officers read, and the periods ("spans") written the Chinese way (一季度, 上半年, 1-5月).
class Metrics
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::Metrics)
public:
    static QStringList ids();
    static QString name(const QString &id);
    /// "count", "yi_yuan" or "percent".
    static QString unit(const QString &id);
    static QString formatValue(const QString &id, double value);
    static QString spanName(const QString &span);
    /// The span of one month ("M06") and of the year up to its end ("M01-M06"; "M01" for January).
    static QString monthSpan(int month);
    static QString monthsToDate(int month);
    /// A month as a period is written (6月).
    static QString monthName(int month) { return spanName(monthSpan(month)); }
    static QStringList spans();
    static QString qualifierName(const QString &qualifier);
    static QStringList qualifiers();
    static QString kindName(const QString &kind);
};

} // namespace IPDesk
