#include "reports/textdecoder.h"

#include <QStringDecoder>
#include <QStringEncoder>

#include <uchardet/uchardet.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace IPDesk {

namespace {

const QString Utf8 = QStringLiteral("UTF-8");
const QString Gb18030 = QStringLiteral("GB18030");
const QString Big5 = QStringLiteral("Big5");
const QString ShiftJis = QStringLiteral("Shift_JIS");
const QString Mixed = QStringLiteral("GB18030+UTF-8");

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

/// The bytes in a Unicode encoding Qt decodes itself, strictly.
QString decodeUnicode(QStringDecoder::Encoding encoding, QByteArrayView bytes, bool *ok)
{
    QStringDecoder d(encoding, QStringDecoder::Flag::Stateless);
    QString s = d(bytes);
    *ok = !d.hasError();
    return s;
}

/// The bytes in a legacy encoding (ICU's), strictly: ICU drops or replaces some bad bytes without an
/// error, so the text must also encode back to the same bytes.
QString decodeLegacy(const QString &encoding, QByteArrayView bytes, bool *ok)
{
    const QByteArray name = encoding.toLatin1();
    QStringDecoder d(name.constData(), QStringDecoder::Flag::Stateless);
    *ok = false;
    if (!d.isValid())
        return QString();
    QString s = d(bytes);
    if (d.hasError() || s.contains(QChar(0xFFFD)) || s.contains(QChar(0x1A)))
        return s;
    QStringEncoder e(name.constData(), QStringEncoder::Flag::Stateless);
    *ok = !e.hasError() && QByteArray(e(s)) == bytes;
    return s;
}

/// uchardet's answer, in the names decode() uses; empty when it has none.
QString detectorAnswer(QByteArrayView bytes)
{
    std::unique_ptr<uchardet, void (*)(uchardet_t)> ud(uchardet_new(), uchardet_delete);
    const qsizetype probe = std::min<qsizetype>(bytes.size(), 1024 * 1024);
    if (uchardet_handle_data(ud.get(), bytes.data(), size_t(probe)) != 0)
        return QString();
    uchardet_data_end(ud.get());
    const QString c = QString::fromLatin1(uchardet_get_charset(ud.get())).toUpper();
    if (c == QLatin1String("GB18030") || c == QLatin1String("GB2312") || c == QLatin1String("GBK") || c == QLatin1String("HZ-GB-2312"))
        return Gb18030;
    if (c == QLatin1String("BIG5") || c == QLatin1String("EUC-TW"))
        return Big5;
    if (c == QLatin1String("SHIFT_JIS"))
        return ShiftJis;
    if (c == QLatin1String("EUC-JP"))
        return QStringLiteral("EUC-JP");
    if (c == QLatin1String("EUC-KR") || c == QLatin1String("UHC"))
        return QStringLiteral("EUC-KR");
    return QString(); // a Western or Cyrillic code page: not how reports here are written
}

bool isKana(char16_t u) { return (u >= 0x3040 && u <= 0x30FF); }

/// The common ideographs: GB2312's first level (the 3,755 most used simplified characters) and Big5's
/// common block (the 5,401 most used traditional ones), read once from the two encodings themselves.
const std::vector<bool> &commonIdeographs()
{
    static const std::vector<bool> common = [] {
        std::vector<bool> set(0xA000 - 0x4E00, false);
        auto mark = [&set](const char *encoding, int firstLead, int lastLead, QList<QPair<int, int>> trails) {
            QByteArray bytes;
            for (int lead = firstLead; lead <= lastLead; ++lead) {
                for (const auto &range : trails) {
                    for (int trail = range.first; trail <= range.second; ++trail)
                        bytes += char(lead), bytes += char(trail);
                }
            }
            const QString s = QStringDecoder(encoding, QStringDecoder::Flag::Stateless)(bytes);
            for (QChar c : s) {
                if (c.unicode() >= 0x4E00 && c.unicode() < 0xA000)
                    set[c.unicode() - 0x4E00] = true;
            }
        };
        mark("GB18030", 0xB0, 0xD7, {{0xA1, 0xFE}});
        mark("Big5", 0xA4, 0xC6, {{0x40, 0x7E}, {0xA1, 0xFE}});
        return set;
    }();
    return common;
}


/// How much a decoded text reads like Chinese (or, for a Japanese encoding, Japanese): the share of its
/// non-ASCII characters that are common ideographs or CJK punctuation. A wrong legacy decode turns
/// common characters into rare ones, box drawing, Greek, Cyrillic, half-width kana or Hangul.
double plausibility(const QString &text, bool japanese)
{
    const std::vector<bool> &common = commonIdeographs();
    qsizetype good = 0, all = 0;
    const qsizetype n = std::min<qsizetype>(text.size(), 200000);
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text.at(i).unicode();
        if (u < 0x80)
            continue;
        ++all;
        if ((u >= 0x3000 && u <= 0x303F) || (u >= 0xFF01 && u <= 0xFF5E) || u == 0x2014 || u == 0x2026 || u == 0x00B7
            || (u >= 0x2018 && u <= 0x201D) || u == 0x2103 || u == 0x2116)
            ++good;
        else if (japanese && isKana(u))
            ++good;
        else if (u >= 0x4E00 && u < 0xA000)
            good += common[u - 0x4E00];
    }
    return all ? double(good) / double(all) : 1.0;
}

