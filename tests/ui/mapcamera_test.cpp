// SPDX-License-Identifier: MIT
// The map's framing: zoom about a point, its limits, panning kept in bounds.
#include <gtest/gtest.h>

#include "ui/map/mapcamera.h"

namespace chokepoint::ui {
namespace {

namespace cm = core::map;

cm::MapRect rect(double x0, double y0, double x1, double y1) {
    cm::MapRect r;
    r.add(cm::MapPoint{x0, y0});
    r.add(cm::MapPoint{x1, y1});
    return r;
}

// A world 4 x 2 units (x −2..2, y −1..1), home its upper part (y −0.5..1), viewport 400 x 300.
// Home fits at min(384 / 4, 284 / 1.5) = 96 px per unit (8 px margins).
class MapCameraTest : public ::testing::Test {
protected:
    MapCameraTest()
        : camera(rect(-2, -1, 2, 1), rect(-2, -0.5, 2, 1)) {
        camera.setViewport(QSizeF(400, 300));
    }
    MapCamera camera;
};

TEST_F(MapCameraTest, StartsOnTheHomeArea) {
    EXPECT_DOUBLE_EQ(camera.minScale(), 96.0);
    EXPECT_DOUBLE_EQ(camera.maxScale(), 96.0 * MapCamera::kMaxZoom);
    // fitHome: 24 px margins, min(352 / 4, 252 / 1.5) = 88 px per unit; home centred:
    // (0, 0.25) on (200, 150).
    EXPECT_DOUBLE_EQ(camera.transform().scale, 88.0);
    const QPointF c = camera.transform().toScreen({0, 0.25});
    EXPECT_DOUBLE_EQ(c.x(), 200.0);
    EXPECT_DOUBLE_EQ(c.y(), 150.0);
}

TEST_F(MapCameraTest, ZoomKeepsThePointUnderTheCursorWithinLimits) {
    const QPointF cursor(300, 100);
    const cm::MapPoint under = camera.transform().toMap(cursor);
    camera.zoomBy(2.0, cursor);
    EXPECT_DOUBLE_EQ(camera.transform().scale, 176.0);
    const cm::MapPoint after = camera.transform().toMap(cursor);
    EXPECT_NEAR(after.x, under.x, 1e-12);
    EXPECT_NEAR(after.y, under.y, 1e-12);
    camera.zoomBy(1e-3);
    EXPECT_DOUBLE_EQ(camera.transform().scale, 96.0); // not below the home fit
    camera.zoomBy(1e9);
    EXPECT_DOUBLE_EQ(camera.transform().scale, camera.maxScale());
}

TEST_F(MapCameraTest, PanningStopsHalfAViewportBeyondTheWorld) {
    camera.zoomBy(4.0); // 352 px per unit: the world is 1408 x 704 px
    camera.panBy(QPointF(10, -5));
    const QPointF before = camera.transform().origin;
    camera.panBy(QPointF(3, 4));
    EXPECT_DOUBLE_EQ(camera.transform().origin.x() - before.x(), 3.0);
    EXPECT_DOUBLE_EQ(camera.transform().origin.y() - before.y(), 4.0);
    // Far to the right: the world's left edge (x = −2) stops at the viewport's middle.
    camera.panBy(QPointF(1e6, 0));
    EXPECT_DOUBLE_EQ(camera.transform().toScreen({-2, 0}).x(), 200.0);
    camera.panBy(QPointF(0, -1e6)); // far up: the bottom edge (y = −1) stops at the middle
    EXPECT_DOUBLE_EQ(camera.transform().toScreen({0, -1}).y(), 150.0);
}

TEST_F(MapCameraTest, FitsAnAreaAndStaysThereWhenResized) {
    camera.fitArea(rect(0.5, 0.5, 0.7, 0.6), 0.0); // 400 / 0.2 = 2000 vs 300 / 0.1 = 3000
    EXPECT_DOUBLE_EQ(camera.transform().scale, 2000.0);
    const QPointF c = camera.transform().toScreen({0.6, 0.55});
    EXPECT_DOUBLE_EQ(c.x(), 200.0);
    EXPECT_DOUBLE_EQ(c.y(), 150.0);
    camera.setViewport(QSizeF(600, 300)); // wider: same scale, same point at the middle
    EXPECT_DOUBLE_EQ(camera.transform().scale, 2000.0);
    const QPointF again = camera.transform().toScreen({0.6, 0.55});
    EXPECT_DOUBLE_EQ(again.y(), 150.0);
}

} // namespace
} // namespace chokepoint::ui
