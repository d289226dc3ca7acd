// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"
#include "core/model/enums.h"

namespace chokepoint::core::analysis {

/// The dashboard's global filter (SPEC §6) in index terms; kNone / nullopt means "all".
///
/// - `product`: materials needed for that product (its BOM materials and, transitively, their
///   recipe inputs, as far as they are reported materials); revenue figures of that product only.
/// - `stage`: materials of that stage. Revenue figures are not limited by stage.
/// - `country`: our tier-1 links to sites located in that country: materials we buy there,
///   spend and the country mix over those links only. Revenue figures are not limited.
struct SummaryFilter {
    Index product = kNone;
    std::optional<Stage> stage;
    Index country = kNone;
    bool operator==(const SummaryFilter&) const = default;
};

/// Whether `site` is in the filter's country (every site when no country is set).
bool siteInFilterCountry(const Network& net, const SummaryFilter& filter, Index site);

/// The reported materials (Network::reportedMaterials, in that order) the filter keeps: in the
/// product's bill of materials or its recipe inputs (when a product is set), of the stage
/// (when set), and bought at tier 1 from a site in the country (when set).
std::vector<Index> filteredMaterials(const Network& net, const SummaryFilter& filter);

/// "Over 50 % dependent" means dependence strictly above this.
inline constexpr double kHighDependence = 0.5;

/// One material under the filter.
struct MaterialSummary {
    Index material = kNone;
    double dependence = 0.0;  ///< D(m)
    double dependenceLow = 0.0, dependenceHigh = 0.0; ///< its range (SPEC §3 "Ranges")
    double directShare = 0.0; ///< tier-1 part (over all our links, as in ExposureResult)
    double deeperShare = 0.0; ///< D(m) − direct share: deeper tiers and unknown origin
    /// Σ annual spend / Σ spend · f(s, m) over our (country-filtered) tier-1 links that carry
    /// a spend; missing when none does.
    std::optional<double> spend;
    std::optional<double> spendAtRisk;
    std::optional<double> hhi;  ///< tier-1 country mix (all our links)
    bool singleCountry = false; ///< tier-1 HHI = 10000: every known share from one country
};

struct ProductSummary {
    Index product = kNone;
    double dependence = 0.0;
    double dependenceLow = 0.0, dependenceHigh = 0.0;
    std::optional<double> revenue;       ///< volume · unit price; missing without a price
    std::optional<double> revenueAtRisk; ///< revenue · D(P)
    std::optional<double> revenueAtRiskLow, revenueAtRiskHigh;
};

/// Our tier-1 spend in one supplier-site country.
struct CountrySpend {
    Index country = kNone;
    double spend = 0.0;
    double share = 0.0; ///< of the filtered tier-1 spend
};

enum class ChokepointKind { Material, Site };

/// An item where dependence concentrates, with a sentence saying why.
struct Chokepoint {
    ChokepointKind kind = ChokepointKind::Material;
    Index material = kNone; ///< the material (for a site: the material it sells us)
    Index site = kNone;     ///< for a site
    /// Material: D(m). Site: w · f(s, m), the part of our supply of m it carries exposed.
    double dependence = 0.0;
    std::optional<double> spendAtRisk; ///< material: as MaterialSummary; site: spend · f(s, m)
    std::string why;
};

/// Everything the overview shows, for one exposure result and filter.
struct Summary {
    Lens lens = Lens::Location;
    Date asOf;

    double revenue = 0.0;                    ///< Σ over filtered products with a price
    double revenueAtRisk = 0.0;              ///< Σ revenue at risk over the same products
    double revenueAtRiskLow = 0.0, revenueAtRiskHigh = 0.0; ///< the same with the bounds
    std::optional<double> revenueDependence; ///< revenueAtRisk / revenue; missing if revenue = 0
    std::optional<double> revenueDependenceLow, revenueDependenceHigh;
    /// The as-of date is after the profile's reference_cutoff: views say so next to the
    /// figures, and scheduled measures count only with *assume scheduled* (SPEC §3).
    bool afterReferenceCutoff = false;
    bool assumeScheduled = false; ///< the result counts scheduled measures

    double spend = 0.0;                ///< Σ MaterialSummary::spend
    double spendAtRisk = 0.0;          ///< Σ MaterialSummary::spendAtRisk
    size_t materialsOverHalf = 0;      ///< filtered materials with D(m) > kHighDependence
    size_t singleCountryMaterials = 0; ///< filtered materials with tier-1 HHI = 10000
    /// Measures the result counts that touch the filtered supply chain (chaincoverage.h): they
    /// cover a flow reachable from our filtered tier-1 links, a site there (technology), or
    /// unknown-origin supply of a material in the chain. Indices into Network::controls
    /// (= Dataset::controls), in data order.
    std::vector<Index> controlsInForce;

    std::vector<MaterialSummary> materials; ///< filtered; dependence descending, then id
    std::vector<ProductSummary> products;   ///< filtered; by id
    std::vector<CountrySpend> countryMix;   ///< spend descending, then iso3; no zero spends
    /// Materials with D > 0 and tier-1 sites with w · f > 0, dependence descending, then
    /// spend at risk descending, then material and site id; at most `maxChokepoints`.
    std::vector<Chokepoint> chokepoints;
};

/// The overview figures of SPEC §6 under a filter: pure, thread-safe over const inputs.
/// `result` must come from an ExposureEngine over `net`.
Summary summarize(const Network& net, const ExposureResult& result,
                  const SummaryFilter& filter = {}, size_t maxChokepoints = 10);

/// Measures `controls` counts that list `material` and reach a buyer of it from another
/// country (us, when the material is reported or bought by us; any site buying it): the
/// measures exports of the material to a buyer of ours fall under. In data order.
std::vector<Index> controlsCoveringMaterial(const ControlState& controls, Index material);

/// Indices into Dataset::sources named (';'-separated ids) by the material's world shares,
/// in order of first mention; unknown ids are skipped.
std::vector<size_t> materialSources(const Network& net, Index material);
/// The same for one control's `source` column.
std::vector<size_t> controlSources(const Network& net, Index control);

} // namespace chokepoint::core::analysis
