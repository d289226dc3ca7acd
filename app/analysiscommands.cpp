// SPDX-License-Identifier: MIT
// exposure, scenario, report, generate.
#include "app/commandline.h"

namespace chokepoint::app {

void addAnalysisCommands(std::vector<Command>&) {}

} // namespace chokepoint::app
