// SPDX-License-Identifier: MIT
#include "core/model/date.h"

#include <chrono>
#include <cstdio>

namespace chokepoint::core {
namespace {

// Howard Hinnant's civil-calendar algorithms (public domain).
int daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Ymd {
    int y;
    unsigned m;
    unsigned d;
};

Ymd civilFromDays(int z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2 ? 1 : 0), m, d};
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(int y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

} // namespace

Date Date::fromYmd(int year, int month, int day) {
    return Date(daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

namespace {

// Strict YYYY-MM-DD, any year 0000-9999.
std::optional<Date> parseSyntax(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return std::nullopt;
    auto digits = [&](size_t from, size_t n, int& out) {
        out = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9')
                return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d))
        return std::nullopt;
    if (m < 1 || m > 12 || d < 1 ||
        static_cast<unsigned>(d) > daysInMonth(y, static_cast<unsigned>(m)))
        return std::nullopt;
    return Date::fromYmd(y, m, d);
}

} // namespace

std::optional<Date> Date::parse(std::string_view s) {
    const auto d = parseSyntax(s);
    if (!d || !d->inRange())
        return std::nullopt;
    return d;
}

std::string Date::parseProblem(std::string_view s) {
    const auto d = parseSyntax(s);
    if (!d)
        return "is not a date (YYYY-MM-DD)";
    if (!d->inRange())
        return "is outside the supported range " + rangeText();
    return {};
}

std::string Date::rangeText() {
    return first().toString() + " to " + last().toString();
}

Date Date::today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
    return Date(static_cast<int>(days));
}

int Date::year() const {
    return civilFromDays(m_days).y;
}
int Date::month() const {
    return static_cast<int>(civilFromDays(m_days).m);
}
int Date::day() const {
    return static_cast<int>(civilFromDays(m_days).d);
}

std::string Date::toString() const {
    const Ymd ymd = civilFromDays(m_days);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", ymd.y, ymd.m, ymd.d);
    return buf;
}

} // namespace chokepoint::core
