// SPDX-License-Identifier: MIT
// Every material's reach to our products: tiers, dependence through what it feeds, products
// and the all-material filter, on a small network worked out by hand.
#include <gtest/gtest.h>

#include "core/analysis/materialreach.h"
#include "core/io/bundled.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::analysis {
namespace {

// Recipes: ano <- gra; cell <- ano, cat. "tool" is in no recipe, BOM or supply row.
// Products: car (cell, motor) 10 at 1000; van (motor) 5 at 2000; kit (ano) 1, no price.
// Our links: cell 0.6 kr_cell + 0.3 de_cell (0.1 unknown); motor 1.0 de_motor; ano 1.0 jp_ano.
// kr_cell buys ano 0.5 jp_ano + 0.5 cn_ano, cat 1.0 cn_cat; de_cell buys ano 1.0 jp_ano and no
// cat; jp_ano buys gra 0.4 cn_gra + 0.4 au_gra (0.2 unknown); cn_ano buys gra 1.0 au_gra.
// World CHN shares: gra 0.8, ano 0.5.
Dataset reachData() {
    return test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nKOR,Korea\nAUS,Australia\nJPN,Japan\n"},
        {"materials", "id,name,stage\ngra,Graphite,refining\nano,Anode,anode\ncat,Cathode,cathode\n"
                      "cell,Cell,cell\nmotor,Motor,component\ntool,Tool,other\n"},
        {"recipes", "material_id,input_material_id\nano,gra\ncell,ano\ncell,cat\n"},
        {"world_shares", "material_id,country,share,year\ngra,CHN,0.8,2024\ngra,AUS,0.1,2024\n"
                         "ano,CHN,0.5,2024\n"},
        {"suppliers", "id,name,hq_country,owner_country\ncn,CN Co,CHN,CHN\nau,AU Co,AUS,AUS\n"
                      "jp,JP Co,JPN,JPN\nkr,KR Co,KOR,KOR\nde,DE Co,DEU,DEU\n"},
        {"sites", "id,supplier_id,country\ncn_gra,cn,CHN\nau_gra,au,AUS\njp_ano,jp,JPN\n"
                  "cn_ano,cn,CHN\ncn_cat,cn,CHN\nkr_cell,kr,KOR\nde_cell,de,DEU\n"
                  "de_motor,de,DEU\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,10,1000\nvan,Van,5,2000\n"
                     "kit,Kit,1,\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\ncar,motor,1\n"
                        "van,motor,2\nkit,ano,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",cell,kr_cell,0.6,600\n,cell,de_cell,0.3,300\n,motor,de_motor,1,100\n"
                   ",ano,jp_ano,1,50\n"
                   "kr_cell,ano,jp_ano,0.5,\nkr_cell,ano,cn_ano,0.5,\nkr_cell,cat,cn_cat,1,\n"
                   "de_cell,ano,jp_ano,1,\n"
                   "jp_ano,gra,cn_gra,0.4,\njp_ano,gra,au_gra,0.4,\ncn_ano,gra,au_gra,1,\n"},
    });
}

class MaterialReachTest : public ::testing::Test {
protected:
    MaterialReachTest()
        : net(reachData())
        , engine(net)
        , location(engine.compute(Lens::Location, Date::fromYmd(2025, 8, 1))) {}
    Index m(const char* id) const { return net.materials.find(id); }
    Index p(const char* id) const { return net.products.find(id); }
    Network net;
    ExposureEngine engine;
    ExposureResult location;
};

TEST_F(MaterialReachTest, TiersFollowRecipesFromWhatWeReport) {
    // Tier 1: cell, motor (BOM of car and van) and ano (BOM of kit, bought directly).
    // cell's inputs ano and cat are tier 2; ano's input gra is tier 2 (under our ano) and
    // tier 3 (under the ano of our cells). Nothing needs tool.
    const auto tiers = materialTiers(net);
    EXPECT_EQ(tiers[size_t(m("cell"))], 0b1u);
    EXPECT_EQ(tiers[size_t(m("motor"))], 0b1u);
    EXPECT_EQ(tiers[size_t(m("ano"))], 0b11u);
    EXPECT_EQ(tiers[size_t(m("cat"))], 0b10u);
    EXPECT_EQ(tiers[size_t(m("gra"))], 0b110u);
    EXPECT_EQ(tiers[size_t(m("tool"))], 0u);
    EXPECT_EQ(materialReach(net, location, m("gra")).tierList(), (std::vector<int>{2, 3}));
}

