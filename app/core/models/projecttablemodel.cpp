#include "models/projecttablemodel.h"

#include "base/datetext.h"
#include "tables/tableimport.h"
#include "desk/desk.h"

#include "desk/projectcommands.h"

#include <QBrush>
#include <QColor>

namespace IPDesk {

namespace {
constexpr int MaxCachedPages = 64;
}

ProjectTableModel::ProjectTableModel(Desk *desk, QObject *parent)
    : QAbstractTableModel(parent)
    , m_desk(desk)
    , m_store(desk->projects())
{
    connect(desk, &Desk::changed, this, &ProjectTableModel::onDeskChanged);
    m_rowCount = m_store->count(m_query);
}

int ProjectTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ProjectTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ProjectField::Count);
}

const QList<Project> *ProjectTableModel::page(int pageIndex) const
{
    auto it = m_pages.find(pageIndex);
    if (it == m_pages.end()) {
        if (m_pages.size() >= MaxCachedPages && !m_recent.isEmpty())
            m_pages.remove(m_recent.takeFirst());
        it = m_pages.insert(pageIndex, m_store->fetch(m_query, pageIndex * PageSize, PageSize));
    } else {
        m_recent.removeOne(pageIndex);
    }
    m_recent.append(pageIndex);
    return &it.value();
}

std::optional<Project> ProjectTableModel::projectAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return std::nullopt;
    const QList<Project> *p = page(row / PageSize);
    const int i = row % PageSize;
    if (i >= p->size())
        return std::nullopt;
    return p->at(i);
}

qint64 ProjectTableModel::projectIdAt(int row) const
{
    const auto p = projectAt(row);
    return p ? p->id : 0;
}

int ProjectTableModel::rowOf(qint64 projectId) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it.value().size(); ++i) {
            if (it.value().at(i).id == projectId)
                return it.key() * PageSize + i;
        }
    }
    return -1;
}

QVariant ProjectTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const auto p = projectAt(index.row());
    if (!p)
        return QVariant();
    const auto field = ProjectField(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        const QVariant v = projectValue(*p, field);
        if (isMoneyField(field))
            return v.toLongLong() == 0 && role == Qt::DisplayRole ? QString() : Money::formatNumber(v.toLongLong(), m_moneyUnit);
        if (isDateField(field))
            return v.toDate().isValid() ? v.toDate().toString(Qt::ISODate) : QString();
        switch (field) {
        case ProjectField::Unit: return m_store->unitName(p->unitId);
        case ProjectField::Stage: return Names::stage(p->stage);
        case ProjectField::Type: return Names::projectType(p->type);
        case ProjectField::Manufacturing: return p->manufacturing ? tr("Yes") : tr("No");
        default: return v;
        }
    }
    case Qt::EditRole:
        return projectValue(*p, field);
    case Qt::TextAlignmentRole:
        if (isMoneyField(field))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::ForegroundRole:
        if (p->stage == Stage::Dropped || p->stage == Stage::OnHold)
            return QBrush(QColor(0x80, 0x80, 0x80));
        return QVariant();
    case ProjectIdRole: return p->id;
    case StageRole: return int(p->stage);
    case UnitIdRole: return p->unitId;
    case FieldRole: return index.column();
    default: return QVariant();
    }
}

QVariant ProjectTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= int(ProjectField::Count))
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto field = ProjectField(section);
    if (role == Qt::DisplayRole) {
        if (isMoneyField(field))
            return tr("%1 (%2)").arg(fieldName(field), Money::unitName(m_moneyUnit));
        return fieldName(field);
    }
    return QVariant();
}

Qt::ItemFlags ProjectTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    // On a team desk the server writes only the account's own units; their cells alone are editable.
    if (m_desk->isTeam()) {
        const std::optional<Project> p = projectAt(index.row());
        if (p && !m_desk->canWrite(p->unitId))
            return flags;
    }
    return flags | Qt::ItemIsEditable;
}

bool ProjectTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    return setProjectValue(projectIdAt(index.row()), ProjectField(index.column()), value);
}

