// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace chokepoint::core::scenario {

/// A day series that is piecewise constant: the value is 1 before the first step (and before
/// day 0), then the value of the last step whose day is <= t. Steps have increasing days in
/// [0, horizon) and no two neighbours share a value. An empty series is identically 1.
struct Step {
    int32_t day;
    double value;
};

/// One input of a combination: a series read `shift` days late (a lead time).
struct SeriesInput {
    const Step* steps = nullptr;
    uint32_t count = 0;
    int32_t shift = 0;
};

/// Evaluates f(values of all inputs at t) at every day where an input changes and appends the
/// resulting steps to `out`. Scratch buffers are kept between calls; one per thread.
class StepCombiner {
public:
    template <class F>
    void combine(const std::vector<SeriesInput>& inputs, int32_t horizon, F&& f,
                 std::vector<Step>& out) {
        if (inputs.size() == 1) { // one input: its own steps are the change days
            const SeriesInput& in = inputs[0];
            double previous = 1.0;
            for (uint32_t i = 0; i < in.count && in.steps[i].day + in.shift < horizon; ++i) {
                const double v = f(&in.steps[i].value);
                if (v != previous) {
                    out.push_back({in.steps[i].day + in.shift, v});
                    previous = v;
                }
            }
            return;
        }
        m_times.clear();
        for (const SeriesInput& in : inputs)
            for (uint32_t i = 0; i < in.count; ++i) {
                const int32_t d = in.steps[i].day + in.shift;
                if (d >= horizon)
                    break;
                m_times.push_back(d);
            }
        if (m_times.empty())
            return;
        std::sort(m_times.begin(), m_times.end());
        m_times.erase(std::unique(m_times.begin(), m_times.end()), m_times.end());
        const size_t n = inputs.size();
        m_pos.assign(n, 0);
        m_values.assign(n, 1.0);
        double previous = 1.0;
        for (const int32_t t : m_times) {
            for (size_t i = 0; i < n; ++i) {
                const SeriesInput& in = inputs[i];
                uint32_t p = m_pos[i];
                while (p < in.count && in.steps[p].day + in.shift <= t)
                    m_values[i] = in.steps[p++].value;
                m_pos[i] = p;
            }
            const double v = f(m_values.data());
            if (v != previous) {
                out.push_back({t, v});
                previous = v;
            }
        }
    }

private:
    std::vector<int32_t> m_times;
    std::vector<uint32_t> m_pos;
    std::vector<double> m_values;
};

/// Writes the series as one value per day 0 .. horizon-1.
inline void expandSteps(const Step* steps, uint32_t count, int32_t horizon, double* out) {
    double v = 1.0;
    int32_t t = 0;
    for (uint32_t i = 0; i < count; ++i) {
        for (; t < steps[i].day; ++t)
            out[t] = v;
        v = steps[i].value;
    }
    for (; t < horizon; ++t)
        out[t] = v;
}

} // namespace chokepoint::core::scenario
