// SPDX-License-Identifier: MIT
#include "core/io/rawtable.h"

#include <stdexcept>

namespace chokepoint::core::io {

Location RawTable::locate(size_t row, size_t col) const {
    return {file, sheet, m_lines[row], col < headerColumns.size() ? headerColumns[col] : 0};
}

Location RawTable::locateHeader(size_t col) const {
    return {file, sheet, headerLine, col < headerColumns.size() ? headerColumns[col] : 0};
}

Location RawTable::locateRow(size_t row) const {
    return {file, sheet, m_lines[row], 0};
}

void RawTable::reserve(size_t rows, size_t bytes) {
    m_lines.reserve(rows);
    m_start.reserve(rows * header.size());
    m_len.reserve(rows * header.size());
    m_text.reserve(bytes);
}

void RawTable::appendCell(std::string_view text) {
    if (m_text.size() + text.size() > UINT32_MAX)
        throw std::length_error("table larger than 4 GiB");
    m_start.push_back(static_cast<uint32_t>(m_text.size()));
    m_len.push_back(static_cast<uint32_t>(text.size()));
    m_text.append(text);
}

} // namespace chokepoint::core::io
