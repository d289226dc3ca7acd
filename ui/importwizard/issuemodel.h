// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// The problems of an import, one row each: file (and sheet), row, column (its letter or
/// number and the source's header text) and message. KeyRole is the issue's index in the
/// list given to setIssues(), so a click can be followed to the row in the preview.
class IssueModel : public TableModel {
    Q_OBJECT
public:
    enum Column { File, Line, Where, Message };

    explicit IssueModel(QObject* parent = nullptr);
    /// `sources` give the header texts of the columns the issues name.
    void setIssues(const std::vector<core::io::Issue>& issues,
                   const std::vector<core::io::RawTable>& sources);
    void clear() { setRows({}); }
};

} // namespace chokepoint::ui
