#include "progress/returns.h"

#include "base/metrics.h"
#include "desk/desk.h"
#include "progress/bulletin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace IPDesk {

namespace {

const char *const stateCodes[] = {"draft", "submitted", "approved", "returned"};

QDate monthEnd(int year, int month)
{
    return QDate(year, month, 1).addMonths(1).addDays(-1);
}

QString basisJson(const ReturnFigure &f)
{
    QJsonObject o;
    if (!f.projects.isEmpty()) {
        QJsonArray ids;
        for (qint64 id : f.projects)
            ids.append(id);
        o.insert(QStringLiteral("projects"), ids);
    }
    if (!f.document.isEmpty())
        o.insert(QStringLiteral("document"), f.document);
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void readBasis(const QString &json, ReturnFigure *f)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (const QJsonValue &v : o.value(QLatin1String("projects")).toArray())
        f->projects << qint64(v.toDouble());
    f->document = o.value(QLatin1String("document")).toString();
}

} // namespace

QString returnStateCode(ReturnState s)
{
    return QString::fromLatin1(stateCodes[int(s)]);
}

std::optional<ReturnState> returnStateFromCode(const QString &code)
{
    for (int i = 0; i < 4; ++i) {
        if (code == QLatin1String(stateCodes[i]))
            return ReturnState(i);
    }
    return std::nullopt;
}

QString returnStateName(ReturnState s)
{
    switch (s) {
    case ReturnState::Draft: return ReturnBook::tr("Draft");
    case ReturnState::Submitted: return ReturnBook::tr("Submitted");
    case ReturnState::Approved: return ReturnBook::tr("Approved");
    case ReturnState::Returned: return ReturnBook::tr("Returned");
    }
    return QString();
}

std::optional<FollowUpTask> followUpTaskFor(Desk *desk, const StuckProject &stalled, const QDate &today)
{
    const auto project = desk->projects()->project(stalled.projectId);
    if (!project)
        return std::nullopt;
    FollowUpTask t;
    t.unitId = project->unitId;
    t.projectId = stalled.projectId;
    t.what = ChartPainter::stalledText(stalled);
    t.due = today.addDays(ProgressSettings::load(desk).taskDays);
    return t;
}

ReturnBook::ReturnBook(Desk *desk)
    : m_desk(desk)
{
}

int ReturnBook::reportingMonth(const QDate &asOf)
{
    if (!asOf.isValid())
        return 0;
    return asOf.day() == asOf.daysInMonth() ? asOf.month() : asOf.month() - 1;
}

QDate ReturnBook::deadline(qint64 unitId, int year, int month) const
{
    return deadline(ProgressSettings::load(m_desk), unitId, year, month);
}

QDate ReturnBook::deadline(const ProgressSettings &settings, qint64 unitId, int year, int month) const
{
    const auto unit = m_desk->projects()->unit(unitId);
    const auto parent = unit ? m_desk->projects()->unit(unit->parentId) : std::nullopt;
    // Districts and counties report to their city later than towns and departments to their district.
    const int day = parent && parent->kind == UnitKind::City ? settings.returnDayCity : settings.returnDayDistrict;
    const QDate next = QDate(year, month, 1).addMonths(1);
    return QDate(next.year(), next.month(), qBound(1, day, next.daysInMonth()));
}

qint64 ReturnBook::ownUnit() const
{
    if (!m_desk->isTeam())
        return 0;
    if (!m_ownUnit) { // the account's unit does not change while the desk is open
        Status status;
        QSqlQuery q = m_desk->database()->run(QStringLiteral("SELECT ipdesk_own_unit()"), {}, &status);
        if (!status)
            return 0;
        m_ownUnit = q.next() ? q.value(0).toLongLong() : 0;
    }
    return *m_ownUnit;
}

bool ReturnBook::isAdmin() const
{
    if (!m_admin) // the account's role does not change while the desk is open
        m_admin = !m_desk->isTeam() || m_desk->isAdmin();
    return *m_admin;
}

bool ReturnBook::maySubmit(qint64 unitId) const
{
    if (isAdmin())
        return true;
    return ownUnit() == unitId;
}

bool ReturnBook::mayReview(qint64 unitId) const
{
    if (isAdmin())
        return true;
    const auto unit = m_desk->projects()->unit(unitId);
    const qint64 own = ownUnit();
    return unit && own && unit->parentId == own;
}

