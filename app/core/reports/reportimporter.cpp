#include "reports/reportimporter.h"
#include "reports/reporttext.h"

#include "desk/deskcommand.h"
#include "desk/desk.h"

#include "desk/factstore.h"
#include "reports/textdecoder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace IPDesk {

ReportImporter::ReportImporter(Desk *desk)
    : m_desk(desk)
    , m_store(desk->projects())
{
}

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
    const QList<Unit> units = store.units();
    for (const Unit &u : units) {
        if (stripSuffix(u.name) == stem && (u.name.startsWith(name) || name.startsWith(u.name) || stem != name))
            return u.id;
    }
    // 三里镇人民政府, 三里镇招商办: the unit's government or office, where the desk holds no unit of that name.
    static const QStringList offices = {QStringLiteral("人民政府"), QStringLiteral("政府"), QStringLiteral("党工委"), QStringLiteral("党委"),
                                        QStringLiteral("管委会"), QStringLiteral("办事处"), QStringLiteral("招商办公室"), QStringLiteral("招商办")};
    for (const QString &office : offices) {
        if (name.size() > office.size() + 1 && name.endsWith(office))
            return matchUnit(store, name.chopped(office.size()));
    }
    // 覃塘区三里镇, 贵港市覃塘区三里镇: a unit named after the units above it.
    QHash<qint64, const Unit *> byId;
    for (const Unit &u : units)
        byId.insert(u.id, &u);
    for (const Unit &u : units) {
        if (name.size() <= u.name.size() || !name.endsWith(u.name))
            continue;
        QStringView above = QStringView(name).chopped(u.name.size());
        for (const Unit *p = byId.value(u.parentId); p && !above.isEmpty(); p = byId.value(p->parentId)) {
            if (above.endsWith(p->name))
                above.chop(p->name.size());
            else if (const QString parentStem = stripSuffix(p->name); parentStem != p->name && above.endsWith(parentStem))
                above.chop(parentStem.size());
        }
        if (above.isEmpty())
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


ImportPlan ReportImporter::plan(const ReadReport &report) const
{
    ImportPlan plan;
    plan.path = report.path;
    plan.title = report.title;
    plan.text = report.text;
    plan.sha256 = report.sha256;
    plan.extraction = report.extraction;
    plan.status = report.status;
    plan.encodingNote = report.encodingNote;
    plan.encodingUnsure = report.encodingUnsure;
    plan.encodings = report.encodings;
    if (!report.status)
        return plan;
    plan.existingDocumentId = m_desk->facts()->documentByHash(plan.sha256);
    const bool markup = ReportText::isMarkup(plan.text);
    for (const Fact &f : std::as_const(plan.extraction.facts)) {
        ProposedFact p;
        p.fact = f;
        // (a page's sentence as it reads, without its tags: 码头镇</td><td>8 is 码头镇 8)
        if (markup)
            p.fact.evidenceText = ReportText::readable(f.evidenceText).simplified();
        // A figure without a year or a unit waits for the officer to give them (fillMissing).
        p.accept = f.year > 0 && !f.district.isEmpty();
        plan.facts.append(p);
    }
    // Doubtful figures first, so that the officer's review time goes where it is needed.
    std::stable_sort(plan.facts.begin(), plan.facts.end(), [](const ProposedFact &a, const ProposedFact &b) {
        return (a.fact.confidence < ProposedFact::Doubtful) > (b.fact.confidence < ProposedFact::Doubtful);
    });
    for (const ProjectMention &m : std::as_const(plan.extraction.projects)) {
        ProposedProject pp;
        pp.mention = m;
        plan.projects.append(pp);
    }
    refresh(plan);
    if (plan.facts.isEmpty())
        plan.status = Status::error(tr("No figures were found in the report."));
    else if (plan.existingDocumentId)
        plan.status = Status::error(tr("The report was imported before."));
    return plan;
}

QStringList ReportImporter::unitNames() const
{
    QStringList names;
    for (const Unit &u : m_store->units())
        names << u.name;
    return names;
}

int ReportImporter::missingYears(const ImportPlan &plan)
{
    return int(std::count_if(plan.facts.cbegin(), plan.facts.cend(), [](const ProposedFact &p) { return p.fact.year <= 0; }));
}

int ReportImporter::missingUnits(const ImportPlan &plan)
{
    return int(std::count_if(plan.facts.cbegin(), plan.facts.cend(), [](const ProposedFact &p) { return p.fact.district.isEmpty(); }));
}

void ReportImporter::fillMissing(ImportPlan &plan, int year, const QString &unit) const
{
    for (ProposedFact &p : plan.facts) {
        const bool incomplete = p.fact.year <= 0 || p.fact.district.isEmpty();
        if (p.fact.year <= 0 && year > 0)
            p.fact.year = year;
        if (p.fact.district.isEmpty() && !unit.trimmed().isEmpty())
            p.fact.district = unit.trimmed();
        if (incomplete && p.fact.year > 0 && !p.fact.district.isEmpty())
            p.accept = true;
    }
    refresh(plan);
}

void ReportImporter::refresh(ImportPlan &plan) const
{
    const qint64 subjectId = matchUnit(*m_store, plan.extraction.subject);
    QMap<QString, qint64> newUnits;
    auto noteNewUnit = [&](const QString &name) {
        // The officer's choice stays; else under the report's subject (made first if it is new too).
        qint64 parent = plan.newUnits.value(name, name == plan.extraction.subject ? 0
                                                                                 : (subjectId ? subjectId : ImportPlan::NewSubjectParent));
        if (parent == ImportPlan::NewSubjectParent && (plan.extraction.subject.isEmpty() || name == plan.extraction.subject))
            parent = 0;
        newUnits.insert(name, parent);
    };
    for (ProposedFact &p : plan.facts) {
        p.unitId = matchUnit(*m_store, p.fact.district);
        p.existing.reset();
        if (p.fact.district.isEmpty())
            continue; // the officer gives the unit first
        if (!p.unitId) {
            noteNewUnit(p.fact.district);
            p.newUnitParent = newUnits.value(p.fact.district);
            continue;
        }
        if (const std::optional<Fact> stored = m_desk->facts()->storedFact(p.unitId, p.fact.year, p.fact.span, p.fact.metric, p.fact.kind)) {
            Fact e = p.fact;
            e.value = stored->value;
            e.qualifier = stored->qualifier;
            e.documentId = stored->documentId;
            p.existing = e;
        }
    }
    for (ProposedProject &pp : plan.projects) {
        pp.unitId = matchUnit(*m_store, pp.mention.district);
        if (!pp.unitId && pp.add)
            noteNewUnit(pp.mention.district);
        ProjectQuery q;
        q.text = pp.mention.name;
        pp.existingProjectId = 0;
        for (const Project &p : m_store->fetch(q, 0, 5)) {
            if (p.name == pp.mention.name)
                pp.existingProjectId = p.id;
        }
    }
    // A new unit under the new subject needs the subject made as well.
    for (auto it = newUnits.cbegin(); it != newUnits.cend(); ++it) {
        if (it.value() == ImportPlan::NewSubjectParent && !newUnits.contains(plan.extraction.subject)) {
            newUnits.insert(plan.extraction.subject, 0);
            break;
        }
    }
    plan.newUnits = newUnits;
}

namespace {

/// An import of reports as one undo step: undo takes back the documents (and their figures), the
/// projects and the units it made and puts back the figures it replaced; redo stores the same
/// reviewed plans again.
class ImportReportsCommand : public DeskCommand
{
public:
    ImportReportsCommand(Desk *desk, const QList<ImportPlan> &plans, std::function<bool()> cancelled)
        : DeskCommand(desk)
        , m_plans(plans)
        , m_cancelled(std::move(cancelled))
    {
        int stored = 0;
        for (const ImportPlan &p : plans)
            stored += !p.existingDocumentId && std::any_of(p.facts.cbegin(), p.facts.cend(), [](const ProposedFact &f) { return f.accept; });
        setText(stored == 1 ? ReportImporter::tr("Import the report \"%1\"").arg(plans.first().title.left(40))
                            : ReportImporter::tr("Import %n report(s)", nullptr, stored));
    }
    const ImportSummary &summary() const { return m_written; }

protected:
    Status apply(bool forward) override
    {
        const ReportImporter importer(m_desk);
        Status s;
        if (forward) {
            ImportSummary written;
            s = importer.commitPlans(m_plans, &written, m_cancelled);
            m_cancelled = {}; // only the first run can be cancelled
            if (s)
                m_written = written;
        } else {
            s = importer.takeBack(m_written);
        }
        // Units and projects may have been made and then rolled back: views read them again.
        m_desk->projects()->reloadUnits();
        m_desk->notify({DeskChange::Projects});
        return s;
    }

private:
    QList<ImportPlan> m_plans;
    std::function<bool()> m_cancelled;
    ImportSummary m_written;
};

} // namespace

Status ReportImporter::commit(const QList<ImportPlan> &plans, ImportSummary *summary,
                              const std::function<bool()> &cancelled) const
{
    auto *command = new ImportReportsCommand(m_desk, plans, cancelled);
    const Status s = m_desk->perform(command); // deleted if it fails
    if (s && summary)
        *summary = command->summary();
    return s;
}

Status ReportImporter::takeBack(const ImportSummary &written) const
{
    Database *db = m_desk->database();
    Transaction t(*db);
    Status s = m_store->deleteProjects(written.projectIds);
    for (qint64 id : written.documentIds) {
        if (s)
            s = db->exec(QStringLiteral("DELETE FROM documents WHERE id = ?"), {id}); // its facts with it
    }
    if (s && !written.replacedFacts.isEmpty())
        s = m_desk->facts()->insertFacts(written.replacedFacts);
    // The units made for the reports, children first, unless something else is filed under them now.
    for (auto it = written.unitIds.crbegin(); s && it != written.unitIds.crend(); ++it) {
        s = db->exec(QStringLiteral("DELETE FROM units WHERE id = ?"
                                    " AND NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = ?)"
                                    " AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.unit_id = ?)"
                                    " AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.unit_id = ?)"
                                    " AND NOT EXISTS (SELECT 1 FROM targets g WHERE g.unit_id = ?)"
                                    " AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.unit_id = ?)"),
                     {*it, *it, *it, *it, *it, *it});
    }
    if (s)
        s = t.commit();
    return s;
}

Status ReportImporter::commitPlans(const QList<ImportPlan> &plans, ImportSummary *summary,
                                   const std::function<bool()> &cancelled) const
{
    ImportSummary sum;
    Database *db = m_desk->database();
    FactStore facts(db);
    {
        Transaction t(*db);
        QHash<QString, qint64> created;
        QSet<QString> hashes;
        for (const ImportPlan &plan : plans) {
            if (cancelled && cancelled())
                return Status::error(tr("The import was cancelled; nothing was stored."));
            // A report none of whose figures is accepted is not stored either: it can be imported
            // again once its year or unit is known.
            if (std::none_of(plan.facts.cbegin(), plan.facts.cend(), [](const ProposedFact &p) { return p.accept; })
                && std::none_of(plan.projects.cbegin(), plan.projects.cend(), [](const ProposedProject &p) { return p.add; })) {
                ++sum.skippedDocuments;
                continue;
            }
            int noYear = 0, noUnit = 0;
            for (const ProposedFact &p : plan.facts) {
                noYear += p.accept && p.fact.year <= 0;
                noUnit += p.accept && p.fact.district.isEmpty();
            }
            if (noYear)
                return Status::error(tr("%1 states no year: give the year of its %n figure(s) before storing.", nullptr, noYear)
                                         .arg(plan.title));
            if (noUnit)
                return Status::error(tr("%1 names no unit: choose the unit of its %n figure(s) before storing.", nullptr, noUnit)
                                         .arg(plan.title));
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
            sum.documentIds << docId;

            // The units the report needs, parents first: those under existing units or the top
            // level, then those under the report's own new subject.
            auto unitFor = [&](const QString &name) { return created.value(name, matchUnit(*m_store, name)); };
            for (int pass = 0; pass < 2; ++pass) {
                for (auto it = plan.newUnits.cbegin(); it != plan.newUnits.cend(); ++it) {
                    const bool underSubject = it.value() == ImportPlan::NewSubjectParent;
                    if (underSubject != (pass == 1) || unitFor(it.key()))
                        continue;
                    bool used = false;
                    for (const ProposedFact &p : plan.facts)
                        used = used || (p.accept && p.fact.district == it.key());
                    for (const ProposedProject &pp : plan.projects)
                        used = used || (pp.add && pp.mention.district == it.key());
                    used = used || (it.key() == plan.extraction.subject && pass == 0
                                    && std::any_of(plan.newUnits.cbegin(), plan.newUnits.cend(),
                                                   [](qint64 v) { return v == ImportPlan::NewSubjectParent; }));
                    if (!used)
                        continue;
                    const qint64 parent = underSubject ? unitFor(plan.extraction.subject) : it.value();
                    Unit u;
                    u.parentId = parent > 0 ? parent : 0;
                    u.name = it.key();
                    u.kind = kindFromName(it.key());
                    const qint64 id = m_store->insertUnit(u, 1000 + sum.unitsCreated, &s);
                    if (!s)
                        return s;
                    created.insert(it.key(), id);
                    ++sum.unitsCreated;
                    sum.unitIds << id;
                }
            }

            QList<Fact> toInsert;
            for (const ProposedFact &p : plan.facts) {
                if (!p.accept)
                    continue;
                const qint64 unitId = p.unitId ? p.unitId : unitFor(p.fact.district);
                if (!unitId)
                    return Status::error(tr("The unit %1 could not be made.").arg(p.fact.district));
                if (p.existing) {
                    if (!p.replace)
                        continue;
                    if (const auto old = facts.storedFact(unitId, p.fact.year, p.fact.span, p.fact.metric, p.fact.kind))
                        sum.replacedFacts << *old;
                    s = m_desk->facts()->removeFact(unitId, p.fact.year, p.fact.span, p.fact.metric, p.fact.kind);
                    if (!s)
                        return s;
                    ++sum.replaced;
                }
                Fact f = p.fact;
                f.unitId = unitId;
                f.documentId = docId;
                toInsert.append(f);
            }
            s = facts.insertFacts(toInsert);
            if (!s)
                return s;
            sum.facts += int(toInsert.size());

            // Projects the officer chose to add to the pipeline.
            QList<Project> newProjects;
            for (const ProposedProject &pp : plan.projects) {
                if (!pp.add || pp.existingProjectId)
                    continue;
                qint64 unitId = pp.unitId ? pp.unitId : created.value(pp.mention.district, matchUnit(*m_store, pp.mention.district));
                if (!unitId)
                    unitId = matchUnit(*m_store, plan.extraction.subject);
                if (!unitId)
                    unitId = created.value(plan.extraction.subject);
                if (!unitId)
                    continue;
                Project p;
                p.name = pp.mention.name;
                p.unitId = unitId;
                Names::stageFromCode(pp.mention.stageCode, &p.stage);
                p.plannedInvestment = Yuan(std::llround(pp.mention.investmentYi * 1e8));
                if (pp.mention.signedOn.isValid())
                    p.stageDates.insert(Stage::Signed, pp.mention.signedOn);
                if (pp.mention.startedOn.isValid())
                    p.stageDates.insert(Stage::Started, pp.mention.startedOn);
                if (!p.stageDates.contains(p.stage) && plan.extraction.published.isValid() && p.validate().isEmpty()) {
                    Project dated = p;
                    dated.stageDates.insert(p.stage, plan.extraction.published);
                    if (dated.validate().isEmpty())
                        p = dated;
                }
                p.notes = tr("From the report \"%1\": %2").arg(plan.title, pp.mention.evidenceText.left(200));
                newProjects.append(p);
            }
            if (!newProjects.isEmpty()) {
                m_store->reloadUnits(); // units made above
                s = m_store->insertProjects(newProjects);
                if (!s)
                    return s;
                sum.projectsAdded += int(newProjects.size());
                for (const Project &p : std::as_const(newProjects))
                    sum.projectIds << p.id;
            }
        }
        if (cancelled && cancelled())
            return Status::error(tr("The import was cancelled; nothing was stored."));
        Status s = t.commit();
        if (!s)
            return s;
    }
    if (summary)
        *summary = sum;
    return Status();
}

} // namespace IPDesk
