// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <memory>
#include <stop_token>
#include <tuple>

#include <QObject>

#include "core/scenario/criticality.h"
#include "ui/jobrunner.h"

namespace chokepoint::ui {

class AppState;

/// The session's criticality results (SPEC §4.2), shared by every page that shows them (the
/// Criticality page's table and charts, the Map page's markers sized by lost revenue): one
/// per AppState (of()). Results are kept per (workspace snapshot, as-of date, horizon,
/// default recovery), so a page coming back, or another page asking for the same settings,
/// never recomputes. A computation runs core::scenario::computeCriticality() on a
/// background thread (latest request wins) with progress and cancel; nothing runs on the GUI
/// thread. A new workspace empties the cache.
class CriticalityJobs : public QObject {
    Q_OBJECT
public:
    struct Settings {
        int horizonDays = 365;
        int defaultRecoveryDays = core::scenario::kDefaultRecoveryDays;
        bool operator==(const Settings&) const = default;
    };

    /// The session's instance (a child of `state`, made on first use).
    static CriticalityJobs& of(AppState& state);
    ~CriticalityJobs() override;

    const Settings& settings() const { return m_settings; }
    /// New horizon or default recovery: emits changed() (the result may be cached already).
    void setSettings(const Settings& settings);

    /// The result for the loaded workspace, the filter bar's as-of date and settings(); null
    /// while it has not been computed.
    std::shared_ptr<const core::scenario::CriticalityResult> current() const;
    /// Starts computing current() in the background unless it is cached or already running.
    void ensure();
    /// Stops the running computation (its result is dropped); emits cancelled().
    void cancel();
    bool isRunning() const { return m_running; }
    /// Blocks until no computation runs and its result is delivered (tests, benches).
    void waitForIdle();

Q_SIGNALS:
    /// current() may have changed: a result arrived, or the workspace, the as-of date or the
    /// settings changed.
    void changed();
    void runningChanged(bool running);
    void progress(double fraction, const QString& text);
    void cancelled();

private:
    explicit CriticalityJobs(AppState& state);
    using Key = std::tuple<const void*, int, int, int>; // network, as-of, horizon, recovery
    Key currentKey() const;
    void stop();
    void setRunning(bool running);
    void onFiltersChanged();

    AppState& m_state;
    Settings m_settings;
    JobRunner m_runner;
    std::shared_ptr<std::stop_source> m_stop;
    std::map<Key, std::shared_ptr<const core::scenario::CriticalityResult>> m_cache;
    Key m_runningKey{};
    bool m_running = false;
    int m_asOf = 0; ///< the as-of date current() was last announced for
};

} // namespace chokepoint::ui
