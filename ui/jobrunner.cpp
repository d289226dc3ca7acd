// SPDX-License-Identifier: MIT
#include "ui/jobrunner.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace chokepoint::ui {

bool JobToken::progress(double fraction, const QString& text) const {
    if (cancelled())
        return false;
    auto* runner = static_cast<JobRunner*>(m_state->runner);
    QMetaObject::invokeMethod(
        runner,
        [state = m_state, generation = m_generation, runner, fraction, text] {
            if (state->generation.load() == generation)
                Q_EMIT runner->progress(fraction, text);
        },
        Qt::QueuedConnection);
    return true;
}

JobRunner::JobRunner(QObject* parent)
    : QObject(parent)
    , m_state(std::make_shared<JobToken::State>()) {
    m_state->runner = this;
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

JobRunner::~JobRunner() {
    ++m_state->generation;
    m_pool.waitForDone();
}

JobToken JobRunner::startJob() {
    const quint64 generation = ++m_state->generation;
    if (m_running++ == 0)
        Q_EMIT busyChanged(true);
    return JobToken(m_state, generation);
}

void JobRunner::finishJob(const JobToken& token, std::function<void()> deliver) {
    // Called on the worker thread; the runner is alive (the destructor waits for workers).
    QMetaObject::invokeMethod(
        this,
        [this, token, deliver = std::move(deliver)] {
            // The job stops counting as running before its result is delivered: what `done`
            // triggers (a wizard page asking isComplete(), a page's "loading" state) must see
            // the runner idle, or nothing asks again once it is. busyChanged(false) follows
            // the delivery, unless `done` started another job.
            --m_running;
            if (deliver && !token.cancelled())
                deliver();
            if (m_running == 0)
                Q_EMIT busyChanged(false);
        },
        Qt::QueuedConnection);
}

void JobRunner::cancel() {
    ++m_state->generation;
}

void JobRunner::waitForIdle() {
    while (m_running > 0) {
        m_pool.waitForDone();
        QCoreApplication::sendPostedEvents(this);
    }
}

} // namespace chokepoint::ui
