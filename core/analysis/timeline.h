// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "core/analysis/controlstate.h"
#include "core/analysis/exposureengine.h"
#include "core/analysis/summary.h"
#include "core/model/dataset.h"

namespace chokepoint::core::analysis {

/// Every `effective` and `end` date of the network's controls, sorted, without duplicates:
/// the only days on which the set of controls in force (and so the `controlled` lens) can
/// change.
std::vector<Date> controlChangeDates(const Network& net);

/// The `controlled`-lens figures on one day. They hold from `date` until the next point's date.
struct TimelinePoint {
    Date date;
    bool asOf = false; ///< the requested as-of date (it may also be a change date)
    double revenue = 0.0;
    double revenueAtRisk = 0.0;
    std::optional<double> revenueDependence; ///< revenueAtRisk / revenue; missing if revenue = 0
    double spend = 0.0;
    double spendAtRisk = 0.0;
    size_t materialsOverHalf = 0;
    /// Controls in force that touch the filtered supply chain (Summary::controlsInForce).
    std::vector<Index> controlsTouching;
    /// Controls whose `effective` / `end` is this day (indices into Network::controls).
    std::vector<Index> starting, ending;
};

struct ControlTimeline {
    std::vector<TimelinePoint> points; ///< by date
    bool cancelled = false;            ///< the progress callback asked to stop; points incomplete
};

/// Progress: (points done, points in total); return false to stop early.
using TimelineProgress = std::function<bool(size_t done, size_t total)>;

/// The `controlled` lens (SPEC §3) summarised under `filter` on every change date of the
/// controls plus `asOf`, counting scheduled measures when `assumeScheduled`. Days with the same
/// set of controls in force share one exposure run.
/// `reuse` may be a complete timeline computed before with the same engine, filter and
/// `assumeScheduled` (e.g. for another as-of date): its figures are taken for the dates it
/// has, so moving the as-of date costs one exposure run. Pure function over const inputs; thread-safe.
ControlTimeline controlledTimeline(const ExposureEngine& engine, Date asOf,
                                   const SummaryFilter& filter = {},
                                   const TimelineProgress& progress = {},
                                   const ControlTimeline* reuse = nullptr,
                                   bool assumeScheduled = false);

} // namespace chokepoint::core::analysis
