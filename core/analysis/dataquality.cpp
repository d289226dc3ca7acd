// SPDX-License-Identifier: MIT
#include "core/analysis/dataquality.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "core/io/tableschema.h"

namespace chokepoint::core::analysis {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

// Calls `f` with each id of a ';'-separated source list.
template <class F> void forEachSourceId(const std::optional<std::string>& list, F f) {
    if (!list)
        return;
    std::string_view rest = *list;
    while (!rest.empty()) {
        const size_t end = std::min(rest.find(';'), rest.size());
        if (const auto id = trim(rest.substr(0, end)); !id.empty())
            f(id);
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
}

void countSources(const Dataset& d, DataQuality& q) {
    std::unordered_map<std::string_view, size_t> index;
    for (size_t i = 0; i < d.sources.size(); ++i) {
        index.emplace(d.sources[i].id, i);
        q.sources.push_back({i, 0, 0});
    }
    for (const auto& w : d.worldShares)
        forEachSourceId(w.source, [&](std::string_view id) {
            if (const auto it = index.find(id); it != index.end())
                ++q.sources[it->second].worldShares;
        });
    for (const auto& c : d.controls)
        forEachSourceId(c.source, [&](std::string_view id) {
            if (const auto it = index.find(id); it != index.end())
                ++q.sources[it->second].controls;
        });
}

// Known tier-2 fraction of our link to a node: what the supplying site declares for each input.
std::optional<double> knownTier2(const Network& net, Index node) {
    const auto n = size_t(node);
    if (net.nodeInputGroups.count(n) == 0)
        return std::nullopt;
    double known = 1.0;
    for (const Index* g = net.nodeInputGroups.begin(n); g != net.nodeInputGroups.end(n); ++g)
        known = std::min(known, *g == kNone ? 0.0 : std::min(1.0, net.groups[size_t(*g)].shareSum));
    return known;
}

void assessTier2(const Network& net, DataQuality& q) {
    std::vector<double> spend(net.materials.size(), 0.0), knownSpend(net.materials.size(), 0.0);
    std::vector<char> counted(net.materials.size(), 0);
    for (const Index m : net.reportedMaterials) {
        const Index g = net.selfGroup[size_t(m)];
        if (g == kNone)
            continue;
        for (const Link* l = net.groupLinks.begin(size_t(g)); l != net.groupLinks.end(size_t(g));
             ++l) {
            const auto known = knownTier2(net, l->supplierNode);
            if (!known || std::isnan(l->spend))
                continue;
            spend[size_t(m)] += l->spend;
            knownSpend[size_t(m)] += l->spend * *known;
            counted[size_t(m)] = 1;
        }
    }
    for (const Index m : net.reportedMaterials) {
        if (!counted[size_t(m)])
            continue;
        q.tier2Spend += spend[size_t(m)];
        q.tier2KnownSpend += knownSpend[size_t(m)];
        if (spend[size_t(m)] > 0.0)
            q.tier2.push_back({m, spend[size_t(m)], knownSpend[size_t(m)] / spend[size_t(m)]});
    }
    if (q.tier2Spend > 0.0)
        q.knownTier2Share = q.tier2KnownSpend / q.tier2Spend;
    std::stable_sort(
        q.tier2.begin(), q.tier2.end(),
        [&](const Tier2Origin& a, const Tier2Origin& b) { return a.knownShare < b.knownShare; });
}

double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}

void assessUnknownOrigin(const Network& net, DataQuality& q) {
    // u(node) = max over the node's inputs of G(group); G(g) = Σ w·u(supplier node) + (1 − Σ w).
    // Nodes come ordered by the topological rank of their material: inputs first.
    std::vector<double> groupUnknown(net.groups.size(), -1.0);
    std::vector<double> nodeUnknown(net.nodes.size(), 0.0);
    auto group = [&](Index g) {
        double& u = groupUnknown[size_t(g)];
        if (u >= 0.0)
            return u;
        double sum = 0.0, weighted = 0.0;
        for (const Link* l = net.groupLinks.begin(size_t(g)); l != net.groupLinks.end(size_t(g));
             ++l) {
            sum += l->share;
            weighted += l->share * nodeUnknown[size_t(l->supplierNode)];
        }
        u = clamp01(weighted + std::max(0.0, 1.0 - sum));
        return u;
    };
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        double u = 0.0;
        for (const Index* g = net.nodeInputGroups.begin(n); g != net.nodeInputGroups.end(n); ++g)
            u = std::max(u, *g == kNone ? 1.0 : group(*g));
        nodeUnknown[n] = u;
    }
    for (const Index m : net.reportedMaterials) {
        const Index g = net.selfGroup[size_t(m)];
        q.unknownOrigin.push_back({m, g == kNone ? 1.0 : group(g)});
    }
    std::stable_sort(q.unknownOrigin.begin(), q.unknownOrigin.end(),
                     [](const UnknownOrigin& a, const UnknownOrigin& b) {
                         return a.unknownShare > b.unknownShare;
                     });
    for (const auto& u : q.unknownOrigin)
        if (u.unknownShare > kMostlyUnknown)
            q.mostlyUnknown.push_back(u);
}

