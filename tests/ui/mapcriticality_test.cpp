// SPDX-License-Identifier: MIT
// The Map page's "Size by: criticality lost revenue", driven as a person drives it, on a
// small network whose lost revenue is worked out by hand (as in tests/core/scenario/
// criticality_test.cpp's "two tiers deep", over the page's default horizon of 365 days and
// default recovery of 90):
//
//   one product, the car: 365 a year (1 a day) at $1,000, one cell each; 6 days of cells.
//   We buy all our cells from krA (Seoul; lead 3 days, $1 m a year; recovers in 10 days).
//   krA makes cells from cathodes bought half from cnA (Changsha; lead 4; recovers in 20)
//   and half from jpA (Tokyo; lead 2; no recovery_days: the default 90).
//   cnB (Shanghai) sells cathodes to krB (Busan), which sells nothing to us: off the chain.
//
//   jpA down on days 0..89: our cell supply is 0.5 on days 5..94 (2 + 3 days of lead); day
//     5 + k starts with 6 − 0.5 k cells, short once that is below 0.5: k ≥ 12, day 17.
//     Short on days 17..94: 78 days × half a car = 39 cars → $39,000.
//   cnA down on days 0..19: supply 0.5 on days 7..26, short on days 19..26: 8 × 0.5 = 4 cars
//     → $4,000.
//   krA down on days 0..9: supply 0 on days 3..12; the stock lasts days 3..8, short on days
//     9..12: 4 cars → $4,000.
//
// Marker radius (MapRenderer::markerRadius): 3.5 + 11.5 · √(size / largest size) pixels.
//   By spend: krA 15 (the only spend), cnA and jpA 3.5.
//   By lost revenue: jpA 15; cnA and krA 3.5 + 11.5 · √(4,000 / 39,000) = 7.18.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

#include "core/store/workspace.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/criticalityjobs.h"
#include "ui/mainwindow.h"
#include "ui/map/mapview.h"
#include "ui/pages/criticalitypage.h"
#include "ui/pages/mappage.h"
#include "ui/pages/pageregistry.h"

namespace chokepoint::ui {
namespace {

namespace cm = core::map;

core::Dataset twoTierNetwork() {
    return test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nKOR,Korea\nJPN,Japan\n"},
        {"materials", "id,name,stage\ncell,Cell,cell\ncathode,Cathode,cathode\n"},
        {"recipes", "material_id,input_material_id,qty_per_unit\ncell,cathode,1\n"},
        {"suppliers", "id,name,owner_country\nsupCN,CN Co,CHN\nsupKR,KR Co,KOR\nsupJP,JP Co,JPN\n"},
        {"sites", "id,supplier_id,country,name,lat,lon,recovery_days\n"
                  "krA,supKR,KOR,Seoul cells,37.57,126.98,10\n"
                  "krB,supKR,KOR,Busan cells,35.18,129.08,\n"
                  "cnA,supCN,CHN,Changsha cathodes,28.23,112.94,20\n"
                  "cnB,supCN,CHN,Shanghai cathodes,31.23,121.47,\n"
                  "jpA,supJP,JPN,Tokyo cathodes,35.68,139.69,\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,365,1000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend,lead_time_days\n"
                   ",cell,krA,1,1000000,3\nkrA,cathode,cnA,0.5,,4\nkrA,cathode,jpA,0.5,,2\n"
                   "krB,cathode,cnB,1,,0\n"},
        {"inventory", "material_id,days_on_hand\ncell,6\n"},
    });
}

class MapCriticalityTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = dir.file("twotier.chokepoint");
        {
            auto ws = core::Workspace::create(path);
            ASSERT_TRUE(ws.ok());
            ASSERT_TRUE(ws->write(twoTierNetwork(), core::WriteMode::Replace).ok());
        }
        state.setAsOf(*core::Date::parse("2025-08-01"));
        window = std::make_unique<MainWindow>(state);
        window->resize(1440, 900);
        window->show();
        state.openWorkspace(QString::fromStdString(path));
        state.waitForIdle();
        page = qobject_cast<MapPage*>(window->page(pageid::map));
        ASSERT_NE(page, nullptr);
        ASSERT_TRUE(window->showPage(pageid::map));
        settle();
        view = page->view();
        ASSERT_NE(view, nullptr);
        ASSERT_NE(view->scene(), nullptr);
    }
    void TearDown() override { window.reset(); }

    void settle() {
        for (int i = 0; i < 3; ++i) {
            state.waitForIdle();
            CriticalityJobs::of(state).waitForIdle();
            QCoreApplication::processEvents();
            page->waitForIdle();
            QCoreApplication::processEvents();
        }
    }
    int32_t site(const char* id) const { return state.network()->sites.find(id); }
    // The radius the map draws the site's marker with, at the current zoom level; the site
    // must stand alone in its marker.
    double radius(const char* id) const {
        const cm::MapScene* scene = view->scene();
        for (size_t i = 0; i < scene->sites.size(); ++i)
            if (scene->sites[i].site == site(id)) {
                const cm::MapMarker& m =
                    view->markers().markers[size_t(view->markers().markerOfSite[i])];
                EXPECT_EQ(m.count, 1u) << id;
                return MapRenderer::markerRadius(m, scene->sizeMax);
            }
        ADD_FAILURE() << id << " not on the map";
        return 0;
    }
    double sizeOf(const char* id) const {
        const cm::MapSite* s = view->scene()->findSite(site(id));
        return s ? s->size : -1.0;
    }
    // As a person picks it with the keyboard: focus the box, arrow down or up.
    void chooseSizeBy(int which) {
        QComboBox* box = page->sizeBox();
        box->setFocus();
        while (box->currentIndex() != which) {
            const int before = box->currentIndex();
            QTest::keyClick(box, which > before ? Qt::Key_Down : Qt::Key_Up);
            if (box->currentIndex() == before) {
                ADD_FAILURE() << "the arrow keys do not move the Size by box";
                return;
            }
        }
    }

    test::TempDir dir;
    std::string path;
    AppState state;
    std::unique_ptr<MainWindow> window;
    MapPage* page = nullptr;
    MapView* view = nullptr;
};

} // namespace

TEST_F(MapCriticalityTest, MarkersSizedByLostRevenueOnRequest) {
    // By spend at first: krA is our only spend.
    EXPECT_EQ(page->sizeBox()->currentIndex(), int(MapPage::SizeBySpend));
    EXPECT_EQ(page->sizeBox()->currentText(), "Spend");
    EXPECT_EQ(page->sizeBox()->itemText(MapPage::SizeByLostRevenue), "Lost revenue");
    ASSERT_EQ(view->scene()->sites.size(), 3u); // krA, cnA, jpA: cnB and krB are off the chain
    EXPECT_NEAR(radius("krA"), 15.0, 1e-9);
    EXPECT_NEAR(radius("jpA"), 3.5, 1e-9);
    EXPECT_NEAR(radius("cnA"), 3.5, 1e-9);
    EXPECT_TRUE(view->legend().sizeText.contains("tier-1 spend"));

    // Nothing computed yet: choosing lost revenue computes the criticality in the background.
    EXPECT_EQ(CriticalityJobs::of(state).current(), nullptr);
    chooseSizeBy(MapPage::SizeByLostRevenue);
    EXPECT_TRUE(CriticalityJobs::of(state).isRunning() ||
                CriticalityJobs::of(state).current() != nullptr);
    settle();
    ASSERT_NE(CriticalityJobs::of(state).current(), nullptr);
    EXPECT_FALSE(page->sizeProgress()->isVisible());
    EXPECT_FALSE(page->sizeCancelButton()->isVisible());

    EXPECT_DOUBLE_EQ(sizeOf("jpA"), 39000.0);
    EXPECT_DOUBLE_EQ(sizeOf("cnA"), 4000.0);
    EXPECT_DOUBLE_EQ(sizeOf("krA"), 4000.0);
    EXPECT_DOUBLE_EQ(view->scene()->sizeMax, 39000.0);
    const double small = 3.5 + 11.5 * std::sqrt(4000.0 / 39000.0); // 7.18
    EXPECT_NEAR(radius("jpA"), 15.0, 1e-9);
    EXPECT_NEAR(radius("cnA"), small, 1e-9);
    EXPECT_NEAR(radius("krA"), small, 1e-9);
    EXPECT_GT(radius("jpA"), radius("krA")); // the deep-tier site now outweighs our supplier

    // The legend and the context line say what the area means.
    EXPECT_TRUE(view->legend().sizeText.contains("lost revenue if it stops (criticality)"))
        << view->legend().sizeText.toStdString();
    EXPECT_TRUE(page->contextText().contains("Marker area: the revenue we would lose"))
        << page->contextText().toStdString();
    EXPECT_TRUE(page->contextText().contains("365 days")) << page->contextText().toStdString();

    // Hovering Tokyo shows the exact figure.
    view->fitSites();
    QCoreApplication::processEvents();
    const QPointF at = view->sitePosition(site("jpA"));
    ASSERT_FALSE(at.isNull());
    QTest::mouseMove(view, at.toPoint());
    QCoreApplication::processEvents();
    EXPECT_TRUE(view->tipText().contains("lost revenue if it stops (criticality): $39,000"))
        << view->tipText().toStdString();

    // Back to spend.
    chooseSizeBy(MapPage::SizeBySpend);
    settle();
    EXPECT_NEAR(radius("krA"), 15.0, 1e-9);
    EXPECT_NEAR(radius("jpA"), 3.5, 1e-9);
    EXPECT_TRUE(view->legend().sizeText.contains("tier-1 spend"));
}

