// The bulletin as a leader reads it: checked with pdftotext, pdffonts and pdfinfo (poppler-utils),
// the charts exported in each format, the same PDF from the command line, and the Progress tab.
#include "progress/bulletin.h"
#include "base/money.h"
#include "base/metrics.h"
#include "mainwindow.h"
#include "models/progressmodels.h"
#include "progressview.h"
#include "chartwidget.h"
#include "desk/targetcommands.h"
#include "targetsdialog.h"
#include "bulletinsettingsdialog.h"
#include <QCheckBox>
#include <QSpinBox>
#include "testdesk.h"

#include <QApplication>
#include <QSet>
#include <cmath>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QPrinter>
#include <QSignalSpy>
#include <QToolTip>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUndoStack>
#include <QTabWidget>
#include <QTableView>

using namespace IPDesk;

namespace {
QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}
/// CJK fonts give one glyph to a character and to its radical form (目 and ⽬); text copied from the
/// PDF must be the character drawn, never the radical.
int radicals(const QString &text)
{
    return int(std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF; }));
}
bool havePoppler()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
}
} // namespace

class TestBulletin : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void bulletinPdf()
    {
        if (!havePoppler())
            QFAIL("pdftotext is missing: install poppler-utils (bash packaging/deps.sh)");
        TestDesk desk;
        const BulletinData d = BulletinData::collect(&desk.desk, ProgressSettings(), 2023, QDate(2023, 6, 30));
        QVERIFY(!d.ranking.isEmpty());
        const QString pdf = desk.dir.filePath(QStringLiteral("bulletin.pdf"));
        QVERIFY(BulletinWriter::writePdf(d, pdf));

        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        // Every ranked unit is named, with its weighted completion as the ranking table shows it.
        for (const RankRow &r : d.ranking) {
            QVERIFY2(text.contains(r.unit), qPrintable(r.unit));
            if (r.rank > 0) {
                QString pct = QString::number(r.weighted, 'f', 1);
                if (pct.endsWith(QLatin1String(".0")))
                    pct.chop(2);
                QVERIFY2(text.contains(pct + QLatin1Char('%')), qPrintable(r.unit + QLatin1Char(' ') + pct));
            }
        }
        QVERIFY(text.contains(QStringLiteral("2023-06-30")));
        QCOMPARE(radicals(text), 0);
        QVERIFY(text.contains(QStringLiteral("项目"))); // a search of the PDF finds what it says

        const QString fonts = run(QStringLiteral("pdffonts"), {pdf});
        QVERIFY2(fonts.contains(QLatin1String("CJK")) || fonts.contains(QLatin1String("Noto")), qPrintable(fonts));
        for (const QString &line : fonts.split(QLatin1Char('\n')).mid(2)) {
            if (line.trimmed().isEmpty())
                continue;
            QVERIFY2(line.contains(QLatin1String(" yes ")), qPrintable(QStringLiteral("font not embedded: ") + line));
        }
        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        const auto pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY(pages.hasMatch());
        QVERIFY(pages.captured(1).toInt() >= 2 && pages.captured(1).toInt() <= 12);
        QVERIFY(info.contains(QLatin1String("A4")));
        // Page numbers.
        QVERIFY(text.contains(QLatin1String("Page 2")) || text.contains(QStringLiteral("第 2 页")));
    }

    void sameBulletinFromTheCommandLine()
    {
        if (!havePoppler())
            QFAIL("pdftotext is missing: install poppler-utils (bash packaging/deps.sh)");
        TestDesk desk;
        desk.db.close();
        const QString pdf = desk.dir.filePath(QStringLiteral("cli.pdf"));
        QProcess p;
        p.start(QStringLiteral(IPDESK_CLI), {QStringLiteral("bulletin"), QStringLiteral("--db"), desk.path(), QStringLiteral("--year"),
                                             QStringLiteral("2023"), QStringLiteral("--as-of"), QStringLiteral("2023-06-30"),
                                             QStringLiteral("-o"), pdf});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.contains(QStringLiteral("惠济区")));
        // A year without targets says so instead of printing zeros.
        const QString empty = desk.dir.filePath(QStringLiteral("empty.pdf"));
        p.start(QStringLiteral(IPDESK_CLI), {QStringLiteral("bulletin"), QStringLiteral("--db"), desk.path(), QStringLiteral("--year"),
                                             QStringLiteral("2019"), QStringLiteral("-o"), empty});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString none = run(QStringLiteral("pdftotext"), {empty, QStringLiteral("-")});
        QVERIFY2(none.contains(QLatin1String("none is ranked")) || none.contains(QStringLiteral("未予排名")), qPrintable(none.left(400)));
        // A command line without the year is refused with usage.
        p.start(QStringLiteral(IPDESK_CLI), {QStringLiteral("bulletin"), QStringLiteral("--db"), desk.path(), QStringLiteral("-o"), empty});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
    }

    void chartNumbersReadAsInAReport()
    {
        // Axes end just above the data, in round steps: 92% is not drawn on a 0..200% axis.
        QCOMPARE(ChartPainter::niceAxis(92 * 1.04).top, 100.0);
        QCOMPARE(ChartPainter::niceAxis(92 * 1.04).ticks, 5);
        const ChartPainter::Axis money = ChartPainter::niceAxis(1820.5);
        QCOMPARE(money.top, 2000.0);
        QVERIFY(std::fmod(money.step, 250) == 0); // no tick such as 1820.5 or 1365.4
        QCOMPARE(ChartPainter::niceAxis(0.7).top, 0.8); // four steps of 0.2
        // Money with two decimals and its unit; targets with their unit.
        QCOMPARE(Money::formatTotal(Yuan(25666010000), MoneyUnit::Yi), QStringLiteral("256.66 100M yuan"));
        QVERIFY(Metrics::formatValue(QStringLiteral("signed_investment"), 256.6601).startsWith(QLatin1String("256.66 ")));
        QCOMPARE(Metrics::formatValue(QStringLiteral("signed_projects"), 80), QStringLiteral("80 projects"));
        // Distinct hues for the industry shares, none of them a status colour.
        QSet<QRgb> seen;
        for (int i = 0; i < 7; ++i) {
            seen.insert(ChartPainter::seriesColor(i).rgb());
            for (ProgressStatus st : {ProgressStatus::Green, ProgressStatus::Yellow, ProgressStatus::Red})
                QVERIFY(ChartPainter::seriesColor(i) != ChartPainter::statusColor(st));
        }
        QCOMPARE(seen.size(), 7);
    }

    void chartsExportInEachFormat()
    {
        TestDesk desk;
        const BulletinData d = BulletinData::collect(&desk.desk, ProgressSettings(), 2023, QDate(2023, 6, 30));
        for (ChartPainter::Chart c : {ChartPainter::Comparison, ChartPainter::Cumulative, ChartPainter::Funnel, ChartPainter::IndustryMix}) {
            const QString base = desk.dir.filePath(QStringLiteral("chart%1").arg(int(c)));
            QVERIFY(ChartPainter::exportChart(c, d, base + QLatin1String(".png")));
            QVERIFY(ChartPainter::exportChart(c, d, base + QLatin1String(".svg")));
            QVERIFY(ChartPainter::exportChart(c, d, base + QLatin1String(".pdf")));
            QImage png(base + QLatin1String(".png"));
            QVERIFY(!png.isNull());
            QVERIFY(png.width() > 1000);
            QFile svg(base + QLatin1String(".svg"));
            QVERIFY(svg.open(QIODevice::ReadOnly));
            QVERIFY(svg.readAll().contains("<svg"));
            QFile pdf(base + QLatin1String(".pdf"));
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QVERIFY(pdf.read(5) == "%PDF-");
            if (havePoppler()) {
                const QString text = run(QStringLiteral("pdftotext"), {base + QLatin1String(".pdf"), QStringLiteral("-")});
                QVERIFY2(text.contains(ChartPainter::title(c, d).left(4)), qPrintable(text.left(200)));
                QCOMPARE(radicals(text), 0);
            }
        }
        QVERIFY(!ChartPainter::exportChart(ChartPainter::Funnel, d, desk.dir.filePath(QStringLiteral("chart.doc"))));
    }

    void progressTabFollowsTheUnitTree()
    {
        TestDesk desk;
        ProgressView view(&desk.desk);
        view.setYear(2023);
        view.setAsOf(QDate(2023, 6, 30));
        QVERIFY(view.rankingModel()->rowCount() > 3);
        view.setScope(desk.unit(u"肇庆市"));
        view.refresh();
        const QList<qint64> zhaoqing = desk.store->children(desk.unit(u"肇庆市"));
        QVERIFY(view.rankingModel()->rowCount() > 0);
        for (int r = 0; r < view.rankingModel()->rowCount(); ++r)
            QVERIFY(zhaoqing.contains(view.rankingModel()->rowAt(r).unitId));
        // Progress rows agree with the calculator, and every status is one of the colours or says why.
        for (int r = 0; r < view.progressModel()->rowCount(); ++r)
            QVERIFY(!view.progressModel()->index(r, ProgressTableModel::Status).data().toString().isEmpty());
        // The stalled projects (六未) of the bulletin are in the view too, as of the same day.
        QCOMPARE(view.stalledModel()->rowCount(), int(view.data().stuck.size()));
        auto *stalledTable = view.findChild<QTableView *>(QStringLiteral("stalledTable"));
        QVERIFY(stalledTable && stalledTable->model() == view.stalledModel());
        if (qEnvironmentVariableIsSet("IPDESK_SCREENSHOTS")) {
            // The table sits in its page, the page in the stack of the chart tabs.
            QWidget *page = stalledTable->parentWidget();
            auto *tabs = qobject_cast<QTabWidget *>(page->parentWidget()->parentWidget());
            if (tabs)
                tabs->setCurrentWidget(page);
            view.resize(1280, 720);
            view.show();
            QTest::qWait(100);
            view.grab().save(qEnvironmentVariable("IPDESK_SCREENSHOTS") + QLatin1String("/stalled.png"));
        }
    }

    void theChartsOnScreenAreTheBulletinsDrawing()
    {
        // The Progress tab draws each chart with the bulletin's painter: what the officer points at
        // on screen is what the PDF prints, and a unit's bar opens that unit's pipeline.
        TestDesk desk;
        ProgressView view(&desk.desk);
        view.setYear(2023);
        view.setAsOf(QDate(2023, 6, 30));
        view.resize(1280, 720);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ChartWidget *comparison = view.chartView(ChartPainter::Comparison);
        QVERIFY(comparison && comparison->isVisible());
        QList<RankRow> ranked;
        for (const RankRow &r : view.data().ranking) {
            if (r.rank > 0)
                ranked << r;
        }
        QVERIFY(ranked.size() >= 2);
        const QList<ChartPainter::Mark> bars = comparison->marks();
        QCOMPARE(bars.size(), ranked.size()); // one bar a ranked unit, in rank order
        for (int i = 0; i < bars.size(); ++i) {
            QCOMPARE(bars.at(i).unitId, ranked.at(i).unitId);
            QVERIFY2(bars.at(i).tip.startsWith(ranked.at(i).unit), qPrintable(bars.at(i).tip));
            if (i > 0) // left to right
                QVERIFY(bars.at(i).area.boundingRect().left() >= bars.at(i - 1).area.boundingRect().right() - 0.5);
        }
        // The first bar is painted in its status colour where the mark says it is.
        const QImage picture = comparison->image();
        const QRectF first = bars.first().area.boundingRect();
        const QPoint inBar = QPointF(first.center().x(), first.bottom() - 40).toPoint();
        QCOMPARE(QColor(picture.pixel(inBar * picture.devicePixelRatio())).name(), ChartPainter::statusColor(ranked.first().status).name());

        // Pointing at the second unit's bar names it with its completion; clicking it asks for its pipeline.
        const QPoint second = bars.at(1).area.boundingRect().center().toPoint();
        QHelpEvent help(QEvent::ToolTip, second, comparison->mapToGlobal(second));
        QApplication::sendEvent(comparison, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(ranked.at(1).unit), qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(Money::trimmed(ranked.at(1).weighted, 1)));
        QToolTip::hideText();
        // The bar under the pointer is shaded, so the officer sees what a click will open.
        const QColor plain = comparison->grab().toImage().pixelColor(second * comparison->devicePixelRatioF());
        QTest::mouseMove(comparison, second);
        QTRY_VERIFY(comparison->grab().toImage().pixelColor(second * comparison->devicePixelRatioF()) != plain);
        QSignalSpy activated(&view, &ProgressView::unitActivated);
        QTest::mouseClick(comparison, Qt::LeftButton, {}, second);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toLongLong(), ranked.at(1).unitId);
        // Outside every bar (the title), a click asks for nothing.
        QTest::mouseClick(comparison, Qt::LeftButton, {}, QPoint(4, 4));
        QCOMPARE(activated.size(), 1);

        // From the keyboard: the arrow keys step through the bars, each telling its figures (to a
        // screen reader too) and shaded; Enter opens the unit's pipeline, Escape leaves the bars.
        QTest::mouseMove(comparison, QPoint(4, 4)); // (the pointer off the bars: the keyboard's shading shows)
        comparison->setFocus();
        QTRY_VERIFY(comparison->hasFocus());
        QCOMPARE(comparison->currentMark(), -1);
        const QPoint third = bars.at(2 % bars.size()).area.boundingRect().center().toPoint();
        const QColor unshaded = comparison->grab().toImage().pixelColor(third * comparison->devicePixelRatioF());
        QTest::keyClick(comparison, Qt::Key_Right);
        QCOMPARE(comparison->currentMark(), 0);
        QCOMPARE(comparison->accessibleDescription(), bars.at(0).tip);
        QTest::keyClick(comparison, Qt::Key_End);
        QCOMPARE(comparison->currentMark(), int(bars.size()) - 1);
        QTest::keyClick(comparison, Qt::Key_Right); // (stays on the last)
        QCOMPARE(comparison->currentMark(), int(bars.size()) - 1);
        QTest::keyClick(comparison, Qt::Key_Home);
        QTest::keyClick(comparison, Qt::Key_Right);
        QTest::keyClick(comparison, Qt::Key_Right);
        QCOMPARE(comparison->currentMark(), 2 % int(bars.size()));
        QVERIFY2(comparison->accessibleDescription().startsWith(ranked.at(2 % bars.size()).unit), qPrintable(comparison->accessibleDescription()));
        QTRY_VERIFY(comparison->grab().toImage().pixelColor(third * comparison->devicePixelRatioF()) != unshaded);
        if (qEnvironmentVariableIsSet("IPDESK_SCREENSHOTS"))
            comparison->grab().save(qEnvironmentVariable("IPDESK_SCREENSHOTS") + QLatin1String("/chart-keyboard.png"));
        QTest::keyClick(comparison, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.last().first().toLongLong(), ranked.at(2 % bars.size()).unitId);
        QTest::keyClick(comparison, Qt::Key_Escape);
        QCOMPARE(comparison->currentMark(), -1);
        QVERIFY(comparison->accessibleDescription().isEmpty());
        QTest::keyClick(comparison, Qt::Key_Return); // (no bar: nothing opens)
        QCOMPARE(activated.size(), 2);
        QToolTip::hideText();

        // The funnel's rows and the industry shares say their figures, as the bulletin prints them.
        const QList<ChartPainter::Mark> stages = view.chartView(ChartPainter::Funnel)->marks();
        QVERIFY(!stages.isEmpty());
        for (const StageTotal &t : view.data().funnel) {
            if (int(t.stage) > int(Stage::Operating))
                continue;
            const QString money = Money::formatTotal(t.investment, MoneyUnit::Yi);
            QVERIFY2(std::any_of(stages.cbegin(), stages.cend(), [&](const ChartPainter::Mark &m) {
                         return m.tip.startsWith(Names::stage(t.stage)) && m.tip.contains(money);
                     }), qPrintable(money));
        }
        const QList<ChartPainter::Mark> shares = view.chartView(ChartPainter::IndustryMix)->marks();
        QCOMPARE(shares.size(), ChartPainter::industryParts(view.data()).size());
        // The months of the cumulative chart: twelve, June's naming this year's figure to June.
        const QList<ChartPainter::Mark> months = view.chartView(ChartPainter::Cumulative)->marks();
        QCOMPARE(months.size(), 12);
        QVERIFY2(months.at(5).tip.contains(Money::trimmed(view.data().cumulative.at(5), 2)), qPrintable(months.at(5).tip));
        if (qEnvironmentVariableIsSet("IPDESK_SCREENSHOTS")) {
            const QString dir = qEnvironmentVariable("IPDESK_SCREENSHOTS");
            view.grab().save(dir + QLatin1String("/progress-1280x720.png"));
            for (ChartPainter::Chart c : {ChartPainter::Cumulative, ChartPainter::Funnel, ChartPainter::IndustryMix}) {
                ChartWidget *chart = view.chartView(c);
                chart->resize(comparison->size());
                chart->image().save(dir + QStringLiteral("/chart-%1.png").arg(int(c)));
            }
        }
    }

    void printedToAPdfFileCopiesRight()
    {
        // Print preview → Print → to a PDF file: the same mended text as File → Bulletin PDF.
        if (!havePoppler())
            QFAIL("pdftotext is missing: install poppler-utils (bash packaging/deps.sh)");
        TestDesk desk;
        ProgressView view(&desk.desk);
        view.setYear(2023);
        view.setAsOf(QDate(2023, 6, 30));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString pdf = desk.dir.filePath(QStringLiteral("printed.pdf"));
        printer.setOutputFileName(pdf);
        QVERIFY(view.print(&printer));
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("项目")), qPrintable(text.left(200)));
        QCOMPARE(radicals(text), 0);
    }

    void targetsCopySplitUndo()
    {
        TestDesk desk;
        QUndoStack &undo = *desk.desk.undoStack();
        FactStore facts(&desk.db);
        TargetsDialog dialog(&desk.desk, 2024);
        const int before = int(facts.targets(2024).size());
        dialog.copyLastYear(10);
        const QList<Target> copied = facts.targets(2024);
        QVERIFY(copied.size() > before);
        // 惠济区 signed 400亿 in 2023 → 440 in 2024; 12 large projects → 14 (counts round up).
        const qint64 huiji = desk.unit(u"惠济区");
        QCOMPARE(facts.target(huiji, 2024, QStringLiteral("signed_investment"))->value, 440.0);
        QCOMPARE(facts.target(huiji, 2024, QStringLiteral("large_projects"))->value, 14.0);
        undo.undo();
        QCOMPARE(int(facts.targets(2024).size()), before);
        undo.redo();

        // Split 增城区's 2024 signed investment over its towns and departments.
        const qint64 zengcheng = desk.unit(u"增城区");
        SplitTargetDialog split(&desk.desk, zengcheng, 2024, QStringLiteral("signed_investment"));
        const double whole = facts.target(zengcheng, 2024, QStringLiteral("signed_investment"))->value;
        QVERIFY(split.remainderLabel()->text().contains(QString::number(whole)));
        const QList<QDoubleSpinBox *> edits = split.editors();
        QVERIFY(edits.size() >= 2);
        double given = 0;
        for (int i = 0; i < edits.size(); ++i) {
            const double part = i + 1 < edits.size() ? std::floor(whole / edits.size()) : whole - given;
            edits.at(i)->setValue(part);
            given += part;
        }
        QVERIFY(std::abs(split.remainder()) < 1e-9);
        undo.push(new ChangeTargetsCommand(&desk.desk, TargetPlans::split(facts, 2024, QStringLiteral("signed_investment"), split.parts()),
                                           QStringLiteral("split")));
        double sum = 0;
        for (qint64 c : desk.store->children(zengcheng))
            sum += facts.target(c, 2024, QStringLiteral("signed_investment")).value_or(Target{}).value;
        QCOMPARE(sum, whole);
        undo.undo();
        for (qint64 c : desk.store->children(zengcheng))
            QVERIFY(!facts.target(c, 2024, QStringLiteral("signed_investment")));
    }

    /// The rules dialog sets the returns' rules (approved figures only, deadline days, a task's days)
    /// as one undo step, and keeps what it does not show: the officer's source rules.
    void theRulesDialogSetsTheReturnsRules()
    {
        TestDesk desk;
        ProgressSettings before = ProgressSettings::load(&desk.desk);
        before.setSourceRule(desk.unit(u"惠济区"), QStringLiteral("signed_investment"), QStringLiteral("reported"));
        QVERIFY(before.save(desk.db));
        BulletinSettingsDialog dialog(&desk.desk);
        dialog.findChild<QCheckBox *>(QStringLiteral("approvedReturnsOnly"))->setChecked(true);
        dialog.findChild<QSpinBox *>(QStringLiteral("returnDayDistrict"))->setValue(7);
        dialog.findChild<QSpinBox *>(QStringLiteral("taskDays"))->setValue(10);
        dialog.accept();
        const ProgressSettings after = ProgressSettings::load(&desk.desk);
        QVERIFY(after.approvedReturnsOnly);
        QCOMPARE(after.returnDayDistrict, 7);
        QCOMPARE(after.taskDays, 10);
        QCOMPARE(after.sourceRules, before.sourceRules);
        desk.desk.undoStack()->undo();
        QVERIFY(ProgressSettings::load(&desk.desk) == before);
    }

    void activityUndo()
    {
        TestDesk desk;
        QUndoStack &undo = *desk.desk.undoStack();
        ActivityStore log(&desk.db);
        const int n = int(log.activities().size());
        Activity a;
        a.unitId = desk.unit(u"覃塘区");
        a.date = QDate(2023, 4, 20);
        a.kind = Activity::Kind::Trip;
        a.leaderLed = true;
        a.companiesCount = 5;
        undo.push(new ChangeActivityCommand(&desk.desk, std::nullopt, a));
        QCOMPARE(int(log.activities().size()), n + 1);
        const Activity stored = log.activities({a.unitId}, 2023).first();
        Activity changed = stored;
        changed.companiesCount = 9;
        undo.push(new ChangeActivityCommand(&desk.desk, stored, changed));
        QCOMPARE(log.activities({a.unitId}, 2023).first().companiesCount, 9);
        undo.undo();
        QCOMPARE(log.activities({a.unitId}, 2023).first().companiesCount, 5);
        undo.undo();
        QCOMPARE(int(log.activities().size()), n);
        undo.redo();
        QCOMPARE(int(log.activities().size()), n + 1);
    }
};

QTEST_MAIN(TestBulletin)
#include "tst_bulletin.moc"
