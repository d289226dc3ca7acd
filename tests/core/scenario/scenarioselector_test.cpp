// SPDX-License-Identifier: MIT
// Which sites and which unknown-origin supply a shock hits (SPEC §4 selectors), worked out
// by hand. One car a day needing one cell, unit price 1000, horizon 1 day unless noted.
#include <gtest/gtest.h>

#include "tests/core/scenario/scenariotestutil.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using namespace chokepoint::core::scenario;
using test::materialOf;

namespace {

// Five sites each sell us 0.2 of our cells, lead time 0 (our company's country is unknown):
//   s1 China,     owner CHN, depends on t_lfp (Chinese technology, but in China)
//   s2 Korea,     owner CHN, depends on t_lfp of unknown source
//   s3 Korea,     owner KOR, depends on t_lfp from China
//   s4 Australia, owner AUS
//   s5 Germany,   no owner,  depends on t_other
// Controls: t_lfp is licensed by China from 2025-07-15 (a technology control reaches plants
// abroad using Chinese technology: s3 only; s2's source is unknown, so not in the point
// estimate); cells from China were licensed 2024-01-01 to 2025-01-01 (exports of s1; an
// unknown destination is reached by a measure without targets). A stop hitting n sites gives
// S = 1 - 0.2 n on day 0.
std::unique_ptr<core::analysis::Network> fiveSites() {
    return test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", "id,name,stage\ncell,Cell,cell\nlithium,Lithium,refining\n"},
        {"technologies", "id,name\nt_lfp,LFP\nt_other,Other\n"},
        {"controls", "id,issuer,title,effective,end,kind\n"
                     "ctl_tech,CHN,Tech,2025-07-15,,licence\n"
                     "ctl_cell,CHN,Cells,2024-01-01,2025-01-01,licence\n"},
        {"control_items", "control_id,item_kind,item_id\nctl_tech,technology,t_lfp\n"
                          "ctl_cell,material,cell\n"},
        {"suppliers", "id,name,owner_country\nA,A,CHN\nB,B,CHN\nC,C,KOR\nD,D,AUS\nE,E,\n"},
        {"sites", "id,supplier_id,country\ns1,A,CHN\ns2,B,KOR\ns3,C,KOR\ns4,D,AUS\ns5,E,DEU\n"},
        {"site_technologies", "site_id,technology_id,source_country\ns1,t_lfp,CHN\ns2,t_lfp,\n"
                              "s3,t_lfp,CHN\ns5,t_other,DEU\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,365,1000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n,cell,s1,0.2\n,cell,s2,0.2\n"
                   ",cell,s3,0.2\n,cell,s4,0.2\n,cell,s5,0.2\n"},
    });
}

double supplyOnDay0(const core::analysis::Network& net, const std::string& select,
                    const std::string& asOf = "2025-08-01") {
    const auto r =
        test::runJson(net, R"({"name": "sel", "horizon_days": 1, "as_of": ")" + asOf +
                               R"(", "shocks": [{"select": )" + select + R"(, "kind": "stop"}]})");
    return materialOf(r, "cell").supply.at(0);
}

} // namespace

TEST(ScenarioSelector, EveryKindOfSelector) {
    auto net = fiveSites();
    EXPECT_NEAR(supplyOnDay0(*net, R"({"countries": ["CHN"]})"), 0.8, 1e-12);        // s1
    EXPECT_NEAR(supplyOnDay0(*net, R"({"countries": ["KOR", "AUS"]})"), 0.4, 1e-12); // s2-4
    EXPECT_NEAR(supplyOnDay0(*net, R"({"owner_countries": ["CHN"]})"), 0.6, 1e-12);  // s1, s2
    EXPECT_NEAR(supplyOnDay0(*net, R"({"technologies": ["t_lfp"]})"), 0.4, 1e-12);   // s1-3
    EXPECT_NEAR(supplyOnDay0(*net, R"({"sites": ["s4", "s5"]})"), 0.6, 1e-12);
    EXPECT_NEAR(supplyOnDay0(*net, R"({"materials": ["cell"]})"), 0.0, 1e-12);    // all
    EXPECT_NEAR(supplyOnDay0(*net, R"({"materials": ["lithium"]})"), 1.0, 1e-12); // none
    EXPECT_NEAR(supplyOnDay0(*net, R"({})"), 0.0, 1e-12);                         // all
}

