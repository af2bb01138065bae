#include "desk/demodata.h"
#include "desk/desk.h"

#include "desk/activitystore.h"
#include "desk/factstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace IPDesk {

namespace {
Yuan yi(const QJsonValue &v)
{
    return Yuan(std::llround(v.toDouble() * 1e8));
}
} // namespace

Status DemoData::loadBuiltIn(Desk *desk)
{
    QFile f(QStringLiteral(":/demo/demo.json"));
    if (!f.open(QIODevice::ReadOnly))
        return Status::error(tr("The demo data is missing from this build."));
    return load(desk, f.readAll());
}

Status DemoData::load(Desk *desk, const QByteArray &json)
{
    ProjectStore *store = desk->projects();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull() || doc.object().value(QLatin1String("format")).toString() != QLatin1String("ipdesk-demo"))
        return Status::error(tr("The demo data cannot be read: %1").arg(pe.errorString()));
    if (!store->units().isEmpty() || store->projectCount() > 0)
        return Status::error(tr("The demo data goes only into an empty desk."));
    const QJsonObject root = doc.object();
    Database *db = desk->database();
    Transaction t(*db);

    QHash<QString, qint64> unitIds;
    int order = 0;
    for (const QJsonValue &v : root.value(QLatin1String("units")).toArray()) {
        const QJsonObject o = v.toObject();
        UnitKind kind = UnitKind::District;
        Names::unitKindFromCode(o.value(QLatin1String("kind")).toString(), &kind);
        const QString parent = o.value(QLatin1String("parent")).toString();
        Status s;
        const qint64 id = db->insert(QStringLiteral("INSERT INTO units (parent_id, name, kind, sort_order) VALUES (?, ?, ?, ?)"),
                                     {parent.isEmpty() ? QVariant(QMetaType::fromType<qint64>()) : QVariant(unitIds.value(parent)),
                                      o.value(QLatin1String("name")).toString(), Names::unitKindCode(kind), order++},
                                     &s);
        if (!s)
            return s;
        unitIds.insert(o.value(QLatin1String("name")).toString(), id);
    }

    FactStore &facts = *desk->facts();
    for (const QJsonValue &v : root.value(QLatin1String("targets")).toArray()) {
        const QJsonObject o = v.toObject();
        Target tg;
        tg.unitId = unitIds.value(o.value(QLatin1String("unit")).toString());
        tg.year = o.value(QLatin1String("year")).toInt();
        tg.metric = o.value(QLatin1String("metric")).toString();
        tg.value = o.value(QLatin1String("value")).toDouble();
        tg.qualifier = o.value(QLatin1String("qualifier")).toString();
        Status s = db->exec(QStringLiteral("INSERT INTO targets (unit_id, year, metric, value, qualifier) VALUES (?, ?, ?, ?, ?)"),
                            {tg.unitId, tg.year, tg.metric, tg.value, tg.qualifier});
        if (!s)
            return s;
    }
    for (const QJsonValue &v : root.value(QLatin1String("facts")).toArray()) {
        const QJsonObject o = v.toObject();
        Fact f;
        f.unitId = unitIds.value(o.value(QLatin1String("unit")).toString());
        f.year = o.value(QLatin1String("year")).toInt();
        f.span = o.value(QLatin1String("span")).toString();
        f.metric = o.value(QLatin1String("metric")).toString();
        f.kind = o.value(QLatin1String("kind")).toString();
        f.value = o.value(QLatin1String("value")).toDouble();
        f.qualifier = o.value(QLatin1String("qualifier")).toString();
        Status s = facts.insertFact(f);
        if (!s)
            return s;
    }
    ActivityStore &activities = *desk->activities();
    for (const QJsonValue &v : root.value(QLatin1String("activities")).toArray()) {
        const QJsonObject o = v.toObject();
        Activity a;
        a.unitId = unitIds.value(o.value(QLatin1String("unit")).toString());
        a.date = QDate::fromString(o.value(QLatin1String("date")).toString(), Qt::ISODate);
        Activity::kindFromCode(o.value(QLatin1String("kind")).toString(), &a.kind);
        a.leaderLed = o.value(QLatin1String("leader_led")).toBool();
        a.places = o.value(QLatin1String("places")).toString();
        a.companies = o.value(QLatin1String("companies")).toString();
        a.companiesCount = o.value(QLatin1String("companies_count")).toInt();
        a.notes = o.value(QLatin1String("notes")).toString();
        Status as;
        activities.insert(a, &as);
        if (!as)
            return as;
    }
    Status s = t.commit();
    if (!s)
        return s;
    store->reloadUnits();

    QList<Project> projects;
    for (const QJsonValue &v : root.value(QLatin1String("projects")).toArray()) {
        const QJsonObject o = v.toObject();
        Project p;
        p.code = o.value(QLatin1String("code")).toString();
        p.name = o.value(QLatin1String("name")).toString();
        p.investor = o.value(QLatin1String("investor")).toString();
        p.industry = o.value(QLatin1String("industry")).toString();
        p.industryChain = o.value(QLatin1String("industry_chain")).toString();
        p.unitId = unitIds.value(o.value(QLatin1String("unit")).toString());
        Names::stageFromCode(o.value(QLatin1String("stage")).toString(), &p.stage);
        Names::projectTypeFromCode(o.value(QLatin1String("type")).toString(), &p.type);
        p.plannedInvestment = yi(o.value(QLatin1String("planned_investment_yi")));
        p.signedInvestment = yi(o.value(QLatin1String("signed_investment_yi")));
        p.addedInvestment = yi(o.value(QLatin1String("added_investment_yi")));
        p.fundsInPlace = yi(o.value(QLatin1String("funds_in_place_yi")));
        p.expectedOutput = yi(o.value(QLatin1String("expected_output_yi")));
        p.expectedTax = yi(o.value(QLatin1String("expected_tax_yi")));
        p.manufacturing = o.value(QLatin1String("manufacturing")).toBool();
        p.sourceChannel = o.value(QLatin1String("source_channel")).toString();
        p.leadOfficer = o.value(QLatin1String("lead_officer")).toString();
        p.notes = o.value(QLatin1String("notes")).toString();
        const QJsonObject dates = o.value(QLatin1String("stage_dates")).toObject();
        for (auto it = dates.begin(); it != dates.end(); ++it) {
            Stage st;
            if (Names::stageFromCode(it.key(), &st))
                p.stageDates.insert(st, QDate::fromString(it.value().toString(), Qt::ISODate));
        }
        projects.append(p);
    }
    return store->insertProjects(projects);
}

