// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <QString>

#include "core/analysis/network.h"
#include "core/model/date.h"

namespace chokepoint::ui {

class KpiTile;

/// A "controls in force" tile with scheduled measures apart from confirmed ones (SPEC §3):
/// the value counts the confirmed measures of `counted` (the measures the figures count,
/// e.g. Summary::controlsInForce); the caption adds "+ N scheduled, assumed" when scheduled
/// measures are assumed, or "N scheduled due, unconfirmed, not counted" when some are due at
/// `asOf` but not counted. `caption` is the tile's own line (ids, "none at this date").
void setControlsTile(KpiTile* tile, const core::analysis::Network& net, core::Date asOf,
                     bool assumeScheduled, const std::vector<core::analysis::Index>& counted,
                     const QString& caption);

} // namespace chokepoint::ui
