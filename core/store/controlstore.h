// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/dataset.h"
#include "core/store/workspace.h"
#include "core/util/result.h"

namespace chokepoint::core {

// Editing one export-control measure in a workspace (the Technologies & Controls page).
// Each call is one transaction: the control row and all its items change together, or on
// any failure (a taken id, a constraint, a read-only file) nothing changes. The caller
// validates first (core/io/controledit.h); these functions only rely on the schema's keys.
// core/io/controledit.h's applyControlEdit() makes the same change to an in-memory Dataset,
// so that Workspace::load() afterwards gives what the caller holds.

/// Adds `control` and `items` (their controlId is replaced by control.id). The control is
/// appended after the existing ones, or stored under `rowid` (a free one, e.g. the row of a
/// deleted control being restored by undo, so that it takes its old place in the order).
Result<void> insertControl(Workspace& ws, const Control& control,
                           const std::vector<ControlItem>& items,
                           std::optional<int64_t> rowid = std::nullopt);

/// The rowid of control `id` (its place in the stored order). Fails when it does not exist.
Result<int64_t> controlRowid(Workspace& ws, const std::string& id);

/// Replaces control `originalId` (which may differ from control.id: a renamed measure) and
/// its items; the control keeps its position. Fails when `originalId` does not exist.
Result<void> updateControl(Workspace& ws, const std::string& originalId, const Control& control,
                           const std::vector<ControlItem>& items);

/// Removes control `id` and its items. Fails when it does not exist.
Result<void> deleteControl(Workspace& ws, const std::string& id);

} // namespace chokepoint::core
