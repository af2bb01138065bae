#pragma once

#include "base/status.h"

#include <QCoreApplication>
#include <QString>

namespace IPDesk {

/// The text of a Word document (.docx, as Word and WPS save briefings): each paragraph a line, a
/// table's cells apart by tabs and each row a line, so that the report reader takes it as it takes
/// a text file. Limits keep a broken or hostile archive from taking all memory.
class DocxText
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::DocxText)
public:
    /// Whether the bytes open a zip archive (a .docx, .xlsx …), not text.
    static bool isZip(const QByteArray &head) { return head.startsWith("PK\x03\x04"); }
    static Status read(const QString &path, QString *text);

    static constexpr qint64 MaxInflated = qint64(64) << 20; ///< the document's XML, inflated
};

} // namespace IPDesk
