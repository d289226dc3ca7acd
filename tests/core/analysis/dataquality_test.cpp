// SPDX-License-Identifier: MIT
// Data-quality figures on a small network worked out by hand.
#include <gtest/gtest.h>

#include "core/analysis/dataquality.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::analysis {
namespace {

// We buy cells from a (60 %, $600) and b (40 %, $400), metal from r1 (50 %, $200) and foil
// from b (100 %, no spend); the product also needs salt, which we do not buy.
// cell <- metal, salt; metal <- ore.
//   a declares 50 % of its metal (from r1) and nothing of its salt;
//   b declares all its metal (r1) and 80 % of its salt (mine m1);
//   r1 declares 70 % of its ore (m1).
Dataset smallNetwork() {
    return test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nAUS,Australia\n"},
        {"sources", "id,publisher,year\nS1,Agency A,2024\nS2,Agency B,2023\n"},
        {"materials", "id,name,stage\nore,Ore,mining\nmetal,Metal,refining\nsalt,Salt,refining\n"
                      "cell,Cell,cell\nfoil,Foil,other\n"},
        {"recipes", "material_id,input_material_id\nmetal,ore\ncell,metal\ncell,salt\n"},
        {"world_shares", "material_id,country,share,year,source\n"
                         "ore,CHN,0.6,2020,S1\n"
                         "ore,AUS,0.3,2023,S1; S2\n"
                         "ore,DEU,0.05,2022,\n"
                         "metal,CHN,0.8,,S2\n"
                         "salt,DEU,0.1,2021,S9\n"},
        {"technologies", "id,name\nt1,Process\n"},
        {"controls", "id,issuer,title,effective,kind,source\n"
                     "c1,CHN,Licence,2024-01-01,licence,S2;S9\n"},
        {"suppliers", "id,name,hq_country,owner_country\ns1,One,CHN,CHN\ns2,Two,DEU,\n"
                      "s3,Three,AUS,\n"},
        {"sites", "id,supplier_id,country\na,s1,CHN\nb,s2,DEU\nr1,s2,DEU\nm1,s3,AUS\n"},
        {"site_technologies", "site_id,technology_id\na,t1\n"},
        {"products", "id,name,annual_volume,unit_price\np1,Product,100,10\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\np1,cell,1\np1,foil,2\np1,salt,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",cell,a,0.6,600\n"
                   ",cell,b,0.4,400\n"
                   "a,metal,r1,0.5,\n"
                   "b,metal,r1,1,\n"
                   "b,salt,m1,0.8,\n"
                   "r1,ore,m1,0.7,\n"
                   ",metal,r1,0.5,200\n"
                   ",foil,b,1,\n"},
    });
}

const Date kAsOf = Date::fromYmd(2025, 8, 1);

TEST(DataQuality, CountsRowsSourcesAndYears) {
    const Network net(smallNetwork());
    const DataQuality q = assessDataQuality(net, kAsOf);
    const std::vector<std::pair<std::string, size_t>> expected = {
        {"countries", 3},     {"profile", 0},      {"sources", 2},      {"materials", 5},
        {"recipes", 3},       {"world_shares", 5}, {"technologies", 1}, {"controls", 1},
        {"control_items", 0}, {"suppliers", 3},    {"sites", 4},        {"site_technologies", 1},
        {"products", 1},      {"product_bom", 3},  {"supply", 8},       {"inventory", 0},
        {"alternatives", 0}};
    ASSERT_EQ(q.tables.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(q.tables[i].table, expected[i].first);
        EXPECT_EQ(q.tables[i].rows, expected[i].second) << expected[i].first;
        // Reference data: countries and the seven tables after the profile.
        EXPECT_EQ(q.tables[i].reference, i == 0 || (i >= 2 && i < 9)) << expected[i].first;
    }
    EXPECT_EQ(q.vintage, 2024); // S1's year; the newest world share is 2023
    // S1: ore/CHN and ore/AUS; S2: ore/AUS, metal/CHN and control c1. S9 is no source.
    ASSERT_EQ(q.sources.size(), 2u);
    EXPECT_EQ(q.sources[0].source, 0u);
    EXPECT_EQ(q.sources[0].worldShares, 2u);
    EXPECT_EQ(q.sources[0].controls, 0u);
    EXPECT_EQ(q.sources[1].worldShares, 2u);
    EXPECT_EQ(q.sources[1].controls, 1u);
    EXPECT_EQ(q.worldShareYears,
              (std::map<int, size_t>{{2020, 1}, {2021, 1}, {2022, 1}, {2023, 1}}));
    EXPECT_EQ(q.worldSharesWithoutYear, 1u);
}

