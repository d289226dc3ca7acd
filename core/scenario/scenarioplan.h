// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

#include "core/analysis/network.h"
#include "core/scenario/scenario.h"
#include "core/scenario/stepseries.h"

namespace chokepoint::core::scenario {

/// The draw of every shock for one run: delay (whole days) and approval of licence shocks.
struct Realization {
    std::vector<int> delay;
    std::vector<char> approved;
};

/// At most what a scenario's shocks can reach, per material: every node a shock hits and
/// everything downstream of them (a caller that knows this, e.g. SiteStopRunner, spares the
/// plan a walk over the whole network). Nodes in node order; groups in group order, only
/// those something reads (a node's recipe input, or our own purchases).
struct PlanRegion {
    analysis::Csr<analysis::Index> nodesOf;
    analysis::Csr<analysis::Index> groupsOf;
};

/// A Scenario compiled against a Network: which shocks hit which nodes and which
/// unknown-origin supply, which nodes and groups a shock can reach at all ("affected") and
/// which of those a random licence outcome can reach ("variable"), in evaluation order.
/// Built once per scenario run; immutable and shared by the worker threads.
class ScenarioPlan {
public:
    enum Flag : uint8_t { kAffected = 1, kVariable = 2 };
    enum class EntityType : uint8_t { Unknown, Node, Group };
    struct Entity {
        EntityType type;
        analysis::Index index; ///< material (Unknown), node or group
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
    struct UnknownHit {
        int32_t shock;
        double weight; ///< Σ world share of the hit countries
    };
    struct ProductNeed {
        analysis::Index product;
        double perDay; ///< annual_volume / 365 · qty
    };

    /// `asOf` decides which controls are in force for `controlled` selectors; `monteCarlo`
    /// whether licence outcomes are drawn per run (else the deterministic rules apply).
    /// With a `region` (which must outlive the constructor only), reach is sought in it alone.
    ScenarioPlan(const analysis::Network& net, const Scenario& scenario, Date asOf, bool monteCarlo,
                 const PlanRegion* region = nullptr);

    const analysis::Network& net() const { return m_net; }
    int32_t horizon() const { return m_horizon; }
    const std::vector<ShockSpec>& shocks() const { return m_shocks; }

    Realization deterministicRealization() const;
    Realization drawRealization(uint64_t seed, uint64_t run) const;
    /// The factor of shock k per day in realization r, as steps.
    void shockSteps(const Realization& r, size_t k, std::vector<Step>& out) const;

    // Hits
    const analysis::Csr<int32_t>& nodeShocks() const { return m_nodeShocks; }
    const analysis::Csr<UnknownHit>& unknownHits() const { return m_unknownHits; }

    // Reach
    uint8_t unknownFlags(analysis::Index m) const { return m_unknownFlags[size_t(m)]; }
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

private:
    void resolveShocks(const Scenario& scenario, bool monteCarlo);
    void matchShocks(const Scenario& scenario, Date asOf);
    void markReach(const PlanRegion* region);
    void buildDemand(const Scenario& scenario);

    const analysis::Network& m_net;
    int32_t m_horizon;
    bool m_useAlternatives;
    std::vector<ShockSpec> m_shocks;
    analysis::Csr<int32_t> m_nodeShocks;
    analysis::Csr<UnknownHit> m_unknownHits;
    std::vector<uint8_t> m_unknownFlags, m_nodeFlags, m_groupFlags, m_shockFlags;
    std::vector<Entity> m_affected, m_variable;
    std::vector<char> m_supplyVariable;
    std::vector<double> m_need, m_inventory0;
    std::vector<analysis::Index> m_needMaterials;
    analysis::Csr<ProductNeed> m_materialUsers;
};

} // namespace chokepoint::core::scenario
