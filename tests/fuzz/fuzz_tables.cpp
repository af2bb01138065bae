// libFuzzer target: the table readers (CSV and XLSX) must take any file without crashing, hanging
// or holding unbounded memory, and every row they give must be a list of plain cells.
#include "fuzzfile.h"
#include "tables/tablesource.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte chooses the reader; the rest is the file.
    const bool xlsx = data[0] & 1;
    const QString path = fuzzFile(xlsx ? "input.xlsx" : "input.csv", data + 1, size - 1);
    IPDesk::Status status;
    std::unique_ptr<IPDesk::TableSource> source = IPDesk::TableSource::open(path, &status);
    if (!source) {
        if (status.ok() || status.message().isEmpty())
            __builtin_trap(); // a refusal always says why
        return 0;
    }
    for (int sheet = 0; sheet < std::min<qsizetype>(source->sheets().size(), 4) || sheet == 0; ++sheet) {
        if (sheet > 0 && !source->selectSheet(sheet))
            continue;
        QVariantList row;
        for (int n = 0; n < 100000 && source->next(&row); ++n) {
            if (row.size() > 16384)
                __builtin_trap(); // no row is wider than a sheet
            for (const QVariant &cell : std::as_const(row)) {
                const int type = cell.userType();
                if (cell.isValid() && type != QMetaType::QString && type != QMetaType::Double && type != QMetaType::QDate)
                    __builtin_trap();
            }
        }
        const double p = source->progress();
        if (!(p >= 0.0 && p <= 1.0))
            __builtin_trap();
    }
    return 0;
}