TEST(ScenarioSelector, ControlledFollowsTheControlledLensAtAsOf) {
    auto net = fiveSites();
    // 2025-08-01: t_lfp is controlled abroad with Chinese technology (s3); the cell control
    // has ended.
    EXPECT_NEAR(supplyOnDay0(*net, R"({"controlled": true})"), 0.8, 1e-12);
    // false: the flows not covered (s1, s2, s4, s5).
    EXPECT_NEAR(supplyOnDay0(*net, R"({"controlled": false})"), 0.2, 1e-12);
    // 2025-07-01: neither control is in force.
    EXPECT_NEAR(supplyOnDay0(*net, R"({"controlled": true})", "2025-07-01"), 1.0, 1e-12);
    // 2024-06-01: cells from China are controlled (s1); the technology control is not yet.
    EXPECT_NEAR(supplyOnDay0(*net, R"({"controlled": true})", "2024-06-01"), 0.8, 1e-12);
}

TEST(ScenarioSelector, AllGivenFieldsMustMatch) {
    auto net = fiveSites();
    EXPECT_NEAR(supplyOnDay0(*net, R"({"countries": ["KOR"], "owner_countries": ["CHN"]})"), 0.8,
                1e-12); // s2
    EXPECT_NEAR(supplyOnDay0(*net, R"({"technologies": ["t_lfp"], "countries": ["KOR"]})"), 0.6,
                1e-12); // s2, s3
    EXPECT_NEAR(supplyOnDay0(*net, R"({"countries": ["CHN", "KOR"], "controlled": true})"), 0.8,
                1e-12); // s3 (s1 uses Chinese technology in China: not controlled)
    EXPECT_NEAR(supplyOnDay0(*net, R"({"countries": ["CHN"], "controlled": true})", "2024-06-01"),
                0.8, 1e-12); // s1's cells are exports to an unknown destination
    EXPECT_NEAR(supplyOnDay0(*net, R"({"sites": ["s1", "s4"], "materials": ["cell"],
                                       "owner_countries": ["AUS"]})"),
                0.8, 1e-12); // s4
    EXPECT_NEAR(supplyOnDay0(*net, R"({"sites": ["s1"], "countries": ["KOR"]})"), 1.0, 1e-12);
}

namespace {

// We buy 0.6 of our cells from a Korean site, the other 0.4 is of unknown origin. World
// shares of cells: China 0.5, Korea 0.3, Australia 0.1. Cathode (the cell's recipe input,
// China 0.9 of world output) is covered by a Chinese material control from 2025-01-01.
std::unique_ptr<core::analysis::Network> unknownOrigin(const std::string& supply,
                                                       const std::string& profile = "key,value\n") {
    return test::networkFromCsv({
        {"profile", profile},
        {"countries", test::kTestCountries},
        {"materials", "id,name,stage\ncell,Cell,cell\ncathode,Cathode,cathode\n"
                      "lithium,Lithium,refining\n"},
        {"recipes", "material_id,input_material_id\ncell,cathode\n"},
        {"world_shares", "material_id,country,share\ncell,CHN,0.5\ncell,KOR,0.3\ncell,AUS,0.1\n"
                         "cathode,CHN,0.9\n"},
        {"controls", "id,issuer,title,effective,kind\nctl,CHN,Cathode,2025-01-01,licence\n"},
        {"control_items", "control_id,item_kind,item_id\nctl,material,cathode\n"},
        {"suppliers", "id,name,owner_country\nK,K,KOR\n"},
        {"sites", "id,supplier_id,country\nkr,K,KOR\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,365,1000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n" + supply},
    });
}

double supplyWith(const core::analysis::Network& net, const std::string& shocks,
                  const std::string& asOf = "2025-08-01") {
    const auto r = test::runJson(net, R"({"name": "u", "horizon_days": 1, "as_of": ")" + asOf +
                                          R"(", "shocks": [)" + shocks + "]}");
    return materialOf(r, "cell").supply.at(0);
}

} // namespace

