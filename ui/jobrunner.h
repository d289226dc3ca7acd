// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

#include <QObject>
#include <QThreadPool>

namespace chokepoint::ui {

/// What a running job sees of its runner: whether it has been superseded (stop early when
/// it has; its result would be dropped anyway) and a way to report progress.
class JobToken {
public:
    bool cancelled() const { return m_state->generation.load() != m_generation; }
    /// Progress in [0, 1] with a short text; delivered on the GUI thread via
    /// JobRunner::progress if the job is still current. Returns false when cancelled, so it
    /// fits core's progress callbacks (`return token.progress(f, text);`).
    bool progress(double fraction, const QString& text = {}) const;

private:
    friend class JobRunner;
    struct State {
        std::atomic<quint64> generation{0};
        QObject* runner = nullptr; // outlives every running job (see ~JobRunner)
    };
    JobToken(std::shared_ptr<State> state, quint64 generation)
        : m_state(std::move(state))
        , m_generation(generation) {}
    std::shared_ptr<State> m_state;
    quint64 m_generation;
};

/// Latest-request-wins background runner (STYLE: "newer request cancels the older one").
///
/// run(work, done): `work(const JobToken&)` runs on a thread of the runner's own pool;
/// `done(result)` runs later on the runner's (GUI) thread, and only if no newer run() or
/// cancel() came in between: stale results are dropped. A superseded job keeps running until
/// it checks token.cancelled(); queued ones that never started are discarded. The destructor
/// cancels and waits for running jobs, so `done` never outlives the runner.
///
/// One runner per independent stream of requests (e.g. AppState has one for loading a
/// workspace and one for exposure figures).
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    template <class Work, class Done> void run(Work work, Done done) {
        using R = std::invoke_result_t<Work&, const JobToken&>;
        const JobToken token = startJob();
        auto task = [this, token, work = std::move(work), done = std::move(done)]() mutable {
            if (token.cancelled())
                return finishJob(token, {});
            auto result = std::make_shared<R>(work(token));
            finishJob(token,
                      [done = std::move(done), result]() mutable { done(std::move(*result)); });
        };
        m_pool.start(std::move(task));
    }

    /// Drops the current job's result (and tells it to stop).
    void cancel();
    bool isBusy() const { return m_running > 0; }
    /// Blocks until no job is running and pending results are delivered (tests, benches).
    void waitForIdle();

Q_SIGNALS:
    void busyChanged(bool busy);
    void progress(double fraction, const QString& text);

private:
    JobToken startJob();
    void finishJob(const JobToken& token, std::function<void()> deliver);

    std::shared_ptr<JobToken::State> m_state;
    QThreadPool m_pool;
    int m_running = 0; // jobs not yet delivered or dropped; 0 inside the last done() (GUI only)
};

} // namespace chokepoint::ui
