#pragma once

#include "desk/projectstore.h"

#include "desk/deskcommand.h"

#include <QUndoCommand>
#include <optional>

namespace IPDesk {

class Desk;

/// Every user edit of a project is one of these commands on the desk's QUndoStack. An edit is
/// written first (Desk::editProject) and pushed already applied: the first redo() does nothing.
/// Later undo and redo steps write through the Desk; one that cannot be made is reported through
/// Desk::errorOccurred, a conflict through Desk::editConflict, never by asking inside the command.

/// Replaces a project's record by another version of it (one field, or a whole form).
/// Consecutive changes of the same field of the same project merge into one undo step, and a
/// field that returns to its first value leaves no step at all.
class UpdateProjectCommand : public QUndoCommand
{
public:
    /// \a written is what the edit stored, made from \a before.
    UpdateProjectCommand(Desk *desk, const Project &before, const Project &written, std::optional<ProjectField> field,
                         QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return 1001; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void write(const Project &target);
    Desk *m_desk;
    Project m_before;
    Project m_after;
    Project m_written; ///< what this command last wrote (what the next step is made from)
    std::optional<ProjectField> m_field;
    bool m_applied = true;
};

/// Several project edits that were written as one (Desk::editProjects, a paste): one undo step,
/// whose undo and redo write their edits in one transaction.
class EditProjectsCommand : public QUndoCommand
{
public:
    EditProjectsCommand(Desk *desk, const QString &text)
        : QUndoCommand(text)
        , m_desk(desk)
    {
    }
    void undo() override;
    void redo() override;

private:
    Desk *m_desk;
    bool m_written = true; ///< written by Desk::editProjects before the push: the first redo() writes nothing
};

class AddProjectCommand : public DeskCommand
{
public:
    AddProjectCommand(Desk *desk, const Project &project, QUndoCommand *parent = nullptr);
    qint64 projectId() const { return m_project.id; }

private:
    Status apply(bool forward) override;
    Project m_project;
};

class DeleteProjectsCommand : public DeskCommand
{
public:
    DeleteProjectsCommand(Desk *desk, const QList<Project> &projects, QUndoCommand *parent = nullptr);

private:
    Status apply(bool forward) override;
    QList<Project> m_projects;
};

/// Builds the record a single-field edit leads to: a new stage gets today's date (or the given one)
/// in the stage history when it has none. Returns the validation errors, empty when it may be stored.
QStringList applyFieldEdit(const Project &before, ProjectField field, const QVariant &value, Project *after,
                           const QDate &today = QDate::currentDate());

} // namespace IPDesk
