// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenario/comparison.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// A comparison of scenarios (core::scenario::compareScenarios): one row per figure, a value
/// column per scenario ("A: <name>", …), then a "Δ B − A" column per other scenario. The columns
/// follow the scenarios, so a new comparison takes a new model. Keys: the row's key
/// ("lost_revenue", "product:<id>:lost_revenue", …).
class ComparisonModel : public TableModel {
    Q_OBJECT
public:
    ComparisonModel(const core::scenario::Comparison& comparison, QObject* parent = nullptr);
    int scenarioCount() const { return m_scenarios; }

    /// Value text by unit: money, units, "day 12", percent; deltas signed ("+$1.2 m", "−3 d").
    static QString valueText(core::scenario::FigureUnit unit, const std::optional<double>& v);
    static QString deltaText(core::scenario::FigureUnit unit, const std::optional<double>& d);
    /// The short name of the i-th compared scenario in charts and headers: A (the baseline),
    /// B, C, …
    static QString letter(int i);

private:
    int m_scenarios = 0;
};

} // namespace chokepoint::ui
