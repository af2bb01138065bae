#pragma once

#include "progress/progress.h"
#include "progress/returns.h"
#include "desk/taskstore.h"

#include <QCoreApplication>
#include <QPainterPath>
#include <QRectF>

class QPainter;
class QPagedPaintDevice;

namespace IPDesk {

class Desk;

/// Everything the monthly bulletin (通报) shows, computed once from the desk.
struct BulletinData
{
    int year = 0;
    QDate asOf;
    QString note;                 // the as-of day had to be moved into the year, etc.
    qint64 scopeUnitId = 0;       // the unit whose children are compared
    QString scopeName;
    double pace = 0;
    QList<ProgressRow> rows;
    QList<RankRow> ranking;
    QString countMetric, amountMetric;
    QList<double> cumulative, lastYear; // amount metric by month, 亿元
    double amountTarget = 0;            // the scope's target of the amount metric, 0 when none
    QList<StageTotal> funnel;
    QList<QPair<QString, double>> industryMix;
    QList<StuckProject> stuck;   // the longest stuck, at most 30
    int stuckYellow = 0, stuckRed = 0;
    // Monthly returns of the units in the scope, for the month that stands for the as-of day.
    int returnMonth = 0;          // 0: none (January before its last day)
    bool approvedOnly = false;    // the figures are those of approved returns only (the bulletin's rule)
    bool showReturns = false;     // the bureau keeps returns for the month, or counts approved ones only
    int returnsTotal = 0, returnsApproved = 0;
    int returnDayDistrict = 5, returnDayCity = 8; // the deadline days (ProgressSettings)
    QList<MonthlyReturn> openReturns; // not approved: late, returned, waiting for review, not yet submitted
    QList<FollowUpTask> overdueTasks; // of units in the scope
    QHash<qint64, QString> unitNames;

    static BulletinData collect(Desk *desk, const ProgressSettings &settings, int year, const QDate &asOf,
                                qint64 scopeUnitId = -1);
};

/// Draws the bulletin's charts with QPainter only (no Widgets), so that the window's export and
/// `ipdesk-cli bulletin` give the same vector PDF, SVG or PNG.
class ChartPainter
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::ChartPainter)
public:
    enum Chart { Comparison, Cumulative, Funnel, IndustryMix };
    /// A part of a drawn chart that means something on its own (a unit's bar, a month, a stage, a
    /// share): where it was drawn, in the painter's coordinates, and what it says when pointed at.
    struct Mark
    {
        QPainterPath area;
        QString tip;
        qint64 unitId = 0; // a unit's bar: clicking it shows that unit's pipeline
    };
    static QString title(Chart chart, const BulletinData &d);
    /// Draws \a chart into \a rect: the one drawing of each chart, for the window, the exports and
    /// the bulletin. With \a marks, also says where each of its parts was drawn.
    static void paint(Chart chart, QPainter &p, const QRectF &rect, const BulletinData &d, QList<Mark> *marks = nullptr);
    /// Writes one chart to a file; the format follows the ending (.pdf, .svg, .png).
    static Status exportChart(Chart chart, const BulletinData &d, const QString &path);
    static QColor statusColor(ProgressStatus s);
    /// The colour of the i-th part of a whole (industry shares): distinct hues.
    static QColor seriesColor(int i);
    /// An axis from 0 that holds a value: a round step (1, 2, 2.5 or 5 times a power of ten), at most
    /// six of them, so the top is just above the data (92% gives 0..100 by 20, not 0..200).
    struct Axis
    {
        double top = 1;
        int ticks = 5;
        double step = 0.2;
    };
    static Axis niceAxis(double v);
    /// The industry shares as the pie shows them: the six largest and the rest as one.
    static QList<QPair<QString, double>> industryParts(const BulletinData &d);
    /// What a stalled project waits for (签约未注册 …), as the bulletin and the progress view say it.
    static QString waitingFor(Stage stage);
    /// One stalled project as the bulletin and the progress view list it.
    static QString stalledText(const StuckProject &s);
};

/// The bulletin as an A4 PDF: title and as-of day, the ranking with status colours, the charts as
/// vectors, a short summary per unit, page numbers; CJK fonts embedded.
class BulletinWriter
{
    Q_DECLARE_TR_FUNCTIONS(IPDesk::BulletinWriter)
public:
    static Status writePdf(const BulletinData &d, const QString &path);
    /// Writes a PDF the program made to \a path, its text layer mended (PdfText), whole or not at all.
    static Status savePdf(QByteArray pdf, const QString &path);
    /// Lays the bulletin out on any paged device (a PDF writer, or a printer from print preview).
    static void paint(const BulletinData &d, QPagedPaintDevice *device);
    static QString fontFamily();
};

} // namespace IPDesk
