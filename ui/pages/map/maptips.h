// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "core/analysis/network.h"
#include "core/map/mapbuilder.h"
#include "core/map/mapcaption.h"
#include "core/map/mapmarkers.h"

namespace chokepoint::ui::maptips {

// The Map page's words: tooltips with exact figures for what is under the cursor, and the
// legend from core's caption. Lookups and formatting only.

/// Exact money for tooltips: "$205,920,000".
QString exactMoney(double amount);

QString siteTip(const core::analysis::Network& net, const core::map::MapScene& scene,
                const core::map::MapSite& site, const core::map::MapRequest& request,
                core::analysis::Lens lens);
QString clusterTip(const core::analysis::Network& net, const core::map::MapScene& scene,
                   const core::map::MapMarkers& markers, int marker);
QString countryTip(const core::analysis::Network& net, const core::map::WorldAtlas& atlas,
                   const core::map::MapScene& scene, const core::map::MapRequest& request,
                   const QString& iso3);
QString usTip(const core::analysis::Network& net, const core::map::MapScene& scene);

} // namespace chokepoint::ui::maptips
