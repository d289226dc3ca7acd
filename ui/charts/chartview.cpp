// SPDX-License-Identifier: MIT
#include "ui/charts/chartview.h"

#include <QApplication>
#include <QBarLegendMarker>
#include <QBarSet>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QGraphicsSimpleTextItem>
#include <QHelpEvent>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QMenu>
#include <QMessageBox>
#include <QPieLegendMarker>
#include <QPieSlice>
#include <QToolTip>

#include "ui/charts/chartexport.h"

namespace chokepoint::ui {

QString chartLabel(const QString& text) {
    return text.toHtmlEscaped();
}

namespace {
constexpr char kHidden[] = "chokepointHidden";

// When the mouse rests, the viewport gets a tooltip event that the scene answers from its
// items' own tooltips; chart items have none, so it hid the hovered item's tip about 0.7 s
// after it appeared (seen on a desktop, not in tests that only emitted `hovered`). This
// filter answers it with the hovered item's tip instead.
class KeepHoverTip : public QObject {
public:
    KeepHoverTip(ChartView* view)
        : QObject(view)
        , m_view(view) {}
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() != QEvent::ToolTip || m_view->tipText().isEmpty())
            return false;
        QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), m_view->tipText(), m_view);
        return true;
    }

private:
    ChartView* m_view;
};
constexpr char kValues[] = "chokepointValues";
constexpr char kValue[] = "chokepointValue";
} // namespace

ChartView::ChartView(QWidget* parent)
    : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    viewport()->installEventFilter(new KeepHoverTip(this));
    setMinimumSize(240, 200);
    chart()->setMargins(QMargins(6, 6, 6, 6));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    m_palette = ChartPalette::forPalette(palette());
    applyChartPalette(chart(), m_palette);
}

void ChartView::showTip(const QString& text) {
    m_tip = text;
    QToolTip::showText(QCursor::pos(), text, this);
}

void ChartView::hideTip() {
    m_tip.clear();
    QToolTip::hideText();
}

void ChartView::connectBars(QBarSet* set, std::function<int(int)> item,
                            std::function<QString(int)> tip, std::function<QString(int)> key) {
    connect(set, &QBarSet::hovered, this, [this, item, tip](bool on, int bar) {
        if (on)
            showTip(tip(item(bar)));
        else
            hideTip();
    });
    connect(set, &QBarSet::clicked, this, [this, item, key](int bar) {
        if (const QString k = key(item(bar)); !k.isEmpty())
            Q_EMIT itemClicked(k);
    });
    connect(set, &QBarSet::doubleClicked, this, [this, item, key](int bar) {
        if (const QString k = key(item(bar)); !k.isEmpty())
            Q_EMIT itemActivated(k);
    });
}

void ChartView::connectLegend() {
    for (QLegendMarker* marker : chart()->legend()->markers()) {
        disconnect(marker, &QLegendMarker::clicked, this, nullptr);
        connect(marker, &QLegendMarker::clicked, this, [this, marker] { toggleMarker(marker); });
    }
}

// Bar sets and slices have no visibility of their own: they are hidden by zeroing their
// values (so stacks close up), and the values come back from a property.
void ChartView::toggleMarker(QLegendMarker* marker) {
    QObject* item = nullptr;
    bool hide = false;
    if (auto* bar = qobject_cast<QBarLegendMarker*>(marker)) {
        QBarSet* set = bar->barset();
        item = set;
        hide = !set->property(kHidden).toBool();
        if (hide) {
            QVariantList values;
            for (int i = 0; i < set->count(); ++i)
                values << set->at(i);
            set->setProperty(kValues, values);
            for (int i = 0; i < set->count(); ++i)
                set->replace(i, 0.0);
        } else {
            const QVariantList values = set->property(kValues).toList();
            for (int i = 0; i < set->count() && i < values.size(); ++i)
                set->replace(i, values[i].toDouble());
        }
    } else if (auto* pie = qobject_cast<QPieLegendMarker*>(marker)) {
        QPieSlice* slice = pie->slice();
        item = slice;
        hide = !slice->property(kHidden).toBool();
        if (hide) {
            slice->setProperty(kValue, slice->value());
            slice->setValue(0.0);
            slice->setLabelVisible(false);
        } else {
            slice->setValue(slice->property(kValue).toDouble());
        }
    } else if (marker->series()) {
        item = marker->series();
        hide = marker->series()->isVisible();
        marker->series()->setVisible(!hide);
        marker->setVisible(true); // hiding a series hides its marker; keep it clickable
    }
    if (!item)
        return;
    item->setProperty(kHidden, hide);
    QColor label = m_palette.text;
    label.setAlphaF(hide ? 0.35 : 1.0);
    marker->setLabelBrush(label);
    QBrush brush = marker->brush();
    QColor c = brush.color();
    c.setAlphaF(hide ? 0.25 : 1.0);
    brush.setColor(c);
    marker->setBrush(brush);
}

