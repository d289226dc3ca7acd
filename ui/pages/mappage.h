// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include "core/map/mapbuilder.h"
#include "ui/pages/page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace chokepoint::core::scenario {
struct CriticalityResult;
}

namespace chokepoint::ui {

class CriticalityJobs;
class JobRunner;
class MapView;
struct MapHit;

/// The Map page (SPEC §6): where our supply sits and how exposed each place is. Countries
/// shaded by a measure (spend at risk, share of our supply, world share of a material),
/// the filtered chain's sites as markers coloured by the lens, the flow of the selected
/// material or product as arcs. The scene comes from core::map::buildMapScene() on a
/// background runner, recomputed on exposureReady (only while the page is shown; a hidden
/// page catches up when it is shown) and when the measure or flow choice changes; the
/// selection is linked both ways. Markers are sized by tier-1 spend or, on request ("Size
/// by"), by the lost revenue of each site's criticality (SPEC §4.2), from the session's
/// CriticalityJobs: cached results at once, else computed in the background with progress
/// and Cancel while the markers stay sized by spend.
class MapPage : public Page {
    Q_OBJECT
public:
    explicit MapPage(AppState& state, QWidget* parent = nullptr);
    ~MapPage() override;
    QString title() const override { return tr("Map"); }

    MapView* view() const { return m_view; }
    QComboBox* measureBox() const { return m_measure; }
    QComboBox* materialBox() const { return m_material; }
    QCheckBox* flowsBox() const { return m_flows; }
    QPushButton* fitButton() const { return m_fit; }
    QPushButton* worldButton() const { return m_world; }
    /// "Size by": spend (0) or criticality lost revenue (1).
    QComboBox* sizeBox() const { return m_sizeBy; }
    QProgressBar* sizeProgress() const { return m_sizeProgress; }
    QPushButton* sizeCancelButton() const { return m_sizeCancel; }
    enum SizeBy { SizeBySpend = 0, SizeByLostRevenue = 1 };
    QString contextText() const;
    /// Blocks until the scene for the current state is drawn (tests, benches).
    void waitForIdle();
    /// The request the current filters, selection and choices make.
    core::map::MapRequest request() const;
    /// Sizes markers by `perSite` (one value per Network site, e.g. the lost revenue of a
    /// criticality run) named `name` in the legend and tooltips, instead of tier-1 spend;
    /// an empty vector goes back to spend. Dropped when another workspace is loaded.
    void setMarkerSizes(std::vector<double> perSite, const QString& name);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onWorkspaceLoaded();
    void onSelectionChanged();
    void recompute();
    void populateMaterials();
    void updateLegend();
    /// Follows the "Size by" choice and the criticality results (CriticalityJobs::changed).
    void updateSizes();
    void sizeRunningChanged(bool running);
    void showSelection();
    QString tipFor(const MapHit& hit) const;

    MapView* m_view = nullptr;
    QComboBox* m_measure = nullptr;
    QComboBox* m_material = nullptr;
    QCheckBox* m_flows = nullptr;
    QPushButton* m_fit = nullptr;
    QPushButton* m_world = nullptr;
    QComboBox* m_sizeBy = nullptr;
    QProgressBar* m_sizeProgress = nullptr;
    QPushButton* m_sizeCancel = nullptr;
    CriticalityJobs& m_jobs;
    /// The criticality result the markers are sized by (null: by spend).
    std::shared_ptr<const core::scenario::CriticalityResult> m_sizedFrom;
    QLabel* m_context = nullptr;
    QLabel* m_error = nullptr;
    JobRunner* m_runner = nullptr;
    std::shared_ptr<const core::map::WorldAtlas> m_atlas;
    std::shared_ptr<const core::map::MapScene> m_scene;
    core::map::MapRequest m_sceneRequest; ///< what m_scene was built for
    std::vector<double> m_sizes;          ///< setMarkerSizes()
    QString m_sizeName;
    bool m_stale = true;
    bool m_firstScene = true;
};

} // namespace chokepoint::ui
