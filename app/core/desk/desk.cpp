#include "desk/desk.h"

#include "desk/changenotifier.h"
#include "desk/deskcommand.h"
#include "desk/projectcommands.h"

#include <QDir>
#include <algorithm>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUndoStack>

namespace IPDesk {

Desk::Desk(QObject *parent)
    : QObject(parent)
    , m_facts(&m_db)
    , m_activities(&m_db)
    , m_audit(&m_db)
    , m_progressQueries(&m_db)
    , m_undoStack(std::make_unique<QUndoStack>())
{
    qRegisterMetaType<DeskChange>();
    qRegisterMetaType<EditConflict>();
}

Desk::~Desk()
{
    close();
}

Status Desk::open(const QString &location, Database::OpenMode mode, const QString &password)
{
    close();
    if (!password.isEmpty())
        m_db.setPassword(password);
    const Status s = m_db.open(location, mode);
    if (s)
        attachStores();
    return s;
}

void Desk::attachStores()
{
    m_projects = std::make_unique<ProjectStore>(&m_db);
    connect(m_projects.get(), &ProjectStore::changed, this, &Desk::notify);
}

namespace {
/// A desk cut short (a copy interrupted, a full disk) is shorter than its header says, and SQLite
/// then reads none of it. Its copy gets the missing pages back as zeros: what they held is lost,
/// the rest can be read.
void padToDeclaredSize(const QString &copy)
{
    QFile f(copy);
    if (!f.open(QIODevice::ReadWrite))
        return;
    const qint64 declared = Database::declaredFileSize(f.read(100));
    if (declared > f.size() && declared <= f.size() * 2 + 16 * 65536) // a header cannot make a copy grow without end
        f.resize(declared);
}
} // namespace

Status Desk::openReadOnlyCopy(const QString &path)
{
    close();
    auto dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ipdesk-copy-XXXXXX"));
    if (!dir->isValid())
        return Status::error(tr("No temporary folder for the copy: %1").arg(dir->errorString()));
    const QString copy = dir->filePath(QFileInfo(path).fileName());
    // The journal of a desk in WAL mode holds its latest commits: it goes with the copy.
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (suffix.isEmpty() || QFileInfo::exists(path + suffix)) {
            if (!QFile::copy(path + suffix, copy + suffix))
                return Status::error(tr("%1 cannot be copied to %2.").arg(path + suffix, dir->path()));
        }
    }
    padToDeclaredSize(copy);
    const Status s = m_db.open(copy, Database::OpenMode::ReadOnly);
    if (!s)
        return s;
    m_copyDir = std::move(dir);
    m_copyOf = path;
    attachStores();
    return s;
}

void Desk::close()
{
    m_undoStack->clear(); // its commands write through the stores that go now
    m_notifier.reset();
    m_projects.reset();
    m_canWrite.clear();
    m_db.close();
    m_copyDir.reset();
    m_copyOf.clear();
}

bool Desk::isOpen() const
{
    return m_db.isOpen() && m_projects;
}

bool Desk::canWrite(qint64 unitId) const
{
    if (!m_db.isTeam())
        return !m_db.isReadOnly(); // the database's own answer, without asking a server
    auto it = m_canWrite.constFind(unitId);
    if (it == m_canWrite.cend())
        it = m_canWrite.insert(unitId, const_cast<Database &>(m_db).canWrite(unitId));
    return it.value();
}

void Desk::notify(const DeskChange &change)
{
    if (m_noticeHold > 0) {
        const bool known = std::any_of(m_heldNotices.cbegin(), m_heldNotices.cend(), [&change](const DeskChange &c) {
            return c.what == change.what && c.id == change.id && c.table == change.table;
        });
        if (!known)
            m_heldNotices.append(change);
        return;
    }
    if (change.what == DeskChange::Units || (change.what == DeskChange::Elsewhere && change.table.isEmpty()))
        m_canWrite.clear();
    emit changed(change);
}

Status Desk::writeEdit(const Project &base, const Project &target, Project *written, EditConflict *conflict)
{
    const Status s = m_projects->saveEdit(base, target, written, conflict);
    if (s.code() != Status::Code::Offline)
        return s;
    // The connection is gone: the edit waits here (and in the file) until it is back.
    m_pending.keep(base, target);
    emit connectionLost();
    if (written)
        *written = target;
    return Status::error(tr("There is no connection to the team database. The change to %1 is kept "
                            "and will be saved when the connection is back.").arg(target.name),
                         Status::Code::Offline);
}

