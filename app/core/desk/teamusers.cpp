#include "desk/teamusers.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlField>

namespace IPDesk {

QString TeamUser::roleCode(Role r)
{
    switch (r) {
    case Role::Admin: return QStringLiteral("admin");
    case Role::Officer: return QStringLiteral("officer");
    case Role::Viewer: return QStringLiteral("viewer");
    }
    return QString();
}

std::optional<TeamUser::Role> TeamUser::roleFromCode(const QString &code)
{
    for (Role r : {Role::Admin, Role::Officer, Role::Viewer}) {
        if (roleCode(r) == code)
            return r;
    }
    return std::nullopt;
}

QString TeamUser::roleName(Role r)
{
    switch (r) {
    case Role::Admin: return Database::tr("Administrator");
    case Role::Officer: return Database::tr("Officer");
    case Role::Viewer: return Database::tr("Viewer");
    }
    return QString();
}

namespace TeamUsers {

QList<TeamUser> list(Database &db, Status *status)
{
    QList<TeamUser> out;
    QSqlQuery q = db.query(QStringLiteral("SELECT login, role, unit_id, full_name FROM desk_users ORDER BY login"));
    if (!q.exec()) {
        if (status)
            *status = Database::errorFrom(q);
        return out;
    }
    while (q.next()) {
        TeamUser u;
        u.login = q.value(0).toString();
        u.role = TeamUser::roleFromCode(q.value(1).toString()).value_or(TeamUser::Role::Viewer);
        u.unitId = q.value(2).toLongLong();
        u.fullName = q.value(3).toString();
        out << u;
    }
    if (status)
        *status = Status();
    return out;
}

Status save(Database &db, const TeamUser &user, const QString &password)
{
    if (!db.isTeam())
        return Status::error(Database::tr("Accounts belong to team databases; a personal desk has only its owner."));
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z_][a-z0-9_.-]{0,62}$"));
    if (!loginPattern.match(user.login).hasMatch())
        return Status::error(Database::tr("\"%1\" cannot be a login: use lower-case letters, digits, _ . or -, "
                                          "starting with a letter.").arg(user.login));
    if (user.role == TeamUser::Role::Officer && user.unitId <= 0)
        return Status::error(Database::tr("An officer needs a unit: the account writes that unit and the units below it."));
    if (!db.isAdmin())
        return Status::error(Database::tr("Only an administrator manages accounts."), Status::Code::Denied);

    QSqlDriver *driver = db.connection().driver();
    const QString name = driver->escapeIdentifier(user.login, QSqlDriver::TableName);
    QSqlField secret(QStringLiteral("p"), QMetaType(QMetaType::QString));
    secret.setValue(password);
    const QString passwordLiteral = driver->formatValue(secret);

    Transaction t(db);
    QSqlQuery exists = db.query(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"));
    exists.addBindValue(user.login);
    if (!exists.exec())
        return Database::errorFrom(exists);
    const bool known = exists.next();
    Status s;
    if (!known) {
        if (password.isEmpty())
            return Status::error(Database::tr("A new account needs a password."));
        s = db.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2").arg(name, passwordLiteral));
    } else if (!password.isEmpty()) {
        s = db.exec(QStringLiteral("ALTER ROLE %1 LOGIN PASSWORD %2").arg(name, passwordLiteral));
    }
    QStringList memberOf;
    QSqlQuery groups = db.query(QStringLiteral("SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                                               " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?"));
    groups.addBindValue(user.login);
    if (s && groups.exec()) {
        while (groups.next())
            memberOf << groups.value(0).toString();
    }
    for (TeamUser::Role r : {TeamUser::Role::Admin, TeamUser::Role::Officer, TeamUser::Role::Viewer}) {
        const QString group = QLatin1String("ipdesk_") + TeamUser::roleCode(r);
        if (s && r == user.role && !memberOf.contains(group))
            s = db.exec(QStringLiteral("GRANT %1 TO %2").arg(group, name));
        else if (s && r != user.role && memberOf.contains(group))
            s = db.exec(QStringLiteral("REVOKE %1 FROM %2").arg(group, name));
    }
    if (s)
        s = db.exec(QStringLiteral("INSERT INTO desk_users (login, role, unit_id, full_name) VALUES (?, ?, ?, ?)"
                                   " ON CONFLICT (login) DO UPDATE SET role = excluded.role, unit_id = excluded.unit_id,"
                                   " full_name = excluded.full_name"),
                    {user.login, TeamUser::roleCode(user.role),
                     user.unitId > 0 ? QVariant(user.unitId) : QVariant(QMetaType::fromType<qint64>()), user.fullName});
    if (!s)
        return s;
    return t.commit();
}

Status remove(Database &db, const QString &login)
{
    if (!db.isAdmin())
        return Status::error(Database::tr("Only an administrator manages accounts."), Status::Code::Denied);
    const QString name = db.connection().driver()->escapeIdentifier(login, QSqlDriver::TableName);
    QSqlQuery known = db.query(QStringLiteral("SELECT COUNT(*) FROM desk_users WHERE login = ?"));
    known.addBindValue(login);
    if (!known.exec() || !known.next())
        return Database::errorFrom(known);
    if (known.value(0).toInt() == 0)
        return Status::error(Database::tr("There is no account %1 on this desk; nothing was changed.").arg(login));
    known.finish();
    Transaction t(db);
    Status s = db.exec(QStringLiteral("DELETE FROM desk_users WHERE login = ?"), {login});
    if (s)
        s = db.exec(QStringLiteral("ALTER ROLE %1 NOLOGIN").arg(name));
    if (!s)
        return s;
    return t.commit();
}

} // namespace TeamUsers

} // namespace IPDesk
