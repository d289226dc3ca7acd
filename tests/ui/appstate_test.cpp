// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <QSignalSpy>

#include "core/analysis/exposureengine.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;

class AppStateTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = QString::fromStdString(test::createBundledWorkspace(dir));
        state.setAsOf(core::Date::fromYmd(2025, 8, 1));
        state.openWorkspace(path);
        state.waitForIdle();
        ASSERT_TRUE(state.hasWorkspace());
    }
    test::TempDir dir;
    QString path;
    AppState state;
};

TEST_F(AppStateTest, LoadsAndComputesAllThreeLenses) {
    EXPECT_EQ(state.workspacePath(), path);
    const auto set = state.exposure();
    ASSERT_TRUE(set);
    EXPECT_EQ(set->network, state.network());
    EXPECT_EQ(set->asOf, core::Date::fromYmd(2025, 8, 1));
    const an::ExposureEngine engine(*state.network());
    for (const auto lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled}) {
        const auto fresh = engine.compute(lens, set->asOf);
        const auto& got = set->forLens(lens);
        EXPECT_EQ(got.lens, lens);
        ASSERT_EQ(got.materials.size(), fresh.materials.size());
        for (size_t i = 0; i < fresh.materials.size(); ++i)
            EXPECT_DOUBLE_EQ(got.materials[i].dependence, fresh.materials[i].dependence);
    }
    ASSERT_TRUE(state.summary());
    EXPECT_EQ(state.summary()->lens, an::Lens::Location);
}

TEST_F(AppStateTest, LensChangeReusesTheExposureDateChangeRecomputes) {
    const auto before = state.exposure();
    state.setLens(an::Lens::Owned);
    state.waitForIdle();
    EXPECT_EQ(state.exposure(), before); // same date: the three lenses are already there
    EXPECT_EQ(state.summary()->lens, an::Lens::Owned);
    state.setAsOf(core::Date::fromYmd(2024, 6, 1));
    state.waitForIdle();
    EXPECT_NE(state.exposure(), before);
    EXPECT_EQ(state.exposure()->asOf, core::Date::fromYmd(2024, 6, 1));
}

TEST_F(AppStateTest, LatestFiltersWin) {
    QSignalSpy ready(&state, &AppState::exposureReady);
    state.setLens(an::Lens::Owned);
    state.setAsOf(core::Date::fromYmd(2023, 1, 1));
    state.setLens(an::Lens::Controlled);
    state.setAsOf(core::Date::fromYmd(2025, 1, 1));
    state.waitForIdle();
    ASSERT_GE(ready.count(), 1);
    EXPECT_EQ(state.summary()->lens, an::Lens::Controlled);
    EXPECT_EQ(state.summary()->asOf, core::Date::fromYmd(2025, 1, 1));
    EXPECT_EQ(state.exposure()->asOf, core::Date::fromYmd(2025, 1, 1));
}

TEST_F(AppStateTest, SignalsOnlyOnChange) {
    QSignalSpy filters(&state, &AppState::filtersChanged);
    QSignalSpy selection(&state, &AppState::selectionChanged);
    state.setFilters(state.filters());
    state.setSelection({SelectionKind::Material, QStringLiteral("li_raw")});
    state.setSelection({SelectionKind::Material, QStringLiteral("li_raw")});
    EXPECT_EQ(filters.count(), 0);
    EXPECT_EQ(selection.count(), 1);
    state.clearSelection();
    EXPECT_EQ(selection.count(), 2);
    EXPECT_TRUE(state.selection().isEmpty());
}

TEST_F(AppStateTest, FiltersResolveToIndices) {
    Filters f = state.filters();
    f.productId = QStringLiteral("nw_meridian");
    f.country = QStringLiteral("KOR");
    f.stage = core::Stage::Cell;
    state.setFilters(f);
    const an::SummaryFilter sf = state.summaryFilter();
    EXPECT_EQ(sf.product, state.network()->products.find("nw_meridian"));
    EXPECT_EQ(sf.country, state.network()->countries.find("KOR"));
    EXPECT_EQ(sf.stage, core::Stage::Cell);
    f.productId = QStringLiteral("no_such_product");
    state.setFilters(f);
    EXPECT_EQ(state.summaryFilter().product, an::kNone);
}

TEST_F(AppStateTest, ReloadKeepsFiltersAndClearsSelection) {
    state.setLens(an::Lens::Controlled);
    state.setSelection({SelectionKind::Country, QStringLiteral("CHN")});
    QSignalSpy loaded(&state, &AppState::workspaceLoaded);
    state.reload();
    state.waitForIdle();
    EXPECT_EQ(loaded.count(), 1);
    EXPECT_EQ(state.filters().lens, an::Lens::Controlled);
    EXPECT_TRUE(state.selection().isEmpty());
    ASSERT_TRUE(state.summary());
}

} // namespace
} // namespace chokepoint::ui