Status Desk::editProject(const Project &baseRef, const Project &targetRef, std::optional<ProjectField> field,
                         EditConflict *conflict)
{
    // Copies: the write announces the change, and a view may reload the very records passed in.
    const Project base = baseRef;
    const Project target = targetRef;
    Project written;
    EditConflict found;
    const Status s = writeEdit(base, target, &written, &found);
    if (s || s.code() == Status::Code::Offline) {
        // Already written (or kept): the command's first redo() does nothing.
        m_undoStack->push(new UpdateProjectCommand(this, base, written, field));
        return s; // kept for later: connectionLost() has told the window
    }
    if (s.code() != Status::Code::Conflict)
        return s;
    if (found.merge.conflicts.isEmpty()) // deleted elsewhere, or saved again and again meanwhile
        return Status::error(s.message());
    found.field = field;
    if (conflict)
        *conflict = found;
    emit editConflict(found);
    return s; // Conflict: the officer's choice is asked for once this call has returned
}

void Desk::releaseNotices()
{
    if (--m_noticeHold > 0)
        return;
    const QList<DeskChange> held = std::exchange(m_heldNotices, {});
    for (const DeskChange &c : held)
        notify(c);
}

Status Desk::editProjects(const QList<QPair<Project, Project>> &edits, const QString &text)
{
    if (edits.isEmpty())
        return Status();
    QList<Project> written;
    Status s;
    holdNotices();
    {
        Transaction t(m_db);
        for (const auto &[base, target] : edits) {
            Project w;
            EditConflict conflict; // a conflict refuses the whole batch: the officer pastes again
            s = m_projects->saveEdit(base, target, &w, &conflict);
            if (!s) {
                if (s.code() == Status::Code::Offline)
                    emit connectionLost();
                s = Status::error(tr("%1: %2").arg(target.name, s.message()), s.code());
                break;
            }
            written << w;
        }
        if (s)
            s = t.commit();
    } // not committed: rolled back
    releaseNotices();
    if (!s)
        return s;
    auto *step = new EditProjectsCommand(this, text);
    for (int i = 0; i < edits.size(); ++i)
        new UpdateProjectCommand(this, edits.at(i).first, written.at(i), std::nullopt, step); // written: redo() skips
    m_undoStack->push(step);
    return s;
}

Status Desk::perform(DeskCommand *command)
{
    std::unique_ptr<DeskCommand> owned(command);
    const Status s = command->apply(true);
    if (!s)
        return s;
    command->m_applied = true;
    m_undoStack->push(owned.release());
    return s;
}

void Desk::pushApplied(DeskCommand *command)
{
    command->m_applied = true;
    m_undoStack->push(command);
}

void DeskCommand::redo()
{
    if (std::exchange(m_applied, false))
        return;
    const Status s = apply(true);
    if (!s)
        m_desk->reportError(s.message());
}

void DeskCommand::undo()
{
    const Status s = apply(false);
    if (!s)
        m_desk->reportError(s.message());
}

Status Desk::savePending()
{
    QStringList failed;
    const QList<PendingEdits::Edit> edits = m_pending.takeAll();
    bool offline = false;
    for (const PendingEdits::Edit &e : edits) {
        if (offline) { // no use trying the rest now
            m_pending.keep(e.base, e.target);
            continue;
        }
        EditConflict conflict;
        const Status s = m_projects->saveEdit(e.base, e.target, nullptr, &conflict);
        if (s.code() == Status::Code::Offline) {
            offline = true;
            m_pending.keep(e.base, e.target);
            failed << s.message();
        } else if (s.code() == Status::Code::Conflict && !conflict.merge.conflicts.isEmpty()) {
            emit editConflict(conflict); // the officer decides, as for an edit made now
        } else if (!s) {
            failed << s.message();
        }
    }
    m_pending.sync();
    if (!failed.isEmpty())
        return Status::error(failed.join(QLatin1Char('\n')), offline ? Status::Code::Offline : Status::Code::Failed);
    return Status();
}

void Desk::startWatching()
{
    m_notifier = std::make_unique<ChangeNotifier>(&m_db);
    connect(m_notifier.get(), &ChangeNotifier::changedElsewhere, this, [this](const QString &table) {
        if (table.isEmpty() || table == QLatin1String("units"))
            m_projects->reloadUnits();
        notify(DeskChange{DeskChange::Elsewhere, 0, table});
    });
}

Status Desk::reconnect()
{
    Status s = m_db.reconnect();
    if (!s)
        return s;
    if (m_notifier)
        m_notifier->restart();
    m_projects->reloadUnits();
    return s;
}

} // namespace IPDesk
