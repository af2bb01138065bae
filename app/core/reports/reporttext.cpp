#include "reports/reporttext.h"

#include "base/charset.h"

#include <QMutex>
#include <QRegularExpression>

#include <opencc/opencc.h>

namespace IPDesk {

namespace {

/// One OpenCC converter for the process (opening it reads the dictionaries).
class Simplifier
{
public:
    static Simplifier &instance()
    {
        static Simplifier s;
        return s;
    }
    bool isValid() const { return m_cc != reinterpret_cast<opencc_t>(-1); }
    QString convert(const QString &text)
    {
        if (!isValid() || text.isEmpty())
            return text;
        const QByteArray in = text.toUtf8();
        QMutexLocker lock(&m_mutex);
        char *out = opencc_convert_utf8(m_cc, in.constData(), size_t(in.size()));
        if (!out)
            return text;
        QString result = QString::fromUtf8(out);
        opencc_convert_utf8_free(out);
        return result;
    }

private:
    Simplifier() { m_cc = opencc_open("t2s.json"); }
    ~Simplifier()
    {
        if (isValid())
            opencc_close(m_cc);
    }
    opencc_t m_cc;
    QMutex m_mutex;
};

} // namespace

QString ReportText::toSimplified(const QString &text)
{
    return Simplifier::instance().convert(text);
}

ReportText::ReportText(const QString &original)
    : m_original(original)
    , m_clean(original)
{
    for (QChar c : original) {
        if (c.isSurrogate()) {
            m_hasSurrogates = true;
            break;
        }
    }
    m_map.resize(size_t(m_clean.size()) + 1);
    for (size_t i = 0; i < m_map.size(); ++i)
        m_map[i] = int(i);
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

qsizetype ReportText::originalCodePoint(qsizetype cleanIndex) const
{
    const qsizetype units = originalOffset(cleanIndex);
    if (!m_hasSurrogates)
        return units;
    qsizetype surrogates = 0;
    for (qsizetype i = 0; i < units && i < m_original.size(); ++i)
        surrogates += m_original.at(i).isLowSurrogate();
    return units - surrogates;
}

void ReportText::simplify()
{
    // Traditional text is rare: look for characters that only traditional text uses before
    // paying for OpenCC, so that simplified reports cost nothing.
    static const CharSet traditionalOnly(QStringLiteral(
        "們個這來會國說時區為發經濟開學對業產與項資實進過動關點現務長從應設萬當後總計廣場縣鎮簽約億圓"
        "標準專據議網際係構獲區劃導態條機際歲積極強勢壯觀費運營環質資訊號線邊鄉鐵驗證權擴轉讓傳統屬"));
    auto hasTraditional = [](QStringView line) {
        for (QChar c : line) {
            if (c.unicode() >= 0x4E00 && traditionalOnly.contains(c))
                return true;
        }
        return false;
    };
    if (!hasTraditional(m_clean))
        return;
    // Only the lines in traditional characters go through OpenCC (a simplified report quoting one
    // traditional line pays for that line). A line whose length changes is converted a character at
    // a time, so that every character keeps its offset.
    QString out;
    out.reserve(m_clean.size());
    std::vector<int> map;
    map.reserve(m_map.size());
    qsizetype start = 0;
    while (start < m_clean.size()) {
        qsizetype end = m_clean.indexOf(QLatin1Char('\n'), start);
        end = end < 0 ? m_clean.size() : end + 1;
        const QStringView line = QStringView(m_clean).mid(start, end - start);
        const QString conv = hasTraditional(line) ? toSimplified(line.toString()) : line.toString();
        if (conv.size() == line.size()) {
            m_traditional = m_traditional || conv != line;
            out += conv;
            for (qsizetype i = start; i < end; ++i)
                map.push_back(m_map[size_t(i)]);
        } else {
            m_traditional = true;
            for (qsizetype i = start; i < end; ++i) {
                const QString one = toSimplified(QString(m_clean.at(i)));
                out += one;
                for (qsizetype k = 0; k < one.size(); ++k)
                    map.push_back(m_map[size_t(i)]);
            }
        }
        start = end;
    }
    map.push_back(int(m_original.size()));
    m_traditional = out != m_clean;
    m_clean = out;
    m_map = std::move(map);
}

void ReportText::removeNoise()
{
    QString &s = m_clean;
    std::vector<char> drop(size_t(s.size()), 0);
    auto dropRange = [&drop](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i)
            drop[size_t(i)] = 1;
    };

    // Full-width forms (digits, letters, ，；：（）！？％ …) to ASCII, one character for one, so that
    // the rules below read reports typed either way.
    for (qsizetype i = 0; i < s.size(); ++i) {
        const ushort u = s.at(i).unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            s[i] = QChar(u - 0xFEE0);
        else if (u == 0x3000 || u == 0x00A0)
            s[i] = QLatin1Char(' ');
    }

    static const QRegularExpression pinyin(QStringLiteral(
        "(?<=[\\x{3400}-\\x{9FFF}])\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\\)"));
    static const QRegularExpression ticker(QStringLiteral(
        "\\(-?\\d+\\.\\d+,\\s*-?\\d+\\.\\d+,\\s*-?\\d+\\.\\d+%\\)"));
    static const QRegularExpression spam(QStringLiteral(
        "(?<=[\\x{3400}-\\x{9FFF}])[a-z]{1,3}\\d{0,3}(?=[\\x{3400}-\\x{9FFF}])"));
    static const QRegularExpression brokenNumber(QStringLiteral("(?<=\\d[.,])\\s+(?=\\d)"));
    static const QRegularExpression brokenLine(QStringLiteral("(?<=\\d)[ \\t]*\\n\\s*(?=\\d)"));
    static const QRegularExpression counters(QStringLiteral("(浏览量|阅读量|点击量|阅读数|浏览次数)\\s*[\\x{FF1A}:]?\\s*\\d+次?"));
    static const QRegularExpression bylines(QStringLiteral("【(撰文|作者|来源|通讯员|编辑|责编|记者)】.*$"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression tableResidue(QStringLiteral("\\|{2,}"));
    // The last two start with a Chinese character, which the regex engine cannot skip quickly: run
    // them only when their words occur.
    const bool hasCounters = s.contains(QStringLiteral("浏览")) || s.contains(QStringLiteral("阅读"))
        || s.contains(QStringLiteral("点击"));
    const bool hasBylines = s.contains(u'【');
    for (const QRegularExpression *re : {&pinyin, &ticker, &spam, &brokenNumber, &counters, &bylines}) {
        if ((re == &counters && !hasCounters) || (re == &bylines && !hasBylines))
            continue;
        auto it = re->globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            dropRange(m.capturedStart(), m.capturedEnd());
        }
    }
    // A number broken by a line break inside a sentence (增长28.\n1%) is one number; a column of
    // numbers, one a line (a flattened table), stays apart.
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
        auto it = brokenLine.globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            const qsizetype lineStart = s.lastIndexOf(QLatin1Char('\n'), m.capturedStart() - 1) + 1;
            qsizetype nextEnd = s.indexOf(QLatin1Char('\n'), m.capturedEnd());
            if (nextEnd < 0)
                nextEnd = s.size();
            if (!lineIsNumber(lineStart, m.capturedStart()) && !lineIsNumber(m.capturedEnd(), nextEnd))
                dropRange(m.capturedStart(), m.capturedEnd());
        }
    }
    {
        auto it = tableResidue.globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            dropRange(m.capturedStart() + 1, m.capturedEnd()); // one bar stays as a boundary
        }
    }

    // Whole lines: footers and the list of unrelated headlines that scraped pages end with.
    static const QRegularExpression footerLine(QStringLiteral(
        "^\\s*(版权声明|免责声明|责任编辑|本文系转载|本文来源|转载请|原标题|声明[\\x{FF1A}:]|更多.{0,20}请关注|"
        "相关阅读|相关新闻|推荐阅读|延伸阅读|扫一扫|分享到|关注我们|点击进入|展开全文|展开$|来源[\\x{FF1A}:])"));
    static const QRegularExpression headlineItem(QStringLiteral("^\\s*(-\\s*)?[·•▪►]\\s*\\S"));
    qsizetype start = 0;
    while (start < s.size()) {
        qsizetype end = s.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = s.size();
        // Cheap looks first: footers start with a few known words, headline lists with a bullet.
        qsizetype first = start;
        while (first < end && s.at(first).isSpace())
            ++first;
        if (first < end) {
            static const QString footerStarts = QStringLiteral("版免责本转原声更相推延扫分关点展来");
            static const QString bullets = QStringLiteral("-·•▪►");
            const QChar c = s.at(first);
            if (footerStarts.contains(c) || bullets.contains(c)) {
                const QString line = s.mid(start, end - start);
                if (footerLine.match(line).hasMatch() || headlineItem.match(line).hasMatch())
                    dropRange(start, end);
            }
        }
        start = end + 1;
    }

    QString out;
    out.reserve(s.size());
    std::vector<int> map;
    map.reserve(m_map.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (drop[size_t(i)])
            continue;
        out.append(s.at(i));
        map.push_back(m_map[size_t(i)]);
    }
    map.push_back(m_map.back());
    m_clean = out;
    m_map = std::move(map);
}

} // namespace IPDesk
