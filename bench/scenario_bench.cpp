// SPDX-License-Identifier: MIT
// SPEC §8, the two scenario rows, on networks from the synthetic generator (the same data
// as `chokepoint generate`, built in memory):
//   one deterministic 365-day scenario on the ~1,000,000-link network      target < 2 s
//   1,000 Monte Carlo runs × 365 days on 10,000 sites / ~100,000 links,
//   one thread vs two                          target >= 1.8x, identical numbers, < 20 s
// Usage: scenario_bench [--sites N] [--mc-sites N] [--runs N] [--reps N] [benchmark flags]
// (bench/run_scenario_bench.sh builds and runs this.)
#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <stdexcept>

#include "core/analysis/network.h"
#include "core/scenario/scenarioengine.h"
#include "core/scenario/scenarioparser.h"
#include "core/synth/generator.h"

namespace {

using namespace chokepoint;
using namespace chokepoint::core::scenario;
using Clock = std::chrono::steady_clock;

int g_sites = 100000;  // ~1,000,000 links
int g_mcSites = 10000; // ~100,000 links
int g_runs = 1000;
int g_reps = 5;

double seconds(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::unique_ptr<core::analysis::Network> generate(int sites) {
    core::synth::GeneratorOptions o;
    o.sites = sites;
    o.tiers = 4;
    o.seed = 1;
    return std::make_unique<core::analysis::Network>(core::synth::generateNetwork(o));
}

const core::analysis::Network& bigNetwork() {
    static const auto net = generate(g_sites);
    return *net;
}

const core::analysis::Network& mcNetwork() {
    static const auto net = generate(g_mcSites);
    return *net;
}

Scenario parse(const core::analysis::Network& net, const std::string& json) {
    auto s = parseScenario(json, net);
    if (!s)
        throw std::runtime_error(s.errorString());
    return *s;
}

// Everything in China stops for 60 days: the largest single-country shock of the data.
const char* kChinaStop = R"({"name": "China stop", "as_of": "2025-08-01", "horizon_days": 365,
    "shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop", "start_day": 10,
                "duration_days": 60}]})";
// One smaller country: what a shock reaches is a small part of the network.
const char* kSmallStop = R"({"name": "Chile stop", "as_of": "2025-08-01", "horizon_days": 365,
    "shocks": [{"select": {"countries": ["CHL"]}, "kind": "stop", "start_day": 10}]})";

std::string monteCarloScenario() {
    return R"({"name": "licences", "as_of": "2025-08-01", "horizon_days": 365, "runs": )" +
           std::to_string(g_runs) + R"(, "seed": 2025, "shocks": [
        {"select": {"countries": ["CHN"], "controlled": true}, "kind": "licence", "start_day": 5,
         "delay_days": {"min": 15, "mode": 63, "max": 120}, "approval_probability": 0.7},
        {"select": {"countries": ["AUS"]}, "kind": "capacity", "capacity": 0.5, "start_day": 30,
         "duration_days": 90}]})";
}

std::map<std::string, ScenarioResult> g_results;
std::map<std::string, std::vector<double>> g_cpuMs;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

void runOnce(benchmark::State& state, const core::analysis::Network& net, const Scenario& s,
             int threads, const std::string& key) {
    RunOptions options;
    options.threads = threads;
    for (auto _ : state) {
        const auto start = Clock::now();
        const std::clock_t cpuStart = std::clock(); // CPU time of all threads of the process
        ScenarioResult r = runScenario(net, s, options);
        state.SetIterationTime(seconds(start));
        g_cpuMs[key].push_back(1000.0 * double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        state.counters["links"] = double(net.data().supply.size());
        state.counters["affected"] = double(r.affectedEntities);
        state.counters["per_run"] = double(r.variableEntities);
        g_results[key] = std::move(r);
    }
}

void deterministicChinaStop(benchmark::State& state) {
    const auto& net = bigNetwork();
    runOnce(state, net, parse(net, kChinaStop), 1, "china");
}

void deterministicSmallStop(benchmark::State& state) {
    const auto& net = bigNetwork();
    runOnce(state, net, parse(net, kSmallStop), 1, "small");
}

void monteCarloOneThread(benchmark::State& state) {
    const auto& net = mcNetwork();
    runOnce(state, net, parse(net, monteCarloScenario()), 1, "mc1");
}

void monteCarloTwoThreads(benchmark::State& state) {
    const auto& net = mcNetwork();
    runOnce(state, net, parse(net, monteCarloScenario()), 2, "mc2");
}

// Keeps the median of each benchmark's repetitions (real time, milliseconds).
class MedianReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs) {
            if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median")
                medians[r.run_name.function_name] = r.GetAdjustedRealTime();
            else if (r.run_type == Run::RT_Iteration && r.repetitions <= 1)
                medians[r.run_name.function_name] = r.GetAdjustedRealTime();
        }
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, double> medians;
};