TEST_F(MaterialReachTest, GraphiteReachesOurCellsAndAnodes) {
    // u(gra) = 0.8 (world CHN share). Through graphite only:
    //   g(jp_ano, gra) = 0.4·1 (cn_gra) + 0.4·0 + 0.2·0.8 = 0.56;  g(cn_ano, gra) = 1·0 = 0
    //   f(jp_ano, ano) = 0.56;  f(cn_ano, ano) = 0 (its own location does not count here)
    //   g(kr_cell, ano) = 0.5·0.56 + 0.5·0 = 0.28;  g(de_cell, ano) = 0.56
    //   f(kr_cell, cell) = 0.28 (cat needs no graphite);  f(de_cell, cell) = 0.56
    //   D_gra(cell) = 0.6·0.28 + 0.3·0.56 + 0.1·0.8 = 0.416;  D_gra(ano) = 1·0.56 = 0.56
    const MaterialReach r = materialReach(net, location, m("gra"));
    EXPECT_EQ(r.material, m("gra"));
    EXPECT_NEAR(r.dependence, 0.56, 1e-12);
    ASSERT_EQ(r.feeds.size(), 2u);
    EXPECT_EQ(r.feeds[0].material, m("ano"));
    EXPECT_NEAR(r.feeds[0].dependence, 0.56, 1e-12);
    EXPECT_EQ(r.feeds[1].material, m("cell"));
    EXPECT_NEAR(r.feeds[1].dependence, 0.416, 1e-12);
    // car: max(cell 0.416, motor 0) → 10 · 1000 · 0.416 = 4160; kit: ano 0.56, no price;
    // van (motor only) is not reached.
    ASSERT_EQ(r.products.size(), 2u);
    EXPECT_EQ(r.products[0].product, p("car"));
    EXPECT_NEAR(r.products[0].dependence, 0.416, 1e-12);
    ASSERT_TRUE(r.products[0].revenueAtRisk);
    EXPECT_NEAR(*r.products[0].revenueAtRisk, 4160.0, 1e-9);
    EXPECT_EQ(r.products[1].product, p("kit"));
    EXPECT_NEAR(r.products[1].dependence, 0.56, 1e-12);
    EXPECT_FALSE(r.products[1].revenueAtRisk);
    ASSERT_TRUE(r.revenueAtRisk);
    EXPECT_NEAR(*r.revenueAtRisk, 4160.0, 1e-9);
}

TEST_F(MaterialReachTest, CathodeCountsOnlyWhereItIsBought) {
    // Through cat: g(kr_cell, cat) = 1 (cn_cat is in China); de_cell buys no cat, so it counts
    // u(cat) = 0 (no world shares). D_cat(cell) = 0.6·1 + 0.3·0 + 0.1·0 = 0.6; car 6000.
    const MaterialReach r = materialReach(net, location, m("cat"));
    EXPECT_NEAR(r.dependence, 0.6, 1e-12);
    ASSERT_EQ(r.feeds.size(), 1u);
    EXPECT_EQ(r.feeds[0].material, m("cell"));
    ASSERT_EQ(r.products.size(), 1u);
    EXPECT_NEAR(*r.products[0].revenueAtRisk, 6000.0, 1e-9);
}

TEST_F(MaterialReachTest, ATopMaterialReachesWithItsOwnDependence) {
    // cell feeds nothing else: D_cell(cell) = D(cell) = 0.6·f(kr_cell) + 0.3·f(de_cell) + 0.1·
    // u(cell), with f(kr_cell, cell) = max(g ano 0.5·0.56 + 0.5·1 = 0.78, g cat 1) = 1,
    // f(de_cell, cell) = max(0.56, u(cat) 0) = 0.56, u(cell) = u(ano) = max(0.5, 0.8) = 0.8:
    // 0.6 + 0.168 + 0.08 = 0.848.
    const MaterialReach r = materialReach(net, location, m("cell"));
    EXPECT_NEAR(r.dependence, 0.848, 1e-12);
    EXPECT_NEAR(location.dependence(net, m("cell")), 0.848, 1e-12);
    EXPECT_EQ(r.tiers, 1u);
}

