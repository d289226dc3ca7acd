// SPDX-License-Identifier: MIT
#include "tests/core/report/reporttestutil.h"

#include "core/io/bundled.h"
#include "core/scenario/scenarioparser.h"

namespace chokepoint::test {

namespace rp = core::report;

std::unique_ptr<core::analysis::Network> ReportFixture::s_net;
std::unique_ptr<core::analysis::ExposureEngine> ReportFixture::s_engine;
std::unique_ptr<rp::ReportOptions> ReportFixture::s_options;
std::unique_ptr<rp::ReportDocument> ReportFixture::s_doc;

core::Date ReportFixture::asOf() {
    return core::Date::fromYmd(2025, 8, 1);
}

void ReportFixture::SetUpTestSuite() {
    auto data = core::io::bundledDataset();
    ASSERT_TRUE(data.ok()) << data.errorString();
    s_net = std::make_unique<core::analysis::Network>(std::move(*data));
    s_engine = std::make_unique<core::analysis::ExposureEngine>(*s_net);
    s_options = std::make_unique<rp::ReportOptions>();
    s_options->workspaceName = "Northwind test";
    s_options->asOf = asOf();
    s_options->scenarios = {bundledScenario(*s_net, "rare-earth-magnets-april-2025.json"),
                            bundledScenario(*s_net, "graphite-anode-squeeze.json", 200)};
    auto doc = rp::buildReport(*s_net, *s_options);
    ASSERT_TRUE(doc.ok()) << doc.errorString();
    s_doc = std::make_unique<rp::ReportDocument>(std::move(*doc));
}

void ReportFixture::TearDownTestSuite() {
    s_doc.reset();
    s_options.reset();
    s_engine.reset();
    s_net.reset();
}

rp::ReportScenario bundledScenario(const core::analysis::Network& net, const std::string& file,
                                   int runs) {
    for (const auto& [name, json] : core::io::bundledScenarios()) {
        if (name != file)
            continue;
        auto parsed = core::scenario::parseScenario(json, net);
        if (!parsed) {
            ADD_FAILURE() << file << ": " << parsed.errorString();
            return {};
        }
        if (runs > 0)
            parsed->runs = runs;
        return {std::move(*parsed), file};
    }
    ADD_FAILURE() << "no bundled scenario " << file;
    return {};
}

const rp::Section& section(const rp::ReportDocument& doc, rp::SectionId id) {
    for (const auto& s : doc.sections)
        if (s.id == id)
            return s;
    ADD_FAILURE() << "no section " << rp::sectionKey(id);
    static const rp::Section none;
    return none;
}

const rp::Table& table(const rp::ReportDocument& doc, rp::SectionId id,
                       const std::string& tableId) {
    for (const auto& b : section(doc, id).blocks)
        if (const auto* t = std::get_if<rp::Table>(&b); t && t->id == tableId)
            return *t;
    ADD_FAILURE() << "no table " << tableId;
    static const rp::Table none;
    return none;
}

const rp::Kpi& kpi(const rp::ReportDocument& doc, const std::string& label) {
    for (const auto& s : doc.sections)
        for (const auto& b : s.blocks)
            if (const auto* row = std::get_if<rp::KpiRow>(&b))
                for (const auto& k : row->items)
                    if (k.label == label)
                        return k;
    ADD_FAILURE() << "no KPI " << label;
    static const rp::Kpi none;
    return none;
}

const core::Product& product(const core::Dataset& data, const std::string& id) {
    for (const auto& p : data.products)
        if (p.id == id)
            return p;
    ADD_FAILURE() << "no product " << id;
    static const core::Product none;
    return none;
}

} // namespace chokepoint::test
