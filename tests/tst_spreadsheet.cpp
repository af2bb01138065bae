// Spreadsheets in and out: CSV in GB18030 written with iconv, XLSX written with openpyxl (Debian's
// python3-openpyxl), bad cells listed and never guessed, re-imports that update, round trips.
#include "desk/factstore.h"
#include "models/changelogmodel.h"
#include "tables/tableimport.h"
#include "pipelinebyhand.h"
#include "testdesk.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QUndoStack>

using namespace IPDesk;

namespace {

QString python()
{
    return QStringLiteral("/usr/bin/python3");
}

bool haveOpenpyxl()
{
    QProcess p;
    p.start(python(), {QStringLiteral("-c"), QStringLiteral("import openpyxl")});
    return p.waitForFinished(30000) && p.exitCode() == 0;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

QByteArray gb18030(const QByteArray &utf8)
{
    QProcess p;
    p.start(QStringLiteral("iconv"), {QStringLiteral("-f"), QStringLiteral("UTF-8"), QStringLiteral("-t"), QStringLiteral("GB18030")});
    p.write(utf8);
    p.closeWriteChannel();
    p.waitForFinished(10000);
    return p.readAllStandardOutput();
}


/// Writes `csv` into the desk's folder and imports it as projects, as the import dialog does.
void importProjects(TestDesk &desk, const QByteArray &csv, ImportResult *result)
{
    const QString path = desk.dir.filePath(QStringLiteral("projects.csv"));
    writeFile(path, csv);
    TableImporter importer(&desk.desk);
    QVERIFY(importer.open(path, TableKind::Projects));
    const Status s = importer.run(result);
    QVERIFY2(s, qPrintable(s.message()));
}

/// The projects the pipeline's search finds by `name`.
QList<Project> projectsNamed(TestDesk &desk, const QString &name)
{
    ProjectQuery q;
    q.text = name;
    return desk.store->fetch(q, 0, 5);
}

/// A workbook of the given parts (name -> Python expression of its bytes), written by Python's
/// zipfile, so that the test can make workbooks no spreadsheet program would.
bool writeWorkbook(const QString &path, const QList<QPair<QString, QString>> &parts)
{
    QString script = QStringLiteral("import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\n"
                                    "wb = b'<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>'\n"
                                    "rels = b'<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>'\n"
                                    "z.writestr('xl/workbook.xml', wb)\nz.writestr('xl/_rels/workbook.xml.rels', rels)\n");
    for (const auto &[name, bytes] : parts)
        script += QStringLiteral("z.writestr('%1', %2)\n").arg(name, bytes);
    script += QStringLiteral("z.close()\n");
    QProcess p;
    p.start(python(), {QStringLiteral("-c"), script, path});
    return p.waitForFinished(120000) && p.exitCode() == 0;
}

} // namespace

class TestSpreadsheet : public QObject
{
    Q_OBJECT
private slots:
    void csvInGb18030WithSemicolons()
    {
        TestDesk desk;
        const QByteArray utf8 =
            "项目名称;所属区县;阶段;总投资(万元);签约时间;备注\n"
            "\"星河装备;二期\";覃塘区;签约;30000;2023/5/1;\"含\"\"引号\"\"的备注\"\n"
            "石湖精密部件;三里镇;开工;1,500;2023年6月1日;\n";
        const QByteArray gbk = gb18030(utf8);
        QVERIFY(!gbk.isEmpty());
        QVERIFY(gbk != utf8);
        const QString path = desk.dir.filePath(QStringLiteral("towns.csv"));
        writeFile(path, gbk);
        TableImporter importer(&desk.desk);
        QVERIFY(importer.open(path, TableKind::Projects));
        auto *csv = dynamic_cast<CsvSource *>(importer.source());
        QVERIFY(csv);
        QCOMPARE(csv->encoding(), QStringLiteral("GB18030"));
        QCOMPARE(csv->delimiter(), QLatin1Char(';'));
        QCOMPARE(importer.mapping().columns.value(QStringLiteral("planned_investment")), 3);
        QCOMPARE(importer.mapping().money.value(QStringLiteral("planned_investment")), MoneyUnit::Wan);
        ImportResult r;
        QVERIFY(importer.run(&r));
        QCOMPARE(r.added, 2);
        QCOMPARE(r.skipped, 0);
        ProjectQuery q;
        q.text = QStringLiteral("星河装备;二期");
        const QList<Project> found = desk.store->fetch(q, 0, 5);
        QCOMPARE(found.size(), 1);
        const Project p = *desk.store->project(found.first().id);
        QCOMPARE(p.plannedInvestment, Yuan(300000000));
        QCOMPARE(p.stage, Stage::Signed);
        QCOMPARE(p.stageDates.value(Stage::Signed), QDate(2023, 5, 1));
        QCOMPARE(p.notes, QStringLiteral("含\"引号\"的备注"));
        q.text = QStringLiteral("石湖精密部件");
        QCOMPARE(desk.store->project(desk.store->fetch(q, 0, 5).first().id)->plannedInvestment, Yuan(15000000));
    }

