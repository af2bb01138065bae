#include "base/domain.h"

#include <QVariant>

namespace IPDesk {

namespace {
const char *const stageCodes[StageCount] = {"lead", "negotiating", "signed", "registered",
                                             "started", "operating", "on_hold", "dropped"};
const char *const typeCodes[ProjectTypeCount] = {"new", "capital_increase", "relocation"};
const char *const unitKindCodes[UnitKindCount] = {"city", "district", "county", "zone",
                                                   "town", "street", "department"};
} // namespace

QString Names::stage(Stage s)
{
    switch (s) {
    case Stage::Lead: return tr("Lead");
    case Stage::Negotiating: return tr("Negotiating");
    case Stage::Signed: return tr("Signed");
    case Stage::Registered: return tr("Registered");
    case Stage::Started: return tr("Started");
    case Stage::Operating: return tr("Operating");
    case Stage::OnHold: return tr("On hold");
    case Stage::Dropped: return tr("Dropped");
    }
    return QString();
}

QString Names::stageCode(Stage s)
{
    return QString::fromLatin1(stageCodes[int(s)]);
}

bool Names::stageFromCode(const QString &code, Stage *out)
{
    for (int i = 0; i < StageCount; ++i) {
        if (code == QLatin1String(stageCodes[i])) {
            *out = Stage(i);
            return true;
        }
    }
    return false;
}

bool Names::stageFromText(const QString &text, Stage *out)
{
    QString t = text.trimmed();
    if (stageFromCode(t.toLower(), out))
        return true;
    // As ledgers write a stage: 已签约, 洽谈中, 正在洽谈, 签约阶段, 建设中 (待签约 and 拟签约 are still in talks).
    if (t == u"待签约" || t == u"拟签约" || t == u"意向签约")
        t = QStringLiteral("在谈");
    for (const char16_t *head : {u"已经", u"已", u"正在"}) {
        if (t.size() > 2 && t.startsWith(QStringView(head))) {
            t = t.mid(QStringView(head).size());
            break;
        }
    }
    for (const char16_t *tail : {u"阶段", u"中"}) {
        if (t.size() > 2 && t.endsWith(QStringView(tail))) {
            t.chop(QStringView(tail).size());
            break;
        }
    }
    struct Alias { const char16_t *word; Stage stage; };
    static const Alias aliases[] = {
        {u"线索", Stage::Lead},        {u"储备", Stage::Lead},
        {u"在谈", Stage::Negotiating}, {u"洽谈", Stage::Negotiating}, {u"谈判", Stage::Negotiating},
        {u"签约", Stage::Signed},      {u"已签约", Stage::Signed},
        {u"注册", Stage::Registered},  {u"已注册", Stage::Registered}, {u"落地", Stage::Registered},
        {u"开工", Stage::Started},     {u"在建", Stage::Started},     {u"已开工", Stage::Started},
        {u"建设", Stage::Started},     {u"动工", Stage::Started},     {u"开工建设", Stage::Started},
        {u"投产", Stage::Operating},   {u"竣工投产", Stage::Operating}, {u"运营", Stage::Operating},
        {u"竣工", Stage::Operating},   {u"试生产", Stage::Operating}, {u"投运", Stage::Operating},
        {u"意向", Stage::Lead},        {u"对接", Stage::Lead},
        {u"搁置", Stage::OnHold},      {u"暂停", Stage::OnHold},      {u"暂缓", Stage::OnHold},
        {u"终止", Stage::Dropped},     {u"放弃", Stage::Dropped},     {u"取消", Stage::Dropped},
    };
    for (const Alias &a : aliases) {
        if (t == QStringView(a.word)) {
            *out = a.stage;
            return true;
        }
    }
    for (int i = 0; i < StageCount; ++i) {
        if (t.compare(stage(Stage(i)), Qt::CaseInsensitive) == 0) {
            *out = Stage(i);
            return true;
        }
    }
    return false;
}

QString Names::projectType(ProjectType t)
{
    switch (t) {
    case ProjectType::New: return tr("New");
    case ProjectType::CapitalIncrease: return tr("Capital increase");
    case ProjectType::Relocation: return tr("Relocation");
    }
    return QString();
}

QString Names::projectTypeCode(ProjectType t)
{
    return QString::fromLatin1(typeCodes[int(t)]);
}

bool Names::projectTypeFromCode(const QString &code, ProjectType *out)
{
    for (int i = 0; i < ProjectTypeCount; ++i) {
        if (code == QLatin1String(typeCodes[i])) {
            *out = ProjectType(i);
            return true;
        }
    }
    return false;
}

bool Names::projectTypeFromText(const QString &input, ProjectType *out)
{
    const QString t = input.trimmed().toLower();
    if (projectTypeFromCode(t, out))
        return true;
    if (t.contains(QStringLiteral("增资")) || t.contains(QStringLiteral("扩产")) || t.contains(QLatin1String("capital"))) {
        *out = ProjectType::CapitalIncrease;
        return true;
    }
    if (t.contains(QStringLiteral("搬迁")) || t.contains(QStringLiteral("迁建")) || t.contains(QLatin1String("relocat"))) {
        *out = ProjectType::Relocation;
        return true;
    }
    if (t.contains(QStringLiteral("新")) || t == QLatin1String("new")) {
        *out = ProjectType::New;
        return true;
    }
    for (int i = 0; i < ProjectTypeCount; ++i) {
        if (t == projectType(ProjectType(i)).toLower()) {
            *out = ProjectType(i);
            return true;
        }
    }
    return false;
}

QString Names::unitKind(UnitKind k)
{
    switch (k) {
    case UnitKind::City: return tr("City");
    case UnitKind::District: return tr("District");
    case UnitKind::County: return tr("County");
    case UnitKind::Zone: return tr("Development zone");
    case UnitKind::Town: return tr("Town");
    case UnitKind::Street: return tr("Street");
    case UnitKind::Department: return tr("Department");
    }
    return QString();
}

QString Names::unitKindCode(UnitKind k)
{
    return QString::fromLatin1(unitKindCodes[int(k)]);
}

bool Names::unitKindFromCode(const QString &code, UnitKind *out)
{
    for (int i = 0; i < UnitKindCount; ++i) {
        if (code == QLatin1String(unitKindCodes[i])) {
            *out = UnitKind(i);
            return true;
        }
    }
    return false;
}

QStringList Project::validate() const
{
    QStringList errors;
    if (name.trimmed().isEmpty())
        errors << Names::tr("The project needs a name.");
    if (unitId <= 0)
        errors << Names::tr("The project needs a responsible unit.");
    const Yuan amounts[] = {plannedInvestment, signedInvestment, addedInvestment, fundsInPlace, expectedOutput, expectedTax};
    for (Yuan a : amounts) {
        if (a < 0) {
            errors << Names::tr("Investment, funds, output and tax cannot be negative.");
            break;
        }
    }
    const QPair<ProjectField, const QString *> texts[] = {
        {ProjectField::Code, &code}, {ProjectField::Name, &name}, {ProjectField::Investor, &investor},
        {ProjectField::Industry, &industry}, {ProjectField::IndustryChain, &industryChain},
        {ProjectField::SourceChannel, &sourceChannel}, {ProjectField::LeadOfficer, &leadOfficer},
        {ProjectField::Notes, &notes}};
    for (const auto &[field, text] : texts) {
        const qsizetype at = firstControlCharacter(*text);
        if (at >= 0)
            errors << Names::tr("%1 contains a control character (%2) that cannot be stored; remove it.")
                          .arg(fieldName(field), codePointName(*text, at));
    }
    // Stage dates must follow the pipeline order.
    QDate previous;
    Stage previousStage = Stage::Lead;
    for (int s = int(Stage::Lead); s <= int(Stage::Operating); ++s) {
        const QDate d = stageDates.value(Stage(s));
        if (!d.isValid())
            continue;
        if (previous.isValid() && d < previous) {
            errors << Names::tr("The %1 date (%2) is before the %3 date (%4).")
                          .arg(Names::stage(Stage(s)), d.toString(Qt::ISODate),
                               Names::stage(previousStage), previous.toString(Qt::ISODate));
        }
        previous = d;
        previousStage = Stage(s);
    }
    return errors;
}

qsizetype firstControlCharacter(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isControlCharacter(text.at(i).unicode()))
            return i;
    }
    return -1;
}

