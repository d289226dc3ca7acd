// SPDX-License-Identifier: MIT
#include "app/commandline.h"

namespace chokepoint::app {

void addReportCommands(std::vector<Command>&) {}

} // namespace chokepoint::app
