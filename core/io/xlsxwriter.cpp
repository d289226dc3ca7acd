// SPDX-License-Identifier: MIT
// Dataset -> .xlsx with libxlsxwriter (constant-memory mode: rows go straight to disk).
#include "core/io/xlsxwriter.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <xlsxwriter.h>

#include "core/io/csv.h"
#include "core/io/tableschema.h"
#include "core/io/xlsxoutput.h"
#include "core/io/xlsxutil.h"

namespace chokepoint::core::io {
namespace {

constexpr double kMaxWidth = 60;

// True when libxlsxwriter's "%.16G" text of v reads back as v.
bool sixteenDigitsExact(double v) {
    char buf[40];
    const int n = std::snprintf(buf, sizeof buf, "%.16G", v);
    double back = 0;
    const auto res = std::from_chars(buf, buf + n, back);
    return res.ec == std::errc() && back == v;
}

size_t displayLength(std::string_view s) {
    return size_t(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class SheetWriter {
public:
    SheetWriter(lxw_workbook* wb, lxw_format* bold, lxw_format* date)
        : m_wb(wb)
        , m_bold(bold)
        , m_date(date) {}

    // Returns an error message, empty on success.
    std::string write(const Dataset& data, const TableSpec& spec) {
        const std::string name(spec.name);
        lxw_worksheet* ws = workbook_add_worksheet(m_wb, name.c_str());
        if (!ws)
            return "cannot add the sheet " + name;
        m_widths.assign(spec.columns.size(), 0);
        for (size_t c = 0; c < spec.columns.size(); ++c) {
            const std::string header(spec.columns[c].name);
            worksheet_write_string(ws, 0, lxw_col_t(c), header.c_str(), m_bold);
            m_widths[c] = double(header.size());
        }
        worksheet_freeze_panes(ws, 1, 0);
        lxw_row_t row = 1;
        std::string error;
        forEachRow(data, spec.name, [&](const std::vector<Cell>& cells) {
            for (size_t c = 0; c < cells.size() && error.empty(); ++c) {
                const lxw_error e = writeCell(ws, row, lxw_col_t(c), cells[c]);
                if (e != LXW_NO_ERROR)
                    error = "table " + name + ", row " + std::to_string(row + 1) + ", column " +
                            std::string(spec.columns[c].name) + ": " +
                            (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                                 ? "text longer than 32,767 characters does not fit in an "
                                   ".xlsx cell (export to CSV instead)"
                                 : std::string(lxw_strerror(e)));
            }
            ++row;
        });
        for (size_t c = 0; c < m_widths.size(); ++c)
            worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c),
                                 std::min(m_widths[c] + 2, kMaxWidth), nullptr);
        return error;
    }

private:
    lxw_error writeCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& cell) {
        double& width = m_widths[col];
        if (const auto* s = std::get_if<std::string>(&cell)) {
            width = std::max(width, double(displayLength(*s)));
            return worksheet_write_string(ws, row, col, escapeXlsxUnderscores(*s).c_str(), nullptr);
        }
        if (const auto* d = std::get_if<double>(&cell))
            return writeNumber(ws, row, col, *d, width);
        if (const auto* n = std::get_if<int64_t>(&cell))
            return writeNumber(ws, row, col, double(*n), width);
        if (const auto* dt = std::get_if<Date>(&cell)) {
            width = std::max(width, 10.0);
            if (dt->year() < 1900) // before Excel's calendar
                return worksheet_write_string(ws, row, col, dt->toString().c_str(), nullptr);
            lxw_datetime v{dt->year(), dt->month(), dt->day(), 0, 0, 0.0};
            return worksheet_write_datetime(ws, row, col, &v, m_date);
        }
        return LXW_NO_ERROR; // null: no cell
    }

    lxw_error writeNumber(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double v,
                          double& width) {
        const std::string text = formatNumber(v);
        width = std::max(width, double(std::min<size_t>(text.size(), 12)));
        if (sixteenDigitsExact(v))
            return worksheet_write_number(ws, row, col, v, nullptr);
        return worksheet_write_string(ws, row, col, text.c_str(), nullptr);
    }

    lxw_workbook* m_wb;
    lxw_format* m_bold;
    lxw_format* m_date;
    std::vector<double> m_widths;
};

} // namespace

Result<void> exportXlsx(const Dataset& data, const std::string& path) {
    for (const auto& spec : tableSpecs())
        if (const size_t n = rowCount(data, spec.name); n > size_t(kXlsxMaxRows - 1))
            return Error{path + ": table " + std::string(spec.name) + " has " + std::to_string(n) +
                         " rows, more than an .xlsx sheet holds (" +
                         std::to_string(kXlsxMaxRows - 1) + "); export to CSV instead"};

    AtomicFile out(path);
    if (auto r = out.open(); !r)
        return r;

    const CNumericLocale cLocale;
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = nullptr;
    options.use_zip64 = LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(out.writerPath().c_str(), &options);
    if (!wb)
        return Error{path + ": cannot start the workbook (out of memory)"};
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");

    SheetWriter writer(wb, bold, date);
    std::string error;
    for (const auto& spec : tableSpecs()) {
        error = writer.write(data, spec);
        if (!error.empty())
            break;
    }
    // workbook_close also frees the workbook, so it runs on the error path too.
    const lxw_error closed = workbook_close(wb);
    if (error.empty() && closed != LXW_NO_ERROR)
        error = std::string("cannot write the workbook: ") + lxw_strerror(closed);
    return finishXlsx(out, tableSpecs().size(), std::move(error));
}

} // namespace chokepoint::core::io
