// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/date.h"

namespace chokepoint::core::io {

/// Sheet limits of the .xlsx format.
inline constexpr int kXlsxMaxColumns = 16384; // XFD
inline constexpr int kXlsxMaxRows = 1048576;

/// 1-based column number of the letters of a cell reference: "A" = 1, "Z" = 26, "AA" = 27,
/// "XFD" = 16384 (upper or lower case). Returns 0 when `letters` is empty or holds anything
/// but letters, and -1 when the letters name a column beyond XFD.
int xlsxColumnFromLetters(std::string_view letters);

/// Letters of a 1-based column number: 1 = "A", 28 = "AB", 16384 = "XFD".
std::string xlsxColumnLetters(int column);

/// A cell reference such as "C12", split into its 1-based column and row.
struct XlsxCellRef {
    int column = 0; ///< 0 = malformed, -1 = beyond XFD
    int row = 0;    ///< 0 = malformed or beyond row 1048576
};
/// Parses "C12" (no `$`, no sheet). Check `column > 0 && row > 0` before use.
XlsxCellRef parseXlsxCellRef(std::string_view ref);

/// The calendar day of the whole serial day number `serial` in the workbook's date system.
/// 1900 system: 1 = 1900-01-01, 59 = 1900-02-28; 60 is Lotus 1-2-3's 1900-02-29, which
/// does not exist (nullopt); 61 = 1900-03-01. 1904 system: 0 = 1904-01-01.
/// nullopt for days before the system's first day and after 9999-12-31.
std::optional<Date> xlsxSerialToDate(long long serial, bool date1904);

/// Text of a date-formatted numeric cell: `YYYY-MM-DD` for whole days,
/// `YYYY-MM-DD HH:MM:SS` with a time of day, `HH:MM:SS` for a pure time (1900 system,
/// serial below 1), `1900-02-29` for serial 60 (1900 system); numbers that are no date
/// (negative, past 9999-12-31, not finite) stay plain numbers.
std::string xlsxDateText(double serial, bool date1904);

/// True for built-in number formats that show dates or times: 14-22, 45-47 and the East
/// Asian date formats 27-36 and 50-58.
bool isXlsxBuiltinDateFormat(int numFmtId);
/// True when a custom number format code shows a date or time: it holds y, m, d, h or s
/// outside quoted text, `[...]` sections and `\`-escaped, `_` or `*` characters.
bool isXlsxDateFormatCode(std::string_view code);

/// Decodes the `_xHHHH_` escapes of OOXML strings (e.g. `_x000D_` = CR, `_x005F_` = `_`).
std::string decodeXlsxEscapes(std::string_view text);
/// Escapes text so that a reader decoding `_xHHHH_` gets it back unchanged: every `_` that
/// starts such a pattern becomes `_x005F_`.
std::string escapeXlsxUnderscores(std::string_view text);

} // namespace chokepoint::core::io
