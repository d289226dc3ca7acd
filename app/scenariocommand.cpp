// SPDX-License-Identifier: MIT
// scenario: run a stress scenario (SPEC §4) on a workspace.
#include <algorithm>
#include <charconv>
#include <memory>
#include <ostream>
#include <sstream>

#include "app/commandline.h"
#include "core/analysis/network.h"
#include "core/scenario/scenarioengine.h"
#include "core/scenario/scenarioparser.h"
#include "core/store/workspacestore.h"
#include "core/util/format.h"
#include "core/util/inputfile.h"

namespace chokepoint::app {
namespace {

namespace sc = core::scenario;

std::optional<int64_t> parseWhole(const std::string& text, int64_t lo, int64_t hi) {
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi)
        return std::nullopt;
    return v;
}

std::string dayText(const std::optional<int>& day, const char* none) {
    return day ? "day " + std::to_string(*day) : none;
}

std::string renderTable(const sc::ScenarioResult& r) {
    using core::TextTable;
    std::ostringstream s;
    s << "Scenario: " << r.name << "\n";
    s << "As of " << r.asOf.toString() << (r.assumeScheduled ? " (scheduled measures counted)" : "")
      << ", horizon " << core::formatDays(r.horizonDays) << ", ";
    if (r.runs > 1)
        s << r.runs << " Monte Carlo runs (seed " << r.seed << ")\n";
    else
        s << "deterministic run\n";
    s << "\nLost revenue: " << core::formatMoney(r.totalLostRevenue);
    if (r.runs > 1)
        s << " (mean); P10 " << core::formatMoney(r.lostRevenueP10) << ", P50 "
          << core::formatMoney(r.lostRevenueP50) << ", P90 " << core::formatMoney(r.lostRevenueP90);
    s << "\n\nProducts" << (r.runs > 1 ? " (means over runs)" : "") << "\n";
    TextTable products;
    products.addColumn("id");
    products.addColumn("name");
    products.addColumn("lost units", TextTable::Align::Right);
    products.addColumn("lost revenue", TextTable::Align::Right);
    for (const auto& p : r.products)
        products.addRow(
            {p.id, p.name, core::formatFixed(p.lostUnits, 1), core::formatMoney(p.lostRevenue)});
    s << products.render();

    s << "\nBOM materials"
      << (r.runs > 1 ? " (median run " + std::to_string(r.medianRun) + ")" : "") << "\n";
    TextTable materials;
    materials.addColumn("id");
    materials.addColumn("name");
    materials.addColumn("lowest supply", TextTable::Align::Right);
    materials.addColumn("stock", TextTable::Align::Right);
    materials.addColumn("first shortfall", TextTable::Align::Right);
    materials.addColumn("recovery", TextTable::Align::Right);
    for (const auto& m : r.materials) {
        if (!(m.needPerDay > 0.0))
            continue;
        const double lowest =
            m.supply.empty() ? 1.0 : *std::min_element(m.supply.begin(), m.supply.end());
        materials.addRow({m.id, m.name, core::formatPercent(lowest),
                          core::formatDays(m.initialInventory / m.needPerDay),
                          dayText(m.firstShortfallDay, "none"),
                          m.firstShortfallDay ? dayText(m.recoveryDay, "not in horizon") : "-"});
    }
    s << materials.render();

    s << "\nDaily output, share of planned revenue" << (r.runs > 1 ? " (P50 of runs)" : "") << "\n";
    TextTable daily;
    daily.addColumn("days");
    daily.addColumn("mean", TextTable::Align::Right);
    daily.addColumn("lowest", TextTable::Align::Right);
    if (r.runs > 1) {
        daily.addColumn("P10 lowest", TextTable::Align::Right);
        daily.addColumn("P90 lowest", TextTable::Align::Right);
    }
    const int block = r.horizonDays > 120 ? 30 : 10;
    for (int from = 0; from < r.horizonDays; from += block) {
        const int to = std::min(r.horizonDays, from + block);
        auto lowest = [&](const std::vector<double>& v) {
            return *std::min_element(v.begin() + from, v.begin() + to);
        };
        double sum = 0.0;
        for (int t = from; t < to; ++t)
            sum += r.dailyOutput[size_t(t)];
        std::vector<std::string> row = {std::to_string(from) + "-" + std::to_string(to - 1),
                                        core::formatPercent(sum / (to - from)),
                                        core::formatPercent(lowest(r.dailyOutput))};
        if (r.runs > 1) {
            row.push_back(core::formatPercent(lowest(r.dailyOutputP10)));
            row.push_back(core::formatPercent(lowest(r.dailyOutputP90)));
        }
        daily.addRow(std::move(row));
    }
    s << daily.render();
    return s.str();
}

int runScenarioCommand(const Args& a, std::ostream& out, std::ostream& err) {
    const std::string& wsPath = a.positional[0];
    const std::string& file = a.positional[1];
    auto usage = [&](const std::string& msg) {
        err << "chokepoint scenario: " << msg << "\n";
        return kUsage;
    };
    const std::string format = a.value("--format", "table");
    if (format != "table" && format != "json")
        return usage("--format must be table or json, not '" + format + "'");
    std::optional<int64_t> runs, seed, threads;
    if (a.has("--runs") && !(runs = parseWhole(a.value("--runs"), 1, sc::kMaxRuns)))
        return usage("--runs must be a whole number from 1 to " + std::to_string(sc::kMaxRuns));
    if (a.has("--seed") && !(seed = parseWhole(a.value("--seed"), 0, int64_t(sc::kMaxSeed))))
        return usage("--seed must be a whole number from 0 to 2^53");
    if (a.has("--threads") && !(threads = parseWhole(a.value("--threads"), 1, 1024)))
        return usage("--threads must be a whole number from 1 to 1024");

    const auto text = core::readInputFile(file, core::kMaxScenarioFileSize);
    if (!text) {
        err << "chokepoint scenario: cannot read " << file << ": " << text.errorString() << "\n";
        return kFailure;
    }

    auto ws = core::openStore(wsPath, core::StoreAccess::ReadOnly);
    if (!ws) {
        err << "chokepoint scenario: " << ws.errorString() << "\n";
        return kFailure;
    }
    auto data = (*ws)->load();
    if (!data) {
        err << "chokepoint scenario: " << data.errorString() << "\n";
        return kFailure;
    }
    const core::analysis::Network net(std::move(*data));

    auto parsed = sc::parseScenarioDetailed(*text, &net);
    if (parsed.scenario) {
        if (runs)
            parsed.scenario->runs = int(*runs);
        if (seed)
            parsed.scenario->seed = uint64_t(*seed);
        if (a.has("--assume-scheduled"))
            parsed.scenario->assumeScheduled = true;
        for (auto& issue : sc::validateScenario(*parsed.scenario, &net))
            parsed.issues.push_back({issue.path, issue.message + " (after --runs/--seed)"});
    }
    if (!parsed.issues.empty()) {
        for (const auto& issue : parsed.issues)
            err << file << ": " << issue.toString() << "\n";
        err << "chokepoint scenario: " << parsed.issues.size()
            << " problem(s) in the scenario; nothing was run\n";
        return kInvalidData;
    }
    sc::RunOptions options;
    if (threads)
        options.threads = int(*threads);
    const sc::ScenarioResult result = sc::runScenario(net, *parsed.scenario, options);
    if (format == "json")
        out << sc::scenarioResultToJson(result);
    else
        out << renderTable(result);
    return kOk;
}

} // namespace

void addScenarioCommands(std::vector<Command>& list) {
    list.push_back({"scenario",
                    "scenario WS SCENARIO.json [--runs N] [--seed S] [--assume-scheduled] "
                    "[--format table|json] [--threads N]",
                    "run a stress scenario (bans, licence delays, capacity cuts) day by day",
                    {"--runs", "--seed", "--format", "--threads"},
                    {"--assume-scheduled"},
                    2,
                    2,
                    runScenarioCommand});
}

} // namespace chokepoint::app
