#include "base/zipreader.h"

#include <QFile>

#include <minizip/unzip.h>

namespace IPDesk {

static_assert(UNZ_OK == 0, "ZipReader keeps UNZ_OK as 0");

ZipReader::~ZipReader()
{
    closePart();
    if (m_zip)
        unzClose(m_zip);
}

bool ZipReader::open(const QString &path)
{
    m_zip = unzOpen64(QFile::encodeName(path).constData());
    return m_zip != nullptr;
}

bool ZipReader::setCurrentFile(const QString &name)
{
    closePart();
    return m_zip && unzLocateFile(m_zip, name.toUtf8().constData(), 1) == UNZ_OK;
}

bool ZipReader::openPart()
{
    closePart();
    unz_file_info64 info;
    if (!m_zip || unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return false;
    m_compressed = qint64(info.compressed_size);
    m_uncompressed = qint64(info.uncompressed_size);
    m_partOpen = unzOpenCurrentFile(m_zip) == UNZ_OK;
    m_error = m_partOpen ? UNZ_OK : UNZ_BADZIPFILE;
    return m_partOpen;
}

qint64 ZipReader::read(char *data, qint64 maxSize)
{
    if (!m_partOpen)
        return -1;
    const int n = unzReadCurrentFile(m_zip, data, unsigned(std::min<qint64>(maxSize, 1 << 20)));
    if (n < 0)
        m_error = n;
    return n;
}

void ZipReader::closePart()
{
    if (m_partOpen) {
        const int closed = unzCloseCurrentFile(m_zip); // UNZ_CRCERROR when the part read whole was damaged
        if (m_error == UNZ_OK)
            m_error = closed;
    }
    m_partOpen = false;
}

} // namespace IPDesk
