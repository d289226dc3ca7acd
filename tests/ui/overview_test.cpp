// SPDX-License-Identifier: MIT
// The main window on the bundled workspace: KPI tiles against figures worked out here from
// the exposure engine's results and the raw data, charts following lens and date, linked
// selection from a chart click, drill-down, chart export.
#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <set>

#include <QApplication>
#include <QBarSet>
#include <QFontDatabase>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>
#include <QSvgRenderer>
#include <QTest>
#include <QXmlStreamReader>

#include "core/analysis/exposureengine.h"
#include "core/util/format.h"
#include "tests/support/referencecontrols.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/charts/chartpalette.h"
#include "ui/charts/donutchart.h"
#include "ui/charts/stackedbarchart.h"
#include "ui/detailsdock.h"
#include "ui/mainwindow.h"
#include "ui/models/chokepointmodel.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/pageregistry.h"
#include "ui/theme.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;
const core::Date kAsOf = *core::Date::parse("2025-08-01");

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// The five KPIs, worked out from the raw rows and the engine's per-node figures, without
// core::analysis::summarize.
struct Kpis {
    double revenueDependence = 0, spendAtRisk = 0;
    size_t over50 = 0, singleCountry = 0, controls = 0;
};

// f(s, m, self) of a tier-1 flow: 1 when the flow to us is exposed, else F(s, m).
double fToUs(const an::Network& net, const an::ExposureResult& r, const std::string& site,
             const std::string& m) {
    const auto node = size_t(net.findNode(net.sites.find(site), net.materials.find(m)));
    return r.exposedToUs[node] ? 1.0 : r.nodeF[node];
}

