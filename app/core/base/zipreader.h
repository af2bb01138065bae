#pragma once

#include <QString>

namespace IPDesk {

/// A zip archive (an XLSX workbook, a DOCX document), read with minizip: the zip library libxlsxwriter,
/// the writer, uses too, so there is one zip library in the process. One part is open at a time.
class ZipReader
{
public:
    ZipReader() = default;
    ZipReader(const ZipReader &) = delete;
    ZipReader &operator=(const ZipReader &) = delete;
    ~ZipReader();
    bool open(const QString &path);
    /// Makes the named part current (names are case-sensitive, as in the archive's relations).
    bool setCurrentFile(const QString &name);
    bool openPart();
    /// Up to maxSize inflated bytes of the open part; 0 at its end, -1 on damage.
    qint64 read(char *data, qint64 maxSize);
    void closePart();
    /// The part read was damaged (a bad CRC, a broken stream).
    bool damaged() const { return m_error != 0; }
    qint64 compressedSize() const { return m_compressed; }
    qint64 uncompressedSize() const { return m_uncompressed; }

private:
    void *m_zip = nullptr; // unzFile
    bool m_partOpen = false;
    int m_error = 0;       // UNZ_OK
    qint64 m_compressed = 0, m_uncompressed = 0;
};

} // namespace IPDesk