/// UTF-16 without a byte-order mark: reports are mostly ideographs with ASCII digits and line breaks, so
/// one byte of each ASCII unit is zero, always on the same side.
QString utf16WithoutMark(const QByteArray &bytes, bool *ok, QString *encoding)
{
    *ok = false;
    if (bytes.size() < 4 || bytes.size() % 2)
        return QString();
    qsizetype even = 0, odd = 0;
    const qsizetype n = std::min<qsizetype>(bytes.size(), 64 * 1024);
    for (qsizetype i = 0; i < n; ++i) {
        if (bytes[i] == 0)
            ++(i % 2 ? odd : even);
    }
    const qsizetype units = n / 2;
    const bool le = odd * 20 >= units && even * 20 < odd;
    const bool be = even * 20 >= units && odd * 20 < even;
    if (!le && !be)
        return QString();
    bool valid = false;
    QString s = decodeUnicode(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE, bytes, &valid);
    if (!valid || !looksLikeText(s) || plausibility(s, false) < 0.8)
        return QString();
    *ok = true;
    *encoding = le ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
    return s;
}

/// A file whose lines are partly UTF-8 and partly a legacy encoding (a GBK page with a UTF-8 part pasted
/// in): each line read in its own. Empty unless both kinds hold Chinese text.
QString mixedLines(const QByteArray &bytes, const QString &legacy, bool *ok)
{
    *ok = false;
    const QList<QByteArray> lines = bytes.split('\n');
    int utf8Lines = 0, legacyLines = 0;
    QString out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const bool ascii = std::all_of(line.begin(), line.end(), [](char c) { return uchar(c) < 0x80; });
        bool good = false;
        QString s;
        if (ascii) {
            s = QString::fromLatin1(line);
        } else {
            s = decodeUnicode(QStringDecoder::Utf8, line, &good);
            if (good) {
                ++utf8Lines;
            } else {
                s = decodeLegacy(legacy, line, &good);
                if (!good)
                    return QString();
                ++legacyLines;
            }
        }
        out += s;
        if (i + 1 < lines.size())
            out += QLatin1Char('\n');
    }
    *ok = utf8Lines > 0 && legacyLines > 0;
    return out;
}

