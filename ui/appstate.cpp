// SPDX-License-Identifier: MIT
#include "ui/appstate.h"

#include <exception>

#include <QtConcurrent/QtConcurrentMap>

#include "core/store/workspace.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

struct LoadResult {
    QString path;
    std::shared_ptr<const an::Network> network;
    std::shared_ptr<const an::ExposureEngine> engine;
    bool bundledExample = false;
    QString error;
};

void buildNetwork(LoadResult& out, core::Dataset data) {
    try {
        // The engine keeps a reference to the network: one allocation keeps both alive.
        struct Holder {
            explicit Holder(core::Dataset d)
                : network(std::move(d))
                , engine(network) {}
            an::Network network;
            an::ExposureEngine engine;
        };
        auto holder = std::make_shared<const Holder>(std::move(data));
        out.network = std::shared_ptr<const an::Network>(holder, &holder->network);
        out.engine = std::shared_ptr<const an::ExposureEngine>(holder, &holder->engine);
    } catch (const std::exception& e) {
        out.error = QString::fromUtf8(e.what());
    }
}

bool selectionExists(const an::Network& net, const Selection& sel) {
    const std::string id = sel.id.toStdString();
    switch (sel.kind) {
    case SelectionKind::Material:
        return net.materials.find(id) != an::kNone;
    case SelectionKind::Product:
        return net.products.find(id) != an::kNone;
    case SelectionKind::Supplier:
        return net.suppliers.find(id) != an::kNone;
    case SelectionKind::Site:
        return net.sites.find(id) != an::kNone;
    case SelectionKind::Control:
        return net.controlIds.find(id) != an::kNone;
    case SelectionKind::Technology:
        return net.technologies.find(id) != an::kNone;
    case SelectionKind::Country:
        return net.countries.find(id) != an::kNone;
    case SelectionKind::None:
        break;
    }
    return true;
}

LoadResult loadWorkspace(const QString& path) {
    LoadResult out;
    out.path = path;
    auto ws = core::Workspace::open(path.toStdString());
    if (!ws) {
        out.error = QString::fromStdString(ws.errorString());
        return out;
    }
    auto data = ws->load();
    if (!data) {
        out.error = QString::fromStdString(data.errorString());
        return out;
    }
    out.bundledExample = ws->isBundledExample();
    buildNetwork(out, std::move(*data));
    return out;
}

struct RefreshResult {
    std::shared_ptr<const ExposureSet> exposure;
    std::shared_ptr<const an::Summary> summary;
};

} // namespace

