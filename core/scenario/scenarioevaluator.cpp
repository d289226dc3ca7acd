// SPDX-License-Identifier: MIT
#include "core/scenario/scenarioevaluator.h"

#include <algorithm>
#include <cmath>

namespace chokepoint::core::scenario {

using analysis::Index;
using analysis::kNone;
using Entity = ScenarioPlan::Entity;
using EntityType = ScenarioPlan::EntityType;

namespace {
constexpr double kTolerance = 1e-9;
}

ScenarioEvaluator::ScenarioEvaluator(const ScenarioPlan& plan)
    : m_plan(&plan) {
    const analysis::Network& net = plan.net();
    m_unknown.resize(plan.unknownRows() * net.materials.size());
    m_node.resize(net.nodes.size());
    m_group.resize(net.groups.size());
    m_shockSteps.resize(plan.shocks().size());

    // Daily output weights: volume · unit price; volume alone if no product has a price;
    // equal weights if no product has a volume either.
    const size_t nProducts = net.products.size();
    m_weights.assign(nProducts, 0.0);
    double total = 0.0;
    for (size_t p = 0; p < nProducts; ++p) {
        const double price = net.productPrice[p];
        m_weights[p] = std::isnan(price) ? 0.0 : net.productVolume[p] * price;
        total += m_weights[p];
    }
    if (!(total > 0.0)) {
        total = 0.0;
        for (size_t p = 0; p < nProducts; ++p)
            total += (m_weights[p] = net.productVolume[p]);
    }
    if (!(total > 0.0))
        std::fill(m_weights.begin(), m_weights.end(), 1.0);

    const auto& needs = plan.needMaterials();
    std::vector<int> slot(net.materials.size(), -1);
    for (size_t k = 0; k < needs.size(); ++k)
        slot[size_t(needs[k])] = int(k);
    m_productNeeds.resize(nProducts);
    for (size_t p = 0; p < nProducts; ++p)
        for (auto* b = net.productBom.begin(p); b != net.productBom.end(p); ++b)
            if (slot[size_t(b->material)] >= 0)
                m_productNeeds[p].push_back(uint32_t(slot[size_t(b->material)]));
    m_supplyCache.resize(needs.size());
    m_supplyCached.assign(needs.size(), 0);
    m_supplyNow.resize(needs.size());
}

ScenarioEvaluator ScenarioEvaluator::fork(const ScenarioEvaluator& base) {
    ScenarioEvaluator f(*base.m_plan);
    f.m_shared = &base.m_own;
    auto share = [](std::vector<SeriesRef>& refs, const std::vector<SeriesRef>& from) {
        refs = from;
        for (SeriesRef& r : refs)
            r.shared = true;
    };
    share(f.m_unknown, base.m_unknown);
    share(f.m_node, base.m_node);
    share(f.m_group, base.m_group);
    return f;
}

SeriesInput ScenarioEvaluator::input(const SeriesRef& ref, int32_t shift) const {
    const Step* base = ref.shared ? m_shared->data() : m_own.data();
    return {base + ref.offset, ref.count, shift};
}

void ScenarioEvaluator::store(SeriesRef& ref) {
    ref = {uint32_t(m_own.size()), uint32_t(m_out.size()), false};
    m_own.insert(m_own.end(), m_out.begin(), m_out.end());
}

bool ScenarioEvaluator::evaluateAll(const Realization& r, const std::stop_token& stop) {
    m_own.clear();
    std::fill(m_supplyCached.begin(), m_supplyCached.end(), 0);
    bool stopped = false;
    evaluate(r, m_plan->affectedOrder(), &stop, &stopped);
    return !stopped;
}

void ScenarioEvaluator::evaluateVariable(const Realization& r) {
    m_own.clear();
    evaluate(r, m_plan->variableOrder(), nullptr, nullptr);
}

void ScenarioEvaluator::evaluate(const Realization& r, const std::vector<Entity>& order,
                                 const std::stop_token* stop, bool* stopped) {
    for (size_t k = 0; k < m_shockSteps.size(); ++k)
        m_plan->shockSteps(r, k, m_shockSteps[k]);
    m_realization = &r;
    for (size_t i = 0; i < order.size(); ++i) {
        if (stop && (i & 4095) == 4095 && stop->stop_requested()) {
            *stopped = true;
            return;
        }
        const Entity e = order[i];
        m_out.clear();
        switch (e.type) {
        case EntityType::Unknown:
            evaluateUnknown(e.index);
            break;
        case EntityType::Node:
            evaluateNode(e.index);
            break;
        case EntityType::Group:
            evaluateGroup(e.index);
            break;
        }
    }
}

void ScenarioEvaluator::gatherHits(const ScenarioPlan::Hit* begin, const ScenarioPlan::Hit* end) {
    for (const ScenarioPlan::Hit* h = begin; h != end; ++h) {
        if (h->draw < 0) {
            if (const auto& steps = m_shockSteps[size_t(h->shock)]; !steps.empty())
                m_hitRefs.push_back({h->shock, 0, uint32_t(steps.size())});
            continue;
        }
        m_plan->hitSteps(*m_realization, *h, m_one);
        if (!m_one.empty()) {
            m_hitRefs.push_back({-1, uint32_t(m_hitSteps.size()), uint32_t(m_one.size())});
            m_hitSteps.insert(m_hitSteps.end(), m_one.begin(), m_one.end());
        }
    }
}

SeriesInput ScenarioEvaluator::hitInput(const HitRef& ref) const {
    const Step* base =
        ref.shock >= 0 ? m_shockSteps[size_t(ref.shock)].data() : m_hitSteps.data() + ref.offset;
    return {base, ref.count, 0};
}

ScenarioEvaluator::SeriesRef ScenarioEvaluator::flowSeries(const SeriesRef& node,
                                                           const ScenarioPlan::Hit* begin,
                                                           const ScenarioPlan::Hit* end) {
    m_hitSteps.clear();
    m_hitRefs.clear();
    gatherHits(begin, end);
    m_inputs.clear();
    if (node.count)
        m_inputs.push_back(input(node, 0));
    for (const HitRef& ref : m_hitRefs)
        m_inputs.push_back(hitInput(ref));
    const uint32_t offset = uint32_t(m_flowSteps.size());
    const size_t n = m_inputs.size();
    if (n > 0)
        m_combiner.combine(
            m_inputs, m_plan->horizon(),
            [&](const double* v) {
                double a = 1.0;
                for (size_t i = 0; i < n; ++i)
                    a *= v[i];
                return a;
            },
            m_flowSteps);
    return {offset, uint32_t(m_flowSteps.size()) - offset, false};
}

// V(i, t, d) = max(0, min(1 − Σ_k (1 − f_k(t)) · W_k(i, d), min over inputs j of V(j, t, d))).
void ScenarioEvaluator::evaluateUnknown(Index slot) {
    const analysis::Network& net = m_plan->net();
    const size_t nMat = net.materials.size();
    const size_t row = size_t(slot) / nMat;
    const Index m = Index(size_t(slot) % nMat);
    const auto& hits = m_plan->unknownHits();
    m_inputs.clear();
    m_factors.clear();
    for (auto* h = hits.begin(size_t(slot)); h != hits.end(size_t(slot)); ++h) {
        const auto& steps = m_shockSteps[size_t(h->shock)];
        if (!steps.empty()) {
            m_inputs.push_back({steps.data(), uint32_t(steps.size()), 0});
            m_factors.push_back(h->weight);
        }
    }
    const size_t nHits = m_inputs.size();
    for (auto* in = net.recipes.begin(size_t(m)); in != net.recipes.end(size_t(m)); ++in)
        if (const SeriesRef& ref = m_unknown[row * nMat + size_t(in->material)]; ref.count)
            m_inputs.push_back(input(ref, 0));
    const size_t n = m_inputs.size();
    const double* w = m_factors.data();
    m_combiner.combine(
        m_inputs, m_plan->horizon(),
        [&](const double* v) {
            double u = 1.0;
            for (size_t i = 0; i < nHits; ++i)
                u -= (1.0 - v[i]) * w[i];
            for (size_t i = nHits; i < n; ++i)
                u = std::min(u, v[i]);
            return std::max(0.0, u);
        },
        m_out);
    store(m_unknown[size_t(slot)]);
}

// A(s, m, t) = a(s, m, t) · min over recipe inputs i of G(s, i, t).
void ScenarioEvaluator::evaluateNode(Index n) {
    const analysis::Network& net = m_plan->net();
    const auto& hits = m_plan->nodeHits();
    m_hitSteps.clear();
    m_hitRefs.clear();
    gatherHits(hits.begin(size_t(n)), hits.end(size_t(n)));
    m_inputs.clear();
    for (const HitRef& ref : m_hitRefs)
        m_inputs.push_back(hitInput(ref));
    const size_t nShocks = m_inputs.size();
    const Index site = net.nodes[size_t(n)].site;
    const Index m = net.nodes[size_t(n)].material;
    const Index country = net.siteCountry[size_t(site)];
    const analysis::RecipeInput* in = net.recipes.begin(size_t(m));
    for (auto* g = net.nodeInputGroups.begin(size_t(n)); g != net.nodeInputGroups.end(size_t(n));
         ++g, ++in) {
        const SeriesRef& ref = *g != kNone
                                   ? m_group[size_t(*g)]
                                   : m_unknown[m_plan->unknownSlot(in->material, country)];
        if (ref.count)
            m_inputs.push_back(input(ref, 0));
    }
    const size_t count = m_inputs.size();
    m_combiner.combine(
        m_inputs, m_plan->horizon(),
        [&](const double* v) {
            double a = 1.0;
            for (size_t i = 0; i < nShocks; ++i)
                a *= v[i];
            double least = 1.0;
            for (size_t i = nShocks; i < count; ++i)
                least = std::min(least, v[i]);
            return a * least;
        },
        m_out);
    store(m_node[size_t(n)]);
}

// G(b, i, t) = Σ w · A(s', i, t − ℓ) · e(s', i, b, t − ℓ) + (1 − Σ w) · V(i, t, dest(b)),
// written as 1 − Σ w · (1 − A·e) − (1 − Σ w) · (1 − V) so that an undisturbed group is
// exactly 1.
void ScenarioEvaluator::evaluateGroup(Index g) {
    const analysis::Network& net = m_plan->net();
    const analysis::Group& group = net.groups[size_t(g)];
    const auto& linkHits = m_plan->linkHits();
    // Flow-level shocks first: each such link's A · e into m_flowSteps.
    m_flowSteps.clear();
    m_flowRefs.clear();
    for (const analysis::Link& l : net.links(g)) {
        const size_t pos = net.linkPosition(l);
        if (linkHits.count(pos) == 0 || l.leadTimeDays >= m_plan->horizon())
            continue;
        const SeriesRef ref =
            flowSeries(m_node[size_t(l.supplierNode)], linkHits.begin(pos), linkHits.end(pos));
        m_flowRefs.push_back({pos, ref.offset, ref.count});
    }
    m_inputs.clear();
    m_factors.clear();
    size_t flow = 0;
    for (const analysis::Link& l : net.links(g)) {
        if (l.leadTimeDays >= m_plan->horizon())
            continue;
        if (flow < m_flowRefs.size() && m_flowRefs[flow].link == net.linkPosition(l)) {
            const FlowRef& f = m_flowRefs[flow++];
            if (f.count) {
                m_inputs.push_back({m_flowSteps.data() + f.offset, f.count, l.leadTimeDays});
                m_factors.push_back(l.share);
            }
            continue;
        }
        const SeriesRef& ref = m_node[size_t(l.supplierNode)];
        if (ref.count) {
            m_inputs.push_back(input(ref, l.leadTimeDays));
            m_factors.push_back(l.share);
        }
    }
    // Shares may sum to slightly more than 1 (the importer allows rounding); the formula
    // then gives the unknown-origin term a small negative weight, as SPEC §4 writes it.
    const double residual = 1.0 - group.shareSum;
    if (const SeriesRef& ref =
            m_unknown[m_plan->unknownSlot(group.material, net.destination(group.buyer))];
        ref.count && residual != 0.0) {
        m_inputs.push_back(input(ref, 0));
        m_factors.push_back(residual);
    }
    const size_t n = m_inputs.size();
    const double* w = m_factors.data();
    m_out.clear();
    m_combiner.combine(
        m_inputs, m_plan->horizon(),
        [&](const double* v) {
            double loss = 0.0;
            for (size_t i = 0; i < n; ++i)
                loss += w[i] * (1.0 - v[i]);
            return 1.0 - loss;
        },
        m_out);
    store(m_group[size_t(g)]);
}

void ScenarioEvaluator::supply(Index m, double* out) {
    const analysis::Network& net = m_plan->net();
    const int32_t h = m_plan->horizon();
    const Index g = net.selfGroup[size_t(m)];
    const SeriesRef& ref = g != kNone ? m_group[size_t(g)]
                                      : m_unknown[m_plan->unknownSlot(m, net.companyCountry())];
    const SeriesInput s = input(ref, 0);
    expandSteps(s.steps, s.count, h, out);
    // Supply is a fraction of what we buy: capped at 1 (shares summing to a little more than
    // 1 could otherwise lift it above).
    for (int32_t t = 0; t < h; ++t)
        out[t] = std::min(1.0, out[t]);
    if (!m_plan->useAlternatives() || net.alternatives.count(size_t(m)) == 0)
        return;
    int32_t t0 = 0;
    while (t0 < h && out[t0] >= 1.0 - kTolerance)
        ++t0;
    if (t0 == h)
        return;
    m_alt.resize(size_t(h));
    const auto& altHits = m_plan->alternativeHits();
    for (uint32_t k = net.alternatives.start[size_t(m)]; k < net.alternatives.start[size_t(m) + 1];
         ++k) {
        const analysis::AlternativeInfo* a = &net.alternatives.items[k];
        const int64_t from = int64_t(t0) + a->qualificationDays;
        if (from >= h)
            continue;
        // A(alt, m, t) · e(alt, m, self, t)
        m_flowSteps.clear();
        const SeriesRef ref =
            flowSeries(m_node[size_t(a->node)], altHits.begin(k), altHits.end(k));
        expandSteps(m_flowSteps.data() + ref.offset, ref.count, h, m_alt.data());
        for (int32_t t = int32_t(from); t < h; ++t)
            out[t] += a->maxShare * m_alt[size_t(t)];
    }
    for (int32_t t = t0; t < h; ++t)
        out[t] = std::min(1.0, out[t]);
}

double ScenarioEvaluator::simulate(double* lostUnits, double* dailyOutput, RunDetail* detail) {
    const analysis::Network& net = m_plan->net();
    const ScenarioPlan& plan = *m_plan;
    const int32_t h = plan.horizon();
    const auto& needs = plan.needMaterials();
    const size_t nNeeds = needs.size(), nProducts = net.products.size();

    std::vector<const double*> supplyOf(nNeeds);
    for (size_t k = 0; k < nNeeds; ++k) {
        const Index m = needs[k];
        const bool variable = plan.supplyVariable(m);
        std::vector<double>& target = variable ? m_supplyNow[k] : m_supplyCache[k];
        if (variable || !m_supplyCached[k]) {
            target.resize(size_t(h));
            supply(m, target.data());
            if (!variable)
                m_supplyCached[k] = 1;
        }
        supplyOf[k] = target.data();
    }
    m_stock.resize(nNeeds);
    m_r.resize(nNeeds);
    m_x.resize(nProducts);
    for (size_t k = 0; k < nNeeds; ++k)
        m_stock[k] = plan.initialInventory(needs[k]);
    if (detail) {
        detail->productOutput.assign(nProducts, std::vector<double>(size_t(h)));
        detail->supply.assign(nNeeds, {});
        for (size_t k = 0; k < nNeeds; ++k)
            detail->supply[k].assign(supplyOf[k], supplyOf[k] + h);
        detail->fillRate.assign(nNeeds, std::vector<double>(size_t(h)));
        detail->inventory.assign(nNeeds, std::vector<double>(size_t(h)));
    }
    std::fill(lostUnits, lostUnits + nProducts, 0.0);
    double totalWeight = 0.0;
    for (const double w : m_weights)
        totalWeight += w;

    const auto& users = plan.materialUsers();
    for (int32_t t = 0; t < h; ++t) {
        for (size_t k = 0; k < nNeeds; ++k) {
            const double need = plan.needPerDay(needs[k]);
            m_r[k] = std::min(1.0, (supplyOf[k][t] * need + m_stock[k]) / need);
        }
        double output = 0.0;
        for (size_t p = 0; p < nProducts; ++p) {
            double x = 1.0;
            for (const uint32_t k : m_productNeeds[p])
                x = std::min(x, m_r[k]);
            m_x[p] = x;
            lostUnits[p] += (1.0 - x) * net.productVolume[p] / 365.0;
            output += m_weights[p] * x;
        }
        dailyOutput[t] = nProducts ? output / totalWeight : 1.0;
        for (size_t k = 0; k < nNeeds; ++k) {
            const Index m = needs[k];
            const double need = plan.needPerDay(m);
            double consumption = 0.0;
            for (auto* u = users.begin(size_t(m)); u != users.end(size_t(m)); ++u)
                consumption += m_x[size_t(u->product)] * u->perDay;
            m_stock[k] = std::min(plan.initialInventory(m),
                                  m_stock[k] + supplyOf[k][t] * need - consumption);
        }
        if (detail) {
            for (size_t p = 0; p < nProducts; ++p)
                detail->productOutput[p][size_t(t)] = m_x[p];
            for (size_t k = 0; k < nNeeds; ++k) {
                detail->fillRate[k][size_t(t)] = m_r[k];
                detail->inventory[k][size_t(t)] = m_stock[k];
            }
        }
    }
    double lostRevenue = 0.0;
    for (size_t p = 0; p < nProducts; ++p)
        if (!std::isnan(net.productPrice[p]))
            lostRevenue += lostUnits[p] * net.productPrice[p];

    if (detail) {
        detail->firstShortfall.assign(nNeeds, std::nullopt);
        detail->recovery.assign(nNeeds, std::nullopt);
        for (size_t k = 0; k < nNeeds; ++k) {
            const auto& r = detail->fillRate[k];
            int first = -1, last = -1;
            for (int32_t t = 0; t < h; ++t)
                if (r[size_t(t)] < 1.0 - kTolerance) {
                    if (first < 0)
                        first = t;
                    last = t;
                }
            if (first >= 0) {
                detail->firstShortfall[k] = first;
                if (last + 1 < h)
                    detail->recovery[k] = last + 1;
            }
        }
        const auto& reported = net.reportedMaterials;
        detail->reportedSupply.assign(reported.size(), std::vector<double>(size_t(h)));
        for (size_t i = 0; i < reported.size(); ++i)
            supply(reported[i], detail->reportedSupply[i].data());
    }
    return lostRevenue;
}

} // namespace chokepoint::core::scenario
