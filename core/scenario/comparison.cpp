// SPDX-License-Identifier: MIT
#include "core/scenario/comparison.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace chokepoint::core::scenario {

namespace {
constexpr double kTolerance = 1e-9;

std::optional<double> dayValue(const std::optional<int>& day) {
    return day ? std::optional<double>(*day) : std::nullopt;
}
std::optional<double> finite(double v) {
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}
} // namespace

std::vector<double> stockCoverDays(const MaterialOutcome& m) {
    std::vector<double> days;
    if (!(m.needPerDay > 0.0))
        return days;
    days.reserve(m.inventory.size());
    for (const double i : m.inventory)
        days.push_back(i / m.needPerDay);
    return days;
}

ScenarioFigures scenarioFigures(const ScenarioResult& r) {
    ScenarioFigures f;
    f.name = r.name;
    f.asOf = r.asOf;
    f.runs = r.runs;
    f.seed = r.seed;
    f.horizonDays = r.horizonDays;
    f.lostRevenue = r.totalLostRevenue;
    f.lostRevenueP10 = r.lostRevenueP10;
    f.lostRevenueP50 = r.lostRevenueP50;
    f.lostRevenueP90 = r.lostRevenueP90;
    // The first day of the lowest output (days within the tolerance of 1 do not count).
    for (size_t t = 0; t < r.dailyOutput.size(); ++t) {
        if (r.dailyOutput[t] < f.lowestOutput - kTolerance) {
            f.lowestOutput = r.dailyOutput[t];
            f.lowestOutputDay = int(t);
        }
    }
    for (const ProductOutcome& p : r.products) {
        ProductFigures pf;
        pf.id = p.id;
        pf.name = p.name;
        pf.lostUnits = p.lostUnits;
        pf.lostRevenue = p.lostRevenue;
        f.lostUnits += p.lostUnits;
        for (size_t t = 0; t < p.output.size(); ++t) {
            const double x = p.output[t];
            pf.lowestOutput = std::min(pf.lowestOutput, x);
            if (x < 1.0 - kTolerance) {
                ++pf.daysShort;
                if (!pf.firstShortDay)
                    pf.firstShortDay = int(t);
            }
            if (x <= kTolerance && !pf.firstStopDay)
                pf.firstStopDay = int(t);
        }
        f.products.push_back(std::move(pf));
    }
    for (const MaterialOutcome& m : r.materials) {
        if (!(m.needPerDay > 0.0))
            continue;
        MaterialTimes mt;
        mt.id = m.id;
        mt.name = m.name;
        mt.stockDays = m.initialInventory / m.needPerDay;
        std::optional<int> lastShort;
        for (size_t t = 0; t < m.supply.size(); ++t) {
            if (m.supply[t] < 1.0 - kTolerance) {
                if (!mt.disruptionDay)
                    mt.disruptionDay = int(t);
                lastShort = int(t);
            }
        }
        if (lastShort && size_t(*lastShort) + 1 < m.supply.size())
            mt.supplyRecoveryDay = *lastShort + 1;
        mt.survivalDay = m.firstShortfallDay;
        mt.recoveryDay = m.recoveryDay;
        mt.runsOut =
            mt.survivalDay && (!mt.supplyRecoveryDay || *mt.survivalDay < *mt.supplyRecoveryDay);
        f.materials.push_back(std::move(mt));
    }
    return f;
}

const ComparisonRow* Comparison::row(const std::string& key) const {
    for (const ComparisonRow& r : rows)
        if (r.key == key)
            return &r;
    return nullptr;
}

