// SPDX-License-Identifier: MIT
// Editing one export control in a workspace: each edit is one transaction, reloading gives
// what applyControlEdit() made of the dataset in memory, and a failure changes nothing.
#include <gtest/gtest.h>

#include "core/io/controledit.h"
#include "core/store/controlstore.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
core::Dataset controlsTestData(); // tests/core/analysis/timeline_test.cpp
}

namespace chokepoint::core {
namespace {

class ControlStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        data = test::controlsTestData();
        auto ws = Workspace::create(dir.file("w.chokepoint"));
        ASSERT_TRUE(ws.ok()) << ws.errorString();
        ASSERT_TRUE(ws->write(data, WriteMode::Replace).ok());
    }
    Workspace open() {
        auto ws = Workspace::open(dir.file("w.chokepoint"));
        EXPECT_TRUE(ws.ok());
        return std::move(*ws);
    }
    Dataset reload() {
        auto d = open().load();
        EXPECT_TRUE(d.ok());
        return d.ok() ? *d : Dataset{};
    }
    static Control newControl() {
        Control c;
        c.id = "C9";
        c.issuer = "CHN";
        c.title = "Cell control";
        c.reference = "No. 9";
        c.announced = Date::fromYmd(2026, 2, 1);
        c.effective = Date::fromYmd(2026, 3, 1);
        c.end = Date::fromYmd(2026, 9, 1);
        c.kind = ControlKind::CountryBan;
        c.targetCountries = {"KOR", "AUS"}; // several destinations (schema 3)
        c.licenceReviewDays = 30;
        c.source = "S1";
        c.status = ControlStatus::Scheduled;
        return c;
    }

    test::TempDir dir;
    Dataset data;
};

TEST_F(ControlStoreTest, InsertAddsTheControlAndItsItems) {
    const std::vector<ControlItem> items = {{"", ItemKind::Material, "cell"},
                                            {"", ItemKind::Technology, "t_chem"}};
    Workspace ws = open();
    ASSERT_TRUE(insertControl(ws, newControl(), items).ok());
    ASSERT_TRUE(io::applyControlEdit(data, std::nullopt, newControl(), items));
    const Dataset loaded = reload();
    EXPECT_EQ(loaded, data);
    EXPECT_EQ(loaded.controls.back(), newControl()); // every column round-trips
    EXPECT_EQ(io::itemsOfControl(loaded, "C9").size(), 2u);
}

TEST_F(ControlStoreTest, UpdateKeepsThePositionAndCanRename) {
    Control c = data.controls[1]; // C2
    c.id = "C2b";
    c.title = "Tech control, amended";
    c.end = Date::fromYmd(2026, 1, 1);
    c.targetCountries = {"DEU", "KOR"};
    c.status = ControlStatus::Scheduled;
    const std::vector<ControlItem> items = {{"", ItemKind::Technology, "t_chem"},
                                            {"", ItemKind::Material, "chem"}};
    Workspace ws = open();
    ASSERT_TRUE(updateControl(ws, "C2", c, items).ok());
    ASSERT_TRUE(io::applyControlEdit(data, std::string("C2"), c, items));
    const Dataset loaded = reload();
    EXPECT_EQ(loaded, data);
    EXPECT_EQ(loaded.controls[1].id, "C2b");
    EXPECT_EQ(loaded.controls[1].targetCountries, (std::vector<std::string>{"DEU", "KOR"}));
    EXPECT_EQ(loaded.controls[1].status, ControlStatus::Scheduled);
    EXPECT_TRUE(io::itemsOfControl(loaded, "C2").empty());
    // And back: an edit that clears the list and confirms the measure.
    c.targetCountries.clear();
    c.status = ControlStatus::Confirmed;
    ASSERT_TRUE(updateControl(ws, "C2b", c, items).ok());
    EXPECT_TRUE(reload().controls[1].targetCountries.empty());
    EXPECT_EQ(reload().controls[1].status, ControlStatus::Confirmed);
}

TEST_F(ControlStoreTest, DeleteRemovesTheControlAndItsItems) {
    Workspace ws = open();
    ASSERT_TRUE(deleteControl(ws, "C1").ok());
    ASSERT_TRUE(io::applyControlEdit(data, std::string("C1"), std::nullopt, {}));
    const Dataset loaded = reload();
    EXPECT_EQ(loaded, data);
    EXPECT_TRUE(io::itemsOfControl(loaded, "C1").empty());
}

// Undo of a deletion: the control goes back under its old rowid, so the stored order (and
// the dataset in memory, restored at its old index) is as before.
TEST_F(ControlStoreTest, RestoringUnderTheOldRowidKeepsTheOrder) {
    Workspace ws = open();
    auto rowid = controlRowid(ws, "C2");
    ASSERT_TRUE(rowid.ok()) << rowid.errorString();
    const Control c2 = data.controls[1];
    const auto items = io::itemsOfControl(data, "C2");
    ASSERT_TRUE(deleteControl(ws, "C2").ok());
    Dataset memory = data;
    ASSERT_TRUE(io::applyControlEdit(memory, std::string("C2"), std::nullopt, {}));
    ASSERT_TRUE(insertControl(ws, c2, items, *rowid).ok());
    ASSERT_TRUE(io::applyControlEdit(memory, std::nullopt, c2, items, size_t(1)));
    const Dataset loaded = reload();
    EXPECT_EQ(loaded.controls, data.controls);
    EXPECT_EQ(loaded, memory);
    EXPECT_FALSE(controlRowid(ws, "nope").ok());
    // A taken rowid fails without changes.
    Control other = newControl();
    EXPECT_FALSE(insertControl(ws, other, {}, *rowid).ok());
    EXPECT_EQ(reload(), loaded);
}

// The control row goes in, then the second (duplicate) item violates the key: the whole
// insert rolls back, the control row included.
TEST_F(ControlStoreTest, FailedInsertRollsBackTheControlRow) {
    const std::vector<ControlItem> items = {{"", ItemKind::Material, "cell"},
                                            {"", ItemKind::Material, "cell"}};
    Workspace ws = open();
    const auto r = insertControl(ws, newControl(), items);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.errorString().find("C9"), std::string::npos) << r.errorString();
    EXPECT_EQ(reload(), data);
    // The connection is usable afterwards.
    ASSERT_TRUE(insertControl(ws, newControl(), {items.front()}).ok());
}

// Items are deleted and the row renamed before the new items fail: all of it rolls back.
TEST_F(ControlStoreTest, FailedUpdateRollsBackEverything) {
    Control c = data.controls[0];
    c.id = "C1x";
    Workspace ws = open();
    EXPECT_FALSE(updateControl(ws, "C1", c,
                               {{"", ItemKind::Material, "chem"}, {"", ItemKind::Material, "chem"}})
                     .ok());
    EXPECT_EQ(reload(), data);
    // A taken id and a missing original fail too, without changes.
    c.id = "C2";
    EXPECT_FALSE(updateControl(ws, "C1", c, {}).ok());
    EXPECT_FALSE(updateControl(ws, "nope", newControl(), {}).ok());
    EXPECT_FALSE(insertControl(ws, data.controls[0], {}).ok());
    EXPECT_FALSE(deleteControl(ws, "nope").ok());
    EXPECT_EQ(reload(), data);
}

} // namespace
} // namespace chokepoint::core
