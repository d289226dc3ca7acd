// SPDX-License-Identifier: MIT
#include "core/store/schema.h"

#include <array>

namespace chokepoint::core::store {
namespace {

// Version 1: every table of SPEC §2 plus `sources` (reference provenance) and `meta`.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE countries (
    iso3 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region TEXT
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    publisher TEXT NOT NULL,
    title TEXT,
    year INTEGER,
    url TEXT,
    notes TEXT
);
CREATE TABLE materials (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('mining','refining','precursor','cathode','anode',
        'electrolyte','separator','cell','magnet','component','other')),
    unit TEXT
);
CREATE TABLE recipes (
    material_id TEXT NOT NULL REFERENCES materials(id),
    input_material_id TEXT NOT NULL REFERENCES materials(id),
    qty_per_unit REAL NOT NULL DEFAULT 1,
    PRIMARY KEY (material_id, input_material_id)
);
CREATE INDEX recipes_input ON recipes(input_material_id);
CREATE TABLE world_shares (
    material_id TEXT NOT NULL REFERENCES materials(id),
    country TEXT NOT NULL REFERENCES countries(iso3),
    share REAL NOT NULL CHECK (share >= 0 AND share <= 1),
    year INTEGER,
    source TEXT,
    PRIMARY KEY (material_id, country)
);
CREATE INDEX world_shares_country ON world_shares(country);
CREATE TABLE technologies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    stage TEXT,
    description TEXT
);
CREATE TABLE controls (
    id TEXT PRIMARY KEY,
    issuer TEXT NOT NULL REFERENCES countries(iso3),
    title TEXT NOT NULL,
    reference TEXT,
    announced TEXT,
    effective TEXT NOT NULL,
    "end" TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('licence','prohibition','country_ban')),
    target_country TEXT REFERENCES countries(iso3),
    licence_review_days INTEGER,
    source TEXT
);
CREATE INDEX controls_issuer ON controls(issuer);
CREATE TABLE control_items (
    control_id TEXT NOT NULL REFERENCES controls(id),
    item_kind TEXT NOT NULL CHECK (item_kind IN ('material','technology')),
    item_id TEXT NOT NULL,
    PRIMARY KEY (control_id, item_kind, item_id)
);
CREATE INDEX control_items_item ON control_items(item_kind, item_id);
CREATE TABLE suppliers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    hq_country TEXT REFERENCES countries(iso3),
    owner_country TEXT REFERENCES countries(iso3)
);
CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    country TEXT NOT NULL REFERENCES countries(iso3),
    name TEXT,
    lat REAL,
    lon REAL
);
CREATE INDEX sites_supplier ON sites(supplier_id);
CREATE INDEX sites_country ON sites(country);
CREATE TABLE site_technologies (
    site_id TEXT NOT NULL REFERENCES sites(id),
    technology_id TEXT NOT NULL REFERENCES technologies(id),
    PRIMARY KEY (site_id, technology_id)
);
CREATE INDEX site_technologies_technology ON site_technologies(technology_id);
CREATE TABLE products (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    annual_volume REAL NOT NULL CHECK (annual_volume >= 0),
    unit_price REAL
);
CREATE TABLE product_bom (
    product_id TEXT NOT NULL REFERENCES products(id),
    material_id TEXT NOT NULL REFERENCES materials(id),
    qty_per_unit REAL NOT NULL,
    PRIMARY KEY (product_id, material_id)
);
CREATE INDEX product_bom_material ON product_bom(material_id);
CREATE TABLE supply (
    buyer_site TEXT REFERENCES sites(id),
    material_id TEXT NOT NULL REFERENCES materials(id),
    supplier_site TEXT NOT NULL REFERENCES sites(id),
    share REAL NOT NULL CHECK (share >= 0 AND share <= 1),
    annual_spend REAL,
    lead_time_days INTEGER NOT NULL DEFAULT 0 CHECK (lead_time_days >= 0)
);
CREATE UNIQUE INDEX supply_key ON supply(ifnull(buyer_site, ''), material_id, supplier_site);
CREATE INDEX supply_supplier ON supply(supplier_site);
CREATE INDEX supply_material ON supply(material_id);
CREATE TABLE inventory (
    material_id TEXT PRIMARY KEY REFERENCES materials(id),
    days_on_hand REAL NOT NULL CHECK (days_on_hand >= 0)
);
CREATE TABLE alternatives (
    material_id TEXT NOT NULL REFERENCES materials(id),
    site_id TEXT NOT NULL REFERENCES sites(id),
    qualification_days INTEGER NOT NULL CHECK (qualification_days >= 0),
    max_share REAL NOT NULL CHECK (max_share >= 0 AND max_share <= 1),
    cost_premium_pct REAL,
    PRIMARY KEY (material_id, site_id)
);
CREATE INDEX alternatives_site ON alternatives(site_id);
)sql";

