// SPDX-License-Identifier: MIT
// .xlsx workbook -> raw tables, on libzip and QXmlStreamReader. The package structure
// (relationships, workbook, shared strings, styles) is read here; cells in xlsxsheet.cpp.
#include "core/io/xlsxreader.h"

#include <functional>
#include <map>
#include <new>
#include <set>
#include <stdexcept>

#include <QXmlStreamReader>

#include "core/io/tableschema.h"
#include "core/io/xlsxsheet.h"
#include "core/io/xlsxutil.h"
#include "core/io/xlsxzip.h"

namespace chokepoint::core::io {
namespace {

struct Relationship {
    std::string type;
    std::string target; ///< resolved part name, or the raw target when external
    bool external = false;
};
using Relationships = std::map<std::string, Relationship>;

struct SheetEntry {
    std::string name;
    std::string relId;
};

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return r;
}

std::string percentDecode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        auto hex = [](char c) {
            return c >= '0' && c <= '9'   ? c - '0'
                   : c >= 'A' && c <= 'F' ? c - 'A' + 10
                   : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                          : -1;
        };
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += char(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i] == '\\' ? '/' : s[i];
        }
    }
    return out;
}

// Part name of a relationship target, relative to the folder of `source` or absolute ("/xl/...").
std::string resolveTarget(const std::string& source, std::string_view rawTarget) {
    std::string target = percentDecode(rawTarget);
    std::string path;
    if (!target.empty() && target.front() == '/')
        path = target.substr(1);
    else
        path = source.substr(0, source.rfind('/') + 1) + target; // rfind npos + 1 = 0
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        const std::string seg = path.substr(start, end - start);
        if (seg == "..") {
            if (!parts.empty())
                parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string relsPartOf(const std::string& part) {
    const size_t slash = part.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    return dir + "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
}

std::string str(QStringView v) {
    return v.toString().toStdString();
}

class WorkbookReader {
public:
    WorkbookReader(const std::string& path, const std::string& displayName,
                   std::vector<RawTable>& tables, IssueList& issues, const XlsxReadOptions& options,
                   ReadBudget& budget)
        : m_path(path)
        , m_display(displayName)
        , m_tables(tables)
        , m_issues(issues)
        , m_options(options)
        , m_budget(budget) {}

    bool run() {
        std::string error;
        if (!m_zip.open(m_path, error)) {
            fail(error);
            return false;
        }
        const std::string workbook = findWorkbook();
        if (workbook.empty())
            return false;
        std::vector<SheetEntry> sheets;
        if (!readWorkbook(workbook, sheets))
            return false;
        Relationships rels;
        const std::string relsPart = m_zip.findPart(relsPartOf(workbook));
        if (relsPart.empty()) {
            fail("not an .xlsx workbook (no " + relsPartOf(workbook) +
                 ", which says where the sheets are)");
            return false;
        }
        if (!readRelationships(relsPart, workbook, rels))
            return false;
        std::string strings, styles;
        for (const auto& [id, rel] : rels) {
            if (endsWith(rel.type, "/sharedStrings"))
                strings = rel.target;
            else if (endsWith(rel.type, "/styles"))
                styles = rel.target;
        }
        if (strings.empty())
            strings = "xl/sharedStrings.xml";
        if (styles.empty())
            styles = "xl/styles.xml";
        if (!readSharedStrings(m_zip.findPart(strings)) || !readStyles(m_zip.findPart(styles)))
            return false;
        bool ok = true;
        const size_t before = m_tables.size();
        for (const auto& sheet : sheets) {
            ok = readSheet(sheet, rels) && ok;
            if (m_stopped)
                return false;
        }
        if (ok && m_tables.size() == before) {
            fail("the workbook has no sheet with data");
            return false;
        }
        return ok;
    }

    void fail(const std::string& message, const std::string& sheet = {}) {
        m_issues.add({m_display, sheet, 0, 0}, message);
    }

private:
    // Streams `part` through `body`; reports XML, size and zip data errors. Each part is read
    // once: fifty sheets pointing at one 100 MB part would otherwise take fifty times as long.
    bool parse(const std::string& part, const std::string& sheet,
               const std::function<bool(QXmlStreamReader&)>& body) {
        if (!m_parsed.insert(lower(part)).second) {
            fail("part " + part + " is used twice (each sheet and table has its own part)", sheet);
            return false;
        }
        std::string error;
        const auto device =
            m_zip.openPart(part, m_options.maxPartSize, error, &m_total, m_options.maxTotalSize);
        if (!device) {
            fail(error, sheet);
            return false;
        }
        QXmlStreamReader xml(device.get());
        bool ok = body(xml);
        // The rest of the part, so that libzip checks its CRC at the end.
        if (ok && !m_stopped && !xml.hasError())
            device->drain();
        if (!device->refusal().empty()) {
            fail("part " + part + ": " + device->refusal(), sheet);
            return false;
        }
        if (device->tooLarge()) {
            fail("part " + part + " unpacks to more than " + std::to_string(m_options.maxPartSize) +
                     " bytes, the limit for one part (a damaged file or a zip bomb)",
                 sheet);
            return false;
        }
        if (!device->dataError().empty()) {
            fail("damaged zip data in part " + part + ": " + device->dataError(), sheet);
            return false;
        }
        if (xml.hasError()) {
            fail("broken XML in part " + part + " at line " + std::to_string(xml.lineNumber()) +
                     ", column " + std::to_string(xml.columnNumber()) + ": " +
                     xml.errorString().toStdString(),
                 sheet);
            return false;
        }
        return ok;
    }

    std::string findWorkbook() {
        std::string workbook;
        if (const auto root = m_zip.findPart("_rels/.rels"); !root.empty()) {
            Relationships rels;
            if (!readRelationships(root, "", rels))
                return {};
            for (const auto& [id, rel] : rels)
                if (endsWith(rel.type, "/officeDocument") && !rel.external)
                    workbook = rel.target;
        }
        if (workbook.empty())
            workbook = "xl/workbook.xml";
        const std::string stored = m_zip.findPart(workbook);
        if (stored.empty()) {
            std::string message = "not an .xlsx workbook (no " + workbook + " in the zip file)";
            if (!m_zip.findPart("content.xml").empty())
                message += "; it looks like an OpenDocument spreadsheet: save it as .xlsx";
            fail(message);
        }
        return stored;
    }

    bool readRelationships(const std::string& part, const std::string& source, Relationships& out) {
        return parse(part, {}, [&](QXmlStreamReader& xml) {
            if (!xml.readNextStartElement())
                return true;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"Relationship") {
                    const auto a = xml.attributes();
                    Relationship r;
                    r.type = str(a.value(QLatin1StringView("Type")));
                    r.external = a.value(QLatin1StringView("TargetMode")) == u"External";
                    r.target =
                        r.external
                            ? str(a.value(QLatin1StringView("Target")))
                            : resolveTarget(source, str(a.value(QLatin1StringView("Target"))));
                    out[str(a.value(QLatin1StringView("Id")))] = std::move(r);
                }
                xml.skipCurrentElement();
            }
            return true;
        });
    }

    bool readWorkbook(const std::string& part, std::vector<SheetEntry>& sheets) {
        return parse(part, {}, [&](QXmlStreamReader& xml) {
            if (!xml.readNextStartElement())
                return true;
            while (xml.readNextStartElement()) {
                const auto name = xml.name();
                if (name == u"workbookPr") {
                    const auto v = xml.attributes().value(QLatin1StringView("date1904"));
                    m_data.date1904 = v == u"1" || v == u"true";
                    xml.skipCurrentElement();
                } else if (name == u"sheets") {
                    while (xml.readNextStartElement()) {
                        if (xml.name() == u"sheet") {
                            SheetEntry e;
                            for (const auto& a : xml.attributes()) {
                                if (a.name() == u"name")
                                    e.name = str(a.value());
                                else if (a.name() == u"id" && !a.namespaceUri().isEmpty())
                                    e.relId = str(a.value()); // r:id
                            }
                            sheets.push_back(std::move(e));
                        }
                        xml.skipCurrentElement();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            return true;
        });
    }

    bool readSharedStrings(const std::string& part) {
        if (part.empty())
            return true; // a workbook without text needs none
        return parse(part, {}, [&](QXmlStreamReader& xml) {
            if (!xml.readNextStartElement())
                return true;
            const ReadLimits& limits = m_budget.limits();
            std::string text, problem;
            while (xml.readNextStartElement()) {
                if (xml.name() != u"si") {
                    xml.skipCurrentElement();
                    continue;
                }
                const std::string which =
                    "shared string " + std::to_string(m_data.sharedStrings.size());
                if (!readXlsxStringItem(xml, limits.maxCellLength, text, problem)) {
                    fail(which + ": " + problem);
                    return false;
                }
                if (m_data.sharedStrings.size() >= limits.maxSharedStrings ||
                    m_data.sharedStrings.textSize() + text.size() > limits.maxText) {
                    fail("more shared strings than the limits allow (" +
                         std::to_string(limits.maxSharedStrings) + " strings, " +
                         std::to_string(limits.maxText >> 20) + " MiB of text)");
                    return false;
                }
                m_data.sharedStrings.add(text);
            }
            return true;
        });
    }

    bool readStyles(const std::string& part) {
        if (part.empty())
            return true; // no styles: no dates
        std::map<int, std::string> formats;
        std::vector<int> xfFormats;
        const bool ok = parse(part, {}, [&](QXmlStreamReader& xml) {
            if (!xml.readNextStartElement())
                return true;
            while (xml.readNextStartElement()) {
                const auto name = xml.name();
                if (name == u"numFmts" || name == u"cellXfs") {
                    const bool isFormats = name == u"numFmts";
                    while (xml.readNextStartElement()) {
                        const auto a = xml.attributes();
                        const int id = a.value(QLatin1StringView("numFmtId")).toInt();
                        if (isFormats && xml.name() == u"numFmt")
                            formats[id] = str(a.value(QLatin1StringView("formatCode")));
                        else if (!isFormats && xml.name() == u"xf")
                            xfFormats.push_back(id);
                        xml.skipCurrentElement();
                    }
                } else {
                    xml.skipCurrentElement(); // cellStyleXfs and dxfs hold xf/numFmt too
                }
            }
            return true;
        });
        for (const int id : xfFormats) {
            const auto custom = formats.find(id);
            m_data.dateStyles.push_back(custom != formats.end()
                                            ? isXlsxDateFormatCode(custom->second)
                                            : isXlsxBuiltinDateFormat(id));
        }
        return ok;
    }

    bool readSheet(const SheetEntry& sheet, const Relationships& rels) {
        const auto rel = rels.find(sheet.relId);
        if (rel == rels.end() || rel->second.external) {
            fail("the workbook lists this sheet, but has no relationship '" + sheet.relId +
                     "' saying where its cells are",
                 sheet.name);
            return false;
        }
        const std::string& type = rel->second.type;
        if (endsWith(type, "/chartsheet") || endsWith(type, "/dialogsheet"))
            return true; // no cells
        const std::string part = m_zip.findPart(rel->second.target);
        if (part.empty()) {
            fail("the sheet's part " + rel->second.target + " is missing from the file",
                 sheet.name);
            return false;
        }
        RawTable table;
        const std::string lowered = lower(sheet.name);
        table.name = findTableSpec(lowered) ? lowered : sheet.name;
        table.file = m_display;
        table.sheet = sheet.name;
        bool hasRows = false;
        const bool ok = parse(part, sheet.name, [&](QXmlStreamReader& xml) {
            hasRows = readXlsxSheet(xml, m_data, table, m_issues, m_budget, m_stopped);
            return !m_stopped;
        });
        if (ok && hasRows)
            m_tables.push_back(std::move(table));
        return ok;
    }

    const std::string& m_path;
    const std::string& m_display;
    std::vector<RawTable>& m_tables;
    IssueList& m_issues;
    const XlsxReadOptions& m_options;
    ReadBudget& m_budget;
    XlsxPackage m_zip;
    XlsxWorkbookData m_data;
    std::set<std::string> m_parsed; ///< parts read so far (lower-case)
    uint64_t m_total = 0;           ///< bytes unpacked so far, every part
    bool m_stopped = false;         ///< a limit of the budget was reached
};

} // namespace

bool readXlsxWorkbook(const std::string& path, const std::string& displayName,
                      std::vector<RawTable>& tables, IssueList& issues,
                      const XlsxReadOptions& options, ReadBudget* budget) {
    ReadBudget own;
    WorkbookReader reader(path, displayName, tables, issues, options, budget ? *budget : own);
    try {
        return reader.run();
    } catch (const std::bad_alloc&) {
        reader.fail("not enough memory to read the workbook");
    } catch (const std::exception& e) {
        reader.fail(std::string("cannot read the workbook: ") + e.what());
    }
    return false;
}

} // namespace chokepoint::core::io
