// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace chokepoint::core {

/// Numbers for people (SPEC §6): "62.5 %", "$1.2 bn", "45 days".
std::string formatPercent(double fraction, int decimals = 1);
std::string formatMoney(double amount, const std::string& currency = "$");
std::string formatDays(double days);
std::string formatCount(double n);
/// A low–high range of fractions (SPEC §3 "Ranges"): 0.72, 1.0 -> "72.0–100.0 %".
std::string formatPercentRange(double low, double high, int decimals = 1);
/// A figure with its range next to it (SPEC §6): "83.0 % (72.0–100.0 %)".
std::string formatPercentWithRange(double point, double low, double high, int decimals = 1);
/// A low–high range of money: "$1.0 bn–$1.4 bn".
std::string formatMoneyRange(double low, double high);
/// Money with its range next to it: "$1.2 bn ($1.0 bn–$1.4 bn)".
std::string formatMoneyWithRange(double point, double low, double high);
/// Fixed decimals with thousands separators: 1234567.891 -> "1,234,567.89".
std::string formatFixed(double v, int decimals);

/// A plain-text table for the terminal: aligned columns, a header rule.
class TextTable {
public:
    enum class Align { Left, Right };
    void addColumn(std::string title, Align align = Align::Left);
    void addRow(std::vector<std::string> cells);
    std::string render() const;

private:
    std::vector<std::string> m_titles;
    std::vector<Align> m_align;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace chokepoint::core
