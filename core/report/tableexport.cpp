// SPDX-License-Identifier: MIT
#include "core/report/tableexport.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <xlsxwriter.h>

#include <QString>

#include "core/io/xlsxoutput.h"
#include "core/io/xlsxutil.h"

namespace chokepoint::core::report {

namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return s;
}

std::string numberText(double v) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

// A spreadsheet opening the CSV would run a text starting with = + - @ as a formula (CSV
// injection): such texts get a leading apostrophe, which spreadsheets show as plain text.
std::string csvField(const Cell& cell) {
    switch (cell.kind) {
    case Cell::Kind::Missing:
        return {};
    case Cell::Kind::Number:
        return numberText(cell.number);
    case Cell::Kind::Date:
        return cell.date.toString();
    case Cell::Kind::Text:
        break;
    }
    std::string text = cell.text;
    if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos)
        text.insert(text.begin(), '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csvHeader(const std::string& title) {
    Cell c = Cell::ofText(title);
    return csvField(c);
}

// Excel's sheet names: at most 31 characters, none of []:*?/\ .
std::string sheetName(const Table& t) {
    std::string name = t.caption.empty() ? t.id : t.caption;
    std::string out;
    for (const char c : name)
        out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : ' ';
    while (!out.empty() && (out.front() == '\'' || out.front() == ' '))
        out.erase(out.begin());
    if (out.size() > 31) {
        out.resize(31);
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back(); // never cut a UTF-8 sequence
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80))
            out.pop_back();
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out.empty() ? std::string("Table") : out;
}

const char* numberFormatCode(NumberFormat f) {
    switch (f) {
    case NumberFormat::Plain:
        return "#,##0.##";
    case NumberFormat::Count:
        return "#,##0";
    case NumberFormat::Decimal:
        return "#,##0.0";
    case NumberFormat::Percent:
        return "0.0%";
    case NumberFormat::Money:
        return "$#,##0";
    case NumberFormat::Days:
    case NumberFormat::Day:
        return "0";
    }
    return "General";
}

bool isWebLink(const std::string& url) {
    const std::string l = lower(url.substr(0, 8));
    return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
}

} // namespace

std::optional<TableFormat> tableFormatForPath(const std::string& path) {
    const std::string ext = lower(fs::path(path).extension().string());
    if (ext == ".csv")
        return TableFormat::Csv;
    if (ext == ".xlsx")
        return TableFormat::Xlsx;
    return std::nullopt;
}

std::string tableToCsv(const Table& table) {
    std::string out;
    for (size_t c = 0; c < table.columns.size(); ++c)
        out += (c ? "," : "") + csvHeader(table.columns[c].title);
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (size_t c = 0; c < table.columns.size(); ++c)
            out += (c ? "," : "") + (c < row.size() ? csvField(row[c]) : std::string());
        out += "\r\n";
    }
    return out;
}

Result<void> writeTableCsv(const Table& table, const std::string& path) {
    return writeFileAtomically(path, tableToCsv(table));
}

Result<void> writeTableXlsx(const Table& table, const std::string& path) {
    if (table.rows.size() >= size_t(io::kXlsxMaxRows))
        return Error{path + ": the table has more rows than a sheet holds; export to CSV"};
    AtomicFile out(path);
    if (auto r = out.open(); !r)
        return r;

    const io::CNumericLocale cLocale;
    lxw_workbook* wb = workbook_new(out.writerPath().c_str());
    if (!wb)
        return Error{path + ": cannot start the workbook"};
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheetName(table).c_str());
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    std::vector<lxw_format*> numberFormats;
    for (const NumberFormat f :
         {NumberFormat::Plain, NumberFormat::Count, NumberFormat::Decimal, NumberFormat::Percent,
          NumberFormat::Money, NumberFormat::Days, NumberFormat::Day}) {
        lxw_format* fmt = workbook_add_format(wb);
        format_set_num_format(fmt, numberFormatCode(f));
        numberFormats.push_back(fmt);
    }

    std::string error;
    auto check = [&](lxw_error e, size_t row, size_t col) {
        if (e != LXW_NO_ERROR && error.empty())
            error = "row " + std::to_string(row + 1) + ", column " + std::to_string(col + 1) +
                    ": " + lxw_strerror(e);
    };
    std::vector<double> widths(table.columns.size(), 8.0);
    for (size_t c = 0; ws && c < table.columns.size(); ++c) {
        check(worksheet_write_string(ws, 0, lxw_col_t(c),
                                     io::escapeXlsxUnderscores(table.columns[c].title).c_str(),
                                     bold),
              0, c);
        widths[c] = std::max(widths[c], std::min(40.0, double(table.columns[c].title.size())));
    }
    for (size_t r = 0; ws && r < table.rows.size(); ++r) {
        const auto row = lxw_row_t(r + 1);
        for (size_t c = 0; c < table.columns.size() && c < table.rows[r].size(); ++c) {
            const Cell& cell = table.rows[r][c];
            const auto col = lxw_col_t(c);
            switch (cell.kind) {
            case Cell::Kind::Missing:
                break;
            case Cell::Kind::Number:
                check(worksheet_write_number(ws, row, col, cell.number,
                                             numberFormats[size_t(cell.format)]),
                      r + 1, c);
                widths[c] = std::max(widths[c], double(cell.display().size()) + 1);
                break;
            case Cell::Kind::Date: {
                lxw_datetime v{cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0.0};
                if (cell.date.year() < 1900)
                    check(
                        worksheet_write_string(ws, row, col, cell.date.toString().c_str(), nullptr),
                        r + 1, c);
                else
                    check(worksheet_write_datetime(ws, row, col, &v, date), r + 1, c);
                widths[c] = std::max(widths[c], 11.0);
                break;
            }
            case Cell::Kind::Text: {
                const std::string text = io::escapeXlsxUnderscores(cell.text);
                lxw_error e = LXW_ERROR_PARAMETER_VALIDATION;
                if (!cell.link.empty() && isWebLink(cell.link) && cell.link.size() < 2000)
                    e = worksheet_write_url_opt(ws, row, col, cell.link.c_str(), nullptr,
                                                text.c_str(), nullptr);
                if (e != LXW_NO_ERROR)
                    e = worksheet_write_string(ws, row, col, text.c_str(), nullptr);
                check(e, r + 1, c);
                widths[c] = std::max(widths[c], std::min(60.0, double(cell.text.size()) + 1));
                break;
            }
            }
        }
    }
    if (ws) {
        worksheet_freeze_panes(ws, 1, 0);
        for (size_t c = 0; c < widths.size(); ++c)
            worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
    } else {
        error = "cannot add the sheet";
    }
    // workbook_close also frees the workbook, so it runs on the error path too.
    const lxw_error closed = workbook_close(wb);
    if (error.empty() && closed != LXW_NO_ERROR)
        error = std::string("cannot write the workbook: ") + lxw_strerror(closed);
    return io::finishXlsx(out, 1, std::move(error));
}

Result<void> writeTable(const Table& table, const std::string& path) {
    const auto format = tableFormatForPath(path);
    if (!format)
        return Error{path + ": unknown table format (use .csv or .xlsx)"};
    return *format == TableFormat::Csv ? writeTableCsv(table, path) : writeTableXlsx(table, path);
}

} // namespace chokepoint::core::report
