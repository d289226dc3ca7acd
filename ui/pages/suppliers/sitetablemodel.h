// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/network.h"
#include "core/analysis/supplierview.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// The Suppliers page's site table: one row per site of a SupplierViewResult, with its
/// lowest tier, country, spend at risk, dependence (the largest f(s, m) over what it
/// supplies; per material in the tooltip), whether it is exposed itself, what it supplies,
/// its supplier and owner country, spend, controlled technologies and the materials of ours
/// it ends up in. Keys: "site:<id>".
class SiteTableModel : public TableModel {
    Q_OBJECT
public:
    enum Column {
        Site,
        Tier,
        Country,
        SpendAtRisk,
        Dependence,
        Exposure,
        Supplies,
        Supplier,
        Owner,
        Spend,
        Technologies,
        Serves,
        ColumnCount
    };
    explicit SiteTableModel(QObject* parent = nullptr);
    void setView(const core::analysis::Network& net,
                 const core::analysis::SupplierViewResult& view);
    void clear();
};

} // namespace chokepoint::ui
