#include "reports/reportmentions.h"

#include "base/charset.h"
#include "base/chinesenumber.h"
#include "reports/gazetteer.h"
#include "reports/phrasing.h"

#include <QRegularExpression>
#include <cmath>

#include <algorithm>

namespace IPDesk::Mentions {

namespace {

using RE = QRegularExpression;

/// The number of a named group: looked up once, since a lookup by name for every match costs about
/// as much as the match.
int groupNumber(const QRegularExpression &re, QStringView name)
{
    return int(re.namedCaptureGroups().indexOf(name));
}

} // namespace

/// The characters Chinese numerals are written with (十二, 一百零五, 〇).
static const CharSet &hanNumerals()
{
    static const CharSet numerals(QStringLiteral("零〇一二两三四五六七八九十百千"));
    return numerals;
}

static int smallNumber(const QString &s)
{
    if (s == QStringLiteral("元")) // 元月, 元至5月: January
        return 1;
    const auto v = parseChineseNumber(s);
    return v ? int(*v) : 0;
}

QString spanOf(const Period &p)
{
    switch (p.kind) {
    case PeriodKind::Quarter: return QStringLiteral("Q%1").arg(p.a);
    case PeriodKind::Half: return p.a == 1 ? QStringLiteral("H1") : QStringLiteral("H2");
    case PeriodKind::Months:
        if (p.a == p.b)
            return QStringLiteral("M%1").arg(p.a, 2, 10, QLatin1Char('0'));
        if (p.a == 1 && p.b == 3) return QStringLiteral("Q1");
        if (p.a == 4 && p.b == 6) return QStringLiteral("Q2");
        if (p.a == 7 && p.b == 9) return QStringLiteral("Q3");
        if (p.a == 10 && p.b == 12) return QStringLiteral("Q4");
        if (p.a == 1 && p.b == 6) return QStringLiteral("H1");
        if (p.a == 7 && p.b == 12) return QStringLiteral("H2");
        if (p.a == 1 && p.b == 12) return QStringLiteral("FY");
        return QStringLiteral("M%1-M%2").arg(p.a, 2, 10, QLatin1Char('0')).arg(p.b, 2, 10, QLatin1Char('0'));
    case PeriodKind::FY: return QStringLiteral("FY");
    case PeriodKind::YTD: return QStringLiteral("YTD");
    case PeriodKind::YearOnly: break;
    }
    return QString();
}

/// The stretches of text around the characters a pattern cannot do without (年 and 月 for periods,
/// the units for figures): running a regex only there instead of over every character of a report
/// is what makes extraction fast, since the regex engine cannot skip Chinese text on its own.
/// \a isAnchor(d, i, n) says whether the character at i of d (n long) is one: a unit's character
/// anywhere but after a figure (个人, 完成, 时期) starts no match. A window reaches \a before characters
/// back from its anchor and on over \a extendLeft (digits, numerals, the words a match may open with),
/// so that no match is cut short.
template<typename IsAnchor>
static QList<QPair<qsizetype, qsizetype>> windowsAround(const QString &s, IsAnchor isAnchor, int before, int after, const CharSet &extendLeft)
{
    QList<QPair<qsizetype, qsizetype>> out;
    const QChar *d = s.constData();
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (!isAnchor(d, i, n))
            continue;
        qsizetype from = std::max<qsizetype>(0, i - before);
        while (from > 0 && (d[from - 1].isDigit() || extendLeft.contains(d[from - 1])))
            --from;
        const qsizetype to = std::min(n, i + after + 1);
        if (!out.isEmpty() && from <= out.last().second + 4) // near windows run as one (a gap costs more in the pattern than a second call)
            out.last().second = std::max(out.last().second, to);
        else
            out.append({from, to});
    }
    return out;
}

