// SPDX-License-Identifier: MIT
#include "core/io/columnmapping.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/io/columnmatch.h"
#include "core/io/fieldreader.h"

namespace chokepoint::core::io {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return r;
}

bool isBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::string sourceName(const RawTable& t) {
    return t.sheet.empty() ? t.file : t.sheet;
}

// The text a mapped cell gets: percent and country conversions, else the source text.
std::string convertCell(std::string_view text, const FieldSource& field, bool countryField,
                        const CountryCodes* countries) {
    if (field.percent) {
        // "45" becomes "45%", which the share reader takes as 0.45; messages then quote
        // the value as the user wrote it, with the percent sign that explains it.
        if (parseNumber(text, false))
            return std::string(trim(text)) + "%";
        return std::string(text);
    }
    if (countryField && countries) {
        auto code = [&](std::string_view one) {
            const auto it = countries->find(lower(trim(one)));
            return it != countries->end() ? it->second : std::string(trim(one));
        };
        // A list (controls.target_country, "China; United States"): each entry on its own.
        if (text.find(';') != std::string_view::npos) {
            std::string out;
            for (const std::string& one : splitIdList(text))
                out += (out.empty() ? "" : ";") + code(one);
            return out;
        }
        const auto it = countries->find(lower(trim(text)));
        if (it != countries->end())
            return it->second;
    }
    return std::string(text);
}

constexpr char kKeyPrefix[] = "import-mapping/";

} // namespace

TableMapping emptyTableMapping(std::string_view table) {
    TableMapping m;
    if (const TableSpec* spec = findTableSpec(table)) {
        m.table = std::string(spec->name);
        m.fields.resize(spec->columns.size());
    }
    return m;
}

bool isCountryField(std::string_view table, std::string_view column) {
    static const std::pair<std::string_view, std::string_view> kFields[] = {
        {"world_shares", "country"},
        {"controls", "issuer"},
        {"controls", "target_country"},
        {"suppliers", "hq_country"},
        {"suppliers", "owner_country"},
        {"sites", "country"},
        {"site_technologies", "source_country"}};
    return std::find(std::begin(kFields), std::end(kFields), std::pair(table, column)) !=
           std::end(kFields);
}

CountryCodes countryCodes(const std::vector<Country>& countries) {
    CountryCodes codes;
    for (const Country& c : countries) {
        codes.emplace(lower(c.iso3), c.iso3);
        codes.emplace(lower(trim(c.name)), c.iso3);
    }
    return codes;
}

RawTable applyTableMapping(const RawTable& source, const TableMapping& mapping,
                           const CountryCodes* countries) {
    RawTable out;
    out.name = mapping.table;
    out.file = source.file;
    out.sheet = source.sheet;
    out.headerLine = source.headerLine;
    out.complete = source.complete;
    const TableSpec* spec = findTableSpec(mapping.table);
    if (!spec)
        return out;
    struct Field {
        FieldSource source;
        bool country;
    };
    std::vector<Field> fields;
    for (size_t i = 0; i < spec->columns.size() && i < mapping.fields.size(); ++i) {
        const FieldSource& f = mapping.fields[i];
        if (f.column < 0 || size_t(f.column) >= source.columnCount())
            continue;
        out.header.emplace_back(spec->columns[i].name);
        out.headerColumns.push_back(size_t(f.column) < source.headerColumns.size()
                                        ? source.headerColumns[size_t(f.column)]
                                        : f.column + 1);
        fields.push_back({f, isCountryField(spec->name, spec->columns[i].name)});
    }
    // The profile's value is a country on its company_country row only.
    int profileKey = -1, profileValue = -1;
    if (spec->name == "profile")
        for (size_t c = 0; c < fields.size(); ++c)
            (out.header[c] == "key" ? profileKey : profileValue) = int(c);
    out.reserve(source.rowCount(), source.arenaSize());
    std::unordered_set<std::string> seen;
    std::vector<std::string> cells(fields.size());
    for (size_t r = 0; r < source.rowCount(); ++r) {
        bool blank = true;
        const bool countryValue =
            profileKey >= 0 && profileValue >= 0 &&
            trim(source.cell(r, size_t(fields[size_t(profileKey)].source.column))) ==
                "company_country";
        for (size_t c = 0; c < fields.size(); ++c) {
            const std::string_view text = source.cell(r, size_t(fields[c].source.column));
            const bool country = fields[c].country || (countryValue && int(c) == profileValue);
            cells[c] = convertCell(text, fields[c].source, country, countries);
            blank = blank && isBlank(cells[c]);
        }
        if (blank)
            continue;
        if (mapping.distinct) {
            std::string key;
            for (const auto& c : cells) {
                key += c;
                key += '\x1f';
            }
            if (!seen.insert(std::move(key)).second)
                continue;
        }
        out.beginRow(source.lineOf(r));
        for (const auto& c : cells)
            out.appendCell(c);
    }
    // Records the reader could not take keep their mapped fields, for their keys.
    for (const auto& bad : source.rejected) {
        RawTable::RejectedRow& mapped = out.rejected.emplace_back();
        mapped.line = bad.line;
        for (const auto& f : fields)
            mapped.fields.push_back(size_t(f.source.column) < bad.fields.size()
                                        ? bad.fields[size_t(f.source.column)]
                                        : std::string());
    }
    return out;
}

