// SPDX-License-Identifier: MIT
// Suppliers and sites of a small network under the dashboard filters, worked out by hand.
#include <gtest/gtest.h>

#include "core/analysis/supplierview.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::analysis {
namespace {

// Recipes: cell <- chem, foil; chem <- ore. Products: car (cell, motor), van (motor).
// Our links (spend): cell 0.5 de_cell (500) + 0.3 kr_cell (300); motor 1.0 de_motor (100);
// chem 0.5 kr_chem (50). de_cell buys chem 0.6 cn_chem + 0.2 kr_chem and foil 1.0 cn_foil;
// kr_cell buys chem 1.0 kr_chem; cn_chem buys ore 0.5 au_ore + 0.5 cl_ore; kr_chem buys ore
// 0.4 au_ore. cn_motor is an alternative for motor. Supplier de is owned from China.
// World share of China: chem 0.7. Technology t_chem (Chinese, used by cn_chem and kr_chem) is
// controlled by C1 from 2025-06-01: that covers kr_chem, a plant abroad, not cn_chem in China
// (technology controls reach plants abroad); t_cell (de_cell) is under nothing.
//
// Location lens: exposed = sites in China (cn_chem, cn_foil, cn_motor): f = 1.
// u(ore) = 0, u(chem) = 0.7, u(foil) = 0. f(kr_chem) = 0.4 * 0 + 0.6 * u(ore) = 0.
// f(de_cell) = max(g(chem) = 0.6 + 0.2 * 0 + 0.2 * 0.7 = 0.74, g(foil) = 1) = 1.
// f(kr_cell) = max(g(chem) = 1 * 0, g(foil) = u(foil) = 0) = 0. f(de_motor) = 0.
Dataset smallData() {
    return test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nKOR,Korea\nAUS,Australia\nCHL,Chile\n"},
        {"materials", "id,name,stage\nore,Ore,mining\nchem,Chemical,refining\nfoil,Foil,other\n"
                      "cell,Cell,cell\nmotor,Motor,component\n"},
        {"recipes", "material_id,input_material_id\ncell,chem\ncell,foil\nchem,ore\n"},
        {"world_shares", "material_id,country,share\nchem,CHN,0.7\n"},
        {"technologies", "id,name\nt_chem,Chem process\nt_cell,Cell process\n"},
        {"controls", "id,issuer,title,effective,kind\nC1,CHN,Tech control,2025-06-01,licence\n"},
        {"control_items", "control_id,item_kind,item_id\nC1,technology,t_chem\n"},
        {"suppliers", "id,name,hq_country,owner_country\ncn,CN Co,CHN,CHN\nde,DE Co,DEU,CHN\n"
                      "kr,KR Co,KOR,KOR\nau,AU Co,AUS,AUS\ncl,CL Co,CHL,CHL\n"},
        {"sites", "id,supplier_id,country\ncn_chem,cn,CHN\ncn_foil,cn,CHN\ncn_motor,cn,CHN\n"
                  "de_motor,de,DEU\nde_cell,de,DEU\nkr_cell,kr,KOR\nkr_chem,kr,KOR\n"
                  "au_ore,au,AUS\ncl_ore,cl,CHL\n"},
        {"site_technologies", "site_id,technology_id,source_country\ncn_chem,t_chem,CHN\n"
                              "kr_chem,t_chem,CHN\nde_cell,t_cell,DEU\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,10,1000\nvan,Van,5,2000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\ncar,motor,1\n"
                        "van,motor,2\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",cell,de_cell,0.5,500\n,cell,kr_cell,0.3,300\n,motor,de_motor,1,100\n"
                   ",chem,kr_chem,0.5,50\n"
                   "de_cell,chem,cn_chem,0.6,\nde_cell,chem,kr_chem,0.2,\nde_cell,foil,cn_foil,1,\n"
                   "kr_cell,chem,kr_chem,1,\ncn_chem,ore,au_ore,0.5,\ncn_chem,ore,cl_ore,0.5,\n"
                   "kr_chem,ore,au_ore,0.4,\n"},
        {"alternatives", "material_id,site_id,qualification_days,max_share\n"
                         "motor,cn_motor,100,0.5\n"},
    });
}

