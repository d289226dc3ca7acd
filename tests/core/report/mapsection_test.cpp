// SPDX-License-Identifier: MIT
// The report's map section on the bundled data: the map's scene and the country table,
// checked against the raw tables.
#include <gtest/gtest.h>
#include <map>
#include <set>

#include "tests/core/report/reporttestutil.h"

namespace chokepoint::core::report {
namespace {

using test::ReportFixture;

const MapChart& mapChart(const ReportDocument& doc) {
    for (const Block& b : test::section(doc, SectionId::Map).blocks)
        if (const auto* c = std::get_if<Chart>(&b))
            if (const auto* m = std::get_if<MapChart>(&c->data))
                return *m;
    ADD_FAILURE() << "no map in the map section";
    static const MapChart none;
    return none;
}

TEST_F(ReportFixture, MapShowsEverySiteOfTheChainAndWhatWeBuy) {
    const MapChart& map = mapChart(doc());
    // Sites that supply anything reachable from our purchases, walked on the raw rows by
    // site (the bundled chain has no site that is reached for one material and not another).
    std::set<std::string> chain;
    std::vector<std::string> stack;
    for (const auto& l : data().supply)
        if (l.buyerSite.empty())
            stack.push_back(l.supplierSite);
    while (!stack.empty()) {
        const std::string s = stack.back();
        stack.pop_back();
        if (!chain.insert(s).second)
            continue;
        for (const auto& l : data().supply)
            if (l.buyerSite == s)
                stack.push_back(l.supplierSite);
    }
    std::set<std::string> shown;
    for (const auto& s : map.scene.sites)
        shown.insert(data().sites[size_t(s.site)].id);
    EXPECT_EQ(shown, chain);
    // Flows of everything we buy: every one of our purchases with a site on the map is an
    // arc when our own country is known; here the profile has none, so the deeper links only.
    EXPECT_FALSE(map.scene.arcs.empty());
    EXPECT_EQ(map.caption.title, "Where our supply sits: spend at risk by country");
    EXPECT_EQ(map.scene.measure, map::CountryMeasure::SpendAtRisk);
}

TEST_F(ReportFixture, MapCountryTableAddsUpTheRawSpend) {
    const Table& t = test::table(doc(), SectionId::Map, "map-countries");
    ASSERT_FALSE(t.rows.empty());
    // Tier-1 spend per country name from supply.csv and sites.csv.
    std::map<std::string, std::string> countryOfSite, nameOfCountry;
    for (const auto& s : data().sites)
        countryOfSite[s.id] = s.country;
    for (const auto& c : data().countries)
        nameOfCountry[c.iso3] = c.name;
    std::map<std::string, double> spend;
    double total = 0;
    for (const auto& l : data().supply)
        if (l.buyerSite.empty() && l.annualSpend) {
            spend[nameOfCountry[countryOfSite[l.supplierSite]]] += *l.annualSpend;
            total += *l.annualSpend;
        }
    for (const auto& row : t.rows) {
        const std::string& name = row[0].text;
        EXPECT_NEAR(row[2].number, spend[name], 0.5) << name;
        EXPECT_NEAR(row[3].number, spend[name] / total, 1e-9) << name;
        EXPECT_LE(row[4].number, row[2].number + 0.5) << name; // at risk never above spend
    }
    // China first: under the location lens all of it is at risk.
    EXPECT_EQ(t.rows[0][0].text, "China");
    EXPECT_NEAR(t.rows[0][4].number, spend["China"], 0.5);
    // Spend at risk descending.
    for (size_t i = 1; i < t.rows.size(); ++i)
        EXPECT_LE(t.rows[i][4].number, t.rows[i - 1][4].number);
}

} // namespace
} // namespace chokepoint::core::report
