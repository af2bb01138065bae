#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace IPDesk {

/// The second stage of reading a report: its shape. The date line (2023-04-25 16:17:05, 2023年04月21日
/// 14:09, 发布时间:…, 来源:… 时间:…, or a date alone on the last line of a bulletin), the year 今年 means
/// (the date line's, else the latest explicit year, else 0: unknown, never the clock's), the title,
/// and the paragraphs and sentences of the clean text.
struct ReportDocument
{
    struct Sentence
    {
        qsizetype start = 0;
        qsizetype end = 0;
    };
    struct Paragraph
    {
        qsizetype start = 0;
        qsizetype end = 0;
        bool heading = false;   // a short line without sentence punctuation: 一、主要指标完成情况
        QList<Sentence> sentences;
    };

    QDate published;
    int year = 0;              // what 今年 means; 0 when the report gives no year
    qsizetype titleEnd = 0;    // the title is clean[titleStart, titleEnd); what stands before it is the
    qsizetype titleStart = 0;  // page's date line or path (首页 > 新闻中心), never the title
    QList<Paragraph> paragraphs;

    static ReportDocument read(const QString &clean);
    /// The longest sentence read as one (in characters); a longer run without a sentence mark is cut at a comma.
    static constexpr qsizetype MaxSentence = 1500;
    static QDate findPublished(const QString &clean);
    static int latestYear(const QString &clean);
    static bool isHeading(QStringView line);
    /// An item of a bulleted list (●新签约项目27个, ◆ …, ■ …).
    static bool isBulletItem(QStringView line);
    /// An item of a numbered list: (一)广信区。…, （2）…, ③…, 4、… (not 1.5亿元, not a heading's 一、).
    static bool isNumberedItem(QStringView line);
    /// The length of the number that opens an item ((一), （2）, ③, 1、, 2.) with the spaces after it, else 0.
    static qsizetype itemNumberLength(QStringView line);
};

} // namespace IPDesk