TEST(ScenarioSelector, UnknownOriginIsHitInProportionToWorldShares) {
    // kr makes cells; it buys no cathode through the supply table, so its cathode is all
    // of unknown origin: G(kr, cathode) = V(cathode).
    auto net = unknownOrigin(",cell,kr,0.6\n");
    // Cell stop in China: V(cell) = min(1 - 1 · 0.5, V(cathode) = 1) = 0.5 (materials
    // filter keeps cathode out): S = 0.6 · 1 + 0.4 · 0.5 = 0.8.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"], "materials": ["cell"]},
                                     "kind": "stop"})"),
                0.8, 1e-12);
    // Capacity 0.5: V = 1 - 0.5 · 0.5 = 0.75, S = 0.6 + 0.4 · 0.75 = 0.9.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"], "materials": ["cell"]},
                                     "kind": "capacity", "capacity": 0.5})"),
                0.9, 1e-12);
    // Two countries: V = 1 - (0.5 + 0.1) = 0.4, S = 0.6 + 0.16 = 0.76.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN", "AUS"],
                                     "materials": ["cell"]}, "kind": "stop"})"),
                0.76, 1e-12);
    // Three China stops: 1 - 1.5 is clamped at 0: S = 0.6.
    const std::string cnCell =
        R"({"select": {"countries": ["CHN"], "materials": ["cell"]}, "kind": "stop"})";
    EXPECT_NEAR(supplyWith(*net, cnCell + "," + cnCell + "," + cnCell), 0.6, 1e-12);
    // Selectors naming sites, technologies or owners never hit unknown supply.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"], "owner_countries": ["CHN"]},
                                     "kind": "stop"})"),
                1.0, 1e-12);
    // A materials filter that leaves both cell and cathode out.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"], "materials": ["lithium"]},
                                     "kind": "stop"})"),
                1.0, 1e-12);
}

TEST(ScenarioSelector, UnknownOriginFollowsRecipeInputs) {
    auto net = unknownOrigin(",cell,kr,0.6\n");
    // A China stop without materials filter hits cathode: V(cathode) = 1 - 0.9 = 0.1, so
    // A(kr, cell) = min(G(kr, cathode) = 0.1) = 0.1 and V(cell) = min(1 - 0.5, 0.1) = 0.1:
    // S = 0.6 · 0.1 + 0.4 · 0.1 = 0.1.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"]}, "kind": "stop"})"), 0.1,
                1e-12);
    // Only cathode: V(cell) = min(1, 0.1) = 0.1, same S.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"], "materials": ["cathode"]},
                                     "kind": "stop"})"),
                0.1, 1e-12);
    // controlled: only cathode is covered by a control issued by China (at 2025-08-01):
    // V(cathode) = 0.1 and V(cell) = min(1 - 0 (cells are not controlled), 0.1) = 0.1.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"], "controlled": true},
                                     "kind": "stop"})"),
                0.1, 1e-12);
    // Before the control: nothing is controlled, nothing is hit.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"], "controlled": true},
                                     "kind": "stop"})",
                           "2024-12-31"),
                1.0, 1e-12);
    // controlled false: cells are hit (V(cell) = 0.5), cathode is not:
    // A(kr, cell) = 1, S = 0.6 + 0.4 · 0.5 = 0.8.
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"], "controlled": false},
                                     "kind": "stop"})"),
                0.8, 1e-12);
}

TEST(ScenarioSelector, ControlledUnknownOriginDependsOnTheDestination) {
    // Our company in China: the Chinese cathode measure does not reach our own unknown supply
    // (a flow inside China is no export), but kr's cathode goes to Korea and is hit.
    // V(cathode, KOR) = 1 - 0.9 = 0.1, so A(kr, cell) = 0.1; V(cell, CHN) = min(1 (cells are
    // not controlled), V(cathode, CHN) = 1) = 1. S = 0.6 · 0.1 + 0.4 · 1 = 0.46.
    auto net = unknownOrigin(",cell,kr,0.6\n", "key,value\ncompany_country,CHN\n");
    EXPECT_NEAR(supplyWith(*net, R"({"select": {"countries": ["CHN"], "controlled": true},
                                     "kind": "stop"})"),
                0.46, 1e-12);
    // Our company in Germany: both are hit, as with an unknown company country: S = 0.1.
    auto de = unknownOrigin(",cell,kr,0.6\n", "key,value\ncompany_country,DEU\n");
    EXPECT_NEAR(supplyWith(*de, R"({"select": {"countries": ["CHN"], "controlled": true},
                                    "kind": "stop"})"),
                0.1, 1e-12);
}

TEST(ScenarioSelector, MaterialsBoughtFromNobodyAreAllUnknown) {
    // No supply rows for cells: S = G(self, cell) = (1 - 0) · V(cell) = 1 - 0.5 = 0.5 with a
    // China cell stop; a 10-day horizon loses 10 × 0.5 = 5 cars.
    auto net = unknownOrigin("");
    const auto r = test::runJson(*net, R"({"name": "u", "horizon_days": 10, "shocks": [
        {"select": {"countries": ["CHN"], "materials": ["cell"]}, "kind": "stop"}]})");
    EXPECT_NEAR(materialOf(r, "cell").supply.at(9), 0.5, 1e-12);
    EXPECT_NEAR(r.products.at(0).lostUnits, 5.0, 1e-12);
}
