// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QString>

class QCategoryAxis;

namespace chokepoint::ui {

/// Formats a value for people: tooltips and axis labels ("62.5 %", "$1.2 bn").
using ValueFormatter = std::function<QString(double)>;

/// A round label step (1, 2, 2.5 or 5 times a power of ten) giving at most `ticks` intervals
/// over `range`; 1 for an empty or non-finite range.
double niceStep(double range, int ticks);

/// Sets `axis` to [0, max'] where max' >= max is a round number, with about `ticks` labelled
/// gridlines formatted by `format` (a value axis whose labels read "25 %" or "$200 m" rather
/// than QValueAxis's printf formats, which cannot scale fractions to percent).
void setNiceRange(QCategoryAxis* axis, double max, const ValueFormatter& format, int ticks = 5);
/// The same for a fixed range, with labels every `step`.
void setFixedRange(QCategoryAxis* axis, double min, double max, double step,
                   const ValueFormatter& format);

} // namespace chokepoint::ui