/// Every period expression of a text, in one pass, years attached. Longer forms come first in the
/// alternation, so that at each place the longest reading wins (1-5月 before 5月, 今年以来 before 今年).
QList<Period> findPeriods(const QString &s, int refYear, int refMonth, int refMonthYear)
{
    const int hereYear = refMonthYear ? refMonthYear : refYear;
    static const RE re(QString::fromUtf16(
        u"(?<asof>(?:截至|截止到?|到)(?:(?<asofy>20\\d\\d)年)?(?<asofm>\\d{1,2})月(?<asofd>\\d{1,2})[日号])"
        u"|(?<dm>\\d{1,2})月(?<dd>\\d{1,2})[日号]"
        u"|(?<endm>(?:截至|截止到?|(?<![年\\d])(?:到|至))(?:(?<endy>20\\d\\d)年)?(?<endmm>\\d{1,2})月(?:底|末|(?<endxun>[上中下]旬)))"
        u"|(?<multi>近[两二三四五六七八九十\\d]+年(?:来|以来|间)?|(?:过去|这)(?:的)?[两二三四五六七八九十\\d]+年(?:来|以来|间|里|中)?"
        u"|[两二三四五六七八九十]+年(?:来|以来|间)|(?<![\\d年])\\d年(?:来|以来|间)|[“\"]?十[一二三四五]五[”\"]?(?:期间|以来|时期)|历年来?|多年来|近年来|近年以来|近些年来?|这些年来?)"
        u"|(?<ytd>(?:截至|截止到?)(?:目前|当前|现在|今天|发稿)|今年以来|年初以来|开年以来|入年以来|年初至今|今年来|今年以后|目前|至今|以来)"
        u"|(?<r1>\\d{1,2})\\s*[-—–~～]\\s*(?<r2>\\d{1,2})\\s*月(?:份)?"
        u"|(?<f1>\\d{1,2}|[一二三四五六七八九十]{1,2}|元)月份?\\s*(?:至|到|—|-)\\s*(?<f2>\\d{1,2}|[一二三四五六七八九十]{1,3})月份?"
        u"|(?<g1>\\d{1,2}|[一二三四五六七八九十]{1,2}|元)\\s*(?:至|到)\\s*(?<g2>\\d{1,2}|[一二三四五六七八九十]{1,3})月份?"
        u"|年初(?:至|到)(?<upto>\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|份)?"
        u"|(?:(?<!提)前|(?<![\\p{Han}])头|(?<=今年)头)(?<front>[两二三四五六七八九十]|\\d{1,2})个?月"
        u"|(?<q3>(?:前|首)(?<qn>[两二三23])(?:个)?季度?)"
        u"|(?<q1>首季度?)"
        u"|第?(?<q>[一二三四1-4])季度(?:末)?"
        u"|(?<half>上半年|下半年|(?<![上下多两几个])半年(?:度|报))"
        u"|(?<mon>\\d{1,2})月(?:份|中旬|上旬|下旬|底|末)?(?!\\d{0,2}[日号])"
        u"|(?<monc>(?:十[一二]?|[一二三四五六七八九])(?=月份)|元(?=月))月份?"
        u"|(?<fy>全年(?!(?:的)?(?:目标|任务|计划))|年内|全年度)"
        u"|(?<year>20\\d\\d)年(?:度)?"
        u"|(?<here>本月|上月|上个月|本季度(?:以来)?|上季度|上一季度)"
        u"|(?<rel>今年|去年|前年|本年|上年|明年|过去(?:的)?一年)"
        u"|(?<same>同期|同一时期|当年|当期)"));
    // The groups by number.
    static const int g_asof = groupNumber(re, u"asof"), g_asofy = groupNumber(re, u"asofy"), g_asofm = groupNumber(re, u"asofm"), g_asofd = groupNumber(re, u"asofd"), g_dm = groupNumber(re, u"dm"), g_dd = groupNumber(re, u"dd"), g_endm = groupNumber(re, u"endm"), g_endy = groupNumber(re, u"endy"), g_endmm = groupNumber(re, u"endmm"), g_multi = groupNumber(re, u"multi"), g_ytd = groupNumber(re, u"ytd"), g_r1 = groupNumber(re, u"r1"), g_r2 = groupNumber(re, u"r2"), g_f1 = groupNumber(re, u"f1"), g_f2 = groupNumber(re, u"f2"), g_g1 = groupNumber(re, u"g1"), g_g2 = groupNumber(re, u"g2"), g_front = groupNumber(re, u"front"), g_q3 = groupNumber(re, u"q3"), g_qn = groupNumber(re, u"qn"), g_q1 = groupNumber(re, u"q1"), g_q = groupNumber(re, u"q"), g_half = groupNumber(re, u"half"), g_mon = groupNumber(re, u"mon"), g_fy = groupNumber(re, u"fy"), g_year = groupNumber(re, u"year"), g_rel = groupNumber(re, u"rel"), g_same = groupNumber(re, u"same"), g_upto = groupNumber(re, u"upto"), g_monc = groupNumber(re, u"monc"), g_endxun = groupNumber(re, u"endxun"), g_here = groupNumber(re, u"here");
    QList<Period> found;
    // Every period has one of these where it stands: 年, 月, 季, 截; 来 after 以 (以来: 年来 has its 年); 前 before a
    // numeral or 年 (前三季度, 前两个月, 前年) or after 目 (目前); 至 before 今 (至今); 期 after 同, 当, 时 or before 间
    // (同期, 当期, 同一时期, “十四五”期间). (The same characters elsewhere, 带来, 前往, 甚至, 一期, start no window.)
    auto isAnchor = [](const QChar *d, qsizetype i, qsizetype n) {
        switch (d[i].unicode()) {
        case u'年': case u'月': case u'季': case u'截':
            return true;
        case u'来':
            return i > 0 && d[i - 1] == u'以';
        case u'前':
            return (i + 1 < n && (d[i + 1].isDigit() || hanNumerals().contains(d[i + 1]) || d[i + 1] == u'年')) || (i > 0 && d[i - 1] == u'目');
        case u'至':
            return i + 1 < n && d[i + 1] == u'今';
        case u'期':
            return (i > 0 && QStringView(u"同当时").contains(d[i - 1])) || (i + 1 < n && d[i + 1] == u'间');
        default:
            return false;
        }
    };
    static const CharSet extend(QStringLiteral(".,截至止到今去前年度第一二三四上下全本明开入初同当"));
    for (const auto &[from, we] : windowsAround(s, isAnchor, 8, 8, extend)) {
    // (two characters before the window for the look behind: 提前 is no 前, 今年头 is)
    const qsizetype ws = std::max<qsizetype>(0, from - 2);
    auto it = re.globalMatch(QStringView(s).mid(ws, we - ws), from - ws);
    while (it.hasNext()) {
        const auto m = it.next();
        Period p;
        p.start = ws + m.capturedStart();
        p.end = ws + m.capturedEnd();
        if (!found.isEmpty() && p.start < found.last().end)
            continue; // (the 以来 a month took in: 10月中旬以来)
        auto has = [&m](int group) { return m.capturedStart(group) >= 0; };
        if (has(g_asof)) {
            p.kind = PeriodKind::YTD;
            p.year = m.captured(g_asofy).toInt();
            p.asOfMonth = m.captured(g_asofm).toInt();
            p.asOfDay = m.captured(g_asofd).toInt();
        } else if (has(g_multi)) {
            p.kind = PeriodKind::YTD;
            p.multiYear = true;
        } else if (has(g_dm)) {
            // 3月23日, the day of an event: the figure belongs to that month.
            p.kind = PeriodKind::Months;
            p.a = p.b = m.captured(g_dm).toInt();
            p.day = m.captured(g_dd).toInt();
        } else if (has(g_same)) {
            p.kind = PeriodKind::YearOnly;
            p.sameAsBefore = true;
        } else if (has(g_endm)) {
            // 截至5月底: the year so far, as of the month's last day.
            p.kind = PeriodKind::YTD;
            p.year = m.captured(g_endy).toInt();
            p.asOfMonth = m.captured(g_endmm).toInt();
            p.asOfDay = p.asOfMonth >= 1 && p.asOfMonth <= 12 ? QDate(2001, p.asOfMonth, 1).daysInMonth() : 0;
            if (has(g_endxun)) // 截至4月中旬: so far, to no day the text names
                p.asOfMonth = p.asOfDay = 0;
        } else if (has(g_here)) {
            // 本月, 上月, 本季度: counted from the month the report was published in; unknown without it.
            if (!refMonth || !hereYear)
                continue;
            // 较上月增加5个, 环比上月: the base of a comparison, no span of the figures.
            if (p.start > 0 && QStringView(u"比较与于").contains(s.at(p.start - 1)))
                continue;
            const QString w = m.captured(g_here);
            const bool before = w.startsWith(u'上');
            if (w.contains(u"季度")) { // (本季度以来: the quarter so far)
                p.kind = PeriodKind::Quarter;
                p.a = (refMonth + 2) / 3 - (before ? 1 : 0);
                p.year = p.a ? hereYear : hereYear - 1;
                p.a = p.a ? p.a : 4;
            } else {
                p.kind = PeriodKind::Months;
                p.a = p.b = refMonth - (before ? 1 : 0);
                p.year = p.a ? hereYear : hereYear - 1;
                p.a = p.b = p.a ? p.a : 12;
            }
        } else if (has(g_ytd)) {
            p.kind = PeriodKind::YTD;
            if (m.captured(g_ytd).startsWith(u'今'))
                p.year = refYear;
        } else if (has(g_r1) || has(g_f1) || has(g_g1)) {
            p.kind = PeriodKind::Months;
            const int a = has(g_r1) ? g_r1 : has(g_f1) ? g_f1 : g_g1;
            const int b = has(g_r1) ? g_r2 : has(g_f1) ? g_f2 : g_g2;
            // (一至五月: months in Chinese numerals too)
            p.a = smallNumber(m.captured(a));
            p.b = smallNumber(m.captured(b));
        } else if (has(g_upto)) {
            // 年初至5月底: the year up to that month.
            p.kind = PeriodKind::Months;
            p.a = 1;
            p.b = smallNumber(m.captured(g_upto));
        } else if (has(g_front)) {
            p.kind = PeriodKind::Months;
            p.a = 1;
            p.b = smallNumber(m.captured(g_front));
        } else if (has(g_q3)) {
            // 前三季度, 首三季 (as Hong Kong and Taiwan write it): January to September; 前两季度: the first half.
            if (QStringView(u"两二2").contains(m.capturedView(g_qn).front())) {
                p.kind = PeriodKind::Half;
                p.a = 1;
            } else {
                p.kind = PeriodKind::Months;
                p.a = 1;
                p.b = 9;
            }
        } else if (has(g_q1)) {
            p.kind = PeriodKind::Quarter; // 首季, 首季度: the first quarter
            p.a = 1;
        } else if (has(g_q)) {
            // 三季度末: the year up to the quarter's end.
            const int q = smallNumber(m.captured(g_q));
            if (m.capturedView().endsWith(u'末')) {
                p.kind = PeriodKind::Months;
                p.a = 1;
                p.b = 3 * q;
            } else {
                p.kind = PeriodKind::Quarter;
                p.a = q;
                // 一至三季度, 1-3季度: the quarters' months together (1-9月).
                const QStringView lead = QStringView(s).mid(std::max<qsizetype>(0, p.start - 2), std::min<qsizetype>(2, p.start));
                const int first = lead.size() == 2 && QStringView(u"至到-—").contains(lead.at(1)) ? smallNumber(lead.left(1).toString()) : 0;
                if (first >= 1 && first < q && m.capturedView().front() != u'第') {
                    p.kind = PeriodKind::Months;
                    p.a = 3 * first - 2;
                    p.b = 3 * q;
                    p.start -= 2;
                }
            }
        } else if (has(g_half)) {
            p.kind = PeriodKind::Half;
            p.a = m.captured(g_half) == QStringLiteral("下半年") ? 2 : 1; // (半年报, 半年度: the first half)
        } else if (has(g_mon) || has(g_monc)) {
            p.kind = PeriodKind::Months;
            p.a = p.b = smallNumber(m.captured(has(g_mon) ? g_mon : g_monc));
            // 10月中旬以来, 9月份以来 in a report of November: from that month to the report's (in a report of
            // no month, to an end unknown: no figure's span).
            if (QStringView(s).mid(p.end, 2) == u"以来") {
                p.openEnded = refMonth < p.a;
                p.b = std::max(refMonth, p.a);
                p.end += 2;
            }
            // 确保12月底前完成…, 6月底前签约: a deadline, the months up to it (the whole year for 12月)
            const QStringView end = QStringView(s).mid(p.end - 1, 2);
            if (end == u"底前" || end == u"末前") {
                p.a = 1;
                p.deadline = true;
                if (p.b == 12)
                    p.kind = PeriodKind::FY;
            }
        } else if (has(g_fy)) {
            p.kind = PeriodKind::FY;
        } else if (has(g_year)) {
            p.kind = PeriodKind::YearOnly;
            p.year = m.captured(g_year).toInt();
        } else {
            p.kind = PeriodKind::YearOnly;
            const QString w = m.captured(g_rel);
            p.relative = true;
            const int offset = (w == QStringLiteral("去年") || w == QStringLiteral("上年") || w.startsWith(u"过去")) ? -1
                             : w == QStringLiteral("前年")                                ? -2
                             : w == QStringLiteral("明年")                                ? 1
                                                                                          : 0;
            p.year = refYear ? refYear + offset : 0; // no year in the report: 去年 stays unknown
        }
        const bool badMonths = p.kind == PeriodKind::Months && (p.a < 1 || p.b > 12 || p.a > p.b);
        const bool badQuarter = p.kind == PeriodKind::Quarter && (p.a < 1 || p.a > 4);
        const bool badAsOf = p.asOfMonth && (p.asOfMonth > 12 || p.asOfDay < 1 || p.asOfDay > 31);
        if (badMonths || badQuarter || badAsOf)
            continue;
        // 一、二季度, 1、2月份, 2023、2024年: the items before the last share its word, each a period.
        const bool oneQuarter = p.kind == PeriodKind::Quarter && s.at(p.start) != u'第';
        const bool oneMonth = p.kind == PeriodKind::Months && p.a == p.b && !p.day && (has(g_mon) || has(g_monc));
        const bool oneYear = p.kind == PeriodKind::YearOnly && has(g_year);
        QList<Period> items;
        for (qsizetype at = p.start; (oneQuarter || oneMonth || oneYear) && at >= 2 && s.at(at - 1) == u'、';) {
            qsizetype from = at - 1;
            while (from > 0 && from > at - 1 - (oneYear ? 4 : 2) && (s.at(from - 1).isDigit() || hanNumerals().contains(s.at(from - 1))))
                --from;
            const QString word = s.mid(from, at - 1 - from);
            const int v = smallNumber(word);
            const bool fits = oneYear ? word.size() == 4 && v >= 2000 && v < 2100
                            : oneQuarter ? v >= 1 && v <= 4 : v >= 1 && v <= 12;
            if (word.isEmpty() || !fits || (from > 0 && s.at(from - 1).isDigit()))
                break;
            Period item = p;
            item.start = from;
            item.end = at - 1;
            (oneYear ? item.year : item.a) = v;
            if (oneMonth)
                item.b = v;
            items.prepend(item);
            at = from;
        }
        found.append(items);
        found.append(p);
    }
    }
    // "2023年" or "今年" right before a finer period gives it its year: 2023年上半年, 今年一季度.
    QList<Period> out;
    for (const Period &p : std::as_const(found)) {
        if (!out.isEmpty() && out.last().kind == PeriodKind::YearOnly && p.kind != PeriodKind::YearOnly
            && p.start - out.last().end <= 2) {
            const QStringView gap = QStringView(s).mid(out.last().end, p.start - out.last().end);
            bool crossesSentence = false;
            for (QChar c : gap)
                crossesSentence = crossesSentence || QStringLiteral("。;!?\n").contains(c);
            if (!crossesSentence) {
                Period merged = p;
                merged.start = out.last().start;
                if (!merged.year)
                    merged.year = out.last().year;
                out.last() = merged;
                continue;
            }
        }
        out.append(p);
    }
    return out;
}

