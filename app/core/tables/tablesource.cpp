#include "tables/tablesource.h"

#include "base/zipreader.h"

#include "reports/reporttext.h"
#include "reports/textdecoder.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <cctype>


namespace IPDesk {

std::unique_ptr<TableSource> TableSource::open(const QString &path, Status *status)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!QFileInfo::exists(path)) {
        *status = Status::error(tr("There is no file %1.").arg(path));
        return nullptr;
    }
    if (suffix == QLatin1String("xlsx") || suffix == QLatin1String("xlsm")) {
        auto x = std::make_unique<XlsxSource>();
        *status = x->openFile(path);
        return *status ? std::move(x) : nullptr;
    }
    if (suffix == QLatin1String("xls") || suffix == QLatin1String("et")) {
        *status = Status::error(tr("%1 is an old Excel/WPS workbook; save it as .xlsx or .csv and import that.").arg(QFileInfo(path).fileName()));
        return nullptr;
    }
    auto c = std::make_unique<CsvSource>();
    *status = c->openFile(path);
    return *status ? std::move(c) : nullptr;
}

// ---------------------------------------------------------------------------------------------
// CSV

Status CsvSource::openFile(const QString &path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return Status::error(tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), m_file.errorString()));
    const QByteArray head = m_file.peek(256 * 1024);
    if (head.isEmpty())
        return Status::error(tr("%1 is empty.").arg(QFileInfo(path).fileName()));
    // The encoding as a report's is told (TextDecoder: marks, UTF-8, UTF-16 without a mark, then
    // uchardet for GBK, Big5 …), from the first lines whole.
    QByteArray probe = head;
    if (m_file.size() > head.size() && probe.lastIndexOf('\n') > 0)
        probe.truncate(probe.lastIndexOf('\n') + 1);
    // A byte-order mark says what the file is (a stray NUL in it is a bad cell, reported with its row).
    TextDecoder::Result detected;
    if (head.startsWith("\xEF\xBB\xBF"))
        detected.encoding = QStringLiteral("UTF-8 BOM");
    else if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        detected.encoding = head.startsWith("\xFF\xFE") ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
    else
        detected = TextDecoder::decode(probe);
    const QString name = QFileInfo(path).fileName();
    if (!detected.status)
        return Status::error(tr("%1: %2").arg(name, detected.status.message()));
    if (detected.encoding.contains(QLatin1Char('+')))
        return Status::error(tr("%1 is partly GBK and partly UTF-8; save it again in one encoding (UTF-8) and import that.").arg(name));
    m_encoding = detected.encoding == QLatin1String("UTF-8 BOM") ? QStringLiteral("UTF-8") : detected.encoding;
    const qint64 skip = detected.encoding == QLatin1String("UTF-8 BOM") ? 3
                        : head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF") ? 2 : 0;
    auto decoderFor = [](const QString &encoding) {
        if (encoding == QLatin1String("UTF-8"))
            return QStringDecoder(QStringDecoder::Utf8);
        if (encoding == QLatin1String("UTF-16LE"))
            return QStringDecoder(QStringDecoder::Utf16LE);
        if (encoding == QLatin1String("UTF-16BE"))
            return QStringDecoder(QStringDecoder::Utf16BE);
        return QStringDecoder(encoding.toLatin1().constData());
    };
    m_decoder = decoderFor(m_encoding);
    m_file.read(skip);
    // The delimiter: the one that splits the first lines into the same number of cells, most often.
    QStringDecoder sample = decoderFor(m_encoding);
    const QString text = sample.decode(head.mid(skip, 64 * 1024));
    // (The delimiter is told from the text as read: simplified or not makes no difference to it.)
    const QStringList lines = text.split(QLatin1Char('\n')).mid(0, 20);
    int best = -1;
    for (QChar d : {QLatin1Char(','), QLatin1Char('\t'), QLatin1Char(';')}) {
        QHash<int, int> counts;
        for (const QString &l : lines) {
            if (l.trimmed().isEmpty())
                continue;
            bool quoted = false;
            int n = 0;
            for (QChar c : l) {
                if (c == u'"')
                    quoted = !quoted;
                else if (c == d && !quoted)
                    ++n;
            }
            if (n > 0)
                counts[n]++;
        }
        int score = 0;
        for (int v : counts)
            score = std::max(score, v);
        if (score > best) {
            best = score;
            m_delimiter = d;
        }
    }
    return Status();
}

