// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "core/analysis/explanation.h"

namespace chokepoint::ui {

/// The paths that carry a material's dependence (core::analysis::explainMaterial) as nested
/// HTML lists: each tier's links with share, f and contribution to D, why the site counts,
/// the unknown-origin part and the omitted remainder.
QString explanationHtml(const core::analysis::Network& net,
                        const core::analysis::Explanation& explanation);
/// Short text for an exposure reason ("located in China").
QString reasonText(const core::analysis::Network& net, core::analysis::ExposureReason reason);

} // namespace chokepoint::ui
