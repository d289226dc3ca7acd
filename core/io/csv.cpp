// SPDX-License-Identifier: MIT
#include "core/io/csv.h"

#include <charconv>
#include <cstring>
#include <deque>

#include "core/util/inputfile.h"

namespace chokepoint::core::io {
namespace {

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t invalidUtf8(std::string_view s) {
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        unsigned min = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        unsigned cp = c & (0xFF >> (len + 1));
        for (size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

class Parser {
public:
    Parser(std::string_view buf, const std::string& file, IssueList& issues, size_t maxFields)
        : m_buf(buf)
        , m_file(file)
        , m_issues(issues)
        , m_maxFields(maxFields) {}

    enum class Status { Ok, End, Fatal };

    // Reads the next record (skipping blank lines) into fields().
    Status next() {
        while (true) {
            Status s = record();
            if (s != Status::Ok)
                return s;
            if (m_fields.size() == 1 && m_fields[0].empty() && !m_firstQuoted)
                continue; // blank line
            return Status::Ok;
        }
    }

    const std::vector<std::string_view>& fields() const { return m_fields; }
    int recordLine() const { return m_recordLine; }

private:
    Status record() {
        m_fields.clear();
        m_scratchUsed = 0;
        if (m_pos >= m_buf.size())
            return Status::End;
        m_recordLine = m_line;
        const size_t n = m_buf.size();
        while (true) {
            std::string_view field;
            const bool quoted = m_pos < n && m_buf[m_pos] == '"';
            if (m_fields.empty())
                m_firstQuoted = quoted;
            if (quoted) {
                const int startLine = m_line;
                size_t chunk = ++m_pos;
                std::string* un = nullptr;
                while (true) {
                    if (m_pos >= n) {
                        m_issues.add({m_file, {}, startLine, int(m_fields.size()) + 1},
                                     "unterminated quoted field (missing closing \")");
                        return Status::Fatal;
                    }
                    const char c = m_buf[m_pos];
                    if (c == '"') {
                        if (m_pos + 1 < n && m_buf[m_pos + 1] == '"') {
                            if (!un)
                                un = &scratch();
                            un->append(m_buf.substr(chunk, m_pos + 1 - chunk));
                            m_pos += 2;
                            chunk = m_pos;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n')
                        ++m_line;
                    ++m_pos;
                }
                if (un) {
                    un->append(m_buf.substr(chunk, m_pos - chunk));
                    field = *un;
                } else {
                    field = m_buf.substr(chunk, m_pos - chunk);
                }
                ++m_pos; // closing quote
                if (m_pos < n && m_buf[m_pos] != ',' && m_buf[m_pos] != '\n' &&
                    m_buf[m_pos] != '\r') {
                    m_issues.add({m_file, {}, m_line, int(m_fields.size()) + 1},
                                 "unexpected character after a closing quote (a quote inside "
                                 "a quoted field must be doubled: \"\")");
                    return Status::Fatal;
                }
            } else {
                const size_t start = m_pos;
                while (m_pos < n) {
                    const char c = m_buf[m_pos];
                    if (c == ',' || c == '\n' || c == '\r')
                        break;
                    ++m_pos;
                }
                field = m_buf.substr(start, m_pos - start);
            }
            if (m_fields.size() == m_maxFields) {
                m_issues.add({m_file, {}, m_recordLine, 0},
                             "more than " + std::to_string(m_maxFields) +
                                 " fields in one record (the limit); is this a CSV file?");
                return Status::Fatal;
            }
            m_fields.push_back(field);
            if (m_pos >= n)
                return Status::Ok;
            if (m_buf[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_buf[m_pos] == '\r' && m_pos + 1 < n && m_buf[m_pos + 1] == '\n')
                ++m_pos;
            ++m_pos;
            ++m_line;
            return Status::Ok;
        }
    }

    std::string& scratch() {
        if (m_scratchUsed == m_scratch.size())
            m_scratch.emplace_back();
        std::string& s = m_scratch[m_scratchUsed++];
        s.clear();
        return s;
    }

    std::string_view m_buf;
    const std::string& m_file;
    IssueList& m_issues;
    size_t m_maxFields;
    size_t m_pos = 0;
    int m_line = 1;
    int m_recordLine = 1;
    bool m_firstQuoted = false;
    std::vector<std::string_view> m_fields;
    // Unescaped fields of the current record; fields() views point into them. A deque, not a
    // vector: growing a vector moves the strings, and a moved short (SSO) string takes its
    // characters along, leaving earlier views dangling (found by tests/fuzz/csv_fuzz.cpp).
    std::deque<std::string> m_scratch;
    size_t m_scratchUsed = 0;
};

bool checkField(std::string_view f, const std::string& file, int line, int col, IssueList& issues) {
    if (std::memchr(f.data(), '\0', f.size()) != nullptr) {
        issues.add({file, {}, line, col}, "NUL byte in field (is this a binary or UTF-16 file?)");
        return false;
    }
    if (invalidUtf8(f) != std::string_view::npos) {
        issues.add({file, {}, line, col}, "invalid UTF-8 (save the file as UTF-8)");
        return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// A formula character at the start of a text (= + - @, tab, CR), after any apostrophes.
bool startsLikeFormula(std::string_view s) {
    const size_t i = s.find_first_not_of('\'');
    return i != std::string_view::npos &&
           std::string_view("=+-@\t\r").find(s[i]) != std::string_view::npos;
}

// A plain decimal number such as -0.5, +3 or -1e-07: spreadsheets read it as a number, not a
// formula, and it must stay one.
bool isPlainNumber(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ++i, ++digits;
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            ++digits;
    if (digits == 0)
        return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        const size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == start)
            return false;
    }
    return i == s.size();
}

} // namespace

std::string_view stripFormulaGuard(std::string_view field) {
    if (!field.empty() && field.front() == '\'' && startsLikeFormula(field))
        field.remove_prefix(1);
    return field;
}

bool parseCsv(std::string_view text, RawTable& out, IssueList& issues, ReadBudget* budget) {
    ReadBudget own;
    if (!budget)
        budget = &own;
    if (text.size() >= 2 &&
        ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        issues.add({out.file, {}, 1, 0}, "the file is UTF-16; save it as UTF-8");
        out.complete = false;
        return false;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);

    Parser p(text, out.file, issues, size_t(budget->limits().maxColumns));
    // Until the last record is read: a return before it leaves the rest unknown.
    out.complete = false;
    if (p.next() != Parser::Status::Ok) {
        if (issues.empty())
            issues.add({out.file, {}, 1, 0}, "the file is empty (no header row)");
        return false;
    }
    out.header.clear();
    out.headerColumns.clear();
    out.headerLine = p.recordLine();
    bool ok = true;
    for (size_t i = 0; i < p.fields().size(); ++i) {
        const auto f = p.fields()[i];
        ok = checkField(f, out.file, p.recordLine(), int(i) + 1, issues) && ok;
        out.header.emplace_back(trim(stripFormulaGuard(f)));
        out.headerColumns.push_back(int(i) + 1);
    }
    if (!ok) {
        out.header.clear(); // a header that cannot be read names no columns
        out.headerColumns.clear();
        return false;
    }
    const size_t columns = out.header.size();
    // Pre-sized from the number of lines (a quoted newline only adds a spare row), so that the
    // cell vectors of a million-row table never grow and copy (issue 16's profile).
    size_t lines = 1;
    for (const char *p = text.data(), *end = p + text.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)))) != nullptr; ++p)
        ++lines;
    out.reserve(lines, text.size());
    while (true) {
        const auto st = p.next();
        if (st == Parser::Status::End)
            break;
        if (st == Parser::Status::Fatal)
            return false;
        const auto& fields = p.fields();
        size_t bytes = 0;
        for (const auto f : fields)
            bytes += f.size();
        if (!budget->take(columns, bytes)) {
            issues.add({out.file, {}, p.recordLine(), 0}, budget->message());
            return false;
        }
        bool rowOk = fields.size() == columns;
        if (!rowOk)
            issues.add({out.file, {}, p.recordLine(), 0}, "expected " + std::to_string(columns) +
                                                              " fields (as in the header), found " +
                                                              std::to_string(fields.size()));
        else
            for (size_t i = 0; i < columns; ++i)
                rowOk =
                    checkField(fields[i], out.file, p.recordLine(), int(i) + 1, issues) && rowOk;
        if (!rowOk) {
            // Kept aside: its key still counts as given (no cascade of unknown references).
            RawTable::RejectedRow& bad = out.rejected.emplace_back();
            bad.line = p.recordLine();
            for (size_t i = 0; i < fields.size() && i < columns; ++i)
                bad.fields.emplace_back(stripFormulaGuard(fields[i]));
            continue;
        }
        out.beginRow(p.recordLine());
        for (const auto f : fields)
            out.appendCell(stripFormulaGuard(f));
    }
    out.complete = true;
    return true;
}

bool readCsvFile(const std::string& path, const std::string& displayName, RawTable& out,
                 IssueList& issues, ReadBudget* budget) {
    ReadBudget own;
    if (!budget)
        budget = &own;
    out.file = displayName;
    auto text = readInputFile(path, budget->limits().maxFileSize);
    if (!text) {
        issues.add({displayName, {}, 0, 0}, text.errorString());
        out.complete = false;
        return false;
    }
    return parseCsv(*text, out, issues, budget);
}

void appendCsvField(std::string& line, std::string_view field) {
    std::string guarded;
    if (startsLikeFormula(field) && !isPlainNumber(field)) {
        guarded.reserve(field.size() + 1);
        guarded.append(1, '\'').append(field);
        field = guarded;
    }
    const bool needsQuotes = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                             (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needsQuotes) {
        line.append(field);
        return;
    }
    line.push_back('"');
    for (const char c : field) {
        if (c == '"')
            line.push_back('"');
        line.push_back(c);
    }
    line.push_back('"');
}

std::string formatNumber(double value) {
    if (value == 0.0)
        return "0";
    // Shortest text that reads back exactly; plain decimals in the everyday range so that
    // spreadsheets and people read "0.0008" and "10000000", not "8e-04" and "1e+07".
    char buf[400];
    const double a = value < 0 ? -value : value;
    const auto format =
        a >= 1e-6 && a < 1e15 ? std::chars_format::fixed : std::chars_format::general;
    const auto res = std::to_chars(buf, buf + sizeof buf, value, format);
    return std::string(buf, res.ptr);
}

} // namespace chokepoint::core::io
