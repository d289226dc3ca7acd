// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/map/mapscene.h"
#include "core/model/date.h"

namespace chokepoint::core::report {

// A report as plain data: sections of headings, paragraphs, KPI rows, typed tables and chart
// specs (series of numbers, no drawing). Built by buildReport() (reportbuilder.h); the PDF and
// HTML writers in ui/report only lay it out. Every number is already computed here.

/// How a number is written for people (core/util/format.h) and typed in a spreadsheet.
enum class NumberFormat {
    Plain,   ///< up to 2 decimals, thousands separators: "1,234.5"
    Count,   ///< whole number: "1,234"
    Decimal, ///< 1 decimal: "1,234.5"
    Percent, ///< a fraction shown as percent: 0.625 -> "62.5 %"
    Money,   ///< "$1.2 bn"
    Days,    ///< a duration: "45 days"
    Day,     ///< a day of a scenario's horizon: "day 41"
};

/// One table cell: text, a number with its format, a date, or missing ("—").
struct Cell {
    enum class Kind { Missing, Text, Number, Date };
    Kind kind = Kind::Missing;
    std::string text;
    double number = 0.0;
    NumberFormat format = NumberFormat::Plain;
    core::Date date;
    std::string link; ///< web address the text refers to (sources); may be empty

    static Cell missing() { return {}; }
    static Cell ofText(std::string text);
    /// Text with a web address; renderers show the address and link only http(s) ones.
    static Cell ofLink(std::string text, std::string url);
    static Cell ofNumber(double value, NumberFormat format);
    /// Missing when `value` is empty or not finite.
    static Cell ofNumber(const std::optional<double>& value, NumberFormat format);
    static Cell ofDate(core::Date date);
    static Cell ofDate(const std::optional<core::Date>& date);

    /// The text shown to people: "62.5 %", "$1.2 bn", "2025-08-01", "—" when missing.
    std::string display() const;
    bool isNumeric() const { return kind == Kind::Number; }
    bool operator==(const Cell&) const = default;
};

/// Formats a number for people as `format` says.
std::string formatNumber(double value, NumberFormat format);
/// The text shown for a missing value.
std::string missingText();

enum class Align { Left, Right };

struct Column {
    std::string title;
    Align align = Align::Left;
    double width = 1.0; ///< relative width among the table's columns
    bool operator==(const Column&) const = default;
};

/// A typed table. Rows have exactly one cell per column.
struct Table {
    std::string id;      ///< short name, e.g. "materials" (file names, anchors)
    std::string caption; ///< shown above the table; may be empty
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::string note;     ///< shown below the table in small print; may be empty
    bool compact = false; ///< smaller type (long lists such as sources)