bool ProjectTableModel::setProjectValue(qint64 projectId, ProjectField field, const QVariant &value)
{
    // The edit is made from the record the officer sees in the row: if someone else saved a newer
    // version since, the store merges the two or asks, instead of writing over theirs unseen.
    Status status;
    std::optional<Project> before = m_store->project(projectId, &status);
    const int row = rowOf(projectId);
    const std::optional<Project> seen = row >= 0 ? projectAt(row) : std::nullopt;
    if (!before && status.code() == Status::Code::Offline && seen) {
        before = seen; // no connection: the edit is made from what the row shows, and kept until it is back
    } else if (!before) {
        emit editRejected(status.message());
        return false;
    } else if (seen && seen->version != before->version) {
        for (int f = 0; f < int(ProjectField::Count); ++f)
            IPDesk::setProjectValue(*before, ProjectField(f), projectValue(*seen, ProjectField(f)));
        before->version = seen->version;
    }
    QVariant v = value;
    if (isMoneyField(field) && v.userType() == QMetaType::QString) {
        QString error;
        const auto yuan = Money::parse(v.toString(), m_moneyUnit, &error);
        if (!yuan) {
            emit editRejected(error);
            return false;
        }
        v = *yuan;
    } else if (isDateField(field) && v.userType() == QMetaType::QString) {
        // Typed as officers write dates; empty clears the date.
        const QString text = v.toString().trimmed();
        const auto day = DateText::parse(text, QDate::currentDate().year());
        if (!text.isEmpty() && !day) {
            emit editRejected(DateText::notADate(text));
            return false;
        }
        v = day ? QVariant(*day) : QVariant(QMetaType::fromType<QDate>());
    }
    if (projectValue(*before, field) == v)
        return false;
    Project after;
    const QStringList errors = applyFieldEdit(*before, field, v, &after);
    if (!errors.isEmpty()) {
        emit editRejected(errors.join(QLatin1Char('\n')));
        return false;
    }
    const Status s = m_desk->editProject(*before, after, field);
    // Stored; or kept until the connection is back; or the window asks about a conflict next.
    if (s || s.code() == Status::Code::Offline || s.code() == Status::Code::Conflict)
        return true;
    emit editRejected(s.message());
    return false;
}

bool ProjectTableModel::pasteBlock(int startRow, int startColumn, const QString &text, QString *error)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    // Every row read and checked before anything is written.
    QList<QPair<Project, Project>> edits;
    int cells = 0;
    for (int r = 0; r < lines.size(); ++r) {
        const qint64 id = projectIdAt(startRow + r);
        if (!id)
            return refuse(tr("The block is longer than the table below the current row."));
        Status status;
        const std::optional<Project> base = m_store->project(id, &status);
        if (!base)
            return refuse(status.ok() ? Names::tr("The project no longer exists.") : status.message());
        Project target = *base;
        const QStringList row = lines.at(r).split(QLatin1Char('\t'));
        for (int c = 0; c < row.size() && startColumn + c < int(ProjectField::Count); ++c, ++cells) {
            const ProjectField field = ProjectField(startColumn + c);
            QString why;
            const auto value = TableImporter::readProjectCell(field, row.at(c).trimmed(), *m_store, m_moneyUnit, &why);
            if (!value)
                return refuse(tr("Row %1, %2: %3").arg(r + 1).arg(fieldName(field), why));
            Project next;
            const QStringList problems = applyFieldEdit(target, field, *value, &next);
            if (!problems.isEmpty())
                return refuse(tr("Row %1, %2: %3").arg(r + 1).arg(fieldName(field), problems.join(QLatin1Char(' '))));
            target = next;
        }
        bool same = target.stageDates == base->stageDates;
        for (int f = 0; same && f < int(ProjectField::Count); ++f)
            same = projectValue(target, ProjectField(f)) == projectValue(*base, ProjectField(f));
        if (!same)
            edits.append({*base, target});
    }
    const Status s = m_desk->editProjects(edits, tr("Paste %n cell(s)", nullptr, cells));
    return s ? true : refuse(s.message());
}

void ProjectTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= int(ProjectField::Count))
        return;
    ProjectQuery q = m_query;
    q.sortField = ProjectField(column);
    q.sortOrder = order;
    setQuery(q);
}

void ProjectTableModel::setQuery(const ProjectQuery &query)
{
    if (query == m_query && !m_pages.isEmpty())
        return;
    const bool sameRows = query.sameRows(m_query);
    beginResetModel();
    m_query = query;
    m_pages.clear();
    m_recent.clear();
    if (!sameRows)
        m_rowCount = m_store->count(m_query);
    endResetModel();
    if (!sameRows)
        emit totalsChanged();
}

void ProjectTableModel::setMoneyUnit(MoneyUnit unit)
{
    if (unit == m_moneyUnit)
        return;
    m_moneyUnit = unit;
    emit headerDataChanged(Qt::Horizontal, 0, int(ProjectField::Count) - 1);
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, int(ProjectField::Count) - 1));
}

void ProjectTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_recent.clear();
    m_rowCount = m_store->count(m_query);
    endResetModel();
    emit totalsChanged();
}

void ProjectTableModel::onDeskChanged(const DeskChange &change)
{
    switch (change.what) {
    case DeskChange::Project:
        onProjectChanged(change.id);
        break;
    case DeskChange::Projects:
        reload();
        break;
    case DeskChange::Units:
        if (m_rowCount > 0)
            emit dataChanged(index(0, int(ProjectField::Unit)), index(m_rowCount - 1, int(ProjectField::Unit)));
        break;
    case DeskChange::Elsewhere: // the window reloads at a moment that suits the officer
    case DeskChange::Targets:
    case DeskChange::Settings:
        break;
    }
}

void ProjectTableModel::onProjectChanged(qint64 id)
{
    // The edited row may now sort elsewhere or leave the filter: refetch the loaded pages in place.
    const int newCount = m_store->count(m_query);
    if (newCount != m_rowCount) {
        reload();
        return;
    }
    Q_UNUSED(id);
    m_pages.clear();
    m_recent.clear();
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, int(ProjectField::Count) - 1));
    emit totalsChanged();
}

} // namespace IPDesk
