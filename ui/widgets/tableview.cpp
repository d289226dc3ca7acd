// SPDX-License-Identifier: MIT
#include "ui/widgets/tableview.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QStyle>
#include <QTimer>
#include <QToolTip>

#include "ui/models/tablecopy.h"
#include "ui/models/tablemodel.h"
#include "ui/report/tableexportdialog.h"
#include "ui/widgets/wrapheader.h"

namespace chokepoint::ui {

namespace {
constexpr int kLongText = 110; // a column whose text is wider may elide down to this
}

TableView::TableView(QWidget* parent)
    : QTableView(parent) {
    setHorizontalHeader(new WrapHeader(this));
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int column, int, int size) {
                // Widths the page or the user choose; the last section stretches by itself.
                if (!m_fitting && column != lastColumn())
                    m_natural[column] = size;
            });
    connect(this, &QTableView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT keySelected(index.data(TableModel::KeyRole).toString());
    });
    connect(this, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT keyActivated(index.data(TableModel::KeyRole).toString());
    });
}

void TableView::setModel(QAbstractItemModel* model) {
    if (QAbstractItemModel* old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QTableView::setModel(model);
    m_natural.clear();
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &TableView::scheduleFit);
        connect(model, &QAbstractItemModel::columnsInserted, this, &TableView::scheduleFit);
        connect(model, &QAbstractItemModel::columnsRemoved, this, &TableView::scheduleFit);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &TableView::scheduleFit);
    }
    scheduleFit();
}

void TableView::resizeEvent(QResizeEvent* event) {
    QTableView::resizeEvent(event);
    scheduleFit();
}

// A view resized while hidden (another page or tab showing) fits when it shows.
void TableView::showEvent(QShowEvent* event) {
    QTableView::showEvent(event);
    scheduleFit();
}

// After the current event: the page sets its widths after setting the model.
void TableView::scheduleFit() {
    if (m_fitScheduled)
        return;
    m_fitScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_fitScheduled = false;
        fitColumns();
    });
}

int TableView::lastColumn() const {
    const QHeaderView* header = horizontalHeader();
    for (int v = header->count() - 1; v >= 0; --v)
        if (!header->isSectionHidden(header->logicalIndex(v)))
            return header->logicalIndex(v);
    return -1;
}

void TableView::fitColumns() {
    auto* header = static_cast<WrapHeader*>(horizontalHeader());
    if (!model() || header->count() == 0 || !isVisible())
        return;
    m_fitting = true;
    for (const int c : std::as_const(m_dropped)) // room may have come back
        header->setSectionHidden(c, false);
    m_dropped.clear();
    const int available = viewport()->width();
    struct Column {
        int index, natural, minimum;
    };
    // In visual order; the last shown column stretches over what is left.
    std::vector<Column> columns;
    for (int v = 0; v < header->count(); ++v) {
        const int c = header->logicalIndex(v);
        if (header->isSectionHidden(c))
            continue;
        // Never narrower than the header's longest word: the label wraps instead of being cut.
        const int natural =
            std::max(m_natural.value(c, header->sectionSize(c)), header->minimumWidth(c));
        if (header->sectionResizeMode(c) != QHeaderView::Interactive) {
            columns.push_back({c, header->sectionSize(c), header->sectionSize(c)});
            continue;
        }
        // Short contents (figures, codes) stay whole; long text gives up width and elides.
        const int content = sizeHintForColumn(c);
        const int least = std::max(header->minimumWidth(c), std::min(content, kLongText));
        columns.push_back({c, natural, std::min(natural, least)});
    }
    auto lastMinimum = [&] {
        const int c = columns.back().index;
        return std::max(header->minimumWidth(c), std::min(sizeHintForColumn(c), kLongText));
    };
    auto minimumTotal = [&] {
        int total = lastMinimum();
        for (size_t i = 0; i + 1 < columns.size(); ++i)
            total += columns[i].minimum;
        return total;
    };
    // Too many columns for the width even at their narrowest: the rightmost go (never the
    // first two), and the header says which.
    QStringList dropped;
    while (columns.size() > 2 && minimumTotal() > available) {
        const int c = columns.back().index;
        header->setSectionHidden(c, true);
        m_dropped << c;
        dropped.prepend(header->label(c));
        columns.pop_back();
    }
    header->setToolTip(dropped.isEmpty()
                           ? QString()
                           : tr("Not shown for lack of room: %1. Widen the window, or close the "
                                "Details dock, to see them; Copy and Export include them.")
                                 .arg(dropped.join(QStringLiteral(", "))));
    int total = lastMinimum();
    int room = 0; // how much the columns can give
    for (size_t i = 0; i + 1 < columns.size(); ++i) {
        total += columns[i].natural;
        room += columns[i].natural - columns[i].minimum;
    }
    const int excess = std::min(total - available, room);
    for (size_t i = 0; i + 1 < columns.size(); ++i) {
        const Column& col = columns[i];
        int width = col.natural;
        if (excess > 0 && room > 0)
            width -= int(std::ceil(excess * double(col.natural - col.minimum) / double(room)));
        width = std::max(width, col.minimum);
        if (header->sectionSize(col.index) != width)
            header->resizeSection(col.index, width);
    }
    // The stretched last column never gets narrower than its own size: give it its least.
    const int lastIndex = columns.back().index;
    if (header->sectionResizeMode(lastIndex) == QHeaderView::Interactive)
        header->resizeSection(lastIndex, lastMinimum());
    m_fitting = false;
    updateGeometries(); // the header's height follows its wrapped labels
}

bool TableView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip && model()) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QModelIndex index = indexAt(help->pos());
        if (index.isValid() && !index.data(Qt::ToolTipRole).isValid()) {
            // The whole text of a cell cut short.
            const QString text = index.data(Qt::DisplayRole).toString();
            const QRect cell = visualRect(index);
            if (!text.isEmpty() && fontMetrics().horizontalAdvance(text) > cell.width() - 8) {
                QToolTip::showText(help->globalPos(), text, viewport(), cell);
                return true;
            }
        }
    }
    return QTableView::viewportEvent(event);
}

bool TableView::selectKey(const QString& key) {
    QAbstractItemModel* m = model();
    if (!m)
        return false;
    for (int r = 0; r < m->rowCount(); ++r) {
        const QModelIndex index = m->index(r, 0);
        if (!key.isEmpty() && index.data(TableModel::KeyRole).toString() == key) {
            if (currentKey() != key || !selectionModel()->isRowSelected(r, {})) {
                selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
            }
            scrollTo(index);
            return true;
        }
    }
    clearSelection();
    return false;
}

QString TableView::currentKey() const {
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(TableModel::KeyRole).toString() : QString();
}

void TableView::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Copy)) {
        copySelection(*this);
        event->accept();
        return;
    }
    const QModelIndex before = currentIndex();
    QTableView::keyPressEvent(event);
    if (currentIndex() != before && currentIndex().isValid())
        Q_EMIT keySelected(currentIndex().data(TableModel::KeyRole).toString());
}

void TableView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Copy"), QKeySequence::Copy, this, [this] { copySelection(*this); });
    menu.addAction(tr("Copy whole table"), this, [this] {
        clearSelection();
        copySelection(*this);
    });
    menu.addAction(tr("Export table…"), this, [this] { exportTableDialog(*this); });
    menu.exec(event->globalPos());
}

} // namespace chokepoint::ui
