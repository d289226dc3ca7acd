// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "ui/appstate.h"

namespace chokepoint::ui {

/// The details dock's text for a selection: the item's facts and figures under all three
/// lenses (from `exposure`), its sources, and for materials (and a product's most dependent
/// material) the paths that carry the dependence under the current lens
/// (core::analysis::explainMaterial). Lookups and formatting only.
QString detailsHtml(const Selection& selection, const ExposureSet& exposure,
                    const core::analysis::ExposureEngine& engine,
                    const core::analysis::Summary& summary, const Filters& filters);

} // namespace chokepoint::ui
