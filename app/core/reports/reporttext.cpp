#include "reports/reporttext.h"

#include "base/charset.h"
#include "reports/reportdocument.h"

#include <QRegularExpression>
#include <algorithm>
#include <functional>

#include <opencc/opencc.h>

namespace IPDesk {

namespace {

/// Traditional characters to simplified, one for one: OpenCC's t2s asked once, when the first
/// traditional text comes, for every Han character of the basic plane on a line of its own (so its
/// table of characters answers, not its phrases). Converting is then a lookup per character, and a
/// character keeps its offset.
class Simplifier
{
public:
    static const Simplifier &instance()
    {
        static const Simplifier s;
        return s;
    }
    /// The simplified form of \a c, or 0 where it has none of its own.
    char16_t simplified(char16_t c) const { return m_to.empty() ? 0 : m_to[c]; }

private:
    static constexpr std::pair<char16_t, char16_t> hanRanges[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
    Simplifier()
    {
        const opencc_t cc = opencc_open("t2s.json");
        if (cc == reinterpret_cast<opencc_t>(-1))
            return;
        QString all;
        for (const auto &[first, last] : hanRanges) {
            for (char32_t c = first; c <= last; ++c)
                all += QChar(char16_t(c)) + QLatin1Char('\n');
        }
        const QByteArray in = all.toUtf8();
        if (char *out = opencc_convert_utf8(cc, in.constData(), size_t(in.size()))) {
            const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'));
            opencc_convert_utf8_free(out);
            m_to.assign(0x10000, 0);
            qsizetype k = 0;
            for (const auto &[first, last] : hanRanges) {
                for (char32_t c = first; c <= last; ++c, ++k) {
                    if (k < lines.size() && lines.at(k).size() == 1 && lines.at(k).at(0).unicode() != c)
                        m_to[c] = lines.at(k).at(0).unicode();
                }
            }
        }
        opencc_close(cc);
    }
    std::vector<char16_t> m_to;
};

/// Traditional text is rare: a line is converted only if it has characters that only traditional
/// text uses (so that 乾 in a simplified line stays itself).
bool hasTraditional(QStringView line)
{
    static const CharSet traditionalOnly(QStringLiteral(
        "們個這來會國說時區為發經濟開學對業產與項資實進過動關點現務長從應設萬當後總計廣場縣鎮簽約億圓"
        "標準專據議網際係構獲區劃導態條機際歲積極強勢壯觀費運營環質資訊號線邊鄉鐵驗證權擴轉讓傳統屬"));
    for (QChar c : line) {
        if (c.unicode() >= 0x4E00 && traditionalOnly.contains(c))
            return true;
    }
    return false;
}

/// Converts the lines of \a text that are in traditional characters (every line with \a everyLine,
/// for a text known to be traditional), in place; whether any character changed.
bool simplifyLines(QString &text, bool everyLine)
{
    bool changed = false;
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), from);
        end = end < 0 ? text.size() : end + 1;
        if (everyLine || hasTraditional(QStringView(text).mid(from, end - from))) {
            const Simplifier &s = Simplifier::instance();
            QChar *d = text.data();
            for (qsizetype i = from; i < end; ++i) {
                if (const char16_t c = s.simplified(d[i].unicode())) {
                    d[i] = QChar(c);
                    changed = true;
                }
            }
        }
        from = end;
    }
    return changed;
}

/// The text as the rules read it, a unit for each character: line ends as Windows writes them (CR LF) one
/// LF, a carriage return alone (old Mac files, some exports) one too; a rare Han character outside the
/// basic plane one, as it is to the reader (〓 for 王𬭚's: the printer's mark for a character it has not),
/// an emoji none (📌 核心数据, 👉 新开工…, 亿元📈, ✅: it says nothing the rules read), and half a pair left alone
/// �. So no rule and no pattern run on a piece of a line meets half a character (the regex engine finds
/// nothing at all in a text with half a pair in it: the figures before 📌 were lost). \a map, if given,
/// gets the place in \a text of each unit of the result, and its end.
QString unitEach(const QString &text, std::vector<int> *map)
{
    // (the emoji of the basic plane, ✅ ☀ ❗ ⭐, and the marks that make a character an emoji or join two; not
    // the stars and shapes that open a list's items: ★, ☆)
    auto emojiPart = [](QChar c) {
        const char16_t u = c.unicode();
        return u == 0xFE0F || u == 0xFE0E || u == 0x200D
            || (((u >= 0x2600 && u <= 0x27BF) || (u >= 0x2B00 && u <= 0x2BFF)) && !isListBullet(c));
    };
    if (!text.contains(u'\r') && std::none_of(text.cbegin(), text.cend(), [&](QChar c) { return c.isSurrogate() || emojiPart(c); })) {
        if (map) {
            map->resize(size_t(text.size()) + 1);
            for (size_t i = 0; i < map->size(); ++i)
                (*map)[i] = int(i);
        }
        return text;
    }
    QString out;
    out.reserve(text.size());
    if (map)
        map->reserve(size_t(text.size()) + 1);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, text.at(i + 1));
            if (code >= 0x20000 && code <= 0x3FFFF) {
                if (map)
                    map->push_back(int(i));
                out += QChar(u'〓');
            }
            ++i; // (an emoji says nothing the rules read: 👉 新开工…, 亿元📈以上 read as without it)
            continue;
        }
        if (emojiPart(c))
            continue;
        if (map)
            map->push_back(int(i)); // (a CR LF's break stands where its CR does: what ends before it ends there)
        if (c == u'\r') {
            out += QChar(u'\n');
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
        } else {
            out += c.isSurrogate() ? QChar(QChar::ReplacementCharacter) : c;
        }
    }
    if (map)
        map->push_back(int(text.size()));
    return out;
}

} // namespace

QString ReportText::toSimplified(const QString &text)
{
    // (a piece of the original, cut anywhere, read as the clean text is)
    QString out = unitEach(text, nullptr);
    simplifyLines(out, true);
    return out;
}

ReportText::ReportText(const QString &original)
    : m_original(original)
{
    // (emoji and rare characters outside the basic plane: offsets in code points count each pair once)
    if (std::any_of(original.cbegin(), original.cend(), [](QChar c) { return c.isLowSurrogate(); })) {
        m_lowSurrogatesBefore.resize(size_t(original.size()) + 1);
        int count = 0;
        for (qsizetype i = 0; i < original.size(); ++i) {
            m_lowSurrogatesBefore[size_t(i)] = count;
            count += original.at(i).isLowSurrogate();
        }
        m_lowSurrogatesBefore.back() = count;
    }
    // Each clean character keeps its place in the original.
    m_clean = unitEach(original, &m_map);
    simplify();
    removeNoise();
}

qsizetype ReportText::originalOffset(qsizetype cleanIndex) const
{
    if (cleanIndex < 0)
        return 0;
    if (size_t(cleanIndex) >= m_map.size())
        return m_original.size();
    return m_map[size_t(cleanIndex)];
}

qsizetype ReportText::codePointAt(qsizetype units) const
{
    if (m_lowSurrogatesBefore.empty())
        return units;
    return units - m_lowSurrogatesBefore[size_t(std::clamp<qsizetype>(units, 0, m_original.size()))];
}

qsizetype ReportText::originalCodePoint(qsizetype cleanIndex) const
{
    return codePointAt(originalOffset(cleanIndex));
}

ReportText::Evidence ReportText::evidence(qsizetype cleanFrom, qsizetype cleanTo) const
{
    qsizetype from = originalOffset(cleanFrom);
    qsizetype to = std::max(from, originalOffset(cleanTo));
    // (an indent the cleaner dropped, 　　前两月…, and a line's end are no part of the sentence)
    while (from < to && m_original.at(from).isSpace())
        ++from;
    while (to > from && m_original.at(to - 1).isSpace())
        --to;
    return {codePointAt(from), codePointAt(to), m_original.mid(from, to - from)};
}

