#include "models/changelogmodel.h"
#include "desk/taskstore.h"
#include "progress/returns.h"
#include "desk/desk.h"
#include "desk/factstore.h"

#include "base/domain.h"
#include "desk/projectstore.h"
#include "desk/activitystore.h"
#include "base/metrics.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace IPDesk {

ChangeLogModel::ChangeLogModel(Desk *desk, QObject *parent)
    : QAbstractTableModel(parent)
    , m_desk(desk)
    , m_store(desk->projects())
{
}

void ChangeLogModel::setFilter(const ChangeLogFilter &filter)
{
    m_filter = filter;
    reload();
}

void ChangeLogModel::setMoneyUnit(MoneyUnit unit)
{
    m_moneyUnit = unit;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Before), index(int(m_rows.size()) - 1, After));
}

void ChangeLogModel::reload()
{
    beginResetModel();
    m_projectNames.clear();
    m_records.clear();
    m_documentTitles.clear();
    m_rows = m_desk->audit()->entries(m_filter);
    endResetModel();
}

QStringList ChangeLogModel::accounts() const
{
    return m_desk->audit()->accounts();
}

int ChangeLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChangeLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case When: return tr("When");
    case Who: return tr("Who");
    case Record: return tr("Record");
    case Field: return tr("Field");
    case Before: return tr("Before");
    case After: return m_compact ? tr("Change") : tr("After");
    }
    return QVariant();
}

QString ChangeLogModel::tableLabel(const QString &table)
{
    if (table == QLatin1String("projects"))
        return tr("Project");
    if (table == QLatin1String("targets"))
        return tr("Target");
    if (table == QLatin1String("facts"))
        return tr("Report figure");
    if (table == QLatin1String("units"))
        return tr("Unit");
    if (table == QLatin1String("activities"))
        return tr("Activity");
    if (table == QLatin1String("monthly_returns"))
        return tr("Monthly return");
    if (table == QLatin1String("return_figures"))
        return tr("Figure of a return");
    if (table == QLatin1String("follow_up_tasks"))
        return tr("Follow-up task");
    if (table == QLatin1String("task_replies"))
        return tr("Reply to a task");
    return table;
}

QString ChangeLogModel::fieldLabel(const QString &table, const QString &field)
{
    if (table == QLatin1String("projects")) {
        if (field.startsWith(QLatin1String("stage_date_")))
            return tr("Date %1").arg(Names::stage(Stage(field.mid(11).toInt())));
        for (int i = 0; i < int(ProjectField::Count); ++i) {
            if (fieldColumn(ProjectField(i)) == field)
                return fieldName(ProjectField(i));
        }
    }
    static const QHash<QString, const char *> common{
        {QStringLiteral("unit_id"), QT_TR_NOOP("Unit")},       {QStringLiteral("year"), QT_TR_NOOP("Year")},
        {QStringLiteral("metric"), QT_TR_NOOP("Metric")},      {QStringLiteral("value"), QT_TR_NOOP("Value")},
        {QStringLiteral("qualifier"), QT_TR_NOOP("Qualifier")}, {QStringLiteral("name"), QT_TR_NOOP("Name")},
        {QStringLiteral("parent_id"), QT_TR_NOOP("Parent unit")}, {QStringLiteral("span"), QT_TR_NOOP("Period")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("state"), QT_TR_NOOP("State")},          {QStringLiteral("opinion"), QT_TR_NOOP("Opinion")},
        {QStringLiteral("reason"), QT_TR_NOOP("Reason")},        {QStringLiteral("what"), QT_TR_NOOP("What is to be done")},
        {QStringLiteral("due_on"), QT_TR_NOOP("Due")},           {QStringLiteral("done_on"), QT_TR_NOOP("Done on")},
        {QStringLiteral("submitted_by"), QT_TR_NOOP("Submitted by")}, {QStringLiteral("submitted_at"), QT_TR_NOOP("Submitted at")},
        {QStringLiteral("reviewed_by"), QT_TR_NOOP("Reviewed by")},   {QStringLiteral("reviewed_at"), QT_TR_NOOP("Reviewed at")},
    };
    const auto it = common.constFind(field);
    return it == common.cend() ? field : tr(it.value());
}

