// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "core/report/reportdocument.h"

class QTableView;

namespace chokepoint::ui {

/// What a table view shows, as a typed table: the visible columns with their header titles
/// and the rows in view order (sorted, filtered). A cell is a number when the model's sort
/// role (TableModel::SortRole) holds one; its display text tells the format ("62.5 %" a
/// percentage, "$1.2 bn" money, "45 days" days, else a count or a plain number); "—" is a
/// missing value, YYYY-MM-DD a date, anything else text.
core::report::Table tableFromView(const QTableView& view);

/// "Export table…": asks for a .csv or .xlsx file and writes tableFromView() there through
/// core/report/tableexport.h; a failure is shown in a message box. Returns whether a file
/// was written.
bool exportTableDialog(QTableView& view);

} // namespace chokepoint::ui
