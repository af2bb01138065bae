#include "reports/textdecoder.h"

#include <QStringDecoder>

namespace IPDesk {

namespace {

bool looksLikeText(const QString &s)
{
    if (s.isEmpty())
        return false;
    qsizetype control = 0;
    for (QChar c : s) {
        const ushort u = c.unicode();
        if (u == 0)
            return false;
        if ((u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f') || u == 0xFFFD)
            ++control;
    }
    return control * 100 <= s.size(); // at most 1% odd characters
}

QString decodeWith(QStringDecoder &decoder, QByteArrayView bytes, bool *ok)
{
    QString s = decoder(bytes);
    *ok = !decoder.hasError();
    return s;
}

} // namespace

TextDecoder::Result TextDecoder::decode(const QByteArray &bytes)
{
    Result r;
    if (bytes.isEmpty()) {
        r.status = Status::error(tr("The file is empty."));
        return r;
    }
    if (bytes.size() > MaxBytes) {
        r.status = Status::error(tr("The file is %1 MB; reports larger than %2 MB are not read.")
                                     .arg(bytes.size() / (1024 * 1024)).arg(MaxBytes / (1024 * 1024)));
        return r;
    }
    bool ok = false;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        r.text = decodeWith(d, QByteArrayView(bytes).sliced(3), &ok);
        r.encoding = QStringLiteral("UTF-8 BOM");
    } else if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const bool le = bytes.startsWith("\xFF\xFE");
        QStringDecoder d(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE, QStringDecoder::Flag::Stateless);
        r.text = decodeWith(d, QByteArrayView(bytes).sliced(2), &ok);
        r.encoding = le ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
    } else {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        r.text = decodeWith(utf8, bytes, &ok);
        r.encoding = QStringLiteral("UTF-8");
        if (!ok && !bytes.contains('\0')) {
            QStringDecoder gb("GB18030", QStringDecoder::Flag::Stateless);
            if (gb.isValid()) {
                r.text = decodeWith(gb, bytes, &ok);
                r.encoding = QStringLiteral("GB18030");
            }
        }
    }
    if (!ok && bytes.contains('\0')) {
        r.text.clear();
        r.status = Status::error(tr("The file is not a text report (it looks like a binary file)."));
        return r;
    }
    if (!ok) {
        r.text.clear();
        r.status = Status::error(tr("The file is neither UTF-8, UTF-16 nor GB18030/GBK text; its encoding cannot be told."));
        return r;
    }
    if (!looksLikeText(r.text)) {
        r.text.clear();
        r.status = Status::error(tr("The file is not a text report (it looks like a binary file)."));
        return r;
    }
    return r;
}

} // namespace IPDesk
