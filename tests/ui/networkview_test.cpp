// SPDX-License-Identifier: MIT
// The network view on its own, drawing the supply graph of a small network: nodes and
// tooltips with exact figures, clicks, zoom and fit, legend toggles, marks, export, palette.
#include <gtest/gtest.h>

#include <QApplication>
#include <QFontDatabase>
#include <QGraphicsPathItem>
#include <QImage>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTest>
#include <QWheelEvent>

#include "core/analysis/exposureengine.h"
#include "core/analysis/supplygraph.h"
#include "tests/ui/uitestsupport.h"
#include "ui/pages/suppliers/networkdrawing.h"
#include "ui/pages/suppliers/networkview.h"
#include "ui/theme.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;

// Our cell: 0.5 from de_cell (Germany, owned from China), 0.3 from kr_cell, 0.2 unknown.
// de_cell buys its chem 0.6 from cn_chem (China), 0.2 from kr_chem; kr_cell 1.0 from kr_chem.
// Location lens: cn_chem is exposed (f = 1); u(chem) = 0.7 (world share) so
// f(de_cell) = 0.6 + 0.2 * 0 + 0.2 * 0.7 = 0.74; f(kr_cell) = f(kr_chem) = 0;
// D(cell) = 0.5 * 0.74 + 0.3 * 0 + 0.2 * u(cell) = 0.37 + 0.2 * 0.7 = 0.51.
// Flows: de_cell 0.5, kr_cell 0.3, unknown cell 0.2; cn_chem 0.3, kr_chem 0.1 + 0.3 = 0.4,
// unknown chem 0.5 * 0.2 = 0.1.
core::Dataset smallData() {
    return test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nKOR,Korea\n"},
        {"materials", "id,name,stage\nchem,Chemical,refining\ncell,Cell,cell\n"},
        {"recipes", "material_id,input_material_id\ncell,chem\n"},
        {"world_shares", "material_id,country,share\nchem,CHN,0.7\n"},
        {"suppliers", "id,name,hq_country,owner_country\ncn,CN Co,CHN,CHN\nde,DE Co,DEU,CHN\n"
                      "kr,KR Co,KOR,KOR\n"},
        {"sites", "id,supplier_id,country,name\ncn_chem,cn,CHN,CN chem plant\n"
                  "de_cell,de,DEU,DE cell plant\nkr_cell,kr,KOR,KR cell plant\n"
                  "kr_chem,kr,KOR,KR chem plant\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,10,1000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n,cell,de_cell,0.5\n"
                   ",cell,kr_cell,0.3\nde_cell,chem,cn_chem,0.6\nde_cell,chem,kr_chem,0.2\n"
                   "kr_cell,chem,kr_chem,1\n"},
    });
}

class NetworkViewTest : public ::testing::Test {
protected:
    NetworkViewTest()
        : net(smallData())
        , engine(net) {}
    void SetUp() override {
        ASSERT_FALSE(QFontDatabase::families().isEmpty());
        const an::ExposureResult r =
            engine.compute(an::Lens::Location, *core::Date::parse("2025-08-01"));
        graph = an::supplyGraph(net, r, net.materials.find("cell"));
        view.resize(900, 500);
        view.setDrawing(networkDrawing(engine, r, graph));
        view.show();
        QCoreApplication::processEvents();
    }
    int node(const char* site) const { return view.nodeIndexForSite(QString::fromLatin1(site)); }

    an::Network net;
    an::ExposureEngine engine;
    an::SupplyGraph graph;
    NetworkView view;
};

TEST_F(NetworkViewTest, DrawsEveryNodeAndLinkWithExactTooltips) {
    // us, de_cell, kr_cell, unknown cell; cn_chem, kr_chem, unknown chem.
    EXPECT_EQ(view.nodeCount(), 7);
    EXPECT_EQ(view.edgeCount(), 7); // us: 3, de_cell: 3, kr_cell: 1
    EXPECT_EQ(view.siteIds(), (QStringList{"de_cell", "kr_cell", "cn_chem", "kr_chem"}));
    const NetworkDrawing& d = view.drawing();
    EXPECT_EQ(d.nodes[0].kind, an::GraphNodeKind::Us);
    EXPECT_TRUE(d.nodes[0].tooltip.contains(QStringLiteral("51.0 %")));
    const int de = node("de_cell");
    EXPECT_EQ(d.nodes[de].tier, 1);
    EXPECT_TRUE(d.nodes[de].tooltip.contains(QStringLiteral("74.0 %"))); // f
    EXPECT_TRUE(d.nodes[de].tooltip.contains(QStringLiteral("50.0 %"))); // flow
    EXPECT_TRUE(d.nodes[de].subtitle.startsWith(QStringLiteral("DEU")));
    const int krChem = node("kr_chem");
    EXPECT_EQ(d.nodes[krChem].tier, 2);
    EXPECT_TRUE(d.nodes[krChem].tooltip.contains(QStringLiteral("40.0 %")));
    const int cn = node("cn_chem");
    EXPECT_TRUE(d.nodes[cn].exposed);
    EXPECT_TRUE(d.nodes[cn].tooltip.contains(QStringLiteral("located in China")));
    // The item carries the tooltip shown on hover.
    EXPECT_EQ(view.nodeItem(cn)->toolTip(), d.nodes[cn].tooltip);
    // Unknown origin of our cell: 20 %, counted as 70 % dependent.
    int unknown = -1;
    for (int i = 0; i < d.nodes.size(); ++i)
        if (d.nodes[i].kind == an::GraphNodeKind::Unknown && d.nodes[i].tier == 1)
            unknown = i;
    ASSERT_GE(unknown, 0);
    EXPECT_TRUE(d.nodes[unknown].tooltip.contains(QStringLiteral("20.0 %")));
    EXPECT_TRUE(d.nodes[unknown].tooltip.contains(QStringLiteral("70.0 %")));
    // Link de_cell <- kr_chem: 20 % of de_cell's chem, 10 % of our cell.
    bool found = false;
    for (const NetworkEdgeInfo& e : d.edges)
        if (e.from == krChem && e.to == de) {
            found = true;
            EXPECT_TRUE(e.tooltip.contains(QStringLiteral("20.0 %")));
            EXPECT_TRUE(e.tooltip.contains(QStringLiteral("10.0 %")));
        }
    EXPECT_TRUE(found);
    // Tiers run right to left: us rightmost, tier 2 leftmost.
    EXPECT_GT(view.nodeItem(0)->pos().x(), view.nodeItem(de)->pos().x());
    EXPECT_GT(view.nodeItem(de)->pos().x(), view.nodeItem(krChem)->pos().x());
}

