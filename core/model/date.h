// SPDX-License-Identifier: MIT
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace chokepoint::core {

/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01.
///
/// Every date that comes from outside (imports, workspaces, scenarios, the command line, the
/// GUI's date fields) must lie in the supported range first() .. last(), 1900-01-01 to
/// 2200-12-31: wide enough for any export control or plan, narrow enough that date arithmetic
/// and calendar loops (charts step month by month) stay finite and Qt's QDate is valid.
class Date {
public:
    constexpr Date() = default;
    static constexpr Date fromDays(int days) { return Date(days); }
    static Date fromYmd(int year, int month, int day);
    /// Strict `YYYY-MM-DD` within first() .. last(); nullopt for anything else (including
    /// 2025-02-30 and 0000-01-01). parseProblem() says why.
    static std::optional<Date> parse(std::string_view text);
    /// Why parse(text) fails, to follow the quoted text in a message: "is not a date
    /// (YYYY-MM-DD)" or "is outside the supported range 1900-01-01 to 2200-12-31"; empty when
    /// parse() accepts the text.
    static std::string parseProblem(std::string_view text);
    static constexpr int kFirstYear = 1900;
    static constexpr int kLastYear = 2200;
    /// 1900-01-01 and 2200-12-31.
    static constexpr Date first() { return Date(-25567); }
    static constexpr Date last() { return Date(84370); }
    constexpr bool inRange() const { return *this >= first() && *this <= last(); }
    /// "1900-01-01 to 2200-12-31".
    static std::string rangeText();
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
