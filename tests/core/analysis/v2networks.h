// SPDX-License-Identifier: MIT
// A small hand-made network for the rules of methodology v2 (SPEC §3): exports vs domestic
// flows, a measure aimed at the US only, technology controls on plants abroad, unknown
// technology sources, a scheduled resumption, several issuers of one material, world shares
// summing under 0.8 and materials without world shares. The tests worked out every figure
// they check for it by hand, in their comments.
#pragma once

#include <optional>
#include <string>

#include "core/model/dataset.h"

namespace chokepoint::test {

/// The rules network; `companyCountry` empty = no company_country in the profile.
///
///   countries CHN, DEU, USA, MAR, KOR; profile: company_country (default DEU), reference
///   cut-off 2026-01-31
///   materials: ore, gra, ge (no recipe); lfp <- ore; anode <- gra; cat, mag, mag2 (no recipe)
///   world shares: ore CHN .5 MAR .2 KOR .15 (sum .85); gra CHN .9; ge CHN .6 USA .1 (sum .7);
///                 lfp CHN .7 KOR .2; mag and mag2 none; cat CHN .6 KOR .3; anode none
///   technology tl (cathode process)
///   controls (all confirmed unless said):
///     cOre  CHN licence ore        from 2024-01-01, every destination
///     cMa   MAR licence ore        from 2024-01-01, every destination
///     cUs   CHN country_ban gra    from 2024-12-03, target USA only
///     cTech CHN licence tech tl    from 2025-07-15
///     cGe   CHN licence ge         2025-10-09 until 2025-11-10 (suspended)
///     cGeR  CHN licence ge         from 2026-11-10, status scheduled (the resumption)
///     cMag  CHN licence mag        from 2024-01-01
///   sites: cnMine CHN (ore, gra, ge), maMine MAR (ore), cnRef CHN (lfp), maRef MAR (lfp),
///          maCat MAR uses tl from CHN, cnCat CHN uses tl from CHN, krCat KOR uses tl from
///          KOR, krCatU KOR uses tl of unknown source, usAnode USA (anode), krMag KOR (mag,
///          mag2)
///   supply (buyer <- supplier share [spend]):
///     cnRef ore <- cnMine 1.0          (inside China)
///     maRef ore <- cnMine 0.8          (an export to Morocco; 0.2 unknown)
///     usAnode gra <- cnMine 1.0        (an export to the US)
///     us: ore <- maMine 0.5 [50] (0.5 unknown); lfp <- cnRef 0.5 [100], maRef 0.5 [100];
///         cat <- maCat, cnCat, krCat, krCatU 0.25 each; anode <- usAnode 1.0;
///         gra <- cnMine 1.0; ge <- cnMine 1.0; mag <- krMag 0.5; mag2 <- krMag 0.5
///   product P: 100 units at 10 (revenue 1,000), BOM lfp 1 and cat 1
core::Dataset rulesNetwork(const std::string& companyCountry = "DEU");

} // namespace chokepoint::test
