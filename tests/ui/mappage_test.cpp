// SPDX-License-Identifier: MIT
// The Map page on the bundled workspace, driven as a person drives it: what it shows for the
// filters and the selection (checked against the raw tables), hover tooltips with exact
// figures, click-to-select linked with the details dock, zoom and pan, export, palettes.
#include <gtest/gtest.h>
#include <map>
#include <set>

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QImage>
#include <QLocale>
#include <QPushButton>
#include <QSvgRenderer>
#include <QTest>
#include <QTextBrowser>
#include <QWheelEvent>

#include "core/store/workspace.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/detailsdock.h"
#include "ui/mainwindow.h"
#include "ui/map/mapview.h"
#include "ui/pages/mappage.h"
#include "ui/pages/pageregistry.h"
#include "ui/theme.h"

namespace chokepoint::ui {
namespace {

namespace cm = core::map;
const core::Date kAsOf = *core::Date::parse("2025-08-01");

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// The sites our supply chain reaches, walked on the raw rows: what we buy, then for each
// (site, material) reached, the suppliers of that site for the material's recipe inputs.
std::set<std::string> chainSites(const core::Dataset& d) {
    std::multimap<std::string, std::string> inputs; // material -> input material
    for (const auto& r : d.recipes)
        inputs.emplace(r.materialId, r.inputMaterialId);
    std::set<std::pair<std::string, std::string>> seen;
    std::vector<std::pair<std::string, std::string>> stack;
    for (const auto& l : d.supply)
        if (l.buyerSite.empty())
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
    std::set<std::string> sites;
    for (const auto& n : seen)
        sites.insert(n.first);
    return sites;
}

class MapPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_FALSE(QFontDatabase::families().isEmpty()) << "no fonts: text would be tofu";
        path = test::createBundledWorkspace(dir);
        auto ws = core::Workspace::open(path);
        ASSERT_TRUE(ws.ok());
        data = std::move(*ws->load());
        state.setAsOf(kAsOf);
        window = std::make_unique<MainWindow>(state);
        window->resize(1440, 900);
        window->show();
        state.openWorkspace(qs(path));
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
        state.waitForIdle();
        QCoreApplication::processEvents();
        page->waitForIdle();
        QCoreApplication::processEvents();
    }
    int32_t siteIndex(const std::string& id) const {
        for (size_t i = 0; i < data.sites.size(); ++i)
            if (data.sites[i].id == id)
                return int32_t(i);
        return -1;
    }
    double ourSpend(const std::string& site) const {
        double sum = 0;
        for (const auto& l : data.supply)
            if (l.buyerSite.empty() && l.supplierSite == site)
                sum += l.annualSpend.value_or(0.0);
        return sum;
    }
    // Zooms onto one site, so that its marker stands alone.
    QPointF showSite(const std::string& id) {
        state.setSelection({SelectionKind::Site, qs(id)});
        settle();
        page->fitButton()->click();
        QCoreApplication::processEvents();
        const QPointF at = view->sitePosition(siteIndex(id));
        EXPECT_FALSE(at.isNull()) << id;
        EXPECT_EQ(view->hitAt(at).kind, MapHit::Kind::Site) << id;
        return at;
    }

    test::TempDir dir;
    std::string path;
    core::Dataset data;
    AppState state;
    std::unique_ptr<MainWindow> window;
    MapPage* page = nullptr;
    MapView* view = nullptr;
};

TEST_F(MapPageTest, ShowsTheWholeChainUnderTheFilters) {
    const std::set<std::string> chain = chainSites(data);
    std::set<std::string> shown;
    for (const cm::MapSite& s : view->scene()->sites)
        shown.insert(data.sites[size_t(s.site)].id);
    EXPECT_EQ(shown, chain);
    EXPECT_EQ(chain.size(), 80u); // 84 sites, of which 4 are only alternatives or unused
    EXPECT_TRUE(page->contextText().contains(QStringLiteral("80")));

    // Country filter: only the chain behind our Chinese tier-1 suppliers; its tier-1 sites
    // are all in China.
    Filters f = state.filters();
    f.country = QStringLiteral("CHN");
    state.setFilters(f);
    settle();
    ASSERT_FALSE(view->scene()->sites.empty());
    EXPECT_LT(view->scene()->sites.size(), chain.size());
    for (const cm::MapSite& s : view->scene()->sites) {
        if (s.tier == 1) {
            EXPECT_EQ(data.sites[size_t(s.site)].country, "CHN") << data.sites[size_t(s.site)].id;
        }
    }
}

