#pragma once

#include <QString>
#include <algorithm>
#include <vector>

namespace IPDesk {

/// A report's text prepared for reading figures: traditional characters made simplified,
/// full-width digits made ASCII, and web-scrape noise removed (pinyin glosses, stock tickers,
/// spam tokens, footers, trailing headline lists, numbers broken by line breaks).
/// Every character of the clean text keeps the offset of the character it came from in the original.
class ReportText
{
public:
    explicit ReportText(const QString &original);

    const QString &original() const { return m_original; }
    const QString &clean() const { return m_clean; }
    bool wasTraditional() const { return m_traditional; }

    /// Offset in the original (UTF-16 units) of clean[i]; i may be clean().size().
    qsizetype originalOffset(qsizetype cleanIndex) const;
    /// The same offset counted in code points, as extraction.md asks.
    qsizetype originalCodePoint(qsizetype cleanIndex) const;

    /// What a fact's evidence holds: the original text of clean[from, to) without the spaces at its ends,
    /// and where that stands in the original, in code points.
    struct Evidence
    {
        qsizetype start = 0;
        qsizetype end = 0;
        QString text;
    };
    Evidence evidence(qsizetype cleanFrom, qsizetype cleanTo) const;

    /// A text known to be traditional (a Big5 file) made simplified, character for character
    /// (OpenCC's t2s table); the input as it is if OpenCC is unavailable.
    static QString toSimplified(const QString &text);

    /// For each code point of \a text (the unit of evidence offsets, as extraction.md asks) and its end, its
    /// offset in UTF-16 units; empty when the two are the same (no character outside the basic plane).
    static std::vector<int> unitOffsets(const QString &text);
    /// The offset in UTF-16 units of code point \a at, by the \a offsets unitOffsets() gave.
    static qsizetype unitAt(const std::vector<int> &offsets, qsizetype at)
    {
        return offsets.empty() ? at : offsets[size_t(std::clamp<qsizetype>(at, 0, qsizetype(offsets.size()) - 1))];
    }
    /// Whether \a text is a page's markup (HTML) rather than plain text.
    /// A CJK radical (U+2E80..U+2FD5) as the character it stands for (⼯ as 工, ⻰ as 龙: the code points
    /// some fonts give their glyphs, which text taken out of a PDF carries), else itself.
    static QChar radicalAsCharacter(QChar c);
    /// Full-width forms (digits, letters, ，；：（）！？％ …) as ASCII, the ideographic and no-break spaces as
    /// spaces, radicals as their characters: one character for one, in place.
    static void narrowForms(QString &text);
    /// A line's width as a fixed-width wrap counts it: a Chinese or full-width character two columns,
    /// any other one.
    static int printedWidth(QStringView text);
    /// Whether a full line broken off at a page's or a mail's width goes on in \a next: it ends no
    /// sentence (or may, with \a paragraphsMarked: the text marks its paragraphs by blank lines or
    /// indents), \a next opens no paragraph (indented, a bullet, a number), and neither is a table's row
    /// (cells apart by a run of spaces, a tab or a rule).
    static bool goesOnInNext(QStringView line, QStringView next, bool paragraphsMarked = false);
    /// Whether \a line breaks off a sentence: it ends with no sentence's mark and is no table's row.
    static bool breaksOffSentence(QStringView line);
    /// Whether \a lines mark their paragraphs: two blank lines between others or more, or two lines or
    /// more standing further in than \a margin (two spaces, or an ideographic one).
    static bool marksParagraphs(const QList<QStringView> &lines, qsizetype margin = 0);
    static bool isMarkup(const QString &text);
    /// A page's text as a person reads it: its markup gone (scripts, styles, tags; a block a line, a table
    /// cell apart by a tab; entities their characters), nothing else changed. \a position, when given,
    /// receives for each offset of \a original (and its end) the offset in the result.
    static QString readable(const QString &original, std::vector<int> *position = nullptr);

private:
    /// An offset in the original's UTF-16 units counted in code points.
    qsizetype codePointAt(qsizetype units) const;
    void simplify();
    void removeNoise();

    QString m_original;
    QString m_clean;
    std::vector<int> m_map; // clean index -> original index (size clean + 1)
    bool m_traditional = false;
    std::vector<int> m_lowSurrogatesBefore; // original index -> low surrogates before it (empty: none in the text)
};

} // namespace IPDesk
