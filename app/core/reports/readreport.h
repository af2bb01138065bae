#pragma once

#include "reports/reportextractor.h"

#include <QStringList>

namespace IPDesk {

/// A report read and its figures extracted: the one way a report is read, by the window's import,
/// the command line and the tests. No database involved, so it may run on any thread.
struct ReadReport
{
    QString path;
    QString title;  ///< the report's title (past a page's chrome), else the text's first line, else the file's name
    QString text;   ///< the decoded original
    QString sha256; ///< of the bytes as read (of the text as UTF-8 for pasted text)
    Extraction extraction;
    Status status;  ///< also in extraction.status; says what is wrong, not the file's name (title has it)
    QString encodingNote;           ///< TextDecoder's warning (mixed encodings, not Chinese), else empty
    bool encodingUnsure = false;    ///< the officer should confirm the encoding (see encodings)
    QStringList encodings;          ///< the encodings the bytes decode under, the one used first

    /// knownUnits: the desk's unit names, which count as real units beside the gazetteer's.
    /// encoding: empty to detect it, else the one the officer chose (one of TextDecoder's names).
    static ReadReport fromFile(const QString &path, const QStringList &knownUnits = {}, const QString &encoding = QString());
    /// Bytes of a report in any of the encodings TextDecoder knows (GBK, UTF-8, Big5 ...).
    static ReadReport fromBytes(const QByteArray &bytes, const QString &title = QString(), const QStringList &knownUnits = {},
                                const QString &encoding = QString());
    static ReadReport fromText(const QString &text, const QString &title, const QStringList &knownUnits = {});

private:
    void refuse(const Status &why)
    {
        status = why;
        extraction.status = why;
    }
    void extract(const QStringList &knownUnits, const QString &encoding);
};

} // namespace IPDesk
