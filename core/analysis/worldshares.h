// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/network.h"
#include "core/model/enums.h"

namespace chokepoint::core::analysis {

// What a world share measures (SPEC §2 world_shares.basis), in words for views and reports.
// 15 of the bundled example's 47 shares measure something else than production (capacity,
// mine output, company nationality, a lower bound, a single month): those must never be
// shown as "share of world production".

/// A noun phrase for sentences and headings: "share of world production", "share of world
/// production capacity", "lower bound of the share of world production", ...
std::string_view shareBasisMeasure(ShareBasis basis);
/// A short label for a table cell or a legend: "production", "capacity", "mine output",
/// "company nationality", "lower bound", "refining output", "other measure".
std::string_view shareBasisLabel(ShareBasis basis);

/// What the world shares of one country in one material measure.
struct WorldShareFact {
    double share = 0.0;
    ShareBasis basis = ShareBasis::Production;
    std::string note; ///< the row's note; may be empty
    std::optional<int> year;
    /// The basis is not production: views say what it measures (shareBasisMeasure()) and why
    /// (the note) next to the figure.
    bool qualified() const { return basis != ShareBasis::Production; }
    /// "share of world production capacity: Cathode active material capacity by plant
    /// location…" — the measure, then the note when there is one; empty for production.
    std::string qualification() const;
};

/// The world_shares row of `country` in `material`; nullopt when the data has none (the share
/// is unknown, not 0).
std::optional<WorldShareFact> worldShareFact(const Network& net, Index material, Index country);

/// What the world shares of a material measure, as one statement: the basis when every row
/// has the same one (else Other, mixed = true), and the distinct notes of the rows whose
/// basis is not production.
struct WorldShareBasis {
    ShareBasis basis = ShareBasis::Production;
    bool mixed = false;
    std::vector<std::string> notes;
    bool qualified() const { return mixed || basis != ShareBasis::Production; }
};
WorldShareBasis worldShareBasis(const Network& net, Index material);

} // namespace chokepoint::core::analysis
