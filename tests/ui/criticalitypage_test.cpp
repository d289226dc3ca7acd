// SPDX-License-Identifier: MIT
// The Criticality page on the worked example (tests/data/small-network, whose expected
// criticality at 2025-08-01 over 120 days is in expected-criticality-2025-08-01-h120.json):
// what a person sees in the table, the scatter and the TTS/TTR chart, clicking through the
// linked selection, "Stress this site" to a scenario draft, the country filter, the cache, and
// cancelling; the product and stage filters against a walk of the raw rows; a selected site's
// paths to our products in the details dock, worked out by hand from supply.csv.
#include <gtest/gtest.h>
#include <map>
#include <set>

#include <QAbstractItemModel>
#include <QCategoryAxis>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

#include "core/store/workspace.h"
#include "core/synth/generator.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/charts/scatterchart.h"
#include "ui/charts/survivalchart.h"
#include "ui/criticalityjobs.h"
#include "ui/detailsdock.h"
#include "ui/displayformat.h"
#include "ui/filterbar.h"
#include "ui/mainwindow.h"
#include "ui/pages/criticality/criticalitytablemodel.h"
#include "ui/pages/criticalitypage.h"
#include "ui/pages/pageregistry.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

const core::Date kAsOf = *core::Date::parse("2025-08-01");

// The supplying sites a product and a stage filter keep, walked on the raw rows: the
// product's materials and their recipe inputs at any depth; our purchases of them; then for
// each (site, material) reached, the site's purchases of the material's recipe inputs. A
// site counts when one of its reached (site, material) pairs has the stage.
std::set<std::string> chainSites(const core::Dataset& d, const std::string& product,
                                 std::optional<core::Stage> stage) {
    std::multimap<std::string, std::string> inputs; // material -> input material
    for (const auto& r : d.recipes)
        inputs.emplace(r.materialId, r.inputMaterialId);
    std::set<std::string> materials;
    std::vector<std::string> todo;
    for (const auto& b : d.productBom)
        if (b.productId == product)
            todo.push_back(b.materialId);
    while (!todo.empty()) {
        const std::string m = todo.back();
        todo.pop_back();
        if (!materials.insert(m).second)
            continue;
        const auto [lo, hi] = inputs.equal_range(m);
        for (auto it = lo; it != hi; ++it)
            todo.push_back(it->second);
    }
    std::set<std::pair<std::string, std::string>> seen;
    std::vector<std::pair<std::string, std::string>> stack;
    for (const auto& l : d.supply)
        if (l.buyerSite.empty() && materials.count(l.materialId))
            stack.emplace_back(l.supplierSite, l.materialId);
    while (!stack.empty()) {
        const auto node = stack.back();
        stack.pop_back();
        if (!seen.insert(node).second)
            continue;
        const auto [lo, hi] = inputs.equal_range(node.second);
        for (auto it = lo; it != hi; ++it)
            for (const auto& l : d.supply)
                if (l.buyerSite == node.first && l.materialId == it->second)
                    stack.emplace_back(l.supplierSite, l.materialId);
    }
    std::map<std::string, core::Stage> stageOf;
    for (const auto& m : d.materials)
        stageOf[m.id] = m.stage;
    std::set<std::string> sites;
    for (const auto& [site, material] : seen)
        if (!stage || stageOf[material] == *stage)
            sites.insert(site);
    return sites;
}

class CriticalityPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = dir.file("small.chokepoint");
        ASSERT_EQ(test::runChokepoint({"init", path, "--empty"}), 0);
        ASSERT_EQ(test::runChokepoint({"import", path, test::dataDir() + "/small-network/data"}),
                  0);
        state.setAsOf(kAsOf);
        window = std::make_unique<MainWindow>(state);
        window->resize(1440, 900);
        window->show();
        state.openWorkspace(QString::fromStdString(path));
        state.waitForIdle();
        page = qobject_cast<CriticalityPage*>(window->page(pageid::criticality));
        ASSERT_NE(page, nullptr);
        page->horizonBox()->setValue(120); // before the page is on show: nothing computed
        EXPECT_EQ(page->result(), nullptr);
        ASSERT_TRUE(window->showPage(pageid::criticality));
        page->waitForIdle();
        ASSERT_NE(page->result(), nullptr);
    }
    void TearDown() override { window.reset(); }

    QAbstractItemModel* model() const { return page->table()->model(); }
    std::set<std::string> rowSites() const {
        std::set<std::string> out;
        for (int r = 0; r < model()->rowCount(); ++r)
            out.insert(
                model()->index(r, 0).data(TableModel::KeyRole).toString().mid(5).toStdString());
        return out;
    }
    QString cell(int row, int column) const {
        return model()->index(row, column).data().toString();
    }
    int rowOf(const QString& key) const {
        for (int r = 0; r < model()->rowCount(); ++r)
            if (model()->index(r, 0).data(TableModel::KeyRole).toString() == key)
                return r;
        return -1;
    }
    void clickRow(int row) {
        const QRect rect = page->table()->visualRect(model()->index(row, 1));
        QTest::mouseClick(page->table()->viewport(), Qt::LeftButton, {}, rect.center());
    }

    test::TempDir dir;
    std::string path;
    AppState state;
    std::unique_ptr<MainWindow> window;
    CriticalityPage* page = nullptr;
};

} // namespace

TEST_F(CriticalityPageTest, TableShowsTheRankedSitesOfTheWorkedExample) {
    test::ModelChecker checker(model());
    // The expected file lists 87 supplying sites; s75, s0, s17 and s65 are at risk, in that
    // order, with TTS 47, 54, 61 and 57 days against the default TTR of 90.
    ASSERT_EQ(model()->rowCount(), 87);
    EXPECT_EQ(cell(0, CriticalityTableModel::Site), "Plant 75");
    EXPECT_EQ(cell(0, CriticalityTableModel::Tts), "47 days");
    EXPECT_EQ(cell(0, CriticalityTableModel::Ttr), "90 days (default)");
    EXPECT_EQ(cell(0, CriticalityTableModel::LostRevenue), "$49.5 m"); // 49,458,636
    EXPECT_EQ(cell(0, CriticalityTableModel::AtRisk), "yes");
    EXPECT_EQ(cell(3, CriticalityTableModel::Site), "Plant 65");
    EXPECT_EQ(cell(3, CriticalityTableModel::Tier), "2");
    EXPECT_EQ(cell(3, CriticalityTableModel::Spend), missingText()); // no direct spend
    EXPECT_EQ(cell(4, CriticalityTableModel::Tts), "> 120 days");
    EXPECT_EQ(cell(4, CriticalityTableModel::AtRisk), "no");
    EXPECT_TRUE(page->summaryLabel()->text().contains("4 of 87"))
        << page->summaryLabel()->text().toStdString();
    EXPECT_TRUE(page->summaryLabel()->text().contains("Plant 75"));
    EXPECT_FALSE(page->progressBar()->isVisible());

    // Sorting by lost revenue ascending puts a site without loss first.
    page->table()->sortByColumn(CriticalityTableModel::LostRevenue, Qt::AscendingOrder);
    EXPECT_EQ(cell(0, CriticalityTableModel::AtRisk), "no");
    page->table()->sortByColumn(CriticalityTableModel::Rank, Qt::AscendingOrder);
    EXPECT_EQ(cell(0, CriticalityTableModel::Site), "Plant 75");
}