    void addColumn(std::string title, Align align = Align::Left, double width = 1.0);
    /// Appends a row; missing trailing cells are filled with Cell::missing().
    void addRow(std::vector<Cell> cells);
    bool operator==(const Table&) const = default;
};

/// Colour roles of chart series, resolved by the renderer's palette.
enum class SeriesRole {
    Auto,    ///< categorical colour of the series' position
    Direct,  ///< tier-1 dependence
    Deeper,  ///< deeper tiers and unknown origin
    Risk,    ///< money lost or at risk
    Neutral, ///< muted (context, not in force)
};

struct ChartSeries {
    std::string name;
    std::vector<double> values; ///< one per category (bars) or per day (fan)
    SeriesRole role = SeriesRole::Auto;
    bool operator==(const ChartSeries&) const = default;
};

/// Horizontal stacked bars: one bar per category (first at the top), one part per series.
struct BarChart {
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    NumberFormat valueFormat = NumberFormat::Plain;
    std::optional<double> fixedMax; ///< value axis 0..fixedMax (e.g. 1 for shares)
    bool operator==(const BarChart&) const = default;
};

/// A donut of shares: one slice per category, values of the only series.
struct DonutChart {
    std::vector<std::string> categories;
    ChartSeries values;
    std::string centerText;
    bool operator==(const DonutChart&) const = default;
};

/// Daily values over a horizon starting at `start` (day 0): a P10–P90 band around a median
/// line. Without a band (one deterministic run) only the line is drawn.
struct FanChart {
    core::Date start;
    std::vector<double> median;
    std::vector<double> low;  ///< P10 per day; empty: no band
    std::vector<double> high; ///< P90 per day; empty: no band
    std::string medianName;
    std::string bandName;
    NumberFormat valueFormat = NumberFormat::Percent;
    double maxValue = 1.0;
    bool operator==(const FanChart&) const = default;
};

/// Time to survive vs time to recover per material of a scenario (days from day 0):
/// survival = the first shortfall day (stock and supply no longer cover the need), recovery =
/// the day supply is back for good. An item runs out (at risk) when it has a shortfall.
struct SurvivalChart {
    struct Item {
        std::string label;
        std::optional<double> survivalDays; ///< none: covered through the horizon
        std::optional<double> recoveryDays; ///< none: supply not back within the horizon
        bool atRisk = false;
        bool operator==(const Item&) const = default;
    };
    std::vector<Item> items;
    int horizonDays = 365;
    bool operator==(const SurvivalChart&) const = default;
};

/// Money against money per item (criticality: our spend with a site against the revenue its
/// outage would cost): x on a log scale, items without an x at a labelled position of their
/// own; highlighted items in the risk colour.
struct ScatterChart {
    struct Point {
        std::string label;
        std::optional<double> x; ///< none or ≤ 0: at the `noneLabel` position
        double y = 0.0;
        bool highlight = false;
        bool operator==(const Point&) const = default;
    };
    std::vector<Point> points;
    std::string xTitle, yTitle, noneLabel;
    std::string plainName, highlightName; ///< legend texts
    bool operator==(const ScatterChart&) const = default;
};

/// Date ranges, one row per item (first at the top), with a marker line at `marker`.
struct TimelineChart {
    struct Item {
        std::string label;
        core::Date start;
        std::optional<core::Date> end; ///< none: still running at the axis end
        bool highlight = false;        ///< e.g. in force and touching us
        /// Scheduled, unconfirmed (status scheduled): drawn dashed, apart from confirmed ones.
        bool scheduled = false;
        bool operator==(const Item&) const = default;
    };
    std::vector<Item> items;
    core::Date axisStart, axisEnd;
    core::Date marker;
    std::string markerLabel;
    std::string highlightName; ///< legend text of highlighted items
    std::string otherName;     ///< legend text of the others
    std::string scheduledName; ///< legend text of scheduled items (whatever their colour)
    bool operator==(const TimelineChart&) const = default;
};

/// A world map of the supply chain: what it shows (core/map, built for the report's lens)
/// and its legend's words. The renderer draws it with the Map page's drawing and the bundled
/// country outlines.
struct MapChart {
    map::MapScene scene;
    map::MapCaption caption;
    bool operator==(const MapChart&) const = default;
};

/// A chart block: a title, one of the chart kinds, and its proportions.
struct Chart {
    std::string id;
    std::string title;
    std::variant<BarChart, DonutChart, FanChart, SurvivalChart, TimelineChart, MapChart,
                 ScatterChart>
        data;
    double aspect = 0.5; ///< height / width
    std::string note;    ///< shown under the chart in small print; may be empty
    bool operator==(const Chart&) const = default;
};

struct Kpi {
    std::string label;
    Cell value;
    std::string detail; ///< one short line under the value; may be empty
    bool operator==(const Kpi&) const = default;
};

struct KpiRow {
    std::vector<Kpi> items;
    bool operator==(const KpiRow&) const = default;
};

struct Subheading {
    std::string text;
    bool operator==(const Subheading&) const = default;
};

struct Paragraph {
    enum class Style { Body, Lead, Note };
    std::string text;
    Style style = Style::Body;
    bool operator==(const Paragraph&) const = default;
};

struct BulletList {
    std::vector<std::string> items;
    bool operator==(const BulletList&) const = default;
};

/// Starts a new page in paginated output (ignored in HTML).
struct PageBreak {
    bool operator==(const PageBreak&) const = default;
};

using Block = std::variant<Subheading, Paragraph, BulletList, KpiRow, Table, Chart, PageBreak>;

/// Which sections a report holds. Each section starts a new page in paginated output.
enum class SectionId {
    Summary,
    Products,
    Materials,
    Suppliers,
    Controls,
    Scenarios,
    Criticality,
    Map,
    Methodology
};

inline constexpr SectionId kAllSections[] = {
    SectionId::Summary,     SectionId::Products, SectionId::Materials,
    SectionId::Suppliers,   SectionId::Controls, SectionId::Scenarios,
    SectionId::Criticality, SectionId::Map,      SectionId::Methodology};

/// The section's title as the report prints it ("Executive summary", ...).
std::string sectionTitle(SectionId id);
/// A short stable name: "summary", "products", ... (anchors, command-line names).
std::string sectionKey(SectionId id);
std::optional<SectionId> parseSectionKey(const std::string& key);

struct Section {
    SectionId id = SectionId::Summary;
    std::string title;
    std::vector<Block> blocks;
    bool operator==(const Section&) const = default;
};

struct ReportDocument {
    std::string title;         ///< e.g. "China exposure report"
    std::string workspaceName; ///< the company / workspace the report is about
    core::Date asOf;
    std::string lensName; ///< the lens of the headline figures, for people
    std::string version;  ///< CHOKEPOINT_VERSION of the program that built it
    /// The workspace holds the bundled example (Workspace::isBundledExample()): its company
    /// data is fictional, and every page says so (fictionalNotice()).
    bool fictionalData = false;
    std::vector<Section> sections;

    /// "Fictional example data" when fictionalData, else empty: the words every page carries.
    std::string fictionalNotice() const;

    /// "China exposure report — <workspace>", for page headers and the HTML title.
    std::string fullTitle() const;
    bool operator==(const ReportDocument&) const = default;
};

} // namespace chokepoint::core::report
