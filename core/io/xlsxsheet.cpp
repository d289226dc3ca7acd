// SPDX-License-Identifier: MIT
// One worksheet's <sheetData> -> RawTable.
#include "core/io/xlsxsheet.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/io/csv.h"
#include "core/io/xlsxutil.h"

namespace chokepoint::core::io {
namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

bool isBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), isSpace);
}

// ASCII text of an attribute or value (references, numbers, indexes); false if longer than
// the buffer or not ASCII.
bool toAscii(QStringView v, std::string& out) {
    out.clear();
    if (v.size() > 64)
        return false;
    for (const QChar c : v) {
        if (c.unicode() > 127)
            return false;
        out += char(c.unicode());
    }
    return true;
}

std::optional<long long> parseIndex(std::string_view s) {
    long long v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size() || v < 0)
        return std::nullopt;
    return v;
}

std::string quoted(std::string_view s) {
    std::string q = "'";
    q.append(s.substr(0, 40));
    if (s.size() > 40)
        q += "...";
    return q + "'";
}

struct CellText {
    int column = 0;
    std::string text;
};

// The character data of the current element (<t>, <v>), to its end element. False, with
// `problem` set and the rest of the element skipped, for a text longer than `maxLength` or an
// entity reference nothing declares (QXmlStreamReader would drop it: "X&xxe;X" read as "XX").
bool readText(QXmlStreamReader& xml, int maxLength, QString& out, std::string& problem) {
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::Characters:
            if (out.size() + xml.text().size() > maxLength) {
                problem = "a text longer than " + std::to_string(maxLength) +
                          " characters, the most an .xlsx cell holds";
                xml.skipCurrentElement();
                return false;
            }
            out += xml.text();
            break;
        case QXmlStreamReader::EntityReference:
            problem = "the text uses the entity &" + xml.name().toString().toStdString() +
                      "; which nothing declares";
            xml.skipCurrentElement();
            return false;
        case QXmlStreamReader::StartElement:
            xml.skipCurrentElement();
            break;
        case QXmlStreamReader::EndElement:
            return true;
        default: // comments, processing instructions
            break;
        }
    }
    return true; // an XML error: the caller reports it
}

class SheetParser {
public:
    SheetParser(QXmlStreamReader& xml, const XlsxWorkbookData& wb, RawTable& out, IssueList& issues,
                ReadBudget& budget)
        : m_xml(xml)
        , m_wb(wb)
        , m_out(out)
        , m_issues(issues)
        , m_budget(budget) {}

    bool stopped() const { return m_stopped; }

    bool run() {
        if (!m_xml.readNextStartElement())
            return false;
        while (!m_stopped && m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == u"dimension") {
                readDimension();
                m_xml.skipCurrentElement();
            } else if (name == u"sheetData") {
                while (!m_stopped && m_xml.readNextStartElement()) {
                    if (m_xml.name() == u"row")
                        readRow();
                    else
                        m_xml.skipCurrentElement();
                }
                break; // nothing after the cells matters
            } else {
                m_xml.skipCurrentElement();
            }
        }
        return m_haveHeader;
    }

