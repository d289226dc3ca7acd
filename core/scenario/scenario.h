// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/date.h"

namespace chokepoint::core::scenario {

/// What a shock does to the sites it hits while it is active (SPEC §4).
enum class ShockKind { Stop, Capacity, Licence };

std::string_view toString(ShockKind kind);
std::optional<ShockKind> parseShockKind(std::string_view text);

/// Which (site, material) flows a shock hits. Every given field must match; a list matches
/// any of its entries. An empty selector hits every site (and no unknown-origin supply).
struct Selector {
    std::optional<std::vector<std::string>> countries;      ///< site location (iso3)
    std::optional<std::vector<std::string>> ownerCountries; ///< owner country of the supplier
    std::optional<std::vector<std::string>> materials;
    std::optional<std::vector<std::string>> technologies; ///< the site depends on any of them
    std::optional<std::vector<std::string>> sites;
    /// true: only flows (s → b, m) exposed under the `controlled` lens at the scenario's as_of
    /// (material-controlled exports, everything a technology-controlled site delivers);
    /// false: only flows that are not. A shock with `controlled` acts on flows, not sites
    /// (SPEC §4: e(s, m, b, t)).
    std::optional<bool> controlled;

    bool operator==(const Selector&) const = default;
};

/// `delay_days`: a number, or a triangular distribution {min, mode, max}.
struct Delay {
    double min = 0.0;
    double mode = 0.0;
    double max = 0.0;
    bool triangular = false;

    static Delay fixed(double days) { return {days, days, days, false}; }
    static Delay triangle(double lo, double mode, double hi) { return {lo, mode, hi, true}; }
    bool operator==(const Delay&) const = default;
};

struct Shock {
    Selector select;
    ShockKind kind = ShockKind::Stop;
    std::optional<int> startDay;               ///< default 0
    std::optional<int> durationDays;           ///< default: to the end of the horizon
    std::optional<double> capacity;            ///< kind capacity only: availability 0–1
    std::optional<Delay> delayDays;            ///< kind licence only
    std::optional<double> approvalProbability; ///< kind licence only, default 1
    std::optional<std::string> label;          ///< extension: a short text for people

    int start() const { return startDay.value_or(0); }
    double approval() const { return approvalProbability.value_or(1.0); }
    bool operator==(const Shock&) const = default;
};

struct Mitigations {
    std::map<std::string, double> extraInventoryDays; ///< material id -> days added to stock
    std::optional<bool> alternatives;                 ///< default true
    bool useAlternatives() const { return alternatives.value_or(true); }
    bool operator==(const Mitigations&) const = default;
};

/// A stress scenario as written in a scenario file (SPEC §4). Plain value type; the
/// optional fields remember whether the file gave them, so that parsing what
/// scenarioToJson() wrote gives back an equal Scenario.
struct Scenario {
    std::string name;
    std::optional<std::string> description; ///< extension: free text for people
    std::optional<Date> asOf;               ///< default: today
    /// Count scheduled (unconfirmed) measures as in force for `controlled` selectors (SPEC §3);
    /// default false.
    std::optional<bool> assumeScheduled;
    int horizonDays = 365;
    int runs = 1;                 ///< 1 = deterministic
    std::optional<uint64_t> seed; ///< default 0
    std::vector<Shock> shocks;
    std::optional<Mitigations> mitigations;

    uint64_t effectiveSeed() const { return seed.value_or(0); }
    bool operator==(const Scenario&) const = default;
};

/// Largest accepted values (keep Monte Carlo memory bounded: runs × horizon numbers).
inline constexpr int kMaxHorizonDays = 36500;
inline constexpr int kMaxRuns = 100000;
inline constexpr int64_t kMaxRunDays = 20000000; ///< runs × horizon_days
/// Seeds are JSON numbers: integers up to 2^53 read back exactly.
inline constexpr uint64_t kMaxSeed = uint64_t(1) << 53;

/// The scenario as pretty-printed JSON in the file format of SPEC §4 (keys in a fixed
/// order; optional fields only when set).
std::string scenarioToJson(const Scenario& scenario);

} // namespace chokepoint::core::scenario
