// SPDX-License-Identifier: MIT
// Times the dashboard on the offscreen platform:
//   gui_bench [WORKSPACE] [--runs N] [--map-frames N] [--criticality-only]
// Without WORKSPACE it creates one from the bundled data in a temporary folder. "Drawn" means
// the figures have arrived (AppState::exposureReady) and the whole window has been painted
// (QWidget::grab renders every child). Prints one line per measurement with the median.
//
// Every page's first show is timed twice: "shown" until the page is painted (what blocks the
// GUI thread: the window cannot react before), "filled" until the page's own background work
// has arrived and is painted too. And a start-up on the Controls page, the heaviest.
//
// The Criticality page on its own (--criticality-only skips the rest: on 100,000 sites its
// computation takes minutes): its first show, then the time until the results are in and
// painted, with the progress updates it showed and the longest the GUI thread went without
// handling a 10 ms timer meanwhile (the window never freezes while the sites are knocked out).
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include "core/io/bundled.h"
#include "core/store/workspace.h"
#include "ui/appstate.h"
#include "ui/criticalityjobs.h"
#include "ui/mainwindow.h"
#include "ui/map/mapview.h"
#include "ui/pages/mappage.h"
#include "ui/pages/page.h"
#include "ui/pages/pageregistry.h"

using namespace chokepoint;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double msSince(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e6;
}

// CPU time of the calling (GUI) thread: on a shared, loaded machine the wall time of a frame
// also counts the time the thread waited for a core.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}
// The same for the whole process (the map's scene is built on a worker thread).
double processCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The Map page (SPEC §6): from showing the page to the map drawn (the scene is built in the
// background, clustered for the world view and painted), then repaints of the map view as a
// user drags the map and zooms (a new zoom level is clustered once).
struct MapTimes {
    std::vector<double> shown, paint, pan, zoom, panZoomed;
    std::vector<double> shownCpu, paintCpu, panCpu, panZoomedCpu;
    size_t sites = 0, markers = 0, flows = 0;
};

void timeMap(const std::string& path, int frames, MapTimes& out) {
    ui::AppState state;
    ui::MainWindow window(state);
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();
    state.setAsOf(core::Date::fromYmd(2025, 8, 1));
    state.openWorkspace(QString::fromStdString(path));
    state.waitForIdle();
    // Let the other pages finish their own background work on the new figures first, so the
    // map's time is its own.
    for (int i = 0; i < 60; ++i) {
        QCoreApplication::processEvents();
        QThread::msleep(50);
    }
    auto* page = qobject_cast<ui::MapPage*>(window.page(ui::pageid::map));
    QElapsedTimer t;
    t.start();
    const double cpu0 = processCpuMs();
    window.showPage(ui::pageid::map);
    page->waitForIdle();
    QCoreApplication::processEvents();
    page->view()->repaint();
    out.shown.push_back(msSince(t));
    out.shownCpu.push_back(processCpuMs() - cpu0);

    out.sites = page->view()->scene()->sites.size();
    out.markers = page->view()->markers().markers.size();
    out.flows = page->view()->markers().flows.size();
    ui::MapView* view = page->view();
    std::vector<double>* cpu = nullptr;
    auto frame = [&](const std::function<void()>& change, std::vector<double>& into) {
        QElapsedTimer f;
        f.start();
        const double c0 = threadCpuMs();
        change();
        view->repaint();
        into.push_back(msSince(f));
        if (cpu)
            cpu->push_back(threadCpuMs() - c0);
    };
    cpu = &out.paintCpu;
    for (int i = 0; i < 5; ++i)
        frame([] {}, out.paint);
    // A drag as a user makes it: press, then 12 px per frame, 40 frames one way and 40 back
    // (the view draws the map once with a margin and shifts it until the margin runs out).
    const QPointF centre = QRectF(view->rect()).center();
    auto drag = [&](std::vector<double>& into) {
        QPointF at = centre;
        auto send = [&](QEvent::Type type, Qt::MouseButton button, Qt::MouseButtons buttons) {
            QMouseEvent e(type, at, view->mapToGlobal(at), button, buttons, Qt::NoModifier);
            QCoreApplication::sendEvent(view, &e);
        };
        send(QEvent::MouseButtonPress, Qt::LeftButton, Qt::LeftButton);
        for (int i = 0; i < frames; ++i)
            frame(
                [&] {
                    at += QPointF((i / 40) % 2 ? 12 : -12, (i / 40) % 2 ? 3 : -3);
                    send(QEvent::MouseMove, Qt::NoButton, Qt::LeftButton);
                },
                into);
        send(QEvent::MouseButtonRelease, Qt::LeftButton, Qt::NoButton);
    };
    cpu = &out.panCpu;
    drag(out.pan);
    cpu = nullptr;
    frame([&] { view->zoomBy(4.0); }, out.zoom);
    cpu = &out.panZoomedCpu;
    drag(out.panZoomed);
}

struct CriticalityTimes {
    std::vector<double> shown, results, longestStall;
    size_t progressUpdates = 0, sites = 0;
};

void timeCriticality(const std::string& path, CriticalityTimes& out) {
    ui::AppState state;
    ui::MainWindow window(state);
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();
    state.setAsOf(core::Date::fromYmd(2025, 8, 1));
    state.openWorkspace(QString::fromStdString(path));
    state.waitForIdle();
    for (int i = 0; i < 20; ++i) { // the other pages' own work on the new figures
        QCoreApplication::processEvents();
        QThread::msleep(50);
    }
    auto& jobs = ui::CriticalityJobs::of(state);
    size_t updates = 0;
    QObject::connect(&jobs, &ui::CriticalityJobs::progress, &window,
                     [&updates](double, const QString&) { ++updates; });
    QElapsedTimer t;
    t.start();
    window.showPage(ui::pageid::criticality);
    QCoreApplication::processEvents();
    (void)window.grab();
    out.shown.push_back(msSince(t));
    // Wait as the window does, in its event loop, with a 10 ms timer: its longest gap is the
    // longest the GUI thread was busy.
    QElapsedTimer gap;
    gap.start();
    double stall = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        stall = std::max(stall, msSince(gap));
        gap.restart();
    });
    tick.start(10);
    while (jobs.isRunning() || !jobs.current())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    tick.stop();
    QCoreApplication::processEvents();
    (void)window.grab();
    out.results.push_back(msSince(t));
    out.longestStall.push_back(stall);
    out.progressUpdates = updates;
    out.sites = jobs.current()->sites.size();
}

