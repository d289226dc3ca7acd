// SPDX-License-Identifier: MIT
// criticality: time to survive against time to recover of every supplying site (SPEC §4.2).
#include <charconv>
#include <ostream>

#include "app/commandline.h"
#include "core/analysis/network.h"
#include "core/scenario/criticality.h"
#include "core/scenario/criticalityoutput.h"
#include "core/scenario/scenario.h"
#include "core/store/workspacestore.h"

namespace chokepoint::app {
namespace {

namespace sc = core::scenario;

std::optional<int> parseWhole(const std::string& text, int lo, int hi) {
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi)
        return std::nullopt;
    return v;
}

int runCriticality(const Args& a, std::ostream& out, std::ostream& err) {
    auto usage = [&](const std::string& msg) {
        err << "chokepoint criticality: " << msg
            << "\nusage: chokepoint criticality WS [--as-of YYYY-MM-DD] [--horizon H] "
               "[--recovery-days N] [--top K] [--format table|json|csv]\n";
        return kUsage;
    };
    sc::CriticalityOptions o;
    o.asOf = core::Date::today();
    if (a.has("--as-of")) {
        const std::string text = a.value("--as-of");
        const auto d = core::Date::parse(text);
        if (!d)
            return usage("invalid date '" + text + "' (use YYYY-MM-DD, e.g. 2025-08-01)");
        o.asOf = *d;
    }
    if (a.has("--horizon")) {
        const auto h = parseWhole(a.value("--horizon"), 1, sc::kMaxHorizonDays);
        if (!h)
            return usage("--horizon must be a whole number of days from 1 to " +
                         std::to_string(sc::kMaxHorizonDays));
        o.horizonDays = *h;
    }
    if (a.has("--recovery-days")) {
        const auto n = parseWhole(a.value("--recovery-days"), 0, sc::kMaxHorizonDays);
        if (!n)
            return usage("--recovery-days must be a whole number of days from 0 to " +
                         std::to_string(sc::kMaxHorizonDays));
        o.defaultRecoveryDays = *n;
    }
    int top = 0;
    if (a.has("--top")) {
        const auto k = parseWhole(a.value("--top"), 1, 1000000000);
        if (!k)
            return usage("--top must be a whole number of at least 1");
        top = *k;
    }
    if (a.has("--threads")) {
        const auto t = parseWhole(a.value("--threads"), 1, 1024);
        if (!t)
            return usage("--threads must be a whole number from 1 to 1024");
        o.threads = *t;
    }
    const std::string format = a.value("--format", "table");
    if (format != "table" && format != "json" && format != "csv")
        return usage("unknown format '" + format + "' (use table, json or csv)");

    auto ws = core::openStore(a.positional[0], core::StoreAccess::ReadOnly);
    if (!ws) {
        err << "chokepoint criticality: " << ws.errorString() << "\n";
        return kFailure;
    }
    auto data = (*ws)->load();
    if (!data) {
        err << "chokepoint criticality: " << data.errorString() << "\n";
        return kFailure;
    }
    const core::analysis::Network net(std::move(*data));
    const sc::CriticalityResult result = sc::computeCriticality(net, o);
    if (format == "json")
        out << sc::criticalityToJson(result); // every site: --top limits table and CSV only
    else if (format == "csv")
        out << sc::criticalityToCsv(result, top);
    else
        out << sc::criticalityToTable(result, top);
    return kOk;
}

} // namespace

void addCriticalityCommands(std::vector<Command>& list) {
    list.push_back({"criticality",
                    "criticality WS [--as-of D] [--horizon H] [--recovery-days N] [--top K] "
                    "[--format table|json|csv]",
                    "which single site would stop us before it recovers (SPEC 4.2)",
                    {"--as-of", "--horizon", "--recovery-days", "--top", "--format", "--threads"},
                    {},
                    1,
                    1,
                    runCriticality});
}

} // namespace chokepoint::app
