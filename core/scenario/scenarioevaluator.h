// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <stop_token>
#include <vector>

#include "core/scenario/scenarioplan.h"
#include "core/scenario/stepseries.h"

namespace chokepoint::core::scenario {

/// Everything one run produces in detail (the deterministic run, or the median run).
struct RunDetail {
    std::vector<std::vector<double>> productOutput; ///< per product: x(P, t)
    /// Per need material (ScenarioPlan::needMaterials order): S, r, inventory at day end.
    std::vector<std::vector<double>> supply, fillRate, inventory;
    std::vector<std::optional<int>> firstShortfall, recovery;
    /// Per reported material (Network::reportedMaterials order): S(m, t) with alternatives.
    std::vector<std::vector<double>> reportedSupply;
};

/// Computes the day series of one run over a ScenarioPlan: the sparse step series of every
/// affected unknown-origin supply, node and group, then the dense daily simulation of
/// supply, fill rates, inventory and output. Not thread-safe: one per thread. A fork reads
/// the series of its base (which must outlive it, unchanged) and recomputes only what
/// differs between Monte Carlo runs.
class ScenarioEvaluator {
public:
    explicit ScenarioEvaluator(const ScenarioPlan& plan);
    static ScenarioEvaluator fork(const ScenarioEvaluator& base);

    /// Every affected entity (the base of a Monte Carlo simulation, or a deterministic run).
    /// Returns false when stopped (the series are then incomplete).
    bool evaluateAll(const Realization& r, const std::stop_token& stop);
    /// Only the variable entities, on a fork.
    void evaluateVariable(const Realization& r);

    /// Runs the daily simulation. Writes lost units per product and the daily output
    /// fraction, returns the lost revenue; fills `detail` when given.
    double simulate(double* lostUnits, double* dailyOutput, RunDetail* detail);

    /// Our supply S(m, t) with alternatives, one value per day.
    void supply(analysis::Index material, double* out);

    /// Product weights of the daily output (volume · unit price, see docs/scenarios.md).
    const std::vector<double>& outputWeights() const { return m_weights; }
    size_t stepCount() const { return m_own.size(); }

private:
    struct SeriesRef {
        uint32_t offset = 0;
        uint32_t count = 0;
        bool shared = false;
    };

    SeriesInput input(const SeriesRef& ref, int32_t shift) const;
    void evaluate(const Realization& r, const std::vector<ScenarioPlan::Entity>& order,
                  const std::stop_token* stop, bool* stopped);
    /// The factor series of hits [begin, end) into m_hitSteps; their (offset, count) appended
    /// to m_hitRefs. Pointers into m_hitSteps are taken only after all hits of an entity.
    void gatherHits(const ScenarioPlan::Hit* begin, const ScenarioPlan::Hit* end);
    /// A(s', i, t) · e(s', i, b, t) of a node series and flow hits, appended to m_flowSteps.
    SeriesRef flowSeries(const SeriesRef& node, const ScenarioPlan::Hit* begin,
                         const ScenarioPlan::Hit* end);
    void evaluateUnknown(analysis::Index slot);
    void evaluateNode(analysis::Index n);
    void evaluateGroup(analysis::Index g);
    void store(SeriesRef& ref);

    const ScenarioPlan* m_plan;
    const std::vector<Step>* m_shared = nullptr;
    std::vector<Step> m_own;
    std::vector<SeriesRef> m_unknown, m_node, m_group;
    std::vector<std::vector<Step>> m_shockSteps;
    const Realization* m_realization = nullptr;
    std::vector<double> m_weights;

    // Scratch
    StepCombiner m_combiner;
    std::vector<SeriesInput> m_inputs;
    std::vector<double> m_factors;
    std::vector<Step> m_out;
    struct HitRef {
        int32_t shock; ///< its common series (m_shockSteps), or -1: m_hitSteps[offset, +count)
        uint32_t offset, count;
    };
    struct FlowRef {
        size_t link; ///< position in Network::groupLinks.items
        uint32_t offset, count; ///< in m_flowSteps
    };
    SeriesInput hitInput(const HitRef& ref) const;
    std::vector<Step> m_hitSteps, m_flowSteps, m_one;
    std::vector<HitRef> m_hitRefs;
    std::vector<FlowRef> m_flowRefs;
    std::vector<std::vector<double>> m_supplyCache; ///< per need material, when not variable
    std::vector<char> m_supplyCached;
    std::vector<std::vector<double>> m_supplyNow;
    std::vector<double> m_alt, m_r, m_x, m_stock;
    std::vector<std::vector<uint32_t>> m_productNeeds; ///< per product: need-material slots
};

} // namespace chokepoint::core::scenario
