// SPDX-License-Identifier: MIT
#include "core/map/equalearth.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace chokepoint::core::map {

namespace {

// The polynomial coefficients of the paper (section 3).
constexpr double kA1 = 1.340264;
constexpr double kA2 = -0.081106;
constexpr double kA3 = 0.000893;
constexpr double kA4 = 0.003796;
const double kM = std::sqrt(3.0) / 2.0;
constexpr double kDeg = std::numbers::pi / 180.0;

// y(θ) and its derivative dy/dθ, the denominator of x.
double yOf(double t) {
    const double t2 = t * t, t6 = t2 * t2 * t2;
    return t * (kA1 + kA2 * t2 + t6 * (kA3 + kA4 * t2));
}
double dyOf(double t) {
    const double t2 = t * t, t6 = t2 * t2 * t2;
    return kA1 + 3.0 * kA2 * t2 + t6 * (7.0 * kA3 + 9.0 * kA4 * t2);
}

double wrapLongitude(double lon) {
    if (lon >= -180.0 && lon <= 180.0)
        return lon;
    lon = std::fmod(lon + 180.0, 360.0);
    if (lon < 0)
        lon += 360.0;
    return lon - 180.0;
}

} // namespace

MapPoint equalEarth(GeoPoint p) {
    const double lambda = wrapLongitude(p.lon) * kDeg;
    const double phi = std::clamp(p.lat, -90.0, 90.0) * kDeg;
    // θ, the parametric latitude: sin θ = (√3/2) sin φ.
    const double t = std::asin(kM * std::sin(phi));
    // x = 2√3 λ cos θ / (3 dy/dθ): the paper's equation (2).
    const double x = 2.0 * std::sqrt(3.0) * lambda * std::cos(t) / (3.0 * dyOf(t));
    return {x, yOf(t)};
}

std::optional<GeoPoint> equalEarthInverse(MapPoint p) {
    const double yMax = yOf(std::numbers::pi / 3.0);
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.y) > yMax + 1e-12)
        return std::nullopt;
    double t = p.y / kA1; // first guess: the linear term alone
    for (int i = 0; i < 20; ++i) {
        const double step = (yOf(t) - p.y) / dyOf(t);
        t -= step;
        if (std::abs(step) < 1e-14)
            break;
    }
    t = std::clamp(t, -std::numbers::pi / 3.0, std::numbers::pi / 3.0);
    const double cosT = std::cos(t);
    const double lambda = cosT > 1e-12 ? p.x * 3.0 * dyOf(t) / (2.0 * std::sqrt(3.0) * cosT) : 0.0;
    if (std::abs(lambda) > std::numbers::pi + 1e-9)
        return std::nullopt;
    const double phi = std::asin(std::clamp(std::sin(t) / kM, -1.0, 1.0));
    return GeoPoint{lambda / kDeg, phi / kDeg};
}

double equalEarthHalfWidth() {
    return equalEarth({180.0, 0.0}).x;
}

double equalEarthHalfHeight() {
    return yOf(std::numbers::pi / 3.0);
}

} // namespace chokepoint::core::map
