// SPDX-License-Identifier: MIT
// init, import, export.
#include <ostream>

#include "app/commandline.h"
#include "core/io/bundled.h"
#include "core/io/interchange.h"
#include "core/io/xlsxwriter.h"
#include "core/store/storecopy.h"
#include "core/store/workspacestore.h"

namespace chokepoint::app {
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
    if (s.size() < suffix.size())
        return false;
    for (size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i])
            return false;
    return true;
}

int runInit(const Args& a, std::ostream& out, std::ostream& err) {
    const std::string& location = a.positional[0];
    // Complete or not at all: a file is built under a temporary name and renamed when
    // complete, a server workspace is created in one transaction.
    if (a.has("--empty")) {
        if (auto r = core::createStore(location, core::Dataset{}); !r) {
            err << "chokepoint init: " << r.errorString() << "\n";
            return kFailure;
        }
        out << "created " << location << " (empty)\n";
        return kOk;
    }
    auto data = core::io::bundledDataset();
    auto r = data ? core::createStore(location, *data, core::io::kBundledExampleName)
                  : core::Result<void>(data.error());
    if (!r) {
        err << "chokepoint init: " << r.errorString() << "\n";
        return kFailure;
    }
    out << "created " << location << " with the bundled EV-battery example\n"
        << "note: the example's company, suppliers, sites and supply shares are fictional "
           "(illustration only); its reference data (world shares, export controls) comes from "
           "public sources, see docs/bundled-data.md\n";
    return kOk;
}

int runImport(const Args& a, std::ostream& out, std::ostream& err) {
    const std::string& wsPath = a.positional[0];
    const std::string& source = a.positional[1];
    auto ws = core::openStore(wsPath, core::StoreAccess::ReadWrite);
    if (!ws) {
        err << "chokepoint import: " << ws.errorString() << "\n";
        return kFailure;
    }
    std::vector<core::io::RawTable> tables;
    core::io::IssueList issues;
    // A source that cannot be read at all stops here; problems of single files and records
    // go on to the checks, which report everything else in the same pass (SPEC §2).
    if (!core::io::readSource(source, tables, issues)) {
        err << issues.toString() << "chokepoint import: " << issues.total()
            << " error(s); nothing was written\n";
        return kInvalidData;
    }
    core::io::ImportOptions options;
    options.replace = a.has("--replace");
    auto result = core::io::importTables(**ws, tables, options, issues);
    if (!issues.empty()) {
        err << issues.toString() << "chokepoint import: " << issues.total()
            << " error(s); nothing was written\n";
        return kInvalidData;
    }
    if (!result) {
        err << "chokepoint import: " << result.errorString() << "\n";
        return kFailure;
    }
    size_t total = 0;
    std::string detail;
    for (const auto& [table, n] : result->rows) {
        total += n;
        detail += (detail.empty() ? "" : ", ") + table + " " + std::to_string(n);
    }
    out << "imported " << total << " rows into " << wsPath
        << (options.replace ? " (replacing)" : "") << (detail.empty() ? "" : ": " + detail) << "\n";
    return kOk;
}

int runExport(const Args& a, std::ostream& out, std::ostream& err) {
    const std::string& wsPath = a.positional[0];
    const std::string& target = a.positional[1];
    auto ws = core::openStore(wsPath, core::StoreAccess::ReadOnly);
    if (!ws) {
        err << "chokepoint export: " << ws.errorString() << "\n";
        return kFailure;
    }
    auto data = (*ws)->load();
    if (!data) {
        err << "chokepoint export: " << data.errorString() << "\n";
        return kFailure;
    }
    const auto r = endsWith(target, ".xlsx") ? core::io::exportXlsx(*data, target)
                                             : core::io::exportCsvFolder(*data, target);
    if (!r) {
        err << "chokepoint export: " << r.errorString() << "\n";
        return kFailure;
    }
    out << "exported " << wsPath << " to " << target << "\n";
    return kOk;
}

int runCopy(const Args& a, std::ostream& out, std::ostream& err) {
    const std::string& source = a.positional[0];
    const std::string& destination = a.positional[1];
    auto r = core::copyWorkspace(source, destination);
    if (!r) {
        err << "chokepoint copy: " << r.errorString() << "\n";
        return kFailure;
    }
    out << "copied " << source << " to " << destination << ": " << r->rows << " rows, "
        << r->scenarios << " saved scenario(s)\n";
    return kOk;
}

} // namespace

void addDataCommands(std::vector<Command>& list) {
    list.push_back({"init",
                    "init WS [--empty]",
                    "create a workspace with the bundled data (or empty)",
                    {},
                    {"--empty"},
                    1,
                    1,
                    runInit});
    list.push_back({"import",
                    "import WS PATH [--replace]",
                    "import a CSV folder, a .csv file or an .xlsx workbook",
                    {},
                    {"--replace"},
                    2,
                    2,
                    runImport});
    list.push_back({"export",
                    "export WS DIR|OUT.xlsx",
                    "write every table as CSV files (or one .xlsx workbook)",
                    {},
                    {},
                    2,
                    2,
                    runExport});
    list.push_back({"copy",
                    "copy SRC DST",
                    "copy a whole workspace between a file and a team server, in one transaction",
                    {},
                    {},
                    2,
                    2,
                    runCopy});
}

} // namespace chokepoint::app
