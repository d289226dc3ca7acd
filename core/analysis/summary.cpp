// SPDX-License-Identifier: MIT
#include "core/analysis/summary.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "core/analysis/chaincoverage.h"
#include "core/util/format.h"

namespace chokepoint::core::analysis {

namespace {

constexpr double kEps = 1e-9;

struct Names {
    const Network& net;
    std::string material(Index m) const { return net.data().materials[size_t(m)].name; }
    std::string site(Index s) const {
        const auto& site = net.data().sites[size_t(s)];
        return site.name ? *site.name : site.id;
    }
    std::string country(Index c) const {
        return c == kNone ? std::string("an unknown country")
                          : net.data().countries[size_t(c)].name;
    }
    std::string focus() const {
        return net.focusCountry() == kNone ? std::string("the focus country")
                                           : country(net.focusCountry());
    }
};

std::string joinClauses(const std::vector<std::string>& clauses) {
    std::string text;
    for (const auto& c : clauses) {
        if (!text.empty())
            text += "; ";
        text += c;
    }
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = char(text[0] - 'a' + 'A');
    return text;
}

std::string joinIds(const Network& net, const std::vector<Index>& controls) {
    std::string text;
    for (const Index c : controls)
        text += (text.empty() ? "" : ", ") + net.controlIds.id(c);
    return text;
}

// Why a link (s -> b, m) counts as exposed under the lens.
std::string reasonText(const Network& net, const ExposureResult& r, const Link& link, Index buyer,
                       Index material, const Names& names) {
    const Index site = link.supplierSite;
    const Index country = net.siteCountry[size_t(site)];
    const bool inFocus = country != kNone && country == net.focusCountry();
    switch (r.lens) {
    case Lens::Location:
        return "located in " + names.focus();
    case Lens::Owned:
        return inFocus ? "located in " + names.focus() : "owned from " + names.focus();
    case Lens::Controlled: {
        const Index destination = net.destination(buyer);
        std::vector<Index> byCountry;
        std::string tech;
        for (const ControlState::Cover& c : r.controls->coversOfFlow(site, material, destination)) {
            if (c.kind == ItemKind::Material)
                byCountry.push_back(c.control);
            else if (tech.empty())
                tech = net.data().technologies[size_t(c.item)].name + " from " +
                       names.country(net.controls[size_t(c.control)].issuer) + " (" +
                       net.controlIds.id(c.control) + ")";
        }
        std::vector<std::string> why;
        if (!byCountry.empty())
            why.push_back("export from " + names.country(country) + " to " +
                          names.country(destination) + " under " + joinIds(net, byCountry));
        if (!tech.empty())
            why.push_back("uses controlled technology " + tech);
        std::string text;
        for (const auto& w : why)
            text += (text.empty() ? "" : " and ") + w;
        return text.empty() ? std::string("covered by a control in force") : text;
    }
    }
    return {};
}

// The recipe input of node n with the highest dependence (what sets f(s, m) when not exposed).
Index worstInput(const Network& net, const ExposureResult& r, Index node) {
    const Index m = net.nodes[size_t(node)].material;
    const RecipeInput* inputs = net.recipes.begin(size_t(m));
    const Index* groups = net.nodeInputGroups.begin(size_t(node));
    Index best = kNone;
    double bestValue = -1.0;
    const Index destination = net.siteCountry[size_t(net.nodes[size_t(node)].site)];
    for (uint32_t k = 0; k < net.recipes.count(size_t(m)); ++k) {
        const double v = groups[k] == kNone ? r.unknownAt(inputs[k].material, destination)
                                            : r.g[size_t(groups[k])];
        if (v > bestValue) {
            bestValue = v;
            best = inputs[k].material;
        }
    }
    return best;
}

std::string materialWhy(const Network& net, const ExposureResult& r, Index m,
                        const MaterialSummary& s, const Names& names) {
    std::vector<std::string> clauses;
    const Index grp = net.selfGroup[size_t(m)];
    if (grp != kNone && s.directShare > kEps) {
        std::string sites;
        int listed = 0;
        for (const Link& l : net.links(grp))
            if (r.exposed(net, l) && listed++ < 2)
                sites += (sites.empty() ? "" : ", ") + names.site(l.supplierSite);
        clauses.push_back(formatPercent(s.directShare) + " from exposed tier-1 sites (" + sites +
                          ")");
    }
    // Deeper tiers: the largest non-exposed tier-1 contribution, and the unknown remainder.
    double known = 0.0, bestValue = 0.0;
    const Link* best = nullptr;
    const double u = r.unknownAt(m, net.companyCountry());
    double unknownPart = u;
    if (grp != kNone) {
        for (const Link& l : net.links(grp)) {
            if (r.exposed(net, l))
                continue;
            const double v = l.share * r.f(net, l);
            known += v;
            if (v > bestValue + kEps) {
                bestValue = v;
                best = &l;
            }
        }
        unknownPart = std::max(0.0, 1.0 - net.groups[size_t(grp)].shareSum) * u;
    }
    if (known > kEps && best) {
        const Index input = worstInput(net, r, best->supplierNode);
        std::string via = names.site(best->supplierSite);
        if (input != kNone)
            via = names.material(input) + " of " + via;
        clauses.push_back(formatPercent(known) + " through deeper tiers, mainly " + via);
    }
    if (unknownPart > kEps)
        clauses.push_back(formatPercent(unknownPart) +
                          " from supply of unknown origin, counted at " +
                          (r.lens == Lens::Controlled
                               ? std::string("the world share of the countries whose controls "
                                             "reach us")
                               : names.focus() + "'s world share"));
    if (s.singleCountry && grp != kNone && net.groupLinks.count(size_t(grp)) > 0)
        clauses.push_back(
            "all tier-1 supply from " +
            names.country(
                net.siteCountry[size_t(net.groupLinks.begin(size_t(grp))->supplierSite)]));
    if (const auto controls = controlsCoveringMaterial(*r.controls, m); !controls.empty())
        clauses.push_back("covered by export control " + joinIds(net, controls));
    if (clauses.empty())
        clauses.push_back("no dependence under this lens");
    return joinClauses(clauses);
}

std::string siteWhy(const Network& net, const ExposureResult& r, const Link& l, Index m,
                    const Names& names) {
    std::vector<std::string> clauses;
    clauses.push_back(formatPercent(l.share) + " of our " + names.material(m));
    if (r.exposed(net, l)) {
        clauses.push_back(reasonText(net, r, l, kSelf, m, names));
    } else {
        std::string text = "its inputs are " + formatPercent(r.f(net, l)) + " dependent";
        if (const Index input = worstInput(net, r, l.supplierNode); input != kNone)
            text += ", mainly " + names.material(input);
        clauses.push_back(text);
    }
    return joinClauses(clauses);
}

void sourcesFromText(const Network& net, const std::string& text, std::vector<size_t>& out) {
    const auto& sources = net.data().sources;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(';', start);
        if (end == std::string::npos)
            end = text.size();
        std::string_view id(text.data() + start, end - start);
        while (!id.empty() && id.front() == ' ')
            id.remove_prefix(1);
        while (!id.empty() && id.back() == ' ')
            id.remove_suffix(1);
        for (size_t i = 0; i < sources.size() && !id.empty(); ++i)
            if (sources[i].id == id && std::find(out.begin(), out.end(), i) == out.end())
                out.push_back(i);
        start = end + 1;
    }
}

} // namespace