TEST_F(CriticalityPageTest, ChartsShowSpendAgainstLossAndSurvivalAgainstRecovery) {
    ScatterChart* scatter = page->scatter();
    ASSERT_EQ(scatter->pointCount(), 87);
    EXPECT_FALSE(scatter->emptyTextShown());
    // The tier-2 s65 has no direct spend: it sits at the "no direct spend" position, left of
    // every tier-1 site, as high as its $14.4 m loss.
    int s65 = -1, s75 = -1;
    for (int i = 0; i < scatter->pointCount(); ++i) {
        if (scatter->point(i).key == "site:s65")
            s65 = i;
        if (scatter->point(i).key == "site:s75")
            s75 = i;
    }
    ASSERT_GE(s65, 0);
    ASSERT_GE(s75, 0);
    EXPECT_FALSE(scatter->point(s65).x.has_value());
    EXPECT_NEAR(scatter->point(s65).y, 14425642.70, 0.01);
    EXPECT_NEAR(scatter->point(s75).x.value(), 60120426.94, 0.01);
    EXPECT_LT(scatter->plotPosition(s65).x(), scatter->plotPosition(s75).x());
    EXPECT_TRUE(scatter->xAxis()->categoriesLabels().contains("tier 2+"));
    EXPECT_TRUE(scatter->tipFor(s65).contains("Plant 65"));
    EXPECT_TRUE(scatter->tipFor(s65).contains("no direct spend"));
    EXPECT_TRUE(scatter->tipFor(s65).contains("Tier 2"));

    // Clicking the point selects the site everywhere: the table row too.
    const QPointF at = scatter->chart()->mapToPosition(scatter->plotPosition(s65));
    QTest::mouseClick(scatter->viewport(), Qt::LeftButton, {}, scatter->mapFromScene(at));
    EXPECT_EQ(state.selection().kind, SelectionKind::Site);
    EXPECT_EQ(state.selection().id, "s65");
    EXPECT_EQ(page->table()->currentKey(), "site:s65");

    // TTS against TTR: the four sites that lose output within 120 days.
    SurvivalChart* survival = page->survival();
    ASSERT_EQ(survival->itemCount(), 4);
    EXPECT_EQ(survival->survivalValues(), (QVector<double>{47, 54, 61, 57}));
    EXPECT_EQ(survival->recoveryValues(), (QVector<double>{90, 90, 90, 90}));
    EXPECT_TRUE(survival->item(3).atRisk);
}

TEST_F(CriticalityPageTest, StressThisSiteOpensAScenarioDraft) {
    EXPECT_FALSE(page->stressButton()->isEnabled());
    const int row = rowOf("site:s65");
    ASSERT_GE(row, 0);
    clickRow(row);
    EXPECT_EQ(state.selection().id, "s65");
    ASSERT_TRUE(page->stressButton()->isEnabled());
    QSignalSpy drafts(&state, &AppState::scenarioDraftRequested);
    QTest::mouseClick(page->stressButton(), Qt::LeftButton);
    ASSERT_EQ(drafts.count(), 1);
    const QJsonObject s = QJsonDocument::fromJson(drafts.at(0).at(0).toString().toUtf8()).object();
    EXPECT_EQ(s["as_of"].toString(), "2025-08-01");
    EXPECT_EQ(s["horizon_days"].toInt(), 120);
    const QJsonObject shock = s["shocks"].toArray().at(0).toObject();
    EXPECT_EQ(shock["kind"].toString(), "stop");
    EXPECT_EQ(shock["duration_days"].toInt(), 90); // its TTR
    EXPECT_EQ(shock["select"].toObject()["sites"].toArray().at(0).toString(), "s65");
    EXPECT_EQ(window->currentPageId(), pageid::scenarios);
}

TEST_F(CriticalityPageTest, CountryFilterKeepsTheSitesThere) {
    // sites.csv of the example: s65 is the only at-risk site in Japan.
    Filters f = state.filters();
    f.country = "JPN";
    state.setFilters(f);
    page->waitForIdle();
    ASSERT_GT(model()->rowCount(), 0);
    for (int r = 0; r < model()->rowCount(); ++r)
        EXPECT_EQ(cell(r, CriticalityTableModel::Country), "JPN");
    EXPECT_EQ(cell(0, CriticalityTableModel::Site), "Plant 65");
    EXPECT_EQ(cell(0, CriticalityTableModel::Rank), "4"); // its rank over all sites
    EXPECT_EQ(page->scatter()->pointCount(), model()->rowCount());
    EXPECT_TRUE(page->summaryLabel()->text().contains("1 of"))
        << page->summaryLabel()->text().toStdString();
}

