#pragma once

#include "base/status.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace IPDesk {

/// Turns a report's bytes into text. Byte-order marks first; then strict UTF-8; then UTF-16 without a
/// mark (told by its zero bytes and by what it decodes to); then the field's detector, uchardet, for the
/// legacy encodings (GB18030/GBK, Big5, Shift-JIS …), each answer checked by a strict decode of the whole
/// file. A file that is partly GBK and partly UTF-8 is read line by line, and says so. When the detector
/// has no answer or one the file does not decode under, the result is `unsure` and lists the encodings the
/// file does decode under, so the officer can pick one (decodeAs). Files that are not text are refused
/// with a reason in the user's language; the messages do not name the file (the caller does, once).
class TextDecoder
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::TextDecoder)
public:
    struct Result
    {
        QString text;
        QString encoding;       ///< "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "GB18030", "Big5", "Shift_JIS", "GB18030+UTF-8" …
        QString note;           ///< a warning for the officer (mixed encodings, a non-Chinese text), else empty
        bool unsure = false;    ///< the detector could not tell; `candidates` holds what the file decodes under
        QStringList candidates; ///< the encodings the file decodes under, the chosen one first
        Status status;
    };
    static Result decode(const QByteArray &bytes);
    /// The bytes read in the named encoding (one of those decode() names), strictly: an error if they
    /// are not text in it.
    static Result decodeAs(const QByteArray &bytes, const QString &encoding);
    /// The encoding's name as the officer reads it ("GBK/GB18030", "Big5 (繁體)" …).
    static QString displayName(const QString &encoding);
    static constexpr qint64 MaxBytes = 64LL * 1024 * 1024;
};

} // namespace IPDesk
