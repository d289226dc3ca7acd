// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QTableView>

namespace chokepoint::ui {

/// The dashboard's table: sortable, whole-row selection, Ctrl+C and a context menu copying
/// the selection as tab-separated text with a header (ui/models/tablecopy.h). Rows are
/// matched to the linked selection by TableModel::KeyRole: selectKey() selects and shows the
/// row with that key (through any proxy) without emitting keyActivated.
///
/// Columns fit the view: when they are wider than it, the wider ones give up width (never
/// below their header's longest word: the header wraps, ui/widgets/wrapheader.h), their cells
/// elide, and a cell cut short shows its whole text as a tooltip. The widths a page
/// or the user set come back when the view grows again. No horizontal scroll bar, unless the
/// headers alone are wider than the view.
class TableView : public QTableView {
    Q_OBJECT
public:
    explicit TableView(QWidget* parent = nullptr);

    /// Selects the row whose KeyRole is `key`; clears the selection when there is none.
    /// Returns whether a row was found.
    bool selectKey(const QString& key);
    /// KeyRole of the current row, or empty.
    QString currentKey() const;
    void setModel(QAbstractItemModel* model) override;

Q_SIGNALS:
    /// The user clicked or moved to a row.
    void keySelected(const QString& key);
    /// The user double-clicked a row or pressed Enter on it.
    void keyActivated(const QString& key);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void scheduleFit();
    void fitColumns();
    int lastColumn() const; // the rightmost shown column, which stretches

    QHash<int, int> m_natural; // column widths as set by the page or the user
    QList<int> m_dropped;      // columns hidden for lack of room
    bool m_fitting = false;
    bool m_fitScheduled = false;
};

} // namespace chokepoint::ui
