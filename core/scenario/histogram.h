// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <utility>
#include <vector>

namespace chokepoint::core::scenario {

struct HistogramBin {
    double lower = 0.0; ///< inclusive
    double upper = 0.0; ///< exclusive
    int count = 0;
    double fraction = 0.0; ///< count / number of values
};

/// Values counted in bins of equal, round width.
struct Histogram {
    double binWidth = 0.0;
    int total = 0; ///< number of values counted
    std::vector<HistogramBin> bins;
    /// bins.size() + 1 ascending edges (empty without bins).
    std::vector<double> edges() const;
};

/// Bins `values` (e.g. the per-run lost revenue of a Monte Carlo scenario) in bins of a round
/// width (1, 2, 2.5 or 5 times a power of ten) chosen so that about `targetBins` bins cover
/// [min, max] of the values, or of `range` when given (several histograms on common bins).
/// The first edge is the largest multiple of the width not above the minimum; a value on an
/// edge counts in the bin above it (so a maximum on an edge opens a last bin of its own).
/// When all values are equal
/// the width is a round number near a tenth of their magnitude (1 for zero), one bin.
/// Non-finite values are ignored. No values: no bins. Pure function.
Histogram makeHistogram(const std::vector<double>& values, int targetBins = 20,
                        std::optional<std::pair<double, double>> range = std::nullopt);

/// The round width (1, 2, 2.5, 5 × 10^k) of at least `raw` (> 0).
double roundBinWidth(double raw);

} // namespace chokepoint::core::scenario
