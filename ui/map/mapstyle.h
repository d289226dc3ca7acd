// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <QColor>
#include <QPalette>

#include "core/map/mapscene.h"

namespace chokepoint::ui {

/// The map's colours for the light or the dark application palette: land and sea, the
/// sequential ramp of each country measure, and the marker colours of the three exposure
/// classes (the charts' risk, deeper and first categorical colours, so the map reads like
/// the Overview).
struct MapPalette {
    bool dark = false;
    QColor sea, land, border, text, mutedText, legendBackground, legendBorder;
    QColor exposed, upstream, clear; ///< markers by core::map::SiteExposure
    QColor markerOutline;            ///< a halo that separates markers from shaded land
    QColor flow, flowExposed;        ///< arcs
    QColor us;                       ///< our company's marker
    QColor selection;                ///< outline of the selected site or country

    QColor markerColor(core::map::SiteExposure e) const;
    /// The ramp colour at t in [0, 1] for a measure (low = pale, high = strong).
    QColor ramp(core::map::CountryMeasure measure, double t) const;
    static MapPalette forPalette(const QPalette& palette);
};

/// Where a country value sits on its measure's colour ramp: money by square root (a few
/// countries carry most of it, and a linear scale would leave the rest blank), shares
/// linearly from 0 to 1 (a share reads against the whole, not against the largest one).
class MeasureScale {
public:
    MeasureScale(core::map::CountryMeasure measure, double maxValue);
    double position(double value) const;
    /// Round values along the scale for the legend (0 and the top included).
    std::vector<double> ticks() const;
    double top() const { return m_top; }

private:
    core::map::CountryMeasure m_measure;
    double m_top;
};

} // namespace chokepoint::ui
