// SPDX-License-Identifier: MIT
// The report with hostile data (issue 17): a name holding a RIGHT-TO-LEFT OVERRIDE is isolated
// wherever the report shows it, a 10,000-character name is cut in sentences, headings and
// chart labels but whole in its table, and the as-of date must lie in the supported range.
#include <gtest/gtest.h>
#include <variant>

#include "core/io/bundled.h"
#include "core/report/reportbuilder.h"
#include "core/scenario/scenarioparser.h"

namespace chokepoint::core::report {
namespace {

const std::string kFsi = "\u2068", kPdi = "\u2069", kRlo = "\u202E";

// Every text of the document, and whether it sits in a table cell.
struct Text {
    std::string text;
    bool inTable = false;
};

std::vector<Text> texts(const ReportDocument& doc) {
    std::vector<Text> out{{doc.workspaceName}, {doc.fullTitle()}};
    for (const Section& s : doc.sections) {
        out.push_back({s.title});
        for (const Block& b : s.blocks) {
            std::visit(
                [&](const auto& block) {
                    using T = std::decay_t<decltype(block)>;
                    if constexpr (std::is_same_v<T, Subheading> || std::is_same_v<T, Paragraph>) {
                        out.push_back({block.text});
                    } else if constexpr (std::is_same_v<T, BulletList>) {
                        for (const auto& item : block.items)
                            out.push_back({item});
                    } else if constexpr (std::is_same_v<T, KpiRow>) {
                        for (const Kpi& k : block.items)
                            out.insert(out.end(), {{k.label}, {k.value.display()}, {k.detail}});
                    } else if constexpr (std::is_same_v<T, Table>) {
                        out.push_back({block.caption});
                        for (const auto& row : block.rows)
                            for (const Cell& c : row)
                                out.push_back({c.display(), true});
                    } else if constexpr (std::is_same_v<T, Chart>) {
                        out.push_back({block.title});
                        std::visit(
                            [&](const auto& chart) {
                                using C = std::decay_t<decltype(chart)>;
                                if constexpr (std::is_same_v<C, BarChart> ||
                                              std::is_same_v<C, DonutChart>) {
                                    for (const auto& c : chart.categories)
                                        out.push_back({c});
                                } else if constexpr (std::is_same_v<C, SurvivalChart> ||
                                                     std::is_same_v<C, TimelineChart>) {
                                    for (const auto& item : chart.items)
                                        out.push_back({item.label});
                                }
                            },
                            block.data);
                    }
                },
                b);
        }
    }
    return out;
}

class ReportHostile : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto data = io::bundledDataset();
        ASSERT_TRUE(data.ok()) << data.errorString();
        data->products[0].name = kRlo + "evil product";
        for (size_t i = 0; i < data->materials.size(); ++i)
            data->materials[i].name = std::string(10000, 'L') + std::to_string(i);
        s_net = std::make_unique<analysis::Network>(std::move(*data));
    }
    static void TearDownTestSuite() { s_net.reset(); }

    static ReportOptions options() {
        ReportOptions o;
        o.workspaceName = kRlo + "workspace";
        o.asOf = Date::fromYmd(2025, 8, 1);
        const std::string json = R"({"name": ")" + kRlo +
                                 R"(evil scenario", "as_of": "2025-08-01", "horizon_days": 60,
            "shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop"}]})";
        auto parsed = scenario::parseScenario(json, *s_net);
        EXPECT_TRUE(parsed.ok()) << parsed.errorString();
        if (parsed)
            o.scenarios.push_back({std::move(*parsed), "evil.json"});
        return o;
    }

    static inline std::unique_ptr<analysis::Network> s_net;
};

TEST_F(ReportHostile, EveryDataStringWithBidiControlsIsIsolated) {
    auto doc = buildReport(*s_net, options());
    ASSERT_TRUE(doc.ok()) << doc.errorString();
    size_t seen = 0;
    for (const Text& t : texts(*doc)) {
        for (const std::string name : {"evil product", "evil scenario", "workspace"}) {
            const size_t at = t.text.find(kRlo + name);
            if (at == std::string::npos)
                continue;
            ++seen;
            // FSI right before the override, PDI right after the name (or its cut end).
            EXPECT_EQ(t.text.substr(at - kFsi.size(), kFsi.size()), kFsi) << t.text;
            const size_t end = t.text.find(kPdi, at);
            ASSERT_NE(end, std::string::npos) << t.text;
            const size_t next = t.text.find(kRlo, at + 1);
            EXPECT_TRUE(next == std::string::npos || next > end) << t.text;
        }
    }
    // The product, scenario and workspace names appear in tables, sentences and charts.
    EXPECT_GE(seen, 6u);
}

TEST_F(ReportHostile, LongNamesAreCutInTextButWholeInTheirTable) {
    auto doc = buildReport(*s_net, options());
    ASSERT_TRUE(doc.ok()) << doc.errorString();
    const std::string whole(10000, 'L'), cut = std::string(119, 'L') + "\u2026";
    size_t inTables = 0, cutShown = 0;
    for (const Text& t : texts(*doc)) {
        if (t.text.find(whole) != std::string::npos) {
            EXPECT_TRUE(t.inTable) << "the whole name outside a table: " << t.text.substr(0, 200);
            ++inTables;
        } else if (t.text.find(cut) != std::string::npos) {
            ++cutShown;
        }
        if (!t.inTable)
            EXPECT_EQ(t.text.find(std::string(121, 'L')), std::string::npos)
                << t.text.substr(0, 200);
    }
    EXPECT_GE(inTables, 1u) << "the materials table shows the name whole";
    EXPECT_GE(cutShown, 1u) << "a chart or sentence shows it cut";
}

TEST_F(ReportHostile, AsOfOutsideTheSupportedRangeIsAnError) {
    ReportOptions o = options();
    o.asOf = Date::fromYmd(0, 1, 1); // year 0: QDate has none, the timeline never ended
    auto doc = buildReport(*s_net, o);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.errorString(), "the as-of date 0000-01-01 is outside the supported range "
                                 "1900-01-01 to 2200-12-31");
    o.asOf = Date::last();
    EXPECT_TRUE(buildReport(*s_net, o).ok());
}

} // namespace
} // namespace chokepoint::core::report