    void aLedgerAsOfficersKeepIt()
    {
        // A town's ledger as kept in WPS: a title and a filing line above the header, the unit's column
        // named 所属镇街 and written with the units above it or as its government, stages as people write
        // them (已签约, 洽谈中, 建设中, 待签约), amounts with their unit in the cell, dates of several forms.
        TestDesk desk;
        const QByteArray utf8 =
            "2024年重点招商项目台账,,,,,,\r\n"
            "填报单位:覃塘区商务局,,,,,填报时间:2024年7月,\r\n"
            "序号,项目名称,投资方,所属镇街,项目进度,计划总投资(万元),签约时间\r\n"
            "1,台账建材项目,某建材公司,三里镇,已签约,\"12,000\",2024年3月\r\n"
            "2,台账物流园项目,某物流集团,覃塘区三里镇,洽谈中,8500万元,\r\n"
            "3,台账电池配套项目,某新能源公司,覃塘区,建设中,3.5亿元,2024.1.15\r\n"
            "4,台账农产品加工项目,某农业公司,三里镇人民政府,待签约,6000,\r\n"
            "5,台账电商项目,某电商公司,贵港市覃塘区三里镇,待签约,6000,\r\n";
        const QString path = desk.dir.filePath(QStringLiteral("ledger.csv"));
        writeFile(path, gb18030(utf8));
        TableImporter importer(&desk.desk);
        QVERIFY(importer.open(path, TableKind::Projects));
        QCOMPARE(importer.mapping().columns.value(QStringLiteral("unit"), -1), 3);
        QCOMPARE(importer.mapping().columns.value(QStringLiteral("stage"), -1), 4);
        ImportResult r;
        const Status s = importer.run(&r);
        QVERIFY2(s, qPrintable(s.message()));
        QCOMPARE(r.added, 5);
        QCOMPARE(r.skipped, 0);
        struct Want { const char16_t *name; const char16_t *unit; Stage stage; Yuan planned; };
        const Want wants[] = {{u"台账建材项目", u"三里镇", Stage::Signed, 120000000},
                              {u"台账物流园项目", u"三里镇", Stage::Negotiating, 85000000},
                              {u"台账电池配套项目", u"覃塘区", Stage::Started, 350000000},
                              {u"台账农产品加工项目", u"三里镇", Stage::Negotiating, 60000000},
                              {u"台账电商项目", u"三里镇", Stage::Negotiating, 60000000}};
        for (const Want &w : wants) {
            const QList<Project> found = projectsNamed(desk, QString::fromUtf16(w.name));
            QCOMPARE(found.size(), 1);
            const Project p = *desk.store->project(found.first().id);
            QCOMPARE(p.unitId, desk.unit(w.unit));
            QCOMPARE(p.stage, w.stage);
            QCOMPARE(p.plannedInvestment, w.planned);
        }
        QCOMPARE(desk.store->project(projectsNamed(desk, QStringLiteral("台账电池配套项目")).first().id)->stageDates.value(Stage::Signed),
                 QDate(2024, 1, 15));
        // A header that ends with a field's name is guessed for words, not for amounts: 本年完成投资额 is
        // no project's total.
        const QString other = desk.dir.filePath(QStringLiteral("ledger2.csv"));
        writeFile(other, "项目名称,项目所在地,本年完成投资额\n甲项目,三里镇,300\n");
        TableImporter second(&desk.desk);
        QVERIFY(second.open(other, TableKind::Projects));
        QCOMPARE(second.mapping().columns.value(QStringLiteral("unit"), -1), 1);
        QVERIFY(!second.mapping().columns.contains(QStringLiteral("planned_investment")));
        // Nor is 签约项目(个), a statistics sheet's count, a project's name.
        const QString stats = desk.dir.filePath(QStringLiteral("stats.csv"));
        writeFile(stats, "县(市、区),签约项目(个),签约金额(亿元)\n三里镇,12,30.5\n");
        TableImporter third(&desk.desk);
        QVERIFY(third.open(stats, TableKind::Projects));
        QVERIFY(!third.mapping().columns.contains(QStringLiteral("name")));
        // A stage no ledger means stays refused: 推进中 says nothing of which.
        Stage stage;
        QVERIFY(!Names::stageFromText(QStringLiteral("推进中"), &stage));
        QVERIFY(Names::stageFromText(QStringLiteral("已投产"), &stage));
        QCOMPARE(stage, Stage::Operating);
    }

    void csvInBig5AndInUtf16WithoutAMark_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::newRow("Big5 (a Taiwan or Hong Kong ledger)") << "Big5";
        QTest::newRow("UTF-16LE without a mark") << "UTF-16LE";
    }
    void csvInBig5AndInUtf16WithoutAMark()
    {
        QFETCH(QString, encoding);
        TestDesk desk;
        // A Big5 ledger is in traditional characters, and is read in simplified ones.
        const bool big5 = encoding == QLatin1String("Big5");
        const QString text = big5 ? QStringLiteral("項目名稱,所屬區縣,階段,總投資(萬元)\n星河裝備製造項目,覃塘區,簽約,3000\n精密部件項目,覃塘區,在談,1500\n")
                                  : QStringLiteral("项目名称,所属区县,阶段,总投资(万元)\n星河装备制造项目,覃塘区,签约,3000\n精密部件项目,覃塘区,在谈,1500\n");
        QStringEncoder enc(encoding.toLatin1().constData());
        const QByteArray bytes = enc(text);
        QVERIFY(!enc.hasError());
        const QString path = desk.dir.filePath(QStringLiteral("ledger.csv"));
        writeFile(path, bytes);
        TableImporter importer(&desk.desk);
        QVERIFY(importer.open(path, TableKind::Projects));
        auto *csv = dynamic_cast<CsvSource *>(importer.source());
        QVERIFY(csv);
        QCOMPARE(csv->encoding(), encoding);
        ImportResult r;
        QVERIFY(importer.run(&r));
        QCOMPARE(r.added, 2);
        QCOMPARE(r.skipped, 0);
        QCOMPARE(projectsNamed(desk, QStringLiteral("星河装备制造项目")).size(), 1);
    }

