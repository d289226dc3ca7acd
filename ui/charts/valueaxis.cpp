// SPDX-License-Identifier: MIT
#include "ui/charts/valueaxis.h"

#include <algorithm>
#include <cmath>

#include <QCategoryAxis>

namespace chokepoint::ui {

double niceStep(double range, int ticks) {
    if (!(range > 0.0) || !std::isfinite(range))
        return 1.0;
    const double raw = range / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= raw)
            return m * magnitude;
    return 10.0 * magnitude;
}

void setFixedRange(QCategoryAxis* axis, double min, double max, double step,
                   const ValueFormatter& format) {
    for (const QString& label : axis->categoriesLabels())
        axis->remove(label);
    axis->setStartValue(min);
    axis->setRange(min, max);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int n = int(std::round((max - min) / step));
    for (int i = 0; i <= n; ++i) {
        const double v = min + i * step;
        // Labels must be unique; a zero-width space keeps equal texts apart.
        QString label = format(v);
        while (axis->categoriesLabels().contains(label))
            label += QChar(0x200B);
        axis->append(label, v);
    }
}

void setNiceRange(QCategoryAxis* axis, double max, const ValueFormatter& format, int ticks) {
    if (!(max > 0.0) || !std::isfinite(max))
        max = 1.0;
    const double step = niceStep(max, ticks);
    setFixedRange(axis, 0.0, std::ceil(max / step - 1e-9) * step, step, format);
}

} // namespace chokepoint::ui
