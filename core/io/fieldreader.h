// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "core/io/tableschema.h"
#include "core/model/date.h"

namespace chokepoint::core::io {

/// True for 1-64 characters of [A-Za-z0-9_.-].
bool isValidId(std::string_view s);
/// Parses a finite decimal number; with allowPercent, "62.5%" gives 0.625.
std::optional<double> parseNumber(std::string_view s, bool allowPercent);

/// Maps a raw table's header onto a table spec: which raw column holds each spec column.
/// Reports unknown, duplicate and missing required columns.
class ColumnMap {
public:
    ColumnMap(const RawTable& raw, const TableSpec& spec, IssueList& issues);
    /// False when a required column is missing: the rows cannot be read. Unknown and
    /// duplicate columns are reported but leave the rows readable (the first of two
    /// duplicates is read), so that their own errors come in the same pass.
    bool ok() const { return m_ok; }
    /// Raw column of the spec column `name`, or -1 when the source does not have it.
    int operator[](std::string_view name) const;

private:
    const TableSpec& m_spec;
    std::vector<int> m_rawIndex; // per spec column
    bool m_ok = true;
};

/// Reads typed values from one raw row, reporting problems with their cell location.
/// Values are trimmed of surrounding spaces except free text, which is kept as is.
class FieldReader {
public:
    FieldReader(const RawTable& raw, size_t row, IssueList& issues)
        : m_raw(raw)
        , m_row(row)
        , m_issues(issues) {}
    bool ok() const { return m_ok; }

    std::string id(int col, std::string_view what);
    std::string optId(int col, std::string_view what);
    /// A `;`-separated list of ids (empty cell: empty list).
    std::vector<std::string> idList(int col, std::string_view what);
    std::string text(int col, std::string_view what);
    std::optional<std::string> optText(int col);
    double number(int col, std::string_view what, double min, double max, bool percent = false);
    std::optional<double> optNumber(int col, std::string_view what, double min, double max);
    std::optional<int> optInteger(int col, std::string_view what, int min, int max);
    int integer(int col, std::string_view what, int min, int max);
    Date date(int col, std::string_view what);
    std::optional<Date> optDate(int col, std::string_view what);
    /// The cell trimmed; empty for an absent column.
    std::string_view cell(int col) const;
    void fail(int col, std::string message);

private:
    const RawTable& m_raw;
    size_t m_row;
    IssueList& m_issues;
    bool m_ok = true;
};

} // namespace chokepoint::core::io
