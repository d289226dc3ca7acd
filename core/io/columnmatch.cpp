// SPDX-License-Identifier: MIT
#include "core/io/columnmatch.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_set>

#include "core/io/fieldreader.h"

namespace chokepoint::core::io {
namespace {

using Words = std::vector<std::string>;

Words split(const std::string& normalized) {
    Words words;
    std::istringstream in(normalized);
    for (std::string w; in >> w;)
        words.push_back(w);
    return words;
}

std::string join(const Words& words) {
    std::string s;
    for (const auto& w : words)
        s += (s.empty() ? "" : " ") + w;
    return s;
}

bool isDigits(const std::string& w) {
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Units, currencies and qualifiers that say how a value is written, not what it is.
const std::unordered_set<std::string>& unitWords() {
    static const std::unordered_set<std::string> words = {
        "usd",    "eur",     "cny",    "rmb",   "gbp",  "jpy",      "chf",    "krw",     "us",
        "dollar", "dollars", "euro",   "euros", "days", "day",      "d",      "percent", "pct",
        "t",      "kg",      "tonnes", "tons",  "mt",   "pcs",      "pieces", "per",     "year",
        "yr",     "p",       "a",      "pa",    "in",   "fraction", "ratio",  "value"};
    return words;
}

// Words in file and sheet names that do not name the content.
const std::unordered_set<std::string>& sourceNoiseWords() {
    static const std::unordered_set<std::string> words = {
        "export", "exports", "list",    "lists",   "master", "data", "sheet", "table",
        "erp",    "sap",     "report",  "extract", "dump",   "file", "of",    "the",
        "our",    "all",     "current", "latest",  "final",  "v",    "copy",  "new"};
    return words;
}

// Synonyms per table and field, '|'-separated, written as normalizeHeader() gives them.
struct FieldSynonyms {
    std::string_view table;
    std::string_view field;
    std::string_view synonyms;
};

constexpr FieldSynonyms kFieldSynonyms[] = {
    {"countries", "iso3", "iso|iso code|iso 3|iso3 code|country code|code|alpha 3|iso alpha 3"},
    {"countries", "name", "name|country|country name"},
    {"countries", "region", "region|continent|world region"},
    {"profile", "key", "key|setting|parameter|property|attribute"},
    {"profile", "value", "value|setting value|content|entry"},
    {"sources", "id", "id|source|source id|ref|reference id"},
    {"sources", "publisher", "publisher|author|organisation|organization|issuer"},
    {"sources", "title", "title|document|document title"},
    {"sources", "year", "year|publication year|published"},
    {"sources", "url", "url|link|web|web address|address"},
    {"sources", "notes", "notes|note|comment|comments|remarks"},
    {"materials", "id",
     "id|material|material id|material no|material number|material code|item|item no|item "
     "number|part number|code"},
    {"materials", "name",
     "name|material name|description|material description|item description|short text"},
    {"materials", "stage", "stage|value chain stage|supply chain stage|process stage"},
    {"materials", "unit", "unit|uom|unit of measure|base unit|base unit of measure"},
    {"recipes", "material_id",
     "material|output|output material|product|parent|parent material|made material"},
    {"recipes", "input_material_id",
     "input|input material|component|child|child material|ingredient|raw material"},
    {"recipes", "qty_per_unit",
     "qty|quantity|qty per unit|quantity per unit|usage|consumption|input qty"},
    {"world_shares", "material_id", "material|commodity|material id"},
    {"world_shares", "country", "country|producer|producing country|country of production"},
    {"world_shares", "share",
     "share|world share|share of world production|production share|market share|global share"},
    {"world_shares", "year", "year|reference year|data year"},
    {"world_shares", "source", "source|sources|reference|references"},
    {"world_shares", "basis",
     "basis|share basis|measure|measured|what is measured|measured as|metric|data basis|basis of "
     "share|share type"},
    {"world_shares", "note", "note|notes|comment|comments|remark|remarks|caveat|caveats"},
    {"technologies", "id", "id|technology|technology id|technology code|process"},
    {"technologies", "name", "name|technology name|process name"},
    {"technologies", "stage", "stage|value chain stage"},
    {"technologies", "description", "description|notes|details"},
    {"controls", "id", "id|control|control id|measure"},
    {"controls", "issuer", "issuer|issuing country|country"},
    {"controls", "title", "title|name|measure title"},
    {"controls", "reference", "reference|announcement|legal reference|announcement no"},
    {"controls", "announced", "announced|announcement date|published|date announced"},
    {"controls", "effective",
     "effective|effective date|effective from|in force from|start|start date|valid from"},
    {"controls", "end", "end|end date|suspended|lifted|valid until|until"},
    {"controls", "kind", "kind|type|measure type|control type"},
    {"controls", "target_country",
     "target country|target|targeted country|target countries|targets|destination|destinations|"
     "destination country|destination countries|applies to"},
    {"controls", "licence_review_days",
     "licence review days|license review days|review days|review time|licence review|license "
     "review|licence review time|license review time"},
    {"controls", "source", "source|sources"},
    {"controls", "status",
     "status|measure status|control status|confirmation|confirmation status|confirmed|state"},
    {"control_items", "control_id", "control|control id|measure"},
    {"control_items", "item_kind", "item kind|kind|type|item type"},
    {"control_items", "item_id", "item|item id|material or technology"},
    {"suppliers", "id",
     "id|supplier|supplier id|supplier no|supplier number|supplier code|vendor|vendor id|vendor "
     "no|vendor number|vendor code|vendor account|creditor|creditor no"},
    {"suppliers", "name",
     "name|supplier name|vendor name|company|company name|legal name|name 1|supplier company"},
    {"suppliers", "hq_country",
     "hq country|hq|headquarters|headquarters country|country|country of origin|home "
     "country|head office country|domicile|supplier country|vendor country"},
    {"suppliers", "owner_country",
     "owner country|parent country|parent company country|ultimate parent country|ultimate "
     "owner country|owner|parent|ownership country|ownership|group country"},
    {"sites", "id",
     "id|site|site id|site code|site no|plant|plant id|plant code|plant no|factory|factory "
     "id|works|location id|supplier site|supplier plant|vendor plant"},
    {"sites", "supplier_id",
     "supplier|supplier id|supplier no|supplier number|supplier code|vendor|vendor id|vendor "
     "no|vendor number|vendor code|vendor account|creditor|creditor no"},
    {"sites", "country",
     "country|country of origin|origin country|origin|site country|plant country|location "
     "country|country code|made in|ship from country"},
    {"sites", "name", "name|site name|plant name|factory name|location|location name"},
    {"sites", "lat", "lat|latitude"},
    {"sites", "lon", "lon|long|lng|longitude"},
    {"sites", "recovery_days",
     "recovery days|recovery time|recovery|ttr|time to recover|time to recovery|days to recover|"
     "restart time|time to restart|outage recovery"},
    {"site_technologies", "site_id", "site|site id|plant|plant id|factory"},
    {"site_technologies", "technology_id", "technology|technology id|process|process id"},
    {"site_technologies", "source_country",
     "source country|technology source|technology origin|origin of technology|technology "
     "country|licensor country|licensor|technology licensor|licence country|license "
     "country|know how country|know how origin"},
    {"products", "id", "id|product|product id|product code|model|model code|sku"},
    {"products", "name", "name|product name|model name|description|product description"},
    {"products", "annual_volume",
     "annual volume|volume|units per year|yearly volume|production volume|annual units|units|"
     "planned volume|sales volume"},
    {"products", "unit_price",
     "unit price|price|price per unit|list price|average price|average selling price|asp"},
    {"product_bom", "product_id", "product|product id|model|parent|vehicle"},
    {"product_bom", "material_id", "material|material id|component|part|item|part number"},
    {"product_bom", "qty_per_unit",
     "qty|quantity|qty per unit|quantity per unit|usage|component quantity|qty per vehicle"},
    {"supply", "buyer_site",
     "buyer site|buyer|buying site|receiving plant|receiving site|ship to|ship to plant|"
     "customer site|our plant|destination plant|buyer plant"},
    {"supply", "material_id",
     "material|material id|material no|material number|material code|item|item no|item "
     "number|part|part no|part number|commodity|sku"},
    {"supply", "supplier_site",
     "supplier site|plant|site|plant id|site id|ship from|ship from plant|supplier plant|vendor "
     "plant|vendor site|source plant|origin plant|factory|supplying plant|supplying site"},
    {"supply", "share",
     "share|share of supply|quota|quota share|allocation|split|supply share|sourcing "
     "share|volume share|share of volume|share of demand"},
    {"supply", "annual_spend",
     "annual spend|spend|yearly spend|purchase value|purchasing volume|annual purchase "
     "value|annual value|spend per year|purchase volume|po value"},
    {"supply", "lead_time_days",
     "lead time|delivery time|replenishment lead time|planned delivery time|lt|transit time"},
    {"inventory", "material_id", "material|material id|material no|item|part"},
    {"inventory", "days_on_hand",
     "days on hand|days of inventory|days of supply|coverage|doh|stock days|inventory "
     "days|days of stock|range of coverage"},
    {"alternatives", "material_id", "material|material id|item|part"},
    {"alternatives", "site_id",
     "site|site id|plant|alternative site|alternative plant|candidate site|candidate plant"},
    {"alternatives", "qualification_days",
     "qualification days|qualification time|qualification|time to qualify|days to qualify"},
    {"alternatives", "max_share",
     "max share|maximum share|capacity share|max allocation|maximum allocation"},
    {"alternatives", "cost_premium_pct",
     "cost premium|premium|cost premium pct|price premium|cost premium percent"},
};

struct TableSynonyms {
    std::string_view table;
    std::string_view synonyms;
};

constexpr TableSynonyms kTableSynonyms[] = {
    {"countries", "country|countries|iso countries"},
    {"profile", "profile|company profile|company|our company|settings|company settings"},
    {"sources", "source|sources|references|bibliography"},
    {"materials", "material|materials|items|item|parts|commodities"},
    {"recipes", "recipe|recipes|material recipes|inputs|input materials|process recipes"},
    {"world_shares", "world share|world shares|world production|production shares|world production "
                     "shares|global production"},
    {"technologies", "technology|technologies|processes"},
    {"controls", "control|controls|export controls|measures"},
    {"control_items", "control item|control items|controlled items"},
    {"suppliers", "supplier|suppliers|vendor|vendors|creditors"},
    {"sites",
     "site|sites|plant|plants|supplier sites|supplier plants|factories|factory|locations|vendor "
     "plants"},
    {"site_technologies",
     "site technology|site technologies|plant technologies|site processes|plant processes"},
    {"products", "product|products|models|vehicles|vehicle models|finished goods"},
    {"product_bom",
     "bom|boms|bill of materials|bills of materials|product bom|product boms|bill of material"},
    {"supply",
     "supply|supplies|purchase lines|purchase line|purchasing|purchases|purchase orders|po "
     "lines|po|sourcing|source list|supply lines|supply links|purchase order lines|scheduling "
     "agreements|quota arrangement|quota arrangements|sourcing split"},
    {"inventory", "inventory|inventories|stock|stocks|stock levels|inventory levels"},
    {"alternatives", "alternative|alternatives|alternative sources|second sources"},
};

std::vector<std::string> splitSynonyms(std::string_view list) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= list.size()) {
        const size_t end = std::min(list.find('|', start), list.size());
        out.emplace_back(list.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

const std::vector<std::string>& fieldSynonyms(std::string_view table, std::string_view field) {
    static const auto index = [] {
        std::map<std::pair<std::string_view, std::string_view>, std::vector<std::string>> m;
        for (const auto& s : kFieldSynonyms)
            m[{s.table, s.field}] = splitSynonyms(s.synonyms);
        return m;
    }();
    static const std::vector<std::string> none;
    const auto it = index.find({table, field});
    return it == index.end() ? none : it->second;
}

// True when `words` holds `part` as a run of whole words.
bool containsRun(const Words& words, const Words& part) {
    if (part.empty() || part.size() > words.size())
        return false;
    return std::search(words.begin(), words.end(), part.begin(), part.end()) != words.end();
}

Words withoutUnits(const Words& words) {
    Words out;
    for (const auto& w : words)
        if (!unitWords().count(w) && !isDigits(w))
            out.push_back(w);
    return out;
}

int sumOfScores(const TableSpec& spec, const std::vector<int>& columns,
                const std::vector<std::string>& headers) {
    int sum = 0;
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i] >= 0)
            sum += matchScore(spec, i, headers[size_t(columns[i])]);
    return sum;
}

bool requiredMatched(const TableSpec& spec, const std::vector<int>& columns,
                     const std::vector<std::string>& headers, int minScore) {
    for (size_t i = 0; i < spec.columns.size(); ++i)
        if (spec.columns[i].required &&
            (columns[i] < 0 || matchScore(spec, i, headers[size_t(columns[i])]) < minScore))
            return false;
    return true;
}

} // namespace

std::string normalizeHeader(std::string_view text) {
    std::string out;
    bool wordOpen = false;
    char prev = 0;
    auto addWord = [&](std::string_view w) {
        if (!out.empty())
            out += ' ';
        out += w;
        wordOpen = false;
    };
    for (const char c : text) {
        const bool upper = c >= 'A' && c <= 'Z';
        const bool lowerCase = c >= 'a' && c <= 'z';
        const bool digit = c >= '0' && c <= '9';
        if (upper || lowerCase || digit) {
            const bool camel = upper && prev >= 'a' && prev <= 'z';
            if (!wordOpen || camel) {
                if (!out.empty())
                    out += ' ';
                wordOpen = true;
            }
            out += upper ? char(c - 'A' + 'a') : c;
        } else if (c == '%') {
            addWord("percent");
        } else if (c == '#') {
            addWord("no");
        } else {
            wordOpen = false;
        }
        prev = c;
    }
    return out;
}

int matchScore(const TableSpec& table, size_t column, std::string_view header) {
    if (column >= table.columns.size())
        return 0;
    const std::string h = normalizeHeader(header);
    if (h.empty())
        return 0;
    const std::string field = normalizeHeader(table.columns[column].name);
    if (h == field)
        return kExactMatch;
    const auto& synonyms = fieldSynonyms(table.name, table.columns[column].name);
    if (std::find(synonyms.begin(), synonyms.end(), h) != synonyms.end())
        return kSynonymMatch;
    const Words words = split(h);
    const std::string bare = join(withoutUnits(words));
    if (!bare.empty() &&
        (bare == field || std::find(synonyms.begin(), synonyms.end(), bare) != synonyms.end()))
        return kUnitMatch;
    // A name of two or more words inside a longer header ("Annual spend 2024 budget").
    const Words fieldWords = split(field);
    if (fieldWords.size() >= 2 && containsRun(words, fieldWords))
        return kContainsMatch;
    for (const auto& s : synonyms) {
        const Words sw = split(s);
        if (sw.size() >= 2 && containsRun(words, sw))
            return kContainsMatch;
    }
    return 0;
}

std::vector<int> matchColumns(const TableSpec& table, const std::vector<std::string>& headers) {
    struct Candidate {
        int score;
        size_t field;
        size_t column;
    };
    std::vector<Candidate> candidates;
    for (size_t f = 0; f < table.columns.size(); ++f)
        for (size_t c = 0; c < headers.size(); ++c)
            if (const int s = matchScore(table, f, headers[c]); s >= kMinMatchScore)
                candidates.push_back({s, f, c});
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(b.score, a.field, a.column) < std::tie(a.score, b.field, b.column);
    });
    std::vector<int> out(table.columns.size(), -1);
    std::vector<char> used(headers.size(), 0);
    for (const Candidate& c : candidates) {
        if (out[c.field] >= 0 || used[c.column])
            continue;
        out[c.field] = int(c.column);
        used[c.column] = 1;
    }
    return out;
}

