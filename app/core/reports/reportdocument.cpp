#include "reports/reportdocument.h"

#include "base/charset.h"

#include <QRegularExpression>

namespace IPDesk {

namespace {

/// 二〇二四年十月十五日, as documents are dated: the year digit by digit, month and day in words.
QDate chineseDateIn(QStringView line)
{
    static const QRegularExpression date(QStringLiteral(
        "二[〇○零O０0][一二三四五六七八九〇○零O０0]{2}年(十[一二]?|[一二三四五六七八九])月(三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])日"));
    const auto m = date.match(line);
    if (!m.hasMatch())
        return QDate();
    static const QString digits = QStringLiteral("〇一二三四五六七八九");
    int year = 0;
    for (QChar c : m.capturedView().left(4))
        year = 10 * year + std::max<int>(0, int(digits.indexOf(c)));
    // (十 alone is ten; 十二 twelve; 二十三 twenty-three)
    auto words = [&](QStringView w) {
        const qsizetype ten = w.indexOf(u'十');
        if (ten < 0)
            return int(digits.indexOf(w.front()));
        const int tens = ten == 0 ? 1 : int(digits.indexOf(w.front()));
        const int ones = ten + 1 < w.size() ? int(digits.indexOf(w.at(ten + 1))) : 0;
        return 10 * tens + ones;
    };
    return QDate(year, words(m.capturedView(1)), words(m.capturedView(2)));
}

QDate dateIn(QStringView line)
{
    // (二〇二四年十月十五日: a document's own date)
    if (line.contains(u'年') && (line.contains(u'〇') || line.contains(u'○') || line.contains(u'零')) && line.contains(u'二')) {
        if (const QDate d = chineseDateIn(line); d.isValid())
            return d;
    }
    // 2023年4月25日, 2023-04-25, 2023/4/25, 2023.4.25: one kind of separator throughout, so that a
    // span (2025年1-8月) is not read as a day.
    static const QRegularExpression date(QStringLiteral(
        "(20\\d\\d)\\s*(?:年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})(?!\\d)\\s*日?|([-/.])\\s*(\\d{1,2})\\s*\\4\\s*(\\d{1,2})(?![\\d月]))"));
    if (!line.contains(u"20")) // (every date has its year's first digits: a cheaper look first)
        return QDate();
    const auto m = date.match(line);
    if (!m.hasMatch())
        return QDate();
    if (m.capturedStart(2) >= 0)
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return QDate(m.captured(1).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
}

} // namespace

bool ReportDocument::isBulletItem(QStringView line)
{
    const QStringView t = line.trimmed();
    return !t.isEmpty() && isListBullet(t.front());
}

qsizetype ReportDocument::itemNumberLength(QStringView line)
{
    static const QRegularExpression number(QStringLiteral("^\\s*(?:[(（][一二三四五六七八九十\\d]{1,3}[)）]|[①-⑳]|\\d{1,2}[、.](?!\\d))\\s*"));
    // (the pattern only where an item's number can open: most lines open with a word)
    qsizetype first = 0;
    while (first < line.size() && line.at(first).isSpace())
        ++first;
    if (first == line.size())
        return 0;
    const char16_t c = line.at(first).unicode();
    if (!(c == u'(' || c == u'（' || (c >= u'①' && c <= u'⑳') || (c >= u'0' && c <= u'9')))
        return 0;
    const auto m = number.match(line);
    return m.hasMatch() ? m.capturedEnd() : 0;
}

bool ReportDocument::isNumberedItem(QStringView line)
{
    const qsizetype at = itemNumberLength(line);
    return at > 0 && at < line.size() && isHanChar(line.at(at));
}

bool ReportDocument::isHeading(QStringView line)
{
    const QStringView t = line.trimmed();
    if (t.isEmpty() || t.size() > 32 || isBulletItem(t))
        return false;
    for (QChar c : t) {
        if (QStringView(u"。!?;,:").contains(c))
            return false;
    }
    // 全年实际到位资金52.6亿元 on a line of its own states a figure; a heading names what follows.
    static const QRegularExpression figure(QStringLiteral("\\d\\s*(?:个|家|次|批|场|项|宗|亿|万|%)"));
    return !figure.match(t).hasMatch();
}

namespace {

/// A line that is a date and its labels (2023-04-25 来源:…, 发布时间:…), not a sentence that mentions a day.
bool isDateLine(QStringView line, QDate *date = nullptr)
{
    static const QRegularExpression marker(QStringLiteral("发布|時間|时间|来源|來源|日期|编辑|編輯|作者|浏览|瀏覽|字号|字號|点击|發佈"));
    const QDate d = dateIn(line);
    if (!d.isValid())
        return false;
    const bool sentence = line.contains(u'。') || line.count(u',') > 1;
    if (sentence || (line.size() > 40 && !marker.match(line).hasMatch()))
        return false;
    if (date)
        *date = d;
    return true;
}

/// 。, !, ? and ; end a sentence (the cleaner made the full-width forms ASCII). (A test per character:
/// no search in a string of them.)
bool isSentenceEnd(QChar c)
{
    switch (c.unicode()) {
    case u'。': case u'!': case u'?': case u';':
        return true;
    default:
        return false;
    }
}

/// The path to a report on its page (首页 > 新闻中心 > 部门动态, 当前位置:…).
bool isPathLine(QStringView line)
{
    static const QRegularExpression path(QStringLiteral("^(?:首页|主页|当前位置|您的位置|您现在的位置|位置)|\\S\\s*[>»›]\\s*\\S"));
    // (the pattern only where its characters stand: a path's first word or an arrow)
    const bool may = line.startsWith(u"首页") || line.startsWith(u"主页") || line.startsWith(u"当前") || line.startsWith(u'您')
        || line.startsWith(u"位置") || line.contains(u'>') || line.contains(u'»') || line.contains(u'›');
    return may && path.match(line).hasMatch();
}

/// A line of the page around a report rather than its title: its date line, or the path to it.
bool isPageLine(QStringView line)
{
    return isDateLine(line) || isPathLine(line);
}

/// Where a web page's chrome above its report ends: after the path to the report (当前位置:首页 > …)
/// and the site's menus (网站首页 | 政务公开 | 互动交流), and the site's name above them, among the
/// first lines; a menu only above the page's date line, and a site's name where a line comes between
/// it and the date line. 0 for a text that opens with its report.
qsizetype chromeEnd(const QString &s)
{
    // (赣州市人民政府, 中国江西网, 寻乌县融媒体中心: a site's or a paper's name on a line of its own)
    static const QRegularExpression siteName(QStringLiteral(
        "^\\p{Han}{2,24}(?:人民政府|政府网|门户网站|网站|新闻网|日报|晚报|融媒体中心|商务局|投资促进局|投资促进中心|办公室|管委会)$"));
    qsizetype end = 0;
    qsizetype named = 0;
    qsizetype at = 0;
    int menuWords = 0; // (a menu one word a line: 首页 / 新闻 / 政务 / 服务)
    for (int n = 0; at < s.size() && n < 10;) {
        qsizetype lineEnd = s.indexOf(QLatin1Char('\n'), at);
        if (lineEnd < 0)
            lineEnd = s.size();
        const QStringView line = QStringView(s).mid(at, lineEnd - at).trimmed();
        at = lineEnd + 1;
        if (line.isEmpty())
            continue;
        ++n;
        if (isDateLine(line))
            break;
        const qsizetype bars = line.count(u'|') + line.count(u'丨');
        const bool menu = bars >= 2 && !line.startsWith(u'|')
            && std::none_of(line.begin(), line.end(), [](QChar c) { return c.isDigit(); });
        menuWords = line.size() <= 4 && std::all_of(line.begin(), line.end(), isHanChar)
            ? menuWords + 1 : 0;
        // (点击蓝字 关注我们, 点击上方“横州发布”关注: a WeChat post's call to follow its account)
        const bool follow = line.size() <= 24 && line.contains(u"关注") && (line.contains(u"点击") || line.contains(u"关注我们"));
        if (menu || isPathLine(line) || menuWords >= 3 || follow)
            end = std::min(at, s.size());
        // (the pattern only where a name's last character stands)
        else if (QStringView(u"府网站报心局室会").contains(line.back()) && siteName.match(line).hasMatch())
            named = std::min(at, s.size());
        else if (named > end)
            end = named; // (a site's name with a line after it above the date line: chrome, not the title)
    }
    return end;
}

} // namespace

QDate ReportDocument::findPublished(const QString &clean)
{
    // The date line sits under the title (often with 来源, 发布时间, 编辑), or alone on the last line of a
    // bulletin. A date inside a sentence is an event's, not the report's.
    // (lines of spaces or tabs alone, the indents of a page's markup, are no lines: skipped)
    QList<QStringView> lines = QStringView(clean).split(u'\n', Qt::SkipEmptyParts);
    lines.removeIf([](QStringView l) { return l.trimmed().isEmpty(); });
    for (int i = 0; i < lines.size() && i < 8; ++i) {
        QDate d;
        if (isDateLine(lines.at(i).trimmed(), &d))
            return d;
    }
    for (int i = int(lines.size()) - 1; i >= 0 && i >= lines.size() - 3; --i) {
        const QStringView line = lines.at(i).trimmed();
        const QDate d = dateIn(line);
        if (d.isValid() && line.size() <= 16)
            return d;
    }
    // 南康区…成效明显 发布时间:2024-10-22 来源:… 今年以来,… (a page whose lines ran into one): a date its
    // label names, near the start.
    static const QRegularExpression labelled(QStringLiteral("(?:发布时间|发布日期|发稿时间|发表时间|日期|时间)\\s*:\\s*(?=20\\d\\d)"));
    if (const auto m = labelled.match(QStringView(clean).left(400)); m.hasMatch())
        return dateIn(QStringView(clean).mid(m.capturedEnd(), 20));
    return QDate();
}

int ReportDocument::latestYear(const QString &clean)
{
    // Years of a plan's horizon (2035年远景目标) are not the report's.
    static const QRegularExpression year(QStringLiteral("(?<!\\d)(20\\d\\d)年(?!远景|愿景|前后|左右|中长期)"));
    int best = 0;
    auto it = year.globalMatch(clean);
    while (it.hasNext())
        best = std::max(best, it.next().captured(1).toInt());
    return best;
}

ReportDocument ReportDocument::read(const QString &s)
{
    ReportDocument doc;
    doc.published = findPublished(s);
    doc.year = doc.published.isValid() ? doc.published.year() : latestYear(s);
    // (赣州市人民政府 / 网站首页 | 政务公开 | … / 当前位置:首页 > 县区动态 / the title: the page's chrome
    // is none of the report)
    const qsizetype reportStart = chromeEnd(s);
    int linesSinceChrome = 0;
    qsizetype lineStart = 0;
    bool titleSeen = false;
    while (lineStart < s.size()) {
        qsizetype lineEnd = s.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0)
            lineEnd = s.size();
        const QStringView line = QStringView(s).mid(lineStart, lineEnd - lineStart);
        if (!line.trimmed().isEmpty()) {
            // The title is the first line, after the page's date line or path where those come first.
            if (!titleSeen && lineStart >= reportStart && !(linesSinceChrome++ < 3 && isPageLine(line.trimmed()))) {
                titleSeen = true;
                if (line.size() <= 64 && !line.contains(u'。')) {
                    doc.titleStart = lineStart;
                    doc.titleEnd = lineEnd;
                }
            }
            Paragraph p;
            p.start = lineStart;
            p.end = lineEnd;
            // (A date line under the title, 2025年06月12日, is short and bare too, but opens no section.)
            p.heading = isHeading(line) && !isPageLine(line.trimmed());
            qsizetype sentStart = lineStart;
            qsizetype lastComma = -1;
            for (qsizetype i = lineStart; i <= lineEnd; ++i) {
                // (a "sentence" of thousands of characters, a table or a list run into one line: cut at a
                // comma or 、, so that reading it costs as reading its parts)
                if (i < lineEnd && (s.at(i) == u',' || s.at(i) == u'、'))
                    lastComma = i;
                if (i < lineEnd && i - sentStart >= MaxSentence && lastComma > sentStart) {
                    p.sentences.append({sentStart, lastComma + 1});
                    sentStart = lastComma + 1;
                }
                // (…取得了“开门红”今年招商引资总目标●新签约项目总额不低于400亿元●…: a list run into one line; each
                // bullet opens an item of its own, as it did on its line)
                const bool bulletWithin = i < lineEnd && i > sentStart && isBulletWithinLine(s.at(i));
                if (bulletWithin) {
                    if (!QStringView(s).mid(sentStart, i - sentStart).trimmed().isEmpty())
                        p.sentences.append({sentStart, i});
                    sentStart = i;
                    continue;
                }
                if (i < lineEnd && !isSentenceEnd(s.at(i)))
                    continue;
                const qsizetype sentEnd = std::min(i + 1, lineEnd);
                // (the spaces after a line's last full stop are no sentence: the line ends on that one)
                if (sentEnd > sentStart && !QStringView(s).mid(sentStart, sentEnd - sentStart).trimmed().isEmpty())
                    p.sentences.append({sentStart, sentEnd});
                sentStart = sentEnd;
            }
            doc.paragraphs.append(p);
        }
        lineStart = lineEnd + 1;
    }
    return doc;
}

} // namespace IPDesk
