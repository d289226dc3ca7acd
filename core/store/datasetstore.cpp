// SPDX-License-Identifier: MIT
// Workspace::load and Workspace::write: the Dataset <-> SQLite mapping.
#include <filesystem>
#include <functional>
#include <thread>

#include "core/model/profile.h"
#include "core/store/bulkindex.h"
#include "core/store/workspace.h"

namespace chokepoint::core {
namespace {

using sql::Statement;

std::optional<Date> optDate(const Statement& st, int col) {
    if (st.isNull(col))
        return std::nullopt;
    return Date::parse(st.textView(col));
}

std::optional<std::string> optDateText(const std::optional<Date>& d) {
    if (!d)
        return std::nullopt;
    return d->toString();
}

std::optional<std::string> optEmpty(const std::string& s) {
    if (s.empty())
        return std::nullopt;
    return s;
}

// Runs `select`, calling `row` for each result; any SQL error ends the load.
template <class Row> Result<void> query(sql::Database& db, const std::string& select, Row row) {
    Statement st(db, select);
    if (!st.valid())
        return Error{st.errorString()};
    while (st.step())
        if (!row(st))
            return Error{"invalid value in: " + std::string(select)};
    if (!st.errorString().empty())
        return Error{st.errorString()};
    return {};
}

template <class T, class Bind>
Result<void> insertAll(sql::Database& db, std::string_view insertSql, const std::vector<T>& rows,
                       Bind bind) {
    Statement st(db, insertSql);
    if (!st.valid())
        return Error{st.errorString()};
    for (const T& r : rows) {
        bind(st, r);
        if (auto res = st.run(); !res)
            return res;
        st.reset();
    }
    return {};
}

// A column that schema `since` added: its name, or on an older workspace (read as it is, see
// Workspace::openReadOnly) the SQL of the default that the migration gives old rows.
std::string column(int version, int since, std::string_view name, std::string_view fallback) {
    return std::string(version >= since ? name : fallback);
}

// Every table but supply, whose rows `readSupplyRows` reads, into `d`.
Result<void> readTables(sql::Database& db, int version, Dataset& d,
                        const std::function<Result<void>()>& readSupplyRows) {
    Result<void> r;
    if (version >= 3)
        r = query(db, "SELECT key, value FROM profile ORDER BY rowid", [&](const Statement& s) {
            return setProfileEntry(d.profile, s.textView(0), s.textView(1));
        });
    if (r)
        r = query(db, "SELECT iso3, name, region FROM countries ORDER BY rowid",
                  [&](const Statement& s) {
                      d.countries.push_back({s.text(0), s.text(1), s.optText(2)});
                      return true;
                  });
    if (r)
        r = query(db, "SELECT id, publisher, title, year, url, notes FROM sources ORDER BY rowid",
                  [&](const Statement& s) {
                      d.sources.push_back({s.text(0), s.text(1), s.optText(2), s.optInt(3),
                                           s.optText(4), s.optText(5)});
                      return true;
                  });
    if (r)
        r = query(db, "SELECT id, name, stage, unit FROM materials ORDER BY rowid",
                  [&](const Statement& s) {
                      auto stage = parseStage(s.textView(2));
                      if (!stage)
                          return false;
                      d.materials.push_back({s.text(0), s.text(1), *stage, s.optText(3)});
                      return true;
                  });
    if (r)
        r = query(db,
                  "SELECT material_id, input_material_id, qty_per_unit FROM recipes ORDER BY rowid",
                  [&](const Statement& s) {
                      d.recipes.push_back({s.text(0), s.text(1), s.real(2)});
                      return true;
                  });
    if (r)
        r = query(db,
                  "SELECT material_id, country, share, year, source, " +
                      column(version, 3, "basis, note", "'production', NULL") +
                      " FROM world_shares ORDER BY rowid",
                  [&](const Statement& s) {
                      const auto basis = parseShareBasis(s.textView(5));
                      if (!basis)
                          return false;
                      d.worldShares.push_back({s.text(0), s.text(1), s.real(2), s.optInt(3),
                                               s.optText(4), *basis, s.optText(6)});
                      return true;
                  });
    if (r)
        r = query(db, "SELECT id, name, stage, description FROM technologies ORDER BY rowid",
                  [&](const Statement& s) {
                      std::optional<Stage> stage;
                      if (!s.isNull(2)) {
                          stage = parseStage(s.textView(2));
                          if (!stage)
                              return false;
                      }
                      d.technologies.push_back({s.text(0), s.text(1), stage, s.optText(3)});
                      return true;
                  });
    if (r)
        r = query(db,
                  "SELECT id, issuer, title, reference, announced, effective, \"end\", kind, "
                  "target_country, licence_review_days, source, " +
                      column(version, 3, "status", "'confirmed'") + " FROM controls ORDER BY rowid",
                  [&](const Statement& s) {
                      auto effective = Date::parse(s.textView(5));
                      auto kind = parseControlKind(s.textView(7));
                      auto status = parseControlStatus(s.textView(11));
                      if (!effective || !kind || !status)
                          return false;
                      d.controls.push_back({s.text(0), s.text(1), s.text(2), s.optText(3),
                                            optDate(s, 4), *effective, optDate(s, 6), *kind,
                                            splitIdList(s.textView(8)), s.optInt(9), s.optText(10),
                                            *status});
                      return true;
                  });
    if (r)
        r = query(db, "SELECT control_id, item_kind, item_id FROM control_items ORDER BY rowid",
                  [&](const Statement& s) {
                      auto kind = parseItemKind(s.textView(1));
                      if (!kind)
                          return false;
                      d.controlItems.push_back({s.text(0), *kind, s.text(2)});
                      return true;
                  });
    if (r)
        r = query(db, "SELECT id, name, hq_country, owner_country FROM suppliers ORDER BY rowid",
                  [&](const Statement& s) {
                      d.suppliers.push_back({s.text(0), s.text(1), s.optText(2), s.optText(3)});
                      return true;
                  });
    if (r)
        r = query(db,
                  "SELECT id, supplier_id, country, name, lat, lon, " +
                      column(version, 3, "recovery_days", "NULL") + " FROM sites ORDER BY rowid",
                  [&](const Statement& s) {
                      d.sites.push_back({s.text(0), s.text(1), s.text(2), s.optText(3),
                                         s.optReal(4), s.optReal(5), s.optInt(6)});
                      return true;
                  });
    if (r)
        r = query(db,
                  "SELECT site_id, technology_id, " + column(version, 3, "source_country", "NULL") +
                      " FROM site_technologies ORDER BY rowid",
                  [&](const Statement& s) {
                      d.siteTechnologies.push_back({s.text(0), s.text(1), s.optText(2)});
                      return true;
                  });
    if (r)
        r = query(db, "SELECT id, name, annual_volume, unit_price FROM products ORDER BY rowid",
                  [&](const Statement& s) {
                      d.products.push_back({s.text(0), s.text(1), s.real(2), s.optReal(3)});
                      return true;
                  });
    if (r)
        r = query(db,
                  "SELECT product_id, material_id, qty_per_unit FROM product_bom ORDER BY rowid",
                  [&](const Statement& s) {
                      d.productBom.push_back({s.text(0), s.text(1), s.real(2)});
                      return true;
                  });
    if (r)
        r = readSupplyRows();
    if (r)
        r = query(db, "SELECT material_id, days_on_hand FROM inventory ORDER BY rowid",
                  [&](const Statement& s) {
                      d.inventory.push_back({s.text(0), s.real(1)});
                      return true;
                  });
    if (r)
        r = query(db,
                  "SELECT material_id, site_id, qualification_days, max_share, cost_premium_pct "
                  "FROM alternatives ORDER BY rowid",
                  [&](const Statement& s) {
                      d.alternatives.push_back({s.text(0), s.text(1),
                                                static_cast<int>(s.integer(2)), s.real(3),
                                                s.optReal(4)});
                      return true;
                  });
    return r;
}

constexpr const char* kSupplySelect =
    "SELECT buyer_site, material_id, supplier_site, share, annual_spend, lead_time_days "
    "FROM supply WHERE rowid BETWEEN ? AND ? ORDER BY rowid";
// Below this many supply rows a second connection costs more than it saves.
constexpr int64_t kParallelSupplyRows = 200000;

// Supply rows with rowid in [from, to], in rowid order, appended to `out`.
Result<void> readSupply(sql::Database& db, int64_t from, int64_t to, std::vector<SupplyLink>& out) {
    Statement st(db, kSupplySelect);
    if (!st.valid())
        return Error{st.errorString()};
    st.bind(1, from).bind(2, to);
    while (st.step())
        // Braces, not emplace_back(...): clang 14 (the fuzz preset) lacks aggregate ().
        out.push_back({std::string(st.textView(0)), st.text(1), st.text(2), st.real(3),
                       st.optReal(4), static_cast<int>(st.integer(5))});
    if (!st.errorString().empty())
        return Error{st.errorString()};
    return {};
}

int64_t dataVersion(sql::Database& db) {
    Statement st(db, "PRAGMA data_version");
    return st.valid() && st.step() ? st.integer(0) : -1;
}

// Reading a large workspace is bound by SQLite decoding the supply rows, so a big supply table
// is read in two parts at once: the lower rowid range on a second read-only connection in a
// worker thread, while this connection reads every other table and the upper range. The
// worker's vector, sized for all rows, becomes the result: the upper part is moved into it
// once. The rows and their order are the same as in one pass; `consistent` turns false if
// another connection committed a change meanwhile (the caller then reads again in one pass).
Result<Dataset> loadDataset(sql::Database& db, const std::string& path, int version, bool parallel,
                            bool& consistent) {
    Dataset d;
    int64_t first = 1, last = 0;
    {
        // Two subqueries: SQLite answers a lone min() or max() from the b-tree's ends, but
        // scans the whole table for "SELECT min(rowid), max(rowid)".
        Statement range(db,
                        "SELECT (SELECT min(rowid) FROM supply), (SELECT max(rowid) FROM supply)");
        if (range.valid() && range.step() && !range.isNull(0)) {
            first = range.integer(0);
            last = range.integer(1);
        }
    }
    const auto rows = size_t(std::max<int64_t>(0, last - first + 1));
    std::error_code ec;
    parallel =
        parallel && rows >= kParallelSupplyRows && std::filesystem::is_regular_file(path, ec);
    // This thread also reads the other tables: it takes the smaller part of the supply rows.
    const int64_t split = parallel ? first + (last - first) * 3 / 5 : first - 1;
    const int64_t versionBefore = parallel ? dataVersion(db) : 0;
    std::vector<SupplyLink> lower;
    size_t lowerCount = 0;
    Result<void> lowerResult;
    std::thread worker;
    if (parallel)
        worker = std::thread([&] {
            auto db2 = sql::Database::open(path, db.mode() == sql::Database::Mode::Immutable
                                                     ? sql::Database::Mode::Immutable
                                                     : sql::Database::Mode::ReadOnly);
            if (!db2) {
                lowerResult = db2.error();
                return;
            }
            lower.reserve(rows);
            lowerResult = readSupply(*db2, first, split, lower);
            // Make room for the upper part here, in parallel: the move below then only
            // assigns into memory that is already touched.
            if (lowerResult) {
                lowerCount = lower.size();
                lower.resize(rows);
            }
        });
    struct JoinOnExit { // also when readTables throws
        std::thread& t;
        ~JoinOnExit() {
            if (t.joinable())
                t.join();
        }
    } joinOnExit{worker};
    Result<void> r = readTables(db, version, d, [&] {
        d.supply.reserve(parallel ? size_t(last - split) : rows);
        return readSupply(db, split + 1, last, d.supply);
    });
    if (worker.joinable()) {
        worker.join();
        if (r && lowerResult) {
            lower.resize(lowerCount + d.supply.size()); // rowids may have gaps
            std::move(d.supply.begin(), d.supply.end(), lower.begin() + ptrdiff_t(lowerCount));
            d.supply = std::move(lower);
        } else if (r) { // the second connection failed: read everything here
            d.supply.clear();
            r = readSupply(db, first, last, d.supply);
        }
        consistent = dataVersion(db) == versionBefore;
    }
    if (!r)
        return r.error();
    return d;
}

} // namespace

Result<Dataset> Workspace::load() {
    bool consistent = true;
    auto d = loadDataset(m_db, path(), m_version, true, consistent);
    if (d && !consistent)
        d = loadDataset(m_db, path(), m_version, false, consistent);
    if (reopenIfChanged()) // read immutable while a writer changed it: read it again
        return load();
    if (!d)
        return Error{path() + ": cannot read workspace: " + d.errorString()};
    return d;
}

Result<void> Workspace::write(const Dataset& d, WriteMode mode) {
    auto& db = m_db;
    sql::Transaction tx(db);
    if (!tx.begun())
        return Error{path() + ": cannot write: " + tx.errorString()};

    const bool hasReference = !d.countries.empty() || !d.materials.empty() || !d.recipes.empty() ||
                              !d.worldShares.empty() || !d.technologies.empty() ||
                              !d.controls.empty() || !d.controlItems.empty() || !d.sources.empty();
    Result<void> r;
    if (mode == WriteMode::Replace) {
        // The company data goes, and with it the profile's company keys and the mark of the
        // bundled example (whatever comes in is no longer the fictional example company).
        r = db.exec("DELETE FROM alternatives; DELETE FROM inventory; DELETE FROM supply;"
                    "DELETE FROM product_bom; DELETE FROM products; DELETE FROM site_technologies;"
                    "DELETE FROM sites; DELETE FROM suppliers;"
                    "DELETE FROM profile WHERE key IN ('company_name', 'company_country');"
                    "DELETE FROM meta WHERE key = '" +
                    std::string(kBundledExampleKey) + "';");
        if (r && hasReference)
            r = db.exec("DELETE FROM control_items; DELETE FROM controls;"
                        "DELETE FROM technologies; DELETE FROM world_shares; DELETE FROM recipes;"
                        "DELETE FROM materials; DELETE FROM sources; DELETE FROM countries;"
                        "DELETE FROM profile WHERE key = 'reference_cutoff';");
    }
    // Large tables are filled with their secondary indexes dropped, then indexed in one go.
    store::BulkIndexes bulk(db);
    if (r)
        r = bulk.prepare("sites", d.sites.size());
    if (r)
        r = bulk.prepare("site_technologies", d.siteTechnologies.size());
    if (r)
        r = bulk.prepare("supply", d.supply.size());
    if (r)
        r = insertAll(db, "INSERT INTO countries VALUES(?,?,?)", d.countries,
                      [](Statement& s, const Country& c) {
                          s.bind(1, c.iso3).bind(2, c.name).bind(3, c.region);
                      });
    if (r)
        r = insertAll(db,
                      "INSERT INTO profile(key, value) VALUES(?, ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      profileEntries(d.profile), [](Statement& s, const ProfileEntry& x) {
                          s.bind(1, x.key).bind(2, x.value);
                      });
    if (r)
        r = insertAll(db, "INSERT INTO sources VALUES(?,?,?,?,?,?)", d.sources,
                      [](Statement& s, const Source& x) {
                          s.bind(1, x.id).bind(2, x.publisher).bind(3, x.title).bind(4, x.year);
                          s.bind(5, x.url).bind(6, x.notes);
                      });
    if (r)
        r = insertAll(
            db, "INSERT INTO materials VALUES(?,?,?,?)", d.materials,
            [](Statement& s, const Material& m) {
                s.bind(1, m.id).bind(2, m.name).bind(3, toString(m.stage)).bind(4, m.unit);
            });
    if (r)
        r = insertAll(db, "INSERT INTO recipes VALUES(?,?,?)", d.recipes,
                      [](Statement& s, const Recipe& x) {
                          s.bind(1, x.materialId).bind(2, x.inputMaterialId).bind(3, x.qtyPerUnit);
                      });
    if (r)
        r = insertAll(db,
                      "INSERT INTO world_shares(material_id, country, share, year, source, basis, "
                      "note) VALUES(?,?,?,?,?,?,?)",
                      d.worldShares, [](Statement& s, const WorldShare& x) {
                          s.bind(1, x.materialId).bind(2, x.country).bind(3, x.share);
                          s.bind(4, x.year).bind(5, x.source).bind(6, toString(x.basis));
                          s.bind(7, x.note);
                      });
    if (r)
        r = insertAll(db, "INSERT INTO technologies VALUES(?,?,?,?)", d.technologies,
                      [](Statement& s, const Technology& x) {
                          s.bind(1, x.id).bind(2, x.name);
                          if (x.stage)
                              s.bind(3, toString(*x.stage));
                          else
                              s.bindNull(3);
                          s.bind(4, x.description);
                      });
    if (r)
        r = insertAll(db,
                      "INSERT INTO controls(id, issuer, title, reference, announced, effective, "
                      "\"end\", kind, target_country, licence_review_days, source, status) "
                      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                      d.controls, [](Statement& s, const Control& c) {
                          s.bind(1, c.id).bind(2, c.issuer).bind(3, c.title).bind(4, c.reference);
                          s.bind(5, optDateText(c.announced)).bind(6, c.effective.toString());
                          s.bind(7, optDateText(c.end)).bind(8, toString(c.kind));
                          s.bind(9, idListText(c.targetCountries)).bind(10, c.licenceReviewDays);
                          s.bind(11, c.source).bind(12, toString(c.status));
                      });
    if (r)
        r = insertAll(db, "INSERT INTO control_items VALUES(?,?,?)", d.controlItems,
                      [](Statement& s, const ControlItem& x) {
                          s.bind(1, x.controlId).bind(2, toString(x.itemKind)).bind(3, x.itemId);
                      });
    if (r)
        r = insertAll(db, "INSERT INTO suppliers VALUES(?,?,?,?)", d.suppliers,
                      [](Statement& s, const Supplier& x) {
                          s.bind(1, x.id).bind(2, x.name).bind(3, x.hqCountry);
                          s.bind(4, x.ownerCountry);
                      });
    if (r)
        r = insertAll(db,
                      "INSERT INTO sites(id, supplier_id, country, name, lat, lon, recovery_days) "
                      "VALUES(?,?,?,?,?,?,?)",
                      d.sites, [](Statement& s, const Site& x) {
                          s.bind(1, x.id).bind(2, x.supplierId).bind(3, x.country);
                          s.bind(4, x.name).bind(5, x.lat).bind(6, x.lon).bind(7, x.recoveryDays);
                      });
    if (r)
        r = insertAll(db,
                      "INSERT INTO site_technologies(site_id, technology_id, source_country) "
                      "VALUES(?,?,?)",
                      d.siteTechnologies, [](Statement& s, const SiteTechnology& x) {
                          s.bind(1, x.siteId).bind(2, x.technologyId).bind(3, x.sourceCountry);
                      });
    if (r)
        r = insertAll(db, "INSERT INTO products VALUES(?,?,?,?)", d.products,
                      [](Statement& s, const Product& x) {
                          s.bind(1, x.id).bind(2, x.name).bind(3, x.annualVolume);
                          s.bind(4, x.unitPrice);
                      });
    if (r)
        r = insertAll(db, "INSERT INTO product_bom VALUES(?,?,?)", d.productBom,
                      [](Statement& s, const BomLine& x) {
                          s.bind(1, x.productId).bind(2, x.materialId).bind(3, x.qtyPerUnit);
                      });
    if (r)
        r = insertAll(db, "INSERT INTO supply VALUES(?,?,?,?,?,?)", d.supply,
                      [](Statement& s, const SupplyLink& x) {
                          s.bind(1, optEmpty(x.buyerSite)).bind(2, x.materialId);
                          s.bind(3, x.supplierSite).bind(4, x.share).bind(5, x.annualSpend);
                          s.bind(6, x.leadTimeDays);
                      });
    if (r)
        r = insertAll(db, "INSERT INTO inventory VALUES(?,?)", d.inventory,
                      [](Statement& s, const InventoryLevel& x) {
                          s.bind(1, x.materialId).bind(2, x.daysOnHand);
                      });
    if (r)
        r = insertAll(db, "INSERT INTO alternatives VALUES(?,?,?,?,?)", d.alternatives,
                      [](Statement& s, const Alternative& x) {
                          s.bind(1, x.materialId).bind(2, x.siteId).bind(3, x.qualificationDays);
                          s.bind(4, x.maxShare).bind(5, x.costPremiumPct);
                      });
    if (r)
        r = bulk.restore();
    if (!r)
        return Error{path() + ": cannot write: " + r.errorString()};
    if (auto c = tx.commit(); !c)
        return Error{path() + ": cannot commit: " + c.errorString()};
    return {};
}

} // namespace chokepoint::core
