#include "reportimporter.h"

#include "factstore.h"
#include "textdecoder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace IPDesk {

namespace {
const QStringList unitSuffixes = {QStringLiteral("高新区"), QStringLiteral("开发区"), QStringLiteral("新区"),
                                  QStringLiteral("街道"), QStringLiteral("区"), QStringLiteral("县"),
                                  QStringLiteral("市"), QStringLiteral("镇"), QStringLiteral("乡"), QStringLiteral("街")};

QString stripSuffix(const QString &name)
{
    for (const QString &s : unitSuffixes) {
        if (name.endsWith(s) && name.size() > s.size() + 1)
            return name.left(name.size() - s.size());
    }
    return name;
}
} // namespace

qint64 ReportImporter::matchUnit(const ProjectStore &store, const QString &name)
{
    if (name.isEmpty())
        return 0;
    if (const qint64 id = store.unitByName(name))
        return id;
    const QString stem = stripSuffix(name);
    for (const Unit &u : store.units()) {
        if (stripSuffix(u.name) == stem && (u.name.startsWith(name) || name.startsWith(u.name) || stem != name))
            return u.id;
    }
    return 0;
}

UnitKind ReportImporter::kindFromName(const QString &name)
{
    if (name.endsWith(QStringLiteral("镇")) || name.endsWith(QStringLiteral("乡")))
        return UnitKind::Town;
    if (name.endsWith(QStringLiteral("街道")) || name.endsWith(QStringLiteral("街")))
        return UnitKind::Street;
    if (name.endsWith(QStringLiteral("开发区")) || name.endsWith(QStringLiteral("高新区")) || name.endsWith(QStringLiteral("新区")))
        return UnitKind::Zone;
    if (name.endsWith(QStringLiteral("县")))
        return UnitKind::County;
    if (name.endsWith(QStringLiteral("市")))
        return UnitKind::City;
    return UnitKind::District;
}

ImportPlan ReportImporter::prepareFile(const QString &path) const
{
    QFile f(path);
    ImportPlan plan;
    plan.path = path;
    if (!f.open(QIODevice::ReadOnly)) {
        plan.status = Status::error(tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), f.errorString()));
        return plan;
    }
    if (f.size() > TextDecoder::MaxBytes) {
        plan.status = Status::error(tr("%1 is %2 MB; reports larger than %3 MB are not read.")
                                        .arg(QFileInfo(path).fileName()).arg(f.size() / (1024 * 1024))
                                        .arg(TextDecoder::MaxBytes / (1024 * 1024)));
        return plan;
    }
    const QByteArray bytes = f.readAll();
    const TextDecoder::Result decoded = TextDecoder::decode(bytes);
    if (!decoded.status) {
        plan.status = Status::error(QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), decoded.status.message()));
        return plan;
    }
    return prepare(decoded.text, decoded.encoding, bytes, QString(), path);
}

ImportPlan ReportImporter::prepareText(const QString &text, const QString &title) const
{
    return prepare(text, QStringLiteral("UTF-8"), text.toUtf8(), title, QString());
}

ImportPlan ReportImporter::prepare(const QString &text, const QString &encoding, const QByteArray &bytes,
                                   const QString &title, const QString &path) const
{
    ImportPlan plan;
    plan.path = path;
    plan.text = text;
    plan.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    plan.title = title.isEmpty() ? text.section(QLatin1Char('\n'), 0, 0).trimmed().left(120) : title;
    if (plan.title.isEmpty())
        plan.title = QFileInfo(path).fileName();
    plan.extraction = ReportExtractor().extract(text);
    plan.extraction.encoding = encoding;
    plan.existingDocumentId = FactStore(m_store->database()).documentByHash(plan.sha256);
    for (const Fact &f : std::as_const(plan.extraction.facts)) {
        ProposedFact p;
        p.fact = f;
        plan.facts.append(p);
    }
    refresh(plan);
    if (plan.facts.isEmpty())
        plan.status = Status::error(tr("No figures were found in %1.").arg(plan.title));
    return plan;
}

