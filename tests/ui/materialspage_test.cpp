// SPDX-License-Identifier: MIT
// The Materials page on the bundled workspace: the table against the real command line's JSON
// for each lens, filters, linked selection, the tier chart against figures worked out by hand
// from the bundled CSV rows, the world mix, chart export and the drill-down to Suppliers.
#include <gtest/gtest.h>
#include <set>

#include <QComboBox>
#include <QFontDatabase>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSvgRenderer>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>

#include "core/store/workspace.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/charts/donutchart.h"
#include "ui/detailsdock.h"
#include "ui/displayformat.h"
#include "ui/filterbar.h"
#include "ui/mainwindow.h"
#include "ui/models/tablefilterproxy.h"
#include "ui/pages/materials/materialdetailpanel.h"
#include "ui/pages/materials/materialtablemodel.h"
#include "ui/pages/materials/supplymixcharts.h"
#include "ui/pages/materialspage.h"
#include "ui/pages/pageregistry.h"
#include "ui/pages/suppliers/networkview.h"
#include "ui/pages/supplierspage.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;
const core::Date kAsOf = *core::Date::parse("2025-08-01");

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// Where a person clicks to follow the link `href` in a text browser (scrolled into view);
// (-1, -1) when there is no such link.
QPoint anchorPoint(QTextBrowser* browser, const QString& href) {
    QTextDocument* doc = browser->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.charFormat().anchorHref() != href)
                continue;
            QTextCursor cursor(doc);
            cursor.setPosition(f.position() + f.length() / 2);
            browser->setTextCursor(cursor);
            browser->ensureCursorVisible();
            return browser->cursorRect(cursor).center();
        }
    return {-1, -1};
}

class MaterialsPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_FALSE(QFontDatabase::families().isEmpty()) << "no fonts: text would be tofu";
        path = dir.file("bundled.chokepoint");
        std::string err;
        ASSERT_EQ(test::runChokepoint({"init", path}, nullptr, &err), 0) << err;
        auto ws = core::Workspace::open(path);
        ASSERT_TRUE(ws.ok());
        data = *ws->load();

        state.setAsOf(kAsOf);
        window = std::make_unique<MainWindow>(state);
        window->resize(1440, 900);
        window->show();
        state.openWorkspace(qs(path));
        settle();
        page = qobject_cast<MaterialsPage*>(window->page(pageid::materials));
        ASSERT_NE(page, nullptr);
        ASSERT_TRUE(window->showPage(pageid::materials));
        QCoreApplication::processEvents();
    }
    void TearDown() override { window.reset(); }

    void settle() {
        state.waitForIdle();
        QCoreApplication::processEvents();
    }
    void setFilters(const Filters& f) {
        state.setFilters(f);
        settle();
    }
    QJsonObject cliExposure(const char* lens) {
        std::string out, err;
        EXPECT_EQ(test::runChokepoint({"exposure", path, "--lens", lens, "--as-of", "2025-08-01",
                                       "--format", "json"},
                                      &out, &err),
                  0)
            << err;
        return QJsonDocument::fromJson(QByteArray::fromStdString(out)).object();
    }
    QVariant sortValue(const QString& id, int column) const {
        const int row = page->model()->rowForKey(QStringLiteral("material:") + id);
        EXPECT_GE(row, 0) << id.toStdString();
        return page->model()->index(row, column).data(TableModel::SortRole);
    }
    std::set<std::string> rowIds() const {
        std::set<std::string> ids;
        for (int r = 0; r < page->model()->rowCount(); ++r)
            ids.insert(page->model()->key(r).mid(9).toStdString()); // "material:"
        return ids;
    }
    // SPEC §3: every material in a product BOM or bought directly by us.
    std::set<std::string> reported() const {
        std::set<std::string> ids;
        for (const auto& b : data.productBom)
            ids.insert(b.materialId);
        for (const auto& l : data.supply)
            if (l.buyerSite.empty())
                ids.insert(l.materialId);
        return ids;
    }
    std::string siteCountry(const std::string& site) const {
        for (const auto& s : data.sites)
            if (s.id == site)
                return s.country;
        return {};
    }

    test::TempDir dir;
    std::string path;
    core::Dataset data;
    AppState state;
    std::unique_ptr<MainWindow> window;
    MaterialsPage* page = nullptr;
};

