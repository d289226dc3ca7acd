// SPDX-License-Identifier: MIT
#include "core/io/xlsxutil.h"

#include <cmath>
#include <cstdio>

#include "core/io/csv.h"

namespace chokepoint::core::io {
namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// The code unit of an `_xHHHH_` escape starting at `i`, or -1.
int escapeAt(std::string_view t, size_t i) {
    if (i + 7 > t.size() || t[i] != '_' || t[i + 1] != 'x' || t[i + 6] != '_')
        return -1;
    int v = 0;
    for (size_t k = i + 2; k < i + 6; ++k) {
        const int d = hexDigit(t[k]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::string timeText(long long seconds) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", int(seconds / 3600), int(seconds / 60 % 60),
                  int(seconds % 60));
    return buf;
}

} // namespace

int xlsxColumnFromLetters(std::string_view letters) {
    if (letters.empty())
        return 0;
    int column = 0;
    for (const char c : letters) {
        int v = 0;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A' + 1;
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 1;
        else
            return 0;
        if (column > kXlsxMaxColumns)
            continue; // already beyond XFD; keep checking that the rest are letters
        column = column * 26 + v;
    }
    return column > kXlsxMaxColumns ? -1 : column;
}

std::string xlsxColumnLetters(int column) {
    std::string s;
    for (int c = column; c > 0; c = (c - 1) / 26)
        s.insert(s.begin(), char('A' + (c - 1) % 26));
    return s;
}

XlsxCellRef parseXlsxCellRef(std::string_view ref) {
    size_t split = 0;
    while (split < ref.size() &&
           ((ref[split] >= 'A' && ref[split] <= 'Z') || (ref[split] >= 'a' && ref[split] <= 'z')))
        ++split;
    XlsxCellRef r;
    r.column = xlsxColumnFromLetters(ref.substr(0, split));
    const std::string_view digits = ref.substr(split);
    if (digits.empty() || digits.front() == '0') {
        r.row = 0;
        return r;
    }
    long long row = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9' || row > kXlsxMaxRows)
            return {r.column, 0};
        row = row * 10 + (c - '0');
    }
    r.row = row <= kXlsxMaxRows ? int(row) : 0;
    return r;
}

std::optional<Date> xlsxSerialToDate(long long serial, bool date1904) {
    static const int kLast = Date::fromYmd(9999, 12, 31).days();
    long long days = 0;
    if (date1904) {
        if (serial < 0)
            return std::nullopt;
        days = Date::fromYmd(1904, 1, 1).days() + serial;
    } else {
        if (serial < 1 || serial == 60)
            return std::nullopt;
        // Serials up to 59 count from 1899-12-31; from 61 on, the phantom 1900-02-29 shifts
        // the base one day back.
        days = (serial < 60 ? Date::fromYmd(1899, 12, 31).days()
                            : Date::fromYmd(1899, 12, 30).days()) +
               serial;
    }
    if (days > kLast)
        return std::nullopt;
    return Date::fromDays(int(days));
}

std::string xlsxDateText(double serial, bool date1904) {
    // 3,000,000 days is past 9999-12-31 in either system; checking first keeps floor() in range.
    if (!std::isfinite(serial) || serial < 0 || serial > 3e6)
        return formatNumber(serial);
    long long days = static_cast<long long>(std::floor(serial));
    long long seconds = std::llround((serial - double(days)) * 86400.0);
    if (seconds >= 86400) {
        ++days;
        seconds -= 86400;
    }
    const std::string time = seconds > 0 ? " " + timeText(seconds) : std::string();
    if (!date1904 && days == 0)
        return timeText(seconds);
    if (!date1904 && days == 60)
        return "1900-02-29" + time;
    const auto date = xlsxSerialToDate(days, date1904);
    if (!date)
        return formatNumber(serial);
    return date->toString() + time;
}

bool isXlsxBuiltinDateFormat(int id) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

bool isXlsxDateFormatCode(std::string_view code) {
    for (size_t i = 0; i < code.size(); ++i) {
        switch (code[i]) {
        case '"': {
            const size_t end = code.find('"', i + 1);
            if (end == std::string_view::npos)
                return false;
            i = end;
            break;
        }
        case '[': {
            const size_t end = code.find(']', i + 1);
            if (end == std::string_view::npos)
                return false;
            i = end;
            break;
        }
        case '\\':
        case '_':
        case '*':
            ++i;
            break;
        case 'y':
        case 'Y':
        case 'm':
        case 'M':
        case 'd':
        case 'D':
        case 'h':
        case 'H':
        case 's':
        case 'S':
            return true;
        default:
            break;
        }
    }
    return false;
}

std::string decodeXlsxEscapes(std::string_view t) {
    if (t.find("_x") == std::string_view::npos)
        return std::string(t);
    std::string out;
    out.reserve(t.size());
    size_t i = 0;
    while (i < t.size()) {
        int cu = escapeAt(t, i);
        if (cu <= 0) { // not an escape, or _x0000_ (NUL has no place in a cell: keep literally)
            out += t[i++];
            continue;
        }
        i += 7;
        unsigned cp = unsigned(cu);
        if (cu >= 0xD800 && cu <= 0xDBFF) {
            const int low = escapeAt(t, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((unsigned(cu) - 0xD800) << 10) + (unsigned(low) - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;
            }
        } else if (cu >= 0xDC00 && cu <= 0xDFFF) {
            cp = 0xFFFD;
        }
        appendUtf8(out, cp);
    }
    return out;
}

std::string escapeXlsxUnderscores(std::string_view t) {
    if (t.find("_x") == std::string_view::npos)
        return std::string(t);
    std::string out;
    out.reserve(t.size() + 7);
    for (size_t i = 0; i < t.size(); ++i) {
        if (escapeAt(t, i) >= 0)
            out += "_x005F";
        out += t[i];
    }
    return out;
}

} // namespace chokepoint::core::io