void ReportImporter::refresh(ImportPlan &plan) const
{
    const qint64 subjectId = matchUnit(*m_store, plan.extraction.subject);
    FactStore facts(m_store->database());
    for (ProposedFact &p : plan.facts) {
        p.unitId = matchUnit(*m_store, p.fact.district);
        if (!p.unitId)
            p.newUnitParent = p.fact.district == plan.extraction.subject ? 0 : subjectId;
        p.existing.reset();
        if (p.unitId) {
            QSqlQuery q = m_store->database()->query(QStringLiteral(
                "SELECT value, qualifier, document_id FROM facts WHERE unit_id = ? AND year = ? AND span = ? AND metric = ?"
                " AND kind = ? LIMIT 1"));
            q.addBindValue(p.unitId);
            q.addBindValue(p.fact.year);
            q.addBindValue(p.fact.span);
            q.addBindValue(p.fact.metric);
            q.addBindValue(p.fact.kind);
            if (q.exec() && q.next()) {
                Fact e = p.fact;
                e.value = q.value(0).toDouble();
                e.qualifier = q.value(1).toString();
                e.documentId = q.value(2).toLongLong();
                p.existing = e;
            }
        }
    }
}

Status ReportImporter::commit(const QList<ImportPlan> &plans, ImportSummary *summary,
                              const std::function<bool()> &cancelled) const
{
    ImportSummary sum;
    Database *db = m_store->database();
    FactStore facts(db);
    bool unitsAdded = false;
    {
        Transaction t(*db);
        QHash<QString, qint64> created;
        QSet<QString> hashes;
        for (const ImportPlan &plan : plans) {
            if (cancelled && cancelled())
                return Status::error(tr("The import was cancelled; nothing was stored."));
            if (!plan.status && plan.facts.isEmpty()) {
                ++sum.skippedDocuments;
                continue;
            }
            if (plan.existingDocumentId || facts.documentByHash(plan.sha256) || hashes.contains(plan.sha256)) {
                ++sum.skippedDocuments; // the same report again: recognised, not stored twice
                continue;
            }
            hashes.insert(plan.sha256);
            SourceDocument doc;
            doc.title = plan.title;
            doc.path = plan.path;
            doc.sha256 = plan.sha256;
            doc.published = plan.extraction.published;
            doc.encoding = plan.extraction.encoding;
            doc.body = plan.text;
            Status s;
            const qint64 docId = facts.insertDocument(doc, &s);
            if (!s)
                return s;
            ++sum.documents;
            for (const ProposedFact &p : plan.facts) {
                if (!p.accept)
                    continue;
                qint64 unitId = p.unitId;
                if (!unitId)
                    unitId = created.value(p.fact.district);
                if (!unitId) {
                    qint64 parent = p.newUnitParent;
                    if (!parent && p.fact.district != plan.extraction.subject)
                        parent = created.value(plan.extraction.subject, matchUnit(*m_store, plan.extraction.subject));
                    unitId = db->insert(QStringLiteral("INSERT INTO units (parent_id, name, kind, sort_order) VALUES (?, ?, ?, ?)"),
                                        {parent ? QVariant(parent) : QVariant(QMetaType::fromType<qint64>()), p.fact.district,
                                         Names::unitKindCode(kindFromName(p.fact.district)), 1000 + sum.unitsCreated},
                                        &s);
                    if (!s)
                        return s;
                    created.insert(p.fact.district, unitId);
                    ++sum.unitsCreated;
                    unitsAdded = true;
                }
                if (p.existing) {
                    if (!p.replace)
                        continue;
                    s = db->exec(QStringLiteral("DELETE FROM facts WHERE unit_id = ? AND year = ? AND span = ? AND metric = ? AND kind = ?"),
                                 {unitId, p.fact.year, p.fact.span, p.fact.metric, p.fact.kind});
                    if (!s)
                        return s;
                    ++sum.replaced;
                }
                Fact f = p.fact;
                f.unitId = unitId;
                f.documentId = docId;
                s = facts.insertFact(f);
                if (!s)
                    return s;
                ++sum.facts;
            }
        }
        if (cancelled && cancelled())
            return Status::error(tr("The import was cancelled; nothing was stored."));
        Status s = t.commit();
        if (!s)
            return s;
    }
    if (unitsAdded)
        m_store->reloadUnits();
    if (summary)
        *summary = sum;
    return Status();
}

} // namespace IPDesk
