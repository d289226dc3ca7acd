// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>
#include <regex>

#include "core/scenario/scenarioparser.h"
#include "core/store/scenariostore.h"
#include "core/store/sqlite.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using core::store::ScenarioStore;
using core::store::StoredScenario;

namespace {

// A clock that ticks one minute per call.
struct FakeClock {
    int calls = 0;
    std::string operator()() {
        const int m = calls++;
        return "2025-08-01T09:" + std::string(m < 10 ? "0" : "") + std::to_string(m) + ":00Z";
    }
};

const char* kStop = R"({"name": "Stop", "horizon_days": 30,
    "shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop"}]})";
const char* kCap = R"({"name": "cap", "shocks": [{"select": {}, "kind": "capacity",
    "capacity": 0.5}]})";

struct Fixture {
    test::TempDir tmp;
    core::Workspace ws = core::Workspace::create(tmp.file("w.chokepoint")).value();
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
    ScenarioStore store{ws.database(), [c = clock] { return (*c)(); }};
};

} // namespace

TEST(ScenarioStore, AddListFind) {
    Fixture f;
    auto a = f.store.add(kStop);
    ASSERT_TRUE(a.ok()) << a.errorString();
    auto b = f.store.add(kCap);
    ASSERT_TRUE(b.ok()) << b.errorString();
    EXPECT_NE(*a, *b);

    auto all = f.store.list();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2u);
    // By name, ignoring case: "cap" before "Stop".
    EXPECT_EQ((*all)[0].name, "cap");
    EXPECT_EQ((*all)[1].name, "Stop");
    EXPECT_EQ((*all)[1].id, *a);
    EXPECT_EQ((*all)[1].created, "2025-08-01T09:00:00Z");
    EXPECT_EQ((*all)[1].modified, "2025-08-01T09:00:00Z");
    EXPECT_EQ((*all)[0].created, "2025-08-01T09:01:00Z");

    // Stored as scenarioToJson writes it: parsing gives the same scenario as the input.
    const auto stored = core::scenario::parseScenarioDetailed((*all)[1].json, nullptr);
    const auto input = core::scenario::parseScenarioDetailed(kStop, nullptr);
    ASSERT_TRUE(stored.scenario && input.scenario);
    EXPECT_EQ(*stored.scenario, *input.scenario);
    EXPECT_EQ((*all)[1].json, core::scenario::scenarioToJson(*input.scenario));

    auto found = f.store.find(*a);
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ(**found, (*all)[1]);
    auto byName = f.store.findByName("cap");
    ASSERT_TRUE(byName.ok() && byName->has_value());
    EXPECT_EQ((*byName)->id, *b);
    auto missing = f.store.find(9999);
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());
}

TEST(ScenarioStore, RejectsInvalidScenariosAndTakenNames) {
    Fixture f;
    ASSERT_TRUE(f.store.add(kStop).ok());
    auto dup = f.store.add(R"({"name": "Stop", "shocks": []})");
    ASSERT_FALSE(dup.ok());
    EXPECT_NE(dup.errorString().find("already saved"), std::string::npos) << dup.errorString();

    auto bad = f.store.add(R"({"name": "bad", "shocks": [{"select": {}, "kind": "capacity",
        "capacity": 2}]})");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.errorString().find("shocks[0].capacity"), std::string::npos) << bad.errorString();
    EXPECT_FALSE(f.store.add("{not json").ok());
    EXPECT_FALSE(f.store.add(R"({"name": "", "shocks": []})").ok());
    EXPECT_EQ(f.store.list()->size(), 1u);
}

TEST(ScenarioStore, IdsAreCheckedForFormOnly) {
    // No network: an id that is not in the data is kept (it may come with a later import).
    Fixture f;
    EXPECT_TRUE(f.store
                    .add(R"({"name": "x", "shocks": [{"select": {"materials": ["unobtainium"]},
        "kind": "stop"}]})")
                    .ok());
}

