#pragma once

#include "progress/bulletin.h"

#include <QWidget>

namespace IPDesk {

/// One of the bulletin's charts on screen, drawn by the same ChartPainter as the PDF, SVG and PNG
/// exports and the bulletin itself, so that what the officer sees is what the leaders get. Pointing
/// at a part (a unit's bar, a month, a stage, a share) tells its figures; clicking a unit's bar asks
/// for that unit's pipeline. From the keyboard, the arrow keys (Home, End) step through the parts,
/// telling each one's figures as pointing does (and to a screen reader), and Enter opens a unit's.
class ChartWidget : public QWidget
{
    Q_OBJECT
public:
    ChartWidget(ChartPainter::Chart chart, QWidget *parent = nullptr);

    ChartPainter::Chart chart() const { return m_chart; }
    void setData(const BulletinData &data);
    /// The parts as last drawn, in widget coordinates (for tests and accessibility).
    QList<ChartPainter::Mark> marks() const;
    /// The chart as the widget shows it, at its size.
    QImage image() const;
    /// The part the keyboard has reached (an index into marks()), or -1.
    int currentMark() const { return m_current; }

    QSize sizeHint() const override { return {560, 380}; }
    QSize minimumSizeHint() const override { return {320, 220}; }

signals:
    void unitActivated(qint64 unitId);
    void exportRequested(IPDesk::ChartPainter::Chart chart);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    /// Layout is in points, as on paper: the widget draws at the screen's points-to-pixels scale.
    double scale() const;
    void draw(QPainter &p) const;
    const ChartPainter::Mark *markAt(const QPointF &pos) const;
    /// Makes part \a index the keyboard's: shaded, its figures shown and told.
    void setCurrent(int index);

    ChartPainter::Chart m_chart;
    BulletinData m_data;
    mutable QList<ChartPainter::Mark> m_marks; // in chart coordinates (widget pixels / scale())
    int m_hovered = -1;                         // the mark under the pointer, shaded
    int m_current = -1;                         // the mark the keyboard has reached, shaded too
};

} // namespace IPDesk
