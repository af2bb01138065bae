#pragma once

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace IPDesk {

/// The text layer of the PDFs the program writes. Qt's PDF engine tells a reader which character a
/// glyph stands for (the ToUnicode map) by the first code point of the font that uses the glyph; CJK
/// fonts give one glyph to a character and to its radical form (日 U+65E5 and ⽇ U+2F47), so the PDF
/// said ⽇ where 日 was drawn: searching it for 项目 failed and pasted text was wrong. fix() rewrites
/// those entries to the ideograph that has the same glyph in the font, in place and at the same
/// length, so the file stays valid.
namespace PdfText {

/// Radical code point (U+2E80..U+2FDF) -> the unified ideograph drawn with the same glyph in any of
/// the font families (and, where none is, the Unicode compatibility decomposition).
QHash<char16_t, char16_t> radicalMap(const QStringList &families);

/// Rewrites every radical code point in the ToUnicode maps of \a pdf; returns how many.
int fix(QByteArray &pdf, const QHash<char16_t, char16_t> &map);

} // namespace PdfText
} // namespace IPDesk
