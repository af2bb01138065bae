#include "reportextractor.h"

#include "charset.h"
#include "chinesenumber.h"
#include "domain.h"
#include "reporttext.h"
#include "textdecoder.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace IPDesk {

namespace {

using RE = QRegularExpression;

// ---------------------------------------------------------------------------------------------
// Periods

enum class PeriodKind { YearOnly, YTD, FY, Quarter, Half, Months };

struct Period
{
    qsizetype start = 0;
    qsizetype end = 0;
    PeriodKind kind = PeriodKind::YearOnly;
    int year = 0;        // explicit or relative year resolved; 0: not given
    int a = 0, b = 0;    // quarter / half / month range
    QDate asOf;          // cut-off day of a YTD figure (month/day; year set later)
    int asOfMonth = 0, asOfDay = 0;
};

int smallNumber(const QString &s)
{
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

bool startsWithAny(QStringView s, std::initializer_list<const char16_t *> words)
{
    for (const char16_t *w : words) {
        if (s.startsWith(QStringView(w)))
            return true;
    }
    return false;
}

/// The stretches of text around the characters a pattern cannot do without (年 and 月 for periods,
/// the units for figures): running a regex only there instead of over every character of a report
/// is what makes extraction fast, since the regex engine cannot skip Chinese text on its own.
QList<QPair<qsizetype, qsizetype>> windowsAround(const QString &s, const CharSet &anchors, int before, int after,
                                                 const CharSet &extendLeft)
{
    QList<QPair<qsizetype, qsizetype>> out;
    const QChar *d = s.constData();
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (!anchors.contains(d[i]))
            continue;
        qsizetype from = std::max<qsizetype>(0, i - before);
        while (from > 0 && (d[from - 1].isDigit() || extendLeft.contains(d[from - 1])))
            --from;
        const qsizetype to = std::min(n, i + after + 1);
        if (!out.isEmpty() && from <= out.last().second + 24) // near windows run as one
            out.last().second = std::max(out.last().second, to);
        else
            out.append({from, to});
    }
    return out;
}

/// Every period expression of a text, in one pass, years attached. Longer forms come first in the
/// alternation, so that at each place the longest reading wins (1-5月 before 5月, 今年以来 before 今年).
QList<Period> findPeriods(const QString &s, int refYear)
{
    static const RE re(QString::fromUtf16(
        u"(?<asof>(?:截至|截止到?|到)(?:(?<asofy>20\\d\\d)年)?(?<asofm>\\d{1,2})月(?<asofd>\\d{1,2})[日号])"
        u"|(?<endm>(?:截至|截止到?)(?:(?<endy>20\\d\\d)年)?(?<endmm>\\d{1,2})月(?:底|末))"
        u"|(?<ytd>(?:截至|截止到?)(?:目前|当前|现在|今天|发稿)|今年以来|年初以来|开年以来|入年以来|年初至今|今年来|今年以后|目前|至今|以来)"
        u"|(?<r1>\\d{1,2})\\s*[-—–~～]\\s*(?<r2>\\d{1,2})\\s*月(?:份)?"
        u"|(?<f1>\\d{1,2})月份?\\s*(?:至|到|—|-)\\s*(?<f2>\\d{1,2})月份?"
        u"|(?<g1>\\d{1,2})\\s*(?:至|到)\\s*(?<g2>\\d{1,2})月份?"
        u"|前(?<front>[两二三四五六七八九十]|\\d{1,2})个?月"
        u"|(?<q3>前(?:三|3)(?:个)?季度)"
        u"|第?(?<q>[一二三四1-4])季度(?:末)?"
        u"|(?<half>上半年|下半年)"
        u"|(?<mon>\\d{1,2})月(?:份|中旬|上旬|下旬|底|末)?(?!\\d{0,2}[日号])"
        u"|(?<fy>全年(?!(?:的)?(?:目标|任务|计划))|年内|全年度)"
        u"|(?<year>20\\d\\d)年(?:度)?"
        u"|(?<rel>今年|去年|前年|本年|上年|明年)"));
    QList<Period> found;
    static const CharSet anchors(QStringLiteral("年月季来前今截至"));
    static const CharSet extend(QStringLiteral(".,截至止到今去前年度第一二三四上下全本明开入初"));
    for (const auto &[ws, we] : windowsAround(s, anchors, 16, 8, extend)) {
    auto it = re.globalMatch(QStringView(s).mid(ws, we - ws));
    while (it.hasNext()) {
        const auto m = it.next();
        Period p;
        p.start = ws + m.capturedStart();
        p.end = ws + m.capturedEnd();
        auto has = [&m](QStringView name) { return m.capturedStart(name) >= 0; };
        if (has(u"asof")) {
            p.kind = PeriodKind::YTD;
            p.year = m.captured(u"asofy").toInt();
            p.asOfMonth = m.captured(u"asofm").toInt();
            p.asOfDay = m.captured(u"asofd").toInt();
        } else if (has(u"endm")) {
            p.kind = PeriodKind::Months;
            p.year = m.captured(u"endy").toInt();
            p.a = 1;
            p.b = m.captured(u"endmm").toInt();
        } else if (has(u"ytd")) {
            p.kind = PeriodKind::YTD;
            if (m.captured(u"ytd").startsWith(u'今'))
                p.year = refYear;
        } else if (has(u"r1") || has(u"f1") || has(u"g1")) {
            p.kind = PeriodKind::Months;
            const QStringView a = has(u"r1") ? u"r1" : has(u"f1") ? u"f1" : u"g1";
            const QStringView b = has(u"r1") ? u"r2" : has(u"f1") ? u"f2" : u"g2";
            p.a = m.captured(a).toInt();
            p.b = m.captured(b).toInt();
        } else if (has(u"front")) {
            p.kind = PeriodKind::Months;
            p.a = 1;
            p.b = smallNumber(m.captured(u"front"));
        } else if (has(u"q3")) {
            p.kind = PeriodKind::Months;
            p.a = 1;
            p.b = 9;
        } else if (has(u"q")) {
            p.kind = PeriodKind::Quarter;
            p.a = smallNumber(m.captured(u"q"));
        } else if (has(u"half")) {
            p.kind = PeriodKind::Half;
            p.a = m.captured(u"half") == QStringLiteral("上半年") ? 1 : 2;
        } else if (has(u"mon")) {
            p.kind = PeriodKind::Months;
            p.a = p.b = m.captured(u"mon").toInt();
        } else if (has(u"fy")) {
            p.kind = PeriodKind::FY;
        } else if (has(u"year")) {
            p.kind = PeriodKind::YearOnly;
            p.year = m.captured(u"year").toInt();
        } else {
            p.kind = PeriodKind::YearOnly;
            const QString w = m.captured(u"rel");
            p.year = (w == QStringLiteral("去年") || w == QStringLiteral("上年")) ? refYear - 1
                   : w == QStringLiteral("前年")                                ? refYear - 2
                   : w == QStringLiteral("明年")                                ? refYear + 1
                                                                                : refYear;
        }
        const bool badMonths = p.kind == PeriodKind::Months && (p.a < 1 || p.b > 12 || p.a > p.b);
        const bool badQuarter = p.kind == PeriodKind::Quarter && (p.a < 1 || p.a > 4);
        const bool badAsOf = p.asOfMonth && (p.asOfMonth > 12 || p.asOfDay < 1 || p.asOfDay > 31);
        if (!badMonths && !badQuarter && !badAsOf)
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

// ---------------------------------------------------------------------------------------------
// Units named in the text

struct UnitMention
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString name;
    int group = 0; // mentions joined by 、 or 和 share a group
};

bool isHanChar(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
}

QList<UnitMention> findUnits(const QString &s)
{
    static const QStringList zoneSuffixes = {QStringLiteral("高新技术产业开发区"), QStringLiteral("经济技术开发区"),
                                             QStringLiteral("经济开发区")};
    static const QStringList longSuffixes = {QStringLiteral("高新区"), QStringLiteral("开发区"), QStringLiteral("经开区"),
                                             QStringLiteral("新区"), QStringLiteral("街道")};
    static const QSet<QStringView> notUnits = [] {
        QSet<QStringView> w;
        for (const char16_t *x : {u"园区", u"社区", u"景区", u"片区", u"辖区", u"街区", u"厂区", u"矿区", u"湾区",
                                  u"山区", u"港区", u"校区", u"林区", u"专区", u"灾区", u"两区", u"全区", u"该区", u"本区",
                                  u"我区", u"各区", u"三区", u"城市", u"全市", u"该市", u"本市", u"我市", u"各市", u"都市",
                                  u"超市", u"上市", u"股市", u"楼市", u"夜市", u"门市", u"车市", u"省市", u"县市", u"全县",
                                  u"该县", u"本县", u"我县", u"各县", u"州县", u"郡县", u"乡镇", u"城镇", u"村镇", u"集镇",
                                  u"小镇", u"重镇", u"名镇", u"古镇", u"全镇", u"该镇", u"各镇", u"市镇", u"街镇", u"两县",
                                  u"县区", u"区县", u"市区", u"新区", u"老区", u"示区", u"核区", u"子市"})
            w.insert(QStringView(x));
        return w;
    }();
    static const QSet<QStringView> badPrefixes = [] {
        QSet<QStringView> w;
        for (const char16_t *x : {u"功能", u"示范", u"试验", u"合作", u"保税", u"自贸", u"先行", u"集聚", u"核心", u"产业",
                                  u"商务", u"工业", u"经济", u"生活", u"城乡", u"开放", u"实验", u"风景", u"旅游", u"度假",
                                  u"综合", u"物流", u"科技", u"创新", u"贸易", u"承载", u"主城", u"城市", u"市辖", u"行政",
                                  u"发展", u"中心", u"大湾", u"湾区", u"新城", u"老城", u"主要", u"重点", u"地级", u"县级",
                                  u"各县", u"各市", u"各区", u"相关", u"所在", u"周边", u"全省", u"全国", u"国家", u"省级",
                                  u"市级", u"区级", u"镇街", u"乡镇", u"各乡", u"各镇", u"特色", u"农业", u"高新", u"开发",
                                  u"加工", u"心城", u"主城", u"老城", u"新城", u"旧城", u"县城", u"市城", u"全城", u"口岸", u"边境", u"出口", u"一核", u"两核", u"城投", u"区域", u"本地", u"外地"})
            w.insert(QStringView(x));
        return w;
    }();
    static const QString leadChars = QStringLiteral("在与和及向到赴从对为由是的了等该全各本我两省个年月日将共把被让给于以至及及其即");
    static const QString badNext = QStringLiteral("域级场民值面容内外间属委会长");

    // How often a short stretch occurs in the whole text; the same names come back, so it is counted once.
    QHash<QString, qsizetype> counts;
    auto countOf = [&s, &counts](QStringView v) {
        const QString key = v.toString();
        auto it = counts.constFind(key);
        if (it == counts.cend())
            it = counts.insert(key, s.count(v));
        return it.value();
    };
    QList<UnitMention> out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c != u'区' && c != u'县' && c != u'市' && c != u'镇' && c != u'乡' && c != u'道')
            continue;
        QString suffix;
        bool zone = false;
        for (const QString &l : zoneSuffixes) {
            if (i + 1 >= l.size() && QStringView(s).mid(i + 1 - l.size(), l.size()) == l) {
                suffix = l;
                zone = true;
                break;
            }
        }
        for (const QString &l : longSuffixes) {
            if (!suffix.isEmpty())
                break;
            if (i + 1 >= l.size() && QStringView(s).mid(i + 1 - l.size(), l.size()) == l) {
                suffix = l;
                break;
            }
        }
        if (suffix.isEmpty()) {
            if (c == u'道')
                continue;
            suffix = QString(c);
        }
        const qsizetype suffixStart = i + 1 - suffix.size();
        const qsizetype start = suffixStart - 2;
        const bool prefixOk = start >= 0 && isHanChar(s.at(start)) && isHanChar(s.at(start + 1))
            && !badPrefixes.contains(QStringView(s).mid(start, 2)) && !leadChars.contains(s.at(start));
        if (zone) {
            // 经济技术开发区 names a unit with or without its city before it.
            UnitMention m;
            m.start = prefixOk ? start : suffixStart;
            m.end = i + 1;
            m.name = prefixOk ? s.mid(start, 2) + suffix : suffix;
            out.append(m);
            continue;
        }
        if (start < 0 || !isHanChar(s.at(start)) || !isHanChar(s.at(start + 1)))
            continue;
        const QStringView prefix = QStringView(s).mid(start, 2);
        const QStringView lastTwo = QStringView(s).mid(i - 1, 2);
        if (suffix.size() == 1 && notUnits.contains(lastTwo))
            continue;
        if (badPrefixes.contains(prefix) || leadChars.contains(prefix.at(0)))
            continue;
        // 区委 / 县委 / 市长 are the unit's own bodies; 区域, 市场, 县级 are not units.
        if (i + 1 < s.size() && suffix.size() == 1 && badNext.contains(s.at(i + 1))
            && !(s.at(i + 1) == u'委' || s.at(i + 1) == u'长'))
            continue;
        // Most names have two characters before the suffix; 石家庄市, 马鞍山市, 鄂尔多斯市 have more. The
        // name grows to the left while its last characters never stand without the one before.
        qsizetype nameStart = start;
        while (nameStart > 0 && suffixStart - nameStart < 4) {
            const QChar before = s.at(nameStart - 1);
            static const QString suffixChars = QStringLiteral("区县市镇乡省");
            if (!isHanChar(before) || leadChars.contains(before) || suffixChars.contains(before))
                break;
            const QStringView stem = QStringView(s).mid(nameStart, suffixStart - nameStart);
            const QStringView longer = QStringView(s).mid(nameStart - 1, suffixStart - nameStart + 1);
            // Seen at least twice, and never the shorter name alone: one mention proves nothing (落户石湖区).
            const qsizetype n = countOf(longer);
            if (n < 2 || countOf(stem) != n)
                break;
            --nameStart;
        }
        // At the start of a clause the whole chunk before the suffix is the name: ;马鞍山路街道新签约.
        // Only for a name seen once: a unit named again elsewhere shows its own short form (增城区).
        if (nameStart == start && start >= 1 && countOf(QStringView(s).mid(start, suffixStart - start)) == 1) {
            qsizetype chunk = start;
            static const QString notInNames = QStringLiteral("落户入进赴到在往驻来去向至经位于将由对据与及为从把被让给的了是有");
            while (chunk > 0 && start - chunk < 2 && isHanChar(s.at(chunk - 1)) && !notInNames.contains(s.at(chunk - 1))
                   && !leadChars.contains(s.at(chunk - 1)))
                --chunk;
            const bool atBoundary = chunk == 0 || QStringLiteral(",.;:!?、\n \t“”\"()").contains(s.at(chunk - 1));
            if (chunk < start && atBoundary)
                nameStart = chunk;
        }
        UnitMention m;
        m.start = nameStart;
        m.end = i + 1;
        m.name = s.mid(nameStart, suffixStart - nameStart) + suffix;
        out.append(m);
    }
    // A name seen once is trusted only where a unit usually stands: before its own bodies (区委,
    // 政府), in a list of units, or in the title; 通过区投资促进工作领导小组 is not a unit.
    QHash<QString, int> seenCount;
    for (const UnitMention &m : std::as_const(out))
        seenCount[m.name]++;
    const qsizetype titleEnd = s.indexOf(QLatin1Char('\n'));
    static const QSet<QString> verbs = [] {
        QSet<QString> w;
        for (const char16_t *x : {u"通过", u"申报", u"推动", u"实现", u"打造", u"建设", u"带动", u"围绕", u"服务", u"支持",
                                  u"引导", u"组织", u"参加", u"举办", u"落户", u"引进", u"进入", u"来到", u"前往", u"走进",
                                  u"深入", u"覆盖", u"辐射", u"联系", u"对接", u"考察", u"拜访", u"签约", u"开展", u"承接",
                                  u"布局", u"入驻", u"回到", u"返回", u"扎根", u"立足", u"面向", u"聚焦", u"依托", u"推进",
                                  u"召开", u"纳入", u"列入", u"报送", u"上报", u"提交", u"审议", u"会同", u"配合", u"协调"})
            w.insert(QString::fromUtf16(x));
        return w;
    }();
    QList<UnitMention> trusted;
    for (const UnitMention &m : std::as_const(out)) {
        static const QString suffixChars = QStringLiteral("区县市镇乡");
        if (suffixChars.contains(m.name.at(0)) || suffixChars.contains(m.name.at(1)))
            continue;
        if (verbs.contains(m.name.left(2)))
            continue;
        const bool inTitle = titleEnd < 0 || m.start < titleEnd;
        const bool atClauseStart = m.start == 0 || QStringLiteral(",,。:: \n、;;”").contains(s.at(m.start - 1));
        if (seenCount.value(m.name) >= 2 || inTitle || atClauseStart || startsWithAny(QStringView(s).mid(m.end), {u"委", u"政府", u"人民政府", u"党委", u"党工委", u"管委会", u"商务局",
                                                             u"招商局", u"投促局", u"、", u"和", u"与", u"及"})
            || (m.start > 0 && QStringLiteral("、和与及").contains(s.at(m.start - 1))))
            trusted.append(m);
    }
    out = trusted;
    // Groups: 肇庆新区、鼎湖区 are named together.
    int group = 0;
    for (int k = 0; k < out.size(); ++k) {
        if (k > 0) {
            const qsizetype gapFrom = out[k - 1].end, gapTo = out[k].start;
            const QString gap = s.mid(gapFrom, gapTo - gapFrom);
            if (!(gap == QStringLiteral("、") || gap == QStringLiteral("和") || gap == QStringLiteral("与")
                  || gap == QStringLiteral("及")))
                ++group;
        }
        out[k].group = group;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Numbers and metrics

enum class UnitClass { Count, Money, Percent };

struct NumberMention
{
    qsizetype start = 0; // of the number (after any qualifier word)
    qsizetype end = 0;   // after unit and trailing qualifier
    qsizetype qualStart = 0;
    double value = 0;
    QString unit;
    UnitClass cls = UnitClass::Count;
    QString preQual, postQual;
    bool threshold = false; // 10亿元以上 (项目): a size class, not a figure
    bool skip = false;
    double valueMax = 0;
    bool range = false;
};

QList<NumberMention> findNumbers(const QString &s)
{
    static const RE number(QStringLiteral(
        "(接近|将近|大约|近|约|超过|超|逾|突破|不低于|不少于|至少|不足|不到|高达)?"
        "(?<![\\d.])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)"
        "(余|多)?"
        "(亿元|万元|亿美元|万美元|亿|元|家\\(次\\)|家次|家|个次|个|批次|批|场次|场|次|项|宗|%|成)"
        "(以上|左右|多|余)?"));
    QList<NumberMention> out;
    // 完成年度目标过半: half of the annual task.
    static const RE half(QStringLiteral("(过半|一半|半数)"));
    auto hit = half.globalMatch(s);
    while (s.contains(u'半') && hit.hasNext()) {
        const auto m = hit.next();
        NumberMention n;
        n.qualStart = n.start = m.capturedStart();
        n.end = m.capturedEnd();
        n.value = 50;
        n.unit = QStringLiteral("%");
        n.cls = UnitClass::Percent;
        if (m.captured(1) == QStringLiteral("过半"))
            n.preQual = QStringLiteral("超");
        out.append(n);
    }
    static const CharSet unitChars(QStringLiteral("亿万元个家批场次项宗%成"));
    static const CharSet extend(QStringLiteral(".,零〇一二两三四五六七八九十百千近约超逾突破不低少于至足到高达接将大"));
    for (const auto &[ws, we] : windowsAround(s, unitChars, 22, 4, extend)) {
    auto it = number.globalMatch(QStringView(s).mid(ws, we - ws));
    while (it.hasNext()) {
        const auto m = it.next();
        NumberMention n;
        n.qualStart = ws + m.capturedStart();
        n.start = ws + m.capturedStart(2);
        n.end = ws + m.capturedEnd();
        n.preQual = m.captured(1);
        n.postQual = m.captured(3) + m.captured(5);
        n.unit = m.captured(4);
        const QString num = m.captured(2);
        const auto v = parseChineseNumber(num);
        if (!v)
            continue;
        n.value = *v;
        const bool chinese = !num.at(0).isDigit();
        // 一批, 一个, 第一次, 三个一批: words, not figures.
        if (chinese && (num == QStringLiteral("一") || (n.start > 0 && s.at(n.start - 1) == u'第')))
            continue;
        if (n.start > 0 && (s.at(n.start - 1) == u'第' || s.at(n.start - 1) == u'+'
                            || (s.at(n.start - 1).isLetter() && !isHanChar(s.at(n.start - 1)))))
            continue;
        if (n.end < s.size() && (s.at(n.end) == u'+' || s.at(n.end) == u'强'))
            continue;
        if (n.unit == QStringLiteral("亿元") || n.unit == QStringLiteral("亿")) {
            n.cls = UnitClass::Money;
        } else if (n.unit == QStringLiteral("万元")) {
            n.cls = UnitClass::Money;
            n.value /= 1e4;
        } else if (n.unit == QStringLiteral("%")) {
            n.cls = UnitClass::Percent;
        } else if (n.unit == QStringLiteral("成")) {
            n.cls = UnitClass::Percent;
            n.value *= 10;
        } else if (n.unit.contains(QStringLiteral("美元")) || n.unit == QStringLiteral("元")) {
            n.skip = true; // not in 亿元, or a single amount in yuan
        }
        out.append(n);
    }
    }
    std::sort(out.begin(), out.end(), [](const NumberMention &a, const NumberMention &b) { return a.start < b.start; });
    // Ranges: 7亿元到10亿元, 7-10亿元.
    for (int k = 0; k + 1 < out.size(); ++k) {
        NumberMention &a = out[k];
        const NumberMention &b = out[k + 1];
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

/// An alternation of keywords, some with regex parts (赴.{0,12}招商). Plain words are found with
/// QString::contains; the regex runs only when one of its literal heads is present.
class Keywords
{
public:
    explicit Keywords(const QString &alternation)
        : m_re(alternation)
    {
        static const QString meta = QStringLiteral(".([{?*+^$\\");
        int depth = 0;
        QString current;
        QStringList parts;
        for (QChar c : alternation) {
            if (c == u'(')
                ++depth;
            else if (c == u')')
                --depth;
            if (c == u'|' && depth == 0) {
                parts << current;
                current.clear();
            } else {
                current += c;
            }
        }
        parts << current;
        for (const QString &part : std::as_const(parts)) {
            qsizetype i = 0;
            while (i < part.size() && !meta.contains(part.at(i)))
                ++i;
            if (i == part.size()) {
                m_words << part;
            } else {
                m_needsRegex = true;
                if (i == 0)
                    m_alwaysRegex = true;
                else
                    m_heads << part.left(i);
            }
        }
    }
    bool in(const QString &s) const
    {
        for (const QString &w : m_words) {
            if (s.contains(w))
                return true;
        }
        if (!m_needsRegex)
            return false;
        bool head = m_alwaysRegex;
        for (const QString &h : m_heads)
            head = head || s.contains(h);
        return head && m_re.match(s).hasMatch();
    }

private:
    RE m_re;
    QStringList m_words, m_heads;
    bool m_needsRegex = false;
    bool m_alwaysRegex = false;
};

bool containsAny(const QString &s, const Keywords &k)
{
    return k.in(s);
}

struct MetricRule
{
    const char *metric;
    UnitClass cls;
    RE before;   // must match the text before the figure (from the last boundary)
    RE after;    // or this must match right after it (empty: not used)
};


const QString &clauseDelims()
{
    static const QString d = QStringLiteral(",,;;::。!?!?\n|()()《》");
    return d;
}

/// Which metric a figure is, from the words before it (back to the previous figure or the clause
/// start) and the words right after it. Empty when the figure is none of the metrics.
QString metricFor(const NumberMention &n, const QString &before, const QString &after, const QString &sentenceBefore,
                  const QString &clauseBefore, const QString &previousProjectMetric, bool clauseHasLargeThreshold)
{
    static const Keywords leader(QStringLiteral("主要领导|一把手|党政.{0,4}领导|主要负责|书记|[区县市镇]长|领导干部"));
    static const Keywords outbound(QStringLiteral("外出|赴.{0,12}(招商|考察|拜访)|出访|带队.{0,12}招商|招商次数|走出去"));
    static const Keywords inbound(QStringLiteral("客商|来访|来.{0,8}(考察|洽谈|参观)|接待|到访"));
    static const Keywords visit(QStringLiteral("考察|拜访|走访|拜会|对接|洽谈|联系|上门|走进"));
    static const Keywords company(QStringLiteral("企业|公司|客商|商会|厂商"));
    static const Keywords event(QStringLiteral("推介会|推介活动|招商活动|招商会|签约仪式|签约活动|经贸活动|招商引资活动|恳谈会|洽谈会|博览会|活动"));
    static const Keywords project(QStringLiteral("项目"));
    static const Keywords blockers(QStringLiteral("纳入|占比|占据|其中.{0,4}(制造业|外资|工业)"));
    static const Keywords completion(QStringLiteral("完成.{0,8}(全年|年度|年).{0,6}(任务|目标|计划)|(任务|目标|计划).{0,4}完成"));

    const QString head = after.left(12);
    const QString region = before;
    if (containsAny(clauseBefore, blockers))
        return QString();

    if (n.cls == UnitClass::Percent) {
        if (containsAny(region, completion) || containsAny(sentenceBefore.right(24), completion))
            return QStringLiteral("annual_completion_pct");
        return QString();
    }

    if (n.cls == UnitClass::Count) {
        const QString &u = n.unit;
        const bool timesUnit = u == QStringLiteral("次") || u == QStringLiteral("批") || u == QStringLiteral("批次");
        const bool firmUnit = u.startsWith(QStringLiteral("家"));
        const bool projectUnit = u == QStringLiteral("个") || u == QStringLiteral("项") || u == QStringLiteral("宗");
        const bool eventUnit = u.startsWith(QStringLiteral("场")) || u == QStringLiteral("次");

        if ((timesUnit || firmUnit) && containsAny(region, leader) && containsAny(region, outbound))
            return QStringLiteral("leader_outbound_trips");
        if (timesUnit && containsAny(region, inbound))
            return QStringLiteral("inbound_visits");
        if (timesUnit && containsAny(region, outbound) && !containsAny(head, event))
            return QStringLiteral("outbound_trips");
        if (firmUnit && (containsAny(region, visit) || containsAny(head, visit))
            && (containsAny(region, company) || containsAny(head, company)))
            return QStringLiteral("companies_visited");
        if (eventUnit && (containsAny(head, event) || (containsAny(region, event) && !containsAny(region, visit))))
            return QStringLiteral("promotion_events");
        if (!projectUnit)
            return QString();

        // Project counts: the head noun must be 项目 (before the figure or right after its unit).
        const qsizetype projectAt = head.indexOf(QStringLiteral("项目"));
        bool headIsProject = projectAt >= 0 && projectAt <= 10;
        for (qsizetype i = 0; headIsProject && i < projectAt; ++i)
            headIsProject = !QStringLiteral(",;。、").contains(head.at(i));
        if (!containsAny(region, project) && !headIsProject)
            return QString();
        struct StageWord { QStringList words; QLatin1String metric; };
        static const QList<StageWord> words = {
            {{QStringLiteral("增资扩产"), QStringLiteral("增资"), QStringLiteral("扩产")}, QLatin1String("capital_increase_projects")},
            {{QStringLiteral("洽谈"), QStringLiteral("在谈"), QStringLiteral("入库"), QStringLiteral("谈判")}, QLatin1String("negotiating_projects")},
            {{QStringLiteral("签约"), QStringLiteral("签订"), QStringLiteral("签署")}, QLatin1String("signed_projects")},
            {{QStringLiteral("注册")}, QLatin1String("registered_projects")},
            {{QStringLiteral("开工"), QStringLiteral("动工")}, QLatin1String("started_projects")},
            {{QStringLiteral("投产"), QStringLiteral("竣工")}, QLatin1String("operating_projects")},
            {{QStringLiteral("引进"), QStringLiteral("引入"), QStringLiteral("落地"), QStringLiteral("落户"), QStringLiteral("招引")},
             QLatin1String("introduced_projects")},
        };
        // The words right after the unit name the projects (9个增资扩产项目, 21个项目成功签约).
        if (headIsProject || head.startsWith(QStringLiteral("项目"))) {
            const QString phrase = head.left(head.indexOf(QStringLiteral("项目")) + 2 + 4);
            for (const StageWord &w : words) {
                for (const QString &word : w.words) {
                    if (phrase.contains(word))
                        return w.metric;
                }
            }
        }
        if (clauseHasLargeThreshold)
            return QStringLiteral("large_projects");
        // Otherwise the stage word nearest before the figure.
        qsizetype bestPos = -1;
        QString best;
        for (const StageWord &w : words) {
            for (const QString &word : w.words) {
                const qsizetype at = region.lastIndexOf(word);
                if (at > bestPos) {
                    bestPos = at;
                    best = w.metric;
                }
            }
        }
        return best;
    }

    // Money.
    if (n.skip)
        return QString();
    static const Keywords tax(QStringLiteral("税"));
    static const Keywords output(QStringLiteral("年产值|达产|预计.{0,4}产值|营收|营业收入|销售收入|年销售"));
    static const Keywords funds(QStringLiteral("到位资金|资金到位|实际到位|实际利用|到位|资金完成|利用.{0,4}资金"));
    static const Keywords signedMoney(QStringLiteral("签约额|签约金额|签约投资|协议投资|签约.{0,8}(总额|投资)"));
    static const Keywords startedMoney(QStringLiteral("开工.{0,8}(总额|投资)"));
    static const Keywords generic(QStringLiteral("总投资|投资额|投资总额|合同投资|计划投资|合同金额|总额"));
    if (containsAny(region, tax))
        return QStringLiteral("expected_tax");
    if (containsAny(region, output))
        return QStringLiteral("expected_output");
    if (containsAny(region, funds))
        return QStringLiteral("funds_in_place");
    if (containsAny(region, signedMoney))
        return QStringLiteral("signed_investment");
    if (containsAny(region, startedMoney))
        return QStringLiteral("started_investment");
    if (containsAny(region, generic)) {
        // 新签约项目12个,总投资26.24亿元: the amount belongs to the projects just counted.
        if (previousProjectMetric == QLatin1String("signed_projects"))
            return QStringLiteral("signed_investment");
        if (previousProjectMetric == QLatin1String("started_projects"))
            return QStringLiteral("started_investment");
    }
    return QString();
}

QString qualifierFor(const NumberMention &n, bool target, const QString &region)
{
    const QString &p = n.preQual;
    if (n.range)
        return QStringLiteral("range");
    if (p == QStringLiteral("不低于") || p == QStringLiteral("不少于") || p == QStringLiteral("至少"))
        return QStringLiteral("at_least");
    if (p == QStringLiteral("不足") || p == QStringLiteral("不到"))
        return QStringLiteral("under");
    if (p == QStringLiteral("近") || p == QStringLiteral("约") || p == QStringLiteral("接近") || p == QStringLiteral("将近")
        || p == QStringLiteral("大约") || n.postQual.contains(QStringLiteral("左右")))
        return QStringLiteral("approx");
    if (p == QStringLiteral("超") || p == QStringLiteral("超过") || p == QStringLiteral("逾") || p == QStringLiteral("突破"))
        return QStringLiteral("over");
    if (n.postQual.contains(QStringLiteral("以上")))
        return target ? QStringLiteral("at_least") : QStringLiteral("over");
    if (n.postQual.contains(QStringLiteral("余")) || n.postQual.contains(QStringLiteral("多")))
        return QStringLiteral("over");
    // 接近完成全年任务的50%: the qualifier stands before the verb.
    static const RE approxVerb(QStringLiteral("(接近|将近|近|约)(完成|达到|实现)"));
    static const RE overVerb(QStringLiteral("(超额|超)(完成|实现)"));
    if (n.cls == UnitClass::Percent) {
        if (approxVerb.match(region).hasMatch())
            return QStringLiteral("approx");
        if (overVerb.match(region).hasMatch())
            return QStringLiteral("over");
    }
    return QStringLiteral("exact");
}

// ---------------------------------------------------------------------------------------------

struct Context
{
    std::optional<Period> period;        // carried from earlier sentences
    std::optional<Period> sectionPeriod; // named by the section's heading
    bool targetSection = false;
};

bool isHeading(const QString &line)
{
    const QString t = line.trimmed();
    if (t.isEmpty() || t.size() > 32)
        return false;
    if (t.startsWith(u'●') || t.startsWith(u'◆') || t.startsWith(u'■') || t.startsWith(u'★'))
        return false;
    static const QString punct = QStringLiteral("。!?;,:");
    for (QChar c : t) {
        if (punct.contains(c))
            return false;
    }
    return true;
}

QDate findPublished(const QString &text)
{
    static const RE dateLine(QStringLiteral("(20\\d\\d)\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})\\s*日?"));
    // The date line sits near the top (under the title), or at the very end of a bulletin.
    const QStringList lines = text.left(600).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size() && i < 6; ++i) {
        const auto m = dateLine.match(lines.at(i));
        if (m.hasMatch()) {
            const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
            if (d.isValid())
                return d;
        }
    }
    return QDate();
}

int latestYear(const QString &text)
{
    static const RE year(QStringLiteral("(?<!\\d)(20\\d\\d)年"));
    int best = 0;
    const int limit = QDate::currentDate().year() + 1;
    auto it = year.globalMatch(text);
    while (it.hasNext()) {
        const int y = it.next().captured(1).toInt();
        if (y <= limit)
            best = std::max(best, y);
    }
    return best;
}

QString findSubject(const QString &clean, const QList<UnitMention> &units)
{
    const QString title = clean.left(clean.indexOf(QLatin1Char('\n')) < 0 ? 200 : clean.indexOf(QLatin1Char('\n')));
    QHash<QString, int> counts;
    for (const UnitMention &u : units)
        counts[u.name]++;
    // A unit whose name stands in the title; else one whose name without the suffix does (增城 for
    // 增城区), the one named most often among those.
    auto rank = [&counts](const QString &name) {
        const bool plain = (name.endsWith(u'区') && !name.endsWith(QStringLiteral("新区")) && !name.endsWith(QStringLiteral("开发区")))
            || name.endsWith(u'县') || name.endsWith(u'市');
        return counts.value(name) * 2 + (plain ? 1 : 0);
    };
    QString best;
    for (int pass = 0; pass < 2 && best.isEmpty(); ++pass) {
        qsizetype bestPos = title.size() + 1;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            const qsizetype pos = title.indexOf(pass == 0 ? it.key() : it.key().left(2));
            if (pos >= 0 && (pos < bestPos || (pos == bestPos && rank(it.key()) > rank(best)))) {
                bestPos = pos;
                best = it.key();
            }
        }
    }
    if (!best.isEmpty())
        return best;
    // Else the unit named most often, the earliest among equals.
    int most = 0;
    for (const UnitMention &u : units) {
        if (counts.value(u.name) > most) {
            most = counts.value(u.name);
            best = u.name;
        }
    }
    return best;
}

bool isCompanySentence(const QString &sentence)
{
    static const Keywords companyCue(QStringLiteral("该公司|该企业|公司的|企业的|董事长|总经理|项目建成后|建成后|达产后|一期项目|二期项目|项目一期|项目二期|年产\\d"));
    static const Keywords areaCue(QStringLiteral("全区|全市|全县|全镇|该区|该市|该县|累计|共计|各地|两区"));
    return companyCue.in(sentence) && !areaCue.in(sentence);
}

/// Where the target cues of a sentence end (目标是, 力争, 不低于 ...), achievements (完成全年目标) left out.
QList<qsizetype> targetCueEnds(const QString &before)
{
    QList<qsizetype> ends;
    static const QStringList cues = {QStringLiteral("总目标"), QStringLiteral("目标是"), QStringLiteral("目标任务"),
                                     QStringLiteral("任务是"), QStringLiteral("任务目标"), QStringLiteral("力争"),
                                     QStringLiteral("确保"), QStringLiteral("争取"), QStringLiteral("计划"),
                                     QStringLiteral("不低于"), QStringLiteral("不少于"), QStringLiteral("预期"),
                                     QStringLiteral("目标:")};
    static const QStringList achieved = {QStringLiteral("完成"), QStringLiteral("超额"), QStringLiteral("实现"),
                                         QStringLiteral("达到"), QStringLiteral("达成")};
    for (const QString &cue : cues) {
        for (qsizetype at = before.indexOf(cue); at >= 0; at = before.indexOf(cue, at + 1)) {
            // 计划总投资 is the planned investment of a project, not a plan for the year.
            if (cue == QStringView(u"计划")) {
                const QStringView next = QStringView(before).mid(at + 2);
                if (next.startsWith(u"投资") || next.startsWith(u"总投资"))
                    continue;
            }
            // 完成全年目标任务 reports an achievement.
            const qsizetype from = std::max<qsizetype>(0, at - 6);
            const QStringView lead = QStringView(before).mid(from, at - from);
            bool done = false;
            for (const QString &a : achieved)
                done = done || lead.contains(a);
            if (!done)
                ends.append(at + cue.size());
        }
    }
    return ends;
}



/// Named projects and companies that the text says reached a stage: 迈富时数字科技华中总部项目成功落户东湖区;
/// 广西麦科斯新材料科技有限公司 ... 去年5月签约,9月开工建设.
QList<ProjectMention> findProjectMentions(const ReportText &report, const QList<UnitMention> &units,
                                          const QString &subject, int refYear)
{
    const QString &s = report.clean();
    static const QStringList heads = {QStringLiteral("股份有限公司"), QStringLiteral("有限公司"), QStringLiteral("项目")};
    static const CharSet boundary(QStringLiteral(",。、;:!?“”\"《》\n|●■"));
    static const QStringList stopWords = {QStringLiteral("的"), QStringLiteral("与"), QStringLiteral("和"), QStringLiteral("及"),
                                          QStringLiteral("等"), QStringLiteral("在"), QStringLiteral("是"), QStringLiteral("将"),
                                          QStringLiteral("把"), QStringLiteral("由"), QStringLiteral("对"), QStringLiteral("向"),
                                          QStringLiteral("推动"), QStringLiteral("引进"), QStringLiteral("签约"), QStringLiteral("落户"),
                                          QStringLiteral("包括"), QStringLiteral("涉及"), QStringLiteral("围绕"), QStringLiteral("位于"),
                                          QStringLiteral("以"), QStringLiteral("为"), QStringLiteral("了"), QStringLiteral("其中")};
    static const QStringList generic = {QStringLiteral("重点"), QStringLiteral("重大"), QStringLiteral("产业"), QStringLiteral("签约"),
                                        QStringLiteral("招商"), QStringLiteral("制造业"), QStringLiteral("优质"), QStringLiteral("一批"),
                                        QStringLiteral("新"), QStringLiteral("该"), QStringLiteral("此次"), QStringLiteral("相关"),
                                        QStringLiteral("链"), QStringLiteral("储备"), QStringLiteral("在谈"), QStringLiteral("增资扩产"),
                                        QStringLiteral("标杆"), QStringLiteral("示范"), QStringLiteral("配套")};
    static const QStringList verbsInside = {QStringLiteral("招商引资"), QStringLiteral("推动"), QStringLiteral("开展"),
                                            QStringLiteral("保障"), QStringLiteral("举行"), QStringLiteral("直接投资"),
                                            QStringLiteral("加快"), QStringLiteral("切实"), QStringLiteral("机构"),
                                            QStringLiteral("洽谈"), QStringLiteral("年内"), QStringLiteral("的"),
                                            QStringLiteral("实施"), QStringLiteral("服务"), QStringLiteral("引导")};
    struct StageVerb { const char16_t *word; Stage stage; };
    static const StageVerb verbs[] = {{u"投产", Stage::Operating}, {u"竣工", Stage::Operating}, {u"开工", Stage::Started},
                                      {u"动工", Stage::Started},   {u"落户", Stage::Registered}, {u"落地", Stage::Registered},
                                      {u"注册", Stage::Registered}, {u"签约", Stage::Signed},    {u"签订", Stage::Signed},
                                      {u"洽谈", Stage::Negotiating}, {u"在谈", Stage::Negotiating}};
    static const RE datedVerb(QStringLiteral("(?:(20\\d\\d)年|(今|去)年)?(\\d{1,2})月(?:份|底|初|中旬)?,?(签约|开工|投产|落户|注册)"));
    static const RE investBefore(QStringLiteral("投资(\\d+(?:\\.\\d+)?)(亿|万)元的$"));
    static const RE investAfter(QStringLiteral("^[^。;]{0,24}?总投资(?:额)?(?:约|达|超)?(\\d+(?:\\.\\d+)?)(亿|万)元"));

    // Every name first, in text order, so that the steps read for one stop where the next name begins.
    struct Candidate { qsizetype from, at; QString head; };
    QList<Candidate> candidates;
    for (const QString &head : heads) {
        for (qsizetype at = s.indexOf(head); at >= 0; at = s.indexOf(head, at + head.size())) {
            if (head == QStringLiteral("项目") || !std::any_of(candidates.cbegin(), candidates.cend(),
                                                             [at](const Candidate &c) { return c.at <= at && at < c.at + 6; }))
                candidates.append({0, at, head});
        }
    }
    // 股份有限公司 also contains 有限公司: keep the longer head.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) { return a.at < b.at; });
    for (int i = 0; i + 1 < candidates.size(); ++i) {
        if (candidates[i + 1].at > candidates[i].at && candidates[i + 1].at < candidates[i].at + candidates[i].head.size())
            candidates.removeAt(i + 1);
    }

    auto nameAt = [&](qsizetype at, const QString &head, qsizetype *fromOut) {
        qsizetype from = at;
        while (from > 0 && at - from < 24 && !boundary.contains(s.at(from - 1)) && !s.at(from - 1).isSpace())
            --from;
        QString name = s.mid(from, at + head.size() - from);
        for (const QString &w : stopWords) {
            const qsizetype k = name.lastIndexOf(w);
            if (k >= 0 && k + w.size() < name.size() - head.size())
                name = name.mid(k + w.size());
        }
        *fromOut = at + head.size() - name.size();
        return name;
    };
    QStringList candidateNames;
    QList<qsizetype> candidateFrom;
    for (const Candidate &c : std::as_const(candidates)) {
        qsizetype f = 0;
        candidateNames << nameAt(c.at, c.head, &f);
        candidateFrom << f;
    }

    QList<ProjectMention> out;
    QSet<QString> names;
    for (int ci = 0; ci < candidates.size(); ++ci) {
        const qsizetype at = candidates[ci].at;
        const QString &head = candidates[ci].head;
        qsizetype nextName = s.size();
        for (int cj = ci + 1; cj < candidates.size(); ++cj) {
            const bool realName = candidateNames.at(cj).size() - candidates.at(cj).head.size() >= 4;
            if (realName && candidateNames.at(cj) != candidateNames.at(ci)) {
                nextName = candidateFrom.at(cj);
                break;
            }
        }
        {
            qsizetype from = candidateFrom.at(ci);
            const QString name = candidateNames.at(ci);
            const QString core = name.left(name.size() - head.size());
            if (core.size() < 4 || names.contains(name) || core.at(0).isDigit() || core.at(0) == u'(')
                continue;
            bool verbal = false;
            for (const QString &v : verbsInside)
                verbal = verbal || core.contains(v);
            static const RE dateInside(QStringLiteral("\\d+[年月]"));
            if (verbal || dateInside.match(core).hasMatch())
                continue;
            bool isGeneric = false;
            for (const QString &g : generic)
                isGeneric = isGeneric || core == g || core.endsWith(g) || core.startsWith(g);
            if (isGeneric || core.contains(u'个'))
                continue;
            // The sentence and the paragraph the name stands in.
            qsizetype sentStart = at, sentEnd = at;
            while (sentStart > 0 && !QStringLiteral("。!?\n").contains(s.at(sentStart - 1)))
                --sentStart;
            while (sentEnd < s.size() && !QStringLiteral("。!?\n").contains(s.at(sentEnd)))
                ++sentEnd;
            qsizetype paraEnd = s.indexOf(QLatin1Char('\n'), at);
            if (paraEnd < 0)
                paraEnd = s.size();
            const QString after = s.mid(at + head.size(), sentEnd - at - head.size());
            ProjectMention pm;
            pm.name = name;
            Stage stage = Stage::Lead;
            bool staged = false;
            // The verb of the clause the name stands in (… 等一批优质项目落地 covers a list of names).
            qsizetype clauseEnd = after.size();
            for (qsizetype k = 0; k < after.size(); ++k) {
                if (after.at(k) == u',' || after.at(k) == u';') {
                    clauseEnd = k;
                    break;
                }
            }
            const QString clause = after.left(clauseEnd);
            for (const StageVerb &v : verbs) {
                const qsizetype k = clause.indexOf(QStringView(v.word));
                if (k >= 0 && k < 40 && !clause.left(k).contains(QStringLiteral("预计"))) {
                    stage = v.stage;
                    staged = true;
                    break;
                }
            }
            // Dated steps in the rest of the paragraph: 去年5月签约,9月开工.
            const qsizetype restEnd = std::max(sentEnd, std::min({paraEnd + 400, s.size(), nextName}));
            const QString rest = s.mid(from, restEnd - from);
            int year = 0;
            auto it = datedVerb.globalMatch(rest);
            while (it.hasNext()) {
                const auto m = it.next();
                const QString lead = rest.mid(std::max<qsizetype>(0, m.capturedStart() - 4), 4);
                if (lead.contains(QStringLiteral("预计")) || lead.contains(QStringLiteral("计划")))
                    continue;
                if (!m.captured(1).isEmpty())
                    year = m.captured(1).toInt();
                else if (m.captured(2) == QStringLiteral("去"))
                    year = refYear - 1;
                else if (m.captured(2) == QStringLiteral("今") || !year)
                    year = year ? year : refYear;
                const QDate d(year, m.captured(3).toInt(), 1);
                if (!d.isValid())
                    continue;
                const QString verb = m.captured(4);
                Stage st = verb == QStringLiteral("签约") ? Stage::Signed
                         : verb == QStringLiteral("开工") ? Stage::Started
                         : verb == QStringLiteral("投产") ? Stage::Operating
                                                            : Stage::Registered;
                if (st == Stage::Signed)
                    pm.signedOn = d;
                if (st == Stage::Started)
                    pm.startedOn = d;
                if (!staged || int(st) > int(stage)) {
                    stage = st;
                    staged = true;
                }
            }
            const auto ib = investBefore.match(QStringView(s).mid(std::max<qsizetype>(0, from - 12), from - std::max<qsizetype>(0, from - 12)));
            const auto ia = investAfter.match(after);
            const auto &im = ib.hasMatch() ? ib : ia;
            if (im.hasMatch())
                pm.investmentYi = im.captured(1).toDouble() / (im.captured(2) == QStringLiteral("万") ? 1e4 : 1);
            if (!staged && !im.hasMatch())
                continue;
            pm.stageCode = Names::stageCode(staged ? stage : Stage::Lead);
            // The unit: named after the verb (落户东湖区), else before the name in the paragraph, else the subject.
            for (const UnitMention &u : units) {
                if (u.start >= at && u.end <= sentEnd) {
                    pm.district = u.name;
                    break;
                }
            }
            if (pm.district.isEmpty()) {
                for (const UnitMention &u : units) {
                    if (u.end <= from && u.start >= sentStart - 200)
                        pm.district = u.name;
                }
            }
            if (pm.district.isEmpty())
                pm.district = subject;
            pm.evidenceStart = report.originalCodePoint(sentStart);
            pm.evidenceEnd = report.originalCodePoint(sentEnd);
            pm.evidenceText = report.original().mid(report.originalOffset(sentStart),
                                                    report.originalOffset(sentEnd) - report.originalOffset(sentStart)).trimmed();
            names.insert(name);
            out.append(pm);
        }
    }
    return out;
}

} // namespace

QList<QPair<QString, QString>> ReportExtractor::metrics()
{
    QList<QPair<QString, QString>> out;
    QFile f(QStringLiteral(":/metrics.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cols = lines.at(i).split(QLatin1Char('\t'));
        if (cols.size() >= 2 && !cols.at(0).isEmpty())
            out.append({cols.at(0), cols.at(1)});
    }
    return out;
}

Extraction ReportExtractor::extractFile(const QString &path) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Extraction e;
        e.status = Status::error(tr("%1 cannot be read: %2").arg(path, f.errorString()));
        return e;
    }
    if (f.size() > TextDecoder::MaxBytes) {
        Extraction e;
        e.status = Status::error(tr("%1 is %2 MB; reports larger than %3 MB are not read.")
                                     .arg(path).arg(f.size() / (1024 * 1024)).arg(TextDecoder::MaxBytes / (1024 * 1024)));
        return e;
    }
    Extraction e = extractBytes(f.readAll());
    if (!e.status)
        e.status = Status::error(QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), e.status.message()));
    return e;
}