bool applyMapping(const std::vector<RawTable>& sources, const std::vector<SourceMapping>& mappings,
                  const MappingOptions& options, MappedTables& out) {
    size_t total = 0, done = 0;
    for (size_t s = 0; s < sources.size() && s < mappings.size(); ++s)
        total += sources[s].rowCount() * mappings[s].tables.size();
    for (size_t s = 0; s < sources.size() && s < mappings.size(); ++s) {
        for (size_t m = 0; m < mappings[s].tables.size(); ++m) {
            if (options.progress && !options.progress(total ? double(done) / double(total) : 0.0))
                return false;
            out.tables.push_back(
                applyTableMapping(sources[s], mappings[s].tables[m], options.countries));
            out.origins.push_back({s, m});
            done += sources[s].rowCount();
        }
    }
    return !options.progress || options.progress(1.0);
}

std::vector<std::string> mappingProblems(const std::vector<RawTable>& sources,
                                         const std::vector<SourceMapping>& mappings) {
    std::vector<std::string> problems;
    std::map<std::string, std::vector<std::string>> filledFrom; // table -> source names
    for (size_t s = 0; s < sources.size() && s < mappings.size(); ++s) {
        const std::string name = sourceName(sources[s]);
        for (const TableMapping& m : mappings[s].tables) {
            const TableSpec* spec = findTableSpec(m.table);
            if (!spec) {
                problems.push_back(name + ": unknown table '" + m.table + "'");
                continue;
            }
            filledFrom[m.table].push_back(name);
            for (size_t i = 0; i < spec->columns.size(); ++i) {
                const bool mapped = i < m.fields.size() && m.fields[i].column >= 0 &&
                                    size_t(m.fields[i].column) < sources[s].columnCount();
                if (spec->columns[i].required && !mapped)
                    problems.push_back(name + " \u2192 " + m.table +
                                       ": no column for the required field '" +
                                       std::string(spec->columns[i].name) + "'");
            }
        }
    }
    for (const auto& [table, from] : filledFrom) {
        if (from.size() < 2)
            continue;
        std::string list;
        for (size_t i = 0; i < from.size(); ++i)
            list += (i == 0 ? "" : i + 1 == from.size() ? " and " : ", ") + from[i];
        problems.push_back(table + " is filled from " + std::to_string(from.size()) + " sources (" +
                           list + "); a table can come from one source only");
    }
    return problems;
}

std::optional<Cell> readValue(const ColumnSpec& column, std::string_view text) {
    if (column.type == ColumnType::Text)
        return text.empty() ? Cell() : Cell(std::string(text));
    const std::string_view v = trim(text);
    if (v.empty())
        return Cell();
    switch (column.type) {
    case ColumnType::Id:
        return isValidId(v) ? std::optional<Cell>(Cell(std::string(v))) : std::nullopt;
    case ColumnType::Number:
        if (const auto n = parseNumber(v, false))
            return Cell(*n);
        return std::nullopt;
    case ColumnType::Share:
        if (const auto n = parseNumber(v, true); n && *n >= 0.0 && *n <= 1.0)
            return Cell(*n);
        return std::nullopt;
    case ColumnType::Integer:
        if (const auto n = parseNumber(v, false); n && std::floor(*n) == *n && std::abs(*n) < 1e15)
            return Cell(int64_t(*n));
        return std::nullopt;
    case ColumnType::Date:
        if (const auto d = Date::parse(v))
            return Cell(*d);
        return std::nullopt;
    case ColumnType::Enum: {
        const bool ok = column.name == "stage"       ? parseStage(v).has_value()
                        : column.name == "kind"      ? parseControlKind(v).has_value()
                        : column.name == "item_kind" ? parseItemKind(v).has_value()
                                                     : false;
        return ok ? std::optional<Cell>(Cell(std::string(v))) : std::nullopt;
    }
    case ColumnType::Text:
        break;
    }
    return std::nullopt;
}

