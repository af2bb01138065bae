#pragma once

#include <QHash>
#include <optional>

#include "desk/database.h"
#include "base/fact.h"

#include <QList>
#include <optional>

namespace IPDesk {

/// Targets, reported facts and their source documents.
class FactStore
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::FactStore)
public:
    explicit FactStore(Database *db) : m_db(db) {}

    Status setTarget(const Target &t);
    Status removeTarget(qint64 unitId, int year, const QString &metric);
    std::optional<Target> target(qint64 unitId, int year, const QString &metric) const;
    QList<Target> targets(int year = 0) const;
    /// The latest year that has targets, or 0.
    int latestTargetYear() const;
    qint64 insertDocument(const SourceDocument &d, Status *status);
    /// The id of an already stored document with this content hash, or 0.
    qint64 documentByHash(const QString &sha256) const;
    /// A stored report (title and text).
    std::optional<SourceDocument> document(qint64 id) const;
    QHash<qint64, QString> documentTitles() const;
    Status insertFact(const Fact &f);
    /// One fact, giving its id (for an import's undo).
    qint64 insertFactWithId(const Fact &f, Status *status);
    Status removeFactById(qint64 id);
    /// Many facts through one prepared statement (the caller holds the transaction).
    Status insertFacts(const QList<Fact> &facts);
    QList<Fact> facts(qint64 unitId = 0) const;
    /// The stored figure of a unit for this year, period, metric and kind (target or actual), if any.
    std::optional<Fact> storedFact(qint64 unitId, int year, const QString &span, const QString &metric,
                                   const QString &kind) const;
    Status removeFact(qint64 unitId, int year, const QString &span, const QString &metric, const QString &kind);
    qint64 factCount() const;

private:
    Database *m_db;
};

} // namespace IPDesk