TEST_F(NetworkViewTest, ClickSelectsDoubleClickActivates) {
    QSignalSpy clicked(&view, &NetworkView::siteClicked);
    QSignalSpy activated(&view, &NetworkView::siteActivated);
    const int kr = node("kr_cell");
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.nodeCenter(kr));
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked[0][0].toString(), QStringLiteral("kr_cell"));
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.nodeCenter(node("cn_chem")));
    ASSERT_GE(activated.count(), 1);
    EXPECT_EQ(activated.last()[0].toString(), QStringLiteral("cn_chem"));
    // A click on the us node or on empty space selects nothing.
    clicked.clear();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.nodeCenter(0));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(2, 2));
    EXPECT_EQ(clicked.count(), 0);
}

TEST_F(NetworkViewTest, ZoomFitAndToggles) {
    const double fitted = view.zoom();
    EXPECT_LE(fitted, 1.0);
    const QPoint at = view.nodeCenter(node("de_cell"));
    QWheelEvent wheel(QPointF(at), view.viewport()->mapToGlobal(QPointF(at)), QPoint(),
                      QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    EXPECT_NEAR(view.zoom(), fitted * 1.44, 1e-9); // two steps of 1.2
    view.zoomBy(1000.0);
    EXPECT_DOUBLE_EQ(view.zoom(), 4.0); // clamped
    view.fitAll();
    EXPECT_DOUBLE_EQ(view.zoom(), fitted);

    // Legend toggles hide unknown-origin nodes and their links.
    view.setShowUnknown(false);
    int hidden = 0;
    for (int i = 0; i < view.nodeCount(); ++i)
        if (!view.nodeItem(i)->isVisible()) {
            ++hidden;
            EXPECT_EQ(view.drawing().nodes[i].kind, an::GraphNodeKind::Unknown);
        }
    EXPECT_EQ(hidden, 2);
    view.setShowUnknown(true);
    for (int i = 0; i < view.nodeCount(); ++i)
        EXPECT_TRUE(view.nodeItem(i)->isVisible());
}

TEST_F(NetworkViewTest, MarksExportAndPalette) {
    view.setSelectedSite(QStringLiteral("kr_chem"));
    EXPECT_TRUE(view.nodeItem(node("kr_chem"))->marked());
    EXPECT_FALSE(view.nodeItem(node("kr_cell"))->marked());
    view.setSelectedSupplier(QStringLiteral("kr"));
    EXPECT_TRUE(view.nodeItem(node("kr_chem"))->marked());
    EXPECT_TRUE(view.nodeItem(node("kr_cell"))->marked());
    EXPECT_FALSE(view.nodeItem(node("de_cell"))->marked());

    test::TempDir dir;
    QString error;
    const QString png = QString::fromStdString(dir.file("n.png"));
    const QString svg = QString::fromStdString(dir.file("n.svg"));
    ASSERT_TRUE(view.exportTo(png, &error)) << error.toStdString();
    ASSERT_TRUE(view.exportTo(svg, &error)) << error.toStdString();
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 600); // three columns at twice the scene's size
    EXPECT_TRUE(QSvgRenderer(svg).isValid());
    EXPECT_TRUE(QString::fromStdString(test::readFile(dir.file("n.svg")))
                    .contains(QStringLiteral("KR chem plant")));
    EXPECT_FALSE(view.exportTo(QStringLiteral("/nonexistent/dir/n.png"), &error));
    EXPECT_FALSE(error.isEmpty());

    // Dark palette: same nodes, dark background, marks kept.
    view.setPalette(themePalette(Theme::Dark));
    QCoreApplication::processEvents();
    EXPECT_EQ(view.nodeCount(), 7);
    EXPECT_LT(view.scene()->backgroundBrush().color().lightness(), 128);
    EXPECT_TRUE(view.nodeItem(node("kr_cell"))->marked());
}

TEST(NetworkViewEmpty, ShowsItsMessage) {
    NetworkView view;
    view.setEmptyText(QStringLiteral("Nothing to draw"));
    view.setDrawing({});
    EXPECT_EQ(view.nodeCount(), 0);
    bool text = false;
    for (QGraphicsItem* item : view.scene()->items())
        if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            text = text || t->text() == QStringLiteral("Nothing to draw");
    EXPECT_TRUE(text);
}

} // namespace
} // namespace chokepoint::ui
