#include "reports/readreport.h"
#include "reports/reporttext.h"

#include "reports/documenttext.h"
#include "reports/reportimporter.h"
#include "reports/textdecoder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace IPDesk {

namespace {

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString titleOf(const QString &text)
{
    // (a page saved as HTML: the first line of its text, <title>'s, not <!DOCTYPE html>)
    const QString head = ReportText::isMarkup(text) ? ReportText::readable(text.left(20000)) : text.left(2000);
    for (const QString &line : QStringView(head).left(2000).toString().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            return line.trimmed().left(120);
    }
    return QString();
}

} // namespace

void ReadReport::extract(const QStringList &knownUnits, const QString &encoding)
{
    ReportExtractor extractor;
    extractor.setKnownUnits(knownUnits);
    extraction = extractor.extract(text);
    extraction.encoding = encoding;
    // (the title the reader found, past a site's name, its menus or a WeChat post's call to follow, over
    // the text's first line; a title the caller gave stays)
    if (!extraction.title.isEmpty() && title == titleOf(text))
        title = extraction.title.left(120);
}

ReadReport ReadReport::fromFile(const QString &path, const QStringList &knownUnits, const QString &encoding)
{
    const QString name = QFileInfo(path).fileName();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ReadReport r;
        r.path = path;
        r.title = name;
        r.refuse(Status::error(ReportImporter::tr("The file cannot be read: %1").arg(f.errorString())));
        return r;
    }
    if (f.size() > TextDecoder::MaxBytes) {
        ReadReport r;
        r.path = path;
        r.title = name;
        r.refuse(Status::error(TextDecoder::tr("The file is %1 MB; reports larger than %2 MB are not read.")
                                   .arg(f.size() / (1024 * 1024)).arg(TextDecoder::MaxBytes / (1024 * 1024))));
        return r;
    }
    const QByteArray bytes = f.readAll();
    // A spreadsheet of figures (.xlsx, .csv; an old .xls is refused there, with what to do), a Word
    // document (.docx, an old .doc or .wps) or a PDF: the text taken out of it is the report.
    const bool sheet = DocumentText::isSheetName(path);
    const bool oldWord = !sheet && DocumentText::isOle(bytes);
    if (sheet || oldWord || DocumentText::isZip(bytes) || DocumentText::isPdf(bytes)) {
        ReadReport r;
        r.path = path;
        r.title = name;
        r.sha256 = sha256Of(bytes);
        const bool pdf = !sheet && DocumentText::isPdf(bytes);
        const Status s = sheet     ? DocumentText::readSheet(path, &r.text)
                         : pdf     ? DocumentText::readPdf(path, &r.text)
                         : oldWord ? DocumentText::readDoc(path, &r.text)
                                   : DocumentText::readDocx(path, &r.text);
        if (!s) {
            r.refuse(s);
            return r;
        }
        if (const QString first = titleOf(r.text); !first.isEmpty())
            r.title = first;
        r.extract(knownUnits, sheet ? QStringLiteral("SHEET") : pdf ? QStringLiteral("PDF") : oldWord ? QStringLiteral("DOC") : QStringLiteral("DOCX"));
        return r;
    }
    ReadReport r = fromBytes(bytes, name, knownUnits, encoding);
    r.path = path;
    return r;
}

ReadReport ReadReport::fromBytes(const QByteArray &bytes, const QString &title, const QStringList &knownUnits,
                                 const QString &encoding)
{
    ReadReport r;
    r.title = title;
    const TextDecoder::Result decoded = encoding.isEmpty() ? TextDecoder::decode(bytes) : TextDecoder::decodeAs(bytes, encoding);
    if (!decoded.status) {
        r.refuse(decoded.status);
        return r;
    }
    r.text = decoded.text;
    r.encodingNote = decoded.note;
    r.encodingUnsure = decoded.unsure;
    r.encodings = decoded.candidates;
    r.sha256 = sha256Of(bytes);
    const QString first = titleOf(r.text);
    if (!first.isEmpty())
        r.title = first;
    r.extract(knownUnits, decoded.encoding);
    return r;
}

ReadReport ReadReport::fromText(const QString &text, const QString &title, const QStringList &knownUnits)
{
    ReadReport r;
    r.text = text;
    r.sha256 = sha256Of(text.toUtf8());
    r.title = title.isEmpty() ? titleOf(text) : title;
    if (text.trimmed().isEmpty()) {
        r.refuse(Status::error(ReportImporter::tr("The text is empty.")));
        return r;
    }
    r.extract(knownUnits, QStringLiteral("UTF-8"));
    return r;
}

} // namespace IPDesk
