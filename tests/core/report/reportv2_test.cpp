// SPDX-License-Identifier: MIT
// The report under methodology v2 (SPEC §3, §7): after the reference cut-off it says so next to
// the figures and in the appendix, scheduled measures stay apart from confirmed ones (not
// counted unless assumed, dashed on the timeline, "scheduled, unconfirmed" in the status
// column), ranges stand next to the figures, world shares say what they measure, and the
// bundled example is marked as fictional. Expected values come from the data rows.
#include <gtest/gtest.h>

#include "core/io/bundled.h"
#include "core/report/reportbuilder.h"
#include "core/util/format.h"
#include "tests/core/report/reporttestutil.h"

namespace chokepoint::core::report {
namespace {

namespace an = analysis;

const Date kAfter = *Date::parse("2026-12-07"); // after the cut-off 2026-01-30 (profile.csv)

class ReportV2 : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto data = io::bundledDataset();
        ASSERT_TRUE(data.ok());
        s_net = std::make_unique<an::Network>(std::move(*data));
    }
    static void TearDownTestSuite() { s_net.reset(); }

    static ReportDocument build(Date asOf, bool assume, bool fictional = false) {
        ReportOptions o;
        o.workspaceName = "Northwind test";
        o.asOf = asOf;
        o.lens = an::Lens::Controlled;
        o.assumeScheduled = assume;
        o.fictionalData = fictional;
        o.sections = {SectionId::Summary, SectionId::Products, SectionId::Materials,
                      SectionId::Controls, SectionId::Methodology};
        auto doc = buildReport(*s_net, o);
        EXPECT_TRUE(doc.ok());
        return doc ? *doc : ReportDocument{};
    }
    static bool hasParagraph(const Section& s, const std::string& text) {
        for (const Block& b : s.blocks)
            if (const auto* p = std::get_if<Paragraph>(&b); p && p->text.find(text) != npos)
                return true;
        return false;
    }
    static std::string rowValue(const Table& t, const std::string& item) {
        for (const auto& row : t.rows)
            if (row[0].display() == item)
                return row[1].display();
        return {};
    }
    static constexpr size_t npos = std::string::npos;
    static inline std::unique_ptr<an::Network> s_net;
};

TEST_F(ReportV2, AfterTheCutOffTheReportSaysSoNextToTheFigures) {
    const ReportDocument doc = build(kAfter, false);
    const std::string note = "Reference data checked up to 2026-01-30; measures dated after it "
                             "are scheduled, not confirmed. These figures do not count them.";
    EXPECT_TRUE(hasParagraph(test::section(doc, SectionId::Summary), note));
    // Each exposure section's introduction, next to its figures.
    EXPECT_TRUE(hasParagraph(test::section(doc, SectionId::Products), note));
    EXPECT_TRUE(hasParagraph(test::section(doc, SectionId::Materials), note));
    const Table& about = test::table(doc, SectionId::Methodology, "about");
    EXPECT_EQ(rowValue(about, "Reference data checked up to"), "2026-01-30");
    EXPECT_NE(rowValue(about, "Scheduled measures").find("Not counted"), npos);

    // Assumed: the same place says they are counted.
    const ReportDocument assumed = build(kAfter, true);
    EXPECT_TRUE(hasParagraph(test::section(assumed, SectionId::Summary),
                             "These figures count scheduled measures as in force"));

    // Before the cut-off nothing is said about it (the appendix still gives the date).
    const ReportDocument before = build(*Date::parse("2025-08-01"), false);
    EXPECT_FALSE(hasParagraph(test::section(before, SectionId::Summary), "Reference data checked"));
    EXPECT_EQ(rowValue(test::table(before, SectionId::Methodology, "about"),
                       "Reference data checked up to"),
              "2026-01-30");
}

