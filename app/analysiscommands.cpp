// SPDX-License-Identifier: MIT
#include "app/commandline.h"

namespace chokepoint::app {

void addAnalysisCommands(std::vector<Command>& list) {
    addExposureCommands(list);
    addScenarioCommands(list);
    addReportCommands(list);
}

} // namespace chokepoint::app
