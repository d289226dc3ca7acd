// SPDX-License-Identifier: MIT
#include "app/commandline.h"

namespace chokepoint::app {

void addExposureCommands(std::vector<Command>&) {}

} // namespace chokepoint::app