/// A good file with a few bad bytes (a page cut off in the middle of a character, a stray byte): read
/// with those bytes shown as �, and said so, where the rest reads as Chinese. None where there are more
/// than a few, or the rest reads as no Chinese.
std::optional<TextDecoder::Result> withFewBadBytes(const QByteArray &bytes, const QString &detected)
{
    QStringList encodings{Utf8, Gb18030};
    if (!detected.isEmpty() && !encodings.contains(detected))
        encodings.insert(1, detected); // (the detector's answer before GBK)
    for (const QString &e : std::as_const(encodings)) {
        QString text = e == Utf8 ? QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless)(bytes)
                                 : QStringDecoder(e.toLatin1().constData(), QStringDecoder::Flag::Stateless)(bytes);
        QString rest = text;
        rest.remove(QChar(0xFFFD));
        rest.remove(QChar(0x1A));
        const qsizetype bad = text.size() - rest.size();
        // (UTF-8 with a few bad bytes is UTF-8: a file in another encoding breaks it all over. So it needs
        // only to read as Chinese at all; a legacy reading, as good Chinese, as the strict ones are scored.)
        const double enough = e == Utf8 ? 0.5 : 0.9;
        if (bad == 0 || bad > std::max<qsizetype>(3, text.size() / 1000) || !looksLikeText(rest) || plausibility(rest, false) < enough)
            continue;
        TextDecoder::Result r;
        r.text = std::move(text);
        r.encoding = e;
        r.candidates = {e};
        r.note = TextDecoder::tr("%n place(s) in the file could not be read as %1 and show as �; check the text around them before storing its figures.",
                                 nullptr, int(bad))
                     .arg(TextDecoder::displayName(e));
        return r;
    }
    return std::nullopt;
}

TextDecoder::Result refused(const QString &why)
{
    TextDecoder::Result r;
    r.status = Status::error(why);
    return r;
}

} // namespace

QString TextDecoder::displayName(const QString &encoding)
{
    if (encoding == Gb18030)
        return tr("GBK/GB18030 (simplified Chinese)");
    if (encoding == Big5)
        return tr("Big5 (traditional Chinese)");
    if (encoding == ShiftJis)
        return tr("Shift-JIS (Japanese)");
    if (encoding == QLatin1String("EUC-JP"))
        return tr("EUC-JP (Japanese)");
    if (encoding == QLatin1String("EUC-KR"))
        return tr("EUC-KR (Korean)");
    if (encoding == Mixed)
        return tr("GBK and UTF-8, line by line");
    return encoding;
}

TextDecoder::Result TextDecoder::decodeAs(const QByteArray &bytes, const QString &encoding)
{
    Result r;
    bool ok = false;
    QByteArrayView body(bytes);
    if (encoding == QLatin1String("UTF-8 BOM") || encoding == Utf8) {
        if (body.startsWith("\xEF\xBB\xBF"))
            body = body.sliced(3);
        r.text = decodeUnicode(QStringDecoder::Utf8, body, &ok);
    } else if (encoding == QLatin1String("UTF-16LE") || encoding == QLatin1String("UTF-16BE")) {
        const bool le = encoding.endsWith(QLatin1String("LE"));
        if (body.startsWith(le ? "\xFF\xFE" : "\xFE\xFF"))
            body = body.sliced(2);
        r.text = decodeUnicode(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE, body, &ok);
    } else if (encoding == Mixed) {
        r.text = mixedLines(bytes, Gb18030, &ok);
        r.note = tr("Part of the file is GBK and part UTF-8; each line was read in its own encoding. Check the text before storing its figures.");
    } else {
        r.text = decodeLegacy(encoding, body, &ok);
    }
    r.encoding = encoding;
    r.candidates = {encoding};
    if (!ok || !looksLikeText(r.text)) {
        r.text.clear();
        r.status = Status::error(tr("The file is not text in %1.").arg(displayName(encoding)));
    }
    return r;
}

