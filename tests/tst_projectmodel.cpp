#include "testdesk.h"

#include "models/projecttablemodel.h"
#include "models/unittreemodel.h"
#include "models/changelogmodel.h"
#include "base/metrics.h"
#include "models/factreviewmodel.h"
#include "models/progressmodels.h"
#include "models/storedfactsmodel.h"
#include "progress/bulletin.h"
#include "progress/progress.h"
#include "reports/reportimporter.h"

#include <QAbstractItemModelTester>
#include <QUndoStack>

using namespace IPDesk;

class TestProjectModel : public QObject
{
    Q_OBJECT
private slots:
    void tableModelPassesTheTester()
    {
        TestDesk desk;
            ProjectTableModel model(&desk.desk);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(desk.store->projectCount()));
        QCOMPARE(model.columnCount(), int(ProjectField::Count));
        model.sort(int(ProjectField::PlannedInvestment), Qt::DescendingOrder);
        ProjectQuery q = model.query();
        q.stage = int(Stage::Signed);
        model.setQuery(q);
        QVERIFY(model.rowCount() > 0);
        // An edit through the model runs the tester over a change too.
        QVERIFY(model.setData(model.index(0, int(ProjectField::Notes)), QStringLiteral("跟进中")));
    }

    void unitTreeModelPassesTheTester()
    {
        TestDesk desk;
        UnitTreeModel model(&desk.desk);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // "All units" plus the cities.
        int cities = 0;
        for (const Unit &u : desk.store->units())
            cities += u.parentId == 0;
        QCOMPARE(model.rowCount(), 1 + cities);
        const QModelIndex zhaoqing = model.indexOf(desk.unit(u"肇庆市"));
        QCOMPARE(zhaoqing.data().toString(), QStringLiteral("肇庆市"));
        QCOMPARE(model.rowCount(zhaoqing), int(desk.store->children(desk.unit(u"肇庆市")).size()));
        const QModelIndex sihui = model.indexOf(desk.unit(u"四会市"));
        QCOMPARE(sihui.parent(), zhaoqing);
        Status s;
        desk.store->addUnit(Unit{0, desk.unit(u"四会市"), QStringLiteral("东城街道"), UnitKind::Street}, &s);
        QVERIFY(s);
        QCOMPARE(model.rowCount(model.indexOf(desk.unit(u"四会市"))), 1);
    }

    // Every other model of the window under QAbstractItemModelTester, each filled, refilled and
    // emptied as the views do it, with what the officer would check of it.
    void changeLogModelPassesTheTester()
    {
        TestDesk desk;
        ChangeLogModel model(&desk.desk);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        const int before = model.rowCount();
        ProjectTableModel projects(&desk.desk);
        QVERIFY(projects.setData(projects.index(0, int(ProjectField::Notes)), QStringLiteral("已约二次考察")));
        model.reload();
        QCOMPARE(model.rowCount(), before + 1);
        QCOMPARE(model.index(0, ChangeLogModel::After).data().toString(), QStringLiteral("已约二次考察"));
        ChangeLogFilter f;
        f.text = QStringLiteral("二次考察");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 1);
        f.text = QStringLiteral("没有这样的值");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 0);
    }

    void theChangeLogNamesTargetsAndFiguresByWhatTheyAre()
    {
        // Not "目标 #36": the unit, the year and period, the metric, and old → new in its unit.
        TestDesk desk;
        const Fact figure = desk.desk.facts()->facts().first();
        const QString unit = desk.store->unitName(figure.unitId);
        Target t;
        t.unitId = figure.unitId;
        t.year = 2031;
        t.metric = QStringLiteral("signed_investment");
        t.value = 400;
        QVERIFY(desk.desk.facts()->setTarget(t));
        t.value = 450;
        QVERIFY(desk.desk.facts()->setTarget(t));
        QVERIFY(desk.desk.facts()->removeFact(figure.unitId, figure.year, figure.span, figure.metric, figure.kind));

        ChangeLogModel model(&desk.desk);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ChangeLogFilter f;
        f.table = QStringLiteral("targets");
        model.setFilter(f);
        QVERIFY(model.rowCount() >= 2);
        auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        // Newest first: the change of value, then the target set.
        QVERIFY2(text(0, ChangeLogModel::Record).contains(unit), qPrintable(text(0, ChangeLogModel::Record)));
        QVERIFY(text(0, ChangeLogModel::Record).contains(QLatin1String("2031")));
        QVERIFY(text(0, ChangeLogModel::Record).contains(Metrics::name(t.metric)));
        QVERIFY(!text(0, ChangeLogModel::Record).contains(QLatin1Char('#')));
        QCOMPARE(text(0, ChangeLogModel::Before), Metrics::formatValue(t.metric, 400));
        QCOMPARE(text(0, ChangeLogModel::After), Metrics::formatValue(t.metric, 450));
        QCOMPARE(text(1, ChangeLogModel::After), Metrics::formatValue(t.metric, 400)); // set at 400
        // A removed report figure: still named, and what it was worth.
        f.table = QStringLiteral("facts");
        model.setFilter(f);
        QVERIFY(model.rowCount() >= 1);
        QVERIFY(text(0, ChangeLogModel::Record).contains(unit));
        QVERIFY(text(0, ChangeLogModel::Record).contains(Metrics::spanName(figure.span)));
        QVERIFY(text(0, ChangeLogModel::Record).contains(Metrics::name(figure.metric)));
        QCOMPARE(text(0, ChangeLogModel::Before), Metrics::formatValue(figure.metric, figure.value));
    }

    void storedFactsModelPassesTheTester()
    {
        TestDesk desk;
        StoredFactsModel model(&desk.desk);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        const QList<Fact> all = desk.desk.facts()->facts();
        QVERIFY(!all.isEmpty());
        QCOMPARE(model.rowCount(), int(all.size()));
        const qint64 unit = all.first().unitId;
        model.setUnits({unit});
        QVERIFY(model.rowCount() > 0 && model.rowCount() < int(all.size()));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, StoredFactsModel::Unit).data().toString(), desk.store->unitName(unit));
        model.setUnits({});
        QCOMPARE(model.rowCount(), int(all.size()));
    }

    void factReviewModelPassesTheTester()
    {
        TestDesk desk;
        ReportImporter importer(&desk.desk);
        FactReviewModel model(&importer);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImportPlan plan = importer.prepareText(
            QStringLiteral("2023年1-6月,德庆县新签约项目9个,签约总额31.5亿元;新开工项目4个。"), QStringLiteral("上半年情况"));
        model.setPlan(&plan);
        QVERIFY(model.rowCount() >= 2);
        const int accepted = model.acceptedCount();
        QVERIFY(accepted > 0);
        QVERIFY(model.setData(model.index(0, FactReviewModel::Accept), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.acceptedCount(), accepted - 1);
        ImportPlan empty;
        model.setPlan(&empty);
        QCOMPARE(model.rowCount(), 0);
        model.setPlan(&plan);
        QCOMPARE(model.acceptedCount(), accepted - 1);
    }

    void progressModelsPassTheTester()
    {
        TestDesk desk;
        const ProgressSettings settings = ProgressSettings::load(&desk.desk);
        ProgressCalculator calc(&desk.desk, settings);
        const QDate asOf(2023, 6, 30);
        ProgressTableModel progress;
        RankingModel ranking;
        QAbstractItemModelTester t1(&progress, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&ranking, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<ProgressRow> rows = calc.compute(2023, asOf);
        QVERIFY(!rows.isEmpty());
        progress.setRows(rows);
        QCOMPARE(progress.rowCount(), int(rows.size()));
        QCOMPARE(progress.index(0, ProgressTableModel::Unit).data(ProgressTableModel::UnitIdRole).toLongLong(), rows.first().unitId);
        progress.setRows({});
        QCOMPARE(progress.rowCount(), 0);

        const BulletinData data = BulletinData::collect(&desk.desk, settings, 2023, asOf);
        ranking.setData(data);
        int ranked = 0;
        for (const RankRow &r : data.ranking)
            ranked += r.rank > 0;
        QVERIFY(ranked >= 2);
        QCOMPARE(ranking.rowCount(), ranked);
        QCOMPARE(ranking.index(0, RankingModel::Rank).data().toInt(), 1);
        StalledModel stalled;
        QAbstractItemModelTester t5(&stalled, QAbstractItemModelTester::FailureReportingMode::QtTest);
        stalled.setData(data);
        QVERIFY(!data.stuck.isEmpty()); // the demo has projects waiting as of 06-30
        QCOMPARE(stalled.rowCount(), int(data.stuck.size()));
        for (int r = 0; r < stalled.rowCount(); ++r) {
            // Each waited past its limit (or its months), the longest first.
            QVERIFY(stalled.rowAt(r).limitDays <= 0 || stalled.index(r, StalledModel::Days).data().toInt() > stalled.rowAt(r).limitDays);
            if (r > 0)
                QVERIFY(stalled.rowAt(r).since >= stalled.rowAt(r - 1).since);
        }
        ranking.setData(BulletinData::collect(&desk.desk, settings, 2019, QDate(2019, 12, 31)));
        QCOMPARE(ranking.rowCount(), 0);
        stalled.setData(BulletinData::collect(&desk.desk, settings, 2019, QDate(2019, 12, 31)));
        QCOMPARE(stalled.rowCount(), 0); // nothing of the demo existed yet
    }

    void sortsByInvestmentInSql()
    {
        TestDesk desk;
            ProjectTableModel model(&desk.desk);
        model.sort(int(ProjectField::PlannedInvestment), Qt::DescendingOrder);
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int r = 0; r < model.rowCount(); ++r) {
            const qint64 v = model.index(r, int(ProjectField::PlannedInvestment)).data(Qt::EditRole).toLongLong();
            QVERIFY(v <= previous);
            previous = v;
        }
    }

    void filtersByUnitSubtreeStageAndText()
    {
        TestDesk desk;
            ProjectTableModel model(&desk.desk);
        ProjectQuery q;
        q.unitIds = desk.store->subtree(desk.unit(u"肇庆市"));
        model.setQuery(q);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(q.unitIds.contains(model.index(r, 0).data(ProjectTableModel::UnitIdRole).toLongLong()));
        q.stage = int(Stage::Signed);
        model.setQuery(q);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, 0).data(ProjectTableModel::StageRole).toInt(), int(Stage::Signed));
        ProjectQuery t;
        t.text = QStringLiteral("麦科斯");
        model.setQuery(t);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, int(ProjectField::Name)).data().toString().contains(QStringLiteral("麦科斯")));
        // Case is ignored on both backends (a code typed in small letters).
        const QString code = model.index(0, int(ProjectField::Code)).data().toString();
        QVERIFY(code != code.toLower());
        t.text = code.toLower();
        model.setQuery(t);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, int(ProjectField::Code)).data().toString(), code);
        t.text = QStringLiteral("100%_"); // LIKE wildcards are taken literally
        model.setQuery(t);
        QCOMPARE(model.rowCount(), 0);
    }

    void totalsAddUpToTheRows()
    {
        TestDesk desk;
        ProjectQuery q;
        q.unitIds = desk.store->subtree(desk.unit(u"惠济区"));
        const QList<StageTotal> totals = desk.store->totals(q);
        QCOMPARE(totals.size(), StageCount);
        qint64 count = 0;
        Yuan sum = 0;
        for (const StageTotal &t : totals) {
            count += t.count;
            sum += t.investment;
        }
        QCOMPARE(count, qint64(desk.store->count(q)));
        Yuan expected = 0;
        for (const Project &p : desk.store->fetch(q, 0, 100000))
            expected += p.plannedInvestment;
        QCOMPARE(sum, expected);
    }

    void pagesThroughManyRows()
    {
        TestDesk desk(false);
        Status s;
        const qint64 unit = desk.store->addUnit(Unit{0, 0, QStringLiteral("测试区"), UnitKind::District}, &s);
        QList<Project> many;
        for (int i = 0; i < 3 * ProjectTableModel::PageSize + 17; ++i) {
            Project p;
            p.name = QStringLiteral("项目%1").arg(i, 5, 10, QLatin1Char('0'));
            p.unitId = unit;
            p.plannedInvestment = qint64(i) * 1000000;
            many << p;
        }
        QVERIFY(desk.store->insertProjects(many));
            ProjectTableModel model(&desk.desk);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(many.size()));
        model.sort(int(ProjectField::Name), Qt::AscendingOrder);
        for (int r : {0, ProjectTableModel::PageSize - 1, ProjectTableModel::PageSize, int(many.size()) - 1})
            QCOMPARE(model.index(r, int(ProjectField::Name)).data().toString(), many.at(r).name);
    }

    void moneyShowsInTheChosenUnit()
    {
        TestDesk desk;
            ProjectTableModel model(&desk.desk);
        ProjectQuery q;
        q.text = QStringLiteral("麦科斯");
        model.setQuery(q);
        const QModelIndex out = model.index(0, int(ProjectField::ExpectedOutput));
        const qint64 yuan = out.data(Qt::EditRole).toLongLong();
        QCOMPARE(out.data().toString(), Money::formatNumber(yuan, MoneyUnit::Yi));
        model.setMoneyUnit(MoneyUnit::Wan);
        QCOMPARE(out.data().toString(), Money::formatNumber(yuan, MoneyUnit::Wan));
        QVERIFY(model.headerData(int(ProjectField::ExpectedOutput), Qt::Horizontal).toString().contains(Money::unitName(MoneyUnit::Wan)));
    }
};

QTEST_GUILESS_MAIN(TestProjectModel)
#include "tst_projectmodel.moc"
