// SPDX-License-Identifier: MIT
// The exposure engine under the v2 rules (SPEC §3) on the rules network of v2networks.h:
// point estimates, low and high bounds, destinations, world HHI under 0.8 known. Every figure
// is worked out by hand in the comments.
#include <gtest/gtest.h>

#include "core/analysis/exposureengine.h"
#include "tests/core/analysis/v2networks.h"

namespace chokepoint::core::analysis {
namespace {

constexpr double kEps = 1e-12;

Date day(const char* text) {
    return *Date::parse(text);
}

struct Rules {
    explicit Rules(const std::string& company = "DEU")
        : net(test::rulesNetwork(company))
        , engine(net) {}
    const MaterialExposure& m(const ExposureResult& r, const char* id) const {
        const MaterialExposure* e = r.materialFigures(net.materials.find(id));
        EXPECT_NE(e, nullptr) << id;
        return *e;
    }
    Network net;
    ExposureEngine engine;
};

// Controlled lens, 2025-08-01 (cOre, cMa, cUs, cTech, cMag in force), our company in Germany.
//
// lfp: cnRef buys ore from cnMine inside China: not an export, f = F(cnMine, ore) = 0, so
//   g(cnRef, ore) = 0 and F(cnRef, lfp) = 0. maRef buys 0.8 from cnMine, an export to
//   Morocco under cOre (f = 1), and 0.2 of unknown origin: u(ore, MAR) = U(ore, MAR) = the
//   share of China = 0.5 (Morocco, the other issuer, is the destination). g(maRef, ore) =
//   0.8 + 0.2 * 0.5 = 0.9. Our lfp flows are not controlled: D(lfp) = 0.5 * 0 + 0.5 * 0.9 =
//   0.45. Low (U = 0): 0.5 * 0.8 = 0.4. High (U(ore, MAR) = 1, China's share 0.5 > 0):
//   0.5 * (0.8 + 0.2) = 0.5. Spend at risk 100 * 0 + 100 * 0.9 = 90. Direct share 0.
// cat: maCat (Morocco, Chinese tl) is technology-controlled; cnCat (China), krCat (Korean
//   tl) are not; krCatU's source is unknown: counted only by the high bound.
//   D = 0.25, low 0.25, high 0.5; direct share 0.25.
// anode: usAnode buys all its graphite from cnMine, an export to the US under cUs: g = 1,
//   F(usAnode, anode) = 1, D(anode) = 1 (low and high alike).
// gra: our own graphite from cnMine goes to Germany, which cUs does not reach: D = 0.
// ore: 0.5 from maMine, an export of Morocco under cMa (f = 1), 0.5 unknown with
//   U(ore, DEU) = .5 + .2 = .7: D = 0.5 + 0.35 = 0.85; low 0.5; high 1. Direct 0.5, spend at
//   risk 50.
// mag: 0.5 from krMag (not controlled, no recipe: 0), 0.5 unknown; cMag lists mag, which has
//   no world shares: U = 0, high U = 1. D = 0, low 0, high 0.5.
// mag2: the same without any measure: D = low = high = 0.
// ge: no measure in force on 2025-08-01: 0.
// P (lfp, cat; revenue 1,000): D = max(.45, .25) = .45, low .4, high .5: revenue at risk
//   450, 400, 500.
TEST(ExposureV2, ControlledLensPointAndBounds) {
    const Rules t;
    const ExposureResult r = t.engine.compute(Lens::Controlled, day("2025-08-01"));
    struct Row {
        const char* id;
        double d, low, high, direct;
    };
    for (const Row& row : {Row{"lfp", 0.45, 0.4, 0.5, 0.0}, Row{"cat", 0.25, 0.25, 0.5, 0.25},
                           Row{"anode", 1.0, 1.0, 1.0, 0.0}, Row{"gra", 0.0, 0.0, 0.0, 0.0},
                           Row{"ore", 0.85, 0.5, 1.0, 0.5}, Row{"mag", 0.0, 0.0, 0.5, 0.0},
                           Row{"mag2", 0.0, 0.0, 0.0, 0.0}, Row{"ge", 0.0, 0.0, 0.0, 0.0}}) {
        SCOPED_TRACE(row.id);
        const MaterialExposure& e = t.m(r, row.id);
        EXPECT_NEAR(e.dependence, row.d, kEps);
        EXPECT_NEAR(e.dependenceLow, row.low, kEps);
        EXPECT_NEAR(e.dependenceHigh, row.high, kEps);
        EXPECT_NEAR(e.directShare, row.direct, kEps);
    }
    EXPECT_NEAR(*t.m(r, "lfp").spendAtRisk, 90.0, 1e-9);
    EXPECT_NEAR(*t.m(r, "ore").spendAtRisk, 50.0, 1e-9);
    ASSERT_EQ(r.products.size(), 1u);
    EXPECT_NEAR(r.products[0].dependence, 0.45, kEps);
    EXPECT_NEAR(r.products[0].dependenceLow, 0.4, kEps);
    EXPECT_NEAR(r.products[0].dependenceHigh, 0.5, kEps);
    EXPECT_NEAR(*r.products[0].revenueAtRisk, 450.0, 1e-9);
    EXPECT_NEAR(*r.products[0].revenueAtRiskLow, 400.0, 1e-9);
    EXPECT_NEAR(*r.products[0].revenueAtRiskHigh, 500.0, 1e-9);

    // Per flow: cnMine's ore is exposed towards Morocco, not towards cnRef in China.
    const Network& net = t.net;
    const Index ore = net.materials.find("ore");
    const Link& toMa = net.links(net.findGroup(net.sites.find("maRef"), ore))[0];
    const Link& toCn = net.links(net.findGroup(net.sites.find("cnRef"), ore))[0];
    EXPECT_EQ(toMa.supplierNode, toCn.supplierNode); // one node, two flows
    EXPECT_TRUE(r.exposed(net, toMa));
    EXPECT_FALSE(r.exposed(net, toCn));
    EXPECT_NEAR(r.unknownAt(ore, net.countries.find("MAR")), 0.5, kEps);
    EXPECT_NEAR(r.unknownAt(ore, net.countries.find("DEU")), 0.7, kEps);
}

// Before cTech (2025-07-01) cat has no exposure at all: D = low = high = 0.
TEST(ExposureV2, TechnologyControlOnlyFromItsDate) {
    const Rules t;
    const ExposureResult r = t.engine.compute(Lens::Controlled, day("2025-07-01"));
    EXPECT_NEAR(t.m(r, "cat").dependence, 0.0, kEps);
    EXPECT_NEAR(t.m(r, "cat").dependenceHigh, 0.0, kEps);
}

// The company's country decides which measures reach our purchases.
//   Unknown country: cUs (targets the US) does not reach us: gra 0; the untargeted cMa
//   does: ore 0.5 + 0.5 * U(ore, unknown) = 0.5 + 0.5 * 0.7 = 0.85.
//   In the US: cnMine's graphite to us is an export under cUs: gra 1. ore as in Germany.
TEST(ExposureV2, CompanyCountry) {
    {
        const Rules t("");
        const ExposureResult r = t.engine.compute(Lens::Controlled, day("2025-08-01"));
        EXPECT_NEAR(t.m(r, "gra").dependence, 0.0, kEps);
        EXPECT_NEAR(t.m(r, "gra").dependenceHigh, 0.0, kEps);
        EXPECT_NEAR(t.m(r, "ore").dependence, 0.85, kEps);
        EXPECT_NEAR(t.m(r, "anode").dependence, 1.0, kEps); // usAnode is in the US either way
    }
    {
        const Rules t("USA");
        const ExposureResult r = t.engine.compute(Lens::Controlled, day("2025-08-01"));
        EXPECT_NEAR(t.m(r, "gra").dependence, 1.0, kEps);
        EXPECT_NEAR(t.m(r, "gra").directShare, 1.0, kEps);
        EXPECT_NEAR(t.m(r, "ore").dependence, 0.85, kEps);
    }
}

// ge: 1.0 from cnMine to Germany. Under cGe (2025-10-09 .. 2025-11-10) the flow is an export
// under a measure in force: D = 1. Suspended on 2025-12-01: 0. The resumption cGeR from
// 2026-11-10 is scheduled: on 2026-12-07 D = 0, or 1 with assume scheduled; on 2026-06-01
// it is not due yet, so 0 even assumed.
TEST(ExposureV2, ScheduledResumptionBeforeAndAfterTheCutoff) {
    const Rules t;
    auto ge = [&](const char* date, bool assume) {
        return t.m(t.engine.compute(Lens::Controlled, day(date), assume), "ge").dependence;
    };
    EXPECT_NEAR(ge("2025-10-15", false), 1.0, kEps);
    EXPECT_NEAR(ge("2025-12-01", false), 0.0, kEps);
    EXPECT_NEAR(ge("2025-12-01", true), 0.0, kEps);
    EXPECT_NEAR(ge("2026-06-01", true), 0.0, kEps);
    EXPECT_NEAR(ge("2026-12-07", false), 0.0, kEps);
    EXPECT_NEAR(ge("2026-12-07", true), 1.0, kEps);
    const ExposureResult r = t.engine.compute(Lens::Controlled, day("2026-12-07"), true);
    EXPECT_TRUE(r.assumeScheduled);
    EXPECT_TRUE(r.controls->inForce(t.net.controlIds.find("cGeR")));
}

// Location lens, 2025-08-01: China's sites cnMine, cnRef, cnCat are exposed.
//   lfp: cnRef 0.5 * 1; maRef: g(maRef, ore) = 0.8 * 1 + 0.2 * 0.5 (China's share of ore) =
//   0.9, so D = 0.5 + 0.45 = 0.95; low 0.5 + 0.5 * 0.8 = 0.9; high 0.5 + 0.5 * 1 = 1.
//   mag: 0.5 unknown, no world shares: U = 0, high U = 1 (no world shares at all): D 0,
//   high 0.5. mag2 the same (the location lens needs no measure).
//   ore: maMine is not in China: 0.5 * 0 + 0.5 * 0.5 = 0.25; low 0; high 0.5.
TEST(ExposureV2, LocationLensBounds) {
    const Rules t;
    const ExposureResult r = t.engine.compute(Lens::Location, day("2025-08-01"));
    EXPECT_NEAR(t.m(r, "lfp").dependence, 0.95, kEps);
    EXPECT_NEAR(t.m(r, "lfp").dependenceLow, 0.9, kEps);
    EXPECT_NEAR(t.m(r, "lfp").dependenceHigh, 1.0, kEps);
    EXPECT_NEAR(t.m(r, "mag").dependenceHigh, 0.5, kEps);
    EXPECT_NEAR(t.m(r, "mag2").dependenceHigh, 0.5, kEps);
    EXPECT_NEAR(t.m(r, "mag2").dependence, 0.0, kEps);
    EXPECT_NEAR(t.m(r, "ore").dependence, 0.25, kEps);
    EXPECT_NEAR(t.m(r, "ore").dependenceLow, 0.0, kEps);
    EXPECT_NEAR(t.m(r, "ore").dependenceHigh, 0.5, kEps);
}

// World HHI: ore's known shares sum to .85: (50² + 20² + 15²) / .85² = 3125 / .7225 =
// 4325.2595...; ge's sum to .7 < .8: null; mag has none: null. Our tier-1 HHI of ore: one
// link, Morocco: 10,000.
TEST(ExposureV2, WorldHhiNeedsEightyPercentKnown) {
    const Rules t;
    const ExposureResult r = t.engine.compute(Lens::Location, day("2025-08-01"));
    ASSERT_TRUE(t.m(r, "ore").worldHhi);
    EXPECT_NEAR(*t.m(r, "ore").worldHhi, 3125.0 / 0.7225, 1e-9);
    EXPECT_FALSE(t.m(r, "ge").worldHhi);
    EXPECT_FALSE(t.m(r, "mag").worldHhi);
    EXPECT_NEAR(*t.m(r, "ore").hhi, 10000.0, 1e-9);
}

} // namespace
} // namespace chokepoint::core::analysis
