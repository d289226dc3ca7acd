// SPDX-License-Identifier: MIT
#pragma once

#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"
#include "core/report/reportbuilder.h"

namespace chokepoint::test {

/// The report of the bundled data as of 2025-08-01 with two example scenarios: the
/// deterministic rare-earth magnet stop and the graphite licence squeeze cut to 200 Monte Carlo
/// runs. Built once per test suite.
class ReportFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();

    static const core::analysis::Network& net() { return *s_net; }
    static const core::Dataset& data() { return s_net->data(); }
    static const core::analysis::ExposureEngine& engine() { return *s_engine; }
    static const std::vector<core::report::ReportScenario>& scenarios() {
        return s_options->scenarios;
    }
    static const core::report::ReportOptions& options() { return *s_options; }
    static const core::report::ReportDocument& doc() { return *s_doc; }
    static core::Date asOf();

private:
    static std::unique_ptr<core::analysis::Network> s_net;
    static std::unique_ptr<core::analysis::ExposureEngine> s_engine;
    static std::unique_ptr<core::report::ReportOptions> s_options;
    static std::unique_ptr<core::report::ReportDocument> s_doc;
};

/// The bundled example scenario `file` (e.g. "china-full-stop.json") parsed against `net`;
/// `runs` > 0 overrides its number of runs.
core::report::ReportScenario bundledScenario(const core::analysis::Network& net,
                                             const std::string& file, int runs = 0);

const core::report::Section& section(const core::report::ReportDocument& doc,
                                     core::report::SectionId id);
const core::report::Table& table(const core::report::ReportDocument& doc,
                                 core::report::SectionId id, const std::string& tableId);
const core::report::Kpi& kpi(const core::report::ReportDocument& doc, const std::string& label);
const core::Product& product(const core::Dataset& data, const std::string& id);

} // namespace chokepoint::test
