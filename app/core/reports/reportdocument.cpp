#include "reports/reportdocument.h"

#include <QRegularExpression>

namespace IPDesk {

namespace {

QDate dateIn(QStringView line)
{
    static const QRegularExpression date(QStringLiteral("(20\\d\\d)\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})\\s*日?"));
    const auto m = date.match(line);
    if (!m.hasMatch())
        return QDate();
    return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

} // namespace

bool ReportDocument::isHeading(QStringView line)
{
    const QStringView t = line.trimmed();
    if (t.isEmpty() || t.size() > 32)
        return false;
    if (t.startsWith(u'●') || t.startsWith(u'◆') || t.startsWith(u'■') || t.startsWith(u'★'))
        return false;
    for (QChar c : t) {
        if (QStringView(u"。!?;,:").contains(c))
            return false;
    }
    return true;
}

QDate ReportDocument::findPublished(const QString &clean)
{
    // The date line sits under the title (often with 来源, 发布时间, 编辑), or alone on the last line of a
    // bulletin. A date inside a sentence is an event's, not the report's.
    const QList<QStringView> lines = QStringView(clean).split(u'\n', Qt::SkipEmptyParts);
    static const QRegularExpression marker(QStringLiteral("发布|時間|时间|来源|來源|日期|编辑|編輯|作者|浏览|瀏覽|字号|字號|点击|發佈"));
    for (int i = 0; i < lines.size() && i < 8; ++i) {
        const QStringView line = lines.at(i).trimmed();
        const QDate d = dateIn(line);
        if (!d.isValid())
            continue;
        // A line that is the date and its labels, not a sentence that mentions a day.
        const bool sentence = line.contains(u'。') || line.count(u',') > 1;
        if (!sentence && (line.size() <= 40 || marker.match(line).hasMatch()))
            return d;
    }
    for (int i = int(lines.size()) - 1; i >= 0 && i >= lines.size() - 3; --i) {
        const QStringView line = lines.at(i).trimmed();
        const QDate d = dateIn(line);
        if (d.isValid() && line.size() <= 16)
            return d;
    }
    return QDate();
}

int ReportDocument::latestYear(const QString &clean)
{
    // Years of a plan's horizon (2035年远景目标) are not the report's.
    static const QRegularExpression year(QStringLiteral("(?<!\\d)(20\\d\\d)年(?!远景|愿景|前后|左右|中长期)"));
    int best = 0;
    auto it = year.globalMatch(clean);
    while (it.hasNext())
        best = std::max(best, it.next().captured(1).toInt());
    return best;
}

ReportDocument ReportDocument::read(const QString &s)
{
    ReportDocument doc;
    doc.published = findPublished(s);
    doc.year = doc.published.isValid() ? doc.published.year() : latestYear(s);
    static const QString enders = QStringLiteral("。!?;");
    qsizetype lineStart = 0;
    bool titleSeen = false;
    while (lineStart < s.size()) {
        qsizetype lineEnd = s.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0)
            lineEnd = s.size();
        const QStringView line = QStringView(s).mid(lineStart, lineEnd - lineStart);
        if (!line.trimmed().isEmpty()) {
            if (!titleSeen) {
                titleSeen = true;
                if (line.size() <= 64 && !line.contains(u'。'))
                    doc.titleEnd = lineEnd;
            }
            Paragraph p;
            p.start = lineStart;
            p.end = lineEnd;
            p.heading = isHeading(line);
            qsizetype sentStart = lineStart;
            for (qsizetype i = lineStart; i <= lineEnd; ++i) {
                if (i < lineEnd && !enders.contains(s.at(i)))
                    continue;
                const qsizetype sentEnd = std::min(i + 1, lineEnd);
                if (sentEnd > sentStart)
                    p.sentences.append({sentStart, sentEnd});
                sentStart = sentEnd;
            }
            doc.paragraphs.append(p);
        }
        lineStart = lineEnd + 1;
    }
    return doc;
}

} // namespace IPDesk
