// Benchmark: importing a generated CSV of N rows (default 1,000,000) and an XLSX of 100,000 rows,
// beside sqlite3's own .import of the same CSV into a bare table (the floor). Peak memory after each.
#include "desk/desk.h"
#include "benchdesk.h"
#include "desk/demodata.h"
#include "tables/tableimport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace IPDesk;

namespace {
void writeCsv(const QString &path, int rows)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write("项目名称,所属区县,阶段,总投资(万元),签约时间\n");
    const char *units[] = {"覃塘区", "三里镇", "惠济区", "增城区", "端州区"};
    const char *stages[] = {"线索", "在谈", "签约", "开工"};
    QByteArray chunk;
    for (int i = 0; i < rows; ++i) {
        chunk += "批量项目" + QByteArray::number(i) + ',' + units[i % 5] + ',' + stages[i % 4] + ',' + QByteArray::number(100 + i % 9000) +
                 ',' + (i % 4 >= 2 ? QByteArray("2023-") + QByteArray::number(1 + i % 12) + "-" + QByteArray::number(1 + i % 28) : QByteArray()) + '\n';
        if (chunk.size() > (1 << 20)) {
            f.write(chunk);
            chunk.clear();
        }
    }
    f.write(chunk);
}

qint64 importInto(const QString &file, QTextStream &out, const QString &label)
{
    QTemporaryDir dir;
    Desk desk;
    desk.open(dir.filePath(QStringLiteral("b.ipdesk")));
    DemoData::loadBuiltIn(&desk);
    TableImporter importer(&desk);
    QElapsedTimer t;
    t.start();
    Status s = importer.open(file, TableKind::Projects);
    ImportResult r;
    if (s)
        s = importer.run(&r);
    const qint64 ms = t.elapsed();
    out << label << ": " << ms << " ms, " << r.added << " added" << (s ? QString() : QLatin1String(" FAILED ") + s.message())
        << ", peak memory so far " << peakRssMb() << " MB\n";
    out.flush();
    return ms;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000000;
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("big.csv"));
    writeCsv(csv, rows);
    out << "CSV of " << rows << " rows, " << QFile(csv).size() / 1048576 << " MB\n";

    // The floor: sqlite3 .import into a bare table.
    qint64 floorMs = 0;
    if (!QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty()) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {dir.filePath(QStringLiteral("floor.db")), QStringLiteral(".mode csv"),
                                            QStringLiteral(".import %1 bare").arg(csv)});
        p.waitForFinished(-1);
        floorMs = t.elapsed();
        out << "sqlite3 .import (floor): " << floorMs << " ms\n";
    }
    const qint64 csvMs = importInto(csv, out, QStringLiteral("IPDesk CSV import"));
    if (floorMs > 0)
        out << "  ratio to sqlite3 .import: " << QString::number(double(csvMs) / double(floorMs), 'f', 1) << "x\n";

    const int xlsxRows = std::min(rows, 100000);
    const QString small = dir.filePath(QStringLiteral("small.csv"));
    writeCsv(small, xlsxRows);
    // The same rows as an XLSX workbook, written by the exporter.
    {
        QList<QVariantList> data;
        Status s;
        auto source = TableSource::open(small, &s);
        QVariantList row;
        QStringList headers;
        source->next(&row);
        for (const QVariant &v : row)
            headers << v.toString();
        while (source->next(&row)) {
            row[3] = row.at(3).toDouble();
            data << row;
        }
        TableExporter::write(dir.filePath(QStringLiteral("small.xlsx")), headers, data, TableExporter::Options());
    }
    const qint64 xlsxMs = importInto(dir.filePath(QStringLiteral("small.xlsx")), out,
                                     QStringLiteral("IPDesk XLSX import, %1 rows").arg(QLocale::c().toString(xlsxRows)));
    // The reference: xlsx2csv (Debian's xlsx2csv) reading the same workbook out to CSV.
    if (!QStandardPaths::findExecutable(QStringLiteral("xlsx2csv")).isEmpty()) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral("xlsx2csv"), {dir.filePath(QStringLiteral("small.xlsx")), dir.filePath(QStringLiteral("small-out.csv"))});
        p.waitForFinished(-1);
        const qint64 refMs = t.elapsed();
        out << "xlsx2csv of the same workbook (reference): " << refMs << " ms; ratio "
            << QString::number(double(xlsxMs) / double(std::max<qint64>(1, refMs)), 'f', 1) << "x\n";
    } else {
        out << "xlsx2csv is not installed (apt-get install xlsx2csv): no reference for the XLSX import\n";
    }
    return 0;
}
