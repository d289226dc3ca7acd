// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/network.h"
#include "core/analysis/summary.h"
#include "ui/appstate.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// The Materials page's table: one row per material of a Summary (the filtered materials),
/// with its dependence under the three lenses side by side (from the ExposureSet), the
/// direct share and spend at risk (spend in its tooltip) under the Summary's lens, tier-1 and world
/// HHI, inventory days and the products that need it. Keys: "material:<id>".
class MaterialTableModel : public TableModel {
    Q_OBJECT
public:
    enum Column {
        Material,
        Stage,
        Location,
        Owned,
        Controlled,
        DirectShare,
        SpendAtRisk,
        Hhi,
        WorldHhi,
        Inventory,
        UsedIn,
        ColumnCount
    };
    explicit MaterialTableModel(QObject* parent = nullptr);

    /// The dependence column of a lens.
    static int lensColumn(core::analysis::Lens lens) { return Location + int(lens); }

    void setFigures(const ExposureSet& exposure, const core::analysis::Summary& summary);
    void clear();
};

} // namespace chokepoint::ui
