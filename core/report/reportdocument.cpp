// SPDX-License-Identifier: MIT
#include "core/report/reportdocument.h"

#include <cmath>

#include "core/util/format.h"

namespace chokepoint::core::report {

std::string missingText() {
    return "\u2014";
}

std::string formatNumber(double value, NumberFormat format) {
    if (!std::isfinite(value))
        return missingText();
    switch (format) {
    case NumberFormat::Plain: {
        // Up to two decimals, without trailing zeros.
        std::string s = formatFixed(value, 2);
        if (s.find('.') != std::string::npos) {
            while (s.back() == '0')
                s.pop_back();
            if (s.back() == '.')
                s.pop_back();
        }
        return s;
    }
    case NumberFormat::Count:
        return formatCount(value);
    case NumberFormat::Decimal:
        return formatFixed(value, 1);
    case NumberFormat::Percent:
        return formatPercent(value);
    case NumberFormat::Money:
        return formatMoney(value);
    case NumberFormat::Days:
        return formatDays(value);
    case NumberFormat::Day:
        return "day " + formatCount(value);
    }
    return formatFixed(value, 2);
}

Cell Cell::ofText(std::string text) {
    Cell c;
    c.kind = Kind::Text;
    c.text = std::move(text);
    return c;
}

Cell Cell::ofLink(std::string text, std::string url) {
    Cell c = ofText(std::move(text));
    c.link = std::move(url);
    return c;
}

Cell Cell::ofNumber(double value, NumberFormat format) {
    if (!std::isfinite(value))
        return missing();
    Cell c;
    c.kind = Kind::Number;
    c.number = value;
    c.format = format;
    return c;
}

Cell Cell::ofNumber(const std::optional<double>& value, NumberFormat format) {
    return value ? ofNumber(*value, format) : missing();
}

Cell Cell::ofDate(core::Date date) {
    Cell c;
    c.kind = Kind::Date;
    c.date = date;
    return c;
}

Cell Cell::ofDate(const std::optional<core::Date>& date) {
    return date ? ofDate(*date) : missing();
}

std::string Cell::display() const {
    switch (kind) {
    case Kind::Missing:
        return missingText();
    case Kind::Text:
        return text;
    case Kind::Number:
        return formatNumber(number, format);
    case Kind::Date:
        return date.toString();
    }
    return {};
}

void Table::addColumn(std::string title, Align align, double width) {
    columns.push_back({std::move(title), align, width});
}

void Table::addRow(std::vector<Cell> cells) {
    cells.resize(columns.size());
    rows.push_back(std::move(cells));
}

std::string sectionTitle(SectionId id) {
    switch (id) {
    case SectionId::Summary:
        return "Executive summary";
    case SectionId::Products:
        return "Exposure by product";
    case SectionId::Materials:
        return "Exposure by material";
    case SectionId::Suppliers:
        return "Exposure by supplier";
    case SectionId::Controls:
        return "Export controls timeline";
    case SectionId::Scenarios:
        return "Stress scenarios";
    case SectionId::Criticality:
        return "Critical sites";
    case SectionId::Map:
        return "Map of the supply chain";
    case SectionId::Methodology:
        return "Methodology and sources";
    }
    return {};
}

std::string sectionKey(SectionId id) {
    switch (id) {
    case SectionId::Summary:
        return "summary";
    case SectionId::Products:
        return "products";
    case SectionId::Materials:
        return "materials";
    case SectionId::Suppliers:
        return "suppliers";
    case SectionId::Controls:
        return "controls";
    case SectionId::Scenarios:
        return "scenarios";
    case SectionId::Criticality:
        return "criticality";
    case SectionId::Map:
        return "map";
    case SectionId::Methodology:
        return "methodology";
    }
    return {};
}

std::optional<SectionId> parseSectionKey(const std::string& key) {
    for (const SectionId id : kAllSections)
        if (sectionKey(id) == key)
            return id;
    return std::nullopt;
}

std::string ReportDocument::fictionalNotice() const {
    return fictionalData ? "Fictional example data" : std::string();
}

std::string ReportDocument::fullTitle() const {
    return workspaceName.empty() ? title : title + " \u2014 " + workspaceName;
}

} // namespace chokepoint::core::report
