// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/date.h"

namespace chokepoint::core::io {

/// The plausible range of every numeric column of the interchange format (SPEC §2), checked
/// on import; docs/data-format.md lists them. Generous for any real company, they keep the
/// engines' arithmetic finite: the largest revenue (volume × price) is 1e21 a year and the
/// largest need (volume × quantity) 1e21 units, far from overflow, where values up to 1e308
/// used to turn scenario output into NaN (issue 17). Shares are fractions in [0, 1].
inline constexpr double kMaxQuantity = 1e9;       ///< recipes, product_bom: qty_per_unit
inline constexpr double kMaxVolume = 1e12;        ///< products: annual_volume (units a year)
inline constexpr double kMaxUnitPrice = 1e9;      ///< products: unit_price
inline constexpr double kMaxSpend = 1e13;         ///< supply: annual_spend (a year)
inline constexpr int kMaxDays = 36500;            ///< every *_days column: 100 years
inline constexpr double kMinPremiumPct = -100;    ///< alternatives: cost_premium_pct
inline constexpr double kMaxPremiumPct = 10000;   ///< a hundred times the price
inline constexpr int kMinYear = Date::kFirstYear; ///< sources, world_shares: year
inline constexpr int kMaxYear = Date::kLastYear;

} // namespace chokepoint::core::io
