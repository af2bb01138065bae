#include "tables/tablesource.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

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
    qint64 skip = 0;
    if (head.startsWith("\xEF\xBB\xBF")) {
        m_decoder = QStringDecoder(QStringDecoder::Utf8);
        m_encoding = QStringLiteral("UTF-8");
        skip = 3;
    } else if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) {
        const bool le = head.startsWith("\xFF\xFE");
        m_decoder = QStringDecoder(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        m_encoding = le ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
        skip = 2;
    } else {
        if (head.contains('\0'))
            return Status::error(tr("%1 is not a text table (it looks like a binary file).").arg(QFileInfo(path).fileName()));
        // Strict UTF-8 on the first part (a character cut at its end is not an error), else GB18030.
        QStringDecoder probe(QStringDecoder::Utf8);
        const QString probed = probe.decode(head);
        Q_UNUSED(probed);
        if (!probe.hasError()) {
            m_decoder = QStringDecoder(QStringDecoder::Utf8);
            m_encoding = QStringLiteral("UTF-8");
        } else {
            m_decoder = QStringDecoder("GB18030");
            m_encoding = QStringLiteral("GB18030");
        }
    }
    m_file.read(skip);
    // The delimiter: the one that splits the first lines into the same number of cells, most often.
    QStringDecoder sample(m_encoding == QLatin1String("GB18030") ? QStringDecoder("GB18030")
                          : m_encoding.startsWith(QLatin1String("UTF-16")) ? QStringDecoder(m_encoding == QLatin1String("UTF-16LE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE)
                                                                           : QStringDecoder(QStringDecoder::Utf8));
    const QString text = sample.decode(head.mid(skip, 64 * 1024));
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
    m_buffer += m_decoder.decode(chunk);
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
        const QChar c = m_buffer.at(m_pos++);
        any = true;
        if (quoted) {
            if (c == u'"') {
                if (m_pos >= m_buffer.size())
                    fillBuffer();
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == u'"') {
                    cell += u'"';
                    ++m_pos;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
            continue;
        }
        if (c == u'"' && cell.isEmpty()) {
            quoted = true;
        } else if (c == m_delimiter) {
            row->append(cell);
            cell.clear();
        } else if (c == u'\n') {
            if (cell.endsWith(u'\r'))
                cell.chop(1);
            row->append(cell);
            return true;
        } else {
            cell += c;
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
    QuaZip zip;
    std::unique_ptr<QuaZipFile> sheet;
    std::unique_ptr<QXmlStreamReader> xml;
    QStringList shared;
    QSet<int> dateStyles;
    QHash<QPair<int, int>, QPair<int, int>> merges; // top-left of each merged range -> bottom-right
    QHash<QPair<int, int>, QPair<int, int>> mergedInto; // cell -> its range's top-left
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

int columnIndex(QStringView ref)
{
    int col = 0;
    for (QChar c : ref) {
        if (!c.isLetter())
            break;
        col = col * 26 + (c.toUpper().unicode() - 'A' + 1);
    }
    return col; // 1-based
}

int rowIndex(QStringView ref)
{
    qsizetype i = 0;
    while (i < ref.size() && ref.at(i).isLetter())
        ++i;
    return ref.mid(i).toInt();
}

QByteArray readEntry(QuaZip &zip, const QString &name, bool *ok)
{
    *ok = zip.setCurrentFile(name);
    if (!*ok)
        return QByteArray();
    QuaZipFile f(&zip);
    if (!f.open(QIODevice::ReadOnly)) {
        *ok = false;
        return QByteArray();
    }
    const QByteArray data = f.readAll();
    *ok = f.getZipError() == UNZ_OK;
    f.close();
    return data;
}

} // namespace

Status XlsxSource::openFile(const QString &path)
{
    d = std::make_unique<Private>();
    d->zip.setZipName(path);
    const QString name = QFileInfo(path).fileName();
    if (!d->zip.open(QuaZip::mdUnzip)) {
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
    // Shared strings.
    {
        const QByteArray strings = readEntry(d->zip, QStringLiteral("xl/sharedStrings.xml"), &ok);
        QXmlStreamReader r(strings);
        QString current;
        bool inSi = false, inRun = false;
        while (ok && !r.atEnd()) {
            const auto t = r.readNext();
            if (t == QXmlStreamReader::StartElement) {
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
            } else if (t == QXmlStreamReader::EndElement) {
                if (r.name() == QLatin1String("t"))
                    inRun = false;
                else if (r.name() == QLatin1String("si")) {
                    d->shared << current;
                    inSi = false;
                }
            }
        }
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
        QuaZipFile f(&d->zip);
        if (!f.open(QIODevice::ReadOnly))
            return Status::error(tr("The sheet %1 cannot be read.").arg(m_sheetNames.at(index)));
        d->size = std::max<qint64>(1, f.usize());
        QXmlStreamReader r(&f);
        while (!r.atEnd()) {
            if (r.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (r.name() == QLatin1String("sheetData")) {
                r.skipCurrentElement();
            } else if (r.name() == QLatin1String("mergeCell")) {
                const QStringList ref = r.attributes().value(QLatin1String("ref")).toString().split(QLatin1Char(':'));
                if (ref.size() == 2) {
                    const QPair<int, int> tl{rowIndex(ref[0]), columnIndex(ref[0])}, br{rowIndex(ref[1]), columnIndex(ref[1])};
                    d->merges.insert(tl, br);
                    for (int rr = tl.first; rr <= br.first && rr - tl.first < 50; ++rr) {
                        for (int cc = tl.second; cc <= br.second && cc - tl.second < 200; ++cc)
                            d->mergedInto.insert({rr, cc}, tl);
                    }
                }
            }
        }
        if (r.hasError() && r.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            return Status::error(tr("The sheet %1 is damaged: %2").arg(m_sheetNames.at(index), r.errorString()));
        f.close();
    }
    d->zip.setCurrentFile(m_sheetPaths.at(index));
    d->sheet = std::make_unique<QuaZipFile>(&d->zip);
    if (!d->sheet->open(QIODevice::ReadOnly))
        return Status::error(tr("The sheet %1 cannot be read.").arg(m_sheetNames.at(index)));
    d->xml = std::make_unique<QXmlStreamReader>(d->sheet.get());
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
        // A merged range shows its value in every cell it covers (merged header cells).
        for (auto it = d->mergedInto.cbegin(); it != d->mergedInto.cend(); ++it) {
            if (it.key().first != number || it.key() == it.value())
                continue;
            const int c = it.key().second;
            while (cells.size() < c)
                cells.append(QVariant());
            if (!cells.at(c - 1).isValid() || cells.at(c - 1).toString().isEmpty())
                cells[c - 1] = d->mergeValues.value(it.value());
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
    if (r.hasError() && r.error() != QXmlStreamReader::PrematureEndOfDocumentError)
        m_status = Status::error(tr("The sheet is damaged: %1").arg(r.errorString()));
    else if (d->sheet && d->sheet->getZipError() != UNZ_OK)
        m_status = Status::error(tr("The workbook is damaged or cut short."));
    d->done = true;
    return false;
}

double XlsxSource::progress() const
{
    return d && d->sheet ? std::min(1.0, double(d->sheet->pos()) / double(d->size)) : 1.0;
}

QString XlsxSource::description() const
{
    return tr("XLSX, sheet %1").arg(m_sheet >= 0 ? m_sheetNames.value(m_sheet) : QString());
}

} // namespace IPDesk
