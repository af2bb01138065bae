#include "reports/reportextractor.h"

#include "base/charset.h"
#include "base/chinesenumber.h"
#include "base/domain.h"
#include "reports/gazetteer.h"
#include "reports/phrasing.h"
#include "reports/reportdocument.h"
#include "reports/reportmentions.h"
#include "reports/reporttext.h"
#include "reports/textdecoder.h"

#include <QDebug>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>
#include <type_traits>

// Reading a report, in four stages, each testable on its own:
//   1. ReportText: the decoded text made clean (simplified, ASCII digits, web noise removed), offsets kept;
//   2. ReportDocument: date line, year, title, paragraphs and sentences;
//   3. Mentions: periods, figures and units (through the Gazetteer of real units);
//   4. here: facts, by the grammar of the genre whose words are data (Phrasing, cues.tsv).

namespace IPDesk {

namespace {

using RE = QRegularExpression;
using namespace Mentions;
using UnitMention = Mentions::Unit;

QString qualifierFor(const Number &n, bool target, QStringView region)
{
    const QString &p = n.preQual;
    if (n.range)
        return QStringLiteral("range");
    if (p == QStringLiteral("不低于") || p == QStringLiteral("不少于") || p == QStringLiteral("至少"))
        return QStringLiteral("at_least");
    if (p == QStringLiteral("不足") || p == QStringLiteral("不到") || p == QStringLiteral("低于") || p == QStringLiteral("少于"))
        return QStringLiteral("under");
    if (p == QStringLiteral("近") || p == QStringLiteral("约") || p == QStringLiteral("接近") || p == QStringLiteral("将近")
        || p == QStringLiteral("大约") || n.postQual.contains(QStringLiteral("左右")))
        return QStringLiteral("approx");
    // (力争…突破70个: a target's floor.)
    if (p == QStringLiteral("超") || p == QStringLiteral("超过") || p == QStringLiteral("过") || p == QStringLiteral("逾")
        || p == QStringLiteral("突破") || p == QStringLiteral("破") || p == QStringLiteral("高于"))
        return target ? QStringLiteral("at_least") : QStringLiteral("over");
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

// ---------------------------------------------------------------------------------------------
// The fourth stage: facts from the mentions of each sentence.

bool isDelim(QChar c, bool parentheses = true)
{
    static const CharSet delims(QStringLiteral(",;:。!?\n|()《》"));
    if (!parentheses && (c == u'(' || c == u')'))
        return false;
    return delims.contains(c);
}

/// Where the clause that holds position `at` starts (after the last delimiter before it).
qsizetype clauseStartBefore(const QString &s, qsizetype from, qsizetype at, bool parentheses)
{
    for (qsizetype j = at - 1; j >= from; --j) {
        if (!isDelim(s.at(j), parentheses))
            continue;
        // (其中:工业项目29个 is one clause with 其中, as 其中工业项目29个 is)
        if (j - 2 >= from && s.at(j - 1) == u'中' && s.at(j - 2) == u'其' && QStringView(u":：,，").contains(s.at(j)))
            return j - 2;
        return j + 1;
    }
    return from;
}

/// Where the sentence that holds `at` starts when semicolons do not end it (总目标是:…;全年确保…).
qsizetype fullSentenceStart(const QString &s, qsizetype paragraphStart, qsizetype at)
{
    // (no further back than a sentence can be long: ReportDocument cuts a longer run)
    const qsizetype limit = std::max(paragraphStart, at - 2 * ReportDocument::MaxSentence);
    for (qsizetype j = at - 1; j >= limit; --j) {
        if (QStringView(u"。!?").contains(s.at(j)))
            return j + 1;
    }
    return limit;
}

/// The words of one sentence that say whose its figures are and whether they are planned, found
/// once per sentence; each figure then asks by its place.
struct SentenceCues
{
    QList<qsizetype> targetEnds;    // target words (力争, 目标是) that are not achievements (完成全年目标)
    QList<qsizetype> companyStarts; // a company's name or plant (有限公司, 建成后, 年产5万吨)
    QList<qsizetype> areaStarts;    // words that come back to the district (全区, 累计)

    static SentenceCues read(const QString &s, qsizetype from, qsizetype to)
    {
        static const CueSet companyCue(QString::fromUtf16(
            u"有限公司 股份公司 集团 该公司 该企业 公司的 企业的 董事长 总经理 项目建成后 建成后 达产后 投产后 满产后 运营后 一期项目 二期项目 项目一期 项目二期 "
            u"该项目 公司负责人 企业负责人 公司营收 我们公司 我公司 本公司")
                                           .split(QLatin1Char(' ')));
        static const CueSet areaCue(QString::fromUtf16(u"全区 全市 全县 全镇 全旗 全州 全省 该区 该市 该县 累计 共计 各地 两区 合计 总计")
                                        .split(QLatin1Char(' ')));
        static const QRegularExpression capacity(QStringLiteral("年产(?:能)?\\d"));
        const Phrasing &ph = Phrasing::instance();
        const QStringView text = QStringView(s).mid(from, to - from);
        SentenceCues c;
        for (const CueSet::Hit &h : ph.target.all(text)) {
            const QStringView next = text.mid(h.end);
            const QStringView word = text.mid(h.start, h.length());
            // 计划总投资 is a project's planned investment, not a plan for the year.
            const bool plannedInvestment = word == u"计划" && (next.startsWith(u"投资") || next.startsWith(u"总投资"));
            const QStringView lead = text.mid(std::max<qsizetype>(0, h.start - 6), std::min<qsizetype>(6, h.start));
            if (!plannedInvestment && !ph.achieved.in(lead))
                c.targetEnds.append(from + h.end);
        }
        // 上述新签约项目全部达产后, 已投产项目达产后, 项目全部达产后: the projects a figure was counted of, together, are
        // the district's; 该项目达产后, 公司…项目建成后 are one company's.
        static const QRegularExpression manyProjects(QStringLiteral(
            "(?:(?:上述|这些|以上|所有|签约|开工|动工|开建|引进|招引|落地|落户|投产|竣工|\\d+个)[^,，。;；]{0,6}项目(?:全部|均|陆续|全面)?|项目(?:全部|均|全面))$"));
        for (const CueSet::Hit &h : companyCue.all(text)) {
            const QStringView word = text.mid(h.start, h.length());
            if (word.endsWith(u'后') && manyProjects.match(text.left(h.start)).hasMatch())
                continue;
            c.companyStarts.append(from + h.start);
        }
        // 企业负责人介绍,公司2024年实现营收12.6亿元: a clause that opens with 公司 or 企业 is of one.
        if (text.contains(u"公司") || text.contains(u"企业")) {
            static const QRegularExpression firmSubject(QStringLiteral("(?:^|[,，;；:：])(?:公司|企业)(?!家|数|总数|个数)"));
            for (auto it = firmSubject.globalMatch(text); it.hasNext();)
                c.companyStarts.append(from + it.next().capturedEnd());
        }
        if (text.contains(u"年产")) {
            for (auto it = capacity.globalMatch(text); it.hasNext();)
                c.companyStarts.append(from + it.next().capturedStart());
        }
        // 智能终端产业园项目总投资15亿元,预计年纳税8000万元: a project named by what it is, not a count
        // of projects by their stage (新签约项目总投资, 此次签约项目总投资, 亿元以上项目总投资).
        static const QRegularExpression namedProject(QStringLiteral(
            "(?:^|[,，;；:：])(\\p{Han}{4,20}?)项目(?:总投资|计划总投资|投资总额|总投资额)"));
        static const CueSet aggregate(QString::fromUtf16(
            u"签约 开工 动工 开建 引进 招引 落地 落户 投产 竣工 注册 入库 在谈 洽谈 上述 这些 以上 所有 重点 重大 各类 全部 其中 招商 此次 本次 该批 集中 全市 全区 全县 全镇 累计 共")
                                          .split(QLatin1Char(' ')));
        if (text.contains(u"总投资") || text.contains(u"投资总额")) {
            for (auto it = namedProject.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                // (陆川县签约的新能源电池材料项目: what the project is follows the last 的)
                QStringView name = m.capturedView(1);
                if (const qsizetype of = name.lastIndexOf(u'的'); of >= 0)
                    name = name.mid(of + 1);
                if (name.size() >= 2 && !aggregate.in(name))
                    c.companyStarts.append(from + m.capturedStart(1));
            }
        }
        std::sort(c.companyStarts.begin(), c.companyStarts.end());
        for (const CueSet::Hit &h : areaCue.all(text))
            c.areaStarts.append(from + h.start);
        return c;
    }
    bool targetBefore(qsizetype at) const
    {
        return !targetEnds.isEmpty() && targetEnds.first() <= at;
    }
    /// A figure of one company rather than of a district: it follows a company's word with no area
    /// word between.
    bool companyFigure(qsizetype at) const
    {
        qsizetype company = -1, area = -1;
        for (qsizetype c : companyStarts)
            company = c < at ? c : company;
        for (qsizetype a : areaStarts)
            area = a < at ? a : area;
        return company >= 0 && area < company;
    }
};

/// The words a clause that opens with a unit's name goes on with (前郭县签约项目3个, 永丰18个 after 井冈山签约项目21个):
/// one list for the names the gazetteer lacks and for the bare names of divisions.
const QStringList &clauseOpeningVerbs()
{
    static const QStringList verbs = QString::fromUtf16(u"新签约 签约 新引进 引进 招引 落地 新开工 开工 实际 到位 完成 共 累计 新增").split(u' ');
    return verbs;
}

/// A clause that says nothing but a unit's name and filler words (蒙自市, 全区共, 其中): its figure takes
/// its cue from the clauses before it.
bool isBareClause(const QString &s, qsizetype from, qsizetype to, const QList<Mentions::Unit> &units)
{
    // (and the words of a ranking: 排名前三位的是…, 依次为…, 位居第一)
    static const QString filler = QStringLiteral("共累计新实现完成达总计其中另有分别为是有全年度月份今年以来、和与及的了 依次排名前后位列居第一二三四五两()");
    qsizetype words = 0;
    for (qsizetype i = from; i < to; ++i) {
        bool inUnit = false;
        for (const Mentions::Unit &u : units) {
            if (u.start > i)
                break;
            inUnit = inUnit || (u.start <= i && i < u.end);
        }
        if (!inUnit && !filler.contains(s.at(i)) && !s.at(i).isDigit())
            ++words;
    }
    return words <= 1;
}

struct MetricChoice
{
    QString metric;
    QString cue;
    double confidence = 0;
};

struct SentenceState
{
    QString previousMetric;        // of the figure before, in this sentence
    QString previousProjectMetric; // the last count of projects (for 总投资 after it)
    QString wholeProjectMetric;    // the last count of projects not broken down by 其中 (新签约项目146个,其中…)
    QString previousMoneyMetric;   // the last amount (for a target in 目标(18亿元))
    QString previousUnit;
    QString previousSpan;
    bool largeNext = false;        // 10亿元以上项目N个: the next count is of large projects
    QString thresholdMetric;       // 签约总投资超过百亿元的有…: the figures after it are of that metric
    bool otherKind = false;        // 其中工业项目35个: a count of a kind of project no metric counts
    bool channelPart = false;      // 以商招商签约项目14个: a count of what one way of promotion brought
    QList<QPair<QString, QString>> metricsInTurn; // 签约项目数、到位资金分别为48个、41.2亿元: metric and cue of the figures to come
    bool unknownPark = false;      // 其中,某某产业园…: the rest of the sentence is that park's
    bool departmentShare = false;  // 市商务局引进项目6个,签约资金28.4亿元: the rest of the sentence is that department's
    QStringView levelSubject;      // 新开工项目较去年同期增加5个,达到13个: what the level after a change is of
    std::optional<MetricChoice> changedTo; // 签约金额由41.2亿元增至86.4亿元: the metric of the level after 增至
    const QSet<QString> *projectsCounted = nullptr; // the counts of projects the report has made so far
};

/// Whether the words before a trip name its leaders as the heads (主要领导带队, 县委书记率队); a slogan in
/// quotation marks (坚持“一把手”招商) names no one, unless it leads the trip (“一把手”带队).
bool ledByHeads(QStringView wide)
{
    const CueSet &leader = Phrasing::instance().leader;
    if (!wide.contains(u'“'))
        return leader.in(wide);
    QString unquoted = wide.toString();
    for (qsizetype open = unquoted.indexOf(u'“'); open >= 0; open = unquoted.indexOf(u'“', open + 1)) {
        const qsizetype close = unquoted.indexOf(u'”', open);
        if (close < 0)
            break;
        const QStringView next = QStringView(unquoted).mid(close + 1, 2);
        if (next == u"带队" || next == u"率队" || next == u"亲自" || next == u"领队" || next == u"带头")
            continue;
        for (qsizetype k = open + 1; k < close; ++k)
            unquoted[k] = u' ';
    }
    return leader.in(unquoted);
}

/// Whether a figure of this class and measure word can be of \a metric (a count of 个 a count metric
/// that takes it, an amount a money metric, a percent the completion).
bool metricFits(const QString &metric, const Number &n)
{
    const bool completion = metric == QLatin1String("annual_completion_pct");
    switch (n.cls) {
    case UnitClass::Count: return Phrasing::instance().takesUnit(metric, n.unit);
    case UnitClass::Money: return Phrasing::unitGroup(metric).isEmpty() && !completion;
    case UnitClass::Percent: return completion;
    }
    return false;
}

/// An amount the cue does not say of which projects (总投资, 合同投资) is that of the projects counted
/// just before it: signed ones unless they were started ones; "" where a bare amount (总投资) follows no
/// count. Any other metric is itself.
QString amountMetric(const QString &metric, const QString &projectMetric)
{
    const bool started = projectMetric == QLatin1String("started_projects");
    if (metric == QLatin1String("contract_investment"))
        return started ? QStringLiteral("started_investment") : QStringLiteral("signed_investment");
    if (metric == QLatin1String("generic_investment")) {
        // 新签约项目12个,总投资26.24亿元: the amount of the projects just counted.
        if (started)
            return QStringLiteral("started_investment");
        return projectMetric == QLatin1String("signed_projects") ? QStringLiteral("signed_investment") : QString();
    }
    return metric;
}

/// The metric each item of a list names (签约项目数、到位资金), in order, with its cue; empty unless every
/// item names one. An amount after a count of projects is theirs (项目数和投资额).
QList<QPair<QString, QString>> metricsOfList(QStringView list)
{
    static const QRegularExpression separators(QStringLiteral("[、和及与]"));
    const Phrasing &ph = Phrasing::instance();
    QList<QPair<QString, QString>> out;
    QString projects;
    const QStringList items = list.toString().split(separators, Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QList<CueSet::Hit> hits = ph.lastBefore(item);
        int best = -1;
        for (int k = 0; k < hits.size(); ++k) {
            if (hits.at(k).found() && (best < 0 || hits.at(k).end > hits.at(best).end
                                       || (hits.at(k).end == hits.at(best).end && hits.at(k).length() > hits.at(best).length())))
                best = k;
        }
        if (best < 0)
            return {};
        const QString metric = amountMetric(ph.before.at(best).first, projects);
        if (metric.isEmpty())
            return {};
        if (ph.beforeGroups.at(best) == QLatin1String("projects"))
            projects = metric;
        out.append({metric, item.mid(hits.at(best).start, hits.at(best).length())});
    }
    return out.size() >= 2 ? out : QList<QPair<QString, QString>>();
}

/// The base a figure is compared with (比上年同期, 较去年, 与去年同期相比, 去年同期): it is not the
/// period of the figures around it.
bool comparisonBase(const QString &s, const Period &p)
{
    static const QString before = QStringLiteral("比较与于由");
    // 已超过2022年全年签约总额, 高于去年: a year the figure is measured against.
    static const QStringList measured = {QStringLiteral("超过"), QStringLiteral("高于"), QStringLiteral("低于"),
                                         QStringLiteral("多于"), QStringLiteral("少于"), QStringLiteral("相当于")};
    const QStringView lead = QStringView(s).mid(std::max<qsizetype>(0, p.start - 3), std::min<qsizetype>(3, p.start));
    if (p.year && std::any_of(measured.cbegin(), measured.cend(), [&lead](const QString &w) { return lead.endsWith(w); }))
        return true;
    if (p.sameAsBefore) // 同期 after 上年, 去年 or 比
        return lead.endsWith(u"上年") || lead.endsWith(u"去年") || (!lead.isEmpty() && before.contains(lead.back()));
    if (p.kind == PeriodKind::YearOnly)
        return (!lead.isEmpty() && before.contains(lead.back())) || QStringView(s).mid(p.end, 2) == u"同期";
    // 较一季度前移两位, 比上半年增加5个: a span the figure is measured against (于三季度 is when).
    return !p.day && !lead.isEmpty() && (lead.back() == u'较' || lead.back() == u'比');
}

/// Whether the year \a p is part of an event's name (2025年招商推介会, 2025年第三批重大项目集中签约仪式):
/// the words of an event (the promotion events' words of cues.tsv) follow it in the same clause, which
/// states no figure (2025年全县举办招商推介会12场 is a year's count of events).
bool namesEvent(const QString &s, const Period &p)
{
    qsizetype end = p.end;
    while (end < s.size() && end - p.end < 24 && !isDelim(s.at(end)))
        ++end;
    const QStringView clause = QStringView(s).mid(p.end, end - p.end);
    return std::none_of(clause.cbegin(), clause.cend(), [](QChar c) { return c.isDigit(); })
        && Phrasing::instance().after.value(QStringLiteral("promotion_events")).in(clause);
}

/// The periods listed with \a last (一、二季度, 2023年和2024年, 2022年至2024年: a range gives each year
/// in it), in order, \a last included; just \a last when it stands alone.
QList<Period> periodList(const QString &s, const QList<Period> &sentPeriods, const Period &last)
{
    QList<Period> run{last};
    bool range = false;
    // (read back from the last: the periods after it are none of its list)
    const qsizetype from = std::lower_bound(sentPeriods.cbegin(), sentPeriods.cend(), last.start,
                                            [](const Period &p, qsizetype at) { return p.start < at; }) - sentPeriods.cbegin();
    for (qsizetype k = from - 1; k >= 0; --k) {
        const Period &p = sentPeriods.at(k);
        if (p.end > run.first().start)
            continue;
        if (p.kind != last.kind || p.sameAsBefore || p.multiYear || (p.kind == PeriodKind::YearOnly && !p.year))
            break;
        const QStringView gap = QStringView(s).mid(p.end, run.first().start - p.end).trimmed();
        static const QStringList joiners = {QStringLiteral("、"), QStringLiteral("和"), QStringLiteral("与"), QStringLiteral("及"),
                                            QStringLiteral("至"), QStringLiteral("到"), QStringLiteral("-"), QStringLiteral("—"), QStringLiteral("~")};
        if (!joiners.contains(gap.toString()))
            break;
        range = range || (run.size() == 1 && !QStringView(u"、和与及").contains(gap.front()));
        run.prepend(p);
    }
    // 2022年至2024年: the years between too.
    if (range && run.size() == 2 && last.kind == PeriodKind::YearOnly && run.last().year - run.first().year <= 10) {
        const Period first = run.first();
        run = {first};
        for (int y = first.year + 1; y <= last.year; ++y) {
            Period p = y == last.year ? last : first;
            p.year = y;
            run.append(p);
        }
    }
    return run;
}

/// What a list of periods (一、二季度, 2023年和2024年) spans together: the months from the first to the
/// last (H1 for the first two quarters), or more than one year.
Period periodUnion(const QList<Period> &run)
{
    Period u = run.last();
    u.start = run.first().start;
    for (qsizetype k = 1; k < run.size() && u.kind != PeriodKind::YearOnly; ++k) {
        if (run.at(k).a != run.at(k - 1).b + 1 && !(u.kind == PeriodKind::Quarter && run.at(k).a == run.at(k - 1).a + 1))
            return run.last(); // 一、三季度: no one span
    }
    if (u.kind == PeriodKind::YearOnly) {
        u.multiYear = true;
    } else if (u.kind == PeriodKind::Quarter) {
        u.kind = PeriodKind::Months;
        u.a = 3 * run.first().a - 2;
        u.b = 3 * run.last().a;
    } else if (u.kind == PeriodKind::Months) {
        u.a = run.first().a;
        u.b = run.last().b;
    }
    return u;
}

/// Whether the figure its clause leads up to is no unit's level of anything: one said of a group of
/// units alike, a difference, or a rate for each.
bool noUnitsLevel(QStringView clause)
{
    // 原公镇、桔园镇等5个镇到位资金不足1亿元 (全县12个乡镇, without 等, are all of them: the county's).
    static const QRegularExpression someUnits(QStringLiteral(
        "等[\\d一二三四五六七八九十两]+个(?:乡镇|镇街|镇|乡|街道|县区|县市区|县|区|市|单位|部门|园区)"));
    // 新签约项目数比去年同期多8个, 较上年少签约3个, 较上年减少5个.
    static const QRegularExpression difference(QStringLiteral("(?:比|较)[^,，;；。]{0,12}?(?:多|少)(?!于)"));
    // 县级领导每人全年带队外出招商不少于2次, 每月外出招商不少于1次.
    static const QRegularExpression perEach(QStringLiteral("每(?:人|月|周|季度?|个|家|名|位|天)"));
    // (The cheap look first: each needs its one character.)
    return (clause.contains(u'等') && someUnits.match(clause).hasMatch())
        || ((clause.contains(u'比') || clause.contains(u'较')) && difference.match(clause).hasMatch())
        || (clause.contains(u'每') && perEach.match(clause).hasMatch());
}

QStringView afterHead(const QString &s, const Number &n)
{
    qsizetype end = n.end;
    while (end < s.size() && end - n.end < 16 && !isDelim(s.at(end)) && s.at(end) != u'、' && s.at(end) != u'“'
           && s.at(end) != u'”') {
        // (分别签约41个和38个: 和 before the next figure ends the words of this one, as 、 does)
        if (QStringView(u"和及与").contains(s.at(end)) && end + 1 < s.size() && s.at(end + 1).isDigit())
            break;
        ++end;
    }
    return QStringView(s).mid(n.end, end - n.end);
}

/// Gives a fact or a project's mention the place and words of the sentence or row it was read from.
template<typename Found>
void setEvidence(Found &found, const ReportText &report, qsizetype cleanFrom, qsizetype cleanTo)
{
    const ReportText::Evidence evidence = report.evidence(cleanFrom, cleanTo);
    found.evidenceStart = evidence.start;
    found.evidenceEnd = evidence.end;
    found.evidenceText = evidence.text;
}

/// Whether the words before a stage's verb say it is yet to come: 签约待落地项目6个, 4个项目有望年内签约,
/// 即将投产, 计划近期集中开工项目8个 (a pipeline, of no period's figures). Or that the figure counts how
/// fast projects went on, not the stage: 5个项目实现拿地即开工, 签约即投产 (X即Y, not 随即, 当即, 立即: then).
bool stageToCome(QStringView before)
{
    const QStringView near = before.right(6);
    const bool straightOn = before.endsWith(u'即') && !before.endsWith(u"随即") && !before.endsWith(u"当即") && !before.endsWith(u"立即")
        && !before.endsWith(u"旋即");
    return (before.endsWith(u'待') && !before.endsWith(u"接待") && !before.endsWith(u"招待")) || near.contains(u"即将")
        || near.contains(u"有望") || near.contains(u"近期") || straightOn;
}

/// Which metric a figure is, from the words since the figure before (region), the clause it stands
/// in, and the words right after its measure word. Empty when it is none of the metrics.
MetricChoice chooseMetric(const Number &n, QStringView region, QStringView wide, QStringView clause, QStringView after,
                          const SentenceState &st, bool listContinues)
{
    const Phrasing &ph = Phrasing::instance();
    MetricChoice none;
    if (n.foreign)
        return none;
    if (n.cls == UnitClass::Percent) {
        // 完成全年任务的52.1%, 为年度目标的110.3%: the clause names the task.
        const QString completion = QStringLiteral("annual_completion_pct");
        const CueSet::Hit h = ph.beforeOf(completion).last(clause);
        const CueSet::Hit b = ph.block.last(clause);
        if (h.found() && (!b.found() || b.end <= h.end))
            return {completion, clause.mid(h.start, h.length()).toString(), 0.85};
        return none;
    }

    // The head noun and verb after a count: 48个项目成功签约, 62家企业, 16场推介会.
    if (n.cls == UnitClass::Count) {
        const qsizetype project = after.indexOf(u"项目");
        if (project >= 0 && project <= 6 && ph.takesUnit(QStringLiteral("signed_projects"), n.unit)) {
            // 9个增资扩产项目, 12个签约项目: the words before 项目 name them.
            const QStringView modifier = after.left(project);
            for (const auto &[metric, cues] : ph.before) {
                if (Phrasing::unitGroup(metric) != QLatin1String("projects"))
                    continue;
                const CueSet::Hit h = cues.last(modifier);
                if (h.found())
                    return {metric, modifier.mid(h.start, h.length()).toString(), 0.9};
            }
            const QStringView verbs = after.mid(project + 2, 10);
            for (const auto &[metric, cues] : ph.before) {
                const auto a = ph.after.constFind(metric);
                if (a == ph.after.cend() || Phrasing::unitGroup(metric) != QLatin1String("projects"))
                    continue;
                const CueSet::Hit h = a->first(verbs);
                if (h.found() && h.start <= 6)
                    return stageToCome(verbs.left(h.start)) ? none : MetricChoice{metric, verbs.mid(h.start, h.length()).toString(), 0.9};
            }
        }
        // 在谈项目中,已有3个完成注册; 其中5个已开工: a count of a pool named before, with no noun of its
        // own, is of the stage its verb says it reached (a stage, not where: 其中5个落户开发区 stays a part).
        if (project < 0 && ph.takesUnit(QStringLiteral("signed_projects"), n.unit)
            && (region.contains(u"项目中") || region.contains(u"其中"))) {
            static const CharSet reached(QStringLiteral("已经完成实现正式均"));
            qsizetype k = 0;
            while (k < after.size() && k < 4 && reached.contains(after.at(k)))
                ++k;
            for (const char16_t *metric : {u"signed_projects", u"registered_projects", u"started_projects", u"operating_projects"}) {
                const CueSet::Hit h = ph.after.value(QString::fromUtf16(metric)).first(after.mid(k, 4));
                if (h.found() && h.start == 0)
                    return {QString::fromUtf16(metric), after.mid(k, h.length()).toString(), 0.8};
            }
        }
        // 6家企业实施增资扩产, 推动12家企业增资扩产: each firm that expands is one expansion project
        // (unless the firms were visited: 走访12家企业了解增资意向).
        if (n.unit == QStringLiteral("家") && ph.firm.first(after).start == 0) {
            const QString expansion = QStringLiteral("capital_increase_projects");
            const CueSet::Hit expands = ph.beforeOf(expansion).first(after);
            const bool visited = ph.beforeOf(QStringLiteral("companies_visited")).in(region.right(6));
            if (expands.found() && expands.start <= 8 && !visited)
                return {expansion, after.mid(expands.start, expands.length()).toString(), 0.8};
        }
        // 先后6次带队赴浙江考察, 12次外出招商, 15次赴外招商活动: the count before the words of a trip out
        // counts trips out (led by the heads where the words before say so).
        if (ph.takesUnit(QStringLiteral("outbound_trips"), n.unit)) {
            const CueSet::Hit h = ph.beforeOf(QStringLiteral("outbound_trips")).first(after);
            if (h.found() && h.start == 0) {
                const QString metric = ledByHeads(wide) ? QStringLiteral("leader_outbound_trips") : QStringLiteral("outbound_trips");
                return {metric, after.mid(h.start, h.length()).toString(), 0.85};
            }
        }
        if (ph.takesUnit(QStringLiteral("promotion_events"), n.unit)) {
            const CueSet::Hit h = ph.after.value(QStringLiteral("promotion_events")).first(after);
            if (h.found() && h.start <= 4)
                return {QStringLiteral("promotion_events"), after.mid(h.start, h.length()).toString(), 0.85};
        }
    }

    // The nearest cue before the figure wins; a blocking word nearer than any cue means no metric.
    struct Best { QString metric; CueSet::Hit hit; };
    Best best;
    const QList<CueSet::Hit> hits = ph.lastBefore(region);
    for (int k = 0; k < ph.before.size(); ++k) {
        const QString &metric = ph.before.at(k).first;
        if (metric == QLatin1String("annual_completion_pct"))
            continue;
        const CueSet::Hit h = hits.at(k);
        if (!h.found())
            continue;
        const QString &group = ph.beforeGroups.at(k);
        if (n.cls == UnitClass::Count ? (group.isEmpty() || !ph.takesUnit(metric, n.unit)) : !group.isEmpty())
            continue;
        // Overlapping cues are one phrase, named by its head (协议投资额 is 协议投资, not 投资额);
        // else the nearest to the figure wins.
        const bool overlaps = best.hit.found() && h.start < best.hit.end && best.hit.start < h.end;
        const bool better = overlaps ? (h.start < best.hit.start || (h.start == best.hit.start && h.length() > best.hit.length()))
                                     : (!best.hit.found() || h.end > best.hit.end);
        if (better)
            best = {metric, h};
    }
    if (ph.blockClause.in(clause) || ph.blockClause.in(after.left(4)))
        return none;
    CueSet::Hit block = ph.block.last(region);
    // (到位资金增速居全市第一,达41.3亿元: a rate ranked, then the amount itself)
    if (block.found() && n.cls == UnitClass::Money) {
        static const QRegularExpression rateRanked(QStringLiteral("^(?:增幅|增速)(?:位居|位列|排名|居)[^,，。;]{0,6}第[一二三四五六七八九十\\d]+[位名]?[,，]?(?:为|达到?)$"));
        if (rateRanked.match(region.mid(block.start)).hasMatch())
            block = CueSet::Hit();
    }
    if (block.found() && (!best.hit.found() || block.end > best.hit.end || (block.end == best.hit.end && block.length() >= best.hit.length())))
        return none;

    if (n.cls == UnitClass::Count && st.largeNext && ph.takesUnit(QStringLiteral("large_projects"), n.unit))
        return {QStringLiteral("large_projects"), QStringLiteral("亿元以上项目"), 0.85};

    if (!best.hit.found()) {
        // 蒙自市31个、弥勒市28个: the cue of the list holds for every item.
        if (listContinues && !st.previousMetric.isEmpty()) {
            const QString group = Phrasing::unitGroup(st.previousMetric);
            const bool sameClass = n.cls == UnitClass::Count ? ph.takesUnit(st.previousMetric, n.unit) : group.isEmpty();
            if (sameClass && st.previousMetric != QLatin1String("annual_completion_pct"))
                return {st.previousMetric, QString(), 0.6}; // the cue of the list, not its own: check it
        }
        // 新签约项目32个、118.6亿元, 新开工项目22个,86.4亿元: an amount straight after a count of projects is
        // theirs, as after 总投资.
        const QStringView between = region.trimmed();
        if (n.cls == UnitClass::Money && !st.previousProjectMetric.isEmpty() && st.previousMetric == st.previousProjectMetric
            && between.size() == 1 && QStringView(u"、,").contains(between.front())) {
            if (const QString amount = amountMetric(QStringLiteral("generic_investment"), st.previousProjectMetric); !amount.isEmpty())
                return {amount, QString(), 0.6};
        }
        return none;
    }
    // 已签约未开工的21个项目: a stage not reached is none of its metric.
    const QStringView beforeHit = region.left(best.hit.start);
    if (beforeHit.endsWith(u'未') || beforeHit.endsWith(u"没有") || beforeHit.endsWith(u'没') || beforeHit.endsWith(u"尚未"))
        return none;
    if (stageToCome(beforeHit))
        return none;
    // 以商招商签约项目12个, 通过驻点招商推动落地项目46个: what one way of promotion brought is a part of the
    // total (trips, visits and events named by their way stay what they are).
    // (and what one industry chain brought: 硅基新材料产业链新签约项目18个)
    if (n.cls != UnitClass::Count || Phrasing::unitGroup(best.metric) == QLatin1String("projects")) {
        const CueSet::Hit way = ph.channel.last(beforeHit);
        if (way.found() && beforeHit.size() - way.end <= 4)
            return none;
    }
    MetricChoice c{best.metric, region.mid(best.hit.start, best.hit.length()).toString(), 0.9};
    if (const QString amount = amountMetric(c.metric, st.previousProjectMetric); amount != c.metric)
        return amount.isEmpty() ? none : MetricChoice{amount, c.cue, 0.8};
    const QString group = Phrasing::unitGroup(c.metric);
    if (group == QLatin1String("projects")) {
        // A count of projects names them: 新签约项目12个, 签约12个项目, 12个项目签约.
        // The count's own noun is 项目, just before it or just after its measure word (not 47个单位).
        const qsizetype project = after.indexOf(u"项目");
        const bool nearCue = region.mid(std::max<qsizetype>(0, best.hit.start - 4), best.hit.length() + 12).contains(u"项目");
        // 临夏市签约12个 in a sentence about projects (从签约项目分布看, or 签约项目19个,开工14个,投产6个
        // after a count of projects): no other noun follows the count.
        // (凤凰镇签约3个 in a report that has counted its signed projects already)
        const bool noNoun = after.isEmpty()
            && (wide.contains(u"项目") || !st.previousProjectMetric.isEmpty() || (st.projectsCounted && st.projectsCounted->contains(best.metric)));
        if (!nearCue && !noNoun && !region.right(12).contains(u"项目") && !(project >= 0 && project <= 6))
            return none;
        // 新引进高层次人才团队8个, 引进研发平台3个: what the words between the cue and the count name is no project.
        static const CueSet otherThings(QString::fromUtf16(u"人才 团队 专家 院士 博士 平台 机构 院所 高校 协会 商会 基金 资金").split(u' '));
        const QStringView counted = region.mid(best.hit.end);
        if (!counted.contains(u"项目") && otherThings.in(counted))
            return none;
        // 签约项目数、签约额和到位资金三项指标: a count of something else than projects.
        static const QStringList otherNouns = {QStringLiteral("指标"), QStringLiteral("任务"), QStringLiteral("工作"),
                                               QStringLiteral("措施"), QStringLiteral("举措"), QStringLiteral("制度"),
                                               QStringLiteral("机制"), QStringLiteral("政策"), QStringLiteral("行动")};
        if (std::any_of(otherNouns.cbegin(), otherNouns.cend(), [&after](const QString &w) { return after.startsWith(w); }))
            return none;
    }
    // 主要领导带队赴深圳等地开展招商活动9次, 开展“走出去”招商活动46次, 外出招商活动: activities on a
    // trip out, or said to go out, are trips out.
    if (c.metric == QLatin1String("promotion_events")) {
        const QStringView beforeCue = region.mid(std::max<qsizetype>(0, best.hit.start - 8), std::min<qsizetype>(8, best.hit.start));
        const bool goingOut = beforeCue.contains(u"走出去") || beforeCue.contains(u"外出") || beforeCue.contains(u"赴外");
        if (goingOut || (region.contains(u"带队") && region.contains(u'赴')))
            c.metric = QStringLiteral("outbound_trips");
    }
    // 观摩活动2次, 培训活动: an activity counts as an event of investment promotion when its kind is said
    // so (招商活动, 推介活动, 签约活动, 经贸活动).
    if (c.metric == QLatin1String("promotion_events") && c.cue == u"活动") {
        static const CueSet promotion(QString::fromUtf16(u"招商 推介 签约 经贸 对接 洽谈 投资 引资 招引 恳谈 节会 展会 博览 推广").split(u' '));
        if (!promotion.in(region.left(best.hit.start).right(12)))
            return none;
    }
    if (c.metric == QLatin1String("outbound_trips") && ledByHeads(wide))
        c.metric = QStringLiteral("leader_outbound_trips");
    if (c.metric == QLatin1String("companies_visited") && !ph.firm.in(region) && !ph.firm.in(after.left(8)))
        return none;
    if (c.metric == QLatin1String("promotion_events") && n.unit == QStringLiteral("个") && !ph.after.value(c.metric).in(after.left(6)))
        return none;
    return c;
}

/// The first 3,000 and the last 600 characters of a report as decoded, simplified: where its byline, source
/// and signature stand, which the cleaner takes out of the text the rules read.
QString pageEnds(const QString &text)
{
    return ReportText::toSimplified(text.left(3000)) + QLatin1Char('\n') + ReportText::toSimplified(text.right(600));
}

/// The unit a byline names as the report's source (来源:寻乌县商务局), where the body speaks of its unit
/// only by kind (我县, 全县): the unit of that kind with its suffix written out, or "". The cleaner
/// drops bylines, so the text is the one decoded.
QString sourceUnit(const QString &text, const QList<UnitMention> &units, const Gazetteer &gazetteer)
{
    QString kinds;
    for (const UnitMention &u : units) {
        if (u.topic && u.kindChar != u'两' && !kinds.contains(u.kindChar))
            kinds += u.kindChar;
    }
    if (kinds.isEmpty())
        return QString();
    static const QRegularExpression byline(QStringLiteral("(?:信息来源|来源|來源|发布单位|发布机构)\\s*[:：]\\s*([^\\s\\n]{2,30})"));
    const QString head = pageEnds(text);
    // The unit an office's name opens with, of a kind the body names (江门市新会区投资促进局 and 全区:
    // 新会区, the innermost of the names written together).
    auto officeUnit = [&](const QString &office) {
        QString unit;
        qsizetype at = 0;
        for (const Gazetteer::Mention &m : gazetteer.find(office)) {
            if (m.start != at)
                break;
            if (kinds.contains(m.name.back()))
                unit = m.name;
            at = m.end;
        }
        return unit;
    };
    for (auto it = byline.globalMatch(head); it.hasNext();) {
        if (const QString name = officeUnit(it.next().captured(1)); !name.isEmpty())
            return name;
    }
    // A bulletin signed by its office, on a line of its own near the end (江门市新会区投资促进局 / 2026年
    // 10月10日).
    // (and with its date after it on the line: 长沙市投资促进事务中心 2026年6月10日)
    static const QRegularExpression signature(QStringLiteral(
        "^\\s*(\\p{Han}{2,20}?(?:投资促进局|投资促进中心|投资促进服务中心|投资促进事务中心|商务局|招商局|招商办|招商办公室|招商服务中心|"
        "招商合作局|经济合作局|经济合作交流办公室|商务和投资促进局|人民政府办公室|人民政府|政府办公室|管委会|管理委员会))"
        "(?:\\s+\\d{4}(?:年\\d{1,2}月\\d{1,2}日|-\\d{1,2}-\\d{1,2}))?\\s*$"),
        QRegularExpression::MultilineOption);
    const QString tail = ReportText::toSimplified(text.right(300));
    for (auto it = signature.globalMatch(tail); it.hasNext();) {
        if (const QString name = officeUnit(it.next().captured(1)); !name.isEmpty())
            return name;
    }
    // 原创 南康发布 2024-10-22 08:30: a government's own account (南康发布, 上海发布, 南康融媒) names its
    // unit by the bare name, the body's 我区 its kind.
    // So does a newspaper's name on a line of its own, above or under the story (衡阳日报 2026年7月15日),
    // or as the byline's source (来源:宜宾日报 作者:…), where the body's 我市 says the story is of its city.
    // (and in brackets at the story's end: (宜春日报))
    static const QRegularExpression account(QStringLiteral("(?:^|\\s|[:：]|^\\s*[(（])(\\p{Han}{2,4}?)(?:发布|融媒|日报|晚报)(?=\\s|$|[)）]\\s*$)"),
                                            QRegularExpression::MultilineOption);
    const QString accountLines = head.left(600) + QLatin1Char('\n') + head.right(300);
    for (auto it = account.globalMatch(accountLines); it.hasNext();) {
        const QString stem = it.next().captured(1);
        if (stem == u"新华" || stem == u"新民")
            continue; // (新华日报, 新民晚报: papers named for no place)
        if (gazetteer.contains(stem) && kinds.contains(stem.back()))
            return stem; // (南康区发布)
        for (QChar kind : std::as_const(kinds)) {
            if (const QString name = divisionOfStem(gazetteer, stem, kind); !name.isEmpty())
                return name;
        }
    }
    return QString();
}

/// 城厢镇、湖洋乡、东山镇分别…: units a later pass found (\a added) join the lists they stand in, and
/// a list goes on through them (one group, as the names of a list the gazetteer knows are).
void joinListGroups(const QString &s, QList<UnitMention> &units, const QList<UnitMention> &added)
{
    static const QString joiners = QStringLiteral("、和与及");
    QSet<qsizetype> addedAt;
    for (const UnitMention &u : added)
        addedAt.insert(u.start);
    // (groups joined as sets, so that a long list costs no more than a short one)
    QHash<int, int> parent;
    auto root = [&parent](int g) {
        while (parent.contains(g) && parent.value(g) != g)
            g = parent.value(g);
        return g;
    };
    for (qsizetype k = 1; k < units.size(); ++k) {
        const UnitMention &a = units.at(k - 1), &b = units.at(k);
        if (a.topic || b.topic || b.start != a.end + 1 || !joiners.contains(s.at(a.end))
            || !(addedAt.contains(a.start) || addedAt.contains(b.start)))
            continue;
        const int to = root(a.group), from = root(b.group);
        if (to != from)
            parent.insert(from, to);
    }
    if (parent.isEmpty())
        return;
    for (UnitMention &u : units)
        u.group = root(u.group);
}

/// A line that opens with a place's bare name before a colon, or in brackets (于都:招商引资跑出加速度, 江西于都:…,
/// 赣州于都丨…, 【永丰】1-9月,…): the division so named (于都县), and where its name stands. The bare name may
/// follow the bare name of a province or prefecture above it; a word that is no division's name (招商观察:,
/// 【要闻】) names nothing.
std::optional<UnitMention> bareNameOpening(const QString &s, qsizetype lineStart, const Gazetteer &gazetteer)
{
    qsizetype from = lineStart;
    while (from < s.size() && (s.at(from) == u' ' || s.at(from) == u'\t'))
        ++from;
    const bool bracket = from < s.size() && s.at(from) == u'【';
    from += bracket ? 1 : 0;
    qsizetype end = from;
    while (end < s.size() && end - from < 8 && isHanChar(s.at(end)))
        ++end;
    if (end - from < 2 || end >= s.size() || !(bracket ? s.at(end) == u'】' : QStringView(u":丨|").contains(s.at(end))))
        return std::nullopt;
    auto isAbove = [&gazetteer](const QString &name) {
        if (name.isEmpty())
            return true;
        const QString division = gazetteer.contains(name) ? name : divisionOfStem(gazetteer, name, QChar());
        const int level = gazetteer.level(division);
        return gazetteer.level(name + QChar(u'省')) == Gazetteer::Province
            || (level >= Gazetteer::Province && level <= Gazetteer::Prefecture);
    };
    for (qsizetype len = std::min<qsizetype>(3, end - from); len >= 2; --len) {
        const QString name = divisionOfStem(gazetteer, s.mid(end - len, len), QChar());
        if (!name.isEmpty() && isAbove(s.mid(from, end - len - from))) {
            UnitMention u;
            u.start = end - len;
            u.end = end;
            u.name = name;
            u.level = gazetteer.level(name);
            return u;
        }
    }
    return std::nullopt;
}

/// A news title that opens with a place's bare name (于都:…) names the report's unit so, where it names none
/// in full.
QString titleStemUnit(const QString &s, const ReportDocument &doc, const Gazetteer &gazetteer)
{
    const std::optional<UnitMention> u = bareNameOpening(s, doc.titleStart, gazetteer);
    return u && u->end <= doc.titleEnd ? u->name : QString();
}

/// The day a period of the year so far runs to (截至8月31日, 截至5月底), in \a year; none where it names no day.
QDate cutOffDay(const Period &p, int year)
{
    return p.asOfMonth ? QDate(year, p.asOfMonth, p.asOfDay) : QDate();
}

/// The forms of each kind of zone (经济技术开发区, 经济开发区, 经开区 are one kind), long to short.
const QList<QStringList> &zoneForms()
{
    static const QList<QStringList> forms = {
        {QStringLiteral("经济技术开发区"), QStringLiteral("经济开发区"), QStringLiteral("经开区")},
        {QStringLiteral("高新技术产业开发区"), QStringLiteral("高新技术开发区"), QStringLiteral("高新技术产业园区"), QStringLiteral("高新区")}};
    return forms;
}

/// A zone's place, without its 市, and the index of its kind in zoneForms(): 滁州 and 0 for 滁州市经开区 (and
/// for 滁州经济技术开发区); -1 for a name of no such kind, or a form alone.
std::pair<QString, int> zoneForm(const QString &name)
{
    for (int f = 0; f < zoneForms().size(); ++f) {
        for (const QString &suffix : zoneForms().at(f)) {
            if (name.size() > suffix.size() && name.endsWith(suffix)) {
                QString place = name.chopped(suffix.size());
                if (place.size() > 2 && place.endsWith(u'市'))
                    place.chop(1);
                return {place, f};
            }
        }
    }
    return {QString(), -1};
}

/// Whether a zone's words alone (高新区, 经开区) may stand for the zone \a named: one whose name ends in
/// them, or one of their kind by another form (曲靖经济技术开发区 for 经开区).
bool standsFor(const QString &bare, const QString &named)
{
    if (named.size() > bare.size() && named.endsWith(bare))
        return true;
    const int kind = zoneForm(named).second;
    return kind >= 0 && zoneForms().at(kind).contains(bare);
}

/// The name the body gives a zone the report is about by another of its forms (a byline's 滁州经济技术开发区
/// and the body's 滁州经开区; 宿迁市高新技术产业开发区 and 宿迁高新区): the body's, so that the zone's
/// figures go under one name: the form the body names most often.
QString bodyFormOfZone(const QString &subject, const QList<UnitMention> &units, qsizetype bodyFrom)
{
    const auto [place, form] = zoneForm(subject);
    if (form < 0)
        return subject;
    // (the form named more often; the other where as often, as the subject's may be a byline's)
    int own = 0;
    QHash<QString, int> other;
    for (const UnitMention &u : units) {
        if (u.start < bodyFrom || u.topic)
            continue;
        if (u.name == subject) {
            ++own;
            continue;
        }
        const auto [otherPlace, otherForm] = zoneForm(u.name);
        if (otherForm == form && otherPlace == place)
            ++other[u.name];
    }
    QString best = subject;
    int most = own;
    for (auto it = other.cbegin(); it != other.cend(); ++it) {
        if (it.value() > most || (it.value() == most && best == subject)) {
            best = it.key();
            most = it.value();
        }
    }
    return best;
}

/// The subject's bare name (吴兴 for 吴兴区, 来吴兴考察) names it too.
void addSubjectStem(const QString &s, const QString &subject, QList<UnitMention> &units)
{
    const QString subjectStem = Gazetteer::stem(subject);
    if (subjectStem.size() >= 2 && subjectStem != subject) {
        QList<UnitMention> more;
        int k = 0;
        for (qsizetype at = s.indexOf(subjectStem); at >= 0; at = s.indexOf(subjectStem, at + 1)) {
            while (k < units.size() && units.at(k).end <= at)
                ++k;
            if (k < units.size() && units.at(k).start <= at)
                continue;
            UnitMention u;
            u.start = at;
            u.end = at + subjectStem.size();
            u.name = subject;
            u.place = at > 0 && Phrasing::instance().placeChars.contains(s.at(at - 1));
            u.group = -1;
            more.append(u);
        }
        units += more;
        std::sort(units.begin(), units.end(), [](const UnitMention &a, const UnitMention &b) { return a.start < b.start; });
    }
}

/// A ranked list (排名…依次为:西咸新区328.6亿元、航天基地98.3亿元; 城厢镇(8个)、湖洋乡(5个)): the name
/// before each figure is a unit, known to the gazetteer or not (zones, bases and ports have names of
/// their own, and a township may be missing from the code list).
void addRankedListUnits(const QString &s, QList<UnitMention> &units)
{
    static const QRegularExpression ranked(QStringLiteral("(?:依次|排名|排序|分别|前[一二三四五六七八九十\\d]+(?:名|位))[^。;:]{0,8}:"));
    static const QRegularExpression item(QStringLiteral("\\G[、,和及]?(\\p{Han}{2,8}?(?:区|县|市|旗|镇|乡|街道|基地|园区|园|新城|港))(?=\\(?\\d)"
                                                        "\\(?\\d+(?:\\.\\d+)?(?:亿元|万元|个|次|家|%)\\)?"));
    QList<UnitMention> more;
    int group = 1 << 20;
    // (the patterns only where a list's word opens, and on to the sentence's end: a pattern that opens
    // with Chinese words is tried at every character of the text, and each search over the whole text
    // checks all of it first)
    static const CharSet rankNumeral(QStringLiteral("一二三四五六七八九十0123456789"));
    for (qsizetype at = 0; at + 1 < s.size(); ++at) {
        const char16_t c = s.at(at).unicode(), next = s.at(at + 1).unicode();
        const bool opens = (c == u'依' && next == u'次') || (c == u'排' && (next == u'名' || next == u'序'))
            || (c == u'分' && next == u'别') || (c == u'前' && rankNumeral.contains(QChar(next)));
        if (!opens)
            continue;
        const auto m = ranked.match(QStringView(s).mid(at, 24), 0, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            continue;
        ++group;
        const qsizetype from = at + m.capturedEnd();
        const qsizetype stop = s.indexOf(u'。', from);
        const QStringView rest = QStringView(s).mid(from, (stop < 0 ? s.size() : stop) - from);
        at = from - 1;
        for (auto jt = item.globalMatch(rest); jt.hasNext();) {
            const auto im = jt.next();
            const qsizetype start = from + im.capturedStart(1), end = from + im.capturedEnd(1);
            if (Mentions::overlapsAny(units, start, end))
                continue;
            UnitMention u;
            u.start = start;
            u.end = end;
            u.name = im.captured(1);
            u.group = group;
            more.append(u);
        }
    }
    if (more.isEmpty())
        return;
    units += more;
    std::sort(units.begin(), units.end(), [](const UnitMention &a, const UnitMention &b) { return a.start < b.start; });
    // A name the report has shown to be a unit is one wherever else it stands (高新区、经开区、西咸新区
    // 分别为…), in the group of the units it is listed with.
    QSet<QString> names;
    for (const UnitMention &u : std::as_const(more))
        names.insert(u.name);
    QList<QPair<qsizetype, QString>> found; // in text order, so that a list joins up left to right
    for (const QString &name : std::as_const(names)) {
        for (qsizetype at = s.indexOf(name); at >= 0; at = s.indexOf(name, at + name.size()))
            found.append({at, name});
    }
    std::sort(found.begin(), found.end());
    QList<UnitMention> elsewhere;
    for (const auto &[at, name] : std::as_const(found)) {
        const qsizetype end = at + name.size();
        const auto next = std::lower_bound(units.begin(), units.end(), at, [](const UnitMention &u, qsizetype v) { return u.start < v; });
        if ((next != units.end() && next->start < end) || (next != units.begin() && std::prev(next)->end > at))
            continue; // already a unit there, or inside one
        UnitMention u;
        u.start = at;
        u.end = end;
        u.name = name;
        u.group = ++group;
        units.insert(next, u);
        elsewhere.append(u);
    }
    joinListGroups(s, units, elsewhere);
}

/// The unit a report is about: the first unit its title names (not a list of ranked units: 醴陵市、
/// 渌口区、天元区位居前三), else, where the title names it by its kind (全市), the highest unit of that
/// kind the text names, else the unit it names most.
/// 原创 横州发布 2026-11-08 18:30 广西: where a WeChat post was sent from, after the time at its byline's
/// end, is a place, not a unit the post speaks of.
void markWhereSentFrom(const QString &s, QList<UnitMention> &units)
{
    auto clockBefore = [&s](qsizetype at) {
        qsizetype k = at - 1;
        while (k > 0 && s.at(k) == u' ')
            --k;
        if (k < 4 || k == at - 1)
            return false;
        const QStringView clock = QStringView(s).mid(k - 4, 5);
        return clock.at(0).isDigit() && clock.at(1).isDigit() && clock.at(2) == u':' && clock.at(3).isDigit() && clock.at(4).isDigit();
    };
    for (UnitMention &u : units) {
        qsizetype end = u.end;
        while (end < s.size() && s.at(end) == u' ')
            ++end;
        if ((end == s.size() || s.at(end) == u'\n') && clockBefore(u.start))
            u.place = true;
    }
}

/// 贵阳贵安引进项目412个: a clause that opens with words of its own (two Chinese characters or more) before
/// its first metric's cue, not a topic word (全市, 我县, 该区) nor a linking one (其中, 另外, 同时).
bool opensWithUnknownName(QStringView clause)
{
    qsizetype cue = clause.size();
    for (const auto &[metric, cues] : Phrasing::instance().before) {
        const CueSet::Hit h = cues.first(clause);
        if (h.found())
            cue = std::min(cue, h.start);
    }
    QStringView name = clause.left(cue).trimmed();
    for (const char16_t *link : {u"其中", u"另外", u"同时", u"此外", u"共", u"累计", u"新", u"已"}) {
        if (name.startsWith(link))
            return false;
    }
    return cue < clause.size() && name.size() >= 2 && std::all_of(name.cbegin(), name.cend(), isHanChar)
        && !QStringView(u"全我该本各均").contains(name.front());
}

QString findSubject(const QString &text, const QList<UnitMention> &units, qsizetype titleStart, qsizetype titleEnd)
{
    auto counts = [&units](auto accept) {
        QHash<QString, int> c;
        for (const UnitMention &u : units) {
            if (!u.topic && !u.place && accept(u))
                c[u.name] += 1;
        }
        return c;
    };
    // A unit named in a list (醴陵市、渌口区) is one of many, not the report's own.
    // 蒙自市9个、弥勒市7个 is a list too: a figure of each between the names.
    static const QRegularExpression itemGap(QStringLiteral("^[\\d.]+[^\\s,。;:]{0,3}[、,]$"));
    auto together = [&](int a, int b) {
        const UnitMention &x = units.at(a), &y = units.at(b);
        if (x.topic || y.topic)
            return false;
        return x.group == y.group || itemGap.match(QStringView(text).mid(x.end, y.start - x.end)).hasMatch();
    };
    auto listed = [&](int k) { return (k + 1 < units.size() && together(k, k + 1)) || (k > 0 && together(k - 1, k)); };
    QChar titleKind;
    for (int k = 0; k < units.size() && units.at(k).start < titleEnd; ++k) {
        const UnitMention &u = units.at(k);
        if (u.start < titleStart)
            continue; // (the page's chrome and date line above the title: 赣州市人民政府 / 来源:…)
        if (u.topic) {
            if (titleKind.isNull() && u.kindChar != u'两')
                titleKind = u.kindChar;
            continue;
        }
        // (江西省赣州市南康区: the last of the names written together, each inside the one before)
        if (k + 1 < units.size() && units.at(k + 1).start == u.end && !units.at(k + 1).topic)
            continue;
        if (!u.place && !listed(k))
            return u.name;
    }
    // 各镇(街道)…情况, 各县(市、区)…: a report on the units of those kinds side by side, none of them its
    // own: the unit above them, if the report names one.
    static const QRegularExpression each(QStringLiteral("各(?:乡镇|[镇乡县区市])(?:[(（]([^)）]{1,8})[)）])?"));
    if (const auto m = each.match(QStringView(text).mid(titleStart, titleEnd - titleStart)); m.hasMatch()) {
        // (By level, not suffix: 县(市、区) are county-level, and 眉山市 above them is a 市 too.)
        const QString kinds = m.captured(0);
        const int listedLevel = kinds.contains(u'镇') || kinds.contains(u'乡') ? Gazetteer::Township
                              : kinds.at(1) == u'市' && !kinds.contains(u'县') ? Gazetteer::Prefecture
                                                                              : Gazetteer::County;
        QString best;
        int bestLevel = 99;
        for (const UnitMention &u : units) {
            if (!u.topic && !u.place && u.level > 0 && u.level < listedLevel && u.level < bestLevel) {
                best = u.name;
                bestLevel = u.level;
            }
        }
        return best;
    }
    if (!titleKind.isNull()) {
        // The title says 全市: the highest 市 the text names, unless every such one stands in a list
        // of its peers (a city's bulletin about its counties, the city never named): then none.
        QSet<QString> inLists;
        for (int k = 0; k < units.size(); ++k) {
            if (listed(k))
                inLists.insert(units.at(k).name);
        }
        const QHash<QString, int> c = counts([&](const UnitMention &u) { return u.name.endsWith(titleKind) && !inLists.contains(u.name); });
        QString best;
        int bestLevel = 99, most = 0;
        for (const UnitMention &u : units) {
            const int n = c.value(u.name);
            if (n && (u.level < bestLevel || (u.level == bestLevel && n > most))) {
                best = u.name;
                bestLevel = u.level;
                most = n;
            }
        }
        // (全市…讲评会: 湘潭县签约额居首,韶山市…增速最快,岳塘区、雨湖区…: a county-level 市 named no more
        // often than two or more peers of its prefecture is one of the parts the city adds up, not the city)
        if (bestLevel == Gazetteer::County) {
            const Gazetteer &g = Gazetteer::divisions();
            const QHash<QString, int> peers = counts([&](const UnitMention &u) {
                return u.level == Gazetteer::County && u.name != best && g.samePrefecture(u.name, best);
            });
            if (std::count_if(peers.cbegin(), peers.cend(), [&](int n) { return n >= most; }) >= 2)
                return QString();
        }
        return best;
    }
    // Else the unit named most, not counting units named in lists of their peers.
    QSet<QString> inLists;
    for (int k = 0; k < units.size(); ++k) {
        if (listed(k))
            inLists.insert(units.at(k).name);
    }
    const QHash<QString, int> c = counts([&inLists](const UnitMention &u) { return !inLists.contains(u.name); });
    // (Named as often, the unit higher up: a city's report names each of its counties once, and itself.)
    // (Named more than once and as often as another of its level, it is one of peers: ◆浏阳市 …,
    // ◆宁乡市 …, ◆长沙县 …, then 全市共…: none of them is the report's own.)
    QString best;
    int most = 0, bestLevel = 99;
    bool peers = false;
    for (const UnitMention &u : units) {
        const int n = c.value(u.name);
        const int level = u.level > 0 ? u.level : 98;
        if (n > most || (n && n == most && level < bestLevel)) {
            most = n;
            best = u.name;
            bestLevel = level;
            peers = false;
        } else if (n && n == most && level == bestLevel && u.name != best) {
            peers = true;
        }
    }
    return peers && most >= 2 && bestLevel < 98 ? QString() : best;
}

// ---------------------------------------------------------------------------------------------
// Tables flattened into text: a header of metric names, then one row per unit, either on one line
// with the cells apart (东宁市 32 168.4 45.2) or one cell per line (蓬江区 / 21 / 108.45 / …).

struct Cell
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;
};

QList<Cell> cellsOf(const QString &s, qsizetype from, qsizetype to)
{
    QList<Cell> out;
    qsizetype i = from;
    while (i < to) {
        while (i < to && (s.at(i).isSpace() || s.at(i) == QChar(0x3000) || s.at(i) == u'|'))
            ++i;
        const qsizetype start = i;
        while (i < to && !(s.at(i).isSpace() || s.at(i) == QChar(0x3000) || s.at(i) == u'|')) {
            ++i;
            // (签约项目(个)签约金额(亿元): two headers a PDF set with no space between, each ending in its unit;
            // not 县(市)区)
            if (s.at(i - 1) == u')' && i < to && isHanChar(s.at(i))) {
                static const QStringList units = QString::fromUtf16(u"个 项 家 次 批 场 亿元 万元 % 亿 万 个数 批次 家次 万美元 亿美元").split(u' ');
                const qsizetype open = s.lastIndexOf(u'(', i - 1);
                if (open >= start && units.contains(QStringView(s).mid(open + 1, i - 2 - open)))
                    break;
            }
        }
        if (i > start)
            out.append({start, i, s.mid(start, i - start)});
    }
    return out;
}

std::optional<double> cellNumber(const QString &cell)
{
    if (cell.isEmpty() || !(cell.front().isDigit() || cell.front() == u'-'))
        return std::nullopt;
    static const QRegularExpression number(QStringLiteral("^(-?\\d+(?:\\.\\d+)?)%?$"));
    const auto m = number.match(cell);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toDouble();
}

/// The metric a column header names (签约项目(个), 新签约项目计划总投资, 到位资金(亿元), 完成率), with the
/// figure's class and scale; empty metric for a column that is none (同比增长, 排名).
struct Column
{
    QString metric;
    UnitClass cls = UnitClass::Count;
    double scale = 1;
    bool target = false; // 年度目标, 到位资金任务: the year's target of the metric
    enum Reach { TableSpan, ThisMonth, SoFar };
    Reach reach = TableSpan; // 本月签约项目: the month the table is of; 累计签约项目: the months from January to it
};

Column columnFor(const QString &header, const QString &unitLine, const SentenceState &st)
{
    Column c;
    static const CueSet money(QString::fromUtf16(u"亿元 万元 投资 金额 资金 总额 签约额 引资额 产值 营收").split(QLatin1Char(' ')));
    // 到位资金完成年度任务: the share of the year's target, not an amount.
    static const CueSet percent(QString::fromUtf16(u"% 率 进度 比例 完成…任务 完成…目标 完成…计划").split(QLatin1Char(' ')));
    if (percent.in(header))
        c.cls = UnitClass::Percent;
    else if (money.in(header))
        c.cls = UnitClass::Money;
    if (c.cls == UnitClass::Money && (header.contains(u"万元") || (!header.contains(u"亿元") && unitLine.contains(u"万元") && !unitLine.contains(u"亿元"))))
        c.scale = 1e-4;
    // (新开工项目当月: a group's column; 截至本月累计: the months so far)
    if (header.contains(u"累计") || header.contains(u"年初以来") || header.contains(u"今年以来"))
        c.reach = Column::SoFar;
    else if (header.contains(u"本月") || header.contains(u"当月"))
        c.reach = Column::ThisMonth;
    Number n;
    n.cls = c.cls;
    const QStringList units = c.cls == UnitClass::Count ? QStringList{QStringLiteral("个"), QStringLiteral("次"), QStringLiteral("家"), QStringLiteral("场")}
                                                        : QStringList{c.cls == UnitClass::Money ? QStringLiteral("亿元") : QStringLiteral("%")};
    for (const QString &u : units) {
        n.unit = u;
        const MetricChoice m = chooseMetric(n, header, header, header, QStringView(), st, false);
        if (!m.metric.isEmpty()) {
            c.metric = m.metric;
            break;
        }
    }
    // 上年同期签约项目, 去年同期: the base a comparison is made with, not a figure of the table's period.
    if (header.contains(u"上年") || header.contains(u"去年") || header.contains(u"同期"))
        c.metric.clear();
    return c;
}

/// The columns of a header, left to right: an amount after a count of projects is theirs
/// (新动工项目数, 新动工项目计划总投资).
QList<Column> columnsFor(const QStringList &headers, const QString &unitLine)
{
    QList<Column> columns;
    SentenceState st;
    for (const QString &h : headers) {
        columns.append(columnFor(h, unitLine, st));
        if (Phrasing::unitGroup(columns.last().metric) == QLatin1String("projects"))
            st.previousProjectMetric = columns.last().metric;
    }
    // 年度目标 before 到位资金, 签约项目任务: a column of the year's targets, of its own metric or else of
    // the next column's (not 计划总投资, a project's planned investment; not 完成率).
    for (qsizetype c = 0; c < columns.size(); ++c) {
        const QString &h = headers.at(c);
        const bool targetWords = h.contains(u"目标") || h.contains(u"任务") || h.endsWith(u"计划");
        if (!targetWords || h.contains(u"完成") || columns.at(c).cls == UnitClass::Percent)
            continue;
        columns[c].target = true;
        // 签约金额 年度目标 完成率: a target between its amount and the share done is the amount's; and
        // 年度目标 签约项目(个) 签约金额 到位资金 完成率: a target before them is the one of the amount the share
        // done follows (the share is of that amount against the target).
        qsizetype rate = c + 1;
        while (rate < columns.size() && columns.at(rate).cls != UnitClass::Percent)
            ++rate;
        const qsizetype amount = rate == c + 1 ? c - 1 : rate - 1;
        if (columns.at(c).metric.isEmpty() && rate < columns.size() && amount >= 0 && !columns.at(amount).metric.isEmpty()
            && columns.at(amount).cls != UnitClass::Percent && !columns.at(amount).target) {
            columns[c].metric = columns.at(amount).metric;
            columns[c].cls = columns.at(amount).cls;
            columns[c].scale = columns.at(amount).scale;
        }
        for (qsizetype k = c + 1; columns.at(c).metric.isEmpty() && k < columns.size(); ++k) {
            if (!columns.at(k).metric.isEmpty() && columns.at(k).cls != UnitClass::Percent) {
                columns[c].metric = columns.at(k).metric;
                columns[c].cls = columns.at(k).cls;
                columns[c].scale = columns.at(k).scale;
            }
        }
    }
    return columns;
}

/// Whether \a name has the shape of a township's name (禾溪乡, 花园街道), not a word for towns (乡镇,
/// 各镇, 特色小镇, 新型城镇, 去年街道) nor a phrase of coming to one (接待来镇, 组织到乡, 返乡): for a town
/// the code list lacks, named where its peers stand. (东来镇, 前进乡 are in the list.)
bool isTownName(QStringView name)
{
    static const QRegularExpression named(QStringLiteral("^\\p{Han}{2,8}(?:镇|乡|街道|苏木)$"));
    static const QRegularExpression words(QStringLiteral("^(?:各|全|本|该|我|其他|其余)|乡镇|镇乡|镇街|^街道$|[小城村集]镇$|城乡$|[年月季]"
                                                         "|[来到赴返回驻进入][镇乡]$"));
    return named.match(name).hasMatch() && !words.match(name).hasMatch();
}

/// 城关镇签约项目9个… / 石桥镇签约项目7个… / 柳河乡签约项目3个…: where a known town opens a clause
/// (a line, or after 。;,:), a name of a township's shape opening another clause, a figure close
/// after it, is a town too, one the code list lacks. So is such a name listed after a town with 、
/// (城厢镇签约项目8个、湖洋乡5个; 城厢镇、湖洋乡、东山镇分别…).
void addSiblingTowns(const QString &s, QList<UnitMention> &units)
{
    static const CharSet clauseEnds(QStringLiteral("\n。;,:"));
    auto opensClause = [&s](qsizetype at) {
        qsizetype k = at;
        while (k > 0 && (s.at(k - 1) == u' ' || s.at(k - 1) == u'\t'))
            --k;
        return k == 0 || clauseEnds.contains(s.at(k - 1));
    };
    const bool peers = std::any_of(units.cbegin(), units.cend(), [&](const UnitMention &u) {
        return !u.topic && u.level == Gazetteer::Township && opensClause(u.start);
    });
    if (!peers)
        return;
    // (by hand at each clause's start: a pattern over the whole text costs more than the rest of this)
    QList<UnitMention> more;
    // Where towns' mentions (known, or found here) start and end.
    QSet<qsizetype> townStarts, townEnds;
    for (const UnitMention &u : std::as_const(units)) {
        if (!u.topic && u.level == Gazetteer::Township) {
            townStarts.insert(u.start);
            townEnds.insert(u.end);
        }
    }
    // A figure ends at \a at in a short clause a town opens (城厢镇签约项目8个).
    auto townFigureEndsAt = [&](qsizetype at) {
        if (at < 2 || !QStringView(u"个家次批场项亿元%").contains(s.at(at - 1)))
            return false;
        qsizetype k = at - 1;
        while (k > 0 && at - k < 40 && !clauseEnds.contains(s.at(k - 1)) && s.at(k - 1) != u'、')
            --k;
        while (k < at && (s.at(k) == u' ' || s.at(k) == u'\t'))
            ++k;
        return townStarts.contains(k);
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        // (a list goes on after a town, or after a town's figure: 城厢镇签约项目8个、湖洋乡5个)
        const bool listed = i > 0 && s.at(i - 1) == u'、' && (townEnds.contains(i - 1) || townFigureEndsAt(i - 1));
        if (i > 0 && !clauseEnds.contains(s.at(i - 1)) && !listed)
            continue;
        qsizetype start = i;
        while (start < s.size() && (s.at(start) == u' ' || s.at(start) == u'\t'))
            ++start;
        // The shortest name of two to six characters before 镇, 乡 (not 乡村) or 街道, a character after it.
        qsizetype end = -1;
        for (qsizetype k = start + 2; k <= start + 6 && k + 1 < s.size() && isHanChar(s.at(k - 1)); ++k) {
            const QChar c = s.at(k);
            const qsizetype suffix = c == u'镇' || (c == u'乡' && s.at(k + 1) != u'村') ? 1 : QStringView(s).mid(k, 2) == u"街道" ? 2 : 0;
            // (in a list, 湖洋乡、 and 湖洋乡5个 too)
            if (suffix && k + suffix < s.size()
                && (isHanChar(s.at(k + suffix)) || (listed && (s.at(k + suffix) == u'、' || s.at(k + suffix).isDigit())))) {
                end = k + suffix;
                break;
            }
        }
        if (end < 0 || !isHanChar(s.at(start)))
            continue;
        const QStringView name = QStringView(s).mid(start, end - start);
        if (!isTownName(name) || Mentions::overlapsAny(units, start, end))
            continue;
        // (a figure of its own close after the name: 柳河乡签约项目3个, not 乡村振兴…; or, in a list, the
        // next name or the figures all the names share: 湖洋乡、东山镇分别…)
        const QStringView next = QStringView(s).mid(end, 12);
        const qsizetype digit = std::find_if(next.cbegin(), next.cend(), [](QChar c) { return c.isDigit(); }) - next.cbegin();
        const bool listGoesOn = listed && (next.startsWith(u'、') || next.startsWith(u"分别"));
        if (!listGoesOn && (digit >= next.size() || std::any_of(next.cbegin(), next.cbegin() + digit, [](QChar c) { return isDelim(c); })))
            continue;
        UnitMention u;
        u.start = start;
        u.end = end;
        u.name = name.toString();
        u.level = Gazetteer::Township;
        u.group = (1 << 21) + int(more.size()); // a group of its own
        more.append(u);
        townStarts.insert(u.start);
        townEnds.insert(u.end);
    }
    if (more.isEmpty())
        return;
    units += more;
    std::sort(units.begin(), units.end(), [](const UnitMention &a, const UnitMention &b) { return a.start < b.start; });
    joinListGroups(s, units, more);
}

/// 分地区看,瑞金签约项目31个,于都27个,兴国24个: bare names of divisions (no 市, 县) opening the clauses of
/// one sentence, each followed by its figure or its verb, are those divisions, where two or more stand so.
/// (One alone is too likely a word: 和平, 光明, 新华 are names too.) And a paragraph that opens with such a
/// name in brackets or before a colon (【瑞金】…, 兴国:…) is that division's.
void addBareClauseUnits(const QString &s, QList<UnitMention> &units, const Gazetteer &gazetteer)
{
    static const CharSet clauseEnds(QStringLiteral("\n。;,:!?"));
    const QStringList &verbs = clauseOpeningVerbs();
    static const CharSet verbStarts = [] {
        QString first;
        for (const QString &v : clauseOpeningVerbs())
            first += v.front();
        return CharSet(first);
    }();
    QList<UnitMention> sentence; // the candidates of the sentence being read
    QList<UnitMention> more;
    auto endSentence = [&]() {
        if (sentence.size() >= 2)
            more += sentence;
        sentence.clear();
    };
    auto mention = [&](qsizetype start, qsizetype end, const QString &name, int level) {
        UnitMention u;
        u.start = start;
        u.end = end;
        u.name = name;
        u.level = level;
        u.group = (1 << 22) + int(more.size() + sentence.size()); // each a group of its own
        return u;
    };
    // The prefecture or county whose bare name is s[at, at + len), not inside a unit named already.
    auto bareDivision = [&](qsizetype at, qsizetype len) -> std::optional<UnitMention> {
        const QString name = divisionOfStem(gazetteer, s.mid(at, len), QChar());
        const int level = gazetteer.level(name);
        if (name.isEmpty() || level < Gazetteer::Prefecture || level > Gazetteer::County || Mentions::overlapsAny(units, at, at + len))
            return std::nullopt;
        return mention(at, at + len, name, level);
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar before = i > 0 ? s.at(i - 1) : QChar(u'\n');
        if (!clauseEnds.contains(before))
            continue; // (a clause's start is all this reads)
        if (before == u'。' || before == u'\n' || before == u'!' || before == u'?')
            endSentence();
        // 【瑞金】1-9月,… / 兴国:1-9月,…: a paragraph a roundup opens with a place's bare name in brackets or
        // before a colon is that division's (one is enough: the line's shape says it is a name).
        if (before == u'\n') {
            if (const auto u = bareNameOpening(s, i, gazetteer); u && !Mentions::overlapsAny(units, u->start, u->end))
                more.append(mention(u->start, u->end, u->name, u->level));
        }
        if (!isHanChar(s.at(i)))
            continue;
        // 在合肥,1-8月全市…。在芜湖,…: a province's roundup opens each city's sentence with 在 and its bare name
        // (one is enough: 在 and the comma say it is a place).
        if (s.at(i) == u'在' && (before == u'。' || before == u'\n')) {
            for (qsizetype len = 3; len >= 2; --len) {
                if (i + 1 + len >= s.size() || s.at(i + 1 + len) != u',')
                    continue;
                if (const auto u = bareDivision(i + 1, len)) {
                    more.append(*u);
                    break;
                }
            }
            continue;
        }
        for (qsizetype len = 3; len >= 2; --len) {
            if (i + len >= s.size())
                continue;
            const QChar after = s.at(i + len);
            if (!after.isDigit() && !verbStarts.contains(after))
                continue; // (a cheap look first)
            const QStringView rest = QStringView(s).mid(i + len, 4);
            const bool figure = after.isDigit();
            const bool verb = std::any_of(verbs.cbegin(), verbs.cend(), [&rest](const QString &v) { return rest.startsWith(v); });
            if (!figure && !verb)
                continue;
            if (const auto u = bareDivision(i, len)) {
                sentence.append(*u);
                break;
            }
        }
    }
    endSentence();
    if (more.isEmpty())
        return;
    units += more;
    std::sort(units.begin(), units.end(), [](const UnitMention &a, const UnitMention &b) { return a.start < b.start; });
}

struct TableRow
{
    QString unitName;   // as the row names it (全市 → the subject)
    QString span;       // a row of a month or quarter (1月, 二季度) of the report's own unit: its span
    qsizetype start = 0, end = 0;
    QList<double> values;
};

struct Table
{
    qsizetype start = 0;  // of the header
    QList<Column> columns;
    QList<TableRow> rows;
};

/// The line that gives a table's units (单位:个、亿元), paragraph p or one of the three above it.
QString unitLineAbove(const QString &s, const ReportDocument &doc, int p)
{
    for (int k = p; k >= 0 && k >= p - 3; --k) {
        const QString line = s.mid(doc.paragraphs.at(k).start, doc.paragraphs.at(k).end - doc.paragraphs.at(k).start);
        if (line.contains(u"单位"))
            return line;
    }
    return QString();
}

/// A table's lines are short and hold no sentence: most paragraphs are passed over at once.
bool isCellLine(const QString &s, const ReportDocument::Paragraph &para)
{
    if (para.end - para.start > 120)
        return false;
    for (qsizetype i = para.start; i < para.end; ++i) {
        if (QStringView(u"。,;").contains(s.at(i)))
            return false;
    }
    return true;
}

/// The unit a table's cell names: the gazetteer's name filling the cell, or * for the whole (全市, 合计);
/// empty for none.
QString tableUnitCell(const QString &cell, const Gazetteer &gazetteer)
{
    // 全市, 本县, 合计, 总计, 全师市: the whole
    const bool whole = (cell.size() == 2 && (cell.front() == u'全' || cell.front() == u'本') && QStringView(u"市州县区旗盟省镇").contains(cell.back()))
        || cell == u"合计" || cell == u"总计" || cell == u"全师市";
    if (whole)
        return QStringLiteral("*");
    const QList<Gazetteer::Mention> m = gazetteer.find(cell);
    if (m.size() == 1 && m.first().start == 0 && m.first().end == cell.size())
        return cell;
    return QString();
}

/// The tables of a report. A row's first cell must be a unit (the gazetteer's, or 全市/合计).
QList<Table> findTables(const QString &s, const ReportDocument &doc, const Gazetteer &gazetteer)
{
    QList<Table> tables;
    auto unitCell = [&gazetteer](const QString &cell) { return tableUnitCell(cell, gazetteer); };
    // A row's name without its suffix (南昌 under 设区市, 蒙自 under 县市): the division of that kind.
    auto rowUnit = [&](const QString &cell, const QString &label) -> QString {
        const QString known = unitCell(cell);
        if (!known.isEmpty() || cell.size() < 2 || cell.size() > 3 || !std::all_of(cell.cbegin(), cell.cend(), isHanChar))
            return known;
        const QChar kind = label.contains(u'县') || label.contains(u'区') ? QChar()
                         : label.contains(u'市')                          ? QChar(u'市')
                         : label.contains(u'州')                          ? QChar(u'州')
                                                                          : QChar();
        return divisionOfStem(gazetteer, cell, kind);
    };
    // Below a row of a unit the gazetteer knows, a row's name with a township's suffix is a unit too
    // (a town the code list lacks, merged or renamed since): 禾溪乡 under 澄江镇 and 马市镇.
    auto unknownUnitCell = [](const QString &cell) { return isTownName(cell) ? cell : QString(); };
    auto unitLineBefore = [&](int p) { return unitLineAbove(s, doc, p); };
    const auto &paras = doc.paragraphs;
    auto cellLine = [&](int p) { return isCellLine(s, paras.at(p)); };
    // A rank or a row number may come before the unit (排名 县(区) 签约项目 …, then 1 金湾区 86 …).
    static const QRegularExpression indexHeader(QStringLiteral("^(?:排名|名次|位次|序号|编号|No\\.?)$"),
                                                QRegularExpression::CaseInsensitiveOption);
    auto indexCell = [](const QString &cell) {
        const auto v = cellNumber(cell);
        return v && *v >= 0 && *v == std::floor(*v) && !cell.contains(u'%');
    };
    // 1月, 3月份, 十二月, 二季度: a row of a table by month (分月完成情况) holds the report's own unit's figures
    // of that span; "" for a row of no period.
    auto rowSpan = [](const QString &cell) {
        static const QRegularExpression period(QStringLiteral("^(?:(\\d{1,2}|[一二三四五六七八九十]{1,3})月份?|([1-4一二三四])季度)$"));
        const auto m = period.match(cell);
        if (!m.hasMatch())
            return QString();
        const bool month = m.hasCaptured(1);
        const QString n = m.captured(month ? 1 : 2);
        const int k = n.front().isDigit() ? n.toInt() : int(parseChineseNumber(n).value_or(0));
        if (month ? k < 1 || k > 12 : k < 1 || k > 4)
            return QString();
        return month ? QStringLiteral("M%1").arg(k, 2, 10, QLatin1Char('0')) : QStringLiteral("Q%1").arg(k);
    };
    // The rows from paragraph \a from on, each \a width cells wide, a unit in cell \a lead (the rows' label
    // \a label): into \a t; the paragraph after the last row.
    auto readRows = [&](int from, qsizetype width, int lead, const QString &label, Table &t) {
        int q = from;
        for (; q < paras.size(); ++q) {
            const QList<Cell> row = cellsOf(s, paras.at(q).start, paras.at(q).end);
            // (合计 71 369.1: a total row has no number of its own; its name spans the number's column)
            const int at = lead && row.size() == width - 1 && unitCell(row.first().text) == u'*' ? 0 : lead;
            if (row.size() != width - (lead - at) || (at && !indexCell(row.first().text)))
                break;
            TableRow r;
            r.unitName = rowUnit(row.at(at).text, label);
            if (r.unitName.isEmpty() && !t.rows.isEmpty())
                r.unitName = unknownUnitCell(row.at(at).text);
            if (r.unitName.isEmpty() && (t.rows.isEmpty() || !t.rows.first().span.isEmpty())) {
                r.span = rowSpan(row.at(at).text);
                if (!r.span.isEmpty())
                    r.unitName = QStringLiteral("*");
            }
            if (r.unitName.isEmpty() && t.rows.isEmpty())
                break;
            r.start = row.at(at).start;
            r.end = row.last().end;
            for (int c = at + 1; c < row.size() && r.values.size() == c - at - 1; ++c) {
                const int column = c - at - 1;
                if (const auto v = cellNumber(row.at(c).text))
                    r.values.append(*v);
                else if (column < t.columns.size() && t.columns.at(column).metric.isEmpty())
                    r.values.append(std::nan("")); // a column no metric reads (预警: 红, 备注) holds any text
            }
            if (r.values.size() != width - lead - 1)
                break;
            // (市经开区 21 150.7 between two counties: a row of the table whose name is no unit the
            // reader knows; the rows below it are the table's still)
            if (!r.unitName.isEmpty())
                t.rows.append(r);
        }
        return q;
    };
    // The table under the header at paragraph \a p, its columns named \a names, its rows from paragraph \a from
    // on (readRows' \a width, \a lead, \a label), where it has \a minRows rows or more: added, and the
    // paragraph after its last row; else -1.
    auto addTable = [&](int p, const QStringList &names, int from, qsizetype width, int lead, const QString &label, int minRows) {
        Table t;
        t.start = paras.at(p).start;
        t.columns = columnsFor(names, unitLineBefore(p));
        const int q = readRows(from, width, lead, label, t);
        if (t.rows.size() < minRows)
            return -1;
        tables.append(t);
        return q;
    };
    // A column under a group of a two-row header: 签约项目 / 个数; 实际到位资金 / 金额 is the amount the group
    // names (金额 alone would make it a project count's).
    // (金额(亿元) too: the measure after it stays)
    auto columnName = [](const QString &above, const QString &below) -> QString { // (a QString: a QStringBuilder would outlive the parts it joins)
        static const QStringList amountWords = {QStringLiteral("金额"), QStringLiteral("总额"), QStringLiteral("数额")};
        const qsizetype measure = std::min<qsizetype>(below.indexOf(u'(') < 0 ? below.size() : below.indexOf(u'('),
                                                      below.indexOf(u'（') < 0 ? below.size() : below.indexOf(u'（'));
        const bool amountOfAmount = amountWords.contains(below.left(measure)) && columnFor(above, QString(), SentenceState()).cls == UnitClass::Money;
        return amountOfAmount ? above + below.mid(measure) : above + below;
    };
    for (int p = 0; p < paras.size(); ++p) {
        if (!cellLine(p))
            continue;
        const QList<Cell> header = cellsOf(s, paras.at(p).start, paras.at(p).end);
        const int lead = !header.isEmpty() && indexHeader.match(header.first().text).hasMatch() ? 1 : 0;
        // Rows on one line each: a header of three or more cells, then rows of the same width.
        // (A look at the first row before the header's words are read: most short lines head no table.)
        const QList<Cell> firstRow = p + 1 < paras.size() && (header.size() >= 3 + lead || (header.size() == 2 + lead && cellLine(p + 1)))
            ? cellsOf(s, paras.at(p + 1).start, paras.at(p + 1).end) : QList<Cell>();
        // (县(区) 实际到位资金(亿元) / 临川区 61.2 / 南城县 48.5: one column of figures, where its name is a
        // metric's and two rows or more follow)
        const bool oneColumn = header.size() == 2 + lead && firstRow.size() == header.size()
            && !columnFor(header.last().text, QString(), SentenceState()).metric.isEmpty();
        if ((header.size() >= 3 + lead || oneColumn) && firstRow.size() == header.size() && unitCell(header.at(lead).text).isEmpty()
            && (!rowUnit(firstRow.at(lead).text, header.at(lead).text).isEmpty() || !rowSpan(firstRow.at(lead).text).isEmpty())) {
            QStringList names;
            for (int c = lead + 1; c < header.size(); ++c)
                names << header.at(c).text;
            if (const int q = addTable(p, names, p + 1, header.size(), lead, header.at(lead).text, oneColumn ? 2 : 1); q >= 0) {
                p = q - 1;
                continue;
            }
        }
        // A header of two rows, its cells apart by tabs, as a Word table's rows are (签约项目 merged over 个数
        // and 金额 is followed by an empty cell; 完成率 over both rows has an empty one below): each column is
        // under the group that stands over it or last before it.
        if (!lead && !header.isEmpty() && p + 2 < paras.size() && unitCell(header.first().text).isEmpty()) {
            const QStringView topLine = QStringView(s).mid(paras.at(p).start, paras.at(p).end - paras.at(p).start);
            const QStringView subLine = QStringView(s).mid(paras.at(p + 1).start, paras.at(p + 1).end - paras.at(p + 1).start);
            QStringList aligned;
            if (topLine.contains(u'\t') && subLine.contains(u'\t')) {
                const QList<QStringView> top = topLine.split(u'\t'), sub = subLine.split(u'\t');
                QString group;
                for (qsizetype k = 1; k < std::max(top.size(), sub.size()); ++k) {
                    const QString above = k < top.size() ? top.at(k).trimmed().toString() : QString();
                    const QString below = k < sub.size() ? sub.at(k).trimmed().toString() : QString();
                    if (cellNumber(below)) { // (a row of figures: no header's second row)
                        aligned.clear();
                        break;
                    }
                    group = above.isEmpty() ? group : above;
                    if (!below.isEmpty() || !above.isEmpty())
                        aligned << (below.isEmpty() ? above : columnName(group, below));
                }
            }
            const QList<Cell> data = aligned.isEmpty() ? QList<Cell>() : cellsOf(s, paras.at(p + 2).start, paras.at(p + 2).end);
            if (!aligned.isEmpty() && data.size() == aligned.size() + 1 && !rowUnit(data.first().text, header.first().text).isEmpty()) {
                if (const int q = addTable(p, aligned, p + 2, data.size(), 0, header.first().text, 1); q >= 0) {
                    p = q - 1;
                    continue;
                }
            }
        }
        // A header of two rows, each group above its columns (县(市、区) 签约项目 实际到位资金 / 个数 金额 金额
        // 完成率 / 章贡区 28 136.5 62.3 81.2): a group goes on until one of its columns' names comes again.
        if (!lead && header.size() >= 2 && firstRow.size() >= header.size() && p + 2 < paras.size() && cellLine(p + 1)
            && unitCell(header.first().text).isEmpty()
            && std::none_of(firstRow.cbegin(), firstRow.cend(), [](const Cell &c) { return cellNumber(c.text).has_value(); })) {
            const QList<Cell> data = cellsOf(s, paras.at(p + 2).start, paras.at(p + 2).end);
            if (data.size() == firstRow.size() + 1 && !rowUnit(data.first().text, header.first().text).isEmpty()) {
                QStringList names;
                QStringList inGroup;
                int group = 1;
                for (const Cell &c : firstRow) {
                    if (inGroup.contains(c.text)) {
                        ++group;
                        inGroup.clear();
                    }
                    inGroup << c.text;
                    names << columnName(group < header.size() ? header.at(group).text : QString(), c.text);
                }
                if (group == header.size() - 1) {
                    if (const int q = addTable(p, names, p + 2, data.size(), 0, header.first().text, 1); q >= 0) {
                        p = q - 1;
                        continue;
                    }
                }
            }
        }
        // A header of two rows laid out by spaces, as pdftotext writes a PDF's table (签约项目 centred over
        // 个数 and 金额(亿元), 完成率 down both rows): a column with no name of its own in the second row takes
        // the first row's name nearest it; the others the nearest name left, as their group. Where cells
        // stand is counted in characters, as pdftotext sets them; where that leaves a name of the first row
        // over no column, in printed width (a Chinese character two columns: a table typed in an editor
        // and lined up by eye, 签约金额 / (亿元) under each other).
        if (!lead && header.size() >= 2 && p + 2 < paras.size() && cellLine(p + 1) && unitCell(header.first().text).isEmpty()) {
            const QList<Cell> sub = cellsOf(s, paras.at(p + 1).start, paras.at(p + 1).end);
            const QList<Cell> data = cellsOf(s, paras.at(p + 2).start, paras.at(p + 2).end);
            const int columns = int(data.size()) - 1;
            const bool shaped = !sub.isEmpty() && columns >= 2 && sub.size() <= columns && header.size() - 1 <= columns
                && std::none_of(sub.cbegin(), sub.cend(), [](const Cell &c) { return cellNumber(c.text).has_value(); })
                && !rowUnit(data.first().text, header.first().text).isEmpty();
            auto namesBy = [&](bool printed) {
                // (where a cell stands on its line: the middle of it from the line's start)
                auto middle = [&](const Cell &c, int para) {
                    if (!printed)
                        return double(c.start + c.end) / 2 - double(paras.at(para).start);
                    const QStringView before = QStringView(s).mid(paras.at(para).start, c.start - paras.at(para).start);
                    return ReportText::printedWidth(before) + ReportText::printedWidth(QStringView(s).mid(c.start, c.end - c.start)) / 2.0;
                };
                auto nearest = [&](double at, const QList<int> &among, const QList<Cell> &cells, int para) {
                    int best = -1;
                    for (int k : among) {
                        if (best < 0 || std::abs(middle(cells.at(k), para) - at) < std::abs(middle(cells.at(best), para) - at))
                            best = k;
                    }
                    return best;
                };
                QStringList below(shaped ? columns : 0), above(shaped ? columns : 0);
                bool fits = shaped;
                QList<int> dataColumns;
                for (int j = 1; j <= columns; ++j)
                    dataColumns << j;
                for (const Cell &c : sub) {
                    const int j = fits ? nearest(middle(c, p + 1), dataColumns, data, p + 2) - 1 : -1;
                    fits = fits && j >= 0 && below.at(j).isEmpty();
                    if (fits)
                        below[j] = c.text;
                }
                QList<int> groups;
                for (int k = 1; k < header.size(); ++k)
                    groups << k;
                for (int j = 0; fits && j < columns; ++j) {
                    if (!below.at(j).isEmpty())
                        continue;
                    const int k = nearest(middle(data.at(j + 1), p + 2), groups, header, p);
                    fits = k >= 0;
                    if (fits) {
                        above[j] = header.at(k).text;
                        groups.removeOne(k);
                    }
                }
                QStringList names;
                QSet<int> used;
                for (int j = 0; fits && j < columns; ++j) {
                    if (below.at(j).isEmpty()) {
                        names << above.at(j);
                        continue;
                    }
                    const int k = nearest(middle(data.at(j + 1), p + 2), groups, header, p);
                    fits = k >= 0;
                    if (fits) {
                        names << columnName(header.at(k).text, below.at(j));
                        used.insert(k);
                    }
                }
                const bool everyGroup = used.size() == groups.size();
                return std::make_pair(fits && names.size() == columns ? names : QStringList(), everyGroup);
            };
            auto [names, everyGroup] = namesBy(false);
            if (!names.isEmpty() && !everyGroup) {
                if (auto [byWidth, widthEveryGroup] = namesBy(true); !byWidth.isEmpty() && widthEveryGroup)
                    names = byWidth;
            }
            if (!names.isEmpty()) {
                if (const int q = addTable(p, names, p + 2, data.size(), 0, header.first().text, 1); q >= 0) {
                    p = q - 1;
                    continue;
                }
            }
        }
        // One cell per line: short header lines, then a unit's line followed by one value a column.
        if (header.size() != 1 || !unitCell(header.first().text).isEmpty() || cellNumber(header.first().text)
            || header.first().text.contains(u':') || (header.first().text.startsWith(u"单位") && header.first().text.size() > 2))
            continue; // (单位 alone labels the rows; 单位:个、亿元 is the units line)
        int q = p;
        QStringList headers;
        while (q < paras.size()) {
            const QList<Cell> c = cellsOf(s, paras.at(q).start, paras.at(q).end);
            if (c.size() != 1 || !unitCell(c.first().text).isEmpty() || cellNumber(c.first().text) || c.first().text.size() > 24
                || c.first().text.contains(u':'))
                break;
            headers.append(c.first().text);
            ++q;
        }
        if (headers.size() < 3 + lead) // a label cell and at least two columns
            continue;
        Table t;
        t.start = paras.at(p).start;
        // The first header (after the rank) names the rows (地区, 单位, 县市区).
        t.columns = columnsFor(headers.mid(1 + lead), unitLineBefore(p));
        const int width = int(t.columns.size());
        while (q < paras.size()) {
            if (lead) { // the rank's line before the unit's
                const QList<Cell> rank = cellsOf(s, paras.at(q).start, paras.at(q).end);
                if (rank.size() != 1 || !indexCell(rank.first().text))
                    break;
                ++q;
                if (q >= paras.size())
                    break;
            }
            const QList<Cell> name = cellsOf(s, paras.at(q).start, paras.at(q).end);
            if (name.size() != 1)
                break;
            TableRow r;
            r.unitName = rowUnit(name.first().text, headers.value(lead));
            if (r.unitName.isEmpty() && !t.rows.isEmpty())
                r.unitName = unknownUnitCell(name.first().text);
            if (r.unitName.isEmpty())
                break;
            r.start = name.first().start;
            bool ok = true;
            for (int c = 1; c <= width && ok; ++c) {
                if (q + c >= paras.size()) {
                    ok = false;
                    break;
                }
                const QList<Cell> v = cellsOf(s, paras.at(q + c).start, paras.at(q + c).end);
                const auto x = v.size() == 1 ? cellNumber(v.first().text) : std::nullopt;
                ok = bool(x);
                if (ok) {
                    r.values.append(*x);
                    r.end = v.first().end;
                }
            }
            if (!ok)
                break;
            t.rows.append(r);
            q += width + 1;
        }
        if (!t.rows.isEmpty()) {
            tables.append(t);
            p = q - 1;
        }
    }
    return tables;
}

/// The same figure stated twice in one report is one fact.
QString factKey(const Fact &f)
{
    return f.district + QLatin1Char('|') + QString::number(f.year) + QLatin1Char('|') + f.span + QLatin1Char('|') + f.metric
        + QLatin1Char('|') + f.kind + QLatin1Char('|') + QString::number(qint64(std::llround(f.value * 10000)));
}

struct Context
{
    std::optional<Period> period;        // carried from earlier sentences
    std::optional<Period> sectionPeriod; // named by the section's heading
    std::optional<Period> titlePeriod;   // named by the title: the whole report's
    int contextYear = 0;                 // the year the text speaks of last (去年, 2024年)
    int sectionYear = 0;                 // the year the section's heading names (三、2025年工作打算)
    bool wholeYearTitle = false;         // the title sums a year up (2024年工作总结, 年终总结)
    bool targetSection = false;
    bool planDocument = false;           // the title calls the report a plan (2026年招商引资工作要点)
    QString sectionUnit;                 // a heading that is a unit's name (◆宜黄县, 二、南丰县): its section's unit
    QString sectionHeading;              // the words of the section's heading, past its number ((一)新签约项目)
    QString listIntro;                   // a line that ends with a colon (各县1-10月到位资金排名:), over the items after it
    int sectionParagraphs = 0;           // the paragraphs of the unit's section read so far
};

/// The words a park's or zone's name ends in, longest first, as a regex alternation: for parks and
/// zones the gazetteer does not know (管仲老家经济开发区, 攸州工业园).
QString parkWords()
{
    return QStringLiteral("经济技术开发区|高新技术产业开发区|经济开发区|开发区|经济区|高新区|经开区|工业园区|产业园区|"
                          "产业园|工业园|园区|集聚区|示范区|工业区|产业区|新区");
}

/// The parks and zones a bulletin is addressed to, in the line that opens it (各乡镇(街道),攸州工业园,
/// 县直各单位:): names of 3 to 12 characters that end in a park's or zone's word.
QStringList addressedZones(const QString &s, const ReportDocument &doc)
{
    static const QRegularExpression zone(QStringLiteral("^\\p{Han}{1,10}(?:%1)$").arg(parkWords()));
    QStringList out;
    for (int k = 0; k < doc.paragraphs.size() && k < 6; ++k) {
        const auto &para = doc.paragraphs.at(k);
        const QStringView line = QStringView(s).mid(para.start, para.end - para.start).trimmed();
        if (line.size() > 80 || !line.endsWith(u':') || !line.contains(u'各'))
            continue;
        QString items = line.chopped(1).toString();
        static const QRegularExpression brackets(QStringLiteral("[(（][^)）]*[)）]"));
        items.remove(brackets);
        for (const QString &item : items.split(QRegularExpression(QStringLiteral("[,、;]")), Qt::SkipEmptyParts)) {
            QString name = item.trimmed();
            for (const QString &office : {QStringLiteral("管理委员会"), QStringLiteral("管委会")}) {
                if (name.endsWith(office))
                    name.chop(office.size());
            }
            if (name.size() >= 3 && name.size() <= 12 && zone.match(name).hasMatch())
                out << name;
        }
    }
    return out;
}

/// Towns and streets the code list does not know (renamed, merged or made since it was drawn up) that
/// the report shows to be units: the office its byline names (来源:垌塘镇人民政府), or the name its title
/// opens with (长辛店镇:前三季度…, where the list knows only 辛店镇) when the body names it again. Not a
/// known unit's town written after it (宜丰县潭山镇), nor 全镇 or 各乡镇.
QStringList framedTowns(const QString &text, const QString &s, const ReportDocument &doc, const Gazetteer &gazetteer)
{
    QStringList out;
    auto consider = [&](const QString &name) {
        if (name.size() < 3 || gazetteer.contains(name) || out.contains(name) || QStringView(u"全我该本各").contains(name.front())
            || name.contains(u"乡镇"))
            return;
        // (宜丰县潭山镇: a known unit's town; 长辛店镇 holds the known 辛店镇 after no unit)
        for (const Gazetteer::Mention &m : gazetteer.find(name)) {
            if (m.start == 0 || m.end < name.size())
                return;
        }
        out << name;
    };
    static const QRegularExpression office(QStringLiteral(
        "(?:信息来源|来源|发布单位|发布机构)\\s*[:：]\\s*(\\p{Han}{2,6}?(?:镇|乡|街道))(?:人民政府|政府|党委|办事处|党工委|招商办)"));
    // (the pattern only around its words, made simplified there: not over the page's first 3,000 characters)
    const QStringView top = QStringView(text).left(3000);
    QList<qsizetype> at; // (where 来源, 來源, 发布 or 發布 stands, in one pass)
    for (qsizetype k = 0; k + 1 < top.size(); ++k) {
        const char16_t c = top.at(k).unicode(), next = top.at(k + 1).unicode();
        if (((c == u'来' || c == u'來') && next == u'源') || ((c == u'发' || c == u'發') && next == u'布'))
            at << k;
    }
    qsizetype done = 0;
    for (const qsizetype k : std::as_const(at)) {
        const qsizetype from = std::max(done, std::max<qsizetype>(0, k - 2));
        const qsizetype to = std::min<qsizetype>(top.size(), k + 48);
        if (from >= to)
            continue;
        const QString window = ReportText::toSimplified(top.mid(from, to - from).toString());
        for (auto it = office.globalMatch(window); it.hasNext();)
            consider(it.next().captured(1));
        done = k + 2; // (a window from a later word starts past this one's: no match is read twice from its start)
    }
    static const QRegularExpression opening(QStringLiteral("^\\s*(\\p{Han}{2,6}?(?:镇|乡|街道))[:：]"));
    const QStringView title = QStringView(s).mid(doc.titleStart, doc.titleEnd - doc.titleStart);
    if (const auto m = opening.match(title); m.hasMatch() && s.indexOf(m.capturedView(1), doc.titleEnd) >= 0)
        consider(m.captured(1));
    // 【石岭街道】石岭街道前10个月…: a roundup's paragraph opened by a town's name in brackets.
    static const QRegularExpression bracketed(QStringLiteral("^\\s*【(\\p{Han}{2,6}?(?:镇|乡|街道))】"));
    for (const ReportDocument::Paragraph &para : doc.paragraphs) {
        const QStringView line = QStringView(s).mid(para.start, para.end - para.start);
        if (!line.trimmed().startsWith(u'【'))
            continue;
        if (const auto m = bracketed.match(line); m.hasMatch() && isTownName(m.capturedView(1)))
            consider(m.captured(1));
    }
    return out;
}

/// Where the last 分别 or 依次 of text stands (A、B、C分别/依次为…: the figures after it go to the
/// items before it in turn), or -1.
qsizetype lastRespectively(QStringView text)
{
    return std::max(text.lastIndexOf(u"分别"), text.lastIndexOf(u"依次"));
}

/// ——2025年1月8日在…人民代表大会…上: a subtitle says when and where a report was given, not what of.
bool isSubtitle(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.startsWith(u"——") || t.startsWith(u"--");
}

bool isReporting(QStringView clause)
{
    // (讯 and 电 only as a dateline has them, 本报讯, 10月17日电: not 资讯, 电池, 电子)
    static const CueSet words(QString::fromUtf16(u"记者 获悉 报讯 日讯 日电 报道 消息 发布 日前 近日 据悉 编辑 来源").split(QLatin1Char(' ')));
    return words.in(clause);
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

    // Where the next name other than each one begins (a name of four characters or more before its head),
    // read back once: a text that repeats one name thousands of times costs no more than its size.
    QList<int> nextOther(candidates.size(), -1);
    {
        auto real = [&](int k) { return candidateNames.at(k).size() - candidates.at(k).head.size() >= 4; };
        QList<int> nextRealOther(candidates.size(), -1); // for a real name: the next real name other than it
        int nextReal = -1;
        for (int k = int(candidates.size()) - 1; k >= 0; --k) {
            nextOther[k] = nextReal < 0 ? -1 : candidateNames.at(nextReal) != candidateNames.at(k) ? nextReal : nextRealOther.at(nextReal);
            if (real(k)) {
                nextRealOther[k] = nextOther[k];
                nextReal = k;
            }
        }
    }
    QList<ProjectMention> out;
    QSet<QString> names;
    for (int ci = 0; ci < candidates.size(); ++ci) {
        const qsizetype at = candidates[ci].at;
        const QString &head = candidates[ci].head;
        {
            qsizetype from = candidateFrom.at(ci);
            const QString name = candidateNames.at(ci);
            const QString core = name.left(name.size() - head.size());
            if (core.size() < 4 || names.contains(name) || core.at(0).isDigit() || core.at(0) == u'(')
                continue;
            const qsizetype nextName = nextOther.at(ci) < 0 ? s.size() : candidateFrom.at(nextOther.at(ci));
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
                if (u.topic)
                    continue;
                if (u.start >= at && u.end <= sentEnd) {
                    pm.district = u.name;
                    break;
                }
            }
            if (pm.district.isEmpty()) {
                for (const UnitMention &u : units) {
                    if (u.topic)
                        continue;
                    if (u.end <= from && u.start >= sentStart - 200)
                        pm.district = u.name;
                }
            }
            if (pm.district.isEmpty())
                pm.district = subject;
            setEvidence(pm, report, sentStart, sentEnd);
            names.insert(name);
            out.append(pm);
        }
    }
    return out;
}


} // namespace


ReportExtractor::ReportExtractor() = default;
ReportExtractor::~ReportExtractor() = default;

void ReportExtractor::setKnownUnits(const QStringList &names)
{
    m_gazetteer = names.isEmpty() ? nullptr : std::make_shared<const Gazetteer>(Gazetteer::divisions().withUnits(names));
}

/// A table of indicators about the report's own unit: a row a metric, a column a period or the
/// year's target (指标名称  本月  1-10月累计  年度目标  完成率 / 新签约项目  5  48  60  80.0%).
struct IndicatorTable
{
    struct Row
    {
        qsizetype start = 0, end = 0;
        Column metric;
        QList<double> values; // one a column after the label
    };
    qsizetype start = 0;
    QStringList spans; // a column's span (M10, M01-M10, YTD), FY for the year's target (the one FY column), "" for none
    QStringList units; // a column's unit (指标 章贡区 南康区: a unit a column, in the period the lines above the table
                       // name), "" for the report's own, * for the whole
    QList<Row> rows;
};

/// Tables of indicators: a row a metric, and a column a period (指标 本月 1-10月累计 年度目标) or a unit (指标
/// 章贡区 南康区 赣县区, in the period the lines above name).
QList<IndicatorTable> findIndicatorTables(const QString &s, const ReportDocument &doc, const Gazetteer &gazetteer)
{
    QList<IndicatorTable> tables;
    const auto &paras = doc.paragraphs;
    static const QRegularExpression months(QStringLiteral("(?:(\\d{1,2})\\s*[-—至到~]\\s*)?(\\d{1,2})\\s*月"));
    for (int p = 0; p + 1 < paras.size(); ++p) {
        // (a header's first cell says 指标 or 项目: a look at the line's start before it is cut into cells)
        qsizetype first = paras.at(p).start;
        while (first < paras.at(p).end && s.at(first).isSpace())
            ++first;
        const QStringView head = QStringView(s).mid(first, std::min<qsizetype>(6, paras.at(p).end - first));
        // (or the label's cell is blank, the line opening with spaces: "  章贡区  南康区" over "签约项目  42  51")
        const bool labelled = head.contains(u"指标") || head.startsWith(u"项目");
        const bool blankLabel = first > paras.at(p).start;
        if (!(labelled || blankLabel) || !isCellLine(s, paras.at(p)))
            continue;
        QList<Cell> header = cellsOf(s, paras.at(p).start, paras.at(p).end);
        if (!labelled) {
            if (header.size() < 2 || !isCellLine(s, paras.at(p + 1))
                || cellsOf(s, paras.at(p + 1).start, paras.at(p + 1).end).size() != header.size() + 1
                || tableUnitCell(header.first().text, gazetteer).isEmpty())
                continue;
            header.prepend({first, first, QString()});
        }
        if (header.size() < (labelled ? 2 : 3) || !(header.first().text.isEmpty() || header.first().text.contains(u"指标") || header.first().text.startsWith(u"项目")))
            continue;
        // The columns: this month (本月, 当月, 10月), the months so far (1-10月累计, 累计), the year's target.
        QStringList spans;
        QStringList units;
        int toDateEnd = 0;
        int runEnd = 0; // (the last month of the quarters or halves the columns so far run through from January)
        int found = 0;
        for (int c = 1; c < header.size(); ++c) {
            const QString &h = header.at(c).text;
            // (合计 after the quarters is their months together, not the whole of the units)
            const bool periodsTotal = (h == u"合计" || h == u"小计" || h == u"总计") && runEnd >= 2;
            units << (periodsTotal ? QString() : tableUnitCell(h, gazetteer));
            if (!units.last().isEmpty()) {
                spans << QString();
                ++found;
                continue;
            }
            const auto m = months.match(h);
            const bool target = (h.contains(u"目标") || h.contains(u"任务") || h.endsWith(u"计划")) && !h.contains(u"完成");
            const bool other = h.contains(u"同比") || h.contains(u"增") || h.contains(u"上年") || h.contains(u"去年")
                || h.contains(u"率") || h.contains(u"进度") || h.contains(u"排") || h.contains(u'%');
            QString span;
            if (target) {
                span = QStringLiteral("FY");
            } else if (other) {
                span.clear();
            } else if (h.contains(u"累计") || (m.hasMatch() && m.capturedLength(1) && m.captured(1).toInt() == 1)) {
                toDateEnd = m.hasMatch() ? m.captured(2).toInt() : 0;
                Period soFar;
                soFar.kind = PeriodKind::Months;
                soFar.a = 1;
                soFar.b = toDateEnd;
                span = toDateEnd >= 2 && toDateEnd <= 12 ? spanOf(soFar) : QStringLiteral("YTD"); // (1-6月: H1)
            } else if (h == u"本月" || h == u"当月" || h == u"本期" || (m.hasMatch() && !m.capturedLength(1))) {
                span = m.hasMatch() ? QStringLiteral("M%1").arg(m.captured(2).toInt(), 2, 10, QLatin1Char('0')) : QStringLiteral("*");
            } else if (const QList<Period> ps = findPeriods(h, 0); ps.size() == 1 && (ps.first().kind == PeriodKind::Quarter || ps.first().kind == PeriodKind::Half)) {
                // 一季度 二季度 三季度 合计, 上半年 下半年: a column a quarter or a half, the total beside them
                // the months they cover together, where they run on from January.
                const Period &q = ps.first();
                const int first = q.kind == PeriodKind::Quarter ? 3 * q.a - 2 : 6 * q.a - 5;
                if (first == runEnd + 1)
                    runEnd = first + (q.kind == PeriodKind::Quarter ? 2 : 5);
                span = spanOf(q);
            } else if (periodsTotal) {
                Period sum;
                sum.kind = PeriodKind::Months;
                sum.a = 1;
                sum.b = runEnd;
                span = spanOf(sum);
            }
            found += span.isEmpty() ? 0 : 1;
            spans << span;
        }
        // (one column of a period is enough under a header that says 指标: 指标 | 1-9月 | 同比增长)
        if (found < (labelled ? 1 : 2))
            continue;
        // (本月 takes its month from the months so far: 本月 beside 1-10月累计 is October)
        for (QString &span : spans) {
            if (span == QLatin1String("*"))
                span = toDateEnd >= 1 && toDateEnd <= 12 ? QStringLiteral("M%1").arg(toDateEnd, 2, 10, QLatin1Char('0')) : QString();
        }
        IndicatorTable t;
        t.start = paras.at(p).start;
        t.spans = spans;
        t.units = units;
        const QString unitLine = unitLineAbove(s, doc, p);
        for (int q = p + 1; q < paras.size() && isCellLine(s, paras.at(q)); ++q) {
            const QList<Cell> row = cellsOf(s, paras.at(q).start, paras.at(q).end);
            if (row.size() != header.size() || cellNumber(row.first().text))
                break;
            IndicatorTable::Row r;
            r.start = paras.at(q).start;
            r.end = paras.at(q).end;
            r.metric = columnFor(row.first().text, unitLine, SentenceState());
            bool numbers = true;
            for (int c = 1; c < row.size() && numbers; ++c) {
                // (-, —, / for a figure not given)
                const QString &cell = row.at(c).text;
                const bool none = cell == u"-" || cell == u"—" || cell == u"--" || cell == u"/";
                const auto v = none ? std::optional<double>(qQNaN()) : cellNumber(cell);
                numbers = v.has_value();
                // (a share in a row of a count or an amount, 签约金额(亿元) 142.8 15.3%: a growth rate the
                // header did not name, no amount)
                const bool share = cell.endsWith(u'%') && r.metric.cls != UnitClass::Percent;
                r.values << (share ? qQNaN() : v.value_or(0));
            }
            if (!numbers)
                break;
            if (!r.metric.metric.isEmpty() && r.metric.cls != UnitClass::Percent)
                t.rows << r;
        }
        if (!t.rows.isEmpty())
            tables << t;
    }
    return tables;
}

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

Extraction ReportExtractor::extract(const QString &text) const
{
    Extraction result;
    // Stage 1: the decoded text made clean (simplified, ASCII digits, no web noise), offsets kept.
    const ReportText report(text);
    const QString &s = report.clean();
    result.traditional = report.wasTraditional();
    // Stage 2: the report's shape: date line, year, title, paragraphs and sentences.
    ReportDocument doc = ReportDocument::read(s);
    if (!doc.published.isValid()) {
        // The cleaner drops bylines (来源:… 发布时间:…); the date line is read from the text as decoded
        // (a page's text without its markup: 发布时间</span>:2024-01-12 is a label and its date).
        // (and with its full-width digits narrowed: 发布时间：２０２４-０１-１２)
        QString head = ReportText::isMarkup(text) ? ReportText::readable(text).left(2000) : text.left(2000);
        ReportText::narrowForms(head);
        doc.published = ReportDocument::findPublished(head);
        if (doc.published.isValid())
            doc.year = doc.published.year();
    }
    result.published = doc.published;
    result.referenceYear = doc.year;
    if (doc.titleEnd > doc.titleStart)
        result.title = report.evidence(doc.titleStart, doc.titleEnd).text.trimmed();
    const int refYear = doc.year;
    // 近五年来, 自2021年以来 and 去年以来 (in a later year): a span over years, of which no figure is one year's.
    auto overYears = [refYear](const Period &p) {
        return p.multiYear || (p.kind == PeriodKind::YTD && p.year && refYear && p.year < refYear);
    };

    // Stage 3: mentions of units, periods and figures, each found once over the whole text.
    const Gazetteer &known = m_gazetteer ? *m_gazetteer : Gazetteer::divisions();
    // 各乡镇(街道),攸州工业园,县直各单位: a bulletin's addressees are the units it reports on, a park
    // among them too, though no code list names it.
    const QStringList addressed = addressedZones(s, doc);
    // 来源:垌塘镇人民政府, 长辛店镇:前三季度…: a town the code list lacks that the report shows to be one.
    const QStringList towns = framedTowns(text, s, doc, known);
    std::optional<Gazetteer> withAddressed;
    if (!addressed.isEmpty() || !towns.isEmpty())
        withAddressed = known.withUnits(addressed).withUnits(towns, Gazetteer::Township);
    const Gazetteer &gazetteer = withAddressed ? *withAddressed : known;
    QList<UnitMention> units = findUnits(s, gazetteer);
    markWhereSentFrom(s, units);
    result.subject = findSubject(s, units, doc.titleStart, doc.titleEnd);
    if (result.subject.isEmpty()) {
        result.subject = sourceUnit(text, units, gazetteer);
    } else if (std::none_of(units.cbegin(), units.cend(), [&](const UnitMention &u) { return u.topic && result.subject.endsWith(u.kindChar); })
               && std::any_of(units.cbegin(), units.cend(), [](const UnitMention &u) { return u.topic && u.kindChar != u'两'; })) {
        // 第二名:城南街道 … 全区新签约项目61个, signed 江门市新会区投资促进局: a unit the body names often is
        // not the report's own where the body speaks of its whole (全区) as of another kind and the
        // byline or signature names a unit of that kind.
        if (const QString source = sourceUnit(text, units, gazetteer); !source.isEmpty())
            result.subject = source;
    }
    if (result.subject.isEmpty())
        result.subject = titleStemUnit(s, doc, gazetteer);
    // 记者从曲靖经济技术开发区获悉,…经开区共签约: a zone's words alone, the report's subject, are the one zone
    // of their kind it names in full (in the body, or else in the byline the cleaner took out: 来源:岳阳经济技术
    // 开发区管委会).
    if (Gazetteer::zoneSuffixes().contains(result.subject)) {
        QSet<QString> named;
        for (const UnitMention &u : std::as_const(units)) {
            if (!u.topic && u.name != result.subject && standsFor(result.subject, u.name))
                named.insert(u.name);
        }
        if (named.isEmpty()) {
            for (const Gazetteer::Mention &m : gazetteer.find(pageEnds(text))) {
                if (m.name != result.subject && standsFor(result.subject, m.name))
                    named.insert(m.name);
            }
        }
        if (named.size() == 1)
            result.subject = *named.cbegin();
    }
    result.subject = bodyFormOfZone(result.subject, units, doc.titleEnd);
    addSubjectStem(s, result.subject, units);
    addRankedListUnits(s, units);
    addSiblingTowns(s, units);
    addBareClauseUnits(s, units, gazetteer);
    // 本月 and 上月 count from the month the report is of: the one its title names (上犹县…11月份工作简报,
    // out on 2 December; 2025年12月…月报, out in January), else the month it came out in.
    int reportMonth = doc.published.isValid() && doc.published.year() == refYear ? doc.published.month() : 0;
    int reportMonthYear = refYear;
    for (const Period &p : findPeriods(s.mid(doc.titleStart, doc.titleEnd - doc.titleStart), refYear)) {
        if (p.kind == PeriodKind::Months && p.a == p.b && !p.deadline && !p.day && refYear
            && (!p.year || p.year == refYear || p.year == refYear - 1)) {
            reportMonth = p.a;
            reportMonthYear = p.year ? p.year : refYear;
            break;
        }
    }
    const QList<Period> periods = findPeriods(s, refYear, reportMonth, reportMonthYear);
    QList<Number> numbers = findNumbers(s);

    // The mentions inside [from, to): the lists are in text order, so a binary search finds the first.
    auto inRange = [](const auto &list, qsizetype from, qsizetype to) {
        std::remove_cv_t<std::remove_reference_t<decltype(list)>> out;
        auto it = std::lower_bound(list.cbegin(), list.cend(), from, [](const auto &x, qsizetype v) { return x.start < v; });
        for (; it != list.cend() && it->start < to; ++it) {
            if (it->end <= to)
                out.append(*it);
        }
        return out;
    };

    Context ctx;
    for (const Period &p : inRange(periods, doc.titleStart, doc.titleEnd)) {
        if (comparisonBase(s, p))
            continue; // (签约金额较去年同期翻番: no year of the title's)
        if (p.kind != PeriodKind::YearOnly || !ctx.titlePeriod)
            ctx.titlePeriod = p;
        if (p.year)
            ctx.contextYear = p.year;
    }
    const int titleYear = ctx.contextYear;
    {
        const QStringView title = QStringView(s).mid(doc.titleStart, doc.titleEnd - doc.titleStart);
        ctx.wholeYearTitle = title.contains(u"总结") || title.contains(u"年终"); // (全年 is a period: FY)
        // 会昌县2026年招商引资工作要点, …实施方案, …行动计划: a plan, whose figures are its targets under
        // whatever heading (not …工作计划完成情况, a report on one).
        static const CueSet plan(QString::fromUtf16(u"工作要点 工作计划 实施方案 行动方案 行动计划 工作方案 攻坚方案").split(u' '));
        static const CueSet report(QString::fromUtf16(u"完成 情况 总结 进展 通报 成效 解读").split(u' '));
        ctx.planDocument = plan.in(title) && !report.in(title);
    }
    // 三季度…完成情况的通报 over a body of 1-9月 figures: the title's quarter (or half) names the round
    // of the bulletin, whose figures run from January; the body's first span ending in the same month
    // is what the title stands for, where a paragraph names no period of its own.
    // So does a month's (2025年10月份…通报 over 1-10月), unless the body names that month first.
    const bool titleMonth = ctx.titlePeriod && ctx.titlePeriod->kind == PeriodKind::Months && ctx.titlePeriod->a == ctx.titlePeriod->b
        && ctx.titlePeriod->a > 1;
    if (ctx.titlePeriod && (ctx.titlePeriod->kind == PeriodKind::Quarter || ctx.titlePeriod->kind == PeriodKind::Half || titleMonth)) {
        const int titleEndMonth = ctx.titlePeriod->kind == PeriodKind::Quarter ? 3 * ctx.titlePeriod->a
                                : ctx.titlePeriod->kind == PeriodKind::Half    ? 6 * ctx.titlePeriod->a
                                                                               : ctx.titlePeriod->b;
        for (const Period &p : periods) {
            if (p.start < doc.titleEnd || p.sameAsBefore || p.kind == PeriodKind::YearOnly || p.day || p.asOfDay)
                continue; // (a date line's day is no span)
            if (p.kind == ctx.titlePeriod->kind && p.a == ctx.titlePeriod->a && p.b == ctx.titlePeriod->b && !titleMonth)
                continue; // (召开2025年三季度…推进会: the title's round named again)
            // (现将2024年10月份…情况通报如下: the title said again, in the bulletin's opening)
            if (p.kind == ctx.titlePeriod->kind && p.a == ctx.titlePeriod->a && p.b == ctx.titlePeriod->b) {
                QStringView rest = QStringView(s).mid(p.end, 60);
                const qsizetype stop = std::find_if(rest.cbegin(), rest.cend(), [](QChar c) { return QStringView(u"。:：\n").contains(c); }) - rest.cbegin();
                if (rest.left(stop).contains(u"如下"))
                    continue;
            }
            if (p.kind == PeriodKind::Months && p.a == 1 && p.b == titleEndMonth
                && (!p.year || !ctx.titlePeriod->year || p.year == ctx.titlePeriod->year)) {
                const int year = ctx.titlePeriod->year;
                ctx.titlePeriod = p;
                if (!ctx.titlePeriod->year)
                    ctx.titlePeriod->year = year;
            }
            break; // only the body's first span
        }
    }

    // A unit named by its kind (全区, 我市) is the paragraph's unit of that kind, else the report's.
    QString previousParagraphUnit; // the unit the paragraph before was of, at its end
    // How high a kind of unit stands (省 above 市, 州 and 盟, above 县, 区 and 旗, above towns), and the kind of
    // the report's own unit: its subject's, else the kind its 全X and 我X name most.
    auto kindRank = [](QChar k) { return k == u'省' ? 0 : QStringView(u"市州盟").contains(k) ? 1 : QStringView(u"县区旗").contains(k) ? 2 : 3; };
    QChar ownKind = result.subject.isEmpty() ? QChar() : result.subject.back();
    if (ownKind.isNull()) {
        QHash<QChar, int> kinds;
        for (const UnitMention &u : std::as_const(units)) {
            if (u.topic && u.kindChar != u'两')
                ++kinds[u.kindChar];
        }
        int most = 0;
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it) {
            if (it.value() > most) {
                most = it.value();
                ownKind = it.key();
            }
        }
    }
    // 两区: the first of the last two units named together before it, where one is a development zone
    // (肇庆新区、鼎湖区 … 两区: a zone and the district run with it, which report as one), or "" where there
    // are no such two (西青区和北辰区 … 两区: two districts' figure together is neither's).
    auto pairNamedBefore = [&](const UnitMention &u) {
        for (qsizetype k = units.size() - 1; k > 0; --k) {
            const UnitMention &b = units.at(k);
            const UnitMention &a = units.at(k - 1);
            if (b.end <= u.start && !a.topic && !b.topic && a.group == b.group && a.group >= 0)
                return a.level == Gazetteer::Zone || b.level == Gazetteer::Zone ? a.name : QString();
        }
        return QString();
    };
    auto resolveTopic = [&](const UnitMention &u, const QString &paragraphUnit) {
        if (!u.topic) {
            // 高新区 alone, in a report about 襄阳高新区, is that zone; elsewhere it stays as written.
            if (Gazetteer::zoneSuffixes().contains(u.name)) {
                if (standsFor(u.name, paragraphUnit))
                    return paragraphUnit;
                if (standsFor(u.name, result.subject))
                    return result.subject;
            }
            // 松山湖, in a report that names 松山湖高新区, is that zone too (仪陇县 stays the county its
            // 仪陇县经济开发区 belongs to: a name with a division's suffix is that division).
            if (Gazetteer::stem(u.name) == u.name) {
                for (const UnitMention &zone : units) {
                    if (zone.name.size() > u.name.size() && zone.name.startsWith(u.name) && Gazetteer::stem(zone.name) == u.name)
                        return zone.name;
                }
            }
            return u.name;
        }
        if (u.kindChar == u'两') {
            const QString first = pairNamedBefore(u);
            return first.isEmpty() ? result.subject : first;
        }
        // 北流市紧盯…。 / 4月,该市在广州举办…: 该 points back, to the paragraph before where this one has none.
        if (s.at(u.start) == u'该' && paragraphUnit.isEmpty() && previousParagraphUnit.endsWith(u.kindChar))
            return previousParagraphUnit;
        if (!paragraphUnit.isEmpty() && paragraphUnit.endsWith(u.kindChar)) {
            // 全市 in 长沙市's bulletin, in a paragraph after the first of its county-level 宁乡市's section
            // (the section's own is its first): the city's whole.
            const Gazetteer &g = Gazetteer::divisions();
            if (paragraphUnit == ctx.sectionUnit && ctx.sectionParagraphs > 1 && result.subject != paragraphUnit && result.subject.endsWith(u.kindChar)
                && g.level(result.subject) > 0 && g.level(result.subject) < g.level(paragraphUnit))
                return result.subject;
            return paragraphUnit;
        }
        // 全区 is a 区 (or a zone): not the 蒙自市 the report happens to name.
        const bool zone = u.kindChar == u'区' && Gazetteer::divisions().level(result.subject) == Gazetteer::Zone;
        if (result.subject.endsWith(u.kindChar) || zone || Gazetteer::stem(result.subject) == result.subject)
            return result.subject;
        return QString();
    };

