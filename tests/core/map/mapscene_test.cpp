// SPDX-License-Identifier: MIT
// What the map shows for a filter: sites, country figures and flow arcs on a hand-made network
// whose numbers are worked out below.
#include <gtest/gtest.h>
#include <map>

#include "core/analysis/exposureengine.h"
#include "core/map/mapbuilder.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::map {
namespace {

namespace an = analysis;

// ore -> chem -> cell (recipes); motor has no recipe. Products: car (cell, motor), van (motor).
// Sites (index): au_ore 0 (AUS, coordinates), cn_ore 1 (CHN, none), cn_chem 2 (CHN,
// coordinates), de_cell 3 (DEU, coordinates; supplier owned from China), kr_cell 4 (KOR, none),
// de_motor 5 (DEU, coordinates), sg_motor 6 (SGP, none: too small for an outline), xx_motor 7
// (ZZZ, none: no centroid anywhere).
// Our links: cell 0.6 de_cell ($600), 0.4 kr_cell ($400); motor 0.5 de_motor ($100),
// 0.25 sg_motor ($50), 0.25 xx_motor ($50). de_cell buys chem 0.5 from cn_chem (rest unknown),
// kr_cell 1.0 from cn_chem; cn_chem buys ore 0.7 from au_ore and 0.3 from cn_ore.
// World shares: chem CHN 0.8, KOR 0.2; ore CHN 0.5, AUS 0.5.
//
// Location lens (L = located in China): cn_chem and cn_ore exposed (f = 1); au_ore and the
// motor plants f = 0 (no recipe). u(chem) = max(0.8, u(ore) = 0.5) = 0.8, so
// f(de_cell) = g(de_cell, chem) = 0.5 · 1 + 0.5 · 0.8 = 0.9 and f(kr_cell) = 1 · 1 = 1.
Dataset data(bool withCompanyCountry = true) {
    Dataset d = test::datasetFromCsv({
        {"countries", "iso3,name\nAUS,Australia\nCHN,China\nDEU,Germany\nKOR,Korea\n"
                      "SGP,Singapore\nZZZ,Nowhere\n"},
        {"materials", "id,name,stage\nore,Ore,mining\nchem,Chemical,refining\ncell,Cell,cell\n"
                      "motor,Motor,component\n"},
        {"recipes", "material_id,input_material_id\nchem,ore\ncell,chem\n"},
        {"world_shares", "material_id,country,share\nchem,CHN,0.8\nchem,KOR,0.2\nore,CHN,0.5\n"
                         "ore,AUS,0.5\n"},
        {"suppliers", "id,name,hq_country,owner_country\nau,AU,AUS,AUS\ncn,CN,CHN,CHN\n"
                      "de,DE,DEU,CHN\nkr,KR,KOR,KOR\nmo,MO,DEU,DEU\nsg,SG,SGP,SGP\nxx,XX,ZZZ,\n"},
        {"sites", "id,supplier_id,country,name,lat,lon\nau_ore,au,AUS,AU mine,-31.95,115.86\n"
                  "cn_ore,cn,CHN,CN mine,,\ncn_chem,cn,CHN,CN chem,30,114\n"
                  "de_cell,de,DEU,DE cell,51,10\nkr_cell,kr,KOR,KR cell,,\n"
                  "de_motor,mo,DEU,DE motor,48,11\nsg_motor,sg,SGP,SG motor,,\n"
                  "xx_motor,xx,ZZZ,XX motor,,\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,10,1000\nvan,Van,5,2000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\ncar,motor,1\n"
                        "van,motor,2\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",cell,de_cell,0.6,600\n,cell,kr_cell,0.4,400\n,motor,de_motor,0.5,100\n"
                   ",motor,sg_motor,0.25,50\n,motor,xx_motor,0.25,50\n"
                   "de_cell,chem,cn_chem,0.5,\nkr_cell,chem,cn_chem,1,\n"
                   "cn_chem,ore,au_ore,0.7,\ncn_chem,ore,cn_ore,0.3,\n"},
    });
    if (withCompanyCountry)
        d.profile.companyCountry = "DEU";
    return d;
}

class MapSceneTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto a = loadBundledWorldAtlas();
        ASSERT_TRUE(a) << a.errorString();
        s_atlas = new WorldAtlas(std::move(*a));
    }
    static void TearDownTestSuite() {
        delete s_atlas;
        s_atlas = nullptr;
    }

    explicit MapSceneTest(bool withCompanyCountry = true)
        : net(data(withCompanyCountry))
        , engine(net) {}
    MapScene scene(MapRequest request = {}, an::Lens lens = an::Lens::Location) {
        return buildMapScene(net, engine.compute(lens, *Date::parse("2025-01-01")), *s_atlas,
                             request);
    }
    an::Index site(const char* id) const { return net.sites.find(id); }
    an::Index material(const char* id) const { return net.materials.find(id); }
    const MapCountry& country(const MapScene& s, const char* iso3) const {
        return s.countries[size_t(net.countries.find(iso3))];
    }
    std::vector<std::string> siteIds(const MapScene& s) const {
        std::vector<std::string> ids;
        for (const MapSite& ms : s.sites)
            ids.push_back(net.sites.id(ms.site));
        return ids;
    }

    static WorldAtlas* s_atlas;
    an::Network net;
    an::ExposureEngine engine;
};
WorldAtlas* MapSceneTest::s_atlas = nullptr;

