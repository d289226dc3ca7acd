// SPDX-License-Identifier: MIT
// The report document of the bundled data: every figure is recomputed here from the engines'
// raw results or straight from the data rows, by a different route than core/report takes.
#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <map>

#include "core/analysis/exposureengine.h"
#include "core/analysis/summary.h"
#include "core/io/bundled.h"
#include "core/report/reportbuilder.h"
#include "core/scenario/scenarioengine.h"
#include "core/scenario/scenarioparser.h"
#include "core/util/format.h"
#include "tests/core/report/reporttestutil.h"

namespace chokepoint::core::report {
namespace {

namespace an = analysis;
namespace sc = scenario;
using test::ReportFixture;

TEST_F(ReportFixture, SectionsComeInReportOrderWithTheirTitles) {
    ASSERT_EQ(doc().sections.size(), 9u);
    const std::vector<std::string> titles = {
        "Executive summary",    "Exposure by product",      "Exposure by material",
        "Exposure by supplier", "Export controls timeline", "Stress scenarios",
        "Critical sites",       "Map of the supply chain",  "Methodology and sources"};
    for (size_t i = 0; i < titles.size(); ++i)
        EXPECT_EQ(doc().sections[i].title, titles[i]);
    EXPECT_EQ(doc().title, "China exposure report");
    EXPECT_EQ(doc().workspaceName, "Northwind test");
    EXPECT_EQ(doc().asOf.toString(), "2025-08-01");
    EXPECT_EQ(doc().version, CHOKEPOINT_VERSION);
}

TEST_F(ReportFixture, HeadlineKpisMatchTheEngineFigures) {
    // Revenue dependence from the engine's product dependences and the data's prices.
    const an::ExposureResult r = engine().compute(an::Lens::Location, asOf());
    double revenue = 0.0, atRisk = 0.0;
    for (const an::ProductExposure& p : r.products) {
        const Product& prod = test::product(data(), net().products.id(p.product));
        revenue += prod.annualVolume * prod.unitPrice.value_or(0.0);
        atRisk += prod.annualVolume * prod.unitPrice.value_or(0.0) * p.dependence;
    }
    // Spend at risk: our purchase rows (buyer empty) with a spend, each times its supplier's f.
    double spendAtRisk = 0.0;
    for (const an::Index g : net().selfGroup)
        if (g != an::kNone)
            for (const an::Link& link : net().links(g)) {
                const SupplyLink& row = data().supply[link.row];
                if (row.annualSpend)
                    spendAtRisk += *row.annualSpend * r.f(net(), link);
            }
    size_t overHalf = 0;
    for (const auto& m : r.materials)
        overHalf += m.dependence > 0.5 ? 1 : 0;

    const Kpi& dep = test::kpi(doc(), "China dependence of revenue");
    EXPECT_NEAR(dep.value.number, atRisk / revenue, 1e-12);
    EXPECT_EQ(dep.value.display(), formatPercent(atRisk / revenue));
    EXPECT_NE(dep.detail.find(formatMoney(atRisk) + " of " + formatMoney(revenue)),
              std::string::npos);
    EXPECT_NEAR(test::kpi(doc(), "Spend at risk").value.number, spendAtRisk, 1e-6);
    EXPECT_EQ(test::kpi(doc(), "Materials over 50 % dependent").value.number, double(overHalf));
}

TEST_F(ReportFixture, ControlsTouchingUsAgreeBetweenSummaryAndTimeline) {
    // The KPI comes from summarize(); the timeline table from the report's own reach of the
    // chain. Both must name the same controls in force.
    const Table& controls = test::table(doc(), SectionId::Controls, "controls");
    std::vector<std::string> touching;
    for (const auto& row : controls.rows)
        // "nothing we use", possibly followed by "(+N other items)".
        if (row[5].text == "in force" && row[6].text.rfind("nothing we use", 0) != 0)
            touching.push_back(row[0].text);
    const an::Summary s = an::summarize(net(), engine().compute(an::Lens::Location, asOf()));
    std::vector<std::string> expected;
    for (const an::Index c : s.controlsInForce)
        expected.push_back(data().controls[size_t(c)].id);
    std::sort(touching.begin(), touching.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(touching, expected);
    EXPECT_EQ(test::kpi(doc(), "Controls in force touching us").value.number,
              double(expected.size()));
    EXPECT_EQ(controls.rows.size(), data().controls.size());
    EXPECT_FALSE(expected.empty());
}

TEST_F(ReportFixture, WorstScenarioIsTheLargestMeanLoss) {
    double worst = 0.0;
    for (const auto& s : scenarios())
        worst = std::max(worst, sc::runScenario(net(), s.scenario, {}).totalLostRevenue);
    EXPECT_GT(worst, 0.0);
    const Kpi& k = test::kpi(doc(), "Worst scenario: lost revenue");
    EXPECT_EQ(k.value.display(), formatMoney(worst));
}

TEST_F(ReportFixture, ScenarioProductLossesMatchTheEngine) {
    const Section& sec = test::section(doc(), SectionId::Scenarios);
    std::vector<const Table*> tables;
    for (const Block& b : sec.blocks)
        if (const auto* t = std::get_if<Table>(&b); t && t->id == "scenario-products")
            tables.push_back(t);
    ASSERT_EQ(tables.size(), scenarios().size());
    for (size_t i = 0; i < scenarios().size(); ++i) {
        const sc::ScenarioResult r = sc::runScenario(net(), scenarios()[i].scenario, {});
        ASSERT_EQ(tables[i]->rows.size(), r.products.size());
        for (size_t p = 0; p < r.products.size(); ++p) {
            const Product& prod = test::product(data(), r.products[p].id);
            EXPECT_EQ(tables[i]->rows[p][0].text, prod.name);
            EXPECT_EQ(tables[i]->rows[p][2].display(), formatMoney(r.products[p].lostRevenue));
            EXPECT_NEAR(tables[i]->rows[p][3].number,
                        r.products[p].lostRevenue / (prod.annualVolume * *prod.unitPrice), 1e-12);
        }
    }
}

TEST_F(ReportFixture, SupplierSpendIsSummedFromOurPurchaseRows) {
    std::map<std::string, double> spend; // supplier name -> our spend, from the rows
    std::map<std::string, std::string> supplierOfSite;
    for (const Site& s : data().sites)
        supplierOfSite[s.id] = s.supplierId;
    std::map<std::string, std::string> name;
    for (const Supplier& s : data().suppliers)
        name[s.id] = s.name;
    for (const SupplyLink& l : data().supply)
        if (l.buyerSite.empty())
            spend[name[supplierOfSite[l.supplierSite]]] += l.annualSpend.value_or(0.0);
    const Table& t = test::table(doc(), SectionId::Suppliers, "suppliers");
    ASSERT_EQ(t.rows.size(), spend.size());
    for (const auto& row : t.rows) {
        ASSERT_TRUE(spend.count(row[0].text)) << row[0].text;
        EXPECT_NEAR(row[4].number, spend[row[0].text], 1e-6) << row[0].text;
    }
    // Most spend at risk first.
    for (size_t i = 1; i < t.rows.size(); ++i)
        EXPECT_GE(t.rows[i - 1][6].number, t.rows[i][6].number);
}

TEST_F(ReportFixture, SurvivalTableDaysComeFromTheSupplySeries) {
    const sc::ScenarioResult r = sc::runScenario(net(), scenarios()[0].scenario, {});
    const Section& sec = test::section(doc(), SectionId::Scenarios);
    const Table* t = nullptr;
    for (const Block& b : sec.blocks)
        if (const auto* x = std::get_if<Table>(&b); x && x->id == "scenario-materials" && !t)
            t = x;
    ASSERT_TRUE(t);
    size_t row = 0;
    for (const auto& m : r.materials) {
        if (!(m.needPerDay > 0.0))
            continue;
        ASSERT_LT(row, t->rows.size());
        const auto& cells = t->rows[row++];
        EXPECT_EQ(cells[0].text, m.name);
        int last = -1;
        for (size_t d = 0; d < m.supply.size(); ++d)
            if (m.supply[d] < 1.0 - 1e-9)
                last = int(d);
        if (last < 0) {
            EXPECT_EQ(cells[5].display(), "\u2013");
        } else if (last + 1 < r.horizonDays) {
            EXPECT_EQ(cells[5].display(), "day " + std::to_string(last + 1));
        } else {
            EXPECT_EQ(cells[5].display(), "not in horizon");
        }
        if (m.firstShortfallDay) {
            EXPECT_EQ(cells[4].number, double(*m.firstShortfallDay));
        }
    }
    EXPECT_EQ(row, t->rows.size());
}

TEST_F(ReportFixture, SameInputsGiveTheSameDocument) {
    auto again = buildReport(net(), options());
    ASSERT_TRUE(again.ok()) << again.errorString();
    EXPECT_TRUE(*again == doc());
}

TEST_F(ReportFixture, MethodologyNamesSourcesVintageAndVersion) {
    const Table& about = test::table(doc(), SectionId::Methodology, "about");
    std::map<std::string, std::string> items;
    for (const auto& row : about.rows)
        items[row[0].text] += row[1].display() + ";";
    EXPECT_EQ(items["As-of date"], "2025-08-01;");
    EXPECT_EQ(items["Reference data vintage"], std::to_string(*data().referenceVintage()) + ";");
    EXPECT_EQ(items["Program"], "Chokepoint " CHOKEPOINT_VERSION ";");
    EXPECT_NE(items["Scenario"].find("rare-earth-magnets-april-2025.json"), std::string::npos);
    const Table& sources = test::table(doc(), SectionId::Methodology, "sources");
    ASSERT_EQ(sources.rows.size(), data().sources.size());
    EXPECT_EQ(sources.rows[0][0].text, data().sources[0].id);
    EXPECT_EQ(sources.rows[0][3].link, data().sources[0].url.value_or(""));
}

TEST_F(ReportFixture, ChosenSectionsOnlyAndErrors) {
    ReportOptions o = options();
    o.sections = {SectionId::Methodology, SectionId::Summary}; // given out of order
    auto doc2 = buildReport(net(), o);
    ASSERT_TRUE(doc2.ok());
    ASSERT_EQ(doc2->sections.size(), 2u);
    EXPECT_EQ(doc2->sections[0].id, SectionId::Summary);
    EXPECT_EQ(doc2->sections[1].id, SectionId::Methodology);

    o.sections.clear();
    EXPECT_FALSE(buildReport(net(), o).ok());

    ReportOptions cancelled = options();
    std::stop_source stop;
    stop.request_stop();
    cancelled.stop = stop.get_token();
    auto none = buildReport(net(), cancelled);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.errorString(), "cancelled");
}

TEST_F(ReportFixture, ProgressRunsFromZeroToOne) {
    ReportOptions o = options();
    std::vector<double> seen;
    o.progress = [&](double f, const std::string&) { seen.push_back(f); };
    ASSERT_TRUE(buildReport(net(), o).ok());
    ASSERT_GE(seen.size(), 3u);
    EXPECT_EQ(seen.front(), 0.0);
    EXPECT_EQ(seen.back(), 1.0);
    for (const double f : seen)
        EXPECT_TRUE(f >= 0.0 && f <= 1.0);
}

TEST(ReportCells, FormatsForPeople) {
    EXPECT_EQ(Cell::ofNumber(0.625, NumberFormat::Percent).display(), "62.5 %");
    EXPECT_EQ(Cell::ofNumber(1234567.0, NumberFormat::Money).display(), "$1.23 m");
    EXPECT_EQ(Cell::ofNumber(41.0, NumberFormat::Day).display(), "day 41");
    EXPECT_EQ(Cell::ofNumber(45.4, NumberFormat::Days).display(), "45 days");
    EXPECT_EQ(Cell::ofNumber(1234.5, NumberFormat::Plain).display(), "1,234.5");
    EXPECT_EQ(Cell::ofNumber(1234.0, NumberFormat::Plain).display(), "1,234");
    EXPECT_EQ(Cell::ofNumber(12345.0, NumberFormat::Count).display(), "12,345");
    EXPECT_EQ(Cell::ofNumber(std::nan(""), NumberFormat::Money).kind, Cell::Kind::Missing);
    EXPECT_EQ(Cell::ofNumber(std::optional<double>(), NumberFormat::Money).display(), "\u2014");
    EXPECT_EQ(Cell::ofDate(Date::fromYmd(2025, 8, 1)).display(), "2025-08-01");
    EXPECT_EQ(parseSectionKey("controls"), SectionId::Controls);
    EXPECT_FALSE(parseSectionKey("nope").has_value());
}

} // namespace
} // namespace chokepoint::core::report
