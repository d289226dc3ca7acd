// SPDX-License-Identifier: MIT
#include "ui/pages/controls/matrixview.h"

#include <algorithm>

#include <QEvent>
#include <QPainter>

#include "ui/charts/chartpalette.h"

namespace chokepoint::ui {

namespace {
constexpr int kCell = 22;
constexpr int kMaxHeaderHeight = 240;
} // namespace

QColor matrixStateColor(CoverageMatrixModel::State state, const QPalette& palette) {
    using S = CoverageMatrixModel::State;
    const ChartPalette p = ChartPalette::forPalette(palette);
    switch (state) {
    case S::Empty:
        return p.background;
    case S::Controlled:
    case S::InForce:
        return p.risk;
    case S::Free:
        return p.category(0);
    case S::Announced:
        return p.deeper;
    case S::NotAnnounced:
        return p.dark ? QColor(0x5a, 0x60, 0x6a) : QColor(0xc8, 0xcd, 0xd4);
    case S::Ended:
        return p.category(4);
    case S::NeverInForce:
        return p.dark ? QColor(0x80, 0x86, 0x90) : QColor(0x9a, 0xa0, 0xa8);
    }
    return p.background;
}

void MatrixDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const {
    const auto state =
        CoverageMatrixModel::State(index.data(CoverageMatrixModel::StateRole).toInt());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF cell = QRectF(option.rect).adjusted(2, 2, -2, -2);
    const ChartPalette p = ChartPalette::forPalette(option.palette);
    if (state == CoverageMatrixModel::State::Empty) {
        painter->setPen(QPen(p.grid, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawPoint(cell.center());
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(matrixStateColor(state, option.palette));
        painter->drawRoundedRect(cell, 3, 3);
        if (state == CoverageMatrixModel::State::NeverInForce) {
            // A diagonal stroke: was due, never applied.
            painter->setPen(QPen(p.background, 1.5));
            painter->drawLine(cell.bottomLeft() + QPointF(3, -3), cell.topRight() + QPointF(-3, 3));
        }
    }
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(p.highlight, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3);
    }
    painter->restore();
}

QSize MatrixDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const {
    return {kCell, kCell};
}

RotatedHeader::RotatedHeader(QWidget* parent)
    : QHeaderView(Qt::Horizontal, parent) {
    setSectionsClickable(true);
    setHighlightSections(true);
    setDefaultSectionSize(kCell);
    setMinimumSectionSize(kCell);
    setSectionResizeMode(QHeaderView::Fixed);
}

void RotatedHeader::setModel(QAbstractItemModel* model) {
    if (model == this->model())
        return;
    for (const QMetaObject::Connection& c : m_connections)
        disconnect(c);
    m_connections.clear();
    forgetHeight();
    // Connected before QHeaderView's own handlers, so they never see a stale height.
    if (model) {
        const auto forget = [this] { forgetHeight(); };
        m_connections = {connect(model, &QAbstractItemModel::modelReset, this, forget),
                         connect(model, &QAbstractItemModel::layoutChanged, this, forget),
                         connect(model, &QAbstractItemModel::columnsInserted, this, forget),
                         connect(model, &QAbstractItemModel::columnsRemoved, this, forget),
                         connect(model, &QAbstractItemModel::headerDataChanged, this, forget)};
    }
    QHeaderView::setModel(model);
}

void RotatedHeader::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        forgetHeight();
    QHeaderView::changeEvent(event);
}

// As tall as the longest name drawn upwards (measure ids: short; site names: up to the cap).
int RotatedHeader::headerHeight() const {
    if (m_height >= 0)
        return m_height;
    int text = 0;
    if (model())
        for (int c = 0; c < model()->columnCount(); ++c)
            text = std::max(text, fontMetrics().horizontalAdvance(
                                      model()->headerData(c, Qt::Horizontal).toString()));
    m_height = std::clamp(text + 12, 40, kMaxHeaderHeight);
    return m_height;
}

QSize RotatedHeader::sizeHint() const {
    return {QHeaderView::sizeHint().width(), headerHeight()};
}

QSize RotatedHeader::sectionSizeFromContents(int) const {
    return {kCell, headerHeight()};
}

void RotatedHeader::paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const {
    if (!model())
        return;
    painter->save();
    const bool selected =
        selectionModel() && selectionModel()->isColumnSelected(logicalIndex, rootIndex());
    const QPalette& pal = palette();
    painter->fillRect(rect, selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base));
    painter->setPen(ChartPalette::forPalette(pal).grid);
    painter->drawLine(rect.bottomLeft(), rect.bottomRight());
    const QString text = model()->headerData(logicalIndex, Qt::Horizontal).toString();
    painter->translate(rect.left() + rect.width() / 2.0 + painter->fontMetrics().ascent() / 2.0 - 2,
                       rect.bottom() - 4);
    painter->rotate(-90);
    painter->setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
    const int room = rect.height() - 8;
    painter->drawText(
        QRect(0, -painter->fontMetrics().ascent(), room, painter->fontMetrics().height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(text, Qt::ElideRight, room));
    painter->restore();
}

MatrixView::MatrixView(QWidget* parent)
    : QTableView(parent) {
    setHorizontalHeader(new RotatedHeader(this));
    setItemDelegate(new MatrixDelegate(this));
    setShowGrid(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setMouseTracking(true);
    verticalHeader()->setDefaultSectionSize(kCell);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setSectionsClickable(true);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(this, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (!m_model || !index.isValid())
            return;
        Q_EMIT cellClicked(m_model->rowKey(index.row()), m_model->columnKey(index.column()));
    });
    connect(horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        if (m_model)
            Q_EMIT headerClicked(m_model->columnKey(column));
    });
    connect(verticalHeader(), &QHeaderView::sectionClicked, this, [this](int row) {
        if (m_model)
            Q_EMIT headerClicked(m_model->rowKey(row));
    });
}