bool CsvSource::fillBuffer()
{
    if (m_eof)
        return false;
    const QByteArray chunk = m_file.read(256 * 1024);
    if (chunk.isEmpty()) {
        m_eof = true;
        return false;
    }
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    // A Big5 ledger (Taiwan, Hong Kong) is read in simplified characters, as the desk's names and the
    // headers the importer knows are written.
    m_buffer += m_encoding == QLatin1String("Big5") ? ReportText::toSimplified(m_decoder.decode(chunk)) : QString(m_decoder.decode(chunk));
    if (m_decoder.hasError()) {
        m_status = Status::error(tr("The file is not in one encoding: a part of it is neither %1 nor readable text.").arg(m_encoding));
        m_eof = true;
        return false;
    }
    return true;
}

bool CsvSource::next(QVariantList *row)
{
    row->clear();
    if (!m_status)
        return false;
    // Runs of plain characters are appended whole; the buffer may be refilled (and moved) between runs.
    QString cell;
    bool quoted = false, any = false;
    for (;;) {
        if (m_pos >= m_buffer.size() && !fillBuffer()) {
            if (quoted) {
                m_status = Status::error(tr("The file ends inside a quoted cell."));
                return false;
            }
            if (!any && cell.isEmpty())
                return false;
            row->append(cell);
            return true;
        }
        any = true;
        const QChar *data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        if (quoted) {
            qsizetype end = m_pos;
            while (end < size && data[end] != u'"')
                ++end;
            cell.append(data + m_pos, end - m_pos);
            m_pos = end;
            if (end == size)
                continue;
            ++m_pos; // the quote: a doubled one is a quote of the cell, else the cell's quoting ends
            if (m_pos >= m_buffer.size())
                fillBuffer();
            if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == u'"') {
                cell += u'"';
                ++m_pos;
            } else {
                quoted = false;
            }
            continue;
        }
        if (data[m_pos] == u'"' && cell.isEmpty()) {
            quoted = true;
            ++m_pos;
            continue;
        }
        qsizetype end = m_pos;
        while (end < size && data[end] != m_delimiter && data[end] != u'\n')
            ++end;
        cell.append(data + m_pos, end - m_pos);
        m_pos = end;
        if (end == size)
            continue;
        ++m_pos;
        if (data[end] == m_delimiter) {
            row->append(cell);
            cell.clear();
        } else {
            if (cell.endsWith(u'\r'))
                cell.chop(1);
            row->append(cell);
            return true;
        }
    }
}

double CsvSource::progress() const
{
    return m_file.size() ? double(m_file.pos()) / double(m_file.size()) : 1.0;
}

QString CsvSource::description() const
{
    const QString d = m_delimiter == u',' ? tr("comma") : m_delimiter == u'\t' ? tr("tab") : tr("semicolon");
    return tr("CSV, %1, %2").arg(m_encoding, d);
}

// ---------------------------------------------------------------------------------------------
// XLSX

struct XlsxSource::Private
{
    ZipReader zip;
    std::unique_ptr<XlsxSource::GuardedPart> sheet;
    std::unique_ptr<QXmlStreamReader> xml;
    QStringList shared;
    QSet<int> dateStyles;
    QHash<QPair<int, int>, QPair<int, int>> merges; // top-left of each merged range -> bottom-right
    QHash<int, QList<QPair<int, QPair<int, int>>>> mergedInto; // row -> (column, its range's top-left)
    qint64 cells = 0;            // cells read from the sheet so far
    QElapsedTimer clock;         // since the sheet was selected
    QHash<QPair<int, int>, QVariant> mergeValues;
    int nextRow = 1;
    QVariantList pending; // a row read ahead
    int pendingRow = 0;
    bool done = false;
    qint64 size = 1;
};

XlsxSource::~XlsxSource() = default;

