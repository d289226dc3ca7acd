// SPDX-License-Identifier: MIT
#include "core/model/dataset.h"

#include <algorithm>

namespace chokepoint::core {

bool Dataset::empty() const {
    return countries.empty() && materials.empty() && recipes.empty() && worldShares.empty() &&
           technologies.empty() && controls.empty() && controlItems.empty() && suppliers.empty() &&
           sites.empty() && siteTechnologies.empty() && products.empty() && productBom.empty() &&
           supply.empty() && inventory.empty() && alternatives.empty() && sources.empty();
}

std::optional<int> Dataset::referenceVintage() const {
    std::optional<int> newest;
    auto take = [&](const std::optional<int>& y) {
        if (y && (!newest || *y > *newest))
            newest = y;
    };
    for (const auto& s : sources)
        take(s.year);
    for (const auto& w : worldShares)
        take(w.year);
    return newest;
}

} // namespace chokepoint::core
