// SPDX-License-Identifier: MIT
#include "ui/models/tablecopy.h"

#include <algorithm>

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>

namespace chokepoint::ui {

namespace {
QString clean(QString text) {
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}
} // namespace

QString selectionToTsv(const QAbstractItemView& view) {
    const QAbstractItemModel* model = view.model();
    if (!model)
        return {};
    QList<int> rows, columns;
    const QItemSelectionModel* sel = view.selectionModel();
    const QModelIndexList selected = sel ? sel->selectedIndexes() : QModelIndexList();
    if (selected.isEmpty()) {
        for (int r = 0; r < model->rowCount(); ++r)
            rows << r;
        for (int c = 0; c < model->columnCount(); ++c)
            columns << c;
    } else {
        for (const QModelIndex& i : selected) {
            if (!rows.contains(i.row()))
                rows << i.row();
            if (!columns.contains(i.column()))
                columns << i.column();
        }
        std::sort(rows.begin(), rows.end());
        std::sort(columns.begin(), columns.end());
    }
    QStringList lines;
    QStringList header;
    for (const int c : columns)
        header << clean(model->headerData(c, Qt::Horizontal).toString());
    lines << header.join(QLatin1Char('\t'));
    for (const int r : rows) {
        QStringList cells;
        for (const int c : columns) {
            const QModelIndex index = model->index(r, c);
            const bool take = selected.isEmpty() || (sel && sel->isSelected(index));
            cells << (take ? clean(index.data().toString()) : QString());
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void copySelection(const QAbstractItemView& view) {
    QApplication::clipboard()->setText(selectionToTsv(view));
}

} // namespace chokepoint::ui