QDate XlsxSource::serialToDate(double serial)
{
    // Day 1 is 1900-01-01; Excel counts a 29 February 1900 that never was, so from day 61 on
    // the base is 1899-12-30.
    const int day = int(serial);
    if (day < 1)
        return QDate();
    if (day < 61)
        return QDate(1899, 12, 31).addDays(day);
    return QDate(1899, 12, 30).addDays(day);
}

namespace {

// Limits that keep a hostile or broken workbook from taking all memory or time. A real workbook
// is far inside them: Excel's own grid ends at XFD1048576, and its parts compress about 5-20 to 1.
constexpr int lastColumn = 16384;              // XFD
constexpr int lastRow = 1048576;
constexpr qint64 smallPartLimit = 32 << 20;    // workbook, relationships, styles
constexpr qint64 partLimit = qint64(2) << 30;  // a sheet or the shared strings, inflated
constexpr qint64 ratioCheckedFrom = 64 << 20;  // inflated bytes after which the ratio is checked
constexpr qint64 ratioLimit = 200;             // inflated : compressed
constexpr qint64 sharedCharsLimit = 256 << 20; // characters of all shared strings together
constexpr qint64 cellLimit = 100000000;        // cells of one sheet
constexpr qint64 sheetMillisecondsLimit = 15 * 60 * 1000;
constexpr int mergeLimit = 100000;

int columnIndex(QStringView ref)
{
    int col = 0;
    for (QChar c : ref) {
        const char16_t u = c.toUpper().unicode();
        if (u < 'A' || u > 'Z')
            break;
        col = col * 26 + (u - 'A' + 1);
        if (col > lastColumn)
            return lastColumn + 1; // beyond any sheet; the caller says so
    }
    return col; // 1-based
}

int rowIndex(QStringView ref)
{
    qsizetype i = 0;
    while (i < ref.size() && ref.at(i).isLetter())
        ++i;
    bool ok = false;
    const qint64 row = ref.mid(i).toLongLong(&ok);
    return !ok || row < 0 ? 0 : row > lastRow ? lastRow + 1 : int(row);
}

} // namespace

