// libFuzzer target: the Word document reader must take any file without crashing, hanging or holding
// unbounded memory; a refusal always says why, and a text it gives is read by the extractor.
#include "fuzzfile.h"
#include "reports/documenttext.h"
#include "reports/readreport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzzFile("input.docx", data, size);
    QString text;
    const IPDesk::Status s = IPDesk::DocumentText::readDocx(path, &text);
    if (!s) {
        if (s.message().isEmpty())
            __builtin_trap(); // a refusal always says why
        return 0;
    }
    if (text.trimmed().isEmpty() || text.size() > IPDesk::DocumentText::MaxText)
        __builtin_trap(); // an empty text is refused, a text is within the limit
    IPDesk::ReadReport::fromText(text, QStringLiteral("fuzz"));
    return 0;
}
