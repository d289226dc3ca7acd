// SPDX-License-Identifier: MIT
#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>

#include <QCoreApplication>
#include <QStringList>
#include <QThread>

#include "ui/jobrunner.h"

namespace chokepoint::ui {
namespace {

TEST(JobRunner, DeliversOnTheGuiThread) {
    JobRunner runner;
    Qt::HANDLE worker = nullptr;
    bool onGui = false;
    int value = 0;
    runner.run(
        [&](const JobToken&) {
            worker = QThread::currentThreadId();
            return 42;
        },
        [&](int v) {
            value = v;
            onGui = QThread::currentThread() == QCoreApplication::instance()->thread();
        });
    EXPECT_TRUE(runner.isBusy());
    runner.waitForIdle();
    EXPECT_FALSE(runner.isBusy());
    EXPECT_EQ(value, 42);
    EXPECT_TRUE(onGui);
    EXPECT_NE(worker, QThread::currentThreadId());
}

// What a result triggers must see the runner idle: a wizard page asks isComplete() from the
// result's signal and is not asked again (0.1.0's import wizard kept Next disabled that way).
// busyChanged(false) comes after the result, once.
TEST(JobRunner, IsIdleWhileDeliveringAndSaysSoAfterwards) {
    JobRunner runner;
    QStringList events;
    QObject::connect(&runner, &JobRunner::busyChanged,
                     [&](bool busy) { events << (busy ? "busy" : "idle"); });
    bool busyInDone = true;
    runner.run([](const JobToken&) { return 1; },
               [&](int) {
                   busyInDone = runner.isBusy();
                   events << "done";
               });
    runner.waitForIdle();
    EXPECT_FALSE(busyInDone);
    EXPECT_EQ(events, QStringList({"busy", "done", "idle"}));

    // A job started from `done` keeps the runner busy: no "idle" until it is delivered too.
    events.clear();
    runner.run([](const JobToken&) { return 1; },
               [&](int) {
                   events << "first";
                   runner.run([](const JobToken&) { return 2; }, [&](int) { events << "second"; });
                   EXPECT_TRUE(runner.isBusy());
               });
    runner.waitForIdle();
    EXPECT_EQ(events.filter("idle").size(), 1);
    EXPECT_EQ(events.last(), "idle");
    EXPECT_EQ(events.indexOf("second"), events.size() - 2);
}

TEST(JobRunner, LatestRequestWins) {
    JobRunner runner;
    std::atomic<bool> started{false}, release{false};
    std::atomic<bool> sawCancel{false};
    std::vector<int> delivered;
    runner.run(
        [&](const JobToken& token) {
            started = true;
            while (!release)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            sawCancel = token.cancelled();
            return 1;
        },
        [&](int v) { delivered.push_back(v); });
    while (!started) // the first job is running when the second request comes
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    runner.run([](const JobToken&) { return 2; }, [&](int v) { delivered.push_back(v); });
    release = true;
    runner.waitForIdle();
    EXPECT_EQ(delivered, std::vector<int>({2})); // the older result was dropped
    EXPECT_TRUE(sawCancel);
}

TEST(JobRunner, CancelDropsTheResultAndProgressStops) {
    JobRunner runner;
    bool delivered = false;
    std::atomic<bool> progressAfterCancel{true};
    std::atomic<bool> started{false}, release{false};
    runner.run(
        [&](const JobToken& token) {
            started = true;
            while (!release)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            progressAfterCancel = token.progress(0.5);
            return 0;
        },
        [&](int) { delivered = true; });
    while (!started)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    runner.cancel();
    release = true;
    runner.waitForIdle();
    EXPECT_FALSE(delivered);
    EXPECT_FALSE(progressAfterCancel);
}

TEST(JobRunner, ProgressReachesTheGuiThread) {
    JobRunner runner;
    QList<double> seen;
    QObject::connect(&runner, &JobRunner::progress, [&](double f, const QString&) { seen << f; });
    runner.run(
        [](const JobToken& token) {
            token.progress(0.25, QStringLiteral("a"));
            token.progress(1.0, QStringLiteral("b"));
            return 0;
        },
        [](int) {});
    runner.waitForIdle();
    QCoreApplication::processEvents();
    EXPECT_EQ(seen, QList<double>({0.25, 1.0}));
}

} // namespace
} // namespace chokepoint::ui
