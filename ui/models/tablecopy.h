// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QAbstractItemView;

namespace chokepoint::ui {

/// The selected cells of `view` as tab-separated text for the clipboard: a header row with
/// the titles of the selected columns, then one line per selected row, in view order
/// (sorted, filtered). Tabs and newlines inside cells become spaces. With nothing selected,
/// the whole table.
QString selectionToTsv(const QAbstractItemView& view);

/// Puts selectionToTsv(view) on the clipboard.
void copySelection(const QAbstractItemView& view);

} // namespace chokepoint::ui
