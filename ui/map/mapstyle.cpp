// SPDX-License-Identifier: MIT
#include "ui/map/mapstyle.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "ui/charts/chartpalette.h"

namespace chokepoint::ui {

namespace cm = core::map;

namespace {

QColor mix(const QColor& a, const QColor& b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// Three stops each, pale to strong (after ColorBrewer's sequential Oranges, Blues and
// Purples); on dark backgrounds the low end is a dim tint and the high end bright.
using Ramp = std::array<QColor, 3>;
Ramp rampOf(cm::CountryMeasure m, bool dark) {
    switch (m) {
    case cm::CountryMeasure::SpendAtRisk:
        // On dark, the top stays below the markers' and arcs' risk orange, which cross it.
        return dark ? Ramp{QColor(0x45, 0x37, 0x30), QColor(0x8e, 0x4c, 0x2d),
                           QColor(0xc2, 0x5b, 0x2e)}
                    : Ramp{QColor(0xfd, 0xe9, 0xd6), QColor(0xf1, 0x8a, 0x45),
                           QColor(0xa8, 0x2a, 0x0c)};
    case cm::CountryMeasure::SupplyShare:
        return dark ? Ramp{QColor(0x2c, 0x3d, 0x52), QColor(0x3b, 0x7c, 0xbf),
                           QColor(0x8c, 0xc4, 0xf5)}
                    : Ramp{QColor(0xe3, 0xee, 0xf9), QColor(0x6b, 0xa6, 0xd6),
                           QColor(0x17, 0x4a, 0x8a)};
    case cm::CountryMeasure::WorldShare:
        return dark ? Ramp{QColor(0x3b, 0x33, 0x52), QColor(0x7e, 0x5f, 0xb5),
                           QColor(0xc9, 0xb0, 0xf2)}
                    : Ramp{QColor(0xee, 0xe8, 0xf5), QColor(0x9e, 0x8a, 0xc8),
                           QColor(0x54, 0x27, 0x88)};
    }
    return {};
}

// 1, 2, 2.5 or 5 times a power of ten, at or above x.
double niceCeil(double x) {
    if (!(x > 0))
        return 1.0;
    const double p = std::pow(10.0, std::floor(std::log10(x)));
    for (const double f : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (f * p >= x * (1 - 1e-12))
            return f * p;
    return 10 * p;
}

} // namespace

QColor MapPalette::markerColor(cm::SiteExposure e) const {
    switch (e) {
    case cm::SiteExposure::Exposed:
        return exposed;
    case cm::SiteExposure::Upstream:
        return upstream;
    case cm::SiteExposure::Clear:
        break;
    }
    return clear;
}

QColor MapPalette::ramp(cm::CountryMeasure measure, double t) const {
    const Ramp r = rampOf(measure, dark);
    return t < 0.5 ? mix(r[0], r[1], t * 2) : mix(r[1], r[2], (t - 0.5) * 2);
}

MapPalette MapPalette::forPalette(const QPalette& palette) {
    const ChartPalette c = ChartPalette::forPalette(palette);
    MapPalette p;
    p.dark = c.dark;
    p.text = c.text;
    p.mutedText = c.mutedText;
    p.exposed = c.risk;
    p.upstream = c.deeper;
    p.clear = c.categorical.front();
    p.selection = c.highlight;
    if (p.dark) {
        p.sea = QColor(0x1b, 0x20, 0x27);
        p.land = QColor(0x34, 0x39, 0x41);
        p.border = QColor(0x1b, 0x20, 0x27);
        p.legendBackground = QColor(0x23, 0x26, 0x2c, 235);
        p.legendBorder = QColor(0x44, 0x4a, 0x53);
        p.markerOutline = QColor(0x12, 0x14, 0x18);
        p.flow = QColor(0xa6, 0xb4, 0xc6, 170);
        p.us = QColor(0xf2, 0xf4, 0xf7);
    } else {
        p.sea = QColor(0xe6, 0xee, 0xf5);
        p.land = QColor(0xf7, 0xf7, 0xf5);
        p.border = QColor(0xb9, 0xc0, 0xc8);
        p.legendBackground = QColor(0xff, 0xff, 0xff, 235);
        p.legendBorder = QColor(0xc8, 0xcd, 0xd3);
        p.markerOutline = QColor(0xff, 0xff, 0xff);
        p.flow = QColor(0x4a, 0x5a, 0x6e, 120);
        p.us = QColor(0x1d, 0x21, 0x27);
    }
    p.flowExposed = p.exposed;
    p.flowExposed.setAlpha(190);
    return p;
}

MeasureScale::MeasureScale(cm::CountryMeasure measure, double maxValue)
    : m_measure(measure)
    , m_top(measure == cm::CountryMeasure::SpendAtRisk ? niceCeil(maxValue) : 1.0) {}

double MeasureScale::position(double value) const {
    if (!(value > 0) || !(m_top > 0))
        return 0.0;
    const double t = std::min(1.0, value / m_top);
    return m_measure == cm::CountryMeasure::SpendAtRisk ? std::sqrt(t) : t;
}

std::vector<double> MeasureScale::ticks() const {
    if (m_measure != cm::CountryMeasure::SpendAtRisk)
        return {0.0, 0.25, 0.5, 0.75, 1.0};
    // On a square-root scale even steps crowd the top end: 1/25 and 1/4 of the (round) top
    // sit at 20 % and 50 % of the bar.
    return {0.0, m_top / 25.0, m_top / 4.0, m_top};
}

} // namespace chokepoint::ui
