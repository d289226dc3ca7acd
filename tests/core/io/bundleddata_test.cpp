// SPDX-License-Identifier: MIT
// What the bundled example must say for methodology v2 (docs/bundled-data.md): the profile,
// the scheduled resumptions and their dates, the targets, the technology sources and the
// share bases. Expected values come from the reference compilation and its README, not from
// the data set itself.
#include <gtest/gtest.h>
#include <map>
#include <set>

#include "core/io/bundled.h"

namespace chokepoint::core {
namespace {

class BundledData : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto d = io::bundledDataset();
        ASSERT_TRUE(d.ok()) << d.errorString();
        s_data = new Dataset(std::move(*d));
    }
    static void TearDownTestSuite() {
        delete s_data;
        s_data = nullptr;
    }
    static const Dataset& data() { return *s_data; }
    static const Control& control(const std::string& id) {
        for (const Control& c : data().controls)
            if (c.id == id)
                return c;
        ADD_FAILURE() << "no control " << id;
        static const Control none;
        return none;
    }
    static std::string countryOfSite(const std::string& id) {
        for (const Site& s : data().sites)
            if (s.id == id)
                return s.country;
        return {};
    }

private:
    static inline Dataset* s_data = nullptr;
};

TEST_F(BundledData, ProfileNamesTheFictionalCompanyItsCountryAndTheCutoff) {
    EXPECT_EQ(data().profile.companyName, "Northwind Mobility");
    EXPECT_EQ(data().profile.companyCountry, "DEU");
    // The reference's newest dated source is S063 of 30 January 2026.
    EXPECT_EQ(data().profile.referenceCutoff, Date::fromYmd(2026, 1, 30));
}

TEST_F(BundledData, ResumptionsAreScheduledTheDayAfterTheSuspensionsRunUntil) {
    // No. 70/2025 suspends until 2026-11-10 and No. 72/2025 until 2026-11-27, both inclusive.
    const Date after70 = Date::fromYmd(2026, 11, 11), after72 = Date::fromYmd(2026, 11, 28);
    for (const char* id : {"EC11-R", "EC12-R", "EC13-R", "EC14-R", "EC15-R", "EC16-R"}) {
        EXPECT_EQ(control(id).effective, after70) << id;
        EXPECT_EQ(control(id).status, ControlStatus::Scheduled) << id;
    }
    EXPECT_EQ(control("EC06-R").effective, after72);
    EXPECT_EQ(control("EC06-R").status, ControlStatus::Scheduled);
    EXPECT_EQ(control("EC17").end, after70);
    EXPECT_EQ(control("EC18").end, after72);
    // Exactly those seven are scheduled, and nothing else starts after the cut-off.
    size_t scheduled = 0;
    for (const Control& c : data().controls) {
        const bool isScheduled = c.status == ControlStatus::Scheduled;
        scheduled += isScheduled ? 1 : 0;
        EXPECT_EQ(isScheduled, c.effective > *data().profile.referenceCutoff) << c.id;
    }
    EXPECT_EQ(scheduled, 7u);
}

TEST_F(BundledData, OnlyTheUsClauseAndItsSuspensionAndResumptionHaveTargets) {
    const std::set<std::string> usOnly = {"EC06", "EC06-C1", "EC18", "EC06-R"};
    for (const Control& c : data().controls)
        EXPECT_EQ(c.targetCountries,
                  usOnly.count(c.id) ? std::vector<std::string>{"USA"} : std::vector<std::string>{})
            << c.id;
}

