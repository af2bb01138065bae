#include "progress/bulletin.h"
#include "desk/desk.h"

#include "base/metrics.h"
#include "base/money.h"
#include "progress/pdftext.h"

#include <QBuffer>
#include <QFileInfo>
#include <QSaveFile>
#include <QFontDatabase>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSet>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace IPDesk {

BulletinData BulletinData::collect(Desk *desk, const ProgressSettings &settings, int year, const QDate &asOf,
                                   qint64 scopeUnitId)
{
    ProjectStore *store = desk->projects();
    BulletinData d;
    d.year = year;
    d.asOf = ProgressCalculator::effectiveAsOf(year, asOf, &d.note);
    ProgressCalculator calc(desk, settings);
    d.scopeUnitId = scopeUnitId >= 0 ? scopeUnitId : calc.defaultRankParent();
    d.scopeName = d.scopeUnitId ? store->unitName(d.scopeUnitId) : ProgressCalculator::tr("All units");
    d.pace = ProgressCalculator::pace(d.asOf, settings.monthWeights);
    d.rows = calc.compute(year, d.asOf);
    d.ranking = calc.rank(d.rows, d.scopeUnitId);
    d.countMetric = settings.countMetric;
    d.amountMetric = settings.amountMetric;
    d.cumulative = calc.monthlyCumulative(d.scopeUnitId, year, settings.amountMetric, d.asOf);
    d.lastYear = calc.monthlyCumulative(d.scopeUnitId, year - 1, settings.amountMetric);
    // The scope's target; for the whole desk, the sum of the compared units' targets.
    QSet<qint64> compared;
    for (const RankRow &r : std::as_const(d.ranking))
        compared.insert(r.unitId);
    for (const ProgressRow &r : std::as_const(d.rows)) {
        if (r.metric != settings.amountMetric || !r.hasTarget)
            continue;
        if (d.scopeUnitId ? r.unitId == d.scopeUnitId : compared.contains(r.unitId))
            d.amountTarget += r.target;
    }
    ProjectQuery q;
    if (d.scopeUnitId)
        q.unitIds = store->subtree(d.scopeUnitId);
    d.funnel = calc.funnel(q.unitIds, d.asOf);
    d.stuck = calc.stuckProjects(d.asOf, q.unitIds, 30, &d.stuckYellow, &d.stuckRed);
    d.industryMix = calc.industryMix(d.scopeUnitId, year, d.asOf);

    // Who has not had the month's return approved; the follow-up tasks past their day.
    d.approvedOnly = settings.approvedReturnsOnly;
    d.returnDayDistrict = settings.returnDayDistrict;
    d.returnDayCity = settings.returnDayCity;
    d.returnMonth = ReturnBook::reportingMonth(d.asOf);
    const QSet<qint64> scope = [&] {
        const QList<qint64> ids = d.scopeUnitId ? store->subtree(d.scopeUnitId) : QList<qint64>();
        return QSet<qint64>(ids.cbegin(), ids.cend());
    }();
    auto inScope = [&](qint64 unit) { return d.scopeUnitId == 0 || (scope.contains(unit) && unit != d.scopeUnitId); };
    if (d.returnMonth > 0) {
        bool anyStored = false;
        for (const MonthlyReturn &r : ReturnBook(desk).returns(year, d.returnMonth)) {
            if (!inScope(r.unitId))
                continue;
            anyStored = anyStored || r.id > 0;
            ++d.returnsTotal;
            if (r.state == ReturnState::Approved)
                ++d.returnsApproved;
            else
                d.openReturns << r;
        }
        d.showReturns = anyStored || d.approvedOnly;
        // Late and returned ones first: they are what the bulletin names.
        std::stable_sort(d.openReturns.begin(), d.openReturns.end(), [](const MonthlyReturn &a, const MonthlyReturn &b) {
            auto weight = [](const MonthlyReturn &r) { return r.overdue ? 0 : r.state == ReturnState::Returned ? 1 : 2; };
            return weight(a) < weight(b);
        });
    }
    for (const FollowUpTask &t : TaskStore(desk->database()).tasks()) {
        if (t.isOverdue(QDate::currentDate()) && (d.scopeUnitId == 0 || scope.contains(t.unitId)))
            d.overdueTasks << t;
    }
    for (const Unit &u : store->units())
        d.unitNames.insert(u.id, u.name);
    return d;
}

// ---------------------------------------------------------------------------------------------
// Charts