private:
    Location at(int row, int column) const { return {m_out.file, m_out.sheet, row, column}; }

    void readDimension() {
        const auto ref = m_xml.attributes().value(QLatin1StringView("ref"));
        const auto colon = ref.indexOf(u':');
        if (colon >= 0 && toAscii(ref.mid(colon + 1), m_scratch))
            m_dimensionRows = parseXlsxCellRef(m_scratch).row;
    }

    void tooWide(int row) {
        if (!m_reportedTooWide)
            m_issues.add(at(row, 0), "more than " + std::to_string(kXlsxMaxColumns) +
                                         " columns (the .xlsx limit is column XFD)");
        m_reportedTooWide = true;
    }

    // Ends the reading of the sheet (and of the workbook) with an issue.
    void stop(int row, const std::string& message) {
        m_issues.add(at(row, 0), message);
        m_stopped = true;
    }

    void readRow() {
        const auto r = m_xml.attributes().value(QLatin1StringView("r"));
        const bool hasRef = !r.isEmpty();
        if (!hasRef && m_lastRow >= kXlsxMaxRows) {
            stop(0, "more than " + std::to_string(kXlsxMaxRows) +
                        " rows, the most an .xlsx sheet holds");
            return;
        }
        int row = m_lastRow + 1;
        if (hasRef) {
            const auto n = toAscii(r, m_scratch) ? parseIndex(m_scratch) : std::nullopt;
            if (!n || *n < 1 || *n > kXlsxMaxRows) {
                m_issues.add(at(0, 0), "row number " + quoted(r.toString().toStdString()) +
                                           " is not between 1 and " + std::to_string(kXlsxMaxRows));
                m_xml.skipCurrentElement();
                return;
            }
            row = int(*n);
        }
        m_used = 0;
        m_lastColumn = 0;
        bool first = true;
        while (!m_stopped && m_xml.readNextStartElement()) {
            if (m_xml.name() == u"c")
                readCell(row, !hasRef && first);
            else
                m_xml.skipCurrentElement();
            first = false;
        }
        if (m_stopped)
            return;
        if (row <= m_lastRow) {
            m_issues.add(at(row, 0), "row " + std::to_string(row) + " comes after row " +
                                         std::to_string(m_lastRow) +
                                         " (rows must be in ascending order)");
            return;
        }
        m_lastRow = row;
        finishRow(row);
    }

    CellText& slot(int column) {
        if (m_used == m_cells.size())
            m_cells.emplace_back();
        CellText& c = m_cells[m_used++];
        c.column = column;
        c.text.clear();
        return c;
    }

    void readCell(int& row, bool rowFromCell) {
        const auto attrs = m_xml.attributes();
        const auto ref = attrs.value(QLatin1StringView("r"));
        const QStringView type = attrs.value(QLatin1StringView("t"));
        const QStringView style = attrs.value(QLatin1StringView("s"));
        int column = m_lastColumn + 1;
        if (!ref.isEmpty()) {
            XlsxCellRef cr;
            if (toAscii(ref, m_scratch))
                cr = parseXlsxCellRef(m_scratch);
            if (cr.column < 0) {
                tooWide(row);
                m_xml.skipCurrentElement();
                return;
            }
            if (cr.column == 0 || cr.row == 0) {
                m_issues.add(at(row, 0),
                             "malformed cell reference " + quoted(ref.toString().toStdString()));
                m_xml.skipCurrentElement();
                return;
            }
            column = cr.column;
            if (rowFromCell)
                row = cr.row;
        }
        if (column > kXlsxMaxColumns) {
            tooWide(row);
            m_xml.skipCurrentElement();
            return;
        }
        if (column <= m_lastColumn) {
            m_issues.add(at(row, column), "cell given twice, or out of order in its row");
            m_xml.skipCurrentElement();
            return;
        }
        m_lastColumn = column;

        QString value;
        std::string inlineText, problem;
        bool haveValue = false, haveFormula = false, haveInline = false, textOk = true;
        const int maxLength = m_budget.limits().maxCellLength;
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == u"v") {
                textOk = readText(m_xml, maxLength, value, problem) && textOk;
                haveValue = true;
            } else if (name == u"is") {
                textOk = readXlsxStringItem(m_xml, maxLength, inlineText, problem) && textOk;
                haveInline = true;
            } else {
                haveFormula = haveFormula || name == u"f";
                m_xml.skipCurrentElement();
            }
        }
        if (m_xml.hasError())
            return;
        if (!textOk) {
            m_issues.add(at(row, column), problem);
            return;
        }

        CellText& cell = slot(column);
        if (type.isEmpty() || type == u"n") {
            if (!haveValue || value.isEmpty()) {
                if (haveFormula)
                    m_issues.add(at(row, column),
                                 "formula without a saved result: open and save the workbook in "
                                 "Excel or LibreOffice Calc so that the value is stored");
            } else {
                double d = 0;
                const bool ascii = toAscii(value, m_scratch);
                const auto res =
                    std::from_chars(m_scratch.data(), m_scratch.data() + m_scratch.size(), d);
                if (!ascii || res.ec != std::errc() ||
                    res.ptr != m_scratch.data() + m_scratch.size() || !std::isfinite(d))
                    m_issues.add(at(row, column), "numeric cell holds " +
                                                      quoted(value.toStdString()) +
                                                      ", which is not a finite number");
                else
                    cell.text =
                        isDateStyle(style) ? xlsxDateText(d, m_wb.date1904) : formatNumber(d);
            }
        } else if (type == u"s") {
            const auto i = toAscii(value, m_scratch) ? parseIndex(m_scratch) : std::nullopt;
            if (!i || size_t(*i) >= m_wb.sharedStrings.size())
                m_issues.add(at(row, column), "shared string index " + quoted(value.toStdString()) +
                                                  " is out of range (the workbook has " +
                                                  std::to_string(m_wb.sharedStrings.size()) +
                                                  " shared strings)");
            else
                cell.text = std::string(m_wb.sharedStrings[size_t(*i)]);
        } else if (type == u"inlineStr") {
            cell.text = haveInline ? std::move(inlineText) : decodeXlsxEscapes(value.toStdString());
        } else if (type == u"str") {
            cell.text = decodeXlsxEscapes(value.toStdString());
        } else if (type == u"b") {
            if (value == u"1" || value == u"true")
                cell.text = "true";
            else if (value == u"0" || value == u"false")
                cell.text = "false";
            else
                m_issues.add(at(row, column), "boolean cell holds " + quoted(value.toStdString()));
        } else if (type == u"e") {
            m_issues.add(at(row, column), "the cell holds the error " + value.toStdString() +
                                              (haveFormula ? " (its formula failed)" : ""));
        } else if (type == u"d") {
            cell.text = isoDateText(value.toStdString());
        } else {
            m_issues.add(at(row, column),
                         "unknown cell type " + quoted(type.toString().toStdString()));
        }
        if (cell.text.empty()) {
            --m_used;
        } else if (!m_budget.take(0, cell.text.size())) {
            // Counted as read: one shared string repeated in every cell amplifies here.
            stop(row, m_budget.message());
        }
    }

    bool isDateStyle(QStringView style) {
        if (style.isEmpty() || !toAscii(style, m_scratch))
            return false;
        const auto i = parseIndex(m_scratch);
        return i && size_t(*i) < m_wb.dateStyles.size() && m_wb.dateStyles[size_t(*i)];
    }

    // t="d" cells hold ISO 8601 text; a date at midnight reads as YYYY-MM-DD.
    static std::string isoDateText(std::string s) {
        if (s.size() > 10 && s[10] == 'T') {
            const std::string_view time = std::string_view(s).substr(11);
            if (time.find_first_not_of("0:.Z") == std::string_view::npos)
                s.resize(10);
        }
        return s;
    }

    void finishRow(int row) {
        const auto begin = m_cells.begin(), end = m_cells.begin() + std::ptrdiff_t(m_used);
        if (std::all_of(begin, end, [](const CellText& c) { return isBlank(c.text); }))
            return;
        if (!m_haveHeader) {
            setHeader(row);
            return;
        }
        const auto& columns = m_out.headerColumns;
        if (!m_budget.take(columns.size(), 0)) {
            stop(row, m_budget.message());
            return;
        }
        m_out.beginRow(row);
        size_t k = 0;
        for (const int hc : columns) {
            while (k < m_used && m_cells[k].column < hc)
                stray(row, m_cells[k++]);
            if (k < m_used && m_cells[k].column == hc)
                m_out.appendCell(m_cells[k++].text);
            else
                m_out.appendCell({});
        }
        while (k < m_used)
            stray(row, m_cells[k++]);
    }

    void setHeader(int row) {
        m_haveHeader = true;
        m_out.headerLine = row;
        for (size_t k = 0; k < m_used; ++k) {
            const auto t = trim(m_cells[k].text);
            if (t.empty())
                continue;
            m_out.header.emplace_back(t);
            m_out.headerColumns.push_back(m_cells[k].column);
        }
        // Pre-size from the sheet's declared dimension, within reason (it may lie).
        const size_t columns = m_out.header.size();
        const size_t rows = m_dimensionRows > row ? size_t(m_dimensionRows - row) : 0;
        const size_t cap = (size_t(1) << 22) / columns;
        m_out.reserve(std::min(rows, cap), std::min(rows, cap) * columns * 6);
    }

    void stray(int row, const CellText& c) {
        if (isBlank(c.text))
            return;
        const int last = m_out.headerColumns.back();
        m_issues.add(at(row, c.column),
                     c.column > last
                         ? "cell outside the header's columns (the header ends at column " +
                               xlsxColumnLetters(last) + ")"
                         : std::string("cell in a column whose header cell is empty"));
    }

    QXmlStreamReader& m_xml;
    const XlsxWorkbookData& m_wb;
    RawTable& m_out;
    IssueList& m_issues;
    ReadBudget& m_budget;
    bool m_stopped = false;
    std::vector<CellText> m_cells;
    size_t m_used = 0;
    int m_lastRow = 0;
    int m_lastColumn = 0;
    int m_dimensionRows = 0;
    bool m_haveHeader = false;
    bool m_reportedTooWide = false;
    std::string m_scratch;
};

} // namespace

bool readXlsxStringItem(QXmlStreamReader& xml, int maxLength, std::string& out,
                        std::string& problem) {
    QString s;
    bool ok = true;
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == u"t") {
            ok = ok && readText(xml, maxLength, s, problem);
            if (!ok && xml.tokenType() != QXmlStreamReader::EndElement)
                xml.skipCurrentElement();
        } else if (name == u"r") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"t" && ok)
                    ok = readText(xml, maxLength, s, problem);
                else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement(); // rPh (phonetic run), phoneticPr
        }
    }
    out = ok ? decodeXlsxEscapes(s.toStdString()) : std::string();
    return ok;
}

bool readXlsxSheet(QXmlStreamReader& xml, const XlsxWorkbookData& workbook, RawTable& out,
                   IssueList& issues, ReadBudget& budget, bool& stopped) {
    SheetParser parser(xml, workbook, out, issues, budget);
    const bool rows = parser.run();
    stopped = parser.stopped();
    return rows;
}

} // namespace chokepoint::core::io