TEST_F(MaterialsPageTest, TableEqualsCommandLineJsonForEachLens) {
    test::ModelChecker checkModel(page->model());
    test::ModelChecker checkProxy(page->proxy());
    for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled}) {
        SCOPED_TRACE(std::string(an::toString(lens)));
        const QJsonObject json = cliExposure(std::string(an::toString(lens)).c_str());
        ASSERT_EQ(json.value(QStringLiteral("as_of")).toString(), QStringLiteral("2025-08-01"));
        state.setLens(lens);
        settle();
        const QJsonArray materials = json.value(QStringLiteral("materials")).toArray();
        // The JSON lists the materials we report; the table every material of the network.
        ASSERT_EQ(page->model()->reportedRows(), materials.size());
        ASSERT_EQ(page->model()->rowCount(), qsizetype(data.materials.size()));
        ASSERT_EQ(page->proxy()->rowCount(), qsizetype(data.materials.size()));
        auto number = [](const QJsonValue& v) { return v.isNull() ? -1.0 : v.toDouble(); };
        for (const QJsonValue& v : materials) {
            const QJsonObject m = v.toObject();
            const QString id = m.value(QStringLiteral("id")).toString();
            SCOPED_TRACE(id.toStdString());
            const double dependence = m.value(QStringLiteral("dependence")).toDouble();
            EXPECT_DOUBLE_EQ(sortValue(id, MaterialTableModel::lensColumn(lens)).toDouble(),
                             dependence);
            EXPECT_DOUBLE_EQ(sortValue(id, MaterialTableModel::DirectShare).toDouble(),
                             m.value(QStringLiteral("direct_share")).toDouble());
            EXPECT_NEAR(sortValue(id, MaterialTableModel::SpendAtRisk).toDouble(),
                        number(m.value(QStringLiteral("spend_at_risk"))), 1e-6);
            EXPECT_NEAR(sortValue(id, MaterialTableModel::Hhi).toDouble(),
                        number(m.value(QStringLiteral("hhi"))), 1e-9);
            EXPECT_NEAR(sortValue(id, MaterialTableModel::WorldHhi).toDouble(),
                        number(m.value(QStringLiteral("world_hhi"))), 1e-9);
            // The text is the percentage a person reads, with its range from the command
            // line's dependence_low / dependence_high (SPEC §6: "83.0 % (72.0–100.0 %)").
            const int row = page->model()->rowForKey(QStringLiteral("material:") + id);
            auto pct = [](double v) { return QString::number(v * 100.0, 'f', 1); };
            EXPECT_EQ(
                page->model()->index(row, MaterialTableModel::lensColumn(lens)).data().toString(),
                pct(dependence) + QStringLiteral(" % (") +
                    pct(m.value(QStringLiteral("dependence_low")).toDouble()) +
                    QStringLiteral("\u2013") +
                    pct(m.value(QStringLiteral("dependence_high")).toDouble()) +
                    QStringLiteral(" %)"));
            EXPECT_EQ(page->model()->index(row, MaterialTableModel::Material).data().toString(),
                      m.value(QStringLiteral("name")).toString());
        }
    }
    // All three lens columns are filled whatever the current lens: the location column still
    // matches the location JSON while the controlled lens is current.
    const QJsonObject location = cliExposure("location");
    for (const QJsonValue& v : location.value(QStringLiteral("materials")).toArray()) {
        const QJsonObject m = v.toObject();
        EXPECT_DOUBLE_EQ(
            sortValue(m.value(QStringLiteral("id")).toString(), MaterialTableModel::Location)
                .toDouble(),
            m.value(QStringLiteral("dependence")).toDouble());
    }
}

