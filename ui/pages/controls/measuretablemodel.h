// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/network.h"
#include "core/model/date.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// Every export-control measure of the workspace with its dates, its status at the as-of
/// date and how many items it covers. Keys: "control:<id>". Dates sort as days.
class MeasureTableModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Id, Title, Kind, Announced, Effective, End, Status, Items, ReviewDays };
    explicit MeasureTableModel(QObject* parent = nullptr);
    void setMeasures(const core::analysis::Network& net, core::Date asOf);
    void clear() { setRows({}); }
};

/// The status of a measure at a date in words ("in force", "suspended before it took effect").
QString controlStatusText(const core::Control& control, core::Date date);

} // namespace chokepoint::ui
