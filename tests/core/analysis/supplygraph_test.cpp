// SPDX-License-Identifier: MIT
// The layered supply graph of a small network, worked out by hand: nodes per tier, merged
// paths, unknown and folded parts, and the size bounds.
#include <gtest/gtest.h>

#include "core/analysis/supplygraph.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::analysis {
namespace {

// Recipes: cell <- chem, foil; chem <- ore. Our links: cell 0.5 de_cell + 0.3 kr_cell.
// de_cell buys chem 0.6 cn_chem + 0.2 kr_chem and foil 1.0 cn_foil; kr_cell buys chem 1.0
// kr_chem and no foil; cn_chem buys ore 0.5 au_ore + 0.5 cl_ore; kr_chem buys ore 0.4 au_ore.
// World share of China: chem 0.7, cell 0.5. Supplier de is owned from China.
//
// Location lens: u(ore) = 0, u(foil) = 0, u(chem) = 0.7, u(cell) = max(0.5, 0.7) = 0.7.
// f: cn_chem = cn_foil = 1 (in China); kr_chem = 0.4 * 0 + 0.6 * u(ore) = 0;
// de_cell = max(0.6 + 0.2 * 0 + 0.2 * 0.7, 1.0) = 1; kr_cell = max(0, u(foil)) = 0.
// D(cell) = 0.5 * 1 + 0.3 * 0 + 0.2 * 0.7 = 0.64.
Dataset smallData() {
    return test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nKOR,Korea\nAUS,Australia\nCHL,Chile\n"},
        {"materials", "id,name,stage\nore,Ore,mining\nchem,Chemical,refining\nfoil,Foil,other\n"
                      "cell,Cell,cell\n"},
        {"recipes", "material_id,input_material_id\ncell,chem\ncell,foil\nchem,ore\n"},
        {"world_shares", "material_id,country,share\nchem,CHN,0.7\ncell,CHN,0.5\n"},
        {"suppliers", "id,name,hq_country,owner_country\ncn,CN Co,CHN,CHN\nde,DE Co,DEU,CHN\n"
                      "kr,KR Co,KOR,KOR\nau,AU Co,AUS,AUS\ncl,CL Co,CHL,CHL\n"},
        {"sites", "id,supplier_id,country\ncn_chem,cn,CHN\ncn_foil,cn,CHN\nde_cell,de,DEU\n"
                  "kr_cell,kr,KOR\nkr_chem,kr,KOR\nau_ore,au,AUS\ncl_ore,cl,CHL\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,10,1000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n"
                   ",cell,de_cell,0.5\n,cell,kr_cell,0.3\n"
                   "de_cell,chem,cn_chem,0.6\nde_cell,chem,kr_chem,0.2\nde_cell,foil,cn_foil,1\n"
                   "kr_cell,chem,kr_chem,1\ncn_chem,ore,au_ore,0.5\ncn_chem,ore,cl_ore,0.5\n"
                   "kr_chem,ore,au_ore,0.4\n"},
    });
}

class SupplyGraphTest : public ::testing::Test {
protected:
    SupplyGraphTest()
        : net(smallData())
        , engine(net) {}
    SupplyGraph run(Lens lens, GraphOptions options = {}) {
        return supplyGraph(net, engine.compute(lens, *Date::parse("2025-08-01")),
                           net.materials.find("cell"), options);
    }
    // A node as "tier:order:label", label = site id, "?material" (unknown) or "+material".
    std::string describe(const SupplyGraph& g, size_t i) const {
        const GraphNode& n = g.nodes[i];
        std::string label;
        switch (n.kind) {
        case GraphNodeKind::Us:
            label = "us";
            break;
        case GraphNodeKind::Site:
            label = net.sites.id(n.site);
            break;
        case GraphNodeKind::Unknown:
            label = "?" + net.materials.id(n.material);
            break;
        case GraphNodeKind::Others:
            label = "+" + net.materials.id(n.material);
            break;
        }
        return std::to_string(n.tier) + ":" + std::to_string(n.order) + ":" + label;
    }
    std::vector<std::string> describeAll(const SupplyGraph& g) const {
        std::vector<std::string> out;
        for (size_t i = 0; i < g.nodes.size(); ++i)
            out.push_back(describe(g, i));
        return out;
    }
    const GraphEdge* edge(const SupplyGraph& g, int from, int to) const {
        for (const GraphEdge& e : g.edges)
            if (e.from == from && e.to == to)
                return &e;
        return nullptr;
    }
    Network net;
    ExposureEngine engine;
};

