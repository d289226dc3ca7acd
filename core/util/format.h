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
