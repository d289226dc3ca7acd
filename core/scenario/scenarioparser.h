// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/scenario.h"
#include "core/util/result.h"

namespace chokepoint::core::analysis {
class Network;
}

namespace chokepoint::core::scenario {

/// One problem in a scenario, located by a path such as `shocks[2].capacity`.
struct ScenarioIssue {
    std::string path; ///< empty for the document as a whole
    std::string message;
    std::string toString() const { return path.empty() ? message : path + ": " + message; }
    bool operator==(const ScenarioIssue&) const = default;
};

struct ScenarioParse {
    std::optional<Scenario> scenario; ///< set only when there is no issue
    std::vector<ScenarioIssue> issues;
};

/// Reads a scenario file (JSON, SPEC §4) and reports every problem at once: syntax, unknown
/// keys, wrong types, values out of range. With a network, ids (countries, materials,
/// technologies, sites) must exist in it; without one (nullptr) they are only checked for
/// form. Pure function; thread-safe.
ScenarioParse parseScenarioDetailed(std::string_view json, const analysis::Network* network);

/// parseScenarioDetailed() with a network, as a Result: the error lists every issue, one
/// per line.
Result<Scenario> parseScenario(std::string_view json, const analysis::Network& network);

/// The value checks of the parser on a Scenario built in code (e.g. by an editor): ranges,
/// required kind-specific fields, ids known to the network (if given).
std::vector<ScenarioIssue> validateScenario(const Scenario& scenario,
                                            const analysis::Network* network);

} // namespace chokepoint::core::scenario