TEST_F(CriticalityPageTest, SettingsRecomputeAndComeBackFromTheCache) {
    const auto at120 = page->result();
    // A default TTR of 50: only s75 (TTS 47) is still at risk.
    page->recoveryBox()->setValue(50);
    page->waitForIdle();
    ASSERT_NE(page->result(), at120);
    EXPECT_EQ(page->result()->defaultRecoveryDays, 50);
    EXPECT_TRUE(page->summaryLabel()->text().contains("1 of 87"));
    page->recoveryBox()->setValue(90); // from the cache, at once
    EXPECT_EQ(page->result(), at120);
    // A new as-of date is a new computation.
    state.setAsOf(kAsOf.addDays(1));
    page->waitForIdle();
    ASSERT_NE(page->result(), nullptr);
    EXPECT_NE(page->result(), at120);
    EXPECT_EQ(page->result()->asOf, kAsOf.addDays(1));
}

TEST_F(CriticalityPageTest, CancelStopsTheComputation) {
    page->horizonBox()->setValue(200); // not cached: starts at once, the page is on show
    EXPECT_EQ(page->computeButton()->text(), "Cancel");
    EXPECT_TRUE(page->progressBar()->isVisible());
    QTest::mouseClick(page->computeButton(), Qt::LeftButton);
    page->waitForIdle();
    EXPECT_EQ(page->result(), nullptr);
    EXPECT_EQ(page->computeButton()->text(), "Compute");
    EXPECT_FALSE(page->progressBar()->isVisible());
    EXPECT_TRUE(page->summaryLabel()->text().startsWith("Cancelled"));
    QTest::mouseClick(page->computeButton(), Qt::LeftButton);
    page->waitForIdle();
    ASSERT_NE(page->result(), nullptr);
    EXPECT_EQ(page->result()->horizonDays, 200);
}

} // namespace chokepoint::ui

