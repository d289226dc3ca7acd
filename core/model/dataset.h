// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/date.h"
#include "core/model/enums.h"

namespace chokepoint::core {

// Plain value types, one per interchange table (SPEC §2). Optional columns are
// std::optional; ids are strings of [A-Za-z0-9_.-]{1,64}.

/// The `profile` table (SPEC §2): who "we" are and how current the reference data is.
struct Profile {
    std::optional<std::string> companyName;
    /// iso3 of where our own purchases are delivered: the destination of every flow to us.
    std::optional<std::string> companyCountry;
    /// The last day the reference data (world shares, controls) was checked against its sources.
    std::optional<Date> referenceCutoff;
    bool empty() const { return !companyName && !companyCountry && !referenceCutoff; }
    bool operator==(const Profile&) const = default;
};

struct Country {
    std::string iso3;
    std::string name;
    std::optional<std::string> region;
    bool operator==(const Country&) const = default;
};

struct Material {
    std::string id;
    std::string name;
    Stage stage = Stage::Other;
    std::optional<std::string> unit;
    bool operator==(const Material&) const = default;
};

struct Recipe {
    std::string materialId;
    std::string inputMaterialId;
    double qtyPerUnit = 1.0;
    bool operator==(const Recipe&) const = default;
};

struct WorldShare {
    std::string materialId;
    std::string country;
    double share = 0.0;
    std::optional<int> year;
    std::optional<std::string> source;
    ShareBasis basis = ShareBasis::Production; ///< what the source actually measured
    std::optional<std::string> note;
    bool operator==(const WorldShare&) const = default;
};

struct Technology {
    std::string id;
    std::string name;
    std::optional<Stage> stage;
    std::optional<std::string> description;
    bool operator==(const Technology&) const = default;
};

struct Control {
    std::string id;
    std::string issuer;
    std::string title;
    std::optional<std::string> reference;
    std::optional<Date> announced;
    Date effective;
    std::optional<Date> end; ///< suspended or lifted from this day on
    ControlKind kind = ControlKind::Licence;
    /// The destinations it applies to (iso3); empty = every destination.
    std::vector<std::string> targetCountries;
    std::optional<int> licenceReviewDays;
    std::optional<std::string> source;
    /// Whether the measure counts (dates, status, *assume scheduled*) is for
    /// core/analysis/controlstate.h to say.
    ControlStatus status = ControlStatus::Confirmed;

    bool operator==(const Control&) const = default;
};

struct ControlItem {
    std::string controlId;
    ItemKind itemKind = ItemKind::Material;
    std::string itemId;
    bool operator==(const ControlItem&) const = default;
};

struct Supplier {
    std::string id;
    std::string name;
    std::optional<std::string> hqCountry;
    std::optional<std::string> ownerCountry; ///< country of the ultimate parent
    bool operator==(const Supplier&) const = default;
};

struct Site {
    std::string id;
    std::string supplierId;
    std::string country;
    std::optional<std::string> name;
    std::optional<double> lat;
    std::optional<double> lon;
    std::optional<int> recoveryDays; ///< time to recover from a full outage (TTR)
    bool operator==(const Site&) const = default;
};

struct SiteTechnology {
    std::string siteId;
    std::string technologyId;
    /// iso3 of where the site gets the technology (licensor, equipment, know-how).
    std::optional<std::string> sourceCountry;
    bool operator==(const SiteTechnology&) const = default;
};

struct Product {
    std::string id;
    std::string name;
    double annualVolume = 0.0;
    std::optional<double> unitPrice;
    bool operator==(const Product&) const = default;
};

struct BomLine {
    std::string productId;
    std::string materialId;
    double qtyPerUnit = 0.0;
    bool operator==(const BomLine&) const = default;
};

struct SupplyLink {
    std::string buyerSite; ///< empty = our own company
    std::string materialId;
    std::string supplierSite;
    double share = 0.0;
    std::optional<double> annualSpend;
    int leadTimeDays = 0;
    bool operator==(const SupplyLink&) const = default;
};

struct InventoryLevel {
    std::string materialId;
    double daysOnHand = 0.0;
    bool operator==(const InventoryLevel&) const = default;
};

struct Alternative {
    std::string materialId;
    std::string siteId;
    int qualificationDays = 0;
    double maxShare = 0.0;
    std::optional<double> costPremiumPct;
    bool operator==(const Alternative&) const = default;
};

/// Extension table (not in SPEC §2's list): where reference figures come from.
/// `world_shares.source` and `controls.source` hold one or more of these ids,
/// separated by ';'.
struct Source {
    std::string id;
    std::string publisher;
    std::optional<std::string> title;
    std::optional<int> year;
    std::optional<std::string> url;
    std::optional<std::string> notes;
    bool operator==(const Source&) const = default;
};

/// `a;b;c` <-> {"a", "b", "c"}: how id lists (controls.target_country) are written. Split
/// trims spaces around entries and drops empty ones.
std::string joinIdList(const std::vector<std::string>& ids);
std::vector<std::string> splitIdList(std::string_view text);
/// The list as an optional text: nullopt when empty (a NULL column, an empty cell).
std::optional<std::string> idListText(const std::vector<std::string>& ids);

/// The whole content of a workspace, in table order. Rows keep their stored order.
struct Dataset {
    Profile profile;
    std::vector<Country> countries;
    std::vector<Material> materials;
    std::vector<Recipe> recipes;
    std::vector<WorldShare> worldShares;
    std::vector<Technology> technologies;
    std::vector<Control> controls;
    std::vector<ControlItem> controlItems;
    std::vector<Supplier> suppliers;
    std::vector<Site> sites;
    std::vector<SiteTechnology> siteTechnologies;
    std::vector<Product> products;
    std::vector<BomLine> productBom;
    std::vector<SupplyLink> supply;
    std::vector<InventoryLevel> inventory;
    std::vector<Alternative> alternatives;
    std::vector<Source> sources;

    bool operator==(const Dataset&) const = default;
    bool empty() const;
    /// The newest year among sources and world shares: the reference data's vintage.
    std::optional<int> referenceVintage() const;
};

} // namespace chokepoint::core