Kpis expectedKpis(const an::Network& net, const an::ExposureResult& r, core::Date asOf) {
    const core::Dataset& d = net.data();
    Kpis k;
    double revenue = 0, atRisk = 0;
    for (const auto& p : d.products) {
        if (!p.unitPrice)
            continue;
        double dep = 0;
        for (const auto& e : r.products)
            if (net.products.id(e.product) == p.id)
                dep = e.dependence;
        revenue += p.annualVolume * *p.unitPrice;
        atRisk += p.annualVolume * *p.unitPrice * dep;
    }
    k.revenueDependence = atRisk / revenue;
    std::map<std::string, std::set<std::string>> countriesOf; // our materials -> site countries
    std::map<std::string, std::string> siteCountry;
    for (const auto& s : d.sites)
        siteCountry[s.id] = s.country;
    for (const auto& l : d.supply) {
        if (!l.buyerSite.empty())
            continue;
        if (l.annualSpend)
            k.spendAtRisk += *l.annualSpend * fToUs(net, r, l.supplierSite, l.materialId);
        if (l.share > 0)
            countriesOf[l.materialId].insert(siteCountry[l.supplierSite]);
    }
    for (const auto& [m, countries] : countriesOf)
        k.singleCountry += countries.size() == 1 ? 1 : 0;
    for (const auto& e : r.materials)
        k.over50 += e.dependence > 0.5 ? 1 : 0;

    // Our network: materials in a BOM or bought directly, with their recipe inputs; sites
    // reached by following supply rows from us upstream, with their technologies.
    std::set<std::string> materials, sites;
    std::vector<std::string> todo;
    for (const auto& b : d.productBom)
        todo.push_back(b.materialId);
    for (const auto& l : d.supply)
        if (l.buyerSite.empty())
            todo.push_back(l.materialId);
    while (!todo.empty()) {
        const std::string m = todo.back();
        todo.pop_back();
        if (!materials.insert(m).second)
            continue;
        for (const auto& rec : d.recipes)
            if (rec.materialId == m)
                todo.push_back(rec.inputMaterialId);
    }
    std::set<std::pair<std::string, std::string>> seen; // (site, material) reached
    std::vector<std::pair<std::string, std::string>> frontier;
    for (const auto& l : d.supply)
        if (l.buyerSite.empty())
            frontier.push_back({l.supplierSite, l.materialId});
    while (!frontier.empty()) {
        const auto node = frontier.back();
        frontier.pop_back();
        if (!seen.insert(node).second)
            continue;
        sites.insert(node.first);
        for (const auto& rec : d.recipes)
            if (rec.materialId == node.second)
                for (const auto& l : d.supply)
                    if (l.buyerSite == node.first && l.materialId == rec.inputMaterialId)
                        frontier.push_back({l.supplierSite, l.materialId});
    }
    // A measure in force touches us (SPEC §3, v2) when it controls a flow of our chain (an
    // export of a listed material from the issuer to a destination it reaches), could control
    // unknown-origin supply of our chain (it lists the material or a recipe input of it,
    // reaches the buyer's destination from another country, and the issuer produces some of
    // that item or nobody is known to), or reaches a site of our chain abroad that uses a
    // listed technology from the issuer.
    const test::reference::ControlRules rules(d, asOf, false);
    auto inputsOf = [&](const std::string& m) {
        std::set<std::string> out, todo2{m};
        while (!todo2.empty()) {
            const std::string x = *todo2.begin();
            todo2.erase(todo2.begin());
            if (!out.insert(x).second)
                continue;
            for (const auto& rec : d.recipes)
                if (rec.materialId == x)
                    todo2.insert(rec.inputMaterialId);
        }
        return out;
    };
    // Purchases of our chain: (buyer, material, Σ share).
    std::map<std::pair<std::string, std::string>, double> purchases;
    for (const auto& l : d.supply)
        if (l.buyerSite.empty())
            purchases[{"", l.materialId}] += l.share;
    for (const auto& node : seen)
        for (const auto& rec : d.recipes)
            if (rec.materialId == node.second)
                purchases[{node.first, rec.inputMaterialId}] += 0.0;
    for (const auto& l : d.supply)
        if (!l.buyerSite.empty() && purchases.count({l.buyerSite, l.materialId}))
            purchases[{l.buyerSite, l.materialId}] += l.share;
    auto mayProduce = [&](const std::string& issuer, const std::string& m) {
        bool any = false;
        for (const auto& w : d.worldShares)
            if (w.materialId == m) {
                any = true;
                if (w.country == issuer && w.share > 0)
                    return true;
            }
        return !any;
    };
    for (const auto& c : d.controls) {
        if (asOf < c.effective || (c.end && !(asOf < *c.end)) ||
            c.status != core::ControlStatus::Confirmed)
            continue;
        auto lists = [&](core::ItemKind kind, const std::string& item) {
            for (const auto& ci : d.controlItems)
                if (ci.controlId == c.id && ci.itemKind == kind && ci.itemId == item)
                    return true;
            return false;
        };
        bool touches = false;
        for (const auto& l : d.supply) {
            if (!purchases.count({l.buyerSite, l.materialId}))
                continue;
            const std::string to = rules.destination(l.buyerSite);
            if (rules.countryOf(l.supplierSite) == c.issuer &&
                lists(core::ItemKind::Material, l.materialId) && to != c.issuer &&
                rules.reaches(c, to))
                touches = true;
        }
        for (const auto& [purchase, share] : purchases) {
            if (share >= 1.0 - 1e-9)
                continue;
            const std::string to = rules.destination(purchase.first);
            for (const auto& m : inputsOf(purchase.second))
                if (lists(core::ItemKind::Material, m) && to != c.issuer && rules.reaches(c, to) &&
                    mayProduce(c.issuer, m))
                    touches = true;
        }
        for (const auto& st : d.siteTechnologies) {
            const std::string where = rules.countryOf(st.siteId);
            if (sites.count(st.siteId) && st.sourceCountry == c.issuer && where != c.issuer &&
                lists(core::ItemKind::Technology, st.technologyId) && rules.reaches(c, where))
                touches = true;
        }
        k.controls += touches ? 1 : 0;
    }
    return k;
}

class OverviewTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_FALSE(QFontDatabase::families().isEmpty()) << "no fonts: text would be tofu";
        path = test::createBundledWorkspace(dir);
        auto ws = core::Workspace::open(path);
        ASSERT_TRUE(ws.ok());
        net = std::make_unique<an::Network>(std::move(*ws->load()));
        engine = std::make_unique<an::ExposureEngine>(*net);

        state.setAsOf(kAsOf);
        window = std::make_unique<MainWindow>(state);
        window->resize(1440, 900);
        window->show();
        state.openWorkspace(QString::fromStdString(path));
        state.waitForIdle();
        QCoreApplication::processEvents();
        page = qobject_cast<OverviewPage*>(window->page(pageid::overview));
        ASSERT_NE(page, nullptr);
    }
    void TearDown() override { window.reset(); }

    void expectTiles(an::Lens lens, core::Date asOf) {
        const Kpis k = expectedKpis(*net, engine->compute(lens, asOf), asOf);
        EXPECT_EQ(page->tile(OverviewPage::RevenueDependence)->valueText(),
                  qs(core::formatPercent(k.revenueDependence)));
        EXPECT_EQ(page->tile(OverviewPage::SpendAtRisk)->valueText(),
                  qs(core::formatMoney(k.spendAtRisk)));
        EXPECT_EQ(page->tile(OverviewPage::MaterialsOverHalf)->valueText(),
                  QString::number(k.over50));
        EXPECT_EQ(page->tile(OverviewPage::SingleCountry)->valueText(),
                  QString::number(k.singleCountry));
        EXPECT_EQ(page->tile(OverviewPage::Controls)->valueText(), QString::number(k.controls));
    }

    // The dependence chart's bars against the engine's figures for the same lens and date.
    void expectDependenceChart(an::Lens lens, core::Date asOf) {
        const auto r = engine->compute(lens, asOf);
        StackedBarChart* chart = page->dependenceChart();
        ASSERT_EQ(chart->categoryCount(), int(r.materials.size())); // 10 < kMaxMaterials
        const QVector<double> direct = chart->values(0), deeper = chart->values(1);
        double previous = 2.0;
        for (int i = 0; i < chart->categoryCount(); ++i) {
            const an::Index m = net->materials.find(chart->categoryKey(i).toStdString());
            const an::MaterialExposure* e = nullptr;
            for (const auto& x : r.materials)
                if (x.material == m)
                    e = &x;
            ASSERT_NE(e, nullptr);
            EXPECT_NEAR(direct[i], e->directShare, 1e-12);
            EXPECT_NEAR(direct[i] + deeper[i], e->dependence, 1e-12);
            EXPECT_LE(e->dependence, previous + 1e-12); // most dependent first
            previous = e->dependence;
        }
    }

    test::TempDir dir;
    std::string path;
    std::unique_ptr<an::Network> net;
    std::unique_ptr<an::ExposureEngine> engine;
    AppState state;
    std::unique_ptr<MainWindow> window;
    OverviewPage* page = nullptr;
};

TEST_F(OverviewTest, KpiTilesMatchTheEngine) {
    expectTiles(an::Lens::Location, kAsOf);
    expectDependenceChart(an::Lens::Location, kAsOf);
    // The reference cut-off (bundled profile.csv: 2026-01-30) and the date are on the page;
    // 2025-08-01 is before the cut-off, so nothing is said about scheduled measures.
    EXPECT_TRUE(page->contextText().contains(
        QStringLiteral("reference data checked up to <b>2026-01-30</b>")))
        << page->contextText().toStdString();
    EXPECT_TRUE(page->contextText().contains(QStringLiteral("2025-08-01")));
    EXPECT_FALSE(page->contextText().contains(QStringLiteral("scheduled")));
    // The donut's slices are our tier-1 spend by site country: China's is the sum of our
    // spend at sites located in China.
    double china = 0;
    for (const auto& l : net->data().supply)
        if (l.buyerSite.empty() && l.annualSpend &&
            net->data().sites[size_t(net->sites.find(l.supplierSite))].country == "CHN")
            china += *l.annualSpend;
    DonutChart* donut = page->countryChart();
    const int i = donut->sliceIndex(QStringLiteral("CHN"));
    ASSERT_GE(i, 0);
    EXPECT_NEAR(donut->values()[i], china, 1e-6);
}

