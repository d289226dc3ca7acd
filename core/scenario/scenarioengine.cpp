// SPDX-License-Identifier: MIT
#include "core/scenario/scenarioengine.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <numeric>
#include <optional>
#include <system_error>
#include <thread>

#include "core/scenario/random.h"
#include "core/scenario/scenarioevaluator.h"
#include "core/scenario/scenarioplan.h"
#include "core/util/jsonwriter.h"

namespace chokepoint::core::scenario {

using analysis::Index;

namespace {

struct RunTables {
    size_t products = 0, horizon = 0;
    std::vector<double> lostRevenue; ///< per run
    std::vector<double> lostUnits;   ///< run-major: runs × products
    std::vector<double> daily;       ///< run-major: runs × horizon
};

// Monte Carlo runs over a pool of std::threads pulling run indices from a counter. Each run
// writes only its own rows, so the numbers do not depend on which thread did which run.
bool runMonteCarlo(const ScenarioPlan& plan, const ScenarioEvaluator& base, uint64_t seed, int runs,
                   const RunOptions& options, RunTables& tables) {
    int threads = options.threads > 0 ? options.threads
                                      : int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min(threads, runs);
    std::atomic<int> next{0}, done{0};
    std::atomic<bool> stopped{false};
    std::mutex progressMutex, errorMutex;
    std::exception_ptr error;
    // A helper thread that cannot get its memory leaves the runs to the others (the result does
    // not depend on the thread count); only the calling thread's failure is an error.
    auto worker = [&](bool helper) {
        std::optional<ScenarioEvaluator> forked;
        try {
            forked.emplace(ScenarioEvaluator::fork(base));
        } catch (const std::bad_alloc&) {
            if (helper)
                return;
            std::lock_guard lock(errorMutex);
            if (!error)
                error = std::current_exception();
            stopped = true;
            return;
        }
        try {
            ScenarioEvaluator& ev = *forked;
            for (;;) {
                if (options.stop.stop_requested() || stopped.load()) {
                    stopped = true;
                    return;
                }
                const int r = next.fetch_add(1);
                if (r >= runs)
                    return;
                ev.evaluateVariable(plan.drawRealization(seed, uint64_t(r)));
                tables.lostRevenue[size_t(r)] =
                    ev.simulate(tables.lostUnits.data() + size_t(r) * tables.products,
                                tables.daily.data() + size_t(r) * tables.horizon, nullptr);
                // Counted under the lock so that the callback sees 1, 2, ... in order.
                std::lock_guard lock(progressMutex);
                const int d = ++done;
                if (options.progress)
                    options.progress(d, runs);
            }
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
        // Thread creation fails when the system is out of threads or address space (e.g.
        // --threads 200 under ulimit -v): carry on with the threads there are (issue 17).
        try {
            pool.emplace_back(worker, true);
        } catch (const std::system_error&) {
            break;
        }
    }
    worker(false);
    for (auto& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
    return !stopped && done.load() == runs;
}

void fillOutcomes(const analysis::Network& net, const ScenarioPlan& plan, const RunTables& tables,
                  int runs, const RunDetail& detail, ScenarioResult& res) {
    const size_t nProducts = net.products.size();
    for (size_t p = 0; p < nProducts; ++p) {
        ProductOutcome o;
        o.id = net.products.id(Index(p));
        o.name = net.data().products[p].name;
        double units = 0.0;
        for (int r = 0; r < runs; ++r)
            units += tables.lostUnits[size_t(r) * nProducts + p];
        o.lostUnits = units / runs;
        o.lostRevenue = o.lostUnits * net.productPrice[p]; // NaN without a price
        o.output = detail.productOutput[p];
        res.products.push_back(std::move(o));
    }
    std::sort(res.products.begin(), res.products.end(),
              [](const ProductOutcome& a, const ProductOutcome& b) { return a.id < b.id; });

    const auto& needs = plan.needMaterials();
    const auto& reported = net.reportedMaterials;
    for (size_t i = 0; i < reported.size(); ++i) {
        const Index m = reported[i];
        MaterialOutcome o;
        o.id = net.materials.id(m);
        o.name = net.data().materials[size_t(m)].name;
        o.needPerDay = plan.needPerDay(m);
        o.initialInventory = plan.initialInventory(m);
        o.supply = detail.reportedSupply[i];
        const auto k = size_t(std::find(needs.begin(), needs.end(), m) - needs.begin());
        if (k < needs.size()) {
            o.firstShortfallDay = detail.firstShortfall[k];
            o.recoveryDay = detail.recovery[k];
            o.fillRate = detail.fillRate[k];
            o.inventory = detail.inventory[k];
        }
        res.materials.push_back(std::move(o));
    }
}

void fillQuantiles(const RunTables& tables, int runs, ScenarioResult& res) {
    res.runLostRevenue = tables.lostRevenue;
    double total = 0.0;
    for (const double v : tables.lostRevenue)
        total += v;
    res.totalLostRevenue = total / runs;
    std::vector<double> sorted = tables.lostRevenue;
    std::sort(sorted.begin(), sorted.end());
    res.lostRevenueP10 = quantileSorted(sorted, 0.1);
    res.lostRevenueP50 = quantileSorted(sorted, 0.5);
    res.lostRevenueP90 = quantileSorted(sorted, 0.9);

    const size_t h = tables.horizon;
    res.dailyOutput.resize(h);
    res.dailyOutputP10.resize(h);
    res.dailyOutputP90.resize(h);
    res.dailyOutputMean.resize(h);
    std::vector<double> day(static_cast<size_t>(runs));
    for (size_t t = 0; t < h; ++t) {
        double sum = 0.0;
        for (size_t r = 0; r < size_t(runs); ++r) {
            day[r] = tables.daily[r * h + t];
            sum += day[r];
        }
        res.dailyOutputMean[t] = sum / runs;
        std::sort(day.begin(), day.end());
        res.dailyOutputP10[t] = quantileSorted(day, 0.1);
        res.dailyOutput[t] = quantileSorted(day, 0.5);
        res.dailyOutputP90[t] = quantileSorted(day, 0.9);
    }
}

} // namespace

ScenarioResult runScenario(const analysis::Network& net, const Scenario& scenario,
                           const RunOptions& options) {
    ScenarioResult res;
    res.name = scenario.name;
    res.asOf = scenario.asOf ? *scenario.asOf : options.defaultAsOf.value_or(Date::today());
    res.assumeScheduled = scenario.assumeScheduled.value_or(options.defaultAssumeScheduled);
    res.runs = scenario.runs;
    res.seed = scenario.effectiveSeed();
    res.horizonDays = scenario.horizonDays;
    const int runs = std::max(1, scenario.runs);
    const bool monteCarlo = runs > 1;

    const ScenarioPlan plan(net, scenario, res.asOf, res.assumeScheduled, monteCarlo);
    res.affectedEntities = plan.affectedOrder().size();
    res.variableEntities = monteCarlo ? plan.variableOrder().size() : 0;
    ScenarioEvaluator base(plan);
    if (!base.evaluateAll(plan.deterministicRealization(), options.stop)) {
        res.cancelled = true;
        return res;
    }

    RunTables tables;
    tables.products = net.products.size();
    tables.horizon = size_t(scenario.horizonDays);
    tables.lostRevenue.assign(size_t(runs), 0.0);
    tables.lostUnits.assign(size_t(runs) * tables.products, 0.0);
    tables.daily.assign(size_t(runs) * tables.horizon, 0.0);
    RunDetail detail;
    if (!monteCarlo) {
        tables.lostRevenue[0] =
            base.simulate(tables.lostUnits.data(), tables.daily.data(), &detail);
        if (options.progress)
            options.progress(1, 1);
    } else {
        if (!runMonteCarlo(plan, base, res.seed, runs, options, tables)) {
            res.cancelled = true;
            return res;
        }
        // The median run: the lower median of lost revenue, ties broken by run index.
        std::vector<int> order(static_cast<size_t>(runs));
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            const double la = tables.lostRevenue[size_t(a)], lb = tables.lostRevenue[size_t(b)];
            return la != lb ? la < lb : a < b;
        });
        res.medianRun = order[size_t(runs - 1) / 2];
        ScenarioEvaluator ev = ScenarioEvaluator::fork(base);
        ev.evaluateVariable(plan.drawRealization(res.seed, uint64_t(res.medianRun)));
        std::vector<double> units(tables.products), daily(tables.horizon);
        ev.simulate(units.data(), daily.data(), &detail);
    }
    if (options.stop.stop_requested()) {
        res.cancelled = true;
        return res;
    }
    fillQuantiles(tables, runs, res);
    fillOutcomes(net, plan, tables, runs, detail, res);
    return res;
}

std::string scenarioResultToJson(const ScenarioResult& r) {
    JsonWriter w;
    auto series = [&](std::string_view key, const std::vector<double>& values) {
        w.key(key).beginArray();
        for (const double v : values)
            w.value(v);
        w.endArray();
    };
    auto number = [&](std::string_view key, double v) {
        if (r.cancelled)
            w.key(key).null();
        else
            w.member(key, v);
    };
    w.beginObject();
    w.member("name", r.name);
    w.member("runs", r.runs);
    w.member("seed", int64_t(r.seed));
    w.member("horizon_days", r.horizonDays);
    w.member("as_of", r.asOf.toString());
    w.member("assume_scheduled", r.assumeScheduled);
    w.member("cancelled", r.cancelled);
    number("total_lost_revenue", r.totalLostRevenue);
    number("lost_revenue_p10", r.lostRevenueP10);
    number("lost_revenue_p50", r.lostRevenueP50);
    number("lost_revenue_p90", r.lostRevenueP90);
    w.member("median_run", r.medianRun);
    w.key("products").beginArray();
    for (const auto& p : r.products) {
        w.beginObject();
        w.member("id", p.id);
        w.member("name", p.name);
        w.member("lost_units", p.lostUnits);
        w.member("lost_revenue", p.lostRevenue); // NaN (no unit price) is written as null
        w.endObject();
    }
    w.endArray();
    w.key("materials").beginArray();
    for (const auto& m : r.materials) {
        if (!(m.needPerDay > 0.0))
            continue;
        w.beginObject();
        w.member("id", m.id);
        w.member("name", m.name);
        w.member("first_shortfall_day", m.firstShortfallDay);
        w.member("recovery_day", m.recoveryDay);
        w.endObject();
    }
    w.endArray();
    series("daily_output", r.dailyOutput);
    series("daily_output_p10", r.dailyOutputP10);
    series("daily_output_p90", r.dailyOutputP90);
    w.endObject();
    return w.str() + "\n";
}

} // namespace chokepoint::core::scenario
