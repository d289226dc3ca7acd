// SPDX-License-Identifier: MIT
#include "core/util/format.h"

#include <cmath>
#include <cstdio>

namespace chokepoint::core {

namespace {
size_t displayWidth(const std::string& s) {
    size_t n = 0;
    for (const unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}
} // namespace

std::string formatFixed(double v, int decimals) {
    if (!std::isfinite(v))
        return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
    std::string s(buf);
    const size_t dot = s.find('.');
    std::string intPart = s.substr(0, dot);
    const std::string frac = dot == std::string::npos ? "" : s.substr(dot);
    std::string grouped;
    for (size_t i = 0; i < intPart.size(); ++i) {
        if (i > 0 && (intPart.size() - i) % 3 == 0)
            grouped += ',';
        grouped += intPart[i];
    }
    const bool negative = v < 0 && std::stod(s) != 0.0;
    return (negative ? "-" : "") + grouped + frac;
}

std::string formatPercent(double fraction, int decimals) {
    if (!std::isfinite(fraction))
        return "n/a";
    return formatFixed(fraction * 100.0, decimals) + " %";
}

std::string formatPercentRange(double low, double high, int decimals) {
    if (!std::isfinite(low) || !std::isfinite(high))
        return "n/a";
    return formatFixed(low * 100.0, decimals) + "\u2013" + formatFixed(high * 100.0, decimals) +
           " %";
}

std::string formatPercentWithRange(double point, double low, double high, int decimals) {
    return formatPercent(point, decimals) + " (" + formatPercentRange(low, high, decimals) + ")";
}

std::string formatMoneyRange(double low, double high) {
    return formatMoney(low) + "\u2013" + formatMoney(high);
}

std::string formatMoneyWithRange(double point, double low, double high) {
    return formatMoney(point) + " (" + formatMoneyRange(low, high) + ")";
}

std::string formatMoney(double amount, const std::string& currency) {
    if (!std::isfinite(amount))
        return "n/a";
    const double a = std::fabs(amount);
    const std::string sign = amount < 0 ? "-" : "";
    auto scaled = [&](double div, const char* unit) {
        const double x = a / div;
        return sign + currency + formatFixed(x, x < 10 ? 2 : 1) + " " + unit;
    };
    if (a >= 1e9)
        return scaled(1e9, "bn");
    if (a >= 1e6)
        return scaled(1e6, "m");
    if (a >= 1e4)
        return scaled(1e3, "k");
    return sign + currency + formatFixed(a, 0);
}

std::string formatDays(double days) {
    if (!std::isfinite(days))
        return "n/a";
    const double r = std::round(days);
    return formatFixed(r, 0) + (r == 1 ? " day" : " days");
}

std::string formatCount(double n) {
    return formatFixed(n, 0);
}

void TextTable::addColumn(std::string title, Align align) {
    m_titles.push_back(std::move(title));
    m_align.push_back(align);
}

void TextTable::addRow(std::vector<std::string> cells) {
    cells.resize(m_titles.size());
    m_rows.push_back(std::move(cells));
}

std::string TextTable::render() const {
    std::vector<size_t> width(m_titles.size());
    for (size_t c = 0; c < m_titles.size(); ++c) {
        width[c] = displayWidth(m_titles[c]);
        for (const auto& r : m_rows)
            width[c] = std::max(width[c], displayWidth(r[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string s;
        for (size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(width[c] - displayWidth(cells[c]), ' ');
            if (c)
                s += "  ";
            s += m_align[c] == Align::Right ? pad + cells[c] : cells[c] + pad;
        }
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        return s + "\n";
    };
    std::string out = line(m_titles);
    std::string rule;
    for (size_t c = 0; c < width.size(); ++c)
        rule += (c ? "  " : "") + std::string(width[c], '-');
    out += rule + "\n";
    for (const auto& r : m_rows)
        out += line(r);
    return out;
}

} // namespace chokepoint::core
