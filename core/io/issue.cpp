// SPDX-License-Identifier: MIT
#include "core/io/issue.h"

#include "core/util/escape.h"

namespace chokepoint::core::io {

namespace {
std::string columnLetters(int column) {
    std::string s;
    for (int c = column; c > 0; c = (c - 1) / 26)
        s.insert(s.begin(), char('A' + (c - 1) % 26));
    return s;
}
} // namespace

std::string Location::toString() const {
    if (!sheet.empty()) {
        std::string s = file + ":" + sheet;
        if (line > 0)
            s += "!" + (column > 0 ? columnLetters(column) : std::string()) + std::to_string(line);
        return s;
    }
    std::string s = file;
    if (line > 0) {
        s += ":" + std::to_string(line);
        if (column > 0)
            s += ":" + std::to_string(column);
    }
    return s;
}

void IssueList::add(Location where, std::string message) {
    ++m_total;
    // Messages quote data (ids, cells, file and sheet names): its control characters are
    // written out, so that one issue stays one line and no escape sequence reaches a terminal.
    if (m_issues.size() < m_limit) {
        where.file = escapeControls(where.file);
        where.sheet = escapeControls(where.sheet);
        m_issues.push_back({std::move(where), escapeControls(message)});
    }
}

std::string IssueList::toString() const {
    std::string s;
    for (const auto& i : m_issues) {
        s += i.toString();
        s += '\n';
    }
    if (m_total > m_issues.size())
        s += "... and " + std::to_string(m_total - m_issues.size()) + " more errors\n";
    return s;
}

} // namespace chokepoint::core::io