void ReturnBook::fill(MonthlyReturn &r, const ProgressSettings &settings) const
{
    r.unit = m_desk->projects()->unitName(r.unitId);
    r.parent = m_desk->projects()->unitName(r.parentId);
    r.deadline = deadline(settings, r.unitId, r.year, r.month);
    const bool open = r.state == ReturnState::Draft || r.state == ReturnState::Returned;
    r.overdue = open && m_today > r.deadline;
    r.submittedLate = r.submittedAt.isValid() && r.submittedAt.toLocalTime().date() > r.deadline;
}

QList<MonthlyReturn> ReturnBook::returns(int year, int month, qint64 reviewerUnitId) const
{
    QHash<qint64, MonthlyReturn> stored;
    Status status;
    QSqlQuery q = m_desk->database()->run(
        QStringLiteral("SELECT id, unit_id, state, submitted_by, submitted_at, reviewed_by, reviewed_at, opinion"
                       " FROM monthly_returns WHERE year = ? AND month = ?"),
        {year, month}, &status);
    while (status && q.next()) {
        MonthlyReturn r;
        r.id = q.value(0).toLongLong();
        r.unitId = q.value(1).toLongLong();
        r.state = returnStateFromCode(q.value(2).toString()).value_or(ReturnState::Draft);
        r.submittedBy = q.value(3).toString();
        r.submittedAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODate);
        r.reviewedBy = q.value(5).toString();
        r.reviewedAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODate);
        r.opinion = q.value(7).toString();
        stored.insert(r.unitId, r);
    }
    QList<MonthlyReturn> out;
    const ProgressSettings settings = ProgressSettings::load(m_desk);
    for (const Unit &u : m_desk->projects()->units()) {
        if (u.parentId == 0 || (reviewerUnitId > 0 && u.parentId != reviewerUnitId))
            continue;
        MonthlyReturn r = stored.value(u.id);
        r.unitId = u.id;
        r.parentId = u.parentId;
        r.year = year;
        r.month = month;
        fill(r, settings);
        out << r;
    }
    return out;
}

std::optional<MonthlyReturn> ReturnBook::returnOf(qint64 unitId, int year, int month, Status *status) const
{
    return returnOf(unitId, year, month, status, nullptr);
}

std::optional<MonthlyReturn> ReturnBook::returnOf(qint64 unitId, int year, int month, Status *status,
                                                  const QList<ProgressRow> *rows) const
{
    std::optional<MonthlyReturn> found = headerOf(unitId, year, month, status);
    if (!found)
        return std::nullopt;
    if (found->id == 0) {
        found->figures = rows ? figuresFrom(*rows, unitId, year, month) : computeFigures(unitId, year, month);
        return found;
    }
    Status s;
    QSqlQuery q = m_desk->database()->run(
        QStringLiteral("SELECT metric, value, computed, source, reason, basis FROM return_figures WHERE return_id = ? ORDER BY id"),
        {found->id}, &s);
    while (s && q.next()) {
        ReturnFigure f;
        f.metric = q.value(0).toString();
        f.value = q.value(1).toDouble();
        f.hasComputed = !q.value(2).isNull();
        f.computed = q.value(2).toDouble();
        f.source = q.value(3).toString();
        f.reason = q.value(4).toString();
        readBasis(q.value(5).toString(), &f);
        found->figures << f;
    }
    if (!s && status)
        *status = s;
    return found;
}

std::optional<MonthlyReturn> ReturnBook::headerOf(qint64 unitId, int year, int month, Status *status) const
{
    const auto unit = m_desk->projects()->unit(unitId);
    if (!unit || unit->parentId == 0) {
        if (status)
            *status = Status::error(tr("%1 reports to no unit above it, so it has no monthly return.")
                                        .arg(m_desk->projects()->unitName(unitId)));
        return std::nullopt;
    }
    std::optional<MonthlyReturn> found;
    for (const MonthlyReturn &r : returns(year, month, unit->parentId)) {
        if (r.unitId == unitId)
            found = r;
    }
    return found;
}

QList<ProgressRow> ReturnBook::rowsAt(int year, int month) const
{
    // The desk's own count, whatever the bulletin's rule on approved figures.
    ProgressSettings settings = ProgressSettings::load(m_desk);
    settings.approvedReturnsOnly = false;
    return ProgressCalculator(m_desk, settings).compute(year, monthEnd(year, month));
}

QList<ReturnFigure> ReturnBook::computeFigures(qint64 unitId, int year, int month) const
{
    return figuresFrom(rowsAt(year, month), unitId, year, month);
}

