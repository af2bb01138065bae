#include "reports/docxtext.h"

#include "base/zipreader.h"

#include <QFileInfo>
#include <QXmlStreamReader>

namespace IPDesk {

Status DocxText::read(const QString &path, QString *text)
{
    const QString name = QFileInfo(path).fileName();
    ZipReader zip;
    if (!zip.open(path))
        return Status::error(tr("%1 is not a Word document, or it is damaged.").arg(name));
    if (!zip.setCurrentFile(QStringLiteral("word/document.xml")))
        return Status::error(tr("%1 is a zip archive but not a Word document (.docx): there is no word/document.xml in it.").arg(name));
    if (!zip.openPart())
        return Status::error(tr("%1 is damaged: its text cannot be unpacked.").arg(name));
    // The whole part, within limits: a real document's text is far inside them, and deflate packs
    // XML about 5 to 20 to 1.
    QByteArray xml;
    QByteArray block(1 << 16, Qt::Uninitialized);
    const qint64 stored = std::max<qint64>(1, zip.compressedSize());
    for (;;) {
        const qint64 n = zip.read(block.data(), block.size());
        if (n < 0)
            return Status::error(tr("%1 is damaged: its text cannot be unpacked.").arg(name));
        if (n == 0)
            break;
        xml.append(block.constData(), n);
        if (xml.size() > MaxInflated)
            return Status::error(tr("%1 inflates to more than %2 MB of text; no report is that long.").arg(name).arg(MaxInflated >> 20));
        if (xml.size() > (qint64(8) << 20) && xml.size() > 200 * stored)
            return Status::error(tr("%1 inflates more than 200 times its stored size, which no document does (a zip bomb).").arg(name));
    }
    zip.closePart();
    if (zip.damaged())
        return Status::error(tr("%1 is damaged: its text cannot be unpacked.").arg(name));

    // w:p a line; w:t its text; w:tab a tab, w:br a line break; in a table (w:tbl) the cells of a row
    // (w:tc) apart by tabs, a cell's paragraphs by a space, and each row (w:tr) a line. Deleted text
    // of tracked changes (w:delText) and field codes (w:instrText) are not the document's text.
    QString out;
    QXmlStreamReader r(xml);
    int cellDepth = 0;
    bool cellHasText = false;
    while (!r.atEnd()) {
        const QXmlStreamReader::TokenType token = r.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView tag = r.name();
            if (tag == u"t") {
                out += r.readElementText();
                cellHasText = cellDepth > 0;
            } else if (tag == u"tab") {
                out += QLatin1Char(cellDepth > 0 ? ' ' : '\t');
            } else if (tag == u"br" || tag == u"cr") {
                out += QLatin1Char(cellDepth > 0 ? ' ' : '\n');
            } else if (tag == u"tc") {
                ++cellDepth;
                cellHasText = false;
            } else if (tag == u"p" && cellDepth > 0 && cellHasText) {
                out += QLatin1Char(' ');
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const QStringView tag = r.name();
            if (tag == u"p" && cellDepth == 0) {
                out += QLatin1Char('\n');
            } else if (tag == u"tc") {
                cellDepth = std::max(0, cellDepth - 1);
                if (cellDepth == 0) {
                    while (out.endsWith(u' '))
                        out.chop(1);
                    out += QLatin1Char('\t');
                }
            } else if (tag == u"tr" && cellDepth == 0) {
                if (out.endsWith(u'\t'))
                    out.chop(1);
                out += QLatin1Char('\n');
            }
        }
    }
    if (r.hasError())
        return Status::error(tr("%1 is damaged: its text is not well-formed (%2).").arg(name, r.errorString()));
    if (out.trimmed().isEmpty())
        return Status::error(tr("%1 holds no text.").arg(name));
    *text = out;
    return Status();
}

} // namespace IPDesk