TEST_F(OverviewTest, ChartsFollowLensAndDate) {
    const QVector<double> before = page->dependenceChart()->values(0);
    state.setLens(an::Lens::Owned);
    state.waitForIdle();
    expectTiles(an::Lens::Owned, kAsOf);
    expectDependenceChart(an::Lens::Owned, kAsOf);

    // Controlled lens before any control (2023-01-01) and now: the figures move with the date.
    state.setLens(an::Lens::Controlled);
    const core::Date early = *core::Date::parse("2023-01-01");
    state.setAsOf(early);
    state.waitForIdle();
    expectTiles(an::Lens::Controlled, early);
    expectDependenceChart(an::Lens::Controlled, early);
    const QString earlyControls = page->tile(OverviewPage::Controls)->valueText();
    state.setAsOf(kAsOf);
    state.waitForIdle();
    expectTiles(an::Lens::Controlled, kAsOf);
    EXPECT_NE(page->tile(OverviewPage::Controls)->valueText(), earlyControls);
    EXPECT_NE(page->dependenceChart()->values(0), before);
}

TEST_F(OverviewTest, ProductFilterLimitsRevenue) {
    Filters f = state.filters();
    f.productId = QStringLiteral("nw_cargo");
    state.setFilters(f);
    state.waitForIdle();
    const auto r = engine->compute(an::Lens::Location, kAsOf);
    const an::Index cargo = net->products.find("nw_cargo");
    double dep = 0;
    for (const auto& p : r.products)
        if (p.product == cargo)
            dep = p.dependence;
    EXPECT_EQ(page->tile(OverviewPage::RevenueDependence)->valueText(),
              qs(core::formatPercent(dep)));
    EXPECT_EQ(page->productChart()->categoryCount(), 1);
}

TEST_F(OverviewTest, ClickingABarSelectsTheMaterialEverywhere) {
    StackedBarChart* chart = page->dependenceChart();
    ASSERT_GT(chart->categoryCount(), 0);
    const QString top = chart->categoryKey(0); // the most dependent material
    const QPoint at = chart->barCenter(1, 0);  // its deeper-tier part
    QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, at);
    EXPECT_EQ(state.selection(), (Selection{SelectionKind::Material, top}));
    EXPECT_EQ(chart->selectedKey(), top);
    // The chokepoints table selects the same material (it is the top chokepoint).
    EXPECT_EQ(page->chokepointTable()->currentKey(), QStringLiteral("material:") + top);
    // The details dock shows it, with the paths from the engine's explanation.
    const QString details = window->detailsDock()->plainText();
    EXPECT_TRUE(details.contains(
        qs(net->data().materials[size_t(net->materials.find(top.toStdString()))].name)));
    EXPECT_TRUE(details.contains(QStringLiteral("Paths carrying the dependence")));

    // Hover shows the exact values. The first selection opened the details dock, so the
    // chart is narrower now: the bar is found again where it is.
    QTest::qWait(30);
    QTest::mouseMove(chart->viewport(), chart->barCenter(0, 0));
    QTest::mouseMove(chart->viewport(), chart->barCenter(1, 0));
    EXPECT_TRUE(chart->tipText().contains(QStringLiteral("Deeper tiers")));

    // Selecting a site row in the table selects the site; the bars lose their highlight.
    auto* model = page->chokepointModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString key = model->key(row);
        if (!key.startsWith(QStringLiteral("site:")))
            continue;
        page->chokepointTable()->selectKey(key);
        Q_EMIT page->chokepointTable()->keySelected(key);
        EXPECT_EQ(state.selection().kind, SelectionKind::Site);
        EXPECT_TRUE(chart->selectedKey().isEmpty());
        break;
    }
}

TEST_F(OverviewTest, DoubleClickDrillsDown) {
    StackedBarChart* chart = page->dependenceChart();
    QTest::mouseDClick(chart->viewport(), Qt::LeftButton, {}, chart->barCenter(1, 0));
    EXPECT_EQ(window->currentPageId(), pageid::materials);
    window->showPage(pageid::overview);
    Q_EMIT page->productChart()->itemActivated(QStringLiteral("nw_breeze"));
    EXPECT_EQ(state.filters().productId, QStringLiteral("nw_breeze"));
}

