// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace chokepoint::core::io {

/// Bounds on what one import may hold, counted on the decoded data, not on the file: a small
/// hostile file (a zip bomb, one long shared string used in every cell, a CSV of empty fields)
/// is refused with an issue long before it exhausts memory, and a command's memory stays well
/// under 1 GiB whatever the input (docs/data-format.md, "Limits").
struct ReadLimits {
    /// Cells of every table of the import together (rows × header columns): 16,777,216,
    /// sixteen times the 1,000,000-row supply table of the performance targets.
    uint64_t maxCells = uint64_t(1) << 24;
    /// Bytes of cell text of every table of the import together (256 MiB).
    uint64_t maxText = uint64_t(256) << 20;
    /// Size of one CSV file (256 MiB; it is read whole).
    uint64_t maxFileSize = uint64_t(256) << 20;
    /// Columns of a header, fields of a CSV record: the .xlsx limit (column XFD).
    int maxColumns = 16384;
    /// Characters of one .xlsx cell or shared string: Excel's own limit.
    int maxCellLength = 32767;
    /// Shared strings of one workbook: 4,194,304, four times the rows a sheet holds (a part of
    /// empty `<si/>` items, 5 bytes each, is read in about a second up to this limit).
    uint64_t maxSharedStrings = uint64_t(1) << 22;
};

/// What one import has read so far, against its limits. Not thread-safe.
class ReadBudget {
public:
    explicit ReadBudget(ReadLimits limits = {})
        : m_limits(limits) {}
    const ReadLimits& limits() const { return m_limits; }

    /// Counts a row of `cells` cells holding `bytes` bytes of text; false once a limit is
    /// exceeded (message() then says which).
    bool take(uint64_t cells, uint64_t bytes) {
        m_cells += cells;
        m_text += bytes;
        return m_cells <= m_limits.maxCells && m_text <= m_limits.maxText;
    }
    /// True once take() refused.
    bool exceeded() const { return m_cells > m_limits.maxCells || m_text > m_limits.maxText; }
    /// Why take() refused, for an issue.
    std::string message() const {
        if (m_cells > m_limits.maxCells)
            return "the import holds more than " + std::to_string(m_limits.maxCells) +
                   " cells (rows times columns, every table together), the limit; split it "
                   "into smaller imports";
        return "the import holds more than " + std::to_string(m_limits.maxText >> 20) +
               " MiB of cell text, the limit; split it into smaller imports";
    }

private:
    ReadLimits m_limits;
    uint64_t m_cells = 0;
    uint64_t m_text = 0;
};

} // namespace chokepoint::core::io