    void badCellsAreListedNotGuessed_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("column");
        QTest::newRow("text in a number column") << QByteArray("甲项目,覃塘区,签约,很多,2023-05-01") << QStringLiteral("总投资(万元)");
        QTest::newRow("decimal comma") << QByteArray("甲项目,覃塘区,签约,\"1,5\",2023-05-01") << QStringLiteral("总投资(万元)");
        QTest::newRow("date without a year") << QByteArray("甲项目,覃塘区,签约,100,5-1") << QStringLiteral("签约时间");
        QTest::newRow("unknown stage") << QByteArray("甲项目,覃塘区,快完成了,100,2023-05-01") << QStringLiteral("阶段");
        QTest::newRow("unknown unit") << QByteArray("甲项目,火星区,签约,100,2023-05-01") << QStringLiteral("所属区县");
        QTest::newRow("ragged row") << QByteArray("甲项目") << QStringLiteral("所属区县");
    }
    void badCellsAreListedNotGuessed()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, column);
        TestDesk desk;
        const qint64 before = desk.store->projectCount();
        const QString path = desk.dir.filePath(QStringLiteral("bad.csv"));
        writeFile(path, "项目名称,所属区县,阶段,总投资(万元),签约时间\n乙项目,覃塘区,签约,200,45047\n" + row + "\n");
        TableImporter importer(&desk.desk);
        QVERIFY(importer.open(path, TableKind::Projects));
        const ImportResult check = importer.validate();
        QCOMPARE(check.problemRows, 1);
        QVERIFY(!check.problems.isEmpty());
        QCOMPARE(check.problems.first().row, 3);
        QCOMPARE(check.problems.first().column, column);
        QVERIFY(!check.problems.first().why.isEmpty());
        QCOMPARE(desk.store->projectCount(), before); // validation writes nothing
        // With the bad row skipped, the good one is stored, its date read from Excel's day number.
        ImportResult r;
        QVERIFY(importer.run(&r));
        QCOMPARE(r.added, 1);
        QCOMPARE(r.skipped, 1);
        ProjectQuery q;
        q.text = QStringLiteral("乙项目");
        QCOMPARE(desk.store->project(desk.store->fetch(q, 0, 5).first().id)->stageDates.value(Stage::Signed), QDate(2023, 5, 1));
    }

    void controlCharactersAreRefusedWithTheirCell_data()
    {
        QTest::addColumn<QByteArray>("head");   // what comes before the bad row
        QTest::addColumn<int>("row");
        QTest::newRow("after a byte-order mark") << QByteArray("\xEF\xBB\xBF") << 3;
        // Far past the part of the file that is looked at to tell text from binary.
        QByteArray filler;
        for (int i = 0; i < 6000; ++i)
            filler += "填充项目" + QByteArray::number(i) + ",覃塘区,签约,100,2023-05-01\n";
        QTest::newRow("past the first 256 KB") << filler << 6003;
    }
    void fullAndHalfWidthCellsReadAlike()
    {
        // Plain cells take a short way; a cell typed in full-width digits takes the general one. Both must
        // read every amount and date alike, and refuse alike what is not one.
        auto fullWidth = [](const QString &t) {
            QString out = t;
            for (QChar &c : out) {
                if (c.unicode() >= 0x21 && c.unicode() <= 0x7E)
                    c = QChar(char16_t(c.unicode() + 0xFEE0));
            }
            return out;
        };
        const QStringList numbers = {QStringLiteral("0"), QStringLiteral("7"), QStringLiteral("1500"), QStringLiteral("26.24"),
                                     QStringLiteral(".5"), QStringLiteral("5."), QStringLiteral("0.1"), QStringLiteral("123456789012.345"),
                                     QStringLiteral("1.2.3"), QStringLiteral("."), QStringLiteral("00012"), QStringLiteral(" 88 "),
                                     QStringLiteral("9007199254740993"), QStringLiteral("3.14159265358979323846")};
        for (const QString &n : numbers) {
            QString whyPlain, whyFull;
            const auto plain = TableImporter::parseNumber(n, &whyPlain);
            const auto full = TableImporter::parseNumber(fullWidth(n), &whyFull);
            QVERIFY2(plain.has_value() == full.has_value(), qPrintable(n));
            if (plain)
                QVERIFY2(*plain == *full, qPrintable(QStringLiteral("%1: %2 against %3").arg(n).arg(*plain, 0, 'g', 17).arg(*full, 0, 'g', 17)));
        }
        QStringList dates = {QStringLiteral("2023-2-29"), QStringLiteral("2024-2-29"), QStringLiteral("2023-13-01"),
                             QStringLiteral("2023-00-10"), QStringLiteral("2023-1-0"), QStringLiteral("2023/5-1"),
                             QStringLiteral("2023-5-100"), QStringLiteral("2023-123-1"), QStringLiteral("0000-01-01")};
        for (const char *separator : {"-", "/", "."}) {
            for (int m : {1, 2, 9, 10, 12})
                for (int d : {1, 9, 28, 30, 31})
                    dates << QStringLiteral("2023%1%2%1%3").arg(QLatin1String(separator)).arg(m).arg(d)
                          << QStringLiteral("2023%1%2%1%3").arg(QLatin1String(separator)).arg(m, 2, 10, QLatin1Char('0')).arg(d, 2, 10, QLatin1Char('0'));
        }
        for (const QString &d : std::as_const(dates)) {
            QString whyPlain, whyFull;
            const auto plain = TableImporter::parseDate(d, &whyPlain);
            const auto full = TableImporter::parseDate(fullWidth(d), &whyFull);
            QVERIFY2(plain == full, qPrintable(QStringLiteral("%1: %2 against %3").arg(d, plain ? plain->toString(Qt::ISODate) : QStringLiteral("none"),
                                                                                   full ? full->toString(Qt::ISODate) : QStringLiteral("none"))));
        }
        QCOMPARE(TableImporter::parseDate(QStringLiteral("2024-2-29"), nullptr), QDate(2024, 2, 29));
        QCOMPARE(TableImporter::parseNumber(QStringLiteral("26.24"), nullptr), 26.24);
    }

    void controlCharactersAreRefusedWithTheirCell()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, row);
        TestDesk desk;
        const QString path = desk.dir.filePath(QStringLiteral("nul.csv"));
        const bool bom = head.startsWith("\xEF\xBB\xBF");
        writeFile(path, (bom ? head : QByteArray()) + "项目名称,所属区县,阶段,总投资(万元),签约时间\n乙项目,覃塘区,签约,200,45047\n"
                            + (bom ? QByteArray() : head) + QByteArray("广西\0麦芽项目,覃塘区,签约,300,2023-05-01\n", 52));
        TableImporter importer(&desk.desk);
        QVERIFY(importer.open(path, TableKind::Projects));
        ImportResult r;
        QVERIFY(importer.run(&r));
        QCOMPARE(r.skipped, 1);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().row, row);
        QCOMPARE(r.problems.first().column, QStringLiteral("项目名称"));
        QVERIFY2(r.problems.first().why.contains(QLatin1String("U+0000")), qPrintable(r.problems.first().why));
        ProjectQuery q;
        q.text = QStringLiteral("麦芽项目");
        QCOMPARE(desk.store->fetch(q, 0, 5).size(), 0);
        // The same name typed or pasted into the table is refused by the record's own check.
        Project p = *desk.store->project(desk.store->fetch(ProjectQuery(), 0, 1).first().id);
        p.name = QString::fromUtf8("广西\0麦", 10);
        QVERIFY(!p.validate().isEmpty());
        QVERIFY(!desk.store->updateProject(p));
    }

    void reimportUpdatesInsteadOfDuplicating()
    {
        TestDesk desk;
        ImportResult r;
        importProjects(desk, "项目名称,所属区县,阶段,总投资(亿元)\n甲项目,覃塘区,在谈,2\n乙项目,覃塘区,签约,3\n", &r);
        QCOMPARE(r.added, 2);
        const qint64 n = desk.store->projectCount();
        importProjects(desk, "项目名称,所属区县,阶段,总投资(亿元)\n甲项目,覃塘区,签约,2\n乙项目,覃塘区,签约,3\n丙项目,覃塘区,线索,1\n", &r);
        QCOMPARE(r.added, 1);
        QCOMPARE(r.updated, 1);
        QCOMPARE(r.unchanged, 1);
        QCOMPARE(desk.store->projectCount(), n + 1);
    }

    void aTableImportIsOneUndoStep()
    {
        TestDesk desk;
        ImportResult r;
        importProjects(desk, "项目名称,所属区县,阶段,总投资(亿元)\n甲项目,覃塘区,在谈,2\n", &r);
        const qint64 n = desk.store->projectCount();
        const qint64 jia = projectsNamed(desk, QStringLiteral("甲项目")).first().id;
        const int steps = desk.desk.undoStack()->count();
        // One project changed (在谈 → 签约, 2 → 5亿元), one added, as one step.
        importProjects(desk, "项目名称,所属区县,阶段,总投资(亿元)\n甲项目,覃塘区,签约,5\n丙项目,覃塘区,线索,1\n", &r);
        QVERIFY(r.undoable);
        QCOMPARE(desk.desk.undoStack()->count(), steps + 1);
        QVERIFY(desk.desk.undoStack()->undoText().contains(QLatin1String("projects.csv")));
        QCOMPARE(desk.store->project(jia)->stage, Stage::Signed);

        desk.desk.undoStack()->undo();
        QCOMPARE(desk.store->projectCount(), n);
        QVERIFY(projectsNamed(desk, QStringLiteral("丙项目")).isEmpty());
        QCOMPARE(desk.store->project(jia)->stage, Stage::Negotiating);
        QCOMPARE(desk.store->project(jia)->plannedInvestment, Yuan(200000000));

        desk.desk.undoStack()->redo();
        QCOMPARE(desk.store->projectCount(), n + 1);
        QCOMPARE(projectsNamed(desk, QStringLiteral("丙项目")).size(), 1);
        QCOMPARE(desk.store->project(jia)->plannedInvestment, Yuan(500000000));
    }

    void aTargetsImportIsUndoneToTheTargetsBefore()
    {
        TestDesk desk;
        const QString path = desk.dir.filePath(QStringLiteral("targets.csv"));
        writeFile(path, "单位,年度,指标,目标值\n覃塘区,2031,signed_projects,40\n");
        auto run = [&] {
            TableImporter importer(&desk.desk);
            QVERIFY(importer.open(path, TableKind::Targets));
            ImportResult r;
            QVERIFY(importer.run(&r));
            QCOMPARE(r.skipped, 0);
        };
        run();
        const qint64 unit = desk.store->unitByName(QStringLiteral("覃塘区"));
        QVERIFY(desk.desk.facts()->target(unit, 2031, QStringLiteral("signed_projects")));
        QCOMPARE(desk.desk.facts()->target(unit, 2031, QStringLiteral("signed_projects"))->value, 40.0);
        writeFile(path, "单位,年度,指标,目标值\n覃塘区,2031,signed_projects,55\n");
        run();
        QCOMPARE(desk.desk.facts()->target(unit, 2031, QStringLiteral("signed_projects"))->value, 55.0);
        desk.desk.undoStack()->undo();
        QCOMPARE(desk.desk.facts()->target(unit, 2031, QStringLiteral("signed_projects"))->value, 40.0);
        desk.desk.undoStack()->undo();
        QVERIFY(!desk.desk.facts()->target(unit, 2031, QStringLiteral("signed_projects")));
    }

    void aProjectTwiceInOneFileIsAddedThenUpdated()
    {
        // The later row wins, and there is one project, not two (on the server rows go in batches).
        TestDesk desk;
        const qint64 n = desk.store->projectCount();
        ImportResult r;
        importProjects(desk, "项目名称,所属区县,阶段,总投资(亿元)\n丁项目,覃塘区,在谈,2\n戊项目,覃塘区,线索,1\n丁项目,覃塘区,签约,2.5\n", &r);
        QCOMPARE(r.added, 2);
        QCOMPARE(r.updated, 1);
        QCOMPARE(desk.store->projectCount(), n + 2);
        const QList<Project> found = projectsNamed(desk, QStringLiteral("丁项目"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().stage, Stage::Signed);
        QCOMPARE(found.first().plannedInvestment, Yuan(250000000));
    }

    void aFormalContractAfterAnIntentCountsOnce()
    {
        // 升格: the intent signed in March, the formal contract of the same project in October. The
        // second file's row updates the project; it stays signed on its first day, counted once.
        TestDesk desk;
        const qint64 n = desk.store->projectCount();
        ImportResult r;
        importProjects(desk, "项目编号,项目名称,所属区县,阶段,签约额(亿元),签约时间,备注\n"
                             "QY-001,己项目,覃塘区,签约,6,2023-03-10,意向协议\n", &r);
        QCOMPARE(r.added, 1);
        importProjects(desk, "项目编号,项目名称,所属区县,阶段,签约额(亿元),签约时间,备注\n"
                             "QY-001,己项目,覃塘区,签约,6.5,2023-10-20,正式合同\n", &r);
        QCOMPARE(r.updated, 1);
        QCOMPARE(desk.store->projectCount(), n + 1);
        const QList<Project> found = projectsNamed(desk, QStringLiteral("己项目"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().stageDates.value(Stage::Signed), QDate(2023, 3, 10));
        QCOMPARE(found.first().signedInvestment, Yuan(650000000)); // the contract's figure
        QCOMPARE(found.first().notes, QStringLiteral("正式合同"));
        QSqlQuery c(desk.db.connection());
        QVERIFY(c.exec(QStringLiteral("SELECT COUNT(*) FROM project_stages WHERE stage = 2 AND project_id = %1").arg(found.first().id)));
        QVERIFY(c.next());
        QCOMPARE(c.value(0).toInt(), 1);
    }

    void aCapitalIncreaseGivesItsIncrease()
    {
        TestDesk desk;
        ImportResult r;
        importProjects(desk, "项目名称,所属区县,项目类型,总投资(亿元),新增投资(亿元),阶段\n庚扩产项目,覃塘区,增资扩产,30,5,签约\n", &r);
        QCOMPARE(r.added, 1);
        const QList<Project> found = projectsNamed(desk, QStringLiteral("庚扩产项目"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().type, ProjectType::CapitalIncrease);
        QCOMPARE(found.first().plannedInvestment, Yuan(3000000000));
        QCOMPARE(found.first().addedInvestment, Yuan(500000000));
    }

    void cancelWritesNothing()
    {
        TestDesk desk;
        const QString path = desk.dir.filePath(QStringLiteral("many.csv"));
        QByteArray data = "项目名称,所属区县,总投资(万元)\n";
        for (int i = 0; i < 5000; ++i)
            data += "项目" + QByteArray::number(i) + ",覃塘区," + QByteArray::number(i) + "\n";
        writeFile(path, data);
        const qint64 before = desk.store->projectCount();
        TableImporter importer(&desk.desk);
        QVERIFY(importer.open(path, TableKind::Projects));
        ImportResult r;
        const Status s = importer.run(&r, [](double) { return false; });
        QVERIFY(!s);
        QCOMPARE(desk.store->projectCount(), before);
    }

    void longImportKeepsMonthlySums_data()
    {
        QTest::addColumn<bool>("cancel");
        QTest::newRow("stored") << false;
        QTest::newRow("cancelled near the end") << true;
    }

    void longImportKeepsMonthlySums()
    {
        // A long file counts the monthly sums once at the end; they must still match the stage dates,
        // and the desk must go on keeping them afterwards, whether the import is stored or cancelled.
        QFETCH(bool, cancel);
        TestDesk desk;
        const QString path = desk.dir.filePath(QStringLiteral("long.csv"));
        QByteArray data = "项目名称,所属区县,阶段,总投资(万元),签约时间\n";
        for (int i = 0; i < 12000; ++i)
            data += "长表项目" + QByteArray::number(i) + ",覃塘区,签约," + QByteArray::number(1000 + i) + ",2024-"
                + QByteArray::number(1 + i % 12) + "-" + QByteArray::number(1 + i % 28) + "\n";
        writeFile(path, data);
        const auto before = stageSumsAndRaw(desk.db);
        // A file this long beside the desk has its indexes built once at the end: they must all be
        // back as they were, stored or cancelled.
        auto indexes = [&desk] {
            QStringList out;
            QSqlQuery q(desk.db.connection());
            if (!testOnServer() && q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"))) {
                while (q.next())
                    out << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString().remove(QStringLiteral("IF NOT EXISTS "));
            }
            return out;
        };
        const QStringList indexesBefore = indexes();
        auto auditCount = [&desk](const char *where) {
            QSqlQuery q(desk.db.connection());
            q.exec(QLatin1String("SELECT COUNT(*) FROM audit_log WHERE ") + QLatin1String(where));
            return q.next() ? q.value(0).toInt() : -1;
        };
        const int insertsBefore = auditCount("table_name = 'projects' AND action = 'insert'");
        const int datesBefore = auditCount("field = 'stage_date_2'");
        TableImporter importer(&desk.desk);
        QVERIFY(importer.open(path, TableKind::Projects));
        ImportResult r;
        const Status s = importer.run(&r, [cancel](double done) { return !(cancel && done > 0.9); });
        QCOMPARE(bool(s), !cancel);
        // Every new project and its signing date are in the audit trail, however the import wrote them.
        QCOMPARE(auditCount("table_name = 'projects' AND action = 'insert'"), insertsBefore + (cancel ? 0 : 12000));
        QCOMPARE(auditCount("field = 'stage_date_2'"), datesBefore + (cancel ? 0 : 12000));
        if (!cancel) {
            // An imported project's history says who added it and names it, as the project panel shows it.
            const qint64 id = ProjectFinder(&desk.db).find(QString(), QStringLiteral("长表项目11999"), desk.unit(u"覃塘区"));
            QVERIFY(id > 0);
            ChangeLogModel log(&desk.desk);
            ChangeLogFilter onlyIt;
            onlyIt.table = QStringLiteral("projects");
            onlyIt.recordId = id;
            log.setFilter(onlyIt);
            bool added = false;
            for (int row = 0; row < log.rowCount(); ++row) {
                const QString what = log.index(row, ChangeLogModel::Record).data().toString();
                added = added || (log.index(row, ChangeLogModel::Field).data().toString() == ChangeLogModel::tr("Project added") && what.contains(QStringLiteral("长表项目11999")));
            }
            QVERIFY2(added, "the history of an imported project has no entry that adds it");
        }
        const auto after = stageSumsAndRaw(desk.db);
        QCOMPARE(after.first, after.second);
        // So do the funnel, the industry chart and the stalled list on any day.
        {
            const PipelineByHand byHand(desk.db);
            ProgressCalculator calc(&desk.desk);
            for (const QDate &on : {QDate(2024, 3, 31), QDate(2024, 6, 17), QDate(2024, 12, 31)}) {
                const QString wrong = byHand.differences(calc, ProgressSettings(), on);
                QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
            }
        }
        QCOMPARE(indexes(), indexesBefore);
        if (!testOnServer()) {
            QVERIFY(indexesBefore.size() > 8);
            QSqlQuery plan(desk.db.connection()); // and the desk looks projects up by them again
            QVERIFY(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM projects WHERE industry = 'x'")));
            QVERIFY(plan.next());
            QVERIFY2(plan.value(3).toString().contains(QStringLiteral("projects_industry")), qPrintable(plan.value(3).toString()));
        }
        if (cancel)
            QCOMPARE(after.first, before.first);
        else
            QVERIFY(after.first != before.first);
        if (!testOnServer()) { // the server keeps its triggers and turns them off per transaction instead
            QSqlQuery q(desk.db.connection());
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stage_sums%'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 4);
        }
        // Edits after the import are counted again.
        Project p;
        p.name = QStringLiteral("导入后新增项目");
        p.unitId = desk.unit(u"覃塘区");
        p.stage = Stage::Signed;
        p.plannedInvestment = 500000000LL;
        p.stageDates.insert(Stage::Signed, QDate(2024, 3, 3));
        QVERIFY(desk.store->insertProject(p));
        const auto edited = stageSumsAndRaw(desk.db);
        QCOMPARE(edited.first, edited.second);
        QCOMPARE(auditCount(qPrintable(QStringLiteral("table_name = 'projects' AND action = 'insert' AND record_id = %1").arg(p.id))), 1);
    }

    void xlsxFromOpenpyxl()
    {
        if (!haveOpenpyxl())
            QFAIL("openpyxl is missing for /usr/bin/python3: install python3-openpyxl (bash packaging/deps.sh)");
        TestDesk desk;
        const QString path = desk.dir.filePath(QStringLiteral("pipeline.xlsx"));
        const QString script = QStringLiteral(
            "import datetime, openpyxl, sys\n"
            "wb = openpyxl.Workbook()\n"
            "first = wb.active; first.title = '说明'; first['A1'] = '本表为示例'\n"
            "ws = wb.create_sheet('项目')\n"
            "ws.merge_cells('A1:E1'); ws['A1'] = '覃塘区2023年招商项目台账'\n"
            "ws.append(['项目名称', '所属区县', '阶段', '投资额(亿元)', '签约时间'])\n"
            "ws.append(['星河装备', '覃塘区', '签约', 12.5, datetime.date(2023, 5, 1)])\n"
            "ws.append(['江南精密', '三里镇', '开工', 3, datetime.date(2023, 2, 10)])\n"
            "wb.save(sys.argv[1])\n");
        QProcess p;
        p.start(python(), {QStringLiteral("-c"), script, path});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        Status s;
        auto source = TableSource::open(path, &s);
        QVERIFY2(s, qPrintable(s.message()));
        QCOMPARE(source->sheets(), QStringList({QStringLiteral("说明"), QStringLiteral("项目")}));
        TableImporter importer(&desk.desk);
        QVERIFY(importer.open(path, TableKind::Projects, 1));
        QCOMPARE(importer.mapping().headerRow, 1); // the title row above is passed over
        QCOMPARE(importer.mapping().money.value(QStringLiteral("planned_investment")), MoneyUnit::Yi);
        ImportResult r;
        QVERIFY(importer.run(&r));
        QCOMPARE(r.added, 2);
        ProjectQuery q;
        q.text = QStringLiteral("星河装备");
        const Project star = *desk.store->project(desk.store->fetch(q, 0, 5).first().id);
        QCOMPARE(star.plannedInvestment, Yuan(1250000000));
        QCOMPARE(star.stageDates.value(Stage::Signed), QDate(2023, 5, 1));
    }

    void mergedHeaderCells()
    {
        if (!haveOpenpyxl())
            QFAIL("openpyxl is missing for /usr/bin/python3: install python3-openpyxl (bash packaging/deps.sh)");
        TestDesk desk;
        const QString path = desk.dir.filePath(QStringLiteral("merged.xlsx"));
        const QString script = QStringLiteral(
            "import openpyxl, sys\n"
            "wb = openpyxl.Workbook(); ws = wb.active\n"
            "ws.append(['项目名称', '所属区县', '投资额(万元)', None])\n"
            "ws.merge_cells('C1:D1')\n"
            "ws.append(['甲', '覃塘区', 100, 200])\n"
            "wb.save(sys.argv[1])\n");
        QProcess p;
        p.start(python(), {QStringLiteral("-c"), script, path});
        QVERIFY(p.waitForFinished(30000));
        Status s;
        auto source = TableSource::open(path, &s);
        QVERIFY(s);
        QVariantList row;
        QVERIFY(source->next(&row));
        QCOMPARE(row.value(3).toString(), QStringLiteral("投资额(万元)")); // the merged header fills its range
    }

    void brokenWorkbooksSayWhy()
    {
        TestDesk desk;
        const QString truncated = desk.dir.filePath(QStringLiteral("cut.xlsx"));
        writeFile(truncated, QByteArray("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10));
        Status s;
        QVERIFY(!TableSource::open(truncated, &s));
        QVERIFY(s.message().contains(QLatin1String("damaged")) || s.message().contains(QLatin1String("not a readable")));
        const QString locked = desk.dir.filePath(QStringLiteral("locked.xlsx"));
        writeFile(locked, QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(512, '\0'));
        QVERIFY(!TableSource::open(locked, &s));
        QVERIFY(s.message().contains(QLatin1String("password")));
    }

    void hostileWorkbooksAreRefusedWithinLimits_data()
    {
        QTest::addColumn<QString>("sharedStrings");
        QTest::addColumn<QString>("sheet");
        QTest::addColumn<QString>("says");
        const QString header = QStringLiteral("b'<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>'");
        const QString sheet = header + QStringLiteral(" + b'</sheetData></worksheet>'");
        const QString strings = QStringLiteral("b'<sst><si><t>\\xe9\\xa1\\xb9\\xe7\\x9b\\xae\\xe5\\x90\\x8d\\xe7\\xa7\\xb0</t></si></sst>'");
        QTest::newRow("shared strings that inflate a thousandfold")
            << QStringLiteral("b'<sst><si><t>' + b'A' * (100 << 20) + b'</t></si></sst>'") << sheet << QStringLiteral("zip bomb");
        QTest::newRow("a sheet that inflates a thousandfold")
            << strings << header + QStringLiteral(" + (b'<row>' + b'<c><v>1</v></c>' * 8 + b'</row>') * 1000000 + b'</sheetData></worksheet>'")
            << QStringLiteral("zip bomb");
        QTest::newRow("a cell far beyond the last column")
            << strings << header + QStringLiteral(" + b'<row r=\"2\"><c r=\"FXSHRX2\"><v>1</v></c></row></sheetData></worksheet>'")
            << QStringLiteral("FXSHRX2");
        QTest::newRow("garbage shared strings") << QStringLiteral("bytes(range(256)) * 40") << sheet << QStringLiteral("damaged");
        QTest::newRow("shared strings cut short") << QStringLiteral("b'<sst><si><t>\\xe9\\xa1\\xb9'") << sheet << QStringLiteral("damaged");
        QTest::newRow("a million merged ranges")
            << strings << header + QStringLiteral(" + b'</sheetData><mergeCells>' + b''.join(b'<mergeCell ref=\"A%d:B%d\"/>' % (i, i)"
                                                  " for i in range(1, 1000001)) + b'</mergeCells></worksheet>'")
            << QStringLiteral("merged");
    }
    void hostileWorkbooksAreRefusedWithinLimits()
    {
        QFETCH(QString, sharedStrings);
        QFETCH(QString, sheet);
        QFETCH(QString, says);
        TestDesk desk;
        const qint64 before = desk.store->projectCount();
        const QString path = desk.dir.filePath(QStringLiteral("hostile.xlsx"));
        QVERIFY(writeWorkbook(path, {{QStringLiteral("xl/sharedStrings.xml"), sharedStrings},
                                     {QStringLiteral("xl/worksheets/sheet1.xml"), sheet}}));
        QElapsedTimer clock;
        clock.start();
        TableImporter importer(&desk.desk);
        Status s = importer.open(path, TableKind::Projects);
        if (s) {
            ImportResult r;
            s = importer.run(&r);
        }
        QVERIFY(!s);
        QVERIFY2(s.message().contains(says), qPrintable(s.message()));
        QVERIFY2(clock.elapsed() < 60000, "refused only after a minute");
        QCOMPARE(desk.store->projectCount(), before);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("csv") << QStringLiteral("csv");
        QTest::newRow("xlsx") << QStringLiteral("xlsx");
    }
    void roundTrip()
    {
        QFETCH(QString, suffix);
        TestDesk from;
        const QString file = from.dir.filePath(QStringLiteral("all.") + suffix);
        QVERIFY(TableExporter::exportProjects(&from.desk, ProjectQuery(), file, TableExporter::Options()));
        // A desk with the same units and no projects.
        TestDesk to;
        QVERIFY(to.db.exec(QStringLiteral("DELETE FROM project_stages")));
        QVERIFY(to.db.exec(QStringLiteral("DELETE FROM projects")));
        TableImporter importer(&to.desk);
        QVERIFY(importer.open(file, TableKind::Projects));
        ImportResult r;
        QVERIFY(importer.run(&r));
        QCOMPARE(r.skipped, 0);
        QCOMPARE(to.store->projectCount(), from.store->projectCount());
        ProjectQuery byCode;
        byCode.sortField = ProjectField::Code;
        const QList<Project> a = from.store->fetch(byCode, 0, 1000), b = to.store->fetch(byCode, 0, 1000);
        for (int i = 0; i < a.size(); ++i) {
            for (int f = 0; f < int(ProjectField::Count); ++f) {
                const ProjectField field = ProjectField(f);
                if (field == ProjectField::Unit)
                    QCOMPARE(to.store->unitName(b.at(i).unitId), from.store->unitName(a.at(i).unitId));
                else
                    QVERIFY2(projectValue(a.at(i), field) == projectValue(b.at(i), field),
                             qPrintable(a.at(i).name + QLatin1String(": ") + fieldName(field)));
            }
        }
    }

    void anXlsxExportIsARealWorkbook()
    {
        // Read back by another program (openpyxl), as Excel or WPS would read it: numbers are numbers
        // with a number format, dates are dates, the header is bold and frozen, the sheet has a name.
        TestDesk desk;
        const QString file = desk.dir.filePath(QStringLiteral("台账.xlsx"));
        TableExporter::Options o;
        o.moneyUnit = MoneyUnit::Yi;
        QVERIFY(TableExporter::exportProjects(&desk.desk, ProjectQuery(), file, o));
        const QString planned = QStringLiteral("%1 (%2)").arg(fieldName(ProjectField::PlannedInvestment), Money::unitName(MoneyUnit::Yi));
        const char *script =
            "import sys, json, datetime, openpyxl\n"
            "wb = openpyxl.load_workbook(sys.argv[1])\n"
            "ws = wb.active\n"
            "head = [c.value for c in ws[1]]\n"
            "col = head.index(sys.argv[2]) + 1\n"
            "signed = head.index(sys.argv[3]) + 1\n"
            "nums = [ws.cell(r, col) for r in range(2, ws.max_row + 1) if ws.cell(r, col).value is not None]\n"
            "dates = [ws.cell(r, signed) for r in range(2, ws.max_row + 1) if ws.cell(r, signed).value is not None]\n"
            "print(json.dumps({'title': ws.title, 'bold': ws['A1'].font.b, 'freeze': ws.freeze_panes, 'rows': ws.max_row - 1,\n"
            "  'numeric': all(isinstance(c.value, (int, float)) for c in nums), 'format': nums[0].number_format if nums else '',\n"
            "  'dated': len(dates) > 0 and all(isinstance(c.value, datetime.datetime) for c in dates),\n"
            "  'width': ws.column_dimensions['B'].width, 'filter': ws.auto_filter.ref}, ensure_ascii=False))\n";
        QProcess py;
        if (!haveOpenpyxl())
            QFAIL("openpyxl is missing for /usr/bin/python3: install python3-openpyxl (bash packaging/deps.sh)");
        py.start(python(), {QStringLiteral("-c"), QString::fromUtf8(script), file, planned, fieldName(ProjectField::SignedDate)});
        QVERIFY(py.waitForFinished(60000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const QJsonObject o2 = QJsonDocument::fromJson(py.readAllStandardOutput()).object();
        QCOMPARE(o2.value(QLatin1String("title")).toString(), TableExporter::tr("Project pipeline"));
        QVERIFY(o2.value(QLatin1String("bold")).toBool());
        QCOMPARE(o2.value(QLatin1String("freeze")).toString(), QStringLiteral("A2"));
        QCOMPARE(o2.value(QLatin1String("rows")).toInt(), int(desk.store->projectCount()));
        QVERIFY(o2.value(QLatin1String("numeric")).toBool());
        QCOMPARE(o2.value(QLatin1String("format")).toString(), QStringLiteral("#,##0.00"));
        QVERIFY(o2.value(QLatin1String("dated")).toBool());
        QVERIFY(o2.value(QLatin1String("width")).toDouble() > 10); // the names' column is wide enough for them
        QVERIFY(!o2.value(QLatin1String("filter")).toString().isEmpty());
    }

    void gb18030Export()
    {
        TestDesk desk;
        const QString file = desk.dir.filePath(QStringLiteral("gbk.csv"));
        TableExporter::Options o;
        o.gb18030 = true;
        QVERIFY(TableExporter::exportTargets(&desk.desk, file, o));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        QStringDecoder gbk("GB18030");
        const QString text = gbk.decode(bytes);
        QVERIFY(text.contains(QStringLiteral("惠济区")));
    }
};

QTEST_GUILESS_MAIN(TestSpreadsheet)
#include "tst_spreadsheet.moc"
