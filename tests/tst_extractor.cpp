// The report extractor on reports written for these tests (tests/data/reports), in every encoding
// officers receive, and on the five sample reports with their hand-made answers (../shared).
#include "base/chinesenumber.h"
#include "desk/database.h"
#include "desk/factstore.h"
#include "reports/documenttext.h"
#include "reports/gazetteer.h"
#include "reports/readreport.h"
#include "reports/reporttext.h"
#include "reports/textdecoder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>

using namespace IPDesk;

namespace {

QString dataDir()
{
    return QStringLiteral(IPDESK_TEST_DATA) + QLatin1String("/reports");
}

QString readUtf8(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll());
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// "kind district year span metric value qualifier", one fact a line.
QStringList factLines(const QList<Fact> &facts)
{
    QStringList out;
    for (const Fact &f : facts)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                   .arg(f.kind, f.district.isEmpty() ? QStringLiteral("-") : f.district, QString::number(f.year), f.span, f.metric,
                        QString::number(f.value), f.qualifier); // (- for a report that never names its unit)
    out.sort();
    return out;
}

QStringList expectedLines(const QString &path)
{
    QStringList out;
    const QString year = QString::number(QDate::currentDate().year());
    for (QString line : readUtf8(path).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QStringList parts = line.split(QLatin1Char(' '));
        if (parts.size() != 7)
            continue;
        parts[2].replace(QLatin1String("YEAR"), year);
        parts[5] = QString::number(parts[5].toDouble());
        out << parts.join(QLatin1Char(' '));
    }
    out.sort();
    return out;
}

} // namespace