QString codePointName(const QString &text, qsizetype i)
{
    return QStringLiteral("U+%1").arg(uint(text.at(i).unicode()), 4, 16, QLatin1Char('0')).toUpper();
}

QString fieldName(ProjectField f)
{
    switch (f) {
    case ProjectField::Code: return Names::tr("Code");
    case ProjectField::Name: return Names::tr("Project");
    case ProjectField::Investor: return Names::tr("Investor");
    case ProjectField::Unit: return Names::tr("Responsible unit");
    case ProjectField::Stage: return Names::tr("Stage");
    case ProjectField::Type: return Names::tr("Type");
    case ProjectField::Industry: return Names::tr("Industry");
    case ProjectField::IndustryChain: return Names::tr("Industry chain");
    case ProjectField::PlannedInvestment: return Names::tr("Planned investment");
    case ProjectField::SignedInvestment: return Names::tr("Signed investment");
    case ProjectField::AddedInvestment: return Names::tr("Added investment");
    case ProjectField::FundsInPlace: return Names::tr("Funds in place");
    case ProjectField::ExpectedOutput: return Names::tr("Expected annual output");
    case ProjectField::ExpectedTax: return Names::tr("Expected annual tax");
    case ProjectField::Manufacturing: return Names::tr("Manufacturing");
    case ProjectField::SourceChannel: return Names::tr("Source channel");
    case ProjectField::LeadOfficer: return Names::tr("Lead officer");
    case ProjectField::SignedDate: return Names::tr("Signed on");
    case ProjectField::StartedDate: return Names::tr("Started on");
    case ProjectField::Notes: return Names::tr("Notes");
    case ProjectField::Count: break;
    }
    return QString();
}