const TableSpec* tableForSourceName(std::string_view name) {
    // The name as it is, then without the words that do not name the content.
    const std::string full = normalizeHeader(name);
    Words words;
    for (auto& w : split(full))
        if (!sourceNoiseWords().count(w) && !isDigits(w))
            words.push_back(w);
    for (const std::string& key : {full, join(words)}) {
        if (key.empty())
            continue;
        for (const TableSpec& spec : tableSpecs())
            if (normalizeHeader(spec.name) == key)
                return &spec;
        for (const auto& t : kTableSynonyms) {
            const auto synonyms = splitSynonyms(t.synonyms);
            if (std::find(synonyms.begin(), synonyms.end(), key) != synonyms.end())
                return findTableSpec(t.table);
        }
    }
    return nullptr;
}

bool looksLikePercent(const RawTable& source, size_t column) {
    if (column >= source.columnCount())
        return false;
    // "Share %" says so itself: then a value above 100 is a mistake to report, not a sign
    // that the column holds something else.
    const Words words = split(normalizeHeader(source.header[column]));
    const bool saysPercent = std::find(words.begin(), words.end(), "percent") != words.end() ||
                             std::find(words.begin(), words.end(), "pct") != words.end();
    // A column of fractions with one typo (0.2, 0.55, 1.2) must stay fractions, so the typo
    // is reported as a share above 1; only a majority of values above 1 means percent.
    size_t values = 0, aboveOne = 0;
    for (size_t r = 0; r < source.rowCount(); ++r) {
        std::string_view v = source.cell(r, column);
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
            v.remove_prefix(1);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t'))
            v.remove_suffix(1);
        if (v.empty())
            continue;
        const auto n = parseNumber(v, false);
        if (!n || *n < 0.0 || (*n > 100.0 && !saysPercent))
            return false;
        ++values;
        aboveOne += *n > 1.0 ? 1 : 0;
    }
    return 2 * aboveOne > values;
}

