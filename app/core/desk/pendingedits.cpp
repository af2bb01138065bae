#include "desk/pendingedits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace IPDesk {

namespace {

QJsonObject projectToJson(const Project &p)
{
    QJsonObject o{{QStringLiteral("id"), p.id}, {QStringLiteral("version"), p.version}};
    for (int f = 0; f < ProjectFieldCount; ++f) {
        const auto field = ProjectField(f);
        if (isDateField(field))
            continue; // the stage dates go whole, below
        o.insert(fieldKey(field), QJsonValue::fromVariant(projectValue(p, field)));
    }
    QJsonObject dates;
    for (auto it = p.stageDates.cbegin(); it != p.stageDates.cend(); ++it)
        dates.insert(Names::stageCode(it.key()), it.value().toString(Qt::ISODate));
    o.insert(QStringLiteral("stage_dates"), dates);
    return o;
}

Project projectFromJson(const QJsonObject &o)
{
    Project p;
    for (int f = 0; f < ProjectFieldCount; ++f) {
        const auto field = ProjectField(f);
        const QJsonValue v = o.value(fieldKey(field));
        if (!v.isUndefined() && !isDateField(field))
            setProjectValue(p, field, v.toVariant());
    }
    const QJsonObject dates = o.value(QStringLiteral("stage_dates")).toObject();
    for (auto it = dates.begin(); it != dates.end(); ++it) {
        Stage s;
        const QDate d = QDate::fromString(it.value().toString(), Qt::ISODate);
        if (Names::stageFromCode(it.key(), &s) && d.isValid())
            p.stageDates.insert(s, d);
    }
    p.id = o.value(QStringLiteral("id")).toInteger();
    p.version = o.value(QStringLiteral("version")).toInt();
    return p;
}

} // namespace

QByteArray PendingEdits::toJson(const QList<Edit> &edits)
{
    QJsonArray out;
    for (const Edit &e : edits)
        out.append(QJsonObject{{QStringLiteral("base"), projectToJson(e.base)}, {QStringLiteral("target"), projectToJson(e.target)}});
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

QList<PendingEdits::Edit> PendingEdits::fromJson(const QByteArray &json)
{
    QList<Edit> out;
    const QJsonArray edits = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &e : edits) {
        const QJsonObject o = e.toObject();
        const QJsonObject t = o.value(QStringLiteral("target")).toObject();
        const Project target = projectFromJson(t);
        if (target.id > 0 && t.contains(fieldKey(ProjectField::Name))) // not an unreadable or older file
            out << Edit{projectFromJson(o.value(QStringLiteral("base")).toObject()), target};
    }
    return out;
}

void PendingEdits::setFile(const QString &path)
{
    m_file = path;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        m_edits << fromJson(f.readAll());
}

void PendingEdits::keep(const Project &base, const Project &target)
{
    m_edits << Edit{base, target};
    write();
}

QList<PendingEdits::Edit> PendingEdits::takeAll()
{
    return std::exchange(m_edits, {});
}

void PendingEdits::write() const
{
    if (m_file.isEmpty())
        return;
    if (m_edits.isEmpty()) {
        QFile::remove(m_file);
        return;
    }
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile f(m_file); // all or nothing, even if the program dies while writing
    if (f.open(QIODevice::WriteOnly)) {
        f.write(toJson(m_edits));
        f.commit();
    }
}

} // namespace IPDesk