AppState::AppState(QObject* parent)
    : QObject(parent) {
    connect(&m_loadRunner, &JobRunner::busyChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
    connect(&m_refreshRunner, &JobRunner::busyChanged, this,
            [this] { Q_EMIT busyChanged(isBusy()); });
}

AppState::~AppState() = default;

void AppState::openWorkspace(const QString& path) {
    Q_EMIT workspaceLoading(path);
    m_loadRunner.run([path](const JobToken&) { return loadWorkspace(path); },
                     [this](LoadResult r) {
                         if (!r.error.isEmpty()) {
                             Q_EMIT workspaceFailed(r.path, r.error);
                             return;
                         }
                         m_refreshRunner.cancel();
                         const bool another = r.path != m_path;
                         m_path = r.path;
                         m_network = std::move(r.network);
                         m_engine = std::move(r.engine);
                         m_bundledExample = r.bundledExample;
                         m_exposure.reset();
                         m_summary.reset();
                         // Keep lens and date; drop filters naming items this workspace lacks.
                         // Another workspace starts without assuming scheduled measures (off
                         // by default, SPEC §3); a reload keeps the choice.
                         Filters f = m_filters;
                         if (another)
                             f.assumeScheduled = false;
                         if (!f.productId.isEmpty() &&
                             m_network->products.find(f.productId.toStdString()) == an::kNone)
                             f.productId.clear();
                         if (!f.country.isEmpty() &&
                             m_network->countries.find(f.country.toStdString()) == an::kNone)
                             f.country.clear();
                         m_filters = f;
                         m_selection = {};
                         Q_EMIT workspaceLoaded();
                         Q_EMIT filtersChanged();
                         Q_EMIT selectionChanged();
                         refresh();
                     });
}

void AppState::reload() {
    if (!m_path.isEmpty())
        openWorkspace(m_path);
}

void AppState::applyDataset(core::Dataset data) {
    if (m_path.isEmpty())
        return;
    // Job functions must be copyable: share the dataset and move it out once.
    auto shared = std::make_shared<core::Dataset>(std::move(data));
    m_loadRunner.run(
        [path = m_path, shared](const JobToken&) {
            LoadResult out;
            out.path = path;
            buildNetwork(out, std::move(*shared));
            return out;
        },
        [this](LoadResult r) {
            if (!r.error.isEmpty()) {
                Q_EMIT workspaceFailed(r.path, r.error);
                return;
            }
            m_refreshRunner.cancel();
            m_network = std::move(r.network);
            m_engine = std::move(r.engine);
            m_exposure.reset();
            m_summary.reset();
            const bool keep = selectionExists(*m_network, m_selection);
            if (!keep)
                m_selection = {};
            Q_EMIT workspaceLoaded();
            if (!keep)
                Q_EMIT selectionChanged();
            refresh();
        });
}

void AppState::setFilters(const Filters& filters) {
    if (filters == m_filters)
        return;
    m_filters = filters;
    Q_EMIT filtersChanged();
    refresh();
}

void AppState::setLens(an::Lens lens) {
    Filters f = m_filters;
    f.lens = lens;
    setFilters(f);
}

void AppState::setAsOf(core::Date date) {
    Filters f = m_filters;
    f.asOf = date;
    setFilters(f);
}

void AppState::setAssumeScheduled(bool on) {
    Filters f = m_filters;
    f.assumeScheduled = on;
    setFilters(f);
}

an::SummaryFilter AppState::resolve(const an::Network& net, const Filters& f) const {
    an::SummaryFilter out;
    if (!f.productId.isEmpty())
        out.product = net.products.find(f.productId.toStdString());
    out.stage = f.stage;
    if (!f.country.isEmpty())
        out.country = net.countries.find(f.country.toStdString());
    return out;
}

an::SummaryFilter AppState::summaryFilter() const {
    return m_network ? resolve(*m_network, m_filters) : an::SummaryFilter{};
}

void AppState::setSelection(const Selection& selection) {
    if (selection == m_selection)
        return;
    m_selection = selection;
    Q_EMIT selectionChanged();
}

void AppState::refresh() {
    if (!m_network)
        return;
    const Filters filters = m_filters;
    const an::SummaryFilter summaryFilter = resolve(*m_network, filters);
    std::shared_ptr<const ExposureSet> cached;
    if (m_exposure && m_exposure->network == m_network && m_exposure->asOf == filters.asOf &&
        m_exposure->assumeScheduled == filters.assumeScheduled)
        cached = m_exposure;
    m_refreshRunner.run(
        [net = m_network, engine = m_engine, filters, summaryFilter,
         cached](const JobToken& token) -> RefreshResult {
            RefreshResult out;
            std::shared_ptr<const ExposureSet> set = cached;
            if (!set) {
                auto fresh = std::make_shared<ExposureSet>();
                fresh->network = net;
                fresh->asOf = filters.asOf;
                fresh->assumeScheduled = filters.assumeScheduled;
                std::array<an::Lens, 3> lenses = {an::Lens::Location, an::Lens::Owned,
                                                  an::Lens::Controlled};
                // The three lenses are independent: compute them side by side.
                QtConcurrent::blockingMap(lenses, [&](an::Lens& lens) {
                    auto result = std::make_shared<const an::ExposureResult>(
                        engine->compute(lens, filters.asOf, filters.assumeScheduled));
                    fresh->reach[size_t(lens)] =
                        std::make_shared<const std::vector<an::MaterialReach>>(
                            an::materialReaches(*net, *result));
                    fresh->results[size_t(lens)] = std::move(result);
                });
                set = std::move(fresh);
            }
            if (token.cancelled())
                return out;
            out.exposure = set;
            out.summary = std::make_shared<const an::Summary>(
                an::summarize(*net, set->forLens(filters.lens), summaryFilter));
            return out;
        },
        [this](RefreshResult r) {
            if (!r.summary)
                return;
            m_exposure = std::move(r.exposure);
            m_summary = std::move(r.summary);
            Q_EMIT exposureReady();
        });
}

void AppState::waitForIdle() {
    // A finished load starts a refresh: wait until neither has work left.
    while (m_loadRunner.isBusy() || m_refreshRunner.isBusy()) {
        m_loadRunner.waitForIdle();
        m_refreshRunner.waitForIdle();
    }
}

} // namespace chokepoint::ui
