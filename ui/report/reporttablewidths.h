// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <QFontMetricsF>

#include "core/report/reportdocument.h"

namespace chokepoint::ui {

/// The widths of a report table's columns across `contentWidth`: the columns' relative
/// widths, widened where a header word, a number, a date or (up to 30 % of the width) a word
/// of text would not fit in its column with `padding` around it -- words are not broken if it
/// can be helped -- the room taken from the columns with some to spare. When nothing fits,
/// every column shrinks alike. `head` and `cell` measure the header and cell fonts on the
/// page's device. The widths sum to `contentWidth`.
std::vector<double> reportColumnWidths(const core::report::Table& table, const QFontMetricsF& head,
                                       const QFontMetricsF& cell, double contentWidth,
                                       double padding);

} // namespace chokepoint::ui