Comparison compareScenarios(const std::vector<ScenarioFigures>& scenarios) {
    Comparison c;
    for (const ScenarioFigures& s : scenarios)
        c.names.push_back(s.name);
    using Getter = std::function<std::optional<double>(const ScenarioFigures&)>;
    auto add = [&](std::string key, std::string label, FigureUnit unit, const Getter& get) {
        ComparisonRow row{std::move(key), std::move(label), unit, {}, {}};
        for (const ScenarioFigures& s : scenarios)
            row.values.push_back(get(s));
        for (size_t i = 0; i < row.values.size(); ++i) {
            const auto& base = row.values.front();
            row.deltas.push_back(i > 0 && base && row.values[i]
                                     ? std::optional<double>(*row.values[i] - *base)
                                     : std::nullopt);
        }
        c.rows.push_back(std::move(row));
    };
    add("lost_revenue", "Lost revenue (mean)", FigureUnit::Money,
        [](const ScenarioFigures& s) { return s.lostRevenue; });
    add("lost_revenue_p10", "Lost revenue P10", FigureUnit::Money,
        [](const ScenarioFigures& s) { return s.lostRevenueP10; });
    add("lost_revenue_p50", "Lost revenue P50", FigureUnit::Money,
        [](const ScenarioFigures& s) { return s.lostRevenueP50; });
    add("lost_revenue_p90", "Lost revenue P90", FigureUnit::Money,
        [](const ScenarioFigures& s) { return s.lostRevenueP90; });
    add("lost_units", "Lost units (all products)", FigureUnit::Units,
        [](const ScenarioFigures& s) { return s.lostUnits; });
    add("lowest_output", "Lowest daily output", FigureUnit::Fraction,
        [](const ScenarioFigures& s) { return s.lowestOutput; });

    std::map<std::string, std::string> products, materials; // id -> name, ordered by id
    for (const ScenarioFigures& s : scenarios) {
        for (const ProductFigures& p : s.products)
            products.emplace(p.id, p.name);
        for (const MaterialTimes& m : s.materials)
            materials.emplace(m.id, m.name);
    }
    auto product = [](const ScenarioFigures& s, const std::string& id) -> const ProductFigures* {
        for (const ProductFigures& p : s.products)
            if (p.id == id)
                return &p;
        return nullptr;
    };
    auto material = [](const ScenarioFigures& s, const std::string& id) -> const MaterialTimes* {
        for (const MaterialTimes& m : s.materials)
            if (m.id == id)
                return &m;
        return nullptr;
    };
    for (const auto& [id, name] : products) {
        const std::string key = "product:" + id + ":";
        add(key + "lost_revenue", name + ": lost revenue", FigureUnit::Money,
            [&, id = id](const ScenarioFigures& s) {
                const ProductFigures* p = product(s, id);
                return p ? finite(p->lostRevenue) : std::nullopt;
            });
        add(key + "lost_units", name + ": lost units", FigureUnit::Units,
            [&, id = id](const ScenarioFigures& s) {
                const ProductFigures* p = product(s, id);
                return p ? std::optional<double>(p->lostUnits) : std::nullopt;
            });
        add(key + "first_short_day", name + ": output first short", FigureUnit::Day,
            [&, id = id](const ScenarioFigures& s) {
                const ProductFigures* p = product(s, id);
                return p ? dayValue(p->firstShortDay) : std::nullopt;
            });
        add(key + "stop_day", name + ": line stops", FigureUnit::Day,
            [&, id = id](const ScenarioFigures& s) {
                const ProductFigures* p = product(s, id);
                return p ? dayValue(p->firstStopDay) : std::nullopt;
            });
    }
    for (const auto& [id, name] : materials) {
        const std::string key = "material:" + id + ":";
        add(key + "survival", name + ": runs short", FigureUnit::Day,
            [&, id = id](const ScenarioFigures& s) {
                const MaterialTimes* m = material(s, id);
                return m ? dayValue(m->survivalDay) : std::nullopt;
            });
        add(key + "supply_recovery", name + ": supply back", FigureUnit::Day,
            [&, id = id](const ScenarioFigures& s) {
                const MaterialTimes* m = material(s, id);
                return m ? dayValue(m->supplyRecoveryDay) : std::nullopt;
            });
    }
    return c;
}

} // namespace chokepoint::core::scenario
