#include "desk/projectstore.h"

#include <QSqlQuery>

#include <sqlite3.h>

namespace IPDesk {

namespace {

const QLatin1String projectColumns(
    "p.id, p.code, p.name, p.investor, p.industry, p.industry_chain, p.unit_id, p.stage, p.project_type,"
    " p.planned_investment, p.signed_investment, p.funds_in_place, p.expected_output, p.expected_tax,"
    " p.manufacturing, p.source_channel, p.lead_officer, p.notes, p.version, p.added_investment");

Project readProject(const QSqlQuery &q)
{
    Project p;
    p.id = q.value(0).toLongLong();
    p.code = q.value(1).toString();
    p.name = q.value(2).toString();
    p.investor = q.value(3).toString();
    p.industry = q.value(4).toString();
    p.industryChain = q.value(5).toString();
    p.unitId = q.value(6).toLongLong();
    p.stage = Stage(qBound(0, q.value(7).toInt(), StageCount - 1));
    p.type = ProjectType(qBound(0, q.value(8).toInt(), ProjectTypeCount - 1));
    p.plannedInvestment = q.value(9).toLongLong();
    p.signedInvestment = q.value(10).toLongLong();
    p.fundsInPlace = q.value(11).toLongLong();
    p.expectedOutput = q.value(12).toLongLong();
    p.expectedTax = q.value(13).toLongLong();
    p.manufacturing = q.value(14).toInt() != 0;
    p.sourceChannel = q.value(15).toString();
    p.leadOfficer = q.value(16).toString();
    p.notes = q.value(17).toString();
    p.version = q.value(18).toInt();
    p.addedInvestment = q.value(19).toLongLong();
    return p;
}

QVariantList projectValues(const Project &p)
{
    return {p.code, p.name.trimmed(), p.investor, p.industry, p.industryChain, p.unitId, int(p.stage), int(p.type),
            p.plannedInvestment, p.signedInvestment, p.fundsInPlace, p.expectedOutput, p.expectedTax,
            p.manufacturing ? 1 : 0, p.sourceChannel, p.leadOfficer, p.notes, p.addedInvestment};
}

QString sortExpression(ProjectField f)
{
    switch (f) {
    case ProjectField::SignedDate: return QStringLiteral("21"); // the output column of the signing date
    case ProjectField::StartedDate: return QStringLiteral("22"); // and of the starting date
    default: return QLatin1String("p.") + fieldColumn(f);
    }
}

} // namespace

namespace {
/// Two SQLite statements used directly: Qt's per-query overhead dominates a long import.
struct StatementPair
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *first = nullptr;
    sqlite3_stmt *second = nullptr;
    ~StatementPair()
    {
        sqlite3_finalize(first);
        sqlite3_finalize(second);
    }
    bool prepare(sqlite3 *handle, const char *a, const char *b)
    {
        db = handle;
        return sqlite3_prepare_v2(handle, a, -1, &first, nullptr) == SQLITE_OK
            && sqlite3_prepare_v2(handle, b, -1, &second, nullptr) == SQLITE_OK;
    }
};
} // namespace

struct ProjectFinder::Native : StatementPair
{
};

namespace {
const char findByCode[] = "SELECT id FROM projects WHERE code = ? LIMIT 1";
const char findByName[] = "SELECT id FROM projects WHERE name = ? AND unit_id = ? LIMIT 1";
} // namespace

ProjectFinder::ProjectFinder(Database *db)
    : m_byCode(db->connection())
    , m_byName(db->connection())
{
    if (sqlite3 *handle = db->sqliteHandle()) {
        m_native = new Native;
        if (m_native->prepare(handle, findByCode, findByName))
            return;
        delete m_native;
        m_native = nullptr;
    }
    m_byCode.prepare(QLatin1String(findByCode));
    m_byName.prepare(QLatin1String(findByName));
}

ProjectFinder::~ProjectFinder()
{
    delete m_native;
}

