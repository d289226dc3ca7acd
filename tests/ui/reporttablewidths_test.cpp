// SPDX-License-Identifier: MIT
// Report table column widths: proportional when everything fits, widened to the widest
// unbreakable entry at the expense of columns with room to spare, text words capped at 30 % of
// the width, and scaled down alike when nothing fits. The expected widths are worked out here
// from the text advances the font metrics give, not by the code under test.
#include <algorithm>
#include <gtest/gtest.h>

#include <QFont>
#include <QFontMetricsF>

#include "core/report/reportdocument.h"
#include "ui/report/reporttablewidths.h"

namespace chokepoint::ui {
namespace {

namespace rp = core::report;

class ReportTableWidths : public ::testing::Test {
protected:
    ReportTableWidths()
        : big([] {
            QFont f;
            f.setPointSizeF(20);
            return f;
        }())
        , metrics(big) {}

    rp::Table twoColumns(double left, double right) const {
        rp::Table t;
        t.addColumn("A", rp::Align::Left, left);
        t.addColumn("B", rp::Align::Right, right);
        return t;
    }
    // What a column needs: the wider of its header and its one cell, plus the padding.
    double needs(const QString& header, const QString& cell) const {
        return std::max(metrics.horizontalAdvance(header), metrics.horizontalAdvance(cell)) + kPad;
    }

    static constexpr double kPad = 4.0;
    QFont big;
    QFontMetricsF metrics;
};

TEST_F(ReportTableWidths, ProportionalWhenEverythingFits) {
    rp::Table t = twoColumns(1, 3);
    t.addRow({rp::Cell::ofText("a"), rp::Cell::ofText("b")});
    const auto w = reportColumnWidths(t, metrics, metrics, 4000, kPad);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_NEAR(w[0], 1000, 1e-9);
    EXPECT_NEAR(w[1], 3000, 1e-9);
}

TEST_F(ReportTableWidths, ADateIsWidenedAtTheExpenseOfTheOtherColumn) {
    rp::Table t = twoColumns(1, 3);
    t.addRow({rp::Cell::ofDate(core::Date::fromYmd(2025, 8, 1)), rp::Cell::ofText("b")});
    const double date = needs(QStringLiteral("A"), QStringLiteral("2025-08-01"));
    const double content = 2 * date; // a quarter is too little for it, the rest has room
    ASSERT_GT(date, content / 4);
    ASSERT_LT(needs(QStringLiteral("B"), QStringLiteral("b")), content - date);
    const auto w = reportColumnWidths(t, metrics, metrics, content, kPad);
    EXPECT_NEAR(w[0], date, 1e-9);
    EXPECT_NEAR(w[1], content - date, 1e-9);
}

TEST_F(ReportTableWidths, ALongWordGetsAtMostThirtyPercent) {
    rp::Table t = twoColumns(1, 9);
    const QString word = QStringLiteral("Supercalifragilisticexpialidocious");
    t.addRow({rp::Cell::ofText(word.toStdString() + " and more"), rp::Cell::ofText("b")});
    const double content = 600;
    ASSERT_GT(metrics.horizontalAdvance(word), 0.3 * content);
    const auto w = reportColumnWidths(t, metrics, metrics, content, kPad);
    EXPECT_NEAR(w[0], 0.3 * content + kPad, 1e-9);
    EXPECT_NEAR(w[1], content - (0.3 * content + kPad), 1e-9);
}

TEST_F(ReportTableWidths, WhenNothingFitsEveryColumnShrinksAlike) {
    rp::Table t = twoColumns(1, 1);
    t.addRow({rp::Cell::ofNumber(123456789012.0, rp::NumberFormat::Plain), rp::Cell::ofText("x")});
    const QString number = QString::fromStdString(t.rows[0][0].display());
    const double m0 = needs(QStringLiteral("A"), number);
    const double m1 = needs(QStringLiteral("B"), QStringLiteral("x"));
    const double content = m0 / 2; // less than the number alone needs
    const auto w = reportColumnWidths(t, metrics, metrics, content, kPad);
    // Round one gives the number its width and leaves the other column its own; then both are
    // scaled by content / (m0 + m1).
    EXPECT_NEAR(w[0], m0 * content / (m0 + m1), 1e-9);
    EXPECT_NEAR(w[1], m1 * content / (m0 + m1), 1e-9);
    EXPECT_NEAR(w[0] + w[1], content, 1e-9);
}

} // namespace
} // namespace chokepoint::ui
