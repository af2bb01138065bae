#pragma once

#include "base/domain.h"
#include "base/money.h"

#include <QDialog>
#include <optional>

class QButtonGroup;

namespace IPDesk {

class Desk;
class ProjectStore;

/// Shown when an officer saves over a newer version someone else saved, and both changed the same
/// fields: theirs and mine side by side, one choice per field. Fields only one side changed are
/// merged without asking, and listed.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice { Theirs, Mine };
    ConflictDialog(Desk *desk, const Project &base, const Project &mine, const Project &theirs,
                   const ProjectMerge &merge, MoneyUnit unit, QWidget *parent = nullptr);
    /// The record to save with the choices made (all theirs, all mine, or field by field).
    Project result() const;
    void choose(ProjectField field, Choice choice);
    void chooseAll(Choice choice);

    static QString displayValue(const ProjectStore *store, const Project &p, ProjectField f, MoneyUnit unit);

private:
    Project m_mine;
    Project m_theirs;
    ProjectMerge m_merge;
    QHash<ProjectField, QButtonGroup *> m_groups;
};

} // namespace IPDesk
