// SPDX-License-Identifier: MIT
#include "core/scenario/criticality.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

#include "core/analysis/measureimpact.h"
#include "core/scenario/scenario.h"
#include "core/scenario/sitestop.h"

namespace chokepoint::core::scenario {

using analysis::Index;
using analysis::kNone;
using analysis::kSelf;

namespace {

// What every site shares: tiers, our spend, and who buys from whom.
struct SiteFacts {
    std::vector<int> tier;       // 0: does not reach us
    std::vector<double> spend;   // our tier-1 spend
    std::vector<char> supplying; // supplies at least one link
    analysis::Csr<Index> buyers; // per site: the sites buying from it
    std::vector<char> tier1;     // we buy from it
};

SiteFacts siteFacts(const analysis::Network& net) {
    SiteFacts f;
    const size_t nSites = net.sites.size();
    f.tier = net.siteTiers();
    f.spend.assign(nSites, 0.0);
    f.supplying.assign(nSites, 0);
    f.tier1.assign(nSites, 0);
    std::vector<std::pair<Index, Index>> edges; // (supplier, buyer site)
    for (size_t g = 0; g < net.groups.size(); ++g) {
        const Index buyer = net.groups[g].buyer;
        for (auto* l = net.groupLinks.begin(g); l != net.groupLinks.end(g); ++l) {
            const size_t s = size_t(l->supplierSite);
            f.supplying[s] = 1;
            if (buyer == kSelf) {
                f.tier1[s] = 1;
                if (!std::isnan(l->spend))
                    f.spend[s] += l->spend;
            } else {
                edges.push_back({l->supplierSite, buyer});
            }
        }
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    f.buyers.start.assign(nSites + 1, 0);
    for (const auto& e : edges)
        ++f.buyers.start[size_t(e.first) + 1];
    for (size_t s = 0; s < nSites; ++s)
        f.buyers.start[s + 1] += f.buyers.start[s];
    f.buyers.items.reserve(edges.size());
    for (const auto& e : edges)
        f.buyers.items.push_back(e.second);
    return f;
}

// Our tier-1 sites that site s supplies, directly or through other sites (not s itself).
int customersReached(const SiteFacts& f, Index s, std::vector<int>& seen, int stamp) {
    int count = 0;
    std::vector<Index> work{s};
    seen[size_t(s)] = stamp;
    while (!work.empty()) {
        const Index x = work.back();
        work.pop_back();
        for (auto* b = f.buyers.begin(size_t(x)); b != f.buyers.end(size_t(x)); ++b)
            if (seen[size_t(*b)] != stamp) {
                seen[size_t(*b)] = stamp;
                count += f.tier1[size_t(*b)];
                work.push_back(*b);
            }
    }
    return count;
}

// TTS, and lost revenue at TTR, for one site. Lost output does not decrease with the stop's
// length, so: a full-horizon stop first (most sites lose nothing even then), else a binary
// search for the longest harmless stop.
void knockOut(const SiteStopRunner& runner, CriticalSite& c, int& runs) {
    const int h = runner.horizonDays();
    auto run = [&](int days) {
        ++runs;
        return runner.run(c.site, days);
    };
    if (!runner.reachesOurNeeds(c.site))
        return;
    const SiteStopOutcome full = run(h);
    if (!full.lostOutput)
        return;
    int harmless = 0, harmful = h; // a stop of `harmless` days loses nothing, `harmful` does
    while (harmful - harmless > 1) {
        const int mid = harmless + (harmful - harmless) / 2;
        (run(mid).lostOutput ? harmful : harmless) = mid;
    }
    c.ttsDays = harmless;
    c.atRisk = harmless < c.ttrDays;
    if (!c.atRisk)
        return;
    c.lostRevenue = c.ttrDays >= h ? full.lostRevenue : run(c.ttrDays).lostRevenue;
}

} // namespace

CriticalityResult computeCriticality(const analysis::Network& net,
                                     const CriticalityOptions& options) {
    CriticalityResult res;
    res.asOf = options.asOf;
    res.horizonDays = std::clamp(options.horizonDays, 1, kMaxHorizonDays);
    res.defaultRecoveryDays = std::max(0, options.defaultRecoveryDays);

    const SiteFacts facts = siteFacts(net);
    const auto& data = net.data();
    for (size_t s = 0; s < net.sites.size(); ++s) {
        if (!facts.supplying[s])
            continue;
        CriticalSite c;
        c.site = Index(s);
        const Site& site = data.sites[s];
        c.id = site.id;
        c.name = site.name.value_or(std::string());
        c.supplierId = site.supplierId;
        if (const Index sup = net.siteSupplier[s]; sup != kNone)
            c.supplierName = data.suppliers[size_t(sup)].name;
        c.country = site.country;
        if (facts.tier[s] > 0)
            c.tier = facts.tier[s];
        c.spend = facts.spend[s];
        c.ttrAssumed = !site.recoveryDays;
        c.ttrDays = site.recoveryDays.value_or(res.defaultRecoveryDays);
        res.sites.push_back(std::move(c));
    }

    // Sites pulled from a shared counter; each worker writes only the entries it took.
    const SiteStopRunner runner(net, options.asOf, res.horizonDays);
    const int total = int(res.sites.size());
    int threads = options.threads > 0 ? options.threads
                                      : int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::max(1, std::min(threads, total));
    std::atomic<int> next{0}, done{0}, runs{0};
    std::atomic<bool> stopped{false};
    std::mutex progressMutex, errorMutex;
    std::exception_ptr error;
    auto worker = [&] {
        try {
            std::vector<int> seen(net.sites.size(), -1);
            int myRuns = 0;
            for (;;) {
                if (options.stop.stop_requested() || stopped.load()) {
                    stopped = true;
                    break;
                }
                const int i = next.fetch_add(1);
                if (i >= total)
                    break;
                CriticalSite& c = res.sites[size_t(i)];
                knockOut(runner, c, myRuns);
                c.customersReached = customersReached(facts, c.site, seen, i);
                std::lock_guard lock(progressMutex);
                const int d = ++done;
                if (options.progress)
                    options.progress(d, total);
            }
            runs += myRuns;
        } catch (...) {
            std::lock_guard lock(errorMutex);
            if (!error)
                error = std::current_exception();
            stopped = true;
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads));
    for (int i = 1; i < threads; ++i) {
        // Out of threads or address space: carry on with the threads there are (as Monte
        // Carlo does); the numbers do not depend on how many there are.
        try {
            pool.emplace_back(worker);
        } catch (const std::system_error&) {
            break;
        }
    }
    worker();
    for (auto& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
    res.runs = runs.load();
    if (stopped || done.load() != total) {
        res.cancelled = true;
        res.sites.clear();
        return res;
    }
    std::sort(res.sites.begin(), res.sites.end(), [](const CriticalSite& a, const CriticalSite& b) {
        return a.lostRevenue != b.lostRevenue ? a.lostRevenue > b.lostRevenue : a.id < b.id;
    });
    return res;
}

} // namespace chokepoint::core::scenario