TEST(ScenarioStore, AddAllIsAllOrNothing) {
    Fixture f;
    auto none = f.store.addAll({kStop, kCap, R"({"name": "Stop", "shocks": []})"});
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.errorString().find("scenario 3"), std::string::npos) << none.errorString();
    EXPECT_TRUE(f.store.list()->empty());

    auto both = f.store.addAll({kStop, kCap});
    ASSERT_TRUE(both.ok()) << both.errorString();
    EXPECT_EQ(both->size(), 2u);
    EXPECT_EQ(f.store.list()->size(), 2u);
}

TEST(ScenarioStore, UpdateKeepsCreatedAndMayRename) {
    Fixture f;
    const int64_t id = *f.store.add(kStop); // 09:00
    ASSERT_TRUE(f.store.update(id, R"({"name": "Stop 2", "horizon_days": 60, "shocks": []})").ok());
    auto s = f.store.find(id);
    ASSERT_TRUE(s.ok() && s->has_value());
    EXPECT_EQ((*s)->name, "Stop 2");
    EXPECT_EQ((*s)->created, "2025-08-01T09:00:00Z");
    EXPECT_EQ((*s)->modified, "2025-08-01T09:01:00Z");
    EXPECT_NE((*s)->json.find("\"horizon_days\": 60"), std::string::npos) << (*s)->json;

    const int64_t other = *f.store.add(kCap);
    auto clash = f.store.update(other, R"({"name": "Stop 2", "shocks": []})");
    ASSERT_FALSE(clash.ok());
    EXPECT_EQ((*f.store.find(other))->name, "cap");
    // Saving under its own name is no clash.
    EXPECT_TRUE(f.store.update(id, R"({"name": "Stop 2", "shocks": []})").ok());
    EXPECT_FALSE(f.store.update(12345, kStop).ok());
}

TEST(ScenarioStore, RenameChangesRowAndJson) {
    Fixture f;
    const int64_t id = *f.store.add(kStop);
    const int64_t other = *f.store.add(kCap);
    ASSERT_TRUE(f.store.rename(id, "Renamed").ok());
    auto s = *f.store.find(id);
    EXPECT_EQ(s->name, "Renamed");
    const auto parsed = core::scenario::parseScenarioDetailed(s->json, nullptr);
    ASSERT_TRUE(parsed.scenario);
    EXPECT_EQ(parsed.scenario->name, "Renamed");
    EXPECT_EQ(parsed.scenario->horizonDays, 30);
    EXPECT_FALSE(f.store.rename(id, "").ok());
    EXPECT_FALSE(f.store.rename(other, "Renamed").ok());
    EXPECT_EQ((*f.store.find(other))->name, "cap");
}

TEST(ScenarioStore, RemoveAndPersistence) {
    test::TempDir tmp;
    const auto path = tmp.file("w.chokepoint");
    int64_t keep = 0;
    {
        auto ws = core::Workspace::create(path);
        ASSERT_TRUE(ws.ok());
        ScenarioStore store(ws->database());
        const int64_t gone = *store.add(kStop);
        keep = *store.add(kCap);
        ASSERT_TRUE(store.remove(gone).ok());
        EXPECT_FALSE(store.remove(gone).ok());
        // Timestamps from the real clock: ISO 8601, UTC.
        const auto s = *store.find(keep);
        EXPECT_TRUE(std::regex_match(s->created, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
            << s->created;
    }
    auto ws = core::Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    ScenarioStore store(ws->database());
    auto all = store.list();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->front().id, keep);
}

TEST(ScenarioStore, ChangesInsideACallersTransactionRollBackWithIt) {
    Fixture f;
    {
        core::sql::Transaction outer(f.ws.database());
        ASSERT_TRUE(outer.begun());
        ASSERT_TRUE(f.store.add(kStop).ok());
        EXPECT_EQ(f.store.list()->size(), 1u);
        // no commit: rolled back
    }
    EXPECT_TRUE(f.store.list()->empty());
}
