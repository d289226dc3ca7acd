// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/analysis/explanation.h"
#include "tests/core/analysis/exposurenetworks.h"

namespace chokepoint::test {
namespace {

using core::Date;
using namespace core::analysis;

constexpr double kEps = 1e-12;

struct Fixture {
    explicit Fixture(core::Dataset d)
        : net(std::move(d))
        , engine(net) {}
    Network net;
    ExposureEngine engine;
    std::string site(Index s) const { return net.sites.id(s); }
    std::string material(Index m) const { return net.materials.id(m); }
    Explanation explain(Lens lens, const char* material, ExplainOptions o = {}) {
        result = engine.compute(lens, *Date::parse("2025-08-01"));
        return explainMaterial(engine, result, net.materials.find(material), o);
    }
    ExposureResult result;
};

// Every group adds up: links + omitted + unknown part = weight * g; an expanded link's
// contribution is its upstream group's weight * g.
void checkAddsUp(const GroupExplanation& g) {
    double sum = g.unknown.contribution + g.omittedContribution;
    for (const auto& l : g.links) {
        sum += l.contribution;
        for (const auto& up : l.upstream) {
            EXPECT_NEAR(up.weight * up.g, l.contribution, kEps);
            checkAddsUp(up);
        }
    }
    EXPECT_NEAR(sum, g.weight * g.g, kEps);
}

// Network A, location (figures worked out in exposureengine_test.cpp):
//   D(cell) = 0.554 = sA 0.6*0.59 (0.354) + sB 0.3*0.4 (0.12) + unknown 0.1*0.8 (0.08)
//   sA: f = max(g(sA,cat) 0.59, g(sA,gra) 0.24) -> expands cat, weight 0.6:
//     sD 0.6*0.3*1 = 0.18 (located), sC 0.6*0.5*0.34 = 0.102, unknown 0.6*0.2*0.6 = 0.072
//     sC -> (sC, ref), weight 0.3: sE 0.3*0.5*0.08 = 0.012, unknown 0.3*0.5*0.6 = 0.09
//       sE -> (sE, ore), weight 0.15: sF 0 (no recipe), unknown 0.15*0.4*0.2 = 0.012
//   sB: f = max(g(sB,cat) 0.34, g(sB,gra) 0.4) -> expands gra, weight 0.3:
//     sG 0.3*0.4*1 = 0.12 (located), sH 0
TEST(Explanation, PathsOfNetworkA) {
    Fixture t(networkA());
    const Explanation e = t.explain(Lens::Location, "cell");
    EXPECT_NEAR(e.dependence, 0.554, kEps);
    const auto& root = e.root;
    EXPECT_EQ(root.tier, 1);
    EXPECT_EQ(root.buyer, kSelf);
    EXPECT_NEAR(root.unknown.remainder, 0.1, kEps);
    EXPECT_NEAR(root.unknown.fallback, 0.8, kEps);
    EXPECT_NEAR(root.unknown.contribution, 0.08, kEps);
    ASSERT_EQ(root.links.size(), 2u);
    const auto& a = root.links[0];
    EXPECT_EQ(t.site(a.supplierSite), "sA");
    EXPECT_EQ(t.net.suppliers.id(a.supplier), "supA");
    EXPECT_EQ(t.net.countries.id(a.country), "USA");
    EXPECT_NEAR(a.share, 0.6, kEps);
    EXPECT_NEAR(a.f, 0.59, kEps);
    EXPECT_NEAR(a.contribution, 0.354, kEps);
    EXPECT_EQ(a.reason, ExposureReason::Inputs);
    ASSERT_EQ(a.inputs.size(), 2u);
    EXPECT_EQ(t.material(a.inputs[0].material), "cat");
    EXPECT_NEAR(a.inputs[0].g, 0.59, kEps);
    EXPECT_NEAR(a.inputs[1].g, 0.24, kEps);
    ASSERT_EQ(a.upstream.size(), 1u);
    const auto& aCat = a.upstream[0];
    EXPECT_EQ(aCat.tier, 2);
    EXPECT_EQ(t.site(aCat.buyer), "sA");
    EXPECT_EQ(t.material(aCat.material), "cat");
    EXPECT_NEAR(aCat.weight, 0.6, kEps);
    EXPECT_NEAR(aCat.unknown.contribution, 0.072, kEps);
    ASSERT_EQ(aCat.links.size(), 2u);
    EXPECT_EQ(t.site(aCat.links[0].supplierSite), "sD");
    EXPECT_EQ(aCat.links[0].reason, ExposureReason::Located);
    EXPECT_NEAR(aCat.links[0].contribution, 0.18, kEps);
    EXPECT_TRUE(aCat.links[0].upstream.empty());
    const auto& c = aCat.links[1];
    EXPECT_EQ(t.site(c.supplierSite), "sC");
    EXPECT_NEAR(c.contribution, 0.102, kEps);
    ASSERT_EQ(c.upstream.size(), 1u);
    EXPECT_EQ(c.upstream[0].tier, 3);
    EXPECT_NEAR(c.upstream[0].links[0].contribution, 0.012, kEps);
    EXPECT_NEAR(c.upstream[0].unknown.contribution, 0.09, kEps);
    const auto& eOre = c.upstream[0].links[0].upstream.at(0);
    EXPECT_EQ(eOre.tier, 4);
    EXPECT_EQ(eOre.links.at(0).reason, ExposureReason::None);
    EXPECT_NEAR(eOre.unknown.contribution, 0.012, kEps);

    const auto& b = root.links[1];
    EXPECT_EQ(t.site(b.supplierSite), "sB");
    EXPECT_NEAR(b.contribution, 0.12, kEps);
    ASSERT_EQ(b.upstream.size(), 1u);
    EXPECT_EQ(t.material(b.upstream[0].material), "gra"); // 0.4 beats cat's 0.34
    EXPECT_EQ(t.site(b.upstream[0].links[0].supplierSite), "sG");
    EXPECT_NEAR(b.upstream[0].links[0].contribution, 0.12, kEps);
    checkAddsUp(root);
}

TEST(Explanation, BoundedByTopNAndDepth) {
    Fixture t(networkA());
    ExplainOptions o;
    o.topN = 1;
    o.maxDepth = 2;
    const Explanation e = t.explain(Lens::Location, "cell", o);
    ASSERT_EQ(e.root.links.size(), 1u);
    EXPECT_EQ(e.root.omittedLinks, 1u);
    EXPECT_NEAR(e.root.omittedContribution, 0.12, kEps); // sB
    const auto& aCat = e.root.links[0].upstream.at(0);
    ASSERT_EQ(aCat.links.size(), 1u);
    EXPECT_EQ(t.site(aCat.links[0].supplierSite), "sD");
    EXPECT_EQ(aCat.omittedLinks, 1u);
    EXPECT_NEAR(aCat.omittedContribution, 0.102, kEps); // sC
    EXPECT_TRUE(aCat.links[0].upstream.empty());
    checkAddsUp(e.root);

    o.topN = 5;
    o.maxDepth = 1;
    const Explanation flat = t.explain(Lens::Location, "cell", o);
    for (const auto& l : flat.root.links)
        EXPECT_TRUE(l.upstream.empty());
    EXPECT_EQ(flat.root.links[0].inputs.size(), 2u); // still says which input carried f
}

// Reasons per lens: owned marks sB (KOR, owner CHN) as Owned; controlled marks sE's ref as
// TechnologyControl (t1 under c2) and sG's graphite as MaterialControl (c1, issued by CHN,
// sG in CHN); in the controlled lens sD (in CHN) is not exposed by location: Inputs.
TEST(Explanation, ReasonsFollowTheLens) {
    Fixture t(networkA());
    const Explanation owned = t.explain(Lens::Owned, "cell");
    // D = 0.944: sA 0.6*0.94 = 0.564 first, then sB 0.3*1 = 0.3
    ASSERT_EQ(owned.root.links.size(), 2u);
    EXPECT_EQ(t.site(owned.root.links[1].supplierSite), "sB");
    EXPECT_EQ(owned.root.links[1].reason, ExposureReason::Owned);
    EXPECT_NEAR(owned.root.links[1].contribution, 0.3, kEps);

    const Explanation ctl = t.explain(Lens::Controlled, "cell");
    // D = 0.56: sA 0.6*0.55 = 0.33, sB 0.3*0.5 = 0.15, unknown 0.1*0.8 = 0.08
    EXPECT_NEAR(ctl.dependence, 0.56, kEps);
    const auto& aCat = ctl.root.links[0].upstream.at(0);
    EXPECT_EQ(t.site(aCat.links[0].supplierSite), "sD");
    EXPECT_EQ(aCat.links[0].reason, ExposureReason::Inputs);
    const auto& sE = aCat.links[0].upstream.at(0).links.at(0);
    EXPECT_EQ(t.site(sE.supplierSite), "sE");
    EXPECT_EQ(sE.reason, ExposureReason::TechnologyControl);
    checkAddsUp(ctl.root);

    const Index sG = t.net.findNode(t.net.sites.find("sG"), t.net.materials.find("gra"));
    // sG (CHN) sells its graphite to sB in Korea: an export under c1.
    EXPECT_EQ(exposureReason(t.engine, t.result, sG, t.net.sites.find("sB")),
              ExposureReason::MaterialControl);

    // Graphite is not bought directly: everything is the unknown-origin part, u(gra) = 0.8.
    const Explanation gra = t.explain(Lens::Controlled, "gra");
    EXPECT_TRUE(gra.root.links.empty());
    EXPECT_NEAR(gra.root.unknown.remainder, 1.0, kEps);
    EXPECT_NEAR(gra.root.unknown.contribution, 0.8, kEps);
    EXPECT_NEAR(gra.dependence, 0.8, kEps);
}

// Network C: s2 buys no x at all, so its f comes from an input without links (g = u(x)).
TEST(Explanation, InputWithoutLinks) {
    Fixture t(networkC());
    const Explanation e = t.explain(Lens::Location, "y");
    checkAddsUp(e.root);
    const LinkExplanation* s2 = nullptr;
    for (const auto& l : e.root.links)
        if (t.site(l.supplierSite) == "s2")
            s2 = &l;
    ASSERT_NE(s2, nullptr);
    ASSERT_EQ(s2->inputs.size(), 1u);
    EXPECT_FALSE(s2->inputs[0].hasLinks);
    EXPECT_NEAR(s2->inputs[0].g, 0.5, kEps);
    // contribution 0.2 * 0.5 = 0.1, all of it unknown origin one tier up
    ASSERT_EQ(s2->upstream.size(), 1u);
    EXPECT_TRUE(s2->upstream[0].links.empty());
    EXPECT_NEAR(s2->upstream[0].unknown.contribution, 0.1, kEps);
}

} // namespace
} // namespace chokepoint::test
