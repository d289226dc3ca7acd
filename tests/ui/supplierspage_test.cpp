// SPDX-License-Identifier: MIT
// The Suppliers page on the bundled workspace: supplier dependence against the command line's
// JSON, spend figures worked out from the raw supply rows, filters, drill-downs, the spend
// chart, the network view linked to the Materials table, and export.
#include <gtest/gtest.h>
#include <map>
#include <set>

#include <QBarSet>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLegend>
#include <QLegendMarker>
#include <QSvgRenderer>
#include <QTest>
#include <QToolButton>

#include "core/analysis/exposureengine.h"
#include "core/store/workspace.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/mainwindow.h"
#include "ui/pages/materials/supplymixcharts.h"
#include "ui/pages/materialspage.h"
#include "ui/pages/pageregistry.h"
#include "ui/pages/suppliers/keyfilterproxy.h"
#include "ui/pages/suppliers/networkpanel.h"
#include "ui/pages/suppliers/networkview.h"
#include "ui/pages/suppliers/sitetablemodel.h"
#include "ui/pages/suppliers/suppliertablemodel.h"
#include "ui/pages/supplierspage.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;
const core::Date kAsOf = *core::Date::parse("2025-08-01");

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

class SuppliersPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_FALSE(QFontDatabase::families().isEmpty()) << "no fonts: text would be tofu";
        path = dir.file("bundled.chokepoint");
        std::string err;
        ASSERT_EQ(test::runChokepoint({"init", path}, nullptr, &err), 0) << err;
        auto ws = core::Workspace::open(path);
        ASSERT_TRUE(ws.ok());
        net = std::make_unique<an::Network>(std::move(*ws->load()));
        engine = std::make_unique<an::ExposureEngine>(*net);

        state.setAsOf(kAsOf);
        window = std::make_unique<MainWindow>(state);
        window->resize(1440, 900);
        window->show();
        state.openWorkspace(qs(path));
        page = qobject_cast<SuppliersPage*>(window->page(pageid::suppliers));
        ASSERT_NE(page, nullptr);
        ASSERT_TRUE(window->showPage(pageid::suppliers));
        settle();
    }
    void TearDown() override { window.reset(); }

    void settle() {
        state.waitForIdle();
        QCoreApplication::processEvents();
        page->waitForIdle();
        QCoreApplication::processEvents();
    }
    // What a user's double-click delivers: press and release, then the double-click event
    // (QTest::mouseDClick alone sends only the last, which an item view takes as a press).
    void doubleClick(const QModelIndex& index) {
        const QPoint at = page->table()->visualRect(index).center();
        QTest::mouseClick(page->table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(page->table()->viewport(), Qt::LeftButton, {}, at);
    }
    const core::Dataset& data() const { return net->data(); }
    std::string siteCountry(const std::string& site) const {
        return data().sites[size_t(net->sites.find(site))].country;
    }
    std::string supplierOf(const std::string& site) const {
        return data().sites[size_t(net->sites.find(site))].supplierId;
    }
    double f(const an::ExposureResult& r, const std::string& site, const std::string& m) const {
        // f(s, m, self): our tier-1 flows.
        const auto node = size_t(net->findNode(net->sites.find(site), net->materials.find(m)));
        return r.exposedToUs[node] ? 1.0 : r.nodeF[node];
    }
    QVariant cell(TableModel* model, const QString& key, int column) const {
        const int row = model->rowForKey(key);
        EXPECT_GE(row, 0) << key.toStdString();
        return model->index(row, column).data(TableModel::SortRole);
    }
    std::set<std::string> siteRows() const {
        std::set<std::string> ids;
        for (int r = 0; r < page->siteModel()->rowCount(); ++r)
            ids.insert(page->siteModel()->key(r).mid(5).toStdString()); // "site:"
        return ids;
    }
    std::set<std::string> tierOneSites() const {
        std::set<std::string> ids;
        for (int r = 0; r < page->siteModel()->rowCount(); ++r)
            if (page->siteModel()->index(r, SiteTableModel::Tier).data(TableModel::SortRole) == 1)
                ids.insert(page->siteModel()->key(r).mid(5).toStdString());
        return ids;
    }

    test::TempDir dir;
    std::string path;
    std::unique_ptr<an::Network> net;
    std::unique_ptr<an::ExposureEngine> engine;
    AppState state;
    std::unique_ptr<MainWindow> window;
    SuppliersPage* page = nullptr;
};

