// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/analysis/network.h"
#include "core/model/date.h"
#include "core/scenario/scenario.h"
#include "core/util/result.h"

namespace chokepoint::core::scenario {

/// Statutory review time of China's dual-use export licences (45 working days), used when a
/// measure has no `licence_review_days`.
inline constexpr int kDefaultLicenceReviewWorkingDays = 45;
/// Observed share of licence applications granted (docs/scenarios.md: about 60 % by late
/// June 2025), the default approval probability for licence and country-ban measures.
inline constexpr double kDefaultApprovalProbability = 0.6;

/// Calendar days of `workingDays` working days (5 per week), rounded half up: 45 -> 63.
int calendarDays(int workingDays);

/// The licence-delay triangle derived from a review time of `workingDays` working days:
/// mode = calendarDays(workingDays), min = ⌊mode / 4⌋, max = ⌈mode · 10 / 7⌉; for 45 working
/// days that is 15 / 63 / 90, the triangle of the example scenarios (docs/scenarios.md).
Delay licenceDelayFor(int workingDays);

/// Choices for measureStressScenario(); unset fields take the defaults described there.
struct MeasureStressOptions {
    std::optional<Delay> delay; ///< default: licenceDelayFor(review days)
    std::optional<double> approvalProbability;
    int horizonDays = 365;
    int runs = 1000;
    std::optional<uint64_t> seed; ///< default: the measure's effective date as YYYYMMDD
};

/// A licence-delay stress scenario (SPEC §4) for one export-control measure, as the
/// Technologies & Controls page's "Stress this measure" prefills it:
///
/// - `as_of` = `asOf`; one `licence` shock from day 0 per item kind of the measure:
///   material items select {countries: [issuer], materials: [...]} and technology items
///   select {technologies: [...]} (a two-field selector would need both to match). When the
///   measure counts at `asOf` (dated in force; a scheduled one with `assume_scheduled` set in
///   the scenario), `controlled: true` is added too: the shocks then act on the flows the
///   `controlled` lens counts (exports to the destinations reached, sites abroad using the
///   issuer's technology). A measure not in force at `asOf` (announced, suspended) is
///   stressed on every flow of its items from the issuer, and on every site using them.
/// - delay: `options.delay`, else the triangle of licenceDelayFor(licence_review_days, or 45
///   working days when the measure has none);
/// - approval probability: `options.approvalProbability`, else 0 for a `prohibition`
///   (no licences are granted) and kDefaultApprovalProbability otherwise.
///
/// Errors: `control` out of range, or a measure without items (nothing to stress).
Result<Scenario> measureStressScenario(const analysis::Network& net, analysis::Index control,
                                       Date asOf, const MeasureStressOptions& options = {});

/// measureStressScenario() as scenario JSON (scenarioToJson), ready for
/// AppState::requestScenarioDraft or `chokepoint scenario`.
Result<std::string> measureStressScenarioJson(const analysis::Network& net, analysis::Index control,
                                              Date asOf, const MeasureStressOptions& options = {});

} // namespace chokepoint::core::scenario