void MatrixView::setMatrixModel(CoverageMatrixModel* model) {
    m_model = model;
    setModel(model);
}

void MatrixView::selectKey(const QString& key) {
    if (!m_model)
        return;
    const QSignalBlocker block(selectionModel());
    clearSelection();
    if (const int r = m_model->rowForKey(key); r >= 0) {
        selectRow(r);
        scrollTo(m_model->index(r, 0));
    } else if (const int c = m_model->columnForKey(key); c >= 0) {
        selectColumn(c);
        scrollTo(m_model->index(0, c));
    }
    viewport()->update();
    horizontalHeader()->viewport()->update();
}

QSize MatrixView::sizeHint() const {
    if (!m_model)
        return QTableView::sizeHint();
    const int w = verticalHeader()->sizeHint().width() + kCell * m_model->columnCount() + 4 +
                  frameWidth() * 2;
    const int h = horizontalHeader()->sizeHint().height() + kCell * m_model->rowCount() + 4 +
                  frameWidth() * 2;
    return {w, h};
}

MatrixLegend::MatrixLegend(QVector<CoverageMatrixModel::State> states, QWidget* parent)
    : QWidget(parent)
    , m_states(std::move(states)) {
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QVector<QRect> MatrixLegend::entryRects(int width) const {
    QVector<QRect> rects;
    int x = 2, y = 0;
    for (const auto state : m_states) {
        const int w = 20 + fontMetrics().horizontalAdvance(CoverageMatrixModel::stateText(state));
        if (x > 2 && x + w > width) {
            x = 2;
            y += lineHeight();
        }
        rects << QRect(x, y, w, lineHeight());
        x += w + 16;
    }
    return rects;
}

int MatrixLegend::heightForWidth(int width) const {
    const QVector<QRect> rects = entryRects(width);
    return rects.isEmpty() ? lineHeight() : rects.last().bottom() + 1;
}

QSize MatrixLegend::sizeHint() const {
    return {400, heightForWidth(width() > 0 ? width() : 400)};
}

QSize MatrixLegend::minimumSizeHint() const {
    return {120, lineHeight()};
}

void MatrixLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QVector<QRect> rects = entryRects(width());
    for (int i = 0; i < rects.size(); ++i) {
        const QRect& r = rects[i];
        p.setPen(Qt::NoPen);
        p.setBrush(matrixStateColor(m_states[i], palette()));
        p.drawRoundedRect(QRectF(r.x(), r.y() + (r.height() - 14) / 2.0, 14, 14), 3, 3);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(r.adjusted(20, 0, 2, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   CoverageMatrixModel::stateText(m_states[i]));
    }
}

} // namespace chokepoint::ui
