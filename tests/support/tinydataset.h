// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/dataset.h"

namespace chokepoint::test {

/// A small valid workspace: two countries, an ore refined into a metal, one supplier site,
/// one supply link and one licence control.
inline core::Dataset tiny() {
    core::Dataset d;
    d.countries = {{"CHN", "China", std::nullopt}, {"DEU", "Germany", "Europe"}};
    d.materials = {{"ore", "Ore", core::Stage::Mining, "t"},
                   {"metal", "Metal", core::Stage::Refining, std::nullopt}};
    d.recipes = {{"metal", "ore", 2.5}};
    d.suppliers = {{"sup", "Supplier", "CHN", "CHN"}};
    d.sites = {{"s1", "sup", "CHN", "Plant", 30.5, 114.25, 120}};
    d.supply = {{"", "metal", "s1", 0.75, 1.5e6, 30}};
    d.controls = {{"c1",
                   "CHN",
                   "Control",
                   "No. 1",
                   core::Date::fromYmd(2023, 7, 3),
                   core::Date::fromYmd(2023, 8, 1),
                   std::nullopt,
                   core::ControlKind::Licence,
                   {},
                   45,
                   "S001"}};
    d.controlItems = {{"c1", core::ItemKind::Material, "metal"}};
    return d;
}
} // namespace chokepoint::test