TEST_F(MapPageTest, HoverShowsExactFigures) {
    const QPointF at = showSite("jadeway_debrecen");
    QTest::mouseMove(view, at.toPoint());
    QCoreApplication::processEvents();
    const QString tip = view->tipText();
    EXPECT_TRUE(tip.contains(QStringLiteral("Jadeway cell plant, Debrecen"))) << tip.toStdString();
    // Our two purchases from Debrecen, $205,920,000 + $39,375,000 in supply.csv.
    ASSERT_DOUBLE_EQ(ourSpend("jadeway_debrecen"), 245295000.0);
    EXPECT_TRUE(tip.contains(QStringLiteral("$245,295,000"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Hungary"))) << tip.toStdString();

    // Over China: the country's exact tier-1 spend, from the raw rows.
    double china = 0;
    for (const auto& l : data.supply)
        if (l.buyerSite.empty())
            for (const auto& s : data.sites)
                if (s.id == l.supplierSite && s.country == "CHN")
                    china += l.annualSpend.value_or(0.0);
    view->fitWorld();
    const auto atlas = bundledAtlas();
    const cm::AtlasCountry* chn = atlas->find("CHN");
    // A point of China off every marker: its centroid's parallel, walked west.
    QPointF over;
    for (double dx = 0; dx < 0.5 && over.isNull(); dx += 0.01) {
        const QPointF p = view->transform().toScreen({chn->centroid.x - dx, chn->centroid.y});
        if (view->hitAt(p).kind == MapHit::Kind::Country && view->hitAt(p).country == "CHN")
            over = p;
    }
    ASSERT_FALSE(over.isNull());
    QTest::mouseMove(view, over.toPoint());
    QCoreApplication::processEvents();
    EXPECT_TRUE(view->tipText().contains(QStringLiteral("<b>China</b>")))
        << view->tipText().toStdString();
    EXPECT_TRUE(view->tipText().contains(QStringLiteral("$") +
                                         QLocale(QLocale::English).toString(china, 'f', 0)))
        << view->tipText().toStdString() << " expected " << china;
}

TEST_F(MapPageTest, ClickSelectsSitesAndCountriesEverywhere) {
    const QPointF at = showSite("minjiang_ningde");
    state.clearSelection();
    QCoreApplication::processEvents();
    QTest::mouseClick(view, Qt::LeftButton, {}, at.toPoint());
    settle();
    EXPECT_EQ(state.selection(),
              (Selection{SelectionKind::Site, QStringLiteral("minjiang_ningde")}));
    EXPECT_EQ(view->selectedSite(), siteIndex("minjiang_ningde"));
    auto* details = window->findChild<DetailsDock*>();
    ASSERT_NE(details, nullptr);
    EXPECT_TRUE(
        details->findChild<QTextBrowser*>()->toPlainText().contains(QStringLiteral("Minjiang")))
        << details->findChild<QTextBrowser*>()->toPlainText().toStdString();

    // A workspace country off every marker: click it.
    view->fitWorld();
    const auto atlas = bundledAtlas();
    QString clicked;
    for (const auto& c : data.countries) {
        const cm::AtlasCountry* a = atlas->find(c.iso3);
        ASSERT_NE(a, nullptr) << c.iso3;
        const QPointF p = view->transform().toScreen(a->centroid);
        const MapHit hit = view->hitAt(p);
        if (hit.kind == MapHit::Kind::Country && hit.country == qs(c.iso3)) {
            QTest::mouseClick(view, Qt::LeftButton, {}, p.toPoint());
            settle();
            clicked = qs(c.iso3);
            break;
        }
    }
    ASSERT_FALSE(clicked.isEmpty());
    EXPECT_EQ(state.selection(), (Selection{SelectionKind::Country, clicked}));
    EXPECT_EQ(view->selectedCountry(), clicked);

    // A selection made elsewhere shows on the map.
    state.setSelection({SelectionKind::Site, QStringLiteral("jadeway_debrecen")});
    QCoreApplication::processEvents();
    EXPECT_EQ(view->selectedSite(), siteIndex("jadeway_debrecen"));
}

TEST_F(MapPageTest, ZoomAroundTheCursorAndPanByDragging) {
    view->fitWorld();
    const double world = view->scale();
    const QPointF cursor(view->width() * 0.6, view->height() * 0.4);
    const cm::MapPoint under = view->transform().toMap(cursor);
    QWheelEvent wheel(cursor, view->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view, &wheel);
    EXPECT_NEAR(view->scale(), world * 1.25, 1e-9);
    const cm::MapPoint after = view->transform().toMap(cursor);
    EXPECT_NEAR(after.x, under.x, 1e-12);
    EXPECT_NEAR(after.y, under.y, 1e-12);

    view->zoomBy(4.0); // room to pan without reaching the edge of the world
    const QPointF origin = view->transform().origin;
    const QPoint from(view->width() / 2, view->height() / 2);
    QTest::mousePress(view, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 10; ++i)
        QTest::mouseMove(view, from + QPoint(10 * i, 4 * i));
    QTest::mouseRelease(view, Qt::LeftButton, {}, from + QPoint(100, 40));
    EXPECT_NEAR(view->transform().origin.x() - origin.x(), 100.0, 1e-9);
    EXPECT_NEAR(view->transform().origin.y() - origin.y(), 40.0, 1e-9);
    EXPECT_TRUE(state.selection().isEmpty()); // a drag is not a click

    // The keyboard zooms too; "Whole world" goes back.
    const double zoomed = view->scale();
    QTest::keyClick(view, Qt::Key_Minus);
    EXPECT_NEAR(view->scale(), zoomed / 1.5, 1e-9);
    page->worldButton()->click();
    EXPECT_NEAR(view->scale(), world, 1e-9);

    // Zoomed out, sites cluster; a click on a cluster zooms into it.
    const cm::MapMarkers& markers = view->markers();
    int cluster = -1;
    for (size_t i = 0; i < markers.markers.size() && cluster < 0; ++i)
        if (markers.markers[i].count > 1)
            cluster = int(i);
    ASSERT_GE(cluster, 0);
    EXPECT_LT(markers.markers.size(), view->scene()->sites.size());
    const QPointF c = view->transform().toScreen(markers.markers[size_t(cluster)].position);
    ASSERT_EQ(view->hitAt(c).kind, MapHit::Kind::Cluster);
    QTest::mouseClick(view, Qt::LeftButton, {}, c.toPoint());
    EXPECT_GT(view->scale(), world * 1.5);
}

TEST_F(MapPageTest, FlowsOfTheSelectedMaterialAndWorldShares) {
    const QString id = QStringLiteral("spherical_graphite");
    state.setSelection({SelectionKind::Material, id});
    settle();
    // We buy no spherical graphite: the arcs show its routes to us. Both links that deliver
    // it (Jixi to the anode plants in Changsha and Pohang) are among them, and every arc
    // leaves a site that delivers spherical graphite, its input natural graphite, or
    // something made with it (anode material, cells).
    const cm::MapScene* s = view->scene();
    ASSERT_FALSE(s->arcs.empty()) << page->contextText().toStdString();
    EXPECT_TRUE(page->contextText().contains(QStringLiteral("Spherical")))
        << page->contextText().toStdString();
    std::set<std::pair<std::string, std::string>> links;
    std::set<std::string> materials;
    for (const cm::MapArc& a : s->arcs) {
        EXPECT_GT(a.share, 0.0);
        links.insert({data.sites[size_t(a.fromSite)].id,
                      a.toSite < 0 ? std::string() : data.sites[size_t(a.toSite)].id});
        materials.insert(data.materials[size_t(a.material)].id);
    }
    EXPECT_TRUE(links.count({"innerrange_jixi", "innerrange_changsha"}));
    EXPECT_TRUE(links.count({"innerrange_jixi", "yeongil_pohang"}));
    EXPECT_TRUE(materials.count("spherical_graphite"));
    EXPECT_TRUE(materials.count("anode_material"));
    EXPECT_FALSE(materials.count("traction_motor")); // no graphite in a motor
    // World share of the material: China's value is its world_shares row.
    page->measureBox()->setCurrentIndex(
        page->measureBox()->findData(int(cm::CountryMeasure::WorldShare)));
    settle();
    double chinaShare = -1;
    for (const auto& w : data.worldShares)
        if (w.materialId == id.toStdString() && w.country == "CHN")
            chinaShare = w.share;
    ASSERT_GT(chinaShare, 0.0);
    size_t chn = 0;
    for (; chn < data.countries.size() && data.countries[chn].iso3 != "CHN"; ++chn)
        ;
    ASSERT_LT(chn, data.countries.size());
    ASSERT_TRUE(view->scene()->countries[chn].value);
    EXPECT_DOUBLE_EQ(*view->scene()->countries[chn].value, chinaShare);
    EXPECT_TRUE(view->legend().measureTitle.contains(QStringLiteral("World share of")));

    // Flows off: no arcs.
    page->flowsBox()->setChecked(false);
    settle();
    EXPECT_TRUE(view->scene()->arcs.empty());
}

// The hook for criticality: markers sized by another figure per site, named in the legend
// and the tooltips.
TEST_F(MapPageTest, MarkersSizedByAnotherFigure) {
    std::vector<double> sizes(data.sites.size(), 0.0);
    sizes[size_t(siteIndex("minjiang_ningde"))] = 7.5e8;
    page->setMarkerSizes(sizes, QStringLiteral("lost revenue"));
    settle();
    EXPECT_EQ(view->scene()->sizeName, "lost revenue");
    EXPECT_DOUBLE_EQ(view->scene()->sizeMax, 7.5e8);
    EXPECT_TRUE(view->legend().sizeText.contains(QStringLiteral("lost revenue")));
    const QPointF at = showSite("minjiang_ningde");
    QTest::mouseMove(view, at.toPoint());
    QCoreApplication::processEvents();
    EXPECT_TRUE(view->tipText().contains(QStringLiteral("lost revenue: $750,000,000")))
        << view->tipText().toStdString();
    page->setMarkerSizes({}, {});
    settle();
    EXPECT_EQ(view->scene()->sizeName, "tier-1 spend");
}

TEST_F(MapPageTest, ExportsPngAndSvgWithTitleAndLegend) {
    const std::string png = dir.file("map.png"), svg = dir.file("map.svg");
    QString error;
    ASSERT_TRUE(view->exportTo(qs(png), &error)) << error.toStdString();
    ASSERT_TRUE(view->exportTo(qs(svg), &error)) << error.toStdString();
    const QImage image(qs(png));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), view->size() * 2);
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 50u); // sea, land, shades, markers, arcs, text
    QSvgRenderer renderer(qs(svg));
    EXPECT_TRUE(renderer.isValid());
    const std::string text = test::readFile(svg);
    EXPECT_NE(text.find("Where our supply sits"), std::string::npos);
    EXPECT_NE(text.find("Located in China"), std::string::npos); // the legend
    EXPECT_FALSE(view->exportTo(qs(dir.file("map.jpg")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral(".png or .svg")));
}

TEST_F(MapPageTest, DarkPalette) {
    const MapPalette light = MapPalette::forPalette(view->palette());
    view->setPalette(themePalette(Theme::Dark));
    const MapPalette dark = MapPalette::forPalette(view->palette());
    EXPECT_TRUE(dark.dark);
    EXPECT_LT(dark.sea.lightness(), 60);
    EXPECT_GT(light.sea.lightness(), 200);
    // The view paints with the dark colours: much of it is dark sea, none of it light sea
    // (which corner is sea depends on the framing, so count instead of probing one pixel).
    const QImage shot = view->grab().toImage();
    int darkSea = 0, lightSea = 0, samples = 0;
    for (int y = 0; y < shot.height(); y += 5)
        for (int x = 0; x < shot.width(); x += 5, ++samples) {
            const QRgb px = QColor(shot.pixel(x, y)).rgb();
            darkSea += px == dark.sea.rgb();
            lightSea += px == light.sea.rgb();
        }
    EXPECT_GT(darkSea, samples / 10);
    EXPECT_EQ(lightSea, 0);
}

} // namespace
} // namespace chokepoint::ui