TEST_F(MapSceneTest, SitesOfTheWholeChainPlacedAndColoured) {
    const MapScene s = scene();
    // Every supplying site but xx_motor, which has no coordinates and no centroid.
    EXPECT_EQ(siteIds(s), (std::vector<std::string>{"au_ore", "cn_ore", "cn_chem", "de_cell",
                                                    "kr_cell", "de_motor", "sg_motor"}));
    EXPECT_EQ(s.sitesUnplaced, 1u);

    const MapSite* deCell = s.findSite(site("de_cell"));
    ASSERT_TRUE(deCell);
    EXPECT_FALSE(deCell->atCentroid);
    EXPECT_EQ(deCell->position, equalEarth({10, 51}));
    EXPECT_EQ(deCell->tier, 1);
    EXPECT_EQ(deCell->exposure, SiteExposure::Upstream); // f = 0.9 through cn_chem
    EXPECT_DOUBLE_EQ(deCell->spend, 600);
    EXPECT_NEAR(deCell->spendAtRisk, 540, 1e-9); // 600 · 0.9
    EXPECT_DOUBLE_EQ(deCell->size, 600);

    const MapSite* cnOre = s.findSite(site("cn_ore"));
    ASSERT_TRUE(cnOre);
    EXPECT_TRUE(cnOre->atCentroid);
    EXPECT_EQ(cnOre->position, s_atlas->find("CHN")->centroid);
    EXPECT_EQ(cnOre->tier, 3);
    EXPECT_EQ(cnOre->exposure, SiteExposure::Exposed);
    EXPECT_DOUBLE_EQ(cnOre->spend, 0);

    const MapSite* sg = s.findSite(site("sg_motor"));
    ASSERT_TRUE(sg);
    EXPECT_TRUE(sg->atCentroid);
    EXPECT_EQ(sg->exposure, SiteExposure::Clear);
    EXPECT_EQ(s.findSite(site("cn_chem"))->tier, 2);
    EXPECT_EQ(s.findSite(site("au_ore"))->exposure, SiteExposure::Clear);
    EXPECT_EQ(s.findSite(site("kr_cell"))->exposure, SiteExposure::Upstream); // f = 1, not in CHN
    EXPECT_DOUBLE_EQ(s.sizeMax, 600);
    EXPECT_EQ(s.sizeName, "tier-1 spend");
}

TEST_F(MapSceneTest, CountryMeasures) {
    const MapScene s = scene();
    // Spend: DEU 600 + 100, KOR 400, SGP 50, ZZZ 50; total 1,200.
    EXPECT_DOUBLE_EQ(country(s, "DEU").spend, 700);
    EXPECT_NEAR(*country(s, "DEU").value, 540, 1e-9);
    EXPECT_NEAR(*country(s, "KOR").value, 400, 1e-9);
    EXPECT_DOUBLE_EQ(*country(s, "SGP").value, 0.0); // bought from, nothing at risk
    EXPECT_FALSE(country(s, "CHN").value);           // no tier-1 purchase: not shaded
    EXPECT_NEAR(country(s, "DEU").supplyShare, 700.0 / 1200.0, 1e-12);
    EXPECT_NEAR(country(s, "KOR").supplyShare, 400.0 / 1200.0, 1e-12);
    EXPECT_EQ(country(s, "CHN").sites, 2);
    EXPECT_EQ(country(s, "ZZZ").sites, 0);
    EXPECT_NEAR(s.measureMax, 540, 1e-9);
    // SGP has no outline; ZZZ no place at all.
    ASSERT_EQ(s.countriesWithoutOutline.size(), 2u);
    EXPECT_EQ(s.countriesWithoutOutline[0].first, "SGP");
    EXPECT_EQ(s.countriesWithoutOutline[1].first, "ZZZ");
    EXPECT_NE(s.countriesWithoutOutline[1].second.find("not an ISO"), std::string::npos);

    MapRequest share;
    share.measure = CountryMeasure::SupplyShare;
    const MapScene b = scene(share);
    EXPECT_NEAR(*country(b, "DEU").value, 700.0 / 1200.0, 1e-12);
    EXPECT_NEAR(b.measureMax, 700.0 / 1200.0, 1e-12);

    MapRequest world;
    world.measure = CountryMeasure::WorldShare;
    world.measureMaterial = material("chem");
    const MapScene w = scene(world);
    EXPECT_DOUBLE_EQ(*country(w, "CHN").value, 0.8);
    EXPECT_DOUBLE_EQ(*country(w, "KOR").value, 0.2);
    EXPECT_FALSE(country(w, "DEU").value);
    EXPECT_DOUBLE_EQ(w.measureMax, 0.8);
}

