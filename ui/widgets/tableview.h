// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>

namespace chokepoint::ui {

/// The dashboard's table: sortable, whole-row selection, Ctrl+C and a context menu copying
/// the selection as tab-separated text with a header (ui/models/tablecopy.h). Rows are
/// matched to the linked selection by TableModel::KeyRole: selectKey() selects and shows the
/// row with that key (through any proxy) without emitting keyActivated.
class TableView : public QTableView {
    Q_OBJECT
public:
    explicit TableView(QWidget* parent = nullptr);

    /// Selects the row whose KeyRole is `key`; clears the selection when there is none.
    /// Returns whether a row was found.
    bool selectKey(const QString& key);
    /// KeyRole of the current row, or empty.
    QString currentKey() const;

Q_SIGNALS:
    /// The user clicked or moved to a row.
    void keySelected(const QString& key);
    /// The user double-clicked a row or pressed Enter on it.
    void keyActivated(const QString& key);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
};

} // namespace chokepoint::ui