    static const bool debug = qEnvironmentVariableIsSet("IPDESK_EXTRACT_DEBUG");
    // (in a zone's own report, 园区 is the zone itself)
    const bool subjectIsZone = std::any_of(Gazetteer::zoneSuffixes().cbegin(), Gazetteer::zoneSuffixes().cend(),
                                           [&](const QString &z) { return result.subject.endsWith(z); })
        || result.subject.endsWith(u"园") || result.subject.endsWith(u"园区");
    QSet<QString> seen;
    int numberCursor = 0;
    bool previousBullet = false; // the paragraph before was an item of a bulleted list
    std::optional<Period> listPeriod; // the period the list's first item was in
    bool previousSemicolon = false; // the paragraph before ended with a semicolon
    QStringList carriedMetrics;     // the metrics, in order, of the last sentence of the paragraph before
    bool carriedTarget = false;     // the paragraph before ended in a plan that goes on
    QSet<QString> projectsCounted;  // the metrics of the counts of projects read so far
    for (const ReportDocument::Paragraph &para : doc.paragraphs) {
        const QStringView line = QStringView(s).mid(para.start, para.end - para.start).trimmed();
        // (and the event the paragraph before told of: 6月8日,…签约活动在长沙举行。 / 活动现场,共有46个项目…)
        static const QStringList goesOn = {QStringLiteral("此次"), QStringLiteral("其中"), QStringLiteral("这些"),
                                           QStringLiteral("上述"), QStringLiteral("该批"), QStringLiteral("同时"),
                                           QStringLiteral("此外"), QStringLiteral("另外"), QStringLiteral("与此同时"),
                                           QStringLiteral("本次"), QStringLiteral("活动现场"), QStringLiteral("现场"),
                                           QStringLiteral("会上"), QStringLiteral("活动上"), QStringLiteral("仪式上"),
                                           QStringLiteral("当天"), QStringLiteral("当日")};
        // 从此次签约项目的分布看, 在上述项目中: a preposition may come first.
        const QStringView opening = !line.isEmpty() && QStringView(u"从在据对就").contains(line.front()) ? line.mid(1) : line;
        // ●上半年新签约项目58个 / ●新开工项目41个: the items of one bulleted list go on in the period
        // the first of them names.
        // (and the items of a numbered list: (一)广信区。1-9月签约项目42个… / (二)玉山县。签约项目38个…)
        const bool bullet = ReportDocument::isBulletItem(line) || ReportDocument::isNumberedItem(line);
        const bool listGoesOn = bullet && previousBullet;
        previousBullet = bullet;
        // (…禾川镇引进项目8个,总投资12.6亿元; / 怀忠镇引进项目6个…: a line that ends with a semicolon goes on
        // in the next, in the same period)
        const bool clausesGoOn = previousSemicolon;
        previousSemicolon = line.endsWith(u';'); // (the cleaner made ； one)
        if (!clausesGoOn && !std::any_of(goesOn.cbegin(), goesOn.cend(), [&opening](const QString &w) { return opening.startsWith(w); }))
            ctx.period = listGoesOn ? listPeriod : ctx.sectionPeriod; // (not a period a later item names for itself)
        // ◆宜黄县 / 二、南丰县 on a line of its own, then 该县坚持…: a line that names nothing but a unit opens
        // that unit's section, up to the next heading.
        if (para.start >= doc.titleEnd) {
            const QList<UnitMention> named = inRange(units, para.start, para.end);
            if (named.size() == 1 && !named.first().topic && !named.first().place) {
                QString rest = s.mid(para.start, para.end - para.start);
                rest.remove(named.first().start - para.start, named.first().end - named.first().start);
                static const QRegularExpression numbering(QStringLiteral("^\\s*(?:[一二三四五六七八九十]+、|[(（]?[一二三四五六七八九十\\d]+[)）、.])"));
                rest.remove(numbering);
                if (std::none_of(rest.cbegin(), rest.cend(), [](QChar c) { return isHanChar(c) || c.isDigit(); })) {
                    ctx.sectionUnit = resolveTopic(named.first(), QString());
                    ctx.sectionParagraphs = 0;
                    previousBullet = false;
                    continue;
                }
            }
        }
        if (para.heading && para.start >= doc.titleEnd) {
            // 五、下半年工作打算, 2024年主要目标: a plan's section (a slogan such as 锚定目标 is not).
            static const CueSet planHeading(QString::fromUtf16(u"目标 任务 打算 计划 思路 安排").split(QLatin1Char(' ')));
            static const QRegularExpression planned(QStringLiteral("^(?:[一二三四五六七八九十]+、|\\(?[一二三四五六七八九十\\d]+[)、.])|年"));
            ctx.targetSection = planHeading.in(line) && !line.contains(u"完成") && planned.match(line).hasMatch();
            ctx.sectionPeriod.reset();
            ctx.sectionYear = 0;
            {
                const QStringView words = line.trimmed();
                ctx.sectionHeading = words.mid(ReportDocument::itemNumberLength(words)).toString();
                ctx.listIntro.clear();
            }
            for (const Period &p : inRange(periods, para.start, para.end)) {
                if (p.day && isSubtitle(line))
                    continue;
                ctx.sectionPeriod = p;
                // 一、2024年工作回顾 in a report of January 2025: the section speaks of 2024, and the
                // plans of 三、2025年工作打算 are 2025's.
                if (p.year && !p.sameAsBefore)
                    ctx.contextYear = ctx.sectionYear = p.year;
            }
            ctx.period = ctx.sectionPeriod;
            ctx.sectionUnit.clear(); // (a heading of another kind ends a unit's section)
            continue;
        }
        // (一)签约项目。排名前三位的是:南城县(52个)、…: a numbered item opening with a metric's name alone
        // (no figure, a few words) names the metric of the lists in it.
        // (or the heading on a line of its own over the paragraph: (一)新签约亿元以上项目)
        auto fewWords = [](QStringView words) {
            return words.size() >= 2 && words.size() <= 11 && std::none_of(words.cbegin(), words.cend(), [](QChar c) { return c.isDigit(); });
        };
        QStringView itemHeading;
        bool headingBefore = false; // the item's heading is a paragraph before, the section's
        if (fewWords(ctx.sectionHeading)) {
            itemHeading = ctx.sectionHeading;
            headingBefore = true;
        }
        // (各县(市、区)1-10月到位资金排名: / 1.南康区 186.3亿元: the items under a line ending with a colon)
        if (!ctx.listIntro.isEmpty()) {
            itemHeading = ctx.listIntro;
            headingBefore = true;
        }
        if (ReportDocument::isNumberedItem(line) && !para.sentences.isEmpty()) {
            const ReportDocument::Sentence &first = para.sentences.first();
            const QStringView head = QStringView(s).mid(first.start, first.end - first.start).trimmed();
            const qsizetype number = ReportDocument::itemNumberLength(head);
            const QStringView words = number > 0 ? head.mid(number) : QStringView();
            if (!words.isEmpty() && QStringView(u"。:：").contains(words.back()) && fewWords(words.chopped(1))) {
                itemHeading = words.chopped(1);
                headingBefore = false;
            }
        }
        // (科右前旗…引进项目37个,到位资金38.5亿元; / 旗委…带队外出招商8次: the line after a semicolon goes on in its unit)
        QString paragraphUnit = clausesGoOn && !previousParagraphUnit.isEmpty() ? previousParagraphUnit : ctx.sectionUnit;
        ++ctx.sectionParagraphs;
        // (我区…;实际到位资金…: a paragraph that named its unit by kind only, of a report that names no unit
        // of that kind, stays of no known unit; the report's subject, of another kind, is not its)
        bool paragraphByKindOnly = false;
        bool targetCarry = clausesGoOn && carriedTarget; // (目标任务为:引进项目45个以上; / 实到内资力争…;)
        // (邵东县签约项目8个、签约金额76.3亿元; / 隆回县6个、45.2亿元; / …: a list of one item a line goes on
        // in the metrics of the line before)
        QStringList parallelMetrics = clausesGoOn ? carriedMetrics : QStringList();
        bool kindsGoOn = false; // 其中,工业项目签约25个…;现代服务业项目签约7个…: kinds of project, after a semicolon too
        bool weekGoesOn = false;
        // The metric, unit and span of the paragraph's figures (…35个;其中,签约亿元以上项目32个). (A few a
        // paragraph: a list of shared strings costs less than a set of keys made for each figure.)
        QList<std::tuple<QString, QString, QString>> paragraphKeys;
        for (const ReportDocument::Sentence &sent : para.sentences) {
            const QStringView sentence = QStringView(s).mid(sent.start, sent.end - sent.start);
            const QList<Period> sentPeriods = inRange(periods, sent.start, sent.end);
            const QList<UnitMention> sentUnits = inRange(units, sent.start, sent.end);
            QList<int> sentNumbers;
            while (numberCursor < numbers.size() && numbers.at(numberCursor).qualStart < sent.start)
                ++numberCursor;
            for (int k = numberCursor; k < numbers.size() && numbers.at(k).qualStart < sent.end; ++k) {
                if (numbers.at(k).end <= sent.end)
                    sentNumbers.append(k);
            }
            const bool sentenceTarget = ctx.targetSection || targetCarry;
            bool lastWasTarget = true; // the kind of the sentence's last figure (none yet: the words decide)
            // (a period after 其中 is a part's: neither the whole figure's nor carried on)
            const qsizetype parts = sentence.indexOf(u"其中");
            const qsizetype partsFrom = parts < 0 ? sent.end : sent.start + parts;
            // (…,占全县的40.4%: the figures before are a part of the report's own unit)
            bool partOfSubject = false;
            for (qsizetype at = sentence.indexOf(u"占全"); at >= 0 && !partOfSubject; at = sentence.indexOf(u"占全", at + 2))
                partOfSubject = at + 2 < sentence.size() && !result.subject.isEmpty() && sentence.at(at + 2) == result.subject.back();
            // 本周,全县新签约项目2个: a week is no span a fact can have (a weekly brief's figures are left out).
            static const CueSet week(QString::fromUtf16(u"本周 上周 当周 这周 一周来 一周以来 周内").split(u' '));
            // (a sentence that ends with a semicolon goes on in the next: its week, kinds, metrics, plan)
            const bool goesOn = sentence.trimmed().endsWith(u';');
            const bool weekly = (sentence.contains(u'周') && week.in(sentence)) || weekGoesOn;
            weekGoesOn = weekly && goesOn; // (本周,…;接待客商考察5批次: the same week)
            // 全县23个乡镇(场)中,已有18个完成年度任务的75%以上: how many units reached a mark, no figure of theirs.
            qsizetype unitsCountedFrom = sent.end;
            if (sentence.contains(u'中') && sentence.contains(u'有')) {
                static const QRegularExpression unitsAmong(QStringLiteral(
                    "\\d+个(?:乡镇|镇|乡|街道|单位|县|区|市|部门|园区|开发区)[^,，。;\\d]{0,8}中[,，]?(?:已|共|仅|只)?有"));
                const auto m = unitsAmong.match(sentence);
                if (m.hasMatch())
                    unitsCountedFrom = sent.start + m.capturedStart();
            }
            // 从产业分布看, 分领域看, 按来源分: the sentence breaks the figures before down.
            static const QRegularExpression breakdownOpening(QStringLiteral("^(?:从|分|按)[^,，。;\\d]{1,8}(?:看|来看|分)[,，:]"));
            const bool breakdown = (sentence.startsWith(u'从') || sentence.startsWith(u'分') || sentence.startsWith(u'按'))
                && breakdownOpening.match(sentence).hasMatch();
            // (分市州看, 从各县区看, 分乡镇看: by area, each clause opening with the area it is of)
            static const QRegularExpression areaOpening(QStringLiteral("^(?:从|分|按)[^,，。;\\d]{0,4}(?:市|县|区|州|镇|乡|街道|地区|板块|区域)"));
            const bool byArea = breakdown && areaOpening.match(sentence).hasMatch();
            const SentenceCues cues = sentNumbers.isEmpty() && !goesOn ? SentenceCues()
                                                                                        : SentenceCues::read(s, sent.start, sent.end);

            SentenceState st;
            st.otherKind = kindsGoOn;
            st.projectsCounted = &projectsCounted;
            bool kindsNamed = false; // this sentence named kinds of project before their verb
            // 从签约项目看,陈仓区签约49个;渭滨区、金台区分别签约41个和38个: after a semicolon the counts
            // are still of the projects the clause before counted.
            for (const QString &m : std::as_const(parallelMetrics)) {
                if (Phrasing::unitGroup(m) == QLatin1String("projects"))
                    st.previousProjectMetric = m;
            }
            QStringList sentenceMetrics; // in order, for the parallel sentence after a semicolon
            QList<QString> respectively; // 弥勒市、蒙自市、河口县分别完成…58.3%、55.1%、52.6%
            QList<Period> periodsInTurn; // 一、二季度分别签约项目5个、7个
            qsizetype turnAt = -1;       // where the 分别 they were read for stands
            qsizetype previousEnd = sent.start;
            qsizetype sentenceFrom = -1; // where the sentence began, past the comma a long run was cut at
            for (int idx = 0; idx < sentNumbers.size(); ++idx) {
                Number &n = numbers[sentNumbers.at(idx)];
                if (n.start >= unitsCountedFrom && n.start < unitsCountedFrom + 40)
                    continue; // (the count of units and the mark in the words that follow it)
                if (weekly)
                    continue;
                const QStringView wide = QStringView(s).mid(previousEnd, n.qualStart - previousEnd);
                // (…22个(其中外资项目3个),协议投资额88.6亿元: the kind of project counted in brackets ends
                // with them; the amount after is the whole's)
                if (st.otherKind && wide.startsWith(u')'))
                    st.otherKind = false;
                // The cue stands in the figure's own clause, unless that clause is only a unit's name
                // (从新签约项目看,蒙自市31个): then the clauses before it in the sentence hold it.
                const qsizetype ownClause = std::max(previousEnd, clauseStartBefore(s, sent.start, n.qualStart, false));
                const bool bare = isBareClause(s, ownClause, n.qualStart, sentUnits);
                const QStringView region = bare
                    ? wide : QStringView(s).mid(ownClause, n.qualStart - ownClause);
                // A list goes on (、弥勒市28个) or a bare clause breaks the figure before down by unit
                // (其中临夏市7次): the figure takes the metric of the one before.
                const bool namesUnit = std::any_of(sentUnits.cbegin(), sentUnits.cend(), [&](const UnitMention &u) {
                    return u.start >= ownClause && u.end <= n.qualStart && !u.place;
                });
                const bool listContinues = previousEnd > sent.start
                    && (std::none_of(wide.cbegin(), wide.cend(), [](QChar c) { return isDelim(c) && c != u'(' && c != u')'; })
                        || (bare && namesUnit));
                const qsizetype clauseStart = clauseStartBefore(s, sent.start, n.qualStart, false);
                const QStringView clause = QStringView(s).mid(clauseStart, n.qualStart - clauseStart);
                const QStringView after = afterHead(s, n);
                const qsizetype endBefore = previousEnd;
                previousEnd = n.end;
                // (…较去年同期增加5个,达到13个: the words before the comparison say what the level after it is of;
                // 实际到位资金同比增长21.4%,达48.6亿元: so do the words before a growth, compared or not)
                auto subjectOfChange = [](QStringView words) {
                    const bool grows = words.endsWith(u"增长") || words.endsWith(u"提高") || words.endsWith(u"上升")
                        || words.endsWith(u"下降") || words.endsWith(u"增加") || words.endsWith(u"减少");
                    if (!(grows || words.endsWith(u'多') || words.endsWith(u'少')))
                        return QStringView();
                    for (qsizetype k = words.size() - 1; k >= 0 && !isDelim(words.at(k)); --k) {
                        if (QStringView(u"较比与").contains(words.at(k)))
                            return words.left(k);
                    }
                    if (!grows)
                        return QStringView();
                    QStringView subject = words.chopped(2);
                    if (subject.endsWith(u"同比") || subject.endsWith(u"环比"))
                        subject.chop(2);
                    return subject;
                };
                if (noUnitsLevel(clause)) {
                    st.levelSubject = subjectOfChange(clause);
                    continue;
                }
                // 截至9月底,41个新引进项目中,已开工31个: the pool named again, no figure of its own (its part after it is).
                static const QRegularExpression poolAgain(QStringLiteral("^[^,，。;\\d]{0,6}项目中(?:[,，]|$)"));
                if (n.cls == UnitClass::Count && after.contains(u"项目中") && poolAgain.match(after).hasMatch())
                    continue;
                // 新开工项目中,有5个为去年签约项目: how many of them came of another year's stage, no figure of its own.
                if (after.startsWith(u"为去年") || after.startsWith(u"为上年") || after.startsWith(u"是去年") || after.startsWith(u"系去年"))
                    continue;

                // 签约总额突破200亿元,达到213.5亿元: the round figure is the exact one's, which says it; the
                // cue before the round one leads the exact one.
                if (idx + 1 < sentNumbers.size()) {
                    const Number &next = numbers.at(sentNumbers.at(idx + 1));
                    static const QRegularExpression reaching(QStringLiteral("^[,，]?(?:达到|达|为|至)$"));
                    if (next.cls == n.cls && next.unit == n.unit && next.value > n.value && !n.preQual.isEmpty()
                        && reaching.match(QStringView(s).mid(n.end, next.qualStart - n.end)).hasMatch()) {
                        previousEnd = endBefore;
                        continue;
                    }
                }
                // 10亿元以上(的)项目, 3000万元及以上项目: a size class; the next count is of such projects.
                // (投资超10亿元的项目有4个, too: 的 straight before 项目 makes a class, not one project.)
                // (and 5亿余元的项目有3个: more than an amount, of projects; 元 after 亿余 is the amount's)
                const QStringView ofProjects = n.unit == QStringLiteral("亿") && after.startsWith(u'元') ? after.mid(1) : after;
                const bool sizeWords = after.startsWith(u"以上") || after.startsWith(u"及以上") || n.postQual == QStringLiteral("以上")
                    || ((n.preQual == QStringLiteral("超") || n.preQual == QStringLiteral("超过") || n.preQual == QStringLiteral("过")
                         || n.postQual == QStringLiteral("余") || n.postQual == QStringLiteral("多"))
                        && (ofProjects.startsWith(u"项目") || ofProjects.startsWith(u"的项目")));
                const qsizetype projectWord = after.indexOf(u"项目");
                if (n.cls == UnitClass::Money && sizeWords && projectWord >= 0 && projectWord <= 8) {
                    n.threshold = true;
                    // Large projects are those of 10亿 and more: a count above another line
                    // (百亿元以上项目2个, 5亿元以上项目21个) is none of the metrics.
                    st.largeNext = std::abs(n.value - 10) < 1e-9;
                    // The size class belongs to the noun phrase: the cue before it (新签约5000万元以上
                    // 项目31个) still leads the count after it, and no list runs on through it.
                    previousEnd = endBefore;
                    continue;
                }
                // 投资10亿元的电动车制造项目: one project's amount; but 完成目标任务240亿元的21.4% and
                // 实际到位资金150亿元的年度目标 name a target.
                // (超过百亿元的有…: a threshold, read below.)
                static const QRegularExpression ofTarget(QStringLiteral("^的(?:\\d+(?:\\.\\d+)?%|(?:年度|全年)?(?:目标|任务)|有|是)"));
                if (n.cls == UnitClass::Money && after.startsWith(u'的') && !ofTarget.match(after).hasMatch())
                    continue;
                // 投资额在5000万元至1亿元之间的项目9个, 完成率在60%—83.3%之间: a band (of project sizes, of
                // shares done), no figure of anything; either end of it.
                static const QRegularExpression band(QStringLiteral("^(?:[-—–~～至到]\\s*[\\d.]+\\s*(?:%|亿元|万元)?)?\\s*之间"));
                if (n.end < s.size() && s.at(n.end) != u'。' && band.match(QStringView(s).mid(n.end, 16)).hasMatch())
                    continue;
                // 绿色(完成率≥66.7%), 50%≤完成率<66.7%: a warning band's bound, written with a comparison.
                {
                    static const CharSet compares(QStringLiteral("≥≤<>≧≦⩾⩽"));
                    qsizetype before = n.qualStart;
                    while (before > 0 && s.at(before - 1) == u' ')
                        --before;
                    qsizetype past = n.end;
                    while (past < s.size() && s.at(past) == u' ')
                        ++past;
                    if ((before > 0 && compares.contains(s.at(before - 1))) || (past < s.size() && compares.contains(s.at(past))))
                        continue;
                }
                if (cues.companyFigure(n.qualStart))
                    continue;
                // Whether the gazetteer or the desk knows a unit named in [from, to) of the text.
                auto unitNamedIn = [&sentUnits](qsizetype from, qsizetype to) {
                    return std::any_of(sentUnits.cbegin(), sentUnits.cend(),
                                       [&](const UnitMention &u) { return u.start >= from && u.end <= to && !u.topic; });
                };
                // 其中,管仲老家经济开发区新签约项目21个: a park or zone the gazetteer does not know takes its
                // share of the figures; they are not the county's (nor a unit the officer could check).
                {
                    static const QRegularExpression unknownPark(
                        QStringLiteral("^(?:其中[,，:：]?)?(\\p{Han}{2,10}?(?:%1))").arg(parkWords()));
                    // (其中,涂埠镇签约项目5个,星火工业园签约项目9个: each clause of the 其中 list)
                    // (or of a breakdown: 从板块看,大丰港经济区签约项目14个,…)
                    const bool subset = breakdown || clause.startsWith(u"其中") || QStringView(s).mid(sent.start, clauseStart - sent.start).contains(u"其中");
                    // (经济开发区新签约项目12个,…占全区的63.2%: a clause that opens with a park named only by its
                    // kind is that park's share too, 其中 or not)
                    static const QStringList bareParks = QString::fromUtf16(u"经济开发区 开发区 工业园区 产业园区 工业园 产业园 园区").split(u' ');
                    const bool barePark = std::any_of(bareParks.cbegin(), bareParks.cend(), [&clause](const QString &w) {
                        return clause.startsWith(w) && clause.size() > w.size() && !isDelim(clause.at(w.size()));
                    });
                    const auto m = subset ? unknownPark.match(clause) : QRegularExpressionMatch();
                    if (barePark && !subjectIsZone && !unitNamedIn(clauseStart, clauseStart + 5)) {
                        st.unknownPark = true;
                        continue;
                    }
                    // (分市州看,贵阳贵安引进项目412个,到位资金896.3亿元;遵义市…: a clause of an area breakdown that
                    // opens with a name no list knows is that area's, nobody's the officer could check)
                    if (byArea && !unitNamedIn(clauseStart, n.qualStart) && opensWithUnknownName(clause)) {
                        st.unknownPark = true;
                        continue;
                    }
                    if (m.hasMatch()) {
                        // (known as a whole, not only by the place it is in: 大丰港经济区 is no 大丰区)
                        const qsizetype parkEnd = clauseStart + m.capturedEnd(1);
                        st.unknownPark = std::none_of(sentUnits.cbegin(), sentUnits.cend(), [&](const UnitMention &u) {
                            return u.start == clauseStart + m.capturedStart(1) && u.end == parkEnd && !u.topic;
                        });
                    } else if (st.unknownPark && namesUnit) {
                        st.unknownPark = false; // the sentence comes back to a unit of its own
                    }
                    if (st.unknownPark)
                        continue;
                }
                // 分责任单位看,市发改委牵头引进项目5个: a responsible department's share of the figures, not the
                // area's (a department the desk holds as a unit is named as one, and stays).
                {
                    static const QRegularExpression department(QStringLiteral(
                        "^(?:其中[,，:：]?)?([市区县州旗]\\p{Han}{1,8}?(?:局|委|办|委员会|中心))(牵头)?"));
                    // (only a clause that opens with 市, 区, 县 … can: the pattern's look costs more than this)
                    QStringView head = clause.startsWith(u"其中") ? clause.mid(2) : clause;
                    if (!head.isEmpty() && QStringView(u",，:：").contains(head.front()))
                        head = head.mid(1);
                    const auto m = !head.isEmpty() && QStringView(u"市区县州旗").contains(head.front()) ? department.match(clause)
                                                                                                : QRegularExpressionMatch();
                    // (市商务局、市工信局分别引进项目3个、2个: departments listed are departments' shares too)
                    const bool listed = m.hasMatch() && m.capturedEnd(1) < clause.size() && clause.at(m.capturedEnd(1)) == u'、';
                    const bool share = m.hasMatch()
                        && (m.capturedStart(2) >= 0 || listed || QStringView(s).mid(sent.start, clauseStart - sent.start).contains(u"责任单位")
                            || QStringView(s).mid(para.start, sent.start - para.start).contains(u"责任单位"));
                    if (share && !unitNamedIn(clauseStart, clauseStart + m.capturedEnd(1))) {
                        st.departmentShare = true;
                        continue;
                    }
                    // (…,签约资金28.4亿元 after it: the same department's, until a clause names a unit)
                    if (st.departmentShare && namesUnit)
                        st.departmentShare = false;
                    if (st.departmentShare)
                        continue;
                }
                // 前郭县签约项目3个 after 宁江区…: a clause that opens with a unit's name the gazetteer does not
                // know (a short form of 前郭尔罗斯蒙古族自治县) is that unit's, not the one named before it.
                {
                    static const QRegularExpression unitLike(QStringLiteral("^(\\p{Han}{2,4}?[县区旗市])(?:%1)").arg(clauseOpeningVerbs().join(u'|')));
                    const QStringView suffixAt = clause.mid(2, 3);
                    const bool mayName = std::any_of(suffixAt.cbegin(), suffixAt.cend(), [](QChar c) { return QStringView(u"县区旗市").contains(c); });
                    const auto m = mayName ? unitLike.match(clause) : QRegularExpressionMatch();
                    if (m.hasMatch()) {
                        const QString name = m.captured(1);
                        // (开发区, 主城区, 片区, 城市: words of places, not a unit's name)
                        static const QRegularExpression placeWord(QStringLiteral(
                            "(?:开发|园|示范|保税|城|辖|片|景|社|矿|郊|库|山|牧|林|新|合作|集聚|试验|功能|商|街|校|厂|灾)区$|(?:城|都|超)市$"));
                        const bool topic = Phrasing::instance().topicChars.contains(name.front())
                            || QStringView(u"各两城新老此其全市县区镇乡省").contains(name.front()) || placeWord.match(name).hasMatch();
                        const bool known = std::any_of(sentUnits.cbegin(), sentUnits.cend(), [&](const UnitMention &u) {
                            return u.start >= clauseStart && u.start < clauseStart + name.size();
                        });
                        if (!topic && !known)
                            continue;
                    }
                }

                // 由去年同期的41.2亿元增至86.4亿元: the figure before 增至 is where it rose from, the one
                // after it the level now; …增加5个,达到13个: the level after a change, of what changed.
                static const QStringList changesTo = QString::fromUtf16(u"增至 增加到 增长到 提高到 提升到 上升到 升至 降至 减少到 下降到 减至").split(u' ');
                auto saysLevelReached = [](QStringView words) {
                    return changesTo.contains(words) || words == u"达到" || words == u"达" || words == u"为";
                };
                const QStringView reached = region.startsWith(u',') ? region.mid(1) : region;
                const bool levelAfter = reached.size() <= 3 && saysLevelReached(reached);
                const QStringView choiceRegion = levelAfter && !st.levelSubject.isEmpty() ? st.levelSubject : region;
                MetricChoice choice = levelAfter && st.changedTo ? *st.changedTo
                                                                : chooseMetric(n, choiceRegion, wide, clause, after, st, listContinues);
                // 分别以8个、6个签约项目位列前二: the words after the list's last count name the counts before it.
                if (choice.metric.isEmpty() && n.cls == UnitClass::Count && after.isEmpty()) {
                    const Number *last = &n;
                    for (int k = idx + 1; k < sentNumbers.size(); ++k) {
                        const Number &next = numbers.at(sentNumbers.at(k));
                        if (next.unit != n.unit || QStringView(s).mid(last->end, next.qualStart - last->end) != u"、")
                            break;
                        last = &next;
                    }
                    if (last != &n)
                        choice = chooseMetric(n, choiceRegion, wide, clause, afterHead(s, *last), st, listContinues);
                }
                st.levelSubject = choice.metric.isEmpty() ? subjectOfChange(region) : QStringView();
                st.changedTo.reset();
                const bool risesTo = std::any_of(changesTo.cbegin(), changesTo.cend(), [&after](const QString &w) { return after.startsWith(w); });
                if (risesTo && (region.contains(u'由') || region.contains(u'从'))) {
                    st.changedTo = choice;
                    continue;
                }
                // 新签约项目数量、到位资金分别为48个、41.2亿元: the figures after 分别 take the list's metrics in turn.
                // (the list runs back over 、 to the clause's start: 新签约、新开工、新投产项目分别为…)
                if (const qsizetype at = lastRespectively(region); at > 0 && lastRespectively(wide) >= 0) {
                    qsizetype from = at;
                    while (from > 0 && (!isDelim(region.at(from - 1)) || region.at(from - 1) == u'、'))
                        --from;
                    st.metricsInTurn = metricsOfList(region.mid(from, at - from));
                } else if (!st.metricsInTurn.isEmpty() && !listContinues) {
                    st.metricsInTurn.clear();
                }
                if (!st.metricsInTurn.isEmpty()) {
                    const auto [m, cue] = st.metricsInTurn.takeFirst();
                    if (metricFits(m, n))
                        choice = {m, cue, 0.75};
                    else
                        st.metricsInTurn.clear();
                }
                // 邵东县签约项目8个、签约金额76.3亿元;隆回县6个、45.2亿元: a clause of a unit and its figures
                // after a semicolon repeats the metrics of the one before, in order.
                if (choice.metric.isEmpty() && bare && (namesUnit || (listContinues && idx > 0)) && parallelMetrics.size() > idx) {
                    const QString &m = parallelMetrics.at(idx);
                    if (metricFits(m, n))
                        choice = {m, QString(), 0.6};
                }
                // 2023年,新签约项目45个;2024年增至62个: a level its clause says nothing of but its period and that it
                // was reached is, after a semicolon, of the metric the clause before counted in that place.
                if (choice.metric.isEmpty() && parallelMetrics.size() > idx && metricFits(parallelMetrics.at(idx), n)) {
                    QString words; // the clause without its periods
                    qsizetype from = clauseStart;
                    for (const Period &p : sentPeriods) {
                        if (p.start >= from && p.end <= n.qualStart) {
                            words += QStringView(s).mid(from, p.start - from);
                            from = p.end;
                        }
                    }
                    words += QStringView(s).mid(from, n.qualStart - from);
                    words = words.trimmed();
                    if (saysLevelReached(words))
                        choice = {parallelMetrics.at(idx), words, 0.6};
                }
                // …分别完成年度任务的58.3%、55.1%;绿春县进度相对滞后,仅完成41.2%: a share said to be done, right
                // after shares of the task, is one too.
                if (choice.metric.isEmpty() && n.cls == UnitClass::Percent) {
                    static const QString completion = QStringLiteral("annual_completion_pct");
                    QStringView done = clause.trimmed();
                    if (done.endsWith(u'了'))
                        done.chop(1);
                    // (…任务数为45个,已签约38个,完成84.4%: after the task, the share of it)
                    const bool afterTask = QStringView(s).mid(sent.start, clauseStart - sent.start).contains(u"任务")
                        || QStringView(s).mid(sent.start, clauseStart - sent.start).contains(u"目标");
                    if (done.endsWith(u"完成") && (parallelMetrics.contains(completion) || st.previousMetric == completion || afterTask))
                        choice = {completion, QStringLiteral("完成"), 0.6};
                }
                // 确保全年到位资金完成115亿元,力争突破120亿元: a higher aim for the same figure.
                if (choice.metric.isEmpty() && idx > 0 && !st.previousMetric.isEmpty() && metricFits(st.previousMetric, n)) {
                    static const QRegularExpression higherAim(QStringLiteral("^[,，]?(?:力争|争取|努力|冲刺)(?:达到|实现|完成)?$"));
                    if (higherAim.match(region.trimmed()).hasMatch())
                        choice = {st.previousMetric, region.trimmed().toString(), 0.6};
                }
                // 到位资金任务为80亿元,目前已完成62.3亿元: what is done of the amount just named; 计划签约项目40个,
                // 目前已完成32个: of the count just named.
                const QString &doneOf = n.cls == UnitClass::Money ? st.previousMoneyMetric : st.previousProjectMetric;
                if (choice.metric.isEmpty() && n.cls != UnitClass::Percent && !doneOf.isEmpty() && metricFits(doneOf, n)) {
                    static const QRegularExpression doneAmount(QStringLiteral("^(?:目前|现|截至目前)?(?:已|累计|共)*(?:完成|实现)了?$"));
                    if (doneAmount.match(clause.trimmed()).hasMatch())
                        choice = {doneOf, clause.trimmed().toString(), 0.6};
                }
                // 按实际到位内资总量排名,前十位依次为:西咸新区328.6亿元、…: a list after a colon is of the
                // metric its introduction names (not a change said of its figure: 签约项目数:16个(同比增加5个)).
                if (choice.metric.isEmpty() && !Phrasing::instance().block.in(region)) {
                    const qsizetype colon = QStringView(s).mid(sent.start, n.qualStart - sent.start).lastIndexOf(u':');
                    // (其中:工业项目29个 breaks the figure before down by kind: no list of its metric)
                    if (colon > 0 && !QStringView(s).mid(sent.start, colon).endsWith(u"其中")) {
                        const QStringView intro = QStringView(s).mid(sent.start, colon);
                        choice = chooseMetric(n, intro, intro, intro, after, st, false);
                        if (choice.metric.isEmpty() && !itemHeading.isEmpty() && sent.start > para.sentences.first().start)
                            choice = chooseMetric(n, itemHeading, itemHeading, itemHeading, after, st, false);
                        choice.confidence = std::min(choice.confidence, 0.7);
                    }
                }
                // (一)实际到位资金。华容县98.6亿元,岳阳县87.2亿元…: a unit and its figure alone, in a sentence
                // after the item's heading, are of the metric the heading names.
                if (choice.metric.isEmpty() && bare && namesUnit && !itemHeading.isEmpty()
                    && (headingBefore || sent.start > para.sentences.first().start)) {
                    choice = chooseMetric(n, itemHeading, itemHeading, itemHeading, after, st, false);
                    choice.confidence = std::min(choice.confidence, 0.7);
                }
                if (!choice.metric.isEmpty())
                    sentenceMetrics.append(choice.metric);
                // 到位资金超过80亿元的有: a threshold; the units listed after it carry the metric.
                if (after.startsWith(u"的有") || after.startsWith(u"的是")) {
                    st.previousMetric = choice.metric;
                    st.thresholdMetric = choice.metric;
                    continue;
                }
                // …的有北流市、玉州区、陆川县,分别为215.6亿元、188.2亿元: the threshold's metric.
                if (choice.metric.isEmpty() && !st.thresholdMetric.isEmpty()
                    && (n.cls == UnitClass::Count ? Phrasing::instance().takesUnit(st.thresholdMetric, n.unit)
                                                  : n.cls == UnitClass::Money && Phrasing::unitGroup(st.thresholdMetric).isEmpty()))
                    choice = {st.thresholdMetric, QString(), 0.7};
                if (debug)
                    qDebug().noquote() << "figure" << n.value << n.unit << "region" << region << "after" << after << "->" << choice.metric << choice.cue;
                st.largeNext = st.largeNext && n.cls != UnitClass::Count;

                // 完成全年目标(18亿元)的54.6%, 为年度目标350亿元的110.3%: the target of the amount before.
                bool target = false;
                static const CueSet goal(QString::fromUtf16(u"目标 任务 目标任务 计划").split(QLatin1Char(' ')));
                QStringView lead = wide;
                if (lead.endsWith(u'('))
                    lead.chop(1);
                static const QRegularExpression goalAfter(QStringLiteral("^(?:的)?(?:年度|全年)?(?:目标|任务)"));
                // The year's target of the figure before (完成年度目标任务240亿元的21.4%): the whole year of
                // the figure it is measured against, whatever part of the year that figure covers.
                bool annualGoal = false;
                const QStringView afterOf = after.startsWith(u'的') ? after.mid(1) : after; // (goalAfter, cheaply first)
                const bool goalNext = (afterOf.startsWith(u"年度") || afterOf.startsWith(u"全年") || afterOf.startsWith(u'目')
                                       || afterOf.startsWith(u'任'))
                    && goalAfter.match(after).hasMatch();
                if ((goal.endsText(lead) || goalNext) && n.cls != UnitClass::Percent) {
                    if (choice.metric.isEmpty()) {
                        // (完成年度目标(80个)的85% after 协议资金286.1亿元: the count's, of the projects just counted)
                        const QString &before = n.cls == UnitClass::Money ? st.previousMoneyMetric
                            : n.cls == UnitClass::Count && !metricFits(st.previousMetric, n) ? st.previousProjectMetric
                                                                                             : st.previousMetric;
                        if (!before.isEmpty() && metricFits(before, n))
                            choice = {before, lead.right(4).toString(), 0.75};
                    }
                    target = !choice.metric.isEmpty();
                    const QStringView near = lead.right(12);
                    annualGoal = target && (near.contains(u"年度") || near.contains(u"全年") || after.left(4).contains(u"年度")
                                            || after.left(4).contains(u"全年"));
                }
                // 与年度目标(签约项目60个、总投资300亿元)相比: the figures in brackets after a goal, each with its
                // own words, are the goal's.
                if (!target && !choice.metric.isEmpty() && n.cls != UnitClass::Percent) {
                    const QStringView upTo = QStringView(s).mid(sent.start, n.qualStart - sent.start);
                    const qsizetype open = upTo.lastIndexOf(u'(');
                    if (open > 0 && upTo.indexOf(u')', open) < 0 && goal.endsText(upTo.left(open))) {
                        target = true;
                        const QStringView near = upTo.left(open).right(8);
                        annualGoal = near.contains(u"年度") || near.contains(u"全年");
                    }
                }
                // 其中工业项目35个,投资额217.2亿元 (协议引资118.2亿元): the amount of the kind of project just
                // counted, which no metric counts either; its own cue for another stage, 到位资金, would
                // say otherwise.
                static const QStringList plainAmount = {QStringLiteral("投资额"), QStringLiteral("总投资"), QStringLiteral("投资"),
                                                        QStringLiteral("金额"), QStringLiteral("计划总投资"), QStringLiteral("总投资额")};
                // (…其中三类500强项目2个,新签约项目合同引资额152.6亿元: projects of a stage named again are the
                // whole's)
                static const CueSet stageProjects(QString::fromUtf16(u"新签约项目 签约项目 新开工项目 开工项目 新引进项目 引进项目 落地项目").split(u' '));
                if (n.cls == UnitClass::Money && st.otherKind && !target
                    && (plainAmount.contains(choice.cue) || choice.metric == QLatin1String("signed_investment")) && !stageProjects.in(region))
                    choice = {};
                // …新签约项目18个,占新签约项目总数的45%: a count the words after it say is a share of the whole
                // is a part, no total (a unit's own, 阿拉尔经济技术开发区…52.3亿元,占全师市总量的一半以上, stays).
                if (!choice.metric.isEmpty() && n.cls != UnitClass::Percent && !unitNamedIn(clauseStart, n.qualStart)) {
                    QStringView next = QStringView(s).mid(n.end, 20);
                    if (!next.isEmpty() && QStringView(u",，").contains(next.front()))
                        next = next.mid(1);
                    static const QRegularExpression shareOfWhole(QStringLiteral("^占[^,，。;]{0,12}(?:总数|总量|总额|总投资|全部|的比重|比重)"));
                    if (next.startsWith(u'占') && shareOfWhole.match(next).hasMatch())
                        choice = {};
                }
                // 通过基金招商落地项目6个,到位资金9.8亿元: the money of what one way of promotion brought is a
                // part too.
                if (n.cls == UnitClass::Money && st.channelPart && !target && !unitNamedIn(clauseStart, n.qualStart))
                    choice = {};
                if (n.cls != UnitClass::Percent)
                    st.channelPart = n.cls == UnitClass::Count && choice.metric.isEmpty() && Phrasing::instance().channel.in(clause);
                // 其中,工业项目签约25个 (a paragraph that breaks the one before down): a kind of project named
                // before its verb is no total either.
                if (n.cls == UnitClass::Count && !choice.metric.isEmpty() && Phrasing::unitGroup(choice.metric) == QLatin1String("projects")
                    && (clause.startsWith(u"其中") || st.otherKind)) {
                    static const QRegularExpression kindFirst(QStringLiteral("^(?:其中[,，:：]?)?([^\\d,，;。、]{2,6}?)项目"));
                    const auto m = kindFirst.match(clause);
                    const QStringView kind = m.hasMatch() ? m.capturedView(1) : QStringView();
                    // (新开工项目 names a metric, 亿元以上项目 a size: no kinds)
                    auto metricWords = [&] {
                        const QList<CueSet::Hit> cues = Phrasing::instance().lastBefore(clause.mid(m.capturedStart(1), m.capturedEnd() - m.capturedStart(1)));
                        return std::any_of(cues.cbegin(), cues.cend(), [](const CueSet::Hit &h) { return h.found(); });
                    };
                    if (!kind.isEmpty() && !kind.contains(u'亿') && !kind.contains(u'万') && !kind.contains(u"以上") && !metricWords()
                        && !unitNamedIn(clauseStart, clauseStart + m.capturedEnd(1))) {
                        choice = {};
                        kindsNamed = true;
                    }
                }
                // (其中工业项目12个、投资额32.1亿元,服务业项目6个、投资额13.5亿元: the kinds go on; 从产业分布看,
                // 变电设备产业项目12个,签约资金68.2亿元: a breakdown's kinds too.)
                if (n.cls == UnitClass::Count)
                    st.otherKind = choice.metric.isEmpty() && Phrasing::instance().takesUnit(QStringLiteral("signed_projects"), n.unit)
                        && (wide.contains(u"其中") || clause.contains(u"其中") || st.otherKind || breakdown);
                // 新签约项目146个,其中工业项目98个、服务业项目48个,计划总投资1026亿元: after two kinds or sizes listed
                // under 其中, each with its count and none with an amount, a plain amount is the whole's again.
                if (n.cls == UnitClass::Money && choice.metric.isEmpty() && !target && !st.wholeProjectMetric.isEmpty()) {
                    const qsizetype under = QStringView(s).mid(sent.start, n.qualStart - sent.start).lastIndexOf(u"其中");
                    int counts = 0;
                    bool amounts = false;
                    for (int k = 0; k < idx && under >= 0; ++k) {
                        const Number &m = numbers.at(sentNumbers.at(k));
                        if (m.start < sent.start + under || m.threshold)
                            continue;
                        counts += m.cls == UnitClass::Count;
                        amounts = amounts || m.cls == UnitClass::Money;
                    }
                    const CueSet::Hit plain = Phrasing::instance().beforeOf(QStringLiteral("generic_investment")).last(region);
                    if (counts >= 2 && !amounts && plain.found() && region.size() - plain.end <= 2 && !stageProjects.in(region))
                        if (const QString amount = amountMetric(QStringLiteral("generic_investment"), st.wholeProjectMetric); !amount.isEmpty())
                            choice = {amount, region.mid(plain.start, plain.length()).toString(), 0.7};
                }
                // 实际使用外资6350万美元,完成全年任务的48.3%: the share of a task no metric tracks.
                if (choice.metric == QLatin1String("annual_completion_pct") && idx > 0 && st.previousMetric.isEmpty()
                    && numbers.at(sentNumbers.at(idx - 1)).cls == UnitClass::Money)
                    choice = {};
                if (choice.metric.isEmpty()) {
                    st.previousMetric.clear();
                    continue;
                }
                if (Phrasing::unitGroup(choice.metric) == QLatin1String("projects")) {
                    st.previousProjectMetric = choice.metric;
                    if (!wide.contains(u"其中") && !clause.contains(u"其中"))
                        st.wholeProjectMetric = choice.metric;
                }
                const bool sameMetric = choice.metric == st.previousMetric;
                st.previousMetric = choice.metric;
                if (n.cls == UnitClass::Money)
                    st.previousMoneyMetric = choice.metric;

                // Target or actual. A share of the year's task is measured against a target (完成年度目标
                // 任务的78.4%): only a pledge before it (确保…完成年度任务的75%以上) makes it one.
                if (choice.metric == QLatin1String("annual_completion_pct") && !target) {
                    static const CueSet pledge(QString::fromUtf16(u"力争 确保 争取").split(QLatin1Char(' ')));
                    target = pledge.in(QStringView(s).mid(sent.start, n.start - sent.start));
                } else if (!target) {
                    target = sentenceTarget || cues.targetBefore(n.start);
                    // …任务为80亿元,目前已完成62.3亿元 / 已签约38个: after the target, what is done (and so
                    // after the period it is done in: 截至8月底已到位56.2亿元, 1-8月已引进22个).
                    static const QRegularExpression achieved(QStringLiteral(
                        "^(?:目前|现在?|截至目前|实际|今年以来|年初以来|截至[^,，。;已]{1,10}|[\\d一二三四五六七八九十]{1,2}(?:[-—–~至到][\\d一二三四五六七八九十]{1,2})?月(?:底|末|份)?)?(?:共|累计)?已"));
                    if (target && !sentenceTarget && achieved.match(clause.trimmed()).hasMatch())
                        target = false;
                    if (!target) {
                        const QStringView rest = QStringView(s).mid(n.end, sent.end - n.end);
                        const CueSet::Hit h = Phrasing::instance().targetAfter.first(rest);
                        target = h.found() && !rest.left(h.start).contains(u"完成");
                        // …、实际到位资金42亿元的年度目标: the year's target, whatever period the text was at.
                        const QStringView word = target ? rest.mid(h.start, h.length()) : QStringView();
                        annualGoal = word.contains(u"年度") || word.contains(u"全年");
                    }
                    // 我们将…全年签约项目不少于20个: a floor (不少于, 不低于, 至少) is a plan's, unless the sentence says
                    // it was reached (已, 完成, 实现, 累计).
                    if (!target && (n.preQual == QStringLiteral("不少于") || n.preQual == QStringLiteral("不低于") || n.preQual == QStringLiteral("至少"))) {
                        static const CueSet reached(QString::fromUtf16(u"已 完成 实现 累计 达到").split(QLatin1Char(' ')));
                        target = !reached.in(QStringView(s).mid(sent.start, n.qualStart - sent.start));
                    }
                    // A plan's figure (全年引进产业链配套项目10个以上 under 二、重点工作) is a target, unless its
                    // sentence speaks of a year gone (2025年,全县新签约项目38个) or of what is done.
                    if (!target && ctx.planDocument) {
                        const int planYear = titleYear ? titleYear : refYear;
                        const bool past = std::any_of(sentPeriods.cbegin(), sentPeriods.cend(), [&](const Period &p) {
                            return p.start < n.start && p.year && p.year < planYear;
                        });
                        static const CueSet done(QString::fromUtf16(u"已 完成了 实现了 累计 同比 去年 上年").split(u' '));
                        target = !past && !done.in(QStringView(s).mid(sent.start, n.qualStart - sent.start));
                    }
                    // 预计签约项目10个以上: what is yet to happen is a plan (预计总投资, 预计年产值 are a project's).
                    static const QRegularExpression forecast(QStringLiteral("预计(?:全年|年内|今年|当月|本月)?(?:新)?(?:签约|开工|投产|引进|落地|到位)"));
                    target = target || (clause.contains(u"预计") && forecast.match(clause).hasMatch());
                }
                // 全年计划签约项目60个, 年度任务为…: a target of the whole year, whatever period the text was
                // at (全年 before 计划 or 目标 is no period of its own, so the span would come from the text before).
                const bool wholeYear = target && choice.metric != QLatin1String("annual_completion_pct")
                    && (clause.contains(u"全年") || clause.contains(u"年度"));

                // Period: the last one before the figure in the sentence, else the first after it,
                // else the one carried from earlier sentences, the section's, the title's.
                std::optional<Period> period;
                auto usable = [&](const Period &p) {
                    if (p.day && isReporting(QStringView(s).mid(clauseStartBefore(s, sent.start, p.start, true), p.end - clauseStartBefore(s, sent.start, p.start, true) + 8)))
                        return false;
                    return true;
                };
                // 完成全年目标任务(400亿元)的50.9%: the year there is the target's; the share stands for
                // the period of the figure before it.
                const bool completion = choice.metric == QLatin1String("annual_completion_pct");
                // (the last that serves, read back from the figure: a sentence of a thousand periods costs
                // no more a figure than one of two)
                const auto pastFigure = std::lower_bound(sentPeriods.cbegin(), sentPeriods.cend(), n.qualStart,
                                                         [](const Period &p, qsizetype at) { return p.start < at; });
                for (auto it = pastFigure; it != sentPeriods.cbegin() && !period;) {
                    const Period &p = *--it;
                    if (completion && p.kind == PeriodKind::FY && p.start >= clauseStart)
                        continue;
                    // (a base of comparison in an earlier clause is not the figure's; in its own
                    // clause, 超过2022年全年签约总额(88.2亿元), it is)
                    // (去年同期 as a base: 由去年同期的41.2亿元增至86.4亿元 is of the sentence's own period)
                    if ((p.sameAsBefore || QStringView(s).mid(p.end, 2) == u"同期") && comparisonBase(s, p))
                        continue;
                    // (宜丰县2025年招商推介会上,现场签约项目8个: a year in an event's name is no span of its figures)
                    if (p.kind == PeriodKind::YearOnly && namesEvent(s, p))
                        continue;
                    if (p.end <= n.qualStart && usable(p) && (p.start >= clauseStart || !comparisonBase(s, p)))
                        period = p;
                }
                if (period && period->sameAsBefore)
                    period = ctx.period;
                // 其中,9月份新开工项目21个,累计新开工198个: 累计 in a clause after a month's is the year up to that
                // month, not the month (as after a sentence of a month: see below).
                if (period && period->kind == PeriodKind::Months && period->a == period->b && period->a > 1
                    && period->end <= clauseStart && clause.contains(u"累计"))
                    period->a = 1;
                // 一、二季度分别签约5个、7个: the periods of a list in turn; 一、二季度签约12个: together.
                if (period && period->start >= sent.start) {
                    const QList<Period> run = periodList(s, sentPeriods, *period);
                    if (run.size() > 1) {
                        const qsizetype at = lastRespectively(QStringView(s).mid(period->end, n.qualStart - period->end));
                        if (at < 0) {
                            period = periodUnion(run);
                        } else {
                            if (period->end + at != turnAt) {
                                turnAt = period->end + at;
                                periodsInTurn = run;
                            }
                            // (…分别为41个、53个、66个,三年累计160个: past the list, the years together)
                            period = periodsInTurn.isEmpty() ? periodUnion(run) : periodsInTurn.takeFirst();
                        }
                    }
                }
                // 3月26日,南安市举行2022年…签约活动 / 截至目前,今年已新签约: a year named after a finer
                // period of the sentence only gives that period its year.
                if (period && period->kind == PeriodKind::YearOnly) {
                    std::optional<Period> finer;
                    for (const Period &p : sentPeriods) {
                        if (p.end <= period->start && p.kind != PeriodKind::YearOnly && !p.sameAsBefore && usable(p))
                            finer = p;
                    }
                    if (finer && (!finer->year || finer->year == period->year)) {
                        const int y = period->year;
                        period = finer;
                        if (!period->year)
                            period->year = y;
                    } else if (ctx.period && ctx.period->kind != PeriodKind::YearOnly && ctx.period->kind != PeriodKind::FY
                               && !ctx.period->year && (period->year == refYear || !period->year)) {
                        period = ctx.period;
                    }
                }
                if (!period) {
                    period = ctx.period;
                    // 其中5月份签约5个。累计完成到位资金17.3亿元: 累计 is the year up to the month the
                    // sentence before spoke of, not that month alone.
                    if (period && period->kind == PeriodKind::Months && period->a == period->b && period->a > 1
                        && (clause.contains(u"累计") || wide.contains(u"累计")))
                        period->a = 1;
                }
                // 在厦门举办的万载县2025年招商推介会上,现场签约项目9个 in a report of 2025-11-26: an event's figures,
                // its day named nowhere before, are of the month the report came out in, not the year so far.
                // Not in a summary of the year, nor in a report on another year than the one it came out in
                // (平陆县2025年…工作总结 of 2026-01-12: its events were in 2025, whose figures the summary sums).
                const bool titleOfOtherYear = ctx.titlePeriod && ctx.titlePeriod->year && ctx.titlePeriod->year != doc.published.year();
                if (!period && doc.published.isValid() && !target && sent.start >= doc.titleEnd && !ctx.wholeYearTitle && !titleOfOtherYear) {
                    // (此次共签约项目3个: what the signing the report is about came to; not 此次签约项目中, a part of it)
                    static const CueSet eventScene(QString::fromUtf16(u"会上 仪式上 活动上 活动现场 现场签约 集中签约 此次共签约 本次共签约").split(u' '));
                    if (eventScene.in(QStringView(s).mid(sent.start, n.qualStart - sent.start))) {
                        Period month;
                        month.kind = PeriodKind::Months;
                        month.a = month.b = doc.published.month();
                        month.year = doc.published.year();
                        period = month;
                    }
                }
                if (!period) {
                    for (const Period &p : sentPeriods) {
                        // (新开工项目25个,其中8月份新开工4个: a period after 其中 is the part's)
                        if (p.start >= n.end && n.end <= partsFrom && p.start > partsFrom)
                            break;
                        if (p.start >= n.end && usable(p) && !p.sameAsBefore && p.kind != PeriodKind::FY && !comparisonBase(s, p)) {
                            period = p;
                            break;
                        }
                    }
                }
                if (!period)
                    period = ctx.titlePeriod;
                // 今年以来 … 实现了今年一季度“开门红”: the span the sentence ends on says what “so far” is.
                if (period && period->kind == PeriodKind::YTD && !period->asOfMonth) {
                    for (const Period &p : sentPeriods) {
                        if (p.start >= n.end && (p.kind == PeriodKind::Quarter || p.kind == PeriodKind::Half
                                                 || (p.kind == PeriodKind::Months && p.a == 1 && p.b > 1))) {
                            period = p;
                            break;
                        }
                    }
                }
                // 近五年来, 自2021年以来 (in a later year), “十四五”以来: a sum over years, no year's figure; nor
                // one since a month up to a day unknown.
                if (period && (overYears(*period) || period->openEnded))
                    continue;
                // 力争到2028年,累计引进…项目50个: a sum over the years up to a later one, no year's target.
                if (period && period->kind == PeriodKind::YearOnly && refYear && period->year > refYear && period->start > 0
                    && QStringView(u"到至").contains(s.at(period->start - 1))
                    && QStringView(s).mid(period->end, std::max<qsizetype>(0, n.start - period->end)).contains(u"累计"))
                    continue;
                // 去年同期签约项目11个: the same span a year before, the base a report gives for its own figure,
                // is no figure of the report's span (nor, as the year to date of a year gone, a span at all).
                {
                    const Period *yearBefore = nullptr; // (the year the 同期 is of: 去年, 2025年)
                    bool lastYears = false;
                    for (const Period &p : sentPeriods) {
                        if (p.end > n.qualStart)
                            break;
                        // (the first figure after it: 由去年同期的38.5亿元增至69.3亿元 goes on to this year's level)
                        const bool figureBetween = std::any_of(sentNumbers.cbegin(), sentNumbers.cend(), [&](int k) {
                            return numbers.at(k).start >= p.end && numbers.at(k).end <= n.qualStart;
                        });
                        // (去年同期,全县签约项目仅11个: opening the sentence, it is the sentence's span, unless another
                        // is named after it)
                        const bool opensSentence = yearBefore && yearBefore->start == sent.start;
                        if (p.sameAsBefore && (p.start >= clauseStart || opensSentence) && yearBefore && yearBefore->end == p.start && !figureBetween) {
                            const QStringView year = QStringView(s).mid(yearBefore->start, yearBefore->end - yearBefore->start);
                            lastYears = lastYears || year == u"去年" || year == u"上年" || year == u"前年"
                                || (!yearBefore->relative && yearBefore->year && yearBefore->year < refYear);
                        }
                        yearBefore = &p;
                    }
                    if (lastYears && yearBefore && !yearBefore->sameAsBefore)
                        lastYears = false;
                    if (lastYears)
                        continue;
                }
                // 其中各乡镇新签约项目不少于2个, 各乡镇均签约项目2个以上: a quota or a figure of each unit of a
                // kind, none of them named, is no unit's figure (各乡镇共签约项目120个, their sum, is the whole's).
                {
                    static const QRegularExpression eachUnit(QStringLiteral(
                        "(?:各|每个)(?:乡镇|镇|乡|街道|镇街|镇\\(街道\\)|县区|县\\(市、区\\)|县|区|市|部门|单位|园区|开发区|责任单位)"));
                    if ((clause.contains(u'各') || clause.contains(u"每个")) && !unitNamedIn(clauseStart, n.qualStart)
                        && (target || clause.contains(u'均') || clause.contains(u'每')) && !clause.contains(u'共')
                        && eachUnit.match(clause).hasMatch())
                        continue;
                }

                // 截至11月20日,…拟签约项目15个,意向总投资93.6亿元: what is to be signed, counted as of a day, is the
                // pipeline then, neither done nor the year's target.
                if (target && period && period->asOfDay) {
                    const QStringView upTo = QStringView(s).mid(sent.start, n.qualStart - sent.start);
                    if (upTo.contains(u'拟') && !upTo.contains(u"全年") && !upTo.contains(u"年度"))
                        continue;
                }

                Fact f;
                f.metric = choice.metric;
                f.kind = target ? QStringLiteral("target") : QStringLiteral("actual");
                lastWasTarget = target;
                if (Phrasing::unitGroup(choice.metric) == QLatin1String("projects"))
                    projectsCounted.insert(choice.metric);
                f.value = n.value;
                f.qualifier = qualifierFor(n, target, clause);
                if (n.range) {
                    f.hasValueMax = true;
                    f.valueMax = n.valueMax;
                }
                f.cue = choice.cue;
                double confidence = choice.confidence;
                // A period without a year (全年, 一季度) takes the year named before it in the sentence
                // (今年…全年), else the one the text spoke of last, else the report's.
                // A plan speaks of the report's year unless it names another.
                int year = period ? period->year : 0;
                if (!year && period) {
                    if (sentenceFrom < 0)
                        sentenceFrom = fullSentenceStart(s, para.start, sent.start); // (once a sentence)
                    const qsizetype from = sentenceFrom;
                    auto it = std::lower_bound(periods.cbegin(), periods.cend(), from, [](const Period &p, qsizetype at) { return p.start < at; });
                    for (; it != periods.cend() && it->start < period->start; ++it) {
                        const Period &p = *it;
                        if (p.end <= period->start && p.year && !p.sameAsBefore && !comparisonBase(s, p))
                            year = p.year;
                    }
                }
                if (!year)
                    year = target && !annualGoal ? (ctx.sectionYear ? ctx.sectionYear : refYear)
                                                 : (ctx.contextYear ? ctx.contextYear : refYear);
                if (!year)
                    year = ctx.contextYear;
                QString span;
                if (period) {
                    if (period->kind == PeriodKind::YearOnly) {
                        // 2023年 in a report written after it, or in one without a date line, is the
                        // whole year; 今年 in a report of that year is the year so far, unless the title
                        // says it sums the whole year up (全年招商引资完成情况, written in its last days).
                        const bool wholeYearTitle = ctx.titlePeriod
                            && (ctx.titlePeriod->kind == PeriodKind::FY || (ctx.titlePeriod->kind == PeriodKind::YearOnly && ctx.wholeYearTitle))
                            && (!ctx.titlePeriod->year || ctx.titlePeriod->year == year);
                        const bool finished = doc.published.isValid() ? year < doc.published.year() || wholeYearTitle
                                                                      : !period->relative;
                        span = (target || finished) ? QStringLiteral("FY") : QStringLiteral("YTD");
                    } else {
                        span = spanOf(*period);
                    }
                    f.asOf = cutOffDay(*period, year);
                    // A plan in a report of 1-8月 is for the year; one for a single month (9月份工作打算,
                    // 确保当月…) is for that month; a share pledged by a day of its own sentence (确保三季度末
                    // 完成年度任务的75%), or a plan by a deadline there (确保6月底前签约30个), is for the months up to it.
                    // (一季度…取得了“开门红”。今年招商引资总目标:新签约项目总额不低于400亿元: a quarter's or a half's
                    // report's plan, its sentence naming no span of its own, is for the year too)
                    const bool pledgedBy = (completion || period->deadline) && period->start >= sent.start && period->end <= n.qualStart;
                    const bool partCarried = (period->kind == PeriodKind::Quarter || period->kind == PeriodKind::Half) && period->start < sent.start;
                    if (target && !pledgedBy
                        && (period->kind == PeriodKind::YTD || (period->kind == PeriodKind::Months && period->a != period->b) || partCarried))
                        span = QStringLiteral("FY");
                } else {
                    span = target ? QStringLiteral("FY") : QStringLiteral("YTD");
                    confidence -= 0.15;
                }
                if (annualGoal || wholeYear)
                    span = QStringLiteral("FY");
                // A missing year is shown as missing, not as a doubtful reading.
                f.year = year;
                f.span = span;

                // Unit: 分别 lists first; the last unit named since the figure before, else in the
                // sentence before the figure, else the paragraph's, else the report's subject.
                QString district;
                bool byKindOnly = false;
                QStringList alsoFor; // 易门县、峨山县…完成率均低于40%: each unit of the list has the figure
                if (!respectively.isEmpty()) {
                    district = respectively.takeFirst();
                } else {
                    QList<const UnitMention *> named;
                    for (const UnitMention &u : sentUnits) {
                        if (u.end <= n.qualStart && !u.place)
                            named.append(&u);
                    }
                    // …潋江镇签约项目3个;县本级签约项目4个: the county's own level (本级) is a part of it, no unit
                    // of its own; its figures are nobody's.
                    {
                        const qsizetype since = named.isEmpty() ? sent.start : std::max(sent.start, named.last()->end);
                        const QStringView before = QStringView(s).mid(since, n.qualStart - since);
                        const qsizetype own = before.lastIndexOf(u"本级");
                        if (own > 0 && QStringView(u"市县区州旗省").contains(before.at(own - 1)))
                            continue;
                    }
                    // The units listed with the last one named (蒙自市、弥勒市、建水县), when there are several:
                    // the first is the figure's, the others go to \a rest.
                    auto fromList = [&](QStringList *rest) {
                        const int group = named.last()->group;
                        for (const UnitMention *u : std::as_const(named)) {
                            if (u->group == group && group >= 0)
                                rest->append(resolveTopic(*u, paragraphUnit));
                        }
                        if (rest->size() > 1)
                            district = rest->takeFirst();
                        else
                            rest->clear();
                    };
                    // 分别: the figures after it go to the units in turn.
                    if (lastRespectively(wide) >= 0 && !named.isEmpty()) {
                        fromList(&respectively);
                        // (雨湖区到位资金96.3亿元,岳塘区到位资金102.7亿元,分别完成年度目标的48.2%和51.4%: units each
                        // heading a clause with a figure of its own, then 分别: the figures go to them in turn)
                        if (district.isEmpty() && named.size() > 1) {
                            QStringList heads;
                            bool eachCounted = true;
                            for (qsizetype k = 0; k < named.size() && eachCounted; ++k) {
                                const UnitMention &u = *named.at(k);
                                const qsizetype until = k + 1 < named.size() ? named.at(k + 1)->start : n.qualStart;
                                eachCounted = !u.topic && std::any_of(sentNumbers.cbegin(), sentNumbers.cbegin() + idx, [&](int i) {
                                    return numbers.at(i).start >= u.end && numbers.at(i).end <= until;
                                });
                                const QString name = resolveTopic(u, paragraphUnit);
                                if (!heads.contains(name))
                                    heads << name;
                            }
                            if (eachCounted && heads.size() > 1) {
                                district = heads.takeFirst();
                                respectively = heads;
                            }
                        }
                    }
                    // 均 just before the figure (均低于40%, 均超过10个; not 人均, 亩均): the list's units alike.
                    const QStringView tail = wide.right(5);
                    const qsizetype eachIn = tail.lastIndexOf(u'均');
                    const qsizetype eachAt = eachIn < 0 ? -1 : wide.size() - tail.size() + eachIn;
                    // (or 各/均 just after the list: 草庙镇、白驹镇各签约项目5个)
                    const bool eachAfterList = !named.isEmpty() && named.last()->end < n.qualStart
                        && QStringView(u"各均").contains(s.at(named.last()->end));
                    // (or a rate right after the list, which no two units can share as a sum: 海陵区、高港区完成率
                    // 低于50%)
                    const bool rateOfList = f.metric == QLatin1String("annual_completion_pct") && named.size() > 1
                        && named.last()->end < n.qualStart && n.qualStart - named.last()->end <= 10
                        && named.at(named.size() - 2)->group == named.last()->group && named.last()->group >= 0;
                    // (or 各 right before the figure: 和平街道、新城街道签约项目各5个; not 各类, 各项)
                    const bool eachRightBefore = wide.endsWith(u'各');
                    const bool each = eachAfterList || rateOfList || eachRightBefore
                        || (eachAt >= 0 && !(eachAt > 0 && QStringView(u"人亩平户").contains(wide.at(eachAt - 1))));
                    if (district.isEmpty() && each && named.size() > 1)
                        fromList(&alsoFor);
                    // 市本级及宜春经开区、宜阳新区共完成到位资金268.4亿元: units listed, then 共 (together): the
                    // figure is their sum, none's own.
                    if (district.isEmpty() && named.size() > 1) {
                        const UnitMention &lastNamed = *named.last();
                        const UnitMention &before = *named.at(named.size() - 2);
                        const bool listed = lastNamed.group >= 0 && lastNamed.group == before.group && !lastNamed.topic && !before.topic;
                        const QStringView since = QStringView(s).mid(lastNamed.end, n.qualStart - lastNamed.end);
                        // (城西区、城东区两区签约项目合计20个: the list counted, and not 分别, is the list together)
                        static const QRegularExpression together(QStringLiteral("^(?:共|合计|一共|[两二三四五六七八九十]个?[市县区州旗盟地镇乡])"));
                        if (listed && together.match(since).hasMatch())
                            continue;
                    }
                    // 西青区…,北辰区…;两区实际到位资金合计486.2亿元: two units not run as one, their
                    // figure together is neither's.
                    if (district.isEmpty() && !named.isEmpty() && named.last()->kindChar == u'两' && pairNamedBefore(*named.last()).isEmpty())
                        continue;
                    if (district.isEmpty() && !named.isEmpty()) {
                        // 吉州区:1-5月,该区新签约…: 该区 is the 区 the sentence named before it.
                        QString context = paragraphUnit;
                        if (named.last()->topic) {
                            for (qsizetype k = named.size() - 2; k >= 0; --k) {
                                if (named.at(k)->topic)
                                    continue;
                                const QString before = resolveTopic(*named.at(k), paragraphUnit);
                                if (before.endsWith(named.last()->kindChar))
                                    context = before;
                                break;
                            }
                        }
                        district = resolveTopic(*named.last(), context);
                        byKindOnly = district.isEmpty(); // 全区 of a report that names no 区: unknown
                        // 全省上半年新签约项目2385个 in a county's report that names no province: a figure of a unit
                        // above the report's own, which it does not name, is none the report can give.
                        if (byKindOnly && named.last()->topic && !ownKind.isNull() && kindRank(named.last()->kindChar) < kindRank(ownKind))
                            continue;
                    }
                }
                if (district.isEmpty() && !byKindOnly)
                    district = paragraphUnit;
                if (district.isEmpty() && !byKindOnly) {
                    if (!paragraphByKindOnly)
                        district = result.subject;
                    confidence -= 0.05;
                }
                // 四大驻点招商组…促成签约项目19个,签约金额83.6亿元,分别占全县的40.4%和37.2%: figures said to be a
                // share of the report's own unit are a part of it (a group's, a channel's), not its own.
                if (partOfSubject && !result.subject.isEmpty() && district == result.subject
                    && std::none_of(sentUnits.cbegin(), sentUnits.cend(), [&](const UnitMention &u) { return !u.topic && !u.place && u.end <= n.qualStart; }))
                    continue;
                f.district = district;
                f.confidence = std::clamp(confidence, 0.05, 1.0);
                // 其中 … the same metric of the same unit again: a part of the figure before.
                // (其中8月份新开工项目4个 after 1-8月's 25: a span of its own is a figure of its own; a sentence
                // that opens with 其中 breaks down a figure the paragraph gave before)
                // (签约项目33个(含续建项目3个): what brackets say the figure before includes is a part of it too)
                static const QRegularExpression includes(QStringLiteral("^[(（](?:其中|含|包括|包含)"));
                const auto thisKey = std::make_tuple(choice.metric, district, span);
                const bool sameAsBefore = sameMetric && district == st.previousUnit && span == st.previousSpan;
                const bool subCount = (clause.contains(u"其中") && (sameAsBefore || (sentence.startsWith(u"其中") && paragraphKeys.contains(thisKey))))
                    || (sameAsBefore && includes.match(wide).hasMatch());
                st.previousUnit = district;
                st.previousSpan = span;
                paragraphKeys.append(thisKey);
                if (subCount)
                    continue;

                setEvidence(f, report, sent.start, sent.end);

                for (const QString &unit : QStringList{QString()} + alsoFor) {
                    Fact one = f;
                    if (!unit.isNull())
                        one.district = unit;
                    const QString key = factKey(one);
                    if (!seen.contains(key)) {
                        seen.insert(key);
                        result.facts.append(one);
                    }
                }
            }

            // Carry the sentence's periods, year and unit forward.
            for (const Period &p : sentPeriods) {
                if (p.sameAsBefore || (p.day && (isReporting(sentence) || isSubtitle(sentence))))
                    continue;
                // (…,其中7月份新开工3个: the part's month is not what the text goes on about)
                if (p.start > partsFrom)
                    continue;
                // (完成全年招商引资目标任务的50.9%: the year's target named, not the span the text goes on in)
                if (p.kind == PeriodKind::FY) {
                    const QStringView next = QStringView(s).mid(p.end, 10);
                    const QStringView words = next.left(std::find_if(next.cbegin(), next.cend(), [](QChar c) { return isDelim(c); }) - next.cbegin());
                    if (words.contains(u"目标") || words.contains(u"任务") || words.contains(u"计划"))
                        continue;
                }
                // The year a passage speaks of is the one a clause opens with (去年,全旗… / 会议指出,2025年,…),
                // not one named in passing (去年3月签约, 预计明年投产).
                const bool opensClause = p.start == sent.start || isDelim(s.at(p.start - 1)) || s.at(p.start - 1).isSpace();
                // (…,去年同期为39个: a base of comparison, even where it opens a clause)
                const bool base = comparisonBase(s, p);
                // (2022年至2024年, 2023、2024年: no one year; a list's last period is among the few after it)
                auto listed = [&]() {
                    const qsizetype at = &p - sentPeriods.constData();
                    for (qsizetype k = at; k < sentPeriods.size() && k <= at + 12; ++k) {
                        const QList<Period> run = periodList(s, sentPeriods, sentPeriods.at(k));
                        if (run.size() > 1 && run.first().start <= p.start)
                            return true;
                    }
                    return false;
                };
                // (a span's year too: 2025年…;今年1-9月…;截至9月底 is this year's September)
                if (p.year && opensClause && !base && !p.sameAsBefore && !listed())
                    ctx.contextYear = p.year;
                // (去年以来…。2025年,全县…: a year after a span over years is what the passage goes on in)
                if (p.kind == PeriodKind::YearOnly && ctx.period && ctx.period->kind != PeriodKind::YearOnly
                    && (p.year == refYear || p.year == ctx.period->year) && !overYears(*ctx.period))
                    continue; // 取得了2023年招商引资开门红 does not undo the quarter just named
                // 比去年同期增长21.7%, 较上年增长: the base of a comparison is not what the report goes on about
                // (nor a span up to a day unknown).
                if (base || p.openEnded)
                    continue;
                ctx.period = p;
            }
            for (const UnitMention &u : sentUnits) {
                if (!u.place) {
                    paragraphUnit = resolveTopic(u, paragraphUnit);
                    paragraphByKindOnly = u.topic && paragraphUnit.isEmpty();
                }
            }
            if (goesOn) {
                if (!sentenceMetrics.isEmpty())
                    parallelMetrics = sentenceMetrics;
            } else {
                parallelMetrics.clear();
            }
            kindsGoOn = (kindsNamed || breakdown) && st.otherKind && goesOn;
            // 1-8月各县市签约及到位资金情况: a line that ends with a colon opens what follows.
            if (&sent == &para.sentences.last() && sentence.trimmed().endsWith(u':') && !sentPeriods.isEmpty())
                ctx.sectionPeriod = sentPeriods.last();
            // (and a list of one short item a line goes on under it)
            if (&sent == &para.sentences.last()) {
                if (para.sentences.size() == 1 && sentence.trimmed().endsWith(u':'))
                    ctx.listIntro = sentence.trimmed().chopped(1).toString();
                else if (para.end - para.start > 30 && !ReportDocument::isNumberedItem(line))
                    ctx.listIntro.clear();
            }
            // (…任务数为40个,已完成22个;到位资金…: what was done last does not carry a plan on)
            const bool targetWords = !cues.targetEnds.isEmpty() && lastWasTarget;
            if (targetWords && goesOn)
                targetCarry = true;
            else if (!goesOn)
                targetCarry = false;
        }
        carriedMetrics = parallelMetrics;
        carriedTarget = targetCarry;
        previousParagraphUnit = paragraphUnit;
        if (bullet && !listGoesOn)
            listPeriod = ctx.period;
    }
    // A table's figure, its row the evidence, once.
    auto addTableFact = [&](Fact f, qsizetype rowStart, qsizetype rowEnd, double confidence) {
        f.cue = QStringLiteral("表格");
        f.confidence = confidence;
        setEvidence(f, report, rowStart, rowEnd);
        const QString key = factKey(f);
        if (!seen.contains(key)) {
            seen.insert(key);
            result.facts.append(f);
        }
    };
    // Where a table's last row ends (a table or a table of indicators).
    auto endOf = [](const auto &table) { return table.rows.isEmpty() ? table.start : table.rows.last().end; };
    // The period the lines just above a table name (the last of them), else the short lines just below it
    // (注:以上为2026年1-7月数据, a caption under the table: the first they name), else the title's; and the
    // year they or the title give.
    auto periodAbove = [&](qsizetype tableStart, qsizetype tableEnd, int *year) {
        std::optional<Period> period;
        *year = 0;
        for (const Period &p : periods) {
            if (p.end > tableStart)
                break;
            if (p.start >= tableStart - 160 && !p.sameAsBefore) {
                period = p;
                if (p.year)
                    *year = p.year;
            }
        }
        for (qsizetype k = 0, taken = 0; !period && k < doc.paragraphs.size() && taken < 2; ++k) {
            const ReportDocument::Paragraph &para = doc.paragraphs.at(k);
            if (para.start < tableEnd)
                continue;
            ++taken;
            const bool note = para.end - para.start <= 60 && std::none_of(numbers.cbegin(), numbers.cend(), [&](const Number &n) {
                return n.start >= para.start && n.end <= para.end;
            });
            if (!note)
                break;
            for (const Period &p : periods) {
                if (p.start >= para.start && p.end <= para.end && !p.sameAsBefore) {
                    period = p;
                    if (p.year)
                        *year = p.year;
                    break;
                }
            }
        }
        if (!period)
            period = ctx.titlePeriod;
        if (!*year)
            *year = period && period->year ? period->year : (titleYear ? titleYear : refYear);
        return period;
    };
    // The span of a table's figures, from the period the lines above it name (YTD where none), and its year.
    auto spanAbove = [&](qsizetype tableStart, qsizetype tableEnd, int *year, std::optional<Period> *named = nullptr) {
        const std::optional<Period> period = periodAbove(tableStart, tableEnd, year);
        if (named)
            *named = period;
        if (!period)
            return QStringLiteral("YTD");
        const bool finished = doc.published.isValid() ? *year < doc.published.year() : !period->relative;
        return period->kind == PeriodKind::YearOnly ? (finished ? QStringLiteral("FY") : QStringLiteral("YTD")) : spanOf(*period);
    };
    // The tables: each row's figures, with the period the lines above the table name.
    for (const Table &t : findTables(s, doc, gazetteer)) {
        int year = 0;
        std::optional<Period> period;
        const QString span = spanAbove(t.start, endOf(t), &year, &period);
        // (10月份…: 本月 is October, 累计 January to October)
        const int lastMonth = !period                               ? 0
                            : period->kind == PeriodKind::Months  ? period->b
                            : period->kind == PeriodKind::Quarter ? 3 * period->a
                            : period->kind == PeriodKind::Half    ? 6 * period->a
                                                                  : 0;
        auto columnSpan = [&](const Column &col) {
            if (!lastMonth || col.reach == Column::TableSpan)
                return span;
            Period p;
            p.kind = PeriodKind::Months;
            p.a = col.reach == Column::ThisMonth ? lastMonth : 1;
            p.b = lastMonth;
            return spanOf(p);
        };
        // 2026年招商引资目标任务分解表: a table the title or the line above it says is of targets (not how
        // far they are met: 目标任务完成情况) holds the year's targets.
        bool plannedTable = false;
        {
            static const QRegularExpression planned(QStringLiteral("目标|任务|计划|分解"));
            static const QRegularExpression met(QStringLiteral("完成|进度|情况|排名|考核|通报"));
            QList<QStringView> above{QStringView(s).mid(doc.titleStart, doc.titleEnd - doc.titleStart)};
            for (qsizetype k = doc.paragraphs.size() - 1, taken = 0; k >= 0 && taken < 2; --k) {
                const ReportDocument::Paragraph &para = doc.paragraphs.at(k);
                if (para.end > t.start || para.start < doc.titleEnd)
                    continue;
                above << QStringView(s).mid(para.start, para.end - para.start);
                ++taken;
            }
            for (QStringView line : std::as_const(above)) {
                if (line.size() <= 40 && planned.match(line).hasMatch() && !met.match(line).hasMatch())
                    plannedTable = true;
            }
        }
        // The total row (合计, 全县) is the report's own unit: never one of the rows it adds up (a
        // table of towns under a title that names no county).
        const bool subjectIsARow = std::any_of(t.rows.cbegin(), t.rows.cend(), [&](const TableRow &r) { return r.unitName == result.subject; });
        for (const TableRow &r : t.rows) {
            for (int c = 0; c < t.columns.size() && c < r.values.size(); ++c) {
                const Column &col = t.columns.at(c);
                if (col.metric.isEmpty())
                    continue;
                Fact f;
                f.metric = col.metric;
                // (60100万元 is 6.01亿元, not 6.010000000000001: the cell's decimals, no more.)
                f.value = std::round(r.values.at(c) * col.scale * 1e8) / 1e8;
                f.year = year;
                f.span = col.target || plannedTable ? QStringLiteral("FY") : !r.span.isEmpty() ? r.span : columnSpan(col);
                if (col.target || plannedTable)
                    f.kind = QStringLiteral("target");
                else if (period && f.span == QLatin1String("YTD") && r.span.isEmpty()) // (…完成情况(截至2026年8月31日) over the table)
                    f.asOf = cutOffDay(*period, year);
                f.district = r.unitName == QLatin1String("*") ? (subjectIsARow ? QString() : result.subject) : r.unitName;
                addTableFact(f, r.start, r.end, 0.8);
            }
        }
    }
    // Tables of indicators: the report's own unit's figures, a column's period each, or a unit's figures
    // a column each.
    for (const IndicatorTable &t : findIndicatorTables(s, doc, gazetteer)) {
        int year = 0;
        const QString above = spanAbove(t.start, endOf(t), &year); // (a column of a period names its own span)
        for (const IndicatorTable::Row &r : t.rows) {
            for (int c = 0; c < t.spans.size() && c < r.values.size(); ++c) {
                const QString &unit = t.units.at(c);
                if ((unit.isEmpty() && t.spans.at(c).isEmpty()) || qIsNaN(r.values.at(c)))
                    continue;
                Fact f;
                f.metric = r.metric.metric;
                f.value = std::round(r.values.at(c) * r.metric.scale * 1e8) / 1e8;
                if (r.metric.cls == UnitClass::Count && f.value != std::floor(f.value))
                    continue; // (a count is whole: the row is not what its label seemed)
                f.year = year;
                f.span = unit.isEmpty() ? t.spans.at(c) : above;
                if (unit.isEmpty() && f.span == QLatin1String("FY"))
                    f.kind = QStringLiteral("target");
                f.district = unit.isEmpty() || unit == u'*' ? result.subject : unit;
                addTableFact(f, r.start, r.end, 0.75);
            }
        }
    }
    // A headline rounds what the body states exactly (总投资超百亿 over 128.5亿元): where the body has a
    // figure of the same unit, period and metric, the headline's is left out; and where the headline
    // names no period (read as the year to date), so is one the body's figure of another period rounds
    // (超百亿元 over 一季度…103.5亿元).
    const qsizetype headlineEnd = report.originalCodePoint(doc.titleEnd);
    auto key = [](const Fact &f) -> QString { return f.district + QLatin1Char('|') + QString::number(f.year) + f.span + f.metric + f.kind; };
    auto what = [](const Fact &f) -> QString { return f.district + QLatin1Char('|') + QString::number(f.year) + f.metric + f.kind; };
    QSet<QString> bodyKeys;
    QMultiHash<QString, double> bodyValues;
    // (most headlines state no figure: then nothing to weigh)
    const bool headlineFigures = doc.titleEnd > 0
        && std::any_of(result.facts.cbegin(), result.facts.cend(), [&](const Fact &f) { return f.evidenceStart < headlineEnd; });
    for (const Fact &f : std::as_const(result.facts)) {
        if (headlineFigures && f.evidenceStart >= headlineEnd) {
            bodyKeys.insert(key(f));
            bodyValues.insert(what(f), f.value);
        }
    }
    auto rounds = [](const Fact &headline, double body) {
        const double h = headline.value;
        if (headline.qualifier == QLatin1String("over") || headline.qualifier == QLatin1String("at_least"))
            return body >= h && body < h * 1.5;
        if (headline.qualifier == QLatin1String("under"))
            return body <= h && body > h * 0.7;
        if (headline.qualifier == QLatin1String("approx"))
            return std::abs(body - h) <= 0.1 * h;
        return std::abs(body - h) <= 0.005 * std::max(1.0, h);
    };
    result.facts.removeIf([&](const Fact &f) {
        if (doc.titleEnd <= 0 || f.evidenceStart >= headlineEnd)
            return false;
        if (bodyKeys.contains(key(f)))
            return true;
        if (f.span != QLatin1String("YTD"))
            return false;
        const QList<double> values = bodyValues.values(what(f));
        return std::any_of(values.cbegin(), values.cend(), [&](double v) { return rounds(f, v); });
    });
    result.projects = findProjectMentions(report, units, result.subject, refYear);
    return result;
}

} // namespace IPDesk
