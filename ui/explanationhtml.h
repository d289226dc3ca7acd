// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "core/analysis/explanation.h"
#include "core/analysis/sitepaths.h"

namespace chokepoint::ui {

/// The paths that carry a material's dependence (core::analysis::explainMaterial) as nested
/// HTML lists: each tier's links with share, f and contribution to D, why the site counts,
/// the unknown-origin part and the omitted remainder.
QString explanationHtml(const core::analysis::Network& net,
                        const core::analysis::Explanation& explanation);
/// How a site reaches our products (core::analysis::siteReach): a heading, what it feeds
/// (products, our direct suppliers, paths in all) and the heaviest paths as a list, each
/// delivery with the buyer's share and lead time, down to the products.
QString sitePathsHtml(const core::analysis::Network& net, const core::analysis::SiteReach& reach);
/// Short text for an exposure reason ("located in China").
QString reasonText(const core::analysis::Network& net, core::analysis::ExposureReason reason);

} // namespace chokepoint::ui
