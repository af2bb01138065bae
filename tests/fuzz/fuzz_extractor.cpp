// libFuzzer target: the report extractor must take any byte sequence without crashing.
#include "reports/readreport.h"

#include <QCoreApplication>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_extractor";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv); // for the resources and the codecs
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const IPDesk::Extraction e = IPDesk::ReadReport::fromBytes(bytes).extraction;
    for (const IPDesk::Fact &f : e.facts) {
        // year 0: the report states no year (extraction.md); the import asks the officer.
        if (f.metric.isEmpty() || f.year < 0 || f.evidenceEnd < f.evidenceStart)
            __builtin_trap();
    }
    return 0;
}
