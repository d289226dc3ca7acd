// SPDX-License-Identifier: MIT
#include "ui/criticalityjobs.h"

#include <algorithm>

#include "ui/appstate.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

CriticalityJobs& CriticalityJobs::of(AppState& state) {
    if (auto* jobs = state.findChild<CriticalityJobs*>(QString(), Qt::FindDirectChildrenOnly))
        return *jobs;
    return *new CriticalityJobs(state);
}

CriticalityJobs::CriticalityJobs(AppState& state)
    : QObject(&state)
    , m_state(state)
    , m_asOf(state.filters().asOf.days()) {
    connect(&m_runner, &JobRunner::progress, this, &CriticalityJobs::progress);
    connect(&state, &AppState::workspaceLoaded, this, [this] {
        stop();
        setRunning(false);
        m_cache.clear();
        Q_EMIT changed();
    });
    connect(&state, &AppState::filtersChanged, this, &CriticalityJobs::onFiltersChanged);
}

CriticalityJobs::~CriticalityJobs() {
    if (m_stop)
        m_stop->request_stop(); // the runner's destructor then waits for the worker
}

CriticalityJobs::Key CriticalityJobs::currentKey() const {
    return {m_state.network().get(), m_state.filters().asOf.days(), m_settings.horizonDays,
            m_settings.defaultRecoveryDays};
}

std::shared_ptr<const sc::CriticalityResult> CriticalityJobs::current() const {
    const auto it = m_cache.find(currentKey());
    return it == m_cache.end() ? nullptr : it->second;
}

void CriticalityJobs::setSettings(const Settings& settings) {
    if (settings == m_settings)
        return;
    m_settings = settings;
    if (m_running && m_runningKey != currentKey()) { // superseded: whoever wants it asks again
        stop();
        setRunning(false);
    }
    Q_EMIT changed();
}

// Only the as-of date changes the results; the other filters change what pages show of them.
void CriticalityJobs::onFiltersChanged() {
    const int asOf = m_state.filters().asOf.days();
    if (asOf == m_asOf)
        return;
    m_asOf = asOf;
    if (m_running && m_runningKey != currentKey()) {
        stop();
        setRunning(false);
    }
    Q_EMIT changed();
}

void CriticalityJobs::ensure() {
    const auto net = m_state.network();
    const Key key = currentKey();
    if (!net || m_cache.count(key) || (m_running && m_runningKey == key))
        return;
    stop();
    m_stop = std::make_shared<std::stop_source>();
    const auto stopSource = m_stop;
    sc::CriticalityOptions o;
    o.asOf = m_state.filters().asOf;
    o.horizonDays = m_settings.horizonDays;
    o.defaultRecoveryDays = m_settings.defaultRecoveryDays;
    m_runningKey = key;
    setRunning(true);
    using Out = std::shared_ptr<const sc::CriticalityResult>;
    m_runner.run(
        [net, o, stopSource](const JobToken& token) -> Out {
            sc::CriticalityOptions opts = o;
            opts.stop = stopSource->get_token();
            opts.progress = [&token, stopSource](int done, int total) {
                if (!token.progress(double(done) / std::max(1, total),
                                    tr("site %1 of %2").arg(done).arg(total)))
                    stopSource->request_stop();
            };
            auto r = std::make_shared<sc::CriticalityResult>(sc::computeCriticality(*net, opts));
            return r->cancelled ? nullptr : Out(std::move(r));
        },
        [this, key](Out result) {
            if (result)
                m_cache[key] = std::move(result);
            setRunning(false);
            Q_EMIT changed();
        });
}

void CriticalityJobs::stop() {
    if (m_stop)
        m_stop->request_stop();
    m_runner.cancel();
}

void CriticalityJobs::cancel() {
    if (!m_running)
        return;
    stop();
    setRunning(false);
    Q_EMIT cancelled();
}

void CriticalityJobs::setRunning(bool running) {
    if (running == m_running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

void CriticalityJobs::waitForIdle() {
    m_runner.waitForIdle();
}

} // namespace chokepoint::ui
