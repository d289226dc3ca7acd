// SPDX-License-Identifier: MIT
#include "tests/core/scenario/scenariotestutil.h"

#include <gtest/gtest.h>
#include <stdexcept>

#include "core/scenario/scenarioparser.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {

using namespace core::scenario;

std::unique_ptr<core::analysis::Network>
networkFromCsv(std::initializer_list<std::pair<std::string, std::string>> tables) {
    return std::make_unique<core::analysis::Network>(datasetFromCsv(tables));
}

ScenarioResult runJson(const core::analysis::Network& net, const std::string& json,
                       const RunOptions& options) {
    auto parsed = parseScenario(json, net);
    if (!parsed) {
        ADD_FAILURE() << "invalid scenario: " << parsed.errorString();
        return {};
    }
    return runScenario(net, *parsed, options);
}

const ProductOutcome& productOf(const ScenarioResult& r, const std::string& id) {
    for (const auto& p : r.products)
        if (p.id == id)
            return p;
    throw std::runtime_error("no product " + id);
}

const MaterialOutcome& materialOf(const ScenarioResult& r, const std::string& id) {
    for (const auto& m : r.materials)
        if (m.id == id)
            return m;
    throw std::runtime_error("no material " + id);
}

} // namespace chokepoint::test
