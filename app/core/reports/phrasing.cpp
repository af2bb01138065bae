#include "reports/phrasing.h"

#include "base/charset.h"

#include <QFile>

#include <algorithm>

namespace IPDesk {

CueSet::CueSet(const QStringList &words)
{
    QString firsts;
    for (const QString &w : words) {
        const qsizetype gap = w.indexOf(u'…');
        const Cue c = gap < 0 ? Cue{w, QString()} : Cue{w.left(gap), w.mid(gap + 1)};
        if (c.head.isEmpty())
            continue;
        m_byFirst[c.head.front()].append(int(m_cues.size()));
        firsts += c.head.front();
        m_cues.append(c);
    }
    m_firstChars = std::make_shared<CharSet>(firsts);
}

namespace {

/// Where tail follows head within the gap, or -1.
qsizetype tailEnd(QStringView text, qsizetype afterHead, const QString &tail)
{
    const QStringView window = text.mid(afterHead, CueSet::MaxGap + tail.size());
    const qsizetype at = window.indexOf(tail);
    return at < 0 ? -1 : afterHead + at + tail.size();
}

/// Where \a head, written from text[at] on, ends, or -1. Quotation marks inside it are passed over:
/// “小分队”招商 and “走出去”招商活动 say 小分队招商 and 走出去招商 (the first character matches as is).
Q_ALWAYS_INLINE qsizetype headEnd(QStringView text, qsizetype at, const QString &head)
{
    const QStringView rest = text.mid(at);
    auto isQuote = [](QChar c) {
        switch (c.unicode()) {
        case u'“': case u'”': case u'‘': case u'’': case u'「': case u'」': case u'『': case u'』': case u'"': case u'\'':
            return true;
        default:
            return false;
        }
    };
    qsizetype same = 0;
    while (same < head.size() && same < rest.size() && rest.at(same) == head.at(same))
        ++same;
    if (same == head.size())
        return at + same;
    // (the slow way only where a quotation mark stands right after the matched part)
    if (same == 0 || same >= rest.size() || !isQuote(rest.at(same)))
        return -1;
    qsizetype p = at;
    for (qsizetype j = 0; j < head.size(); ++j, ++p) {
        while (j > 0 && p < text.size() && text.at(p) != head.at(j) && isQuote(text.at(p)))
            ++p;
        if (p >= text.size() || text.at(p) != head.at(j))
            return -1;
    }
    return p;
}

} // namespace

void CueSet::scan(QStringView text, const std::function<bool(const Hit &)> &found) const
{
    if (!m_firstChars)
        return;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!m_firstChars->contains(text.at(i)))
            continue;
        const auto cues = m_byFirst.constFind(text.at(i));
        if (cues == m_byFirst.cend())
            continue;
        for (int k : *cues) {
            const Cue &c = m_cues.at(k);
            const qsizetype afterHead = headEnd(text, i, c.head);
            if (afterHead < 0)
                continue;
            const qsizetype end = c.tail.isEmpty() ? afterHead : tailEnd(text, afterHead, c.tail);
            if (end >= 0 && !found(Hit{i, end}))
                return;
        }
    }
}

CueSet::Hit CueSet::last(QStringView text) const
{
    Hit best;
    scan(text, [&best](const Hit &h) {
        if (h.end > best.end || (h.end == best.end && h.length() > best.length()))
            best = h;
        return true;
    });
    return best;
}

