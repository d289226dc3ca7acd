// SPDX-License-Identifier: MIT
#include "core/scenario/scenariofactory.h"

#include <algorithm>

#include "core/analysis/controlstate.h"

namespace chokepoint::core::scenario {

namespace an = analysis;

int calendarDays(int workingDays) {
    // Half up: 7·w/5 + 1/2 = (14·w + 5) / 10 in whole numbers.
    return (14 * workingDays + 5) / 10;
}

Delay licenceDelayFor(int workingDays) {
    const int mode = calendarDays(workingDays);
    const int min = mode / 4;
    const int max = (mode * 10 + 6) / 7;
    return Delay::triangle(min, mode, max);
}

Result<Scenario> measureStressScenario(const an::Network& net, an::Index control, Date asOf,
                                       const MeasureStressOptions& options) {
    if (control < 0 || size_t(control) >= net.controls.size())
        return Error{"no such export control"};
    const Control& c = net.data().controls[size_t(control)];
    const an::ControlInfo& info = net.controls[size_t(control)];
    if (info.materials.empty() && info.technologies.empty())
        return Error{"export control " + c.id + " covers no materials or technologies"};

    const int reviewDays = c.licenceReviewDays.value_or(kDefaultLicenceReviewWorkingDays);
    const Delay delay = options.delay.value_or(licenceDelayFor(reviewDays));
    const double approval = options.approvalProbability.value_or(
        c.kind == ControlKind::Prohibition ? 0.0 : kDefaultApprovalProbability);
    // A scheduled measure dated in force is stressed with *assume scheduled*, so that the
    // `controlled` selector sees it.
    const an::MeasureStatus status = an::ControlState(net, asOf, true).status(control);
    const bool inForce = status.counted;

    Scenario s;
    s.name = "Licence delay: " + c.id + " " + c.title;
    std::string description = "Every flow that export control " + c.id;
    if (c.reference)
        description += " (" + *c.reference + ")";
    description += " covers needs a licence from day 0: delay " +
                   (delay.triangular ? "triangular " + std::to_string(int(delay.min)) + "/" +
                                           std::to_string(int(delay.mode)) + "/" +
                                           std::to_string(int(delay.max)) + " days"
                                     : std::to_string(int(delay.mode)) + " days") +
                   " (review time " + std::to_string(reviewDays) + " working days" +
                   (c.licenceReviewDays ? "" : ", the statutory default") +
                   "), approval probability " + std::to_string(int(approval * 100 + 0.5)) + " %.";
    if (!inForce)
        description += " The measure is not in force at " + asOf.toString() +
                       "; it is stressed as if it were.";
    s.description = description;
    s.asOf = asOf;
    if (inForce && status.scheduled)
        s.assumeScheduled = true;
    s.horizonDays = options.horizonDays;
    s.runs = options.runs;
    s.seed =
        options.seed.value_or(uint64_t(c.effective.year()) * 10000 +
                              uint64_t(c.effective.month()) * 100 + uint64_t(c.effective.day()));

    auto shock = [&](std::string label) {
        Shock k;
        k.label = std::move(label);
        k.kind = ShockKind::Licence;
        k.startDay = 0;
        k.delayDays = delay;
        k.approvalProbability = approval;
        if (inForce)
            k.select.controlled = true;
        return k;
    };
    if (!info.materials.empty()) {
        Shock k = shock(c.id + " material items: licence for exports from " + c.issuer);
        k.select.countries = std::vector<std::string>{c.issuer};
        std::vector<std::string> ids;
        for (const an::Index m : info.materials)
            ids.push_back(net.materials.id(m));
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        k.select.materials = std::move(ids);
        s.shocks.push_back(std::move(k));
    }
    if (!info.technologies.empty()) {
        Shock k = shock(c.id + " technology items: licence per site depending on them");
        std::vector<std::string> ids;
        for (const an::Index t : info.technologies)
            ids.push_back(net.technologies.id(t));
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        k.select.technologies = std::move(ids);
        s.shocks.push_back(std::move(k));
    }
    return s;
}

Result<std::string> measureStressScenarioJson(const an::Network& net, an::Index control, Date asOf,
                                              const MeasureStressOptions& options) {
    auto s = measureStressScenario(net, control, asOf, options);
    if (!s)
        return s.error();
    return scenarioToJson(*s);
}

} // namespace chokepoint::core::scenario
