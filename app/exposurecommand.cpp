// SPDX-License-Identifier: MIT
// exposure, generate.
#include <charconv>
#include <ostream>

#include "app/commandline.h"
#include "core/analysis/exposureengine.h"
#include "core/analysis/exposureoutput.h"
#include "core/io/interchange.h"
#include "core/store/workspacestore.h"
#include "core/synth/generator.h"

namespace chokepoint::app {
namespace {

namespace an = core::analysis;

template <class T> std::optional<T> parseInteger(const std::string& text) {
    T v{};
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size())
        return std::nullopt;
    return v;
}

int runExposure(const Args& a, std::ostream& out, std::ostream& err) {
    auto usage = [&](const std::string& msg) {
        err << "chokepoint exposure: " << msg
            << "\nusage: chokepoint exposure WS [--lens location|owned|controlled] [--as-of "
               "YYYY-MM-DD] [--assume-scheduled] [--by material|product|supplier] [--format "
               "table|json|csv]\n";
        return kUsage;
    };
    const std::string lensText = a.value("--lens", "location");
    const auto lens = an::parseLens(lensText);
    if (!lens)
        return usage("unknown lens '" + lensText + "' (use location, owned or controlled)");
    core::Date asOf = core::Date::today();
    if (a.has("--as-of")) {
        const std::string text = a.value("--as-of");
        const auto d = core::Date::parse(text);
        if (!d)
            return usage("--as-of '" + text + "' " + core::Date::parseProblem(text) +
                         " (use YYYY-MM-DD from " + core::Date::rangeText() + ", e.g. 2025-08-01)");
        asOf = *d;
    }
    std::optional<an::ExposureList> by;
    if (a.has("--by")) {
        const std::string text = a.value("--by");
        by = an::parseExposureList(text);
        if (!by)
            return usage("unknown list '" + text +
                         "' for --by (use material, product or supplier)");
    }
    const std::string format = a.value("--format", "table");
    if (format != "table" && format != "json" && format != "csv")
        return usage("unknown format '" + format + "' (use table, json or csv)");

    auto ws = core::openStore(a.positional[0], core::StoreAccess::ReadOnly);
    if (!ws) {
        err << "chokepoint exposure: " << ws.errorString() << "\n";
        return kFailure;
    }
    auto data = (*ws)->load();
    if (!data) {
        err << "chokepoint exposure: " << data.errorString() << "\n";
        return kFailure;
    }
    const an::Network net(std::move(*data));
    const an::ExposureEngine engine(net);
    const an::ExposureResult result = engine.compute(*lens, asOf, a.has("--assume-scheduled"));
    if (format == "json")
        out << an::exposureToJson(net, result);
    else if (format == "csv")
        out << an::exposureToCsv(net, result, by);
    else
        out << an::exposureToTable(net, result, by);
    return kOk;
}

int runGenerate(const Args& a, std::ostream& out, std::ostream& err) {
    auto usage = [&](const std::string& msg) {
        err << "chokepoint generate: " << msg
            << "\nusage: chokepoint generate DIR --sites N [--tiers K] [--seed S]\n";
        return kUsage;
    };
    core::synth::GeneratorOptions o;
    if (!a.has("--sites"))
        return usage("--sites N is required");
    const auto sites = parseInteger<int>(a.value("--sites"));
    if (!sites || *sites < core::synth::kMinSites)
        return usage("--sites needs a whole number of at least " +
                     std::to_string(core::synth::kMinSites));
    o.sites = *sites;
    if (a.has("--tiers")) {
        const auto tiers = parseInteger<int>(a.value("--tiers"));
        if (!tiers || *tiers < core::synth::kMinTiers || *tiers > core::synth::kMaxTiers)
            return usage("--tiers needs a whole number from " +
                         std::to_string(core::synth::kMinTiers) + " to " +
                         std::to_string(core::synth::kMaxTiers));
        o.tiers = *tiers;
    }
    if (a.has("--seed")) {
        const auto seed = parseInteger<uint64_t>(a.value("--seed"));
        if (!seed)
            return usage("--seed needs a whole number");
        o.seed = *seed;
    }
    const core::Dataset data = core::synth::generateNetwork(o);
    const std::string& dir = a.positional[0];
    if (auto r = core::io::exportCsvFolder(data, dir); !r) {
        err << "chokepoint generate: " << r.errorString() << "\n";
        return kFailure;
    }
    out << "generated " << data.sites.size() << " sites, " << data.supply.size()
        << " supply links, " << data.materials.size() << " materials in " << dir << " (seed "
        << o.seed << ", " << o.tiers << " tiers)\n";
    return kOk;
}

} // namespace

void addExposureCommands(std::vector<Command>& list) {
    list.push_back({"exposure",
                    "exposure WS [--lens L] [--as-of D] [--assume-scheduled] "
                    "[--by material|product|supplier] [--format table|json|csv]",
                    "China dependence of materials, products and suppliers (SPEC 3)",
                    {"--lens", "--as-of", "--by", "--format"},
                    {"--assume-scheduled"},
                    1,
                    1,
                    runExposure});
    list.push_back({"generate",
                    "generate DIR --sites N [--tiers K] [--seed S]",
                    "write a synthetic network as a CSV folder (for benchmarks)",
                    {"--sites", "--tiers", "--seed"},
                    {},
                    1,
                    1,
                    runGenerate});
}

} // namespace chokepoint::app