void ReportText::simplify()
{
    if (!hasTraditional(m_clean)) {
        m_traditional = false;
        return;
    }
    // A report in traditional characters is so in every line: its table's rows too, whose names (東寧市
    // 32 168.4) hold none of the characters that tell a line apart. Only in a report mostly in simplified
    // characters is each line looked at on its own (a quoted name, a headline).
    int lines = 0, traditional = 0;
    for (QStringView line : QStringView(m_clean).split(u'\n')) {
        if (std::none_of(line.cbegin(), line.cend(), [](QChar c) { return isHanChar(c); }))
            continue;
        ++lines;
        traditional += hasTraditional(line) ? 1 : 0;
    }
    m_traditional = simplifyLines(m_clean, 2 * traditional >= lines);
}

namespace {

/// A page saved as HTML, or text with its markup left in (<p>&nbsp;&nbsp;今年…</p>, <br>): its text, one
/// character for one or none, so that offsets still lead back. Scripts, styles and comments go; a block's
/// tag (p, div, br, h1, li, tr, title …) becomes a line break, a table cell's a tab (none before a row's
/// first, more where cells are merged), any other tag nothing; entities become their characters.
void stripMarkup(QString &s, const std::function<void(qsizetype, qsizetype)> &dropRange)
{
    static const QRegularExpression hidden(QStringLiteral("<(script|style|noscript)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->"),
                                           QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    for (auto it = hidden.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        dropRange(m.capturedStart(), m.capturedEnd());
    }
    static const QStringList blocks = {QStringLiteral("p"), QStringLiteral("div"), QStringLiteral("br"), QStringLiteral("li"),
                                       QStringLiteral("tr"), QStringLiteral("table"), QStringLiteral("ul"), QStringLiteral("ol"),
                                       QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4"),
                                       QStringLiteral("h5"), QStringLiteral("h6"), QStringLiteral("title"), QStringLiteral("section"),
                                       QStringLiteral("article"), QStringLiteral("header"), QStringLiteral("footer"),
                                       QStringLiteral("nav"), QStringLiteral("blockquote"), QStringLiteral("pre"),
                                       QStringLiteral("hr"), QStringLiteral("dd"), QStringLiteral("dt"), QStringLiteral("tbody"),
                                       QStringLiteral("thead"), QStringLiteral("body"), QStringLiteral("html"), QStringLiteral("head")};
    // A table's cells by their place in its grid, as the Word reader writes them: a cell merged across N
    // columns (colspan) is followed by N-1 empty ones, and one merged down rows (rowspan) leaves an empty
    // one in its column of the rows below, so that a header of two rows stands over its columns.
    int column = 0;               // the grid's column the next cell of the row goes to
    int tabs = 0;                 // the tabs written in the row so far
    std::vector<int> rowsLeft;    // per column: the rows below still covered by a cell merged down
    std::vector<bool> covered;    // per column: this row's, by a cell of a row above
    auto cellSpan = [&s](qsizetype from, qsizetype to, QLatin1StringView attribute) {
        const qsizetype at = QStringView(s).mid(from, to - from).indexOf(attribute, 0, Qt::CaseInsensitive);
        if (at < 0)
            return 1;
        qsizetype k = from + at + attribute.size();
        while (k < to && !s.at(k).isDigit())
            ++k;
        int n = 0;
        while (k < to && s.at(k).isDigit() && n < 100)
            n = 10 * n + (s.at(k++).unicode() - '0');
        return std::clamp(n, 1, 20);
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'<' && i + 1 < s.size() && (s.at(i + 1).isLetter() || s.at(i + 1) == u'/' || s.at(i + 1) == u'!')
            && s.at(i + 1).unicode() < 128) {
            qsizetype end = i + 1;
            while (end < s.size() && end - i < 2000 && s.at(end) != u'>' && s.at(end) != u'<')
                ++end;
            if (end >= s.size() || s.at(end) != u'>')
                continue; // (<10亿元: a comparison, not a tag)
            qsizetype n = i + 1 + (s.at(i + 1) == u'/' ? 1 : 0);
            qsizetype nameEnd = n;
            while (nameEnd < end && s.at(nameEnd).unicode() < 128 && s.at(nameEnd).isLetterOrNumber())
                ++nameEnd;
            const QString name = s.mid(n, nameEnd - n).toLower();
            const bool closing = s.at(i + 1) == u'/';
            if ((name == u"td" || name == u"th") && !closing) {
                while (column < int(covered.size()) && covered[size_t(column)])
                    ++column;
                // (a tab before each cell but the row's first, and one for each empty cell before it: as
                // many as the tag has characters)
                const int want = std::clamp<int>(column - tabs, 0, int(end - i + 1));
                for (int k = 0; k < want; ++k)
                    s[i + k] = u'\t';
                dropRange(i + want, end + 1);
                tabs += want;
                const int across = cellSpan(i, end, QLatin1StringView("colspan")), down = cellSpan(i, end, QLatin1StringView("rowspan"));
                if (rowsLeft.size() < size_t(column + across))
                    rowsLeft.resize(size_t(column + across), 0);
                for (int k = column; k < column + across; ++k)
                    rowsLeft[size_t(k)] = std::max(rowsLeft[size_t(k)], down - 1);
                column += across;
            } else if (name == u"td" || name == u"th") {
                dropRange(i, end + 1);
            } else if (blocks.contains(name)) {
                s[i] = u'\n';
                dropRange(i + 1, end + 1);
                if (name == u"tr" && !closing) {
                    // (a new row: the columns a cell above still covers)
                    covered.assign(rowsLeft.size(), false);
                    for (size_t k = 0; k < rowsLeft.size(); ++k) {
                        covered[k] = rowsLeft[k] > 0;
                        rowsLeft[k] -= covered[k] ? 1 : 0;
                    }
                    column = tabs = 0;
                } else if (name == u"table") {
                    rowsLeft.clear();
                    covered.clear();
                    column = tabs = 0;
                }
            } else {
                dropRange(i, end + 1);
            }
            i = end;
        } else if (c == u'&' && i + 2 < s.size()) {
            qsizetype end = i + 1;
            while (end < s.size() && end - i < 10 && s.at(end) != u';' && s.at(end).unicode() < 128 && s.at(end).isLetterOrNumber())
                ++end;
            if (end >= s.size() || s.at(end) != u';')
                continue;
            const QStringView entity = QStringView(s).mid(i + 1, end - i - 1);
            static const QHash<QString, QChar> named = {
                {QStringLiteral("nbsp"), QChar(0x00A0)}, {QStringLiteral("amp"), u'&'}, {QStringLiteral("lt"), u'<'},
                {QStringLiteral("gt"), u'>'}, {QStringLiteral("quot"), u'"'}, {QStringLiteral("apos"), u'\''},
                {QStringLiteral("ldquo"), QChar(0x201C)}, {QStringLiteral("rdquo"), QChar(0x201D)},
                {QStringLiteral("lsquo"), QChar(0x2018)}, {QStringLiteral("rsquo"), QChar(0x2019)},
                {QStringLiteral("mdash"), QChar(0x2014)}, {QStringLiteral("ndash"), QChar(0x2013)},
                {QStringLiteral("hellip"), QChar(0x2026)}, {QStringLiteral("middot"), QChar(0x00B7)},
                {QStringLiteral("ensp"), u' '}, {QStringLiteral("emsp"), u' '}, {QStringLiteral("times"), QChar(0x00D7)}};
            QChar to;
            if (entity.startsWith(u'#')) {
                bool ok = false;
                const uint code = entity.startsWith(u"#x") || entity.startsWith(u"#X") ? entity.mid(2).toUInt(&ok, 16) : entity.mid(1).toUInt(&ok, 10);
                if (ok && code > 0 && code < 0xD800)
                    to = QChar(char16_t(code));
            } else {
                to = named.value(entity.toString());
            }
            if (to.isNull())
                continue;
            s[i] = to;
            dropRange(i + 1, end + 1);
            i = end;
        }
    }
}

/// The marks that end a sentence or a line's clause: a line that ends with one was not broken off by a wrap.
const QString &lineEnders()
{
    static const QString enders = QStringLiteral("。!?;:！？；：");
    return enders;
}

/// A table's row set by single spaces (东宁市 ３２ １６８．４ ４５．２, 恩施市　１１２．３６　１３．５％): its last
/// two cells are figures alone (not a PDF's spaced sentence, 全区新洽谈项目 96 个,…).
bool figuresApart(QStringView line)
{
    auto figureChar = [](QChar c) {
        const char16_t u = c.unicode();
        return c.isDigit() || u == u'.' || u == u'%' || u == 0xFF0E || u == 0xFF05 || u == u'-';
    };
    int trailing = 0; // figures in a row at the line's end
    qsizetype k = 0;
    while (k < line.size()) {
        while (k < line.size() && line.at(k).isSpace())
            ++k;
        const qsizetype start = k;
        bool figure = true;
        for (; k < line.size() && !line.at(k).isSpace(); ++k)
            figure = figure && figureChar(line.at(k));
        if (k > start)
            trailing = figure ? trailing + 1 : 0;
    }
    return trailing >= 2;
}

/// A text wrapped at a fixed width (a PDF or an e-mail turned into text: every full line as wide as the
/// others, sentences running on across line breaks): where it was wrapped, or 0 when it was not. Widths
/// count a Chinese or full-width character twice, as the wrapping did. \a slack: how far short of that
/// width a full line may end (a line wraps before a character that does not fit: 3 columns; a PDF sets
/// its lines by the glyphs' widths, not by characters: more).
int wrapWidth(const QString &s, std::vector<int> *widths, int *slack)
{
    // Each line's width, whether it breaks off a sentence (no table's row: ReportText::breaksOffSentence),
    // and how many lines with words stand before it. The width as printed (a Chinese character two
    // columns, a digit one: a PDF's lines, wrapped by the page), and in characters (an editor's, wrapped
    // every 38 characters whatever their width): the first that shows a wrap.
    std::vector<int> printed, characters;
    std::vector<char> breaksOff;
    std::vector<int> wordsBefore;
    int lines = 0;
    for (QStringView line : QStringView(s).split(u'\n')) {
        printed.push_back(ReportText::printedWidth(line));
        characters.push_back(int(line.size()));
        breaksOff.push_back(ReportText::breaksOffSentence(line) ? 1 : 0);
        wordsBefore.push_back(lines);
        lines += line.trimmed().isEmpty() ? 0 : 1;
    }
    // (⼯, ⽉: text copied out of a PDF, whose lines the page's width broke)
    const bool radicals = std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() >= 0x2E80 && c.unicode() <= 0x2FD5; });
    // (copied out of a PDF, a short report's two full lines are enough to tell)
    *slack = radicals ? 8 : 3;
    const int enough = radicals ? 2 : 4;
    auto wrapOf = [&](const std::vector<int> &width, int longWidth, int slackOf) {
        // The width most long lines that break off a sentence come up to (within the slack). (Not the lines
        // that end a paragraph: in a short report, those are as many as the full ones.)
        int longLines = 0;
        int widest = 0;
        for (size_t k = 0; k < width.size(); ++k) {
            longLines += width[k] >= longWidth && breaksOff[k];
            widest = std::max(widest, width[k]);
        }
        if (longLines < enough)
            return 0;
        std::vector<int> count(size_t(widest + slackOf) + 1, 0);
        for (size_t k = 0; k < width.size(); ++k) {
            for (int j = 0; width[k] >= longWidth && breaksOff[k] && j <= slackOf; ++j)
                ++count[size_t(width[k] + j)];
        }
        int best = 0, most = 0;
        for (int w = 0; w < int(count.size()); ++w) {
            if (count[size_t(w)] >= most) {
                best = w;
                most = count[size_t(w)];
            }
        }
        if (most * 2 < longLines)
            return 0;
        // And lines of that width break off sentences: at least three end in the middle of one (two, copied
        // out of a PDF).
        // (Not a title and the byline under it that happen to be as wide as each other: out of a PDF, whose
        // radicals say so, its first lines count; elsewhere not the first two.)
        const int breaks = radicals ? 2 : 3;
        int broken = 0;
        for (size_t k = 0; k < width.size() && broken < breaks; ++k) {
            if ((radicals || wordsBefore[k] >= 2) && breaksOff[k] && width[k] >= best - slackOf && width[k] <= best)
                ++broken;
        }
        return broken >= breaks ? best : 0;
    };
    if (const int wrapped = wrapOf(printed, 30, *slack); wrapped || radicals) {
        *widths = std::move(printed);
        return wrapped;
    }
    // (an editor wraps at a count of characters exactly, and at no fewer than 20: not a list of short lines
    // of about one length, 🔹 新签约项目 47 个 / 🔹 协议总投资 196.3 亿元)
    if (const int wrapped = wrapOf(characters, 20, 1)) {
        *widths = std::move(characters);
        *slack = 1;
        return wrapped;
    }
    *widths = std::move(printed);
    return 0;
}

