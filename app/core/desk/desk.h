#pragma once

#include "desk/activitystore.h"
#include "desk/auditlog.h"
#include "desk/deskchange.h"
#include "desk/database.h"
#include "desk/factstore.h"
#include "desk/pendingedits.h"
#include "desk/progressqueries.h"
#include "desk/projectstore.h"
#include "desk/teamusers.h"

#include <QObject>
#include <memory>
#include <optional>

class QTemporaryDir;
class QUndoStack;

namespace IPDesk {

class ChangeNotifier;
class DeskCommand;

/// One open desk, the document of the program (as Tiled's Document): it owns the database, the
/// stores, the undo stack, the change notifier and the offline queue. Models, commands, views, the
/// command-line tool and the tests take a Desk; widgets never reach the database underneath.
class Desk : public QObject
{
    Q_OBJECT
public:
    explicit Desk(QObject *parent = nullptr);
    ~Desk() override;

    /// Opens a desk file or a team database (postgresql://...). On a team database the password
    /// comes from \a password or the address. Never writes to a desk it refuses.
    Status open(const QString &location, Database::OpenMode mode = Database::OpenMode::CreateIfMissing,
                const QString &password = QString());
    /// Opens a copy of a desk file the check refused as damaged, read-only, so that what can still
    /// be read can be seen and exported. The copy lives in a temporary folder of its own; the file
    /// itself is only read.
    Status openReadOnlyCopy(const QString &path);
    void close();
    bool isOpen() const;
    /// Opened by openReadOnlyCopy(): nothing can be written.
    bool isReadOnly() const { return m_db.isReadOnly(); }

    // What it is.
    bool isTeam() const { return m_db.isTeam(); }
    /// The desk's file or address (for a read-only copy, the file it was copied from).
    QString location() const { return m_copyOf.isEmpty() ? m_db.location() : m_copyOf; }
    QString userName() const { return m_db.userName(); }
    QString serverName() const { return m_db.serverAddress().database; }
    bool isAdmin() { return m_db.isAdmin(); }
    /// Whether this account may write records of the unit (asked of a team database once per
    /// unit). The server enforces the same rule; this lets the window say so before the officer types.
    bool canWrite(qint64 unitId) const;

    // Its parts.
    ProjectStore *projects() const { return m_projects.get(); }
    FactStore *facts() { return &m_facts; }
    ActivityStore *activities() { return &m_activities; }
    const AuditLog *audit() const { return &m_audit; }
    /// What progress, the funnel, the stalled list and the charts ask of the desk.
    const ProgressQueries *progressQueries() const { return &m_progressQueries; }
    QUndoStack *undoStack() const { return m_undoStack.get(); }
    PendingEdits *pending() { return &m_pending; }
    /// For the core's stores, importers and the tests; widgets ask the Desk instead.
    Database *database() { return &m_db; }
    QString setting(const QString &key, const QString &fallback = QString()) const { return m_db.setting(key, fallback); }

    /// Saves an officer's edit of a project: \a target was made from \a base. What others saved
    /// meanwhile in other fields stays. On success an already-applied command goes on the undo stack.
    /// A field both changed is not written: the Status says Conflict, \a conflict gets both sides, and
    /// editConflict() is emitted for the window. Without a connection the edit is kept for later.
    Status editProject(const Project &base, const Project &target, std::optional<ProjectField> field,
                       EditConflict *conflict = nullptr);
    /// Saves several edits as one, as a paste makes them: in one transaction and one undo step
    /// (\a text). Each pair is the record an edit was made from and the edited record. Nothing is
    /// stored unless all are; the Status then names the project that could not be saved.
    Status editProjects(const QList<QPair<Project, Project>> &edits, const QString &text);
    /// Writes \a command's change; on success pushes it already applied, else deletes it and says why.
    Status perform(DeskCommand *command);
    /// Pushes a command whose change is written already (an import): the first redo writes nothing.
    void pushApplied(DeskCommand *command);
    /// Writes an edit without the undo stack (an undo or redo, a kept edit); the same merge.
    Status writeEdit(const Project &base, const Project &target, Project *written, EditConflict *conflict);

    /// Saves the edits kept while the team database could not be reached (after a reconnect).
    Status savePending();

    /// Watches for other officers' changes (LISTEN/NOTIFY, or another process on the file).
    void startWatching();
    /// Is the connection still there? Reconnects when it is not, and saves the kept edits.
    bool ping() { return m_db.ping(); }
    Status reconnect();

    Status saveCopy(const QString &path) { return m_db.saveCopy(path); }

    // The accounts of a team desk (the server lets only an administrator change them).
    QList<TeamUser> teamUsers(Status *status = nullptr) { return TeamUsers::list(m_db, status); }
    Status saveTeamUser(const TeamUser &user, const QString &password) { return TeamUsers::save(m_db, user, password); }
    Status removeTeamUser(const QString &login) { return TeamUsers::remove(m_db, login); }

    /// Announces a change made through the stores (the stores and importers call it).
    void notify(const DeskChange &change);
    /// Reports a write that could not be made where nobody waits for the answer (an undo step).
    void reportError(const QString &message) { emit errorOccurred(message); }
    void reportConflict(const EditConflict &conflict) { emit editConflict(conflict); }

signals:
    void changed(const IPDesk::DeskChange &change);
    /// A write an undo or redo step could not make.
    void errorOccurred(const QString &message);
    /// A write found the team database gone (the edit was kept for later).
    void connectionLost();
    /// An edit met someone else's newer change in the same field (see EditConflict).
    void editConflict(const IPDesk::EditConflict &conflict);

private:
    void attachStores();
    /// While held, changes are announced only when the hold ends (after a batch's commit or
    /// rollback, so that no view reads a record the batch may still take back).
    void holdNotices() { ++m_noticeHold; }
    void releaseNotices();

    Database m_db;
    std::unique_ptr<ProjectStore> m_projects;
    FactStore m_facts;
    ActivityStore m_activities;
    AuditLog m_audit;
    ProgressQueries m_progressQueries;
    std::unique_ptr<QUndoStack> m_undoStack;
    std::unique_ptr<ChangeNotifier> m_notifier;
    PendingEdits m_pending;
    mutable QHash<qint64, bool> m_canWrite;
    int m_noticeHold = 0;
    QList<DeskChange> m_heldNotices;
    std::unique_ptr<QTemporaryDir> m_copyDir; ///< where a read-only copy lives while it is open
    QString m_copyOf;
};

} // namespace IPDesk

