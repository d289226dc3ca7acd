// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/date.h"
#include "core/scenario/scenarioengine.h"

namespace chokepoint::core::scenario {

/// A product's outcome in one scenario, with the days its line slows and stops.
struct ProductFigures {
    std::string id;
    std::string name;
    double lostUnits = 0.0;
    double lostRevenue = 0.0;         ///< NaN when the product has no unit price
    std::optional<int> firstShortDay; ///< first day with output x(P, t) < 1
    std::optional<int> firstStopDay;  ///< first day with x(P, t) = 0: the line stops
    double lowestOutput = 1.0;        ///< lowest x(P, t) over the horizon
    int daysShort = 0;                ///< days with x(P, t) < 1
};

/// Time to survive vs time to recover of one BOM material, in days from day 0.
struct MaterialTimes {
    std::string id;
    std::string name;
    double stockDays = 0.0;           ///< initial stock in days of need
    std::optional<int> disruptionDay; ///< first day with supply S(m, t) < 1
    /// First shortfall day (fill rate r < 1): the days of survival. nullopt: stock and supply
    /// carry the material through the horizon.
    std::optional<int> survivalDay;
    /// Day after the last day with S < 1 (supply back for good); nullopt when S < 1 on the
    /// last day of the horizon, or when supply never dipped.
    std::optional<int> supplyRecoveryDay;
    /// SPEC §4's recovery day: from which the fill rate stays 1 (nullopt: never, or no
    /// shortfall).
    std::optional<int> recoveryDay;
    /// Stock runs out before supply recovers (survival shorter than recovery).
    bool runsOut = false;
    bool disrupted() const { return disruptionDay.has_value(); }
};

/// The figures the Scenarios page and reports show for one result (the deterministic run or,
/// with runs > 1, the median run for the per-day details and means over runs for losses).
struct ScenarioFigures {
    std::string name;
    Date asOf;
    int runs = 1;
    uint64_t seed = 0;
    int horizonDays = 0;
    double lostRevenue = 0.0; ///< mean over runs
    double lostRevenueP10 = 0.0, lostRevenueP50 = 0.0, lostRevenueP90 = 0.0;
    double lostUnits = 0.0;               ///< sum over products of the mean lost units
    double lowestOutput = 1.0;            ///< lowest daily total output (P50 with runs > 1)
    std::optional<int> lowestOutputDay;   ///< first day of the lowest output, if below 1
    std::vector<ProductFigures> products; ///< ordered by id
    std::vector<MaterialTimes> materials; ///< materials with need (in a BOM), by id
};

/// Day-by-day stock of a material in days of need, I(m, t) / need(m); empty without need.
std::vector<double> stockCoverDays(const MaterialOutcome& material);

/// Figures of a (not cancelled) result. Comparisons with 1 use the engine's tolerance 1e-9;
/// an output of at most 1e-9 counts as stopped.
ScenarioFigures scenarioFigures(const ScenarioResult& result);

enum class FigureUnit { Money, Units, Day, Fraction };

/// One compared figure: its value in every scenario and the difference to the first one.
struct ComparisonRow {
    std::string key;   ///< "lost_revenue", "product:<id>:lost_revenue", "material:<id>:survival"
    std::string label; ///< for people: "Lost revenue (mean)", "<product name>: lost units"
    FigureUnit unit = FigureUnit::Money;
    std::vector<std::optional<double>> values; ///< per scenario; nullopt: none / unknown
    /// value − value of the first scenario (the baseline); nullopt for the baseline itself
    /// and when either value is missing.
    std::vector<std::optional<double>> deltas;
};

struct Comparison {
    std::vector<std::string> names; ///< scenario names, baseline first
    std::vector<ComparisonRow> rows;
    const ComparisonRow* row(const std::string& key) const;
};

/// Side-by-side figures of several scenarios on the same workspace; the first is the
/// baseline. Rows, in order: lost revenue mean, P10, P50, P90, lost units, lowest daily
/// output; per product (by id): lost revenue, lost units, first short day, stop day; per
/// material (by id): days of survival, supply recovery day. Products and materials are the
/// union over the scenarios. Pure function.
Comparison compareScenarios(const std::vector<ScenarioFigures>& scenarios);

} // namespace chokepoint::core::scenario
