// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace chokepoint::core::io {

/// Where a problem was found, in the terms of the source format.
struct Location {
    std::string file;  ///< path as given by the user
    std::string sheet; ///< XLSX sheet; empty for CSV
    int line = 0;      ///< CSV physical line / XLSX row (1-based); 0 = whole file
    int column = 0;    ///< 1-based field index; 0 = whole line

    /// `file:line:column` for CSV, `file.xlsx:Sheet!C12` for XLSX.
    std::string toString() const;
};

/// One problem in an import, with its location.
struct Issue {
    Location where;
    std::string message;
    std::string toString() const { return where.toString() + ": " + message; }
};

/// Collects issues up to a limit, counting the rest, so a million bad rows cost little.
class IssueList {
public:
    explicit IssueList(size_t limit = 200)
        : m_limit(limit) {}
    /// Adds an issue; control characters in the message and location are escaped
    /// (escapeControls).
    void add(Location where, std::string message);
    /// Counts `n` issues found but not kept (those another list dropped), for total().
    void countDropped(size_t n) { m_total += n; }
    bool empty() const { return m_total == 0; }
    size_t total() const { return m_total; }
    bool full() const { return m_total >= m_limit; }
    const std::vector<Issue>& issues() const { return m_issues; }
    /// Every kept issue on its own line, plus "... and N more" when some were dropped.
    std::string toString() const;

private:
    size_t m_limit;
    size_t m_total = 0;
    std::vector<Issue> m_issues;
};

} // namespace chokepoint::core::io