using Labels = std::vector<std::string>;

TEST_F(SupplyGraphTest, FullGraph) {
    const SupplyGraph g = run(Lens::Location);
    EXPECT_EQ(describeAll(g), (Labels{"0:0:us", "1:0:de_cell", "1:1:kr_cell", "1:2:?cell",
                                      "2:0:cn_chem", "2:1:kr_chem", "2:2:?chem", "2:3:cn_foil",
                                      "2:4:?foil", "3:0:au_ore", "3:1:cl_ore", "3:2:?ore"}));
    EXPECT_EQ(g.tiers, 3);
    EXPECT_EQ(g.tierSizes, (std::vector<int>{1, 3, 5, 3}));
    EXPECT_FALSE(g.truncated);
    EXPECT_EQ(g.edges.size(), 13u);

    // Flows: fractions of our cell supply passing through each node.
    const std::vector<double> flows = {1.0, 0.5, 0.3, 0.2,  0.3,  0.4,
                                       0.1, 0.5, 0.3, 0.31, 0.15, 0.24};
    for (size_t i = 0; i < flows.size(); ++i)
        EXPECT_NEAR(g.nodes[i].flow, flows[i], 1e-12) << describe(g, i);

    // f and exposure.
    EXPECT_NEAR(g.nodes[0].f, 0.64, 1e-12);
    EXPECT_DOUBLE_EQ(g.nodes[1].f, 1.0);
    EXPECT_FALSE(g.nodes[1].exposed); // de_cell: through its foil
    EXPECT_TRUE(g.nodes[4].exposed);  // cn_chem
    EXPECT_DOUBLE_EQ(g.nodes[5].f, 0.0);
    EXPECT_NEAR(g.nodes[3].f, 0.7, 1e-12); // unknown cell: u(cell)
    EXPECT_NEAR(g.nodes[6].f, 0.7, 1e-12); // unknown chem: u(chem)
    EXPECT_DOUBLE_EQ(g.nodes[8].f, 0.0);   // unknown foil
    EXPECT_EQ(g.nodes[4].material, net.materials.find("chem"));

    // kr_chem is one node at tier 2, bought by de_cell (0.2) and kr_cell (1.0).
    const GraphEdge* a = edge(g, 5, 1);
    const GraphEdge* b = edge(g, 5, 2);
    ASSERT_TRUE(a && b);
    EXPECT_DOUBLE_EQ(a->share, 0.2);
    EXPECT_NEAR(a->flow, 0.1, 1e-12);
    EXPECT_DOUBLE_EQ(b->share, 1.0);
    EXPECT_NEAR(b->flow, 0.3, 1e-12);
    // kr_cell buys no foil: all of it is of unknown origin.
    const GraphEdge* u = edge(g, 8, 2);
    ASSERT_TRUE(u);
    EXPECT_DOUBLE_EQ(u->share, 1.0);
    // Our unknown part of cell, and kr_chem's unknown ore (0.6 of 0.4).
    EXPECT_NEAR(edge(g, 3, 0)->share, 0.2, 1e-12);
    EXPECT_NEAR(edge(g, 11, 5)->share, 0.6, 1e-12);
    EXPECT_NEAR(edge(g, 11, 5)->flow, 0.24, 1e-12);

    EXPECT_EQ(g.findSite(net.sites.find("kr_chem"), 2), 5);
    EXPECT_EQ(g.findSite(net.sites.find("kr_chem"), 1), -1);
}

