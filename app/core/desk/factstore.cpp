#include "desk/factstore.h"

#include <QDateTime>
#include <QSqlQuery>

namespace IPDesk {

namespace {
QVariant nullableDate(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QDate>());
}
QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}
} // namespace

Status FactStore::setTarget(const Target &t)
{
    if (t.unitId <= 0 || t.year <= 0 || t.metric.isEmpty())
        return Status::error(tr("A target needs a unit, a year and a metric."));
    if (!(t.value > 0))
        return Status::error(tr("A target must be greater than zero."));
    // A changed target is the same target with a new value (one "update" in the change log, old → new),
    // not one removed and another set.
    Transaction tx(*m_db);
    Status s;
    const QSqlQuery q = m_db->run(QStringLiteral("UPDATE targets SET value = ?, qualifier = ? WHERE unit_id = ? AND year = ? AND metric = ?"),
                                  {t.value, t.qualifier, t.unitId, t.year, t.metric}, &s);
    if (s && q.numRowsAffected() == 0)
        s = m_db->exec(QStringLiteral("INSERT INTO targets (unit_id, year, metric, value, qualifier) VALUES (?, ?, ?, ?, ?)"),
                       {t.unitId, t.year, t.metric, t.value, t.qualifier});
    if (s)
        s = tx.commit();
    return s;
}

Status FactStore::removeTarget(qint64 unitId, int year, const QString &metric)
{
    return m_db->exec(QStringLiteral("DELETE FROM targets WHERE unit_id = ? AND year = ? AND metric = ?"), {unitId, year, metric});
}

std::optional<Target> FactStore::target(qint64 unitId, int year, const QString &metric) const
{
    QSqlQuery q = m_db->query(QStringLiteral("SELECT value, qualifier FROM targets WHERE unit_id = ? AND year = ? AND metric = ?"));
    q.addBindValue(unitId);
    q.addBindValue(year);
    q.addBindValue(metric);
    if (q.exec() && q.next())
        return Target{unitId, year, metric, q.value(0).toDouble(), q.value(1).toString()};
    return std::nullopt;
}