/// A part of the workbook as it inflates, cut off (as an early end) once it grows beyond the
/// limits; problem() then says why. The XML reader never holds more than the limit allows.
class XlsxSource::GuardedPart : public QIODevice
{
public:
    GuardedPart(ZipReader *zip, const QString &label, qint64 limit) : m_zip(zip), m_label(label), m_limit(limit) {}
    ~GuardedPart() override { m_zip->closePart(); }
    bool openPart()
    {
        if (!m_zip->openPart())
            return false;
        m_stored = std::max<qint64>(1, m_zip->compressedSize());
        return QIODevice::open(QIODevice::ReadOnly);
    }
    QString problem() const { return m_problem; }
    bool damaged() { return m_zip->damaged(); }
    qint64 inflated() const { return m_inflated; }
    qint64 size() const override { return std::max<qint64>(1, m_zip->uncompressedSize()); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (!m_problem.isEmpty())
            return -1;
        const qint64 n = m_zip->read(data, std::min<qint64>(maxSize, 1 << 16));
        if (n > 0)
            m_inflated += n;
        if (m_inflated > m_limit)
            m_problem = XlsxSource::tr("%1 inflates to more than %2 MB.").arg(m_label).arg(m_limit >> 20);
        else if (m_inflated > ratioCheckedFrom && m_inflated > ratioLimit * m_stored)
            m_problem = XlsxSource::tr("%1 inflates more than %2 times its stored size, which no spreadsheet does (a zip bomb).")
                            .arg(m_label).arg(ratioLimit);
        return m_problem.isEmpty() ? n : -1;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    ZipReader *m_zip;
    QString m_label;
    qint64 m_limit;
    qint64 m_stored = 1;
    qint64 m_inflated = 0;
    QString m_problem;
};

namespace {

/// What follows the first start tag of \a element (with or without a prefix) in \a part, from its
/// '<' on; empty when there is none. Read in blocks: only the tail is kept.
QByteArray bytesFrom(QIODevice &part, const char *element)
{
    const QByteArray name(element);
    QByteArray window;
    QByteArray block(1 << 16, Qt::Uninitialized);
    qsizetype found = -1;
    for (;;) {
        const qint64 n = part.read(block.data(), block.size());
        if (n <= 0)
            return found >= 0 ? window : QByteArray();
        window.append(block.constData(), n);
        if (found >= 0)
            continue;
        for (qsizetype at = window.indexOf(name); at > 0; at = window.indexOf(name, at + 1)) {
            qsizetype open = at - 1;
            if (window.at(open) == ':') { // x:mergeCells
                while (open > 0 && (std::isalnum(uchar(window.at(open - 1))) || window.at(open - 1) == '_'))
                    --open;
                --open;
            }
            if (open >= 0 && window.at(open) == '<') {
                found = open;
                window.remove(0, open);
                break;
            }
        }
        if (found < 0) // keep enough to find a name cut between two blocks
            window = window.right(name.size() + 32);
    }
}

QByteArray readEntry(ZipReader &zip, const QString &name, bool *ok)
{
    *ok = zip.setCurrentFile(name) && zip.openPart();
    if (!*ok)
        return QByteArray();
    QByteArray data(smallPartLimit + 1, Qt::Uninitialized);
    qint64 got = 0;
    while (got < data.size()) {
        const qint64 n = zip.read(data.data() + got, data.size() - got);
        if (n <= 0)
            break;
        got += n;
    }
    data.truncate(got);
    zip.closePart();
    *ok = !zip.damaged() && data.size() <= smallPartLimit;
    return data;
}

} // namespace

Status XlsxSource::openFile(const QString &path)
{
    d = std::make_unique<Private>();
    const QString name = QFileInfo(path).fileName();
    if (!d->zip.open(path)) {
        QFile f(path);
        QByteArray head;
        if (f.open(QIODevice::ReadOnly))
            head = f.read(8);
        if (head.startsWith("\xD0\xCF\x11\xE0"))
            return Status::error(tr("%1 is protected with a password (or is an old .xls file); remove the password in Excel or WPS "
                                    "and save it as .xlsx.").arg(name));
        return Status::error(tr("%1 is not a readable XLSX workbook (it may be damaged or cut short).").arg(name));
    }
    bool ok = false;
    // Sheets: names from the workbook, files from its relationships.
    const QByteArray workbook = readEntry(d->zip, QStringLiteral("xl/workbook.xml"), &ok);
    if (!ok)
        return Status::error(tr("%1 is not an XLSX workbook: it has no xl/workbook.xml.").arg(name));
    QHash<QString, QString> relTargets;
    {
        const QByteArray rels = readEntry(d->zip, QStringLiteral("xl/_rels/workbook.xml.rels"), &ok);
        QXmlStreamReader r(rels);
        while (!r.atEnd()) {
            if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("Relationship")) {
                QString target = r.attributes().value(QLatin1String("Target")).toString();
                if (target.startsWith(u'/'))
                    target = target.mid(1);
                else
                    target = QLatin1String("xl/") + target;
                relTargets.insert(r.attributes().value(QLatin1String("Id")).toString(), target);
            }
        }
    }
    {
        QXmlStreamReader r(workbook);
        while (!r.atEnd()) {
            if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("sheet")) {
                m_sheetNames << r.attributes().value(QLatin1String("name")).toString();
                QString rid;
                for (const QXmlStreamAttribute &a : r.attributes()) {
                    if (a.name() == QLatin1String("id"))
                        rid = a.value().toString();
                }
                m_sheetPaths << relTargets.value(rid, QStringLiteral("xl/worksheets/sheet%1.xml").arg(m_sheetNames.size()));
            }
        }
        if (r.hasError())
            return Status::error(tr("%1 is damaged: %2").arg(name, r.errorString()));
    }
    if (m_sheetNames.isEmpty())
        return Status::error(tr("%1 has no sheets.").arg(name));
    // Shared strings, streamed from the part (never held whole), within the limits above.
    if (d->zip.setCurrentFile(QStringLiteral("xl/sharedStrings.xml"))) {
        const QString part = tr("The shared strings of %1").arg(name);
        GuardedPart f(&d->zip, part, sharedCharsLimit * 2);
        if (!f.openPart())
            return Status::error(tr("%1 is damaged: its shared strings cannot be read.").arg(name));
        QXmlStreamReader r(&f);
        QString current;
        qint64 chars = 0;
        bool inSi = false, inRun = false, any = false;
        while (!r.atEnd()) {
            const auto t = r.readNext();
            if (t == QXmlStreamReader::StartElement) {
                any = true;
                if (r.name() == QLatin1String("si")) {
                    inSi = true;
                    current.clear();
                } else if (r.name() == QLatin1String("rPh")) {
                    r.skipCurrentElement(); // phonetic guides are not part of the text
                } else if (r.name() == QLatin1String("t") && inSi) {
                    inRun = true;
                }
            } else if (t == QXmlStreamReader::Characters && inRun) {
                current += r.text();
                chars += r.text().size();
                if (chars > sharedCharsLimit)
                    return Status::error(tr("%1 cannot be imported: its shared strings hold more than %2 million characters.")
                                             .arg(name).arg(sharedCharsLimit / 1000000));
            } else if (t == QXmlStreamReader::EndElement) {
                if (r.name() == QLatin1String("t"))
                    inRun = false;
                else if (r.name() == QLatin1String("si")) {
                    d->shared << current;
                    inSi = false;
                }
            }
        }
        if (!f.problem().isEmpty())
            return Status::error(tr("%1 cannot be imported: %2").arg(name, f.problem()));
        if (r.hasError() || !any || f.damaged())
            return Status::error(tr("%1 is damaged: its shared strings (the texts of the cells) are cut short or not readable%2.")
                                     .arg(name, r.hasError() ? QStringLiteral(" (%1)").arg(r.errorString()) : QString()));
    }
    // Which cell styles are dates.
    {
        const QByteArray styles = readEntry(d->zip, QStringLiteral("xl/styles.xml"), &ok);
        QXmlStreamReader r(styles);
        QSet<int> dateFormats = {14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58};
        static const QRegularExpression dateCode(QStringLiteral("(^|[^\\\\\"])[ymd]"), QRegularExpression::CaseInsensitiveOption);
        bool inCellXfs = false;
        int xf = 0;
        while (ok && !r.atEnd()) {
            const auto t = r.readNext();
            if (t == QXmlStreamReader::StartElement) {
                if (r.name() == QLatin1String("numFmt")) {
                    QString code = r.attributes().value(QLatin1String("formatCode")).toString();
                    code.remove(QRegularExpression(QStringLiteral("\\[[^\\]]*\\]|\"[^\"]*\"")));
                    if (dateCode.match(code).hasMatch())
                        dateFormats.insert(r.attributes().value(QLatin1String("numFmtId")).toInt());
                } else if (r.name() == QLatin1String("cellXfs")) {
                    inCellXfs = true;
                } else if (r.name() == QLatin1String("xf") && inCellXfs) {
                    if (dateFormats.contains(r.attributes().value(QLatin1String("numFmtId")).toInt()))
                        d->dateStyles.insert(xf);
                    ++xf;
                }
            } else if (t == QXmlStreamReader::EndElement && r.name() == QLatin1String("cellXfs")) {
                inCellXfs = false;
            }
        }
    }
    return selectSheet(0);
}

