// SPDX-License-Identifier: MIT
// Loading a large workspace (the path the exposure bench measures): Workspace::load reads a
// big supply table in two halves on two connections; the result must equal a plain read.
#include <gtest/gtest.h>

#include "core/analysis/exposureengine.h"
#include "core/store/workspace.h"
#include "core/synth/generator.h"
#include "tests/core/analysis/exposurereference.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
namespace {

TEST(ExposureLoad, LargeWorkspaceRoundTripsThroughTheParallelRead) {
    // ~26,000 sites give about 250,000 supply rows, above the parallel-read threshold.
    const core::Dataset data = core::synth::generateNetwork({26000, 4, 17});
    ASSERT_GT(data.supply.size(), 220000u);
    TempDir dir;
    const std::string path = dir.file("large.chokepoint");
    {
        auto ws = core::Workspace::create(path);
        ASSERT_TRUE(ws) << ws.errorString();
        ASSERT_TRUE(ws->write(data, core::WriteMode::Replace));
    }
    auto ws = core::Workspace::openReadOnly(path);
    ASSERT_TRUE(ws) << ws.errorString();
    auto loaded = ws->load();
    ASSERT_TRUE(loaded) << loaded.errorString();
    EXPECT_EQ(loaded->supply.size(), data.supply.size());
    EXPECT_TRUE(loaded->supply == data.supply); // same rows, same order
    EXPECT_TRUE(*loaded == data);

    // And the network built from it gives the reference figures.
    const core::analysis::Network net(std::move(*loaded));
    const core::analysis::ExposureEngine engine(net);
    const auto t = *core::Date::parse("2025-08-01");
    const auto r = engine.compute(core::analysis::Lens::Owned, t);
    const auto ref = reference::exposure(data, "owned", t);
    ASSERT_EQ(r.materials.size(), ref.materials.size());
    for (const auto& m : r.materials)
        EXPECT_NEAR(m.dependence, ref.materials.at(net.materials.id(m.material)).dependence, 1e-9);
}

} // namespace
} // namespace chokepoint::test
