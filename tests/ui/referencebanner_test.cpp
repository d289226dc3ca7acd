// SPDX-License-Identifier: MIT
// Time after the data (SPEC §3, §6): the banner above the pages appears only when the as-of
// date is after the profile's reference cut-off (bundled profile.csv: 2026-01-30), says up to
// when the data was checked, and its "Assume scheduled measures" toggle recomputes the figures.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QStatusBar>
#include <QTest>

#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/filterbar.h"
#include "ui/mainwindow.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/pageregistry.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/referencebanner.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;

class ReferenceBannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = test::createBundledWorkspace(dir);
        state.setAsOf(*core::Date::parse("2025-08-01"));
        window = std::make_unique<MainWindow>(state);
        window->resize(1280, 800);
        window->show();
        state.openWorkspace(QString::fromStdString(path));
        state.waitForIdle();
        banner = window->referenceBanner();
        ASSERT_NE(banner, nullptr);
    }
    // Types a date into the filter bar's date field, as a person does.
    void typeDate(const QString& iso) {
        QDateEdit* edit = window->filterBar()->dateEdit();
        edit->setDate(QDate::fromString(iso, Qt::ISODate));
        QTest::keyClick(edit, Qt::Key_Enter);
        state.waitForIdle();
        QCoreApplication::processEvents();
    }
    QString statusText() const {
        auto* label = window->statusBar()->findChild<QLabel*>(QStringLiteral("statusText"));
        return label ? label->text() : QString();
    }
    KpiTile* controlsTile() const {
        for (KpiTile* t : window->page(pageid::overview)->findChildren<KpiTile*>())
            if (t->title() == QStringLiteral("Controls in force touching us"))
                return t;
        return nullptr;
    }

    test::TempDir dir;
    std::string path;
    AppState state;
    std::unique_ptr<MainWindow> window;
    ReferenceBanner* banner = nullptr;
};

TEST_F(ReferenceBannerTest, OnlyAfterTheCutOff) {
    // 2025-08-01 and the cut-off day itself: the data was checked, no banner.
    EXPECT_FALSE(banner->isVisible());
    EXPECT_TRUE(statusText().contains(QStringLiteral("reference data checked up to 2026-01-30")))
        << statusText().toStdString();
    EXPECT_FALSE(statusText().contains(QStringLiteral("vintage")));
    typeDate(QStringLiteral("2026-01-30"));
    EXPECT_EQ(state.filters().asOf, *core::Date::parse("2026-01-30"));
    EXPECT_FALSE(banner->isVisible());

    // The day after: the banner, its words and the toggle, off by default.
    typeDate(QStringLiteral("2026-01-31"));
    ASSERT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("Reference data checked up to 2026-01-30")))
        << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(
        QStringLiteral("measures dated after it are scheduled, not confirmed")));
    EXPECT_TRUE(banner->assumeScheduledBox()->isVisible());
    EXPECT_TRUE(banner->assumeScheduledBox()->isEnabled());
    EXPECT_FALSE(banner->assumeScheduledBox()->isChecked());
    EXPECT_TRUE(statusText().contains(QStringLiteral("scheduled measures not counted")));

    // Above the pages, across the window's central area, not over the filter bar.
    const QRect bannerRect(banner->mapTo(window.get(), QPoint(0, 0)), banner->size());
    QWidget* overview = window->page(pageid::overview);
    EXPECT_LE(bannerRect.bottom(), overview->mapTo(window.get(), QPoint(0, 0)).y());
    EXPECT_GE(bannerRect.top(), window->filterBar()->mapTo(window.get(), QPoint(0, 0)).y() +
                                    window->filterBar()->height());

    // Back before the cut-off: gone again.
    typeDate(QStringLiteral("2025-12-31"));
    EXPECT_FALSE(banner->isVisible());
}

// 2026-12-07: after the scheduled resumptions of 11 and 28 November 2026 (bundled
// controls.csv, status scheduled: EC06-R, EC11-R … EC16-R). Unconfirmed, they do not count;
// assumed, EC14-R (lithium batteries, cathode materials, the NCM pouch cell we buy) touches
// our chain and the "controls in force" tile names it.
TEST_F(ReferenceBannerTest, TheToggleRecomputesTheFigures) {
    state.setLens(an::Lens::Controlled);
    typeDate(QStringLiteral("2026-12-07"));
    ASSERT_TRUE(banner->isVisible());
    KpiTile* tile = controlsTile();
    ASSERT_NE(tile, nullptr);
    const QString offTip = tile->toolTip(), offCount = tile->valueText();
    EXPECT_FALSE(offTip.contains(QStringLiteral("-R:"))) << offTip.toStdString();
    // Seven resumptions are due by then (EC06-R 28 Nov, EC11-R … EC16-R 11 Nov), uncounted.
    EXPECT_TRUE(
        tile->captionText().contains(QStringLiteral("7 scheduled due, unconfirmed, not counted")))
        << tile->captionText().toStdString();
    const auto offSummary = state.summary();
    ASSERT_TRUE(offSummary);
    EXPECT_FALSE(offSummary->assumeScheduled);

    QTest::mouseClick(banner->assumeScheduledBox(), Qt::LeftButton);
    state.waitForIdle();
    QCoreApplication::processEvents();
    EXPECT_TRUE(state.filters().assumeScheduled);
    ASSERT_TRUE(state.summary());
    EXPECT_TRUE(state.summary()->assumeScheduled);
    EXPECT_TRUE(tile->toolTip().contains(QStringLiteral("EC14-R:")))
        << tile->toolTip().toStdString();
    // The value counts confirmed measures (the same as before); the scheduled ones are apart.
    EXPECT_EQ(tile->valueText(), offCount);
    EXPECT_TRUE(tile->captionText().contains(QStringLiteral("scheduled, assumed")))
        << tile->captionText().toStdString();
    EXPECT_TRUE(banner->text().contains(QStringLiteral("counted as in force")));
    EXPECT_TRUE(statusText().contains(QStringLiteral("scheduled measures assumed")));

    // Off again: the figures of before.
    QTest::mouseClick(banner->assumeScheduledBox(), Qt::LeftButton);
    state.waitForIdle();
    QCoreApplication::processEvents();
    EXPECT_FALSE(state.filters().assumeScheduled);
    EXPECT_EQ(tile->valueText(), offCount);
    EXPECT_EQ(tile->toolTip(), offTip);
}

// Another workspace starts with the option off (SPEC §3: off by default); a reload keeps it.
TEST_F(ReferenceBannerTest, OffForAnotherWorkspace) {
    typeDate(QStringLiteral("2026-12-07"));
    state.setAssumeScheduled(true);
    state.waitForIdle();
    state.reload();
    state.waitForIdle();
    EXPECT_TRUE(state.filters().assumeScheduled);
    const std::string other = test::createBundledWorkspace(dir, "other.chokepoint");
    state.openWorkspace(QString::fromStdString(other));
    state.waitForIdle();
    EXPECT_FALSE(state.filters().assumeScheduled);
    EXPECT_FALSE(banner->assumeScheduledBox()->isChecked());
}

} // namespace
} // namespace chokepoint::ui