/// Where each line of \a s starts and ends (its line break not counted).
std::vector<std::pair<qsizetype, qsizetype>> lineSpans(const QString &s)
{
    std::vector<std::pair<qsizetype, qsizetype>> out;
    for (qsizetype start = 0; start <= s.size();) {
        qsizetype end = s.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = s.size();
        out.emplace_back(start, end);
        start = end + 1;
    }
    return out;
}

/// …;实际到位 / — 2 — / 资金64.3亿元 (a page break of a document taken out of a PDF or Word) and …;实际到位 /
/// 资金64.3亿元 (a line broken by hand, in a text too short to show a wrapping width): a clause cut before
/// its figure goes on in the next line. A page's number (— 2 —, - 3 -, 第2页, 第2页 共5页, 2/5) goes,
/// with the blank lines around it where it cut a sentence. A line is taken to be cut where its last
/// clause holds words and no figure yet and it is a sentence's line (a comma or semicolon in it, ending
/// in a Chinese character, not short: no 单位:个,亿元 over a table), or where it ends with a comma, and
/// the next is a sentence's line too and does not open a paragraph. \a drop marks what goes.
void joinBrokenClauses(const QString &s, const std::function<void(qsizetype, qsizetype)> &drop)
{
    static const QRegularExpression pageNumber(QStringLiteral(
        "^\\s*(?:[\\x{2014}\\x{2013}\\-\\x{FF0D}]{1,2}\\s*\\d{1,3}\\s*[\\x{2014}\\x{2013}\\-\\x{FF0D}]{1,2}"
        "|第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3})\\s*$"));
    static const CharSet clauseMarks(QStringLiteral(",，;；"));
    auto sentenceMark = [](QChar c) { return clauseMarks.contains(c) || c == u'。'; };
    struct Line
    {
        qsizetype start, end;
        bool blank, page;
    };
    std::vector<Line> lines;
    for (const auto &[start, end] : lineSpans(s)) {
        const QStringView text = QStringView(s).mid(start, end - start);
        lines.push_back({start, end, text.trimmed().isEmpty(), pageNumber.match(text).hasMatch()});
    }
    // (a pinyin gloss at its end, 新開(kāi)工項(xiàng), is read past: the glosses go later)
    static const QRegularExpression glossAtEnd(QStringLiteral("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\\)$"));
    auto cut = [&](const Line &l) {
        QStringView text = QStringView(s).mid(l.start, l.end - l.start).trimmed();
        if (text.endsWith(u')'))
            text.chop(std::max<qsizetype>(0, glossAtEnd.match(text).capturedLength()));
        // (…的关键举措。2025年, / 全县共签约…: a sentence's line that ends with a comma goes on)
        if (text.size() >= 16 && QStringView(u",，、").contains(text.back()) && std::any_of(text.cbegin(), text.cend() - 1, sentenceMark))
            return true;
        if (text.size() < 16 || !isHanChar(text.back()) || !ReportText::breaksOffSentence(text))
            return false;
        // (…环比增长35.4%。上半 / 年累计…: a sentence's end opens a clause too)
        qsizetype clause = text.size();
        while (clause > 0 && !sentenceMark(text.at(clause - 1)))
            --clause;
        const QStringView last = text.mid(clause);
        return clause > 0 && std::none_of(last.cbegin(), last.cend(), [](QChar c) { return c.isDigit(); });
    };
    // (…丰城市(21个) / 、高安市(18个)…: no line begins with a mark that follows a word; the one before goes on)
    static const CharSet following(QStringLiteral("、,，。;；:：)）%"));
    for (size_t k = 0; k < lines.size(); ++k) {
        if (lines[k].page)
            drop(lines[k].start, lines[k].end);
        if (!lines[k].blank && !lines[k].page && k + 1 < lines.size() && lines[k + 1].end > lines[k + 1].start
            && following.contains(s.at(lines[k + 1].start))) {
            drop(lines[k].end, lines[k + 1].start);
            continue;
        }
        if (lines[k].blank || lines[k].page || !cut(lines[k]))
            continue;
        // The next line with words, past a page's number and the blank lines around it.
        size_t next = k + 1;
        bool page = false;
        while (next < lines.size() && (lines[next].blank || lines[next].page)) {
            page = page || lines[next].page;
            ++next;
        }
        if (next >= lines.size() || (next > k + 1 && !page))
            continue;
        const QStringView line = QStringView(s).mid(lines[k].start, lines[k].end - lines[k].start);
        const QStringView after = QStringView(s).mid(lines[next].start, lines[next].end - lines[next].start);
        const bool sentence = std::any_of(after.cbegin(), after.cend(), sentenceMark);
        if (!after.isEmpty() && (isHanChar(after.front()) || after.front().isDigit()) && sentence && ReportText::goesOnInNext(line, after))
            drop(lines[k].end, lines[next].start);
    }
}

