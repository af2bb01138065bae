#pragma once

#include "base/status.h"
#include "base/toolprocess.h"

#include <QCoreApplication>
#include <QString>

namespace IPDesk {

/// The text of a report that comes as a document rather than as text, for the report reader to take
/// as it takes a text file:
/// - a Word document (.docx, as Word and WPS save briefings): each paragraph a line, a table's cells
///   apart by tabs and each row a line, read out of its archive within limits against zip bombs;
/// - a spreadsheet of figures, each row a line and its cells apart by tabs;
/// - a PDF (a bulletin as the bureau sends it), as poppler's pdftotext lays it out (a table's columns
///   apart by runs of spaces), with the lines the page's width broke off joined again; pdftotext runs
///   as a process of its own within limits of time and size, so that a broken or hostile file cannot
///   take the program down;
/// - an old Word document (.doc), through catdoc in the same way.
class DocumentText
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::DocumentText)
public:
    /// Whether the bytes open a zip archive (a .docx, .xlsx …), or a PDF.
    static bool isZip(const QByteArray &head) { return head.startsWith("PK\x03\x04"); }
    static bool isPdf(const QByteArray &head) { return head.startsWith("%PDF"); }
    static Status readDocx(const QString &path, QString *text);
    static Status readPdf(const QString &path, QString *text);
    /// An old Word document (.doc, Word 97-2003; WPS's .wps where written the same way), through catdoc
    /// as a process of its own within the same limits: a paragraph a line, a table's cells apart by tabs.
    static Status readDoc(const QString &path, QString *text);
    /// Whether the bytes open an OLE compound file (.doc, .xls, .wps, .et …).
    static bool isOle(const QByteArray &head) { return head.startsWith("\xD0\xCF\x11\xE0"); }
    /// A spreadsheet of figures (.xlsx, .csv: a statistics sheet, units down and indicators across, under
    /// its title): each row a line, its cells apart by tabs, for the reader's tables; every sheet of a
    /// workbook in turn, under its name.
    static Status readSheet(const QString &path, QString *text);
    /// Whether the file's name ends as a spreadsheet's (.xlsx, .xlsm, .csv; an old .xls or .et, which
    /// TableSource refuses with what to do).
    static bool isSheetName(const QString &path);
    /// pdftotext's laid-out text with the lines a page's width broke off joined again.
    static QString joinWrappedLines(const QString &laidOut);

    static constexpr qint64 MaxText = ToolProcess::MaxOutput; ///< a document's text (or a .docx's XML), in bytes
};

} // namespace IPDesk