TEST_F(SuppliersPageTest, SupplierFiguresMatchCliAndRawRows) {
    test::ModelChecker c1(page->supplierModel());
    test::ModelChecker c2(page->siteModel());
    test::ModelChecker c3(page->supplierProxy());
    test::ModelChecker c4(page->siteProxy());
    for (const char* lens : {"location", "owned", "controlled"}) {
        SCOPED_TRACE(lens);
        std::string out, err;
        ASSERT_EQ(test::runChokepoint({"exposure", path, "--lens", lens, "--as-of", "2025-08-01",
                                       "--format", "json"},
                                      &out, &err),
                  0)
            << err;
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(out)).object();
        const an::Lens l = *an::parseLens(lens);
        state.setLens(l);
        settle();
        // Supplier dependence: the command line's figure for every tier-1 supplier.
        const QJsonArray suppliers = json.value(QStringLiteral("suppliers")).toArray();
        ASSERT_FALSE(suppliers.isEmpty());
        for (const QJsonValue& v : suppliers) {
            const QJsonObject s = v.toObject();
            const QString key =
                QStringLiteral("supplier:") + s.value(QStringLiteral("id")).toString();
            EXPECT_DOUBLE_EQ(
                cell(page->supplierModel(), key, SupplierTableModel::Dependence).toDouble(),
                s.value(QStringLiteral("dependence")).toDouble())
                << key.toStdString();
            EXPECT_EQ(cell(page->supplierModel(), key, SupplierTableModel::Tier).toInt(), 1);
        }
        // Spend and spend at risk per supplier from the raw rows: Σ spend, Σ spend · f(s, m)
        // over our links to its sites.
        const an::ExposureResult r = engine->compute(l, kAsOf);
        std::map<std::string, std::pair<double, double>> bySupplier;
        for (const auto& link : data().supply) {
            if (!link.buyerSite.empty() || !link.annualSpend)
                continue;
            auto& [spend, risk] = bySupplier[supplierOf(link.supplierSite)];
            spend += *link.annualSpend;
            risk += *link.annualSpend * f(r, link.supplierSite, link.materialId);
        }
        std::string top;
        for (const auto& [id, figures] : bySupplier) {
            const QString key = QStringLiteral("supplier:") + qs(id);
            EXPECT_NEAR(cell(page->supplierModel(), key, SupplierTableModel::Spend).toDouble(),
                        figures.first, 1e-3);
            EXPECT_NEAR(
                cell(page->supplierModel(), key, SupplierTableModel::SpendAtRisk).toDouble(),
                figures.second, 1e-3);
            if (top.empty() || figures.second > bySupplier[top].second)
                top = id;
        }
        // Sorted by spend at risk (the default), the first row is whom to call first.
        ASSERT_EQ(page->mode(), SuppliersPage::Mode::Suppliers);
        EXPECT_EQ(page->table()->model()->index(0, 0).data(TableModel::KeyRole).toString(),
                  QStringLiteral("supplier:") + qs(top));
    }
}

// Under the location lens every site in China is exposed (f = 1), so China's spend is all at
// risk: minjiang_ningde 168,480,000 + minjiang_yibin 91,875,000 + eastdrive_changzhou
// 67,575,000 + taihu_wuxi 15,750,000 + redbasin_golmud 14,700,000 = 358,380,000.
TEST_F(SuppliersPageTest, SpendChartByCountry) {
    SupplyMixChart* chart = page->spendChart();
    const int china = chart->categoryIndex(QStringLiteral("CHN"));
    ASSERT_GE(china, 0);
    EXPECT_NEAR(chart->values(0)[china], 358380000.0, 1e-3);
    EXPECT_NEAR(chart->values(1)[china], 0.0, 1e-3);
    // Poland: seorak_wroclaw's NCM cells, 314,640,000, at risk by its inputs only.
    const int poland = chart->categoryIndex(QStringLiteral("POL"));
    ASSERT_GE(poland, 0);
    EXPECT_NEAR(chart->values(0)[poland] + chart->values(1)[poland], 314640000.0, 1e-3);
    const an::ExposureResult r = engine->compute(an::Lens::Location, kAsOf);
    EXPECT_NEAR(chart->values(0)[poland], 314640000.0 * f(r, "seorak_wroclaw", "cell_ncm_pouch"),
                1e-3);
    // Click selects the country; double-click makes it the country filter.
    chart->clickCategory(china);
    EXPECT_EQ(state.selection(), (Selection{SelectionKind::Country, QStringLiteral("CHN")}));
    Q_EMIT chart->itemActivated(QStringLiteral("CHN"));
    settle();
    EXPECT_EQ(state.filters().country, QStringLiteral("CHN"));
    EXPECT_EQ(chart->categoryCount(), 1);
    // Legend toggles hide a series.
    const auto markers = chart->chart()->legend()->markers();
    ASSERT_EQ(markers.size(), 2);
    chart->toggleMarker(markers[0]);
    EXPECT_DOUBLE_EQ(chart->barSet(0)->at(0), 0.0);
    chart->toggleMarker(markers[0]);
    EXPECT_NEAR(chart->barSet(0)->at(0), 358380000.0, 1e-3);
}

