#include "reports/documenttext.h"

#include "base/charset.h"
#include "base/toolprocess.h"
#include "base/zipreader.h"
#include "reports/reportdocument.h"
#include "reports/reporttext.h"
#include "tables/tablesource.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace IPDesk {

namespace {

/// What every reader says of a file with nothing in it (of one beyond the limit: ToolProcess::tooMuchText).
Status noText(const QString &name)
{
    return Status::error(DocumentText::tr("%1 holds no text.").arg(name));
}

} // namespace

Status DocumentText::readDocx(const QString &path, QString *text)
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
        if (xml.size() > MaxText)
            return ToolProcess::tooMuchText(name, MaxText);
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
    // (a cell merged across N columns, w:gridSpan, is followed by N-1 empty ones, so that the columns
    // below it stay under their heads: 1-9月 over 本月 and 累计)
    QXmlStreamReader r(xml);
    int cellDepth = 0;
    int span = 1;
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
                if (++cellDepth == 1)
                    span = 1;
                cellHasText = false;
            } else if (tag == u"gridSpan" && cellDepth == 1) {
                for (const QXmlStreamAttribute &a : r.attributes()) {
                    if (a.name() == u"val")
                        span = std::clamp(a.value().toInt(), 1, 64);
                }
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
                    out += QString(span, QLatin1Char('\t'));
                }
            } else if (tag == u"tr" && cellDepth == 0) {
                while (out.endsWith(u'\t'))
                    out.chop(1);
                out += QLatin1Char('\n');
            }
        }
    }
    if (r.hasError())
        return Status::error(tr("%1 is damaged: its text is not well-formed (%2).").arg(name, r.errorString()));
    if (out.trimmed().isEmpty())
        return noText(name);
    *text = out;
    return Status();
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets

bool DocumentText::isSheetName(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"xlsx" || suffix == u"xlsm" || suffix == u"csv" || suffix == u"xls" || suffix == u"et";
}

Status DocumentText::readSheet(const QString &path, QString *text)
{
    Status s;
    const std::unique_ptr<TableSource> source = TableSource::open(path, &s);
    if (!source)
        return s;
    QString out;
    const QStringList sheets = source->sheets();
    for (int sheet = 0; sheet < std::max<int>(1, int(sheets.size())); ++sheet) {
        if (sheet > 0) {
            s = source->selectSheet(sheet);
            if (!s)
                return s;
        }
        if (sheets.size() > 1)
            out += sheets.at(sheet) + QLatin1Char('\n');
        QVariantList row;
        while (source->next(&row)) {
            QStringList cells;
            for (const QVariant &cell : std::as_const(row)) {
                if (cell.userType() == QMetaType::Double)
                    cells << QString::number(cell.toDouble(), 'g', 15);
                else if (cell.userType() == QMetaType::QDate)
                    cells << cell.toDate().toString(Qt::ISODate);
                else
                    cells << cell.toString().simplified(); // (a cell's line breaks are no rows)
            }
            while (!cells.isEmpty() && cells.last().isEmpty())
                cells.removeLast();
            // (a title merged across the columns comes as the same text in each: once)
            QStringList filled = cells;
            filled.removeAll(QString());
            filled.removeDuplicates();
            if (filled.size() == 1 && cells.size() > 1)
                cells = filled;
            out += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
            if (out.size() > MaxText / 2)
                return ToolProcess::tooMuchText(QFileInfo(path).fileName(), MaxText);
        }
        if (!source->status())
            return source->status();
        out += QLatin1Char('\n');
    }
    if (out.trimmed().isEmpty())
        return noText(QFileInfo(path).fileName());
    *text = out;
    return Status();
}

// ---------------------------------------------------------------------------------------------
// PDF

