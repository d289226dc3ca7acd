// SPDX-License-Identifier: MIT
#include "app/commandline.h"

#include <algorithm>
#include <exception>
#include <new>
#include <ostream>

namespace chokepoint::app {

std::string Args::value(const std::string& option, const std::string& fallback) const {
    auto it = options.find(option);
    if (it == options.end() || it->second.empty())
        return fallback;
    return it->second.back();
}

const std::vector<Command>& commands() {
    static const std::vector<Command> list = [] {
        std::vector<Command> l;
        addDataCommands(l);
        addAnalysisCommands(l);
        addServerCommands(l);
        return l;
    }();
    return list;
}

const Command* findCommand(const std::string& name) {
    for (const auto& c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

std::string helpText() {
    std::string s =
        "Chokepoint " CHOKEPOINT_VERSION " - China supply-chain and export-control exposure\n\n"
        "Usage:\n"
        "  chokepoint [WORKSPACE.chokepoint]   open the dashboard (default: the last "
        "or the default workspace)\n";
    for (const auto& c : commands()) {
        std::string line = "  chokepoint " + c.usage;
        if (line.size() < 60)
            line.resize(60, ' ');
        else
            line += "\n" + std::string(60, ' ');
        s += line + c.summary + "\n";
    }
    s += "  chokepoint --help | --version\n\n"
         "WS is a workspace file, or a workspace on a PostgreSQL team server:\n"
         "  postgresql://[user@]host[:port]/db?workspace=NAME (passwords from ~/.pgpass or\n"
         "  PGPASSWORD, never in the location; see docs/team-server.md).\n\n"
         "Exit codes: 0 success, 1 failure, 2 bad usage, 3 invalid input data (nothing "
         "written).\n";
    return s;
}

int runCommandLine(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    if (argv.empty() || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
        out << helpText();
        return kOk;
    }
    if (argv[0] == "--version") {
        out << "chokepoint " CHOKEPOINT_VERSION "\n";
        return kOk;
    }
    const Command* cmd = findCommand(argv[0]);
    if (!cmd) {
        err << "chokepoint: unknown command '" << argv[0] << "'\n\n" << helpText();
        return kUsage;
    }
    auto usageError = [&](const std::string& msg) {
        err << "chokepoint " << cmd->name << ": " << msg << "\nusage: chokepoint " << cmd->usage
            << "\n";
        return kUsage;
    };
    Args args;
    for (size_t i = 1; i < argv.size(); ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            out << "usage: chokepoint " << cmd->usage << "\n" << cmd->summary << "\n";
            return kOk;
        }
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            std::string value;
            bool hasInline = false;
            if (auto eq = a.find('='); eq != std::string::npos) {
                value = a.substr(eq + 1);
                a = a.substr(0, eq);
                hasInline = true;
            }
            const bool takesValue = std::find(cmd->valueOptions.begin(), cmd->valueOptions.end(),
                                              a) != cmd->valueOptions.end();
            const bool isFlag =
                std::find(cmd->flags.begin(), cmd->flags.end(), a) != cmd->flags.end();
            if (takesValue) {
                if (!hasInline) {
                    if (i + 1 >= argv.size())
                        return usageError("option " + a + " needs a value");
                    value = argv[++i];
                }
                args.options[a].push_back(value);
            } else if (isFlag && !hasInline) {
                args.options[a];
            } else {
                return usageError("unknown option " + a);
            }
        } else if (a == "-o" && std::find(cmd->valueOptions.begin(), cmd->valueOptions.end(),
                                          "-o") != cmd->valueOptions.end()) {
            if (i + 1 >= argv.size())
                return usageError("option -o needs a value");
            args.options["-o"].push_back(argv[++i]);
        } else {
            args.positional.push_back(a);
        }
    }
    if (args.positional.size() < cmd->minPositional)
        return usageError("missing arguments");
    if (args.positional.size() > cmd->maxPositional)
        return usageError("too many arguments");
    try {
        return cmd->run(args, out, err);
    } catch (const std::bad_alloc&) {
        err << "chokepoint " << cmd->name
            << ": not enough memory (check the input's size and the process's memory limit)\n";
        return kFailure;
    } catch (const std::exception& e) {
        err << "chokepoint " << cmd->name << ": internal error: " << e.what() << "\n";
        return kFailure;
    }
}

} // namespace chokepoint::app
