#pragma once

#include "desk/database.h"

namespace IPDesk {

/// An account of a team desk: a PostgreSQL login, its role, and the unit whose subtree it writes.
struct TeamUser
{
    enum class Role { Admin, Officer, Viewer };
    QString login;
    Role role = Role::Officer;
    qint64 unitId = 0; ///< an officer's own unit; 0 for administrators and viewers
    QString fullName;

    static QString roleCode(Role r);
    static std::optional<Role> roleFromCode(const QString &code);
    static QString roleName(Role r);
};

/// Managing the accounts of a team desk; the server lets only an administrator do it.
namespace TeamUsers {
QList<TeamUser> list(Database &db, Status *status = nullptr);
/// Creates the login (or resets its password when it exists) and gives it the role and unit.
Status save(Database &db, const TeamUser &user, const QString &password);
/// Takes the account off this desk and stops its login.
Status remove(Database &db, const QString &login);
} // namespace TeamUsers

} // namespace IPDesk
