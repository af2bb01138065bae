#pragma once

#include "base/fact.h"
#include "base/status.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace IPDesk {

class Gazetteer;

/// A named project or company that a report says reached a stage (迈富时数字科技华中总部项目成功落户东湖区).
struct ProjectMention
{
    QString name;
    QString district;
    QString stageCode;   // Names::stageCode of the stage the text gives
    double investmentYi = 0;
    QDate signedOn;
    QDate startedOn;
    qint64 evidenceStart = 0;
    qint64 evidenceEnd = 0;
    QString evidenceText;
};

struct Extraction
{
    QString subject;        // the unit the report is about
    QString title;          // its title as written, past a page's chrome above it; "" when it has none
    QDate published;        // from the report's date line, if any
    int referenceYear = 0;  // what 今年 means
    QString encoding;
    bool traditional = false;
    QList<Fact> facts;
    QList<ProjectMention> projects;
    Status status;
};

/// Reads figures from Chinese investment-promotion reports (../shared/spec/extraction.md).
/// General rules for the genre: periods, qualifiers, Chinese numerals, the unit each sentence is
/// about, targets against actuals, district figures against a single company's.
class ReportExtractor
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::ReportExtractor)
public:
    ReportExtractor();
    ~ReportExtractor();
    /// The desk's own units count as real units beside the gazetteer's divisions.
    void setKnownUnits(const QStringList &names);

    /// Extracts from decoded text. Never fails; a report with no figures gives no facts.
    Extraction extract(const QString &text) const;

    /// The metric ids of metrics.tsv with their unit (count, yi_yuan, percent).
    static QList<QPair<QString, QString>> metrics();

private:
    std::shared_ptr<const Gazetteer> m_gazetteer; // null: the divisions alone
};

} // namespace IPDesk