TEST_F(SuppliersPageTest, FiltersRestrictRows) {
    // Country China: the tier-1 sites are exactly our suppliers' sites located in China.
    Filters f = state.filters();
    f.country = QStringLiteral("CHN");
    state.setFilters(f);
    settle();
    std::set<std::string> chinaTier1;
    for (const auto& l : data().supply)
        if (l.buyerSite.empty() && siteCountry(l.supplierSite) == "CHN")
            chinaTier1.insert(l.supplierSite);
    EXPECT_EQ(tierOneSites(), chinaTier1);
    EXPECT_FALSE(siteRows().count("seorak_wroclaw"));
    EXPECT_TRUE(siteRows().count("lotusbay_jingmen")); // Minjiang Ningde's cathode

    // Product Cargo (LMFP cells): Minjiang Yibin is in. Seorak Wroclaw sells us NCM cells
    // (Meridian only) but is listed in alternatives.csv for LMFP cells, so it stays in as an
    // alternative only, with no tier; its tier-2 NCM cathode plant in Nysa is out.
    f.country.clear();
    f.productId = QStringLiteral("nw_cargo");
    state.setFilters(f);
    settle();
    EXPECT_TRUE(siteRows().count("minjiang_yibin"));
    ASSERT_TRUE(siteRows().count("seorak_wroclaw"));
    EXPECT_EQ(cell(page->siteModel(), QStringLiteral("site:seorak_wroclaw"), SiteTableModel::Tier)
                  .toInt(),
              kAlternativeTierSort);
    EXPECT_FALSE(siteRows().count("gyeongbuk_nysa"));

    // Stage cell: the cell makers we buy from are tier 1.
    f.productId.clear();
    f.stage = core::Stage::Cell;
    state.setFilters(f);
    settle();
    std::set<std::string> cellSites;
    for (const auto& l : data().supply)
        if (l.buyerSite.empty() && l.materialId.rfind("cell_", 0) == 0)
            cellSites.insert(l.supplierSite);
    EXPECT_EQ(tierOneSites(), cellSites);
    EXPECT_FALSE(siteRows().count("voltaro_schweinfurt")); // motors
    EXPECT_TRUE(siteRows().count("iberiacell_navarra"));   // an alternative for LFP cells
    EXPECT_EQ(
        cell(page->siteModel(), QStringLiteral("site:iberiacell_navarra"), SiteTableModel::Tier)
            .toInt(),
        kAlternativeTierSort);
}

TEST_F(SuppliersPageTest, SupplierDrillsDownToItsSites) {
    page->table()->selectKey(QStringLiteral("supplier:jadeway"));
    const QModelIndex index = page->table()->currentIndex();
    ASSERT_TRUE(index.isValid());
    doubleClick(index);
    QCoreApplication::processEvents();
    EXPECT_EQ(state.selection(), (Selection{SelectionKind::Supplier, QStringLiteral("jadeway")}));
    EXPECT_EQ(page->mode(), SuppliersPage::Mode::Sites);
    EXPECT_EQ(page->sitesOf(), QStringLiteral("jadeway"));
    std::set<std::string> shown;
    for (int r = 0; r < page->siteProxy()->rowCount(); ++r)
        shown.insert(page->siteProxy()
                         ->index(r, 0)
                         .data(TableModel::KeyRole)
                         .toString()
                         .mid(5)
                         .toStdString());
    EXPECT_EQ(shown, (std::set<std::string>{"jadeway_debrecen", "jadeway_erfurt"}));
    page->showSitesOf(QString());
    EXPECT_EQ(page->siteProxy()->rowCount(), page->siteModel()->rowCount());
}

