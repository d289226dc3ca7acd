// SPDX-License-Identifier: MIT
// SPEC §8, two rows, each side by side with its peer in one run:
//   load:     Workspace::load + Network construction  vs  a bare SELECT loop over the same rows
//   exposure: ExposureEngine, three lenses            vs  set-based SQL, tier by tier
// Usage: exposure_bench --workspace WS [--reps N] [--as-of YYYY-MM-DD] [benchmark flags]
// (bench/run_exposure_bench.sh builds, generates the data, imports it and runs this.)
#include <benchmark/benchmark.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <sqlite3.h>

#include "bench/exposure_sqlpeer.h"
#include "core/analysis/exposureengine.h"
#include "core/store/workspace.h"

namespace {

using namespace chokepoint;
using Clock = std::chrono::steady_clock;

std::string g_workspace;
std::string g_asOf = "2025-08-01";
int g_reps = 5;
const char* const kLenses[] = {"location", "owned", "controlled"};

double seconds(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The same SELECTs as Workspace::load (core/store/datasetstore.cpp), every column read with
// the matching sqlite3_column_* call, nothing kept.
const char* const kSelects[] = {
    "SELECT iso3, name, region FROM countries ORDER BY rowid",
    "SELECT id, publisher, title, year, url, notes FROM sources ORDER BY rowid",
    "SELECT id, name, stage, unit FROM materials ORDER BY rowid",
    "SELECT material_id, input_material_id, qty_per_unit FROM recipes ORDER BY rowid",
    "SELECT material_id, country, share, year, source FROM world_shares ORDER BY rowid",
    "SELECT id, name, stage, description FROM technologies ORDER BY rowid",
    "SELECT id, issuer, title, reference, announced, effective, \"end\", kind, target_country, "
    "licence_review_days, source FROM controls ORDER BY rowid",
    "SELECT control_id, item_kind, item_id FROM control_items ORDER BY rowid",
    "SELECT id, name, hq_country, owner_country FROM suppliers ORDER BY rowid",
    "SELECT id, supplier_id, country, name, lat, lon FROM sites ORDER BY rowid",
    "SELECT site_id, technology_id FROM site_technologies ORDER BY rowid",
    "SELECT id, name, annual_volume, unit_price FROM products ORDER BY rowid",
    "SELECT product_id, material_id, qty_per_unit FROM product_bom ORDER BY rowid",
    "SELECT buyer_site, material_id, supplier_site, share, annual_spend, lead_time_days FROM "
    "supply ORDER BY rowid",
    "SELECT material_id, days_on_hand FROM inventory ORDER BY rowid",
    "SELECT material_id, site_id, qualification_days, max_share, cost_premium_pct FROM "
    "alternatives ORDER BY rowid",
};

uint64_t bareSelectLoop() {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(g_workspace.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open " + g_workspace);
    uint64_t checksum = 0;
    for (const char* sql : kSelects) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db));
        const int cols = sqlite3_column_count(st);
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < cols; ++c)
                switch (sqlite3_column_type(st, c)) {
                case SQLITE_INTEGER:
                    checksum += uint64_t(sqlite3_column_int64(st, c));
                    break;
                case SQLITE_FLOAT:
                    checksum += uint64_t(sqlite3_column_double(st, c) * 16);
                    break;
                case SQLITE_TEXT: {
                    const unsigned char* p = sqlite3_column_text(st, c);
                    checksum += uint64_t(sqlite3_column_bytes(st, c)) + p[0];
                    break;
                }
                default:
                    break;
                }
        sqlite3_finalize(st);
    }
    sqlite3_close_v2(db);
    return checksum;
}

std::unique_ptr<core::analysis::Network> loadNetwork() {
    auto ws = core::Workspace::openReadOnly(g_workspace);
    if (!ws)
        throw std::runtime_error(ws.errorString());
    auto data = ws->load();
    if (!data)
        throw std::runtime_error(data.errorString());
    return std::make_unique<core::analysis::Network>(std::move(*data));
}

const core::analysis::Network& network() {
    static const auto net = loadNetwork();
    return *net;
}

std::map<std::string, core::analysis::ExposureResult> g_engineResults;
std::map<std::string, bench::PeerFigures> g_peerResults;

void loadBareSelect(benchmark::State& state) {
    for (auto _ : state) {
        const auto start = Clock::now();
        benchmark::DoNotOptimize(bareSelectLoop());
        state.SetIterationTime(seconds(start));
    }
}

