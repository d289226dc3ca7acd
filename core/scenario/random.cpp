// SPDX-License-Identifier: MIT
#include "core/scenario/random.h"

#include <cmath>
#include <limits>

namespace chokepoint::core::scenario {

namespace {
constexpr uint64_t rotl(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}
} // namespace

uint64_t splitMix64(uint64_t& state) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

Random::Random(uint64_t seed) {
    uint64_t state = seed;
    for (uint64_t& s : m_s)
        s = splitMix64(state);
}

Random Random::forRun(uint64_t seed, uint64_t run) {
    // Two SplitMix64 steps decorrelate neighbouring seeds and runs before xoshiro starts.
    uint64_t a = seed;
    uint64_t b = run ^ 0x5851f42d4c957f2dULL;
    return Random(splitMix64(a) ^ rotl(splitMix64(b), 17));
}

uint64_t Random::next() {
    const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double triangularQuantile(double u, double lo, double mode, double hi) {
    if (hi <= lo)
        return lo;
    const double width = hi - lo;
    const double split = (mode - lo) / width; // F(mode)
    if (u < split)
        return lo + std::sqrt(u * width * (mode - lo));
    return hi - std::sqrt((1.0 - u) * width * (hi - mode));
}

double quantileSorted(const std::vector<double>& sorted, double p) {
    if (sorted.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const double h = double(sorted.size() - 1) * p;
    const size_t lo = size_t(std::floor(h));
    if (lo + 1 >= sorted.size())
        return sorted.back();
    return sorted[lo] + (h - double(lo)) * (sorted[lo + 1] - sorted[lo]);
}

} // namespace chokepoint::core::scenario
