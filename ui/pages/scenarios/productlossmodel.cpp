// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/productlossmodel.h"

#include <cmath>

#include "ui/displayformat.h"
#include "ui/pages/scenarios/scenariotext.h"

namespace chokepoint::ui {

namespace {
constexpr auto kRight = Qt::AlignRight | Qt::AlignVCenter;
}

ProductLossModel::ProductLossModel(QObject* parent)
    : TableModel({{tr("Product")},
                  {tr("Lost units"), kRight, tr("Mean over runs")},
                  {tr("Lost revenue"), kRight, tr("Mean over runs (lost units × unit price)")},
                  {tr("Output short from"), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("First day with output below plan (deterministic or median run)")},
                  {tr("Line stops"), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("First day without any output (deterministic or median run)")},
                  {tr("Lowest output"), kRight, tr("Lowest daily output, share of plan")}},
                 parent) {}

void ProductLossModel::setFigures(const core::scenario::ScenarioFigures& f) {
    QVector<Row> rows;
    for (const auto& p : f.products) {
        Row row;
        row.key = QStringLiteral("product:") + QString::fromStdString(p.id);
        row.cells = {
            text(QString::fromStdString(p.name), QString::fromStdString(p.id)),
            {QString::number(p.lostUnits, 'f', 0), p.lostUnits,
             QString::number(p.lostUnits, 'f', 2)},
            money(std::isfinite(p.lostRevenue) ? std::optional(p.lostRevenue) : std::nullopt),
            scenarioDayCell(f.asOf, p.firstShortDay, tr("never")),
            scenarioDayCell(f.asOf, p.firstStopDay, tr("never")),
            percent(p.lowestOutput)};
        rows << row;
    }
    setRows(rows);
}

} // namespace chokepoint::ui