QJsonObject projectToJson(const Project &p, const ProjectStore &store)
{
    QJsonObject dates;
    for (auto it = p.stageDates.cbegin(); it != p.stageDates.cend(); ++it)
        dates.insert(Names::stageCode(it.key()), it.value().toString(Qt::ISODate));
    auto yiValue = [](Yuan y) { return double(y) / 1e8; };
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("code"), p.code},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("investor"), p.investor},
        {QStringLiteral("unit"), store.unitName(p.unitId)},
        {QStringLiteral("stage"), Names::stageCode(p.stage)},
        {QStringLiteral("type"), Names::projectTypeCode(p.type)},
        {QStringLiteral("industry"), p.industry},
        {QStringLiteral("industry_chain"), p.industryChain},
        {QStringLiteral("planned_investment_yi"), yiValue(p.plannedInvestment)},
        {QStringLiteral("signed_investment_yi"), yiValue(p.signedInvestment)},
        {QStringLiteral("added_investment_yi"), yiValue(p.addedInvestment)},
        {QStringLiteral("funds_in_place_yi"), yiValue(p.fundsInPlace)},
        {QStringLiteral("expected_output_yi"), yiValue(p.expectedOutput)},
        {QStringLiteral("expected_tax_yi"), yiValue(p.expectedTax)},
        {QStringLiteral("manufacturing"), p.manufacturing},
        {QStringLiteral("source_channel"), p.sourceChannel},
        {QStringLiteral("lead_officer"), p.leadOfficer},
        {QStringLiteral("notes"), p.notes},
        {QStringLiteral("stage_dates"), dates},
    };
}

} // namespace IPDesk
