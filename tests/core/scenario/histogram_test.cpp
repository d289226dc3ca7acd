// SPDX-License-Identifier: MIT
// Bins worked out by hand: width = the round number (1, 2, 2.5, 5 × 10^k) at least
// (max − min) / target; edges are multiples of the width.
#include <cmath>
#include <gtest/gtest.h>
#include <limits>

#include "core/scenario/histogram.h"

using namespace chokepoint::core::scenario;

namespace {
std::vector<int> counts(const Histogram& h) {
    std::vector<int> c;
    for (const auto& b : h.bins)
        c.push_back(b.count);
    return c;
}
} // namespace

TEST(Histogram, RoundWidths) {
    EXPECT_DOUBLE_EQ(roundBinWidth(1.8), 2.0);
    EXPECT_DOUBLE_EQ(roundBinWidth(2.0), 2.0);
    EXPECT_DOUBLE_EQ(roundBinWidth(2.1), 2.5);
    EXPECT_DOUBLE_EQ(roundBinWidth(0.03), 0.05);
    EXPECT_DOUBLE_EQ(roundBinWidth(1200.0), 2000.0);
    EXPECT_DOUBLE_EQ(roundBinWidth(6.0), 10.0);
    EXPECT_DOUBLE_EQ(roundBinWidth(0.0), 1.0);
}

TEST(Histogram, TenValuesInFiveBins) {
    // 0..9, target 5: (9 − 0) / 5 = 1.8 -> width 2; edges 0, 2, …, 10; two values per bin.
    const Histogram h = makeHistogram({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5);
    EXPECT_DOUBLE_EQ(h.binWidth, 2.0);
    EXPECT_EQ(h.total, 10);
    EXPECT_EQ(counts(h), (std::vector<int>{2, 2, 2, 2, 2}));
    EXPECT_EQ(h.edges(), (std::vector<double>{0, 2, 4, 6, 8, 10}));
    for (const auto& b : h.bins)
        EXPECT_DOUBLE_EQ(b.fraction, 0.2);
}

TEST(Histogram, EdgesAreMultiplesOfTheWidth) {
    // 3.2 … 10, target 4: 6.8 / 4 = 1.7 -> width 2; first edge floor(3.2 / 2) · 2 = 2; 10 is
    // on an edge and opens the last bin [10, 12): bins [2,4) [4,6) [6,8) [8,10) [10,12).
    const Histogram h = makeHistogram({3.2, 7.9, 10.0}, 4);
    EXPECT_EQ(h.edges(), (std::vector<double>{2, 4, 6, 8, 10, 12}));
    EXPECT_EQ(counts(h), (std::vector<int>{1, 0, 1, 0, 1}));
    EXPECT_NEAR(h.bins[2].fraction, 1.0 / 3.0, 1e-15);
}

TEST(Histogram, NegativeValues) {
    // −3 … 1, target 4: width 1; bins [−3,−2) … [1,2).
    const Histogram h = makeHistogram({-3.0, 1.0, -2.5}, 4);
    EXPECT_EQ(h.edges(), (std::vector<double>{-3, -2, -1, 0, 1, 2}));
    EXPECT_EQ(counts(h), (std::vector<int>{2, 0, 0, 0, 1}));
}

TEST(Histogram, MoneyScaleValues) {
    // Lost revenue in dollars: 1.23e9 … 1.61e9, target 20: 0.38e9 / 20 = 1.9e7 -> 2e7;
    // first edge floor(1.23e9 / 2e7) = 61 -> 1.22e9; last floor(1.61e9 / 2e7) = 80 -> 20 bins.
    const Histogram h = makeHistogram({1.23e9, 1.4e9, 1.61e9}, 20);
    EXPECT_DOUBLE_EQ(h.binWidth, 2e7);
    ASSERT_EQ(h.bins.size(), 20u);
    EXPECT_DOUBLE_EQ(h.bins.front().lower, 1.22e9);
    EXPECT_DOUBLE_EQ(h.bins.back().upper, 1.62e9);
    EXPECT_EQ(h.bins[0].count, 1);  // 1.23e9 in [1.22, 1.24)
    EXPECT_EQ(h.bins[9].count, 1);  // 1.40e9 in [1.40, 1.42)
    EXPECT_EQ(h.bins[19].count, 1); // 1.61e9 in [1.60, 1.62)
}

TEST(Histogram, EqualValuesMakeOneBin) {
    // All 5: width near a tenth of 5 -> 0.5; one bin [5, 5.5).
    const Histogram h = makeHistogram({5, 5, 5});
    EXPECT_DOUBLE_EQ(h.binWidth, 0.5);
    ASSERT_EQ(h.bins.size(), 1u);
    EXPECT_DOUBLE_EQ(h.bins[0].lower, 5.0);
    EXPECT_DOUBLE_EQ(h.bins[0].upper, 5.5);
    EXPECT_EQ(h.bins[0].count, 3);
    EXPECT_DOUBLE_EQ(h.bins[0].fraction, 1.0);

    const Histogram zeros = makeHistogram({0.0, 0.0});
    ASSERT_EQ(zeros.bins.size(), 1u);
    EXPECT_DOUBLE_EQ(zeros.bins[0].lower, 0.0);
    EXPECT_DOUBLE_EQ(zeros.bins[0].upper, 1.0);
}

TEST(Histogram, CommonRangeForOverlays) {
    // Range 0 … 100 with target 10: width 10, bins [0,10) … [100,110).
    const Histogram h = makeHistogram({1.0, 2.0}, 10, std::make_pair(0.0, 100.0));
    ASSERT_EQ(h.bins.size(), 11u);
    EXPECT_EQ(h.bins[0].count, 2);
    EXPECT_DOUBLE_EQ(h.bins[0].fraction, 1.0);
    EXPECT_DOUBLE_EQ(h.bins.back().lower, 100.0);
}

TEST(Histogram, NoValuesNoBinsAndNonFiniteIgnored) {
    EXPECT_TRUE(makeHistogram({}).bins.empty());
    EXPECT_TRUE(makeHistogram({}).edges().empty());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Histogram h = makeHistogram({nan, 4.0, 6.0, std::numeric_limits<double>::infinity()}, 2);
    EXPECT_EQ(h.total, 2);
    // 4 … 6, target 2: width 1; bins [4,5) [5,6) [6,7).
    EXPECT_EQ(counts(h), (std::vector<int>{1, 0, 1}));
    EXPECT_DOUBLE_EQ(h.bins[0].fraction, 0.5);
}
