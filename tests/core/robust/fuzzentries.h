// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/io/rawtable.h"

namespace chokepoint::test::fuzz {

// The bodies of the libFuzzer targets in tests/fuzz/, shared with the regression tests in
// tests/core/robust/ so that a saved crash input replays exactly what the fuzzer ran.
//
// Each entry feeds one input to a reader and checks properties that must hold for any input.
// It returns the first violated property ("" when none); crashes and sanitizer reports are the
// other way to fail. Entries are deterministic and keep no state between calls except
// read-only fixtures built on first use.

/// parseCsv: a failure always comes with an issue; a table read without issues writes back
/// (appendCsvField) to text that reads as the same table.
std::string csvEntry(std::string_view data);

/// readXlsxWorkbook on `data` written to `scratchPath`: a failure always comes with an issue;
/// what it reads goes through the cell conversion without harm.
std::string xlsxEntry(std::string_view data, const std::string& scratchPath);

/// parseScenarioDetailed against the small test network (and without one): a scenario comes
/// back exactly when there is no issue, it passes validateScenario, scenarioToJson reads
/// back as the same scenario, and a short run of it gives output fractions in [0, 1].
std::string scenarioEntry(std::string_view data);

/// Several CSV tables (see splitTables) through convertTables and crossCheck, against an
/// empty workspace or the small test network. Data that validates must also store, load
/// back unchanged, re-import unchanged from its CSV and XLSX export (SPEC §2:
/// import(export(w)) reproduces w) and build a Network the exposure engine runs on.
/// `scratchDir` is a writable folder for the XLSX file.
std::string validatorEntry(std::string_view data, const std::string& scratchDir);

/// The validator input format: an optional first line `K` (keep the small test network as
/// the workspace; otherwise it is empty), then sections each starting with a line
/// `@@<table>` followed by that table's CSV text. Text before the first section is ignored.
struct FuzzTables {
    bool keepNetwork = false;
    std::vector<core::io::RawTable> tables;
    size_t parseIssues = 0; ///< CSV problems found while reading the sections
};
FuzzTables splitTables(std::string_view data);

} // namespace chokepoint::test::fuzz