void assessMethodologyInputs(const Network& net, DataQuality& q) {
    const Dataset& d = net.data();
    q.missingCompanyCountry = !d.profile.companyCountry;
    q.missingReferenceCutoff = !d.profile.referenceCutoff;
    for (size_t i = 0; i < d.siteTechnologies.size(); ++i)
        if (!d.siteTechnologies[i].sourceCountry)
            q.technologiesWithoutSource.push_back(i);
    std::vector<double> known(net.materials.size(), 0.0);
    std::vector<size_t> rows(net.materials.size(), 0);
    for (const auto& w : d.worldShares) {
        const Index m = net.materials.find(w.materialId);
        if (m == kNone)
            continue;
        known[size_t(m)] += w.share;
        ++rows[size_t(m)];
    }
    for (size_t m = 0; m < known.size(); ++m)
        if (known[m] < kMinKnownWorldShare - 1e-9) // 0.1 + 0.7 is 0.8, not less
            q.incompleteWorldShares.push_back({Index(m), known[m], rows[m]});
}

} // namespace

DataQuality assessDataQuality(const Network& net, Date asOf) {
    const Dataset& d = net.data();
    DataQuality q;
    q.asOf = asOf;
    for (const auto& spec : io::tableSpecs())
        q.tables.push_back({std::string(spec.name), spec.reference, io::rowCount(d, spec.name)});
    q.vintage = d.referenceVintage();
    countSources(d, q);
    for (const auto& w : d.worldShares) {
        if (w.year)
            ++q.worldShareYears[*w.year];
        else
            ++q.worldSharesWithoutYear;
    }

    assessTier2(net, q); // reportedMaterials is ordered by id: ties stay in id order
    assessUnknownOrigin(net, q);

    for (size_t s = 0; s < d.suppliers.size(); ++s)
        if (!d.suppliers[s].ownerCountry)
            q.suppliersWithoutOwner.push_back(net.suppliers.find(d.suppliers[s].id));
    for (size_t s = 0; s < d.sites.size(); ++s) {
        const Index site = net.sites.find(d.sites[s].id);
        if (net.siteTechnologies.count(size_t(site)) == 0)
            q.sitesWithoutTechnologies.push_back(site);
    }
    for (size_t i = 0; i < d.worldShares.size(); ++i) {
        const auto& y = d.worldShares[i].year;
        if (!y)
            q.oldWorldShares.push_back({i, std::nullopt});
        else if (asOf.year() - *y > kMaxWorldShareAge)
            q.oldWorldShares.push_back({i, asOf.year() - *y});
    }
    std::stable_sort(q.oldWorldShares.begin(), q.oldWorldShares.end(),
                     [](const OldWorldShare& a, const OldWorldShare& b) {
                         return a.age.value_or(-1) > b.age.value_or(-1);
                     });
    assessMethodologyInputs(net, q);
    return q;
}

} // namespace chokepoint::core::analysis
