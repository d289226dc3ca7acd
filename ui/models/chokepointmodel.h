// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/network.h"
#include "core/analysis/summary.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// The top chokepoints of a Summary: item, type, dependence, spend at risk, why.
/// Keys: "material:<id>" or "site:<id>" (selectionKey()).
class ChokepointModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Item, Type, Dependence, SpendAtRisk, Why };
    explicit ChokepointModel(QObject* parent = nullptr);
    void setSummary(const core::analysis::Network& net, const core::analysis::Summary& summary);
    void clear();
};

} // namespace chokepoint::ui