TEST_F(SupplyGraphTest, TopLinksFoldIntoOthers) {
    GraphOptions one;
    one.topLinks = 1;
    const SupplyGraph g = run(Lens::Location, one);
    EXPECT_EQ(describeAll(g),
              (Labels{"0:0:us", "1:0:de_cell", "1:1:+cell", "1:2:?cell", "2:0:cn_chem", "2:1:+chem",
                      "2:2:?chem", "2:3:cn_foil", "3:0:au_ore", "3:1:+ore"}));
    const GraphNode& others = g.nodes[2];
    EXPECT_EQ(others.folded, 1u);
    EXPECT_NEAR(others.flow, 0.3, 1e-12);
    EXPECT_DOUBLE_EQ(others.f, 0.0);
    EXPECT_NEAR(g.nodes[5].flow, 0.1, 1e-12);  // kr_chem's 0.2 of de_cell's 0.5
    EXPECT_NEAR(g.nodes[9].flow, 0.15, 1e-12); // cl_ore, tied with au_ore but later by id

    // Owned lens, nothing drawn per link: both our cell links are folded. de_cell is exposed
    // (owned from China, f = 1), kr_cell is not (f = 0): mean f = 0.5 / 0.8.
    GraphOptions none;
    none.topLinks = 0;
    const SupplyGraph o = run(Lens::Owned, none);
    EXPECT_EQ(describeAll(o), (Labels{"0:0:us", "1:0:+cell", "1:1:?cell"}));
    EXPECT_EQ(o.nodes[1].folded, 2u);
    EXPECT_NEAR(o.nodes[1].f, 0.625, 1e-12);
    EXPECT_NEAR(o.nodes[1].foldedExposed, 0.5, 1e-12);
    EXPECT_NEAR(o.nodes[1].flow, 0.8, 1e-12);
}

TEST_F(SupplyGraphTest, DepthAndSizeBounds) {
    GraphOptions depth1;
    depth1.maxDepth = 1;
    const SupplyGraph d = run(Lens::Location, depth1);
    EXPECT_EQ(describeAll(d), (Labels{"0:0:us", "1:0:de_cell", "1:1:kr_cell", "1:2:?cell"}));
    EXPECT_TRUE(d.truncated);
    EXPECT_TRUE(d.nodes[1].truncated);
    EXPECT_FALSE(d.nodes[3].truncated); // unknown parts are leaves

    // 5 nodes: de_cell would add 4 and kr_cell 2: neither fits.
    GraphOptions five;
    five.maxNodes = 5;
    const SupplyGraph f = run(Lens::Location, five);
    EXPECT_EQ(f.nodes.size(), 4u);
    EXPECT_TRUE(f.nodes[1].truncated);
    EXPECT_TRUE(f.nodes[2].truncated);

    // 10 nodes: de_cell adds 4 (8); kr_cell adds only its unknown foil, kr_chem exists (9);
    // cn_chem (2 more) and kr_chem (au_ore and unknown ore) no longer fit.
    GraphOptions ten;
    ten.maxNodes = 10;
    const SupplyGraph t = run(Lens::Location, ten);
    EXPECT_EQ(t.nodes.size(), 9u);
    EXPECT_FALSE(t.nodes[2].truncated);
    EXPECT_TRUE(t.nodes[4].truncated);
    EXPECT_TRUE(t.nodes[5].truncated);
    EXPECT_FALSE(t.nodes[7].truncated); // cn_foil: foil has no recipe
    EXPECT_NEAR(t.nodes[5].flow, 0.4, 1e-12);
    EXPECT_TRUE(t.truncated);

    EXPECT_TRUE(supplyGraph(net, engine.compute(Lens::Location, *Date::parse("2025-08-01")), kNone)
                    .nodes.empty());
}

} // namespace
} // namespace chokepoint::core::analysis
