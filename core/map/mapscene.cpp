// SPDX-License-Identifier: MIT
#include "core/map/mapscene.h"

#include <algorithm>

namespace chokepoint::core::map {

const MapSite* MapScene::findSite(int32_t site) const {
    const auto it = std::lower_bound(sites.begin(), sites.end(), site,
                                     [](const MapSite& s, int32_t i) { return s.site < i; });
    return it != sites.end() && it->site == site ? &*it : nullptr;
}

} // namespace chokepoint::core::map
