// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chokepoint::core {

/// Streams pretty-printed JSON with keys in the order written (stable, diffable output).
/// Numbers use the shortest text that reads back exactly; non-finite numbers become null.
class JsonWriter {
public:
    explicit JsonWriter(int indent = 2)
        : m_indent(indent) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    /// Starts a member of the current object; follow with a value or begin*().
    JsonWriter& key(std::string_view k);

    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(double d);
    JsonWriter& value(int64_t i);
    JsonWriter& value(int i) { return value(int64_t(i)); }
    JsonWriter& value(bool b);
    JsonWriter& null();
    template <class T> JsonWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : null();
    }

    /// key + value in one call.
    template <class T> JsonWriter& member(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    const std::string& str() const { return m_out; }

    static std::string escape(std::string_view s);
    static std::string number(double d);

private:
    void beforeValue();
    void newline();

    std::string m_out;
    int m_indent;
    struct Level {
        bool array;
        bool empty;
    };
    std::vector<Level> m_stack;
    bool m_afterKey = false;
};

} // namespace chokepoint::core
