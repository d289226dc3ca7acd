// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/issue.h"

namespace chokepoint::core::io {

/// A table as read from a source, before typing: a header and rows of text cells.
/// Cells are stored in one arena to keep million-row imports cheap.
class RawTable {
public:
    std::string name; ///< interchange table name, e.g. "supply"
    std::string file; ///< for messages
    std::string sheet;
    std::vector<std::string> header;
    std::vector<int> headerColumns; ///< source column (1-based) of each header entry
    int headerLine = 1;
    /// False when the reader stopped before the end of the table (or could not read its
    /// header): what the rest held is unknown, so references into it are not checked.
    bool complete = true;

    /// A record the reader could not take (wrong number of fields, bad bytes): its fields as
    /// far as they go, so that the checks between tables know the key it gave and report no
    /// "unknown" reference to it (SPEC §2: one bad row, one error).
    struct RejectedRow {
        int line = 0;
        std::vector<std::string> fields;
    };
    std::vector<RejectedRow> rejected;

    size_t rowCount() const { return m_lines.size(); }
    size_t columnCount() const { return header.size(); }
    std::string_view cell(size_t row, size_t col) const {
        const size_t i = row * header.size() + col;
        return {m_text.data() + m_start[i], m_len[i]};
    }
    int lineOf(size_t row) const { return m_lines[row]; }
    /// Location of a cell; col is an index into `header`.
    Location locate(size_t row, size_t col) const;
    Location locateHeader(size_t col) const;
    Location locateRow(size_t row) const;

    // Building: beginRow(line), then exactly columnCount() appendCell() calls.
    void reserve(size_t rows, size_t bytes);
    void beginRow(int line) { m_lines.push_back(line); }
    void appendCell(std::string_view text);
    size_t arenaSize() const { return m_text.size(); }

private:
    std::string m_text;
    std::vector<uint32_t> m_start;
    std::vector<uint32_t> m_len;
    std::vector<int> m_lines;
};

} // namespace chokepoint::core::io