QString fieldColumn(ProjectField f)
{
    switch (f) {
    case ProjectField::Code: return QStringLiteral("code");
    case ProjectField::Name: return QStringLiteral("name");
    case ProjectField::Investor: return QStringLiteral("investor");
    case ProjectField::Unit: return QStringLiteral("unit_id");
    case ProjectField::Stage: return QStringLiteral("stage");
    case ProjectField::Type: return QStringLiteral("project_type");
    case ProjectField::Industry: return QStringLiteral("industry");
    case ProjectField::IndustryChain: return QStringLiteral("industry_chain");
    case ProjectField::PlannedInvestment: return QStringLiteral("planned_investment");
    case ProjectField::SignedInvestment: return QStringLiteral("signed_investment");
    case ProjectField::AddedInvestment: return QStringLiteral("added_investment");
    case ProjectField::FundsInPlace: return QStringLiteral("funds_in_place");
    case ProjectField::ExpectedOutput: return QStringLiteral("expected_output");
    case ProjectField::ExpectedTax: return QStringLiteral("expected_tax");
    case ProjectField::Manufacturing: return QStringLiteral("manufacturing");
    case ProjectField::SourceChannel: return QStringLiteral("source_channel");
    case ProjectField::LeadOfficer: return QStringLiteral("lead_officer");
    case ProjectField::Notes: return QStringLiteral("notes");
    case ProjectField::SignedDate:
    case ProjectField::StartedDate:
    case ProjectField::Count: break;
    }
    return QString();
}

QString fieldKey(ProjectField f)
{
    switch (f) {
    case ProjectField::SignedDate: return QStringLiteral("signed_date");
    case ProjectField::StartedDate: return QStringLiteral("started_date");
    default: return fieldColumn(f);
    }
}

bool isMoneyField(ProjectField f)
{
    return f == ProjectField::PlannedInvestment || f == ProjectField::SignedInvestment || f == ProjectField::AddedInvestment
        || f == ProjectField::FundsInPlace || f == ProjectField::ExpectedOutput
        || f == ProjectField::ExpectedTax;
}

bool isDateField(ProjectField f)
{
    return f == ProjectField::SignedDate || f == ProjectField::StartedDate;
}

Stage dateFieldStage(ProjectField f)
{
    return f == ProjectField::StartedDate ? Stage::Started : Stage::Signed;
}

