#pragma once

#include <QMetaType>
#include <QString>

namespace IPDesk {

/// What changed on a desk: the one thing views listen to (Desk::changed).
struct DeskChange
{
    enum What {
        Project,    ///< one project's record (id)
        Projects,   ///< projects were added, deleted or imported: counts and pages change
        Units,      ///< the unit tree
        Targets,    ///< targets, stored report figures or activities (what progress reads)
        Settings,   ///< desk-wide settings (the bulletin's rules)
        Elsewhere,  ///< another officer or process changed the desk (table names what, empty: anything)
    };
    DeskChange(What what = Projects, qint64 id = 0, const QString &table = QString())
        : what(what)
        , id(id)
        , table(table)
    {
    }
    What what;
    qint64 id;
    QString table; ///< for Elsewhere
};

} // namespace IPDesk

Q_DECLARE_METATYPE(IPDesk::DeskChange)
