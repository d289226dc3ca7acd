// SPDX-License-Identifier: MIT
// The Compare tab on its own: a key names the compared scenarios in full, and the charts and
// the table call them A, B, … so that long names no longer get cut to "Chin…" / "Anod…".
#include <gtest/gtest.h>
#include <tuple>

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QCoreApplication>
#include <QLegend>
#include <QLegendMarker>
#include <QTableView>

#include "tests/ui/uitestsupport.h"
#include "ui/charts/fanchart.h"
#include "ui/charts/histogramchart.h"
#include "ui/charts/stackedbarchart.h"
#include "ui/pages/scenarios/compareview.h"
#include "ui/pages/scenarios/comparisonmodel.h"
#include "ui/pages/scenarios/scenariorun.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {
namespace {

const QString kStop = QStringLiteral("China stops graphite anode exports for 120 days");
const QString kCells = QStringLiteral("Anode stop, 45 more days of cell stock");

// A made-up run: three days of output, two products, per-run lost revenue.
std::shared_ptr<const ScenarioRun> run(const QString& title, double lost) {
    auto r = std::make_shared<ScenarioRun>();
    r->title = title;
    r->result.asOf = *core::Date::parse("2026-12-01");
    r->result.runs = 4;
    r->result.dailyOutput = {1.0, 0.5, 1.0};
    r->result.dailyOutputP10 = {1.0, 0.3, 0.9};
    r->result.dailyOutputP90 = {1.0, 0.7, 1.0};
    r->result.runLostRevenue = {lost * 0.5, lost, lost, lost * 1.5};
    r->figures.name = title.toStdString();
    r->figures.runs = 4;
    r->figures.lostRevenue = lost;
    for (const auto& [id, name, share] :
         {std::tuple{"nw_breeze", "Northwind Breeze compact car (52 kWh LFP)", 0.75},
          std::tuple{"nw_cargo", "Northwind Cargo e-van (75 kWh LMFP)", 0.25}}) {
        core::scenario::ProductFigures p;
        p.id = id;
        p.name = name;
        p.lostRevenue = lost * share;
        r->figures.products.push_back(p);
    }
    return r;
}

TEST(CompareView, KeyLettersAndLegends) {
    CompareView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(620, 900);
    view.show();
    EXPECT_TRUE(view.keyText().isEmpty());
    EXPECT_FALSE(view.outputChart()->isVisible()); // no empty charts before a comparison

    auto result =
        std::make_shared<ComparisonRun>(makeComparison({run(kStop, 3.4e9), run(kCells, 2.4e9)}));
    view.setResult(result, QStringLiteral("done"));
    QCoreApplication::processEvents();
    const QString key = view.keyText();
    EXPECT_TRUE(
        key.contains(QStringLiteral("<b>A</b>&nbsp;") + kStop + QStringLiteral(" (baseline)")))
        << key.toStdString();
    EXPECT_TRUE(key.contains(QStringLiteral("<b>B</b>&nbsp;") + kCells)) << key.toStdString();
    EXPECT_TRUE(view.outputChart()->isVisible());

    // The fan chart: one legend entry per scenario, by letter.
    QStringList fanLegend;
    for (QLegendMarker* m : view.outputChart()->chart()->legend()->markers())
        if (m->isVisible())
            fanLegend << m->label();
    EXPECT_EQ(fanLegend, (QStringList{QStringLiteral("A"), QStringLiteral("B")}));

    // The bars: one per scenario by letter, split by product (the shared make dropped).
    auto* axis =
        qobject_cast<QBarCategoryAxis*>(view.lossChart()->chart()->axes(Qt::Horizontal).value(0));
    ASSERT_NE(axis, nullptr);
    EXPECT_EQ(axis->categories(), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
    EXPECT_EQ(view.lossChart()->seriesNames(),
              (QStringList{QStringLiteral("Breeze"), QStringLiteral("Cargo")}));
    EXPECT_EQ(view.lossChart()->values(0), (QVector<double>{3.4e9 * 0.75, 2.4e9 * 0.75}));

    // The histogram: the scenarios' colours of the key, by letter.
    ASSERT_EQ(view.histogramChart()->seriesCount(), 2);
    EXPECT_EQ(view.histogramChart()->area(1)->name(), QStringLiteral("B"));
    EXPECT_EQ(view.histogramChart()->area(1)->pen().color().rgb(),
              view.histogramChart()->chartPalette().category(1).rgb());

    // The table: "A: <name>" and "Δ B − A" headers, the whole name in the tooltip.
    const QAbstractItemModel* model = view.table()->model();
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("A: ") + kStop);
    EXPECT_EQ(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("B: ") + kCells);
    EXPECT_EQ(model->headerData(3, Qt::Horizontal).toString(), QStringLiteral("\u0394 B \u2212 A"));
    EXPECT_EQ(model->headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString(), kCells);

    view.setResult(nullptr, QStringLiteral("cleared"));
    EXPECT_TRUE(view.keyText().isEmpty());
    EXPECT_FALSE(view.outputChart()->isVisible());
}

TEST(CompareView, Letters) {
    EXPECT_EQ(ComparisonModel::letter(0), QStringLiteral("A"));
    EXPECT_EQ(ComparisonModel::letter(2), QStringLiteral("C"));
    EXPECT_EQ(ComparisonModel::letter(25), QStringLiteral("Z"));
    EXPECT_EQ(ComparisonModel::letter(26), QStringLiteral("27"));
}

} // namespace
} // namespace chokepoint::ui