/// 单位,签约项目(个),签约金额(亿元) / 城关镇,12,45.6 (a spreadsheet saved as CSV and pasted into the report):
/// lines with as many ASCII commas each, two or more, the rows under the first of figures, are a table's
/// rows; their commas become tabs, one character for one, as the table reader splits cells by. (Not a
/// sentence typed with ASCII commas: its clauses are words, not figures, and it ends with a stop.)
void commaSeparatedRows(QString &s)
{
    struct Line
    {
        qsizetype start, end;
        int commas;
        bool figures; // most fields after the first are figures
    };
    std::vector<Line> lines;
    for (const auto &[start, end] : lineSpans(s)) {
        const QStringView line = QStringView(s).mid(start, end - start).trimmed();
        int commas = 0, numeric = 0;
        bool sentence = false;
        for (QStringView field : line.split(u',')) {
            field = field.trimmed();
            numeric += commas > 0 && !field.isEmpty() && std::all_of(field.cbegin(), field.cend(), [](QChar c) {
                return c.isDigit() || c == u'.' || c == u'%' || c == u'-';
            });
            sentence = sentence || field.contains(u'。') || field.contains(u';') || field.contains(u'；') || field.size() > 24;
            ++commas;
        }
        --commas;
        lines.push_back({start, end, sentence ? 0 : commas, commas > 0 && numeric * 2 > commas});
    }
    for (size_t k = 0; k < lines.size();) {
        size_t end = k + 1;
        while (end < lines.size() && lines[end].commas == lines[k].commas && lines[end].figures)
            ++end;
        if (lines[k].commas >= 2 && end - k >= 3) {
            for (size_t j = k; j < end; ++j) {
                for (qsizetype i = lines[j].start; i < lines[j].end; ++i) {
                    if (s.at(i) == u',')
                        s[i] = u'\t';
                }
            }
        }
        k = end;
    }
}

} // namespace

bool ReportText::isMarkup(const QString &text)
{
    // (a cheap look: markup has a closing tag, a line break's tag or an entity; one pass from one < or &
    // to the next)
    const QStringView t(text);
    for (qsizetype at = 0; at < t.size(); ++at) {
        const char16_t c = t.at(at).unicode();
        if (c != u'<' && c != u'&')
            continue;
        const QStringView next = t.mid(at + 1, 5);
        if (c == u'<' ? (next.startsWith(u'/') || next.startsWith(u"br", Qt::CaseInsensitive))
                      : (next.startsWith(u"nbsp;") || next.startsWith(u'#')))
            return true;
    }
    return false;
}

void ReportText::narrowForms(QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const ushort u = text.at(i).unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            text[i] = QChar(u - 0xFEE0);
        else if (u == 0x3000 || u == 0x00A0)
            text[i] = QLatin1Char(' ');
        else if (u >= 0x2E80 && u <= 0x2FD5)
            text[i] = radicalAsCharacter(text.at(i));
    }
}

/// A CJK radical (U+2E80..U+2FD5) as the character it stands for, else itself.
QChar ReportText::radicalAsCharacter(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0x2F00 && u <= 0x2FD5) { // Kangxi radicals: their compatibility decomposition
        const QString d = c.decomposition();
        return d.size() == 1 ? d.front() : c;
    }
    // The supplement: those that are whole characters (simplified ones among them), after Unicode's
    // EquivalentUnifiedIdeograph list.
    static const QHash<char16_t, char16_t> supplement = {
        {0x2E9C, u'日'}, {0x2E9D, u'月'}, {0x2E9F, u'母'}, {0x2EA0, u'民'}, {0x2EA7, u'牛'}, {0x2EA8, u'犬'}, {0x2EA9, u'王'},
        {0x2EB6, u'羊'}, {0x2EB9, u'老'}, {0x2EC1, u'虎'}, {0x2EC2, u'衣'}, {0x2EC4, u'西'}, {0x2EC5, u'见'}, {0x2EC6, u'角'},
        {0x2EC9, u'贝'}, {0x2ECB, u'车'}, {0x2ED1, u'長'}, {0x2ED3, u'长'}, {0x2ED4, u'门'}, {0x2ED7, u'雨'}, {0x2ED8, u'青'},
        {0x2ED9, u'韦'}, {0x2EDA, u'页'}, {0x2EDB, u'风'}, {0x2EDC, u'飞'}, {0x2EDD, u'食'}, {0x2EE1, u'首'}, {0x2EE2, u'马'},
        {0x2EE3, u'骨'}, {0x2EE4, u'鬼'}, {0x2EE5, u'鱼'}, {0x2EE6, u'鸟'}, {0x2EE7, u'卤'}, {0x2EE8, u'麦'}, {0x2EE9, u'黄'},
        {0x2EEA, u'黾'}, {0x2EEC, u'齐'}, {0x2EEE, u'齿'}, {0x2EF0, u'龙'}, {0x2EF3, u'龟'}};
    return QChar(supplement.value(u, u));
}

int ReportText::printedWidth(QStringView text)
{
    int w = 0;
    for (QChar c : text)
        w += c.unicode() >= 0x2E80 ? 2 : 1;
    return w;
}

namespace {
/// A table's row: cells apart by a run of spaces, a tab or a rule, or figures one space apart at its end.
bool isCells(QStringView line)
{
    return line.contains(u"  ") || line.contains(u'\t') || line.contains(u"\u3000\u3000") || line.contains(u'|') || figuresApart(line);
}
} // namespace

bool ReportText::breaksOffSentence(QStringView line)
{
    const QStringView body = line.trimmed();
    return !body.isEmpty() && !lineEnders().contains(body.back()) && !isCells(body);
}

bool ReportText::goesOnInNext(QStringView line, QStringView next, bool paragraphsMarked)
{
    const QStringView body = line.trimmed();
    const bool opens = next.isEmpty() || next.front().isSpace() || isListBullet(next.front()) // (U+3000 is a space too)
        || ReportDocument::isNumberedItem(next);
    return !body.isEmpty() && (paragraphsMarked || breaksOffSentence(body)) && !opens && !isCells(body) && !isCells(next.trimmed());
}

bool ReportText::marksParagraphs(const QList<QStringView> &lines, qsizetype margin)
{
    int blankBetween = 0, indented = 0;
    for (qsizetype k = 1; k + 1 < lines.size(); ++k) {
        const QStringView l = lines.at(k);
        const bool blank = l.trimmed().isEmpty();
        blankBetween += blank && !lines.at(k - 1).trimmed().isEmpty() ? 1 : 0;
        qsizetype in = 0;
        while (in < l.size() && l.at(in).isSpace())
            ++in;
        indented += !blank && (in >= margin + 2 || (in > margin && l.at(margin) == u'\u3000')) ? 1 : 0;
    }
    return blankBetween >= 2 || indented >= 2;
}

std::vector<int> ReportText::unitOffsets(const QString &text)
{
    std::vector<int> out;
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLowSurrogate(); }))
        return out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate())
            out.push_back(int(i));
    }
    out.push_back(int(text.size()));
    return out;
}

