// SPDX-License-Identifier: MIT
#include "core/analysis/worldshares.h"

#include <algorithm>

namespace chokepoint::core::analysis {

std::string_view shareBasisMeasure(ShareBasis basis) {
    switch (basis) {
    case ShareBasis::Production:
        return "share of world production";
    case ShareBasis::Refining:
        return "share of world refining output";
    case ShareBasis::Mining:
        return "share of world mine output";
    case ShareBasis::Capacity:
        return "share of world production capacity";
    case ShareBasis::Nationality:
        return "share of world output by company nationality, not plant location";
    case ShareBasis::LowerBound:
        return "lower bound of the share of world production";
    case ShareBasis::Other:
        return "world share measured otherwise";
    }
    return {};
}

std::string_view shareBasisLabel(ShareBasis basis) {
    switch (basis) {
    case ShareBasis::Production:
        return "production";
    case ShareBasis::Refining:
        return "refining output";
    case ShareBasis::Mining:
        return "mine output";
    case ShareBasis::Capacity:
        return "capacity";
    case ShareBasis::Nationality:
        return "company nationality";
    case ShareBasis::LowerBound:
        return "lower bound";
    case ShareBasis::Other:
        return "other measure";
    }
    return {};
}

std::string WorldShareFact::qualification() const {
    if (!qualified())
        return {};
    std::string out(shareBasisMeasure(basis));
    if (!note.empty())
        out += ": " + note;
    return out;
}

namespace {

// The rows of `material` in data order; the Network keeps only (country, share) per material.
template <class F> void forEachRow(const Network& net, Index material, F&& f) {
    if (material == kNone)
        return;
    const std::string& id = net.materials.id(material);
    for (const WorldShare& w : net.data().worldShares)
        if (w.materialId == id)
            f(w);
}

} // namespace

std::optional<WorldShareFact> worldShareFact(const Network& net, Index material, Index country) {
    if (country == kNone)
        return std::nullopt;
    const std::string& iso3 = net.countries.id(country);
    std::optional<WorldShareFact> out;
    forEachRow(net, material, [&](const WorldShare& w) {
        if (out || w.country != iso3)
            return;
        out = WorldShareFact{w.share, w.basis, w.note.value_or(std::string()), w.year};
    });
    return out;
}

WorldShareBasis worldShareBasis(const Network& net, Index material) {
    WorldShareBasis out;
    bool first = true;
    forEachRow(net, material, [&](const WorldShare& w) {
        if (first)
            out.basis = w.basis;
        else if (w.basis != out.basis)
            out.mixed = true;
        first = false;
        if (w.basis != ShareBasis::Production && w.note && !w.note->empty() &&
            std::find(out.notes.begin(), out.notes.end(), *w.note) == out.notes.end())
            out.notes.push_back(*w.note);
    });
    if (out.mixed)
        out.basis = ShareBasis::Other;
    return out;
}

} // namespace chokepoint::core::analysis