QList<Number> findNumbers(const QString &s)
{
    static const RE number(QStringLiteral(
        "(?<pre>接近|将近|大约|近|约|超过|超|逾|(?<![经通越])过|突破|(?<!打)破|不低于|不少于|至少|不足|不到|低于|少于|高于|高达)?"
        "(?<![\\d.])(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,4}[千百](?=万)|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?|万(?=亿))"
        "(?:(?:至|到|-|—|~|～)(?<max>\\d+(?:\\.\\d+)?))?"
        "(?<more>余|多)?"
        "(?<unit>万亿元|万亿|亿元|万元|亿美元|万美元|个亿元|个亿|亿|元|家\\(次\\)|家次|家|个批次|个次|个|批次|批|场次|场|次|项|宗|轮|趟|期|届|%|成)"
        "(?<post>以上|左右|多|余)?"));
    static const int g_pre = groupNumber(number, u"pre"), g_num = groupNumber(number, u"num"), g_max = groupNumber(number, u"max"), g_more = groupNumber(number, u"more"), g_unit = groupNumber(number, u"unit"), g_post = groupNumber(number, u"post");
    QList<Number> out;
    // 完成年度目标过半: half of the annual task (一半以上, 半数以上: more than half).
    static const RE half(QStringLiteral("(过半|一半|半数)(以上|多)?"));
    auto hit = half.globalMatch(s);
    while (s.contains(u'半') && hit.hasNext()) {
        const auto m = hit.next();
        Number n;
        n.qualStart = n.start = m.capturedStart();
        n.end = m.capturedEnd();
        n.value = 50;
        n.unit = QStringLiteral("%");
        n.cls = UnitClass::Percent;
        if (m.captured(1) == QStringLiteral("过半"))
            n.preQual = QStringLiteral("超");
        else if (!m.captured(2).isEmpty())
            n.postQual = m.captured(2);
        out.append(n);
    }
    // 完成全年任务的三分之二, 百分之七十二点六: a share in words (the qualifier in group 1, the figure from group 2).
    if (s.contains(QStringLiteral("分之"))) {
        auto share = [&out](const QRegularExpressionMatch &m, double value) {
            Number n;
            n.qualStart = m.capturedStart();
            n.start = m.capturedStart(2);
            n.end = m.capturedEnd();
            n.value = value;
            n.unit = QStringLiteral("%");
            n.cls = UnitClass::Percent;
            n.preQual = m.captured(1);
            out.append(n);
        };
        static const RE fraction(QStringLiteral("(近|超过|超)?([二三四五六七八九十])分之([一二三四五六七八九])"));
        for (auto it = fraction.globalMatch(s); it.hasNext();) {
            const auto m = it.next();
            const auto whole = parseChineseNumber(m.captured(2)), part = parseChineseNumber(m.captured(3));
            if (whole && part && *part < *whole)
                share(m, std::round(1000 * *part / *whole) / 10); // (66.7)
        }
        static const RE percent(QStringLiteral("(近|超过|超)?百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?|\\d+(?:\\.\\d+)?)"));
        for (auto it = percent.globalMatch(s); it.hasNext();) {
            const auto m = it.next();
            if (const auto v = parseChineseNumber(m.captured(2)); v && *v <= 1000)
                share(m, *v);
        }
    }
    static const CharSet unitChars(QStringLiteral("亿万元个家批场次项宗轮趟期届%成"));
    static const CharSet extend(QStringLiteral(".,点零〇一二两三四五六七八九十百千近约超过逾突破不低少于至足到高达接将大"));
    // (and 万 before 亿: 超万亿元 is a figure with no numeral)
    static const CharSet figureBefore(QStringLiteral("零〇一二两三四五六七八九十百千万"));
    // (a unit's character right after a figure: a digit or a numeral, 余 or 多 between)
    auto figureAt = [](const QChar *d, qsizetype k) { return k >= 0 && (d[k].isDigit() || figureBefore.contains(d[k])); };
    auto isAnchor = [&](const QChar *d, qsizetype i, qsizetype) {
        return unitChars.contains(d[i]) && (figureAt(d, i - 1) || (i >= 2 && (d[i - 1] == u'余' || d[i - 1] == u'多') && figureAt(d, i - 2)));
    };
    for (const auto &[from, we] : windowsAround(s, isAnchor, 6, 4, extend)) {
    const qsizetype ws = std::max<qsizetype>(0, from - 2); // (经过 is no 过: the look behind sees it)
    auto it = number.globalMatch(QStringView(s).mid(ws, we - ws), from - ws);
    while (it.hasNext()) {
        const auto m = it.next();
        Number n;
        n.qualStart = ws + m.capturedStart();
        n.start = ws + m.capturedStart(g_num);
        n.end = ws + m.capturedEnd();
        n.preQual = m.captured(g_pre);
        n.postQual = m.captured(g_more) + m.captured(g_post);
        n.unit = m.captured(g_unit);
        // 签约58个 is 签约 and 58, not 约 58: a qualifier character that ends a word is the word's.
        if (!n.preQual.isEmpty() && n.qualStart > 0 && n.preQual.size() == 1) {
            const QChar before = s.at(n.qualStart - 1);
            static const QString wordBefore = QStringLiteral("签制节预合公契条邀特相最附临就赶追");
            if (wordBefore.contains(before)) {
                n.preQual.clear();
                n.qualStart = n.start;
            }
        }
        const QString num = m.captured(g_num);
        if (m.capturedStart(g_max) >= 0) {
            n.range = true;
            n.valueMax = m.captured(g_max).toDouble();
        }
        // (5千万元, 3百万元: digits and a numeral's place, as people write them)
        const bool place = num.size() > 1 && num.at(0).isDigit() && (num.back() == u'千' || num.back() == u'百');
        const auto v = place ? std::optional<double>(num.chopped(1).toDouble() * (num.back() == u'千' ? 1000 : 100)) : parseChineseNumber(num);
        if (!v)
            continue;
        n.value = *v;
        const bool chinese = !num.at(0).isDigit();
        // 数十批次, 几十家, 成百上千: no figure. 上百家, 上千次: a hundred and more.
        if (chinese && n.qualStart == n.start && n.start > 0) {
            const QChar before = s.at(n.start - 1);
            if (before == u'数' || before == u'几' || (before == u'上' && n.start > 1 && s.at(n.start - 2) == u'百'))
                continue;
            if (before == u'上' && (num == QStringLiteral("百") || num == QStringLiteral("千") || num == QStringLiteral("万"))) {
                n.preQual = QStringLiteral("超");
                n.qualStart = n.start - 1;
            }
        }
        // 今年以来…第5次带队外出招商: the ordinal of the latest trip out counts the trips so far.
        const bool tripsSoFar = n.start > 0 && s.at(n.start - 1) == u'第' && (n.unit == QStringLiteral("次") || n.unit == QStringLiteral("批"))
            && QStringView(s).mid(n.end, 10).contains(u"招商")
            && QStringView(s).mid(std::max<qsizetype>(0, n.start - 30), std::min<qsizetype>(30, n.start)).contains(u"今年以来");
        // 一批, 一个, 第一次, 三个一批: words, not figures.
        if (chinese && (num == QStringLiteral("一") || (n.start > 0 && s.at(n.start - 1) == u'第' && !tripsSoFar)))
            continue;
        // “三个一批”, “两个一百”: slogans, not figures.
        if (chinese && ((n.end < s.size() && (s.at(n.end) == u'一' || s.at(n.end) == u'”'))
                        || (n.qualStart > 0 && s.at(n.qualStart - 1) == u'“')))
            continue;
        if (n.start > 0 && ((s.at(n.start - 1) == u'第' && !tripsSoFar) || s.at(n.start - 1) == u'+'
                            || (s.at(n.start - 1).isLetter() && !isHanChar(s.at(n.start - 1)))))
            continue;
        if (n.end < s.size() && (s.at(n.end) == u'+' || s.at(n.end) == u'强'))
            continue;
        // 提高5.2个百分点: a change of a share, no count of anything.
        if (n.unit == QStringLiteral("个") && QStringView(s).mid(n.end, 3) == u"百分点")
            continue;
        // 提前3个月, 用时8个多月, 10个工作日: a length of time, no count of anything.
        // (n.end is past a trailing 多 already)
        if (n.unit == QStringLiteral("个") && (QStringView(s).mid(n.end).startsWith(u'月') || QStringView(s).mid(n.end).startsWith(u"工作日")))
            continue;
        // (1.36万亿元 is 13600亿元, not 13600.000000000002: the figure's own decimals, no more)
        auto scale = [&n](double factor) {
            n.value = std::round(n.value * factor * 1e8) / 1e8;
            n.valueMax = std::round(n.valueMax * factor * 1e8) / 1e8;
        };
        if (n.unit.startsWith(u"万亿")) {
            // 1.2万亿元: ten thousand 亿.
            n.cls = UnitClass::Money;
            scale(1e4);
        } else if (n.unit == QStringLiteral("亿元") || n.unit == QStringLiteral("亿") || n.unit.startsWith(u"个亿")) {
            n.cls = UnitClass::Money; // (50个亿: as people say it)
        } else if (n.unit == QStringLiteral("万元")) {
            n.cls = UnitClass::Money;
            scale(1e-4);
        } else if (n.unit == QStringLiteral("%")) {
            n.cls = UnitClass::Percent;
        } else if (n.unit == QStringLiteral("成")) {
            n.cls = UnitClass::Percent;
            scale(10);
        } else if (n.unit.contains(QStringLiteral("美元")) || n.unit == QStringLiteral("元")) {
            n.cls = UnitClass::Money;
            n.foreign = true; // not in 亿元, or a single amount in yuan
        }
        out.append(n);
    }
    }
    std::sort(out.begin(), out.end(), [](const Number &a, const Number &b) { return a.start < b.start; });
    for (int k = 0; k + 1 < out.size(); ++k) {
        Number &a = out[k];
        const Number &b = out[k + 1];
        // 3亿5000万元, 二十三亿五千万元: one amount in two units.
        if (a.unit == QStringLiteral("亿") && b.unit == QStringLiteral("万元") && b.qualStart == a.end && b.start == b.qualStart
            && !a.range && !b.range) {
            a.value += b.value;
            a.unit = QStringLiteral("亿元"); // (the 万元 part is in 亿元 already)
            a.end = b.end;
            a.postQual = b.postQual;
            out.removeAt(k + 1);
            continue;
        }
        // Ranges: 7亿元到10亿元, 7-10亿元.
        const QString gap = s.mid(a.end, b.qualStart - a.end);
        if (a.cls == b.cls && (gap == QStringLiteral("到") || gap == QStringLiteral("至") || gap == QStringLiteral("-")
                               || gap == QStringLiteral("~"))) {
            a.range = true;
            a.valueMax = b.value;
            a.end = b.end;
            out.removeAt(k + 1);
        }
    }
    return out;
}

