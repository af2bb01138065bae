#pragma once

#include "desk/projectstore.h"

#include <QUndoCommand>

namespace IPDesk {

/// Every user edit of a project is one of these commands on the desk's QUndoStack.
/// They write through the ProjectStore; a failed write is reported through ProjectStore::errorOccurred.

/// Replaces a project's record by another version of it (one field or a whole form).
/// Consecutive changes of the same field of the same project merge into one undo step.
class UpdateProjectCommand : public QUndoCommand
{
public:
    UpdateProjectCommand(ProjectStore *store, const Project &before, const Project &after, ProjectField field,
                         QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return 1001; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    /// Writes \a target, which was made from \a base: what others saved meanwhile in other fields
    /// stays; a field both changed goes to the store's conflict resolver, never silently over theirs.
    void write(const Project &target, const Project &base);
    ProjectStore *m_store;
    Project m_before;
    Project m_after;
    std::optional<Project> m_written; ///< what this command last wrote
    ProjectField m_field;
};

class AddProjectCommand : public QUndoCommand
{
public:
    AddProjectCommand(ProjectStore *store, const Project &project, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    qint64 projectId() const { return m_project.id; }

private:
    ProjectStore *m_store;
    Project m_project;
};

class DeleteProjectsCommand : public QUndoCommand
{
public:
    DeleteProjectsCommand(ProjectStore *store, const QList<Project> &projects, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ProjectStore *m_store;
    QList<Project> m_projects;
};

/// Builds the record a single-field edit leads to: a new stage gets today's date (or the given one)
/// in the stage history when it has none. Returns the validation errors, empty when it may be stored.
QStringList applyFieldEdit(const Project &before, ProjectField field, const QVariant &value, Project *after,
                           const QDate &today = QDate::currentDate());

} // namespace IPDesk
