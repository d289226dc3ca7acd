// SPDX-License-Identifier: MIT
// report: the executive report (SPEC §7) as PDF or self-contained HTML, headless.
#include <ostream>
#include <sstream>

#include <QApplication>
#include <QFileInfo>

#include "app/commandline.h"
#include "core/analysis/network.h"
#include "core/report/reportbuilder.h"
#include "core/scenario/scenarioparser.h"
#include "core/store/workspacestore.h"
#include "core/util/atomicfile.h"
#include "core/util/inputfile.h"
#include "ui/report/reportwriter.h"

namespace chokepoint::app {
namespace {

namespace rp = core::report;

constexpr const char* kUsageText =
    "report WS -o OUT.pdf|OUT.html [--scenario F.json]... [--as-of YYYY-MM-DD] "
    "[--assume-scheduled] [--paper a4|letter] [--lens location|owned|controlled] "
    "[--sections LIST]";

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    std::string item;
    while (std::getline(s, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

int runReport(const Args& a, std::ostream& out, std::ostream& err) {
    auto usage = [&](const std::string& msg) {
        err << "chokepoint report: " << msg << "\nusage: chokepoint " << kUsageText << "\n";
        return kUsage;
    };
    auto failure = [&](const std::string& msg) {
        err << "chokepoint report: " << msg << "\n";
        return kFailure;
    };

    const std::string output = a.value("-o");
    if (output.empty())
        return usage("give the output file with -o OUT.pdf or -o OUT.html");
    const QString outPath = QString::fromStdString(output);
    auto writer = ui::reportWriterForPath(outPath);
    if (!writer)
        return usage("the output must end in .pdf or .html, not '" + output + "'");

    ui::ReportRenderOptions render;
    const std::string paper = a.value("--paper", "a4");
    if (paper == "a4" || paper == "A4")
        render.paper = QPageSize::A4;
    else if (paper == "letter" || paper == "Letter")
        render.paper = QPageSize::Letter;
    else
        return usage("--paper must be a4 or letter, not '" + paper + "'");

    rp::ReportOptions options;
    options.asOf = core::Date::today();
    options.assumeScheduled = a.has("--assume-scheduled");
    if (a.has("--as-of")) {
        const auto d = core::Date::parse(a.value("--as-of"));
        if (!d)
            return usage("--as-of '" + a.value("--as-of") + "' " +
                         core::Date::parseProblem(a.value("--as-of")) + " (use YYYY-MM-DD from " +
                         core::Date::rangeText() + ", e.g. 2025-08-01)");
        options.asOf = *d;
    }
    if (a.has("--lens")) {
        const auto lens = core::analysis::parseLens(a.value("--lens"));
        if (!lens)
            return usage("unknown lens '" + a.value("--lens") +
                         "' (use location, owned or controlled)");
        options.lens = *lens;
    }
    if (a.has("--sections")) {
        options.sections.clear();
        for (const auto& key : splitList(a.value("--sections"))) {
            const auto id = rp::parseSectionKey(key);
            if (!id)
                return usage("unknown section '" + key +
                             "' (use summary, products, materials, suppliers, controls, "
                             "scenarios, methodology)");
            options.sections.push_back(*id);
        }
        if (options.sections.empty())
            return usage("--sections names no section");
    }

    // Fail on a bad output place before the scenarios run, not after: a missing folder, a
    // folder, a symbolic link, a device or a FIFO (the writer checks again when it commits).
    if (auto r = core::checkOutputFile(output); !r)
        return failure(r.errorString());
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return failure("drawing the charts needs a GUI application object (internal error)");

    std::vector<std::pair<std::string, std::string>> scenarioTexts;
    if (auto it = a.options.find("--scenario"); it != a.options.end()) {
        for (const std::string& file : it->second) {
            auto text = core::readInputFile(file, core::kMaxScenarioFileSize);
            if (!text)
                return failure("cannot read the scenario file " + file + ": " + text.errorString());
            scenarioTexts.emplace_back(file, std::move(*text));
        }
    }

    auto ws = core::openStore(a.positional[0], core::StoreAccess::ReadOnly);
    if (!ws)
        return failure(ws.errorString());
    auto data = (*ws)->load();
    if (!data)
        return failure(data.errorString());
    const auto name = (*ws)->meta("name");
    options.workspaceName = name && !name->empty() ? *name : (*ws)->displayName();
    options.fictionalData = (*ws)->isBundledExample();
    const core::analysis::Network net(std::move(*data));

    size_t problems = 0;
    for (const auto& [file, text] : scenarioTexts) {
        auto parsed = core::scenario::parseScenarioDetailed(text, &net);
        for (const auto& issue : parsed.issues)
            err << file << ": " << issue.toString() << "\n";
        problems += parsed.issues.size();
        if (parsed.scenario)
            options.scenarios.push_back(
                {std::move(*parsed.scenario),
                 QFileInfo(QString::fromStdString(file)).fileName().toStdString()});
    }
    if (problems > 0) {
        err << "chokepoint report: " << problems
            << " problem(s) in the scenario file(s); no report was written\n";
        return kInvalidData;
    }

    auto document = rp::buildReport(net, options);
    if (!document)
        return failure(document.errorString());
    if (!writer->write(*document, render, outPath))
        return failure(writer->errorString().toStdString());
    out << "Wrote " << output << " (" << writer->name().toStdString() << ", "
        << document->sections.size() << " sections, " << options.scenarios.size() << " scenario"
        << (options.scenarios.size() == 1 ? "" : "s") << ")\n";
    return kOk;
}

} // namespace

void addReportCommands(std::vector<Command>& list) {
    list.push_back({"report",
                    kUsageText,
                    "the executive report: summary, exposure, controls, scenarios, methodology",
                    {"-o", "--scenario", "--as-of", "--paper", "--lens", "--sections"},
                    {"--assume-scheduled"},
                    1,
                    1,
                    runReport});
}

} // namespace chokepoint::app
