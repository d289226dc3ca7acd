// SPDX-License-Identifier: MIT
#include "ui/widgets/tableview.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

#include "ui/models/tablecopy.h"
#include "ui/models/tablemodel.h"
#include "ui/report/tableexportdialog.h"

namespace chokepoint::ui {

TableView::TableView(QWidget* parent)
    : QTableView(parent) {
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
    connect(this, &QTableView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT keySelected(index.data(TableModel::KeyRole).toString());
    });
    connect(this, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT keyActivated(index.data(TableModel::KeyRole).toString());
    });
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