class SupplierViewTest : public ::testing::Test {
protected:
    SupplierViewTest()
        : net(smallData())
        , engine(net) {}
    SupplierViewResult run(Lens lens, const char* date, SummaryFilter filter = {}) {
        return supplierView(net, engine.compute(lens, *Date::parse(date)), filter);
    }
    std::vector<std::string> siteIds(const SupplierViewResult& v) const {
        std::vector<std::string> ids;
        for (const SiteView& s : v.sites)
            ids.push_back(net.sites.id(s.site));
        return ids;
    }
    std::vector<std::string> materialIds(const std::vector<Index>& ms) const {
        std::vector<std::string> ids;
        for (const Index m : ms)
            ids.push_back(net.materials.id(m));
        return ids;
    }
    const SiteView& site(const SupplierViewResult& v, const char* id) const {
        for (const SiteView& s : v.sites)
            if (net.sites.id(s.site) == id)
                return s;
        throw std::runtime_error(std::string("no site ") + id);
    }
    const SupplierView& supplier(const SupplierViewResult& v, const char* id) const {
        for (const SupplierView& s : v.suppliers)
            if (net.suppliers.id(s.supplier) == id)
                return s;
        throw std::runtime_error(std::string("no supplier ") + id);
    }
    Network net;
    ExposureEngine engine;
};

using Ids = std::vector<std::string>;

TEST_F(SupplierViewTest, SitesWithoutFilter) {
    const SupplierViewResult v = run(Lens::Location, "2025-08-01");
    // Every site, by supplier id then site id.
    EXPECT_EQ(siteIds(v), (Ids{"au_ore", "cl_ore", "cn_chem", "cn_foil", "cn_motor", "de_cell",
                               "de_motor", "kr_cell", "kr_chem"}));
    // Tiers: our links are tier 1; au_ore is tier 2 through our chem from kr_chem, cl_ore only
    // tier 3 (cell -> de_cell -> cn_chem -> cl_ore); cn_motor is only an alternative.
    EXPECT_EQ(site(v, "de_cell").tier, 1);
    EXPECT_EQ(site(v, "kr_chem").tier, 1);
    EXPECT_EQ(site(v, "cn_chem").tier, 2);
    EXPECT_EQ(site(v, "au_ore").tier, 2);
    EXPECT_EQ(site(v, "cl_ore").tier, 3);
    EXPECT_FALSE(site(v, "cn_motor").tier);
    EXPECT_TRUE(site(v, "cn_motor").alternative);
    EXPECT_FALSE(site(v, "de_motor").alternative);

    const SiteView& deCell = site(v, "de_cell");
    EXPECT_DOUBLE_EQ(deCell.dependence, 1.0);
    EXPECT_FALSE(deCell.exposed); // through its inputs only
    ASSERT_TRUE(deCell.spend);
    EXPECT_DOUBLE_EQ(*deCell.spend, 500.0);
    EXPECT_DOUBLE_EQ(*deCell.spendAtRisk, 500.0);
    EXPECT_EQ(materialIds(deCell.serves), (Ids{"cell"}));
    EXPECT_TRUE(deCell.controlledTechnologies.empty()); // t_cell is under no control

    const SiteView& krChem = site(v, "kr_chem");
    ASSERT_EQ(krChem.supplies.size(), 1u);
    EXPECT_EQ(krChem.supplies[0].tier, 1);
    EXPECT_DOUBLE_EQ(krChem.dependence, 0.0);
    EXPECT_DOUBLE_EQ(*krChem.spend, 50.0);
    EXPECT_DOUBLE_EQ(*krChem.spendAtRisk, 0.0);
    EXPECT_EQ(materialIds(krChem.serves), (Ids{"cell", "chem"}));
    ASSERT_EQ(krChem.controlledTechnologies.size(), 1u);
    EXPECT_EQ(net.technologies.id(krChem.controlledTechnologies[0]), "t_chem");

    EXPECT_EQ(materialIds(site(v, "au_ore").serves), (Ids{"cell", "chem"}));
    EXPECT_EQ(materialIds(site(v, "cl_ore").serves), (Ids{"cell"}));
    EXPECT_TRUE(site(v, "cn_chem").exposed);
    EXPECT_DOUBLE_EQ(site(v, "cn_chem").dependence, 1.0);
    EXPECT_FALSE(site(v, "cn_chem").spend); // not bought by us: no spend
    EXPECT_TRUE(site(v, "cn_motor").exposed);
    EXPECT_TRUE(site(v, "cn_motor").serves.empty());

    // Before C1 is in force, no technology is controlled.
    const SupplierViewResult early = run(Lens::Location, "2025-01-01");
    EXPECT_TRUE(site(early, "kr_chem").controlledTechnologies.empty());
}

