// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/analysis/controlstate.h"
#include "core/analysis/network.h"
#include "core/model/date.h"

namespace chokepoint::core::analysis {

/// Which flows count as exposed (SPEC §3).
enum class Lens { Location, Owned, Controlled };

inline constexpr std::array<std::string_view, 3> kLensNames = {"location", "owned", "controlled"};
constexpr std::string_view toString(Lens l) {
    return kLensNames[static_cast<size_t>(l)];
}
std::optional<Lens> parseLens(std::string_view text);

/// Figures of one material (SPEC §3). Optional figures are missing (JSON null). Low and high
/// are the bounds of SPEC §3 "Ranges" (unknown origin and unknown technology sources).
struct MaterialExposure {
    Index material = kNone;
    double dependence = 0.0; ///< D(m) = g(self, m), the point estimate
    double dependenceLow = 0.0;
    double dependenceHigh = 0.0;
    double directShare = 0.0; ///< Σ over our links w · L(s, m, self)
    /// Σ over our links with a spend of spend · f(s, m, self); 0 when we do not buy m
    /// directly, missing when we do but none of those links carries a spend.
    std::optional<double> spendAtRisk;
    std::optional<double> hhi; ///< our tier-1 country mix; missing without known shares
    /// World production mix; missing when the known world shares sum to less than 0.8.
    std::optional<double> worldHhi;
};

struct ProductExposure {
    Index product = kNone;
    double dependence = 0.0; ///< max over BOM materials of D(m); 0 for an empty BOM
    double dependenceLow = 0.0;
    double dependenceHigh = 0.0;
    /// volume · unit price · D(P), and the same with the bounds; missing without a price.
    std::optional<double> revenueAtRisk, revenueAtRiskLow, revenueAtRiskHigh;
};

/// A supplier we buy from directly (tier 1).
struct SupplierExposure {
    Index supplier = kNone;
    double share = 0.0; ///< Σ w over our links to its sites
    /// Σ w · f(s, m, self) / Σ w; missing when every such link has share 0.
    std::optional<double> dependence;
};

/// Everything one exposure run computes. Per-link, per-node, per-group and per-material
/// vectors are indexed like the Network they came from and hold the point estimate (kept for
/// explanations and drill-downs); the figures carry the bounds too.
struct ExposureResult {
    Lens lens = Lens::Location;
    Date asOf;
    bool assumeScheduled = false;
    /// The measures this result counts (also for the location and owned lenses, so that
    /// views can name the measures covering a flow); never null after compute().
    std::shared_ptr<const ControlState> controls;

    std::vector<char> linkExposed; ///< L(s, m, b) per link (Network::groupLinks.items order)
    /// L(s, m, self) per node: a flow of the node to our company would be exposed (also for
    /// alternatives, which have no link).
    std::vector<char> exposedToUs;
    /// F(s, m) per node: the largest g(s, i) over its recipe inputs (0 without a recipe), what a
    /// flow from the node carries when it is not exposed.
    std::vector<double> nodeF;
    std::vector<double> g; ///< g(b, i) per group
    /// u(i, d): per destination row (unknownRow) and material, row-major.
    std::vector<double> unknown;
    /// Per country index, and last for an unknown destination: the row of `unknown`.
    std::vector<Index> unknownRow;

    std::vector<MaterialExposure> materials; ///< Network::reportedMaterials, by id
    std::vector<ProductExposure> products;   ///< every product, by id
    std::vector<SupplierExposure> suppliers; ///< tier-1 suppliers, by id

    /// L(s, m, b) and f(s, m, b) of one link of the Network the result came from.
    bool exposed(const Network& net, const Link& link) const {
        return linkExposed[net.linkPosition(link)] != 0;
    }
    double f(const Network& net, const Link& link) const {
        return exposed(net, link) ? 1.0 : nodeF[size_t(link.supplierNode)];
    }
    /// u(i, d) for a destination country (kNone = unknown).
    double unknownAt(Index material, Index destination) const;
    /// g(b, i) for any buyer and material: u(i, dest(b)) when b has no link for it.
    double supplyDependence(const Network& net, Index buyer, Index material) const;
    /// D(m) = g(self, m) for any material (u(m, dest(self)) when we do not buy it directly).
    double dependence(const Network& net, Index material) const {
        return supplyDependence(net, kSelf, material);
    }
    /// The figures of a reported material / of a product; nullptr when there are none.
    const MaterialExposure* materialFigures(Index material) const;
    const ProductExposure* productFigures(Index product) const;

    std::vector<Index> materialRow; ///< per material: index into `materials`, or kNone
};

/// The exposure engine of SPEC §3 over one Network: build once, then compute() for any lens
/// and control state without SQL. The point estimate and both bounds come from one pass.
/// compute() is const and keeps no state, so several threads may call it on one engine at
/// once. The engine keeps a reference to `net`, which must outlive it.
class ExposureEngine {
public:
    explicit ExposureEngine(const Network& net);

    const Network& network() const { return m_net; }
    /// The lens with the measures in force at `asOf` (scheduled ones with `assumeScheduled`).
    ExposureResult compute(Lens lens, Date asOf, bool assumeScheduled = false) const;
    /// The lens with the measures of `controls` (e.g. ControlState::only() for one measure
    /// alone); `controls` must be over the engine's network.
    ExposureResult compute(Lens lens, std::shared_ptr<const ControlState> controls) const;

    /// L(s, m, b) of SPEC §3 for the flows of a node to a buyer in `destination` (point
    /// estimate); without compute().
    bool lensHolds(Lens lens, const ControlState& controls, Index node, Index destination) const;

private:
    struct Triple {
        double point, low, high;
    };
    /// L for every buyer of a site's flows: bit 1 point estimate (and low), bit 2 high bound.
    uint8_t siteFlags(Lens lens, const ControlState& controls, Index site) const;
    void computeUnknown(Lens lens, const ControlState& controls, std::vector<Triple>& u) const;
    void computeFlows(Lens lens, const ControlState& controls, ExposureResult& r) const;
    void computeFigures(ExposureResult& r, const std::vector<Triple>& selfDependence) const;

    const Network& m_net;
    std::vector<uint32_t> m_rankNodeStart; ///< nodes of topoOrder[r]: [start[r], start[r+1])
    Csr<Index> m_rankGroups;               ///< groups per topo rank of their material
    std::vector<char> m_siteInFocus;       ///< site located in the focus country
    std::vector<char> m_siteOwnedByFocus;  ///< site's supplier owned from the focus country
    std::vector<double> m_worldFocusShare; ///< world_share(m, focus) per material
    std::vector<char> m_hasWorldShares;    ///< per material
    /// Destinations that occur (our company's country, every buyer site's country): the
    /// controlled lens keeps u per destination row; per country + 1 (unknown): row or kNone.
    std::vector<Index> m_destinationRow;
    std::vector<Index> m_rowCountry; ///< per row: the country (kNone = unknown)
    std::vector<std::optional<double>> m_hhi, m_worldHhi; ///< per material (lens-independent)
};

} // namespace chokepoint::core::analysis
