#include "testdesk.h"

#include "desk/projectcommands.h"
#include "models/projecttablemodel.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace IPDesk;

class TestUndo : public QObject
{
    Q_OBJECT

    static int rowOfName(ProjectTableModel &model, const QString &needle)
    {
        ProjectQuery q = model.query();
        q.text = needle;
        model.setQuery(q);
        return model.rowCount() == 1 ? 0 : -1;
    }

private slots:
    void fieldEditUndoRedo_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("name") << int(ProjectField::Name) << QVariant(QStringLiteral("麦科斯二期"));
        QTest::newRow("money as text in 万") << int(ProjectField::PlannedInvestment) << QVariant(QStringLiteral("3000万"));
        QTest::newRow("stage") << int(ProjectField::Stage) << QVariant(int(Stage::Operating));
        QTest::newRow("type") << int(ProjectField::Type) << QVariant(int(ProjectType::CapitalIncrease));
        QTest::newRow("unit") << int(ProjectField::Unit) << QVariant(); // filled in below
        QTest::newRow("date") << int(ProjectField::StartedDate) << QVariant(QDate(2022, 10, 1));
        QTest::newRow("manufacturing") << int(ProjectField::Manufacturing) << QVariant(false);
    }
    void fieldEditUndoRedo()
    {
        QFETCH(int, field);
        QFETCH(QVariant, value);
        TestDesk desk;
        if (!value.isValid())
            value = desk.unit(u"覃塘区");
        QUndoStack &undo = *desk.desk.undoStack();
        ProjectTableModel model(&desk.desk);
        QCOMPARE(rowOfName(model, QStringLiteral("麦科斯")), 0);
        const qint64 id = model.projectIdAt(0);
        const Project before = *desk.store->project(id);
        QVERIFY(model.setData(model.index(0, field), value));
        const Project after = *desk.store->project(id);
        QVERIFY(projectValue(after, ProjectField(field)) != projectValue(before, ProjectField(field)));
        QCOMPARE(undo.count(), 1);
        undo.undo();
        const Project undone = *desk.store->project(id);
        QCOMPARE(projectValue(undone, ProjectField(field)), projectValue(before, ProjectField(field)));
        QCOMPARE(undone.stage, before.stage);
        QCOMPARE(undone.stageDates, before.stageDates);
        undo.redo();
        QCOMPARE(projectValue(*desk.store->project(id), ProjectField(field)), projectValue(after, ProjectField(field)));
    }

    void stageChangeRecordsTheDate()
    {
        TestDesk desk;
        QUndoStack &undo = *desk.desk.undoStack();
        ProjectTableModel model(&desk.desk);
        QCOMPARE(rowOfName(model, QStringLiteral("通威集团")), 0);
        const qint64 id = model.projectIdAt(0);
        QVERIFY(!desk.store->project(id)->stageDates.contains(Stage::Negotiating));
        QVERIFY(model.setData(model.index(0, int(ProjectField::Stage)), int(Stage::Negotiating)));
        QCOMPARE(desk.store->project(id)->stageDates.value(Stage::Negotiating), QDate::currentDate());
        undo.undo();
        QVERIFY(!desk.store->project(id)->stageDates.contains(Stage::Negotiating));
        QCOMPARE(desk.store->project(id)->stage, Stage::Lead);
    }

    void refusedEditsLeaveNothing_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("negative money") << int(ProjectField::PlannedInvestment) << QVariant(QStringLiteral("-5亿"));
        QTest::newRow("not money") << int(ProjectField::SignedInvestment) << QVariant(QStringLiteral("很多"));
        QTest::newRow("empty name") << int(ProjectField::Name) << QVariant(QString());
        QTest::newRow("started before signed") << int(ProjectField::StartedDate) << QVariant(QDate(2020, 1, 1));
    }
    void refusedEditsLeaveNothing()
    {
        QFETCH(int, field);
        QFETCH(QVariant, value);
        TestDesk desk;
        QUndoStack &undo = *desk.desk.undoStack();
        ProjectTableModel model(&desk.desk);
        QCOMPARE(rowOfName(model, QStringLiteral("麦科斯")), 0);
        const Project before = *desk.store->project(model.projectIdAt(0));
        QSignalSpy rejected(&model, &ProjectTableModel::editRejected);
        QVERIFY(!model.setData(model.index(0, field), value));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!rejected.first().first().toString().isEmpty());
        QCOMPARE(undo.count(), 0);
        const Project after = *desk.store->project(before.id);
        QCOMPARE(projectValue(after, ProjectField(field)), projectValue(before, ProjectField(field)));
        QCOMPARE(after.version, before.version);
    }

    void typingInOneCellIsOneUndoStep()
    {
        TestDesk desk;
        QUndoStack &undo = *desk.desk.undoStack();
        ProjectTableModel model(&desk.desk);
        QCOMPARE(rowOfName(model, QStringLiteral("麦科斯")), 0);
        const qint64 id = model.projectIdAt(0);
        const QString original = desk.store->project(id)->notes;
        for (const QString &t : {QStringLiteral("a"), QStringLiteral("ab"), QStringLiteral("abc")})
            QVERIFY(model.setData(model.index(0, int(ProjectField::Notes)), t));
        QCOMPARE(undo.count(), 1);
        undo.undo();
        QCOMPARE(desk.store->project(id)->notes, original);
    }

    void addDuplicateDeleteUndo()
    {
        TestDesk desk;
        QUndoStack &undo = *desk.desk.undoStack();
        const qint64 n = desk.store->projectCount();
        Project p;
        p.name = QStringLiteral("新项目");
        p.unitId = desk.unit(u"东湖区");
        auto *add = new AddProjectCommand(&desk.desk, p);
        undo.push(add);
        const qint64 id = add->projectId();
        QVERIFY(id > 0);
        QCOMPARE(desk.store->projectCount(), n + 1);
        undo.undo();
        QCOMPARE(desk.store->projectCount(), n);
        undo.redo();
        QCOMPARE(desk.store->project(id)->name, QStringLiteral("新项目"));

        // Delete two, with their stage history, and bring them back whole.
        const QList<Project> victims = desk.store->fetch(ProjectQuery(), 0, 2);
        QList<Project> full;
        for (const Project &v : victims)
            full << *desk.store->project(v.id);
        undo.push(new DeleteProjectsCommand(&desk.desk, full));
        QCOMPARE(desk.store->projectCount(), n - 1);
        QVERIFY(!desk.store->project(full.first().id));
        undo.undo();
        QCOMPARE(desk.store->projectCount(), n + 1);
        for (const Project &v : full) {
            const auto back = desk.store->project(v.id);
            QVERIFY(back);
            QCOMPARE(back->name, v.name);
            QCOMPARE(back->stageDates, v.stageDates);
            QCOMPARE(back->plannedInvestment, v.plannedInvestment);
        }
    }

    void wholeFormEditIsOneStep()
    {
        TestDesk desk;
        QUndoStack &undo = *desk.desk.undoStack();
        const Project before = *desk.store->project(desk.store->fetch(ProjectQuery(), 0, 1).first().id);
        Project after = before;
        after.investor = QStringLiteral("新投资方");
        after.plannedInvestment += 100000000;
        after.leadOfficer = QStringLiteral("王芳");
        QVERIFY(desk.desk.editProject(before, after, std::nullopt)); // written, then pushed
        QCOMPARE(undo.count(), 1);
        QCOMPARE(desk.store->project(before.id)->investor, QStringLiteral("新投资方"));
        undo.undo();
        const Project back = *desk.store->project(before.id);
        QCOMPARE(back.investor, before.investor);
        QCOMPARE(back.plannedInvestment, before.plannedInvestment);
        QCOMPARE(back.leadOfficer, before.leadOfficer);
    }
};

QTEST_GUILESS_MAIN(TestUndo)
#include "tst_undo.moc"