namespace chokepoint::ui {

TEST_F(CriticalityPageTest, ProductAndStageFiltersKeepTheirPartOfTheChain) {
    const core::Dataset d = test::datasetFromFolder(test::dataDir() + "/small-network/data");
    ASSERT_EQ(model()->rowCount(), 87);
    // Product 1 (p1) needs m0_0, made of m1_1 and m1_2, made of mining materials. Chosen in
    // the filter bar, as a person does.
    QComboBox* product = window->filterBar()->productBox();
    const int p1Entry = product->findData(QStringLiteral("p1"));
    ASSERT_GE(p1Entry, 0);
    product->setCurrentIndex(p1Entry);
    page->waitForIdle();
    ASSERT_EQ(state.filters().productId, "p1");
    const std::set<std::string> p1 = chainSites(d, "p1", std::nullopt);
    ASSERT_FALSE(p1.empty());
    ASSERT_LT(p1.size(), 87u);
    EXPECT_EQ(rowSites(), p1);
    EXPECT_EQ(page->scatter()->pointCount(), int(p1.size()));
    EXPECT_TRUE(page->summaryLabel()->text().contains(
        QStringLiteral(" of %1</b> supplying sites feeding Product 1").arg(p1.size())))
        << page->summaryLabel()->text().toStdString();
    // And the refining stage of that chain only.
    QComboBox* stage = window->filterBar()->stageBox();
    const int refiningEntry = stage->findData(int(core::Stage::Refining));
    ASSERT_GE(refiningEntry, 0);
    stage->setCurrentIndex(refiningEntry);
    page->waitForIdle();
    ASSERT_EQ(state.filters().stage, core::Stage::Refining);
    const std::set<std::string> refining = chainSites(d, "p1", core::Stage::Refining);
    ASSERT_FALSE(refining.empty());
    ASSERT_LT(refining.size(), p1.size());
    EXPECT_EQ(rowSites(), refining);
    EXPECT_TRUE(refining.count("s65")); // sells m1_1 (refining) to s0 and s17
    EXPECT_TRUE(page->summaryLabel()->text().contains("at the refining stage"))
        << page->summaryLabel()->text().toStdString();
    // The filters only choose what is shown: the same result, not a new computation.
    const auto result = page->result();
    QToolButton* clear = nullptr;
    for (QToolButton* b : window->filterBar()->findChildren<QToolButton*>())
        if (b->text() == "Clear filters")
            clear = b;
    ASSERT_NE(clear, nullptr);
    QTest::mouseClick(clear, Qt::LeftButton);
    page->waitForIdle();
    EXPECT_EQ(page->result(), result);
    EXPECT_EQ(model()->rowCount(), 87);
}

TEST_F(CriticalityPageTest, SelectedSiteShowsItsPathsToOurProductsInTheDock) {
    // supply.csv: s65 sells m1_1 to s0 (share 0.507505, lead 5), s17 (0.555113, lead 26),
    // s38 (0.290475, lead 40) and to five sites that sell nothing on. We buy m0_0 from s0
    // (0.328303, lead 43) and s17 (0.294651, lead 43), m0_1 from s38 (0.095372, lead 4).
    // Product 1 needs m0_0; no product needs m0_1. So three paths, heaviest first:
    //   s65 → s0 → us: 0.507505 × 0.328303 = 0.16662 (16.7 %)
    //   s65 → s17 → us: 0.555113 × 0.294651 = 0.16356 (16.4 %)
    //   s65 → s38 → us: 0.290475 × 0.095372 = 0.02770 (2.8 %)
    const int row = rowOf("site:s65");
    ASSERT_GE(row, 0);
    clickRow(row);
    ASSERT_EQ(state.selection().id, "s65");
    QCoreApplication::processEvents();
    const QString text = window->detailsDock()->plainText();
    EXPECT_TRUE(text.contains("How it reaches our products")) << text.toStdString();
    EXPECT_TRUE(text.contains("It feeds Product 1 through 3 of our direct suppliers, by 3 paths."))
        << text.toStdString();
    const QString first = percentText(0.16662) +
                          " of our Material m0_0: Plant 65 sells Material m1_1 to Plant 0 (" +
                          percentText(0.507505) +
                          " of its supply, lead time 5 days) → which sells Material m0_0 "
                          "to us (" +
                          percentText(0.328303) + " of our supply, lead time 43 days) → Product 1";
    EXPECT_TRUE(text.contains(first)) << text.toStdString() << "\nexpected " << first.toStdString();
    const qsizetype a = text.indexOf(percentText(0.16662) + " of our Material m0_0");
    const qsizetype b = text.indexOf(percentText(0.16356) + " of our Material m0_0");
    const qsizetype c = text.indexOf(percentText(0.02770) + " of our Material m0_1");
    EXPECT_GE(a, 0);
    EXPECT_GT(b, a);
    EXPECT_GT(c, b);
    EXPECT_FALSE(text.contains("more paths"));
}

TEST_F(CriticalityPageTest, SwitchingPagesKeepsTheResult) {
    const auto result = page->result();
    ASSERT_NE(result, nullptr);
    ASSERT_TRUE(window->showPage(pageid::overview));
    ASSERT_TRUE(window->showPage(pageid::criticality));
    EXPECT_FALSE(CriticalityJobs::of(state).isRunning()); // nothing recomputed
    EXPECT_EQ(page->result(), result);
    EXPECT_EQ(page->computeButton()->text(), "Compute");
    EXPECT_EQ(model()->rowCount(), 87);
}

} // namespace chokepoint::ui