Status XlsxSource::selectSheet(int index)
{
    if (index < 0 || index >= m_sheetPaths.size())
        return Status::error(tr("There is no sheet %1.").arg(index + 1));
    m_sheet = index;
    d->xml.reset();
    d->sheet.reset();
    d->merges.clear();
    d->mergedInto.clear();
    d->mergeValues.clear();
    d->nextRow = 1;
    d->pending.clear();
    d->pendingRow = 0;
    d->done = false;
    m_status = Status();
    // First pass: the merged ranges (listed after the cells).
    {
        if (!d->zip.setCurrentFile(m_sheetPaths.at(index)))
            return Status::error(tr("The sheet %1 is missing from the workbook.").arg(m_sheetNames.at(index)));
        GuardedPart f(&d->zip, tr("The sheet %1").arg(m_sheetNames.at(index)), partLimit);
        if (!f.openPart())
            return Status::error(tr("The sheet %1 cannot be read.").arg(m_sheetNames.at(index)));
        d->size = f.size();
        // The merged ranges follow the cells: the bytes are searched for them (markup, since text
        // holds no '<'), and only what follows is read as XML, not the whole sheet twice.
        const QByteArray tail = bytesFrom(f, "mergeCells");
        QXmlStreamReader r(tail);
        r.setNamespaceProcessing(false); // a fragment: its prefix (x:mergeCells) is declared above it
        while (!r.atEnd() && !tail.isEmpty()) {
            const QXmlStreamReader::TokenType token = r.readNext();
            if (token == QXmlStreamReader::EndElement && r.qualifiedName().endsWith(QLatin1String("mergeCells")))
                break; // the rest of the fragment closes elements it never opened
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (r.qualifiedName() == QLatin1String("mergeCell") || r.qualifiedName().endsWith(QLatin1String(":mergeCell"))) {
                const QStringList ref = r.attributes().value(QLatin1String("ref")).toString().split(QLatin1Char(':'));
                if (ref.size() == 2) {
                    if (d->merges.size() >= mergeLimit)
                        return Status::error(tr("The sheet %1 has more than %2 merged ranges; unmerge the cells and save it again.")
                                                 .arg(m_sheetNames.at(index)).arg(mergeLimit));
                    const QPair<int, int> tl{rowIndex(ref[0]), columnIndex(ref[0])}, br{rowIndex(ref[1]), columnIndex(ref[1])};
                    if (tl.first < 1 || tl.second < 1 || br.first > lastRow || br.second > lastColumn)
                        continue;
                    d->merges.insert(tl, br);
                    for (int rr = tl.first; rr <= br.first && rr - tl.first < 50; ++rr) {
                        for (int cc = tl.second; cc <= br.second && cc - tl.second < 200; ++cc) {
                            if (QPair<int, int>(rr, cc) != tl)
                                d->mergedInto[rr].append({cc, tl});
                        }
                    }
                }
            }
        }
        if (!f.problem().isEmpty())
            return Status::error(tr("The sheet cannot be imported: %1").arg(f.problem()));
        if (f.damaged())
            return Status::error(tr("The sheet %1 is damaged.").arg(m_sheetNames.at(index)));
    }
    d->zip.setCurrentFile(m_sheetPaths.at(index));
    d->sheet = std::make_unique<GuardedPart>(&d->zip, tr("The sheet %1").arg(m_sheetNames.at(index)), partLimit);
    if (!d->sheet->openPart())
        return Status::error(tr("The sheet %1 cannot be read.").arg(m_sheetNames.at(index)));
    d->xml = std::make_unique<QXmlStreamReader>(d->sheet.get());
    d->cells = 0;
    d->clock.start();
    return Status();
}