TableMapping proposeTableMapping(const RawTable& source, const TableSpec& table) {
    TableMapping m = emptyTableMapping(table.name);
    const std::vector<int> columns = matchColumns(table, source.header);
    for (size_t i = 0; i < columns.size(); ++i) {
        m.fields[i].column = columns[i];
        m.fields[i].percent = columns[i] >= 0 && table.columns[i].type == ColumnType::Share &&
                              looksLikePercent(source, size_t(columns[i]));
    }
    return m;
}

std::vector<SourceMapping> proposeMappings(const std::vector<RawTable>& sources) {
    std::vector<SourceMapping> out(sources.size());
    std::set<std::string_view> filled; // tables some source fills
    for (size_t s = 0; s < sources.size(); ++s) {
        const RawTable& src = sources[s];
        const TableSpec* primary = tableForSourceName(src.sheet.empty() ? src.name : src.sheet);
        if (!primary) {
            int best = 0;
            for (const TableSpec& spec : tableSpecs()) {
                const auto columns = matchColumns(spec, src.header);
                const int score = sumOfScores(spec, columns, src.header);
                if (requiredMatched(spec, columns, src.header, kMinMatchScore) && score > best) {
                    best = score;
                    primary = &spec;
                }
            }
        }
        if (primary) {
            out[s].tables.push_back(proposeTableMapping(src, *primary));
            filled.insert(primary->name);
        }
    }
    for (size_t s = 0; s < sources.size(); ++s) {
        if (out[s].tables.empty())
            continue;
        const RawTable& src = sources[s];
        std::vector<char> used(src.columnCount(), 0);
        for (const FieldSource& f : out[s].tables[0].fields)
            if (f.column >= 0)
                used[size_t(f.column)] = 1;
        // First every derived table's required fields, then optional fields from what is left:
        // a purchase line's country belongs to the plant, not to the supplier's headquarters.
        std::vector<std::pair<const TableSpec*, std::vector<int>>> derived;
        for (const TableSpec& spec : tableSpecs()) {
            // The profile's key/value rows never come out of another table's rows.
            if (spec.reference || filled.count(spec.name) || spec.name == "profile")
                continue;
            auto columns = matchColumns(spec, src.header);
            if (!requiredMatched(spec, columns, src.header, kUnitMatch))
                continue;
            for (size_t i = 0; i < spec.columns.size(); ++i)
                if (spec.columns[i].required)
                    used[size_t(columns[i])] = 1;
            derived.emplace_back(&spec, std::move(columns));
            filled.insert(spec.name);
        }
        for (auto& [spec, columns] : derived) {
            TableMapping m = emptyTableMapping(spec->name);
            m.distinct = true;
            for (size_t i = 0; i < spec->columns.size(); ++i) {
                const int c = columns[i];
                if (c < 0 || (!spec->columns[i].required && used[size_t(c)]))
                    continue;
                used[size_t(c)] = 1;
                m.fields[i] = {c, spec->columns[i].type == ColumnType::Share &&
                                      looksLikePercent(src, size_t(c))};
            }
            out[s].tables.push_back(std::move(m));
        }
    }
    return out;
}

} // namespace chokepoint::core::io
