// libFuzzer target: the report decoder must take any bytes, and what it accepts is text with no
// NUL; what it refuses it says why.
#include "reports/textdecoder.h"

#include <QCoreApplication>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_decoder";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv); // for the codecs
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const IPDesk::TextDecoder::Result r = IPDesk::TextDecoder::decode(bytes);
    if (r.status.ok()) {
        if (r.encoding.isEmpty() || r.text.contains(QChar(0)))
            __builtin_trap();
    } else if (r.status.message().isEmpty()) {
        __builtin_trap();
    }
    return 0;
}
