#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace IPDesk {

/// Pipeline stages in their natural order; OnHold and Dropped stand outside the flow.
enum class Stage : int {
    Lead = 0,        // 线索
    Negotiating = 1, // 在谈
    Signed = 2,      // 签约
    Registered = 3,  // 注册
    Started = 4,     // 开工
    Operating = 5,   // 投产
    OnHold = 6,      // 搁置
    Dropped = 7,     // 终止
};
constexpr int StageCount = 8;

enum class ProjectType : int {
    New = 0,
    CapitalIncrease = 1, // 增资扩产
    Relocation = 2,
};
constexpr int ProjectTypeCount = 3;

enum class UnitKind : int {
    City = 0,
    District = 1,   // 区
    County = 2,     // 县 / 县级市
    Zone = 3,       // 开发区 / 高新区 / 新区
    Town = 4,       // 镇
    Street = 5,     // 街道
    Department = 6, // 部门
};
constexpr int UnitKindCount = 7;

/// Translated names and stable codes for the enums (codes go into files and JSON).
struct Names
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::Names)
public:
    static QString stage(Stage s);
    static QString stageCode(Stage s);
    static bool stageFromCode(const QString &code, Stage *out);
    /// Matches a stage by code, English or Chinese name (线索, 在谈, 洽谈, 签约 ...).
    static bool stageFromText(const QString &text, Stage *out);
    static QString projectType(ProjectType t);
    static QString projectTypeCode(ProjectType t);
    static bool projectTypeFromCode(const QString &code, ProjectType *out);
    /// Matches 新建 / 增资扩产 / 搬迁, the English names and the codes.
    static bool projectTypeFromText(const QString &text, ProjectType *out);
    static QString unitKind(UnitKind k);
    static QString unitKindCode(UnitKind k);
    static bool unitKindFromCode(const QString &code, UnitKind *out);
};

struct Unit
{
    qint64 id = 0;
    qint64 parentId = 0; // 0 for a root
    QString name;
    UnitKind kind = UnitKind::District;
};

/// Money is held in yuan as a 64-bit integer everywhere in the core.
using Yuan = qint64;

struct Project
{
    qint64 id = 0;
    QString code;
    QString name;
    QString investor;
    QString industry;
    QString industryChain;
    qint64 unitId = 0;
    Stage stage = Stage::Lead;
    ProjectType type = ProjectType::New;
    Yuan plannedInvestment = 0;
    Yuan signedInvestment = 0;
    /// 新增投资: what a capital increase (增资扩产) adds; it alone counts towards the targets.
    Yuan addedInvestment = 0;
    Yuan fundsInPlace = 0;
    Yuan expectedOutput = 0;
    Yuan expectedTax = 0;
    bool manufacturing = false;
    QString sourceChannel;
    QString leadOfficer;
    QString notes;
    /// The date each stage was reached (stage history); absent stages have no entry.
    QMap<Stage, QDate> stageDates;
    int version = 1;

    /// Every reason the record cannot be stored, in the user's language; empty when valid.
    QStringList validate() const;
};

/// Fields of a project that the editors change one at a time (the column order of the table).
enum class ProjectField : int {
    Code,
    Name,
    Investor,
    Unit,
    Stage,
    Type,
    Industry,
    IndustryChain,
    PlannedInvestment,
    SignedInvestment,
    AddedInvestment,
    FundsInPlace,
    ExpectedOutput,
    ExpectedTax,
    Manufacturing,
    SourceChannel,
    LeadOfficer,
    SignedDate,
    StartedDate,
    Notes,
    Count
};

constexpr int ProjectFieldCount = int(ProjectField::Count);

QString fieldName(ProjectField f);
/// The first control character of a text (U+0000..U+001F but tab and line breaks, U+007F..U+009F,
/// U+FFFE, U+FFFF), or -1. Such characters are refused in every stored text: a NUL cuts a name
/// short in SQLite and is rejected by PostgreSQL.
qsizetype firstControlCharacter(const QString &text);
inline bool isControlCharacter(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}
/// "U+0000", the code point of the character at index i.
QString codePointName(const QString &text, qsizetype i);
QString fieldColumn(ProjectField f); // the SQL column, empty for stage dates
/// A stable name for files (the column, or signed_date / started_date): never the enum's number.
QString fieldKey(ProjectField f);
bool isMoneyField(ProjectField f);
bool isDateField(ProjectField f);
Stage dateFieldStage(ProjectField f);

/// Reads a field as a QVariant (qint64 yuan, int enums, QDate, QString, bool).
QVariant projectValue(const Project &p, ProjectField f);
void setProjectValue(Project &p, ProjectField f, const QVariant &v);

/// A three-way merge of two edits of one project: \a base is the record both started from,
/// \a mine the one this officer wants, \a theirs the one someone else saved meanwhile.
/// A field changed on one side only takes that side; changed on both to different values it is a
/// conflict, and merged keeps mine there until the officer decides.
struct ProjectMerge
{
    Project merged;
    QList<ProjectField> conflicts;
};
ProjectMerge mergeProjects(const Project &base, const Project &mine, const Project &theirs);

} // namespace IPDesk
