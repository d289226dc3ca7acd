// SPDX-License-Identifier: MIT
// Cross-row checks of an import against itself and what stays in the workspace.
#include "core/io/validator.h"

#include <algorithm>
#include <array>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/io/csv.h"
#include "core/io/tableschema.h"

namespace chokepoint::core::io {
namespace {

using IdSet = std::unordered_set<std::string_view>;

// A composite key as views into the rows (no string is built per row: a million-row table
// costs a million hash inserts, not a million allocations).
template <size_t N> using Key = std::array<std::string_view, N>;
struct KeyHash {
    template <size_t N> size_t operator()(const Key<N>& k) const {
        size_t h = 0;
        for (const std::string_view s : k)
            h = h * 0x9E3779B97F4A7C15ull + std::hash<std::string_view>{}(s);
        return h;
    }
};

// The keys a reference may name: those of the import and of the workspace, plus what tells
// that a key may exist without being readable (ImportedRows::unreadableKeys, keysUnknown).
struct Known {
    IdSet ids;
    const IdSet* unreadable = nullptr;
    bool unknown = false; ///< the table's keys are not all known: every reference passes

    bool has(std::string_view key) const {
        return unknown || ids.count(key) || (unreadable && unreadable->count(key));
    }
};

// SPEC §2 says +1e-9, but its own worked example (shares rounded to six decimals) sums to
// 1.000001 for several groups. Rounded input must import, so the tolerance allows rounding
// of a few links at four decimals while still catching real over-allocation.
constexpr double kShareSumTolerance = 1e-4;

class Checker {
public:
    Checker(const ImportedRows& in, const Dataset& kept, IssueList& issues)
        : m_in(in)
        , m_kept(kept)
        , m_issues(issues) {}

    void run();

private:
    void error(std::string_view table, size_t row, std::string_view column, std::string msg) {
        m_issues.add(m_in.locate(table, row, column), std::move(msg));
    }

    // Unique keys: within the import, and against the kept workspace rows.
    template <class T, class GetKey>
    void unique(std::string_view table, std::string_view column, const std::vector<T>& imported,
                const std::vector<T>& kept, GetKey key, std::string_view what) {
        std::unordered_map<decltype(key(imported.front())), size_t, KeyHash> seen;
        seen.reserve(imported.size() + kept.size());
        for (const auto& r : kept)
            seen.emplace(key(r), SIZE_MAX);
        for (size_t i = 0; i < imported.size(); ++i) {
            auto [it, inserted] = seen.emplace(key(imported[i]), i);
            if (inserted)
                continue;
            if (it->second == SIZE_MAX)
                error(table, i, column, std::string(what) + " already exists in the workspace");
            else
                error(table, i, column,
                      std::string(what) + " is given twice (first on line " +
                          std::to_string(m_in.locate(table, it->second).line) + ")");
        }
    }

    template <class T, class Get>
    Known ids(std::string_view table, const std::vector<T>& a, const std::vector<T>& b, Get get) {
        Known k;
        k.ids.reserve(a.size() + b.size());
        for (const auto& r : a)
            k.ids.insert(get(r));
        for (const auto& r : b)
            k.ids.insert(get(r));
        if (const auto it = m_in.unreadableKeys.find(table); it != m_in.unreadableKeys.end())
            k.unreadable = &it->second;
        k.unknown = m_in.keysUnknown.count(table) > 0;
        return k;
    }

    void ref(const Known& known, std::string_view value, std::string_view table, size_t row,
             std::string_view column, std::string_view what) {
        if (!value.empty() && !known.has(value))
            error(table, row, column,
                  "unknown " + std::string(what) + " '" + std::string(value) +
                      "' (not in the import nor in the workspace)");
    }

    void checkSupplyShares();
    void checkRecipeCycles();