class TestExtractor : public QObject
{
    Q_OBJECT
private slots:
    void numerals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");
        QTest::newRow("arabic") << QStringLiteral("26.24") << 26.24;
        QTest::newRow("thousands") << QStringLiteral("1,500") << 1500.0;
        QTest::newRow("十二") << QStringLiteral("十二") << 12.0;
        QTest::newRow("三十") << QStringLiteral("三十") << 30.0;
        QTest::newRow("二十三") << QStringLiteral("二十三") << 23.0;
        QTest::newRow("一百零五") << QStringLiteral("一百零五") << 105.0;
        QTest::newRow("两千") << QStringLiteral("两千") << 2000.0;
        QTest::newRow("百") << QStringLiteral("百") << 100.0;
        QTest::newRow("三千五百万") << QStringLiteral("三千五百万") << 35000000.0;
        QTest::newRow("六十三点五") << QStringLiteral("六十三点五") << 63.5;
        QTest::newRow("零点零五") << QStringLiteral("零点零五") << 0.05;
    }
    void numerals()
    {
        QFETCH(QString, text);
        QFETCH(double, value);
        const auto v = parseChineseNumber(text);
        QVERIFY(v);
        QCOMPARE(*v, value);
        QVERIFY(!parseChineseNumber(QStringLiteral("项目")));
        QVERIFY(!parseChineseNumber(QStringLiteral("三点"))); // no digit after 点
        QVERIFY(!parseChineseNumber(QStringLiteral("三点十")));
    }
    // Figures as reports write them read to the very double the C library reads (26.24 亿元 is the same
    // amount whichever way it was read), for every digit count before and after the point.
    void decimalsAsTheLibraryReadsThem()
    {
        QRandomGenerator rng(7);
        for (int k = 0; k < 20000; ++k) {
            const int whole = int(rng.bounded(7)), decimals = int(rng.bounded(1, 8));
            QString text = QString::number(rng.bounded(1, 10));
            for (int d = 0; d < whole + decimals; ++d)
                text += QChar(u'0' + char16_t(rng.bounded(10))) + (d + 1 == whole ? QStringLiteral(".") : QString());
            if (whole == 0)
                text.insert(1, QLatin1Char('.'));
            const auto v = parseChineseNumber(text);
            QVERIFY2(v && *v == std::strtod(text.toLatin1().constData(), nullptr), qPrintable(text));
        }
    }

    void reports_data()
    {
        QTest::addColumn<QString>("file");
        // (and pages saved from a browser, and Word documents new and old, as officers load them)
        const QStringList files = QDir(dataDir()).entryList({QStringLiteral("*.txt"), QStringLiteral("*.html"), QStringLiteral("*.docx"),
                                                             QStringLiteral("*.doc")},
                                                            QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 5);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dataDir() + QLatin1Char('/') + f;
    }
    void reports()
    {
        QFETCH(QString, file);
        const Extraction e = ReadReport::fromFile(file).extraction;
        QVERIFY2(e.status, qPrintable(e.status.message()));
        const QStringList got = factLines(e.facts);
        const QStringList want = expectedLines(file.left(file.lastIndexOf(u'.')) + QLatin1String(".expect"));
        QStringList missing, extra;
        for (const QString &w : want)
            if (!got.contains(w))
                missing << w;
        for (const QString &g : got)
            if (!want.contains(g))
                extra << g;
        QVERIFY2(missing.isEmpty() && extra.isEmpty(),
                 qPrintable(QStringLiteral("missing:\n  %1\nextra:\n  %2").arg(missing.join(QLatin1String("\n  ")),
                                                                              extra.join(QLatin1String("\n  ")))));
    }

    void phrasings_data()
    {
        // Sentences of the genre written for this test (tests/data/make-phrasings.py): every metric in
        // every order, lists, sub-counts, growth rates, qualifiers, targets, and figures of no metric.
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QStringList>("facts");
        const QStringList lines = readUtf8(QStringLiteral(IPDESK_TEST_DATA) + QLatin1String("/phrasings.tsv")).split(QLatin1Char('\n'));
        int rows = 0;
        for (const QString &line : lines) {
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            const QStringList cols = line.split(QLatin1Char('\t'));
            QVERIFY(cols.size() == 4);
            QStringList facts = cols.at(3).split(QLatin1Char(';'), Qt::SkipEmptyParts);
            facts.sort();
            QTest::newRow(qPrintable(cols.at(0) + QLatin1Char(' ') + cols.at(2))) << cols.at(1) << cols.at(2) << facts;
            ++rows;
        }
        QVERIFY(rows >= 300);
    }
    void phrasings()
    {
        QFETCH(QString, unit);
        QFETCH(QString, sentence);
        QFETCH(QStringList, facts);
        const QString report = unit + QStringLiteral("招商引资工作动态\n发布时间:2024-07-10 09:00\n\n") + sentence + QLatin1Char('\n');
        QStringList got;
        for (const Fact &f : ReportExtractor().extract(report).facts)
            got << QStringList{f.district, QString::number(f.year), f.span, f.metric, f.kind, QString::number(f.value, 'g', 10),
                               f.qualifier}.join(QLatin1Char('|'));
        got.sort();
        QCOMPARE(got, facts);
    }

    void everyEncodingGivesTheSameFacts_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::newRow("GB18030") << QStringLiteral("GB18030");
        QTest::newRow("UTF-16LE with BOM") << QStringLiteral("UTF-16LE");
        QTest::newRow("UTF-16BE with BOM") << QStringLiteral("UTF-16BE");
        QTest::newRow("UTF-8 with BOM") << QStringLiteral("UTF-8 BOM");
    }
    void everyEncodingGivesTheSameFacts()
    {
        QFETCH(QString, encoding);
        const QString text = readUtf8(dataDir() + QLatin1String("/r01_county_towns.txt"));
        QByteArray bytes;
        if (encoding == QLatin1String("GB18030")) {
            QStringEncoder enc("GB18030");
            QVERIFY(enc.isValid());
            bytes = enc(text);
        } else if (encoding == QLatin1String("UTF-16LE")) {
            QStringEncoder enc(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
            bytes = enc(text);
        } else if (encoding == QLatin1String("UTF-16BE")) {
            QStringEncoder enc(QStringEncoder::Utf16BE, QStringEncoder::Flag::WriteBom);
            bytes = enc(text);
        } else {
            bytes = QByteArray("\xEF\xBB\xBF") + text.toUtf8();
        }
        const Extraction e = ReadReport::fromBytes(bytes).extraction;
        QVERIFY2(e.status, qPrintable(e.status.message()));
        QCOMPARE(e.encoding, encoding);
        QCOMPARE(factLines(e.facts), factLines(ReportExtractor().extract(text).facts));
        QVERIFY(!e.facts.isEmpty());
    }

    void everyEncodingGivesTheFactsOfItsUtf8Twin_data()
    {
        QTest::addColumn<QString>("report");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("Big5, traditional") << "r02_traditional.txt" << "Big5";
        QTest::newRow("UTF-16LE without a mark") << "r02_traditional.txt" << "UTF-16LE";
        QTest::newRow("UTF-16BE without a mark") << "r01_county_towns.txt" << "UTF-16BE";
        QTest::newRow("GBK, then UTF-8") << "r01_county_towns.txt" << "GB18030+UTF-8";
        QTest::newRow("GBK") << "r04_city_counties.txt" << "GB18030";
    }
    void everyEncodingGivesTheFactsOfItsUtf8Twin()
    {
        QFETCH(QString, report);
        QFETCH(QString, encoding);
        const QString text = readUtf8(dataDir() + QLatin1Char('/') + report);
        QByteArray bytes;
        if (encoding == QLatin1String("GB18030+UTF-8")) {
            // A page saved in GBK with a UTF-8 part pasted in after its first half.
            const qsizetype half = text.indexOf(QLatin1Char('\n'), text.size() / 2);
            QVERIFY(half > 0);
            bytes = QByteArray(QStringEncoder("GB18030")(text.left(half + 1)));
            bytes += text.mid(half + 1).toUtf8();
        } else {
            QStringEncoder enc(encoding.toLatin1().constData());
            QVERIFY(enc.isValid());
            bytes = enc(text);
            QVERIFY2(!enc.hasError(), "the test report must be writable in this encoding");
        }
        const ReadReport r = ReadReport::fromBytes(bytes);
        QVERIFY2(r.status, qPrintable(r.status.message()));
        QCOMPARE(r.text, text);
        QCOMPARE(r.extraction.encoding, encoding);
        QVERIFY(!r.encodingUnsure);
        // Only a mixed file warns; the others read as they are.
        QCOMPARE(r.encodingNote.isEmpty(), encoding != QLatin1String("GB18030+UTF-8"));
        QCOMPARE(factLines(r.extraction.facts), factLines(ReportExtractor().extract(text).facts));
        QVERIFY(!r.extraction.facts.isEmpty());
    }

    void anUncertainEncodingOffersTheReadingsToPickFrom()
    {
        // Ten characters whose bytes are common characters both in GBK and in Big5: the detector
        // cannot tell, so the officer is shown both readings.
        QByteArray bytes;
        for (int i = 0; i < 10; ++i)
            bytes += char(0xB0 + i), bytes += char(0xA1 + 3 * i);
        const TextDecoder::Result r = TextDecoder::decode(bytes);
        QVERIFY(r.status);
        QVERIFY(r.unsure);
        QVERIFY(r.candidates.contains(QLatin1String("GB18030")));
        QVERIFY(r.candidates.contains(QLatin1String("Big5")));
        const TextDecoder::Result big5 = TextDecoder::decodeAs(bytes, QStringLiteral("Big5"));
        QVERIFY(big5.status);
        QCOMPARE(big5.text, QStringDecoder("Big5")(bytes));
        QVERIFY(big5.text != TextDecoder::decodeAs(bytes, QStringLiteral("GB18030")).text);
        // A choice the bytes are not text in is refused, not turned into mojibake.
        QVERIFY(!TextDecoder::decodeAs(QByteArray("\x81\x30\xff\xff", 4), QStringLiteral("Big5")).status);
    }

    void aJapaneseTextIsReadAndSaidToBeJapanese()
    {
        const QString text = QStringLiteral("投資誘致の説明会が開かれ、新しいプロジェクトが十二件契約されました。");
        const ReadReport r = ReadReport::fromBytes(QStringEncoder("Shift_JIS")(text));
        QVERIFY(r.status);
        QCOMPARE(r.text, text);
        QCOMPARE(r.extraction.encoding, QStringLiteral("Shift_JIS"));
        QVERIFY(!r.encodingNote.isEmpty());
    }

    void evidencePointsIntoTheOriginal()
    {
        // Traditional characters and noise are removed before reading, yet the evidence is the
        // original sentence at its original place.
        const QString text = readUtf8(dataDir() + QLatin1String("/r02_traditional.txt"));
        const Extraction e = ReportExtractor().extract(text);
        QVERIFY(e.traditional);
        QVERIFY(!e.facts.isEmpty());
        for (const Fact &f : e.facts) {
            QVERIFY(f.evidenceEnd > f.evidenceStart);
            QCOMPARE(text.mid(f.evidenceStart, f.evidenceEnd - f.evidenceStart), f.evidenceText);
            QVERIFY2(ReportText::toSimplified(f.evidenceText) != f.evidenceText, qPrintable(f.evidenceText)); // still traditional
        }
    }

    void evidenceIsExactlyItsPlaceInEveryReport()
    {
        // In every test report, as it is and with its lines ended by CR LF (as Windows saves text), a
        // fact's evidence is the original text at its offsets (code points), with no indent or line end
        // the offsets take in and the text leaves out.
        for (const QString &name : QDir(dataDir()).entryList({QStringLiteral("*.txt")}, QDir::Files)) {
            const ReadReport read = ReadReport::fromFile(dataDir() + u'/' + name);
            QVERIFY2(read.status, qPrintable(name));
            QString windows = read.text;
            windows.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            windows.replace(u'\n', QStringLiteral("\r\n"));
            for (const QString &text : {read.text, windows}) {
                QList<qsizetype> unitOf; // code point -> UTF-16 offset
                for (qsizetype i = 0; i <= text.size(); ++i) {
                    if (i == text.size() || !text.at(i).isLowSurrogate())
                        unitOf.append(i);
                }
                for (const Fact &f : ReportExtractor().extract(text).facts) {
                    QVERIFY2(f.evidenceStart < f.evidenceEnd && f.evidenceEnd < unitOf.size(), qPrintable(name));
                    const QString at = text.mid(unitOf.at(f.evidenceStart), unitOf.at(f.evidenceEnd) - unitOf.at(f.evidenceStart));
                    QVERIFY2(at == f.evidenceText, qPrintable(name + QLatin1String(": ") + at + QLatin1String(" | ") + f.evidenceText));
                }
            }
        }
    }

    void aSavedPageReadsAsText()
    {
        // A page saved as HTML: its title is the page's, and each fact's evidence, where the reader shows
        // the page without its markup, stands on the figure it gave.
        const ReadReport r = ReadReport::fromFile(dataDir() + QLatin1String("/r87_saved_page.html"));
        QVERIFY(r.status);
        QVERIFY2(r.title.startsWith(QStringLiteral("瑞昌市前三季度")), qPrintable(r.title));
        QVERIFY(ReportText::isMarkup(r.text));
        std::vector<int> shownAt;
        const QString shown = ReportText::readable(r.text, &shownAt);
        QVERIFY(!shown.contains(u'<') && !shown.contains(QLatin1String("&nbsp;")) && !shown.contains(QLatin1String("_hmt")));
        QVERIFY(!r.extraction.facts.isEmpty());
        for (const Fact &f : r.extraction.facts) {
            const QString sentence = shown.mid(shownAt[size_t(f.evidenceStart)], shownAt[size_t(f.evidenceEnd)] - shownAt[size_t(f.evidenceStart)]);
            QVERIFY2(sentence.contains(QString::number(f.value)), qPrintable(sentence));
            QVERIFY2(!sentence.contains(u'<'), qPrintable(sentence));
        }
    }

    void aWordDocumentReadsAsItsText()
    {
        // The text Word holds is the report: its title, its sentences whole though Word split them into
        // runs, no deleted text of tracked changes, no field codes, the table's rows a line each.
        const ReadReport r = ReadReport::fromFile(dataDir() + QLatin1String("/r95_word_document.docx"));
        QVERIFY2(r.status, qPrintable(r.status.message()));
        QCOMPARE(r.title, QStringLiteral("寻乌县2025年1-9月招商引资工作情况"));
        QVERIFY(r.text.contains(QStringLiteral("新签约项目26个")));
        QVERIFY(!r.text.contains(QStringLiteral("20个")) && !r.text.contains(QStringLiteral("MERGEFIELD")));
        QVERIFY(r.text.contains(QStringLiteral("长宁镇\t8\t35.2\n")));
        // The same text as a file of its own reads to the same facts.
        QTemporaryDir dir;
        const QString txt = dir.filePath(QStringLiteral("same.txt"));
        QFile f(txt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.text.toUtf8());
        f.close();
        QCOMPARE(factLines(ReadReport::fromFile(txt).extraction.facts), factLines(r.extraction.facts));
        // A header cell merged across two columns is followed by an empty one: the columns below stay
        // under their heads (a merged cell down the rows is empty below its first).
        const ReadReport merged = ReadReport::fromFile(dataDir() + QLatin1String("/r98_word_merged_header.docx"));
        QVERIFY2(merged.text.contains(QStringLiteral("县(市、区)\t签约项目\t\t实际到位资金\n\t本月\t累计\t本月\t累计\n")), qPrintable(merged.text));
    }

    void brokenOrHostileWordDocumentsSayWhy_data()
    {
        // Python's zipfile makes archives no word processor would.
        QTest::addColumn<QString>("script"); // writes the archive to sys.argv[1]
        QTest::addColumn<QString>("says");   // words of the message
        const QString head = QStringLiteral("import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\n");
        QTest::newRow("a workbook, not a document") << head + QStringLiteral("z.writestr('xl/workbook.xml', '<workbook/>')\nz.close()\n")
                                                   << QStringLiteral("word/document.xml");
        QTest::newRow("a zip bomb") << head + QStringLiteral("z.writestr('word/document.xml', b'<w:document>' + b' ' * (100 << 20))\nz.close()\n")
                                    << QStringLiteral("200");
        QTest::newRow("broken XML") << head + QStringLiteral("z.writestr('word/document.xml', '<w:document><w:p><w:t>签约项目12个</w:p>')\nz.close()\n")
                                    << QStringLiteral("document.docx");
        QTest::newRow("no text") << head + QStringLiteral("z.writestr('word/document.xml', '<w:document xmlns:w=\"w\"><w:body/></w:document>')\nz.close()\n")
                                 << QStringLiteral("document.docx");
        QTest::newRow("cut short") << QStringLiteral("import sys, zipfile, io\nb = io.BytesIO()\nz = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)\n"
                                                     "z.writestr('word/document.xml', '<w:document>' + '签约项目12个' * 5000 + '</w:document>')\n"
                                                     "z.close()\nopen(sys.argv[1], 'wb').write(b.getvalue()[:3000])\n")
                                   << QStringLiteral("document.docx");
    }
    void brokenOrHostileWordDocumentsSayWhy()
    {
        QFETCH(QString, script);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("document.docx"));
        QProcess p;
        p.start(QStringLiteral("python3"), {QStringLiteral("-c"), script, path});
        QVERIFY(p.waitForFinished(120000) && p.exitCode() == 0);
        const ReadReport r = ReadReport::fromFile(path);
        QVERIFY(!r.status);
        QVERIFY2(r.status.message().contains(says), qPrintable(r.status.message()));
        QVERIFY(r.extraction.facts.isEmpty());
    }

    void aPdfsLinesAreJoinedWhereThePageBrokeThem()
    {
        // pdftotext -layout's text: a sentence broken at the page's width goes on; a paragraph that opens
        // indented, a numbered item, a table's rows stay lines; a page's number at its foot and the margins
        // between pages go, so that a table (one cell a line) goes on over the page break.
        const QString wide = QStringLiteral("今年以来,全县坚持把招商引资作为“一号工程”来抓,1-9月全县共签约项目41个,签约金额");
        const QString laidOut = wide + QStringLiteral("\n176.3亿元。\n    二是抓落实。全县新开工项目26个。\n(一)签约项目。\n")
            + QStringLiteral("章贡区    42      215.3\n南康区    38      186.7\n县(市、区)\n赣县区\n\n\n                 1\n\f\n\n31\n142.6\n\n     - 2 -\n\f");
        const QString joined = DocumentText::joinWrappedLines(laidOut);
        QVERIFY2(joined.contains(wide + QStringLiteral("176.3亿元。\n    二是抓落实。")), qPrintable(joined));
        QVERIFY2(joined.contains(QStringLiteral("26个。\n(一)签约项目。\n章贡区    42      215.3\n南康区")), qPrintable(joined));
        QVERIFY2(joined.contains(QStringLiteral("赣县区\n31\n142.6")), qPrintable(joined));
        QVERIFY(!joined.contains(QStringLiteral("- 2 -")) && !joined.contains(QStringLiteral("   1\n")));
    }

    void aPdfsParagraphWrappedAfterItsFullStopGoesOn()
    {
        // A page that marks its paragraphs by blank lines and is seen to wrap (a full line breaks off a
        // sentence): a full line that ends with 。 goes on in the next line too. A page that never wraps
        // keeps such a line's break (two short paragraphs with no blank line between).
        const QString wraps = QStringLiteral("1-8月,按实际到位资金排名,前三位依次为:安远县36.2亿元、定南县29.7亿元、全南县21.4亿元。\n"
                                             "签约项目数方面,安远县、定南县、全南县居前三,分别为12个、10个和9个。\n\n"
                                             "从此次签约项目看,龙南市签约项目7个、签约金额48.2亿元;信丰县5个、31.6亿元;大余县4个、\n"
                                             "27.9亿元。\n\n下一步,全市将继续开展小分队招商。\n");
        QVERIFY2(DocumentText::joinWrappedLines(wraps).contains(QStringLiteral("21.4亿元。签约项目数方面")),
                 qPrintable(DocumentText::joinWrappedLines(wraps)));
        const QString neverWraps = QStringLiteral("1-7月,全市新签约项目38个,实际到位资金44.7亿元;其中7月份新签约项目6个。\n"
                                                  "全市外出招商19批次,接待客商来访42批次。\n\n下一步,全市将确保全年新签约项目65个。\n\n"
                                                  "潜山市招商引资工作领导小组办公室\n");
        QVERIFY2(DocumentText::joinWrappedLines(neverWraps).contains(QStringLiteral("6个。\n全市外出招商")),
                 qPrintable(DocumentText::joinWrappedLines(neverWraps)));
    }

    void aPdfsTableHeaderStaysOverItsRows()
    {
        // pdftotext sets a narrow table's cells one space apart; its header may be the page's widest line,
        // and ends no sentence. It stays a line of its own over the rows: a row's last cells are figures.
        const QString page = QStringLiteral("2025 年 1-10 月招商引资主要指标完成情况\n\n单位:个、亿元\n\n"
                                             "指标名称 本月 1-10 月累计 年度目标 完成率\n新签约项目 5 48 60 80.0%\n"
                                             "签约金额 21.6 226.4 280 80.9%\n");
        const QString joined = DocumentText::joinWrappedLines(page);
        QVERIFY2(joined.contains(QStringLiteral("完成率\n新签约项目 5 48")), qPrintable(joined));
        // (a PDF's spaced sentence is no row: 全区新洽谈项目 96 个,… goes on over its break)
        const QString prose = QStringLiteral("据区投资促进中心统计,1-3 月,全区新洽谈项目 96 个,其中亿元以上项目 41 个;共签约 28 个项目,协议总投\n"
                                             "资 186.4 亿元,同比增长 37.2%。\n");
        QVERIFY2(DocumentText::joinWrappedLines(prose).contains(QStringLiteral("协议总投资 186.4")), qPrintable(DocumentText::joinWrappedLines(prose)));
    }

    void aStatisticsSheetIsReadAsAReport()
    {
        // The figures of the units as a bureau sends them in a workbook (a title merged above a header,
        // numbers as numbers) or as a CSV in GBK: read as a report, each unit's row gives its facts, in
        // the period the title names.
        QTemporaryDir dir;
        const QString xlsx = dir.filePath(QStringLiteral("stats.xlsx"));
        const QString script = QStringLiteral(
            "import sys, openpyxl\nwb = openpyxl.Workbook()\nws = wb.active\nws.title = '1-9月'\n"
            "ws.append(['2025年1-9月各县(市、区)招商引资主要指标完成情况'])\nws.merge_cells('A1:D1')\n"
            "ws.append(['县(市、区)', '签约项目(个)', '签约金额(亿元)', '到位资金(亿元)'])\n"
            "ws.append(['章贡区', 42, 215.3, 96.4])\nws.append(['南康区', 38, 186.7, 88.2])\nwb.save(sys.argv[1])\n");
        QProcess p;
        p.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, xlsx}); // (Debian's python3-openpyxl is /usr/bin/python3's)
        QVERIFY2(p.waitForFinished(60000) && p.exitCode() == 0, "openpyxl is missing for /usr/bin/python3: bash packaging/deps.sh");
        const QString csv = dir.filePath(QStringLiteral("stats.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringEncoder("GB18030").encode(QStringLiteral("2025年1-9月各县(市、区)招商引资主要指标完成情况\r\n"
                                                                "县(市、区),签约项目(个),签约金额(亿元),到位资金(亿元)\r\n"
                                                                "章贡区,42,215.3,96.4\r\n南康区,38,186.7,88.2\r\n")));
        f.close();
        const QStringList want = {QStringLiteral("actual 南康区 2025 M01-M09 funds_in_place 88.2 exact"),
                                  QStringLiteral("actual 南康区 2025 M01-M09 signed_investment 186.7 exact"),
                                  QStringLiteral("actual 南康区 2025 M01-M09 signed_projects 38 exact"),
                                  QStringLiteral("actual 章贡区 2025 M01-M09 funds_in_place 96.4 exact"),
                                  QStringLiteral("actual 章贡区 2025 M01-M09 signed_investment 215.3 exact"),
                                  QStringLiteral("actual 章贡区 2025 M01-M09 signed_projects 42 exact")};
        for (const QString &path : {xlsx, csv}) {
            const ReadReport r = ReadReport::fromFile(path);
            QVERIFY2(r.status, qPrintable(r.status.message()));
            QCOMPARE(r.title, QStringLiteral("2025年1-9月各县(市、区)招商引资主要指标完成情况"));
            QStringList got = factLines(r.extraction.facts);
            got.sort();
            QCOMPARE(got, want);
        }
    }

    void brokenPdfAndOldOfficeFilesSayWhy()
    {
        // A PDF cut short is damaged (pdftotext says so, and the reader in its own words); an old Word file
        // whose text catdoc cannot take out (an OLE compound file with nothing in it), and an old Excel
        // workbook, are no text: the officer is told how to make them text, not that the file looks binary.
        QTemporaryDir dir;
        const QByteArray ole = QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(512, '\0');
        const QList<std::tuple<QString, QByteArray, QString>> files = {
            {QStringLiteral("briefing.pdf"), QByteArray("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), QStringLiteral("damaged")},
            {QStringLiteral("briefing.doc"), ole, QStringLiteral(".docx")},
            {QStringLiteral("briefing.wps"), ole, QStringLiteral(".docx")},
            {QStringLiteral("figures.xls"), ole, QStringLiteral(".xlsx")}};
        for (const auto &[name, bytes, advice] : files) {
            const QString path = dir.filePath(name);
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
            f.close();
            const ReadReport r = ReadReport::fromFile(path);
            QVERIFY(!r.status);
            QVERIFY2(r.status.message().contains(advice), qPrintable(r.status.message()));
        }
    }

    void longRunsCostTheirLength_data()
    {
        QTest::addColumn<QString>("unit"); // repeated to make one line of thousands of clauses
        QTest::newRow("clauses of bare names") << QStringLiteral("1-9月,瑞金签约项目31个,于都27个,兴国24个,");
        QTest::newRow("a list of towns") << QStringLiteral("、禾口乡");
        QTest::newRow("periods and projects") << QStringLiteral("2024年1-6月新签约某某新材料项目12个、");
    }
    void longRunsCostTheirLength()
    {
        // A text of one endless sentence (a table or a list run into one line) is read in time that grows
        // with its length, not with its square: four times the text, not sixteen times the time. (The
        // quickest of three readings each, to keep the machine's noise out.)
        QFETCH(QString, unit);
        auto seconds = [&unit](int copies) {
            const QString text = QStringLiteral("2024年7月8日\n上半年,城厢镇签约项目8个") + unit.repeated(copies) + QStringLiteral("。\n");
            double best = 1e9;
            for (int k = 0; k < 3; ++k) {
                QElapsedTimer t;
                t.start();
                ReportExtractor().extract(text);
                best = std::min(best, t.nsecsElapsed() / 1e9);
            }
            return best;
        };
        const double small = seconds(3000), large = seconds(12000);
        QVERIFY2(large < 10 * small + 0.05, qPrintable(QStringLiteral("%1 s for 3000 copies, %2 s for 12000").arg(small).arg(large)));
    }

    void noiseIsRemoved()
    {
        const ReportText t(QStringLiteral("經(jīng)濟(jì)發展,招商蛇口(14.000, 0.00, 0.00%)股份,总投资28. 1亿元,点招j9覃塘区\n版权声明:本文由网络收集\n- ·无关新闻标题"));
        QVERIFY2(t.clean().startsWith(QStringLiteral("经济发展,招商蛇口股份,总投资28.1亿元,点招覃塘区")), qPrintable(t.clean()));
        QVERIFY(!t.clean().contains(QStringLiteral("版权")));
        QVERIFY(!t.clean().contains(QStringLiteral("无关新闻")));
        // Offsets still lead back to the original characters.
        const qsizetype i = t.clean().indexOf(QStringLiteral("28.1"));
        QCOMPARE(t.original().at(t.originalOffset(i)), QLatin1Char('2'));
    }

    void badInputIsRefusedClearly_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20) << QStringLiteral("binary");
        QTest::newRow("undetectable") << QByteArray("\xff\xfe\xfd\x80\x81\xff\x80\x80", 8).mid(2)
                                      << QStringLiteral("encoding");
    }
    void badInputIsRefusedClearly()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, why);
        const Extraction e = ReadReport::fromBytes(bytes).extraction;
        QVERIFY(!e.status);
        QVERIFY2(e.status.message().contains(why), qPrintable(e.status.message()));
        QVERIFY(e.facts.isEmpty());
    }

    void aTitleAndItsBylineAreNoWrappedText()
    {
        // A title and the byline under it that happen to be as wide as each other, over a table: no text
        // wrapped at a fixed width, so the figure's sentence is its own line, not the title's too.
        const QString text = QStringLiteral("太湖县2026年1-9月招商引资工作情况\n太湖县投资促进中心 2026年10月12日\n"
                                            "1-9月,全县新签约项目34个,签约金额142.6亿元;新开工项目19个。\n各镇完成情况:\n"
                                            "镇\t签约项目(个)\t签约金额(亿元)\n晋熙镇\t8\t36.2\n");
        const Extraction e = ReportExtractor().extract(text);
        QVERIFY(!e.facts.isEmpty());
        const Fact &first = e.facts.first();
        QCOMPARE(first.metric, QStringLiteral("signed_projects"));
        QVERIFY2(first.evidenceText.startsWith(QStringLiteral("1-9月")), qPrintable(first.evidenceText));
    }

    void linesEndedByACarriageReturnAlone()
    {
        // An old Mac file, or an export that ends its lines with CR alone: read as lines, the same facts as
        // with LF, and the evidence where it stands in the file.
        const QString lf = QStringLiteral("仪征市招商引资工作简报\n2026-05-06\n\n1-4月,仪征市新签约项目18个,协议投资62.4亿元。\n"
                                          "去年,仪征市新开工项目31个。\n");
        QString cr = lf;
        cr.replace(u'\n', u'\r');
        const Extraction a = ReportExtractor().extract(lf);
        const Extraction b = ReportExtractor().extract(cr);
        QCOMPARE(factLines(b.facts), factLines(a.facts));
        QVERIFY2(factLines(b.facts).contains(QStringLiteral("actual 仪征市 2025 FY started_projects 31 exact")), qPrintable(factLines(b.facts).join(u'\n')));
        const Fact &signed_ = b.facts.first();
        QCOMPARE(cr.mid(signed_.evidenceStart, signed_.evidenceEnd - signed_.evidenceStart), signed_.evidenceText);
        // And CR LF, a list of one item a line: each line after a semicolon goes on in the metrics of the one
        // before (the CR after a line's last semicolon is no sentence of its own).
        const QString list = QStringLiteral("邵阳市招商动态\r\n2017-06-09\r\n\r\n6月8日,邵阳市产业项目推介会在长沙举行。\r\n"
                                            "从此次签约项目的分布看,邵东县签约项目8个、签约金额76.3亿元;\r\n隆回县6个、45.2亿元;\r\n"
                                            "武冈市5个、42.8亿元。\r\n");
        QString lineFeeds = list;
        lineFeeds.remove(u'\r');
        const QStringList crlfFacts = factLines(ReportExtractor().extract(list).facts);
        QCOMPARE(crlfFacts, factLines(ReportExtractor().extract(lineFeeds).facts));
        QVERIFY2(crlfFacts.contains(QStringLiteral("actual 武冈市 2017 M06 signed_investment 42.8 exact")), qPrintable(crlfFacts.join(u'\n')));
    }

    void aShareInARowOfAmountsIsNoAmount()
    {
        // A table of indicators whose second column's header says a period but whose cells are growth rates
        // (a header cut short when the table was copied): a share in a row of a count or an amount is no
        // figure of it.
        const QString text = QStringLiteral("经开区1-9月招商引资情况\n2026-10-12\n\n指标\t1-9月\t本年累计\n新签约项目(个)\t36\t12.5%\n"
                                            "签约金额(亿元)\t142.8\t15.3%\n完成年度目标(%)\t78.4\t78.4\n");
        const QStringList got = factLines(ReportExtractor().extract(text).facts);
        QVERIFY2(got.contains(QStringLiteral("actual 经开区 2026 M01-M09 signed_projects 36 exact")), qPrintable(got.join(u'\n')));
        QVERIFY2(got.contains(QStringLiteral("actual 经开区 2026 M01-M09 signed_investment 142.8 exact")), qPrintable(got.join(u'\n')));
        QVERIFY2(got.filter(QStringLiteral(" 12.5 ")).isEmpty() && got.filter(QStringLiteral(" 15.3 ")).isEmpty(), qPrintable(got.join(u'\n')));
    }

    void aReportIsListedByItsTitle()
    {
        // The import dialog and the desk list a report by its title: a WeChat post's call to follow over it,
        // or a site's name and menus, is not the title; a title the caller gives (a pasted text's) stays.
        const ReadReport post = ReadReport::fromFile(dataDir() + QLatin1String("/r177_wechat_post_sent_from_a_province.txt"));
        QCOMPARE(post.title, QStringLiteral("重磅!前10月成绩单来了→"));
        const QString page = QStringLiteral("赣州市人民政府\n网站首页 | 政务公开 | 互动交流\n当前位置:首页 > 县区动态\n"
                                            "于都县1-9月新签约项目41个\n发布时间:2025-10-12\n\n1-9月,于都县新签约项目41个。\n");
        QCOMPARE(ReadReport::fromText(page, QString()).title, QStringLiteral("于都县1-9月新签约项目41个"));
        QCOMPARE(ReadReport::fromText(page, QStringLiteral("粘贴的文本")).title, QStringLiteral("粘贴的文本"));
    }

    void amountsScaledKeepTheirDecimals()
    {
        // 1.36万亿元 is 13600亿元 and 8650万元 0.865亿元 exactly, as the JSON and the desk store them; not
        // 13600.000000000002, which a review and an export would show.
        const QString text = QStringLiteral("湖南省招商引资动态\n2026-10-20\n\n前三季度,全省签约金额1.36万亿元;长沙市到位资金8650万元,"
                                            "完成年度目标的九成。\n");
        QHash<QString, double> values;
        for (const Fact &f : ReportExtractor().extract(text).facts)
            values.insert(f.metric, f.value);
        QVERIFY2(values.value(QStringLiteral("signed_investment")) == 13600.0, qPrintable(QString::number(values.value(QStringLiteral("signed_investment")), 'g', 17)));
        QVERIFY2(values.value(QStringLiteral("funds_in_place")) == 0.865, qPrintable(QString::number(values.value(QStringLiteral("funds_in_place")), 'g', 17)));
        QVERIFY2(values.value(QStringLiteral("annual_completion_pct")) == 90.0, qPrintable(QString::number(values.value(QStringLiteral("annual_completion_pct")), 'g', 17)));
    }

    void aTablesCutOffDayIsItsFiguresDay()
    {
        // 各乡镇…完成情况(截至2026年8月31日) over a table: its figures of the year so far are as of that day
        // (the targets are the year's, of no day).
        const Extraction e = ReadReport::fromFile(dataDir() + QLatin1String("/r158_target_column_before_counts.txt")).extraction;
        int soFar = 0;
        for (const Fact &f : e.facts) {
            QCOMPARE(f.asOf, f.kind == QLatin1String("target") ? QDate() : QDate(2026, 8, 31));
            soFar += f.span == QLatin1String("YTD");
        }
        QCOMPARE(soFar, 12);
    }

    void charactersOutsideTheBasicPlane()
    {
        // An emoji of a WeChat post (📌 over a section, 📈 after a figure) or a rare character of a name (王𬭚),
        // outside the basic plane: the figures around it read as without it (the regex engine finds nothing in
        // a piece of text that holds half a pair, and the figures before 📌 were lost), the evidence counts it
        // as one character. Half a pair left alone, of a UTF-16 file cut short, hides no figure either.
        const QString plain = QStringLiteral("仪征市招商引资工作简报\n2026-05-06\n\n1-4月,仪征市新签约项目18个,协议投资62.4亿元。\n"
                                             "数据速览\n新开工项目9个,局长王华说。\n");
        QString emoji = plain;
        emoji.replace(QStringLiteral("亿元。"), QStringLiteral("亿元📈。"));
        emoji.replace(QStringLiteral("数据"), QStringLiteral("📌 数据"));
        emoji.replace(QStringLiteral("王华"), QStringLiteral("王𬭚"));
        QString half = plain;
        half.insert(half.indexOf(QStringLiteral("数据")), QChar(0xD83D));
        const QStringList want = factLines(ReportExtractor().extract(plain).facts);
        QVERIFY2(want.contains(QStringLiteral("actual 仪征市 2026 M01-M04 signed_investment 62.4 exact")), qPrintable(want.join(u'\n')));
        QVERIFY2(want.filter(QStringLiteral("started_projects 9 exact")).size() == 1, qPrintable(want.join(u'\n')));
        const Extraction e = ReportExtractor().extract(emoji);
        QCOMPARE(factLines(e.facts), want);
        QCOMPARE(factLines(ReportExtractor().extract(half).facts), want);
        // (the evidence in code points, as the contract counts: the emoji before it is one)
        const QList<uint> points = emoji.toUcs4();
        for (const Fact &f : e.facts) {
            const QList<uint> quoted = points.mid(f.evidenceStart, f.evidenceEnd - f.evidenceStart);
            QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(quoted.constData()), quoted.size()), f.evidenceText);
        }
    }

    void aFewBadBytesAreShownAndSaid()
    {
        // A report cut off in the middle of a character, or with a stray byte: read, the bad places shown
        // as U+FFFD and said so, the figures around them kept.
        const QString text = QStringLiteral("仪征市招商引资工作简报\n2026-05-06\n\n1-4月,仪征市新签约项目18个,协议投资62.4亿元;新开工项目9个。\n");
        QByteArray utf8 = text.toUtf8();
        // (after the comma that follows 1-4月: the first two bytes of a three-byte character; a stray byte)
        utf8.insert(utf8.indexOf(",", utf8.indexOf("1-4")) + 1, "\xE5\x9B");
        QByteArray gbk = QStringEncoder("GB18030")(text);
        gbk.insert(gbk.indexOf(",", gbk.indexOf("1-4")) + 1, '\xFF');
        for (const QByteArray &bytes : {utf8, gbk}) {
            const ReadReport r = ReadReport::fromBytes(bytes);
            QVERIFY2(r.extraction.status, qPrintable(r.extraction.status.message()));
            QVERIFY(r.text.contains(QChar(0xFFFD)) || r.text.contains(QChar(0x1A)));
            QVERIFY2(r.encodingNote.contains(QChar(0xFFFD)), qPrintable(r.encodingNote));
            const QStringList facts = factLines(r.extraction.facts);
            QVERIFY2(facts.contains(QStringLiteral("actual 仪征市 2026 M01-M04 signed_projects 18 exact")), qPrintable(facts.join(u'\n')));
            QVERIFY2(facts.contains(QStringLiteral("actual 仪征市 2026 M01-M04 started_projects 9 exact")), qPrintable(facts.join(u'\n')));
        }
        // A UTF-8 report full of rare names (歙县, 黟县, 濉溪, 枞阳, 亳州…) with one stray byte is still UTF-8:
        // it need not read as everyday Chinese as well as a legacy reading must.
        const QString rare = QStringLiteral("皖南各县招商动态\n2026-05-06\n\n1-4月,歙县新签约项目11个;黟县、祁门、绩溪、旌德与泾县、濉溪、"
                                            "枞阳、亳州、涡阳、蒙城、颍上、鄄城、郓城、郯城、莒县、沭阳、盱眙、邗江、邳州、睢宁、"
                                            "鄞州、婺源、弋阳、铅山、犍为、郫都、邛崃、岢岚、隰县、鄯善、麟游客商接踵而至。\n");
        QByteArray rareUtf8 = rare.toUtf8();
        rareUtf8.insert(rareUtf8.indexOf(",", rareUtf8.indexOf("1-4")) + 1, "\xE5\x9B");
        const ReadReport rareRead = ReadReport::fromBytes(rareUtf8);
        QVERIFY2(rareRead.extraction.status, qPrintable(rareRead.extraction.status.message()));
        QVERIFY2(factLines(rareRead.extraction.facts).contains(QStringLiteral("actual 歙县 2026 M01-M04 signed_projects 11 exact")),
                 qPrintable(factLines(rareRead.extraction.facts).join(u'\n')));
        // Many bad bytes are no report.
        QByteArray worse = utf8;
        for (int k = 0; k < 20; ++k)
            worse.insert(worse.size() / 2, "\xFF");
        QVERIFY(!ReadReport::fromBytes(worse).extraction.status);
    }

    void projectMentions()
    {
        const Extraction e = ReadReport::fromFile(dataDir() + QLatin1String("/r06_projects.txt")).extraction;
        QVERIFY(e.status);
        QCOMPARE(e.projects.size(), 2);
        const ProjectMention &landed = e.projects.at(0);
        QCOMPARE(landed.name, QStringLiteral("星河智能装备制造项目"));
        QCOMPARE(landed.district, QStringLiteral("姑苏区"));
        QCOMPARE(landed.stageCode, QStringLiteral("registered"));
        QCOMPARE(landed.investmentYi, 12.0);
        const ProjectMention &building = e.projects.at(1);
        QCOMPARE(building.name, QStringLiteral("江南精密部件有限公司"));
        QCOMPARE(building.stageCode, QStringLiteral("started")); // 预计明年投产 is not reached yet
        QCOMPARE(building.signedOn, QDate(2023, 3, 1));             // 去年3月 from a 2024 report
        QCOMPARE(building.startedOn, QDate(2023, 8, 1));
    }

    void aResponsibleDepartmentsShareIsItsOwn()
    {
        // A report written here: the city's figures broken down by the departments that lead the work.
        const QString text = QStringLiteral(
            "1-2月全市招商引资情况\n2024年3月8日\n"
            "1-2月,全市共签约项目39个,总投资211.4亿元。分责任单位看,市发改委牵头引进项目5个、总投资36.2亿元;"
            "市工信局牵头引进项目7个、总投资41.5亿元。\n");
        // Not known as a unit: the department's share is no figure of the city's.
        const QStringList plain = factLines(ReadReport::fromText(text, QString()).extraction.facts);
        QCOMPARE(plain, QStringList({QStringLiteral("actual - 2024 M01-M02 signed_investment 211.4 exact"),
                                     QStringLiteral("actual - 2024 M01-M02 signed_projects 39 exact")}));
        // A desk that holds the department as a responsible unit gets its figures as that unit's.
        const QStringList known = factLines(ReadReport::fromText(text, QString(), {QStringLiteral("市发改委")}).extraction.facts);
        QVERIFY2(known.contains(QStringLiteral("actual 市发改委 2024 M01-M02 introduced_projects 5 exact")), qPrintable(known.join(u'\n')));
        QVERIFY(!known.join(u'\n').contains(QStringLiteral("introduced_projects 7")));
    }

    void aDeskUnitStaysKnownInABulletinToParks()
    {
        // A bulletin addressed to a park no code list names, on a desk that holds a unit of its own
        // (城南片区): both are units, the park by the address, the desk's unit by the desk.
        const QString text = QStringLiteral(
            "关于1-4月招商引资工作情况的通报\n2025年5月9日\n各乡镇(街道),金桥工业园:\n"
            "1-4月,城南片区新签约项目6个;金桥工业园新签约项目4个。\n");
        const QStringList known = factLines(ReadReport::fromText(text, QString(), {QStringLiteral("城南片区")}).extraction.facts);
        QVERIFY2(known.contains(QStringLiteral("actual 城南片区 2025 M01-M04 signed_projects 6 exact")), qPrintable(known.join(u'\n')));
        QVERIFY2(known.contains(QStringLiteral("actual 金桥工业园 2025 M01-M04 signed_projects 4 exact")), qPrintable(known.join(u'\n')));
    }

    void aReportWithoutFiguresGivesNoFacts()
    {
        const Extraction e = ReportExtractor().extract(
            QStringLiteral("营商环境是发展的生命线。我们将持续优化服务,欢迎各地企业来投资兴业。"));
        QVERIFY(e.status);
        QVERIFY(e.facts.isEmpty());
    }

    void neverCrashesOnRandomBytes()
    {
        // A short in-suite fuzz; the libFuzzer target (tests/fuzz) runs longer under clang.
        QRandomGenerator rng(20231126);
        const QString seed = readUtf8(dataDir() + QLatin1String("/r03_noise.txt"));
        const QByteArray seedBytes = seed.toUtf8();
        for (int i = 0; i < 300; ++i) {
            QByteArray b = seedBytes;
            const int edits = 1 + int(rng.bounded(40));
            for (int k = 0; k < edits; ++k) {
                const int pos = int(rng.bounded(b.size()));
                switch (rng.bounded(3)) {
                case 0: b[pos] = char(rng.bounded(256)); break;
                case 1: b.remove(pos, int(rng.bounded(8))); break;
                default: b.insert(pos, seedBytes.mid(int(rng.bounded(seedBytes.size())), 12)); break;
                }
            }
            const Extraction e = ReadReport::fromBytes(b).extraction;
            for (const Fact &f : e.facts)
                QVERIFY(!f.metric.isEmpty() && f.year >= 0); // 0: the report states no year
        }
    }

    void unsureEncodingWithNoOtherNamesNone()
    {
        // A short traditional GB18030 note the decoder reads but is not sure of, with no other encoding
        // to offer: ipdesk-cli says so without an empty list of others.
        const QString text = QStringLiteral("廣豐區:招商引資跑出“加速度”\n2025-05-20 來源:上饒日報\n\n"
                                            "今(jīn)年(nián)以(yǐ)來(lái),廣(guǎng)豐(fēng)區新簽約項(xiàng)目22個,簽約資(zī)金108.6億元;"
                                            "新開(kāi)工項目14個,j9新投產項目9個。\n");
        QStringEncoder enc("GB18030");
        const QByteArray bytes = enc(text);
        const ReadReport r = ReadReport::fromBytes(bytes);
        QVERIFY(r.status);
        QCOMPARE(r.text, text);
        if (!r.encodingUnsure || r.encodings.size() > 1)
            QSKIP("the decoder is sure of this note, or names another encoding: nothing to check");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("note.txt"));
        QVERIFY(writeBytes(file, bytes));
        QProcess p;
        p.start(QStringLiteral(IPDESK_CLI), {QStringLiteral("extract"), file});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("GB18030")), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral(":)")) && !err.contains(QStringLiteral(": )")), qPrintable(err));
    }

    void importReportAsksForWhatTheReportDoesNotSay()
    {
        // ipdesk-cli import-report on a note that states no year and names no unit: the figures are
        // left out, and said so, until --year and --unit give them.
        QTemporaryDir dir;
        const QString desk = dir.filePath(QStringLiteral("desk.ipdesk"));
        const QString cli = QStringLiteral(IPDESK_CLI);
        auto run = [&](const QStringList &args, QString *err = nullptr) {
            QProcess p;
            p.start(cli, args);
            p.waitForFinished(60000);
            if (err)
                *err = QString::fromUtf8(p.readAllStandardError());
            return p.exitCode();
        };
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--db"), desk}), 0);
        const QString note = dir.filePath(QStringLiteral("note.txt"));
        QVERIFY(writeBytes(note, QStringLiteral("招商工作简报\n一季度,全区新签约项目12个,总投资26.24亿元。\n").toUtf8()));
        auto count = [&] {
            Database db;
            db.open(desk, Database::OpenMode::ExistingOnly);
            return FactStore(&db).factCount();
        };
        const qint64 before = count();
        QString err;
        QCOMPARE(run({QStringLiteral("import-report"), note, QStringLiteral("--db"), desk}, &err), 0);
        QVERIFY2(err.contains(QStringLiteral("--year")) && err.contains(QStringLiteral("--unit")), qPrintable(err));
        QCOMPARE(count(), before);
        QCOMPARE(run({QStringLiteral("import-report"), note, QStringLiteral("--db"), desk, QStringLiteral("--year"),
                      QStringLiteral("2021"), QStringLiteral("--unit"), QStringLiteral("惠济区")}, &err), 0);
        QCOMPARE(count(), before + 2);
        QCOMPARE(run({QStringLiteral("import-report"), note, QStringLiteral("--db"), desk, QStringLiteral("--year"),
                      QStringLiteral("twenty")}), 2);
    }

    void everyUnitIsReal_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::newRow("test reports") << dataDir();
        QTest::newRow("genre corpus") << QStringLiteral(IPDESK_SHARED) + QLatin1String("/corpus/genre");
        QTest::newRow("sample reports") << QStringLiteral(IPDESK_SHARED) + QLatin1String("/corpus/dev");
    }
    void everyUnitIsReal()
    {
        // A fact's unit is an administrative division, a development zone over one, or "" (the report
        // names none): never words before 区/市/县 (记者从区, 完成市, 奋力推动高新区). A town the code
        // list lacks stands where its peers do: a table's row, a clause's opening.
        QFETCH(QString, dir);
        const QStringList files = QDir(dir).entryList({QStringLiteral("*.txt")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable(dir));
        const Gazetteer &g = Gazetteer::divisions();
        int facts = 0;
        for (const QString &file : files) {
            const ReadReport r = ReadReport::fromFile(dir + QLatin1Char('/') + file);
            const QString clean = ReportText(r.text).clean();
            for (const Fact &f : r.extraction.facts) {
                ++facts;
                if (f.district.isEmpty())
                    continue;
                const QList<Gazetteer::Mention> m = g.find(f.district);
                const bool whole = m.size() == 1 && m.first().start == 0 && m.first().end == f.district.size();
                // Or an item of a ranked list (依次为:西咸新区328.6亿元、…): the name right before its figure.
                const QRegularExpression listItem(QStringLiteral("[:、]") + QRegularExpression::escape(f.district) + QStringLiteral("\\d"));
                // Or a row of a table, under a row of a known unit (禾溪乡  8  6.5 …), with a division's suffix.
                const QRegularExpression tableRow(QStringLiteral("^\\s*") + QRegularExpression::escape(f.district) + QStringLiteral("\\s+[\\d.]"),
                                                  QRegularExpression::MultilineOption);
                const bool suffix = f.district.endsWith(u'乡') || f.district.endsWith(u'镇') || f.district.endsWith(QStringLiteral("街道"))
                    || f.district.endsWith(QStringLiteral("苏木"));
                // Or a town opening a clause, its figure close after (…;杏坪乡签约项目4个), as known towns do.
                const QRegularExpression clauseOpener(QStringLiteral("(?:^|[。;,:])\\s*") + QRegularExpression::escape(f.district)
                                                          + QStringLiteral("[^\\d,。;]{0,10}\\d"),
                                                      QRegularExpression::MultilineOption);
                // Or a town a title opens with (前辛庄镇:前三季度…), a paragraph opens with in brackets (【榕湖街道】…)
                // or a byline's office names (来源:垌塘镇人民政府).
                const QRegularExpression framed(QStringLiteral("^\\s*(?:【") + QRegularExpression::escape(f.district) + QStringLiteral("】|")
                                                    + QRegularExpression::escape(f.district) + QStringLiteral("[:：])"),
                                                QRegularExpression::MultilineOption);
                const bool byline = r.text.left(3000).contains(QStringLiteral("来源:") + f.district + QStringLiteral("人民政府"));
                QVERIFY2(whole || listItem.match(clean).hasMatch()
                             || (suffix && (tableRow.match(clean).hasMatch() || clauseOpener.match(clean).hasMatch() || framed.match(clean).hasMatch() || byline)),
                         qPrintable(file + QLatin1String(": ") + f.district));
            }
        }
        QVERIFY(facts > 0);
    }

    void gazetteerShortFormsAndZones_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("unit");
        QTest::newRow("autonomous county") << QStringLiteral("都安县新签约项目5个") << QStringLiteral("都安县");
        QTest::newRow("autonomous prefecture") << QStringLiteral("湘西州新签约项目5个") << QStringLiteral("湘西州");
        QTest::newRow("autonomous region") << QStringLiteral("新疆新签约项目5个") << QStringLiteral("新疆");
        QTest::newRow("corps division") << QStringLiteral("第六师五家渠市新签约项目5个") << QStringLiteral("第六师五家渠市");
        QTest::newRow("banner") << QStringLiteral("科右前旗新签约项目5个") << QStringLiteral("科右前旗");
        QTest::newRow("regiment below a hundred") << QStringLiteral("十四团新签约项目5个") << QStringLiteral("十四团");
        QTest::newRow("regiment of three numerals") << QStringLiteral("一四八团新签约项目5个") << QStringLiteral("一四八团");
        QTest::newRow("zone over a city") << QStringLiteral("肇庆高新区新签约项目5个") << QStringLiteral("肇庆高新区");
        QTest::newRow("zone without its city") << QStringLiteral("蒙苏经济开发区新签约项目5个") << QStringLiteral("蒙苏经济开发区");
        QTest::newRow("former county") << QStringLiteral("邵东县新签约项目5个") << QStringLiteral("邵东县");
        QTest::newRow("township") << QStringLiteral("织里镇新签约项目5个") << QStringLiteral("织里镇");
        QTest::newRow("national new area") << QStringLiteral("两江新区新签约项目5个") << QStringLiteral("两江新区");
        QTest::newRow("national new area with its place") << QStringLiteral("四川天府新区新签约项目5个") << QStringLiteral("四川天府新区");
    }
    void gazetteerShortFormsAndZones()
    {
        QFETCH(QString, text);
        QFETCH(QString, unit);
        const QList<Gazetteer::Mention> m = Gazetteer::divisions().find(text);
        QVERIFY(!m.isEmpty());
        QCOMPARE(m.first().name, unit);
        QVERIFY2(Gazetteer::divisions().size() > 35000, // distinct names of the 44,694 divisions (城关镇 is 88 towns)
                 qPrintable(QString::number(Gazetteer::divisions().size())));
        // Words that end like a unit are none.
        for (const char16_t *words : {u"记者从区投资促进局获悉", u"完成市下达任务", u"奋力推动高新区建设", u"产业兴县战略", u"全市上下"})
            QVERIFY2(Gazetteer::divisions().find(QString::fromUtf16(words)).isEmpty() || QString::fromUtf16(words).contains(u"高新区"),
                     qPrintable(QString::fromUtf16(words)));
    }

    void devCorpusScore()
    {
        // The five sample reports with their hand-made answers, scored by the shared tool.
        const QString shared = QStringLiteral(IPDESK_SHARED);
        const QString gold = shared + QLatin1String("/corpus/dev/gold.json");
        const QString scorer = shared + QLatin1String("/tools/score-extraction");
        if (!QFile::exists(gold) || !QFile::exists(scorer))
            QSKIP("../shared/corpus/dev is not beside this checkout");
        QProcess p;
        p.start(QStringLiteral("python3"), {scorer, gold, QStringLiteral("--run"), QStringLiteral(IPDESK_CLI) + QLatin1String(" extract")});
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const auto m = QRegularExpression(QStringLiteral("extraction F1 ([0-9.]+)")).match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
        qInfo("dev set: %s", qPrintable(out.trimmed().split(QLatin1Char('\n')).last()));
        QVERIFY2(m.captured(1).toDouble() >= 0.9, qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestExtractor)
#include "tst_extractor.moc"
