// SPDX-License-Identifier: MIT
#include "core/synth/sitecoordinates.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <span>
#include <string_view>

#include "core/synth/generator.h"

namespace chokepoint::core::synth {

namespace {

struct Town {
    double lat, lon;
};
struct CountryTowns {
    std::string_view iso3;
    std::span<const Town> towns;
};

// Industrial and mining towns of the generator's twenty countries (public place coordinates,
// rounded to 0.01°).
constexpr Town kChn[] = {{26.66, 119.55}, {28.77, 104.62}, {28.23, 112.94},
                         {22.54, 114.06}, {40.66, 109.84}, {25.83, 114.93}};
constexpr Town kAus[] = {{-30.75, 121.47}, {-32.24, 115.77}, {-20.31, 118.60}};
constexpr Town kChl[] = {{-23.65, -70.40}, {-23.50, -68.25}};
constexpr Town kCod[] = {{-10.72, 25.47}, {-11.66, 27.48}};
constexpr Town kIdn[] = {{-2.85, 122.15}, {0.45, 127.95}};
constexpr Town kArg[] = {{-24.78, -65.41}, {-27.00, -66.90}};
constexpr Town kCan[] = {{46.49, -80.99}, {46.34, -72.43}};
constexpr Town kUsa[] = {{39.53, -119.81}, {42.33, -83.05}, {35.24, -81.34}};
constexpr Town kKor[] = {{36.71, 127.43}, {36.02, 129.34}, {36.12, 128.34}};
constexpr Town kJpn[] = {{34.71, 137.73}, {34.69, 135.50}};
constexpr Town kDeu[] = {{50.98, 11.03}, {52.15, 10.33}};
constexpr Town kFin[] = {{61.31, 22.14}, {63.84, 23.13}};
constexpr Town kMar[] = {{33.10, -8.64}, {35.76, -5.83}};
constexpr Town kBra[] = {{-19.59, -46.94}, {-23.55, -46.63}};
constexpr Town kInd[] = {{13.08, 80.27}, {18.52, 73.86}};
constexpr Town kVnm[] = {{20.84, 106.69}, {10.82, 106.63}};
constexpr Town kHun[] = {{47.53, 21.63}, {47.68, 19.13}};
constexpr Town kPol[] = {{51.11, 17.03}, {50.47, 17.33}};
constexpr Town kPhl[] = {{9.79, 125.49}, {14.60, 120.98}};
constexpr Town kZaf[] = {{-25.67, 27.24}, {-27.45, 23.43}};

constexpr CountryTowns kTowns[] = {{"CHN", kChn}, {"AUS", kAus}, {"CHL", kChl}, {"COD", kCod},
                                   {"IDN", kIdn}, {"ARG", kArg}, {"CAN", kCan}, {"USA", kUsa},
                                   {"KOR", kKor}, {"JPN", kJpn}, {"DEU", kDeu}, {"FIN", kFin},
                                   {"MAR", kMar}, {"BRA", kBra}, {"IND", kInd}, {"VNM", kVnm},
                                   {"HUN", kHun}, {"POL", kPol}, {"PHL", kPhl}, {"ZAF", kZaf}};

constexpr double kRadiusDeg = 1.5;
constexpr double kWithout = 0.1; // share of sites left without coordinates

std::span<const Town> townsOf(std::string_view iso3) {
    for (const auto& c : kTowns)
        if (c.iso3 == iso3)
            return c.towns;
    return {};
}

double round3(double x) {
    return std::round(x * 1000.0) / 1000.0;
}

} // namespace

void placeSyntheticSites(Dataset& data, uint64_t seed) {
    SplitMix64 rng(seed ^ 0x6d61702d73697465ULL); // "map-site": a stream of its own
    for (Site& s : data.sites) {
        // Three draws per site whatever happens, so one site's fate never shifts another's.
        const double keep = rng.uniform();
        const double pick = rng.uniform();
        const double angle = rng.uniform(0.0, 2.0 * std::numbers::pi);
        const double dist = kRadiusDeg * std::sqrt(rng.uniform()); // uniform over the disc
        const auto towns = townsOf(s.country);
        if (towns.empty() || keep < kWithout)
            continue;
        const Town& t = towns[size_t(pick * double(towns.size())) % towns.size()];
        const double lat = std::clamp(t.lat + dist * std::sin(angle), -89.0, 89.0);
        // Degrees of longitude shrink with latitude: keep the scatter round on the ground.
        const double lon =
            t.lon + dist * std::cos(angle) / std::cos(t.lat * std::numbers::pi / 180);
        s.lat = round3(lat);
        s.lon = round3(lon);
    }
}

} // namespace chokepoint::core::synth