QString divisionOfStem(const Gazetteer &gazetteer, const QString &stem, QChar kind)
{
    if (!gazetteer.hasStem(stem) || gazetteer.contains(stem))
        return QString();
    // (县 last: the gazetteer also knows a county by its former name, 南康县 for today's 南康区.)
    static const QString suffixes = QStringLiteral("市区州旗盟县");
    for (QChar suffix : (kind.isNull() || kind == u'地' ? suffixes : QString(kind))) {
        const int level = gazetteer.level(stem + suffix);
        if (level >= Gazetteer::Prefecture && level <= Gazetteer::County)
            return stem + suffix;
    }
    return QString();
}

namespace {

/// The units of a list of bare names (郑州、洛阳、南阳) whose last item ends at \a end: items of two or
/// three characters joined by 、, read back from the last while each is a division's stem. Fewer than
/// two is no list.
QList<Unit> bareNameList(const QString &s, qsizetype end, QChar kind, const Gazetteer &gazetteer)
{
    QList<Unit> items;
    for (qsizetype k = end;;) {
        qsizetype from = k;
        while (from > 0 && k - from < 3 && isHanChar(s.at(from - 1)))
            --from;
        Unit u;
        for (qsizetype len = k - from; len >= 2 && u.name.isEmpty(); --len) {
            u.name = divisionOfStem(gazetteer, s.mid(k - len, len), kind);
            u.start = k - len;
        }
        if (u.name.isEmpty())
            break;
        u.end = k;
        u.level = gazetteer.level(u.name);
        items.prepend(u);
        if (u.start == 0 || s.at(u.start - 1) != u'、')
            break;
        k = u.start - 1;
    }
    return items.size() >= 2 ? items : QList<Unit>();
}

} // namespace

