#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <memory>

namespace IPDesk {

class CharSet;

/// A set of cue words of the genre, some with a gap (赴…招商: 赴, up to 12 characters, 招商).
class CueSet
{
public:
    struct Hit
    {
        qsizetype start = -1;
        qsizetype end = -1;
        bool found() const { return end >= 0; }
        qsizetype length() const { return end - start; }
    };

    CueSet() = default;
    explicit CueSet(const QStringList &words);

    /// The occurrence that ends last in text (the longest among those ending at the same place).
    Hit last(QStringView text) const;
    /// Every occurrence, in text order.
    QList<Hit> all(QStringView text) const;
    /// The occurrence that starts first.
    Hit first(QStringView text) const;
    bool in(QStringView text) const { return first(text).found(); }
    /// A cue that text ends with (目标 in 完成全年目标).
    bool endsText(QStringView text) const;
    bool isEmpty() const { return m_cues.isEmpty(); }

    static constexpr int MaxGap = 12;

private:
    struct Cue
    {
        QString head;
        QString tail; // empty: a plain word
    };
    /// Calls found(hit) for every occurrence, in one pass over text, in the order of their starts, until
    /// it returns false: only where a cue's first character stands are the cues that begin with it compared.
    void scan(QStringView text, const std::function<bool(const Hit &)> &found) const;
    QList<Cue> m_cues;
    std::shared_ptr<CharSet> m_firstChars;
    QHash<QChar, QList<int>> m_byFirst;
};

/// The phrasing of the genre as data (resources/extraction/cues.tsv): the cue words of each metric
/// before and after a figure, the measure words each metric takes, the words that block a figure,
/// target cues, leader and firm words, topic and place characters.
class Phrasing
{
public:
    static const Phrasing &instance();

    /// Metrics in the order of cues.tsv, each with its cues before a figure.
    QList<QPair<QString, CueSet>> before;
    QHash<QString, CueSet> after;
    QHash<QString, QStringList> units; // group (projects, trips, firms, events) -> measure words
    CueSet leader, firm, block, blockClause, target, targetAfter, achieved, channel;
    QString topicChars, placeChars;

    /// The cues before a figure of one metric (empty for a metric cues.tsv has none for).
    const CueSet &beforeOf(const QString &metric) const;

    /// For each metric of `before`, in that order, its cue that ends last in text: one pass over the
    /// text with the cues indexed by their first character, instead of a search per word.
    QList<CueSet::Hit> lastBefore(QStringView text) const;

    /// The measure-word group a count metric takes, or "" for money and percent.
    static QString unitGroup(const QString &metric);
    /// unitGroup() of each metric of `before`, in that order.
    QStringList beforeGroups;
    bool takesUnit(const QString &metric, const QString &unit) const;

private:
    Phrasing();
    struct IndexedCue
    {
        int metric;
        QString head, tail;
    };
    QHash<QChar, QList<IndexedCue>> m_byFirst;
    QHash<QString, QStringList> m_unitsOf; // metric -> the measure words it takes
};

} // namespace IPDesk
