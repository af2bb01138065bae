#include "desk/projectcommands.h"

#include "desk/desk.h"

namespace IPDesk {

QStringList applyFieldEdit(const Project &before, ProjectField field, const QVariant &value, Project *after,
                           const QDate &today)
{
    *after = before;
    setProjectValue(*after, field, value);
    if (field == ProjectField::Stage && after->stage != before.stage && !after->stageDates.contains(after->stage))
        after->stageDates.insert(after->stage, today);
    if (isDateField(field)) {
        // Entering the date a stage was reached moves a project that had not reached it yet.
        const Stage s = dateFieldStage(field);
        if (value.toDate().isValid() && int(after->stage) < int(s))
            after->stage = s;
    }
    return after->validate();
}

UpdateProjectCommand::UpdateProjectCommand(Desk *desk, const Project &before, const Project &written,
                                           std::optional<ProjectField> field, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_desk(desk)
    , m_before(before)
    , m_after(written)
    , m_written(written)
    , m_field(field)
{
    setText(field ? Names::tr("Change %1 of %2").arg(fieldName(*field), written.name)
                  : Names::tr("Edit project %1").arg(written.name));
}

void UpdateProjectCommand::write(const Project &target)
{
    Project written;
    EditConflict conflict;
    const Status s = m_desk->writeEdit(m_written, target, &written, &conflict);
    if (s || s.code() == Status::Code::Offline) { // offline: kept, and Desk::connectionLost said so
        m_written = written;
        return;
    }
    if (s.code() == Status::Code::Conflict && !conflict.merge.conflicts.isEmpty()) {
        conflict.field = m_field;
        m_desk->reportConflict(conflict); // shown once this step has returned
        return;
    }
    m_desk->reportError(s.message());
}

void UpdateProjectCommand::undo()
{
    write(m_before);
}

void UpdateProjectCommand::redo()
{
    if (std::exchange(m_applied, false))
        return; // written before the push
    write(m_after);
}

bool UpdateProjectCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const UpdateProjectCommand *>(other);
    if (o->m_after.id != m_after.id || o->m_field != m_field || !m_field)
        return false;
    m_after = o->m_after;
    m_written = o->m_written;
    // Typed back to where it started: nothing is left to undo.
    setObsolete(projectValue(m_after, *m_field) == projectValue(m_before, *m_field));
    return true;
}

void EditProjectsCommand::undo()
{
    Transaction t(*m_desk->database());
    QUndoCommand::undo();
    t.commit(); // a step that could not be written has said so (Desk::errorOccurred)
}

void EditProjectsCommand::redo()
{
    if (std::exchange(m_written, false)) {
        QUndoCommand::redo(); // each edit skips its first redo too
        return;
    }
    Transaction t(*m_desk->database());
    QUndoCommand::redo();
    t.commit();
}

AddProjectCommand::AddProjectCommand(Desk *desk, const Project &project, QUndoCommand *parent)
    : DeskCommand(desk, parent)
    , m_project(project)
{
    setText(Names::tr("Add project %1").arg(project.name));
}

Status AddProjectCommand::apply(bool forward)
{
    // The id stays once it has one: an undone add comes back as the same project.
    return forward ? m_desk->projects()->insertProject(m_project) : m_desk->projects()->deleteProject(m_project.id);
}

DeleteProjectsCommand::DeleteProjectsCommand(Desk *desk, const QList<Project> &projects, QUndoCommand *parent)
    : DeskCommand(desk, parent)
    , m_projects(projects)
{
    setText(projects.size() == 1 ? Names::tr("Delete project %1").arg(projects.first().name)
                                 : Names::tr("Delete %n projects", nullptr, int(projects.size())));
}

Status DeleteProjectsCommand::apply(bool forward)
{
    if (!forward)
        return m_desk->projects()->insertProjects(m_projects);
    QList<qint64> ids;
    for (const Project &p : std::as_const(m_projects))
        ids << p.id;
    return m_desk->projects()->deleteProjects(ids);
}

} // namespace IPDesk