bool overlapsAny(const QList<Unit> &units, qsizetype start, qsizetype end)
{
    return std::any_of(units.cbegin(), units.cend(), [&](const Unit &u) { return u.start < end && start < u.end; });
}

QList<Unit> findUnits(const QString &s, const Gazetteer &gazetteer)
{
    const Phrasing &phrasing = Phrasing::instance();
    QList<Unit> out;
    for (const Gazetteer::Mention &g : gazetteer.find(s)) {
        // 各苏木乡镇, 各乡镇街道: kinds of units after 各, though some place is called 苏木乡.
        if (g.start > 0 && s.at(g.start - 1) == u'各') {
            static const QRegularExpression kinds(QStringLiteral("^(?:苏木|嘎查|乡|镇|街道|县|区|市|旗|村|社区|园区)+$"));
            if (kinds.match(g.name).hasMatch())
                continue;
        }
        Unit u;
        u.start = g.start;
        u.end = g.end;
        u.name = g.name;
        u.level = g.level;
        // 赴上海, 在深圳举办, 来自苏州: a place. 以来 is a period's end, not 来 (2023年以来红河州 ...).
        if (u.start > 0) {
            const QChar before = s.at(u.start - 1);
            const bool sinceWord = before == u'来' && u.start > 1 && s.at(u.start - 2) == u'以';
            // 从汝阳县商务局获悉: where the news came from, the unit it is about, not a place.
            const QStringView next = QStringView(s).mid(u.end, 16);
            const bool source = before == u'从' && (next.contains(u"获悉") || next.contains(u"了解到") || next.contains(u"得知"));
            // 在吴兴区,今年以来…: 在 opening a sentence, the name and a comma is the topic of what follows.
            // (Not a zone named only by its kind, 在县经济开发区,一家企业…: the scene of a story.)
            const bool generic = QStringView(u"县市区镇乡省").contains(u.name.front())
                || Gazetteer::zoneSuffixes().contains(u.name);
            const bool topicOpening = before == u'在' && !generic && u.end < s.size() && (s.at(u.end) == u',' || s.at(u.end) == u'，')
                && (u.start == 1 || QStringView(u"。!?;\n ").contains(s.at(u.start - 2)));
            // 在永修县第十八届人民代表大会第五次会议上: the unit's own congress, whose report it is.
            static const QRegularExpression congress(QStringLiteral("^(?:第[一二三四五六七八九十\\d]+届)?(?:人民代表大会|人大|党代会|政协)"));
            const bool ownCongress = before == u'在' && congress.match(next).hasMatch();
            u.place = phrasing.placeChars.contains(before) && !sinceWord && !source && !topicOpening && !ownCongress;
        }
        // 赴深圳、上海、合肥等地: the rest of a list of places after a place word.
        if (!u.place) {
            qsizetype k = u.start;
            bool comma = false;
            while (k > 0 && u.start - k < 20 && (isHanChar(s.at(k - 1)) || s.at(k - 1) == u'、')) {
                comma = comma || s.at(k - 1) == u'、';
                if (QStringView(u"赴往到").contains(s.at(k - 1)) && comma) {
                    u.place = true;
                    break;
                }
                --k;
            }
        }
        // 海南籍企业家, 深圳的企业: not a unit's figure either.
        if (u.end < s.size() && (s.at(u.end) == u'籍' || s.at(u.end) == u'等'))
            u.place = true;
        // 低于周边的舒城县(102.4亿元), 比肥东县少6个, 与肥西县相比: a unit the figure is measured against,
        // not whose it is.
        if (!u.place && u.start > 0) {
            static const QRegularExpression measuredAgainst(QStringLiteral(
                "(?:低于|高于|超过|少于|多于|不及|落后于?|领先于?|仅次于|次于|比|较)(?:周边|邻近|相邻|同级|兄弟)?(?:的)?$"));
            const QStringView lead = QStringView(s).mid(std::max<qsizetype>(0, u.start - 8), std::min<qsizetype>(8, u.start));
            const QStringView rest = QStringView(s).mid(u.end, 8);
            // (the pattern only where one of its words' characters stands: most units have none before them)
            static const CharSet comparing(QStringLiteral("低高超少多及后先次比较"));
            const bool may = std::any_of(lead.cbegin(), lead.cend(), [](QChar c) { return comparing.contains(c); });
            u.place = (may && measuredAgainst.match(lead).hasMatch())
                || (lead.endsWith(u'与') && (rest.startsWith(u"相比") || rest.startsWith(u"比较")));
            // (…舒城县(102.4亿元)和肥西县: the next of them)
            static const QRegularExpression andNext(QStringLiteral("^(?:\\([^()]{0,16}\\))?[和及、与]$"));
            if (!u.place && !out.isEmpty() && out.last().place && out.last().end <= u.start && u.start - out.last().end <= 20)
                u.place = andNext.match(QStringView(s).mid(out.last().end, u.start - out.last().end)).hasMatch();
        }
        out.append(u);
    }
    // 郑州、洛阳、南阳三市…, 郑州、洛阳、南阳分别…: names without their suffix, listed, that the words
    // after the list say are units (三市, 两县, 四地, 分别, 依次) are those divisions.
    for (qsizetype at = s.indexOf(u'、'); at >= 0; at = s.indexOf(u'、', at + 1)) {
        // The kind word right after the item that follows this 、 (two or three characters).
        static const QRegularExpression kindWord(QStringLiteral("^(?:[两二三四五六七八九十]+个?([市县区州旗盟地])|分别|依次)"));
        static const CharSet kindWordStart(QStringLiteral("两二三四五六七八九十分依"));
        for (qsizetype k = at + 3; k <= at + 4 && k < s.size() && isHanChar(s.at(k - 1)); ++k) {
            if (!kindWordStart.contains(s.at(k)))
                continue; // (the pattern only where its words can open)
            const auto m = kindWord.match(QStringView(s).mid(k, 6)); // (a short view: no match over the whole text)
            if (!m.hasMatch())
                continue;
            const QChar kind = m.capturedLength(1) ? m.capturedView(1).at(0) : QChar();
            for (Unit &u : bareNameList(s, k, kind, gazetteer)) {
                if (overlapsAny(out, u.start, u.end))
                    continue;
                u.place = u.start > 0 && phrasing.placeChars.contains(s.at(u.start - 1));
                out.append(u);
            }
            at = k;
            break;
        }
    }
    // 两区, 两县: the two units named together just before.
    static const QRegularExpression two(QStringLiteral("两(?:区|县|市|地|镇)"));
    for (auto it = two.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        // (蒙自、弥勒两市分别…: right after the list it names the list itself, which is there already.)
        if (std::any_of(out.cbegin(), out.cend(), [&m](const Unit &u) { return u.end == m.capturedStart(); }))
            continue;
        Unit u;
        u.start = m.capturedStart();
        u.end = m.capturedEnd();
        u.name = m.captured();
        u.topic = true;
        u.kindChar = u'两';
        out.append(u);
    }
    // Topic words: 全区, 我市, 该县, 本镇, 全旗 name the unit the text is about by its kind.
    // (a set each, as this looks at every character of the text)
    static const CharSet topicChars(phrasing.topicChars);
    static const CharSet kinds(QStringLiteral("区县市镇乡旗州盟省"));
    for (qsizetype i = 0; i + 1 < s.size(); ++i) {
        if (!topicChars.contains(s.at(i)) || !kinds.contains(s.at(i + 1)))
            continue;
        if (i > 0 && isHanChar(s.at(i - 1)) && !QStringView(u"年月日的在和与及").contains(s.at(i - 1))
            && s.at(i) != u'全' && s.at(i) != u'我')
            continue; // 应该县 is no topic; 全 and 我 always start one (前三季度我市…, 来我县投资)
        // 全市场, 全省市: not a topic. 全区域 neither.
        if (i + 2 < s.size() && QStringView(u"场域级委长").contains(s.at(i + 2)))
            continue;
        // 正定高新区作为全县招商引资的主阵地: what a unit is to the whole, not the unit spoken of; nor is
        // the whole a unit ranks in (位居全市第一, 排名全省前列, 列全市第二).
        if (i >= 2 && QStringView(s).mid(i - 2, 2) == u"作为")
            continue;
        {
            const QStringView lead = QStringView(s).mid(std::max<qsizetype>(0, i - 2), std::min<qsizetype>(2, i));
            if (lead.endsWith(u"位居") || lead.endsWith(u"排名") || lead.endsWith(u'居') || lead.endsWith(u'列')
                || lead.endsWith(u"位列") || lead.endsWith(u"名列"))
                continue;
        }
        Unit u;
        u.start = i;
        u.end = i + 2;
        u.name = s.mid(i, 2);
        u.topic = true;
        u.kindChar = s.at(i + 1);
        out.append(u);
    }
    std::sort(out.begin(), out.end(), [](const Unit &a, const Unit &b) { return a.start < b.start; });
    // Drop topic words inside a name (a township named 全州镇), then group units named together.
    QList<Unit> clean;
    for (const Unit &u : std::as_const(out)) {
        if (!clean.isEmpty() && u.start < clean.last().end)
            continue;
        clean.append(u);
    }
    int group = 0;
    for (int k = 0; k < clean.size(); ++k) {
        if (k > 0) {
            const QStringView gap = QStringView(s).mid(clean[k - 1].end, clean[k].start - clean[k - 1].end);
            if (!(gap == u"、" || gap == u"和" || gap == u"与" || gap == u"及"))
                ++group;
        }
        clean[k].group = group;
    }
    // 前往广东省、四川省、山东省等: every unit of a group of places is a place.
    for (int k = 1; k < clean.size(); ++k) {
        if (clean[k].group == clean[k - 1].group && clean[k - 1].place)
            clean[k].place = true;
    }
    for (int k = int(clean.size()) - 2; k >= 0; --k) {
        if (clean[k].group == clean[k + 1].group && clean[k + 1].place && s.mid(clean[k + 1].end, 1) == QStringLiteral("等"))
            clean[k].place = true;
    }
    // 在深圳、上海、苏州举办: a later item of a list of places is a place, also when the items before it
    // are names the gazetteer does not know (2 to 4 characters each, joined by 、).
    static const QRegularExpression placeList(QStringLiteral("[%1](?:\\p{Han}{2,4}、){1,4}$").arg(QRegularExpression::escape(phrasing.placeChars)));
    // (not a unit's own first character: 上半年,于都县、瑞金市… names no place with 于)
    for (Unit &u : clean) {
        if (u.place || u.topic || u.start < 3)
            continue;
        const qsizetype from = std::max<qsizetype>(0, u.start - 26);
        if (const auto m = placeList.match(QStringView(s).mid(from, u.start - from)); m.hasMatch()) {
            const qsizetype word = from + m.capturedStart();
            u.place = std::none_of(clean.cbegin(), clean.cend(), [word](const Unit &other) { return other.start <= word && word < other.end; });
        }
    }
    return clean;
}

} // namespace IPDesk::Mentions
