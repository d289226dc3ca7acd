// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "core/analysis/network.h"
#include "core/analysis/summary.h"
#include "ui/appstate.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// The Materials page's table: one row per material of the network that the filters keep
/// (core::analysis::materialsInFilter), upstream ones included. Each row: the tiers where we
/// need it, its dependence as we buy it under the three lenses side by side (only for the
/// materials we report: BOM or bought directly), its dependence through everything it feeds
/// under the Summary's lens (core/analysis/materialreach.h, every material), the direct share
/// and spend at risk (spend in its tooltip), tier-1 and world HHI, inventory days and the
/// products it reaches. Keys: "material:<id>".
class MaterialTableModel : public TableModel {
    Q_OBJECT
public:
    enum Column {
        Material,
        Stage,
        Tier,
        Location,
        Owned,
        Controlled,
        Through,
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

    /// `keep`: per material of the network, whether the filters keep it.
    void setFigures(const ExposureSet& exposure, const core::analysis::Summary& summary,
                    const std::vector<char>& keep);
    void clear();
    /// Rows of materials we report (BOM or bought directly) and of the others.
    int reportedRows() const { return m_reported; }
    int upstreamRows() const { return rowCount() - m_reported; }

private:
    int m_reported = 0;
};

} // namespace chokepoint::ui