void loadChokepoint(benchmark::State& state) {
    for (auto _ : state) {
        const auto start = Clock::now();
        auto net = loadNetwork();
        benchmark::DoNotOptimize(net->nodes.data());
        state.SetIterationTime(seconds(start));
        state.counters["links"] = double(net->data().supply.size());
        state.counters["sites"] = double(net->sites.size());
    }
}

// The two parts of load_chokepoint, for the breakdown line.
void loadWorkspaceOnly(benchmark::State& state) {
    for (auto _ : state) {
        const auto start = Clock::now();
        auto ws = core::Workspace::openReadOnly(g_workspace);
        auto data = ws->load();
        benchmark::DoNotOptimize(data->supply.data());
        state.SetIterationTime(seconds(start));
    }
}

void networkOnly(benchmark::State& state) {
    for (auto _ : state) {
        core::Dataset copy = network().data(); // not timed
        const auto start = Clock::now();
        const core::analysis::Network net(std::move(copy));
        benchmark::DoNotOptimize(net.nodes.data());
        state.SetIterationTime(seconds(start));
    }
}

void exposureChokepoint(benchmark::State& state) {
    const auto& net = network();
    const core::Date asOf = *core::Date::parse(g_asOf);
    for (auto _ : state) {
        const auto start = Clock::now();
        const core::analysis::ExposureEngine engine(net);
        for (const char* lens : kLenses)
            g_engineResults[lens] = engine.compute(*core::analysis::parseLens(lens), asOf);
        state.SetIterationTime(seconds(start));
    }
}

void exposureSqlPeer(benchmark::State& state) {
    for (auto _ : state) {
        const auto start = Clock::now();
        bench::SqlExposurePeer peer(g_workspace);
        peer.prepare();
        for (const char* lens : kLenses)
            g_peerResults[lens] = peer.compute(lens, g_asOf);
        state.SetIterationTime(seconds(start));
    }
}

// Keeps the median of each benchmark's repetitions (real time, milliseconds).
class MedianReporter : public benchmark::ConsoleReporter {
public:
    MedianReporter()
        : ConsoleReporter(OO_Tabular) {}
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs) {
            if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median")
                medians[r.run_name.function_name] = r.GetAdjustedRealTime();
            else if (r.run_type == Run::RT_Iteration && r.repetitions <= 1)
                medians[r.run_name.function_name] = r.GetAdjustedRealTime(); // a single run
        }
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, double> medians;
};

bool close(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}
bool close(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || close(*a, *b));
}

// Every figure of the engine against the SQL peer; returns the number of disagreements.
int checkAgreement(size_t& compared) {
    const auto& net = network();
    int bad = 0;
    auto fail = [&](const std::string& what) {
        if (++bad <= 10)
            std::printf("DISAGREE %s\n", what.c_str());
    };
    for (const char* lens : kLenses) {
        const auto& r = g_engineResults.at(lens);
        const auto& p = g_peerResults.at(lens);
        if (r.materials.size() != p.materials.size() || r.products.size() != p.products.size() ||
            r.suppliers.size() != p.suppliers.size()) {
            fail(std::string(lens) + ": list sizes differ");
            continue;
        }
        for (size_t i = 0; i < r.materials.size(); ++i) {
            const auto& a = r.materials[i];
            const auto& b = p.materials[i];
            const std::string what = std::string(lens) + " " + b.id;
            if (net.materials.id(a.material) != b.id)
                fail(what + ": id");
            if (!close(a.dependence, b.dependence))
                fail(what + ": D(m) " + std::to_string(a.dependence) + " vs " +
                     std::to_string(b.dependence));
            if (!close(a.directShare, b.directShare) || !close(a.spendAtRisk, b.spendAtRisk) ||
                !close(a.hhi, b.hhi) || !close(a.worldHhi, b.worldHhi))
                fail(what + ": material figures");
            compared += 5;
        }
        for (size_t i = 0; i < r.products.size(); ++i) {
            if (net.products.id(r.products[i].product) != p.products[i].id ||
                !close(r.products[i].dependence, p.products[i].dependence) ||
                !close(r.products[i].revenueAtRisk, p.products[i].revenueAtRisk))
                fail(std::string(lens) + " product " + p.products[i].id);
            compared += 2;
        }
        for (size_t i = 0; i < r.suppliers.size(); ++i) {
            if (net.suppliers.id(r.suppliers[i].supplier) != p.suppliers[i].id ||
                !close(r.suppliers[i].dependence, p.suppliers[i].dependence))
                fail(std::string(lens) + " supplier " + p.suppliers[i].id);
            ++compared;
        }
    }
    return bad;
}

