// SPDX-License-Identifier: MIT
#include "core/util/jsonwriter.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace chokepoint::core {

std::string JsonWriter::escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (const char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

std::string JsonWriter::number(double d) {
    if (!std::isfinite(d))
        return "null";
    if (d == 0.0)
        return "0.0";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, res.ptr);
    // Keep a decimal point so readers see a number of type double ("1.0", not "1").
    if (s.find_first_of(".eE") == std::string::npos)
        s += ".0";
    return s;
}

void JsonWriter::newline() {
    if (m_indent <= 0)
        return;
    m_out += '\n';
    m_out.append(m_stack.size() * size_t(m_indent), ' ');
}

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_stack.empty()) {
        if (!m_stack.back().empty)
            m_out += ',';
        m_stack.back().empty = false;
        newline();
    }
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    m_out += '{';
    m_stack.push_back({false, true});
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    const bool empty = m_stack.back().empty;
    m_stack.pop_back();
    if (!empty)
        newline();
    m_out += '}';
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    beforeValue();
    m_out += '[';
    m_stack.push_back({true, true});
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    const bool empty = m_stack.back().empty;
    m_stack.pop_back();
    if (!empty)
        newline();
    m_out += ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    beforeValue();
    m_out += escape(k);
    m_out += m_indent > 0 ? ": " : ":";
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    beforeValue();
    m_out += escape(s);
    return *this;
}

JsonWriter& JsonWriter::value(double d) {
    beforeValue();
    m_out += number(d);
    return *this;
}

JsonWriter& JsonWriter::value(int64_t i) {
    beforeValue();
    m_out += std::to_string(i);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    beforeValue();
    m_out += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    m_out += "null";
    return *this;
}

} // namespace chokepoint::core