TextDecoder::Result TextDecoder::decode(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return refused(tr("The file is empty."));
    if (bytes.size() > MaxBytes) {
        return refused(tr("The file is %1 MB; reports larger than %2 MB are not read.")
                           .arg(bytes.size() / (1024 * 1024)).arg(MaxBytes / (1024 * 1024)));
    }
    const QString binary = tr("The file is not a text report (it looks like a binary file).");

    // Marks say what the file is.
    if (bytes.startsWith("\xEF\xBB\xBF") || bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const QString encoding = bytes.startsWith("\xEF") ? QStringLiteral("UTF-8 BOM")
                                 : bytes.startsWith("\xFF") ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
        Result r = decodeAs(bytes, encoding);
        if (!r.status)
            r.status = Status::error(binary);
        return r;
    }
    Result r;
    bool ok = false;
    r.text = decodeUnicode(QStringDecoder::Utf8, bytes, &ok);
    if (ok && looksLikeText(r.text)) {
        r.encoding = Utf8;
        r.candidates = {Utf8};
        return r;
    }
    r.text = utf16WithoutMark(bytes, &ok, &r.encoding);
    if (ok) {
        r.candidates = {r.encoding};
        return r;
    }
    if (bytes.contains('\0'))
        return refused(binary);

    // A legacy encoding: the detector's answer and the usual ones, each checked by a strict decode and
    // by how much it reads like Chinese.
    const QString detected = detectorAnswer(bytes);
    QStringList tried;
    if (!detected.isEmpty())
        tried << detected;
    for (const QString &e : {Gb18030, Big5, ShiftJis}) {
        if (!tried.contains(e))
            tried << e;
    }
    struct Candidate
    {
        QString encoding;
        QString text;
        double score;
    };
    std::vector<Candidate> candidates;
    for (const QString &e : std::as_const(tried)) {
        QString text = decodeLegacy(e, bytes, &ok);
        if (ok && looksLikeText(text)) {
            const double score = plausibility(text, e == ShiftJis || e == QLatin1String("EUC-JP"));
            candidates.push_back({e, std::move(text), score});
        }
    }
    if (candidates.empty()) {
        // No one encoding reads the whole file: is it GBK with UTF-8 lines (or the other way round)?
        Result mixed = decodeAs(bytes, Mixed);
        if (mixed.status)
            return mixed;
        if (std::optional<Result> lenient = withFewBadBytes(bytes, detected))
            return *lenient;
        return refused(tr("The file is neither UTF-8, UTF-16, GBK/GB18030, Big5 nor Shift-JIS text; its encoding cannot be told."));
    }
    // The detector's answer stands unless another reading is clearly more like Chinese; ties keep the
    // order tried (the detector's, then GBK, Big5, Shift-JIS).
    if (qEnvironmentVariableIsSet("IPDESK_ENCODING_DEBUG")) {
        for (const Candidate &c : candidates)
            qInfo("encoding %s: %.3f%s", qPrintable(c.encoding), c.score, c.encoding == detected ? " (detector)" : "");
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) { return a.score > b.score + 0.02; });
    // (a strict reading mostly of rare characters is worse than a good one with a stray byte)
    if (candidates.front().score < 0.5) {
        if (std::optional<Result> lenient = withFewBadBytes(bytes, detected))
            return *lenient;
    }
    const Candidate &best = candidates.front();
    r.text = best.text;
    r.encoding = best.encoding;
    for (const Candidate &c : candidates) {
        if (&c == &best || c.score >= 0.5) // a reading mostly of rare characters is not offered
            r.candidates << c.encoding;
    }
    const bool close = r.candidates.size() > 1 && candidates[1].score >= best.score - 0.05;
    r.unsure = best.score < 0.9 || (close && best.encoding != detected) || (detected.isEmpty() && close);
    if (best.encoding == ShiftJis || best.encoding == QLatin1String("EUC-JP") || best.encoding == QLatin1String("EUC-KR"))
        r.note = tr("The text reads as %1, not Chinese; IPDesk reads Chinese reports, so few figures may be found.").arg(displayName(best.encoding));
    return r;
}

} // namespace IPDesk
