// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/network.h"
#include "core/model/date.h"

namespace chokepoint::core::analysis {

/// "Mostly of unknown origin" means an unknown-origin share strictly above this.
inline constexpr double kMostlyUnknown = 0.5;
/// World shares whose year lies more than this many years before the as-of year are old.
inline constexpr int kMaxWorldShareAge = 3;

/// Known world shares of a material summing below this leave its world mix unknown (SPEC §3:
/// the world HHI is null, and the high bound counts unknown origin as exposed).
inline constexpr double kMinKnownWorldShare = 0.8;

/// Rows of one interchange table.
struct TableRows {
    std::string table;
    bool reference = false; ///< reference data (shared facts) rather than company data
    size_t rows = 0;
};

/// A source of the reference data and how many reference rows cite it.
struct SourceUse {
    size_t source = 0;      ///< index into Dataset::sources
    size_t worldShares = 0; ///< world_shares rows naming it in `source`
    size_t controls = 0;    ///< controls naming it in `source`
};

/// How much of our tier-1 spend on one material made from inputs has a known tier-2 origin.
struct Tier2Origin {
    Index material = kNone;
    double spend = 0.0;      ///< Σ annual_spend over our links to it that carry a spend
    double knownShare = 0.0; ///< spend-weighted mean of the links' known tier-2 fraction
};

/// The part of our supply of a material whose origin is unknown at some tier.
struct UnknownOrigin {
    Index material = kNone;
    double unknownShare = 0.0;
};

/// A world share older than kMaxWorldShareAge at the as-of date, or without a year.
struct OldWorldShare {
    size_t row = 0;         ///< index into Dataset::worldShares
    std::optional<int> age; ///< as-of year − year; nullopt without a year
};

/// A material whose known world shares sum to less than kMinKnownWorldShare.
struct IncompleteWorldShares {
    Index material = kNone;
    double known = 0.0; ///< Σ world shares of the material (0 when it has none)
    size_t rows = 0;    ///< its world_shares rows
};

/// What a workspace holds and where its data is thin, for the Data page.
struct DataQuality {
    Date asOf;
    std::vector<TableRows> tables;         ///< every interchange table, in table order
    std::optional<int> vintage;            ///< Dataset::referenceVintage()
    std::vector<SourceUse> sources;        ///< every source, in data order
    std::map<int, size_t> worldShareYears; ///< world_shares rows per year
    size_t worldSharesWithoutYear = 0;

    /// Tier-2 origin. The known tier-2 fraction of our link to site s for material m is
    /// min over m's recipe inputs i of min(1, Σ shares of s's supply rows for i) — what s
    /// has declared about where its inputs come from (0 for an input it declares nothing
    /// for). Only materials with a recipe and links with an annual_spend count.
    double tier2Spend = 0.0;               ///< our tier-1 spend on materials made from inputs
    double tier2KnownSpend = 0.0;          ///< Σ spend · known tier-2 fraction
    std::optional<double> knownTier2Share; ///< tier2KnownSpend / tier2Spend; null without spend
    std::vector<Tier2Origin> tier2;        ///< per material, least known first (ties: by id)

    /// Unknown origin of each reported material (in a BOM or bought directly): the exposure
    /// recursion of SPEC §3 with "exposed" read as "of unknown origin": a known site with no
    /// recipe adds nothing, the undeclared part (1 − Σ w) of a supply group counts fully, and
    /// inputs combine by max. A material we do not buy is wholly unknown.
    std::vector<UnknownOrigin> unknownOrigin; ///< every reported material, most unknown first
    std::vector<UnknownOrigin> mostlyUnknown; ///< those above kMostlyUnknown

    std::vector<Index> suppliersWithoutOwner;    ///< no owner_country, in data order
    std::vector<Index> sitesWithoutTechnologies; ///< no site_technologies row, in data order
    std::vector<OldWorldShare> oldWorldShares;   ///< oldest first, then data order

    /// What the rules of SPEC §3 (methodology v2) need and the workspace lacks.
    /// No profile company_country: the destination of our own purchases is unknown, so only
    /// measures without target countries reach them.
    bool missingCompanyCountry = false;
    /// No profile reference_cutoff: nothing says from which date on measures are unconfirmed.
    bool missingReferenceCutoff = false;
    /// site_technologies rows without a source_country (indices into Dataset::siteTechnologies,
    /// data order): such a site is never technology-controlled in the point estimate.
    std::vector<size_t> technologiesWithoutSource;
    /// Materials with world shares summing below kMinKnownWorldShare (none counts as 0), in
    /// material order.
    std::vector<IncompleteWorldShares> incompleteWorldShares;
};

/// Computes the figures above for `net` at `asOf` (only the world-share ages depend on it).
/// Pure; linear in the size of the network.
DataQuality assessDataQuality(const Network& net, Date asOf);

} // namespace chokepoint::core::analysis
