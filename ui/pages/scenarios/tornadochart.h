// SPDX-License-Identifier: MIT
#pragma once

#include <QVector>

#include "ui/charts/chartview.h"

class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;
class QHorizontalBarSeries;
class QLineSeries;

namespace chokepoint::ui {

/// One parameter of a sensitivity analysis: the outcome with the parameter at its low and
/// at its high value (figures from core::scenario::runSensitivity()).
struct TornadoRow {
    QString key;
    QString label;   ///< the parameter, e.g. "Shock 1: licence delay (days)"
    QString lowText; ///< the low value for people, e.g. "16 days"
    QString highText;
    double lowResult = 0.0; ///< e.g. lost revenue with the parameter at its low value
    double highResult = 0.0;
};

/// A tornado chart: per parameter (largest swing first, at the top) a bar from the base
/// outcome to the outcome at the low value and one to the outcome at the high value, and a
/// dashed line at the base. The value axis reads in outcome units (money) on round amounts.
/// Hover shows both values.
class TornadoChart : public ChartView {
    Q_OBJECT
public:
    explicit TornadoChart(QWidget* parent = nullptr);

    void setBase(double base) { m_base = base; }
    double base() const { return m_base; }
    void setData(QVector<TornadoRow> rows);

    int rowCount() const { return int(m_rows.size()); }
    const TornadoRow& row(int i) const { return m_rows[i]; }
    /// Bar lengths from the base (outcome − base) of the low and high sets, in row order.
    QVector<double> lowBars() const;
    QVector<double> highBars() const;
    QString tipFor(int row) const;
    /// The value axis labels, left to right (lost revenue on round amounts).
    QStringList axisLabels() const;
    /// The dashed line at the base (the scenario as written).
    QLineSeries* baseLine() const { return m_baseLine; }

protected:
    void restyle() override;

private:
    int barIndex(int row) const { return int(m_rows.size()) - 1 - row; }

    double m_base = 0.0;
    QVector<TornadoRow> m_rows;
    QHorizontalBarSeries* m_series = nullptr;
    QBarSet* m_low = nullptr;
    QBarSet* m_high = nullptr;
    QBarCategoryAxis* m_categoryAxis = nullptr;
    QCategoryAxis* m_valueAxis = nullptr;
    QLineSeries* m_baseLine = nullptr;
};

} // namespace chokepoint::ui