// Milliseconds from `change` until the figures are in and the window is painted.
double timeRedraw(ui::AppState& state, ui::MainWindow& window,
                  const std::function<void()>& change) {
    QElapsedTimer t;
    t.start();
    change();
    state.waitForIdle();
    QCoreApplication::processEvents();
    (void)window.grab();
    return double(t.nsecsElapsed()) / 1e6;
}

void report(const std::string& what, const std::vector<double>& ms) {
    std::printf("%-52s median %9.1f ms   min %9.1f ms   max %9.1f ms   (%zu runs)\n", what.c_str(),
                median(ms), *std::min_element(ms.begin(), ms.end()),
                *std::max_element(ms.begin(), ms.end()), ms.size());
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ChokepointBench"));
    QApplication::setApplicationName(QStringLiteral("gui_bench"));

    std::string path;
    int runs = 7;
    int mapFrames = 40;
    bool criticalityOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--criticality-only")
            criticalityOnly = true;
        else if (a == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--map-frames" && i + 1 < argc)
            mapFrames = std::max(1, std::atoi(argv[++i]));
        else
            path = a;
    }
    QTemporaryDir tmp;
    if (path.empty()) {
        path = (tmp.path() + QStringLiteral("/bundled.chokepoint")).toStdString();
        auto data = core::io::bundledDataset();
        auto ws = core::Workspace::create(path);
        if (!data || !ws || !ws->write(*data, core::WriteMode::Replace)) {
            std::fprintf(stderr, "gui_bench: cannot create the bundled workspace\n");
            return 1;
        }
    }
    std::printf("gui_bench: %s\n", path.c_str());

    CriticalityTimes crit;
    for (int run = 0; run < runs; ++run)
        timeCriticality(path, crit);
    std::printf("criticality: %zu supplying sites, %zu progress updates shown\n", crit.sites,
                crit.progressUpdates);
    report("first show of Criticality: page shown", crit.shown);
    report("first show of Criticality: results shown", crit.results);
    report("  longest GUI-thread stall while computing", crit.longestStall);
    if (criticalityOnly)
        return 0;

    std::vector<double> open, lens, product, date, paint, openOnControls;
    std::map<QString, std::pair<std::vector<double>, std::vector<double>>> pages; // shown, filled
    size_t sites = 0, links = 0;
    for (int run = 0; run < runs; ++run) {
        ui::AppState state;
        ui::MainWindow window(state);
        window.resize(1440, 900);
        window.show();
        QCoreApplication::processEvents();
        state.setAsOf(core::Date::fromYmd(2025, 8, 1));
        open.push_back(
            timeRedraw(state, window, [&] { state.openWorkspace(QString::fromStdString(path)); }));
        if (!state.hasWorkspace()) {
            std::fprintf(stderr, "gui_bench: cannot open %s\n", path.c_str());
            return 1;
        }
        sites = state.network()->data().sites.size();
        links = state.network()->data().supply.size();
        // Lens: the three lenses are computed together, so only the summary and the redraw.
        lens.push_back(
            timeRedraw(state, window, [&] { state.setLens(core::analysis::Lens::Owned); }));
        product.push_back(timeRedraw(state, window, [&] {
            ui::Filters f = state.filters();
            f.productId = QString::fromStdString(state.network()->data().products.front().id);
            state.setFilters(f);
        }));
        // The floor: painting the whole window once, nothing recomputed.
        paint.push_back(timeRedraw(state, window, [] {}));
        // A new date recomputes the exposure of all three lenses.
        date.push_back(timeRedraw(state, window,
                                  [&] { state.setAsOf(core::Date::fromYmd(2024, 1, 1 + run)); }));
    }
    for (int run = 0; run < runs; ++run) {
        // Each page's first show in a fresh window, Overview first (it shows at start-up).
        ui::AppState state;
        ui::MainWindow window(state);
        window.resize(1440, 900);
        window.show();
        QCoreApplication::processEvents();
        state.setAsOf(core::Date::fromYmd(2025, 8, 1));
        state.openWorkspace(QString::fromStdString(path));
        state.waitForIdle();
        QCoreApplication::processEvents();
        for (const ui::PageEntry& entry : ui::pageEntries()) {
            if (entry.id == ui::pageid::overview)
                continue;
            QElapsedTimer t;
            t.start();
            window.showPage(entry.id);
            QCoreApplication::processEvents();
            (void)window.grab();
            pages[entry.id].first.push_back(double(t.nsecsElapsed()) / 1e6);
            window.page(entry.id)->waitForIdle();
            state.waitForIdle();
            QCoreApplication::processEvents();
            (void)window.grab();
            pages[entry.id].second.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    }
    for (int run = 0; run < runs; ++run) {
        // Start-up when Controls was the last page: the page is showing as the data arrives.
        ui::AppState state;
        ui::MainWindow window(state);
        window.resize(1440, 900);
        window.showPage(ui::pageid::controls);
        window.show();
        QCoreApplication::processEvents();
        state.setAsOf(core::Date::fromYmd(2025, 8, 1));
        QElapsedTimer t;
        t.start();
        state.openWorkspace(QString::fromStdString(path));
        state.waitForIdle();
        window.page(ui::pageid::controls)->waitForIdle();
        QCoreApplication::processEvents();
        (void)window.grab();
        openOnControls.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    MapTimes map;
    for (int run = 0; run < runs; ++run)
        timeMap(path, mapFrames, map);
    std::printf("workspace: %zu sites, %zu supply links\n", sites, links);
    report("open workspace -> overview drawn", open);
    report("filter change (lens) -> redrawn", lens);
    report("filter change (product) -> redrawn", product);
    report("as-of date change (3 lenses recomputed) -> redrawn", date);
    report("paint only (QWidget::grab of the window)", paint);
    for (const ui::PageEntry& entry : ui::pageEntries()) {
        const auto it = pages.find(entry.id);
        if (it == pages.end())
            continue;
        report("first show of " + entry.title.toStdString() + ": shown", it->second.first);
        report("first show of " + entry.title.toStdString() + ": filled", it->second.second);
    }
    report("open workspace on Controls -> filled", openOnControls);
    std::printf("map: %zu sites on the map; world view: %zu markers, %zu flows\n", map.sites,
                map.markers, map.flows);
    report("map page shown -> map drawn", map.shown);
    report("  the same, process CPU time (all threads)", map.shownCpu);
    report("map repaint, world view", map.paint);
    report("  the same, GUI thread CPU time", map.paintCpu);
    report("map pan frame, world view", map.pan);
    report("map zoom x4 (new level clustered) -> drawn", map.zoom);
    report("map pan frame, zoomed x4", map.panZoomed);
    // Frames per second over the whole drag: the frames that draw the map again (when the
    // margin runs out) count with the ones that only shift it.
    auto fps = [](const std::vector<double>& ms) {
        double total = 0;
        for (const double m : ms)
            total += m;
        return 1000.0 * double(ms.size()) / total;
    };
    auto p95 = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, v.size() * 95 / 100)];
    };
    std::printf("map drag: %.0f frames per second, 95th percentile frame %.1f ms (world view); "
                "%.0f, %.1f ms (zoomed x4)\n",
                fps(map.pan), p95(map.pan), fps(map.panZoomed), p95(map.panZoomed));
    std::printf("map drag, GUI thread CPU time only: %.0f frames per second (world view), %.0f "
                "(zoomed x4)\n",
                fps(map.panCpu), fps(map.panZoomedCpu));
    return 0;
}
