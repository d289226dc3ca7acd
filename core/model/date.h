// SPDX-License-Identifier: MIT
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace chokepoint::core {

/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01.
class Date {
public:
    constexpr Date() = default;
    static constexpr Date fromDays(int days) { return Date(days); }
    static Date fromYmd(int year, int month, int day);
    /// Strict `YYYY-MM-DD`; nullopt for anything else (including 2025-02-30).
    static std::optional<Date> parse(std::string_view text);
    /// Today in UTC.
    static Date today();

    constexpr int days() const { return m_days; }
    int year() const;
    int month() const;
    int day() const;
    std::string toString() const;

    constexpr Date addDays(int n) const { return Date(m_days + n); }
    constexpr auto operator<=>(const Date&) const = default;

private:
    constexpr explicit Date(int days)
        : m_days(days) {}
    int m_days = 0;
};

} // namespace chokepoint::core