TEST_F(MapSceneTest, LensChangesColoursAndRisk) {
    // Owned: de_cell's supplier is owned from China, so de_cell is exposed itself (f = 1).
    const MapScene s = scene({}, an::Lens::Owned);
    const MapSite* deCell = s.findSite(site("de_cell"));
    ASSERT_TRUE(deCell);
    EXPECT_EQ(deCell->exposure, SiteExposure::Exposed);
    EXPECT_NEAR(deCell->spendAtRisk, 600, 1e-9);
    EXPECT_NEAR(*country(s, "DEU").value, 600, 1e-9);
}

TEST_F(MapSceneTest, FilterBarLimitsSitesAndFigures) {
    MapRequest van;
    van.filter.product = net.products.find("van"); // motor only
    EXPECT_EQ(siteIds(scene(van)), (std::vector<std::string>{"de_motor", "sg_motor"}));
    EXPECT_DOUBLE_EQ(country(scene(van), "DEU").spend, 100);
    EXPECT_FALSE(country(scene(van), "KOR").value);

    MapRequest germany;
    germany.filter.country = net.countries.find("DEU"); // our tier-1 links to German sites
    EXPECT_EQ(siteIds(scene(germany)),
              (std::vector<std::string>{"au_ore", "cn_ore", "cn_chem", "de_cell", "de_motor"}));
    EXPECT_DOUBLE_EQ(country(scene(germany), "DEU").supplyShare, 1.0);

    MapRequest refining;
    refining.filter.stage = Stage::Refining; // the chain's refiners; we buy no refined material
    const MapScene r = scene(refining);
    EXPECT_EQ(siteIds(r), (std::vector<std::string>{"cn_chem"}));
    EXPECT_EQ(r.findSite(site("cn_chem"))->tier, 2);
    EXPECT_FALSE(country(r, "DEU").value);
    EXPECT_DOUBLE_EQ(r.measureMax, 0.0);
}

TEST_F(MapSceneTest, ArcsOfAMaterialCarryTheirShareOfOurSupply) {
    MapRequest cell;
    cell.flowMaterial = material("cell");
    const MapScene s = scene(cell);
    ASSERT_TRUE(s.self);
    EXPECT_EQ(*s.self, s_atlas->find("DEU")->centroid);
    // Shares of our cell supply along each link: 0.6 and 0.4 bought; de_cell passes 0.6 · 0.5
    // = 0.3 to cn_chem, kr_cell 0.4 · 1 = 0.4; cn_chem carries 0.7 and splits it into
    // 0.7 · 0.7 = 0.49 (au_ore) and 0.7 · 0.3 = 0.21 (cn_ore).
    struct Expected {
        const char* from;
        const char* to; // nullptr: our company
        double share;
        bool exposed;
    };
    const std::vector<Expected> expected = {
        {"de_cell", nullptr, 0.6, false},  {"au_ore", "cn_chem", 0.49, false},
        {"cn_chem", "kr_cell", 0.4, true}, {"kr_cell", nullptr, 0.4, false},
        {"cn_chem", "de_cell", 0.3, true}, {"cn_ore", "cn_chem", 0.21, true},
    };
    ASSERT_EQ(s.arcs.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const MapArc& a = s.arcs[i];
        EXPECT_EQ(net.sites.id(a.fromSite), expected[i].from) << i;
        EXPECT_EQ(a.toSite, expected[i].to ? site(expected[i].to) : kOurCompany) << i;
        EXPECT_NEAR(a.share, expected[i].share, 1e-12) << i;
        EXPECT_EQ(a.exposed, expected[i].exposed) << i;
    }
    EXPECT_EQ(s.arcs[0].from, equalEarth({10, 51}));
    EXPECT_EQ(s.arcs[0].to, *s.self);
    EXPECT_NEAR(s.findSite(site("cn_chem"))->flowShare, 0.7, 1e-12);
    EXPECT_NEAR(s.findSite(site("au_ore"))->flowShare, 0.49, 1e-12);
    EXPECT_DOUBLE_EQ(s.findSite(site("de_motor"))->flowShare, 0.0);

    cell.maxArcs = 2;
    const MapScene two = scene(cell);
    EXPECT_EQ(two.arcs.size(), 2u);
    EXPECT_EQ(two.arcsLeftOut, 4u);
}

