// SPDX-License-Identifier: MIT
// A deliberately slow, plain reading of SPEC §3 over the Dataset (string maps, recursion).
// It shares no code with core/analysis and exists only to cross-check the engine.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/model/dataset.h"

namespace chokepoint::test::reference {

struct MaterialFigures {
    double dependence = 0;
    double dependenceLow = 0, dependenceHigh = 0;
    double directShare = 0;
    std::optional<double> spendAtRisk;
    std::optional<double> hhi;
    std::optional<double> worldHhi;
};

struct ProductFigures {
    double dependence = 0;
    double dependenceLow = 0, dependenceHigh = 0;
    std::optional<double> revenueAtRisk, revenueAtRiskLow, revenueAtRiskHigh;
};

struct Figures {
    std::map<std::string, MaterialFigures> materials;       // by id
    std::map<std::string, ProductFigures> products;         // by id
    std::map<std::string, std::optional<double>> suppliers; // tier-1 only, by id
};

/// lens: "location", "owned" or "controlled"; SPEC §3 (v2) with its low and high bounds.
Figures exposure(const core::Dataset& d, const std::string& lens, core::Date t,
                 bool assumeScheduled = false);

} // namespace chokepoint::test::reference