// Version 2: scenarios saved in the workspace (core/store/scenariostore.h), as JSON text in
// the file format of SPEC §4; the name is the scenario's name, unique in the workspace.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE scenarios (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    json TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
)sql";

// Version 3: methodology v2 (SPEC §2 as revised, issue 14). Old rows get the defaults: no
// profile, every share measured as production, every control confirmed, technology sources
// and recovery times unknown. controls is rebuilt (rowids kept, so the stored order and the
// control store's positions survive): target_country is now a ';' list of iso3 codes and can
// no longer be a foreign key.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE profile (
    key TEXT PRIMARY KEY CHECK (key IN ('company_name','company_country','reference_cutoff')),
    value TEXT NOT NULL
);
ALTER TABLE world_shares ADD COLUMN basis TEXT NOT NULL DEFAULT 'production'
    CHECK (basis IN ('production','refining','mining','capacity','nationality','lower_bound',
        'other'));
ALTER TABLE world_shares ADD COLUMN note TEXT;
ALTER TABLE sites ADD COLUMN recovery_days INTEGER CHECK (recovery_days >= 0);
ALTER TABLE site_technologies ADD COLUMN source_country TEXT REFERENCES countries(iso3);
CREATE TABLE controls_v3 (
    id TEXT PRIMARY KEY,
    issuer TEXT NOT NULL REFERENCES countries(iso3),
    title TEXT NOT NULL,
    reference TEXT,
    announced TEXT,
    effective TEXT NOT NULL,
    "end" TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('licence','prohibition','country_ban')),
    target_country TEXT,
    licence_review_days INTEGER,
    source TEXT,
    status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed','scheduled'))
);
INSERT INTO controls_v3 (rowid, id, issuer, title, reference, announced, effective, "end", kind,
                         target_country, licence_review_days, source)
    SELECT rowid, id, issuer, title, reference, announced, effective, "end", kind,
           target_country, licence_review_days, source
    FROM controls ORDER BY rowid;
DROP TABLE controls;
ALTER TABLE controls_v3 RENAME TO controls;
CREATE INDEX controls_issuer ON controls(issuer);
)sql";

// Copies of the CREATE INDEX statements above (tests/core/store/bulkindex_test.cpp checks that
// they match what a new workspace holds).
constexpr std::array kBulkIndexes = {
    IndexDef{"sites", "sites_supplier", "CREATE INDEX sites_supplier ON sites(supplier_id)"},
    IndexDef{"sites", "sites_country", "CREATE INDEX sites_country ON sites(country)"},
    IndexDef{"site_technologies", "site_technologies_technology",
             "CREATE INDEX site_technologies_technology ON site_technologies(technology_id)"},
    IndexDef{"supply", "supply_key",
             "CREATE UNIQUE INDEX supply_key ON supply(ifnull(buyer_site, ''), material_id, "
             "supplier_site)"},
    IndexDef{"supply", "supply_supplier", "CREATE INDEX supply_supplier ON supply(supplier_site)"},
    IndexDef{"supply", "supply_material", "CREATE INDEX supply_material ON supply(material_id)"},
};

constexpr std::array kMigrations = {
    Migration{1, "initial schema: SPEC §2 tables, sources, meta", kV1},
    Migration{2, "saved scenarios", kV2},
    Migration{3,
              "methodology v2: profile, share basis, control status and target lists, "
              "technology sources, recovery days",
              kV3},
};

} // namespace

std::span<const Migration> migrations() {
    return kMigrations;
}

int currentSchemaVersion() {
    return kMigrations.back().version;
}

std::span<const IndexDef> bulkIndexes() {
    return kBulkIndexes;
}

} // namespace chokepoint::core::store