TEST_F(SupplierViewTest, SupplierAggregates) {
    const SupplierViewResult v = run(Lens::Location, "2025-08-01");
    ASSERT_EQ(v.suppliers.size(), 5u); // au, cl, cn, de, kr
    const SupplierView& de = supplier(v, "de");
    EXPECT_EQ(de.sites.size(), 2u);
    EXPECT_EQ(de.tier, 1);
    // Supplier dependence: (0.5 * f(de_cell) + 1.0 * f(de_motor)) / 1.5 = 1/3.
    ASSERT_TRUE(de.dependence);
    EXPECT_NEAR(*de.dependence, 1.0 / 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(*de.spend, 600.0);
    EXPECT_DOUBLE_EQ(*de.spendAtRisk, 500.0);
    EXPECT_EQ(de.exposedSites, 0u);
    EXPECT_EQ(materialIds(de.supplies), (Ids{"cell", "motor"}));
    EXPECT_EQ(materialIds(de.serves), (Ids{"cell", "motor"}));

    const SupplierView& cn = supplier(v, "cn");
    EXPECT_EQ(cn.sites.size(), 3u);
    EXPECT_EQ(cn.tier, 2);
    EXPECT_FALSE(cn.dependence); // we buy nothing from it directly
    EXPECT_FALSE(cn.spend);
    EXPECT_EQ(cn.exposedSites, 3u);
    EXPECT_EQ(materialIds(cn.supplies), (Ids{"chem", "foil", "motor"}));
    EXPECT_TRUE(cn.controlledTechnologies.empty()); // cn_chem uses t_chem in China

    const SupplierView& kr = supplier(v, "kr");
    ASSERT_TRUE(kr.dependence);
    EXPECT_DOUBLE_EQ(*kr.dependence, 0.0); // (0.3 * 0 + 0.5 * 0) / 0.8
    EXPECT_DOUBLE_EQ(*kr.spend, 350.0);

    // Country spend: Germany 500 + 100 (500 at risk), Korea 300 + 50 (none at risk).
    ASSERT_EQ(v.countrySpend.size(), 2u);
    EXPECT_EQ(net.countries.id(v.countrySpend[0].country), "DEU");
    EXPECT_DOUBLE_EQ(v.countrySpend[0].spend, 600.0);
    EXPECT_DOUBLE_EQ(v.countrySpend[0].atRisk, 500.0);
    EXPECT_DOUBLE_EQ(v.countrySpend[0].notAtRisk(), 100.0);
    EXPECT_EQ(net.countries.id(v.countrySpend[1].country), "KOR");
    EXPECT_DOUBLE_EQ(v.countrySpend[1].spend, 350.0);
    EXPECT_DOUBLE_EQ(v.countrySpend[1].atRisk, 0.0);
}

TEST_F(SupplierViewTest, OwnedLens) {
    // de is owned from China: de_cell and de_motor are exposed, f = 1.
    const SupplierViewResult v = run(Lens::Owned, "2025-08-01");
    EXPECT_TRUE(site(v, "de_motor").exposed);
    EXPECT_DOUBLE_EQ(*supplier(v, "de").spendAtRisk, 600.0);
    ASSERT_TRUE(supplier(v, "de").dependence);
    EXPECT_DOUBLE_EQ(*supplier(v, "de").dependence, 1.0);
    EXPECT_EQ(supplier(v, "de").exposedSites, 2u);
    EXPECT_DOUBLE_EQ(v.countrySpend[0].atRisk, 600.0);
}

TEST_F(SupplierViewTest, Filters) {
    // Product van: motor only -> de_motor and the alternative cn_motor.
    SummaryFilter van;
    van.product = net.products.find("van");
    EXPECT_EQ(siteIds(run(Lens::Location, "2025-08-01", van)), (Ids{"cn_motor", "de_motor"}));

    // Stage refining: chem -> kr_chem (tier 1) and its ore from au_ore (tier 2).
    SummaryFilter refining;
    refining.stage = Stage::Refining;
    const SupplierViewResult r = run(Lens::Location, "2025-08-01", refining);
    EXPECT_EQ(siteIds(r), (Ids{"au_ore", "kr_chem"}));
    EXPECT_EQ(materialIds(site(r, "au_ore").serves), (Ids{"chem"}));
    ASSERT_EQ(r.countrySpend.size(), 1u);
    EXPECT_DOUBLE_EQ(r.countrySpend[0].spend, 50.0);

    // Country Korea: our links to kr_cell (cell) and kr_chem (chem), and what is upstream of
    // them; de_cell's chain and the motor alternative are out.
    SummaryFilter korea;
    korea.country = net.countries.find("KOR");
    const SupplierViewResult k = run(Lens::Location, "2025-08-01", korea);
    EXPECT_EQ(siteIds(k), (Ids{"au_ore", "kr_cell", "kr_chem"}));
    EXPECT_DOUBLE_EQ(*supplier(k, "kr").spend, 350.0);
    ASSERT_EQ(k.countrySpend.size(), 1u);
    EXPECT_EQ(net.countries.id(k.countrySpend[0].country), "KOR");

    // Country China: we buy nothing there directly, so nothing is in the view.
    SummaryFilter china;
    china.country = net.countries.find("CHN");
    const SupplierViewResult c = run(Lens::Location, "2025-08-01", china);
    EXPECT_TRUE(c.sites.empty());
    EXPECT_TRUE(c.suppliers.empty());
    EXPECT_TRUE(c.countrySpend.empty());
}

TEST(TopCountrySpend, FoldsTheRest) {
    const std::vector<CountryExposedSpend> all = {
        {3, 600.0, 500.0}, {1, 350.0, 0.0}, {0, 100.0, 40.0}, {2, 50.0, 10.0}};
    const auto two = topCountrySpend(all, 2);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].country, 3);
    EXPECT_DOUBLE_EQ(two[0].spend, 600.0);
    EXPECT_EQ(two[1].country, kNone); // 350 + 100 + 50
    EXPECT_DOUBLE_EQ(two[1].spend, 500.0);
    EXPECT_DOUBLE_EQ(two[1].atRisk, 50.0); // 0 + 40 + 10
    EXPECT_DOUBLE_EQ(two[1].notAtRisk(), 450.0);
    const auto three = topCountrySpend(all, 3);
    ASSERT_EQ(three.size(), 3u);
    EXPECT_EQ(three[1].country, 1);
    EXPECT_DOUBLE_EQ(three[2].spend, 150.0);       // 100 + 50
    EXPECT_EQ(topCountrySpend(all, 4).size(), 4u); // nothing to fold
    EXPECT_EQ(topCountrySpend(all, 4)[3].country, 2);
    EXPECT_TRUE(topCountrySpend({}, 3).empty());
}

} // namespace
} // namespace chokepoint::core::analysis
