#include "chartwidget.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QImage>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QToolTip>

namespace IPDesk {

ChartWidget::ChartWidget(ChartPainter::Chart chart, QWidget *parent)
    : QWidget(parent)
    , m_chart(chart)
{
    setMouseTracking(true); // the pointing hand over a unit's bar
    setFocusPolicy(Qt::StrongFocus); // the arrow keys step through the parts
    setAutoFillBackground(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ChartWidget::setData(const BulletinData &data)
{
    m_data = data;
    m_marks.clear();
    m_hovered = -1;
    m_current = -1;
    setAccessibleName(ChartPainter::title(m_chart, m_data));
    setAccessibleDescription(QString());
    update();
}

double ChartWidget::scale() const
{
    return std::max(1.0, logicalDpiY() / 72.0);
}

void ChartWidget::draw(QPainter &p) const
{
    p.fillRect(QRectF(QPointF(0, 0), QSizeF(size())), Qt::white);
    const double s = scale();
    p.scale(s, s);
    const QRectF rect(QPointF(10, 8), QSizeF(width() / s - 20, height() / s - 16));
    ChartPainter::paint(m_chart, p, rect, m_data, &m_marks);
}

void ChartWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    draw(p);
    // The part under the pointer (else the keyboard's), lightly shaded: what the tooltip and a click
    // or Enter are about.
    const int shaded = m_hovered >= 0 ? m_hovered : m_current;
    if (shaded >= 0 && shaded < m_marks.size()) {
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x15, 0x65, 0xc0, 28));
        p.drawPath(m_marks.at(shaded).area);
    }
    // With the focus, the style's focus frame around the keyboard's part, or around the chart.
    if (hasFocus()) {
        p.resetTransform();
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = m_current >= 0 && m_current < m_marks.size()
            ? QTransform::fromScale(scale(), scale()).map(m_marks.at(m_current).area).boundingRect().toAlignedRect().adjusted(-2, -2, 2, 2)
            : rect().adjusted(1, 1, -1, -1);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &p, this);
    }
}

void ChartWidget::setCurrent(int index)
{
    m_current = index;
    update();
    if (index < 0 || index >= m_marks.size()) {
        QToolTip::hideText();
        setAccessibleDescription(QString());
    } else {
        const ChartPainter::Mark &m = m_marks.at(index);
        const QRect around = QTransform::fromScale(scale(), scale()).map(m.area).boundingRect().toAlignedRect();
        QToolTip::showText(mapToGlobal(around.center()), m.tip, this, around);
        setAccessibleDescription(m.tip);
    }
    QAccessibleEvent told(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&told);
}

void ChartWidget::keyPressEvent(QKeyEvent *event)
{
    if (m_marks.isEmpty())
        image(); // lays the chart out once
    const int last = int(m_marks.size()) - 1;
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        if (last >= 0)
            setCurrent(m_current < 0 ? 0 : std::min(last, m_current + 1));
        return;
    case Qt::Key_Left:
    case Qt::Key_Up:
        if (last >= 0)
            setCurrent(m_current < 0 ? last : std::max(0, m_current - 1));
        return;
    case Qt::Key_Home:
        if (last >= 0)
            setCurrent(0);
        return;
    case Qt::Key_End:
        if (last >= 0)
            setCurrent(last);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0 && m_current <= last && m_marks.at(m_current).unitId) {
            emit unitActivated(m_marks.at(m_current).unitId);
            return;
        }
        break;
    case Qt::Key_Escape:
        if (m_current >= 0) {
            setCurrent(-1);
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void ChartWidget::focusOutEvent(QFocusEvent *event)
{
    QToolTip::hideText();
    update(); // (the focus frame goes)
    QWidget::focusOutEvent(event);
}

void ChartWidget::leaveEvent(QEvent *event)
{
    if (m_hovered >= 0) {
        m_hovered = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

QImage ChartWidget::image() const
{
    QImage image(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatioF());
    image.setDotsPerMeterX(int(logicalDpiX() / 0.0254));
    image.setDotsPerMeterY(int(logicalDpiY() / 0.0254));
    QPainter p(&image);
    draw(p);
    return image;
}

QList<ChartPainter::Mark> ChartWidget::marks() const
{
    if (m_marks.isEmpty())
        image(); // lays the chart out once
    QList<ChartPainter::Mark> shown = m_marks;
    const QTransform toWidget = QTransform::fromScale(scale(), scale());
    for (ChartPainter::Mark &m : shown)
        m.area = toWidget.map(m.area);
    return shown;
}

const ChartPainter::Mark *ChartWidget::markAt(const QPointF &pos) const
{
    const QPointF at = pos / scale();
    for (const ChartPainter::Mark &m : std::as_const(m_marks)) {
        if (m.area.contains(at))
            return &m;
    }
    return nullptr;
}

bool ChartWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const ChartPainter::Mark *m = markAt(help->pos())) {
            const QRect around = QTransform::fromScale(scale(), scale()).map(m->area).boundingRect().toAlignedRect();
            QToolTip::showText(help->globalPos(), m->tip, this, around);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void ChartWidget::mouseMoveEvent(QMouseEvent *event)
{
    const ChartPainter::Mark *m = markAt(event->position());
    setCursor(m && m->unitId ? Qt::PointingHandCursor : Qt::ArrowCursor);
    const int hovered = m ? int(m - m_marks.constData()) : -1;
    if (hovered != m_hovered) {
        m_hovered = hovered;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void ChartWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const ChartPainter::Mark *m = markAt(event->position()); m && m->unitId) {
            emit unitActivated(m->unitId);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void ChartWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Copy Chart"), this, [this] { QApplication::clipboard()->setImage(image()); });
    menu.addAction(tr("Export Chart…"), this, [this] { emit exportRequested(m_chart); });
    menu.exec(event->globalPos());
}

} // namespace IPDesk
