// SPDX-License-Identifier: MIT
#include "app/commandline.h"

namespace chokepoint::app {

void addAnalysisCommands(std::vector<Command>& list) {
    addExposureCommands(list);
    addScenarioCommands(list);
    addCriticalityCommands(list);
    addReportCommands(list);
}

} // namespace chokepoint::app
