// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <memory>

#include <QWidget>

class QLabel;

namespace chokepoint::ui {

class FanChart;
class HistogramChart;
class KpiTile;
class LineChart;
class MaterialTimesModel;
class ProductLossModel;
class StackedBarChart;
class SurvivalChart;
class TableView;
struct ScenarioRun;

/// The results of one scenario run: headline tiles; total output over time (P10–P90 fan,
/// P50 and the deterministic line); output per product; lost revenue per product (bars and
/// a table of lost units, lost revenue and when each line slows and stops); time to survive
/// vs time to recover per material (chart and table); supply S(m, t) and stock (days of
/// need) per material; the distribution of lost revenue over the runs. Every figure comes
/// from the ScenarioRun (core); the view only maps them onto charts and tables.
class ResultsView : public QWidget {
    Q_OBJECT
public:
    enum Tile { LostRevenue, LowestOutput, FirstStop, RunningOut };

    explicit ResultsView(QWidget* parent = nullptr);
    ~ResultsView() override;

    /// Shows a finished run; nullptr clears the view and shows `message` instead.
    void setRun(std::shared_ptr<const ScenarioRun> run, const QString& message = {});
    const std::shared_ptr<const ScenarioRun>& run() const { return m_run; }
    /// Highlights an item ("material:<id>", "product:<id>") in the charts and tables.
    void setSelectedKey(const QString& key);

    QString messageText() const;
    KpiTile* tile(Tile t) const { return m_tiles[t]; }
    FanChart* outputChart() const { return m_output; }
    LineChart* productChart() const { return m_products; }
    StackedBarChart* lossChart() const { return m_loss; }
    TableView* productTable() const { return m_productTable; }
    ProductLossModel* productModel() const { return m_productModel; }
    SurvivalChart* survivalChart() const { return m_survival; }
    TableView* materialTable() const { return m_materialTable; }
    MaterialTimesModel* materialModel() const { return m_materialModel; }
    LineChart* supplyChart() const { return m_supply; }
    LineChart* stockChart() const { return m_stock; }
    HistogramChart* histogramChart() const { return m_histogram; }

Q_SIGNALS:
    /// The user clicked an item ("material:<id>", "product:<id>").
    void itemSelected(const QString& key);

private:
    void clear();
    void showTiles();
    void showCharts();

    std::shared_ptr<const ScenarioRun> m_run;
    QLabel* m_message = nullptr;
    QWidget* m_scroll = nullptr;
    QWidget* m_content = nullptr;
    std::array<KpiTile*, 4> m_tiles{};
    FanChart* m_output = nullptr;
    LineChart* m_products = nullptr;
    StackedBarChart* m_loss = nullptr;
    TableView* m_productTable = nullptr;
    ProductLossModel* m_productModel = nullptr;
    SurvivalChart* m_survival = nullptr;
    TableView* m_materialTable = nullptr;
    MaterialTimesModel* m_materialModel = nullptr;
    LineChart* m_supply = nullptr;
    LineChart* m_stock = nullptr;
    HistogramChart* m_histogram = nullptr;
};

} // namespace chokepoint::ui