TEST_F(BundledData, EveryTechnologyRowHasASourceAndSomePlantsAbroadUseChinas) {
    std::map<std::string, std::set<std::string>> chineseAbroad, ownAbroad; // technology -> sites
    for (const SiteTechnology& t : data().siteTechnologies) {
        ASSERT_TRUE(t.sourceCountry) << t.siteId << " " << t.technologyId;
        const std::string country = countryOfSite(t.siteId);
        if (country == "CHN")
            EXPECT_EQ(*t.sourceCountry, "CHN") << t.siteId; // Chinese plants, Chinese know-how
        else if (*t.sourceCountry == "CHN")
            chineseAbroad[t.technologyId].insert(t.siteId);
        else
            ownAbroad[t.technologyId].insert(t.siteId);
    }
    // An LFP cathode plant in Morocco on Chinese technology, lithium refining abroad on
    // Chinese process technology, and plants abroad with their own.
    EXPECT_EQ(chineseAbroad["t_lfp_prep"], (std::set<std::string>{"lotusbay_jorflasfar"}));
    EXPECT_EQ(countryOfSite("lotusbay_jorflasfar"), "MAR");
    EXPECT_EQ(chineseAbroad["t_lioh_spodumene"], (std::set<std::string>{"swanriver_kwinana"}));
    EXPECT_EQ(chineseAbroad["t_li_brine_extraction"], (std::set<std::string>{"puna_plant"}));
    EXPECT_EQ(ownAbroad["t_lioh_spodumene"], (std::set<std::string>{"rheinlith_bitterfeld"}));
    EXPECT_EQ(ownAbroad["t_li_brine_extraction"], (std::set<std::string>{"atacama_antofagasta"}));
    EXPECT_EQ(ownAbroad["t_ree_magnet_prep"],
              (std::set<std::string>{"baltic_narva", "hokuriku_fukui"}));
}

TEST_F(BundledData, SharesThatMeasuredSomethingElseSaySo) {
    // From the reference's `stage` texts (docs/bundled-data.md, World shares).
    const std::map<std::string, ShareBasis> expected = {
        {"synthetic_graphite", ShareBasis::Capacity},
        {"ncm_cathode", ShareBasis::Capacity},
        {"cell_ncm_pouch", ShareBasis::Capacity},
        {"cell_lfp_prismatic", ShareBasis::Capacity},
        {"cell_lmfp_prismatic", ShareBasis::Capacity},
        {"dytb_oxide", ShareBasis::Capacity},
        {"electrolyte", ShareBasis::Nationality},
        {"separator", ShareBasis::Nationality},
        {"spherical_graphite", ShareBasis::LowerBound},
        {"cu_cathode", ShareBasis::LowerBound},
        {"antimony", ShareBasis::Mining},
        {"li_carbonate", ShareBasis::Refining},
        {"li_hydroxide", ShareBasis::Refining},
        {"ni_sulphate", ShareBasis::Refining},
        {"co_sulphate", ShareBasis::Refining},
        {"ndpr_oxide", ShareBasis::Refining},
        {"pcam_ncm", ShareBasis::Other},
        {"lmfp_cathode", ShareBasis::Other},
        {"ndpr_metal", ShareBasis::Other}};
    size_t other = 0;
    for (const WorldShare& w : data().worldShares) {
        const auto it = expected.find(w.materialId);
        const ShareBasis want = it == expected.end() ? ShareBasis::Production : it->second;
        EXPECT_EQ(w.basis, want) << w.materialId << " " << w.country;
        if (w.basis != ShareBasis::Production) {
            ++other;
            EXPECT_TRUE(w.note && !w.note->empty()) << w.materialId << " " << w.country;
        }
    }
    // 19 materials; separator has two rows (CHN, JPN) and NdPr oxide three (CHN, MYS, AUS).
    EXPECT_EQ(other, 22u);
}

TEST_F(BundledData, RecoveryTimesOnlyWhereAFigureOrAssumptionStandsBehindThem) {
    std::map<std::string, int> withDays;
    for (const Site& s : data().sites)
        if (s.recoveryDays)
            withDays[s.id] = *s.recoveryDays;
    // Cathode plants: about two years to rebuild; spodumene converters: 18 months to ramp.
    const std::map<std::string, int> expected = {
        {"gyeongbuk_gumi", 730},      {"gyeongbuk_nysa", 730},   {"orchid_xiangtan", 730},
        {"orchid_ivancsa", 730},      {"lotusbay_jingmen", 730}, {"lotusbay_guiyang", 730},
        {"lotusbay_jorflasfar", 730}, {"redbasin_suining", 540}, {"swanriver_kwinana", 540},
        {"rheinlith_bitterfeld", 540}};
    EXPECT_EQ(withDays, expected);
}

} // namespace
} // namespace chokepoint::core
