// SPDX-License-Identifier: MIT
// Times the dashboard on the offscreen platform:
//   gui_bench [WORKSPACE] [--runs N]
// Without WORKSPACE it creates one from the bundled data in a temporary folder. "Drawn" means
// the figures have arrived (AppState::exposureReady) and the whole window has been painted
// (QWidget::grab renders every child). Prints one line per measurement with the median.
//
// Every page's first show is timed twice: "shown" until the page is painted (what blocks the
// GUI thread: the window cannot react before), "filled" until the page's own background work
// has arrived and is painted too. And a start-up on the Controls page, the heaviest.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include "core/io/bundled.h"
#include "core/store/workspace.h"
#include "ui/appstate.h"
#include "ui/mainwindow.h"
#include "ui/pages/page.h"
#include "ui/pages/pageregistry.h"

using namespace chokepoint;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
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
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
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
    return 0;
}