TEST_F(MaterialsPageTest, InventoryAndUsedIn) {
    // inventory.csv: LFP cells 28 days; lithium carbonate has no row.
    EXPECT_DOUBLE_EQ(
        sortValue(QStringLiteral("cell_lfp_prismatic"), MaterialTableModel::Inventory).toDouble(),
        28.0);
    EXPECT_DOUBLE_EQ(
        sortValue(QStringLiteral("li_carbonate"), MaterialTableModel::Inventory).toDouble(), -1.0);
    // Lithium carbonate goes into LFP and LMFP cathodes and into LiPF6 (electrolyte of every
    // cell): all three cars. Gallium-based power modules are in every BOM too.
    const int row = page->model()->rowForKey(QStringLiteral("material:li_carbonate"));
    const QString used = page->model()->index(row, MaterialTableModel::UsedIn).data().toString();
    EXPECT_TRUE(used.contains(QStringLiteral("Northwind Breeze compact car")));
    EXPECT_TRUE(used.contains(QStringLiteral("Northwind Cargo e-van")));
    EXPECT_TRUE(used.contains(QStringLiteral("Northwind Meridian long-range car")));
    const int ncm = page->model()->rowForKey(QStringLiteral("material:cell_ncm_pouch"));
    EXPECT_EQ(page->model()->index(ncm, MaterialTableModel::UsedIn).data().toString(),
              QStringLiteral("Northwind Meridian long-range car (92 kWh NCM811, dual motor)"));
}

TEST_F(MaterialsPageTest, FiltersRestrictRows) {
    test::ModelChecker checkModel(page->model());
    std::set<std::string> all; // every material of the network, upstream ones too
    for (const auto& m : data.materials)
        all.insert(m.id);
    const std::set<std::string> ours = reported();
    EXPECT_EQ(rowIds(), all);
    EXPECT_GT(all.size(), ours.size());
    EXPECT_TRUE(all.count("nat_graphite"));
    EXPECT_FALSE(ours.count("nat_graphite"));

    Filters f = state.filters();
    f.stage = core::Stage::Cell;
    setFilters(f);
    EXPECT_EQ(rowIds(), (std::set<std::string>{"cell_lfp_prismatic", "cell_lmfp_prismatic",
                                               "cell_ncm_pouch"}));

    // Product: its BOM materials and, through the recipes, every input of theirs.
    f.stage.reset();
    f.productId = QStringLiteral("nw_breeze");
    setFilters(f);
    std::set<std::string> needed;
    std::vector<std::string> todo;
    for (const auto& b : data.productBom)
        if (b.productId == "nw_breeze")
            todo.push_back(b.materialId);
    while (!todo.empty()) {
        const std::string m = todo.back();
        todo.pop_back();
        if (!needed.insert(m).second)
            continue;
        for (const auto& r : data.recipes)
            if (r.materialId == m)
                todo.push_back(r.inputMaterialId);
    }
    EXPECT_EQ(rowIds(), needed);                  // upstream inputs included
    EXPECT_TRUE(needed.count("li_carbonate"));    // LFP cathode and LiPF6 need it
    EXPECT_FALSE(needed.count("cell_ncm_pouch")); // Meridian only

    // Country: materials we buy from a site located there, and upstream materials that a site
    // there sells to anyone.
    f.productId.clear();
    f.country = QStringLiteral("CHN");
    setFilters(f);
    std::set<std::string> china;
    for (const auto& l : data.supply)
        if (siteCountry(l.supplierSite) == "CHN" &&
            (l.buyerSite.empty() || !ours.count(l.materialId)))
            china.insert(l.materialId);
    EXPECT_EQ(rowIds(), china);
    size_t chinaTier1 = 0;
    for (const auto& m : china)
        chinaTier1 += ours.count(m);
    EXPECT_EQ(chinaTier1, 5u);

    // The search box filters the visible rows on their text: every material named "lithium".
    f.country.clear();
    setFilters(f);
    page->searchBox()->setText(QStringLiteral("lithium"));
    int lithium = 0;
    for (const auto& m : data.materials)
        lithium +=
            QString::fromStdString(m.name).contains(QStringLiteral("lithium"), Qt::CaseInsensitive);
    EXPECT_GE(lithium, 2); // carbonate and hydroxide at least
    EXPECT_EQ(page->proxy()->rowCount(), lithium);
    page->searchBox()->clear();
    EXPECT_EQ(page->proxy()->rowCount(), int(all.size()));
}

