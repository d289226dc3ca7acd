// SPDX-License-Identifier: MIT
// A large write drops the big tables' secondary indexes and creates them again (issue 16):
// the copies of their SQL match the schema, they are back after a write, and a failed write
// leaves them as they were.
#include <gtest/gtest.h>
#include <map>
#include <set>

#include "core/store/bulkindex.h"
#include "core/store/schema.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;

namespace {

// name -> sql of every explicit index of the workspace.
std::map<std::string, std::string> indexes(core::sql::Database& db) {
    std::map<std::string, std::string> out;
    core::sql::Statement st(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                "sql IS NOT NULL");
    while (st.step())
        out[st.text(0)] = st.text(1);
    return out;
}

// `sites` sites of one supplier and `links` supply links between them, all valid.
core::Dataset network(int sites, int links, const std::string& prefix = "s") {
    core::Dataset d;
    d.countries = {{"CHN", "China", std::nullopt}};
    d.materials = {{"m", "M", core::Stage::Mining, std::nullopt}};
    d.suppliers = {{"sup", "Sup", std::nullopt, std::nullopt}};
    for (int i = 0; i < sites; ++i)
        d.sites.push_back({prefix + std::to_string(i), "sup", "CHN", std::nullopt, std::nullopt,
                           std::nullopt, std::nullopt});
    for (int i = 0; i < links; ++i) // buyer i % sites, supplier (i + 1) % sites, share tiny
        d.supply.push_back({prefix + std::to_string(i % sites), "m",
                            prefix + std::to_string((i / sites + 1 + i) % sites), 0.0001,
                            std::nullopt, 0});
    return d;
}

TEST(BulkIndexes, CopiesMatchTheSchemaOfANewWorkspace) {
    test::TempDir tmp;
    auto ws = core::Workspace::create(tmp.file("w.chokepoint")).value();
    const auto all = indexes(ws.database());
    for (const auto& index : core::store::bulkIndexes()) {
        const auto it = all.find(std::string(index.name));
        ASSERT_NE(it, all.end()) << index.name;
        // sqlite_master keeps the statement as written, whitespace included.
        std::string stored;
        for (const char c : it->second)
            if (c != '\n')
                stored += c;
        EXPECT_EQ(stored, index.create);
    }
    // Every secondary index of the three big tables is in the list.
    std::set<std::string> listed;
    for (const auto& index : core::store::bulkIndexes())
        listed.insert(std::string(index.name));
    core::sql::Statement st(ws.database(),
                            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                            "NULL AND tbl_name IN ('supply', 'sites', 'site_technologies')");
    size_t n = 0;
    while (st.step()) {
        EXPECT_TRUE(listed.count(st.text(0))) << st.text(0);
        ++n;
    }
    EXPECT_EQ(n, listed.size());
}

TEST(BulkIndexes, ALargeWriteLeavesEveryIndexAndItsRowsFindable) {
    test::TempDir tmp;
    auto ws = core::Workspace::create(tmp.file("w.chokepoint")).value();
    const auto before = indexes(ws.database());
    // 6,000 sites and 12,000 links: both above kMinRows, into empty tables.
    {
        const auto r = ws.write(network(6000, 12000), core::WriteMode::Append);
        ASSERT_TRUE(r.ok()) << r.errorString();
    }
    EXPECT_EQ(indexes(ws.database()), before);
    core::sql::Statement check(ws.database(), "PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
    // The index on supplier_site answers: site s7 supplies links i with
    // (i / 6000 + 1 + i) % 6000 == 7, i.e. i = 6 (0 + 1 + 6) and i = 6005 (1 + 1 + 6005 = 6007).
    core::sql::Statement q(ws.database(), "SELECT count(*) FROM supply INDEXED BY supply_supplier "
                                          "WHERE supplier_site = 's7'");
    ASSERT_TRUE(q.step()) << q.errorString();
    EXPECT_EQ(q.integer(0), 2);
}

TEST(BulkIndexes, AFailedWriteLeavesTheIndexesAsTheyWere) {
    test::TempDir tmp;
    auto ws = core::Workspace::create(tmp.file("w.chokepoint")).value();
    const auto before = indexes(ws.database());
    core::Dataset d = network(6000, 6000);
    d.supply.push_back(d.supply.front()); // breaks the unique index supply_key at its rebuild
    EXPECT_FALSE(ws.write(d, core::WriteMode::Append).ok());
    EXPECT_EQ(indexes(ws.database()), before);
    EXPECT_TRUE(ws.load().value().supply.empty());
}

TEST(BulkIndexes, ASmallAppendToALargeTableKeepsTheIndexes) {
    test::TempDir tmp;
    auto ws = core::Workspace::create(tmp.file("w.chokepoint")).value();
    {
        const auto r = ws.write(network(6000, 12000), core::WriteMode::Append);
        ASSERT_TRUE(r.ok()) << r.errorString();
    }
    core::sql::Database& db = ws.database();
    core::store::BulkIndexes bulk(db);
    ASSERT_TRUE(db.exec("BEGIN").ok());
    // 5,000 rows into a table of 12,000: fewer than it holds, the indexes stay.
    ASSERT_TRUE(bulk.prepare("supply", 5000).ok());
    EXPECT_EQ(indexes(db).count("supply_key"), 1u);
    // 20,000 rows: more than it holds, they go.
    ASSERT_TRUE(bulk.prepare("supply", 20000).ok());
    EXPECT_EQ(indexes(db).count("supply_key"), 0u);
    // 4,999 rows into the empty-ish site_technologies: under kMinRows, they stay.
    ASSERT_TRUE(bulk.prepare("site_technologies", 4999).ok());
    EXPECT_EQ(indexes(db).count("site_technologies_technology"), 1u);
    ASSERT_TRUE(bulk.restore().ok());
    EXPECT_EQ(indexes(db).count("supply_key"), 1u);
    ASSERT_TRUE(db.exec("COMMIT").ok());
}

} // namespace
