#include "desk/projectcommands.h"

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

UpdateProjectCommand::UpdateProjectCommand(ProjectStore *store, const Project &before, const Project &after,
                                           ProjectField field, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_before(before)
    , m_after(after)
    , m_field(field)
{
    setText(field == ProjectField::Count ? Names::tr("Edit project %1").arg(after.name)
                                         : Names::tr("Change %1 of %2").arg(fieldName(field), after.name));
}

void UpdateProjectCommand::write(const Project &target, const Project &base)
{
    Project written;
    const Status s = m_store->saveEdit(base, target, &written);
    if (s) {
        m_written = written;
        return;
    }
    if (s.code() == Status::Code::Offline) {
        // The connection is gone: the edit waits in the store and is saved after the reconnect.
        m_store->keepForLater(base, target);
        m_written = target;
        emit m_store->errorOccurred(Names::tr("There is no connection to the team database. The change to %1 is kept "
                                              "and will be saved when the connection is back.").arg(target.name));
        return;
    }
    setObsolete(true);
    emit m_store->errorOccurred(s.message());
}

void UpdateProjectCommand::undo()
{
    write(m_before, m_written.value_or(m_after));
}

void UpdateProjectCommand::redo()
{
    write(m_after, m_written.value_or(m_before));
}

bool UpdateProjectCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const UpdateProjectCommand *>(other);
    if (o->m_after.id != m_after.id || o->m_field != m_field || m_field == ProjectField::Count)
        return false;
    m_after = o->m_after;
    m_written = o->m_written;
    return true;
}

AddProjectCommand::AddProjectCommand(ProjectStore *store, const Project &project, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_project(project)
{
    setText(Names::tr("Add project %1").arg(project.name));
}

void AddProjectCommand::redo()
{
    Status s = m_store->insertProject(m_project); // keeps the id once it has one
    if (!s)
        emit m_store->errorOccurred(s.message());
}

void AddProjectCommand::undo()
{
    Status s = m_store->deleteProject(m_project.id);
    if (!s)
        emit m_store->errorOccurred(s.message());
}

DeleteProjectsCommand::DeleteProjectsCommand(ProjectStore *store, const QList<Project> &projects, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_projects(projects)
{
    setText(projects.size() == 1 ? Names::tr("Delete project %1").arg(projects.first().name)
                                 : Names::tr("Delete %n projects", nullptr, int(projects.size())));
}

void DeleteProjectsCommand::redo()
{
    QList<qint64> ids;
    for (const Project &p : std::as_const(m_projects))
        ids << p.id;
    Status s = m_store->deleteProjects(ids);
    if (!s)
        emit m_store->errorOccurred(s.message());
}

void DeleteProjectsCommand::undo()
{
    Status s = m_store->insertProjects(m_projects);
    if (!s)
        emit m_store->errorOccurred(s.message());
}

} // namespace IPDesk
