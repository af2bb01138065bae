#pragma once

#include "base/fact.h"

#include "base/money.h"
#include "desk/projectstore.h"
#include "tables/tablesource.h"

#include <QHash>
#include <QJsonObject>
#include <functional>

namespace IPDesk {

class Desk;

enum class TableKind { Projects, Targets, Facts };

/// Which column of the file holds which field, and how to read money.
struct ColumnMapping
{
    TableKind kind = TableKind::Projects;
    int sheet = 0;
    int headerRow = 0;                 // 0-based row of the headers
    QHash<QString, int> columns;       // field id -> 0-based column
    QHash<QString, MoneyUnit> money;   // money field -> unit its header names (亿元/万元)
    MoneyUnit defaultMoneyUnit = MoneyUnit::Wan; // for money headers that name no unit

    QJsonObject toJson(const QStringList &headers) const;
    /// Reads a saved mapping; columns are found again by their header text.
    static ColumnMapping fromJson(const QJsonObject &o, const QStringList &headers, QString *error);
};

struct RowProblem
{
    int row = 0;       // 1-based row of the file, as the spreadsheet numbers it
    QString column;    // the header
    QString value;
    QString why;
};

struct ImportResult
{
    int added = 0, updated = 0, unchanged = 0, skipped = 0;
    QList<RowProblem> problems; // the first 1,000
    int problemRows = 0;
    bool undoable = true; ///< the import is one step on the undo stack (false: too large to keep)
};

/// What a table import wrote, for its undo step: each change with what it replaced.
struct TableImportRecord
{
    QList<Project> added;                          ///< as stored, with their ids
    QList<QPair<Project, Project>> updated;        ///< before and after
    QList<QPair<std::optional<Target>, Target>> targets; ///< the target before (if any) and the one set
    QList<QPair<qint64, Fact>> facts;              ///< id and figure
    qsizetype dropped = 0;                         ///< changes not kept: the import is too large to undo
    qsizetype size() const { return added.size() + updated.size() + targets.size() + facts.size() + dropped; }
    /// Beyond this many changes an import is not kept for undo (the memory it would hold).
    static constexpr qsizetype MaxKept = 50000;
};

/// Spreadsheets into the desk: the header row found and matched to fields by Chinese and English
/// names, each row checked (numbers, 1,5 against 1.5, dates as 2023/5/1, 2023年5月1日 or 45047,
/// stages and units by name), then all accepted rows written in one transaction; projects found
/// again by code, or by name and unit, are updated instead of duplicated.
class TableImporter
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::TableImporter)
public:
    explicit TableImporter(Desk *desk);

    /// The fields of a kind with their names in the user's language.
    static QList<QPair<QString, QString>> fields(TableKind kind);
    static QString kindCode(TableKind k);
    /// A write's failure as the importer reports it: tied to its row unless it is about the desk.
    static Status rowStatus(int fileRow, const Status &st);
    /// What a problem line calls a column: the file's header, else the field's name.
    QString columnLabel(int column, const char *field) const;
    static bool kindFromCode(const QString &code, TableKind *out);

    /// Opens the file and proposes a mapping from its headers.
    Status open(const QString &path, TableKind kind, int sheet = 0);
    TableSource *source() const { return m_source.get(); }
    QStringList headers() const { return m_headers; }
    ColumnMapping mapping() const { return m_mapping; }
    void setMapping(const ColumnMapping &m)
    {
        m_mapping = m;
        m_columnCache.clear();
    }
    /// The first rows below the header, as read (for the preview).
    QList<QVariantList> sampleRows() const { return m_sample; }

    /// Checks every row; writes nothing.
    ImportResult validate(const std::function<bool(double)> &progress = {});
    /// Writes every valid row in one transaction (rows with problems are skipped and counted), and
    /// puts the import on the desk's undo stack as one step ("Import ledger.xlsx"), unless it is too
    /// large to keep (result->undoable says which).
    /// progress() gets 0..1 and returns false to cancel: then nothing is written.
    Status run(ImportResult *result, const std::function<bool(double)> &progress = {});

    /// One row read into a project (for pasting from Excel too); problems say what is wrong.
    bool projectFromRow(const QVariantList &row, int fileRow, Project *p, QList<RowProblem> *problems) const;

    /// One cell of a project as a table holds it or an officer pastes it: the value setProjectValue()
    /// takes (a stage or type as its number, a unit's id, a date, yuan, 是/否 as a bool, text
    /// trimmed), or nothing and why. The one reading of a cell, for imports and for pasting.
    static std::optional<QVariant> readProjectCell(ProjectField field, const QVariant &cell, const ProjectStore &store,
                                                   MoneyUnit moneyUnit, QString *why);

    // Cell readers, public for tests.
    static std::optional<double> parseNumber(const QVariant &cell, QString *why);
    static std::optional<QDate> parseDate(const QVariant &cell, QString *why);
    static std::optional<Yuan> parseMoney(const QVariant &cell, MoneyUnit headerUnit, QString *why);

private:
    class RowReader;
    Status process(bool write, ImportResult *result, const std::function<bool(double)> &progress);
    Status reopen();
    void guessMapping();

    Desk *m_desk;

    ProjectStore *m_store;
    TableImportRecord m_record; // of the import being written
    bool m_recording = false;
    QString m_path;
    std::unique_ptr<TableSource> m_source;
    QStringList m_headers;
    ColumnMapping m_mapping;
    QList<QVariantList> m_sample;
    mutable QHash<QString, qint64> m_unitCache; // unit names of the file already matched
    /// The column of a field of the mapping (-1 when not mapped), looked up once per import.
    int column(const char *field) const;
    mutable QHash<const char *, int> m_columnCache; // keyed by the field literal's address
};

/// What a table shows, to CSV (UTF-8 with BOM, or GB18030) or XLSX with real numbers and dates.
class TableExporter
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::TableExporter)
public:
    struct Options
    {
        bool gb18030 = false;                 // CSV encoding
        QList<ProjectField> columns;          // empty: every column
        MoneyUnit moneyUnit = MoneyUnit::Wan;
        QString sheetName;                    // XLSX; empty: named after what is exported
    };
    static Status exportProjects(Desk *desk, const ProjectQuery &query, const QString &path, const Options &options,
                                 const std::function<bool(double)> &progress = {});
    static Status exportTargets(Desk *desk, const QString &path, const Options &options);
    static Status exportFacts(Desk *desk, const QString &path, const Options &options);
    /// Rows and headers to a file by its ending (.csv or .xlsx). Cells: QString, double, QDate.
    /// sheetName: the XLSX sheet's name unless options name one.
    static Status write(const QString &path, const QStringList &headers, const QList<QVariantList> &rows, const Options &options,
                        const QString &sheetName = QString());

private:
    static Status writeXlsx(const QString &path, const QStringList &headers, const QList<QVariantList> &rows,
                            const QString &sheetName);
};

} // namespace IPDesk
