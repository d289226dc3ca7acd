// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/dataquality.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// Rows per interchange table, reference tables first (core's table order).
class TableRowsModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Table, Kind, Rows };
    explicit TableRowsModel(QObject* parent = nullptr);
    void set(const core::analysis::DataQuality& quality);
    void clear() { setRows({}); }
};

/// The sources of the reference data: publisher, title, year and how many world shares and
/// controls cite each.
class SourceUseModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Id, Publisher, Title, Year, CitedBy };
    explicit SourceUseModel(QObject* parent = nullptr);
    void set(const core::analysis::Network& net, const core::analysis::DataQuality& quality);
    void clear() { setRows({}); }
};

} // namespace chokepoint::ui