bool siteInFilterCountry(const Network& net, const SummaryFilter& filter, Index site) {
    return filter.country == kNone || net.siteCountry[size_t(site)] == filter.country;
}

std::vector<Index> filteredMaterials(const Network& net, const SummaryFilter& filter) {
    std::vector<char> needed(net.materials.size(), 1);
    if (filter.product != kNone) {
        std::vector<Index> bom;
        for (auto* b = net.productBom.begin(size_t(filter.product));
             b != net.productBom.end(size_t(filter.product)); ++b)
            bom.push_back(b->material);
        needed = net.recipeClosure(bom);
    }
    std::vector<Index> out;
    for (const Index m : net.reportedMaterials) {
        if (!needed[size_t(m)])
            continue;
        if (filter.stage && net.data().materials[size_t(m)].stage != *filter.stage)
            continue;
        if (filter.country != kNone) {
            const auto links = net.tier1Links(m);
            if (std::none_of(links.begin(), links.end(), [&](const Link& l) {
                    return siteInFilterCountry(net, filter, l.supplierSite);
                }))
                continue;
        }
        out.push_back(m);
    }
    return out;
}

Summary summarize(const Network& net, const ExposureResult& r, const SummaryFilter& filter,
                  size_t maxChokepoints) {
    const Names names{net};
    Summary out;
    out.lens = r.lens;
    out.asOf = r.asOf;
    out.assumeScheduled = r.assumeScheduled;
    out.afterReferenceCutoff = afterReferenceCutoff(net, r.asOf);

    std::vector<char> keep(net.materials.size(), 0);
    for (const Index m : filteredMaterials(net, filter))
        keep[size_t(m)] = 1;
    std::vector<double> countrySpend(net.countries.size(), 0.0);
    for (const MaterialExposure& e : r.materials) {
        const Index m = e.material;
        if (!keep[size_t(m)])
            continue;
        MaterialSummary s;
        s.material = m;
        s.dependence = e.dependence;
        s.dependenceLow = e.dependenceLow;
        s.dependenceHigh = e.dependenceHigh;
        s.directShare = e.directShare;
        s.deeperShare = std::max(0.0, e.dependence - e.directShare);
        s.hhi = e.hhi;
        s.singleCountry = e.hhi && std::fabs(*e.hhi - 10000.0) < 1e-6;
        for (const Link& l : net.tier1Links(m)) {
            if (std::isnan(l.spend) || !siteInFilterCountry(net, filter, l.supplierSite))
                continue;
            s.spend = s.spend.value_or(0.0) + l.spend;
            s.spendAtRisk = s.spendAtRisk.value_or(0.0) + l.spend * r.f(net, l);
            if (const Index c = net.siteCountry[size_t(l.supplierSite)]; c != kNone)
                countrySpend[size_t(c)] += l.spend;
        }
        out.spend += s.spend.value_or(0.0);
        out.spendAtRisk += s.spendAtRisk.value_or(0.0);
        out.materialsOverHalf += s.dependence > kHighDependence ? 1 : 0;
        out.singleCountryMaterials += s.singleCountry ? 1 : 0;
        out.materials.push_back(std::move(s));
    }
    std::stable_sort(out.materials.begin(), out.materials.end(),
                     [](const MaterialSummary& a, const MaterialSummary& b) {
                         return a.dependence > b.dependence;
                     }); // r.materials is by id, so ties stay by id

    for (const ProductExposure& p : r.products) {
        if (filter.product != kNone && p.product != filter.product)
            continue;
        ProductSummary s;
        s.product = p.product;
        s.dependence = p.dependence;
        s.dependenceLow = p.dependenceLow;
        s.dependenceHigh = p.dependenceHigh;
        const double price = net.productPrice[size_t(p.product)];
        if (!std::isnan(price)) {
            s.revenue = net.productVolume[size_t(p.product)] * price;
            s.revenueAtRisk = p.revenueAtRisk;
            s.revenueAtRiskLow = p.revenueAtRiskLow;
            s.revenueAtRiskHigh = p.revenueAtRiskHigh;
            out.revenue += *s.revenue;
            out.revenueAtRisk += p.revenueAtRisk.value_or(0.0);
            out.revenueAtRiskLow += p.revenueAtRiskLow.value_or(0.0);
            out.revenueAtRiskHigh += p.revenueAtRiskHigh.value_or(0.0);
        }
        out.products.push_back(s);
    }
    if (out.revenue > 0.0) {
        out.revenueDependence = out.revenueAtRisk / out.revenue;
        out.revenueDependenceLow = out.revenueAtRiskLow / out.revenue;
        out.revenueDependenceHigh = out.revenueAtRiskHigh / out.revenue;
    }

    double totalSpend = 0.0;
    for (const double v : countrySpend)
        totalSpend += v;
    for (size_t c = 0; c < countrySpend.size(); ++c)
        if (countrySpend[c] > 0.0)
            out.countryMix.push_back({Index(c), countrySpend[c], countrySpend[c] / totalSpend});
    std::sort(out.countryMix.begin(), out.countryMix.end(),
              [&](const CountrySpend& a, const CountrySpend& b) {
                  if (a.spend != b.spend)
                      return a.spend > b.spend;
                  return net.countries.id(a.country) < net.countries.id(b.country);
              });

    {
        std::vector<Index> roots;
        for (size_t m = 0; m < keep.size(); ++m)
            if (keep[m])
                roots.push_back(Index(m));
        out.controlsInForce = controlsTouching(*r.controls, chainReach(net, roots, filter.country));
    }

    // Rank first, write the "why" only for the chokepoints kept.
    struct Candidate {
        Chokepoint item;
        const Link* link = nullptr;
        const MaterialSummary* material = nullptr;
    };
    std::vector<Candidate> candidates;
    for (const MaterialSummary& s : out.materials) {
        if (s.dependence > kEps)
            candidates.push_back(
                {{ChokepointKind::Material, s.material, kNone, s.dependence, s.spendAtRisk, {}},
                 nullptr,
                 &s});
        for (const Link& l : net.tier1Links(s.material)) {
            const double f = r.f(net, l);
            if (l.share * f <= kEps || !siteInFilterCountry(net, filter, l.supplierSite))
                continue;
            std::optional<double> spend;
            if (!std::isnan(l.spend))
                spend = l.spend * f;
            candidates.push_back(
                {{ChokepointKind::Site, s.material, l.supplierSite, l.share * f, spend, {}},
                 &l,
                 &s});
        }
    }
    auto before = [&](const Candidate& ca, const Candidate& cb) {
        const Chokepoint& a = ca.item;
        const Chokepoint& b = cb.item;
        if (a.dependence != b.dependence)
            return a.dependence > b.dependence;
        const double sa = a.spendAtRisk.value_or(-1.0), sb = b.spendAtRisk.value_or(-1.0);
        if (sa != sb)
            return sa > sb;
        if (a.material != b.material)
            return net.materials.id(a.material) < net.materials.id(b.material);
        if (a.site == kNone || b.site == kNone)
            return a.site == kNone && b.site != kNone; // the material before its sites
        return net.sites.id(a.site) < net.sites.id(b.site);
    };
    const size_t kept = std::min(maxChokepoints, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + std::ptrdiff_t(kept),
                      candidates.end(), before);
    for (size_t i = 0; i < kept; ++i) {
        Candidate& c = candidates[i];
        c.item.why = c.link ? siteWhy(net, r, *c.link, c.item.material, names)
                            : materialWhy(net, r, c.item.material, *c.material, names);
        out.chokepoints.push_back(std::move(c.item));
    }
    return out;
}

