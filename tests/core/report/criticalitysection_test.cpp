// SPDX-License-Identifier: MIT
// The report's critical sites (SPEC §7): the ten costliest outages with their reasons, the
// scatter, and the most critical site named in the summary.
#include <gtest/gtest.h>

#include "core/scenario/criticality.h"
#include "core/scenario/criticalityoutput.h"
#include "core/util/format.h"
#include "tests/core/report/reporttestutil.h"

namespace chokepoint::core::report {
namespace {

namespace sc = scenario;
using test::ReportFixture;

} // namespace

// The engine's result with the report's settings (its date, 365 days, default TTR 90).
class CriticalSections : public ReportFixture {
protected:
    static sc::CriticalityResult expected() {
        sc::CriticalityOptions o;
        o.asOf = asOf();
        o.threads = 1;
        return sc::computeCriticality(net(), o);
    }
};

TEST_F(CriticalSections, CriticalSitesListTheCostliestOutagesWithTheirReasons) {
    const sc::CriticalityResult r = expected();
    const Section& sec = test::section(doc(), SectionId::Criticality);
    EXPECT_EQ(sec.title, "Critical sites");
    const Table& t = test::table(doc(), SectionId::Criticality, "critical-sites");
    size_t losing = 0;
    for (const auto& s : r.sites)
        losing += s.lostRevenue > 0.0;
    ASSERT_GT(losing, 0u) << "the fixture must have a site whose outage costs revenue";
    ASSERT_EQ(t.rows.size(), std::min<size_t>(10, losing));
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const sc::CriticalSite& s = r.sites[i];
        EXPECT_EQ(t.rows[i][1].text, s.name.empty() ? s.id : s.name);
        EXPECT_EQ(t.rows[i][2].text, s.country);
        EXPECT_DOUBLE_EQ(t.rows[i][7].number, s.lostRevenue);
    }
    // One reason per row, in words, and the scatter with every supplying site.
    const BulletList* reasons = nullptr;
    const Chart* scatter = nullptr;
    for (const Block& b : sec.blocks) {
        if (const auto* l = std::get_if<BulletList>(&b))
            reasons = l;
        if (const auto* c = std::get_if<Chart>(&b); c && c->id == "criticality-scatter")
            scatter = c;
    }
    ASSERT_NE(reasons, nullptr);
    ASSERT_EQ(reasons->items.size(), t.rows.size());
    EXPECT_NE(reasons->items[0].find("survives " + sc::ttsText(r.sites[0], 365)), std::string::npos)
        << reasons->items[0];
    EXPECT_NE(reasons->items[0].find(formatMoney(r.sites[0].lostRevenue) + " lost"),
              std::string::npos);
    ASSERT_NE(scatter, nullptr);
    const auto& points = std::get<ScatterChart>(scatter->data).points;
    ASSERT_EQ(points.size(), r.sites.size());
    for (size_t i = 0; i < points.size(); ++i) {
        EXPECT_EQ(points[i].x.has_value(), r.sites[i].tier == 1 && r.sites[i].spend > 0.0);
        EXPECT_DOUBLE_EQ(points[i].y, r.sites[i].lostRevenue);
    }
}

TEST_F(CriticalSections, SummaryNamesTheMostCriticalSite) {
    const sc::CriticalityResult r = expected();
    ASSERT_TRUE(r.sites.at(0).atRisk);
    const std::string name = r.sites[0].name.empty() ? r.sites[0].id : r.sites[0].name;
    bool named = false;
    for (const Block& b : test::section(doc(), SectionId::Summary).blocks)
        if (const auto* p = std::get_if<Paragraph>(&b))
            named =
                named || p->text.find("most critical single site: " + name) != std::string::npos;
    EXPECT_TRUE(named);
}

} // namespace chokepoint::core::report
