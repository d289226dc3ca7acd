// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "core/io/tableschema.h"
#include "core/model/dataset.h"

namespace chokepoint::core::io {

// A column mapping turns a source in its own layout (an ERP export: "Vendor No.", "Share %")
// into interchange tables before validation. Mapped tables keep the source's file, sheet,
// lines and column numbers, so every validation issue still points at the original cell.

/// Where one field of a target table comes from.
struct FieldSource {
    int column = -1;      ///< index into the source's header; -1 = not mapped (left empty)
    bool percent = false; ///< share fields: plain numbers are percentages (45 means 45 %)
    bool operator==(const FieldSource&) const = default;
};

/// One interchange table filled from one source.
struct TableMapping {
    std::string table;               ///< interchange table name ("supply")
    std::vector<FieldSource> fields; ///< one per column of the table's spec, in spec order
    bool distinct = false;           ///< rows repeated exactly (after mapping) are read once
    bool operator==(const TableMapping&) const = default;
};

/// Everything read from one source (a CSV file or a sheet). No tables: not imported.
struct SourceMapping {
    std::vector<TableMapping> tables;
    bool operator==(const SourceMapping&) const = default;
};

/// A mapping of `table` with every field unmapped (an unknown table: empty name, no fields).
TableMapping emptyTableMapping(std::string_view table);

/// Country fields hold iso3 codes: world_shares.country, controls.issuer and target_country,
/// suppliers.hq_country and owner_country, sites.country, site_technologies.source_country
/// (and the profile's value on its company_country row, which applyTableMapping converts too).
bool isCountryField(std::string_view table, std::string_view column);

/// Country names and codes, lower-cased, to iso3 ("china" -> "CHN", "chn" -> "CHN").
using CountryCodes = std::unordered_map<std::string, std::string>;
CountryCodes countryCodes(const std::vector<Country>& countries);

struct MappingOptions {
    /// Country fields whose value (trimmed, any case) is a name or code in here are written as
    /// the iso3 code ("China" -> "CHN"); other values stay as they are. Null: no conversion.
    const CountryCodes* countries = nullptr;
    /// Called now and then with the fraction done; return false to cancel.
    std::function<bool(double)> progress;
};

/// The interchange table that `mapping` makes of `source`: name = the target table, header =
/// the mapped fields in spec order, `headerColumns`, `file`, `sheet` and each row's line taken
/// from the source. Cell text is copied, except: percent fields mark a plain number as
/// percent ("45" -> "45%", read as 0.45; "45%" and text stay as written); country fields as in
/// MappingOptions. Rows whose mapped cells are all blank are skipped; with `distinct`, a row
/// equal to an earlier one is skipped too (the first keeps its line).
RawTable applyTableMapping(const RawTable& source, const TableMapping& mapping,
                           const CountryCodes* countries = nullptr);

/// The mapped tables of a whole import, in source order and, per source, mapping order.
struct MappedTables {
    struct Origin {
        size_t source = 0;  ///< index of the source
        size_t mapping = 0; ///< index into that source's SourceMapping::tables
    };
    std::vector<RawTable> tables;
    std::vector<Origin> origins; ///< one per table
};

/// Applies `mappings[i]` to `sources[i]` for every source (sizes must match). Returns false
/// when cancelled through options.progress (then `out` is incomplete).
bool applyMapping(const std::vector<RawTable>& sources, const std::vector<SourceMapping>& mappings,
                  const MappingOptions& options, MappedTables& out);

/// What keeps a mapping from being imported, in words for the user, e.g.
/// "Purchase lines → supply: no column for the required field 'share'" or
/// "supply is filled from two sources (a.csv and b.csv)". Empty when the mapping can be used.
std::vector<std::string> mappingProblems(const std::vector<RawTable>& sources,
                                         const std::vector<SourceMapping>& mappings);

/// A cell as the import will read it: the typed value (monostate for an empty cell), or
/// nullopt when the text is not valid for the column's type (the validator's message says
/// why). Shares accept "62.5%". Cross-row rules (references, sums) are not checked here.
std::optional<Cell> readValue(const ColumnSpec& column, std::string_view text);

/// A cell of the mapped tables.
struct MappedCell {
    size_t table = 0; ///< index into MappedTables::tables
    size_t row = 0;
    int column = -1; ///< -1: the location names no mapped column (whole row, unused column)
};

/// Where a validation issue's location lies in the mapped tables: the first table from the
/// same file and sheet that holds the line, preferring one that maps the location's column.
/// nullopt when no mapped table holds that line (a header or whole-file issue).
std::optional<MappedCell> findMappedCell(const MappedTables& mapped, const Location& where);

/// The key under which a source's mapping is saved in the workspace's meta table: derived from
/// the source's header signature (its normalised column names in order), so a later export
/// with the same columns finds it, whatever the file is called.
std::string mappingKey(const RawTable& source);
/// The mapping as JSON, fields naming their source columns by header text.
std::string mappingToJson(const SourceMapping& mapping, const RawTable& source);
/// The mapping saved by mappingToJson() for `source`; fields whose column is gone are left
/// unmapped, unknown tables dropped. nullopt when the text is not such a mapping.
std::optional<SourceMapping> mappingFromJson(std::string_view json, const RawTable& source);

} // namespace chokepoint::core::io
