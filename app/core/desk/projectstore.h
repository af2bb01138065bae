#pragma once

#include <functional>

#include "desk/database.h"
#include "desk/deskchange.h"
#include "base/domain.h"

#include <QHash>
#include <QObject>
#include <QSqlQuery>
#include <optional>

namespace IPDesk {

/// What the pipeline table shows: a scope, filters and one sort key. Applied in SQL.
struct ProjectQuery
{
    QList<qint64> unitIds;   // empty: every unit
    int stage = -1;          // -1: any stage
    QString industry;        // exact industry, empty: any
    int year = 0;            // projects that reached any stage in that year; 0: any
    QString text;            // free text in name, investor, code, chain, officer or notes
    ProjectField sortField = ProjectField::Name;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;

    /// Same rows (perhaps in another order): the count and totals still hold.
    bool sameRows(const ProjectQuery &o) const
    {
        return unitIds == o.unitIds && stage == o.stage && industry == o.industry && year == o.year && text == o.text;
    }
    bool operator==(const ProjectQuery &o) const
    {
        return sameRows(o) && sortField == o.sortField && sortOrder == o.sortOrder;
    }
};

/// An edit that met a newer version someone else saved, changing the same fields. Nothing of it
/// was written; the window shows both sides once the call has returned, and submits the
/// officer's choice with Desk::editProject(theirs, chosen).
struct EditConflict
{
    Project base;   ///< what the officer's edit was made from
    Project mine;   ///< the officer's edit
    Project theirs; ///< what is stored now
    ProjectMerge merge;
    std::optional<ProjectField> field; ///< the field edited; none for a whole form
};

struct StageTotal
{
    Stage stage = Stage::Lead;
    qint64 count = 0;
    Yuan investment = 0;
};

/// Many new projects in a row (imports): statements prepared once, no signal per project.
/// The caller holds the transaction and tells the views once at the end (projectsReset).
class BulkProjectInserter
{
public:
    explicit BulkProjectInserter(Database *db);
    ~BulkProjectInserter();
    BulkProjectInserter(const BulkProjectInserter &) = delete;
    BulkProjectInserter &operator=(const BulkProjectInserter &) = delete;
    /// Validates and inserts p, setting p.id. On a team database rows are sent in batches: flush()
    /// before reading them back, and at the end.
    Status insert(Project &p);
    Status flush();
    /// Whether a project of this code, or name and unit, waits in the batch (flush before updating it).
    bool holds(const QString &code, const QString &name, qint64 unitId) const;

private:
    Database *m_db;
    QList<Project> m_batch;
    QList<qint64> m_ids; ///< ids reserved from the server's sequence
    QSet<QString> m_batchCodes;
    QSet<QPair<QString, qint64>> m_batchNames;
    // On SQLite, statements of the C API: several times faster than binding through Qt.
    struct Native;
    Native *m_native = nullptr;
};

/// Finds a project by code, else by name and unit (imports that update instead of duplicating).
class ProjectFinder
{
public:
    explicit ProjectFinder(Database *db);
    ~ProjectFinder();
    ProjectFinder(const ProjectFinder &) = delete;
    ProjectFinder &operator=(const ProjectFinder &) = delete;
    qint64 find(const QString &code, const QString &name, qint64 unitId);

private:
    struct Native; // SQLite statements, used directly: Qt's per-query overhead dominates a long import
    Native *m_native = nullptr;
    QSqlQuery m_byCode;
    QSqlQuery m_byName;
};

/// Units, projects and their stage history, read and written through one Database.
/// Emits signals after every committed change so views stay current.
class ProjectStore : public QObject
{
    Q_OBJECT
public:
    explicit ProjectStore(Database *db, QObject *parent = nullptr);

    Database *database() const { return m_db; }

    // Units (a small tree, kept in memory).
    QList<Unit> units() const { return m_units; }
    std::optional<Unit> unit(qint64 id) const;
    QString unitName(qint64 id) const;
    qint64 unitByName(const QString &name) const;
    QList<qint64> subtree(qint64 unitId) const;
    QList<qint64> children(qint64 unitId) const;
    qint64 addUnit(Unit unit, Status *status);
    /// Writes a unit without reading the tree again (many in one transaction; reloadUnits() after).
    qint64 insertUnit(const Unit &unit, int sortOrder, Status *status);
    Status reloadUnits();

    /// Saves an officer's edit: \a target was made from \a base. Changes others saved meanwhile in
    /// other fields stay (the one merge, mergeProjects). A field both changed is not written: the
    /// Status says Conflict and \a conflict gets both sides. \a written gets what was stored.
    Status saveEdit(const Project &base, const Project &target, Project *written = nullptr,
                    EditConflict *conflict = nullptr);

    // Projects.
    std::optional<Project> project(qint64 id, Status *status = nullptr) const;
    /// Inserts p (with p.id when non-zero, to restore a deleted project) and sets p.id.
    Status insertProject(Project &p);
    /// Writes p over the stored record; fails if p.version is not the stored version.
    Status updateProject(Project &p);
    Status deleteProject(qint64 id);
    Status deleteProjects(const QList<qint64> &ids);
    qint64 projectCount() const;

    int count(const ProjectQuery &q) const;
    QList<Project> fetch(const ProjectQuery &q, int offset, int limit, Status *status = nullptr) const;
    QList<StageTotal> totals(const ProjectQuery &q) const;
    QStringList industries() const;

    /// Bulk insert for generators and imports: one transaction, prepared once.
    Status insertProjects(QList<Project> &projects);

signals:
    /// After every committed change: the Desk passes it on as Desk::changed.
    void changed(const IPDesk::DeskChange &change);

private:
    QString whereClause(const ProjectQuery &q, QVariantList *values) const;
    Status writeStages(const Project &p, const QMap<Stage, QDate> *known = nullptr);
    Status updateProject(Project &p, const QMap<Stage, QDate> *storedStages);
    /// After a write that touched no row: was the project deleted, changed by someone else
    /// (version differs; -1 skips that check), or refused by the server's row-level security?
    Status whyNotWritten(qint64 id, int version) const;
    Status insertOne(Project &p);

    Database *m_db;
    QList<Unit> m_units;
    QHash<qint64, int> m_unitIndex;
};

} // namespace IPDesk
