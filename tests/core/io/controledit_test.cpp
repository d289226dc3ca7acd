// SPDX-License-Identifier: MIT
// Validating an export-control measure typed into the editor with the importer's rules, and
// applying an edit to an in-memory dataset.
#include <gtest/gtest.h>

#include "core/io/controledit.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
core::Dataset controlsTestData(); // tests/core/analysis/timeline_test.cpp
}

namespace chokepoint::core::io {
namespace {

ControlDraft goodDraft() {
    ControlDraft d;
    d.id = "C9";
    d.issuer = "CHN";
    d.title = "Cell control";
    d.reference = "No. 9 of 2026";
    d.announced = "2026-02-01";
    d.effective = "2026-03-01";
    d.kind = "licence";
    d.licenceReviewDays = "45";
    d.source = "S1";
    d.items = {{"", ItemKind::Material, "cell"}, {"", ItemKind::Technology, "t_chem"}};
    return d;
}

bool hasIssue(const ControlEditCheck& c, const std::string& field, bool warning,
              const std::string& text = {}) {
    for (const auto& i : c.issues)
        if (i.field == field && i.warning == warning && i.message.find(text) != std::string::npos)
            return true;
    return false;
}

std::string issuesText(const ControlEditCheck& c) {
    std::string out;
    for (const auto& i : c.issues)
        out += i.field + (i.warning ? " (warning): " : ": ") + i.message + "\n";
    return out;
}

class ControlEditTest : public ::testing::Test {
protected:
    Dataset data = test::controlsTestData();
};

TEST_F(ControlEditTest, AValidDraftBecomesAControlWithItems) {
    const ControlEditCheck c = checkControlDraft(goodDraft(), data);
    ASSERT_TRUE(c.ok()) << issuesText(c);
    EXPECT_TRUE(c.issues.empty()) << issuesText(c);
    EXPECT_EQ(c.control->id, "C9");
    EXPECT_EQ(c.control->reference, "No. 9 of 2026");
    EXPECT_EQ(c.control->announced, Date::fromYmd(2026, 2, 1));
    EXPECT_EQ(c.control->effective, Date::fromYmd(2026, 3, 1));
    EXPECT_FALSE(c.control->end);
    EXPECT_EQ(c.control->kind, ControlKind::Licence);
    EXPECT_EQ(c.control->licenceReviewDays, 45);
    ASSERT_EQ(c.items.size(), 2u);
    EXPECT_EQ(c.items[0].controlId, "C9");
    EXPECT_EQ(c.items[1].itemKind, ItemKind::Technology);
}

TEST_F(ControlEditTest, FieldErrorsAreNamedByColumn) {
    ControlDraft d = goodDraft();
    d.id = "bad id";
    d.effective = "2026-02-30";
    d.kind = "ban";
    d.licenceReviewDays = "-3";
    d.title = "";
    const ControlEditCheck c = checkControlDraft(d, data);
    EXPECT_FALSE(c.ok());
    EXPECT_TRUE(hasIssue(c, "id", false, "bad id")) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "effective", false)) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "kind", false, "ban")) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "licence_review_days", false)) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "title", false)) << issuesText(c);
    // The items of a row that did not convert are not also "unknown control".
    EXPECT_FALSE(hasIssue(c, "items", false, "unknown control")) << issuesText(c);
}

TEST_F(ControlEditTest, ReferencesMustResolve) {
    ControlDraft d = goodDraft();
    d.issuer = "XXX";
    d.targetCountry = "ZZZ";
    d.items.push_back({"", ItemKind::Material, "unobtainium"});
    d.items.push_back({"", ItemKind::Technology, "cell"}); // a material, not a technology
    const ControlEditCheck c = checkControlDraft(d, data);
    EXPECT_FALSE(c.ok());
    EXPECT_TRUE(hasIssue(c, "issuer", false, "XXX")) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "target_country", false, "ZZZ")) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "items", false, "unobtainium")) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "items", false, "unknown technology 'cell'")) << issuesText(c);
}

