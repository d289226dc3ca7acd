// SPDX-License-Identifier: MIT
#include "core/scenario/histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chokepoint::core::scenario {

std::vector<double> Histogram::edges() const {
    std::vector<double> e;
    if (bins.empty())
        return e;
    e.reserve(bins.size() + 1);
    for (const HistogramBin& b : bins)
        e.push_back(b.lower);
    e.push_back(bins.back().upper);
    return e;
}

double roundBinWidth(double raw) {
    if (!(raw > 0.0) || !std::isfinite(raw))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= raw * (1.0 - 1e-12))
            return m * magnitude;
    return 10.0 * magnitude;
}

Histogram makeHistogram(const std::vector<double>& values, int targetBins,
                        std::optional<std::pair<double, double>> range) {
    Histogram h;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (const double v : values) {
        if (!std::isfinite(v))
            continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        ++h.total;
    }
    if (range && std::isfinite(range->first) && std::isfinite(range->second)) {
        lo = std::min(lo, range->first);
        hi = std::max(hi, range->second);
    }
    if (!(lo <= hi))
        return h;
    targetBins = std::max(1, targetBins);
    if (hi > lo)
        h.binWidth = roundBinWidth((hi - lo) / targetBins);
    else
        h.binWidth = lo == 0.0 ? 1.0 : roundBinWidth(std::abs(lo) / 10.0);
    const double w = h.binWidth;
    // Edges as multiples of the width (k · w), so that they print as round numbers.
    const double first = std::floor(lo / w + 1e-9);
    const double last = std::max(first, std::floor(hi / w + 1e-9));
    const int n = int(last - first) + 1;
    h.bins.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        h.bins[size_t(i)].lower = (first + i) * w;
        h.bins[size_t(i)].upper = (first + i + 1) * w;
    }
    for (const double v : values) {
        if (!std::isfinite(v))
            continue;
        const int i = std::clamp(int(std::floor(v / w + 1e-9) - first), 0, n - 1);
        ++h.bins[size_t(i)].count;
    }
    for (HistogramBin& b : h.bins)
        b.fraction = h.total > 0 ? double(b.count) / h.total : 0.0;
    return h;
}

} // namespace chokepoint::core::scenario