std::vector<Index> controlsCoveringMaterial(const ControlState& controls, Index material) {
    const Network& net = controls.network();
    std::vector<Index> destinations;
    if (std::find(net.reportedMaterials.begin(), net.reportedMaterials.end(), material) !=
        net.reportedMaterials.end())
        destinations.push_back(net.companyCountry());
    for (const Group& g : net.groups)
        if (g.material == material && g.buyer != kSelf)
            destinations.push_back(net.siteCountry[size_t(g.buyer)]);
    std::sort(destinations.begin(), destinations.end());
    destinations.erase(std::unique(destinations.begin(), destinations.end()), destinations.end());
    std::vector<Index> out;
    for (const Index c : controls.controlsListing(ItemKind::Material, material)) {
        if (std::any_of(destinations.begin(), destinations.end(),
                        [&](Index d) { return controls.exportReaches(c, d); }))
            out.push_back(c);
    }
    return out;
}

std::vector<size_t> materialSources(const Network& net, Index material) {
    std::vector<size_t> out;
    const std::string& id = net.materials.id(material);
    for (const auto& w : net.data().worldShares)
        if (w.materialId == id && w.source)
            sourcesFromText(net, *w.source, out);
    return out;
}

std::vector<size_t> controlSources(const Network& net, Index control) {
    std::vector<size_t> out;
    if (const auto& src = net.data().controls[size_t(control)].source)
        sourcesFromText(net, *src, out);
    return out;
}

} // namespace chokepoint::core::analysis
