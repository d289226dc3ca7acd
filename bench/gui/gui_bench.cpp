// SPDX-License-Identifier: MIT
// Times the dashboard on the offscreen platform:
//   gui_bench [WORKSPACE] [--runs N]
// Without WORKSPACE it creates one from the bundled data in a temporary folder. "Drawn" means
// the figures have arrived (AppState::exposureReady) and the whole window has been painted
// (QWidget::grab renders every child). Prints one line per measurement with the median.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include "core/io/bundled.h"
#include "core/store/workspace.h"
#include "ui/appstate.h"
#include "ui/mainwindow.h"

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

void report(const char* what, const std::vector<double>& ms) {
    std::printf("%-52s median %9.1f ms   min %9.1f ms   max %9.1f ms   (%zu runs)\n", what,
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

    std::vector<double> open, lens, product, date, paint;
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
    std::printf("workspace: %zu sites, %zu supply links\n", sites, links);
    report("open workspace -> overview drawn", open);
    report("filter change (lens) -> redrawn", lens);
    report("filter change (product) -> redrawn", product);
    report("as-of date change (3 lenses recomputed) -> redrawn", date);
    report("paint only (QWidget::grab of the window)", paint);
    return 0;
}
