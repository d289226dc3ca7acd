// SPDX-License-Identifier: MIT
#include "ui/report/reporttablewidths.h"

#include <algorithm>
#include <numeric>

#include "ui/report/reportstyle.h"

namespace chokepoint::ui {

namespace rp = core::report;

namespace {

double longestWord(const QFontMetricsF& fm, const QString& text) {
    double w = 0.0;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        w = std::max(w, fm.horizontalAdvance(word));
    return w;
}

} // namespace

std::vector<double> reportColumnWidths(const rp::Table& table, const QFontMetricsF& head,
                                       const QFontMetricsF& cell, double contentWidth,
                                       double padding) {
    const size_t cols = table.columns.size();
    const double cap = contentWidth * 0.3;
    std::vector<double> minimum(cols, 0.0), widths(cols, 0.0);
    double total = 0.0;
    for (const auto& c : table.columns)
        total += c.width;
    for (size_t c = 0; c < cols; ++c) {
        widths[c] = contentWidth * table.columns[c].width / total;
        minimum[c] = longestWord(head, reportstyle::pageText(table.columns[c].title));
        for (const auto& row : table.rows) {
            if (c >= row.size())
                continue;
            const rp::Cell& v = row[c];
            const QString text = reportstyle::pageText(v.display());
            const bool whole = v.kind == rp::Cell::Kind::Number || v.kind == rp::Cell::Kind::Date;
            minimum[c] = std::max(minimum[c], whole ? cell.horizontalAdvance(text)
                                                    : std::min(cap, longestWord(cell, text)));
        }
        minimum[c] += padding;
    }
    for (size_t round = 0; round < cols; ++round) {
        double deficit = 0.0, slack = 0.0;
        for (size_t c = 0; c < cols; ++c) {
            deficit += std::max(0.0, minimum[c] - widths[c]);
            slack += std::max(0.0, widths[c] - minimum[c]);
        }
        if (deficit <= 0.01 || slack <= 0.01)
            break;
        const double take = std::min(1.0, deficit / slack);
        for (size_t c = 0; c < cols; ++c)
            widths[c] =
                widths[c] < minimum[c] ? minimum[c] : widths[c] - (widths[c] - minimum[c]) * take;
    }
    const double sum = std::accumulate(widths.begin(), widths.end(), 0.0);
    for (double& w : widths)
        w *= contentWidth / sum;
    return widths;
}

} // namespace chokepoint::ui
