#include "progress/pdftext.h"

#include <QFont>
#include <QRawFont>

namespace IPDesk::PdfText {

namespace {
constexpr char16_t firstRadical = 0x2E80, lastRadical = 0x2FDF;

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/// Rewrites the 4-digit hex token at \a at when the map knows its code point.
bool rewrite(QByteArray &pdf, qsizetype at, const QHash<char16_t, char16_t> &map)
{
    bool ok = false;
    const char16_t code = char16_t(QByteArray(pdf.constData() + at, 4).toUShort(&ok, 16));
    if (!ok || code < firstRadical || code > lastRadical)
        return false;
    const auto it = map.constFind(code);
    if (it == map.cend())
        return false;
    const QByteArray hex = QByteArray::number(uint(it.value()), 16).toUpper().rightJustified(4, '0');
    memcpy(pdf.data() + at, hex.constData(), 4);
    return true;
}

/// The positions of the <....> tokens of one line, with their lengths.
QList<QPair<qsizetype, qsizetype>> tokens(const QByteArray &pdf, qsizetype from, qsizetype to)
{
    QList<QPair<qsizetype, qsizetype>> out;
    for (qsizetype i = from; i < to; ++i) {
        if (pdf.at(i) != '<')
            continue;
        qsizetype j = i + 1;
        while (j < to && isHex(pdf.at(j)))
            ++j;
        if (j < to && pdf.at(j) == '>')
            out.append({i + 1, j - i - 1});
        i = j;
    }
    return out;
}
} // namespace

QHash<char16_t, char16_t> radicalMap(const QStringList &families)
{
    QHash<char16_t, char16_t> map;
    QList<QRawFont> fonts;
    for (const QString &family : families) {
        QFont f(family);
        f.setPixelSize(16);
        const QRawFont raw = QRawFont::fromFont(f);
        if (raw.isValid())
            fonts << raw;
    }
    // The unified ideographs and Extension A (all in the BMP), whose glyphs the radicals share.
    QString ideographs;
    for (char16_t c = 0x4E00; c <= 0x9FFF; ++c)
        ideographs.append(QChar(c));
    for (char16_t c = 0x3400; c <= 0x4DBF; ++c)
        ideographs.append(QChar(c));
    for (const QRawFont &font : std::as_const(fonts)) {
        QList<quint32> glyphs(ideographs.size());
        int n = int(glyphs.size());
        if (!font.glyphIndexesForChars(ideographs.constData(), int(ideographs.size()), glyphs.data(), &n))
            continue;
        QHash<quint32, char16_t> byGlyph;
        for (int i = 0; i < n; ++i) { // the first ideograph of a glyph: the unified block before Extension A
            if (glyphs.at(i) && !byGlyph.contains(glyphs.at(i)))
                byGlyph.insert(glyphs.at(i), ideographs.at(i).unicode());
        }
        for (char16_t r = firstRadical; r <= lastRadical; ++r) {
            if (map.contains(r))
                continue;
            const QChar ch(r);
            quint32 glyph = 0;
            int one = 1;
            if (font.glyphIndexesForChars(&ch, 1, &glyph, &one) && glyph) {
                const auto it = byGlyph.constFind(glyph);
                if (it != byGlyph.cend())
                    map.insert(r, it.value());
            }
        }
    }
    // The rest by Unicode's own equivalence (every Kangxi radical decomposes to its ideograph).
    for (char16_t r = firstRadical; r <= lastRadical; ++r) {
        if (map.contains(r))
            continue;
        const QString folded = QString(QChar(r)).normalized(QString::NormalizationForm_KC);
        if (folded.size() == 1 && folded.at(0).unicode() != r)
            map.insert(r, folded.at(0).unicode());
    }
    return map;
}

int fix(QByteArray &pdf, const QHash<char16_t, char16_t> &map)
{
    int fixed = 0;
    qsizetype at = 0;
    while ((at = pdf.indexOf("begincmap", at)) >= 0) {
        const qsizetype end = pdf.indexOf("endcmap", at);
        if (end < 0)
            break;
        // Line by line: "<src> <dst>" in bfchar sections, "<lo> <hi> [<dst> ...]" or "<lo> <hi> <dst>" in bfrange ones.
        enum { None, Char, Range } section = None;
        qsizetype line = at;
        while (line < end) {
            qsizetype next = pdf.indexOf('\n', line);
            if (next < 0 || next > end)
                next = end;
            const QByteArray text = QByteArray::fromRawData(pdf.constData() + line, next - line).trimmed();
            if (text.endsWith("beginbfchar"))
                section = Char;
            else if (text.endsWith("beginbfrange"))
                section = Range;
            else if (text.startsWith("endbf"))
                section = None;
            else if (section != None) {
                const auto t = tokens(pdf, line, next);
                const bool array = text.contains('[');
                for (int i = section == Char ? 1 : 2; i < t.size(); ++i) {
                    // A range "<lo> <hi> <dst>" with lo < hi continues from dst: it is left as it is.
                    auto hex = [&pdf, &t](int k) { return QByteArray(pdf.constData() + t.at(k).first, t.at(k).second); };
                    if (section == Range && !array && hex(0) != hex(1))
                        break;
                    if (t.at(i).second == 4 && rewrite(pdf, t.at(i).first, map))
                        ++fixed;
                }
            }
            line = next + 1;
        }
        at = end;
    }
    return fixed;
}

} // namespace IPDesk::PdfText
