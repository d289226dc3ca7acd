// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenario/comparison.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// Time to survive vs time to recover per BOM material: stock in days, when supply falls
/// short, when the material runs short (days of survival), when supply is back, and SPEC's
/// recovery day (fill rate back to 1 for good). Keys: "material:<id>".
class MaterialTimesModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Material, Stock, SupplyShort, RunsShort, SupplyBack, FillRateBack };
    explicit MaterialTimesModel(QObject* parent = nullptr);
    void setFigures(const core::scenario::ScenarioFigures& figures);
    void clear() { setRows({}); }
};

} // namespace chokepoint::ui
