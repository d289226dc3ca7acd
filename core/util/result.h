// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace chokepoint::core {

/// An error as a value: core never shows dialogs or prints; callers decide.
struct Error {
    std::string message;
};

/// Either a value or an Error (a small stand-in for C++23 std::expected).
template <class T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_v(std::move(value)) {}
    Result(Error error)
        : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &std::get<0>(m_v); }
    const T* operator->() const { return &std::get<0>(m_v); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { return std::get<1>(m_v); }
    const std::string& errorString() const { return error().message; }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }
    const std::string& errorString() const { return m_error->message; }

private:
    std::optional<Error> m_error;
};

} // namespace chokepoint::core