TEST_F(ControlEditTest, StatusAndSeveralTargetCountries) {
    ControlDraft d = goodDraft();
    d.targetCountry = "KOR; DEU";
    d.status = "scheduled";
    ControlEditCheck c = checkControlDraft(d, data);
    ASSERT_TRUE(c.ok()) << issuesText(c);
    EXPECT_EQ(c.control->targetCountries, (std::vector<std::string>{"KOR", "DEU"}));
    EXPECT_EQ(c.control->status, ControlStatus::Scheduled);
    // Back to a draft: the list as the interchange writes it, the status by name.
    const ControlDraft again = draftFromControl(*c.control, c.items);
    EXPECT_EQ(again.targetCountry, "KOR;DEU");
    EXPECT_EQ(again.status, "scheduled");
    EXPECT_EQ(*checkControlDraft(again, data).control, *c.control);
    // Each target must be a country; the status one of two words.
    d.targetCountry = "KOR;ZZZ";
    d.status = "rumoured";
    c = checkControlDraft(d, data);
    EXPECT_FALSE(c.ok());
    EXPECT_TRUE(hasIssue(c, "status", false, "'rumoured' is not one of: confirmed, scheduled"))
        << issuesText(c);
    d.status = "";
    c = checkControlDraft(d, data);
    EXPECT_TRUE(hasIssue(c, "target_country", false, "unknown country 'ZZZ'")) << issuesText(c);
    // An empty status is the default.
    d.targetCountry = "";
    c = checkControlDraft(d, data);
    ASSERT_TRUE(c.ok()) << issuesText(c);
    EXPECT_EQ(c.control->status, ControlStatus::Confirmed);
    EXPECT_TRUE(c.control->targetCountries.empty());
}

TEST_F(ControlEditTest, IdsMustBeUniqueExceptTheOneBeingEdited) {
    ControlDraft d = goodDraft();
    d.id = "C1";
    EXPECT_TRUE(hasIssue(checkControlDraft(d, data), "id", false, "already exists"));
    const ControlEditCheck edit = checkControlDraft(d, data, std::string("C1"));
    EXPECT_TRUE(edit.ok()) << issuesText(edit);
    // Renaming C2 to C1 collides.
    EXPECT_FALSE(checkControlDraft(d, data, std::string("C2")).ok());
    // An item given twice.
    d.items.push_back(d.items.front());
    EXPECT_TRUE(hasIssue(checkControlDraft(d, data, std::string("C1")), "items", false));
}

TEST_F(ControlEditTest, WarningsDoNotStopASave) {
    ControlDraft d = goodDraft();
    d.announced = "2026-04-01"; // after effective
    d.end = "2026-02-15";       // before effective: never in force
    d.source = "S1; S404";
    d.items.clear();
    const ControlEditCheck c = checkControlDraft(d, data);
    ASSERT_TRUE(c.ok()) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "announced", true)) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "end", true, "never in force")) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "source", true, "S404")) << issuesText(c);
    EXPECT_FALSE(hasIssue(c, "source", true, "'S1'")) << issuesText(c);
    EXPECT_TRUE(hasIssue(c, "items", true)) << issuesText(c);
}

TEST_F(ControlEditTest, DraftOfAnExistingControlChecksClean) {
    const Control& c1 = data.controls.front();
    const ControlDraft d = draftFromControl(c1, itemsOfControl(data, "C1"));
    EXPECT_EQ(d.effective, "2024-01-01");
    EXPECT_EQ(d.announced, "2023-10-01");
    EXPECT_EQ(d.licenceReviewDays, "45");
    ASSERT_EQ(d.items.size(), 1u);
    const ControlEditCheck c = checkControlDraft(d, data, c1.id);
    ASSERT_TRUE(c.ok()) << issuesText(c);
    EXPECT_EQ(*c.control, c1);
}

TEST_F(ControlEditTest, ApplyInsertUpdateDelete) {
    const size_t controls = data.controls.size();
    const size_t items = data.controlItems.size();
    Control c9 = *checkControlDraft(goodDraft(), data).control;
    ASSERT_TRUE(applyControlEdit(data, std::nullopt, c9, {{"x", ItemKind::Material, "cell"}}));
    ASSERT_EQ(data.controls.size(), controls + 1);
    EXPECT_EQ(data.controls.back().id, "C9");
    EXPECT_EQ(data.controlItems.back().controlId, "C9"); // controlId replaced

    // Rename C1 to C1b: it keeps its place; its items move to the end under the new id.
    Control c1 = data.controls.front();
    c1.id = "C1b";
    ASSERT_TRUE(
        applyControlEdit(data, std::string("C1"), c1,
                         {{"", ItemKind::Material, "chem"}, {"", ItemKind::Material, "ore"}}));
    EXPECT_EQ(data.controls.front().id, "C1b");
    EXPECT_TRUE(itemsOfControl(data, "C1").empty());
    ASSERT_EQ(itemsOfControl(data, "C1b").size(), 2u);
    EXPECT_EQ(data.controlItems.back().itemId, "ore");
    EXPECT_EQ(data.controlItems.size(), items + 1 - 1 + 2);

    ASSERT_TRUE(applyControlEdit(data, std::string("C9"), std::nullopt, {}));
    EXPECT_EQ(data.controls.size(), controls);
    EXPECT_TRUE(itemsOfControl(data, "C9").empty());

    const Dataset before = data;
    EXPECT_FALSE(applyControlEdit(data, std::string("nope"), std::nullopt, {}));
    EXPECT_EQ(data, before);
}

} // namespace
} // namespace chokepoint::core::io
