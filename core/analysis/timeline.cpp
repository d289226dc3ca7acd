// SPDX-License-Identifier: MIT
#include "core/analysis/timeline.h"

#include <algorithm>
#include <map>

namespace chokepoint::core::analysis {

std::vector<Date> controlChangeDates(const Network& net) {
    std::vector<Date> dates;
    for (const Control& c : net.data().controls) {
        dates.push_back(c.effective);
        if (c.end)
            dates.push_back(*c.end);
    }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

ControlTimeline controlledTimeline(const ExposureEngine& engine, Date asOf,
                                   const SummaryFilter& filter, const TimelineProgress& progress,
                                   const ControlTimeline* reuse, bool assumeScheduled) {
    const Network& net = engine.network();
    ControlTimeline out;
    std::vector<Date> dates = controlChangeDates(net);
    if (!std::binary_search(dates.begin(), dates.end(), asOf))
        dates.insert(std::upper_bound(dates.begin(), dates.end(), asOf), asOf);

    // The lens depends on the date only through the set of controls in force.
    std::map<std::vector<char>, Summary> byInForceSet;
    for (size_t i = 0; i < dates.size(); ++i) {
        if (progress && !progress(i, dates.size())) {
            out.cancelled = true;
            return out;
        }
        const Date d = dates[i];
        auto state = std::make_shared<const ControlState>(net, d, assumeScheduled);
        std::vector<char> inForce(net.controls.size(), 0);
        for (const Index c : state->inForceControls())
            inForce[size_t(c)] = 1;
        TimelinePoint p;
        p.date = d;
        p.asOf = d == asOf;
        for (size_t c = 0; c < net.controls.size(); ++c) {
            const Control& ctl = net.data().controls[c];
            if (ctl.effective == d)
                p.starting.push_back(Index(c));
            if (ctl.end && *ctl.end == d)
                p.ending.push_back(Index(c));
        }
        const TimelinePoint* old = nullptr;
        if (reuse && !reuse->cancelled) {
            auto at = std::lower_bound(reuse->points.begin(), reuse->points.end(), d,
                                       [](const TimelinePoint& q, Date x) { return q.date < x; });
            if (at != reuse->points.end() && at->date == d)
                old = &*at;
        }
        if (old) {
            TimelinePoint copy = *old;
            copy.asOf = p.asOf;
            copy.starting = std::move(p.starting);
            copy.ending = std::move(p.ending);
            out.points.push_back(std::move(copy));
            continue;
        }
        auto it = byInForceSet.find(inForce);
        if (it == byInForceSet.end())
            it = byInForceSet
                     .emplace(std::move(inForce),
                              summarize(net, engine.compute(Lens::Controlled, std::move(state)),
                                        filter, 0))
                     .first;
        const Summary& s = it->second;
        p.revenue = s.revenue;
        p.revenueAtRisk = s.revenueAtRisk;
        p.revenueDependence = s.revenueDependence;
        p.spend = s.spend;
        p.spendAtRisk = s.spendAtRisk;
        p.materialsOverHalf = s.materialsOverHalf;
        p.controlsTouching = s.controlsInForce;
        out.points.push_back(std::move(p));
    }
    if (progress)
        progress(dates.size(), dates.size());
    return out;
}

} // namespace chokepoint::core::analysis
