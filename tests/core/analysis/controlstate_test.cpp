// SPDX-License-Identifier: MIT
// The coverage rules of SPEC §3 (v2) as ControlState answers them, on the rules network of
// v2networks.h. Every expectation follows from the rule and the network's comment.
#include <gtest/gtest.h>

#include "core/analysis/controlstate.h"
#include "tests/core/analysis/v2networks.h"

namespace chokepoint::core::analysis {
namespace {

Date day(const char* text) {
    return *Date::parse(text);
}

class ControlStateTest : public ::testing::Test {
protected:
    ControlStateTest()
        : net(test::rulesNetwork()) {}
    Index site(const char* id) const { return net.sites.find(id); }
    Index material(const char* id) const { return net.materials.find(id); }
    Index country(const char* iso3) const { return net.countries.find(iso3); }
    Index control(const char* id) const { return net.controlIds.find(id); }
    std::vector<std::string> ids(const std::vector<Index>& controls) const {
        std::vector<std::string> out;
        for (const Index c : controls)
            out.push_back(net.controlIds.id(c));
        return out;
    }
    Network net;
};

TEST_F(ControlStateTest, AnExportIsControlledAFlowInsideTheIssuerIsNot) {
    const ControlState s(net, day("2025-08-01"));
    // cOre (CHN, ore, every destination): cnMine's ore to Morocco is an export of China.
    EXPECT_TRUE(s.materialControlled(site("cnMine"), material("ore"), country("MAR")));
    EXPECT_EQ(ids(s.controlsCoveringFlow(site("cnMine"), material("ore"), country("MAR"))),
              std::vector<std::string>({"cOre"}));
    // The same ore to cnRef in China is not an export.
    EXPECT_FALSE(s.materialControlled(site("cnMine"), material("ore"), country("CHN")));
    EXPECT_FALSE(s.flowControlled(site("cnMine"), material("ore"), country("CHN")));
    EXPECT_TRUE(s.controlsCoveringFlow(site("cnMine"), material("ore"), country("CHN")).empty());
    // maMine's ore (Morocco) falls under cMa, issued by Morocco, not under cOre.
    EXPECT_EQ(ids(s.controlsCoveringFlow(site("maMine"), material("ore"), country("DEU"))),
              std::vector<std::string>({"cMa"}));
    // Before the measures took effect nothing is controlled.
    const ControlState before(net, day("2023-12-31"));
    EXPECT_FALSE(before.materialControlled(site("cnMine"), material("ore"), country("MAR")));
}

TEST_F(ControlStateTest, AMeasureAimedAtTheUsReachesOnlyTheUs) {
    const ControlState s(net, day("2025-08-01"));
    const Index cUs = control("cUs");
    EXPECT_TRUE(s.reaches(cUs, country("USA")));
    EXPECT_FALSE(s.reaches(cUs, country("DEU")));
    EXPECT_FALSE(s.reaches(cUs, kNone)); // an unknown destination: only untargeted measures
    EXPECT_TRUE(s.reaches(control("cOre"), kNone));
    // cnMine's graphite to the US site is controlled, to a European company it is not.
    EXPECT_TRUE(s.materialControlled(site("cnMine"), material("gra"), country("USA")));
    EXPECT_FALSE(s.materialControlled(site("cnMine"), material("gra"), country("DEU")));
    EXPECT_FALSE(s.materialControlled(site("cnMine"), material("gra"), kNone));
    // An untargeted measure reaches an unknown destination, which is never the issuer.
    EXPECT_TRUE(s.materialControlled(site("cnMine"), material("ore"), kNone));
    // The measure is in force either way; only its reach differs.
    EXPECT_TRUE(s.inForce(cUs));
}

TEST_F(ControlStateTest, AnExportReachesEveryDestinationButTheIssuerWithinItsTargets) {
    const ControlState s(net, day("2025-08-01"));
    // cOre: China, no targets. Every destination but China itself, the unknown one included.
    EXPECT_TRUE(s.exportReaches(control("cOre"), country("MAR")));
    EXPECT_TRUE(s.exportReaches(control("cOre"), kNone));
    EXPECT_FALSE(s.exportReaches(control("cOre"), country("CHN")));
    // cUs: China to the US only.
    EXPECT_TRUE(s.exportReaches(control("cUs"), country("USA")));
    EXPECT_FALSE(s.exportReaches(control("cUs"), country("DEU")));
    EXPECT_FALSE(s.exportReaches(control("cUs"), kNone));
    EXPECT_FALSE(s.exportReaches(control("cUs"), country("CHN")));
    // cMa: Morocco, no targets: a German buyer yes, a Moroccan one no.
    EXPECT_TRUE(s.exportReaches(control("cMa"), country("DEU")));
    EXPECT_FALSE(s.exportReaches(control("cMa"), country("MAR")));
}

TEST_F(ControlStateTest, TechnologyControlsReachPlantsAbroadUsingTheIssuersTechnology) {
    const ControlState s(net, day("2025-08-01"));
    // maCat: Morocco, tl from China -> covered by cTech.
    EXPECT_TRUE(s.technologyControlled(site("maCat")));
    const auto covers = s.coversOfSite(site("maCat"));
    ASSERT_EQ(covers.size(), 1u);
    EXPECT_EQ(net.controlIds.id(covers[0].control), "cTech");
    EXPECT_EQ(covers[0].kind, ItemKind::Technology);
    EXPECT_EQ(net.technologies.id(covers[0].item), "tl");
    EXPECT_FALSE(covers[0].unknownSource);
    // Its flows count for any destination, also inside Morocco.
    EXPECT_TRUE(s.flowControlled(site("maCat"), material("cat"), country("MAR")));
    // cnCat: Chinese technology in China -> not an export of the technology.
    EXPECT_FALSE(s.technologyControlled(site("cnCat")));
    EXPECT_FALSE(s.technologyControlledIfUnknownSource(site("cnCat")));
    // krCat: Korean technology -> not China's to control.
    EXPECT_FALSE(s.technologyControlled(site("krCat")));
    EXPECT_FALSE(s.technologyControlledIfUnknownSource(site("krCat")));
    // krCatU: source unknown -> not in the point estimate, covered in the high bound.
    EXPECT_FALSE(s.technologyControlled(site("krCatU")));
    EXPECT_TRUE(s.technologyControlledIfUnknownSource(site("krCatU")));
    EXPECT_TRUE(s.coversOfSite(site("krCatU")).empty());
    ASSERT_EQ(s.coversOfSite(site("krCatU"), true).size(), 1u);
    EXPECT_TRUE(s.coversOfSite(site("krCatU"), true)[0].unknownSource);
    // Before cTech took effect (2025-07-15) no site is.
    const ControlState before(net, day("2025-07-14"));
    EXPECT_FALSE(before.technologyControlled(site("maCat")));
    EXPECT_FALSE(before.technologyControlledIfUnknownSource(site("krCatU")));
}

TEST_F(ControlStateTest, ScheduledMeasuresCountOnlyWhenAssumed) {
    const Index cGe = control("cGe"), cGeR = control("cGeR");
    // 2025-10-15: the first germanium measure is in force.
    EXPECT_TRUE(ControlState(net, day("2025-10-15")).inForce(cGe));
    // 2025-12-01: suspended (end 2025-11-10); the resumption is not yet due.
    const ControlState suspended(net, day("2025-12-01"), true);
    EXPECT_FALSE(suspended.inForce(cGe));
    EXPECT_FALSE(suspended.inForce(cGeR));
    // 2026-12-07, after the scheduled resumption date: counted only with assume scheduled.
    const ControlState late(net, day("2026-12-07"));
    const ControlState assumed(net, day("2026-12-07"), true);
    EXPECT_FALSE(late.inForce(cGeR));
    EXPECT_TRUE(assumed.inForce(cGeR));
    EXPECT_FALSE(late.materialControlled(site("cnMine"), material("ge"), country("DEU")));
    EXPECT_TRUE(assumed.materialControlled(site("cnMine"), material("ge"), country("DEU")));
    // Its status says what it is whether or not it counts.
    const MeasureStatus status = late.status(cGeR);
    EXPECT_EQ(status.phase, ControlStatus::InForce);
    EXPECT_TRUE(status.scheduled);
    EXPECT_FALSE(status.counted);
    EXPECT_TRUE(assumed.status(cGeR).counted);
    EXPECT_FALSE(late.status(cGe).scheduled);
    EXPECT_EQ(late.status(cGe).phase, ControlStatus::Ended);
    // The confirmed measures in force on 2026-12-07, in data order.
    EXPECT_EQ(ids(late.inForceControls()),
              std::vector<std::string>({"cOre", "cMa", "cUs", "cTech", "cMag"}));
    EXPECT_EQ(ids(assumed.inForceControls()),
              std::vector<std::string>({"cOre", "cMa", "cUs", "cTech", "cGeR", "cMag"}));
}

TEST_F(ControlStateTest, TheReferenceCutoff) {
    // reference_cutoff 2026-01-31: the day itself is covered by the data, the next is not.
    EXPECT_FALSE(afterReferenceCutoff(net, day("2026-01-31")));
    EXPECT_TRUE(afterReferenceCutoff(net, day("2026-02-01")));
    EXPECT_TRUE(afterReferenceCutoff(net, day("2026-12-07")));
    core::Dataset noCutoff = test::rulesNetwork();
    noCutoff.profile.referenceCutoff.reset();
    EXPECT_FALSE(afterReferenceCutoff(Network(noCutoff), day("2026-12-07")));
}

TEST_F(ControlStateTest, UnknownOriginByDestination) {
    const ControlState s(net, day("2025-08-01"));
    // ore: CHN (cOre) and MAR (cMa) list it for every destination.
    //   U(ore, DEU) = .5 + .2 = .7; U(ore, MAR) = .5 (Morocco is the destination);
    //   U(ore, CHN) = .2; U(ore, unknown) = .7.
    EXPECT_NEAR(s.unknownShare(material("ore"), country("DEU")), 0.7, 1e-12);
    EXPECT_NEAR(s.unknownShare(material("ore"), country("MAR")), 0.5, 1e-12);
    EXPECT_NEAR(s.unknownShare(material("ore"), country("CHN")), 0.2, 1e-12);
    EXPECT_NEAR(s.unknownShare(material("ore"), kNone), 0.7, 1e-12);
    EXPECT_EQ(s.unknownIssuers(material("ore"), country("MAR")),
              std::vector<Index>({country("CHN")}));
    // gra: cUs reaches only the US. U(gra, USA) = .9, U(gra, DEU) = 0.
    EXPECT_NEAR(s.unknownShare(material("gra"), country("USA")), 0.9, 1e-12);
    EXPECT_NEAR(s.unknownShare(material("gra"), country("DEU")), 0.0, 1e-12);
    EXPECT_TRUE(s.unknownPossible(material("gra"), country("USA")));
    EXPECT_FALSE(s.unknownPossible(material("gra"), country("DEU")));
    // mag: listed by cMag, no world shares at all -> U = 0 but possible (high bound 1).
    EXPECT_NEAR(s.unknownShare(material("mag"), country("DEU")), 0.0, 1e-12);
    EXPECT_TRUE(s.unknownPossible(material("mag"), country("DEU")));
    // mag2: no world shares and no measure -> not possible.
    EXPECT_FALSE(s.unknownPossible(material("mag2"), country("DEU")));
    // lfp: no measure lists it.
    EXPECT_NEAR(s.unknownShare(material("lfp"), country("DEU")), 0.0, 1e-12);
}

TEST_F(ControlStateTest, OneMeasureAloneAndEveryMeasure) {
    const ControlState alone = ControlState::only(net, control("cUs"), day("2020-01-01"));
    EXPECT_EQ(ids(alone.inForceControls()), std::vector<std::string>({"cUs"}));
    EXPECT_TRUE(alone.materialControlled(site("cnMine"), material("gra"), country("USA")));
    EXPECT_FALSE(alone.materialControlled(site("cnMine"), material("ore"), country("MAR")));
    EXPECT_FALSE(alone.technologyControlled(site("maCat")));
    // A scheduled measure alone counts too (what would it do).
    EXPECT_TRUE(ControlState::only(net, control("cGeR"), day("2020-01-01"))
                    .materialControlled(site("cnMine"), material("ge"), country("DEU")));
    EXPECT_TRUE(ControlState::only(net, Index(99), day("2020-01-01")).inForceControls().empty());
    const ControlState every = ControlState::every(net, day("2020-01-01"));
    EXPECT_EQ(every.inForceControls().size(), net.controls.size());
    // Both germanium measures cover the flow to Germany.
    EXPECT_EQ(ids(every.controlsCoveringFlow(site("cnMine"), material("ge"), country("DEU"))),
              std::vector<std::string>({"cGe", "cGeR"}));
    EXPECT_EQ(ids(every.controlsListing(ItemKind::Material, material("ore"))),
              std::vector<std::string>({"cOre", "cMa"}));
}

} // namespace
} // namespace chokepoint::core::analysis
