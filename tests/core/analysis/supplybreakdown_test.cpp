// SPDX-License-Identifier: MIT
// Supply by tier and country, world mix and product use on a small network worked out by hand.
#include <gtest/gtest.h>

#include "core/analysis/supplybreakdown.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::analysis {
namespace {

// Recipes: cell <- chem, foil; chem <- ore. Products: car (cell, motor), van (motor), kit (chem).
// Our links: cell 0.5 de_cell + 0.3 kr_cell (0.2 unknown); motor 1.0 de_motor; chem 0.5 kr_chem.
// de_cell buys chem 0.6 cn_chem + 0.2 kr_chem (0.2 unknown) and foil 1.0 cn_foil; kr_cell buys
// chem 1.0 kr_chem and no foil; cn_chem buys ore 0.5 au_ore + 0.5 cl_ore; kr_chem ore 0.4 au_ore.
Dataset smallData() {
    return test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nKOR,Korea\nAUS,Australia\nCHL,Chile\n"},
        {"materials", "id,name,stage\nore,Ore,mining\nchem,Chemical,refining\nfoil,Foil,other\n"
                      "cell,Cell,cell\nmotor,Motor,component\n"},
        {"recipes", "material_id,input_material_id\ncell,chem\ncell,foil\nchem,ore\n"},
        {"sources", "id,publisher\nS1,Survey\nS2,Agency\n"},
        {"world_shares", "material_id,country,share,year,source\nchem,KOR,0.2,2024,S2;S1\n"
                         "chem,CHN,0.7,2023,S1\n"},
        {"suppliers", "id,name,hq_country,owner_country\ncn,CN Co,CHN,CHN\nde,DE Co,DEU,CHN\n"
                      "kr,KR Co,KOR,KOR\nau,AU Co,AUS,AUS\ncl,CL Co,CHL,CHL\n"},
        {"sites",
         "id,supplier_id,country\ncn_chem,cn,CHN\ncn_foil,cn,CHN\nde_cell,de,DEU\n"
         "de_motor,de,DEU\nkr_cell,kr,KOR\nkr_chem,kr,KOR\nau_ore,au,AUS\ncl_ore,cl,CHL\n"},
        {"products", "id,name,annual_volume,unit_price\nvan,Van,5,2000\ncar,Car,10,1000\n"
                     "kit,Kit,1,10\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\ncar,motor,1\n"
                        "van,motor,2\nkit,chem,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",cell,de_cell,0.5,500\n,cell,kr_cell,0.3,300\n,motor,de_motor,1,100\n"
                   ",chem,kr_chem,0.5,50\n"
                   "de_cell,chem,cn_chem,0.6,\nde_cell,chem,kr_chem,0.2,\nde_cell,foil,cn_foil,1,\n"
                   "kr_cell,chem,kr_chem,1,\ncn_chem,ore,au_ore,0.5,\ncn_chem,ore,cl_ore,0.5,\n"
                   "kr_chem,ore,au_ore,0.4,\n"},
    });
}

class SupplyBreakdownTest : public ::testing::Test {
protected:
    SupplyBreakdownTest()
        : net(smallData()) {}
    Index m(const char* id) const { return net.materials.find(id); }
    Index c(const char* iso3) const { return net.countries.find(iso3); }
    // Country shares of a row as (iso3, share) in the row's order.
    std::vector<std::pair<std::string, double>> shares(const BreakdownRow& row) const {
        std::vector<std::pair<std::string, double>> out;
        for (const CountryShare& s : row.countries)
            out.emplace_back(net.countries.id(s.country), s.share);
        return out;
    }
    void expectShares(const BreakdownRow& row,
                      const std::vector<std::pair<std::string, double>>& expected) const {
        const auto got = shares(row);
        ASSERT_EQ(got.size(), expected.size());
        for (size_t i = 0; i < got.size(); ++i) {
            EXPECT_EQ(got[i].first, expected[i].first) << i;
            EXPECT_NEAR(got[i].second, expected[i].second, 1e-12) << i;
        }
    }
    Network net;
};

