// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/network.h"
#include "core/analysis/supplierview.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// The Suppliers page's supplier table: one row per supplier of a SupplierViewResult, with
/// its lowest tier, spend at risk, supplier dependence (tier-1 suppliers), spend, exposed
/// sites, owner and headquarters countries, sites, controlled technologies its sites use and
/// what they supply (the figures that answer "whom do I call first" come first).
/// Keys: "supplier:<id>".
class SupplierTableModel : public TableModel {
    Q_OBJECT
public:
    enum Column {
        Supplier,
        Tier,
        SpendAtRisk,
        Dependence,
        Spend,
        ExposedSites,
        Owner,
        Hq,
        Sites,
        Technologies,
        Supplies,
        ColumnCount
    };
    explicit SupplierTableModel(QObject* parent = nullptr);
    void setView(const core::analysis::Network& net,
                 const core::analysis::SupplierViewResult& view);
    void clear();
};

/// Sort value of a tier: alternatives (no tier) after every real tier.
inline constexpr int kAlternativeTierSort = 99;

} // namespace chokepoint::ui
