// SPDX-License-Identifier: MIT
#include "core/scenario/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/scenario/scenarioparser.h"

namespace chokepoint::core::scenario {

namespace {

int wholeDays(double v) {
    return int(std::floor(std::max(0.0, v) + 0.5));
}

bool isShockParameter(ParameterKind k) {
    return k == ParameterKind::Delay || k == ParameterKind::ApprovalProbability ||
           k == ParameterKind::Capacity || k == ParameterKind::Duration;
}

std::string formatNumber(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

std::string shockName(const Scenario& s, int i) {
    std::string name = "Shock " + std::to_string(i + 1);
    if (i >= 0 && size_t(i) < s.shocks.size() && s.shocks[size_t(i)].label &&
        !s.shocks[size_t(i)].label->empty())
        name += " (" + *s.shocks[size_t(i)].label + ")";
    return name;
}

// A parameter that does not fit the scenario, or an empty string.
std::string misfit(const Scenario& s, const SensitivityParameter& p) {
    if (isShockParameter(p.kind)) {
        if (p.shock < 0 || size_t(p.shock) >= s.shocks.size())
            return "no shock " + std::to_string(p.shock + 1) + " in the scenario";
        const ShockKind kind = s.shocks[size_t(p.shock)].kind;
        if ((p.kind == ParameterKind::Delay || p.kind == ParameterKind::ApprovalProbability) &&
            kind != ShockKind::Licence)
            return shockName(s, p.shock) + " is not a licence shock";
        if (p.kind == ParameterKind::Capacity && kind != ShockKind::Capacity)
            return shockName(s, p.shock) + " is not a capacity shock";
    }
    if (p.kind == ParameterKind::ExtraInventory && p.material.empty())
        return "extra inventory needs a material";
    if (!std::isfinite(p.low) || !std::isfinite(p.high))
        return "low and high must be numbers";
    return {};
}

} // namespace

double SensitivityBar::swing() const {
    return std::abs(highLostRevenue - lowLostRevenue);
}

std::string parameterLabel(const Scenario& s, const SensitivityParameter& p,
                           const analysis::Network* net) {
    switch (p.kind) {
    case ParameterKind::Delay:
        return shockName(s, p.shock) + ": licence delay (days)";
    case ParameterKind::ApprovalProbability:
        return shockName(s, p.shock) + ": approval probability";
    case ParameterKind::Capacity:
        return shockName(s, p.shock) + ": capacity";
    case ParameterKind::Duration:
        return shockName(s, p.shock) + ": duration (days)";
    case ParameterKind::ExtraInventory: {
        std::string name = p.material;
        if (net)
            if (const auto m = net->materials.find(p.material); m != analysis::kNone)
                name = net->data().materials[size_t(m)].name;
        return "Extra stock of " + name + " (days)";
    }
    case ParameterKind::Alternatives:
        return "Alternative suppliers (off / on)";
    }
    return {};
}

double parameterBaseValue(const Scenario& s, const SensitivityParameter& p) {
    const Shock* shock =
        p.shock >= 0 && size_t(p.shock) < s.shocks.size() ? &s.shocks[size_t(p.shock)] : nullptr;
    switch (p.kind) {
    case ParameterKind::Delay:
        return shock && shock->delayDays ? shock->delayDays->mode : 0.0;
    case ParameterKind::ApprovalProbability:
        return shock ? shock->approval() : 1.0;
    case ParameterKind::Capacity:
        return shock ? shock->capacity.value_or(1.0) : 1.0;
    case ParameterKind::Duration:
        if (!shock)
            return 0.0;
        return shock->durationDays ? *shock->durationDays
                                   : std::max(0, s.horizonDays - shock->start());
    case ParameterKind::ExtraInventory:
        if (s.mitigations)
            if (auto it = s.mitigations->extraInventoryDays.find(p.material);
                it != s.mitigations->extraInventoryDays.end())
                return it->second;
        return 0.0;
    case ParameterKind::Alternatives:
        return s.mitigations && !s.mitigations->useAlternatives() ? 0.0 : 1.0;
    }
    return 0.0;
}

Scenario withParameter(Scenario s, const SensitivityParameter& p, double value) {
    Shock* shock =
        p.shock >= 0 && size_t(p.shock) < s.shocks.size() ? &s.shocks[size_t(p.shock)] : nullptr;
    switch (p.kind) {
    case ParameterKind::Delay: {
        if (!shock)
            break;
        const double days = wholeDays(value);
        Delay d = shock->delayDays.value_or(Delay::fixed(0.0));
        if (d.triangular) {
            const double shift = days - d.mode;
            d = Delay::triangle(std::max(0.0, d.min + shift), days, std::max(days, d.max + shift));
        } else {
            d = Delay::fixed(days);
        }
        shock->delayDays = d;
        break;
    }
    case ParameterKind::ApprovalProbability:
        if (shock)
            shock->approvalProbability = value;
        break;
    case ParameterKind::Capacity:
        if (shock)
            shock->capacity = value;
        break;
    case ParameterKind::Duration:
        if (shock)
            shock->durationDays = wholeDays(value);
        break;
    case ParameterKind::ExtraInventory:
        if (!s.mitigations)
            s.mitigations = Mitigations{};
        s.mitigations->extraInventoryDays[p.material] = value;
        break;
    case ParameterKind::Alternatives:
        if (!s.mitigations)
            s.mitigations = Mitigations{};
        s.mitigations->alternatives = value >= 0.5;
        break;
    }
    return s;
}

std::vector<SensitivityParameter> defaultParameters(const Scenario& s,
                                                    const analysis::Network& net) {
    std::vector<SensitivityParameter> out;
    auto within01 = [](double v) { return std::clamp(v, 0.0, 1.0); };
    for (int i = 0; i < int(s.shocks.size()); ++i) {
        const Shock& shock = s.shocks[size_t(i)];
        if (shock.kind == ShockKind::Licence) {
            const double d = shock.delayDays ? shock.delayDays->mode : 0.0;
            out.push_back({ParameterKind::Delay,
                           i,
                           {},
                           d > 0 ? double(wholeDays(d * 0.5)) : 0.0,
                           d > 0 ? double(wholeDays(d * 1.5)) : 30.0});
            const double p = shock.approval();
            out.push_back({ParameterKind::ApprovalProbability,
                           i,
                           {},
                           within01(p - 0.25),
                           within01(p + 0.25)});
        }
        if (shock.kind == ShockKind::Capacity) {
            const double c = shock.capacity.value_or(1.0);
            out.push_back({ParameterKind::Capacity, i, {}, within01(c - 0.25), within01(c + 0.25)});
        }
        const int rest = std::max(0, s.horizonDays - shock.start());
        if (shock.durationDays)
            out.push_back({ParameterKind::Duration,
                           i,
                           {},
                           double(wholeDays(*shock.durationDays * 0.5)),
                           double(wholeDays(*shock.durationDays * 1.5))});
        else
            out.push_back(
                {ParameterKind::Duration, i, {}, double(wholeDays(rest * 0.5)), double(rest)});
    }
    std::set<std::string> done;
    if (s.mitigations)
        for (const auto& [material, days] : s.mitigations->extraInventoryDays) {
            out.push_back(
                {ParameterKind::ExtraInventory, -1, material, 0.0, days > 0 ? 2.0 * days : 30.0});
            done.insert(material);
        }
    std::set<std::string> bom;
    for (size_t p = 0; p < net.productBom.size(); ++p)
        for (const analysis::BomItem* b = net.productBom.begin(p); b != net.productBom.end(p); ++b)
            if (b->qty > 0.0)
                bom.insert(net.materials.id(b->material));
    for (const std::string& material : bom)
        if (!done.count(material))
            out.push_back({ParameterKind::ExtraInventory, -1, material, 0.0, 30.0});
    out.push_back({ParameterKind::Alternatives, -1, {}, 0.0, 1.0});
    return out;
}

Result<SensitivityResult> runSensitivity(const analysis::Network& net, const Scenario& scenario,
                                         const std::vector<SensitivityParameter>& parameters,
                                         const SensitivityOptions& options) {
    Scenario base = scenario;
    if (!options.monteCarlo)
        base.runs = 1;
    // Every point is built and checked before anything runs.
    std::vector<Scenario> points{base};
    for (const SensitivityParameter& p : parameters) {
        if (const std::string why = misfit(base, p); !why.empty())
            return Error{parameterLabel(base, p, &net) + ": " + why};
        for (const double v : {p.low, p.high}) {
            Scenario point = withParameter(base, p, v);
            const auto issues = validateScenario(point, &net);
            if (!issues.empty())
                return Error{parameterLabel(base, p, &net) + " = " + formatNumber(v) + ": " +
                             issues.front().toString()};
            points.push_back(std::move(point));
        }
    }
    SensitivityResult result;
    result.runsPerPoint = base.runs;
    const int total = int(points.size()) * base.runs;
    std::vector<double> lost(points.size(), 0.0);
    for (size_t i = 0; i < points.size(); ++i) {
        RunOptions run = options.run;
        const int before = int(i) * base.runs;
        run.progress = [&, before](int done, int) {
            if (options.run.progress)
                options.run.progress(before + done, total);
        };
        const ScenarioResult r = runScenario(net, points[i], run);
        if (r.cancelled || options.run.stop.stop_requested()) {
            result.cancelled = true;
            return result;
        }
        lost[i] = r.totalLostRevenue;
    }
    result.baseLostRevenue = lost[0];
    for (size_t k = 0; k < parameters.size(); ++k)
        result.bars.push_back({parameters[k], parameterLabel(base, parameters[k], &net),
                               lost[1 + 2 * k], lost[2 + 2 * k]});
    std::stable_sort(
        result.bars.begin(), result.bars.end(),
        [](const SensitivityBar& a, const SensitivityBar& b) { return a.swing() > b.swing(); });
    return result;
}

} // namespace chokepoint::core::scenario
