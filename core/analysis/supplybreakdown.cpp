// SPDX-License-Identifier: MIT
#include "core/analysis/supplybreakdown.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/analysis/summary.h"

namespace chokepoint::core::analysis {

namespace {

constexpr double kEps = 1e-12;

// A row under construction: who buys the row's material, with the weight each one carries.
struct Pending {
    BreakdownRow row;
    std::vector<std::pair<Index, double>> buyers; // site index or kSelf, weight
};

const std::string& countryId(const Network& net, Index c) {
    static const std::string none;
    return c == kNone ? none : net.countries.id(c);
}

void sortShares(const Network& net, std::vector<CountryShare>& shares) {
    std::sort(shares.begin(), shares.end(), [&](const CountryShare& a, const CountryShare& b) {
        if (a.share != b.share)
            return a.share > b.share;
        return countryId(net, a.country) < countryId(net, b.country);
    });
}

// Fills the row's country shares and unknown part from its buyers; returns the supplier
// sites with the weight they carry (the next tier's buyers), in first-seen order.
std::vector<std::pair<Index, double>> fillRow(const Network& net, Pending& p) {
    BreakdownRow& row = p.row;
    std::map<Index, double> byCountry;
    std::vector<std::pair<Index, double>> suppliers;
    std::unordered_map<Index, size_t> supplierSlot;
    for (const auto& [buyer, weight] : p.buyers) {
        const Index grp = buyer == kSelf ? net.selfGroup[size_t(row.material)]
                                         : net.findGroup(buyer, row.material);
        if (grp == kNone) {
            row.unknownOrigin += weight;
            continue;
        }
        double sum = 0.0;
        for (auto* l = net.groupLinks.begin(size_t(grp)); l != net.groupLinks.end(size_t(grp));
             ++l) {
            const double w = weight * l->share;
            sum += l->share;
            byCountry[net.siteCountry[size_t(l->supplierSite)]] += w;
            const auto [it, added] = supplierSlot.emplace(l->supplierSite, suppliers.size());
            if (added)
                suppliers.emplace_back(l->supplierSite, 0.0);
            suppliers[it->second].second += w;
        }
        row.unknownOrigin += weight * std::max(0.0, 1.0 - sum);
    }
    for (const auto& [country, share] : byCountry)
        if (share > 0.0)
            row.countries.push_back({country, share});
    sortShares(net, row.countries);
    row.sites = suppliers.size();
    return suppliers;
}

} // namespace

SupplyBreakdown supplyBreakdown(const Network& net, Index material,
                                const BreakdownOptions& options) {
    SupplyBreakdown out;
    out.material = material;
    if (material == kNone || options.maxRows == 0 || options.maxDepth < 1)
        return out;
    // Breadth first, so that rows come tier by tier and maxRows keeps the nearest tiers.
    std::vector<Pending> queue;
    queue.push_back({BreakdownRow{1, material, -1, {}, 0.0, 0.0, 0}, {{kSelf, 1.0}}});
    for (size_t q = 0; q < queue.size(); ++q) {
        Pending p = std::move(queue[q]);
        const auto suppliers = fillRow(net, p);
        const int index = int(out.rows.size());
        out.rows.push_back(p.row);
        const BreakdownRow& row = out.rows.back();
        const uint32_t inputs = net.recipes.count(size_t(row.material));
        if (inputs == 0 || row.known() <= kEps)
            continue;
        if (row.tier >= options.maxDepth) {
            out.truncated = true;
            continue;
        }
        const double untraced = row.unknownOrigin + row.untraced;
        for (auto* in = net.recipes.begin(size_t(row.material));
             in != net.recipes.end(size_t(row.material)); ++in) {
            if (queue.size() >= options.maxRows) {
                out.truncated = true;
                break;
            }
            queue.push_back(
                {BreakdownRow{row.tier + 1, in->material, index, {}, 0.0, untraced, 0}, suppliers});
        }
    }
    return out;
}

BreakdownColumns breakdownColumns(const Network& net, const SupplyBreakdown& breakdown,
                                  size_t maxCountries) {
    BreakdownColumns out;
    std::map<Index, double> totals;
    for (const BreakdownRow& row : breakdown.rows)
        for (const CountryShare& c : row.countries)
            totals[c.country] += c.share;
    std::vector<CountryShare> order;
    for (const auto& [country, total] : totals)
        if (country != net.focusCountry())
            order.push_back({country, total});
    sortShares(net, order);
    if (maxCountries > 0 && totals.count(net.focusCountry()))
        out.countries.push_back(net.focusCountry());
    for (const CountryShare& c : order)
        if (out.countries.size() < maxCountries)
            out.countries.push_back(c.country);
    for (const BreakdownRow& row : breakdown.rows) {
        std::vector<double> shares(out.countries.size(), 0.0);
        double other = 0.0;
        for (const CountryShare& c : row.countries) {
            const auto it = std::find(out.countries.begin(), out.countries.end(), c.country);
            if (it == out.countries.end())
                other += c.share;
            else
                shares[size_t(it - out.countries.begin())] = c.share;
        }
        out.shares.push_back(std::move(shares));
        out.otherCountries.push_back(other);
    }
    return out;
}

WorldMix worldMix(const Network& net, Index material) {
    WorldMix mix;
    if (material == kNone)
        return mix;
    double sum = 0.0;
    for (auto* w = net.worldShares.begin(size_t(material));
         w != net.worldShares.end(size_t(material)); ++w) {
        mix.shares.push_back(*w);
        sum += w->share;
    }
    sortShares(net, mix.shares);
    mix.rest = std::max(0.0, 1.0 - sum);
    const std::string& id = net.materials.id(material);
    for (const WorldShare& w : net.data().worldShares) {
        if (w.materialId != id || !w.year)
            continue;
        mix.firstYear = mix.firstYear ? std::min(*mix.firstYear, *w.year) : *w.year;
        mix.lastYear = mix.lastYear ? std::max(*mix.lastYear, *w.year) : *w.year;
    }
    mix.sources = materialSources(net, material);
    return mix;
}

std::vector<Index> productsUsing(const Network& net, Index material) {
    std::vector<Index> out;
    if (material == kNone)
        return out;
    // needs[m]: making m needs `material` (m itself or through its recipe inputs). Inputs come
    // before what they make in topoOrder, so one pass decides every material.
    std::vector<char> needs(net.materials.size(), 0);
    needs[size_t(material)] = 1;
    for (const Index m : net.topoOrder)
        for (auto* in = net.recipes.begin(size_t(m)); in != net.recipes.end(size_t(m)); ++in)
            if (needs[size_t(in->material)])
                needs[size_t(m)] = 1;
    for (size_t p = 0; p < net.products.size(); ++p)
        for (auto* b = net.productBom.begin(p); b != net.productBom.end(p); ++b)
            if (needs[size_t(b->material)]) {
                out.push_back(Index(p));
                break;
            }
    std::sort(out.begin(), out.end(),
              [&](Index a, Index b) { return net.products.id(a) < net.products.id(b); });
    return out;
}

} // namespace chokepoint::core::analysis
