// SPDX-License-Identifier: MIT
// The peer of SPEC §8's exposure row: the same figures as core/analysis/exposureengine,
// computed with set-based SQL in SQLite, tier by tier (one `UPDATE … FROM` per material level
// for the sites' f and one for the groups' g), straight from the workspace tables.
// Included by exposure_bench.cpp only (bench/CMakeLists.txt builds one file per bench).
#pragma once

#include <map>
#include <optional>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace chokepoint::bench {

struct PeerMaterial {
    std::string id;
    double dependence = 0, directShare = 0;
    std::optional<double> spendAtRisk, hhi, worldHhi;
};
struct PeerProduct {
    std::string id;
    double dependence = 0;
    std::optional<double> revenueAtRisk;
};
struct PeerSupplier {
    std::string id;
    std::optional<double> dependence;
};
struct PeerFigures {
    std::vector<PeerMaterial> materials; // ordered by id
    std::vector<PeerProduct> products;   // ordered by id
    std::vector<PeerSupplier> suppliers; // tier-1, ordered by id
};

class SqlExposurePeer {
public:
    explicit SqlExposurePeer(const std::string& workspace) {
        if (sqlite3_open_v2(workspace.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + workspace);
        // Give the peer every advantage that does not change the result.
        exec("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -524288;");
    }
    ~SqlExposurePeer() { sqlite3_close_v2(m_db); }
    SqlExposurePeer(const SqlExposurePeer&) = delete;
    SqlExposurePeer& operator=(const SqlExposurePeer&) = delete;

    /// Working tables shared by the three lenses: material levels, nodes (site, material),
    /// groups (buyer, material) with their share sums.
    void prepare() {
        exec(R"sql(
CREATE TEMP TABLE mat(id TEXT PRIMARY KEY, level INTEGER NOT NULL, u REAL NOT NULL DEFAULT 0)
    WITHOUT ROWID;
INSERT INTO mat(id, level)
    WITH RECURSIVE lv(id, level) AS (
        SELECT id, 0 FROM materials
        UNION ALL
        SELECT r.material_id, lv.level + 1 FROM recipes r JOIN lv ON r.input_material_id = lv.id)
    SELECT id, max(level) FROM lv GROUP BY id;
CREATE TEMP TABLE node(site TEXT NOT NULL, material TEXT NOT NULL, level INTEGER NOT NULL,
    exposed INTEGER NOT NULL DEFAULT 0, f REAL NOT NULL DEFAULT 0, PRIMARY KEY(site, material))
    WITHOUT ROWID;
INSERT OR IGNORE INTO node(site, material, level)
    SELECT s.supplier_site, s.material_id, m.level FROM supply s JOIN mat m ON m.id = s.material_id;
CREATE INDEX temp.node_level ON node(level, exposed);
CREATE TEMP TABLE grp(buyer TEXT NOT NULL, material TEXT NOT NULL, level INTEGER NOT NULL,
    share_sum REAL NOT NULL, g REAL NOT NULL DEFAULT 0, PRIMARY KEY(buyer, material))
    WITHOUT ROWID;
INSERT INTO grp(buyer, material, level, share_sum)
    SELECT ifnull(s.buyer_site, ''), s.material_id, m.level, sum(s.share)
    FROM supply s JOIN mat m ON m.id = s.material_id GROUP BY 1, 2;
)sql");
        m_maxLevel = int(scalar("SELECT max(level) FROM mat"));
    }

    /// lens: "location", "owned" or "controlled"; date: "YYYY-MM-DD".
    PeerFigures compute(const std::string& lens, const std::string& date) {
        const std::string t = "'" + date + "'";
        const std::string inForce =
            "c.effective <= " + t + " AND (c.\"end\" IS NULL OR c.\"end\" > " + t + ")";
        exec("UPDATE node SET exposed = 0, f = 0; UPDATE grp SET g = 0;");
        if (lens == "location" || lens == "owned")
            exec("UPDATE node SET exposed = 1 WHERE site IN "
                 "(SELECT id FROM sites WHERE country = 'CHN');");
        if (lens == "owned")
            exec("UPDATE node SET exposed = 1 WHERE site IN (SELECT s.id FROM sites s JOIN "
                 "suppliers p ON p.id = s.supplier_id WHERE p.owner_country = 'CHN');");
        if (lens == "controlled") {
            exec("UPDATE node SET exposed = 1 FROM (SELECT DISTINCT s.id AS site, ci.item_id AS "
                 "material FROM controls c JOIN control_items ci ON ci.control_id = c.id AND "
                 "ci.item_kind = 'material' JOIN sites s ON s.country = c.issuer WHERE " +
                 inForce +
                 ") AS x WHERE node.site = x.site AND node.material = x.material;"
                 "UPDATE node SET exposed = 1 WHERE site IN (SELECT st.site_id FROM "
                 "site_technologies st JOIN control_items ci ON ci.item_kind = 'technology' AND "
                 "ci.item_id = st.technology_id JOIN controls c ON c.id = ci.control_id WHERE " +
                 inForce + ");");
        }
        // U(i), then u(i) = max(U(i), u of the inputs), level by level.
        exec("UPDATE mat SET u = ifnull((SELECT w.share FROM world_shares w WHERE "
             "w.material_id = mat.id AND w.country = 'CHN'), 0);");
        if (lens == "controlled")
            exec("UPDATE mat SET u = 0 WHERE NOT EXISTS (SELECT 1 FROM controls c JOIN "
                 "control_items ci ON ci.control_id = c.id WHERE ci.item_kind = 'material' AND "
                 "ci.item_id = mat.id AND c.issuer = 'CHN' AND " +
                 inForce + ");");
        for (int level = 1; level <= m_maxLevel; ++level)
            exec("UPDATE mat SET u = max(mat.u, x.mu) FROM (SELECT r.material_id AS id, "
                 "max(i.u) AS mu FROM recipes r JOIN mat i ON i.id = r.input_material_id "
                 "GROUP BY r.material_id) AS x WHERE mat.id = x.id AND mat.level = " +
                 std::to_string(level) + ";");
        // Tier by tier: f of the nodes of this level, then g of the groups of this level.
        for (int level = 0; level <= m_maxLevel; ++level) {
            const std::string l = std::to_string(level);
            exec("UPDATE node SET f = 1.0 WHERE level = " + l + " AND exposed = 1;");
            if (level > 0)
                exec("UPDATE node SET f = x.best FROM (SELECT n.site AS site, n.material AS "
                     "material, max(coalesce(gr.g, i.u)) AS best FROM node n JOIN recipes r ON "
                     "r.material_id = n.material JOIN mat i ON i.id = r.input_material_id "
                     "LEFT JOIN grp gr ON gr.buyer = n.site AND gr.material = r.input_material_id "
                     "WHERE n.level = " +
                     l +
                     " AND n.exposed = 0 GROUP BY n.site, n.material) AS x "
                     "WHERE node.site = x.site AND node.material = x.material;");
            exec("UPDATE grp SET g = x.known + (1.0 - grp.share_sum) * x.u FROM (SELECT "
                 "ifnull(s.buyer_site, '') AS buyer, s.material_id AS material, "
                 "sum(s.share * n.f) AS known, m.u AS u FROM mat m JOIN supply s ON "
                 "s.material_id = m.id JOIN node n ON n.site = s.supplier_site AND n.material = "
                 "s.material_id WHERE m.level = " +
                 l +
                 " GROUP BY 1, 2) AS x WHERE grp.buyer = x.buyer AND grp.material = x.material;");
        }
        return figures();
    }

private:
    PeerFigures figures() {
        PeerFigures out;
        query(R"sql(
WITH dep(id, d) AS (SELECT m.id, coalesce(g.g, m.u) FROM mat m LEFT JOIN grp g ON g.buyer = ''
                    AND g.material = m.id),
rep(id) AS (SELECT material_id FROM product_bom UNION SELECT material_id FROM supply
            WHERE buyer_site IS NULL),
own AS (SELECT s.material_id AS material, sum(s.share * n.exposed) AS direct,
               sum(s.annual_spend * n.f) AS spend
        FROM supply s JOIN node n ON n.site = s.supplier_site AND n.material = s.material_id
        WHERE s.buyer_site IS NULL GROUP BY 1),
mix AS (SELECT s.material_id AS material, st.country, sum(s.share) AS cs FROM supply s
        JOIN sites st ON st.id = s.supplier_site WHERE s.buyer_site IS NULL GROUP BY 1, 2),
tot AS (SELECT material, sum(cs) AS t FROM mix GROUP BY 1),
hhi AS (SELECT mix.material, sum((100.0 * cs / t) * (100.0 * cs / t)) AS h FROM mix
        JOIN tot ON tot.material = mix.material WHERE t > 0 GROUP BY 1),
wtot AS (SELECT material_id AS material, sum(share) AS t FROM world_shares GROUP BY 1),
whhi AS (SELECT w.material_id AS material, sum((100.0 * w.share / t) * (100.0 * w.share / t)) AS h
         FROM world_shares w JOIN wtot ON wtot.material = w.material_id WHERE t > 0 GROUP BY 1)
SELECT rep.id, dep.d, coalesce(own.direct, 0),
       CASE WHEN own.material IS NULL THEN 0.0 ELSE own.spend END, hhi.h, whhi.h
FROM rep JOIN dep ON dep.id = rep.id LEFT JOIN own ON own.material = rep.id
LEFT JOIN hhi ON hhi.material = rep.id LEFT JOIN whhi ON whhi.material = rep.id ORDER BY rep.id
)sql",
              [&](sqlite3_stmt* st) {
                  out.materials.push_back({text(st, 0), sqlite3_column_double(st, 1),
                                           sqlite3_column_double(st, 2), opt(st, 3), opt(st, 4),
                                           opt(st, 5)});
              });
        query(R"sql(
WITH dep(id, d) AS (SELECT m.id, coalesce(g.g, m.u) FROM mat m LEFT JOIN grp g ON g.buyer = ''
                    AND g.material = m.id),
pd AS (SELECT p.id, p.annual_volume AS v, p.unit_price AS price, coalesce(max(dep.d), 0) AS d
       FROM products p LEFT JOIN product_bom b ON b.product_id = p.id
       LEFT JOIN dep ON dep.id = b.material_id GROUP BY p.id)
SELECT id, d, v * price * d FROM pd ORDER BY id
)sql",
              [&](sqlite3_stmt* st) {
                  out.products.push_back({text(st, 0), sqlite3_column_double(st, 1), opt(st, 2)});
              });
        query(R"sql(
SELECT st.supplier_id, CASE WHEN sum(s.share) > 0 THEN sum(s.share * n.f) / sum(s.share) END
FROM supply s JOIN sites st ON st.id = s.supplier_site
JOIN node n ON n.site = s.supplier_site AND n.material = s.material_id
WHERE s.buyer_site IS NULL GROUP BY st.supplier_id ORDER BY st.supplier_id
)sql",
              [&](sqlite3_stmt* st) {
                  out.suppliers.push_back({text(st, 0), opt(st, 1)});
              });
        return out;
    }

    static std::string text(sqlite3_stmt* st, int c) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
        return p ? std::string(p, size_t(sqlite3_column_bytes(st, c))) : std::string();
    }
    static std::optional<double> opt(sqlite3_stmt* st, int c) {
        if (sqlite3_column_type(st, c) == SQLITE_NULL)
            return std::nullopt;
        return sqlite3_column_double(st, c);
    }

    void exec(const std::string& sql) {
        char* err = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            const std::string msg = err ? err : "?";
            sqlite3_free(err);
            throw std::runtime_error("SQL peer: " + msg + "\n in: " + sql);
        }
    }
    template <class Row> void query(const char* sql, Row row) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("SQL peer: ") + sqlite3_errmsg(m_db));
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            row(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            throw std::runtime_error(std::string("SQL peer: ") + sqlite3_errmsg(m_db));
    }
    double scalar(const char* sql) {
        double v = 0;
        query(sql, [&](sqlite3_stmt* st) { v = sqlite3_column_double(st, 0); });
        return v;
    }

    sqlite3* m_db = nullptr;
    int m_maxLevel = 0;
};

} // namespace chokepoint::bench
