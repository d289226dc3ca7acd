// SPDX-License-Identifier: MIT
// The world atlas: a hand-made two-country atlas, and the bundled Natural Earth one.
#include <cmath>
#include <gtest/gtest.h>
#include <numbers>
#include <set>

#include "core/io/bundled.h"
#include "core/map/worldatlas.h"
#include "core/synth/generator.h"

namespace chokepoint::core::map {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

// Two countries on one shared border (see topojson_test.cpp for the arcs): Alpha, lon 10..12
// and lat 20..21 with a lake lon 10.5..11, lat 20.25..20.5; Beta, lon 12..14, lat 20..21, and
// an island lon 16..17, lat 22..23. Beta's id is missing: it is matched by name.
constexpr const char* kTopology = R"({
  "type": "Topology",
  "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "id": "001", "properties": {"name": "Alpha"}, "arcs": [[0, 1], [4]]},
    {"type": "MultiPolygon", "properties": {"name": "Beta"}, "arcs": [[[2, -1]], [[3]]]}
  ]}},
  "arcs": [
    [[4, 0], [0, 4]],
    [[4, 4], [-4, 0], [0, -4], [4, 0]],
    [[4, 0], [4, 0], [0, 4], [-4, 0]],
    [[12, 8], [2, 0], [0, 4], [-2, 0], [0, -4]],
    [[1, 1], [1, 0], [0, 1], [-1, 0], [0, -1]]
  ]
})";
constexpr const char* kIso = "numeric,iso3,name\n001,AAA,Alpha Republic\n702,SGP,Singapore\n";
constexpr const char* kUnnumbered = "atlas_name,iso3,reason\nBeta,BBB,no ISO code\n";
constexpr const char* kSmall = "iso3,lat,lon,atlas_name\nSGP,1.359,103.817,Singapore\n";

// On the sphere, the area between two meridians and two parallels is Δλ (sin φ2 − sin φ1).
double boxArea(double dLonDeg, double lat1, double lat2) {
    return dLonDeg * kDeg * (std::sin(lat2 * kDeg) - std::sin(lat1 * kDeg));
}

TEST(WorldAtlas, BuildsCountriesFromATopology) {
    const auto atlas = WorldAtlas::build(kTopology, kIso, kUnnumbered, kSmall);
    ASSERT_TRUE(atlas) << atlas.errorString();
    ASSERT_EQ(atlas->countries().size(), 2u);
    const AtlasCountry* alpha = atlas->find("AAA");
    const AtlasCountry* beta = atlas->find("BBB");
    ASSERT_TRUE(alpha && beta);
    EXPECT_EQ(alpha->name, "Alpha");
    EXPECT_EQ(atlas->isoName("AAA"), "Alpha Republic");

    // Equal area: the projected areas are the spherical ones. Parallels are straight lines
    // of Equal Earth; the meridians bend a little, and the polygon joins the projected corners
    // with straight edges: about 1.5e-5 of the area over one degree.
    const double alphaArea = boxArea(2, 20, 21) - boxArea(0.5, 20.25, 20.5);
    EXPECT_NEAR(alpha->area, alphaArea, alphaArea * 5e-5);
    const double betaArea = boxArea(2, 20, 21) + boxArea(1, 22, 23);
    EXPECT_NEAR(beta->area, betaArea, betaArea * 5e-5);

    // Centroids: worked out in Python by splitting each projected polygon into triangles
    // around an inner point (a different formula from the shoelace sums of the program).
    // Alpha's lake pulls its centroid east; Beta's is that of its main part, not the island.
    EXPECT_NEAR(alpha->centroid.x, 0.160614297469, 1e-9);
    EXPECT_NEAR(alpha->centroid.y, 0.410767594776, 1e-9);
    EXPECT_NEAR(beta->centroid.x, 0.189534349487, 1e-9);
    EXPECT_NEAR(beta->centroid.y, 0.410605174397, 1e-9);
    EXPECT_NEAR(beta->centroidGeo.lon, 13.0, 0.01);
    EXPECT_NEAR(beta->centroidGeo.lat, 20.5, 0.01);

    EXPECT_EQ(atlas->countryAt(equalEarth({11.5, 20.8})), alpha);
    EXPECT_EQ(atlas->countryAt(equalEarth({10.75, 20.4})), nullptr); // the lake
    EXPECT_EQ(atlas->countryAt(equalEarth({16.5, 22.5})), beta);     // the island
    EXPECT_EQ(atlas->countryAt(equalEarth({15.0, 20.5})), nullptr);  // the sea
}

TEST(WorldAtlas, CentroidsAndReasonsForCountriesWithoutOutline) {
    const auto atlas = WorldAtlas::build(kTopology, kIso, kUnnumbered, kSmall);
    ASSERT_TRUE(atlas) << atlas.errorString();
    MapPoint p;
    ASSERT_TRUE(atlas->centroid("SGP", p));
    EXPECT_EQ(p, equalEarth({103.817, 1.359}));
    EXPECT_EQ(atlas->find("SGP"), nullptr);
    EXPECT_EQ(atlas->missingReason("SGP"),
              "too small for the 1:110m outlines: drawn as a point at its centroid");
    EXPECT_EQ(atlas->missingReason("AAA"), "");
    EXPECT_FALSE(atlas->centroid("ZZZ", p));
    EXPECT_NE(atlas->missingReason("ZZZ").find("not an ISO 3166-1 alpha-3 code"),
              std::string::npos);
}

