// SPDX-License-Identifier: MIT
// The paths by which a site reaches our products, and the sites a product and a stage filter
// keep, on one small network worked out by hand:
//
//   we buy cells 60 % from krA, 40 % from krC; anodes 100 % from krD
//   krA makes cells from cathodes bought 50 % from cnA, 50 % from jpA
//   krC makes cells from cathodes bought 100 % from jpA
//   krB buys cathodes 100 % from cnB and sells nothing on (not our chain)
//   products: car (1 cell), van (1 anode)
#include <gtest/gtest.h>

#include "core/analysis/sitepaths.h"
#include "tests/core/scenario/scenariotestutil.h"

using namespace chokepoint;
using namespace chokepoint::core::analysis;

namespace {

std::unique_ptr<Network> pathNetwork() {
    return test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials",
         "id,name,stage\ncell,Cell,cell\ncathode,Cathode,cathode\nanode,Anode,anode\n"},
        {"recipes", "material_id,input_material_id,qty_per_unit\ncell,cathode,1\n"},
        {"suppliers", "id,name,owner_country\nsupCN,CN Co,CHN\nsupKR,KR Co,KOR\nsupJP,JP Co,JPN\n"},
        {"sites", "id,supplier_id,country\ncnA,supCN,CHN\ncnB,supCN,CHN\nkrA,supKR,KOR\n"
                  "krB,supKR,KOR\nkrC,supKR,KOR\nkrD,supKR,KOR\njpA,supJP,JPN\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,365,1000\nvan,Van,365,2000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\nvan,anode,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend,lead_time_days\n"
                   ",cell,krA,0.6,,3\n,cell,krC,0.4,,0\n,anode,krD,1,,0\n"
                   "krA,cathode,cnA,0.5,,4\nkrA,cathode,jpA,0.5,,2\nkrC,cathode,jpA,1,,0\n"
                   "krB,cathode,cnB,1,,0\n"},
    });
}

} // namespace

TEST(SitePaths, TwoPathsHeaviestFirst) {
    auto net = pathNetwork();
    const Index jpA = net->sites.find("jpA");
    const SiteReach r = siteReach(*net, jpA);
    // jpA → krC (100 % of its cathode) → us (40 % of our cells): weight 1 × 0.4 = 0.4;
    // jpA → krA (50 %) → us (60 %): weight 0.5 × 0.6 = 0.3. Both end in cells: the car.
    EXPECT_DOUBLE_EQ(r.pathCount, 2.0);
    ASSERT_EQ(r.paths.size(), 2u);
    const SitePath& first = r.paths[0];
    EXPECT_DOUBLE_EQ(first.weight, 0.4);
    ASSERT_EQ(first.steps.size(), 2u);
    EXPECT_EQ(first.steps[0].site, jpA);
    EXPECT_EQ(first.steps[0].material, net->materials.find("cathode"));
    EXPECT_EQ(first.steps[0].buyer, net->sites.find("krC"));
    EXPECT_DOUBLE_EQ(first.steps[0].share, 1.0);
    EXPECT_EQ(first.steps[1].site, net->sites.find("krC"));
    EXPECT_EQ(first.steps[1].material, net->materials.find("cell"));
    EXPECT_EQ(first.steps[1].buyer, kSelf);
    EXPECT_DOUBLE_EQ(first.steps[1].share, 0.4);
    EXPECT_EQ(first.products, std::vector<Index>{net->products.find("car")});
    const SitePath& second = r.paths[1];
    EXPECT_DOUBLE_EQ(second.weight, 0.3);
    EXPECT_EQ(second.steps[0].buyer, net->sites.find("krA"));
    EXPECT_EQ(second.steps[0].leadTimeDays, 2);

    std::vector<Index> customers{net->sites.find("krA"), net->sites.find("krC")};
    std::sort(customers.begin(), customers.end());
    EXPECT_EQ(r.customers, customers);
    EXPECT_EQ(r.materials, std::vector<Index>{net->materials.find("cell")});
    EXPECT_EQ(r.products, std::vector<Index>{net->products.find("car")});

    // At most one path: the heavier; the count stays 2.
    const SiteReach one = siteReach(*net, jpA, SitePathOptions{1});
    ASSERT_EQ(one.paths.size(), 1u);
    EXPECT_DOUBLE_EQ(one.paths[0].weight, 0.4);
    EXPECT_DOUBLE_EQ(one.pathCount, 2.0);
}

TEST(SitePaths, DirectSupplierAndSitesOffOurChain) {
    auto net = pathNetwork();
    // krD sells us all our anodes: one step, weight 1, the van.
    const SiteReach d = siteReach(*net, net->sites.find("krD"));
    ASSERT_EQ(d.paths.size(), 1u);
    EXPECT_DOUBLE_EQ(d.paths[0].weight, 1.0);
    EXPECT_EQ(d.paths[0].steps.size(), 1u);
    EXPECT_EQ(d.products, std::vector<Index>{net->products.find("van")});
    EXPECT_EQ(d.customers, std::vector<Index>{net->sites.find("krD")});
    // cnA: 0.5 × 0.6 = 0.3 through krA.
    const SiteReach a = siteReach(*net, net->sites.find("cnA"));
    ASSERT_EQ(a.paths.size(), 1u);
    EXPECT_DOUBLE_EQ(a.paths[0].weight, 0.3);
    // cnB sells to krB, which sells nothing on: no path, no product.
    const SiteReach b = siteReach(*net, net->sites.find("cnB"));
    EXPECT_DOUBLE_EQ(b.pathCount, 0.0);
    EXPECT_TRUE(b.paths.empty());
    EXPECT_TRUE(b.products.empty());
    EXPECT_TRUE(b.customers.empty());
}

TEST(SitePaths, ProductAndStageKeepTheirPartOfTheChain) {
    auto net = pathNetwork();
    auto kept = [&](Index product, std::optional<core::Stage> stage) {
        const std::vector<char> mask = sitesInChain(*net, product, stage);
        std::vector<std::string> ids;
        for (size_t s = 0; s < mask.size(); ++s)
            if (mask[s])
                ids.push_back(net->sites.id(Index(s)));
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    // No filter: every site.
    EXPECT_EQ(kept(kNone, std::nullopt).size(), 7u);
    // The car needs cells, made of cathodes: our cell sellers and their cathode sellers.
    EXPECT_EQ(kept(net->products.find("car"), std::nullopt),
              (std::vector<std::string>{"cnA", "jpA", "krA", "krC"}));
    // The van: anodes from krD only.
    EXPECT_EQ(kept(net->products.find("van"), std::nullopt), (std::vector<std::string>{"krD"}));
    // Cathode sellers anywhere (cnB too: it sells cathodes, if not to our chain).
    EXPECT_EQ(kept(kNone, core::Stage::Cathode), (std::vector<std::string>{"cnA", "cnB", "jpA"}));
    // The car's cell sellers.
    EXPECT_EQ(kept(net->products.find("car"), core::Stage::Cell),
              (std::vector<std::string>{"krA", "krC"}));
}
