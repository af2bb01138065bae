#include "tables/tableimport.h"

#include "base/datetext.h"

#include <xlsxwriter.h>
#include "desk/deskcommand.h"
#include "desk/desk.h"

#include "desk/factstore.h"
#include "base/metrics.h"
#include "reports/reportimporter.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringEncoder>


#include <charconv>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace IPDesk {

TableImporter::TableImporter(Desk *desk)
    : m_desk(desk)
    , m_store(desk->projects())
{
}

namespace {

struct FieldDef
{
    const char *id;
    const char *name; // English, translated through TableImporter::tr
    const char16_t *headers; // | separated, Chinese and English, normalized (lower case, no spaces)
};

const FieldDef projectFields[] = {
    {"code", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Code"), u"项目编号|编号|项目代码|序号编码|code|projectcode"},
    {"name", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Project"), u"项目名称|项目|名称|project|projectname|name"},
    {"investor", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Investor"), u"投资方|投资主体|投资企业|签约企业|企业名称|investor|company"},
    {"unit", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Responsible unit"), u"所属区县|责任单位|所属单位|招商单位|区县|镇街|乡镇|镇街道|属地|所在地|落户地|招商主体|牵头单位|单位|responsibleunit|unit|district"},
    {"stage", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Stage"), u"阶段|进度|项目进度|项目阶段|项目状态|状态|stage|status"},
    {"type", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Type"), u"项目类型|类型|type"},
    {"industry", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Industry"), u"所属产业|产业|行业|industry"},
    {"industry_chain", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Industry chain"), u"产业链|industrychain|chain"},
    {"planned_investment", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Planned investment"), u"计划总投资|总投资|投资总额|投资额|plannedinvestment|investment"},
    {"signed_investment", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Signed investment"), u"签约额|签约金额|签约投资|合同投资|协议投资|signedinvestment"},
    {"added_investment", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Added investment"), u"新增投资|新增投资额|增资额|增资金额|addedinvestment"},
    {"funds_in_place", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Funds in place"), u"到位资金|实际到位|资金到位|fundsinplace"},
    {"expected_output", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Expected annual output"), u"预计年产值|达产产值|年产值|预计产值|营收|expectedannualoutput|expectedoutput|output"},
    {"expected_tax", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Expected annual tax"), u"预计年税收|年纳税|年税收|税收|expectedannualtax|expectedtax|tax"},
    {"manufacturing", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Manufacturing"), u"是否制造业|制造业|manufacturing"},
    {"source_channel", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Source channel"), u"来源渠道|招商方式|来源|sourcechannel|channel"},
    {"lead_officer", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Lead officer"), u"责任人|负责人|联系人|leadofficer|officer"},
    {"notes", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Notes"), u"备注|说明|notes|remarks"},
    {"lead_date", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Lead on"), u"线索时间|录入时间|leadon"},
    {"negotiating_date", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Negotiating since"), u"洽谈时间|在谈时间|negotiatingsince"},
    {"signed_date", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Signed on"), u"签约时间|签约日期|signedon|signeddate"},
    {"registered_date", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Registered on"), u"注册时间|注册日期|registeredon"},
    {"started_date", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Started on"), u"开工时间|开工日期|startedon|starteddate"},
    {"operating_date", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Operating since"), u"投产时间|投产日期|operatingsince"},
};

const FieldDef targetFields[] = {
    {"unit", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Unit"), u"单位|责任单位|区县|unit|district"},
    {"year", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Year"), u"年度|年份|year"},
    {"metric", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Metric"), u"指标|metric"},
    {"value", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Target"), u"目标值|目标|任务|value|target"},
    {"qualifier", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Qualifier"), u"限定|qualifier"},
};

const FieldDef factFields[] = {
    {"unit", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Unit"), u"单位|区县|unit|district"},
    {"year", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Year"), u"年度|年份|year"},
    {"span", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Period"), u"时段|期间|span|period"},
    {"metric", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Metric"), u"指标|metric"},
    {"value", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Value"), u"数值|完成值|value"},
    {"qualifier", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Qualifier"), u"限定|qualifier"},
    {"kind", QT_TRANSLATE_NOOP("IPDesk::TableImporter", "Target / actual"), u"类别|kind"},
};

QList<const FieldDef *> defs(TableKind kind)
{
    QList<const FieldDef *> out;
    if (kind == TableKind::Projects)
        for (const FieldDef &f : projectFields) out << &f;
    else if (kind == TableKind::Targets)
        for (const FieldDef &f : targetFields) out << &f;
    else
        for (const FieldDef &f : factFields) out << &f;
    return out;
}

/// Lower case, no spaces, full-width folded, and the unit in brackets taken off: 投资额(万元) → 投资额.
QString normalizeHeader(const QString &header, MoneyUnit *unit)
{
    QString h = Money::normalizeDigits(header).toLower();
    h.remove(QLatin1Char(' '));
    h.remove(QLatin1Char('\n'));
    static const QRegularExpression bracket(QStringLiteral("[(\\[（【](.*?)[)\\]）】]"));
    const auto m = bracket.match(h);
    const QString inside = m.hasMatch() ? m.captured(1) : QString();
    if (unit) {
        if (inside.contains(QStringLiteral("万")) || h.contains(QStringLiteral("万元")) || inside.startsWith(QLatin1String("10k")))
            *unit = MoneyUnit::Wan;
        else if (inside.contains(QStringLiteral("亿")) || h.contains(QStringLiteral("亿元")) || inside.startsWith(QLatin1String("100m")))
            *unit = MoneyUnit::Yi;
    }
    h.remove(bracket);
    h.remove(QStringLiteral("万元")).remove(QStringLiteral("亿元"));
    h.remove(QLatin1Char('*'));
    return h;
}

/// The text with its control characters shown as symbols (U+2400.., else U+FFFD), for the problem list.
QString visibleControls(QString text)
{
    for (QChar &ch : text) {
        const char16_t c = ch.unicode();
        if (isControlCharacter(c))
            ch = c < 0x20 ? QChar(char16_t(0x2400 + c)) : QChar(0xFFFD);
    }
    return text;
}

QString cellText(const QVariant &v)
{
    if (v.userType() == QMetaType::QDate)
        return v.toDate().toString(Qt::ISODate);
    if (v.userType() == QMetaType::Double)
        return QString::number(v.toDouble(), 'g', 15);
    return v.toString().trimmed();
}

/// A cell of plain ASCII digits with at most one point, the common case by far, read without the
/// general path's copies (std::from_chars rounds as strtod does); anything else is std::nullopt.
std::optional<double> plainNumber(QStringView t)
{
    char digits[32];
    if (t.isEmpty() || t.size() > qsizetype(sizeof digits))
        return std::nullopt;
    int points = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const char16_t c = t[i].unicode();
        if (c == u'.' ? ++points > 1 : (c < u'0' || c > u'9'))
            return std::nullopt;
        digits[i] = char(c);
    }
    double v = 0;
    const auto [end, error] = std::from_chars(digits, digits + t.size(), v);
    if (error != std::errc() || end != digits + t.size())
        return std::nullopt;
    return v;
}

/// 2023-5-1, 2023/05/01 or 2023.5.1 (one separator twice), a real day: the form most files use, read
/// without the general parser. Anything else, a day that does not exist too, is std::nullopt.
std::optional<QDate> plainDate(QStringView t)
{
    auto number = [&t](qsizetype from, qsizetype to, int *out) {
        *out = 0;
        for (qsizetype i = from; i < to; ++i) {
            if (t[i] < u'0' || t[i] > u'9')
                return false;
            *out = *out * 10 + (t[i].unicode() - u'0');
        }
        return to > from;
    };
    if (t.size() < 8 || t.size() > 10)
        return std::nullopt;
    const QChar separator = t[4];
    if (separator != u'-' && separator != u'/' && separator != u'.')
        return std::nullopt;
    const qsizetype second = t.indexOf(separator, 5);
    int y = 0, m = 0, d = 0;
    if (second < 6 || second > 7 || t.size() - second > 3 || !number(0, 4, &y) || !number(5, second, &m)
        || !number(second + 1, t.size(), &d))
        return std::nullopt;
    const QDate date(y, m, d);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

} // namespace

QString TableImporter::kindCode(TableKind k)
{
    return k == TableKind::Projects ? QStringLiteral("projects") : k == TableKind::Targets ? QStringLiteral("targets") : QStringLiteral("facts");
}

bool TableImporter::kindFromCode(const QString &code, TableKind *out)
{
    for (TableKind k : {TableKind::Projects, TableKind::Targets, TableKind::Facts}) {
        if (kindCode(k) == code) {
            *out = k;
            return true;
        }
    }
    return false;
}

Status TableImporter::rowStatus(int fileRow, const Status &st)
{
    // A lock, a refusal or a lost connection is about the desk, not the row being written.
    if (st.code() == Status::Code::Busy || st.code() == Status::Code::Offline || st.code() == Status::Code::Denied
        || st.code() == Status::Code::Damaged)
        return st;
    return Status::error(tr("Row %1: %2").arg(fileRow).arg(st.message()), st.code());
}

QString TableImporter::columnLabel(int column, const char *field) const
{
    // The file's own header; for a field the file has no column of, its name in the user's language.
    const QString header = m_headers.value(column);
    if (!header.isEmpty())
        return header;
    for (const FieldDef *f : defs(m_mapping.kind)) {
        if (qstrcmp(f->id, field) == 0)
            return tr(f->name);
    }
    return QLatin1String(field);
}

QList<QPair<QString, QString>> TableImporter::fields(TableKind kind)
{
    QList<QPair<QString, QString>> out;
    for (const FieldDef *f : defs(kind))
        out.append({QLatin1String(f->id), tr(f->name)});
    return out;
}

QJsonObject ColumnMapping::toJson(const QStringList &headers) const
{
    QJsonObject cols;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        cols.insert(it.key(), headers.value(it.value()));
    return QJsonObject{{QStringLiteral("kind"), TableImporter::kindCode(kind)},
                       {QStringLiteral("sheet"), sheet},
                       {QStringLiteral("header_row"), headerRow + 1},
                       {QStringLiteral("default_money_unit"), defaultMoneyUnit == MoneyUnit::Yi ? QStringLiteral("yi") : QStringLiteral("wan")},
                       {QStringLiteral("columns"), cols}};
}

ColumnMapping ColumnMapping::fromJson(const QJsonObject &o, const QStringList &headers, QString *error)
{
    ColumnMapping m;
    TableImporter::kindFromCode(o.value(QLatin1String("kind")).toString(QStringLiteral("projects")), &m.kind);
    m.sheet = o.value(QLatin1String("sheet")).toInt();
    m.headerRow = std::max(0, o.value(QLatin1String("header_row")).toInt(1) - 1);
    m.defaultMoneyUnit = o.value(QLatin1String("default_money_unit")).toString() == QLatin1String("yi") ? MoneyUnit::Yi : MoneyUnit::Wan;
    const QJsonObject cols = o.value(QLatin1String("columns")).toObject();
    for (auto it = cols.begin(); it != cols.end(); ++it) {
        const QString header = it.value().toString();
        int col = int(headers.indexOf(header));
        if (col < 0) {
            bool isNumber = false;
            col = header.toInt(&isNumber) - 1;
            if (!isNumber || col < 0) {
                if (error)
                    *error = TableImporter::tr("The mapping names a column \"%1\" that the file does not have.").arg(header);
                continue;
            }
        }
        m.columns.insert(it.key(), col);
        MoneyUnit u = m.defaultMoneyUnit;
        normalizeHeader(headers.value(col), &u);
        m.money.insert(it.key(), u);
    }
    return m;
}

Status TableImporter::reopen()
{
    Status s;
    m_source = TableSource::open(m_path, &s);
    if (!s)
        return s;
    if (m_mapping.sheet > 0) {
        s = m_source->selectSheet(m_mapping.sheet);
        if (!s)
            return s;
    }
    return Status();
}

Status TableImporter::open(const QString &path, TableKind kind, int sheet)
{
    m_path = path;
    m_mapping = ColumnMapping();
    m_columnCache.clear();
    m_mapping.kind = kind;
    m_mapping.sheet = sheet;
    Status s = reopen();
    if (!s)
        return s;
    // The header row: of the first rows, the one that names the most fields (a title row may sit above).
    QList<QVariantList> head;
    QVariantList row;
    while (head.size() < 30 && m_source->next(&row))
        head << row;
    if (!m_source->status())
        return m_source->status();
    if (head.isEmpty())
        return Status::error(tr("%1 has no rows.").arg(QFileInfo(path).fileName()));
    int bestRow = 0, bestScore = -1;
    for (int r = 0; r < std::min<qsizetype>(10, head.size()); ++r) {
        int score = 0;
        for (const QVariant &cell : head.at(r)) {
            const QString h = normalizeHeader(cellText(cell), nullptr);
            if (h.isEmpty())
                continue;
            for (const FieldDef *f : defs(kind)) {
                for (const QString &syn : QString::fromUtf16(f->headers).split(QLatin1Char('|'))) {
                    if (h == syn || (syn.size() >= 2 && h.startsWith(syn))) {
                        ++score;
                        goto nextCell;
                    }
                }
            }
        nextCell:;
        }
        if (score > bestScore) {
            bestScore = score;
            bestRow = r;
        }
    }
    m_mapping.headerRow = bestRow;
    m_headers.clear();
    for (const QVariant &cell : head.at(bestRow))
        m_headers << cellText(cell);
    m_sample = head.mid(bestRow + 1, 20);
    guessMapping();
    return Status();
}

void TableImporter::guessMapping()
{
    m_mapping.columns.clear();
    m_mapping.money.clear();
    // Exact names first, then names that begin with a field's name, then names that end with the name
    // of a field of words (所属镇街, 招商项目名称, 当前项目进度; not 本年完成投资额, which is no total).
    static const QStringList byEnding = {QStringLiteral("name"), QStringLiteral("investor"), QStringLiteral("unit"), QStringLiteral("stage")};
    for (int pass = 0; pass < 3; ++pass) {
        for (int c = 0; c < m_headers.size(); ++c) {
            MoneyUnit unit = m_mapping.defaultMoneyUnit;
            const QString h = normalizeHeader(m_headers.at(c), &unit);
            if (h.isEmpty() || std::find(m_mapping.columns.cbegin(), m_mapping.columns.cend(), c) != m_mapping.columns.cend())
                continue;
            for (const FieldDef *f : defs(m_mapping.kind)) {
                const QString id = QLatin1String(f->id);
                if (m_mapping.columns.contains(id) || (pass == 2 && !byEnding.contains(id)))
                    continue;
                bool hit = false;
                for (const QString &syn : QString::fromUtf16(f->headers).split(QLatin1Char('|'))) {
                    // (by its ending, a name of three characters or more, or a town's column: 签约项目 is no 项目)
                    const bool ending = syn.size() >= 3 || syn == u"镇街" || syn == u"乡镇" || syn == u"属地";
                    hit = hit || (pass == 0 ? h == syn : syn.size() >= 2 && (pass == 1 ? h.startsWith(syn) : ending && h.endsWith(syn)));
                }
                if (hit) {
                    m_mapping.columns.insert(id, c);
                    m_mapping.money.insert(id, unit);
                    break;
                }
            }
        }
    }
}

std::optional<double> TableImporter::parseNumber(const QVariant &cell, QString *why)
{
    if (cell.userType() == QMetaType::Double)
        return cell.toDouble();
    if (cell.userType() == QMetaType::QString) {
        const QString text = cell.toString();
        if (const auto v = plainNumber(QStringView(text).trimmed()))
            return v;
    }
    QString t = Money::normalizeDigits(cellText(cell));
    t.remove(QLatin1Char(' '));
    if (t.isEmpty())
        return std::nullopt;
    // 1,500 and 12,345,678 are thousands; 1,5 is a decimal comma we will not guess at.
    static const QRegularExpression thousands(QStringLiteral("^-?\\d{1,3}(,\\d{3})+(\\.\\d+)?$"));
    if (t.contains(QLatin1Char(','))) {
        if (!thousands.match(t).hasMatch()) {
            if (why)
                *why = tr("\"%1\" is not a clear number: write 1.5 for one and a half (or 1,500 with thousands).").arg(t);
            return std::nullopt;
        }
        t.remove(QLatin1Char(','));
    }
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        if (why)
            *why = tr("\"%1\" is not a number.").arg(t);
        return std::nullopt;
    }
    return v;
}

std::optional<QDate> TableImporter::parseDate(const QVariant &cell, QString *why)
{
    if (cell.userType() == QMetaType::QDate)
        return cell.toDate();
    if (cell.userType() == QMetaType::Double) {
        const double v = cell.toDouble();
        if (v > 20000 && v < 80000)
            return XlsxSource::serialToDate(v);
    }
    if (cell.userType() == QMetaType::QString) {
        const QString text = cell.toString();
        if (const auto d = plainDate(QStringView(text).trimmed()))
            return d;
    }
    const QString t = Money::normalizeDigits(cellText(cell)).remove(QLatin1Char(' '));
    if (t.isEmpty())
        return std::nullopt;
    if (const auto d = DateText::parse(t, 0, true))
        return d;
    static const QRegularExpression serial(QStringLiteral("^\\d{5}(\\.\\d+)?$"));
    if (serial.match(t).hasMatch()) {
        const double v = t.toDouble();
        if (v > 20000 && v < 80000)
            return XlsxSource::serialToDate(v);
    }
    if (why)
        *why = tr("\"%1\" is not a date with a year: write 2023-05-01, 2023/5/1 or 2023年5月1日.").arg(t);
    return std::nullopt;
}

std::optional<Yuan> TableImporter::parseMoney(const QVariant &cell, MoneyUnit headerUnit, QString *why)
{
    const QString t = cellText(cell);
    if (t.isEmpty())
        return Yuan(0);
    if (t.contains(u'亿') || t.contains(u'万')) {
        QString error;
        const auto v = Money::parse(t, headerUnit, &error);
        if (!v && why)
            *why = error;
        return v;
    }
    const auto n = parseNumber(cell, why);
    if (!n)
        return std::nullopt;
    if (*n < 0) {
        if (why)
            *why = tr("An amount cannot be negative.");
        return std::nullopt;
    }
    return Yuan(std::llround(*n * double(Money::factor(headerUnit))));
}

namespace {

QString noUnitWhy(const QString &unit)
{
    return unit.isEmpty() ? TableImporter::tr("No responsible unit.") : TableImporter::tr("No unit of this name in the desk.");
}

} // namespace

std::optional<QVariant> TableImporter::readProjectCell(ProjectField field, const QVariant &cell, const ProjectStore &store,
                                                       MoneyUnit moneyUnit, QString *why)
{
    const QString text = cellText(cell);
    auto refuse = [why](const QString &message) -> std::optional<QVariant> {
        if (why)
            *why = message;
        return std::nullopt;
    };
    if (isMoneyField(field)) {
        const auto v = parseMoney(cell, moneyUnit, why);
        return v ? std::optional<QVariant>(QVariant::fromValue<Yuan>(*v)) : std::nullopt;
    }
    if (isDateField(field)) {
        if (text.isEmpty())
            return QVariant(QMetaType::fromType<QDate>()); // the date taken away
        const auto d = parseDate(cell, why);
        return d ? std::optional<QVariant>(*d) : std::nullopt;
    }
    switch (field) {
    case ProjectField::Stage: {
        Stage st;
        if (!Names::stageFromText(text, &st))
            return refuse(tr("Not a stage: use 线索, 在谈, 签约, 注册, 开工, 投产, 搁置 or 终止."));
        return int(st);
    }
    case ProjectField::Type: {
        ProjectType type;
        if (!Names::projectTypeFromText(text, &type))
            return refuse(tr("Not a project type: use 新建, 增资扩产 or 搬迁."));
        return int(type);
    }
    case ProjectField::Unit: {
        const qint64 unit = ReportImporter::matchUnit(store, text);
        if (!unit)
            return refuse(noUnitWhy(text));
        return unit;
    }
    case ProjectField::Manufacturing: {
        static const QStringList yes = {QStringLiteral("是"), QStringLiteral("yes"), QStringLiteral("y"), QStringLiteral("1"), QStringLiteral("true"), QStringLiteral("√")};
        static const QStringList no = {QStringLiteral("否"), QStringLiteral("no"), QStringLiteral("n"), QStringLiteral("0"), QStringLiteral("false"), QStringLiteral("×"), QString()};
        const QString t = text.toLower();
        if (yes.contains(t))
            return true;
        if (no.contains(t))
            return false;
        return refuse(tr("Write 是 or 否."));
    }
    default:
        return text;
    }
}

int TableImporter::column(const char *field) const
{
    auto it = m_columnCache.constFind(field);
    if (it == m_columnCache.cend())
        it = m_columnCache.insert(field, m_mapping.columns.value(QLatin1String(field), -1));
    return it.value();
}

bool TableImporter::projectFromRow(const QVariantList &row, int fileRow, Project *p, QList<RowProblem> *problems) const
{
    const int before = int(problems->size());
    auto cell = [&](const char *field) -> QVariant {
        const int c = column(field);
        return c >= 0 && c < row.size() ? row.at(c) : QVariant();
    };
    auto problem = [&](const char *field, const QVariant &value, const QString &why) {
        const int c = column(field);
        problems->append(RowProblem{fileRow, columnLabel(c, field), cellText(value), why});
    };
    *p = Project();
    // A control character in any cell is named with its row and column; nothing of the row is read.
    for (auto it = m_mapping.columns.cbegin(); it != m_mapping.columns.cend(); ++it) {
        const QVariant v = it.value() < row.size() ? row.at(it.value()) : QVariant();
        if (v.userType() != QMetaType::QString)
            continue;
        const QString text = v.toString();
        const qsizetype at = firstControlCharacter(text);
        if (at >= 0)
            problems->append(RowProblem{fileRow, columnLabel(it.value(), it.key().toLatin1().constData()), visibleControls(text),
                                        tr("Contains a control character (%1) that cannot be stored.").arg(codePointName(text, at))});
    }
    if (problems->size() > before)
        return false;
    p->code = cellText(cell("code"));
    p->name = cellText(cell("name"));
    if (p->name.isEmpty())
        problem("name", QVariant(), tr("The project has no name."));
    const QString unit = cellText(cell("unit"));
    auto cached = m_unitCache.constFind(unit);
    if (cached == m_unitCache.cend())
        cached = m_unitCache.insert(unit, ReportImporter::matchUnit(*m_store, unit));
    p->unitId = cached.value();
    if (!p->unitId)
        problem("unit", unit, noUnitWhy(unit));
    // The other cells as readProjectCell() reads them (a paste too); empty cells keep the defaults.
    auto read = [&](const char *field, ProjectField f) {
        const QVariant c = cell(field);
        if (cellText(c).isEmpty())
            return;
        QString why;
        const auto v = readProjectCell(f, c, *m_store, m_mapping.money.value(QLatin1String(field), m_mapping.defaultMoneyUnit), &why);
        if (!v)
            problem(field, c, why);
        else
            setProjectValue(*p, f, *v);
    };
    const QString stage = cellText(cell("stage"));
    read("stage", ProjectField::Stage);
    read("type", ProjectField::Type);
    p->investor = cellText(cell("investor"));
    p->industry = cellText(cell("industry"));
    p->industryChain = cellText(cell("industry_chain"));
    p->sourceChannel = cellText(cell("source_channel"));
    p->leadOfficer = cellText(cell("lead_officer"));
    p->notes = cellText(cell("notes"));
    read("manufacturing", ProjectField::Manufacturing);
    // Literal names: column() keeps its answers by the name's address.
    const QPair<const char *, ProjectField> money[] = {
        {"planned_investment", ProjectField::PlannedInvestment}, {"signed_investment", ProjectField::SignedInvestment},
        {"added_investment", ProjectField::AddedInvestment}, {"funds_in_place", ProjectField::FundsInPlace},
        {"expected_output", ProjectField::ExpectedOutput}, {"expected_tax", ProjectField::ExpectedTax}};
    for (const auto &[field, moneyField] : money)
        read(field, moneyField);
    const QPair<const char *, Stage> dates[] = {{"lead_date", Stage::Lead}, {"negotiating_date", Stage::Negotiating},
                                                {"signed_date", Stage::Signed}, {"registered_date", Stage::Registered},
                                                {"started_date", Stage::Started}, {"operating_date", Stage::Operating}};
    for (const auto &[field, st] : dates) {
        const QVariant c = cell(field);
        if (cellText(c).isEmpty())
            continue;
        QString why;
        const auto d = parseDate(c, &why);
        if (!d)
            problem(field, c, why);
        else
            p->stageDates.insert(st, *d);
    }
    // The stage reached follows the dates when no stage is given.
    if (stage.isEmpty()) {
        for (int s = int(Stage::Operating); s >= 0; --s) {
            if (p->stageDates.contains(Stage(s))) {
                p->stage = Stage(s);
                break;
            }
        }
    }
    if (problems->size() == before) {
        for (const QString &e : p->validate())
            problems->append(RowProblem{fileRow, QString(), QString(), e});
    }
    return problems->size() == before;
}

ImportResult TableImporter::validate(const std::function<bool(double)> &progress)
{
    ImportResult r;
    process(false, &r, progress);
    return r;
}

namespace {

/// current with the field values and stage dates of values (its id and version kept): how an undo or
/// redo step writes over whatever version the desk holds now.
Project withValuesOf(const Project &current, const Project &values)
{
    Project p = current;
    for (int f = 0; f < int(ProjectField::Count); ++f)
        setProjectValue(p, ProjectField(f), projectValue(values, ProjectField(f)));
    p.stageDates = values.stageDates;
    return p;
}

/// A table import as one undo step: undo removes the projects, figures and targets it added and
/// puts back the projects and targets it changed; redo writes them again.
class ImportTableCommand : public DeskCommand
{
public:
    ImportTableCommand(Desk *desk, const QString &file, TableImportRecord record)
        : DeskCommand(desk)
        , m_record(std::move(record))
    {
        setText(TableImporter::tr("Import %1").arg(file));
    }

protected:
    Status apply(bool forward) override
    {
        ProjectStore *store = m_desk->projects();
        FactStore *facts = m_desk->facts();
        Transaction t(*m_desk->database());
        Status s;
        if (forward) {
            for (Project &p : m_record.added) {
                p.id = 0;
                if (s)
                    s = store->insertProject(p);
            }
        } else {
            QList<qint64> ids;
            for (const Project &p : std::as_const(m_record.added))
                ids << p.id;
            s = store->deleteProjects(ids);
        }
        for (const auto &[before, after] : std::as_const(m_record.updated)) {
            if (!s)
                break;
            const auto current = store->project(before.id, &s);
            if (!current)
                break;
            Project next = withValuesOf(*current, forward ? after : before);
            s = store->updateProject(next);
        }
        for (const auto &[before, after] : std::as_const(m_record.targets)) {
            if (!s)
                break;
            if (forward)
                s = facts->setTarget(after);
            else
                s = before ? facts->setTarget(*before) : facts->removeTarget(after.unitId, after.year, after.metric);
        }
        for (auto &[id, fact] : m_record.facts) {
            if (!s)
                break;
            if (forward)
                id = facts->insertFactWithId(fact, &s);
            else
                s = facts->removeFactById(id);
        }
        if (s)
            s = t.commit();
        m_desk->notify({DeskChange::Projects});
        m_desk->notify({DeskChange::Targets});
        return s;
    }

private:
    TableImportRecord m_record;
};

} // namespace

Status TableImporter::run(ImportResult *result, const std::function<bool(double)> &progress)
{
    m_record = TableImportRecord();
    m_recording = true;
    const Status s = process(true, result, progress);
    m_recording = false;
    result->undoable = s && m_record.size() <= TableImportRecord::MaxKept;
    if (s && m_record.size() > 0 && result->undoable)
        m_desk->pushApplied(new ImportTableCommand(m_desk, QFileInfo(m_path).fileName(), std::move(m_record)));
    else if (s && !result->undoable)
        m_desk->undoStack()->clear(); // the steps before it would now undo over it
    m_record = TableImportRecord();
    return s;
}

/// The rows of the file below its header, read on a thread of their own in batches: a project row
/// read into its project (projectFromRow), any other row as its cells. Blank rows are left out. At
/// most a few batches wait, so memory stays flat; the destructor stops the thread and waits for it.
class TableImporter::RowReader
{
public:
    struct Row
    {
        int fileRow = 0;
        bool ok = false;
        Project project;
        QList<RowProblem> problems;
        QVariantList cells; // for a target or a figure
    };
    struct Batch
    {
        QList<Row> rows;
        double progress = 0; // of the file, when the batch was read
    };

    explicit RowReader(const TableImporter *importer)
        : m_thread([this, importer] { read(importer); })
    {
    }
    ~RowReader()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_changed.notify_all();
        finish();
    }
    /// The next batch; false once every row has been taken.
    bool take(Batch *batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_batches.empty() || m_done; });
        if (m_batches.empty())
            return false;
        *batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return true;
    }
    /// Waits for the thread: the source and the caches are the caller's again.
    void finish()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void read(const TableImporter *importer)
    {
        const bool projects = importer->m_mapping.kind == TableKind::Projects;
        TableSource *source = importer->m_source.get();
        QVariantList cells;
        int fileRow = 0;
        while (fileRow <= importer->m_mapping.headerRow && source->next(&cells))
            ++fileRow;
        Batch batch;
        int read = 0;
        bool more = true;
        while (more) {
            more = source->next(&cells);
            if (more) {
                ++fileRow;
                ++read;
                bool blank = true;
                for (const QVariant &c : std::as_const(cells))
                    blank = blank && cellText(c).isEmpty();
                if (!blank) {
                    Row row;
                    row.fileRow = fileRow;
                    if (projects)
                        row.ok = importer->projectFromRow(cells, fileRow, &row.project, &row.problems);
                    else
                        row.cells = cells;
                    batch.rows.append(std::move(row));
                }
            }
            if (read >= 1000 || !more) {
                read = 0;
                batch.progress = source->progress();
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_batches.size() < 4 || m_stopped; });
                if (m_stopped)
                    break;
                m_batches.push_back(std::move(batch));
                batch = Batch();
                m_changed.notify_all();
            }
        }
        std::lock_guard lock(m_mutex);
        m_done = true;
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_batches;
    bool m_done = false;
    bool m_stopped = false;
    std::thread m_thread; // last: it starts once the members it uses are made
};

Status TableImporter::process(bool write, ImportResult *result, const std::function<bool(double)> &progress)
{
    *result = ImportResult();
    Status s = reopen();
    if (!s)
        return s;
    Database *db = m_desk->database();
    FactStore facts(db);
    std::unique_ptr<Transaction> tx;
    if (write)
        tx = std::make_unique<Transaction>(*db);

    // Projects already in the desk are found by code, or by name and unit, through the indexes, so
    // memory stays flat however long the file (rows of this file count too: they are in the desk).
    ProjectFinder finder(db);
    QHash<QString, QString> metricByName;
    for (const QString &m : Metrics::ids()) {
        metricByName.insert(m, m);
        metricByName.insert(Metrics::name(m), m);
    }

    std::unique_ptr<BulkProjectInserter> inserter;
    if (write && m_mapping.kind == TableKind::Projects)
        inserter = std::make_unique<BulkProjectInserter>(db);
    m_unitCache.clear();
    m_columnCache.clear();

    // The rows are read and checked on a thread of their own while this one writes the ones before:
    // the two halves of a long import take about as long each (bench_table). The reader owns the
    // source, the unit and column caches and projectFromRow() until it has finished.
    RowReader reader(this);
    bool sumsSuspended = false;
    // A file large beside the desk: its indexes are built once at the end rather than row by row.
    qint64 projectsBefore = -1;
    bool indexesSuspended = false;
    RowReader::Batch batch;
    while (reader.take(&batch)) {
        if (progress && !progress(batch.progress))
            return Status::error(tr("The import was cancelled; nothing was stored."));
        for (RowReader::Row &read : batch.rows) {
            const int fileRow = read.fileRow;
            QList<RowProblem> &problems = read.problems;
            if (m_mapping.kind == TableKind::Projects) {
                Project &p = read.project;
                if (!read.ok) {
                    ++result->skipped;
                    ++result->problemRows;
                    if (result->problems.size() < 1000)
                        result->problems << problems;
                    continue;
                }
                if (inserter && inserter->holds(p.code, p.name, p.unitId)) {
                    // The file names this project twice: the first row must be stored before the second updates it.
                    const Status st = inserter->flush();
                    if (!st)
                        return rowStatus(fileRow, st);
                }
                const qint64 existing = finder.find(p.code, p.name, p.unitId);
                if (!write) {
                    existing ? ++result->updated : ++result->added;
                    continue;
                }
                if (existing) {
                    Status st;
                    const auto old = m_store->project(existing, &st);
                    if (!old)
                        return st;
                    Project next = p;
                    next.id = existing;
                    next.version = old->version;
                    // Dates the file does not give stay as they were. A stage is reached once: a later date
                    // for it (an intent signed in spring, the formal contract in autumn, 升格) leaves the
                    // first, so that the project counts once, in the period it first reached the stage.
                    for (auto it = old->stageDates.cbegin(); it != old->stageDates.cend(); ++it) {
                        const QDate given = next.stageDates.value(it.key());
                        if (!given.isValid() || (it.value().isValid() && it.value() < given))
                            next.stageDates.insert(it.key(), it.value());
                    }
                    bool same = true;
                    for (int f = 0; f < int(ProjectField::Count); ++f)
                        same = same && projectValue(*old, ProjectField(f)) == projectValue(next, ProjectField(f));
                    same = same && old->stageDates == next.stageDates;
                    if (same) {
                        ++result->unchanged;
                        continue;
                    }
                    st = m_store->updateProject(next);
                    if (!st)
                        return rowStatus(fileRow, st);
                    ++result->updated;
                    if (m_recording && m_record.size() <= TableImportRecord::MaxKept)
                        m_record.updated.append({*old, next});
                    else
                        ++m_record.dropped;
                } else {
                    Status st = inserter->insert(p);
                    if (!st)
                        return rowStatus(fileRow, st);
                    ++result->added;
                    if (m_recording && m_record.size() <= TableImportRecord::MaxKept)
                        m_record.added.append(p);
                    else
                        ++m_record.dropped;
                }
                // A long file: the sums are counted once at the end rather than row by row, as soon as that
                // costs less: one row's triggers take about what counting 64 projects of the desk afresh
                // takes (0.3 ms against 5 µs a project, bench_table and bench_progress), and always beyond
                // 5,000 rows.
                const qint64 written = result->added + result->updated;
                if (!sumsSuspended && written >= 200 && projectsBefore < 0)
                    projectsBefore = m_store->projectCount() - result->added;
                if (!sumsSuspended && written >= 200 && written >= std::clamp<qint64>(projectsBefore / 64, 200, 5000)) {
                    Status st = db->suspendStageSums();
                    if (st)
                        st = db->suspendInsertAudit();
                    if (!st)
                        return st;
                    sumsSuspended = true;
                }
                if (sumsSuspended && !indexesSuspended && result->added >= 10000) {
                    if (2 * qint64(result->added) >= projectsBefore) {
                        // The indexes a row is looked up by stay.
                        const Status st = db->suspendIndexes({QStringLiteral("projects_code"), QStringLiteral("projects_name_unit")});
                        if (!st)
                            return st;
                        indexesSuspended = true;
                    }
                }
                continue;
            }
            // Targets and facts.
            const QVariantList &row = read.cells;
            auto cell = [&](const char *field) -> QVariant {
                const int c = column(field);
                return c >= 0 && c < row.size() ? row.at(c) : QVariant();
            };
            auto problem = [&](const char *field, const QString &why) {
                const int c = column(field);
                problems.append(RowProblem{fileRow, columnLabel(c, field), cellText(cell(field)), why});
            };
            const qint64 unit = ReportImporter::matchUnit(*m_store, cellText(cell("unit")));
            if (!unit)
                problem("unit", tr("No unit of this name in the desk."));
            QString why;
            const auto year = parseNumber(cell("year"), &why);
            if (!year || *year < 1990 || *year > 2100)
                problem("year", why.isEmpty() ? tr("Not a year.") : why);
            const QString metric = metricByName.value(cellText(cell("metric")));
            if (metric.isEmpty())
                problem("metric", tr("Not a metric of metrics.tsv."));
            const auto value = parseNumber(cell("value"), &why);
            if (!value || *value < 0)
                problem("value", why.isEmpty() ? tr("Not a value.") : why);
            QString span = cellText(cell("span")).toUpper();
            if (m_mapping.kind == TableKind::Facts && !Metrics::spans().contains(span) && span != QLatin1String("YTD"))
                problem("span", tr("Not a period: FY, YTD, Q1..Q4, H1, H2, M01..M12 or M01-M05."));
            if (!problems.isEmpty()) {
                ++result->skipped;
                ++result->problemRows;
                if (result->problems.size() < 1000)
                    result->problems << problems;
                continue;
            }
            const QString qualifier = cellText(cell("qualifier")).isEmpty() ? QString() : cellText(cell("qualifier"));
            if (m_mapping.kind == TableKind::Targets) {
                const auto old = facts.target(unit, int(*year), metric);
                if (old && old->value == *value) {
                    ++result->unchanged;
                    continue;
                }
                old ? ++result->updated : ++result->added;
                if (write) {
                    const Target t{unit, int(*year), metric, *value, qualifier.isEmpty() ? QStringLiteral("at_least") : qualifier};
                    Status st = facts.setTarget(t);
                    if (!st)
                        return rowStatus(fileRow, st);
                    if (m_recording)
                        m_record.targets.append({old, t});
                }
            } else {
                Fact f;
                f.unitId = unit;
                f.year = int(*year);
                f.span = span;
                f.metric = metric;
                f.value = *value;
                f.qualifier = qualifier.isEmpty() ? QStringLiteral("exact") : qualifier;
                f.kind = cellText(cell("kind")) == QLatin1String("target") || cellText(cell("kind")) == QStringLiteral("目标")
                    ? QStringLiteral("target") : QStringLiteral("actual");
                ++result->added;
                if (write) {
                    Status st;
                    const qint64 id = facts.insertFactWithId(f, &st);
                    if (!st)
                        return rowStatus(fileRow, st);
                    if (m_recording)
                        m_record.facts.append({id, f});
                }
            }
        }
    }
    reader.finish();
    if (!m_source->status())
        return m_source->status();
    if (progress && !progress(1.0))
        return Status::error(tr("The import was cancelled; nothing was stored."));
    if (write) {
        if (inserter) {
            s = inserter->flush();
            if (!s)
                return s;
        }
        if (sumsSuspended) {
            s = db->rebuildStageSums();
            if (s)
                s = db->catchUpInsertAudit();
            if (s && indexesSuspended)
                s = db->rebuildIndexes();
            if (!s)
                return s;
        }
        s = tx->commit();
        if (!s)
            return s;
        m_desk->notify({DeskChange::Projects});
        m_desk->notify({DeskChange::Targets});
    }
    return Status();
}

// ---------------------------------------------------------------------------------------------
// Export



/// An XLSX workbook written with libxlsxwriter: numbers as numbers with a number format (two decimals
/// where a column has fractions), dates as dates, a bold header frozen above an auto-filter, column
/// widths from their contents (a Chinese character counts twice), and the sheet named in the user's
/// language. Written beside the file and renamed over it, so a failed export leaves the old file.
Status TableExporter::writeXlsx(const QString &path, const QStringList &headers, const QList<QVariantList> &rows,
                                const QString &sheetName)
{
    const QString tmp = path + QLatin1String(".part");
    QFile::remove(tmp);
    lxw_workbook_options wbOptions = {};
    wbOptions.constant_memory = LXW_FALSE;
    const QByteArray tmpName = QFile::encodeName(tmp);
    lxw_workbook *book = workbook_new_opt(tmpName.constData(), &wbOptions);
    if (!book)
        return Status::error(tr("%1 cannot be written.").arg(path));
    // A sheet name: at most 31 characters, none of []:*?/\ .
    QString name = sheetName.isEmpty() ? tr("Sheet1") : sheetName;
    name.remove(QRegularExpression(QStringLiteral("[\\[\\]:*?/\\\\]")));
    const QByteArray sheetUtf8 = name.left(31).toUtf8();
    lxw_worksheet *sheet = workbook_add_worksheet(book, sheetUtf8.constData());
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xE8EEF7);
    format_set_border(bold, LXW_BORDER_THIN);
    lxw_format *dateFormat = workbook_add_format(book);
    format_set_num_format(dateFormat, "yyyy-mm-dd");
    lxw_format *decimal = workbook_add_format(book);
    format_set_num_format(decimal, "#,##0.00");
    lxw_format *whole = workbook_add_format(book);
    format_set_num_format(whole, "0");

    // Per column: fractions or not, and the widest cell.
    const int columns = int(headers.size());
    std::vector<bool> fractional(columns, false);
    std::vector<double> width(columns, 6);
    auto textWidth = [](const QString &t) {
        double w = 0;
        for (QChar c : t)
            w += c.unicode() >= 0x2E80 ? 2.1 : 1.1;
        return w;
    };
    for (int c = 0; c < columns; ++c)
        width[c] = std::max(width[c], textWidth(headers.at(c)) + 2);
    for (const QVariantList &row : rows) {
        for (int c = 0; c < columns && c < row.size(); ++c) {
            const QVariant &v = row.at(c);
            if (v.userType() == QMetaType::Double) {
                const double d = v.toDouble();
                fractional[c] = fractional[c] || d != std::floor(d);
                width[c] = std::max(width[c], textWidth(QString::number(d, 'f', 2)) + 1);
            } else if (v.userType() == QMetaType::QDate) {
                width[c] = std::max(width[c], 12.0);
            } else {
                width[c] = std::max(width[c], std::min(60.0, textWidth(cellText(v)) + 1));
            }
        }
    }
    for (int c = 0; c < columns; ++c) {
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width[c], nullptr);
        const QByteArray h = headers.at(c).toUtf8();
        worksheet_write_string(sheet, 0, lxw_col_t(c), h.constData(), bold);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (columns > 0)
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows.size()), lxw_col_t(columns - 1));

    lxw_error error = LXW_NO_ERROR;
    for (qsizetype r = 0; r < rows.size() && error == LXW_NO_ERROR; ++r) {
        const QVariantList &row = rows.at(r);
        const lxw_row_t at = lxw_row_t(r + 1);
        for (int c = 0; c < columns && c < row.size() && error == LXW_NO_ERROR; ++c) {
            const QVariant &v = row.at(c);
            if (v.userType() == QMetaType::Double) {
                error = worksheet_write_number(sheet, at, lxw_col_t(c), v.toDouble(), fractional[c] ? decimal : whole);
            } else if (v.userType() == QMetaType::QDate) {
                const QDate d = v.toDate();
                if (!d.isValid())
                    continue;
                lxw_datetime dt = {d.year(), d.month(), d.day(), 0, 0, 0};
                error = worksheet_write_datetime(sheet, at, lxw_col_t(c), &dt, dateFormat);
            } else {
                const QString text = cellText(v);
                if (text.isEmpty())
                    continue;
                // Excel's limit for a cell's text; control characters XML does not allow go.
                QString clean = text.left(32767);
                clean.removeIf([](QChar ch) { return ch.unicode() < 0x20 && ch != u'\t' && ch != u'\n' && ch != u'\r'; });
                const QByteArray utf8 = clean.toUtf8();
                error = worksheet_write_string(sheet, at, lxw_col_t(c), utf8.constData(), nullptr);
            }
        }
    }
    const lxw_error closed = workbook_close(book); // frees the workbook whatever happened
    if (error == LXW_NO_ERROR)
        error = closed;
    if (error != LXW_NO_ERROR) {
        QFile::remove(tmp);
        return Status::error(tr("%1 could not be written: %2").arg(path, QString::fromUtf8(lxw_strerror(error))));
    }
    QFile::remove(path);
    if (!QFile::rename(tmp, path)) {
        QFile::remove(tmp);
        return Status::error(tr("%1 cannot be written.").arg(path));
    }
    return Status();
}

Status TableExporter::write(const QString &path, const QStringList &headers, const QList<QVariantList> &rows, const Options &options,
                            const QString &sheetName)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("xlsx"))
        return writeXlsx(path, headers, rows, options.sheetName.isEmpty() ? sheetName : options.sheetName);
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("txt"))
        return Status::error(tr("Tables are written as .csv or .xlsx; \"%1\" is neither.").arg(QFileInfo(path).fileName()));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Status::error(tr("%1 cannot be written: %2").arg(path, f.errorString()));
    QStringEncoder enc = options.gb18030 ? QStringEncoder("GB18030") : QStringEncoder(QStringEncoder::Utf8);
    if (!options.gb18030)
        f.write("\xEF\xBB\xBF"); // so that Excel opens it as UTF-8
    auto quote = [](const QString &s) -> QString {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
            return QLatin1Char('"') + QString(s).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
        return s;
    };
    QStringList line;
    for (const QString &h : headers)
        line << quote(h);
    f.write(enc(line.join(QLatin1Char(',')) + QLatin1String("\r\n")));
    for (const QVariantList &row : rows) {
        line.clear();
        for (const QVariant &v : row)
            line << quote(v.userType() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 15) : cellText(v));
        f.write(enc(line.join(QLatin1Char(',')) + QLatin1String("\r\n")));
    }
    if (!f.commit())
        return Status::error(tr("%1 could not be written: %2").arg(path, f.errorString()));
    return Status();
}

Status TableExporter::exportProjects(Desk *desk, const ProjectQuery &query, const QString &path, const Options &options,
                                     const std::function<bool(double)> &progress)
{
    const ProjectStore *store = desk->projects();
    QList<ProjectField> columns = options.columns;
    if (columns.isEmpty()) {
        for (int f = 0; f < int(ProjectField::Count); ++f)
            columns << ProjectField(f);
    }
    QStringList headers;
    for (ProjectField f : columns)
        headers << (isMoneyField(f) ? tr("%1 (%2)").arg(fieldName(f), Money::unitName(options.moneyUnit)) : fieldName(f));
    QList<QVariantList> rows;
    const int total = std::max(1, store->count(query));
    for (int offset = 0;; offset += 5000) {
        const QList<Project> batch = store->fetch(query, offset, 5000);
        for (const Project &p : batch) {
            QVariantList row;
            for (ProjectField f : columns) {
                const QVariant v = projectValue(p, f);
                if (isMoneyField(f))
                    row << double(v.toLongLong()) / double(Money::factor(options.moneyUnit));
                else if (f == ProjectField::Unit)
                    row << store->unitName(p.unitId);
                else if (f == ProjectField::Stage)
                    row << Names::stage(p.stage);
                else if (f == ProjectField::Type)
                    row << Names::projectType(p.type);
                else if (f == ProjectField::Manufacturing)
                    row << (p.manufacturing ? tr("Yes") : tr("No"));
                else
                    row << v;
            }
            rows << row;
        }
        if (progress && !progress(double(offset + batch.size()) / total))
            return Status::error(tr("The export was cancelled."));
        if (batch.size() < 5000)
            break;
    }
    return write(path, headers, rows, options, tr("Project pipeline"));
}

Status TableExporter::exportTargets(Desk *desk, const QString &path, const Options &options)
{
    const QStringList headers = {tr("Unit"), tr("Year"), tr("Metric"), tr("Target"), tr("Qualifier")};
    QList<QVariantList> rows;
    for (const Target &t : desk->facts()->targets())
        rows << QVariantList{desk->projects()->unitName(t.unitId), double(t.year), Metrics::name(t.metric), t.value, t.qualifier};
    return write(path, headers, rows, options, tr("Targets"));
}

Status TableExporter::exportFacts(Desk *desk, const QString &path, const Options &options)
{
    const QStringList headers = {tr("Unit"), tr("Year"), tr("Period"), tr("Metric"), tr("Value"), tr("Qualifier"), tr("Target / actual")};
    QList<QVariantList> rows;
    for (const Fact &f : desk->facts()->facts())
        rows << QVariantList{f.district, double(f.year), f.span, Metrics::name(f.metric), f.value, f.qualifier, f.kind};
    return write(path, headers, rows, options, tr("Report figures"));
}

} // namespace IPDesk
