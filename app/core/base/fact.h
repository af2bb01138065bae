#pragma once

#include <QDate>
#include <QString>

namespace IPDesk {

/// A figure read from a report (extraction.md), or stored from one.
struct Fact
{
    QString district;   // unit name as in the text
    qint64 unitId = 0;  // when matched to the unit tree
    int year = 0;
    QString span;       // FY, Q1..Q4, H1, H2, M01..M12, M01-M05, YTD
    QDate asOf;
    QString metric;     // id from metrics.tsv
    QString kind = QStringLiteral("actual"); // actual | target
    double value = 0;
    double valueMax = 0;
    bool hasValueMax = false;
    QString qualifier = QStringLiteral("exact"); // exact approx over at_least under range
    QString cue;           // the words the figure was read from (新签约, 到位资金), for the reviewer
    double confidence = 1; // 0..1, how sure the extractor is; the review shows doubtful facts first
    qint64 evidenceStart = 0;
    qint64 evidenceEnd = 0;
    QString evidenceText;
    qint64 documentId = 0;
};

struct Target
{
    qint64 unitId = 0;
    int year = 0;
    QString metric;
    double value = 0;
    QString qualifier = QStringLiteral("at_least");
};

/// A source report as stored with its facts.
struct SourceDocument
{
    qint64 id = 0;
    QString title;
    QString path;
    QString sha256;
    QDate published;
    QString encoding;
    QString body;
};

} // namespace IPDesk
