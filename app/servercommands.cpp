// SPDX-License-Identifier: MIT
// server init: a team server's roles and one workspace (SPEC §9).
#include <ostream>

#include "app/commandline.h"
#include "core/store/pgstore.h"

namespace chokepoint::app {
namespace {

int runServer(const Args& a, std::ostream& out, std::ostream& err) {
    const std::string& action = a.positional[0];
    const std::string& location = a.positional[1];
    if (action != "init") {
        err << "chokepoint server: unknown action '" << action
            << "' (expected: init)\nusage: chokepoint server init URI\n";
        return kUsage;
    }
    if (!core::isServerLocation(location)) {
        err << "chokepoint server init: expected a server location, "
               "postgresql://[user@]host[:port]/db?workspace=NAME\n";
        return kUsage;
    }
    if (auto r = core::PgStore::initServer(location); !r) {
        err << "chokepoint server init: " << r.errorString() << "\n";
        return kFailure;
    }
    out << "ready: " << location
        << " (roles chokepoint_viewer, chokepoint_analyst, chokepoint_admin)\n";
    return kOk;
}

} // namespace

void addServerCommands(std::vector<Command>& list) {
    list.push_back({"server",
                    "server init URI",
                    "create the team roles and an empty workspace on a server (idempotent)",
                    {},
                    {},
                    2,
                    2,
                    runServer});
}

} // namespace chokepoint::app