QList<CueSet::Hit> CueSet::all(QStringView text) const
{
    QList<Hit> out;
    scan(text, [&out](const Hit &h) {
        out.append(h);
        return true;
    });
    std::sort(out.begin(), out.end(), [](const Hit &a, const Hit &b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
    // Of words that overlap (目标 in 目标任务), the longest from the same start stays.
    QList<Hit> kept;
    for (const Hit &h : std::as_const(out)) {
        if (!kept.isEmpty() && h.start < kept.last().end)
            continue;
        kept.append(h);
    }
    return kept;
}

CueSet::Hit CueSet::first(QStringView text) const
{
    // (hits come in the order of their starts: the first found is the first, and the scan stops there)
    Hit best;
    scan(text, [&best](const Hit &h) {
        best = h;
        return false;
    });
    return best;
}

bool CueSet::endsText(QStringView text) const
{
    for (const Cue &c : m_cues) {
        if (c.tail.isEmpty() ? text.endsWith(c.head) : (text.endsWith(c.tail) && text.contains(c.head)))
            return true;
    }
    return false;
}

const CueSet &Phrasing::beforeOf(const QString &metric) const
{
    static const CueSet none;
    for (const auto &[m, cues] : before) {
        if (m == metric)
            return cues;
    }
    return none;
}

const Phrasing &Phrasing::instance()
{
    static const Phrasing p;
    return p;
}

Phrasing::Phrasing()
{
    QFile f(QStringLiteral(":/extraction/cues.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QString all = QString::fromUtf8(f.readAll());
    // The kinds that are one set of words each.
    const QHash<QString, CueSet *> single = {{QStringLiteral("leader"), &leader},          {QStringLiteral("firm"), &firm},
                                             {QStringLiteral("block"), &block},            {QStringLiteral("block_clause"), &blockClause},
                                             {QStringLiteral("target"), &target},          {QStringLiteral("target_after"), &targetAfter},
                                             {QStringLiteral("achieved"), &achieved},      {QStringLiteral("channel"), &channel}};
    for (const QString &line : all.split(QLatin1Char('\n'))) {
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList cols = line.split(QLatin1Char('\t'));
        if (cols.size() < 3)
            continue;
        const QString &kind = cols.at(0), &key = cols.at(1);
        const QStringList words = cols.at(2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (kind == QLatin1String("unit"))
            units.insert(key, words);
        else if (kind == QLatin1String("before")) {
            before.append({key, CueSet(words)});
            for (const QString &w : words) {
                const qsizetype gap = w.indexOf(u'…');
                const IndexedCue c{int(before.size()) - 1, gap < 0 ? w : w.left(gap), gap < 0 ? QString() : w.mid(gap + 1)};
                if (!c.head.isEmpty())
                    m_byFirst[c.head.front()].append(c);
            }
        }
        else if (kind == QLatin1String("after"))
            after.insert(key, CueSet(words));
        else if (kind == QLatin1String("topic"))
            topicChars = words.join(QString());
        else if (kind == QLatin1String("place"))
            placeChars = words.join(QString());
        else if (CueSet *set = single.value(kind))
            *set = CueSet(words);
    }
    // Each metric's group and measure words, once: the grammar asks for every figure and metric.
    for (const auto &[metric, cues] : std::as_const(before)) {
        beforeGroups.append(unitGroup(metric));
        m_unitsOf.insert(metric, units.value(beforeGroups.last()));
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!m_unitsOf.contains(it.key()))
            m_unitsOf.insert(it.key(), units.value(unitGroup(it.key())));
    }
}

QList<CueSet::Hit> Phrasing::lastBefore(QStringView text) const
{
    QList<CueSet::Hit> best(before.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto it = m_byFirst.constFind(text.at(i));
        if (it == m_byFirst.cend())
            continue;
        for (const IndexedCue &c : *it) {
            const qsizetype afterHead = headEnd(text, i, c.head);
            const qsizetype end = afterHead < 0 || c.tail.isEmpty() ? afterHead : tailEnd(text, afterHead, c.tail);
            if (end < 0)
                continue;
            CueSet::Hit &b = best[c.metric];
            const CueSet::Hit h{i, end};
            if (h.end > b.end || (h.end == b.end && h.length() > b.length()))
                b = h;
        }
    }
    return best;
}

QString Phrasing::unitGroup(const QString &metric)
{
    if (metric.endsWith(QLatin1String("_projects")))
        return QStringLiteral("projects");
    if (metric.endsWith(QLatin1String("_trips")) || metric == QLatin1String("inbound_visits"))
        return QStringLiteral("trips");
    if (metric == QLatin1String("companies_visited"))
        return QStringLiteral("firms");
    if (metric == QLatin1String("promotion_events"))
        return QStringLiteral("events");
    return QString();
}

bool Phrasing::takesUnit(const QString &metric, const QString &unit) const
{
    const auto it = m_unitsOf.constFind(metric);
    if (it != m_unitsOf.cend())
        return it->contains(unit);
    const auto group = units.constFind(unitGroup(metric));
    return group != units.cend() && group->contains(unit);
}

} // namespace IPDesk