bool XlsxSource::next(QVariantList *row)
{
    row->clear();
    if (!m_status || !d->xml)
        return false;
    // Rows may be missing from the file (empty rows): give empty rows in their place.
    if (!d->pending.isEmpty() || d->pendingRow) {
        if (d->nextRow < d->pendingRow) {
            ++d->nextRow;
            return true;
        }
        *row = d->pending;
        d->pending.clear();
        d->pendingRow = 0;
        ++d->nextRow;
        return true;
    }
    if (d->done)
        return false;
    QXmlStreamReader &r = *d->xml;
    while (!r.atEnd()) {
        if (r.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (r.name() == QLatin1String("sheetData"))
            continue;
        if (r.name() != QLatin1String("row")) {
            if (r.name() == QLatin1String("mergeCells") || r.name() == QLatin1String("pageMargins"))
                break;
            continue;
        }
        const int rowNumber = r.attributes().value(QLatin1String("r")).toInt();
        QVariantList cells;
        int nextCol = 1;
        while (r.readNextStartElement()) {
            if (r.name() != QLatin1String("c")) {
                r.skipCurrentElement();
                continue;
            }
            const QString ref = r.attributes().value(QLatin1String("r")).toString();
            const int col = ref.isEmpty() ? nextCol : columnIndex(ref);
            if (col > lastColumn || col < nextCol - 1 || rowNumber > lastRow) {
                m_status = Status::error(tr("The cell %1 (row %2) lies outside any sheet or out of order; the workbook is damaged.")
                                             .arg(ref.left(20), QString::number(rowNumber)));
                return false;
            }
            if ((++d->cells & 0xFFFF) == 0) {
                QString why;
                if (d->cells > cellLimit)
                    why = tr("The sheet has more than %1 million cells.").arg(cellLimit / 1000000);
                if (why.isEmpty() && d->clock.elapsed() > sheetMillisecondsLimit)
                    why = tr("Reading the sheet took more than %1 minutes.").arg(sheetMillisecondsLimit / 60000);
                if (!why.isEmpty()) {
                    m_status = Status::error(tr("The sheet cannot be imported: %1").arg(why));
                    return false;
                }
            }
            const QString type = r.attributes().value(QLatin1String("t")).toString();
            const int style = r.attributes().value(QLatin1String("s")).toInt();
            QString value;
            QString inlineText;
            while (r.readNextStartElement()) {
                if (r.name() == QLatin1String("v")) {
                    value = r.readElementText();
                } else if (r.name() == QLatin1String("is")) {
                    while (r.readNextStartElement()) {
                        if (r.name() == QLatin1String("t")) {
                            inlineText += r.readElementText();
                        } else if (r.name() == QLatin1String("r")) {
                            while (r.readNextStartElement()) {
                                if (r.name() == QLatin1String("t"))
                                    inlineText += r.readElementText();
                                else
                                    r.skipCurrentElement();
                            }
                        } else {
                            r.skipCurrentElement();
                        }
                    }
                } else {
                    r.skipCurrentElement();
                }
            }
            QVariant cell;
            if (type == QLatin1String("s"))
                cell = d->shared.value(value.toInt());
            else if (type == QLatin1String("inlineStr"))
                cell = inlineText;
            else if (type == QLatin1String("str") || type == QLatin1String("e"))
                cell = value;
            else if (type == QLatin1String("b"))
                cell = value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            else if (!value.isEmpty()) {
                bool ok = false;
                const double v = value.toDouble(&ok);
                cell = !ok ? QVariant(value) : d->dateStyles.contains(style) ? QVariant(serialToDate(v)) : QVariant(v);
            }
            while (cells.size() < col - 1)
                cells.append(QVariant());
            cells.append(cell);
            nextCol = col + 1;
            if (d->merges.contains({rowNumber ? rowNumber : d->nextRow, col}))
                d->mergeValues.insert({rowNumber ? rowNumber : d->nextRow, col}, cell);
        }
        const int number = rowNumber ? rowNumber : d->nextRow;
        if (number < d->nextRow || number > lastRow) {
            m_status = Status::error(tr("The row %1 lies outside any sheet or out of order; the workbook is damaged.").arg(number));
            return false;
        }
        // A merged range shows its value in every cell it covers (merged header cells).
        static const QList<QPair<int, QPair<int, int>>> none;
        const auto covered = d->mergedInto.constFind(number);
        for (const auto &[c, topLeft] : covered == d->mergedInto.cend() ? none : *covered) {
            while (cells.size() < c)
                cells.append(QVariant());
            if (!cells.at(c - 1).isValid() || cells.at(c - 1).toString().isEmpty())
                cells[c - 1] = d->mergeValues.value(topLeft);
        }
        if (number > d->nextRow) {
            d->pending = cells;
            d->pendingRow = number;
            ++d->nextRow;
            return true; // an empty row first
        }
        *row = cells;
        ++d->nextRow;
        return true;
    }
    if (d->sheet && !d->sheet->problem().isEmpty())
        m_status = Status::error(tr("The sheet cannot be imported: %1").arg(d->sheet->problem()));
    else if (r.hasError() && r.error() != QXmlStreamReader::PrematureEndOfDocumentError)
        m_status = Status::error(tr("The sheet is damaged: %1").arg(r.errorString()));
    else if (d->sheet && d->sheet->damaged())
        m_status = Status::error(tr("The workbook is damaged or cut short."));
    d->done = true;
    return false;
}

double XlsxSource::progress() const
{
    return d && d->sheet ? std::min(1.0, double(d->sheet->inflated()) / double(d->size)) : 1.0;
}

QString XlsxSource::description() const
{
    return tr("XLSX, sheet %1").arg(m_sheet >= 0 ? m_sheetNames.value(m_sheet) : QString());
}

} // namespace IPDesk
