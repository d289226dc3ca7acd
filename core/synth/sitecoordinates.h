// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

#include "core/model/dataset.h"

namespace chokepoint::core::synth {

/// Gives the synthetic network's sites map coordinates: nine in ten are scattered within
/// about 1.5° of one of a few industrial or mining towns of their country (Ningde, Kolwezi,
/// Salta, …), the tenth keeps none (the map draws those at the country's centre). Draws from
/// its own random stream (from `seed`), so every other generated value stays as it was.
/// Sites in countries without towns in the table keep no coordinates.
void placeSyntheticSites(Dataset& data, uint64_t seed);

} // namespace chokepoint::core::synth
