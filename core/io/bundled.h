// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "core/model/dataset.h"
#include "core/util/result.h"

namespace chokepoint::core {
class Workspace;
}

namespace chokepoint::core::io {

/// The EV-battery data set compiled into the program (resources/data/ev-battery).
/// Needs the chokepoint_resources library linked in.
bool readBundledTables(std::vector<RawTable>& tables, IssueList& issues);
/// The bundled data set, validated. An error here is a bug in the shipped data.
Result<Dataset> bundledDataset();

/// Writes the bundled data set into `ws` (replacing what it holds) and marks it as the bundled
/// example (Workspace::isBundledExample), in one transaction.
Result<void> writeBundledExample(Workspace& ws);
/// The name recorded by writeBundledExample().
inline constexpr const char* kBundledExampleName = "ev-battery";
/// A new workspace file at `path` holding the bundled example, marked as such, made as
/// Workspace::createFile() makes one (complete or not at all; `replace` as there).
Result<void> createBundledWorkspace(const std::string& path, bool replace = false);

/// Names and JSON text of the example scenarios shipped with the program.
std::vector<std::pair<std::string, std::string>> bundledScenarios();

} // namespace chokepoint::core::io