QString ReportText::readable(const QString &original, std::vector<int> *position)
{
    QString s = original;
    std::vector<char> drop(size_t(s.size()), 0);
    if (isMarkup(s)) {
        stripMarkup(s, [&drop](qsizetype from, qsizetype to) {
            for (qsizetype i = from; i < to; ++i)
                drop[size_t(i)] = 1;
        });
    }
    QString out;
    out.reserve(s.size());
    if (position)
        position->assign(size_t(s.size()) + 1, 0);
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (position)
            (*position)[size_t(i)] = int(out.size());
        if (drop[size_t(i)])
            continue;
        // (the blank lines the tags of nested blocks leave: one at most, and none at the top)
        if (s.at(i) == u'\n') {
            const qsizetype lineStart = out.lastIndexOf(u'\n') + 1;
            if (std::all_of(out.cbegin() + lineStart, out.cend(), [](QChar c) { return c.isSpace(); })) {
                out.truncate(lineStart);
                if (lineStart == 0 || (lineStart >= 2 && out.at(lineStart - 2) == u'\n'))
                    continue;
            }
        }
        out.append(s.at(i));
    }
    if (position) {
        position->back() = int(out.size());
        for (int &at : *position) // (offsets in blank lines that went: the end of what stayed)
            at = std::min(at, int(out.size()));
    }
    return out;
}