TEST_F(OverviewTest, ClickingASliceSelectsTheCountry) {
    DonutChart* donut = page->countryChart();
    const int i = donut->sliceIndex(QStringLiteral("CHN"));
    ASSERT_GE(i, 0);
    QTest::mouseClick(donut->viewport(), Qt::LeftButton, {}, donut->sliceCenter(i));
    EXPECT_EQ(state.selection(), (Selection{SelectionKind::Country, QStringLiteral("CHN")}));
    EXPECT_EQ(donut->selectedKey(), QStringLiteral("CHN"));
}

// China has one colour in every chart: the risk colour of the tier and country bars, in the
// spend donut too (0.1.0: blue there), in both palettes and while selected; the legend beside
// the ring is as wide as its longest entry (0.1.0: "Poland 21...." at 1280 x 800).
TEST_F(OverviewTest, ChinaKeepsTheRiskColourAndTheLegendReadsInFull) {
    window->resize(1280, 800);
    QTest::qWait(50);
    DonutChart* donut = page->countryChart();
    const int china = donut->sliceIndex(QStringLiteral("CHN"));
    ASSERT_GE(china, 0);
    for (const Theme theme : {Theme::Light, Theme::Dark}) {
        window->setTheme(theme);
        QCoreApplication::processEvents();
        const QColor risk = ChartPalette::forPalette(QApplication::palette()).risk;
        EXPECT_EQ(donut->series()->slices()[china]->brush().color(), risk);
        for (int i = 0; i < donut->sliceCount(); ++i) {
            if (i != china) {
                EXPECT_NE(donut->series()->slices()[i]->brush().color(), risk) << i;
            }
        }
        QTest::mouseClick(donut->viewport(), Qt::LeftButton, {}, donut->sliceCenter(china));
        QCoreApplication::processEvents();
        ASSERT_EQ(donut->selectedKey(), QStringLiteral("CHN"));
        EXPECT_EQ(donut->series()->slices()[china]->brush().color(), risk);
        state.clearSelection();
    }
    window->setTheme(Theme::Light);
    QLegend* legend = donut->chart()->legend();
    const QFontMetrics fm(legend->font());
    for (QLegendMarker* marker : legend->markers()) {
        if (!marker->isVisible())
            continue;
        EXPECT_GE(legend->geometry().width(), fm.horizontalAdvance(marker->label()) + fm.height())
            << marker->label().toStdString();
    }
}

TEST_F(OverviewTest, ExportsChartsAsPngAndSvg) {
    StackedBarChart* chart = page->dependenceChart();
    const QString png = QString::fromStdString(dir.file("dependence.png"));
    const QString svg = QString::fromStdString(dir.file("dependence.svg"));
    QString error;
    ASSERT_TRUE(chart->exportTo(png, &error)) << error.toStdString();
    ASSERT_TRUE(chart->exportTo(svg, &error)) << error.toStdString();
    EXPECT_FALSE(chart->exportTo(QString::fromStdString(dir.file("x.bmp")), &error));

    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_GE(image.width(), 400);
    EXPECT_GE(image.height(), 300);
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 20u) << "the image is (nearly) blank";

    QSvgRenderer renderer(svg);
    EXPECT_TRUE(renderer.isValid());
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int textElements = 0;
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            ++textElements;
        if (xml.isCharacters())
            text += xml.text();
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(textElements, 5);
    EXPECT_TRUE(text.contains(QStringLiteral("China dependence by material")));
    EXPECT_TRUE(text.contains(QStringLiteral("Direct (tier 1)")));
}

TEST_F(OverviewTest, LegendTogglesASeries) {
    StackedBarChart* chart = page->dependenceChart();
    const auto markers = chart->chart()->legend()->markers();
    ASSERT_EQ(markers.size(), 2);
    const double first = chart->barSet(1)->at(chart->categoryCount() - 1);
    chart->toggleMarker(markers[1]);
    for (int i = 0; i < chart->barSet(1)->count(); ++i)
        EXPECT_EQ(chart->barSet(1)->at(i), 0.0);
    chart->toggleMarker(markers[1]);
    EXPECT_EQ(chart->barSet(1)->at(chart->categoryCount() - 1), first);
}

} // namespace
} // namespace chokepoint::ui
