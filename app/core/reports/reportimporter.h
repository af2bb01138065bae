#pragma once

#include "desk/projectstore.h"
#include "reports/readreport.h"
#include "reports/reportextractor.h"

#include <QMap>
#include <functional>
#include <optional>

namespace IPDesk {

class Desk;

/// One proposed fact of a report, as the import dialog shows it.
struct ProposedFact
{
    Fact fact;
    /// The extractor was unsure (confidence below this): the review lists it first and marks it.
    static constexpr double Doubtful = 0.7;
    bool accept = true;
    qint64 unitId = 0;               // the matched unit, 0 when a new one is to be made
    qint64 newUnitParent = 0;        // where a new unit goes
    std::optional<Fact> existing;    // a stored fact for the same unit, year, period, metric and kind
    bool replace = true;             // on conflict: replace the stored value (true) or keep it
};

/// A project the report names, which the officer may add to the pipeline.
struct ProposedProject
{
    ProjectMention mention;
    bool add = false;
    qint64 unitId = 0;            // matched unit; 0: made with the report's new units
    qint64 existingProjectId = 0; // a project of that name is in the pipeline already
};

/// What importing one report would store.
struct ImportPlan
{
    QString path;
    QString title;
    QString text;         // the decoded original
    QString sha256;
    Extraction extraction;
    QList<ProposedFact> facts;
    QList<ProposedProject> projects;
    /// Units the report names that the desk does not have, and the parent each will be made under
    /// (a unit id, 0 for the top level, or NewSubjectParent for the report's own new subject unit).
    QMap<QString, qint64> newUnits;
    static constexpr qint64 NewSubjectParent = -1;
    qint64 existingDocumentId = 0; // the same report was imported before
    Status status;                 // the file could not be read or has no figures
    QString encodingNote;          // ReadReport's: a warning about the encoding, else empty
    bool encodingUnsure = false;   // the officer should confirm the encoding
    QStringList encodings;         // the encodings the file decodes under, the one used first
};

struct ImportSummary
{
    int documents = 0;
    int facts = 0;
    int replaced = 0;
    int unitsCreated = 0;
    int skippedDocuments = 0;
    int projectsAdded = 0;
    // What was written, so that the import can be taken back as one step.
    QList<qint64> documentIds;  ///< their facts go with them
    QList<qint64> unitIds;      ///< made for the reports, parents first
    QList<qint64> projectIds;   ///< added to the pipeline
    QList<Fact> replacedFacts;  ///< stored figures the reports' figures replaced
};

/// Turns reports into reviewed, stored facts with their source documents.
class ReportImporter
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::ReportImporter)
public:
    explicit ReportImporter(Desk *desk);

    ImportPlan prepareFile(const QString &path) const { return plan(ReadReport::fromFile(path, unitNames())); }
    ImportPlan prepareText(const QString &text, const QString &title) const
    {
        return plan(ReadReport::fromText(text, title, unitNames()));
    }
    /// The desk's unit names, for reading reports off the database thread.
    QStringList unitNames() const;
    /// Gives the figures that lack them the year (a report that states none) and the unit (a report
    /// that names none, only 全区 or 我市), and accepts them. 0 or "" leaves that part as it is.
    void fillMissing(ImportPlan &plan, int year, const QString &unit) const;
    /// How many figures of a plan still lack a year, and a unit.
    static int missingYears(const ImportPlan &plan);
    static int missingUnits(const ImportPlan &plan);
    /// Matches a read report's units and finds conflicts with stored facts (database thread).
    ImportPlan plan(const ReadReport &report) const;
    /// Re-matches units and conflicts (after the officer changed a fact's unit or period).
    void refresh(ImportPlan &plan) const;

    /// Stores every accepted fact of every plan and their documents in one transaction.
    /// `cancelled` is polled between reports; when it returns true nothing is stored.
    /// Stores the plans as one undo step on the desk's stack ("Import 3 reports"), whose undo takes
    /// back everything the import wrote and whose redo stores the same plans again.
    Status commit(const QList<ImportPlan> &plans, ImportSummary *summary,
                  const std::function<bool()> &cancelled = {}) const;

    /// The unit a report names: the same name, or the same name give or take its suffix (增城/增城区).
    static qint64 matchUnit(const ProjectStore &store, const QString &name);
    static UnitKind kindFromName(const QString &name);

    /// The writing itself, in one transaction, without an undo step; and its undo.
    Status commitPlans(const QList<ImportPlan> &plans, ImportSummary *summary, const std::function<bool()> &cancelled) const;
    Status takeBack(const ImportSummary &written) const;

private:
    Desk *m_desk;
    ProjectStore *m_store;
};

} // namespace IPDesk