    const ImportedRows& m_in;
    const Dataset& m_kept;
    IssueList& m_issues;
};

void Checker::run() {
    const Dataset& d = m_in.data;
    const Dataset& k = m_kept;
    auto quoteId = [](std::string_view id) { return "'" + std::string(id) + "'"; };

    unique(
        "countries", "iso3", d.countries, k.countries,
        [](const Country& x) { return Key<1>{x.iso3}; }, "country");
    unique(
        "sources", "id", d.sources, k.sources, [](const Source& x) { return Key<1>{x.id}; },
        "source id");
    unique(
        "materials", "id", d.materials, k.materials, [](const Material& x) { return Key<1>{x.id}; },
        "material id");
    unique(
        "recipes", "input_material_id", d.recipes, k.recipes,
        [](const Recipe& x) {
            return Key<2>{x.materialId, x.inputMaterialId};
        },
        "this recipe input");
    unique(
        "world_shares", "country", d.worldShares, k.worldShares,
        [](const WorldShare& x) {
            return Key<2>{x.materialId, x.country};
        },
        "a world share for this material and country");
    unique(
        "technologies", "id", d.technologies, k.technologies,
        [](const Technology& x) { return Key<1>{x.id}; }, "technology id");
    unique(
        "controls", "id", d.controls, k.controls, [](const Control& x) { return Key<1>{x.id}; },
        "control id");
    unique(
        "control_items", "item_id", d.controlItems, k.controlItems,
        [](const ControlItem& x) {
            return Key<3>{x.controlId, toString(x.itemKind), x.itemId};
        },
        "this control item");
    unique(
        "suppliers", "id", d.suppliers, k.suppliers, [](const Supplier& x) { return Key<1>{x.id}; },
        "supplier id");
    unique(
        "sites", "id", d.sites, k.sites, [](const Site& x) { return Key<1>{x.id}; }, "site id");
    unique(
        "site_technologies", "technology_id", d.siteTechnologies, k.siteTechnologies,
        [](const SiteTechnology& x) {
            return Key<2>{x.siteId, x.technologyId};
        },
        "this site technology");
    unique(
        "products", "id", d.products, k.products, [](const Product& x) { return Key<1>{x.id}; },
        "product id");
    unique(
        "product_bom", "material_id", d.productBom, k.productBom,
        [](const BomLine& x) {
            return Key<2>{x.productId, x.materialId};
        },
        "this BOM line");
    unique(
        "supply", "supplier_site", d.supply, k.supply,
        [](const SupplyLink& x) {
            return Key<3>{x.buyerSite, x.materialId, x.supplierSite};
        },
        "a supply link with this buyer_site, material_id and supplier_site");
    unique(
        "inventory", "material_id", d.inventory, k.inventory,
        [](const InventoryLevel& x) { return Key<1>{x.materialId}; },
        "inventory for this material");
    unique(
        "alternatives", "site_id", d.alternatives, k.alternatives,
        [](const Alternative& x) {
            return Key<2>{x.materialId, x.siteId};
        },
        "this alternative");

    const Known countries = ids("countries", d.countries, k.countries,
                                [](const Country& x) -> std::string_view { return x.iso3; });
    const Known materials = ids("materials", d.materials, k.materials,
                                [](const Material& x) -> std::string_view { return x.id; });
    const Known techs = ids("technologies", d.technologies, k.technologies,
                            [](const Technology& x) -> std::string_view { return x.id; });
    const Known controls = ids("controls", d.controls, k.controls,
                               [](const Control& x) -> std::string_view { return x.id; });
    const Known suppliers = ids("suppliers", d.suppliers, k.suppliers,
                                [](const Supplier& x) -> std::string_view { return x.id; });
    const Known sites =
        ids("sites", d.sites, k.sites, [](const Site& x) -> std::string_view { return x.id; });
    const Known products = ids("products", d.products, k.products,
                               [](const Product& x) -> std::string_view { return x.id; });
    (void)quoteId;

    if (d.profile.companyCountry)
        for (size_t i = 0; i < m_in.profileKeys.size(); ++i)
            if (m_in.profileKeys[i] == "company_country")
                ref(countries, *d.profile.companyCountry, "profile", i, "value", "country");
    for (size_t i = 0; i < d.recipes.size(); ++i) {
        ref(materials, d.recipes[i].materialId, "recipes", i, "material_id", "material");
        ref(materials, d.recipes[i].inputMaterialId, "recipes", i, "input_material_id", "material");
    }
    for (size_t i = 0; i < d.worldShares.size(); ++i) {
        ref(materials, d.worldShares[i].materialId, "world_shares", i, "material_id", "material");
        ref(countries, d.worldShares[i].country, "world_shares", i, "country", "country");
    }
    for (size_t i = 0; i < d.controls.size(); ++i) {
        ref(countries, d.controls[i].issuer, "controls", i, "issuer", "country");
        for (const std::string& target : d.controls[i].targetCountries)
            ref(countries, target, "controls", i, "target_country", "country");
    }
    for (size_t i = 0; i < d.controlItems.size(); ++i) {
        const auto& x = d.controlItems[i];
        ref(controls, x.controlId, "control_items", i, "control_id", "control");
        if (x.itemKind == ItemKind::Material)
            ref(materials, x.itemId, "control_items", i, "item_id", "material");
        else
            ref(techs, x.itemId, "control_items", i, "item_id", "technology");
    }
    for (size_t i = 0; i < d.suppliers.size(); ++i) {
        if (d.suppliers[i].hqCountry)
            ref(countries, *d.suppliers[i].hqCountry, "suppliers", i, "hq_country", "country");
        if (d.suppliers[i].ownerCountry)
            ref(countries, *d.suppliers[i].ownerCountry, "suppliers", i, "owner_country",
                "country");
    }
    for (size_t i = 0; i < d.sites.size(); ++i) {
        ref(suppliers, d.sites[i].supplierId, "sites", i, "supplier_id", "supplier");
        ref(countries, d.sites[i].country, "sites", i, "country", "country");
    }
    for (size_t i = 0; i < d.siteTechnologies.size(); ++i) {
        ref(sites, d.siteTechnologies[i].siteId, "site_technologies", i, "site_id", "site");
        ref(techs, d.siteTechnologies[i].technologyId, "site_technologies", i, "technology_id",
            "technology");
        if (d.siteTechnologies[i].sourceCountry)
            ref(countries, *d.siteTechnologies[i].sourceCountry, "site_technologies", i,
                "source_country", "country");
    }
    for (size_t i = 0; i < d.productBom.size(); ++i) {
        ref(products, d.productBom[i].productId, "product_bom", i, "product_id", "product");
        ref(materials, d.productBom[i].materialId, "product_bom", i, "material_id", "material");
    }
    for (size_t i = 0; i < d.supply.size(); ++i) {
        const auto& x = d.supply[i];
        ref(sites, x.buyerSite, "supply", i, "buyer_site", "site");
        ref(materials, x.materialId, "supply", i, "material_id", "material");
        ref(sites, x.supplierSite, "supply", i, "supplier_site", "site");
    }
    for (size_t i = 0; i < d.inventory.size(); ++i)
        ref(materials, d.inventory[i].materialId, "inventory", i, "material_id", "material");
    for (size_t i = 0; i < d.alternatives.size(); ++i) {
        ref(materials, d.alternatives[i].materialId, "alternatives", i, "material_id", "material");
        ref(sites, d.alternatives[i].siteId, "alternatives", i, "site_id", "site");
    }
    checkSupplyShares();
    checkRecipeCycles();
}

void Checker::checkSupplyShares() {
    struct Group {
        double sum = 0;
        size_t lastImported = SIZE_MAX;
    };
    std::unordered_map<Key<2>, Group, KeyHash> groups;
    groups.reserve(m_in.data.supply.size() / 4 + m_kept.supply.size() / 4);
    auto key = [](const SupplyLink& x) { return Key<2>{x.buyerSite, x.materialId}; };
    for (const auto& x : m_kept.supply)
        groups[key(x)].sum += x.share;
    for (size_t i = 0; i < m_in.data.supply.size(); ++i) {
        auto& g = groups[key(m_in.data.supply[i])];
        g.sum += m_in.data.supply[i].share;
        g.lastImported = i;
    }
    for (const auto& [k, g] : groups) {
        if (g.lastImported == SIZE_MAX || g.sum <= 1.0 + kShareSumTolerance)
            continue;
        const auto& x = m_in.data.supply[g.lastImported];
        error(
            "supply", g.lastImported, "share",
            "supply shares of material '" + x.materialId + "' bought by " +
                (x.buyerSite.empty() ? std::string("our company") : "site '" + x.buyerSite + "'") +
                " sum to " + formatNumber(g.sum) + ", more than 1");
    }
}

void Checker::checkRecipeCycles() {
    // Graph material -> inputs over kept and imported recipes; imported edges remember their row.
    struct Edge {
        std::string_view to;
        size_t importedRow;
    };
    std::unordered_map<std::string_view, std::vector<Edge>> graph;
    for (const auto& r : m_kept.recipes)
        graph[r.materialId].push_back({r.inputMaterialId, SIZE_MAX});
    for (size_t i = 0; i < m_in.data.recipes.size(); ++i)
        graph[m_in.data.recipes[i].materialId].push_back({m_in.data.recipes[i].inputMaterialId, i});

    enum Color { White, Grey, Black };
    std::unordered_map<std::string_view, Color> color;
    std::vector<std::string_view> path;
    std::vector<size_t> pathRows;
    // Iterative DFS to survive 1,000-level chains without deep recursion.
    struct Frame {
        std::string_view node;
        size_t next;
    };
    // Sorted starting points and rotated cycle text keep the message deterministic.
    std::vector<std::string_view> starts;
    for (const auto& entry : graph)
        starts.push_back(entry.first);
    std::sort(starts.begin(), starts.end());
    for (const std::string_view start : starts) {
        if (color[start] != White)
            continue;
        std::vector<Frame> stack{{start, 0}};
        color[start] = Grey;
        path.assign(1, start);
        pathRows.clear();
        while (!stack.empty()) {
            Frame& f = stack.back();
            auto it = graph.find(f.node);
            if (it == graph.end() || f.next >= it->second.size()) {
                color[f.node] = Black;
                stack.pop_back();
                path.pop_back();
                if (!pathRows.empty())
                    pathRows.pop_back();
                continue;
            }
            const Edge e = it->second[f.next++];
            const Color c = color[e.to];
            if (c == White) {
                color[e.to] = Grey;
                stack.push_back({e.to, 0});
                path.push_back(e.to);
                pathRows.push_back(e.importedRow);
            } else if (c == Grey) {
                // Cycle: from e.to along the path back to f.node, then e.to again.
                size_t from = 0;
                while (path[from] != e.to)
                    ++from;
                std::vector<std::string_view> cycle(path.begin() + long(from), path.end());
                std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()),
                            cycle.end());
                std::string text;
                for (const auto m : cycle)
                    text += std::string(m) + " -> ";
                text += std::string(cycle.front());
                size_t row = e.importedRow;
                for (size_t i = from; row == SIZE_MAX && i < pathRows.size(); ++i)
                    row = pathRows[i];
                if (row != SIZE_MAX)
                    error("recipes", row, "input_material_id", "recipe cycle: " + text);
                else
                    m_issues.add({"recipes", {}, 0, 0}, "recipe cycle: " + text);
            }
        }
    }
}

} // namespace

Location ImportedRows::locate(std::string_view table, size_t i, std::string_view column) const {
    auto it = origins.find(table);
    if (it == origins.end() || !it->second.table || i >= it->second.rows.size())
        return {std::string(table), {}, 0, 0};
    const RawTable& raw = *it->second.table;
    const uint32_t r = it->second.rows[i];
    if (column.empty())
        return raw.locateRow(r);
    for (size_t c = 0; c < raw.header.size(); ++c) {
        std::string h = raw.header[c];
        for (auto& ch : h)
            if (ch >= 'A' && ch <= 'Z')
                ch = char(ch - 'A' + 'a');
        if (h == column)
            return raw.locate(r, c);
    }
    return raw.locateRow(r);
}

bool ImportedRows::hasReferenceTables() const {
    for (const auto& [name, origin] : origins)
        if (const auto* spec = findTableSpec(name); spec && spec->reference)
            return true;
    return false;
}

void crossCheck(const ImportedRows& imported, const Dataset& kept, IssueList& issues) {
    Checker(imported, kept, issues).run();
}

} // namespace chokepoint::core::io