// Seven measures of bundled controls.csv are `scheduled`: EC06-R (effective 2026-11-28) and
// EC11-R … EC16-R (2026-11-11); all are dated in force at 2026-12-07.
TEST_F(ReportV2, ScheduledMeasuresStayApart) {
    size_t scheduled = 0;
    for (const Control& c : s_net->data().controls)
        scheduled += c.status == ControlStatus::Scheduled && c.effective <= kAfter;
    ASSERT_EQ(scheduled, 7u);

    const ReportDocument doc = build(kAfter, false);
    const Kpi& tile = test::kpi(doc, "Controls in force touching us");
    EXPECT_NE(tile.detail.find("7 scheduled measures due, unconfirmed, not counted"), npos)
        << tile.detail;
    const Table& controls = test::table(doc, SectionId::Controls, "controls");
    size_t rows = 0;
    for (const auto& row : controls.rows) {
        const bool isScheduled = row[0].display().size() > 2 &&
                                 row[0].display().substr(row[0].display().size() - 2) == "-R";
        if (!isScheduled)
            continue;
        ++rows;
        EXPECT_EQ(row[5].display(), "scheduled, unconfirmed") << row[0].display();
    }
    EXPECT_EQ(rows, 7u);
    // The timeline marks exactly those items as scheduled.
    for (const Block& b : test::section(doc, SectionId::Controls).blocks)
        if (const auto* c = std::get_if<Chart>(&b))
            if (const auto* t = std::get_if<TimelineChart>(&c->data)) {
                size_t dashed = 0;
                for (const auto& item : t->items) {
                    const bool r = item.label.find("-R ") != npos;
                    EXPECT_EQ(item.scheduled, r) << item.label;
                    dashed += item.scheduled;
                }
                EXPECT_EQ(dashed, 7u);
                EXPECT_EQ(t->scheduledName, "Scheduled, unconfirmed");
            }

    // Assumed: counted, and the controls section says that they are scheduled all the same.
    const ReportDocument assumed = build(kAfter, true);
    bool said = false;
    for (const Block& b : test::section(assumed, SectionId::Controls).blocks)
        if (const auto* p = std::get_if<Paragraph>(&b))
            said = said || p->text.find("of them scheduled, unconfirmed, counted") != npos;
    EXPECT_TRUE(said);
    for (const auto& row : test::table(assumed, SectionId::Controls, "controls").rows)
        if (row[0].display() == "EC14-R") {
            EXPECT_EQ(row[5].display(), "scheduled, unconfirmed"); // never "in force"
        }
}

TEST_F(ReportV2, RangesNextToTheFigures) {
    const ReportDocument doc = build(kAfter, false);
    const Table& products = test::table(doc, SectionId::Products, "product-ranges");
    // Columns: Product, Dependence, Range, Revenue at risk, Range. The range cell reads
    // "a–b %" with a <= b, and the point estimate lies within it; revenue at risk likewise.
    ASSERT_EQ(products.columns.size(), 5u);
    EXPECT_EQ(products.columns[2].title, "Range");
    EXPECT_EQ(products.rows.size(), s_net->data().products.size());
    for (const auto& row : products.rows) {
        const std::string range = row[2].display();
        const size_t dash = range.find("\u2013");
        ASSERT_NE(dash, npos) << range;
        const double lo = std::stod(range.substr(0, dash)) / 100.0;
        const double hi = std::stod(range.substr(dash + 3)) / 100.0;
        EXPECT_LE(lo, hi);
        EXPECT_LE(lo, row[1].number + 0.0005);
        EXPECT_GE(hi, row[1].number - 0.0005);
        EXPECT_NE(row[4].display().find("\u2013$"), npos) << row[4].display();
    }
    const Kpi& headline = test::kpi(doc, "China dependence of revenue");
    EXPECT_EQ(headline.detail.rfind("range ", 0), 0u) << headline.detail;
}

// The cells' China share is manufacturing capacity, all chemistries, 85 % (world_shares.csv,
// basis capacity, IEA): marked in the table, explained in the note.
TEST_F(ReportV2, WorldSharesSayWhatTheyMeasure) {
    const ReportDocument doc = build(*Date::parse("2025-08-01"), false);
    const Table& t = test::table(doc, SectionId::Materials, "materials");
    EXPECT_NE(t.note.find("China's world share measures something else than production for"), npos);
    EXPECT_NE(t.note.find("share of world production capacity"), npos);
    bool marked = false;
    for (const auto& row : t.rows)
        for (const Cell& c : row)
            marked = marked || c.display() == "85.0 % (capacity)";
    EXPECT_TRUE(marked);
}

TEST_F(ReportV2, FictionalExampleMarked) {
    const ReportDocument own = build(*Date::parse("2025-08-01"), false, false);
    EXPECT_EQ(own.fictionalNotice(), "");
    EXPECT_FALSE(hasParagraph(test::section(own, SectionId::Summary), "Fictional"));
    const ReportDocument example = build(*Date::parse("2025-08-01"), false, true);
    EXPECT_EQ(example.fictionalNotice(), "Fictional example data");
    EXPECT_TRUE(hasParagraph(test::section(example, SectionId::Summary),
                             "Fictional example data: the company"));
}

} // namespace
} // namespace chokepoint::core::report