QString DocumentText::joinWrappedLines(const QString &laidOut)
{
    // A PDF's lines end where the page's width ends them, not where a sentence does (…签约金额 /
    // 176.3亿元,…). Page by page, a line as wide as the text block (within 15%) that ends no sentence
    // goes on in the next, unless that one opens a paragraph (indented more, a bullet, a number) or
    // either is a table's row (cells apart by runs of spaces).
    // (a page's number at its foot, 1, - 2 -, 第3页, 3/12: no part of the report, nor a break in it)
    static const QRegularExpression pageNumber(QStringLiteral("^(?:[-—–]?\\s*\\d{1,4}\\s*[-—–]?|第\\s*\\d{1,4}\\s*页(?:\\s*[,，]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4})$"));
    QStringList pages = laidOut.split(QLatin1Char('\f'));
    for (QString &page : pages) {
        QStringList lines = page.split(QLatin1Char('\n'));
        // (the margins above and below a page's text are no paragraph breaks: a table goes on over them)
        while (!lines.isEmpty() && QStringView(lines.last()).trimmed().isEmpty())
            lines.removeLast();
        if (!lines.isEmpty() && pageNumber.match(QStringView(lines.last()).trimmed()).hasMatch())
            lines.removeLast();
        while (!lines.isEmpty() && QStringView(lines.last()).trimmed().isEmpty())
            lines.removeLast();
        while (!lines.isEmpty() && QStringView(lines.first()).trimmed().isEmpty())
            lines.removeFirst();
        int widest = 0;
        for (const QString &line : std::as_const(lines))
            widest = std::max(widest, ReportText::printedWidth(QStringView(line).trimmed()));
        auto indent = [](QStringView line) {
            qsizetype i = 0;
            while (i < line.size() && line.at(i).isSpace())
                ++i;
            return i;
        };
        // (where the page marks its paragraphs, by a blank line or by standing further in, a full line
        // that ends a sentence goes on in the next too, unless the next is so marked)
        qsizetype margin = -1;
        QList<QStringView> views;
        for (const QString &line : std::as_const(lines)) {
            views << QStringView(line);
            if (!QStringView(line).trimmed().isEmpty())
                margin = margin < 0 ? indent(line) : std::min(margin, indent(line));
        }
        // (and where the page is seen to wrap: a full line breaks off a sentence somewhere on it)
        auto full = [widest](QStringView line) { return widest >= 40 && ReportText::printedWidth(line.trimmed()) * 100 >= widest * 85; };
        const bool wraps = std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return full(line) && ReportText::breaksOffSentence(line); });
        const bool marked = wraps && ReportText::marksParagraphs(views, std::max<qsizetype>(0, margin));
        QString joined;
        for (qsizetype k = 0; k < lines.size(); ++k) {
            const QString &line = lines.at(k);
            joined += line;
            if (k + 1 >= lines.size())
                break;
            // (the page's margin is no indent: the next line opens a paragraph when it stands further in)
            const QStringView next = QStringView(lines.at(k + 1)).mid(std::min(indent(line), indent(lines.at(k + 1))));
            const bool nextBlank = QStringView(lines.at(k + 1)).trimmed().isEmpty();
            if (full(line) && !nextBlank && ReportText::goesOnInNext(line, next, marked) && !ReportDocument::isHeading(next)) {
                lines[k + 1] = next.trimmed().toString(); // (its margin goes with the break)
                continue;
            }
            joined += QLatin1Char('\n');
        }
        page = joined;
    }
    return pages.join(QLatin1Char('\n'));
}

Status DocumentText::readPdf(const QString &path, QString *text)
{
    const QString name = QFileInfo(path).fileName();
    QByteArray out;
    int exitCode = 0;
    const Status ran = ToolProcess::run(QStringLiteral("pdftotext"),
                                        {QStringLiteral("-enc"), QStringLiteral("UTF-8"), QStringLiteral("-layout"), QStringLiteral("-q"), path, QStringLiteral("-")},
                                        tr("%1 is a PDF. PDF reports are read with pdftotext, which is not installed (Debian: apt install "
                                           "poppler-utils); or copy its text into a .txt file and load that.").arg(name),
                                        name, &out, &exitCode);
    if (!ran)
        return ran;
    if (exitCode != 0) {
        // (1: the file cannot be opened or is damaged, 3: copying its text is not permitted)
        return Status::error(exitCode == 3 ? tr("%1 does not permit copying its text.").arg(name)
                                           : tr("%1 is damaged or locked with a password: its text cannot be read.").arg(name));
    }
    QString decoded = joinWrappedLines(QString::fromUtf8(out));
    for (QChar &c : decoded) {
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FD5)
            c = ReportText::radicalAsCharacter(c); // (⼯作 as 工作: what the reader and the officer read)
    }
    if (decoded.trimmed().isEmpty())
        return Status::error(tr("%1 has no text in it (a scanned page is a picture): copy its text into a .txt file, or ask for the "
                                "document itself.").arg(name));
    *text = decoded;
    return Status();
}

// ---------------------------------------------------------------------------------------------
// Word 97-2003 (.doc), and WPS's .wps where it is written the same way

Status DocumentText::readDoc(const QString &path, QString *text)
{
    const QString name = QFileInfo(path).fileName();
    QByteArray out;
    int exitCode = 0;
    // (-w: a paragraph a line, as the reader takes a .docx's; a table's cells come apart by tabs)
    const Status ran = ToolProcess::run(QStringLiteral("catdoc"), {QStringLiteral("-d"), QStringLiteral("utf-8"), QStringLiteral("-w"), path},
                                        tr("%1 is an old Word or WPS document. Those are read with catdoc, which is not installed (Debian: apt "
                                           "install catdoc); or save it as .docx or .txt in Word or WPS and load that.").arg(name),
                                        name, &out, &exitCode);
    if (!ran)
        return ran;
    const QString decoded = QString::fromUtf8(out);
    if (exitCode != 0 || decoded.trimmed().isEmpty())
        return Status::error(tr("%1 is an old Word or WPS document whose text cannot be read (it may be damaged, locked with a "
                                "password, or of a kind catdoc does not know); save it as .docx or .txt in Word or WPS and load that.")
                                 .arg(name));
    *text = decoded;
    return Status();
}

} // namespace IPDesk
