// SPDX-License-Identifier: MIT
#include "app/commandline.h"

namespace chokepoint::app {

void addScenarioCommands(std::vector<Command>&) {}

} // namespace chokepoint::app