QString ChartPainter::waitingFor(Stage stage)
{
    // 六未 in the words of the trade: signed but not registered, and so on.
    switch (stage) {
    case Stage::Signed: return tr("signed, not registered");
    case Stage::Registered: return tr("registered, not started");
    case Stage::Started: return tr("started, not operating");
    default: return tr("in %1").arg(Names::stage(stage));
    }
}

QString ChartPainter::stalledText(const StuckProject &s)
{
    // With the days waited.
    const QString what = waitingFor(s.stage);
    return s.limitDays > 0 ? tr("%1 (%2): %3 since %4, %5 days (limit %6)")
                                 .arg(s.name, s.unit, what, s.since.toString(Qt::ISODate)).arg(s.days).arg(s.limitDays)
                           : tr("%1 (%2): %3 since %4, %5 days").arg(s.name, s.unit, what, s.since.toString(Qt::ISODate)).arg(s.days);
}

QList<QPair<QString, double>> ChartPainter::industryParts(const BulletinData &d)
{
    QList<QPair<QString, double>> parts = d.industryMix;
    if (parts.size() > 7) {
        double rest = 0;
        for (qsizetype i = 6; i < parts.size(); ++i)
            rest += parts.at(i).second;
        parts = parts.mid(0, 6);
        parts.append({ProgressCalculator::tr("Other"), rest});
    }
    return parts;
}

ChartPainter::Axis ChartPainter::niceAxis(double v)
{
    if (!(v > 0))
        return {};
    const double mag = std::pow(10.0, std::floor(std::log10(v / 6)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0, 20.0}) {
        const double step = m * mag;
        const int n = int(std::ceil(v / step - 1e-9));
        if (n <= 6)
            return {n * step, std::max(n, 1), step};
    }
    return {v, 5, v / 5};
}

QColor ChartPainter::seriesColor(int i)
{
    // Distinct hues for parts of a whole (not the status colours, which mean red/yellow/green).
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd),
                                    QColor(0x17, 0xbe, 0xcf), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                                    QColor(0xbc, 0xbd, 0x22), QColor(0x7f, 0x7f, 0x7f)};
    return colors[i % int(std::size(colors))];
}

QColor ChartPainter::statusColor(ProgressStatus s)
{
    switch (s) {
    case ProgressStatus::Green: return QColor(0x2e, 0x7d, 0x32);
    case ProgressStatus::Yellow: return QColor(0xf9, 0xa8, 0x25);
    case ProgressStatus::Red: return QColor(0xc6, 0x28, 0x28);
    default: return QColor(0x9e, 0x9e, 0x9e);
    }
}

QString ChartPainter::title(Chart chart, const BulletinData &d)
{
    switch (chart) {
    case Comparison:
        return tr("Weighted completion of %1 and %2 by unit").arg(Metrics::name(d.countMetric), Metrics::name(d.amountMetric));
    case Cumulative:
        return tr("%1 of %2 by month, cumulative").arg(Metrics::name(d.amountMetric), d.scopeName);
    case Funnel:
        return tr("Project pipeline by stage");
    case IndustryMix:
        return tr("Signed investment by industry");
    }
    return QString();
}

namespace {

/// The resolution of the device being painted; layout is in points, so fonts are sized to match.
thread_local double fontDpi = 72;

QFont chartFont(double points, bool bold = false)
{
    // Latin letters and digits from a plain TrueType font, Chinese from the CJK font: with the CJK
    // font alone, Qt's PDF text layer loses the Latin glyphs (searching and copying fail).
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), BulletinWriter::fontFamily()});
    f.setPointSizeF(points * 72.0 / fontDpi);
    f.setBold(bold);
    return f;
}

QString number(double v, int decimals = 1)
{
    return Money::trimmed(v, decimals);
}

void paintAxes(QPainter &p, const QRectF &plot, double yMax, const QString &unit, int ticks = 5)
{
    p.setFont(chartFont(7));
    for (int i = 0; i <= ticks; ++i) {
        const double v = yMax * i / ticks;
        const double y = plot.bottom() - plot.height() * i / ticks;
        p.setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 0.5));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(Qt::black);
        p.drawText(QRectF(plot.left() - 44, y - 6, 40, 12), Qt::AlignRight | Qt::AlignVCenter, number(v) + unit);
    }
    p.setPen(QPen(Qt::black, 0.8));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());
}

} // namespace

