// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

#include "core/model/dataset.h"

namespace chokepoint::core::synth {

/// splitmix64 (Steele, Lea, Flood 2014): a tiny portable PRNG, the same numbers on every
/// platform and standard library (unlike std:: distributions).
class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed)
        : m_state(seed) {}
    uint64_t next();
    /// Uniform in [0, 1), 53 random bits.
    double uniform();
    /// Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [0, n); n > 0.
    uint64_t below(uint64_t n);
    bool chance(double p) { return uniform() < p; }

private:
    uint64_t m_state;
};

struct GeneratorOptions {
    int sites = 1000; ///< total sites, spread over the tiers
    int tiers = 4;    ///< 2..8; tier 0 sells to us, the last tier mines
    uint64_t seed = 1;
};

inline constexpr int kMinTiers = 2;
inline constexpr int kMaxTiers = 8;
inline constexpr int kMinSites = 10;

/// A synthetic supply network in the shape of SPEC §2, deterministic from the options:
/// layered tiers of sites, each supplying one or two materials of its tier's stage, recipes
/// from each tier's materials to the next tier's, about ten supply links per site (some
/// groups' shares sum below 1, leaving an unknown remainder), world shares, sites in China
/// and Chinese-owned sites abroad, material and technology controls with dates (in force,
/// ended, not yet effective), site technologies, products with BOMs, our tier-1 purchases with
/// spend, inventory and alternatives, and map coordinates for most sites
/// (placeSyntheticSites()). The result passes the import validation.
/// Options out of range are clamped (sites >= kMinSites, tiers in [kMinTiers, kMaxTiers]).
Dataset generateNetwork(const GeneratorOptions& options);

} // namespace chokepoint::core::synth