std::optional<std::pair<MonthlyReturn, QList<ReturnCheck>>> ReturnBook::review(qint64 unitId, int year, int month) const
{
    // One count of the desk for both: the figures of a return not yet started, and the comparison.
    const QList<ProgressRow> rows = rowsAt(year, month);
    const auto r = returnOf(unitId, year, month, nullptr, &rows);
    if (!r)
        return std::nullopt;
    return std::make_pair(*r, checksFrom(rows, *r));
}

QList<ReturnFigure> ReturnBook::figuresFrom(const QList<ProgressRow> &rows, qint64 unitId, int year, int month) const
{
    const QDate end = monthEnd(year, month);
    QStringList metrics = ProgressSettings::load(m_desk).returnMetrics;
    QHash<QString, ProgressRow> byMetric;
    for (const ProgressRow &r : rows) {
        if (r.unitId != unitId)
            continue;
        byMetric.insert(r.metric, r);
        if (r.hasTarget && r.targetSource == QLatin1String("own") && !metrics.contains(r.metric))
            metrics << r.metric;
    }
    const QList<qint64> subtree = m_desk->projects()->subtree(unitId);
    QHash<int, QList<qint64>> byStage; // the metrics of one stage rest on the same projects
    QList<ReturnFigure> out;
    for (const QString &metric : std::as_const(metrics)) {
        ReturnFigure f;
        f.metric = metric;
        f.hasComputed = true;
        const ProgressRow r = byMetric.value(metric);
        if (r.hasActual) {
            f.value = f.computed = r.actual;
            f.source = r.source;
        } else if (r.hasPipeline) {
            f.value = f.computed = r.pipeline;
            f.source = QStringLiteral("pipeline");
        }
        if (f.source == QLatin1String("reported")) {
            f.document = r.sourceDetail;
        } else if (const auto stage = ProgressCalculator::metricStage(metric); stage && !subtree.isEmpty()
                   && (f.source == QLatin1String("pipeline") || f.source.isEmpty())) {
            if (const auto known = byStage.constFind(int(*stage)); known != byStage.cend()) {
                f.projects = *known;
                if (f.source.isEmpty() && !f.projects.isEmpty())
                    f.source = QStringLiteral("pipeline");
                out << f;
                continue;
            }
            QStringList marks;
            QVariantList values{int(*stage), QDate(year, 1, 1).toString(Qt::ISODate), end.toString(Qt::ISODate)};
            for (qint64 id : subtree) {
                marks << QStringLiteral("?");
                values << id;
            }
            Status s;
            QSqlQuery q = m_desk->database()->run(
                QStringLiteral("SELECT ps.project_id FROM project_stages ps JOIN projects p ON p.id = ps.project_id"
                               " WHERE ps.stage = ? AND ps.reached_on >= ? AND ps.reached_on <= ? AND p.unit_id IN (%1)"
                               " ORDER BY ps.reached_on, ps.project_id LIMIT %2")
                    .arg(marks.join(QLatin1Char(','))).arg(BasisLimit),
                values, &s);
            while (s && q.next())
                f.projects << q.value(0).toLongLong();
            byStage.insert(int(*stage), f.projects);
            if (f.source.isEmpty() && !f.projects.isEmpty())
                f.source = QStringLiteral("pipeline");
        }
        out << f;
    }
    return out;
}

QList<ReturnCheck> ReturnBook::check(const MonthlyReturn &r) const
{
    return checksFrom(rowsAt(r.year, r.month), r);
}

QList<ReturnCheck> ReturnBook::checksFrom(const QList<ProgressRow> &rows, const MonthlyReturn &r) const
{
    QHash<QString, ProgressRow> now;
    for (const ProgressRow &row : rows) {
        if (row.unitId == r.unitId)
            now.insert(row.metric, row);
    }
    QList<ReturnCheck> out;
    for (const ReturnFigure &f : r.figures) {
        ReturnCheck c;
        c.figure = f;
        const ProgressRow row = now.value(f.metric);
        c.hasPipeline = row.hasPipeline;
        c.pipeline = row.pipeline;
        c.hasReported = row.hasReported;
        c.reported = row.reported;
        if (row.hasReported)
            c.reportedDetail = row.reportedSource();
        auto apart = [&f](double v) { return std::abs(v - f.value) > 1e-6 * std::max(1.0, std::abs(v)); };
        c.differs = c.hasPipeline ? apart(c.pipeline) : c.hasReported ? apart(c.reported) : std::abs(f.value) > 1e-9;
        out << c;
    }
    return out;
}