qint64 ProjectFinder::find(const QString &code, const QString &name, qint64 unitId)
{
    if (m_native) {
        auto firstId = [](sqlite3_stmt *st) {
            const qint64 id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
            sqlite3_reset(st);
            return id;
        };
        if (!code.isEmpty()) {
            const QByteArray utf8 = code.toUtf8();
            sqlite3_bind_text(m_native->first, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
            if (const qint64 id = firstId(m_native->first))
                return id;
        }
        const QByteArray utf8 = name.trimmed().toUtf8();
        sqlite3_bind_text(m_native->second, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(m_native->second, 2, unitId);
        return firstId(m_native->second);
    }
    if (!code.isEmpty()) {
        m_byCode.bindValue(0, code);
        if (m_byCode.exec() && m_byCode.next()) {
            const qint64 id = m_byCode.value(0).toLongLong();
            m_byCode.finish();
            return id;
        }
        m_byCode.finish();
    }
    m_byName.bindValue(0, name.trimmed());
    m_byName.bindValue(1, unitId);
    qint64 id = 0;
    if (m_byName.exec() && m_byName.next())
        id = m_byName.value(0).toLongLong();
    m_byName.finish();
    return id;
}

struct BulkProjectInserter::Native : StatementPair
{
};

BulkProjectInserter::~BulkProjectInserter()
{
    delete m_native;
}

namespace {
const char insertProjectSql[] =
    "INSERT INTO projects (code, name, investor, industry, industry_chain, unit_id, stage, project_type,"
    " planned_investment, signed_investment, funds_in_place, expected_output, expected_tax, manufacturing,"
    " source_channel, lead_officer, notes, added_investment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char insertStageSql[] = "INSERT INTO project_stages (project_id, stage, reached_on) VALUES (?, ?, ?)";
} // namespace

BulkProjectInserter::BulkProjectInserter(Database *db)
    : m_db(db)
{
    if (sqlite3 *handle = db->sqliteHandle()) {
        m_native = new Native;
        if (m_native->prepare(handle, insertProjectSql, insertStageSql))
            return;
        delete m_native;
        m_native = nullptr;
    }
}

bool BulkProjectInserter::holds(const QString &code, const QString &name, qint64 unitId) const
{
    return (!code.isEmpty() && m_batchCodes.contains(code)) || m_batchNames.contains({name.trimmed(), unitId});
}

Status BulkProjectInserter::flush()
{
    if (m_batch.isEmpty())
        return Status();
    // One statement for the projects of the batch, one for their dates: two round trips for a few
    // hundred rows, and the server checks the account's units once per statement.
    const QString columns = QString::fromLatin1(insertProjectSql).section(QLatin1Char('('), 1, 1).section(QLatin1Char(')'), 0, 0);
    QStringList rows, stageRows;
    QVariantList values, stageValues;
    const QString marks = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Project &p : std::as_const(m_batch)) {
        rows << marks;
        values << p.id << projectValues(p);
        for (auto it = p.stageDates.cbegin(); it != p.stageDates.cend(); ++it) {
            if (!it.value().isValid())
                continue;
            stageRows << QStringLiteral("(?, ?, ?)");
            stageValues << p.id << int(it.key()) << it.value().toString(Qt::ISODate);
        }
    }
    m_batch.clear();
    m_batchCodes.clear();
    m_batchNames.clear();
    Status s = m_db->exec(QLatin1String("INSERT INTO projects (id, ") + columns + QLatin1String(") VALUES ")
                              + rows.join(QLatin1String(", ")),
                          values);
    if (s && !stageRows.isEmpty())
        s = m_db->exec(QLatin1String("INSERT INTO project_stages (project_id, stage, reached_on) VALUES ")
                           + stageRows.join(QLatin1String(", ")),
                       stageValues);
    return s;
}

Status BulkProjectInserter::insert(Project &p)
{
    const QStringList errors = p.validate();
    if (!errors.isEmpty())
        return Status::error(errors.join(QLatin1Char('\n')));
    if (m_native) {
        auto text = [](sqlite3_stmt *st, int i, const QString &s) {
            const QByteArray utf8 = s.toUtf8();
            sqlite3_bind_text(st, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        };
        sqlite3_stmt *st = m_native->first;
        sqlite3_reset(st);
        text(st, 1, p.code);
        text(st, 2, p.name.trimmed());
        text(st, 3, p.investor);
        text(st, 4, p.industry);
        text(st, 5, p.industryChain);
        sqlite3_bind_int64(st, 6, p.unitId);
        sqlite3_bind_int(st, 7, int(p.stage));
        sqlite3_bind_int(st, 8, int(p.type));
        sqlite3_bind_int64(st, 9, p.plannedInvestment);
        sqlite3_bind_int64(st, 10, p.signedInvestment);
        sqlite3_bind_int64(st, 11, p.fundsInPlace);
        sqlite3_bind_int64(st, 12, p.expectedOutput);
        sqlite3_bind_int64(st, 13, p.expectedTax);
        sqlite3_bind_int(st, 14, p.manufacturing ? 1 : 0);
        text(st, 15, p.sourceChannel);
        text(st, 16, p.leadOfficer);
        text(st, 17, p.notes);
        sqlite3_bind_int64(st, 18, p.addedInvestment);
        if (sqlite3_step(st) != SQLITE_DONE)
            return Database::errorFrom(m_native->db);
        p.id = sqlite3_last_insert_rowid(m_native->db);
        p.version = 1;
        for (auto it = p.stageDates.cbegin(); it != p.stageDates.cend(); ++it) {
            if (!it.value().isValid())
                continue;
            sqlite3_stmt *sd = m_native->second;
            sqlite3_reset(sd);
            sqlite3_bind_int64(sd, 1, p.id);
            sqlite3_bind_int(sd, 2, int(it.key()));
            text(sd, 3, it.value().toString(Qt::ISODate));
            if (sqlite3_step(sd) != SQLITE_DONE)
                return Database::errorFrom(m_native->db);
        }
        return Status();
    }
    // The server: ids are taken from its sequence a few hundred at a time, rows go in batches.
    if (m_ids.isEmpty()) {
        Status s;
        m_ids = m_db->reserveIds(QStringLiteral("projects"), 256, &s);
        if (!s)
            return s;
    }
    p.id = m_ids.takeFirst();
    p.version = 1;
    m_batch << p;
    if (!p.code.isEmpty())
        m_batchCodes.insert(p.code);
    m_batchNames.insert({p.name.trimmed(), p.unitId});
    return m_batch.size() >= 256 ? flush() : Status();
}

ProjectStore::ProjectStore(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    reloadUnits();
}

Status ProjectStore::reloadUnits()
{
    m_units.clear();
    m_unitIndex.clear();
    QSqlQuery q = m_db->query(QStringLiteral("SELECT id, parent_id, name, kind FROM units ORDER BY sort_order, id"));
    if (!q.exec())
        return Database::errorFrom(q);
    while (q.next()) {
        Unit u;
        u.id = q.value(0).toLongLong();
        u.parentId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
        u.name = q.value(2).toString();
        Names::unitKindFromCode(q.value(3).toString(), &u.kind);
        m_unitIndex.insert(u.id, int(m_units.size()));
        m_units.append(u);
    }
    emit changed({DeskChange::Units});
    return Status();
}

std::optional<Unit> ProjectStore::unit(qint64 id) const
{
    auto it = m_unitIndex.constFind(id);
    if (it == m_unitIndex.cend())
        return std::nullopt;
    return m_units.at(*it);
}

QString ProjectStore::unitName(qint64 id) const
{
    auto it = m_unitIndex.constFind(id);
    return it == m_unitIndex.cend() ? QString() : m_units.at(*it).name;
}

qint64 ProjectStore::unitByName(const QString &name) const
{
    for (const Unit &u : m_units) {
        if (u.name == name)
            return u.id;
    }
    return 0;
}

QList<qint64> ProjectStore::children(qint64 unitId) const
{
    QList<qint64> out;
    for (const Unit &u : m_units) {
        if (u.parentId == unitId)
            out << u.id;
    }
    return out;
}

QList<qint64> ProjectStore::subtree(qint64 unitId) const
{
    QList<qint64> out{unitId};
    for (int i = 0; i < out.size(); ++i)
        out << children(out.at(i));
    return out;
}

qint64 ProjectStore::addUnit(Unit unit, Status *status)
{
    if (unit.name.trimmed().isEmpty()) {
        *status = Status::error(Names::tr("A unit needs a name."));
        return 0;
    }
    const qint64 id = insertUnit(unit, int(m_units.size()), status);
    if (id)
        reloadUnits();
    return id;
}

qint64 ProjectStore::insertUnit(const Unit &unit, int sortOrder, Status *status)
{
    return m_db->insert(QStringLiteral("INSERT INTO units (parent_id, name, kind, sort_order) VALUES (?, ?, ?, ?)"),
                        {unit.parentId ? QVariant(unit.parentId) : QVariant(QMetaType::fromType<qint64>()),
                         unit.name.trimmed(), Names::unitKindCode(unit.kind), sortOrder},
                        status);
}

std::optional<Project> ProjectStore::project(qint64 id, Status *status) const
{
    // The record and its stage dates in one statement: one row per date (one row if it has none).
    Status st;
    QSqlQuery &q = m_db->runKept(QLatin1String("SELECT ") + projectColumns
                                     + QLatin1String(", s.stage, s.reached_on FROM projects p"
                                                     " LEFT JOIN project_stages s ON s.project_id = p.id WHERE p.id = ?"),
                                 {id}, &st);
    if (!st) {
        if (status)
            *status = st;
        return std::nullopt;
    }
    if (!q.next()) {
        if (status)
            *status = Status::error(Names::tr("The project no longer exists."));
        return std::nullopt;
    }
    Project p = readProject(q);
    do {
        if (!q.isNull(20))
            p.stageDates.insert(Stage(q.value(20).toInt()), QDate::fromString(q.value(21).toString(), Qt::ISODate));
    } while (q.next());
    q.finish();
    if (status)
        *status = Status();
    return p;
}

Status ProjectStore::writeStages(const Project &p, const QMap<Stage, QDate> *known)
{
    // Only the dates that changed are written, so that the audit trail names just those. The stored
    // dates are read here unless the caller read them with the version it updates (known).
    QHash<int, QString> stored;
    if (known) {
        for (auto it = known->cbegin(); it != known->cend(); ++it)
            stored.insert(int(it.key()), it.value().toString(Qt::ISODate));
    } else {
        Status read;
        QSqlQuery q = m_db->run(QStringLiteral("SELECT stage, reached_on FROM project_stages WHERE project_id = ?"), {p.id}, &read);
        if (!read)
            return read;
        while (q.next())
            stored.insert(q.value(0).toInt(), q.value(1).toDate().toString(Qt::ISODate));
    }
    Status s;
    for (auto it = stored.cbegin(); it != stored.cend() && s; ++it) {
        const QDate wanted = p.stageDates.value(Stage(it.key()));
        if (!wanted.isValid())
            s = m_db->exec(QStringLiteral("DELETE FROM project_stages WHERE project_id = ? AND stage = ?"), {p.id, it.key()});
        else if (wanted.toString(Qt::ISODate) != it.value())
            s = m_db->exec(QStringLiteral("UPDATE project_stages SET reached_on = ? WHERE project_id = ? AND stage = ?"),
                           {wanted.toString(Qt::ISODate), p.id, it.key()});
    }
    for (auto it = p.stageDates.cbegin(); it != p.stageDates.cend() && s; ++it) {
        if (it.value().isValid() && !stored.contains(int(it.key())))
            s = m_db->exec(QStringLiteral("INSERT INTO project_stages (project_id, stage, reached_on) VALUES (?, ?, ?)"),
                           {p.id, int(it.key()), it.value().toString(Qt::ISODate)});
    }
    return s;
}

Status ProjectStore::insertOne(Project &p)
{
    const QStringList errors = p.validate();
    if (!errors.isEmpty())
        return Status::error(errors.join(QLatin1Char('\n')));
    Status s;
    QVariantList values = projectValues(p);
    QString columns = QStringLiteral("code, name, investor, industry, industry_chain, unit_id, stage, project_type,"
                                     " planned_investment, signed_investment, funds_in_place, expected_output,"
                                     " expected_tax, manufacturing, source_channel, lead_officer, notes, added_investment");
    QString marks = QStringLiteral("?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?");
    if (p.id > 0) {
        columns.prepend(QLatin1String("id, "));
        marks.prepend(QLatin1String("?, "));
        values.prepend(p.id);
    }
    const qint64 id = m_db->insert(QLatin1String("INSERT INTO projects (") + columns + QLatin1String(") VALUES (") + marks
                                       + QLatin1Char(')'),
                                   values, &s);
    if (!s)
        return s;
    p.id = id;
    p.version = 1;
    return writeStages(p);
}

Status ProjectStore::insertProject(Project &p)
{
    Transaction t(*m_db);
    Status s = insertOne(p);
    if (!s)
        return s;
    s = t.commit();
    if (s)
        emit changed({DeskChange::Projects});
    return s;
}

Status ProjectStore::insertProjects(QList<Project> &projects)
{
    Transaction t(*m_db);
    for (Project &p : projects) {
        Status s = insertOne(p);
        if (!s)
            return Status::error(Names::tr("Project \"%1\": %2").arg(p.name, s.message()));
    }
    Status s = t.commit();
    if (s)
        emit changed({DeskChange::Projects});
    return s;
}

Status ProjectStore::updateProject(Project &p)
{
    return updateProject(p, nullptr);
}

Status ProjectStore::updateProject(Project &p, const QMap<Stage, QDate> *storedStages)
{
    const QStringList errors = p.validate();
    if (!errors.isEmpty())
        return Status::error(errors.join(QLatin1Char('\n')));
    p.name = p.name.trimmed(); // as stored: the caller's copy is what the next edit is made from
    Transaction t(*m_db);
    QVariantList values = projectValues(p);
    values << p.id << p.version;
    Status written;
    QSqlQuery &q = m_db->runKept(QStringLiteral(
        "UPDATE projects SET code = ?, name = ?, investor = ?, industry = ?, industry_chain = ?, unit_id = ?, stage = ?,"
        " project_type = ?, planned_investment = ?, signed_investment = ?, funds_in_place = ?, expected_output = ?,"
        " expected_tax = ?, manufacturing = ?, source_channel = ?, lead_officer = ?, notes = ?, added_investment = ?,"
        " version = version + 1"
        " WHERE id = ? AND version = ?"), values, &written);
    if (!written)
        return written;
    if (q.numRowsAffected() != 1)
        return whyNotWritten(p.id, p.version);
    Status s = writeStages(p, storedStages);
    if (!s)
        return s;
    s = t.commit();
    if (!s)
        return s;
    ++p.version;
    emit changed({DeskChange::Project, p.id});
    return Status();
}

Status ProjectStore::saveEdit(const Project &base, const Project &target, Project *written, EditConflict *conflict)
{
    Status s;
    // Another save may land between the read and the update: the version check then fails and the
    // merge is made again on the newer record (a few times at most).
    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::optional<Project> current = project(target.id, &s);
        if (!current)
            return s.ok() ? Status::error(Names::tr("The project no longer exists."), Status::Code::Conflict) : s;
        ProjectMerge m = mergeProjects(base, target, *current);
        if (!m.conflicts.isEmpty()) {
            if (conflict)
                *conflict = EditConflict{base, target, *current, m, std::nullopt};
            return Status::error(Names::tr("%1 was changed by someone else in the same fields; your change "
                                           "was not saved.").arg(current->name),
                                 Status::Code::Conflict);
        }
        // The version check of the update guarantees the stage dates read with `current` are still stored.
        s = updateProject(m.merged, &current->stageDates);
        if (s) {
            if (written)
                *written = m.merged;
            return s;
        }
        if (s.code() != Status::Code::Conflict)
            return s; // refused or offline: another attempt would not help
    }
    return s;
}

Status ProjectStore::whyNotWritten(qint64 id, int version) const
{
    Status st;
    QSqlQuery q = m_db->run(QStringLiteral("SELECT version, unit_id FROM projects WHERE id = ?"), {id}, &st);
    if (!st)
        return st;
    if (!q.next())
        return Status::error(Names::tr("The project was deleted elsewhere in the meantime."), Status::Code::Conflict);
    if (version >= 0 && q.value(0).toInt() != version)
        return Status::error(Names::tr("Someone else saved a newer version of this project first; nothing was overwritten."),
                             Status::Code::Conflict);
    // The row is there and current, yet the server wrote nothing: row-level security refused it.
    return Status::error(Names::tr("The team database refused this change: your account may not change projects of %1.")
                             .arg(unitName(q.value(1).toLongLong())),
                         Status::Code::Denied);
}

Status ProjectStore::deleteProject(qint64 id)
{
    return deleteProjects({id});
}

Status ProjectStore::deleteProjects(const QList<qint64> &ids)
{
    Transaction t(*m_db);
    for (qint64 id : ids) {
        Status s = m_db->exec(QStringLiteral("DELETE FROM project_stages WHERE project_id = ?"), {id});
        if (!s)
            return s;
        QSqlQuery q = m_db->query(QStringLiteral("DELETE FROM projects WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return Database::errorFrom(q);
        if (q.numRowsAffected() != 1) {
            s = whyNotWritten(id, -1);
            if (s.code() != Status::Code::Conflict) // already deleted elsewhere: nothing left to do
                return s;
        }
    }
    Status s = t.commit();
    if (s)
        emit changed({DeskChange::Projects});
    return s;
}

qint64 ProjectStore::projectCount() const
{
    QSqlQuery q = m_db->query(QStringLiteral("SELECT COUNT(*) FROM projects"));
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QString ProjectStore::whereClause(const ProjectQuery &q, QVariantList *values) const
{
    QStringList parts;
    if (!q.unitIds.isEmpty()) {
        QStringList marks;
        for (qint64 id : q.unitIds) {
            marks << QStringLiteral("?");
            values->append(id);
        }
        parts << QLatin1String("p.unit_id IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (q.stage >= 0) {
        parts << QStringLiteral("p.stage = ?");
        values->append(q.stage);
    }
    if (!q.industry.isEmpty()) {
        parts << QStringLiteral("p.industry = ?");
        values->append(q.industry);
    }
    if (q.year > 0) {
        parts << QStringLiteral("EXISTS (SELECT 1 FROM project_stages ys WHERE ys.project_id = p.id"
                                " AND ys.reached_on >= ? AND ys.reached_on <= ?)");
        values->append(QStringLiteral("%1-01-01").arg(q.year));
        values->append(QStringLiteral("%1-12-31").arg(q.year));
    }
    const QString text = q.text.trimmed();
    if (!text.isEmpty()) {
        QString escaped = text;
        escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"))
            .replace(QLatin1String("%"), QLatin1String("\\%"))
            .replace(QLatin1String("_"), QLatin1String("\\_"));
        const QString like = QLatin1Char('%') + escaped + QLatin1Char('%');
        QStringList ors;
        for (const char *col : {"name", "investor", "code", "industry_chain", "lead_officer", "notes"}) {
            ors << QStringLiteral("p.%1 %2 ? ESCAPE '\\'").arg(QLatin1String(col), m_db->caseInsensitiveLike());
            values->append(like);
        }
        parts << QLatin1Char('(') + ors.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }
    return parts.isEmpty() ? QString() : QLatin1String(" WHERE ") + parts.join(QLatin1String(" AND "));
}

int ProjectStore::count(const ProjectQuery &q) const
{
    QVariantList values;
    const QString where = whereClause(q, &values);
    Status st;
    QSqlQuery &s = m_db->runKept(QLatin1String("SELECT COUNT(*) FROM projects p") + where, values, &st);
    const int n = st && s.next() ? s.value(0).toInt() : 0;
    s.finish(); // nothing left open on the connection (a desk file would keep its read snapshot)
    return n;
}

QList<Project> ProjectStore::fetch(const ProjectQuery &q, int offset, int limit, Status *status) const
{
    QVariantList values;
    const QString where = whereClause(q, &values);
    const QString dir = q.sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // The two dates are looked up for the rows of the page only (after the sort and LIMIT), not
    // joined with every stage date of the desk first.
    const QString sql = QLatin1String("SELECT ") + projectColumns
        + QLatin1String(", (SELECT s2.reached_on FROM project_stages s2 WHERE s2.project_id = p.id AND s2.stage = 2),"
                        " (SELECT s4.reached_on FROM project_stages s4 WHERE s4.project_id = p.id AND s4.stage = 4)"
                        " FROM projects p")
        + where + QLatin1String(" ORDER BY ") + sortExpression(q.sortField) + dir + QLatin1String(", p.id") + dir
        + QLatin1String(" LIMIT ? OFFSET ?");
    values << limit << offset;
    Status st;
    QSqlQuery &s = m_db->runKept(sql, values, &st);
    QList<Project> out;
    if (!st) {
        if (status)
            *status = st;
        return out;
    }
    while (s.next()) {
        Project p = readProject(s);
        const QDate signedOn = QDate::fromString(s.value(20).toString(), Qt::ISODate);
        const QDate startedOn = QDate::fromString(s.value(21).toString(), Qt::ISODate);
        if (signedOn.isValid())
            p.stageDates.insert(Stage::Signed, signedOn);
        if (startedOn.isValid())
            p.stageDates.insert(Stage::Started, startedOn);
        out.append(p);
    }
    s.finish();
    if (status)
        *status = Status();
    return out;
}

QList<StageTotal> ProjectStore::totals(const ProjectQuery &q) const
{
    QVariantList values;
    ProjectQuery anyStage = q;
    anyStage.stage = -1; // totals show every stage of the scope, whatever stage is picked
    const QString where = whereClause(anyStage, &values);
    QSqlQuery s = m_db->query(QLatin1String("SELECT p.stage, COUNT(*), SUM(p.planned_investment) FROM projects p") + where
                              + QLatin1String(" GROUP BY p.stage"));
    for (const QVariant &v : values)
        s.addBindValue(v);
    QList<StageTotal> out;
    for (int i = 0; i < StageCount; ++i)
        out.append(StageTotal{Stage(i), 0, 0});
    if (s.exec()) {
        while (s.next()) {
            const int st = s.value(0).toInt();
            if (st >= 0 && st < StageCount) {
                out[st].count = s.value(1).toLongLong();
                out[st].investment = s.value(2).toLongLong();
            }
        }
    }
    return out;
}

QStringList ProjectStore::industries() const
{
    QSqlQuery q = m_db->query(QStringLiteral("SELECT DISTINCT industry FROM projects WHERE industry <> '' ORDER BY industry"));
    QStringList out;
    if (q.exec()) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

} // namespace IPDesk
