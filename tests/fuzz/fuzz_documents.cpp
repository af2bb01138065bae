// libFuzzer target: the Word document reader must take any file without crashing, hanging or holding
// unbounded memory; a refusal always says why, and a text it gives is read by the extractor.
#include "reports/documenttext.h"
#include "reports/readreport.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_documents";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("input.docx"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            __builtin_trap();
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
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