qint64 ReturnBook::ensureStored(qint64 unitId, int year, int month, const QList<ReturnFigure> &figures, Status *status)
{
    Database *db = m_desk->database();
    QSqlQuery q = db->run(QStringLiteral("SELECT id FROM monthly_returns WHERE unit_id = ? AND year = ? AND month = ?"),
                          {unitId, year, month}, status);
    if (!*status)
        return 0;
    if (q.next())
        return q.value(0).toLongLong();
    q.finish();
    const qint64 id = db->insert(QStringLiteral("INSERT INTO monthly_returns (unit_id, year, month, state) VALUES (?, ?, ?, 'draft')"),
                                 {unitId, year, month}, status);
    if (!*status)
        return 0;
    for (const ReturnFigure &f : figures) {
        *status = db->exec(QStringLiteral("INSERT INTO return_figures (return_id, metric, value, computed, source, reason, basis)"
                                          " VALUES (?, ?, ?, ?, ?, '', ?)"),
                           {id, f.metric, f.value, f.computed, f.source, basisJson(f)});
        if (!*status)
            return 0;
    }
    return id;
}

Status ReturnBook::saveFigures(qint64 unitId, int year, int month, const QList<ReturnFigure> &figures)
{
    Status s;
    const auto r = returnOf(unitId, year, month, &s);
    if (!r)
        return s ? Status::error(tr("There is no such monthly return.")) : s;
    if (!maySubmit(unitId))
        return Status::error(tr("Only the officers of %1 write its monthly return.").arg(r->unit), Status::Code::Denied);
    if (r->state == ReturnState::Approved)
        return Status::error(tr("The return of %1 for %2 is approved and locked. Reopen it to correct a figure; it must then be "
                                "submitted and approved again.").arg(r->unit, Metrics::monthName(month)));
    if (r->state == ReturnState::Submitted)
        return Status::error(tr("The return of %1 is waiting for review; its figures can be changed once it is returned.").arg(r->unit));
    QHash<QString, ReturnFigure> before;
    for (const ReturnFigure &f : r->figures)
        before.insert(f.metric, f);
    for (const ReturnFigure &f : figures) {
        if (!std::isfinite(f.value) || f.value < 0)
            return Status::error(tr("%1: a figure of a return cannot be negative.").arg(Metrics::name(f.metric)));
        const ReturnFigure old = before.value(f.metric);
        const bool corrected = old.hasComputed ? std::abs(f.value - old.computed) > 1e-9 : false;
        if (corrected && f.reason.trimmed().isEmpty())
            return Status::error(tr("%1: the figure %2 differs from the desk's %3; say why (the reason goes with the return).")
                                     .arg(Metrics::name(f.metric), Metrics::formatValue(f.metric, f.value),
                                          Metrics::formatValue(f.metric, old.computed)));
    }
    Database *db = m_desk->database();
    Transaction t(*db);
    const qint64 id = ensureStored(unitId, year, month, r->figures, &s);
    if (!s)
        return s;
    for (const ReturnFigure &f : figures) {
        const ReturnFigure old = before.value(f.metric);
        QSqlQuery q = db->run(QStringLiteral("UPDATE return_figures SET value = ?, reason = ? WHERE return_id = ? AND metric = ?"),
                              {f.value, f.reason.trimmed(), id, f.metric}, &s);
        if (!s)
            return s;
        if (q.numRowsAffected() == 0) {
            s = db->exec(QStringLiteral("INSERT INTO return_figures (return_id, metric, value, computed, source, reason, basis)"
                                        " VALUES (?, ?, ?, NULL, '', ?, '')"),
                         {id, f.metric, f.value, f.reason.trimmed()});
            if (!s)
                return s;
        }
    }
    s = t.commit();
    if (s)
        m_desk->notify({DeskChange::Targets});
    return s;
}

Status ReturnBook::correct(qint64 unitId, int year, int month, const QString &metric, double value, const QString &reason)
{
    ReturnFigure f;
    f.metric = metric;
    f.value = value;
    f.reason = reason;
    return saveFigures(unitId, year, month, {f});
}

