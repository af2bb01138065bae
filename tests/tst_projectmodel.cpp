#include "testdesk.h"

#include "models/projecttablemodel.h"
#include "models/unittreemodel.h"

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
