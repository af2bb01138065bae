// The import dialog as an officer uses it: read reports, untick a figure, correct a unit, store.
#include "models/factreviewmodel.h"
#include "reports/readreport.h"
#include "desk/factstore.h"
#include "factsview.h"
#include "importreportdialog.h"
#include "models/storedfactsmodel.h"
#include "reports/reportimporter.h"
#include "testdesk.h"

#include <QApplication>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QStandardPaths>
#include <QTextDocument>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QStringDecoder>
#include <QTextBrowser>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QTest>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>

using namespace IPDesk;

namespace {
QString report(const char *name)
{
    return QStringLiteral(IPDESK_TEST_DATA) + QLatin1String("/reports/") + QLatin1String(name);
}
} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT
private slots:
    void aReportWithoutYearOrUnitAsksTheOfficer()
    {
        // A bureau's note that says only 全区 and no year: nothing is guessed, nothing stored
        // until the officer gives both; the doubtful reading comes first and says so.
        TestDesk desk;
        FactStore facts(&desk.db);
        const qint64 before = facts.factCount();
        ImportReportDialog dialog(&desk.desk);
        dialog.show();
        dialog.readText(QStringLiteral("招商工作简报\n一季度,全区新签约项目12个,总投资26.24亿元;蒙自市9个。\n"));
        dialog.waitForReading();
        FactReviewModel *model = dialog.factModel();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->acceptedCount(), 0); // no figure has its year, two have no unit
        auto *bar = dialog.findChild<QWidget *>(QStringLiteral("missingBar"));
        QVERIFY(bar->isVisible());
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->index(r, FactReviewModel::Year).data().toString(), QStringLiteral("(not stated: give)"));
        // The list item (蒙自市9个) is read from the list, less sure than the others: it comes first.
        QCOMPARE(model->index(0, FactReviewModel::Accept).data().toString(), QStringLiteral("Check"));
        QVERIFY(model->index(0, FactReviewModel::Accept).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Doubtful")));

        // Storing now is refused with the reason.
        auto *storeButton = dialog.findChild<QPushButton *>(QStringLiteral("storeButton"));
        QVERIFY(model->setData(model->index(1, FactReviewModel::Accept), Qt::Checked, Qt::CheckStateRole));
        QString refusal;
        QTimer closer; // the refusal's message box: read, then closed
        connect(&closer, &QTimer::timeout, [&refusal] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                    refusal = box->text();
                    box->accept();
                }
            }
        });
        closer.start(20);
        storeButton->click();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        closer.stop();
        QVERIFY2(refusal.contains(QStringLiteral("no year")), qPrintable(refusal));
        QCOMPARE(facts.factCount(), before);

        dialog.findChild<QSpinBox *>(QStringLiteral("missingYear"))->setValue(2021);
        dialog.findChild<QComboBox *>(QStringLiteral("missingUnit"))->setCurrentText(QStringLiteral("惠济区"));
        dialog.findChild<QPushButton *>(QStringLiteral("applyMissing"))->click();
        QVERIFY(!bar->isVisible());
        QCOMPARE(model->acceptedCount(), 3);
        storeButton->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(facts.factCount(), before + 3);
        const QList<Fact> stored = facts.facts(desk.unit(u"惠济区"));
        QVERIFY(std::any_of(stored.cbegin(), stored.cend(), [](const Fact &f) {
            return f.year == 2021 && f.metric == QLatin1String("signed_investment") && f.span == QLatin1String("Q1") && qFuzzyCompare(f.value, 26.24);
        }));
    }

    void theMarkedSentencesHoldTheirFigures()
    {
        // A WeChat post with emoji before its figures, and a page saved as HTML: where the dialog marks each
        // figure's sentence, the sentence it shows holds that figure (the page's markup is not shown).
        TestDesk desk;
        ImportReportDialog dialog(&desk.desk);
        dialog.show();
        dialog.readFiles({report("r54_spaced_figures_lines.txt"), report("r87_saved_page.html")});
        dialog.waitForReading();
        QCOMPARE(dialog.reportList()->count(), 2);
        auto *text = dialog.findChild<QTextBrowser *>(QStringLiteral("reportText"));
        for (int row = 0; row < 2; ++row) {
            dialog.reportList()->setCurrentRow(row);
            QVERIFY(!text->toPlainText().contains(QLatin1String("<td>")));
            const auto marks = text->extraSelections();
            const auto &facts = dialog.plans()[size_t(row)].facts;
            QCOMPARE(marks.size(), facts.size());
            for (int k = 0; k < marks.size(); ++k) {
                const QString marked = marks.at(k).cursor.selectedText();
                // (the figure as the text writes it: 196.3, 8, 42.6)
                QVERIFY2(marked.contains(QString::number(facts.at(k).fact.value)), qPrintable(marked));
            }
        }
    }

    void aStoredFactShowsItsSentence()
    {
        // The stored facts' view opens a fact's report with its sentence marked: the sentence, though an emoji
        // stands before it (the evidence counts it as one character, the document as two units).
        TestDesk desk;
        ReportImporter importer(&desk.desk);
        const ImportPlan plan = importer.prepareFile(report("r156_emoji_in_a_wechat_post.txt"));
        QVERIFY(!plan.facts.isEmpty());
        ImportSummary summary;
        QVERIFY(importer.commit({plan}, &summary));
        FactsView view(&desk.desk);
        view.setUnits({});
        int checked = 0;
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            const Fact f = view.model()->factAt(row);
            if (!f.documentId)
                continue;
            QString marked;
            QTimer::singleShot(0, this, [&marked] {
                QWidget *dialog = QApplication::activeModalWidget();
                if (auto *browser = dialog ? dialog->findChild<QTextBrowser *>() : nullptr)
                    marked = browser->extraSelections().value(0).cursor.selectedText();
                if (dialog)
                    dialog->close();
            });
            view.showSource(row);
            QCOMPARE(marked, f.evidenceText);
            ++checked;
        }
        QVERIFY(checked >= 8);
    }

    void aPdfAndAWordDocumentAreReadAsTheirText()
    {
        // A bulletin as the bureau sends it: the text report printed to PDF by Qt (its lines wrapped at the
        // page's width, as any PDF's are) and a Word document. The dialog reads each to the facts the text
        // itself gives, and marks each figure in the text it shows.
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is missing: install poppler-utils (bash packaging/deps.sh)");
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("briefing.pdf"));
        QFile source(report("r92_document_dated_in_words.txt"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(source.readAll());
        {
            QPdfWriter writer(pdf);
            writer.setPageSize(QPageSize(QPageSize::A4));
            QTextDocument document;
            document.setDefaultFont(QFont(QStringLiteral("Noto Sans CJK SC"), 11));
            document.setPlainText(text);
            document.print(&writer);
        }
        TestDesk desk;
        ImportReportDialog dialog(&desk.desk);
        dialog.show();
        dialog.readFiles({pdf, report("r95_word_document.docx")});
        dialog.waitForReading();
        QCOMPARE(dialog.reportList()->count(), 2);
        auto keys = [](const QList<Fact> &facts) {
            QStringList out;
            for (const Fact &f : facts)
                out << QStringList{f.district, QString::number(f.year), f.span, f.metric, f.kind, QString::number(f.value)}.join(u'|');
            out.sort();
            return out;
        };
        QList<Fact> fromPdf;
        const auto &plans = dialog.plans();
        const auto pdfPlan = std::find_if(plans.cbegin(), plans.cend(), [&](const ImportPlan &plan) { return plan.path == pdf; });
        QVERIFY(pdfPlan != plans.cend());
        for (const auto &planned : pdfPlan->facts)
            fromPdf << planned.fact;
        const QStringList want = keys(ReadReport::fromText(text, QString()).extraction.facts);
        QVERIFY(want.size() >= 5);
        QCOMPARE(keys(fromPdf), want);
        auto *shown = dialog.findChild<QTextBrowser *>(QStringLiteral("reportText"));
        for (int row = 0; row < 2; ++row) {
            dialog.reportList()->setCurrentRow(row);
            const auto marks = shown->extraSelections();
            const auto &facts = dialog.plans()[size_t(row)].facts;
            QCOMPARE(marks.size(), facts.size());
            for (int k = 0; k < marks.size(); ++k)
                QVERIFY2(marks.at(k).cursor.selectedText().contains(QString::number(facts.at(k).fact.value)), qPrintable(marks.at(k).cursor.selectedText()));
        }
    }

    void aScannedPdfSaysItHasNoText()
    {
        // A scan is a picture: no text to read, and the officer is told so (not shown an empty review).
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
        {
            QPdfWriter writer(pdf);
            QPainter painter(&writer);
            painter.fillRect(QRect(200, 200, 3000, 4000), QColor(200, 200, 200));
            painter.drawEllipse(QRect(600, 600, 1200, 1200));
        }
        const ReadReport r = ReadReport::fromFile(pdf);
        QVERIFY(!r.status);
        QVERIFY2(r.status.message().contains(QStringLiteral("no text")), qPrintable(r.status.message()));
    }

    void reviewCorrectAndStore()
    {
        TestDesk desk;
        FactStore facts(&desk.db);
        const qint64 before = facts.factCount();
        ImportReportDialog dialog(&desk.desk);
        dialog.show();
        dialog.readFiles({report("r01_county_towns.txt"), report("r04_city_counties.txt")});
        dialog.waitForReading();
        QCOMPARE(dialog.reportList()->count(), 2);
        QCOMPARE(int(dialog.plans().size()), 2);

        // Look at the first report, untick its first figure, move its second to another unit.
        dialog.reportList()->setCurrentRow(0);
        FactReviewModel *model = dialog.factModel();
        QVERIFY(model->rowCount() >= 10);
        const int accepted = model->acceptedCount();
        QVERIFY(model->setData(model->index(0, FactReviewModel::Accept), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model->acceptedCount(), accepted - 1);
        QVERIFY(model->setData(model->index(1, FactReviewModel::Unit), QStringLiteral("覃塘区")));
        QCOMPARE(model->index(1, FactReviewModel::Unit).data().toString(), QStringLiteral("覃塘区")); // matched, not new
        QVERIFY(!model->setData(model->index(2, FactReviewModel::Value), QStringLiteral("-4")));     // refused

        const int toStore = int(dialog.plans()[0].facts.size()) - 1 + int(dialog.plans()[1].facts.size());
        auto *storeButton = dialog.findChild<QPushButton *>(QStringLiteral("storeButton"));
        QVERIFY(storeButton->isEnabled());
        storeButton->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(facts.factCount(), before + toStore);
        QVERIFY(desk.store->unitByName(QStringLiteral("修水县")) > 0); // new units were made
        QVERIFY(desk.store->unitByName(QStringLiteral("青石镇")) > 0);
        // The town went under the county the report is about.
        QCOMPARE(desk.store->unit(desk.store->unitByName(QStringLiteral("青石镇")))->parentId,
                 desk.store->unitByName(QStringLiteral("修水县")));
        const qint64 qintang = desk.store->unitByName(QStringLiteral("覃塘区"));
        bool moved = false;
        for (const Fact &f : facts.facts(qintang))
            moved = moved || f.documentId > 0;
        QVERIFY(moved);

        // The same reports again are recognised and nothing is stored twice.
        ImportReportDialog again(&desk.desk);
        again.readFiles({report("r01_county_towns.txt")});
        again.waitForReading();
        QVERIFY(again.plans()[0].existingDocumentId > 0);
        QVERIFY(!again.findChild<QPushButton *>(QStringLiteral("storeButton"))->isEnabled());
    }

    void anImportIsOneUndoStep()
    {
        TestDesk desk;
        FactStore facts(&desk.db);
        const qint64 factsBefore = facts.factCount();
        const qint64 projectsBefore = desk.store->projectCount();
        const int unitsBefore = int(desk.store->units().size());
        const int steps = desk.desk.undoStack()->count();
        {
            ImportReportDialog dialog(&desk.desk);
            dialog.readFiles({report("r01_county_towns.txt"), report("r06_projects.txt")});
            dialog.waitForReading();
            for (ImportPlan &p : dialog.plans()) {
                for (ProposedProject &pp : p.projects)
                    pp.add = !pp.existingProjectId; // and its projects into the pipeline
            }
            QVERIFY(dialog.store());
            QVERIFY(dialog.summary().unitsCreated > 0); // 修水县 and its towns are new
            QVERIFY(dialog.summary().projectsAdded > 0);
        }
        const qint64 factsAfter = facts.factCount();
        const qint64 projectsAfter = desk.store->projectCount();
        const int unitsAfter = int(desk.store->units().size());
        QVERIFY(factsAfter > factsBefore);
        QCOMPARE(desk.desk.undoStack()->count(), steps + 1);
        QVERIFY(desk.desk.undoStack()->undoText().contains(QLatin1String("2 report")));

        // Edit → Undo: the desk is as it was, units, projects, figures and reports.
        desk.desk.undoStack()->undo();
        QCOMPARE(facts.factCount(), factsBefore);
        QCOMPARE(desk.store->projectCount(), projectsBefore);
        QCOMPARE(int(desk.store->units().size()), unitsBefore);
        QVERIFY(!desk.store->unitByName(QStringLiteral("修水县")));
        // The reports are gone too: importing them again is not "imported before".
        ImportReportDialog again(&desk.desk);
        again.readFiles({report("r01_county_towns.txt")});
        again.waitForReading();
        QCOMPARE(again.plans()[0].existingDocumentId, 0);

        // Redo stores the same reviewed figures again.
        desk.desk.undoStack()->redo();
        QCOMPARE(facts.factCount(), factsAfter);
        QCOMPARE(desk.store->projectCount(), projectsAfter);
        QCOMPARE(int(desk.store->units().size()), unitsAfter);
    }

    void undoingAnImportPutsBackTheFiguresItReplaced()
    {
        TestDesk desk;
        FactStore facts(&desk.db);
        auto importOnce = [&desk](bool replace) {
            ImportReportDialog dialog(&desk.desk);
            dialog.readText(QStringLiteral("覃塘区2023年上半年新签约项目%1个。").arg(replace ? 30 : 20));
            dialog.waitForReading();
            for (ImportPlan &p : dialog.plans()) {
                for (ProposedFact &f : p.facts)
                    f.replace = true;
            }
            return dialog.store();
        };
        QVERIFY(importOnce(false));
        const qint64 unit = desk.store->unitByName(QStringLiteral("覃塘区"));
        auto stored = [&] { return facts.storedFact(unit, 2023, QStringLiteral("H1"), QStringLiteral("signed_projects"), QStringLiteral("actual")); };
        QVERIFY(stored());
        QCOMPARE(stored()->value, 20.0);
        QVERIFY(importOnce(true));
        QCOMPARE(stored()->value, 30.0);
        desk.desk.undoStack()->undo();
        QVERIFY(stored());
        QCOMPARE(stored()->value, 20.0); // the figure it replaced is back
    }

    void addAMentionedProjectToThePipeline()
    {
        TestDesk desk;
        const qint64 projects = desk.store->projectCount();
        ImportReportDialog dialog(&desk.desk);
        dialog.readFiles({report("r06_projects.txt")});
        dialog.waitForReading();
        dialog.reportList()->setCurrentRow(0);
        QTableWidget *table = dialog.projectTable();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("星河智能装备制造项目"));
        table->item(0, 0)->setCheckState(Qt::Checked); // the officer ticks "add to pipeline"
        QVERIFY(dialog.store());
        QCOMPARE(desk.store->projectCount(), projects + 1);
        ProjectQuery q;
        q.text = QStringLiteral("星河智能装备");
        const QList<Project> found = desk.store->fetch(q, 0, 10);
        QCOMPARE(found.size(), 1);
        const Project p = *desk.store->project(found.first().id);
        QCOMPARE(p.stage, Stage::Registered);
        QCOMPARE(p.plannedInvestment, Yuan(1200000000));
        QCOMPARE(desk.store->unitName(p.unitId), QStringLiteral("姑苏区"));
        QVERIFY(p.stageDates.contains(Stage::Registered));
    }

    void officerPicksWhereANewUnitGoes()
    {
        TestDesk desk;
        ImportReportDialog dialog(&desk.desk);
        dialog.readFiles({report("r01_county_towns.txt")});
        dialog.waitForReading();
        dialog.reportList()->setCurrentRow(0);
        // 修水县 is new: by default it goes to the top level, its towns under it.
        QTableWidget *units = dialog.newUnitTable();
        QVERIFY(units->rowCount() >= 3);
        int county = -1;
        for (int r = 0; r < units->rowCount(); ++r) {
            if (units->item(r, 0)->text() == QStringLiteral("修水县"))
                county = r;
        }
        QVERIFY(county >= 0);
        auto *parent = qobject_cast<QComboBox *>(units->cellWidget(county, 1));
        QVERIFY(parent);
        // The officer puts the county under 贵港市.
        parent->setCurrentIndex(parent->findData(desk.unit(u"贵港市")));
        emit parent->activated(parent->currentIndex());
        QVERIFY(dialog.store());
        const qint64 xiyuan = desk.store->unitByName(QStringLiteral("修水县"));
        QCOMPARE(desk.store->unit(xiyuan)->parentId, desk.unit(u"贵港市"));
        QCOMPARE(desk.store->unit(desk.store->unitByName(QStringLiteral("白沙镇")))->parentId, xiyuan);
    }

    void cancelStoresNothing()
    {
        TestDesk desk;
        FactStore facts(&desk.db);
        const qint64 before = facts.factCount();
        {
            ImportReportDialog dialog(&desk.desk);
            dialog.readFiles({report("r02_traditional.txt"), report("r03_noise.txt")});
            dialog.waitForReading();
            QVERIFY(dialog.factModel()->rowCount() > 0);
            dialog.reject();
        }
        QCOMPARE(facts.factCount(), before);
    }

    void badFilesAreListedWithTheirReason()
    {
        TestDesk desk;
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.txt"));
        QFile(empty).open(QIODevice::WriteOnly);
        const QString binary = dir.filePath(QStringLiteral("photo.txt"));
        {
            QFile f(binary);
            f.open(QIODevice::WriteOnly);
            f.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20));
        }
        const QString plain = dir.filePath(QStringLiteral("plain.txt"));
        {
            QFile f(plain);
            f.open(QIODevice::WriteOnly);
            f.write(QStringLiteral("营商环境是发展的生命线。").toUtf8());
        }
        ImportReportDialog dialog(&desk.desk);
        dialog.readFiles({empty, binary, plain});
        dialog.waitForReading();
        QCOMPARE(dialog.reportList()->count(), 3);
        for (const ImportPlan &p : dialog.plans())
            QVERIFY2(!p.status && !p.status.message().isEmpty(), qPrintable(p.title));
        // Each line names its file once: "empty.txt: The file is empty.".
        QStringList named;
        for (int i = 0; i < 3; ++i) {
            const QString line = dialog.reportList()->item(i)->text();
            for (const QString &path : {empty, binary, plain}) {
                const QString name = QFileInfo(path).fileName();
                if (line.contains(name)) {
                    QCOMPARE(line.count(name), 1);
                    named << name;
                }
            }
        }
        QCOMPARE(named.size(), 3);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("importStatus"))->text().startsWith(QLatin1String("0 of 3 reports read")));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("storeButton"))->isEnabled());
    }

    void aClickOnTheTickTicksIt()
    {
        TestDesk desk;
        ImportReportDialog dialog(&desk.desk);
        dialog.resize(1280, 720);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.readFiles({report("r06_projects.txt")});
        dialog.waitForReading();
        dialog.reportList()->setCurrentRow(0);
        QTableWidget *table = dialog.projectTable();
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("星河智能装备制造项目"));
        QCOMPARE(table->item(0, 0)->checkState(), Qt::Unchecked);
        // Where the style draws the tick box of the first row.
        QStyleOptionViewItem option;
        option.initFrom(table);
        option.rect = table->visualItemRect(table->item(0, 0));
        option.features = QStyleOptionViewItem::HasCheckIndicator;
        const QRect box = table->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, table);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, box.center());
        QCOMPARE(table->item(0, 0)->checkState(), Qt::Checked);
        QVERIFY(dialog.plans()[0].projects[0].add);
        QVERIFY(table->viewport()->findChildren<QLineEdit *>().isEmpty()); // no editor opened
        // A double click on the name opens no editor either: the review table is read, not typed in.
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(0, 1)).center());
        QVERIFY(table->viewport()->findChildren<QLineEdit *>().isEmpty()); // no editor opened
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("星河智能装备制造项目"));
        if (const QString dir = qEnvironmentVariable("IPDESK_SCREENSHOTS"); !dir.isEmpty())
            dialog.grab().save(dir + QLatin1String("/report-review.png"));
    }

    void escapeAsksBeforeThrowingCorrectionsAway()
    {
        TestDesk desk;
        ImportReportDialog dialog(&desk.desk);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.readFiles({report("r01_county_towns.txt")});
        dialog.waitForReading();
        dialog.reportList()->setCurrentRow(0);
        // Nothing corrected yet: Esc closes at once (nothing would be lost).
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The officer unticks a figure, then presses Esc and answers "Cancel": the review stays.
        FactReviewModel *model = dialog.factModel();
        QVERIFY(model->setData(model->index(0, FactReviewModel::Accept), Qt::Unchecked, Qt::CheckStateRole));
        bool asked = false;
        auto answer = [&asked](QMessageBox::StandardButton button) {
            QTimer::singleShot(50, [&asked, button] {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                    asked = true;
                    box->button(button)->click();
                }
            });
        };
        answer(QMessageBox::Cancel);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.plans()[0].facts[0].accept); // the correction is still there
        // Esc again, "Discard": the dialog closes and nothing is stored.
        asked = false;
        answer(QMessageBox::Discard);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void theOfficerPicksTheEncodingOfAnUncertainFile()
    {
        // Characters whose bytes read as common characters in GBK and in Big5 alike.
        QByteArray bytes;
        for (int i = 0; i < 10; ++i)
            bytes += char(0xB0 + i), bytes += char(0xA1 + 3 * i);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("uncertain.txt"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        TestDesk desk;
        ImportReportDialog dialog(&desk.desk);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.readFiles({path});
        dialog.waitForReading();
        dialog.reportList()->setCurrentRow(0);
        QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("encodingBar"))->isVisible());
        auto *choice = dialog.findChild<QComboBox *>(QStringLiteral("encodingChoice"));
        const int big5 = choice->findData(QStringLiteral("Big5"));
        QVERIFY(big5 > 0); // the detected reading is first, Big5 is offered
        // Each choice shows the first line as it would read.
        QVERIFY(choice->itemText(big5).contains(QString(QStringDecoder("Big5")(bytes)).left(5)));
        choice->setCurrentIndex(big5);
        emit choice->activated(big5);
        QCOMPARE(dialog.plans()[0].text, QString(QStringDecoder("Big5")(bytes)));
        QCOMPARE(dialog.plans()[0].extraction.encoding, QStringLiteral("Big5"));
        QCOMPARE(choice->currentData().toString(), QStringLiteral("Big5"));
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