Extraction ReportExtractor::extractBytes(const QByteArray &bytes) const
{
    const TextDecoder::Result decoded = TextDecoder::decode(bytes);
    if (!decoded.status) {
        Extraction e;
        e.status = decoded.status;
        return e;
    }
    Extraction e = extract(decoded.text);
    e.encoding = decoded.encoding;
    return e;
}

Extraction ReportExtractor::extract(const QString &text) const
{
    Extraction result;
    const ReportText report(text);
    const QString &s = report.clean();
    result.traditional = report.wasTraditional();
    result.published = findPublished(s);
    result.referenceYear = result.published.isValid() ? result.published.year() : latestYear(s);
    if (!result.referenceYear)
        result.referenceYear = QDate::currentDate().year();
    const int refYear = result.referenceYear;

    const QList<UnitMention> units = findUnits(s);
    result.subject = findSubject(s, units);
    const QString subjectStem = result.subject.left(2);

    // Periods and figures are found once over the whole text; each sentence takes its own.
    const QList<Period> allPeriods = findPeriods(s, refYear);
    const QList<NumberMention> allNumbers = findNumbers(s);
    int periodCursor = 0, numberCursor = 0;

    QSet<QString> seen;
    Context ctx;
    qsizetype lineStart = 0;
    int unitCursor = 0;
    while (lineStart < s.size()) {
        qsizetype lineEnd = s.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0)
            lineEnd = s.size();
        const QString line = s.mid(lineStart, lineEnd - lineStart);
        const bool heading = isHeading(line);
        // A paragraph starts from the period its section heading named, unless it goes on from
        // the paragraph before (此次, 其中, 上述 ...).
        const QString trimmedLine = line.trimmed();
        if (!trimmedLine.isEmpty()
            && !startsWithAny(trimmedLine, {u"此次", u"其中", u"这些", u"上述", u"该批", u"同时", u"此外", u"另外", u"与此同时"}))
            ctx.period = ctx.sectionPeriod;
        if (heading) {
            ctx.period.reset();
            static const Keywords targetHeading(QStringLiteral("年.{0,10}(目标|任务)|总目标|总任务|主要目标|主要任务"));
            ctx.targetSection = targetHeading.in(line) && !line.contains(QStringLiteral("完成"));
        }
        // The unit a paragraph is about: the last one named so far in it.
        QString paragraphUnit;
        int paragraphGroupFirst = -1;
        bool targetCarry = false; // a target cue holds until the sentence ends with 。!?

        // Sentences.
        static const QString enders = QStringLiteral("。!?!?;;");
        qsizetype sentStart = 0;
        for (qsizetype i = 0; i <= line.size(); ++i) {
            if (i < line.size() && !enders.contains(line.at(i)))
                continue;
            const qsizetype sentEnd = qMin(i + 1, line.size());
            const QString sentence = line.mid(sentStart, sentEnd - sentStart);
            const qsizetype absStart = lineStart + sentStart;
            QList<Period> periods;
            QList<NumberMention> numbers;
            const qsizetype absEnd = absStart + sentence.size();
            while (periodCursor < allPeriods.size() && allPeriods[periodCursor].start < absStart)
                ++periodCursor;
            for (int k = periodCursor; k < allPeriods.size() && allPeriods[k].start < absEnd; ++k) {
                if (allPeriods[k].end > absEnd)
                    continue;
                Period p = allPeriods[k];
                p.start -= absStart;
                p.end -= absStart;
                periods.append(p);
            }
            while (numberCursor < allNumbers.size() && allNumbers[numberCursor].qualStart < absStart)
                ++numberCursor;
            for (int k = numberCursor; k < allNumbers.size() && allNumbers[k].qualStart < absEnd; ++k) {
                if (allNumbers[k].end > absEnd)
                    continue;
                NumberMention n = allNumbers[k];
                n.start -= absStart;
                n.end -= absStart;
                n.qualStart -= absStart;
                numbers.append(n);
            }

            // Units named in this sentence, in order.
            QList<UnitMention> here;
            while (unitCursor < units.size() && units[unitCursor].start < absStart)
                ++unitCursor;
            for (int k = unitCursor; k < units.size() && units[k].start < absStart + sentence.size(); ++k) {
                UnitMention m = units[k];
                m.start -= absStart;
                m.end -= absStart;
                here.append(m);
            }
            // The subject's bare name (增城 for 增城区) counts as naming it.
            if (!subjectStem.isEmpty() && !result.subject.isEmpty()) {
                qsizetype p = sentence.indexOf(subjectStem);
                while (p >= 0) {
                    bool covered = false;
                    for (const UnitMention &m : std::as_const(here))
                        covered = covered || (p >= m.start && p < m.end);
                    if (!covered)
                        here.append(UnitMention{p, p + subjectStem.size(), result.subject, -1});
                    p = sentence.indexOf(subjectStem, p + 1);
                }
                std::sort(here.begin(), here.end(), [](const UnitMention &a, const UnitMention &b) { return a.start < b.start; });
            }

            // Sentences without figures only carry periods and units forward.
            const bool companySentence = !numbers.isEmpty() && isCompanySentence(sentence);
            const QList<qsizetype> cueEnds = numbers.isEmpty() && !sentence.endsWith(u';') ? QList<qsizetype>()
                                                                                              : targetCueEnds(sentence);
            QString previousProjectMetric;
            QString previousMetric;
            qsizetype boundary = 0;
            for (int k = 0; k < numbers.size(); ++k) {
                NumberMention &n = numbers[k];
                // Clause start: the last delimiter before the figure.
                qsizetype clauseStart = 0;
                for (qsizetype j = n.qualStart - 1; j >= 0; --j) {
                    if (clauseDelims().contains(sentence.at(j))) {
                        clauseStart = j + 1;
                        break;
                    }
                }
                const qsizetype from = std::max(clauseStart, boundary);
                const QString before = sentence.mid(from, n.qualStart - from);
                qsizetype clauseEnd = sentence.size();
                for (qsizetype j = n.end; j < sentence.size(); ++j) {
                    if (clauseDelims().contains(sentence.at(j))) {
                        clauseEnd = j;
                        break;
                    }
                }
                const QString after = sentence.mid(n.end, clauseEnd - n.end);
                boundary = n.end;

                // 10亿元以上(的)项目, 3000万元及以上增资扩产项目: a size class.
                const bool sizeWords = after.startsWith(QStringLiteral("以上")) || after.startsWith(QStringLiteral("及以上"))
                    || n.postQual == QStringLiteral("以上");
                const qsizetype projectWord = after.indexOf(QStringLiteral("项目"));
                if (n.cls == UnitClass::Money && sizeWords && projectWord >= 0 && projectWord <= 12) {
                    n.threshold = true;
                    // The next figure of the clause counts projects of that size.
                    if (n.value >= 10 && k + 1 < numbers.size())
                        numbers[k + 1].threshold = true;
                    continue;
                }
                // 投资10亿元的电动车制造项目: one project's amount.
                if (n.cls == UnitClass::Money && after.startsWith(u'的'))
                    continue;
                if (companySentence)
                    continue;

                const bool largeClass = n.threshold && n.cls == UnitClass::Count;
                const QString clauseBefore = sentence.mid(clauseStart, n.qualStart - clauseStart);
                QString metric = metricFor(n, before, after, sentence.left(n.qualStart), clauseBefore, previousProjectMetric, largeClass);
                if (metric.endsWith(QLatin1String("_projects")))
                    previousProjectMetric = metric;
                if (metric.isEmpty())
                    continue;

                // Target or actual.
                const QString sentenceBefore = sentence.left(n.start);
                bool target = metric != QLatin1String("annual_completion_pct")
                    && (ctx.targetSection || targetCarry
                        || std::any_of(cueEnds.cbegin(), cueEnds.cend(), [&](qsizetype e) { return e <= n.start; }));

                // Period: the last one before the figure in the sentence, else the first after it,
                // else the one carried from earlier sentences of the section.
                std::optional<Period> period;
                for (const Period &p : periods) {
                    if (p.end <= n.qualStart)
                        period = p;
                }
                if (period && period->kind == PeriodKind::YearOnly && ctx.period && ctx.period->kind != PeriodKind::YearOnly
                    && (period->year == ctx.period->year || period->year == refYear) && !ctx.period->year)
                    period = ctx.period;
                if (!period) {
                    for (const Period &p : periods) {
                        if (p.start >= n.end) {
                            period = p;
                            break;
                        }
                    }
                }
                if (!period)
                    period = ctx.period;

                Fact f;
                f.metric = metric;
                f.kind = target ? QStringLiteral("target") : QStringLiteral("actual");
                f.value = n.value;
                f.qualifier = qualifierFor(n, target, before);
                if (n.range) {
                    f.hasValueMax = true;
                    f.valueMax = n.valueMax;
                }
                int year = refYear;
                QString span;
                if (period) {
                    if (period->year)
                        year = period->year;
                    if (period->kind == PeriodKind::YearOnly)
                        span = (target || year < refYear) ? QStringLiteral("FY") : QStringLiteral("YTD");
                    else
                        span = spanOf(*period);
                    if (period->asOfMonth) {
                        const QDate d(year, period->asOfMonth, period->asOfDay);
                        if (d.isValid())
                            f.asOf = d;
                    }
                    if (target && (period->kind == PeriodKind::YTD || period->kind == PeriodKind::Months))
                        span = QStringLiteral("FY");
                } else {
                    span = target ? QStringLiteral("FY") : QStringLiteral("YTD");
                }
                f.year = year;
                f.span = span;

                // Unit: the last one named before the figure in this sentence, else the paragraph's,
                // else the report's subject. 两区 means the group named last.
                QString district;
                int groupFirst = -1;
                for (const UnitMention &m : std::as_const(here)) {
                    if (m.start < n.qualStart) {
                        district = m.name;
                        groupFirst = -1;
                        if (m.group >= 0) {
                            for (const UnitMention &g : units) {
                                if (g.group == m.group) {
                                    groupFirst = int(&g - units.constData());
                                    break;
                                }
                            }
                        }
                    }
                }
                if (district.isEmpty())
                    district = paragraphUnit;
                const QString lead = sentence.left(n.qualStart);
                if ((lead.contains(QStringLiteral("两区")) || lead.contains(QStringLiteral("两县"))
                     || lead.contains(QStringLiteral("两地")))) {
                    const int gf = groupFirst >= 0 ? groupFirst : paragraphGroupFirst;
                    if (gf >= 0)
                        district = units.at(gf).name;
                }
                if (district.isEmpty())
                    district = result.subject;
                if (district.isEmpty())
                    continue;
                f.district = district;
                // 其中 ... the same metric of the same unit again: a part of the figure before.
                const QString metricKey = metric + QLatin1Char('|') + district;
                if (clauseBefore.contains(QStringLiteral("其中")) && metricKey == previousMetric)
                    continue;
                previousMetric = metricKey;

                const qsizetype evStart = absStart;
                qsizetype evEnd = absStart + sentence.size();
                while (evEnd > evStart && s.at(evEnd - 1).isSpace())
                    --evEnd;
                f.evidenceStart = report.originalCodePoint(evStart);
                f.evidenceEnd = report.originalCodePoint(evEnd);
                f.evidenceText = text.mid(report.originalOffset(evStart),
                                          report.originalOffset(evEnd) - report.originalOffset(evStart)).trimmed();

                const QString key = f.district + QLatin1Char('|') + QString::number(f.year) + QLatin1Char('|') + f.span
                    + QLatin1Char('|') + f.metric + QLatin1Char('|') + f.kind + QLatin1Char('|')
                    + QString::number(qint64(std::llround(f.value * 10000)));
                if (seen.contains(key))
                    continue;
                seen.insert(key);
                result.facts.append(f);
            }

            // Carry the sentence's periods and units forward.
            for (const Period &p : periods) {
                if (p.kind == PeriodKind::YearOnly && ctx.period && ctx.period->kind != PeriodKind::YearOnly
                    && (p.year == refYear || p.year == ctx.period->year))
                    continue; // 取得了2023年招商引资开门红 does not undo the quarter just named
                ctx.period = p;
            }
            for (const UnitMention &m : std::as_const(here)) {
                paragraphUnit = m.name;
                paragraphGroupFirst = -1;
                if (m.group >= 0) {
                    for (int g = 0; g < units.size(); ++g) {
                        if (units.at(g).group == m.group) {
                            paragraphGroupFirst = g;
                            break;
                        }
                    }
                }
            }
            if (!cueEnds.isEmpty() && sentence.endsWith(u';'))
                targetCarry = true;
            else if (!sentence.endsWith(u';'))
                targetCarry = false;
            sentStart = sentEnd;
        }
        if (heading)
            ctx.sectionPeriod = ctx.period;
        lineStart = lineEnd + 1;
    }
    // A headline rounds what the body states exactly (总投资超百亿 over 128.5亿元): where the body has a
    // figure of the same unit, period and metric, the headline's is left out.
    const qsizetype firstLineEnd = s.indexOf(QLatin1Char('\n')) < 0 ? s.size() : s.indexOf(QLatin1Char('\n'));
    const qsizetype headlineEnd = report.originalCodePoint(firstLineEnd);
    auto key = [](const Fact &f) -> QString { return f.district + QLatin1Char('|') + QString::number(f.year) + f.span + f.metric + f.kind; };
    QSet<QString> bodyKeys;
    for (const Fact &f : std::as_const(result.facts)) {
        if (f.evidenceStart >= headlineEnd)
            bodyKeys.insert(key(f));
    }
    result.facts.removeIf([&](const Fact &f) { return f.evidenceStart < headlineEnd && bodyKeys.contains(key(f)); });
    result.projects = findProjectMentions(report, units, result.subject, refYear);
    return result;
}

} // namespace IPDesk
