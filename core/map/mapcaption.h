// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"
#include "core/map/mapbuilder.h"

namespace chokepoint::core::map {

/// The caption of `scene`, built by buildMapScene(net, result, atlas, request) under `lens`.
MapCaption describeMap(const analysis::Network& net, const MapScene& scene,
                       const MapRequest& request, analysis::Lens lens);

/// "NCM811 cathode active material" / "Northwind Breeze" / "" — whose flow the arcs show.
std::string flowName(const analysis::Network& net, const MapRequest& request);

} // namespace chokepoint::core::map
