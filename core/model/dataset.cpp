// SPDX-License-Identifier: MIT
#include "core/model/dataset.h"

#include <algorithm>

namespace chokepoint::core {

bool Dataset::empty() const {
    return profile.empty() && countries.empty() && materials.empty() && recipes.empty() &&
           worldShares.empty() && technologies.empty() && controls.empty() &&
           controlItems.empty() && suppliers.empty() && sites.empty() && siteTechnologies.empty() &&
           products.empty() && productBom.empty() && supply.empty() && inventory.empty() &&
           alternatives.empty() && sources.empty();
}

std::string joinIdList(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty())
            out += ';';
        out += id;
    }
    return out;
}

std::vector<std::string> splitIdList(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const size_t semi = text.find(';');
        std::string_view part = text.substr(0, semi);
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t'))
            part.remove_prefix(1);
        while (!part.empty() && (part.back() == ' ' || part.back() == '\t'))
            part.remove_suffix(1);
        if (!part.empty())
            out.emplace_back(part);
        if (semi == std::string_view::npos)
            break;
        text.remove_prefix(semi + 1);
    }
    return out;
}

std::optional<std::string> idListText(const std::vector<std::string>& ids) {
    if (ids.empty())
        return std::nullopt;
    return joinIdList(ids);
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