void ChartPainter::paint(Chart chart, QPainter &p, const QRectF &rect, const BulletinData &d, QList<Mark> *marks)
{
    auto mark = [marks](const QPainterPath &area, const QString &tip, qint64 unitId = 0) {
        if (marks)
            marks->append({area, tip, unitId});
    };
    auto box = [](const QRectF &r) {
        QPainterPath path;
        path.addRect(r);
        return path;
    };
    if (marks)
        marks->clear();
    p.save();
    fontDpi = p.device() ? p.device()->logicalDpiY() : 72;
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(chartFont(9, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(rect.left(), rect.top(), rect.width(), 16), Qt::AlignLeft | Qt::AlignVCenter, title(chart, d));
    const QRectF area = rect.adjusted(0, 20, 0, 0);

    if (chart == Comparison) {
        QList<RankRow> ranked;
        for (const RankRow &r : d.ranking) {
            if (r.rank > 0)
                ranked << r;
        }
        const QRectF plot = area.adjusted(48, 6, -8, -30);
        if (ranked.isEmpty()) {
            p.setFont(chartFont(8));
            p.drawText(plot, Qt::AlignCenter, tr("No unit of %1 has targets for %2 and %3 in %4.")
                                                  .arg(d.scopeName, Metrics::name(d.countMetric), Metrics::name(d.amountMetric))
                                                  .arg(d.year));
            p.restore();
            return;
        }
        double most = std::max(100.0, d.pace); // the target line stays in sight
        for (const RankRow &r : ranked)
            most = std::max(most, r.weighted);
        const Axis axis = niceAxis(most * 1.04); // room for the value over the highest bar
        const double top = axis.top;
        paintAxes(p, plot, top, QStringLiteral("%"), axis.ticks);
        const double slot = plot.width() / ranked.size();
        const double barW = std::min(slot * 0.6, 40.0);
        p.setFont(chartFont(7));
        for (int i = 0; i < ranked.size(); ++i) {
            const RankRow &r = ranked.at(i);
            const double h = plot.height() * std::max(0.0, r.weighted) / top;
            const QRectF bar(plot.left() + slot * i + (slot - barW) / 2, plot.bottom() - h, barW, h);
            p.fillRect(bar, statusColor(r.status));
            p.setPen(Qt::black);
            p.drawText(QRectF(bar.left() - 10, bar.top() - 12, bar.width() + 20, 11), Qt::AlignCenter, number(r.weighted) + QLatin1Char('%'));
            p.drawText(QRectF(plot.left() + slot * i, plot.bottom() + 3, slot, 24), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, r.unit);
            // The whole column, bar and name, stands for the unit.
            QStringList tip{tr("%1 (No. %2): weighted completion %3%").arg(r.unit).arg(r.rank).arg(number(r.weighted))};
            if (r.hasCount)
                tip << tr("%1 %2%").arg(Metrics::name(d.countMetric), number(r.countCompletion));
            if (r.hasAmount)
                tip << tr("%1 %2%").arg(Metrics::name(d.amountMetric), number(r.amountCompletion));
            if (r.hasEfficacy)
                tip << tr("efficacy score %1").arg(number(r.efficacy));
            mark(box(QRectF(plot.left() + slot * i, plot.top(), slot, plot.height() + 27)), tip.join(tr(", ")), r.unitId);
        }
        auto line = [&](double v, const QColor &c, Qt::PenStyle style, const QString &label, bool below) {
            const double y = plot.bottom() - plot.height() * v / top;
            p.setPen(QPen(c, 1.2, style));
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            p.setFont(chartFont(7));
            p.drawText(QRectF(plot.right() - 160, below ? y + 1 : y - 12, 158, 11), Qt::AlignRight | Qt::AlignVCenter, label);
        };
        // Each line's label above it; the pace's below its line when the two lines nearly meet (late in the year).
        const bool close = std::abs(plot.height() * (100 - d.pace) / top) < 13;
        line(d.pace, QColor(0x15, 0x65, 0xc0), Qt::DashLine, tr("Time pace %1%").arg(number(d.pace)), close);
        line(100, QColor(0x42, 0x42, 0x42), Qt::DotLine, tr("Annual target 100%"), false);
    } else if (chart == Cumulative) {
        // The legend and the unit in a row of their own above the plot, clear of the top tick.
        const QRectF plot = area.adjusted(48, 30, -8, -30);
        double top = 0;
        for (double v : d.cumulative)
            top = std::max(top, v);
        for (double v : d.lastYear)
            top = std::max(top, v);
        top = std::max(top, d.amountTarget);
        if (top <= 0) {
            p.setFont(chartFont(8));
            p.drawText(plot, Qt::AlignCenter, tr("No %1 recorded in the pipeline for %2 yet.").arg(Metrics::name(d.amountMetric)).arg(d.year));
            p.restore();
            return;
        }
        const Axis axis = niceAxis(top * 1.04);
        top = axis.top;
        paintAxes(p, plot, top, QString(), axis.ticks);
        const double step = plot.width() / 12;
        auto pt = [&](int month, double v) { return QPointF(plot.left() + step * (month - 0.5), plot.bottom() - plot.height() * v / top); };
        p.setFont(chartFont(7));
        p.setPen(Qt::black);
        for (int m = 1; m <= 12; ++m)
            p.drawText(QRectF(plot.left() + step * (m - 1), plot.bottom() + 3, step, 12), Qt::AlignCenter, tr("%1 mo").arg(m));
        auto polyline = [&](const QList<double> &values, int upTo, const QColor &c, Qt::PenStyle style) {
            QPainterPath path;
            for (int m = 1; m <= upTo && m <= values.size(); ++m) {
                if (m == 1)
                    path.moveTo(pt(m, values.at(m - 1)));
                else
                    path.lineTo(pt(m, values.at(m - 1)));
            }
            p.setPen(QPen(c, 1.6, style));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
        };
        polyline(d.lastYear, 12, QColor(0x9e, 0x9e, 0x9e), Qt::SolidLine);
        polyline(d.cumulative, d.asOf.month(), QColor(0x15, 0x65, 0xc0), Qt::SolidLine);
        QList<double> paceLine;
        if (d.amountTarget > 0) {
            for (int m = 1; m <= 12; ++m)
                paceLine << d.amountTarget * ProgressCalculator::pace(QDate(d.year, m, 1).addMonths(1).addDays(-1)) / 100.0;
            polyline(paceLine, 12, QColor(0xc6, 0x28, 0x28), Qt::DashLine);
        }
        // Each month's column says the three values of that month.
        const QString yi = Money::unitName(MoneyUnit::Yi);
        for (int m = 1; m <= 12; ++m) {
            QStringList lines{tr("%1 mo").arg(m)};
            if (m <= d.asOf.month() && m <= d.cumulative.size())
                lines << tr("%1: %2 %3").arg(d.year).arg(number(d.cumulative.at(m - 1), 2), yi);
            if (m <= d.lastYear.size())
                lines << tr("%1: %2 %3").arg(d.year - 1).arg(number(d.lastYear.at(m - 1), 2), yi);
            if (m <= paceLine.size())
                lines << tr("Target at time pace: %1 %2").arg(number(paceLine.at(m - 1), 2), yi);
            mark(box(QRectF(plot.left() + step * (m - 1), plot.top(), step, plot.height() + 15)), lines.join(QLatin1Char('\n')));
        }
        // Legend.
        const QList<QPair<QString, QColor>> legend = {
            {tr("%1").arg(d.year), QColor(0x15, 0x65, 0xc0)},
            {tr("%1").arg(d.year - 1), QColor(0x9e, 0x9e, 0x9e)},
            {tr("Target at time pace"), QColor(0xc6, 0x28, 0x28)}};
        const double row = area.top() + 2;
        double x = plot.left() + 6;
        for (const auto &[label, color] : legend) {
            p.setPen(QPen(color, 2));
            p.drawLine(QPointF(x, row + 6), QPointF(x + 14, row + 6));
            p.setPen(Qt::black);
            p.drawText(QRectF(x + 17, row, 110, 12), Qt::AlignLeft | Qt::AlignVCenter, label);
            x += 120;
        }
        p.drawText(QRectF(plot.left() - 46, row, 40, 12), Qt::AlignRight | Qt::AlignVCenter, Money::unitName(MoneyUnit::Yi));
    } else if (chart == Funnel) {
        QList<StageTotal> stages;
        for (const StageTotal &t : d.funnel) {
            if (int(t.stage) <= int(Stage::Operating))
                stages << t;
        }
        qint64 most = 1;
        for (const StageTotal &t : stages)
            most = std::max(most, t.count);
        const double rowH = std::min(40.0, (area.height() - 8) / std::max<qsizetype>(1, stages.size()));
        const double maxW = area.width() * 0.55;
        static const QColor colors[] = {QColor(0x90, 0xca, 0xf9), QColor(0x64, 0xb5, 0xf6), QColor(0x42, 0xa5, 0xf5),
                                        QColor(0x1e, 0x88, 0xe5), QColor(0x15, 0x65, 0xc0), QColor(0x0d, 0x47, 0xa1)};
        p.setFont(chartFont(8));
        for (int i = 0; i < stages.size(); ++i) {
            const StageTotal &t = stages.at(i);
            const double w = std::max(2.0, maxW * double(t.count) / double(most));
            const QRectF bar(area.left() + (maxW - w) / 2, area.top() + 4 + i * rowH, w, rowH - 4);
            p.fillRect(bar, colors[i % 6]);
            p.setPen(Qt::black);
            p.drawText(QRectF(area.left() + maxW + 8, bar.top(), area.width() - maxW - 8, bar.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("%1: %2, %3").arg(Names::stage(t.stage)).arg(t.count).arg(Money::formatTotal(t.investment, MoneyUnit::Yi)));
            mark(box(QRectF(area.left(), bar.top(), area.width(), bar.height())),
                 tr("%1: %2 projects, %3").arg(Names::stage(t.stage)).arg(t.count).arg(Money::formatTotal(t.investment, MoneyUnit::Yi)));
        }
    } else if (chart == IndustryMix) {
        const QList<QPair<QString, double>> parts = industryParts(d);
        double total = 0;
        for (const auto &pp : parts)
            total += pp.second;
        if (total <= 0) {
            p.setFont(chartFont(8));
            p.drawText(area, Qt::AlignCenter, tr("No project was signed in %1 up to %2.").arg(d.year).arg(d.asOf.toString(Qt::ISODate)));
            p.restore();
            return;
        }
        const double diameter = std::min(area.height() - 8, area.width() * 0.45);
        const QRectF pie(area.left() + 4, area.top() + 4, diameter, diameter);
        int start = 90 * 16;
        p.setFont(chartFont(8));
        for (int i = 0; i < parts.size(); ++i) {
            const int span = int(std::round(-360.0 * 16 * parts.at(i).second / total));
            p.setPen(QPen(Qt::white, 0.8));
            p.setBrush(seriesColor(i));
            p.drawPie(pie, start, span);
            const QString text = tr("%1 %2 (%3%)").arg(parts.at(i).first, Money::formatTotal(qint64(parts.at(i).second * 1e8), MoneyUnit::Yi),
                                                      number(100.0 * parts.at(i).second / total));
            QPainterPath slice(pie.center());
            slice.arcTo(pie, start / 16.0, span / 16.0);
            slice.closeSubpath();
            start += span;
            const QRectF key(pie.right() + 14, area.top() + 6 + i * 15, 10, 10);
            p.fillRect(key, seriesColor(i));
            p.setPen(Qt::black);
            const QRectF label(key.right() + 5, key.top() - 2, area.right() - key.right() - 5, 14);
            p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, text);
            slice.addRect(key.united(label)); // the slice and its line of the legend
            mark(slice, text);
        }
    }
    p.restore();
}

Status ChartPainter::exportChart(Chart chart, const BulletinData &d, const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSizeF size(720, 380); // points
    if (suffix == QLatin1String("pdf")) {
        QBuffer pdf;
        pdf.open(QIODevice::WriteOnly);
        {
            QPdfWriter writer(&pdf);
            writer.setResolution(72);
            writer.setPageSize(QPageSize(size, QPageSize::Point));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setCreator(QStringLiteral("IPDesk"));
            QPainter p;
            if (!p.begin(&writer))
                return Status::error(tr("%1 cannot be written.").arg(path));
            paint(chart, p, QRectF(QPointF(16, 12), size - QSizeF(32, 24)), d);
            p.end();
        }
        return BulletinWriter::savePdf(pdf.buffer(), path);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), size));
        svg.setResolution(72);
        svg.setTitle(title(chart, d));
        QPainter p;
        if (!p.begin(&svg))
            return Status::error(tr("%1 cannot be written.").arg(path));
        p.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
        paint(chart, p, QRectF(QPointF(16, 12), size - QSizeF(32, 24)), d);
        p.end();
    } else if (suffix == QLatin1String("png")) {
        const double scale = 2.5;
        QImage image((size * scale).toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        image.setDotsPerMeterX(int(72 * scale / 0.0254));
        image.setDotsPerMeterY(int(72 * scale / 0.0254));
        QPainter p(&image);
        p.scale(scale, scale);
        paint(chart, p, QRectF(QPointF(16, 12), size - QSizeF(32, 24)), d);
        p.end();
        if (!image.save(path))
            return Status::error(tr("%1 cannot be written.").arg(path));
    } else {
        return Status::error(tr("Charts are written as PDF, SVG or PNG; \"%1\" is none of them.").arg(QFileInfo(path).fileName()));
    }
    return Status();
}

