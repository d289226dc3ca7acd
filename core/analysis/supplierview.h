// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"
#include "core/analysis/summary.h"

namespace chokepoint::core::analysis {

/// One material a site supplies within the view: a Network node and its figures.
struct SiteSupply {
    Index material = kNone;
    Index node = kNone;
    std::optional<int> tier; ///< lowest tier at which it reaches us; nullopt: alternative only
    /// f(s, m, b) under the result's lens: of the flow to us when we buy from it, else the
    /// largest over its buyers (F(s, m) for an alternative only).
    double f = 0.0;
    bool exposed = false; ///< L(s, m, b) of the same flows (any of them)
};

/// A site in our (filtered) supply network.
struct SiteView {
    Index site = kNone;
    Index supplier = kNone;
    std::optional<int> tier;          ///< lowest tier over its supplies; nullopt: alternative only
    std::vector<SiteSupply> supplies; ///< materials it supplies in the view, by material id
    double dependence = 0.0;          ///< the largest f over its supplies
    bool exposed = false;             ///< any supply exposed (L)
    bool alternative = false;         ///< listed as an alternative for a filtered material
    /// Technologies through which the site is technology-controlled under the result's
    /// measures (ControlState::coversOfSite), in Dataset::technologies order.
    std::vector<Index> controlledTechnologies;
    /// Reported materials (Network::reportedMaterials) whose supply chain reaches the site
    /// within the view, by material id.
    std::vector<Index> serves;
    /// Σ annual spend / Σ spend · f(s, m) over our filtered tier-1 links to the site that carry
    /// a spend; missing when none does.
    std::optional<double> spend;
    std::optional<double> spendAtRisk;
};

/// A supplier with at least one site in the view.
struct SupplierView {
    Index supplier = kNone;
    std::vector<size_t> sites; ///< indices into SupplierViewResult::sites
    std::optional<int> tier;   ///< lowest tier of its sites
    /// Supplier dependence of SPEC §3 (ExposureResult::suppliers; over all our tier-1 links);
    /// missing when we do not buy from it directly.
    std::optional<double> dependence;
    size_t exposedSites = 0;
    std::vector<Index> controlledTechnologies; ///< union over its sites, technologies order
    std::vector<Index> supplies;               ///< materials its sites supply, by id
    std::vector<Index> serves;                 ///< union over its sites, by id
    std::optional<double> spend;               ///< Σ over its sites
    std::optional<double> spendAtRisk;
};

/// Our filtered tier-1 spend in one supplier-site country, split by exposure.
struct CountryExposedSpend {
    Index country = kNone;
    double spend = 0.0;
    double atRisk = 0.0; ///< Σ spend · f(s, m): the exposed part
    double notAtRisk() const { return spend - atRisk; }
};

struct SupplierViewResult {
    std::vector<SiteView> sites;         ///< by supplier id, then site id
    std::vector<SupplierView> suppliers; ///< by supplier id
    /// Countries with a positive spend; spend descending, then iso3.
    std::vector<CountryExposedSpend> countrySpend;
};

/// Suppliers and sites of our supply network under the dashboard's filter, with their
/// exposure under `result` (from an ExposureEngine over `net`).
///
/// The filter means what it means on the Overview (summary.h): the view starts from our
/// tier-1 links for the filtered materials (to sites in the filter country, when one is set)
/// and follows supply rows upstream through recipe inputs. A site is in the view when it is
/// reached that way, or when it is an alternative (alternatives table) for a filtered
/// material and, with a country filter, located there. Spend figures come from the starting
/// links only. Pure; safe to call from several threads.
SupplierViewResult supplierView(const Network& net, const ExposureResult& result,
                                const SummaryFilter& filter = {});

/// The first `count` − 1 entries of `countrySpend` (ordered as in SupplierViewResult), then
/// one entry with country kNone summing all the others; `countrySpend` itself when it has at
/// most `count` entries. `count` must be at least 1.
std::vector<CountryExposedSpend>
topCountrySpend(const std::vector<CountryExposedSpend>& countrySpend, size_t count);

} // namespace chokepoint::core::analysis
