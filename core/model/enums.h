// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace chokepoint::core {

/// Where a material sits in the value chain (SPEC §2, materials.stage).
enum class Stage {
    Mining,
    Refining,
    Precursor,
    Cathode,
    Anode,
    Electrolyte,
    Separator,
    Cell,
    Magnet,
    Component,
    Other
};

enum class ControlKind { Licence, Prohibition, CountryBan };

enum class ItemKind { Material, Technology };

/// Whether a control's dated change was confirmed by the reference cut-off (SPEC §2).
enum class ControlStatus { Confirmed, Scheduled };

/// What a world share actually measures (SPEC §2, world_shares.basis).
enum class ShareBasis { Production, Refining, Mining, Capacity, Nationality, LowerBound, Other };

inline constexpr std::array<std::string_view, 11> kStageNames = {
    "mining",    "refining", "precursor", "cathode",   "anode", "electrolyte",
    "separator", "cell",     "magnet",    "component", "other"};
inline constexpr std::array<std::string_view, 3> kControlKindNames = {"licence", "prohibition",
                                                                      "country_ban"};
inline constexpr std::array<std::string_view, 2> kItemKindNames = {"material", "technology"};
inline constexpr std::array<std::string_view, 2> kControlStatusNames = {"confirmed", "scheduled"};
inline constexpr std::array<std::string_view, 7> kShareBasisNames = {
    "production", "refining", "mining", "capacity", "nationality", "lower_bound", "other"};

constexpr std::string_view toString(Stage s) {
    return kStageNames[static_cast<size_t>(s)];
}
constexpr std::string_view toString(ControlKind k) {
    return kControlKindNames[static_cast<size_t>(k)];
}
constexpr std::string_view toString(ItemKind k) {
    return kItemKindNames[static_cast<size_t>(k)];
}
constexpr std::string_view toString(ControlStatus s) {
    return kControlStatusNames[static_cast<size_t>(s)];
}
constexpr std::string_view toString(ShareBasis b) {
    return kShareBasisNames[static_cast<size_t>(b)];
}

template <class E, size_t N>
constexpr std::optional<E> enumFromString(const std::array<std::string_view, N>& names,
                                          std::string_view text) {
    for (size_t i = 0; i < N; ++i)
        if (names[i] == text)
            return static_cast<E>(i);
    return std::nullopt;
}

inline std::optional<Stage> parseStage(std::string_view t) {
    return enumFromString<Stage>(kStageNames, t);
}
inline std::optional<ControlKind> parseControlKind(std::string_view t) {
    return enumFromString<ControlKind>(kControlKindNames, t);
}
inline std::optional<ItemKind> parseItemKind(std::string_view t) {
    return enumFromString<ItemKind>(kItemKindNames, t);
}
inline std::optional<ControlStatus> parseControlStatus(std::string_view t) {
    return enumFromString<ControlStatus>(kControlStatusNames, t);
}
inline std::optional<ShareBasis> parseShareBasis(std::string_view t) {
    return enumFromString<ShareBasis>(kShareBasisNames, t);
}

} // namespace chokepoint::core
