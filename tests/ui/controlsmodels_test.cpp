// SPDX-License-Identifier: MIT
// The Technologies & Controls page's models under QAbstractItemModelTester, filled from the
// bundled data at two dates, with their shapes checked against the raw rows.
#include <gtest/gtest.h>
#include <set>

#include <QSet>

#include "core/analysis/exposurediff.h"
#include "core/analysis/measureimpact.h"
#include "tests/ui/uitestsupport.h"
#include "ui/models/tablefilterproxy.h"
#include "ui/pages/controls/coveragematrixmodel.h"
#include "ui/pages/controls/impactmodels.h"
#include "ui/pages/controls/measuretablemodel.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;

core::Date day(const char* text) {
    return *core::Date::parse(text);
}

class ControlsModelsTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto data = core::io::bundledDataset();
        ASSERT_TRUE(data.ok());
        raw = *data;
        net = std::make_unique<an::Network>(std::move(*data));
        engine = std::make_unique<an::ExposureEngine>(*net);
    }
    core::Dataset raw;
    std::unique_ptr<an::Network> net;
    std::unique_ptr<an::ExposureEngine> engine;
};

TEST_F(ControlsModelsTest, MeasureListAndItsProxy) {
    MeasureTableModel model;
    TableFilterProxy proxy;
    proxy.setSourceModel(&model);
    test::ModelChecker check(&model);
    test::ModelChecker checkProxy(&proxy);
    model.setMeasures(*net, day("2025-11-06"));
    model.setMeasures(*net, day("2025-11-11"));
    ASSERT_EQ(model.rowCount(), int(raw.controls.size())); // 27
    const int ec10 = model.rowForKey(QStringLiteral("control:EC10"));
    ASSERT_GE(ec10, 0);
    // Dates sort as days; items count materials and technologies (9 for EC10).
    EXPECT_EQ(model.data(model.index(ec10, MeasureTableModel::Effective), TableModel::SortRole),
              QVariant(day("2025-07-15").days()));
    EXPECT_EQ(model.data(model.index(ec10, MeasureTableModel::Items)).toString(),
              QStringLiteral("9"));
    EXPECT_EQ(model.data(model.index(ec10, MeasureTableModel::Status)).toString(),
              QStringLiteral("in force"));
    proxy.setFilterText(QStringLiteral("resumption"));
    EXPECT_EQ(proxy.rowCount(), 7); // EC06-R, EC11-R … EC16-R
    proxy.sort(MeasureTableModel::Effective, Qt::DescendingOrder);
    EXPECT_EQ(proxy.data(proxy.index(0, MeasureTableModel::Id)).toString(),
              QStringLiteral("EC06-R")); // 2026-11-27, the latest
}

TEST_F(ControlsModelsTest, TechnologiesBySitesMatrix) {
    CoverageMatrixModel model(CoverageMatrixModel::Mode::TechnologiesBySites);
    test::ModelChecker check(&model);
    model.setNetwork(*net, day("2023-12-20"));
    std::set<std::string> sites, techs;
    for (const auto& st : raw.siteTechnologies) {
        sites.insert(st.siteId);
        techs.insert(st.technologyId);
    }
    ASSERT_EQ(model.rowCount(), int(techs.size()));
    ASSERT_EQ(model.columnCount(), int(sites.size()));
    int filled = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            filled += model.state(r, c) != CoverageMatrixModel::State::Empty ? 1 : 0;
    EXPECT_EQ(filled, int(raw.siteTechnologies.size()));
    // Column labels tell every site apart: the two Lotus Bay LFP/LMFP plants differ only after
    // the comma that the short labels cut at, so they keep their whole names.
    QStringList labels;
    for (int c = 0; c < model.columnCount(); ++c)
        labels << model.headerData(c, Qt::Horizontal).toString();
    EXPECT_EQ(QSet<QString>(labels.begin(), labels.end()).size(), labels.size())
        << labels.join(QStringLiteral(" | ")).toStdString();
    EXPECT_TRUE(labels.contains(QStringLiteral("Lotus Bay LFP/LMFP plant, Guiyang")));
    EXPECT_TRUE(labels.contains(QStringLiteral("Lotus Bay LFP/LMFP plant, Jorf Lasfar")));
    // A technology control reaches plants outside China that use Chinese technology (SPEC §3).
    // Per row: Controlled when some site's cell is, else Free when some site uses it.
    auto stateOf = [&](int row) {
        auto st = CoverageMatrixModel::State::Empty;
        for (int c = 0; c < model.columnCount(); ++c)
            if (model.state(row, c) == CoverageMatrixModel::State::Controlled)
                return CoverageMatrixModel::State::Controlled;
            else if (model.state(row, c) != CoverageMatrixModel::State::Empty)
                st = model.state(row, c);
        return st;
    };
    // EC03 (2023-12-21) prohibits the export of rare-earth magnet technology, but every plant
    // of ours using Chinese magnet technology is in China (steppe_baotou, steppe_ningbo) and
    // the plants abroad use Japanese or Canadian technology: the row stays free.
    const int ree = model.rowForKey(QStringLiteral("technology:t_ree_magnet_prep"));
    ASSERT_GE(ree, 0);
    model.setNetwork(*net, day("2023-12-21"));
    EXPECT_EQ(stateOf(ree), CoverageMatrixModel::State::Free);
    // EC10 (2025-07-15) restricts LFP preparation: the Moroccan Jorf Lasfar plant uses it with
    // Chinese technology and becomes controlled; the Chinese Lotus Bay plants do not.
    const int lfp = model.rowForKey(QStringLiteral("technology:t_lfp_prep"));
    ASSERT_GE(lfp, 0);
    model.setNetwork(*net, day("2025-07-14"));
    EXPECT_EQ(stateOf(lfp), CoverageMatrixModel::State::Free);
    model.setNetwork(*net, day("2025-07-15"));
    EXPECT_EQ(stateOf(lfp), CoverageMatrixModel::State::Controlled);
    // The cells' tooltips name the site, the technology and the measures covering it.
    int controlled = 0, free = 0;
    for (int c = 0; c < model.columnCount(); ++c) {
        const auto st = model.state(lfp, c);
        if (st == CoverageMatrixModel::State::Empty)
            continue;
        const QString site =
            model.data(model.index(lfp, c), CoverageMatrixModel::ColumnKeyRole).toString();
        EXPECT_TRUE(site.startsWith(QStringLiteral("site:")));
        const QString tip = model.data(model.index(lfp, c), Qt::ToolTipRole).toString();
        EXPECT_TRUE(tip.contains(QStringLiteral("EC10"))) << tip.toStdString();
        if (site == QStringLiteral("site:lotusbay_jorflasfar"))
            EXPECT_EQ(st, CoverageMatrixModel::State::Controlled);
        if (site == QStringLiteral("site:lotusbay_jingmen"))
            EXPECT_EQ(st, CoverageMatrixModel::State::Free);
        (st == CoverageMatrixModel::State::Controlled ? controlled : free) += 1;
    }
    EXPECT_EQ(controlled, 1);
    EXPECT_GE(free, 2);
}