TEST_F(SuppliersPageTest, MaterialSelectionDrawsItsNetwork) {
    // Select LMFP cells in the Materials table.
    auto* materials = qobject_cast<MaterialsPage*>(window->page(pageid::materials));
    ASSERT_NE(materials, nullptr);
    window->showPage(pageid::materials);
    QCoreApplication::processEvents();
    ASSERT_TRUE(materials->table()->selectKey(QStringLiteral("material:cell_lmfp_prismatic")));
    QTest::mouseClick(materials->table()->viewport(), Qt::LeftButton, {},
                      materials->table()->visualRect(materials->table()->currentIndex()).center());
    EXPECT_EQ(state.selection(),
              (Selection{SelectionKind::Material, QStringLiteral("cell_lmfp_prismatic")}));
    window->showPage(pageid::suppliers);
    QCoreApplication::processEvents();
    EXPECT_EQ(page->networkMaterial(), QStringLiteral("cell_lmfp_prismatic"));
    NetworkView* view = page->networkView();
    EXPECT_GT(view->nodeCount(), 0);
    // Its tier-1 sites (supply.csv) are drawn at tier 1.
    for (const auto& l : data().supply) {
        if (!l.buyerSite.empty() || l.materialId != "cell_lmfp_prismatic")
            continue;
        const int i = view->nodeIndexForSite(qs(l.supplierSite));
        ASSERT_GE(i, 0) << l.supplierSite;
        EXPECT_EQ(view->drawing().nodes[i].tier, 1);
    }
    // minjiang_yibin buys its LMFP cathode (0.9) from lotusbay_guiyang: tier 2.
    const int guiyang = view->nodeIndexForSite(QStringLiteral("lotusbay_guiyang"));
    ASSERT_GE(guiyang, 0);
    EXPECT_EQ(view->drawing().nodes[guiyang].tier, 2);

    // Clicking a node selects its site; the table follows in Sites mode.
    page->setMode(SuppliersPage::Mode::Sites);
    view->fitAll();
    QCoreApplication::processEvents();
    // Fit never shrinks the text below a legible size (0.1: 3 px).
    EXPECT_GE(view->zoom(), 0.5 - 1e-9);
    const int yibin = view->nodeIndexForSite(QStringLiteral("minjiang_yibin"));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->nodeCenter(yibin));
    EXPECT_EQ(state.selection(),
              (Selection{SelectionKind::Site, QStringLiteral("minjiang_yibin")}));
    EXPECT_TRUE(view->nodeItem(yibin)->marked());
    EXPECT_EQ(page->table()->currentKey(), QStringLiteral("site:minjiang_yibin"));

    // The material box draws another material and selects it.
    QComboBox* box = page->networkPanel()->materialBox();
    box->setCurrentIndex(box->findData(QStringLiteral("cell_ncm_pouch")));
    EXPECT_EQ(page->networkMaterial(), QStringLiteral("cell_ncm_pouch"));
    EXPECT_EQ(state.selection(),
              (Selection{SelectionKind::Material, QStringLiteral("cell_ncm_pouch")}));
    EXPECT_GE(view->nodeIndexForSite(QStringLiteral("seorak_wroclaw")), 0);

    // Double-clicking a site row shows a network its site is in.
    page->table()->selectKey(QStringLiteral("site:lotusbay_guiyang"));
    doubleClick(page->table()->currentIndex());
    QCoreApplication::processEvents();
    EXPECT_GE(view->nodeIndexForSite(QStringLiteral("lotusbay_guiyang")), 0);
    EXPECT_EQ(view->selectedSite(), QStringLiteral("lotusbay_guiyang"));
}

TEST_F(SuppliersPageTest, FullSizeGivesTheNetworkThePage) {
    NetworkView* view = page->networkView();
    QToolButton* full = page->networkPanel()->fullSizeButton();
    ASSERT_TRUE(full->isVisible());
    ASSERT_TRUE(page->table()->isVisible());
    const int before = view->height();
    QTest::mouseClick(full, Qt::LeftButton);
    QCoreApplication::processEvents();
    EXPECT_TRUE(full->isChecked());
    EXPECT_FALSE(page->table()->isVisible());
    EXPECT_GT(view->height(), before + 200); // the tables' room is the network's now
    QTest::mouseClick(full, Qt::LeftButton);
    QCoreApplication::processEvents();
    EXPECT_FALSE(full->isChecked());
    EXPECT_TRUE(page->table()->isVisible());
    EXPECT_EQ(view->height(), before);
}

TEST_F(SuppliersPageTest, ExportAndDarkPalette) {
    const std::string png = dir.file("network.png"), svg = dir.file("network.svg");
    const std::string chartPng = dir.file("spend.png");
    QString error;
    ASSERT_TRUE(page->networkView()->exportTo(qs(png), &error)) << error.toStdString();
    ASSERT_TRUE(page->networkView()->exportTo(qs(svg), &error)) << error.toStdString();
    ASSERT_TRUE(page->spendChart()->exportTo(qs(chartPng), &error)) << error.toStdString();
    EXPECT_FALSE(QImage(qs(png)).isNull());
    EXPECT_FALSE(QImage(qs(chartPng)).isNull());
    EXPECT_TRUE(QSvgRenderer(qs(svg)).isValid());
    EXPECT_TRUE(qs(test::readFile(svg)).contains(QStringLiteral("Tier 1")));

    const int nodes = page->networkView()->nodeCount();
    ASSERT_GT(nodes, 0);
    window->setTheme(Theme::Dark);
    QCoreApplication::processEvents();
    EXPECT_EQ(page->networkView()->nodeCount(), nodes);
    EXPECT_LT(page->networkView()->scene()->backgroundBrush().color().lightness(), 128);
    window->setTheme(Theme::Light);
    QCoreApplication::processEvents();
    EXPECT_GT(page->networkView()->scene()->backgroundBrush().color().lightness(), 128);
}

} // namespace
} // namespace chokepoint::ui
