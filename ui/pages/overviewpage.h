// SPDX-License-Identifier: MIT
#pragma once

#include <array>

#include "ui/pages/page.h"

class QLabel;

namespace chokepoint::ui {

class ChokepointModel;
class DonutChart;
class MixDonutChart;
class KpiTile;
class StackedBarChart;
class TableFilterProxy;
class TableView;

/// The first page: headline KPIs, dependence by material (tier 1 vs deeper), the tier-1
/// country mix, revenue at risk by product and the top chokepoints, all under the global
/// filters. Everything shown comes from AppState::summary().
class OverviewPage : public Page {
    Q_OBJECT
public:
    enum Kpi { RevenueDependence, SpendAtRisk, MaterialsOverHalf, SingleCountry, Controls };
    static constexpr int kKpiCount = 5;
    /// The dependence chart shows at most this many materials (the most dependent).
    static constexpr int kMaxMaterials = 15;

    explicit OverviewPage(AppState& state, QWidget* parent = nullptr);
    QString title() const override { return tr("Overview"); }

    KpiTile* tile(Kpi kpi) const { return m_tiles[kpi]; }
    StackedBarChart* dependenceChart() const { return m_dependence; }
    DonutChart* countryChart() const;
    StackedBarChart* productChart() const { return m_products; }
    TableView* chokepointTable() const { return m_table; }
    ChokepointModel* chokepointModel() const { return m_model; }
    TableFilterProxy* chokepointProxy() const { return m_proxy; }
    QString contextText() const;

private:
    void redraw();
    void showSelection();
    void updateContext();
    void select(const QString& key, bool drillDown);

    std::array<KpiTile*, kKpiCount> m_tiles{};
    QLabel* m_context = nullptr;
    StackedBarChart* m_dependence = nullptr;
    MixDonutChart* m_countries = nullptr; ///< China in the risk colour, as in every mix chart
    StackedBarChart* m_products = nullptr;
    TableView* m_table = nullptr;
    ChokepointModel* m_model = nullptr;
    TableFilterProxy* m_proxy = nullptr;
};

} // namespace chokepoint::ui