TEST(WorldAtlas, RefusesFeaturesNoTableNames) {
    const auto atlas = WorldAtlas::build(kTopology, kIso, "atlas_name,iso3,reason\n", kSmall);
    ASSERT_FALSE(atlas);
    EXPECT_EQ(atlas.errorString(), "countries-110m.json: feature \"Beta\" (id \"\") is in neither "
                                   "iso3166-numeric.csv nor unnumbered-features.csv");
    const auto badCsv = WorldAtlas::build(kTopology, "numeric,name\n", kUnnumbered, kSmall);
    ASSERT_FALSE(badCsv);
    EXPECT_EQ(badCsv.errorString(), "iso3166-numeric.csv: column \"iso3\" missing");
}

class BundledAtlas : public ::testing::Test {
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
    static const WorldAtlas& atlas() { return *s_atlas; }
    static WorldAtlas* s_atlas;
};
WorldAtlas* BundledAtlas::s_atlas = nullptr;

TEST_F(BundledAtlas, HasTheNaturalEarthCountries) {
    // 177 features at 1:110m; N. Cyprus and Somaliland count in CYP and SOM.
    EXPECT_EQ(atlas().countries().size(), 175u);
    EXPECT_EQ(atlas().find("CYP")->polygons.size(), 2u);
    EXPECT_NE(atlas().find("XKX"), nullptr); // Kosovo
    // The globe is 4π on the R = 1 plane; Antarctica's outline stops at the 1:110m data's
    // southern edge, and the rest is sea.
    double land = 0;
    for (const auto& c : atlas().countries())
        land += c.area;
    const double earth = 4 * std::numbers::pi;
    // Land is about 29 % of the Earth's surface (148.9 of 510.1 million km²).
    EXPECT_NEAR(land / earth, 148.9 / 510.1, 0.01);
    // Russia 17.1 million km² of 510.1 million.
    EXPECT_NEAR(atlas().find("RUS")->area / earth, 17.1 / 510.1, 0.0015);
}

TEST_F(BundledAtlas, CentroidsNearPublishedGeographicCentres) {
    // Germany's geographic centre (Niederdorla) 51.17° N 10.45° E; Australia's (Lambert
    // Gravitational Centre) 25.61° S 134.35° E. The 1:110m outlines are coarse: within 0.5°.
    const AtlasCountry* deu = atlas().find("DEU");
    ASSERT_TRUE(deu);
    EXPECT_NEAR(deu->centroidGeo.lat, 51.17, 0.5);
    EXPECT_NEAR(deu->centroidGeo.lon, 10.45, 0.5);
    const AtlasCountry* aus = atlas().find("AUS");
    ASSERT_TRUE(aus);
    EXPECT_NEAR(aus->centroidGeo.lat, -25.61, 0.5);
    EXPECT_NEAR(aus->centroidGeo.lon, 134.35, 0.5);
    // France's largest polygon is the mainland (not French Guiana).
    const AtlasCountry* fra = atlas().find("FRA");
    ASSERT_TRUE(fra);
    EXPECT_EQ(atlas().countryAt(fra->centroid), fra);
}

// Every country of the bundled data and of the synthetic generator has an outline, and its
// centroid lies inside it (so a site without coordinates is drawn in its own country).
TEST_F(BundledAtlas, EveryBundledCountryFindsAnOutline) {
    const auto data = io::bundledDataset();
    ASSERT_TRUE(data) << data.errorString();
    std::set<std::string> codes;
    for (const auto& c : data->countries)
        codes.insert(c.iso3);
    for (const auto& c : synth::generateNetwork({200, 4, 1}).countries)
        codes.insert(c.iso3);
    EXPECT_GE(codes.size(), 33u);
    for (const auto& iso3 : codes) {
        const AtlasCountry* c = atlas().find(iso3);
        ASSERT_NE(c, nullptr) << iso3 << ": " << atlas().missingReason(iso3);
        EXPECT_EQ(atlas().countryAt(c->centroid), c) << iso3;
        EXPECT_FALSE(atlas().isoName(iso3).empty()) << iso3;
    }
}

TEST_F(BundledAtlas, SmallCountriesHaveACentroidAndAReason) {
    for (const char* iso3 : {"SGP", "HKG", "MLT", "BHR"}) {
        MapPoint p;
        EXPECT_TRUE(atlas().centroid(iso3, p)) << iso3;
        EXPECT_EQ(atlas().find(iso3), nullptr) << iso3;
        EXPECT_FALSE(atlas().missingReason(iso3).empty()) << iso3;
    }
    // Singapore's centroid: 1.35° N 103.82° E.
    MapPoint sgp;
    ASSERT_TRUE(atlas().centroid("SGP", sgp));
    const auto g = equalEarthInverse(sgp);
    ASSERT_TRUE(g);
    EXPECT_NEAR(g->lat, 1.35, 0.1);
    EXPECT_NEAR(g->lon, 103.82, 0.1);
    // Every ISO code has an outline or a centroid, except a few uninhabited territories.
    EXPECT_NE(atlas().missingReason("UMI").find("no outline or centroid"), std::string::npos);
}

} // namespace
} // namespace chokepoint::core::map
