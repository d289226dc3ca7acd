// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

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

/// Figures of one material (SPEC §3). Optional figures are missing (JSON null).
struct MaterialExposure {
    Index material = kNone;
    double dependence = 0.0;  ///< D(m) = g(self, m)
    double directShare = 0.0; ///< Σ over our links w · L(s, m)
    /// Σ over our links with a spend of spend · f(s, m); 0 when we do not buy m directly,
    /// missing when we do but none of those links carries a spend.
    std::optional<double> spendAtRisk;
    std::optional<double> hhi;      ///< our tier-1 country mix; missing without known shares
    std::optional<double> worldHhi; ///< world production mix; missing without world shares
};

struct ProductExposure {
    Index product = kNone;
    double dependence = 0.0;             ///< max over BOM materials of D(m); 0 for an empty BOM
    std::optional<double> revenueAtRisk; ///< volume · unit price · D(P); missing without price
};

/// A supplier we buy from directly (tier 1).
struct SupplierExposure {
    Index supplier = kNone;
    double share = 0.0; ///< Σ w over our links to its sites
    /// Σ w · f(s, m) / Σ w; missing when every such link has share 0.
    std::optional<double> dependence;
};

/// Everything one exposure run computes. Per-node, per-group and per-material vectors are
/// indexed like the Network they came from (kept for explanations and drill-downs).
struct ExposureResult {
    Lens lens = Lens::Location;
    Date asOf;
    std::vector<char> exposed;   ///< L(s, m) per node
    std::vector<double> f;       ///< f(s, m) per node
    std::vector<double> g;       ///< g(b, i) per group
    std::vector<double> unknown; ///< u(i) per material

    std::vector<MaterialExposure> materials; ///< Network::reportedMaterials, by id
    std::vector<ProductExposure> products;   ///< every product, by id
    std::vector<SupplierExposure> suppliers; ///< tier-1 suppliers, by id

    /// D(m) = g(self, m) for any material (u(m) when we do not buy it directly).
    double dependence(const Network& net, Index material) const;
};

/// The exposure engine of SPEC §3 over one Network: build once, then compute() for any lens
/// and date without SQL. compute() is const and keeps no state, so several threads may call it
/// on one engine at once. The engine keeps a reference to `net`, which must outlive it.
class ExposureEngine {
public:
    explicit ExposureEngine(const Network& net);

    const Network& network() const { return m_net; }
    ExposureResult compute(Lens lens, Date asOf) const;

    /// L(s, m) of one node without running compute(); `controls` must be for the same date.
    bool nodeExposed(Lens lens, Index node, const ControlState& controls) const;
    /// U(i): the unknown-origin fallback of material i alone (no inputs).
    double unknownFallback(Lens lens, Index material, const ControlState& controls) const;

private:
    void computeFlows(Lens lens, const ControlState& controls, ExposureResult& r) const;
    void computeFigures(ExposureResult& r) const;

    const Network& m_net;
    std::vector<uint32_t> m_rankNodeStart; ///< nodes of topoOrder[r]: [start[r], start[r+1])
    Csr<Index> m_rankGroups;               ///< groups per topo rank of their material
    std::vector<char> m_siteInFocus;       ///< site located in the focus country
    std::vector<char> m_siteOwnedByFocus;  ///< site's supplier owned from the focus country
    std::vector<double> m_worldFocusShare; ///< world_share(m, focus) per material
    std::vector<std::optional<double>> m_hhi, m_worldHhi; ///< per material (lens-independent)
};

} // namespace chokepoint::core::analysis