TEST(DataQuality, KnownTier2OriginWeighsOurSpend) {
    const Network net(smallNetwork());
    const DataQuality q = assessDataQuality(net, kAsOf);
    // cell from a: min(metal 0.5, salt 0) = 0; from b: min(metal 1, salt 0.8) = 0.8.
    //   known spend 600·0 + 400·0.8 = 320 of 1000.
    // metal from r1: ore 0.7 -> 140 of 200. foil has no inputs and salt is not bought.
    EXPECT_DOUBLE_EQ(q.tier2Spend, 1200.0);
    EXPECT_DOUBLE_EQ(q.tier2KnownSpend, 460.0);
    ASSERT_TRUE(q.knownTier2Share);
    EXPECT_DOUBLE_EQ(*q.knownTier2Share, 460.0 / 1200.0);
    ASSERT_EQ(q.tier2.size(), 2u);
    EXPECT_EQ(net.materials.id(q.tier2[0].material), "cell");
    EXPECT_DOUBLE_EQ(q.tier2[0].spend, 1000.0);
    EXPECT_DOUBLE_EQ(q.tier2[0].knownShare, 0.32);
    EXPECT_EQ(net.materials.id(q.tier2[1].material), "metal");
    EXPECT_DOUBLE_EQ(q.tier2[1].spend, 200.0);
    EXPECT_DOUBLE_EQ(q.tier2[1].knownShare, 0.7);
}

TEST(DataQuality, UnknownOriginFollowsTheTiers) {
    const Network net(smallNetwork());
    const DataQuality q = assessDataQuality(net, kAsOf);
    // u(m1, ore) = u(m1, salt) = 0 (no recipe); u(r1, metal) = 0.7·0 + 0.3 = 0.3;
    // u(a, cell) = max(metal 0.5·0.3 + 0.5 = 0.65, salt: nothing declared = 1) = 1;
    // u(b, cell) = max(metal 1·0.3 = 0.3, salt 0.8·0 + 0.2 = 0.2) = 0.3.
    // cell: 0.6·1 + 0.4·0.3 = 0.72; metal: 0.5·0.3 + 0.5 = 0.65; foil: 0; salt: 1 (not bought).
    ASSERT_EQ(q.unknownOrigin.size(), 4u);
    const std::vector<std::pair<std::string, double>> expected = {
        {"salt", 1.0}, {"cell", 0.72}, {"metal", 0.65}, {"foil", 0.0}};
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(net.materials.id(q.unknownOrigin[i].material), expected[i].first);
        EXPECT_NEAR(q.unknownOrigin[i].unknownShare, expected[i].second, 1e-12);
    }
    ASSERT_EQ(q.mostlyUnknown.size(), 3u);
    EXPECT_EQ(net.materials.id(q.mostlyUnknown[2].material), "metal");
}

TEST(DataQuality, MissingOwnersTechnologiesAndOldWorldShares) {
    const Network net(smallNetwork());
    const DataQuality q = assessDataQuality(net, kAsOf);
    ASSERT_EQ(q.suppliersWithoutOwner.size(), 2u);
    EXPECT_EQ(net.suppliers.id(q.suppliersWithoutOwner[0]), "s2");
    EXPECT_EQ(net.suppliers.id(q.suppliersWithoutOwner[1]), "s3");
    ASSERT_EQ(q.sitesWithoutTechnologies.size(), 3u);
    EXPECT_EQ(net.sites.id(q.sitesWithoutTechnologies[0]), "b");
    EXPECT_EQ(net.sites.id(q.sitesWithoutTechnologies[1]), "r1");
    EXPECT_EQ(net.sites.id(q.sitesWithoutTechnologies[2]), "m1");
    // 2025: 2020 is 5 years old, 2021 four; 2022 (three) and 2023 are recent enough. The share
    // without a year comes last.
    ASSERT_EQ(q.oldWorldShares.size(), 3u);
    EXPECT_EQ(q.oldWorldShares[0].row, 0u);
    EXPECT_EQ(q.oldWorldShares[0].age, 5);
    EXPECT_EQ(q.oldWorldShares[1].row, 4u);
    EXPECT_EQ(q.oldWorldShares[1].age, 4);
    EXPECT_EQ(q.oldWorldShares[2].row, 3u);
    EXPECT_EQ(q.oldWorldShares[2].age, std::nullopt);
    // As of 2027 every dated share is old: 2020 (7), 2021 (6), 2022 (5), 2023 (4).
    const DataQuality later = assessDataQuality(net, Date::fromYmd(2027, 1, 1));
    std::vector<size_t> rows;
    for (const auto& o : later.oldWorldShares)
        rows.push_back(o.row);
    EXPECT_EQ(rows, (std::vector<size_t>{0, 4, 2, 1, 3}));
}

