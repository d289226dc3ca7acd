// SPDX-License-Identifier: MIT
// TopoJSON decoding on a hand-made topology of two countries.
#include <gtest/gtest.h>

#include "core/map/topojson.h"

namespace chokepoint::core::map {
namespace {

// Quantised with scale (0.5, 0.25) and translate (10, 20): lon = 10 + 0.5 qx, lat = 20 + 0.25 qy.
// Arc 0: the shared border, (12,20) -> (12,21).             q (4,0) (4,4)
// Arc 1: Alpha's other sides, (12,21) (10,21) (10,20) (12,20). q (4,4) (0,4) (0,0) (4,0)
// Arc 2: Beta's other sides, (12,20) (14,20) (14,21) (12,21).  q (4,0) (8,0) (8,4) (4,4)
// Arc 3: Beta's island, (16,22) (17,22) (17,23) (16,23) (16,22). q (12,8) (14,8) (14,12) (12,12)
// Arc 4: a lake in Alpha, (10.5,20.25) (11,20.25) (11,20.5) (10.5,20.5). q (1,1) (2,1) (2,2) (1,2)
// Alpha = ring [0, 1] with hole [4]; Beta = ring [2, ~0] (arc 0 reversed) and island [3].
// Arcs are delta-encoded: each position after the first is relative to the one before.
constexpr const char* kTwoCountries = R"({
  "type": "Topology",
  "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "id": "001", "properties": {"name": "Alpha"}, "arcs": [[0, 1], [4]]},
    {"type": "MultiPolygon", "id": 2, "properties": {"name": "Beta"}, "arcs": [[[2, -1]], [[3]]]},
    {"type": null, "id": "003"},
    {"type": "Point", "coordinates": [1, 1]}
  ]}},
  "arcs": [
    [[4, 0], [0, 4]],
    [[4, 4], [-4, 0], [0, -4], [4, 0]],
    [[4, 0], [4, 0], [0, 4], [-4, 0]],
    [[12, 8], [2, 0], [0, 4], [-2, 0], [0, -4]],
    [[1, 1], [1, 0], [0, 1], [-1, 0], [0, -1]]
  ]
})";

GeoRing ring(std::initializer_list<GeoPoint> points) {
    return GeoRing(points);
}

TEST(TopoJson, DecodesSharedDeltaEncodedArcs) {
    const auto features = decodeTopoJson(kTwoCountries, "countries", "two.json");
    ASSERT_TRUE(features) << features.errorString();
    ASSERT_EQ(features->size(), 3u); // the point has no area and is left out

    const TopoFeature& alpha = (*features)[0];
    EXPECT_EQ(alpha.id, "001");
    EXPECT_EQ(alpha.name, "Alpha");
    ASSERT_EQ(alpha.polygons.size(), 1u);
    ASSERT_EQ(alpha.polygons[0].size(), 2u);
    EXPECT_EQ(alpha.polygons[0][0], ring({{12, 20}, {12, 21}, {10, 21}, {10, 20}}));
    EXPECT_EQ(alpha.polygons[0][1], ring({{10.5, 20.25}, {11, 20.25}, {11, 20.5}, {10.5, 20.5}}));

    const TopoFeature& beta = (*features)[1];
    EXPECT_EQ(beta.id, "2"); // a numeric id, as text
    ASSERT_EQ(beta.polygons.size(), 2u);
    // Arc 0 reversed closes Beta's ring: (12,21) -> (12,20).
    EXPECT_EQ(beta.polygons[0][0], ring({{12, 20}, {14, 20}, {14, 21}, {12, 21}}));
    EXPECT_EQ(beta.polygons[1][0], ring({{16, 22}, {17, 22}, {17, 23}, {16, 23}}));

    EXPECT_EQ((*features)[2].id, "003");
    EXPECT_TRUE((*features)[2].polygons.empty());
}

TEST(TopoJson, ReadsAbsoluteCoordinatesWithoutTransform) {
    const auto f = decodeTopoJson(R"({"type": "Topology",
        "objects": {"a": {"type": "Polygon", "arcs": [[0]]}},
        "arcs": [[[1.5, 2], [3, 2], [3, 4.5], [1.5, 2]]]})",
                                  "a", "plain.json");
    ASSERT_TRUE(f) << f.errorString();
    ASSERT_EQ(f->size(), 1u);
    EXPECT_EQ((*f)[0].polygons[0][0], ring({{1.5, 2}, {3, 2}, {3, 4.5}}));
}

TEST(TopoJson, SyntaxErrorsNameLineAndColumn) {
    const auto f =
        decodeTopoJson("{\n  \"type\": \"Topology\",\n  \"arcs\": [1,,2]\n}", "a", "bad.json");
    ASSERT_FALSE(f);
    EXPECT_EQ(f.errorString().rfind("bad.json:3:", 0), 0u) << f.errorString();
}

TEST(TopoJson, StructuralErrorsNameThePath) {
    const auto outOfRange = decodeTopoJson(R"({"type": "Topology",
        "objects": {"c": {"type": "GeometryCollection", "geometries": [
          {"type": "Polygon", "arcs": [[0]]}, {"type": "Polygon", "arcs": [[0, 9]]}]}},
        "arcs": [[[0, 0], [1, 0], [1, 1], [0, 0]]]})",
                                           "c", "t.json");
    ASSERT_FALSE(outOfRange);
    EXPECT_EQ(outOfRange.errorString(),
              "t.json: objects.c.geometries[1].arcs[0]: arc 9 out of range (1 arcs)");

    const auto notTopology = decodeTopoJson(R"({"type": "FeatureCollection"})", "c", "t.json");
    ASSERT_FALSE(notTopology);
    EXPECT_NE(notTopology.errorString().find("not a TopoJSON topology"), std::string::npos);

    const auto noObject = decodeTopoJson(kTwoCountries, "land", "two.json");
    ASSERT_FALSE(noObject);
    EXPECT_EQ(noObject.errorString(), "two.json: no object \"land\" in objects");

    const auto badArc = decodeTopoJson(R"({"type": "Topology", "objects": {"c": {"type":
        "Polygon", "arcs": [[0]]}}, "arcs": [[[0, 0], [1]]]})",
                                       "c", "t.json");
    ASSERT_FALSE(badArc);
    EXPECT_EQ(badArc.errorString(), "t.json: arcs[0][1]: a position needs two numbers");

    const auto unknownType = decodeTopoJson(R"({"type": "Topology", "objects": {"c": {"type":
        "Circle"}}, "arcs": []})",
                                            "c", "t.json");
    ASSERT_FALSE(unknownType);
    EXPECT_EQ(unknownType.errorString(), "t.json: objects.c: unknown geometry type \"Circle\"");
}

} // namespace
} // namespace chokepoint::core::map