// ---------------------------------------------------------------------------------------------
// The bulletin

QString BulletinWriter::fontFamily()
{
    static const QString family = [] {
        const QStringList families = QFontDatabase::families();
        for (const char *f : {"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Droid Sans Fallback"}) {
            if (families.contains(QLatin1String(f)))
                return QString::fromLatin1(f);
        }
        return QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
    }();
    return family;
}

namespace {

struct Page
{
    QPainter *p;
    QPagedPaintDevice *device;
    QRectF body;
    double y = 0;
    int number = 1;

    void footer()
    {
        p->save();
        p->setFont(chartFont(8));
        p->setPen(QColor(0x61, 0x61, 0x61));
        p->drawText(QRectF(body.left(), body.bottom() + 8, body.width(), 14), Qt::AlignCenter,
                    BulletinWriter::tr("Page %1").arg(number));
        p->restore();
    }
    void newPage()
    {
        footer();
        device->newPage();
        ++number;
        y = body.top();
    }
    void need(double h)
    {
        if (y + h > body.bottom())
            newPage();
    }
};

} // namespace

void BulletinWriter::paint(const BulletinData &d, QPagedPaintDevice *device)
{
    QPainter painter(device);
    painter.setRenderHint(QPainter::Antialiasing);
    // Lay out in points whatever the device's resolution.
    const QRectF pageRect = device->pageLayout().paintRect(QPageLayout::Point);
    const double scale = device->logicalDpiX() / 72.0;
    painter.scale(scale, scale);
    fontDpi = device->logicalDpiY();
    Page page{&painter, device, QRectF(0, 0, pageRect.width(), pageRect.height() - 24)};
    page.y = 0;
    QPainter &p = painter;

    // Title.
    p.setFont(chartFont(18, true));
    p.setPen(QColor(0xb7, 0x1c, 0x1c));
    p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 30), Qt::AlignCenter,
               tr("Investment Promotion Bulletin of %1").arg(d.scopeName));
    page.y += 34;
    p.setPen(Qt::black);
    p.setFont(chartFont(10));
    p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 16), Qt::AlignCenter,
               tr("%1, as of %2, time pace %3%").arg(d.year).arg(d.asOf.toString(Qt::ISODate)).arg(number(d.pace)));
    page.y += 18;
    p.setPen(QPen(QColor(0xb7, 0x1c, 0x1c), 1.5));
    p.drawLine(QPointF(page.body.left(), page.y), QPointF(page.body.right(), page.y));
    page.y += 10;
    if (!d.note.isEmpty()) {
        p.setPen(Qt::black);
        p.setFont(chartFont(8));
        p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 14), Qt::AlignLeft, d.note);
        page.y += 16;
    }

    // Ranking table.
    p.setFont(chartFont(11, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 18), Qt::AlignLeft | Qt::AlignVCenter, tr("Ranking"));
    page.y += 20;
    const QStringList headers = {tr("Rank"), tr("Unit"), Metrics::name(d.countMetric), Metrics::name(d.amountMetric),
                                 tr("Weighted completion"), tr("Efficacy score"), tr("Status")};
    const QList<double> widths = {0.07, 0.2, 0.16, 0.16, 0.15, 0.13, 0.13};
    const double rowH = 17;
    auto drawRow = [&](const QStringList &cells, bool header, const QColor &statusFill) {
        page.need(rowH);
        double x = page.body.left();
        for (int c = 0; c < cells.size(); ++c) {
            const QRectF cell(x, page.y, page.body.width() * widths.at(c), rowH);
            if (header)
                p.fillRect(cell, QColor(0xee, 0xee, 0xee));
            if (!header && c == cells.size() - 1 && statusFill.isValid())
                p.fillRect(cell.adjusted(1, 1, -1, -1), statusFill);
            p.setPen(QPen(QColor(0xbd, 0xbd, 0xbd), 0.5));
            p.drawRect(cell);
            p.setPen(!header && c == cells.size() - 1 && statusFill.isValid() ? Qt::white : Qt::black);
            p.setFont(chartFont(8, header));
            p.drawText(cell.adjusted(3, 0, -3, 0), (c == 1 ? Qt::AlignLeft : Qt::AlignCenter) | Qt::AlignVCenter, cells.at(c));
            x += cell.width();
        }
        page.y += rowH;
    };
    drawRow(headers, true, QColor());
    for (const RankRow &r : d.ranking) {
        if (r.rank > 0) {
            drawRow({QString::number(r.rank), r.unit,
                     r.hasCount ? number(r.countCompletion) + QLatin1Char('%') : tr("No target"),
                     r.hasAmount ? number(r.amountCompletion) + QLatin1Char('%') : tr("No target"),
                     number(r.weighted) + QLatin1Char('%'), r.hasEfficacy ? number(r.efficacy) : QStringLiteral("—"), statusName(r.status)},
                    false, ChartPainter::statusColor(r.status));
        } else {
            drawRow({QStringLiteral("—"), r.unit, QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—"),
                     tr("No target")},
                    false, QColor());
        }
    }
    ProgressSettings rules;
    rules.countMetric = d.countMetric;
    rules.amountMetric = d.amountMetric;
    if (const QString note = ProgressCalculator::rankingNote(d.ranking, rules, d.year); !note.isEmpty()) {
        page.need(16);
        p.setPen(Qt::black);
        p.setFont(chartFont(8));
        p.drawText(QRectF(page.body.left(), page.y + 2, page.body.width(), 14), Qt::AlignLeft, note);
        page.y += 16;
    }
    page.y += 6;
    p.setFont(chartFont(7));
    p.setPen(QColor(0x61, 0x61, 0x61));
    page.need(24);
    p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 22), Qt::AlignLeft | Qt::TextWordWrap,
               tr("Green: less than the yellow threshold behind the time pace; yellow and red as the bureau set them. "
                  "Efficacy score: 60 + 40 × (value − lowest) / (highest − lowest), weighted like the completion."));
    page.y += 28;

    // Monthly returns: the units whose return of the month is not approved, late ones named first.
    if (d.showReturns) {
        const QString month = Metrics::monthName(d.returnMonth);
        page.need(60);
        p.setPen(Qt::black);
        p.setFont(chartFont(11, true));
        p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Monthly returns of %1").arg(month));
        page.y += 20;
        p.setFont(chartFont(8));
        QString head = tr("%1 of %2 units' returns are approved.").arg(d.returnsApproved).arg(d.returnsTotal) + QLatin1Char(' ')
            + tr("Due on day %1 of the next month from towns, streets and departments, on day %2 from districts and counties.")
                  .arg(d.returnDayDistrict).arg(d.returnDayCity);
        if (d.approvedOnly)
            head += QLatin1Char(' ') + tr("The figures of this bulletin are those of approved returns only.");
        p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 14), Qt::AlignLeft | Qt::AlignVCenter, head);
        page.y += 16;
        // Grouped as a 通报 names them: the late, the returned (with the opinion), the waiting, the rest.
        struct Group { QString title; QStringList names; ProgressStatus colour; };
        QList<Group> groups{{tr("Overdue, not submitted"), {}, ProgressStatus::Red},
                            {tr("Returned"), {}, ProgressStatus::Yellow},
                            {tr("Waiting for review"), {}, ProgressStatus::NoData},
                            {tr("Not yet submitted"), {}, ProgressStatus::NoData}};
        for (const MonthlyReturn &r : d.openReturns) {
            if (r.state == ReturnState::Returned)
                groups[1].names << (r.opinion.isEmpty() ? r.unit : tr("%1 (opinion: %2)").arg(r.unit, r.opinion));
            else if (r.overdue)
                groups[0].names << r.unit;
            else if (r.state == ReturnState::Submitted)
                groups[2].names << r.unit;
            else
                groups[3].names << r.unit;
        }
        for (const Group &g : std::as_const(groups)) {
            if (g.names.isEmpty())
                continue;
            const QString line = tr("%1 (%2): %3").arg(g.title).arg(g.names.size()).arg(g.names.join(tr(", ", "list of units")));
            const QRectF bounds = p.boundingRect(QRectF(page.body.left() + 12, 0, page.body.width() - 12, 1000),
                                                 Qt::AlignLeft | Qt::TextWordWrap, line);
            page.need(bounds.height() + 3);
            p.fillRect(QRectF(page.body.left(), page.y + 3, 8, 8), ChartPainter::statusColor(g.colour));
            p.setPen(Qt::black);
            p.drawText(QRectF(page.body.left() + 12, page.y, page.body.width() - 12, bounds.height()),
                       Qt::AlignLeft | Qt::TextWordWrap, line);
            page.y += bounds.height() + 3;
        }
        page.y += 8;
    }
    if (!d.overdueTasks.isEmpty()) {
        page.need(40);
        p.setPen(Qt::black);
        p.setFont(chartFont(11, true));
        p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Overdue follow-up tasks (%1)").arg(d.overdueTasks.size()));
        page.y += 20;
        p.setFont(chartFont(8));
        for (const FollowUpTask &t : d.overdueTasks) {
            const QString line = tr("%1 — %2 (due %3)").arg(d.unitNames.value(t.unitId), t.what, t.due.toString(Qt::ISODate));
            const QRectF bounds = p.boundingRect(QRectF(page.body.left() + 12, 0, page.body.width() - 12, 1000),
                                                 Qt::AlignLeft | Qt::TextWordWrap, line);
            page.need(bounds.height() + 2);
            p.fillRect(QRectF(page.body.left(), page.y + 3, 8, 8), ChartPainter::statusColor(ProgressStatus::Red));
            p.drawText(QRectF(page.body.left() + 12, page.y, page.body.width() - 12, bounds.height()),
                       Qt::AlignLeft | Qt::TextWordWrap, line);
            page.y += bounds.height() + 2;
        }
        page.y += 8;
    }

    // Charts, two to a page where they fit.
    for (ChartPainter::Chart c : {ChartPainter::Comparison, ChartPainter::Cumulative, ChartPainter::Funnel, ChartPainter::IndustryMix}) {
        const double h = c == ChartPainter::Funnel || c == ChartPainter::IndustryMix ? 170 : 230;
        page.need(h + 10);
        ChartPainter::paint(c, p, QRectF(page.body.left(), page.y, page.body.width(), h), d);
        page.y += h + 14;
    }

    // A short summary per unit.
    page.need(40);
    p.setPen(Qt::black);
    p.setFont(chartFont(11, true));
    p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 18), Qt::AlignLeft | Qt::AlignVCenter, tr("Unit by unit"));
    page.y += 22;
    QList<qint64> order;
    for (const RankRow &r : d.ranking)
        order << r.unitId;
    for (qint64 unit : std::as_const(order)) {
        QStringList sentences;
        for (const ProgressRow &r : d.rows) {
            if (r.unitId == unit && (r.hasTarget || r.metric == d.countMetric || r.metric == d.amountMetric))
                sentences << r.summary();
        }
        QString unitName;
        for (const RankRow &r : d.ranking) {
            if (r.unitId == unit)
                unitName = r.unit;
        }
        const QString text = sentences.isEmpty() ? tr("No targets and no figures for %1.").arg(d.year) : sentences.join(QLatin1Char(' '));
        p.setFont(chartFont(8.5));
        const QRectF bounds = p.boundingRect(QRectF(page.body.left() + 64, 0, page.body.width() - 64, 1000),
                                             Qt::AlignLeft | Qt::TextWordWrap, text);
        page.need(bounds.height() + 8);
        p.setFont(chartFont(8.5, true));
        p.drawText(QRectF(page.body.left(), page.y, 62, 14), Qt::AlignLeft, unitName);
        p.setFont(chartFont(8.5));
        p.drawText(QRectF(page.body.left() + 64, page.y, page.body.width() - 64, bounds.height()), Qt::AlignLeft | Qt::TextWordWrap, text);
        page.y += bounds.height() + 8;
    }

    // Projects that sit in one stage too long.
    if (!d.stuck.isEmpty()) {
        page.need(40);
        p.setFont(chartFont(11, true));
        p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Projects in one stage too long"));
        page.y += 20;
        p.setFont(chartFont(8));
        p.drawText(QRectF(page.body.left(), page.y, page.body.width(), 14), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("%1 red, %2 yellow; the longest %3 of them:").arg(d.stuckRed).arg(d.stuckYellow).arg(d.stuck.size()));
        page.y += 16;
        for (const StuckProject &s : d.stuck) {
            page.need(14);
            p.fillRect(QRectF(page.body.left(), page.y + 3, 8, 8), ChartPainter::statusColor(s.status));
            p.setPen(Qt::black);
            p.setFont(chartFont(8));
            p.drawText(QRectF(page.body.left() + 12, page.y, page.body.width() - 12, 14), Qt::AlignLeft | Qt::AlignVCenter,
                       ChartPainter::stalledText(s));
            page.y += 14;
        }
    }
    page.footer();
}

Status BulletinWriter::writePdf(const BulletinData &d, const QString &path)
{
    if (!QFileInfo(QFileInfo(path).absolutePath()).isWritable())
        return Status::error(tr("%1 cannot be written: the folder is not writable.").arg(path));
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 16, 18, 16), QPageLayout::Millimeter));
        writer.setTitle(tr("Investment Promotion Bulletin of %1").arg(d.scopeName));
        writer.setCreator(QStringLiteral("IPDesk"));
        paint(d, &writer);
    }
    return savePdf(pdf.buffer(), path);
}

Status BulletinWriter::savePdf(QByteArray pdf, const QString &path)
{
    if (pdf.isEmpty())
        return Status::error(tr("%1 could not be written.").arg(path));
    // What a reader copies or searches is what was drawn (see PdfText).
    static const QHash<char16_t, char16_t> radicals = PdfText::radicalMap({fontFamily()});
    PdfText::fix(pdf, radicals);
    // Written whole or not at all: a bulletin half written is never left under its name.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit())
        return Status::error(tr("%1 cannot be written: %2").arg(path, file.errorString()));
    return Status();
}

} // namespace IPDesk
