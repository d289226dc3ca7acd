// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenario/comparison.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// A scenario's outcome per product: lost units and revenue (means over runs), when output
/// first falls short, when the line stops, the lowest output. Keys: "product:<id>".
class ProductLossModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Product, LostUnits, LostRevenue, FirstShort, Stops, LowestOutput };
    explicit ProductLossModel(QObject* parent = nullptr);
    void setFigures(const core::scenario::ScenarioFigures& figures);
    void clear() { setRows({}); }
};

} // namespace chokepoint::ui
