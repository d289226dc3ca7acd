// SPDX-License-Identifier: MIT
#include "core/io/fieldreader.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "core/io/csv.h"

namespace chokepoint::core::io {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::string quote(std::string_view s) {
    constexpr size_t kMax = 40;
    std::string q = "'";
    q.append(s.substr(0, kMax));
    if (s.size() > kMax)
        q += "...";
    q += "'";
    return q;
}

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return r;
}

} // namespace

bool isValidId(std::string_view s) {
    if (s.empty() || s.size() > 64)
        return false;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

std::optional<double> parseNumber(std::string_view s, bool allowPercent) {
    s = trim(s);
    bool percent = false;
    if (allowPercent && !s.empty() && s.back() == '%') {
        percent = true;
        s.remove_suffix(1);
        s = trim(s);
    }
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty())
        return std::nullopt;
    // from_chars accepts "inf"/"nan"; a number must start with a digit, '.', or '-'.
    const char c0 = s.front();
    if (!((c0 >= '0' && c0 <= '9') || c0 == '.' || c0 == '-'))
        return std::nullopt;
    double v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec != std::errc() || res.ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    if (percent)
        v /= 100.0;
    if (v == 0.0)
        v = 0.0; // -0 reads as 0
    return v;
}

ColumnMap::ColumnMap(const RawTable& raw, const TableSpec& spec, IssueList& issues)
    : m_spec(spec)
    , m_rawIndex(spec.columns.size(), -1) {
    for (size_t i = 0; i < raw.header.size(); ++i) {
        const std::string name = lower(raw.header[i]);
        const int s = spec.columnIndex(name);
        if (s < 0) {
            std::string known;
            for (const auto& c : spec.columns)
                known += (known.empty() ? "" : ", ") + std::string(c.name);
            issues.add(raw.locateHeader(i), "unknown column " + quote(raw.header[i]) +
                                                " in table " + std::string(spec.name) +
                                                " (expected: " + known + ")");
            continue; // an error, but the rows are still read (the column is ignored)
        }
        if (m_rawIndex[size_t(s)] >= 0) {
            issues.add(raw.locateHeader(i), "duplicate column " + quote(raw.header[i]));
            continue; // the first of the two is read
        }
        m_rawIndex[size_t(s)] = int(i);
    }
    for (size_t s = 0; s < spec.columns.size(); ++s) {
        if (spec.columns[s].required && m_rawIndex[s] < 0) {
            issues.add({raw.file, raw.sheet, raw.headerLine, 0},
                       "missing required column '" + std::string(spec.columns[s].name) + "'");
            m_ok = false;
        }
    }
}

int ColumnMap::operator[](std::string_view name) const {
    const int s = m_spec.columnIndex(name);
    return s < 0 ? -1 : m_rawIndex[size_t(s)];
}

std::string_view FieldReader::cell(int col) const {
    if (col < 0)
        return {};
    return trim(m_raw.cell(m_row, size_t(col)));
}

void FieldReader::fail(int col, std::string message) {
    m_ok = false;
    m_issues.add(col < 0 ? m_raw.locateRow(m_row) : m_raw.locate(m_row, size_t(col)),
                 std::move(message));
}

std::string FieldReader::id(int col, std::string_view what) {
    const auto v = cell(col);
    if (v.empty()) {
        fail(col, "missing " + std::string(what));
        return {};
    }
    if (!isValidId(v)) {
        fail(col, "invalid " + std::string(what) + " " + quote(v) +
                      " (ids are 1-64 characters of A-Z a-z 0-9 _ . -)");
        return {};
    }
    return std::string(v);
}

std::string FieldReader::optId(int col, std::string_view what) {
    if (cell(col).empty())
        return {};
    return id(col, what);
}

std::vector<std::string> FieldReader::idList(int col, std::string_view what) {
    std::vector<std::string> ids = splitIdList(cell(col));
    for (const std::string& v : ids)
        if (!isValidId(v)) {
            fail(col, "invalid " + std::string(what) + " " + quote(v) +
                          " (a list of ids separated by ';'; ids are 1-64 characters of "
                          "A-Z a-z 0-9 _ . -)");
            return {};
        }
    return ids;
}

std::string FieldReader::text(int col, std::string_view what) {
    const auto raw = col < 0 ? std::string_view() : m_raw.cell(m_row, size_t(col));
    if (trim(raw).empty()) {
        fail(col, "missing " + std::string(what));
        return {};
    }
    return std::string(raw);
}

std::optional<std::string> FieldReader::optText(int col) {
    const auto raw = col < 0 ? std::string_view() : m_raw.cell(m_row, size_t(col));
    if (raw.empty())
        return std::nullopt;
    return std::string(raw);
}

double FieldReader::number(int col, std::string_view what, double min, double max, bool percent) {
    const auto v = cell(col);
    if (v.empty()) {
        fail(col, "missing " + std::string(what));
        return 0;
    }
    const auto n = parseNumber(v, percent);
    if (!n) {
        fail(col, std::string(what) + " " + quote(v) + " is not a number");
        return 0;
    }
    if (*n < min || *n > max) {
        const std::string range =
            max == std::numeric_limits<double>::max()
                ? "at least " + formatNumber(min)
                : "between " + formatNumber(min) + " and " + formatNumber(max);
        fail(col, std::string(what) + " " + quote(v) + " must be " + range);
        return 0;
    }
    return *n;
}

std::optional<double> FieldReader::optNumber(int col, std::string_view what, double min,
                                             double max) {
    if (cell(col).empty())
        return std::nullopt;
    return number(col, what, min, max);
}

int FieldReader::integer(int col, std::string_view what, int min, int max) {
    const auto v = cell(col);
    const auto n = parseNumber(v, false);
    if (v.empty() || !n || std::floor(*n) != *n) {
        fail(col, std::string(what) + " " + quote(v) + " is not a whole number");
        return 0;
    }
    if (*n < min || *n > max) {
        fail(col, std::string(what) + " " + quote(v) + " must be between " + std::to_string(min) +
                      " and " + std::to_string(max));
        return 0;
    }
    return int(*n);
}

std::optional<int> FieldReader::optInteger(int col, std::string_view what, int min, int max) {
    if (cell(col).empty())
        return std::nullopt;
    return integer(col, what, min, max);
}

Date FieldReader::date(int col, std::string_view what) {
    const auto v = cell(col);
    const auto d = Date::parse(v);
    if (!d) {
        fail(col, v.empty() ? "missing " + std::string(what)
                            : std::string(what) + " " + quote(v) + " " + Date::parseProblem(v));
        return {};
    }
    return *d;
}

std::optional<Date> FieldReader::optDate(int col, std::string_view what) {
    if (cell(col).empty())
        return std::nullopt;
    return date(col, what);
}

} // namespace chokepoint::core::io
