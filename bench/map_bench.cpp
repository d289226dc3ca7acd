// SPDX-License-Identifier: MIT
// The map's core work on a large network (issue 19; the GUI side is in bench/gui):
//   scene:   core::map::buildMapScene (chain walk, country measures, flows of everything)
//   markers: core::map::buildMarkers at the world view's cluster radius and zoomed in
// Usage: map_bench [--workspace WS] [benchmark flags]; without a workspace it generates the
// 100,000-site network of SPEC §8 in memory (seed 3).
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/analysis/exposureengine.h"
#include "core/map/mapbuilder.h"
#include "core/map/mapmarkers.h"
#include "core/store/workspace.h"
#include "core/synth/generator.h"

namespace {

using namespace chokepoint;

struct Fixture {
    std::unique_ptr<core::analysis::Network> net;
    std::unique_ptr<core::analysis::ExposureEngine> engine;
    core::analysis::ExposureResult result;
    std::unique_ptr<core::map::WorldAtlas> atlas;
    core::map::MapScene scene;
};
Fixture g;
std::string g_workspace;

core::map::MapRequest everything() {
    core::map::MapRequest r;
    r.flowAll = true;
    return r;
}

void BM_Scene(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(
            core::map::buildMapScene(*g.net, g.result, *g.atlas, everything()));
    state.counters["sites"] = double(g.scene.sites.size());
    state.counters["arcs"] = double(g.scene.arcs.size() + g.scene.arcsLeftOut);
}
BENCHMARK(BM_Scene)->Unit(benchmark::kMillisecond);

// Radii: 30 px at the world view of a 1440 x 900 window (about 150 px per unit), and at 32x.
void BM_Markers(benchmark::State& state) {
    const double radius = 30.0 / (150.0 * double(state.range(0)));
    size_t markers = 0, flows = 0;
    for (auto _ : state) {
        const auto m = core::map::buildMarkers(g.scene, radius);
        markers = m.markers.size();
        flows = m.flows.size();
    }
    state.counters["markers"] = double(markers);
    state.counters["flows"] = double(flows);
}
BENCHMARK(BM_Markers)->Arg(1)->Arg(32)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--workspace") == 0 && i + 1 < argc) {
            g_workspace = argv[i + 1];
            for (int j = i; j + 2 <= argc; ++j)
                argv[j] = argv[j + 2];
            argc -= 2;
            break;
        }
    core::Dataset data;
    if (g_workspace.empty()) {
        data = core::synth::generateNetwork({100000, 4, 3});
    } else {
        auto ws = core::Workspace::open(g_workspace);
        auto loaded = ws ? ws->load() : core::Result<core::Dataset>(ws.error());
        if (!loaded) {
            std::fprintf(stderr, "map_bench: %s\n", loaded.errorString().c_str());
            return 1;
        }
        data = std::move(*loaded);
    }
    auto atlas = core::map::loadBundledWorldAtlas();
    if (!atlas) {
        std::fprintf(stderr, "map_bench: %s\n", atlas.errorString().c_str());
        return 1;
    }
    g.atlas = std::make_unique<core::map::WorldAtlas>(std::move(*atlas));
    g.net = std::make_unique<core::analysis::Network>(std::move(data));
    g.engine = std::make_unique<core::analysis::ExposureEngine>(*g.net);
    g.result = g.engine->compute(core::analysis::Lens::Location, core::Date::fromYmd(2025, 8, 1));
    g.scene = core::map::buildMapScene(*g.net, g.result, *g.atlas, everything());
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