QString ChangeLogModel::recordName(const Row &r) const
{
    if (r.table == QLatin1String("projects")) {
        auto it = m_projectNames.constFind(r.recordId);
        if (it == m_projectNames.cend()) {
            QString name;
            if (const auto p = m_store->project(r.recordId))
                name = p->name;
            else if (r.action == QLatin1String("delete"))
                name = QJsonDocument::fromJson(r.before.toUtf8()).object().value(QLatin1String("name")).toString();
            it = m_projectNames.insert(r.recordId, name.isEmpty() ? QStringLiteral("#%1").arg(r.recordId) : name);
        }
        return it.value();
    }
    if (r.table == QLatin1String("units"))
        return m_store->unitName(r.recordId);
    // A target, a report figure or an activity: by its unit, period and metric (or kind and day).
    const QJsonObject o = recordOf(r);
    if (o.isEmpty())
        return QStringLiteral("%1 #%2").arg(tableLabel(r.table)).arg(r.recordId);
    const QString unit = m_store->unitName(qint64(o.value(QLatin1String("unit_id")).toDouble()));
    if (r.table == QLatin1String("monthly_returns") || r.table == QLatin1String("return_figures")) {
        // A return by its unit and month; a figure of it by its metric besides.
        QJsonObject ret = o;
        if (r.table == QLatin1String("return_figures"))
            ret = m_desk->audit()->record(QStringLiteral("monthly_returns"), qint64(o.value(QLatin1String("return_id")).toDouble()));
        const QString month = tr("%1 %2", "year, month")
                                  .arg(ret.value(QLatin1String("year")).toInt())
                                  .arg(Metrics::monthName(ret.value(QLatin1String("month")).toInt()));
        const QString returnName = tr("Return of %1 · %2").arg(m_store->unitName(qint64(ret.value(QLatin1String("unit_id")).toDouble())), month);
        return r.table == QLatin1String("monthly_returns") ? returnName
                                                           : tr("%1 · %2").arg(returnName, Metrics::name(o.value(QLatin1String("metric")).toString()));
    }
    if (r.table == QLatin1String("follow_up_tasks") || r.table == QLatin1String("task_replies")) {
        const QJsonObject task = r.table == QLatin1String("follow_up_tasks")
            ? o : m_desk->audit()->record(QStringLiteral("follow_up_tasks"), qint64(o.value(QLatin1String("task_id")).toDouble()));
        return tr("%1 · %2").arg(m_store->unitName(qint64(task.value(QLatin1String("unit_id")).toDouble())),
                                 task.value(QLatin1String("what")).toString().left(40));
    }
    if (r.table == QLatin1String("activities")) {
        Activity::Kind kind = Activity::Kind::Trip;
        Activity::kindFromCode(o.value(QLatin1String("kind")).toString(), &kind);
        return tr("%1 · %2 · %3").arg(unit, o.value(QLatin1String("happened_on")).toString(), Activity::kindName(kind));
    }
    const int year = o.value(QLatin1String("year")).toInt();
    const QString span = r.table == QLatin1String("targets") ? tr("annual target")
                                                             : Metrics::spanName(o.value(QLatin1String("span")).toString());
    const QString name = tr("%1 · %2 %3 · %4", "unit, year, period, metric")
                             .arg(unit, QString::number(year), span, Metrics::name(o.value(QLatin1String("metric")).toString()));
    // A report figure names the report it came with: the import it belongs to.
    const qint64 document = qint64(o.value(QLatin1String("document_id")).toDouble());
    if (r.table != QLatin1String("facts") || document <= 0)
        return name;
    if (m_documentTitles.isEmpty())
        m_documentTitles = m_desk->facts()->documentTitles();
    const QString title = m_documentTitles.value(document);
    return title.isEmpty() ? name : tr("%1 (from “%2”)").arg(name, title.left(30));
}

QJsonObject ChangeLogModel::recordOf(const Row &r) const
{
    const QString key = r.table + QLatin1Char('/') + QString::number(r.recordId);
    auto it = m_records.constFind(key);
    if (it == m_records.cend()) {
        // The row the log entry itself carries (an insert's new values, a delete's old ones), else
        // the record as it is now or was when deleted.
        QJsonObject o = QJsonDocument::fromJson((r.action == QLatin1String("delete") ? r.before : r.after).toUtf8()).object();
        if (o.isEmpty())
            o = m_desk->audit()->record(r.table, r.recordId);
        it = m_records.insert(key, o);
    }
    return it.value();
}

QString ChangeLogModel::wholeRecordValue(const Row &r, const QString &json) const
{
    // What an added or removed target or figure was worth, in its metric's words.
    if (r.table != QLatin1String("targets") && r.table != QLatin1String("facts"))
        return QString();
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    if (o.isEmpty())
        return QString();
    return Metrics::formatValue(o.value(QLatin1String("metric")).toString(), o.value(QLatin1String("value")).toDouble());
}

