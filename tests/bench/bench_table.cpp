// Benchmark: importing a generated CSV of N rows (default 1,000,000) and an XLSX of 100,000 rows,
// beside sqlite3's own .import of the same CSV into a bare table (the floor) and sqlite3 putting the same
// rows into a desk's own tables and indexes. Peak memory after each.
#include "desk/desk.h"
#include "benchdesk.h"
#include "desk/demodata.h"
#include "tables/tableimport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
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
    // A second reference: sqlite3 itself putting the same rows into a desk's own tables, with their
    // indexes and constraints, but none of the desk's triggers (no monthly sums, no audit trail) and no
    // checks of the rows: what the engine needs for the tables the import fills.
    qint64 tablesMs = 0;
    if (floorMs > 0) {
        const QString deskCopy = dir.filePath(QStringLiteral("tables.ipdesk"));
        {
            Desk desk;
            desk.open(deskCopy);
            DemoData::loadBuiltIn(&desk);
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-tables"));
            db.setDatabaseName(deskCopy);
            db.open();
            QSqlQuery q(db);
            QStringList triggers;
            q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'"));
            while (q.next())
                triggers << q.value(0).toString();
            for (const QString &t : std::as_const(triggers))
                q.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(t));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bench-tables"));
        const QString script = QStringLiteral(
            "PRAGMA foreign_keys = ON;\n"
            ".mode csv\n"
            ".import --skip 1 %1 raw\n"
            "BEGIN;\n"
            "CREATE TEMP TABLE base AS SELECT COALESCE(MAX(id), 0) AS id FROM projects;\n"
            "INSERT INTO projects (id, name, unit_id, stage, planned_investment) SELECT r.rowid + (SELECT id FROM base), r.c1,"
            " COALESCE((SELECT u.id FROM units u WHERE u.name = r.c2), (SELECT MIN(id) FROM units)),"
            " CASE r.c3 WHEN '线索' THEN 0 WHEN '在谈' THEN 1 WHEN '签约' THEN 2 ELSE 4 END, CAST(r.c4 AS INTEGER) * 10000 FROM raw r;\n"
            "INSERT INTO project_stages (project_id, stage, reached_on) SELECT r.rowid + (SELECT id FROM base),"
            " CASE r.c3 WHEN '签约' THEN 2 ELSE 4 END, r.c5 FROM raw r WHERE r.c5 <> '';\n"
            "COMMIT;\n")
                                   .arg(csv);
        // (.import names the columns from a header; the header is skipped, so they are named here)
        const QString create = QStringLiteral("CREATE TABLE raw (c1, c2, c3, c4, c5);\n");
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {deskCopy});
        p.write((create + script).toUtf8());
        p.closeWriteChannel();
        p.waitForFinished(-1);
        tablesMs = t.elapsed();
        const QByteArray errors = p.readAllStandardError();
        out << "sqlite3 into a desk's tables and indexes (no sums, no audit, no checks): " << tablesMs << " ms"
            << (errors.isEmpty() ? QString() : QLatin1String(" (errors: ") + QString::fromUtf8(errors).trimmed() + QLatin1Char(')'))
            << "\n";
    }
    const qint64 csvMs = importInto(csv, out, QStringLiteral("IPDesk CSV import"));
    if (floorMs > 0)
        out << "  ratio to sqlite3 .import: " << QString::number(double(csvMs) / double(floorMs), 'f', 1) << "x\n";
    if (tablesMs > 0)
        out << "  ratio to sqlite3 into the desk's tables: " << QString::number(double(csvMs) / double(tablesMs), 'f', 1) << "x\n";

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
