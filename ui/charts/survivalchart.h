// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QVector>

#include "ui/charts/chartview.h"

class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;
class QHorizontalBarSeries;

namespace chokepoint::ui {

/// One item's time to survive (how long stock carries it) and time to recover (when its
/// supply is back), in days from day 0 of the scenario (figures from core: see
/// core/scenario/comparison.h MaterialTimes).
struct SurvivalItem {
    QString key;                        ///< item key reported by itemClicked / itemActivated
    QString label;                      ///< axis label
    std::optional<double> survivalDays; ///< nullopt: lasts beyond the horizon
    std::optional<double> recoveryDays; ///< nullopt: not recovered within the horizon
    bool atRisk = false; ///< survival shorter than recovery: drawn in the risk colour
    QString tooltip;     ///< rich text shown above the values; empty: the label in bold
};

/// Time-to-survive vs time-to-recover: per item two horizontal bars on a day axis up to the
/// horizon. Survival bars of items at risk (running out before supply recovers) are drawn in
/// the risk colour and their labels carry a warning sign; "beyond the horizon" is drawn to
/// the horizon and said so in the tooltip. Click reports the item's key. Usable on its own
/// (reports: ui/charts/chartexport.h renderChart()).
class SurvivalChart : public ChartView {
    Q_OBJECT
public:
    explicit SurvivalChart(QWidget* parent = nullptr);

    void setHorizon(int days) { m_horizon = days; }
    /// The legend names of the two bar sets and the day axis title (before setData()).
    void setTexts(const QString& survival, const QString& recovery, const QString& dayAxis);
    int horizon() const { return m_horizon; }
    void setData(QVector<SurvivalItem> items);
    void setSelectedKey(const QString& key);

    int itemCount() const { return int(m_items.size()); }
    const SurvivalItem& item(int i) const { return m_items[i]; }
    /// The drawn bar lengths (days) of the survival and the recovery set, in item order.
    QVector<double> survivalValues() const;
    QVector<double> recoveryValues() const;
    QBarSet* survivalSet() const { return m_survival; }
    QBarSet* recoverySet() const { return m_recovery; }
    QStringList axisLabels() const;
    QString tipFor(int index) const;

protected:
    void restyle() override;

private:
    int barIndex(int item) const { return int(m_items.size()) - 1 - item; }
    void updateSelection();

    QVector<SurvivalItem> m_items;
    int m_horizon = 365;
    QString m_survivalName, m_recoveryName, m_dayAxisTitle;
    QString m_selected;
    QHorizontalBarSeries* m_series = nullptr;
    QBarSet* m_survival = nullptr;
    QBarSet* m_recovery = nullptr;
    QBarCategoryAxis* m_categoryAxis = nullptr;
    QCategoryAxis* m_dayAxis = nullptr;
};

} // namespace chokepoint::ui
