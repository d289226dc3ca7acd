// SPDX-License-Identifier: MIT
// The shell: page list and shortcuts, coming-soon pages, filter bar <-> AppState, settings,
// a workspace that cannot be opened.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/filterbar.h"
#include "ui/mainwindow.h"
#include "ui/pages/comingsoonpage.h"
#include "ui/pages/page.h"
#include "ui/pages/pageregistry.h"
#include "ui/workspaceactions.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        QSettings().clear();
        path = test::createBundledWorkspace(dir);
        window = std::make_unique<MainWindow>(state);
        window->show();
        state.openWorkspace(QString::fromStdString(path));
        state.waitForIdle();
    }
    test::TempDir dir;
    std::string path;
    AppState state;
    std::unique_ptr<MainWindow> window;
};

TEST_F(MainWindowTest, PagesInOrderWithShortcuts) {
    const QStringList expected = {pageid::overview,  pageid::map,      pageid::materials,
                                  pageid::suppliers, pageid::controls, pageid::scenarios,
                                  pageid::data};
    ASSERT_EQ(pageEntries().size(), size_t(expected.size()));
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    for (int i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(pageEntries()[size_t(i)].id, expected[i]);
        QTest::keyClick(window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        EXPECT_EQ(window->currentPageId(), expected[i]) << "Ctrl+" << i + 1;
    }
    // Every page is built: none is a placeholder any more, and each has its title.
    const QStringList titles = {QStringLiteral("Overview"),
                                QStringLiteral("Map"),
                                QStringLiteral("Materials"),
                                QStringLiteral("Suppliers"),
                                QStringLiteral("Technologies & Controls"),
                                QStringLiteral("Scenarios"),
                                QStringLiteral("Data")};
    for (int i = 0; i < expected.size(); ++i) {
        Page* p = window->page(expected[i]);
        ASSERT_NE(p, nullptr) << expected[i].toStdString();
        EXPECT_FALSE(p->isComingSoon()) << expected[i].toStdString();
        EXPECT_EQ(qobject_cast<ComingSoonPage*>(p), nullptr) << expected[i].toStdString();
        EXPECT_EQ(p->title(), titles[i]);
    }
    state.requestPage(pageid::suppliers);
    EXPECT_EQ(window->currentPageId(), pageid::suppliers);
}

TEST_F(MainWindowTest, FilterBarAndStateStayInStep) {
    FilterBar* bar = window->filterBar();
    QSignalSpy ready(&state, &AppState::exposureReady);
    bar->lensBox()->setCurrentIndex(bar->lensBox()->findData(int(an::Lens::Controlled)));
    EXPECT_EQ(state.filters().lens, an::Lens::Controlled);
    bar->dateEdit()->setDate(QDate(2024, 1, 15));
    EXPECT_EQ(state.filters().asOf, core::Date::fromYmd(2024, 1, 15));
    const int cargo = bar->productBox()->findData(QStringLiteral("nw_cargo"));
    ASSERT_GT(cargo, 0);
    bar->productBox()->setCurrentIndex(cargo);
    EXPECT_EQ(state.filters().productId, QStringLiteral("nw_cargo"));
    const int china = bar->countryBox()->findData(QStringLiteral("CHN"));
    ASSERT_GT(china, 0); // we buy from sites in China
    bar->countryBox()->setCurrentIndex(china);
    EXPECT_EQ(state.filters().country, QStringLiteral("CHN"));
    state.waitForIdle();
    EXPECT_GE(ready.count(), 1);
    ASSERT_TRUE(state.summary());
    EXPECT_EQ(state.summary()->lens, an::Lens::Controlled);
    EXPECT_EQ(state.summary()->asOf, core::Date::fromYmd(2024, 1, 15));
    EXPECT_EQ(state.summaryFilter().product, state.network()->products.find("nw_cargo"));

    // And the other way: state changes move the bar.
    Filters f = state.filters();
    f.productId.clear();
    f.stage = core::Stage::Cell;
    state.setFilters(f);
    EXPECT_EQ(bar->productBox()->currentIndex(), 0);
    EXPECT_EQ(bar->stageBox()->currentData().toInt(), int(core::Stage::Cell));
}

TEST_F(MainWindowTest, RemembersWorkspaceAndWindowState) {
    EXPECT_EQ(QSettings().value(QStringLiteral("lastWorkspace")).toString(),
              QFileInfo(QString::fromStdString(path)).absoluteFilePath());
    EXPECT_EQ(WorkspaceActions::recentWorkspaces().value(0),
              QFileInfo(QString::fromStdString(path)).absoluteFilePath());
    window->showPage(pageid::scenarios);
    window->close();
    QSettings settings;
    EXPECT_FALSE(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray().isEmpty());
    EXPECT_EQ(settings.value(QStringLiteral("mainWindow/page")).toString(), pageid::scenarios);

    AppState other;
    MainWindow again(other);
    again.restoreSettings();
    EXPECT_EQ(again.currentPageId(), pageid::scenarios);
}

// Every page fits beside the page list and the details dock on a 1280 x 800 screen: a
// page's minimum size is the window's, and a window wider than the screen cuts off the dock.
TEST_F(MainWindowTest, FitsA1280By800Screen) {
    state.waitForIdle();
    for (const PageEntry& e : pageEntries()) {
        ASSERT_TRUE(window->showPage(e.id));
        QCoreApplication::processEvents();
        EXPECT_LE(window->page(e.id)->minimumSizeHint().width(), 800) << e.id.toStdString();
    }
    EXPECT_LE(window->minimumSizeHint().width(), 1280);
    EXPECT_LE(window->minimumSizeHint().height(), 800);
}

TEST_F(MainWindowTest, DarkPaletteToggle) {
    window->setTheme(Theme::Dark);
    EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 128);
    EXPECT_TRUE(QSettings().value(QStringLiteral("view/dark")).toBool());
    window->setTheme(Theme::Light);
    EXPECT_GT(QApplication::palette().color(QPalette::Window).lightness(), 128);
}

TEST_F(MainWindowTest, BadWorkspaceReportsAnError) {
    AppState other;
    QSignalSpy failed(&other, &AppState::workspaceFailed);
    const std::string bogus = dir.write("bogus.chokepoint", "not a database");
    other.openWorkspace(QString::fromStdString(bogus));
    other.waitForIdle();
    ASSERT_EQ(failed.count(), 1);
    EXPECT_FALSE(failed[0][1].toString().isEmpty());
    EXPECT_FALSE(other.hasWorkspace());
}

TEST_F(MainWindowTest, CreatesWorkspacesThroughCore) {
    QString error;
    const QString empty = QString::fromStdString(dir.file("empty.chokepoint"));
    ASSERT_TRUE(window->workspaceActions()->createWorkspace(empty, false, &error))
        << error.toStdString();
    AppState other;
    other.openWorkspace(empty);
    other.waitForIdle();
    ASSERT_TRUE(other.hasWorkspace());
    EXPECT_TRUE(other.network()->data().empty());
    ASSERT_TRUE(other.summary());
    EXPECT_FALSE(other.summary()->revenueDependence); // no revenue: shown as "—"
}

} // namespace
} // namespace chokepoint::ui
