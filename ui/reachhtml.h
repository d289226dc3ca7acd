// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "ui/appstate.h"

namespace chokepoint::ui {

/// The details dock's section on where a material leads (core/analysis/materialreach.h) under
/// `lens`: the tiers where we need it, the materials we report that need it (each with the
/// recipe chain down to it and its dependence through it) and the products it reaches, with
/// links ("select:<selection key>") that select those items. Formatting only.
QString reachHtml(const core::analysis::Network& net, core::analysis::Index material,
                  const ExposureSet& exposure, core::analysis::Lens lens);

/// The link that selects an item in the details dock: "select:<selection key>".
QString selectLink(const Selection& selection, const QString& text);

} // namespace chokepoint::ui
