// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

namespace chokepoint::core::scenario {

/// SplitMix64 (Steele, Lea, Flood 2014): seeds the main generator.
uint64_t splitMix64(uint64_t& state);

/// xoshiro256** 1.0 (Blackman, Vigna 2018), seeded with SplitMix64. Portable: the same seed
/// gives the same numbers with any compiler and standard library. Not thread-safe; use one
/// per thread or per run.
class Random {
public:
    explicit Random(uint64_t seed);
    /// The generator of Monte Carlo run `run` of a scenario with `seed`: independent of
    /// the order and the thread in which runs are computed.
    static Random forRun(uint64_t seed, uint64_t run);

    uint64_t next();
    /// Uniform in [0, 1), 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

private:
    uint64_t m_s[4];
};

/// Inverse CDF of the triangular distribution (lo <= mode <= hi) at u in [0, 1].
double triangularQuantile(double u, double lo, double mode, double hi);

/// Quantile p in [0, 1] of sorted values by linear interpolation between order statistics
/// (Hyndman-Fan type 7, the default of R and NumPy): h = (n-1)p. NaN when empty.
double quantileSorted(const std::vector<double>& sorted, double p);

} // namespace chokepoint::core::scenario