QString ChangeLogModel::describeValue(const Row &r, const QString &value) const
{
    if (value.isEmpty())
        return QString();
    const QString &f = r.field;
    if (f == QLatin1String("unit_id") || f == QLatin1String("parent_id"))
        return m_store->unitName(value.toLongLong());
    if (r.table == QLatin1String("projects")) {
        if (f == QLatin1String("stage"))
            return Names::stage(Stage(value.toInt()));
        if (f == QLatin1String("project_type"))
            return Names::projectType(ProjectType(value.toInt()));
        for (int i = 0; i < int(ProjectField::Count); ++i) {
            if (fieldColumn(ProjectField(i)) == f && isMoneyField(ProjectField(i)))
                return Money::format(value.toLongLong(), m_moneyUnit);
        }
    }
    if ((r.table == QLatin1String("targets") || r.table == QLatin1String("facts")) && f == QLatin1String("value"))
        return Metrics::formatValue(recordOf(r).value(QLatin1String("metric")).toString(), value.toDouble());
    if ((r.table == QLatin1String("targets") || r.table == QLatin1String("facts")) && f == QLatin1String("metric"))
        return Metrics::name(value);
    if (r.table == QLatin1String("facts") && f == QLatin1String("span"))
        return Metrics::spanName(value);
    if (r.table == QLatin1String("monthly_returns") && f == QLatin1String("state"))
        return returnStateName(returnStateFromCode(value).value_or(ReturnState::Draft));
    if (r.table == QLatin1String("return_figures") && (f == QLatin1String("value") || f == QLatin1String("computed")))
        return Metrics::formatValue(recordOf(r).value(QLatin1String("metric")).toString(), value.toDouble());
    if (r.table == QLatin1String("follow_up_tasks") && f == QLatin1String("state")) {
        FollowUpTask t;
        t.state = value == QLatin1String("done") ? FollowUpTask::State::Done : FollowUpTask::State::Open;
        return t.stateName(QDate()); // open or done; overdue is a matter of the day, not of the record
    }
    return value;
}

QVariant ChangeLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QVariant();
    const Row &r = m_rows.at(index.row());
    switch (index.column()) {
    case When:
        return QLocale().toString(r.at.toLocalTime(), m_compact && role == Qt::DisplayRole ? QStringLiteral("MM-dd HH:mm")
                                                                                           : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Who: return r.who;
    case Record: return recordName(r);
    case Field:
        if (r.action == QLatin1String("insert") || r.action == QLatin1String("delete")) {
            static const QHash<QString, QPair<const char *, const char *>> actions{
                {QStringLiteral("projects"), {QT_TR_NOOP("Project added"), QT_TR_NOOP("Project deleted")}},
                {QStringLiteral("targets"), {QT_TR_NOOP("Target set"), QT_TR_NOOP("Target removed")}},
                {QStringLiteral("facts"), {QT_TR_NOOP("Report figure stored"), QT_TR_NOOP("Report figure removed")}},
                {QStringLiteral("units"), {QT_TR_NOOP("Unit added"), QT_TR_NOOP("Unit removed")}},
                {QStringLiteral("activities"), {QT_TR_NOOP("Activity logged"), QT_TR_NOOP("Activity removed")}},
                {QStringLiteral("monthly_returns"), {QT_TR_NOOP("Return started"), QT_TR_NOOP("Return removed")}},
                {QStringLiteral("return_figures"), {QT_TR_NOOP("Figure of a return written"), QT_TR_NOOP("Figure of a return removed")}},
                {QStringLiteral("follow_up_tasks"), {QT_TR_NOOP("Follow-up task assigned"), QT_TR_NOOP("Follow-up task removed")}},
                {QStringLiteral("task_replies"), {QT_TR_NOOP("Reply to a task"), QT_TR_NOOP("Reply removed")}},
            };
            const auto it = actions.constFind(r.table);
            if (it == actions.cend())
                return r.action;
            return tr(r.action == QLatin1String("insert") ? it->first : it->second);
        }
        return fieldLabel(r.table, r.field);
    case Before:
        if (r.action == QLatin1String("delete"))
            return wholeRecordValue(r, r.before);
        return r.action == QLatin1String("update") ? describeValue(r, r.before) : QString();
    case After:
        if (r.action == QLatin1String("insert") || r.action == QLatin1String("delete")) {
            const bool added = r.action == QLatin1String("insert");
            const QString value = wholeRecordValue(r, added ? r.after : r.before);
            if (!m_compact || value.isEmpty())
                return added ? value : QString();
            return added ? tr("→ %1").arg(value) : tr("%1 →").arg(value);
        }
        if (r.action != QLatin1String("update"))
            return QString();
        if (m_compact)
            return tr("%1 → %2").arg(r.before.isEmpty() ? tr("(empty)") : describeValue(r, r.before), describeValue(r, r.after));
        return describeValue(r, r.after);
    }
    return QVariant();
}

} // namespace IPDesk