// What first-touching fresh memory costs on this machine (µs per 4 KiB page): loading
// materialises ~250 MB, so on virtual machines where this is high it weighs on the load row.
double pageTouchMicroseconds() {
    constexpr size_t kBytes = size_t(64) << 20;
    double best = 1e9;
    for (int rep = 0; rep < 3; ++rep) {
        const auto start = Clock::now();
        std::unique_ptr<char[]> block(new char[kBytes]);
        for (size_t i = 0; i < kBytes; i += 4096)
            block[i] = char(i);
        benchmark::DoNotOptimize(block.get());
        best = std::min(best, seconds(start) * 1e6 / double(kBytes / 4096));
    }
    return best;
}

void printRow(const char* row, double ours, double peer, const char* target) {
    const double ratio = peer / ours;
    std::printf("%-44s chokepoint %9.1f ms   peer %9.1f ms   ", row, ours, peer);
    if (ratio >= 1.0)
        std::printf("%7.1fx faster", ratio);
    else
        std::printf("%7.2fx the peer", 1.0 / ratio);
    std::printf("   target %s\n", target);
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
        if (const char* v = value("--workspace"))
            g_workspace = v;
        else if (const char* r = value("--reps"))
            g_reps = std::max(1, std::atoi(r));
        else if (const char* d = value("--as-of"))
            g_asOf = d;
        else
            rest.push_back(argv[i]);
    }
    if (g_workspace.empty() || !core::Date::parse(g_asOf)) {
        std::fprintf(stderr,
                     "usage: %s --workspace WS [--reps N] [--as-of YYYY-MM-DD] "
                     "[benchmark flags]\n",
                     argv[0]);
        return 2;
    }
    int restArgc = int(rest.size());
    benchmark::Initialize(&restArgc, rest.data());

    auto reg = [](const char* name, void (*fn)(benchmark::State&)) {
        benchmark::RegisterBenchmark(name, fn)
            ->Iterations(1)
            ->Repetitions(g_reps)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond)
            ->ReportAggregatesOnly(false);
    };
    reg("load_bare_select", loadBareSelect);
    reg("load_chokepoint", loadChokepoint);
    reg("load_workspace_only", loadWorkspaceOnly);
    reg("load_network_only", networkOnly);
    reg("exposure_sql_peer", exposureSqlPeer);
    reg("exposure_chokepoint", exposureChokepoint);

    MedianReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const auto& m = reporter.medians;
    if (!m.count("load_bare_select") || !m.count("load_chokepoint") ||
        !m.count("exposure_sql_peer") || !m.count("exposure_chokepoint")) {
        std::fprintf(stderr, "exposure_bench: not every benchmark ran (filtered?)\n");
        return 0;
    }
    size_t compared = 0;
    const int bad = checkAgreement(compared);
    const auto& net = network();
    std::printf("\nSPEC 8, medians of %d repetitions; %zu sites, %zu supply links, as of %s\n",
                g_reps, net.sites.size(), net.data().supply.size(), g_asOf.c_str());
    printRow("load workspace into memory (vs bare SELECT)", m.at("load_chokepoint"),
             m.at("load_bare_select"), "<= 1.3x the peer");
    if (m.count("load_workspace_only") && m.count("load_network_only"))
        std::printf("%-44s Workspace::load %.1f ms + Network %.1f ms\n", "  load breakdown",
                    m.at("load_workspace_only"), m.at("load_network_only"));
    printRow("exposure, 3 lenses (vs set-based SQL)", m.at("exposure_chokepoint"),
             m.at("exposure_sql_peer"), ">= 20x faster and < 500 ms");
    std::printf("engine and SQL peer: %zu figures compared, %s\n", compared,
                bad ? "DISAGREE" : "all agree (1e-9 relative)");
    std::printf("first touch of fresh memory on this machine: %.2f us per 4 KiB page\n",
                pageTouchMicroseconds());
    return bad ? 1 : 0;
}