int FactStore::latestTargetYear() const
{
    QSqlQuery q = m_db->query(QStringLiteral("SELECT MAX(year) FROM targets"));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

std::optional<SourceDocument> FactStore::document(qint64 id) const
{
    QSqlQuery q = m_db->query(QStringLiteral("SELECT title, body FROM documents WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    SourceDocument d;
    d.id = id;
    d.title = q.value(0).toString();
    d.body = q.value(1).toString();
    return d;
}

QHash<qint64, QString> FactStore::documentTitles() const
{
    QHash<qint64, QString> out;
    QSqlQuery q = m_db->query(QStringLiteral("SELECT id, title FROM documents"));
    if (q.exec()) {
        while (q.next())
            out.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    return out;
}

std::optional<Fact> FactStore::storedFact(qint64 unitId, int year, const QString &span, const QString &metric,
                                          const QString &kind) const
{
    QSqlQuery q = m_db->query(QStringLiteral(
        "SELECT value, qualifier, document_id FROM facts WHERE unit_id = ? AND year = ? AND span = ? AND metric = ?"
        " AND kind = ? LIMIT 1"));
    Database::bindAll(q, {unitId, year, span, metric, kind});
    if (!q.exec() || !q.next())
        return std::nullopt;
    Fact f;
    f.unitId = unitId;
    f.year = year;
    f.span = span;
    f.metric = metric;
    f.kind = kind;
    f.value = q.value(0).toDouble();
    f.qualifier = q.value(1).toString();
    f.documentId = q.value(2).toLongLong();
    return f;
}

Status FactStore::removeFact(qint64 unitId, int year, const QString &span, const QString &metric, const QString &kind)
{
    return m_db->exec(QStringLiteral("DELETE FROM facts WHERE unit_id = ? AND year = ? AND span = ? AND metric = ? AND kind = ?"),
                      {unitId, year, span, metric, kind});
}

QList<Target> FactStore::targets(int year) const
{
    QSqlQuery q = m_db->query(QStringLiteral("SELECT unit_id, year, metric, value, qualifier FROM targets"
                                             " WHERE (? = 0 OR year = ?) ORDER BY unit_id, year, metric"));
    q.addBindValue(year);
    q.addBindValue(year);
    QList<Target> out;
    if (q.exec()) {
        while (q.next())
            out.append(Target{q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toDouble(),
                              q.value(4).toString()});
    }
    return out;
}

qint64 FactStore::insertDocument(const SourceDocument &d, Status *status)
{
    return m_db->insert(QStringLiteral("INSERT INTO documents (title, path, sha256, published, encoding, body, imported_at)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                        {d.title, d.path, d.sha256, nullableDate(d.published), d.encoding, d.body,
                         QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                        status);
}

qint64 FactStore::documentByHash(const QString &sha256) const
{
    QSqlQuery q = m_db->query(QStringLiteral("SELECT id FROM documents WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return 0;
}

Status FactStore::insertFact(const Fact &f)
{
    return insertFacts({f});
}

namespace {

const QLatin1String insertFactSql("INSERT INTO facts (unit_id, year, span, as_of, metric, kind, value, value_max,"
                                  " qualifier, document_id, evidence_start, evidence_end, evidence_text)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

/// A fact's values in insertFactSql's order (a null text as an empty one); empty if it lacks a key part.
QVariantList factValues(const Fact &f)
{
    if (f.unitId <= 0 || f.year <= 0 || f.metric.isEmpty() || f.span.isEmpty())
        return {};
    QVariantList values{f.unitId, f.year, f.span, nullableDate(f.asOf), f.metric, f.kind, f.value,
                        f.hasValueMax ? QVariant(f.valueMax) : QVariant(QMetaType::fromType<double>()),
                        f.qualifier, nullableId(f.documentId), f.evidenceStart, f.evidenceEnd, f.evidenceText};
    for (QVariant &v : values) {
        if (v.userType() == QMetaType::QString && v.toString().isNull())
            v = QStringLiteral("");
    }
    return values;
}

} // namespace

Status FactStore::insertFacts(const QList<Fact> &facts)
{
    QSqlQuery q = m_db->query(insertFactSql);
    for (const Fact &f : facts) {
        const QVariantList values = factValues(f);
        if (values.isEmpty())
            return Status::error(tr("A fact needs a unit, a year, a period and a metric."));
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (!q.exec())
            return Database::errorFrom(q);
    }
    return Status();
}

qint64 FactStore::insertFactWithId(const Fact &f, Status *status)
{
    const QVariantList values = factValues(f);
    if (values.isEmpty()) {
        *status = Status::error(tr("A fact needs a unit, a year, a period and a metric."));
        return 0;
    }
    return m_db->insert(insertFactSql, values, status);
}

Status FactStore::removeFactById(qint64 id)
{
    return m_db->exec(QStringLiteral("DELETE FROM facts WHERE id = ?"), {id});
}

QList<Fact> FactStore::facts(qint64 unitId) const
{
    QSqlQuery q = m_db->query(QStringLiteral(
        "SELECT f.unit_id, u.name, f.year, f.span, f.as_of, f.metric, f.kind, f.value, f.value_max, f.qualifier,"
        " f.document_id, f.evidence_start, f.evidence_end, f.evidence_text FROM facts f JOIN units u ON u.id = f.unit_id"
        " WHERE (? = 0 OR f.unit_id = ?) ORDER BY u.name, f.year, f.metric, f.span"));
    q.addBindValue(unitId);
    q.addBindValue(unitId);
    QList<Fact> out;
    if (q.exec()) {
        while (q.next()) {
            Fact f;
            f.unitId = q.value(0).toLongLong();
            f.district = q.value(1).toString();
            f.year = q.value(2).toInt();
            f.span = q.value(3).toString();
            f.asOf = QDate::fromString(q.value(4).toString(), Qt::ISODate);
            f.metric = q.value(5).toString();
            f.kind = q.value(6).toString();
            f.value = q.value(7).toDouble();
            f.hasValueMax = !q.value(8).isNull();
            f.valueMax = q.value(8).toDouble();
            f.qualifier = q.value(9).toString();
            f.documentId = q.value(10).toLongLong();
            f.evidenceStart = q.value(11).toLongLong();
            f.evidenceEnd = q.value(12).toLongLong();
            f.evidenceText = q.value(13).toString();
            out.append(f);
        }
    }
    return out;
}

qint64 FactStore::factCount() const
{
    QSqlQuery q = m_db->query(QStringLiteral("SELECT COUNT(*) FROM facts"));
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return 0;
}

} // namespace IPDesk