Status ReturnBook::move(qint64 unitId, int year, int month, ReturnState to, const QString &opinion)
{
    Status s;
    const auto r = headerOf(unitId, year, month, &s);
    if (!r)
        return s ? Status::error(tr("There is no such monthly return.")) : s;
    if (to == ReturnState::Submitted ? !maySubmit(unitId) : !mayReview(unitId))
        return Status::error(to == ReturnState::Submitted ? tr("Only the officers of %1 submit its monthly return.").arg(r->unit)
                                                          : tr("Only the officers of %1 review the return of %2.").arg(r->parent, r->unit),
                             Status::Code::Denied);
    const ReturnState from = r->state;
    const bool allowed = ((from == ReturnState::Draft || from == ReturnState::Returned) && to == ReturnState::Submitted)
        || (from == ReturnState::Submitted && (to == ReturnState::Approved || to == ReturnState::Returned))
        || (from == ReturnState::Approved && to == ReturnState::Draft);
    if (!allowed)
        return Status::error(tr("The return of %1 is %2; it cannot be %3.")
                                 .arg(r->unit, returnStateName(from),
                                      to == ReturnState::Draft ? tr("reopened") : returnStateName(to)));
    if (to == ReturnState::Returned && opinion.trimmed().isEmpty())
        return Status::error(tr("A return is sent back with the reviewer's opinion: say what is to be corrected."));
    Database *db = m_desk->database();
    Transaction t(*db);
    const qint64 id = r->id ? r->id : ensureStored(unitId, year, month, computeFigures(unitId, year, month), &s);
    if (!s)
        return s;
    const QString who = m_desk->userName(), at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (to == ReturnState::Submitted)
        s = db->exec(QStringLiteral("UPDATE monthly_returns SET state = 'submitted', submitted_by = ?, submitted_at = ? WHERE id = ?"),
                     {who, at, id});
    else
        s = db->exec(QStringLiteral("UPDATE monthly_returns SET state = ?, reviewed_by = ?, reviewed_at = ?, opinion = ? WHERE id = ?"),
                     {returnStateCode(to), who, at, opinion.trimmed(), id});
    if (s)
        s = t.commit();
    if (s)
        m_desk->notify({DeskChange::Targets});
    return s;
}

Status ReturnBook::submit(qint64 unitId, int year, int month)
{
    return move(unitId, year, month, ReturnState::Submitted, QString());
}

Status ReturnBook::approve(qint64 unitId, int year, int month, const QString &opinion)
{
    return move(unitId, year, month, ReturnState::Approved, opinion);
}

Status ReturnBook::sendBack(qint64 unitId, int year, int month, const QString &opinion)
{
    return move(unitId, year, month, ReturnState::Returned, opinion);
}

Status ReturnBook::reopen(qint64 unitId, int year, int month, const QString &reason)
{
    return move(unitId, year, month, ReturnState::Draft, reason);
}

QList<AuditEntry> ReturnBook::history(qint64 returnId) const
{
    if (returnId <= 0)
        return {};
    ChangeLogFilter filter;
    filter.table = QStringLiteral("monthly_returns");
    filter.recordId = returnId;
    QList<AuditEntry> out;
    const QList<AuditEntry> all = m_desk->audit()->entries(filter);
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (it->action == QLatin1String("insert") || it->field == QLatin1String("state") || it->field == QLatin1String("opinion"))
            out << *it;
    }
    return out;
}

QHash<QPair<qint64, QString>, ReturnBook::Approved> ReturnBook::approvedFigures(int year, int uptoMonth) const
{
    QHash<QPair<qint64, QString>, Approved> out;
    if (uptoMonth < 1)
        return out;
    Status s;
    QSqlQuery q = m_desk->database()->run(
        QStringLiteral("SELECT r.unit_id, r.month, f.metric, f.value FROM monthly_returns r JOIN return_figures f ON f.return_id = r.id"
                       " WHERE r.year = ? AND r.month <= ? AND r.state = 'approved' ORDER BY r.month"),
        {year, uptoMonth}, &s);
    while (s && q.next())
        out.insert({q.value(0).toLongLong(), q.value(2).toString()}, Approved{q.value(1).toInt(), q.value(3).toDouble()});
    return out;
}

QPair<int, int> ReturnBook::latestMonth() const
{
    Status s;
    QSqlQuery q = m_desk->database()->run(QStringLiteral("SELECT year, month FROM monthly_returns ORDER BY year DESC, month DESC LIMIT 1"),
                                          {}, &s);
    return s && q.next() ? qMakePair(q.value(0).toInt(), q.value(1).toInt()) : qMakePair(0, 0);
}

int ReturnBook::overdueCount(int year, int month) const
{
    int n = 0;
    for (const MonthlyReturn &r : returns(year, month))
        n += r.overdue ? 1 : 0;
    return n;
}

} // namespace IPDesk
