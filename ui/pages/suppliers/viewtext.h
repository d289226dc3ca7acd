// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <vector>

#include <QString>

#include "core/analysis/network.h"

namespace chokepoint::ui::viewtext {

// Names for the Suppliers page's tables, tooltips and network view.

QString qs(const std::string& s);
/// The country's name, or "—" for kNone.
QString countryName(const core::analysis::Network& net, core::analysis::Index country);
QString siteName(const core::analysis::Network& net, core::analysis::Index site);
QString supplierName(const core::analysis::Network& net, core::analysis::Index supplier);
/// A material's name for labels: parenthetical notes dropped ("Synthetic (artificial)
/// graphite, graphitised" -> "Synthetic graphite, graphitised"), then cut before ", " and
/// elided if still longer than maxChars.
QString materialLabel(const QString& name, int maxChars);
/// Short material names joined with ", " (full names: `full`, joined with "<br>").
QString materialList(const core::analysis::Network& net,
                     const std::vector<core::analysis::Index>& materials, QString* full = nullptr);
QString technologyList(const core::analysis::Network& net,
                       const std::vector<core::analysis::Index>& technologies,
                       QString* full = nullptr);
/// "1", "2", … or "alt." for a site that is only an alternative.
QString tierText(const std::optional<int>& tier);

} // namespace chokepoint::ui::viewtext
