// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/io/columnmapping.h"
#include "core/io/rawtable.h"
#include "core/io/tableschema.h"

namespace chokepoint::core::io {

// Automatic matching of a source's own names (an ERP export's "Vendor No.", "Share %",
// "Supplier master") to interchange tables and fields. Scores say how sure a match is.
inline constexpr int kExactMatch = 100;   ///< the field's own name ("lead_time_days")
inline constexpr int kSynonymMatch = 90;  ///< a known synonym ("Vendor No." for supplier_id)
inline constexpr int kUnitMatch = 75;     ///< a name or synonym plus a unit ("Lead time (days)")
inline constexpr int kContainsMatch = 60; ///< holds a synonym of two or more words
inline constexpr int kMinMatchScore = kContainsMatch; ///< weaker scores are no match

/// A header reduced for matching: lower case ASCII, words of letters and digits separated by
/// one space, camelCase split, `%` read as "percent" and `#` as "no".
/// "Lead time (days)" -> "lead time days"; "Share %" -> "share percent";
/// "VendorNo." -> "vendor no"; "material_id" -> "material id".
std::string normalizeHeader(std::string_view text);

/// How well the source header `header` names column `column` of `table` (0 = not at all).
/// Synonyms depend on the table: "Plant" is `id` in sites but `supplier_site` in supply.
int matchScore(const TableSpec& table, size_t column, std::string_view header);

/// One-to-one assignment of source columns (`headers`) to the fields of `table`: for each
/// spec column, the index of its source column, or -1. Pairs are taken best score first (ties:
/// the earlier field, then the earlier column); scores below kMinMatchScore are left out.
std::vector<int> matchColumns(const TableSpec& table, const std::vector<std::string>& headers);

/// The table a file or sheet name stands for: the table's own name in any case and spelling
/// ("Supply", "site_technologies", "Site technologies") or a synonym ("Supplier master",
/// "Vendors" -> suppliers; "Purchase lines", "PO lines" -> supply; "Plants" -> sites).
/// Words such as "export", "list", "data" and years are ignored. nullptr when none fits.
const TableSpec* tableForSourceName(std::string_view name);

/// True when column `column` of `source` looks like a share written in percent without the
/// `%` sign: every non-empty cell is a plain number in [0, 100] and at least one is above 1
/// (a fraction cannot be). When the header itself says percent ("Share %", "Quota pct"),
/// numbers above 100 do not count against it (they are errors the check reports). Cells
/// written with `%` already say so: then false.
bool looksLikePercent(const RawTable& source, size_t column);

/// The proposed mapping of `source` into `table`: matchColumns() for the fields, and the
/// "values are percentages" tick on share fields whose column looksLikePercent().
TableMapping proposeTableMapping(const RawTable& source, const TableSpec& table);

/// Proposed mappings, one per source, in order:
/// - the primary table is the one the source's name stands for; otherwise the table with every
///   required field matched and the highest sum of scores; otherwise none (not imported);
/// - a source also fills every other company table whose required fields all match with at
///   least kUnitMatch and that no other source fills: suppliers and sites from a sheet of
///   purchase lines that names vendor, plant and country. Such derived tables read repeated
///   rows once (`distinct`) and get optional fields only from columns nothing else uses.
std::vector<SourceMapping> proposeMappings(const std::vector<RawTable>& sources);

} // namespace chokepoint::core::io