TEST_F(SupplyBreakdownTest, CellByTierAndCountry) {
    const SupplyBreakdown b = supplyBreakdown(net, m("cell"));
    EXPECT_EQ(b.material, m("cell"));
    EXPECT_FALSE(b.truncated);
    ASSERT_EQ(b.rows.size(), 4u);

    // Tier 1: what we buy. 0.5 Germany, 0.3 Korea, 1 - 0.8 unknown.
    const BreakdownRow& t1 = b.rows[0];
    EXPECT_EQ(t1.tier, 1);
    EXPECT_EQ(t1.material, m("cell"));
    EXPECT_EQ(t1.parent, -1);
    expectShares(t1, {{"DEU", 0.5}, {"KOR", 0.3}});
    EXPECT_NEAR(t1.unknownOrigin, 0.2, 1e-12);
    EXPECT_NEAR(t1.untraced, 0.0, 1e-12);
    EXPECT_EQ(t1.sites, 2u);

    // Tier 2, chem: de_cell (0.5) 0.6 China = 0.3, 0.2 Korea = 0.1, 0.2 unknown = 0.1;
    // kr_cell (0.3) 1.0 Korea = 0.3. Korea 0.4; untraced = tier 1's unknown 0.2.
    const BreakdownRow& chem = b.rows[1];
    EXPECT_EQ(chem.tier, 2);
    EXPECT_EQ(chem.material, m("chem"));
    EXPECT_EQ(chem.parent, 0);
    expectShares(chem, {{"KOR", 0.4}, {"CHN", 0.3}});
    EXPECT_NEAR(chem.unknownOrigin, 0.1, 1e-12);
    EXPECT_NEAR(chem.untraced, 0.2, 1e-12);
    EXPECT_EQ(chem.sites, 2u);

    // Tier 2, foil: de_cell 1.0 China = 0.5; kr_cell buys no foil: 0.3 unknown.
    const BreakdownRow& foil = b.rows[2];
    EXPECT_EQ(foil.tier, 2);
    EXPECT_EQ(foil.material, m("foil"));
    EXPECT_EQ(foil.parent, 0);
    expectShares(foil, {{"CHN", 0.5}});
    EXPECT_NEAR(foil.unknownOrigin, 0.3, 1e-12);
    EXPECT_NEAR(foil.untraced, 0.2, 1e-12);

    // Tier 3, ore (under chem): cn_chem carries 0.3 -> 0.15 Australia, 0.15 Chile; kr_chem
    // carries 0.4 -> 0.16 Australia, 0.24 unknown. Untraced: chem's 0.1 + 0.2.
    const BreakdownRow& ore = b.rows[3];
    EXPECT_EQ(ore.tier, 3);
    EXPECT_EQ(ore.material, m("ore"));
    EXPECT_EQ(ore.parent, 1);
    expectShares(ore, {{"AUS", 0.31}, {"CHL", 0.15}});
    EXPECT_NEAR(ore.unknownOrigin, 0.24, 1e-12);
    EXPECT_NEAR(ore.untraced, 0.3, 1e-12);
    EXPECT_NEAR(ore.known(), 0.46, 1e-12);
}

TEST_F(SupplyBreakdownTest, DirectMaterialAndUnknownOrigin) {
    // chem: 0.5 from kr_chem; its ore 0.4 Australia -> 0.2, unknown 0.5 * 0.6 = 0.3.
    const SupplyBreakdown chem = supplyBreakdown(net, m("chem"));
    ASSERT_EQ(chem.rows.size(), 2u);
    expectShares(chem.rows[0], {{"KOR", 0.5}});
    EXPECT_NEAR(chem.rows[0].unknownOrigin, 0.5, 1e-12);
    expectShares(chem.rows[1], {{"AUS", 0.2}});
    EXPECT_NEAR(chem.rows[1].unknownOrigin, 0.3, 1e-12);
    EXPECT_NEAR(chem.rows[1].untraced, 0.5, 1e-12);

    // foil: we buy none, so all of it is of unknown origin and nothing is expanded.
    const SupplyBreakdown foil = supplyBreakdown(net, m("foil"));
    ASSERT_EQ(foil.rows.size(), 1u);
    EXPECT_TRUE(foil.rows[0].countries.empty());
    EXPECT_NEAR(foil.rows[0].unknownOrigin, 1.0, 1e-12);
    EXPECT_FALSE(foil.truncated);

    // motor has no recipe: one row, all Germany.
    const SupplyBreakdown motor = supplyBreakdown(net, m("motor"));
    ASSERT_EQ(motor.rows.size(), 1u);
    expectShares(motor.rows[0], {{"DEU", 1.0}});
    EXPECT_EQ(supplyBreakdown(net, kNone).rows.size(), 0u);
}

