// SPDX-License-Identifier: MIT
// Hand-worked exposure figures (SPEC §3). The networks are drawn in exposurenetworks.h;
// every expected number below is computed by hand in the comments.
#include <gtest/gtest.h>
#include <thread>

#include "core/analysis/exposureengine.h"
#include "tests/core/analysis/exposurenetworks.h"

namespace chokepoint::test {
namespace {

using core::Date;
using namespace core::analysis;

constexpr double kEps = 1e-12;

Date day(const char* text) {
    return *Date::parse(text);
}

struct Fixture {
    explicit Fixture(core::Dataset d)
        : net(std::move(d))
        , engine(net) {}
    Network net;
    ExposureEngine engine;

    // f(s, m, b) of a node whose flows carry the same f to every buyer (checked).
    double f(const ExposureResult& r, const char* site, const char* material) const {
        const Index n = net.findNode(net.sites.find(site), net.materials.find(material));
        EXPECT_NE(n, kNone) << site << " " << material;
        std::optional<double> value;
        for (size_t g = 0; g < net.groups.size(); ++g)
            for (const Link& l : net.links(Index(g)))
                if (l.supplierNode == n) {
                    if (value)
                        EXPECT_DOUBLE_EQ(*value, r.f(net, l)) << site << " " << material;
                    value = r.f(net, l);
                }
        return value ? *value : r.nodeF[size_t(n)];
    }
    double g(const ExposureResult& r, const char* buyer, const char* material) const {
        const Index b = *buyer ? net.sites.find(buyer) : kSelf;
        const Index grp = net.findGroup(b, net.materials.find(material));
        EXPECT_NE(grp, kNone) << buyer << " " << material;
        return r.g[size_t(grp)];
    }
    // u(i, dest(self)): the unknown part as we buy it.
    double u(const ExposureResult& r, const char* material) const {
        return r.unknownAt(net.materials.find(material), net.companyCountry());
    }
    const MaterialExposure& material(const ExposureResult& r, const char* id) const {
        for (const auto& m : r.materials)
            if (net.materials.id(m.material) == id)
                return m;
        ADD_FAILURE() << "material " << id << " not reported";
        static MaterialExposure none;
        return none;
    }
    const ProductExposure& product(const ExposureResult& r, const char* id) const {
        for (const auto& p : r.products)
            if (net.products.id(p.product) == id)
                return p;
        ADD_FAILURE() << "product " << id << " not reported";
        static ProductExposure none;
        return none;
    }
    std::vector<std::string> supplierIds(const ExposureResult& r) const {
        std::vector<std::string> ids;
        for (const auto& s : r.suppliers)
            ids.push_back(net.suppliers.id(s.supplier));
        return ids;
    }
    std::optional<double> supplier(const ExposureResult& r, const char* id) const {
        for (const auto& s : r.suppliers)
            if (net.suppliers.id(s.supplier) == id)
                return s.dependence;
        ADD_FAILURE() << "supplier " << id << " not reported";
        return std::nullopt;
    }
};

TEST(ExposureEngine, LensNamesRoundTrip) {
    for (Lens l : {Lens::Location, Lens::Owned, Lens::Controlled})
        EXPECT_EQ(parseLens(toString(l)), l);
    EXPECT_FALSE(parseLens("Location"));
    EXPECT_FALSE(parseLens(""));
}

// Location lens on network A: exposed sites are sD and sG (located in CHN).
//   u(ore) = 0.2; u(ref) = max(0.6, 0.2) = 0.6; u(cat) = max(0.5, 0.6) = 0.6;
//   u(gra) = 0.8; u(cell) = max(0.7, u(cat) 0.6, u(gra) 0.8) = 0.8
//   f(sF,ore) = 0 (no recipe);  g(sE,ore) = 0.6*0 + 0.4*0.2 = 0.08;  f(sE,ref) = 0.08
//   g(sC,ref) = 0.5*0.08 + 0.5*0.6 = 0.34;   f(sC,cat) = 0.34
//   f(sD,cat) = 1 (CHN);  f(sG,gra) = 1 (CHN);  f(sH,gra) = 0
//   g(sA,cat) = 0.5*0.34 + 0.3*1 + 0.2*0.6 = 0.59;  g(sA,gra) = 0.7*0 + 0.3*0.8 = 0.24
//   f(sA,cell) = max(0.59, 0.24) = 0.59   (max, not the sum 0.83)
//   g(sB,cat) = 1.0*0.34 = 0.34;  g(sB,gra) = 0.4*1 + 0.6*0 = 0.4;  f(sB,cell) = 0.4
//   D(cell) = 0.6*0.59 + 0.3*0.4 + 0.1*0.8 = 0.354 + 0.12 + 0.08 = 0.554
//   direct share = 0 (neither sA nor sB is in CHN)
//   spend at risk = 600*0.59 + 300*0.4 = 354 + 120 = 474
//   HHI: USA 0.6, KOR 0.3 of 0.9 -> (100*2/3)^2 + (100/3)^2 = 50000/9
//   world HHI cell: 70^2 + 20^2 + 10^2 = 5400
//   gra (only in P2's BOM, not bought): D = g(self,gra) = (1 - 0) * u(gra) = 0.8; spend 0;
//     no HHI; world HHI: CHN 0.8, USA 0.1 of 0.9 -> 10000*(64+1)/81
//   P1 = D(cell) = 0.554, revenue 1000*50*0.554 = 27700; P2 = 0.8, no price -> no revenue;
//   P3: empty BOM -> 0, revenue 5*10*0 = 0
//   suppliers: supA 0.6*0.59/0.6 = 0.59; supB 0.3*0.4/0.3 = 0.4
TEST(ExposureEngine, LocationLensNetworkA) {
    Fixture t(networkA());
    const auto r = t.engine.compute(Lens::Location, day("2025-08-01"));
    EXPECT_NEAR(t.u(r, "ore"), 0.2, kEps);
    EXPECT_NEAR(t.u(r, "ref"), 0.6, kEps);
    EXPECT_NEAR(t.u(r, "cat"), 0.6, kEps);
    EXPECT_NEAR(t.u(r, "cell"), 0.8, kEps);
    EXPECT_NEAR(t.f(r, "sF", "ore"), 0.0, kEps);
    EXPECT_NEAR(t.g(r, "sE", "ore"), 0.08, kEps);
    EXPECT_NEAR(t.f(r, "sE", "ref"), 0.08, kEps);
    EXPECT_NEAR(t.g(r, "sC", "ref"), 0.34, kEps);
    EXPECT_NEAR(t.f(r, "sD", "cat"), 1.0, kEps);
    EXPECT_NEAR(t.g(r, "sA", "cat"), 0.59, kEps);
    EXPECT_NEAR(t.g(r, "sA", "gra"), 0.24, kEps);
    EXPECT_NEAR(t.f(r, "sA", "cell"), 0.59, kEps);
    EXPECT_NEAR(t.f(r, "sB", "cell"), 0.4, kEps);

    ASSERT_EQ(r.materials.size(), 2u); // cell (bought), gra (in a BOM); sorted by id
    EXPECT_EQ(t.net.materials.id(r.materials[0].material), "cell");
    EXPECT_EQ(t.net.materials.id(r.materials[1].material), "gra");
    const auto& cell = t.material(r, "cell");
    EXPECT_NEAR(cell.dependence, 0.554, kEps);
    EXPECT_NEAR(cell.directShare, 0.0, kEps);
    ASSERT_TRUE(cell.spendAtRisk);
    EXPECT_NEAR(*cell.spendAtRisk, 474.0, 1e-9);
    ASSERT_TRUE(cell.hhi);
    EXPECT_NEAR(*cell.hhi, 50000.0 / 9.0, 1e-9);
    ASSERT_TRUE(cell.worldHhi);
    EXPECT_NEAR(*cell.worldHhi, 5400.0, 1e-9);
    const auto& gra = t.material(r, "gra");
    EXPECT_NEAR(gra.dependence, 0.8, kEps);
    EXPECT_EQ(gra.directShare, 0.0);
    EXPECT_EQ(gra.spendAtRisk, 0.0);
    EXPECT_FALSE(gra.hhi);
    ASSERT_TRUE(gra.worldHhi);
    EXPECT_NEAR(*gra.worldHhi, 10000.0 * 65.0 / 81.0, 1e-9);

    ASSERT_EQ(r.products.size(), 3u);
    EXPECT_NEAR(t.product(r, "P1").dependence, 0.554, kEps);
    EXPECT_NEAR(*t.product(r, "P1").revenueAtRisk, 27700.0, 1e-8);
    EXPECT_NEAR(t.product(r, "P2").dependence, 0.8, kEps);
    EXPECT_FALSE(t.product(r, "P2").revenueAtRisk);
    EXPECT_EQ(t.product(r, "P3").dependence, 0.0);
    EXPECT_EQ(t.product(r, "P3").revenueAtRisk, 0.0);

    EXPECT_EQ(t.supplierIds(r), (std::vector<std::string>{"supA", "supB"}));
    EXPECT_NEAR(*t.supplier(r, "supA"), 0.59, kEps);
    EXPECT_NEAR(*t.supplier(r, "supB"), 0.4, kEps);
}

// Owned lens on network A: sB (KOR, owner CHN) and sH (USA mine, owner CHN) now count too.
//   u as for location (same fallback): u(gra) = 0.8, u(cell) = 0.8
//   g(sA,cat) = 0.59 (unchanged: sC, sD, sE, sF as before)
//   g(sA,gra) = 0.7*f(sH)=1 + 0.3*0.8 = 0.94;  f(sA,cell) = max(0.59, 0.94) = 0.94
//   f(sB,cell) = 1 (owned)
//   D(cell) = 0.6*0.94 + 0.3*1 + 0.1*0.8 = 0.564 + 0.3 + 0.08 = 0.944
//   direct share = 0.3 (sB); spend at risk = 600*0.94 + 300*1 = 864
//   P1 = 0.944 -> revenue 1000*50*0.944 = 47200; suppliers supA 0.94, supB 1
TEST(ExposureEngine, OwnedLensCountsChineseOwnedSitesAbroad) {
    Fixture t(networkA());
    const auto r = t.engine.compute(Lens::Owned, day("2025-08-01"));
    EXPECT_NEAR(t.f(r, "sH", "gra"), 1.0, kEps);
    EXPECT_NEAR(t.g(r, "sA", "gra"), 0.94, kEps);
    EXPECT_NEAR(t.f(r, "sA", "cell"), 0.94, kEps);
    EXPECT_NEAR(t.f(r, "sB", "cell"), 1.0, kEps);
    const auto& cell = t.material(r, "cell");
    EXPECT_NEAR(cell.dependence, 0.944, kEps);
    EXPECT_NEAR(cell.directShare, 0.3, kEps);
    EXPECT_NEAR(*cell.spendAtRisk, 864.0, 1e-9);
    EXPECT_NEAR(*cell.hhi, 50000.0 / 9.0, 1e-9); // lens-independent
    EXPECT_NEAR(t.material(r, "gra").dependence, 0.8, kEps);
    EXPECT_NEAR(*t.product(r, "P1").revenueAtRisk, 47200.0, 1e-8);
    EXPECT_NEAR(*t.supplier(r, "supA"), 0.94, kEps);
    EXPECT_NEAR(*t.supplier(r, "supB"), 1.0, kEps);
}

// Controlled lens on network A, 2025-08-01: c1 (gra) and c2 (technology t1) in force,
// c3 (ref) ended on 2025-06-01, c4 (IDN ore) not yet effective.
//   U: gra 0.8 (CHN control in force), everything else 0
//   u(ore) = u(ref) = u(cat) = 0; u(gra) = 0.8; u(cell) = max(0, 0, 0.8) = 0.8
//   f(sF,ore) = 0 (c4 not yet);  f(sE,ref) = 1 (sE depends on t1, under c2)
//   f(sA,cell): sA uses t2, which no control covers -> not exposed by itself
//   g(sC,ref) = 0.5*1 + 0.5*u(ref)=0 = 0.5;  f(sC,cat) = 0.5
//   g(sD,ref) = 1*1 = 1; f(sD,cat) = 1 (from its input: no control covers cat)
//   f(sG,gra) = 1 (gra from a CHN site, CHN control);  f(sH,gra) = 0 (USA site)
//   g(sA,cat) = 0.5*0.5 + 0.3*1 + 0.2*0 = 0.55;  g(sA,gra) = 0.7*0 + 0.3*0.8 = 0.24
//   f(sA,cell) = 0.55;  g(sB,cat) = 0.5;  g(sB,gra) = 0.4*1 + 0.6*0 = 0.4;  f(sB,cell) = 0.5
//   D(cell) = 0.6*0.55 + 0.3*0.5 + 0.1*0.8 = 0.33 + 0.15 + 0.08 = 0.56
//   direct 0; spend at risk 600*0.55 + 300*0.5 = 480; P1 revenue 1000*50*0.56 = 28000
TEST(ExposureEngine, ControlledLensTechnologyAndMaterialControls) {
    Fixture t(networkA());
    const auto r = t.engine.compute(Lens::Controlled, day("2025-08-01"));
    EXPECT_NEAR(t.u(r, "ref"), 0.0, kEps);
    EXPECT_NEAR(t.u(r, "cell"), 0.8, kEps);
    EXPECT_NEAR(t.f(r, "sE", "ref"), 1.0, kEps);
    EXPECT_NEAR(t.g(r, "sC", "ref"), 0.5, kEps);
    EXPECT_NEAR(t.f(r, "sD", "cat"), 1.0, kEps);
    EXPECT_NEAR(t.f(r, "sG", "gra"), 1.0, kEps);
    EXPECT_NEAR(t.f(r, "sH", "gra"), 0.0, kEps);
    EXPECT_NEAR(t.f(r, "sA", "cell"), 0.55, kEps);
    EXPECT_NEAR(t.f(r, "sB", "cell"), 0.5, kEps);
    const auto& cell = t.material(r, "cell");
    EXPECT_NEAR(cell.dependence, 0.56, kEps);
    EXPECT_NEAR(cell.directShare, 0.0, kEps);
    EXPECT_NEAR(*cell.spendAtRisk, 480.0, 1e-9);
    EXPECT_NEAR(t.material(r, "gra").dependence, 0.8, kEps);
    EXPECT_NEAR(*t.product(r, "P1").revenueAtRisk, 28000.0, 1e-8);
    EXPECT_NEAR(*t.supplier(r, "supA"), 0.55, kEps);
    EXPECT_NEAR(*t.supplier(r, "supB"), 0.5, kEps);
}

// Controlled lens on network A, 2025-03-01: c1 and c3 in force; c2 (t1) not yet.
//   U: gra 0.8, ref 0.6 (c3, CHN, in force) -> u(ref) = 0.6, u(cat) = max(0, 0.6) = 0.6,
//   u(cell) = max(0, 0.6, 0.8) = 0.8
//   f(sE,ref) = 0: c3 covers ref from CHN sites only, sE is in KOR; t1 not controlled yet
//   g(sC,ref) = 0.5*0 + 0.5*0.6 = 0.3 -> f(sC,cat) = 0.3;  g(sD,ref) = 0 -> f(sD,cat) = 0
//   g(sA,cat) = 0.5*0.3 + 0.3*0 + 0.2*0.6 = 0.27; g(sA,gra) = 0.24 -> f(sA,cell) = 0.27
//   g(sB,cat) = 0.3, g(sB,gra) = 0.4 -> f(sB,cell) = 0.4
//   D(cell) = 0.6*0.27 + 0.3*0.4 + 0.1*0.8 = 0.162 + 0.12 + 0.08 = 0.362
// 2023-06-01: nothing in force -> U = 0 everywhere, no site exposed -> all 0.
TEST(ExposureEngine, ControlledLensFollowsTheDate) {
    Fixture t(networkA());
    const auto march = t.engine.compute(Lens::Controlled, day("2025-03-01"));
    EXPECT_NEAR(t.u(march, "ref"), 0.6, kEps);
    EXPECT_NEAR(t.u(march, "cat"), 0.6, kEps);
    EXPECT_NEAR(t.f(march, "sE", "ref"), 0.0, kEps);
    EXPECT_NEAR(t.f(march, "sC", "cat"), 0.3, kEps);
    EXPECT_NEAR(t.f(march, "sA", "cell"), 0.27, kEps);
    EXPECT_NEAR(t.f(march, "sB", "cell"), 0.4, kEps);
    EXPECT_NEAR(t.material(march, "cell").dependence, 0.362, kEps);

    const auto early = t.engine.compute(Lens::Controlled, day("2023-06-01"));
    EXPECT_EQ(t.material(early, "cell").dependence, 0.0);
    EXPECT_EQ(t.material(early, "gra").dependence, 0.0);
    EXPECT_EQ(*t.material(early, "cell").spendAtRisk, 0.0);
    EXPECT_EQ(*t.supplier(early, "supA"), 0.0);
    // The location lens does not depend on the date.
    EXPECT_NEAR(t.material(t.engine.compute(Lens::Location, day("2023-06-01")), "cell").dependence,
                0.554, kEps);
}

// Network B, controlled lens. k (IDN, ore) runs 2025-03-01 .. 2025-09-01 (ended from the
// end date on); k2 (CHN, ore) from 2025-06-01. No company country: our destination is
// unknown, which both untargeted measures reach. U(ore, unknown) sums the world shares of
// every issuer with a measure in force (v2; v1 counted China's only).
//   2025-02-28: k not yet, k2 not yet -> f(sI) = 0, U(ore) = 0 -> D = 0
//   2025-03-01: k in force (effective <= t) -> f(sI) = 1 (an export of Indonesia);
//               U = world IDN 0.5: D = 0.5*1 + 0.3*0 + 0.2*0.5 = 0.6, spend 500*1 = 500,
//               direct 0.5
//   2025-08-31: k and k2 in force -> U = IDN 0.5 + CHN 0.3 = 0.8: D = 0.5 + 0.2*0.8 = 0.66
//   2025-09-01: k ended (end > t fails) -> f(sI) = 0; U = CHN 0.3: D = 0.2*0.3 = 0.06,
//               spend 0
//   location (any date): no CHN site -> D = 0.2*0.3 = 0.06
//   HHI: IDN 0.5, USA 0.3 of 0.8 -> 62.5^2 + 37.5^2 = 5312.5
TEST(ExposureEngine, ControlBeforeDuringAndAfterItsPeriod) {
    Fixture t(networkB());
    struct Case {
        const char* date;
        double dependence, direct, spend;
    };
    for (const Case c :
         {Case{"2025-02-28", 0.0, 0.0, 0.0}, Case{"2025-03-01", 0.6, 0.5, 500.0},
          Case{"2025-08-31", 0.66, 0.5, 500.0}, Case{"2025-09-01", 0.06, 0.0, 0.0}}) {
        SCOPED_TRACE(c.date);
        const auto r = t.engine.compute(Lens::Controlled, day(c.date));
        EXPECT_NEAR(t.material(r, "ore").dependence, c.dependence, kEps);
        EXPECT_NEAR(t.material(r, "ore").directShare, c.direct, kEps);
        EXPECT_NEAR(*t.material(r, "ore").spendAtRisk, c.spend, 1e-9);
    }
    const auto loc = t.engine.compute(Lens::Location, day("2025-08-31"));
    EXPECT_NEAR(t.material(loc, "ore").dependence, 0.06, kEps);
    EXPECT_NEAR(*t.material(loc, "ore").hhi, 5312.5, 1e-9);
}

// Network C, location lens: unknown origin at three tiers, a missing link group, max.
//   u(a) = 0.5; u(b) = 0.1; u(x) = max(0 (no world share), 0.5, 0.1) = 0.5;
//   u(y) = max(0.3, 0.5) = 0.5; u(z) = 0
//   f(s4,a) = 0; f(s5,b) = 1 (CHN)
//   g(s3,a) = 0.25*0 + 0.75*0.5 = 0.375;  g(s3,b) = 0.5*1 + 0.5*0.1 = 0.55
//   f(s3,x) = max(0.375, 0.55) = 0.55    (the sum would be 0.925)
//   g(s1,x) = 0.6*0.55 + 0.4*0.5 = 0.53 -> f(s1,y) = 0.53
//   s2 buys no x at all: g(s2,x) = (1 - 0)*u(x) = 0.5 -> f(s2,y) = 0.5
//   g(s6,x) = 1*0.55 -> f(s6,y) = 0.55
//   D(y) = 0.5*0.53 + 0.2*0.5 + 0.1*0.55 + 0.2*u(y)0.5 = 0.265 + 0.1 + 0.055 + 0.1 = 0.52
//   spend at risk y = 100*0.53 + 50*0.55 = 80.5 (s2's link has no spend)
//   HHI y: USA 0.5+0.1 = 0.6, DEU 0.2 of 0.8 -> 75^2 + 25^2 = 6250 (unknown 0.2 left out)
//   world HHI y: only CHN 0.3 known, under 0.8 -> null (v2; v1 gave 100^2 = 10000)
//   x (in Q's BOM, not bought): D = u(x) = 0.5, spend 0, HHI null, world HHI null
//   z: bought from s2 (DEU, no recipe): D = 1*0 = 0; no spend on any link -> null;
//      HHI 10000; world HHI null
//   Q = max(D(x) 0.5, D(y) 0.52) = 0.52 -> revenue 100*10*0.52 = 520
//   sup1 (sites s1, s6): (0.5*0.53 + 0.1*0.55) / 0.6 = 0.32/0.6; sup2 (s2: y 0.2 at 0.5,
//   z 1.0 at 0): (0.2*0.5 + 1.0*0) / 1.2 = 0.1/1.2
TEST(ExposureEngine, UnknownOriginAtSeveralTiersAndMissingLinks) {
    Fixture t(networkC());
    const auto r = t.engine.compute(Lens::Location, day("2025-08-01"));
    EXPECT_NEAR(t.u(r, "x"), 0.5, kEps);
    EXPECT_NEAR(t.u(r, "y"), 0.5, kEps);
    EXPECT_NEAR(t.f(r, "s3", "x"), 0.55, kEps);
    EXPECT_NEAR(t.f(r, "s1", "y"), 0.53, kEps);
    EXPECT_NEAR(t.f(r, "s2", "y"), 0.5, kEps);
    EXPECT_NEAR(t.f(r, "s6", "y"), 0.55, kEps);
    ASSERT_EQ(r.materials.size(), 3u);
    const auto& y = t.material(r, "y");
    EXPECT_NEAR(y.dependence, 0.52, kEps);
    EXPECT_NEAR(*y.spendAtRisk, 80.5, 1e-9);
    EXPECT_NEAR(*y.hhi, 6250.0, 1e-9);
    EXPECT_FALSE(y.worldHhi);
    const auto& x = t.material(r, "x");
    EXPECT_NEAR(x.dependence, 0.5, kEps);
    EXPECT_EQ(x.spendAtRisk, 0.0);
    EXPECT_FALSE(x.hhi);
    EXPECT_FALSE(x.worldHhi);
    const auto& z = t.material(r, "z");
    EXPECT_EQ(z.dependence, 0.0);
    EXPECT_FALSE(z.spendAtRisk);
    EXPECT_NEAR(*z.hhi, 10000.0, 1e-9);
    EXPECT_FALSE(z.worldHhi);
    EXPECT_NEAR(t.product(r, "Q").dependence, 0.52, kEps);
    EXPECT_NEAR(*t.product(r, "Q").revenueAtRisk, 520.0, 1e-9);
    EXPECT_NEAR(*t.supplier(r, "sup1"), 0.32 / 0.6, kEps);
    EXPECT_NEAR(*t.supplier(r, "sup2"), 0.1 / 1.2, kEps);
    EXPECT_EQ(t.supplierIds(r), (std::vector<std::string>{"sup1", "sup2"}));
}

// compute() keeps no state: threads sharing one engine get the same numbers as one thread.
TEST(ExposureEngine, ConcurrentComputeOnOneNetwork) {
    Fixture t(networkA());
    const Lens lenses[] = {Lens::Location, Lens::Owned, Lens::Controlled};
    const char* dates[] = {"2023-06-01", "2025-03-01", "2025-08-01"};
    std::vector<double> sequential, parallel(9 * 50);
    for (int round = 0; round < 50; ++round)
        for (int k = 0; k < 9; ++k)
            sequential.push_back(
                t.engine.compute(lenses[k % 3], day(dates[k / 3])).materials[0].dependence);
    std::vector<std::thread> threads;
    for (int k = 0; k < 9; ++k)
        threads.emplace_back([&, k] {
            for (int round = 0; round < 50; ++round)
                parallel[size_t(round * 9 + k)] =
                    t.engine.compute(lenses[k % 3], day(dates[k / 3])).materials[0].dependence;
        });
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(parallel, sequential);
    // k = lens + 3 * date: figures worked out in the tests above
    EXPECT_NEAR(sequential[0], 0.554, kEps); // location
    EXPECT_NEAR(sequential[1], 0.944, kEps); // owned
    EXPECT_EQ(sequential[2], 0.0);           // controlled, 2023-06-01
    EXPECT_NEAR(sequential[5], 0.362, kEps); // controlled, 2025-03-01
    EXPECT_NEAR(sequential[8], 0.56, kEps);  // controlled, 2025-08-01
}

TEST(ExposureEngine, EmptyNetwork) {
    Fixture t(core::Dataset{});
    const auto r = t.engine.compute(Lens::Controlled, day("2025-08-01"));
    EXPECT_TRUE(r.materials.empty());
    EXPECT_TRUE(r.products.empty());
    EXPECT_TRUE(r.suppliers.empty());
}

} // namespace
} // namespace chokepoint::test
