// SPDX-License-Identifier: MIT
// Figures with their ranges (SPEC §6: "83 % (72–100 %)"), as every view and report writes them.
#include <cmath>
#include <gtest/gtest.h>

#include "core/util/format.h"

namespace chokepoint::core {
namespace {

TEST(FormatRange, PercentWithItsRange) {
    EXPECT_EQ(formatPercentRange(0.72, 1.0), "72.0\u2013100.0 %");
    EXPECT_EQ(formatPercentWithRange(0.83, 0.72, 1.0), "83.0 % (72.0\u2013100.0 %)");
    EXPECT_EQ(formatPercentWithRange(0.83, 0.72, 1.0, 0), "83 % (72\u2013100 %)");
    // A figure without uncertainty still shows its (empty) range: the reader sees it is exact.
    EXPECT_EQ(formatPercentWithRange(0.4, 0.4, 0.4), "40.0 % (40.0\u201340.0 %)");
    EXPECT_EQ(formatPercentRange(NAN, 1.0), "n/a");
}

TEST(FormatRange, MoneyWithItsRange) {
    // formatMoney writes three significant digits: 1.2e9 is "$1.20 bn".
    EXPECT_EQ(formatMoneyRange(1.0e9, 1.4e9), formatMoney(1.0e9) + "\u2013" + formatMoney(1.4e9));
    EXPECT_EQ(formatMoneyWithRange(1.2e9, 1.0e9, 1.4e9),
              formatMoney(1.2e9) + " (" + formatMoney(1.0e9) + "\u2013" + formatMoney(1.4e9) + ")");
    EXPECT_EQ(formatMoney(1.2e9), "$1.20 bn");
    EXPECT_EQ(formatMoneyWithRange(1.2e9, 1.0e9, 1.4e9), "$1.20 bn ($1.00 bn\u2013$1.40 bn)");
}

} // namespace
} // namespace chokepoint::core
