// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace chokepoint::ui {

/// Starts the dashboard. With an empty path it opens the last workspace, or creates the
/// default one from the bundled data on first start. Returns the exit code.
int runGui(int argc, char** argv, const std::string& workspacePath);

} // namespace chokepoint::ui