TEST_F(SupplyBreakdownTest, Bounds) {
    const SupplyBreakdown rows2 = supplyBreakdown(net, m("cell"), {6, 2});
    ASSERT_EQ(rows2.rows.size(), 2u);
    EXPECT_EQ(rows2.rows[1].material, m("chem"));
    EXPECT_TRUE(rows2.truncated);
    const SupplyBreakdown depth2 = supplyBreakdown(net, m("cell"), {2, 30});
    ASSERT_EQ(depth2.rows.size(), 3u); // cell, chem, foil; chem's ore is tier 3
    EXPECT_TRUE(depth2.truncated);
    const SupplyBreakdown depth3 = supplyBreakdown(net, m("cell"), {3, 30});
    EXPECT_EQ(depth3.rows.size(), 4u);
    EXPECT_FALSE(depth3.truncated); // ore has no recipe: nothing left out
}

TEST_F(SupplyBreakdownTest, Columns) {
    const SupplyBreakdown b = supplyBreakdown(net, m("cell"));
    // Totals over rows: CHN 0.8, KOR 0.7, DEU 0.5, AUS 0.31, CHL 0.15. China comes first.
    const BreakdownColumns two = breakdownColumns(net, b, 2);
    ASSERT_EQ(two.countries, (std::vector<Index>{c("CHN"), c("KOR")}));
    ASSERT_EQ(two.shares.size(), 4u);
    EXPECT_NEAR(two.shares[0][0], 0.0, 1e-12);
    EXPECT_NEAR(two.shares[0][1], 0.3, 1e-12);
    EXPECT_NEAR(two.otherCountries[0], 0.5, 1e-12);
    EXPECT_NEAR(two.shares[1][0], 0.3, 1e-12);
    EXPECT_NEAR(two.shares[1][1], 0.4, 1e-12);
    EXPECT_NEAR(two.otherCountries[1], 0.0, 1e-12);
    EXPECT_NEAR(two.shares[2][0], 0.5, 1e-12);
    EXPECT_NEAR(two.otherCountries[3], 0.46, 1e-12);
    const BreakdownColumns four = breakdownColumns(net, b, 4);
    EXPECT_EQ(four.countries, (std::vector<Index>{c("CHN"), c("KOR"), c("DEU"), c("AUS")}));
    EXPECT_NEAR(four.otherCountries[3], 0.15, 1e-12); // Chile
    // Without China in the rows, the largest countries come first.
    const BreakdownColumns motor = breakdownColumns(net, supplyBreakdown(net, m("motor")), 3);
    EXPECT_EQ(motor.countries, (std::vector<Index>{c("DEU")}));
}

TEST_F(SupplyBreakdownTest, WorldMix) {
    const WorldMix chem = worldMix(net, m("chem"));
    ASSERT_EQ(chem.shares.size(), 2u);
    EXPECT_EQ(chem.shares[0].country, c("CHN"));
    EXPECT_DOUBLE_EQ(chem.shares[0].share, 0.7);
    EXPECT_EQ(chem.shares[1].country, c("KOR"));
    EXPECT_NEAR(chem.rest, 0.1, 1e-12);
    EXPECT_EQ(chem.firstYear, 2023);
    EXPECT_EQ(chem.lastYear, 2024);
    // Sources in order of first mention: S2 (first row), then S1.
    ASSERT_EQ(chem.sources.size(), 2u);
    EXPECT_EQ(net.data().sources[chem.sources[0]].id, "S2");
    EXPECT_EQ(net.data().sources[chem.sources[1]].id, "S1");

    const WorldMix ore = worldMix(net, m("ore"));
    EXPECT_TRUE(ore.shares.empty());
    EXPECT_DOUBLE_EQ(ore.rest, 1.0);
    EXPECT_FALSE(ore.firstYear);
    EXPECT_TRUE(ore.sources.empty());
}

TEST_F(SupplyBreakdownTest, ProductsUsing) {
    auto ids = [&](const std::vector<Index>& products) {
        std::vector<std::string> out;
        for (const Index p : products)
            out.push_back(net.products.id(p));
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(ids(productsUsing(net, m("ore"))), (V{"car", "kit"})); // cell and kit need chem
    EXPECT_EQ(ids(productsUsing(net, m("chem"))), (V{"car", "kit"}));
    EXPECT_EQ(ids(productsUsing(net, m("motor"))), (V{"car", "van"}));
    EXPECT_EQ(ids(productsUsing(net, m("foil"))), (V{"car"}));
    EXPECT_EQ(ids(productsUsing(net, m("cell"))), (V{"car"}));
}

} // namespace
} // namespace chokepoint::core::analysis
