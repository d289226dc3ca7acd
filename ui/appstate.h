// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <memory>
#include <optional>

#include <QObject>
#include <QString>

#include "core/analysis/exposureengine.h"
#include "core/analysis/materialreach.h"
#include "core/analysis/network.h"
#include "core/analysis/summary.h"
#include "core/model/date.h"
#include "core/model/enums.h"
#include "ui/jobrunner.h"

namespace chokepoint::ui {

/// The global filter bar's state (SPEC §6). Empty strings / nullopt mean "all".
struct Filters {
    QString productId;
    std::optional<core::Stage> stage;
    QString country; ///< iso3 of the supplier-site country (tier 1)
    core::analysis::Lens lens = core::analysis::Lens::Location;
    core::Date asOf = core::Date::today();
    /// Count measures of status `scheduled` (announced, not confirmed by the reference cut-off)
    /// as in force (SPEC §3 *assume scheduled*; off by default).
    bool assumeScheduled = false;
    bool operator==(const Filters&) const = default;
};

enum class SelectionKind { None, Material, Product, Supplier, Site, Control, Technology, Country };

/// The linked selection: one item, selected everywhere (charts, tables, details dock).
struct Selection {
    SelectionKind kind = SelectionKind::None;
    QString id; ///< the item's id in the workspace (iso3 for a country)
    bool isEmpty() const { return kind == SelectionKind::None; }
    bool operator==(const Selection&) const = default;
};

/// The exposure figures of one workspace at one date, for all three lenses.
struct ExposureSet {
    std::shared_ptr<const core::analysis::Network> network;
    core::Date asOf;
    bool assumeScheduled = false;
    std::array<std::shared_ptr<const core::analysis::ExposureResult>, 3> results;
    /// Per lens: every material's reach to our products (core/analysis/materialreach.h), by
    /// network index.
    std::array<std::shared_ptr<const std::vector<core::analysis::MaterialReach>>, 3> reach;
    const core::analysis::ExposureResult& forLens(core::analysis::Lens lens) const {
        return *results[size_t(lens)];
    }
    const std::vector<core::analysis::MaterialReach>&
    reachForLens(core::analysis::Lens lens) const {
        return *reach[size_t(lens)];
    }
};

/// The session: one per main window, passed by reference to every page's constructor.
///
/// - Workspace: openWorkspace() loads in the background and then emits workspaceLoaded (or
///   workspaceFailed with core's message; AppState never shows dialogs). network() is the
///   immutable in-memory snapshot; hold the shared_ptr while using it off the GUI thread.
/// - Filters and selection: setters emit filtersChanged / selectionChanged only on change.
/// - Results: any change of workspace, filters or date starts one latest-wins job that
///   computes (or reuses, when only lens/product/stage/country changed) the exposure of all
///   three lenses at filters().asOf, then core::analysis::summarize() for the current lens and
///   filters. When it lands, exposure() and summary() match filters() and exposureReady is
///   emitted: pages redraw on that signal and never compute figures themselves.
/// - Navigation: requestPage(id) asks the main window to show a page (drill-down).
class AppState : public QObject {
    Q_OBJECT
public:
    explicit AppState(QObject* parent = nullptr);
    ~AppState() override;

    void openWorkspace(const QString& path);
    /// Reloads the current workspace from disk (after an import).
    void reload();
    /// Replaces the in-memory snapshot with `data` once the caller has written the same change
    /// to the workspace file (e.g. an edited export control: core/store/controlstore.h and
    /// core/io/controledit.h's applyControlEdit). Builds the network in the background without
    /// reading the file, keeps the filters and the selection (dropped if its item is gone),
    /// then emits workspaceLoaded and recomputes the figures as after openWorkspace().
    void applyDataset(core::Dataset data);
    QString workspacePath() const { return m_path; }
    bool hasWorkspace() const { return m_network != nullptr; }
    /// The loaded workspace holds the bundled example (core::Workspace::isBundledExample()):
    /// its company data is fictional, and the window title and reports say so.
    bool isBundledExample() const { return m_bundledExample; }
    std::shared_ptr<const core::analysis::Network> network() const { return m_network; }
    std::shared_ptr<const core::analysis::ExposureEngine> engine() const { return m_engine; }

    const Filters& filters() const { return m_filters; }
    void setFilters(const Filters& filters);
    void setLens(core::analysis::Lens lens);
    void setAsOf(core::Date date);
    void setAssumeScheduled(bool on);
    /// filters() resolved to network indices (unknown ids count as "all").
    core::analysis::SummaryFilter summaryFilter() const;

    const Selection& selection() const { return m_selection; }
    void setSelection(const Selection& selection);
    void clearSelection() { setSelection({}); }

    /// Null until the first result for the loaded workspace arrives.
    std::shared_ptr<const ExposureSet> exposure() const { return m_exposure; }
    std::shared_ptr<const core::analysis::Summary> summary() const { return m_summary; }
    /// True while a load or a recomputation is running.
    bool isBusy() const { return m_loadRunner.isBusy() || m_refreshRunner.isBusy(); }
    /// Blocks until the workspace is loaded and the figures are ready (tests, benches).
    void waitForIdle();

    void requestPage(const QString& pageId) { Q_EMIT pageRequested(pageId); }
    /// Asks the Scenarios page to open `scenarioJson` (SPEC §4 format) as an unsaved draft,
    /// e.g. "stress this measure" on the Technologies & Controls page.
    void requestScenarioDraft(const QString& scenarioJson) {
        Q_EMIT scenarioDraftRequested(scenarioJson);
    }

Q_SIGNALS:
    void workspaceLoading(const QString& path);
    void workspaceLoaded();
    void workspaceFailed(const QString& path, const QString& message);
    void filtersChanged();
    void selectionChanged();
    void exposureReady();
    void busyChanged(bool busy);
    void pageRequested(const QString& pageId);
    void scenarioDraftRequested(const QString& scenarioJson);

private:
    void refresh();
    core::analysis::SummaryFilter resolve(const core::analysis::Network& net,
                                          const Filters& f) const;

    QString m_path;
    std::shared_ptr<const core::analysis::Network> m_network;
    std::shared_ptr<const core::analysis::ExposureEngine> m_engine;
    bool m_bundledExample = false;
    Filters m_filters;
    Selection m_selection;
    std::shared_ptr<const ExposureSet> m_exposure;
    std::shared_ptr<const core::analysis::Summary> m_summary;
    JobRunner m_loadRunner;
    JobRunner m_refreshRunner;
};

} // namespace chokepoint::ui
