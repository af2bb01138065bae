#pragma once
// What the file-reading fuzz targets share: a QCoreApplication for the reader, and the input written
// to a file of the given name in a folder of its own.

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>

/// Writes data to \a fileName in the target's folder and returns its path.
inline QString fuzzFile(const char *fileName, const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(fileName));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        __builtin_trap();
    f.write(reinterpret_cast<const char *>(data), qint64(size));
    return path;
}
