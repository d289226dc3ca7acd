// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace chokepoint::app {

/// Exit codes of SPEC §5.
enum ExitCode { kOk = 0, kFailure = 1, kUsage = 2, kInvalidData = 3 };

/// Parsed arguments of one sub-command.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options; ///< "--as-of" -> values
    bool has(const std::string& flag) const { return options.count(flag) > 0; }
    std::string value(const std::string& option, const std::string& fallback = {}) const;
};

struct Command {
    std::string name;
    std::string usage;                     ///< e.g. "init WS [--empty]"
    std::string summary;                   ///< one line
    std::vector<std::string> valueOptions; ///< options taking a value
    std::vector<std::string> flags;        ///< options without a value
    size_t minPositional = 0;
    size_t maxPositional = 0;
    std::function<int(const Args&, std::ostream& out, std::ostream& err)> run;
};

/// Every sub-command, in the order of `--help`.
const std::vector<Command>& commands();
const Command* findCommand(const std::string& name);

/// Runs a sub-command line (argv without the program name). Never throws.
int runCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
std::string helpText();

// Sub-command groups, each in its own file.
void addDataCommands(std::vector<Command>& list);
void addAnalysisCommands(std::vector<Command>& list);
void addExposureCommands(std::vector<Command>& list);    // exposure, generate
void addScenarioCommands(std::vector<Command>& list);    // scenario
void addCriticalityCommands(std::vector<Command>& list); // criticality
void addReportCommands(std::vector<Command>& list);      // report
void addServerCommands(std::vector<Command>& list);      // server init

} // namespace chokepoint::app