void ChartView::restyle() {
    const ChartPalette p = ChartPalette::forPalette(palette());
    const bool themeChanged = p.dark != m_palette.dark;
    m_palette = p;
    applyChartPalette(chart(), m_palette, themeChanged);
    if (m_emptyLabel)
        m_emptyLabel->setBrush(m_palette.mutedText);
}

void ChartView::setEmptyText(const QString& text) {
    m_emptyText = text;
    placeEmptyLabel();
}

bool ChartView::emptyTextShown() const {
    return m_emptyLabel && m_emptyLabel->isVisible();
}

void ChartView::setEmpty(bool empty) {
    m_empty = empty;
    placeEmptyLabel();
}

void ChartView::placeEmptyLabel() {
    const bool show = m_empty && !m_emptyText.isEmpty();
    if (!show) {
        if (m_emptyLabel)
            m_emptyLabel->setVisible(false);
        return;
    }
    if (!m_emptyLabel) {
        m_emptyLabel = new QGraphicsSimpleTextItem(chart());
        m_emptyLabel->setBrush(m_palette.mutedText);
    }
    m_emptyLabel->setText(m_emptyText);
    m_emptyLabel->setVisible(true);
    const QRectF plot = chart()->plotArea();
    const QRectF r = m_emptyLabel->boundingRect();
    m_emptyLabel->setPos(plot.center() - QPointF(r.width() / 2, r.height() / 2));
}

void ChartView::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    placeEmptyLabel();
}

void ChartView::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

bool ChartView::exportTo(const QString& path, QString* error) {
    return exportChart(*this, path, error);
}

void ChartView::exportDialog() {
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), m_exportName + QStringLiteral(".png"),
        tr("PNG image (*.png);;SVG image (*.svg)"), &selected);
    if (path.isEmpty())
        return;
    QString file = path;
    if (!file.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive) &&
        !file.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive))
        file += selected.contains(QStringLiteral("svg")) ? QStringLiteral(".svg")
                                                         : QStringLiteral(".png");
    QString error;
    if (!exportTo(file, &error))
        QMessageBox::warning(this, tr("Export chart"), error);
}

void ChartView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Export chart…"), this, [this] { exportDialog(); });
    menu.addAction(tr("Copy image"), this, [this] {
        QApplication::clipboard()->setImage(renderChartImage(*this, size(), 2.0));
    });
    if (m_zoomPan)
        menu.addAction(tr("Reset zoom"), this, [this] { chart()->zoomReset(); });
    menu.exec(event->globalPos());
}

void ChartView::wheelEvent(QWheelEvent* event) {
    // A plain wheel scrolls the page the chart sits in (results pages are long); Ctrl + wheel
    // zooms, as in browsers and office charts. Zooming out stops at the whole series.
    if (!m_zoomPan || !(event->modifiers() & Qt::ControlModifier)) {
        event->ignore();
        return;
    }
    event->accept();
    if (!chart()->isZoomed())
        m_zoomScale = 1.0;
    const bool in = event->angleDelta().y() > 0;
    if (!in && m_zoomScale / 1.25 < 1.0 + 1e-9) {
        chart()->zoomReset();
        m_zoomScale = 1.0;
        return;
    }
    const double factor = in ? 1.25 : 0.8;
    m_zoomScale *= factor;
    const QPointF pos = event->position();
    const QRectF plot = chart()->plotArea();
    // Zoom around the cursor: shrink the plot rect towards it.
    QRectF r(plot.topLeft(), plot.size() / factor);
    r.moveCenter(plot.center() + (pos - plot.center()) * (1.0 - 1.0 / factor));
    chart()->zoomIn(r);
}

void ChartView::mousePressEvent(QMouseEvent* event) {
    m_pressPos = m_lastPos = event->pos();
    m_panning = false;
    QChartView::mousePressEvent(event);
    // Keep the mouse grab for a drag that pans, even when no item took the press.
    if (m_zoomPan && event->button() == Qt::LeftButton)
        event->accept();
}

void ChartView::mouseMoveEvent(QMouseEvent* event) {
    if (m_zoomPan && (event->buttons() & Qt::LeftButton)) {
        if (!m_panning && (event->pos() - m_pressPos).manhattanLength() > 6)
            m_panning = true;
        if (m_panning) {
            const QPoint d = event->pos() - m_lastPos;
            chart()->scroll(-d.x(), d.y());
            m_lastPos = event->pos();
            setCursor(Qt::ClosedHandCursor);
            event->accept();
            return;
        }
    }
    QChartView::mouseMoveEvent(event);
    // A click hides the tooltip; moving on over the same item brings it back.
    if (!m_tip.isEmpty() && !QToolTip::isVisible())
        QToolTip::showText(QCursor::pos(), m_tip, this);
}

void ChartView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::leaveEvent(QEvent* event) {
    hideTip();
    QChartView::leaveEvent(event);
}

} // namespace chokepoint::ui