// The analyst's question (review gui-2026-12, item 7): find graphite, which we never buy
// ourselves, and follow it to our products, the way a person does: typing in the search
// box, clicking the row, clicking the product named in the details dock.
TEST_F(MaterialsPageTest, GraphiteCanBeFoundAndFollowedToOurProducts) {
    page->searchBox()->setFocus();
    QTest::keyClicks(page->searchBox(), QStringLiteral("graph"));
    EXPECT_TRUE(page->noMatchText().isEmpty());
    EXPECT_TRUE(page->table()->isVisible());
    std::set<std::string> shown;
    for (int r = 0; r < page->proxy()->rowCount(); ++r)
        shown.insert(
            page->proxy()->index(r, 0).data(TableModel::KeyRole).toString().mid(9).toStdString());
    for (const char* id :
         {"nat_graphite", "spherical_graphite", "synthetic_graphite", "anode_material"})
        EXPECT_TRUE(shown.count(id)) << id;

    // Its row: tier 3 or deeper, no figure "as we buy it", a dependence through what it feeds.
    const int source = page->model()->rowForKey(QStringLiteral("material:nat_graphite"));
    ASSERT_GE(source, 0);
    EXPECT_EQ(page->model()->index(source, MaterialTableModel::Location).data().toString(),
              missingText());
    EXPECT_GE(
        page->model()->index(source, MaterialTableModel::Tier).data(TableModel::SortRole).toInt(),
        3);
    const an::Index graphite = state.network()->materials.find("nat_graphite");
    const an::MaterialReach& reach =
        state.exposure()->reachForLens(state.filters().lens)[size_t(graphite)];
    EXPECT_GT(reach.dependence, 0.0);
    EXPECT_EQ(page->model()->index(source, MaterialTableModel::Through).data().toString(),
              percentText(reach.dependence));
    EXPECT_TRUE(page->model()
                    ->index(source, MaterialTableModel::UsedIn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Northwind")));

    // Click the row: it is selected everywhere and the dock opens on it.
    const int row = page->proxy()->mapFromSource(page->model()->index(source, 0)).row();
    QTest::mouseClick(page->table()->viewport(), Qt::LeftButton, {},
                      page->table()->visualRect(page->proxy()->index(row, 0)).center());
    QCoreApplication::processEvents();
    EXPECT_EQ(state.selection(),
              (Selection{SelectionKind::Material, QStringLiteral("nat_graphite")}));
    EXPECT_EQ(page->detail()->materialId(), QStringLiteral("nat_graphite"));
    EXPECT_TRUE(page->detail()->headline().contains(QStringLiteral("do not buy it ourselves")))
        << page->detail()->headline().toStdString();
    DetailsDock* dock = window->detailsDock();
    QTRY_VERIFY(dock->isVisible()); // it opens once the click is over
    // Still the row that was clicked, though the dock made the page narrower.
    EXPECT_EQ(page->table()->currentKey(), QStringLiteral("material:nat_graphite"));
    const QString text = dock->plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("What we buy that needs it"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Our products that need it")));

    // Follow the first product it reaches: click its name in the dock.
    ASSERT_FALSE(reach.products.empty());
    const QString product =
        QString::fromStdString(state.network()->products.id(reach.products.front().product));
    const QPoint link = anchorPoint(dock->browser(), QStringLiteral("select:product:") + product);
    ASSERT_GE(link.x(), 0) << "no link to " << product.toStdString();
    QTest::mouseClick(dock->browser()->viewport(), Qt::LeftButton, {}, link);
    QCoreApplication::processEvents();
    EXPECT_EQ(state.selection(), (Selection{SelectionKind::Product, product}));
}

// A search or filters that keep nothing say so in place of an empty table.
TEST_F(MaterialsPageTest, NoMatchIsSaidNotShownAsAnEmptyTable) {
    page->searchBox()->setFocus();
    QTest::keyClicks(page->searchBox(), QStringLiteral("unobtainium"));
    EXPECT_EQ(page->proxy()->rowCount(), 0);
    EXPECT_FALSE(page->table()->isVisible());
    EXPECT_TRUE(page->noMatchText().contains(QStringLiteral("No match")));
    EXPECT_TRUE(page->noMatchText().contains(QStringLiteral("unobtainium")));
    page->searchBox()->clear();
    EXPECT_TRUE(page->table()->isVisible());
    EXPECT_TRUE(page->noMatchText().isEmpty());

    // The Stage filter offers every stage of the data (0.1.0: three), mining among them.
    QComboBox* stage = window->filterBar()->stageBox();
    std::set<int> stages;
    for (const auto& m : data.materials)
        stages.insert(int(m.stage));
    EXPECT_EQ(stage->count(), int(stages.size()) + 1); // and "All stages"
    const int mining = stage->findData(int(core::Stage::Mining));
    ASSERT_GE(mining, 0);
    stage->setCurrentIndex(mining);
    settle();
    EXPECT_GT(page->proxy()->rowCount(), 0);
    EXPECT_GE(page->model()->rowForKey(QStringLiteral("material:nat_graphite")), 0);
    // Mining and a cell name: nothing is both.
    QTest::keyClicks(page->searchBox(), QStringLiteral("pouch"));
    EXPECT_FALSE(page->table()->isVisible());
    EXPECT_TRUE(page->noMatchText().contains(QStringLiteral("No match")));
}

TEST_F(MaterialsPageTest, LinkedSelection) {
    TableView* table = page->table();
    const int row = page->proxy()
                        ->mapFromSource(page->model()->index(
                            page->model()->rowForKey(QStringLiteral("material:cell_ncm_pouch")), 0))
                        .row();
    ASSERT_GE(row, 0);
    const QRect rect = table->visualRect(page->proxy()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    EXPECT_EQ(state.selection(),
              (Selection{SelectionKind::Material, QStringLiteral("cell_ncm_pouch")}));
    EXPECT_EQ(page->detail()->materialId(), QStringLiteral("cell_ncm_pouch"));
    EXPECT_TRUE(page->detail()->headline().contains(QStringLiteral("NCM811 pouch cell")));

    // A selection made elsewhere: the row and the detail follow.
    state.setSelection({SelectionKind::Material, QStringLiteral("li_hydroxide")});
    QCoreApplication::processEvents();
    EXPECT_EQ(table->currentKey(), QStringLiteral("material:li_hydroxide"));
    EXPECT_EQ(page->detail()->materialId(), QStringLiteral("li_hydroxide"));
    // A site selection clears the table's selection and keeps the detail.
    state.setSelection({SelectionKind::Site, QStringLiteral("seorak_wroclaw")});
    QCoreApplication::processEvents();
    EXPECT_TRUE(table->selectionModel()->selectedRows().isEmpty());
    EXPECT_EQ(page->detail()->materialId(), QStringLiteral("li_hydroxide"));

    // Double-click opens the Suppliers page on that material's network.
    const int ncm = page->proxy()
                        ->mapFromSource(page->model()->index(
                            page->model()->rowForKey(QStringLiteral("material:cell_ncm_pouch")), 0))
                        .row();
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {},
                       table->visualRect(page->proxy()->index(ncm, 0)).center());
    QCoreApplication::processEvents();
    EXPECT_EQ(window->currentPageId(), pageid::suppliers);
    auto* suppliers = qobject_cast<SuppliersPage*>(window->page(pageid::suppliers));
    ASSERT_NE(suppliers, nullptr);
    EXPECT_EQ(suppliers->networkMaterial(), QStringLiteral("cell_ncm_pouch"));
    EXPECT_GT(suppliers->networkView()->nodeCount(), 0);
}

// LFP cells (supply.csv): we buy 0.55 from jadeway_debrecen (Hungary) and 0.45 from
// minjiang_ningde (China). Their LFP cathode: Debrecen 0.6 lotusbay_jingmen (China) and 0.3
// lotusbay_jorflasfar (Morocco); Ningde 0.7 lotusbay_jingmen. Tier 2 LFP cathode:
// China 0.55 * 0.6 + 0.45 * 0.7 = 0.645, Morocco 0.55 * 0.3 = 0.165,
// unknown 0.55 * 0.1 + 0.45 * 0.3 = 0.19.
TEST_F(MaterialsPageTest, TierChartAndWorldMix) {
    state.setSelection({SelectionKind::Material, QStringLiteral("cell_lfp_prismatic")});
    QCoreApplication::processEvents();
    SupplyMixChart* chart = page->detail()->tierChart();
    ASSERT_GE(chart->categoryCount(), 2);
    EXPECT_EQ(MaterialDetailPanel::materialOfKey(chart->categoryKey(0)),
              QStringLiteral("cell_lfp_prismatic"));
    EXPECT_EQ(MaterialDetailPanel::materialOfKey(chart->categoryKey(1)),
              QStringLiteral("lfp_cathode"));
    const QStringList names = chart->seriesNames();
    ASSERT_EQ(names.first(), QStringLiteral("China")); // China comes first
    ASSERT_EQ(names.last(), QStringLiteral("Unknown origin"));
    EXPECT_NEAR(chart->values(0)[0], 0.45, 1e-12);
    EXPECT_NEAR(chart->values(0)[1], 0.645, 1e-12);
    EXPECT_NEAR(chart->values(int(names.size()) - 1)[0], 0.0, 1e-12);
    EXPECT_NEAR(chart->values(int(names.size()) - 1)[1], 0.19, 1e-12);
    double others = 0.0; // every other country at tier 2: Morocco
    for (int s = 1; s + 1 < names.size(); ++s)
        others += chart->values(s)[1];
    EXPECT_NEAR(others, 0.165, 1e-12);
    const int hungary = int(names.indexOf(QStringLiteral("Hungary")));
    ASSERT_GE(hungary, 0);
    EXPECT_NEAR(chart->values(hungary)[0], 0.55, 1e-12);
    // Every bar adds up to the whole of our supply.
    for (int c = 0; c < chart->categoryCount(); ++c) {
        double sum = 0.0;
        for (int s = 0; s < names.size(); ++s)
            sum += chart->values(s)[c];
        EXPECT_NEAR(sum, 1.0, 1e-9) << c;
    }

    // World production (world_shares.csv): China 85 % in 2023, source S084.
    DonutChart* world = page->detail()->worldChart();
    const int china = world->sliceIndex(QStringLiteral("CHN"));
    ASSERT_GE(china, 0);
    EXPECT_DOUBLE_EQ(world->values()[china], 0.85);
    EXPECT_EQ(world->sliceCount(), 2); // China and the 15 % not listed
    EXPECT_NEAR(world->values()[1], 0.15, 1e-12);
    EXPECT_TRUE(world->chart()->title().contains(QStringLiteral("2023")));
    EXPECT_TRUE(page->detail()->sourceText().contains(QStringLiteral("Recharge News")));

    // Clicking a tier bar selects the material bought there; the chart highlights it.
    chart->clickCategory(1);
    EXPECT_EQ(state.selection(),
              (Selection{SelectionKind::Material, QStringLiteral("lfp_cathode")}));
    QCoreApplication::processEvents();
    EXPECT_EQ(chart->selectedKey(), chart->categoryKey(1));
    EXPECT_EQ(page->detail()->materialId(), QStringLiteral("cell_lfp_prismatic"));
    world->clickSlice(china);
    EXPECT_EQ(state.selection(), (Selection{SelectionKind::Country, QStringLiteral("CHN")}));
}

TEST_F(MaterialsPageTest, ChartExport) {
    state.setSelection({SelectionKind::Material, QStringLiteral("cell_ncm_pouch")});
    QCoreApplication::processEvents();
    for (ChartView* chart : {static_cast<ChartView*>(page->detail()->tierChart()),
                             static_cast<ChartView*>(page->detail()->worldChart())}) {
        const std::string png = dir.file(chart->exportName().toStdString() + ".png");
        const std::string svg = dir.file(chart->exportName().toStdString() + ".svg");
        QString error;
        ASSERT_TRUE(chart->exportTo(qs(png), &error)) << error.toStdString();
        ASSERT_TRUE(chart->exportTo(qs(svg), &error)) << error.toStdString();
        const QImage image(qs(png));
        EXPECT_FALSE(image.isNull());
        EXPECT_GT(image.width(), 200);
        QSvgRenderer renderer(qs(svg));
        EXPECT_TRUE(renderer.isValid());
        EXPECT_TRUE(QString::fromStdString(test::readFile(svg)).contains(QStringLiteral("China")));
    }
}

} // namespace
} // namespace chokepoint::ui