TEST_F(MapCriticalityTest, ReusesTheCriticalityPagesResults) {
    // The Criticality page computes them (shown first); the map takes the same result.
    ASSERT_TRUE(window->showPage(pageid::criticality));
    auto* crit = qobject_cast<CriticalityPage*>(window->page(pageid::criticality));
    ASSERT_NE(crit, nullptr);
    crit->waitForIdle();
    QCoreApplication::processEvents();
    const auto result = crit->result();
    ASSERT_NE(result, nullptr);
    ASSERT_TRUE(window->showPage(pageid::map));
    chooseSizeBy(MapPage::SizeByLostRevenue);
    // From the cache at once: nothing runs.
    EXPECT_FALSE(CriticalityJobs::of(state).isRunning());
    EXPECT_EQ(CriticalityJobs::of(state).current(), result);
    settle();
    EXPECT_DOUBLE_EQ(sizeOf("jpA"), 39000.0);

    // A default recovery of 20 days on the Criticality page: jpA is down on days 0..19, supply
    // 0.5 on days 5..24, short on days 17..24: 8 × 0.5 = 4 cars → $4,000. The map follows.
    ASSERT_TRUE(window->showPage(pageid::criticality));
    crit->recoveryBox()->setValue(20);
    crit->waitForIdle();
    QCoreApplication::processEvents();
    ASSERT_TRUE(window->showPage(pageid::map));
    settle();
    EXPECT_DOUBLE_EQ(sizeOf("jpA"), 4000.0);
    EXPECT_DOUBLE_EQ(view->scene()->sizeMax, 4000.0);
    EXPECT_TRUE(page->contextText().contains("default recovery 20 days"))
        << page->contextText().toStdString();
}

TEST_F(MapCriticalityTest, CancelGoesBackToSpend) {
    chooseSizeBy(MapPage::SizeByLostRevenue);
    ASSERT_TRUE(CriticalityJobs::of(state).isRunning() ||
                CriticalityJobs::of(state).current() != nullptr);
    if (!CriticalityJobs::of(state).isRunning())
        GTEST_SKIP() << "finished before it could be cancelled";
    EXPECT_TRUE(page->sizeProgress()->isVisible());
    ASSERT_TRUE(page->sizeCancelButton()->isVisible());
    page->sizeCancelButton()->click(); // before the finished run is delivered
    settle();
    EXPECT_EQ(page->sizeBox()->currentIndex(), int(MapPage::SizeBySpend));
    EXPECT_FALSE(page->sizeCancelButton()->isVisible());
    EXPECT_TRUE(view->legend().sizeText.contains("tier-1 spend"));
}

} // namespace chokepoint::ui