TEST_F(MapSceneTest, ArcsOfAMaterialWeDoNotBuyFollowItsRoutesToUs) {
    // We buy no chem: its routes to us run through the cell plants (downstream, with their
    // shares of our cell supply) and back to the ore mines (upstream): the six cell links,
    // with the same shares as for cell; none of the motor links.
    MapRequest chem;
    chem.flowMaterial = material("chem");
    const MapScene s = scene(chem);
    ASSERT_EQ(s.arcs.size(), 6u);
    std::map<std::pair<std::string, std::string>, double> shares;
    for (const MapArc& a : s.arcs)
        shares[{net.sites.id(a.fromSite),
                a.toSite == kOurCompany ? "us" : net.sites.id(a.toSite)}] = a.share;
    EXPECT_NEAR((shares[{"de_cell", "us"}]), 0.6, 1e-12);
    EXPECT_NEAR((shares[{"kr_cell", "us"}]), 0.4, 1e-12);
    EXPECT_NEAR((shares[{"cn_chem", "de_cell"}]), 0.3, 1e-12);
    EXPECT_NEAR((shares[{"cn_chem", "kr_cell"}]), 0.4, 1e-12);
    EXPECT_NEAR((shares[{"au_ore", "cn_chem"}]), 0.49, 1e-12);
    EXPECT_NEAR((shares[{"cn_ore", "cn_chem"}]), 0.21, 1e-12);

    // Motor: only its own links; nothing upstream (no recipe).
    MapRequest motor;
    motor.flowMaterial = material("motor");
    const MapScene m = scene(motor);
    ASSERT_EQ(m.arcs.size(), 2u); // xx_motor has no place on the map
    EXPECT_EQ(net.sites.id(m.arcs[0].fromSite), "de_motor");
    EXPECT_NEAR(m.arcs[0].share, 0.5, 1e-12);
    EXPECT_NEAR(m.arcs[1].share, 0.25, 1e-12);
    EXPECT_DOUBLE_EQ(m.findSite(site("cn_chem"))->flowShare, 0.0);
}

TEST_F(MapSceneTest, ArcsOfAProduct) {
    MapRequest car;
    car.flowProduct = net.products.find("car"); // cell and motor
    const MapScene s = scene(car);
    // The six cell arcs, de_motor 0.5 and sg_motor 0.25; xx_motor is nowhere on the map.
    EXPECT_EQ(s.arcs.size(), 8u);
    std::map<std::string, double> motor;
    for (const MapArc& a : s.arcs)
        if (a.material == material("motor"))
            motor[net.sites.id(a.fromSite)] = a.share;
    EXPECT_EQ(motor, (std::map<std::string, double>{{"de_motor", 0.5}, {"sg_motor", 0.25}}));
}

class MapSceneNoCompanyTest : public MapSceneTest {
protected:
    MapSceneNoCompanyTest()
        : MapSceneTest(false) {}
};

TEST_F(MapSceneNoCompanyTest, ArcsToUsNeedOurCountry) {
    MapRequest cell;
    cell.flowMaterial = material("cell");
    const MapScene s = scene(cell);
    EXPECT_FALSE(s.self);
    EXPECT_EQ(s.arcs.size(), 4u); // the two links to our company have nowhere to end
    for (const MapArc& a : s.arcs)
        EXPECT_NE(a.toSite, kOurCompany);
}

TEST_F(MapSceneTest, CustomMarkerSizes) {
    MapRequest r;
    r.siteSize.assign(net.sites.size(), 0.0);
    r.siteSize[size_t(site("cn_ore"))] = 5e6;
    r.sizeName = "lost revenue";
    const MapScene s = scene(r);
    EXPECT_EQ(s.sizeName, "lost revenue");
    EXPECT_DOUBLE_EQ(s.findSite(site("cn_ore"))->size, 5e6);
    EXPECT_DOUBLE_EQ(s.findSite(site("de_cell"))->size, 0.0);
    EXPECT_DOUBLE_EQ(s.sizeMax, 5e6);
}

} // namespace
} // namespace chokepoint::core::map
