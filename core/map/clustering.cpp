// SPDX-License-Identifier: MIT
#include "core/map/clustering.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace chokepoint::core::map {

namespace {

uint64_t cellKey(int64_t cx, int64_t cy) {
    return (uint64_t(uint32_t(int32_t(cx))) << 32) | uint32_t(int32_t(cy));
}

} // namespace

Clusters clusterPoints(const std::vector<MapPoint>& points, const std::vector<double>& weights,
                       double radius) {
    Clusters out;
    const size_t n = points.size();
    std::vector<uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    if (weights.size() == n)
        std::stable_sort(order.begin(), order.end(),
                         [&](uint32_t a, uint32_t b) { return weights[a] > weights[b]; });
    out.centre.reserve(n / 4 + 1);
    out.members.reserve(n);
    if (!(radius > 0)) {
        for (const uint32_t i : order) {
            out.centre.push_back(points[i]);
            out.members.push_back(i);
            out.start.push_back(uint32_t(out.members.size()));
        }
        return out;
    }

    auto cellOf = [radius](MapPoint p) {
        return std::pair<int64_t, int64_t>{int64_t(std::floor(p.x / radius)),
                                           int64_t(std::floor(p.y / radius))};
    };
    // Each cell's points not yet taken; taken ones are dropped as cells are scanned, so every
    // point is looked at a bounded number of times however dense a cell is.
    std::unordered_map<uint64_t, std::vector<uint32_t>> cells;
    cells.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
        const auto [cx, cy] = cellOf(points[i]);
        cells[cellKey(cx, cy)].push_back(i);
    }
    std::vector<char> taken(n, 0);
    const double r2 = radius * radius;
    std::vector<uint32_t> found;
    for (const uint32_t seed : order) {
        if (taken[seed])
            continue;
        const MapPoint s = points[seed];
        const auto [cx, cy] = cellOf(s);
        found.clear();
        found.push_back(seed);
        taken[seed] = 1;
        for (int64_t dx = -1; dx <= 1; ++dx)
            for (int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = cells.find(cellKey(cx + dx, cy + dy));
                if (it == cells.end())
                    continue;
                auto& cell = it->second;
                size_t keep = 0;
                for (const uint32_t j : cell) {
                    if (taken[j])
                        continue;
                    const double ex = points[j].x - s.x, ey = points[j].y - s.y;
                    if (ex * ex + ey * ey <= r2) {
                        taken[j] = 1;
                        found.push_back(j);
                    } else {
                        cell[keep++] = j;
                    }
                }
                cell.resize(keep);
            }
        std::sort(found.begin() + 1, found.end());
        double sx = 0, sy = 0;
        for (const uint32_t j : found) {
            sx += points[j].x;
            sy += points[j].y;
            out.members.push_back(j);
        }
        out.centre.push_back({sx / double(found.size()), sy / double(found.size())});
        out.start.push_back(uint32_t(out.members.size()));
    }
    return out;
}

} // namespace chokepoint::core::map
