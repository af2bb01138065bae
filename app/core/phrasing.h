#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace IPDesk {

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
    QList<Cue> m_cues;
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
    CueSet leader, firm, block, blockClause, target, targetAfter, achieved;
    QString topicChars, placeChars;

    /// The measure-word group a count metric takes, or "" for money and percent.
    static QString unitGroup(const QString &metric);
    bool takesUnit(const QString &metric, const QString &unit) const;

private:
    Phrasing();
};

} // namespace IPDesk