TEST_F(MaterialReachTest, AMaterialNothingNeedsReachesNothing) {
    const MaterialReach r = materialReach(net, location, m("tool"));
    EXPECT_EQ(r.tiers, 0u);
    EXPECT_TRUE(r.tierList().empty());
    EXPECT_EQ(r.dependence, 0.0);
    EXPECT_TRUE(r.feeds.empty());
    EXPECT_TRUE(r.products.empty());
    EXPECT_FALSE(r.revenueAtRisk);
}

TEST_F(MaterialReachTest, AllMaterialsAtOnceMatchOneByOne) {
    const auto all = materialReaches(net, location);
    ASSERT_EQ(all.size(), net.materials.size());
    for (size_t i = 0; i < all.size(); ++i) {
        const MaterialReach one = materialReach(net, location, Index(i));
        EXPECT_EQ(all[i].material, Index(i));
        EXPECT_DOUBLE_EQ(all[i].dependence, one.dependence) << net.materials.id(Index(i));
        EXPECT_EQ(all[i].feeds.size(), one.feeds.size());
        EXPECT_EQ(all[i].products.size(), one.products.size());
    }
}

TEST_F(MaterialReachTest, RecipePathLeadsFromWhatWeBuyToTheInput) {
    auto ids = [&](const std::vector<Index>& path) {
        std::vector<std::string> out;
        for (const Index i : path)
            out.push_back(net.materials.id(i));
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(ids(recipePath(net, m("cell"), m("gra"))), (V{"cell", "ano", "gra"}));
    EXPECT_EQ(ids(recipePath(net, m("cell"), m("cat"))), (V{"cell", "cat"}));
    EXPECT_EQ(ids(recipePath(net, m("ano"), m("ano"))), (V{"ano"}));
    EXPECT_TRUE(recipePath(net, m("motor"), m("gra")).empty());
    EXPECT_TRUE(recipePath(net, m("gra"), m("cell")).empty());
}

TEST_F(MaterialReachTest, FilterKeepsUpstreamMaterialsByProductStageAndCountry) {
    auto kept = [&](const SummaryFilter& f) {
        const auto keep = materialsInFilter(net, f);
        std::vector<std::string> ids;
        for (size_t i = 0; i < keep.size(); ++i)
            if (keep[i])
                ids.push_back(net.materials.id(Index(i)));
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(kept({}), (V{"ano", "cat", "cell", "gra", "motor", "tool"}));
    EXPECT_EQ(kept({p("car"), std::nullopt, kNone}), (V{"ano", "cat", "cell", "gra", "motor"}));
    EXPECT_EQ(kept({p("van"), std::nullopt, kNone}), (V{"motor"}));
    EXPECT_EQ(kept({kNone, Stage::Refining, kNone}), (V{"gra"}));
    // China: we buy nothing there at tier 1; cn_gra sells graphite and cn_cat cathode to our
    // suppliers (cn_ano's anode goes to kr_cell, but we report ano by our own purchases).
    EXPECT_EQ(kept({kNone, std::nullopt, net.countries.find("CHN")}), (V{"cat", "gra"}));
}

// On the bundled data, under every lens: a reported material reaches itself with D(m), and no
// material's reach exceeds the dependence of what it feeds (counting less exposure can only
// lower a figure).
TEST(MaterialReachBundled, BoundedByTheDependenceOfWhatItFeeds) {
    auto data = core::io::bundledDataset();
    ASSERT_TRUE(data) << data.errorString();
    const Network net(std::move(*data));
    const ExposureEngine engine(net);
    for (const Lens lens : {Lens::Location, Lens::Owned, Lens::Controlled}) {
        const ExposureResult r = engine.compute(lens, Date::fromYmd(2025, 8, 1));
        const auto all = materialReaches(net, r);
        size_t upstream = 0;
        for (const MaterialReach& reach : all) {
            const std::string id = net.materials.id(reach.material);
            for (const ReachedMaterial& fed : reach.feeds) {
                EXPECT_LE(fed.dependence, r.dependence(net, fed.material) + 1e-12) << id;
                if (fed.material == reach.material) {
                    EXPECT_NEAR(fed.dependence, r.dependence(net, fed.material), 1e-12) << id;
                }
            }
            if (reach.tiers > 1 && !(reach.tiers & 1))
                ++upstream;
        }
        EXPECT_GT(upstream, 0u) << "the bundled data has materials only found upstream";
    }
}

} // namespace
} // namespace chokepoint::core::analysis