QVariant projectValue(const Project &p, ProjectField f)
{
    switch (f) {
    case ProjectField::Code: return p.code;
    case ProjectField::Name: return p.name;
    case ProjectField::Investor: return p.investor;
    case ProjectField::Unit: return p.unitId;
    case ProjectField::Stage: return int(p.stage);
    case ProjectField::Type: return int(p.type);
    case ProjectField::Industry: return p.industry;
    case ProjectField::IndustryChain: return p.industryChain;
    case ProjectField::PlannedInvestment: return p.plannedInvestment;
    case ProjectField::SignedInvestment: return p.signedInvestment;
    case ProjectField::AddedInvestment: return p.addedInvestment;
    case ProjectField::FundsInPlace: return p.fundsInPlace;
    case ProjectField::ExpectedOutput: return p.expectedOutput;
    case ProjectField::ExpectedTax: return p.expectedTax;
    case ProjectField::Manufacturing: return p.manufacturing;
    case ProjectField::SourceChannel: return p.sourceChannel;
    case ProjectField::LeadOfficer: return p.leadOfficer;
    case ProjectField::Notes: return p.notes;
    case ProjectField::SignedDate:
    case ProjectField::StartedDate: {
        const QDate d = p.stageDates.value(dateFieldStage(f));
        return d.isValid() ? QVariant(d) : QVariant(QMetaType::fromType<QDate>());
    }
    case ProjectField::Count: break;
    }
    return QVariant();
}

ProjectMerge mergeProjects(const Project &base, const Project &mine, const Project &theirs)
{
    ProjectMerge m;
    m.merged = theirs;
    for (int i = 0; i < int(ProjectField::Count); ++i) {
        const auto f = ProjectField(i);
        const QVariant b = projectValue(base, f), me = projectValue(mine, f), them = projectValue(theirs, f);
        if (me == b || me == them)
            continue; // not mine to change, or the same change
        setProjectValue(m.merged, f, me);
        if (them != b)
            m.conflicts << f;
    }
    // The dates of the stages that are not fields of their own follow the same rule.
    QSet<Stage> stages;
    for (const auto *dates : {&base.stageDates, &mine.stageDates, &theirs.stageDates}) {
        for (auto it = dates->cbegin(); it != dates->cend(); ++it)
            stages.insert(it.key());
    }
    for (Stage s : std::as_const(stages)) {
        if (s == Stage::Signed || s == Stage::Started)
            continue;
        const QDate b = base.stageDates.value(s), me = mine.stageDates.value(s);
        if (me == b)
            continue;
        if (me.isValid())
            m.merged.stageDates.insert(s, me);
        else
            m.merged.stageDates.remove(s);
    }
    m.merged.id = theirs.id;
    m.merged.version = theirs.version;
    return m;
}

void setProjectValue(Project &p, ProjectField f, const QVariant &v)
{
    switch (f) {
    case ProjectField::Code: p.code = v.toString(); break;
    case ProjectField::Name: p.name = v.toString(); break;
    case ProjectField::Investor: p.investor = v.toString(); break;
    case ProjectField::Unit: p.unitId = v.toLongLong(); break;
    case ProjectField::Stage: p.stage = Stage(v.toInt()); break;
    case ProjectField::Type: p.type = ProjectType(v.toInt()); break;
    case ProjectField::Industry: p.industry = v.toString(); break;
    case ProjectField::IndustryChain: p.industryChain = v.toString(); break;
    case ProjectField::PlannedInvestment: p.plannedInvestment = v.toLongLong(); break;
    case ProjectField::SignedInvestment: p.signedInvestment = v.toLongLong(); break;
    case ProjectField::AddedInvestment: p.addedInvestment = v.toLongLong(); break;
    case ProjectField::FundsInPlace: p.fundsInPlace = v.toLongLong(); break;
    case ProjectField::ExpectedOutput: p.expectedOutput = v.toLongLong(); break;
    case ProjectField::ExpectedTax: p.expectedTax = v.toLongLong(); break;
    case ProjectField::Manufacturing: p.manufacturing = v.toBool(); break;
    case ProjectField::SourceChannel: p.sourceChannel = v.toString(); break;
    case ProjectField::LeadOfficer: p.leadOfficer = v.toString(); break;
    case ProjectField::Notes: p.notes = v.toString(); break;
    case ProjectField::SignedDate:
    case ProjectField::StartedDate: {
        const QDate d = v.toDate();
        if (d.isValid())
            p.stageDates.insert(dateFieldStage(f), d);
        else
            p.stageDates.remove(dateFieldStage(f));
        break;
    }
    case ProjectField::Count: break;
    }
}

} // namespace IPDesk