std::optional<MappedCell> findMappedCell(const MappedTables& mapped, const Location& where) {
    std::optional<MappedCell> rowOnly;
    for (size_t t = 0; t < mapped.tables.size(); ++t) {
        const RawTable& table = mapped.tables[t];
        if (table.file != where.file || table.sheet != where.sheet || where.line <= 0)
            continue;
        // Rows keep the source order, so their lines ascend.
        size_t lo = 0, hi = table.rowCount();
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (table.lineOf(mid) < where.line)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == table.rowCount() || table.lineOf(lo) != where.line)
            continue;
        const auto& cols = table.headerColumns;
        const auto it = std::find(cols.begin(), cols.end(), where.column);
        if (where.column > 0 && it != cols.end())
            return MappedCell{t, lo, int(it - cols.begin())};
        if (!rowOnly)
            rowOnly = MappedCell{t, lo, -1};
    }
    return rowOnly;
}

std::string mappingKey(const RawTable& source) {
    std::string signature;
    for (const auto& h : source.header) {
        signature += normalizeHeader(h);
        signature += '|';
    }
    const QByteArray hash = QCryptographicHash::hash(
        QByteArray::fromRawData(signature.data(), qsizetype(signature.size())),
        QCryptographicHash::Sha1);
    return kKeyPrefix + hash.toHex().toStdString();
}

std::string mappingToJson(const SourceMapping& mapping, const RawTable& source) {
    QJsonArray tables;
    for (const TableMapping& m : mapping.tables) {
        const TableSpec* spec = findTableSpec(m.table);
        if (!spec)
            continue;
        QJsonArray fields;
        for (size_t i = 0; i < spec->columns.size() && i < m.fields.size(); ++i) {
            const FieldSource& f = m.fields[i];
            if (f.column < 0 || size_t(f.column) >= source.header.size())
                continue;
            QJsonObject field{{"field", QString::fromUtf8(spec->columns[i].name.data(),
                                                          qsizetype(spec->columns[i].name.size()))},
                              {"column", QString::fromStdString(source.header[size_t(f.column)])}};
            if (f.percent)
                field.insert("percent", true);
            fields.append(field);
        }
        tables.append(QJsonObject{{"table", QString::fromStdString(m.table)},
                                  {"distinct", m.distinct},
                                  {"fields", fields}});
    }
    const QJsonObject root{{"version", 1}, {"tables", tables}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact).toStdString();
}

std::optional<SourceMapping> mappingFromJson(std::string_view json, const RawTable& source) {
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() ||
        doc.object().value("version").toInt() != 1 || !doc.object().value("tables").isArray())
        return std::nullopt;
    SourceMapping out;
    for (const QJsonValue& t : doc.object().value("tables").toArray()) {
        const QJsonObject obj = t.toObject();
        TableMapping m = emptyTableMapping(obj.value("table").toString().toStdString());
        const TableSpec* spec = findTableSpec(m.table);
        if (!spec)
            continue;
        m.distinct = obj.value("distinct").toBool();
        for (const QJsonValue& f : obj.value("fields").toArray()) {
            const QJsonObject field = f.toObject();
            const int i = spec->columnIndex(field.value("field").toString().toStdString());
            const std::string column = field.value("column").toString().toStdString();
            const auto it = std::find(source.header.begin(), source.header.end(), column);
            if (i < 0 || it == source.header.end())
                continue;
            m.fields[size_t(i)] = {int(it - source.header.begin()),
                                   field.value("percent").toBool()};
        }
        out.tables.push_back(std::move(m));
    }
    return out;
}

} // namespace chokepoint::core::io