TEST(DataQuality, MissingWhatTheMethodologyNeeds) {
    // smallNetwork() has no profile and its one technology row has no source. World shares:
    // ore 0.6 + 0.3 + 0.05 = 0.95 (complete enough), metal 0.8 (exactly the threshold: not
    // under it), salt 0.1, and cell and foil have none (0).
    const Network net(smallNetwork());
    const DataQuality q = assessDataQuality(net, kAsOf);
    EXPECT_TRUE(q.missingCompanyCountry);
    EXPECT_TRUE(q.missingReferenceCutoff);
    EXPECT_EQ(q.technologiesWithoutSource, (std::vector<size_t>{0}));
    ASSERT_EQ(q.incompleteWorldShares.size(), 3u);
    EXPECT_EQ(net.materials.id(q.incompleteWorldShares[0].material), "salt");
    EXPECT_DOUBLE_EQ(q.incompleteWorldShares[0].known, 0.1);
    EXPECT_EQ(q.incompleteWorldShares[0].rows, 1u);
    EXPECT_EQ(net.materials.id(q.incompleteWorldShares[1].material), "cell");
    EXPECT_EQ(q.incompleteWorldShares[1].known, 0.0);
    EXPECT_EQ(q.incompleteWorldShares[1].rows, 0u);
    EXPECT_EQ(net.materials.id(q.incompleteWorldShares[2].material), "foil");

    // With a profile, sources for the technology rows and metal at 0.1 + 0.7 (0.8 in floating
    // point only up to rounding, still not under the threshold) and salt topped up to 0.8.
    Dataset d = smallNetwork();
    d.profile.companyCountry = "DEU";
    d.profile.referenceCutoff = Date::fromYmd(2026, 1, 30);
    d.siteTechnologies.push_back({"b", "t1", std::nullopt});
    d.siteTechnologies[0].sourceCountry = "CHN";
    for (auto& w : d.worldShares)
        if (w.materialId == "metal")
            w.share = 0.1;
    d.worldShares.push_back({"metal", "DEU", 0.7, 2024, "S1", ShareBasis::Capacity, "note"});
    d.worldShares.push_back({"salt", "CHN", 0.7, 2024, "S1", ShareBasis::Production, {}});
    const Network full(std::move(d));
    const DataQuality f = assessDataQuality(full, kAsOf);
    EXPECT_FALSE(f.missingCompanyCountry);
    EXPECT_FALSE(f.missingReferenceCutoff);
    EXPECT_EQ(f.technologiesWithoutSource, (std::vector<size_t>{1})); // b's row has none
    ASSERT_EQ(f.incompleteWorldShares.size(), 2u);
    EXPECT_EQ(full.materials.id(f.incompleteWorldShares[0].material), "cell");
    EXPECT_EQ(full.materials.id(f.incompleteWorldShares[1].material), "foil");
}

TEST(DataQuality, EmptyWorkspace) {
    const Network net{Dataset{}};
    const DataQuality q = assessDataQuality(net, kAsOf);
    EXPECT_EQ(q.tables.size(), 17u);
    EXPECT_TRUE(q.missingCompanyCountry);
    EXPECT_TRUE(q.incompleteWorldShares.empty());
    EXPECT_TRUE(q.technologiesWithoutSource.empty());
    EXPECT_FALSE(q.vintage);
    EXPECT_FALSE(q.knownTier2Share);
    EXPECT_TRUE(q.tier2.empty());
    EXPECT_TRUE(q.unknownOrigin.empty());
    EXPECT_TRUE(q.suppliersWithoutOwner.empty());
    EXPECT_TRUE(q.oldWorldShares.empty());
}

} // namespace
} // namespace chokepoint::core::analysis
