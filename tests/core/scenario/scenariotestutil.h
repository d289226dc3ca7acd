// SPDX-License-Identifier: MIT
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>

#include "core/analysis/network.h"
#include "core/scenario/scenarioengine.h"

namespace chokepoint::test {

/// countries.csv with the countries the scenario tests use.
inline const char* kTestCountries = "iso3,name\nCHN,China\nKOR,Korea\nAUS,Australia\nDEU,Germany\n"
                                    "JPN,Japan\nUSA,United States\n";

/// A Network from compact CSV tables (see datasetFromCsv); fails the test on invalid data.
std::unique_ptr<core::analysis::Network>
networkFromCsv(std::initializer_list<std::pair<std::string, std::string>> tables);

/// Parses (failing the test on any issue) and runs a scenario given as JSON text.
core::scenario::ScenarioResult runJson(const core::analysis::Network& net, const std::string& json,
                                       const core::scenario::RunOptions& options = {});

const core::scenario::ProductOutcome& productOf(const core::scenario::ScenarioResult& r,
                                                const std::string& id);
const core::scenario::MaterialOutcome& materialOf(const core::scenario::ScenarioResult& r,
                                                  const std::string& id);

} // namespace chokepoint::test