void ReportText::removeNoise()
{
    QString &s = m_clean;
    std::vector<char> drop(size_t(s.size()), 0);
    auto dropRange = [&drop](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i)
            drop[size_t(i)] = 1;
    };
    // The text as it reads, each character still leading back to the original: what was dropped goes.
    auto compact = [&] {
        QString out;
        out.reserve(s.size());
        std::vector<int> map;
        map.reserve(m_map.size());
        // Runs of kept characters at once.
        for (qsizetype i = 0; i < s.size();) {
            if (drop[size_t(i)]) {
                ++i;
                continue;
            }
            qsizetype end = i + 1;
            while (end < s.size() && !drop[size_t(end)])
                ++end;
            out.append(QStringView(s).mid(i, end - i));
            map.insert(map.end(), m_map.begin() + i, m_map.begin() + end);
            i = end;
        }
        map.push_back(m_map.back());
        m_clean = out;
        m_map = std::move(map);
        drop.assign(size_t(s.size()), 0);
    };
    // (a page's markup goes first, so that every rule below reads its text, not its tags: 区(qū) is a
    // gloss after 区 whatever tags stood between, <font face="A, B"> is no sentence's comma)
    if (isMarkup(s)) {
        stripMarkup(s, dropRange);
        compact();
    }

    // 1 - 8 月 , 宁 乡 市 新 签 约 项 目 3 2 个: a line of a PDF set with a space after every character is
    // read without them (of a run of spaces, where a word or a cell ended, the spaces that stood there), so
    // that 3 2 个 is 32 and not 2. Such a line is mostly characters standing alone, a good share of them
    // Chinese (not a table's row of small figures, 七里镇 1 2 3, nor English words; a pinyin gloss,
    // ( l á i ), is letters alone too). In a text with two such lines or more, so is any line of characters
    // standing alone (a table's cell a line, 蓬 江 区 / 2 1 / 1 0 8 . 4 5, or its row, 东 宁 市   3 2   1 6 8 . 4).
    if (s.contains(u' ') || s.contains(u'\u3000')) {
        auto isGap = [](QChar c) { return c == u' ' || c == u'\u3000'; };
        struct Line
        {
            qsizetype start, end;
            bool spaced, alone; // set with a space after every character; every character standing alone
        };
        std::vector<Line> lines;
        int spacedLines = 0;
        for (const auto &[lineStart, lineEnd] : lineSpans(s)) {
            int runs = 0, alone = 0, hanAlone = 0;
            for (qsizetype i = lineStart; i < lineEnd;) {
                if (isGap(s.at(i))) {
                    ++i;
                    continue;
                }
                qsizetype end = i;
                while (end < lineEnd && !isGap(s.at(end)))
                    ++end;
                ++runs;
                if (end - i == 1) {
                    ++alone;
                    hanAlone += isHanChar(s.at(i));
                }
                i = end;
            }
            const bool spaced = runs >= 8 && alone * 10 >= runs * 8 && hanAlone >= std::max(4, runs / 4);
            spacedLines += spaced;
            lines.push_back({lineStart, lineEnd, spaced, runs >= 2 && alone == runs});
        }
        for (const Line &line : lines) {
            if (!line.spaced && !(spacedLines >= 2 && line.alone))
                continue;
            for (qsizetype i = line.start; i < line.end; ++i) {
                if (!isGap(s.at(i)))
                    continue;
                qsizetype end = i;
                while (end < line.end && isGap(s.at(end)))
                    ++end;
                // (one space between two characters goes; of a run of them, where a word or a table's cell
                // ended, the spaces that stood there: 3 of 1, 5 of 2)
                dropRange(i, end - std::max<qsizetype>(end - i >= 2 ? 1 : 0, (end - i - 1) / 2));
                i = end - 1;
            }
        }
        if (spacedLines)
            compact();
    }

    // 完成年度目 / 标的76.1%。其中,南康 / 区新签约…: a text wrapped at a fixed width is one line a paragraph
    // again. A full line that ends no sentence goes on in the next, unless either is a table's row (cells
    // apart by a run of spaces or a tab) or the next opens a paragraph (indented, numbered, bulleted).
    // (and one that ends a sentence too, where the text marks its paragraphs by a blank line or an indent
    // and the next line has neither: a paragraph of a PDF wrapped just after its 。 goes on)
    std::vector<int> widths;
    int slack = 3;
    if (const int wrapped = wrapWidth(s, &widths, &slack)) {
        const bool marked = marksParagraphs(QStringView(s).split(u'\n'));
        qsizetype lineStart = 0;
        for (size_t k = 0; k + 1 < widths.size(); ++k) {
            const qsizetype lineEnd = s.indexOf(QLatin1Char('\n'), lineStart);
            if (lineEnd < 0)
                break;
            qsizetype nextEnd = s.indexOf(QLatin1Char('\n'), lineEnd + 1);
            if (nextEnd < 0)
                nextEnd = s.size();
            const QStringView line = QStringView(s).mid(lineStart, lineEnd - lineStart);
            const QStringView next = QStringView(s).mid(lineEnd + 1, nextEnd - lineEnd - 1);
            const bool full = widths[k] >= wrapped - slack && widths[k] <= wrapped;
            if (full && goesOnInNext(line, next, marked))
                drop[size_t(lineEnd)] = 1;
            lineStart = lineEnd + 1;
        }
    }
    joinBrokenClauses(s, dropRange);
    commaSeparatedRows(s);

    // Full-width forms (digits, letters, ，；：（）！？％ …) to ASCII, one character for one, so that
    // the rules below read reports typed either way. And the radicals some fonts map their glyphs to,
    // so that text taken out of a PDF reads ⼯作, ⽉, ⻰南 as 工作, 月, 龙南: a Kangxi radical is its
    // character (Unicode says so), a radical of the supplement that stands for a whole character too.
    narrowForms(s);

    // 签约金额90.5亿元.今年4月…, 早开工."…: a full stop typed as ASCII after a Chinese word is 。, one
    // character for one, for every rule after (a decimal point has figures on both sides).
    for (qsizetype i = s.indexOf(u'.'); i >= 0; i = s.indexOf(u'.', i + 1)) {
        const QChar next = i + 1 < s.size() ? s.at(i + 1) : QChar(u'\n');
        if (i > 0 && isHanChar(s.at(i - 1)) && (isHanChar(next) || next.isDigit() || next.isSpace() || QStringView(u"”’\"").contains(next)))
            s[i] = u'。';
    }

    // 赴长三角,珠三角,成渝等地, 弥勒市,蒙自市,河口县分别完成: a list of short names typed with commas, closed by
    // 等 (or, of units' names, by 分别, 均, 各, 依次, a rank (醴陵市,渌口区,天元区位居前三), or 和 and the last
    // name: 醴陵市,渌口区和天元区), is one with 、, one character for one, so that the words around it stay one
    // clause. So is the list of figures after 分别 or 依次 (分别为215.6亿元,188.2亿元和131.7亿元; 58.3%,55.1%,52.6%),
    // each figure to its name.
    if (s.contains(u'等') || s.contains(u"分别") || s.contains(u'均') || s.contains(u'各') || s.contains(u"依次") || s.contains(u'和')
        || s.contains(u'居') || s.contains(u'列')) {
        // (a unit's name: 十二团 and 博望街道 too; the words of a metric may stand between the list and its
        // 分别: 博望街道,柳林镇,老庄镇到位资金分别为…, 高新区,经开区,西咸新区签约项目数居前三,分别为…)
        static const QString name = QStringLiteral("\\p{Han}{1,5}(?:[市县区镇乡旗州团]|街道)");
        static const QRegularExpression commaList(QStringLiteral("(?<=\\p{Han}{2}),(?=(?:\\p{Han}{2,4},)*\\p{Han}{2,4}等)")
                                                  + QStringLiteral("|(?<=\\p{Han}[市县区镇乡旗州团]|街道),(?=(?:") + name + QStringLiteral(",)*") + name
                                                  + QStringLiteral("(?:[^,，。;\\d]{0,10}?,?(?:分别|依次)|均|各|位居|位列|名列|居前|居全|[和及与]") + name
                                                  + QStringLiteral("))"));
        for (auto it = commaList.globalMatch(s); it.hasNext();)
            s[it.next().capturedStart()] = u'、';
        static const CharSet measures(QStringLiteral("%个家次项批场亿元万"));
        static const CharSet sentenceEnds(QStringLiteral("。;!?\n"));
        static const QRegularExpression inTurn(QStringLiteral("分别|依次"));
        for (qsizetype from = s.indexOf(inTurn); from >= 0; from = s.indexOf(inTurn, from + 2)) {
            // (only where the names before are a list: the figures go to them in turn)
            qsizetype clause = from;
            while (clause > 0 && !sentenceEnds.contains(s.at(clause - 1)))
                --clause;
            if (!QStringView(s).mid(clause, from - clause).contains(u'、'))
                continue;
            for (qsizetype j = from + 2; j + 1 < s.size() && !sentenceEnds.contains(s.at(j)); ++j) {
                if (s.at(j) != u',' || !s.at(j + 1).isDigit())
                    continue;
                qsizetype k = j - 1;
                while (k > from && j - 1 - k < 3 && measures.contains(s.at(k)))
                    --k;
                if (k < j - 1 && s.at(k).isDigit())
                    s[j] = u'、';
            }
        }
    }

    // (先后在深圳,上海,苏州举办推介会: places after 在 or 赴, closed by what was done there, are a list too, so
    // that each is a place and none the unit of the figures after)
    if (s.contains(u'在') || s.contains(u'赴')) {
        static const QRegularExpression placeList(QStringLiteral(
            "(?<=[在赴])(?:\\p{Han}{2,4},)+\\p{Han}{2,4}(?=举办|举行|召开|开展|参加|考察|拜访|对接|招商|等地)"));
        for (auto it = placeList.globalMatch(s); it.hasNext();) {
            const auto m = it.next();
            for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i) {
                if (s.at(i) == u',')
                    s[i] = u'、';
            }
        }
    }

    // Text copied from a Markdown editor or a WeChat converter: **15**个, __加粗__, ### 标题, > 引文. The
    // marks go, so that a figure meets its measure word.
    if (s.contains(u"**") || s.contains(u"__") || s.contains(u'#') || s.contains(u'>')) {
        for (qsizetype i = 0; i + 1 < s.size(); ++i) {
            if ((s.at(i) == u'*' || s.at(i) == u'_') && s.at(i + 1) == s.at(i)) {
                const QChar mark = s.at(i);
                qsizetype j = i;
                while (j < s.size() && s.at(j) == mark)
                    ++j;
                dropRange(i, j);
                i = j - 1;
            }
        }
        for (qsizetype lineStart = 0; lineStart < s.size();) {
            qsizetype lineEnd = s.indexOf(QLatin1Char('\n'), lineStart);
            if (lineEnd < 0)
                lineEnd = s.size();
            qsizetype i = lineStart;
            while (i < lineEnd && s.at(i) == u' ')
                ++i;
            qsizetype marks = i;
            while (marks < lineEnd && marks - i < 6 && s.at(marks) == u'#')
                ++marks;
            if (marks == i && i < lineEnd && s.at(i) == u'>')
                marks = i + 1;
            if (marks > i && marks < lineEnd && s.at(marks) == u' ')
                dropRange(i, marks + 1);
            lineStart = lineEnd + 1;
        }
    }

    // 新签约项目 12 个, 总投资 26.24 亿元 (a page that spaces figures from words): one space between a
    // figure and a Han character goes, in a line of sentences; a table's columns (no sentence marks,
    // spaces in runs) stay apart.
    for (qsizetype lineStart = 0; lineStart < s.size();) {
        qsizetype lineEnd = s.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0)
            lineEnd = s.size();
        const QStringView line = QStringView(s).mid(lineStart, lineEnd - lineStart);
        // |---|---| and +----+----+ (a table's rule, as pages copied to text draw it): no line, so that
        // a table's header and its first row meet.
        const QStringView ruled = line.trimmed();
        if (!ruled.isEmpty() && (ruled.front() == u'|' || ruled.front() == u'+') && line.count(u'-') >= 3
            && std::all_of(line.begin(), line.end(), [](QChar c) { return QStringView(u"|+-:= \t").contains(c); })) {
            dropRange(lineStart, std::min(lineEnd + 1, s.size()));
            lineStart = lineEnd + 1;
            continue;
        }
        // (✅ 签约总投资 218.6 亿元: a line of no sentence mark is one too where a figure has its measure
        // word and no cell is set apart by a run of spaces or a tab.)
        static const QRegularExpression measured(QStringLiteral("\\d ?(?:亿|万|个|家|次|批|场|项)"));
        const bool sentences = line.contains(u',') || line.contains(u'。') || line.contains(u';')
            || (!line.contains(u"  ") && !line.contains(u'\t') && measured.match(line).hasMatch());
        // (and in any line, 2025 年 9 月份, 1-9 月: a date's figure and its 年, 月, 日, as a PDF's text spaces
        // its titles and tables too; only those words: 1 界首市 41 in a table's row keeps its cells apart)
        auto dateGoesOn = [&](QChar a, QChar b, qsizetype after) {
            if (a.isDigit())
                return QStringView(u"年月日号").contains(b);
            if (!(a == u'年' || a == u'月') || !b.isDigit())
                return false;
            qsizetype k = after;
            while (k < lineEnd && s.at(k).isDigit())
                ++k;
            k += k < lineEnd && s.at(k) == u' ' ? 1 : 0;
            return k < lineEnd && QStringView(u"月日号").contains(s.at(k));
        };
        for (qsizetype i = lineStart + 1; i + 1 < lineEnd; ++i) {
            if (s.at(i) != u' ' || drop[size_t(i)])
                continue;
            // (the neighbours that stay: 项目&nbsp;12&nbsp;个 has the entities' letters between, dropped)
            qsizetype before = i - 1, after = i + 1;
            while (before > lineStart && drop[size_t(before)])
                --before;
            while (after + 1 < lineEnd && drop[size_t(after)])
                ++after;
            const QChar a = s.at(before), b = s.at(after);
            if (a == u' ' || b == u' ' || drop[size_t(before)] || drop[size_t(after)])
                continue;
            // (and 72.6 %: a figure and its percent sign)
            const bool figureAndWord = (a.isDigit() && (isHanChar(b) || b == u'%')) || (isHanChar(a) && b.isDigit());
            if ((sentences && figureAndWord) || dateGoesOn(a, b, after))
                drop[size_t(i)] = 1;
        }
        // 章 贡 区, 瑞　金, 合　　计 (a table's names padded to one width, one or two spaces between
        // characters): one word. Only single characters so spaced: two words apart keep their space.
        for (qsizetype i = lineStart + 1; i + 1 < lineEnd; ++i) {
            if (s.at(i) != u' ' || !isHanChar(s.at(i - 1)) || (i - 2 >= lineStart && isHanChar(s.at(i - 2))))
                continue;
            const qsizetype j = i + 1 < lineEnd && s.at(i + 1) == u' ' ? i + 2 : i + 1; // the next character
            if (j < lineEnd && isHanChar(s.at(j)) && (j + 1 >= lineEnd || !isHanChar(s.at(j + 1))))
                dropRange(i, j);
        }
        // (合    计, 总  计: a total's label set out to its column's width, by any run of spaces)
        for (qsizetype i = lineStart; i + 2 < lineEnd; ++i) {
            const QChar c = s.at(i); // (compared as characters: this looks at every one of the text)
            if ((c != u'合' && c != u'总' && c != u'小') || s.at(i + 1) != u' ' || (i > lineStart && isHanChar(s.at(i - 1))))
                continue;
            qsizetype j = i + 1;
            while (j < lineEnd && s.at(j) == u' ')
                ++j;
            if (j < lineEnd && s.at(j) == u'计' && (j + 1 >= lineEnd || !isHanChar(s.at(j + 1))))
                dropRange(i + 1, j);
        }
        lineStart = lineEnd + 1;
    }

    // (a gloss a wrapped line broke, 產(chǎn)業 / (yè)興縣, 項(x / iàng)目: the line break goes with it)
    static const QRegularExpression pinyin(QStringLiteral(
        "(?<=[\\x{3400}-\\x{9FFF}])\\n?\\((?=\\n?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ])"
        "(?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}|[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{0,6}\\n[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6})\\)"));
    static const QRegularExpression ticker(QStringLiteral(
        "\\(-?\\d+\\.\\d+,\\s*-?\\d+\\.\\d+,\\s*-?\\d+\\.\\d+%\\)"));
    static const QRegularExpression spam(QStringLiteral(
        "(?<=[\\x{3400}-\\x{9FFF}])[a-z]{1,3}\\d{0,3}(?=[\\x{3400}-\\x{9FFF}])"));
    static const QRegularExpression counters(QStringLiteral("(浏览量|阅读量|点击量|阅读数|浏览次数)\\s*[\\x{FF1A}:]?\\s*\\d+次?"));
    static const QRegularExpression bylines(QStringLiteral("【(撰文|作者|来源|通讯员|编辑|责编|记者)】.*$"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression tableResidue(QStringLiteral("\\|{2,}"));
    // The last two start with a Chinese character, which the regex engine cannot skip quickly: run
    // them only when their words occur.
    const bool hasCounters = s.contains(QStringLiteral("浏览")) || s.contains(QStringLiteral("阅读"))
        || s.contains(QStringLiteral("点击"));
    const bool hasBylines = s.contains(u'【');
    // And the others only when the one character they cannot do without occurs.
    const bool hasParen = s.contains(u'(');
    const bool hasLatin = std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() >= 'a' && c.unicode() <= 'z'; });
    // 26. 24亿元 (a number broken after its point or comma): one number. (By hand: a pattern that
    // opens with a look behind is tried at every character of the text.)
    for (qsizetype i = 2; i < s.size(); ++i) {
        if (!(s.at(i - 1) == u'.' || s.at(i - 1) == u',') || !s.at(i).isSpace() || !s.at(i - 2).isDigit())
            continue;
        qsizetype j = i;
        while (j < s.size() && s.at(j).isSpace())
            ++j;
        if (j < s.size() && s.at(j).isDigit())
            dropRange(i, j);
        i = j;
    }
    for (const QRegularExpression *re : {&pinyin, &ticker, &spam, &counters, &bylines}) {
        if ((re == &counters && !hasCounters) || (re == &bylines && !hasBylines) || ((re == &pinyin || re == &ticker) && !hasParen)
            || (re == &spam && !hasLatin))
            continue;
        auto it = re->globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            dropRange(m.capturedStart(), m.capturedEnd());
        }
    }
    // A number broken by a line break inside a sentence (增长28.\n1%) is one number; a column of
    // numbers, one a line (a flattened table), stays apart, and so do a table's rows (cells apart by
    // a tab or spaces, no sentence marks: … 198.6  96.8 / 2  斗门区  72 …).
    {
        auto lineIsNumber = [&s](qsizetype from, qsizetype to) {
            bool digit = false;
            for (qsizetype i = from; i < to; ++i) {
                const QChar c = s.at(i);
                if (c.isDigit())
                    digit = true;
                else if (!(c == u'.' || c == u'%' || c == u'-' || c.isSpace()))
                    return false;
            }
            return digit;
        };
        // (or cells apart by single spaces, two or more of them figures: 1 颍上县 38 96.5 / 2 临泉县 35 …)
        auto lineIsRow = [&s](qsizetype from, qsizetype to) {
            const QStringView line = QStringView(s).mid(from, to - from).trimmed();
            for (QChar c : line) {
                if (c == u',' || c == u'。' || c == u';')
                    return false;
            }
            if (line.contains(u'\t') || line.contains(u"  "))
                return true;
            const QList<QStringView> cells = line.split(u' ', Qt::SkipEmptyParts);
            const auto figures = std::count_if(cells.cbegin(), cells.cend(), [](QStringView c) {
                return std::all_of(c.cbegin(), c.cend(), [](QChar x) { return x.isDigit() || x == u'.' || x == u'%' || x == u'-'; });
            });
            return cells.size() >= 3 && figures >= 2;
        };
        // A digit, spaces or tabs, one line break, spaces or tabs, a digit. (Across one line break only:
        // a blank line ends a paragraph, 浏览次数:1832 above 1-5月份 too.) And a range cut after its dash
        // (2026年1- / 6月), or a figure cut before its measure word (58.6亿元、18.3 / 亿元,分别…), as a
        // text wrapped at a width cuts them.
        static const CharSet rangeDashes(QStringLiteral("-—–~至"));
        static const QRegularExpression measureFirst(QStringLiteral("^(?:亿元|万元|亿|个|家|次|批次|场|项|月份?|%)"));
        for (qsizetype k = s.indexOf(QLatin1Char('\n')); k >= 0; k = s.indexOf(QLatin1Char('\n'), k + 1)) {
            qsizetype from = k, to = k + 1;
            while (from > 0 && (s.at(from - 1) == u' ' || s.at(from - 1) == u'\t'))
                --from;
            while (to < s.size() && (s.at(to) == u' ' || s.at(to) == u'\t'))
                ++to;
            if (from == 0 || to >= s.size())
                continue;
            // (42 / .8亿元: cut before its point)
            const bool digits = s.at(from - 1).isDigit()
                && (s.at(to).isDigit() || (s.at(to) == u'.' && to + 1 < s.size() && s.at(to + 1).isDigit()));
            const bool range = from >= 2 && rangeDashes.contains(s.at(from - 1)) && s.at(from - 2).isDigit() && s.at(to).isDigit();
            const bool measure = s.at(from - 1).isDigit() && measureFirst.match(QStringView(s).mid(to, 3)).hasMatch();
            if (!digits && !range && !measure)
                continue;
            const qsizetype lineStart = s.lastIndexOf(QLatin1Char('\n'), from - 1) + 1;
            qsizetype nextEnd = s.indexOf(QLatin1Char('\n'), to);
            if (nextEnd < 0)
                nextEnd = s.size();
            if (!lineIsNumber(lineStart, from) && !lineIsNumber(to, nextEnd) && !(lineIsRow(lineStart, from) && lineIsRow(to, nextEnd)))
                dropRange(from, to);
        }
    }
    {
        auto it = tableResidue.globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            dropRange(m.capturedStart() + 1, m.capturedEnd()); // one bar stays as a boundary
        }
    }

    // 新签约项目 / 12个 (a page that sets each figure large on a line of its own, under its label): the
    // label and its figure are one line, 新签约项目:12个. (A figure without its measure word, a table's
    // cell, stays on its own line.)
    {
        static const QRegularExpression figureLine(QStringLiteral(
            "^\\s*(?:近|约|超|超过|逾)? ?\\d+(?:\\.\\d+)? ?(?:个|家|次|批次|场|项|亿元|万元|%)(?:以上|左右|多|余)?\\s*$"));
        qsizetype labelEnd = -1; // the line break after the line before, when that line was a label
        for (qsizetype start = 0; start < s.size();) {
            qsizetype end = s.indexOf(QLatin1Char('\n'), start);
            if (end < 0)
                end = s.size();
            const QStringView line = QStringView(s).mid(start, end - start).trimmed();
            if (labelEnd >= 0 && figureLine.match(line).hasMatch())
                s[labelEnd] = QLatin1Char(':');
            // A label: a few Han characters, no figure, no sentence mark, not a unit's name.
            const bool label = !line.isEmpty() && line.size() <= 12 && std::all_of(line.cbegin(), line.cend(), isHanChar)
                && !QStringView(u"区县市镇乡旗").contains(line.back());
            labelEnd = label && end < s.size() ? end : -1;
            start = end + 1;
        }
    }

    // …怎么办?- ·梅州市2024年第四批…- ·7月梅州卖了…: the list of unrelated headlines run into the body's last
    // line (a page's text taken without its line breaks) goes from its first bullet to the line's end: three
    // bullets or more after a dash, each a headline's length from the next, the last near the end.
    // (the dashes before a bullet, one search over the text; then a line's at a time)
    QList<qsizetype> bullets;
    for (qsizetype i = s.indexOf(u'-'); i >= 0 && i + 1 < s.size(); i = s.indexOf(u'-', i + 1)) {
        const qsizetype b = s.at(i + 1) == u' ' ? i + 2 : i + 1;
        if (b < s.size() && isListBullet(s.at(b)))
            bullets << i;
    }
    for (qsizetype k = 0; k < bullets.size();) {
        qsizetype lineEnd = s.indexOf(QLatin1Char('\n'), bullets.at(k));
        if (lineEnd < 0)
            lineEnd = s.size();
        qsizetype last = k; // (the line's last bullet)
        while (last + 1 < bullets.size() && bullets.at(last + 1) < lineEnd)
            ++last;
        qsizetype first = last;
        while (first > k && bullets.at(first) - bullets.at(first - 1) <= 80)
            --first;
        if (last - first + 1 >= 3 && lineEnd - bullets.at(last) <= 80)
            dropRange(bullets.at(first), lineEnd);
        k = last + 1;
    }

    // Whole lines: footers and the list of unrelated headlines that scraped pages end with. (The page's
    // path, 首页 > …, is ReportDocument's to pass over: it holds no figure.)
    static const QString related = QStringLiteral("相关阅读|相关新闻|相关报道|相关链接|相关文章|相关资讯|推荐阅读|延伸阅读|热点新闻|热点推荐|热门推荐|热门新闻|热门文章|"
                                                    "热点排行|点击排行|阅读排行|新闻排行|最新文章|猜你喜欢|精彩推荐|往期回顾");
    static const QString footers = QStringLiteral(
        "版权声明|免责声明|责任编辑|本文系转载|本文来源|转载请|原标题|声明[\\x{FF1A}:]|更多.{0,20}请关注|扫一扫|分享到|关注我们|"
        "点击进入|展开全文|展开$|来源[\\x{FF1A}:]|上一篇|下一篇|上一条|下一条|上篇[\\x{FF1A}:]|下篇[\\x{FF1A}:]|版权所有|主办单位|")
        + related;
    // (and the page's tools, each in its brackets on a line of their own: 【字号 大 中 小】【打印】【关闭】)
    static const QRegularExpression toolsLine(QStringLiteral(
        "^\\s*(?:[\\x{3010}\\[]\\s*(?:字号|字体|大|中|小|默认|打印|本页|本文|关闭|窗口|收藏|分享|纠错|返回|顶部|:|\\s)+[\\x{3011}\\]]\\s*)+$"));
    // A footer word may stand in brackets: 【相关阅读】, [责任编辑:…].
    static const QString opening = QStringLiteral("[\\x{3010}\\x{3016}\\[]?\\s*");
    static const QRegularExpression footerLine(QStringLiteral("^\\s*%1(%2)").arg(opening, footers));
    // Only a line that starts with a footer word's first character (or a bracket) is matched against them.
    static const QString footerStarts = [] {
        QString out = QStringLiteral("\u3010\u3016[");
        for (const QString &word : footers.split(QLatin1Char('|')))
            out += word.front();
        return out;
    }();
    // The headlines under 相关阅读 and the like, bullets or none: short lines that end no sentence.
    static const QRegularExpression relatedHeader(QStringLiteral("^\\s*%1(%2)").arg(opening, related));
    bool underRelated = false;
    int relatedItems = 0, bulletedItems = 0; // (the headlines under the header so far, and how many had a bullet)
    // Without such a header, a bulleted line is a headline only past the report's last sentence or a
    // footer, and with no clause of its own (• 新签约项目27个,签约金额118.4亿元 in the body, or in a post that is
    // nothing but bullets, is a figure, not a link).
    const qsizetype lastSentence = s.lastIndexOf(u'。');
    bool afterFooter = false; // (past 版权声明, 责任编辑 …: the page around the report)
    qsizetype start = 0;
    while (start < s.size()) {
        qsizetype end = s.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = s.size();
        // Cheap looks first: footers start with a few known words, headline lists with a bullet.
        qsizetype first = start;
        while (first < end && s.at(first).isSpace())
            ++first;
        if (first < end && underRelated) {
            const QStringView line = QStringView(s).mid(first, end - first).trimmed();
            // (a list of bulleted headlines ends at the first line with none: a page that puts its 热点推荐
            // above the story goes on with the story's date and title, no blank line between)
            const bool bullet = isListBullet(line.front()) || line.startsWith(u'-');
            if (line.size() <= 40 && !line.contains(u'。') && !line.contains(u';') && (bullet || relatedItems == 0 || bulletedItems < relatedItems)) {
                dropRange(start, end);
                ++relatedItems;
                bulletedItems += bullet ? 1 : 0;
            } else {
                underRelated = false;
            }
        }
        if (first < end) {
            const QChar c = s.at(first);
            if (footerStarts.contains(c) || isListBullet(c) || c == u'-') {
                const QString line = s.mid(start, end - start);
                // (an item: a bullet, or a dash and a bullet, then words)
                const QStringView item = QStringView(line).trimmed();
                const QStringView afterDash = item.startsWith(u'-') ? item.mid(1).trimmed() : item;
                const bool bulleted = !afterDash.isEmpty() && isListBullet(afterDash.front()) && afterDash.mid(1).trimmed().size() > 0;
                const bool headline = bulleted && ((lastSentence >= 0 && start > lastSentence) || afterFooter)
                    && !line.contains(u',') && !line.contains(u';');
                const auto footerMatch = footerLine.match(line);
                const bool footer = footerMatch.hasMatch() || toolsLine.match(line).hasMatch();
                afterFooter = afterFooter || footer;
                // (text whose paragraphs were run together: 分享到:微信 微博 QQ空间今年一季度,…。 is the page's
                // tools and then the report; the report stays, from the last space among the tools' words)
                qsizetype keepFrom = -1;
                if (footerMatch.hasMatch() && line.size() > 100 && line.contains(u'。')) {
                    const QStringView tools = QStringView(line).mid(footerMatch.capturedEnd(), 40);
                    const auto space = std::find_if(tools.crbegin(), tools.crend(), [](QChar c) { return c.isSpace(); });
                    keepFrom = space == tools.crend() ? 0 : footerMatch.capturedEnd() + (tools.crend() - space);
                }
                if (keepFrom > 0)
                    dropRange(start, start + keepFrom);
                else if ((footer && keepFrom < 0) || headline)
                    dropRange(start, end);
                if (!underRelated && relatedHeader.match(line).hasMatch()) {
                    underRelated = true;
                    relatedItems = bulletedItems = 0;
                }
            }
        }
        start = end + 1;
    }

    // …新开工项目38个。上一篇:瑞金市一季度签约项目21个 下一篇:… (a page whose lines ran into one): the
    // links after the report's last sentence go, to the line's end.
    if (lastSentence >= 0) {
        static const QRegularExpression links(QStringLiteral("上一篇|下一篇|上一条|下一条|相关阅读|相关新闻|责任编辑"));
        const qsizetype lineEnd = s.indexOf(QLatin1Char('\n'), lastSentence);
        const QStringView tail = QStringView(s).mid(lastSentence, (lineEnd < 0 ? s.size() : lineEnd) - lastSentence);
        if (const auto m = links.match(tail); m.hasMatch())
            dropRange(lastSentence + m.capturedStart(), lastSentence + tail.size());
    }

    compact();
}

} // namespace IPDesk
