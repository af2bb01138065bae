#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace IPDesk {

class Gazetteer;

/// The third stage of reading a report: the mentions in its clean text, each with its place. Periods
/// (一季度, 1-5月, 今年以来, 2023年), figures with their measure word and qualifier (共签约48个, 近百家,
/// 7亿元到10亿元), and units (惠济区, 肇庆高新区, 全区). Each finder is one pass over the text.
namespace Mentions {

enum class PeriodKind { YearOnly, YTD, FY, Quarter, Half, Months };

struct Period
{
    qsizetype start = 0;
    qsizetype end = 0;
    PeriodKind kind = PeriodKind::YearOnly;
    int year = 0;        // explicit or relative year resolved; 0: not given
    int a = 0, b = 0;    // quarter / half / month range
    int asOfMonth = 0, asOfDay = 0; // cut-off day of a YTD figure
    int day = 0;                    // 3月23日: the day of an event in that month
    bool sameAsBefore = false;      // 同期: the period named before
    bool relative = false;          // 今年, 去年: counted from the report's year
    bool multiYear = false;         // 近五年来, “十四五”以来: more than one year
    bool deadline = false;          // 6月底前: the months up to its end (a plan to be met by then)
    bool openEnded = false;         // 10月份以来 in a report of no date (or of a month before): up to when, unknown
};

/// FY, Q1..Q4, H1, H2, M01..M12, M01-M05, YTD; "" for a year alone.
QString spanOf(const Period &p);

/// Every period expression of a text, years attached (2023年上半年, 今年一季度). refYear is what
/// 今年 means (0 when the report gives no year: relative years stay 0); refMonth the month the report is
/// of, which 本月, 上月 and 本季度 count from (0 when unknown: then they are no period), in refMonthYear
/// (refYear when 0: a bulletin of December comes out in January).
QList<Period> findPeriods(const QString &text, int refYear, int refMonth = 0, int refMonthYear = 0);

enum class UnitClass { Count, Money, Percent };

struct Number
{
    qsizetype qualStart = 0; // of the qualifier word before it (近, 超过), or of the number
    qsizetype start = 0;     // of the number
    qsizetype end = 0;       // after the measure word and a trailing qualifier
    double value = 0;
    double valueMax = 0;
    bool range = false;      // 25至35场, 7亿元到10亿元
    QString unit;            // the measure word as written: 个, 亿元, 批次, %
    UnitClass cls = UnitClass::Count;
    QString preQual, postQual;
    bool foreign = false;    // in dollars, or a single amount in yuan: never a metric
    bool threshold = false;  // 10亿元以上(的)项目: a size class, not a figure
};

QList<Number> findNumbers(const QString &text);

struct Unit
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString name;
    int level = 0;
    bool place = false;  // 赴上海, 在深圳: where something happened, not whose figure it is
    bool topic = false;  // 全区, 我市, 该县: the unit the text is about, named by its kind
    QChar kindChar;      // for a topic: 区, 市, 县, 镇, 旗 ...
    int group = 0;       // units joined by 、 和 与 及 share a group
};

/// Units named in text (through the gazetteer) and topic words (全区, 我市).
QList<Unit> findUnits(const QString &text, const Gazetteer &gazetteer);
/// The division a name without its suffix stands for (宜昌 in 宜昌、襄阳三市, 南昌 in a table of 设区市):
/// the name with the suffix \a kind gives, or with no kind (QChar()) any city's, county's or
/// district's suffix the gazetteer knows it by. "" when none, or when the name is a unit as it stands.
QString divisionOfStem(const Gazetteer &gazetteer, const QString &stem, QChar kind);
/// Whether a unit of \a units covers any of text[start, end) (a name found another way is added only where none is).
bool overlapsAny(const QList<Unit> &units, qsizetype start, qsizetype end);

} // namespace Mentions
} // namespace IPDesk
