// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/analysis/exposureengine.h"

namespace chokepoint::core::analysis {

/// One of the three lists of an exposure result.
enum class ExposureList { Materials, Products, Suppliers };

/// "material", "product" or "supplier" (the values of `--by`).
std::optional<ExposureList> parseExposureList(std::string_view text);

/// The JSON document of SPEC §5 (keys documented in docs/json-output.md): lens, as_of and all
/// three lists, fractions as plain numbers, null for missing figures.
std::string exposureToJson(const Network& net, const ExposureResult& r);

/// CSV for a spreadsheet: one list with its own columns, or (no list given) all three in one
/// table with a leading `list` column and the union of the columns. Empty cell = missing.
std::string exposureToCsv(const Network& net, const ExposureResult& r,
                          std::optional<ExposureList> only = std::nullopt);

/// Aligned text tables for a terminal, with percentages and money; all lists or one.
std::string exposureToTable(const Network& net, const ExposureResult& r,
                            std::optional<ExposureList> only = std::nullopt);

} // namespace chokepoint::core::analysis