bool identical(const ScenarioResult& a, const ScenarioResult& b) {
    return a.runLostRevenue == b.runLostRevenue && a.dailyOutput == b.dailyOutput &&
           a.dailyOutputP10 == b.dailyOutputP10 && a.dailyOutputP90 == b.dailyOutputP90 &&
           a.medianRun == b.medianRun && scenarioResultToJson(a) == scenarioResultToJson(b);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<char*> rest = {argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](const char* name) -> const char* {
            const size_t n = std::strlen(name);
            if (a.compare(0, n, name) == 0 && a.size() > n && a[n] == '=')
                return argv[i] + n + 1;
            if (a == name && i + 1 < argc)
                return argv[++i];
            return nullptr;
        };
        if (const char* v = value("--sites"))
            g_sites = std::max(10, std::atoi(v));
        else if (const char* m = value("--mc-sites"))
            g_mcSites = std::max(10, std::atoi(m));
        else if (const char* r = value("--runs"))
            g_runs = std::max(2, std::atoi(r));
        else if (const char* p = value("--reps"))
            g_reps = std::max(1, std::atoi(p));
        else
            rest.push_back(argv[i]);
    }
    int restArgc = int(rest.size());
    benchmark::Initialize(&restArgc, rest.data());

    auto add = [&](const char* name, void (*fn)(benchmark::State&)) {
        benchmark::RegisterBenchmark(name, fn)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond)
            ->Iterations(1)
            ->Repetitions(g_reps)
            ->ReportAggregatesOnly(g_reps > 1);
    };
    std::printf("generating %d and %d sites...\n", g_sites, g_mcSites);
    const auto start = Clock::now();
    bigNetwork();
    mcNetwork();
    std::printf("generated in %.1f s: %zu and %zu links\n", seconds(start),
                bigNetwork().data().supply.size(), mcNetwork().data().supply.size());
    add("deterministic_china_stop", deterministicChinaStop);
    add("deterministic_small_stop", deterministicSmallStop);
    add("monte_carlo_1_thread", monteCarloOneThread);
    add("monte_carlo_2_threads", monteCarloTwoThreads);
    MedianReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const auto& m = reporter.medians;
    if (m.size() < 4)
        return 0; // a --benchmark_filter ran only some
    const bool same = identical(g_results.at("mc1"), g_results.at("mc2"));
    std::printf("\nmedians of %d repetitions\n", g_reps);
    std::printf("%-58s %9.1f ms   target < 2000 ms\n",
                ("deterministic, 365 days, China stop, " +
                 std::to_string(bigNetwork().data().supply.size()) + " links")
                    .c_str(),
                m.at("deterministic_china_stop"));
    std::printf("%-58s %9.1f ms\n",
                ("deterministic, 365 days, Chile stop, " +
                 std::to_string(bigNetwork().data().supply.size()) + " links")
                    .c_str(),
                m.at("deterministic_small_stop"));
    const double one = m.at("monte_carlo_1_thread"), two = m.at("monte_carlo_2_threads");
    std::printf("%-58s 1 thread %9.1f ms   2 threads %9.1f ms   %.2fx   identical: %s   "
                "target >= 1.8x, < 20000 ms\n",
                (std::to_string(g_runs) + " runs x 365 days, " +
                 std::to_string(mcNetwork().data().supply.size()) + " links")
                    .c_str(),
                one, two, one / two, same ? "yes" : "NO");
    // CPU time summed over threads: equal figures mean the work splits without overhead,
    // and the wall-clock speed-up is then limited only by the cores the machine gives us.
    std::printf("%-58s 1 thread %9.1f ms   2 threads %9.1f ms   (CPU time, all threads)\n", "",
                median(g_cpuMs["mc1"]), median(g_cpuMs["mc2"]));
    return same ? 0 : 1;
}
