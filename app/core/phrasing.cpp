#include "phrasing.h"

#include <QFile>

namespace IPDesk {

CueSet::CueSet(const QStringList &words)
{
    for (const QString &w : words) {
        const qsizetype gap = w.indexOf(u'…');
        if (gap < 0)
            m_cues.append({w, QString()});
        else
            m_cues.append({w.left(gap), w.mid(gap + 1)});
    }
}

namespace {

/// Where tail follows head within the gap, or -1.
qsizetype tailEnd(QStringView text, qsizetype afterHead, const QString &tail)
{
    const QStringView window = text.mid(afterHead, CueSet::MaxGap + tail.size());
    const qsizetype at = window.indexOf(tail);
    return at < 0 ? -1 : afterHead + at + tail.size();
}

} // namespace

CueSet::Hit CueSet::last(QStringView text) const
{
    Hit best;
    for (const Cue &c : m_cues) {
        if (c.tail.isEmpty()) {
            const qsizetype at = text.lastIndexOf(c.head);
            if (at < 0)
                continue;
            const Hit h{at, at + c.head.size()};
            if (h.end > best.end || (h.end == best.end && h.length() > best.length()))
                best = h;
            continue;
        }
        for (qsizetype at = text.indexOf(c.head); at >= 0; at = text.indexOf(c.head, at + 1)) {
            const qsizetype end = tailEnd(text, at + c.head.size(), c.tail);
            if (end < 0)
                continue;
            const Hit h{at, end};
            if (h.end > best.end || (h.end == best.end && h.length() > best.length()))
                best = h;
        }
    }
    return best;
}

CueSet::Hit CueSet::first(QStringView text) const
{
    Hit best;
    for (const Cue &c : m_cues) {
        for (qsizetype at = text.indexOf(c.head); at >= 0; at = text.indexOf(c.head, at + 1)) {
            const qsizetype end = c.tail.isEmpty() ? at + c.head.size() : tailEnd(text, at + c.head.size(), c.tail);
            if (end < 0)
                continue;
            if (!best.found() || at < best.start)
                best = Hit{at, end};
            break;
        }
    }
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
        else if (kind == QLatin1String("before"))
            before.append({key, CueSet(words)});
        else if (kind == QLatin1String("after"))
            after.insert(key, CueSet(words));
        else if (kind == QLatin1String("leader"))
            leader = CueSet(words);
        else if (kind == QLatin1String("firm"))
            firm = CueSet(words);
        else if (kind == QLatin1String("block"))
            block = CueSet(words);
        else if (kind == QLatin1String("block_clause"))
            blockClause = CueSet(words);
        else if (kind == QLatin1String("target"))
            target = CueSet(words);
        else if (kind == QLatin1String("target_after"))
            targetAfter = CueSet(words);
        else if (kind == QLatin1String("achieved"))
            achieved = CueSet(words);
        else if (kind == QLatin1String("topic"))
            topicChars = words.join(QString());
        else if (kind == QLatin1String("place"))
            placeChars = words.join(QString());
    }
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
    return units.value(unitGroup(metric)).contains(unit);
}

} // namespace IPDesk