TEST_F(ControlsModelsTest, ItemsByMeasuresMatrix) {
    CoverageMatrixModel model(CoverageMatrixModel::Mode::ItemsByMeasures);
    test::ModelChecker check(&model);
    model.setNetwork(*net, day("2025-11-06"));
    std::set<std::string> controls, items;
    for (const auto& x : raw.controlItems) {
        controls.insert(x.controlId);
        items.insert(std::string(core::toString(x.itemKind)) + ":" + x.itemId);
    }
    ASSERT_EQ(model.columnCount(), int(controls.size())); // 15 measures with items
    ASSERT_EQ(model.rowCount(), int(items.size()));       // 13 materials, 12 technologies
    int filled = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            filled += model.state(r, c) != CoverageMatrixModel::State::Empty ? 1 : 0;
    EXPECT_EQ(filled, int(raw.controlItems.size()));
    // Columns by effective date: EC01 (2023-08-01) first, EC06-R (2026-11-27) last.
    EXPECT_EQ(model.columnKey(0), QStringLiteral("control:EC01"));
    EXPECT_EQ(model.columnKey(model.columnCount() - 1), QStringLiteral("control:EC06-R"));
    const int cell = model.rowForKey(QStringLiteral("material:cell_ncm_pouch"));
    const int ec14 = model.columnForKey(QStringLiteral("control:EC14"));
    EXPECT_EQ(model.state(cell, ec14), CoverageMatrixModel::State::Announced);
    model.setNetwork(*net, day("2025-11-07"));
    EXPECT_EQ(model.state(cell, ec14), CoverageMatrixModel::State::NeverInForce);
    EXPECT_TRUE(model.data(model.index(cell, ec14), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("suspended before it took effect")));
    EXPECT_EQ(model.headerData(ec14, Qt::Horizontal).toString(), QStringLiteral("EC14"));
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(ControlsModelsTest, ImpactAndDiffModels) {
    ImpactMaterialModel materials;
    ImpactProductModel products;
    ImpactSiteModel sites;
    ImpactSupplierModel suppliers;
    DiffFlowModel flows;
    test::ModelChecker c1(&materials), c2(&products), c3(&sites), c4(&suppliers), c5(&flows);
    const an::MeasureImpact ec10 =
        an::measureImpact(*engine, net->controlIds.find("EC10"), day("2025-08-01"));
    for (int i = 0; i < 2; ++i) { // twice: the tester checks the reset
        materials.setImpact(*net, ec10);
        products.setImpact(*net, ec10);
        sites.setImpact(*net, ec10);
        suppliers.setImpact(*net, ec10);
    }
    EXPECT_EQ(products.rowCount(), int(raw.products.size()));
    EXPECT_EQ(sites.rowCount(), int(ec10.flows.size()));
    EXPECT_GT(sites.rowCount(), 0);
    EXPECT_EQ(sites.key(0).left(5), QStringLiteral("site:"));
    const an::ExposureDiff diff =
        an::diffControlledExposure(*engine, day("2025-11-06"), day("2025-11-11"));
    flows.setDiff(*net, diff);
    EXPECT_EQ(flows.rowCount(), int(diff.flows.size()));
    EXPECT_GT(flows.rowCount(), 0);
    materials.clear();
    EXPECT_EQ(materials.rowCount(), 0);
}

} // namespace
} // namespace chokepoint::ui
