// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/analysis/controlstate.h"
#include "core/analysis/network.h"
#include "core/scenario/scenario.h"
#include "core/scenario/stepseries.h"

namespace chokepoint::core::scenario {

/// The draws of one run. Per shock: its delay (whole days) and approval, which apply to its
/// unknown-origin supply and, in a deterministic run, to every site. Per exporting site a
/// random licence shock hits (Monte Carlo): its own delay and approval, at the hit's `draw`.
struct Realization {
    std::vector<int> delay;
    std::vector<char> approved;
    std::vector<int> siteDelay;
    std::vector<char> siteApproved;
};

/// At most what a scenario's shocks can reach, per material: every node a shock hits and
/// everything downstream of them (a caller that knows this, e.g. SiteStopRunner, spares the
/// plan a walk over the whole network). Nodes in node order; groups in group order, only
/// those something reads (a node's recipe input, or our own purchases).
struct PlanRegion {
    analysis::Csr<analysis::Index> nodesOf;
    analysis::Csr<analysis::Index> groupsOf;
};

/// A Scenario compiled against a Network: which shocks hit which nodes (sites), which links
/// (flow-level `controlled` shocks) and which unknown-origin supply per destination, which
/// entities a shock can reach at all ("affected") and which of those a random licence outcome
/// can reach ("variable"), in evaluation order. Built once per scenario run; immutable and
/// shared by the worker threads.
class ScenarioPlan {
public:
    enum Flag : uint8_t { kAffected = 1, kVariable = 2 };
    enum class EntityType : uint8_t { Unknown, Node, Group };
    struct Entity {
        EntityType type;
        analysis::Index index; ///< unknown slot (unknownSlot()), node or group
    };
    struct ShockSpec {
        ShockKind kind;
        int32_t start; ///< clipped to the horizon
        int32_t end;   ///< exclusive, clipped to the horizon
        double capacity;
        Delay delay;
        double approval;
        bool random; ///< outcome differs between Monte Carlo runs
    };
    /// A shock hitting a site's supply: the shock, and the index of the site's own draw in
    /// Realization::siteDelay, or -1 for the shock's common draw.
    struct Hit {
        int32_t shock;
        int32_t draw;
    };
    struct UnknownHit {
        int32_t shock;
        double weight; ///< Σ world share of the hit countries
    };
    struct ProductNeed {
        analysis::Index product;
        double perDay; ///< annual_volume / 365 · qty
    };

    /// `asOf` and `assumeScheduled` decide which measures count for `controlled` selectors;
    /// `monteCarlo` whether licence outcomes are drawn per run (else the deterministic rules
    /// apply: each delay's mode, an approval probability below 1 counts as refused). With a
    /// `region` (which must outlive the constructor only), reach is sought in it alone.
    ScenarioPlan(const analysis::Network& net, const Scenario& scenario, Date asOf,
                 bool assumeScheduled, bool monteCarlo, const PlanRegion* region = nullptr);

    const analysis::Network& net() const { return m_net; }
    int32_t horizon() const { return m_horizon; }
    const std::vector<ShockSpec>& shocks() const { return m_shocks; }

    Realization deterministicRealization() const;
    /// The draws of Monte Carlo run `run`: per licence shock one pair for its unknown-origin
    /// supply, then one per site it hits in site order. The same for any thread count.
    Realization drawRealization(uint64_t seed, uint64_t run) const;
    /// The factor series of a hit in realization r, as steps.
    void hitSteps(const Realization& r, const Hit& hit, std::vector<Step>& out) const;
    /// The factor series of shock k with its common draw.
    void shockSteps(const Realization& r, size_t k, std::vector<Step>& out) const;

    // Hits
    const analysis::Csr<Hit>& nodeHits() const { return m_nodeHits; }
    /// Per link (Network::groupLinks.items order): flow-level hits e(s, m, b, t).
    const analysis::Csr<Hit>& linkHits() const { return m_linkHits; }
    /// Per alternative (Network::alternatives.items order): flow-level hits to us.
    const analysis::Csr<Hit>& alternativeHits() const { return m_altHits; }
    /// Per unknown slot: the shocks hitting unknown-origin supply V(i, t, d).
    const analysis::Csr<UnknownHit>& unknownHits() const { return m_unknownHits; }

    // Unknown origin per destination: slot = row · materials + material
    size_t unknownRows() const { return m_rows; }
    size_t unknownSlot(analysis::Index material, analysis::Index destination) const;

    // Reach
    uint8_t unknownFlags(size_t slot) const { return m_unknownFlags[slot]; }
    uint8_t nodeFlags(analysis::Index n) const { return m_nodeFlags[size_t(n)]; }
    uint8_t groupFlags(analysis::Index g) const { return m_groupFlags[size_t(g)]; }
    /// Everything a shock can reach, inputs before what uses them.
    const std::vector<Entity>& affectedOrder() const { return m_affected; }
    /// The part of affectedOrder() that differs between Monte Carlo runs.
    const std::vector<Entity>& variableOrder() const { return m_variable; }
    /// Our supply of m (with alternatives) differs between runs.
    bool supplyVariable(analysis::Index m) const { return m_supplyVariable[size_t(m)]; }

    // Demand
    double needPerDay(analysis::Index m) const { return m_need[size_t(m)]; }
    double initialInventory(analysis::Index m) const { return m_inventory0[size_t(m)]; }
    /// Materials with need > 0, ordered by id.
    const std::vector<analysis::Index>& needMaterials() const { return m_needMaterials; }
    /// Per material: the products using it and their need per day.
    const analysis::Csr<ProductNeed>& materialUsers() const { return m_materialUsers; }
    bool useAlternatives() const { return m_useAlternatives; }

    struct ResolvedSelector; ///< internal to scenarioplan.cpp

private:
    void resolveShocks(const Scenario& scenario, bool monteCarlo);
    void matchShocks(const Scenario& scenario, Date asOf, bool assumeScheduled);
    void matchUnknown(const std::vector<ResolvedSelector>& selectors,
                      const std::vector<size_t>& active, const analysis::ControlState* controls);
    int32_t drawOf(size_t shock, analysis::Index site);
    void markReach(const PlanRegion* region);
    void buildDemand(const Scenario& scenario);

    const analysis::Network& m_net;
    int32_t m_horizon;
    bool m_useAlternatives;
    std::vector<ShockSpec> m_shocks;
    analysis::Csr<Hit> m_nodeHits, m_linkHits, m_altHits;
    analysis::Csr<UnknownHit> m_unknownHits;
    /// Per shock: the sites with their own draw, in site order (random licence shocks only).
    std::vector<std::vector<analysis::Index>> m_drawSites;
    std::vector<int32_t> m_drawStart; ///< per shock: first index in Realization::siteDelay
    size_t m_rows = 1;
    std::vector<analysis::Index> m_destinationRow; ///< per country + 1 (unknown)
    std::vector<uint8_t> m_unknownFlags, m_nodeFlags, m_groupFlags, m_shockFlags;
    std::vector<Entity> m_affected, m_variable;
    std::vector<char> m_supplyVariable;
    std::vector<double> m_need, m_inventory0;
    std::vector<analysis::Index> m_needMaterials;
    analysis::Csr<ProductNeed> m_materialUsers;
};

} // namespace chokepoint::core::scenario
