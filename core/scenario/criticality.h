// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/analysis/network.h"
#include "core/model/date.h"

namespace chokepoint::core::scenario {

inline constexpr int kDefaultRecoveryDays = 90;

struct CriticalityOptions {
    Date asOf;                                      ///< dates the runs (SPEC §4.2)
    int horizonDays = 365;                          ///< H, 1 … kMaxHorizonDays
    int defaultRecoveryDays = kDefaultRecoveryDays; ///< TTR of sites without recovery_days
    int threads = 0;                                ///< 0 = all cores; results never depend on it
    /// Called after each site with (sites done, sites in total), from worker threads, one
    /// call at a time; it must not block for long.
    std::function<void(int done, int total)> progress;
    /// Requesting a stop makes computeCriticality() return promptly with `cancelled` set.
    std::stop_token stop;
};

/// One supplying site, knocked out alone (SPEC §4.2).
struct CriticalSite {
    analysis::Index site = analysis::kNone;
    std::string id, name, supplierId, supplierName, country;
    std::optional<int> tier;    ///< 1 = we buy from it; none: it does not reach us
    double spend = 0.0;         ///< our annual_spend on tier-1 links from it
    std::optional<int> ttsDays; ///< none: even a stop over the whole horizon loses nothing
    int ttrDays = 0;            ///< its recovery_days, else the default
    bool ttrAssumed = false;    ///< ttrDays is the default (no recovery_days given)
    double lostRevenue = 0.0;   ///< a stop on days 0 … TTR−1
    bool atRisk = false;        ///< ttsDays < ttrDays: some output is lost
    int customersReached = 0;   ///< our tier-1 sites it supplies, directly or through others
};

struct CriticalityResult {
    bool cancelled = false;
    Date asOf;
    int horizonDays = 0;
    int defaultRecoveryDays = 0;
    /// Every site supplying at least one link, by lost revenue (descending), then id.
    std::vector<CriticalSite> sites;
    int runs = 0; ///< deterministic scenario runs it took (sites that reach nothing take none)
};

/// Time to survive and time to recover of every supplying site (SPEC §4.2). Each site costs
/// one scenario run when a full-horizon stop loses nothing, else a binary search over stop
/// lengths (lost output does not decrease with a longer stop) and one run at its TTR. Sites
/// are spread over `options.threads` std::threads; each writes only its own entry, so the
/// numbers do not depend on the thread count. Pure function; thread-safe.
CriticalityResult computeCriticality(const analysis::Network& network,
                                     const CriticalityOptions& options);

} // namespace chokepoint::core::scenario
