// SPDX-License-Identifier: MIT
#include "core/analysis/supplierview.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

namespace chokepoint::core::analysis {

namespace {

constexpr int kUnreached = INT_MAX;

void addOptional(std::optional<double>& sum, const std::optional<double>& v) {
    if (v)
        sum = sum.value_or(0.0) + *v;
}

void minTier(std::optional<int>& tier, const std::optional<int>& v) {
    if (v && (!tier || *v < *tier))
        tier = v;
}

template <class Less> void sortUnique(std::vector<Index>& v, Less less) {
    std::sort(v.begin(), v.end(), less);
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

SupplierViewResult supplierView(const Network& net, const ExposureResult& result,
                                const SummaryFilter& filter) {
    SupplierViewResult out;
    const std::vector<Index> roots = filteredMaterials(net, filter);
    const size_t nNodes = net.nodes.size();
    const size_t words = (roots.size() + 63) / 64;
    std::vector<int> tier(nNodes, kUnreached);
    std::vector<uint64_t> mask(nNodes * words, 0); // reported materials served, one bit each
    std::vector<char> alternative(nNodes, 0);
    std::vector<double> spend(net.sites.size(), 0.0), atRisk(net.sites.size(), 0.0);
    std::vector<char> hasSpend(net.sites.size(), 0);
    std::vector<double> countrySpend(net.countries.size(), 0.0),
        countryAtRisk(net.countries.size(), 0.0);

    for (size_t k = 0; k < roots.size(); ++k) {
        const Index m = roots[k];
        {
            for (const Link& link : net.tier1Links(m)) {
                const Link* l = &link;
                if (!siteInFilterCountry(net, filter, l->supplierSite))
                    continue;
                const size_t n = size_t(l->supplierNode);
                tier[n] = 1;
                mask[n * words + k / 64] |= uint64_t(1) << (k % 64);
                if (std::isnan(l->spend))
                    continue;
                const size_t s = size_t(l->supplierSite);
                const double risk = l->spend * result.f(net, *l);
                hasSpend[s] = 1;
                spend[s] += l->spend;
                atRisk[s] += risk;
                if (const Index c = net.siteCountry[s]; c != kNone) {
                    countrySpend[size_t(c)] += l->spend;
                    countryAtRisk[size_t(c)] += risk;
                }
            }
        }
        for (auto* a = net.alternatives.begin(size_t(m)); a != net.alternatives.end(size_t(m)); ++a)
            if (siteInFilterCountry(net, filter, a->site))
                alternative[size_t(a->node)] = 1;
    }
    // Nodes are ordered inputs first (by the topological rank of their material), so going
    // backwards visits every buyer node before the nodes it buys from.
    for (size_t n = nNodes; n-- > 0;) {
        if (tier[n] == kUnreached)
            continue;
        for (auto* grp = net.nodeInputGroups.begin(n); grp != net.nodeInputGroups.end(n); ++grp) {
            if (*grp == kNone)
                continue;
            for (auto* l = net.groupLinks.begin(size_t(*grp));
                 l != net.groupLinks.end(size_t(*grp)); ++l) {
                const size_t up = size_t(l->supplierNode);
                tier[up] = std::min(tier[up], tier[n] + 1);
                for (size_t w = 0; w < words; ++w)
                    mask[up * words + w] |= mask[n * words + w];
            }
        }
    }

    // Sites: their nodes in the view.
    std::vector<std::vector<Index>> siteNodes(net.sites.size());
    for (size_t n = 0; n < nNodes; ++n)
        if (tier[n] != kUnreached || alternative[n])
            siteNodes[size_t(net.nodes[n].site)].push_back(Index(n));
    // A node's flows: to us when we buy from it, else to every buyer; an alternative with no
    // link at all: its flow to us, should we buy from it.
    std::vector<double> nodeF(nNodes, 0.0);
    std::vector<char> nodeExposed(nNodes, 0), nodeOurs(nNodes, 0), nodeLinked(nNodes, 0);
    for (const Index g : net.selfGroup)
        if (g != kNone)
            for (const Link& l : net.links(g))
                nodeOurs[size_t(l.supplierNode)] = 1;
    for (size_t g = 0; g < net.groups.size(); ++g)
        for (const Link& l : net.links(Index(g))) {
            const size_t n = size_t(l.supplierNode);
            nodeLinked[n] = 1;
            if (nodeOurs[n] && net.groups[g].buyer != kSelf)
                continue;
            nodeF[n] = std::max(nodeF[n], result.f(net, l));
            nodeExposed[n] = nodeExposed[n] || result.exposed(net, l);
        }
    for (size_t n = 0; n < nNodes; ++n)
        if (!nodeLinked[n]) {
            nodeExposed[n] = result.exposedToUs[n];
            nodeF[n] = nodeExposed[n] ? 1.0 : result.nodeF[n];
        }
    const auto& d = net.data();
    const auto byMaterialId = [&](Index a, Index b) {
        return net.materials.id(a) < net.materials.id(b);
    };
    std::vector<Index> siteOrder;
    for (size_t s = 0; s < net.sites.size(); ++s)
        if (!siteNodes[s].empty())
            siteOrder.push_back(Index(s));
    std::sort(siteOrder.begin(), siteOrder.end(), [&](Index a, Index b) {
        const auto& sa = d.sites[size_t(a)];
        const auto& sb = d.sites[size_t(b)];
        return sa.supplierId != sb.supplierId ? sa.supplierId < sb.supplierId : sa.id < sb.id;
    });
    for (const Index s : siteOrder) {
        SiteView v;
        v.site = s;
        v.supplier = net.siteSupplier[size_t(s)];
        std::vector<uint64_t> served(words, 0);
        for (const Index n : siteNodes[size_t(s)]) {
            SiteSupply sup;
            sup.material = net.nodes[size_t(n)].material;
            sup.node = n;
            if (tier[size_t(n)] != kUnreached)
                sup.tier = tier[size_t(n)];
            sup.f = nodeF[size_t(n)];
            sup.exposed = nodeExposed[size_t(n)] != 0;
            minTier(v.tier, sup.tier);
            v.dependence = std::max(v.dependence, sup.f);
            v.exposed = v.exposed || sup.exposed;
            v.alternative = v.alternative || alternative[size_t(n)];
            for (size_t w = 0; w < words; ++w)
                served[w] |= mask[size_t(n) * words + w];
            v.supplies.push_back(sup);
        }
        std::sort(v.supplies.begin(), v.supplies.end(),
                  [&](const SiteSupply& a, const SiteSupply& b) {
                      return byMaterialId(a.material, b.material);
                  });
        for (size_t k = 0; k < roots.size(); ++k)
            if (served[k / 64] >> (k % 64) & 1)
                v.serves.push_back(roots[k]); // roots are by id already
        for (const ControlState::Cover& c : result.controls->coversOfSite(s))
            v.controlledTechnologies.push_back(c.item);
        sortUnique(v.controlledTechnologies, std::less<Index>());
        if (hasSpend[size_t(s)]) {
            v.spend = spend[size_t(s)];
            v.spendAtRisk = atRisk[size_t(s)];
        }
        out.sites.push_back(std::move(v));
    }

    // Suppliers: sites are grouped by supplier already.
    for (size_t i = 0; i < out.sites.size(); ++i) {
        const SiteView& site = out.sites[i];
        if (out.suppliers.empty() || out.suppliers.back().supplier != site.supplier) {
            SupplierView sv;
            sv.supplier = site.supplier;
            for (const SupplierExposure& e : result.suppliers)
                if (e.supplier == site.supplier)
                    sv.dependence = e.dependence;
            out.suppliers.push_back(std::move(sv));
        }
        SupplierView& sv = out.suppliers.back();
        sv.sites.push_back(i);
        minTier(sv.tier, site.tier);
        sv.exposedSites += site.exposed ? 1 : 0;
        addOptional(sv.spend, site.spend);
        addOptional(sv.spendAtRisk, site.spendAtRisk);
        sv.controlledTechnologies.insert(sv.controlledTechnologies.end(),
                                         site.controlledTechnologies.begin(),
                                         site.controlledTechnologies.end());
        for (const SiteSupply& sup : site.supplies)
            sv.supplies.push_back(sup.material);
        sv.serves.insert(sv.serves.end(), site.serves.begin(), site.serves.end());
    }
    for (SupplierView& sv : out.suppliers) {
        sortUnique(sv.controlledTechnologies, std::less<Index>());
        sortUnique(sv.supplies, byMaterialId);
        sortUnique(sv.serves, byMaterialId);
    }

    for (size_t c = 0; c < net.countries.size(); ++c)
        if (countrySpend[c] > 0.0)
            out.countrySpend.push_back({Index(c), countrySpend[c], countryAtRisk[c]});
    std::sort(out.countrySpend.begin(), out.countrySpend.end(),
              [&](const CountryExposedSpend& a, const CountryExposedSpend& b) {
                  if (a.spend != b.spend)
                      return a.spend > b.spend;
                  return net.countries.id(a.country) < net.countries.id(b.country);
              });
    return out;
}

std::vector<CountryExposedSpend>
topCountrySpend(const std::vector<CountryExposedSpend>& countrySpend, size_t count) {
    if (countrySpend.size() <= count || count == 0)
        return countrySpend;
    std::vector<CountryExposedSpend> out(countrySpend.begin(),
                                         countrySpend.begin() + std::ptrdiff_t(count - 1));
    CountryExposedSpend rest;
    for (size_t i = count - 1; i < countrySpend.size(); ++i) {
        rest.spend += countrySpend[i].spend;
        rest.atRisk += countrySpend[i].atRisk;
    }
    out.push_back(rest);
    return out;
}

} // namespace chokepoint::core::analysis
