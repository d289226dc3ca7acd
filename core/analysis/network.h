// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/dataset.h"

namespace chokepoint::core::analysis {

using Index = int32_t;
inline constexpr Index kNone = -1;
/// Buyer index of our own company in supply groups.
inline constexpr Index kSelf = -1;

/// An id <-> dense index table.
class IdIndex {
public:
    Index add(const std::string& id);
    Index find(std::string_view id) const;
    const std::string& id(Index i) const { return m_ids[size_t(i)]; }
    const std::vector<std::string>& ids() const { return m_ids; }
    size_t size() const { return m_ids.size(); }
    void reserve(size_t n);

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::vector<std::string> m_ids;
    std::unordered_map<std::string, Index, Hash, std::equal_to<>> m_map;
};

/// A compressed list of lists: items of entry i are items[start[i] .. start[i+1]).
template <class T> struct Csr {
    std::vector<uint32_t> start{0};
    std::vector<T> items;
    size_t size() const { return start.size() - 1; }
    const T* begin(size_t i) const { return items.data() + start[i]; }
    const T* end(size_t i) const { return items.data() + start[i + 1]; }
    uint32_t count(size_t i) const { return start[i + 1] - start[i]; }
};

struct RecipeInput {
    Index material;
    double qty;
};

struct CountryShare {
    Index country;
    double share;
};

struct Link {
    Index supplierSite;
    Index supplierNode; ///< the (supplierSite, material) node
    double share;
    double spend; ///< NaN when not given
    int leadTimeDays;
    uint32_t row; ///< index into Dataset::supply
};

/// All supply rows of one buyer for one material.
struct Group {
    Index buyer; ///< site index, or kSelf
    Index material;
    double shareSum;
};

/// A site supplying a material (it appears as supplier_site in `supply`, or in `alternatives`).
struct Node {
    Index site;
    Index material;
};

struct ControlInfo {
    Index issuer; ///< country
    Date effective;
    std::optional<Date> end;
    ControlKind kind;
    std::vector<Index> materials;
    std::vector<Index> technologies;
    bool inForceAt(Date t) const { return effective <= t && (!end || *end > t); }
};

struct BomItem {
    Index material;
    double qty;
};

struct AlternativeInfo {
    Index site;
    Index node; ///< the (site, material) node
    int qualificationDays;
    double maxShare;
    double costPremiumPct; ///< NaN when not given
};

/// The workspace as dense, indexed arrays: built once from a validated Dataset, then read
/// by the exposure and scenario engines without SQL or string lookups. Immutable after
/// construction and safe to share between threads for reading.
class Network {
public:
    /// `focusCountry` is the country whose dependence is measured (SPEC: CHN).
    explicit Network(Dataset data, std::string focusCountry = "CHN");

    const Dataset& data() const { return m_data; }
    Index focusCountry() const { return m_focus; }

    IdIndex materials, countries, technologies, suppliers, sites, products, controlIds;

    // Materials
    Csr<RecipeInput> recipes;          ///< inputs per material
    std::vector<Index> topoOrder;      ///< materials, every input before what it makes
    std::vector<int> topoRank;         ///< position of each material in topoOrder
    Csr<CountryShare> worldShares;     ///< per material
    std::vector<double> inventoryDays; ///< per material (0 when not given)
    Csr<AlternativeInfo> alternatives; ///< per material

    // Suppliers and sites
    std::vector<Index> supplierOwner; ///< owner country or kNone
    std::vector<Index> supplierHq;    ///< hq country or kNone
    std::vector<Index> siteSupplier;  ///< per site
    std::vector<Index> siteCountry;   ///< per site
    Csr<Index> siteTechnologies;      ///< technologies per site

    // Controls
    std::vector<ControlInfo> controls;

    // Supply: groups (buyer, material) with their links; nodes (site, material).
    std::vector<Group> groups;
    Csr<Link> groupLinks;         ///< links per group
    std::vector<Index> selfGroup; ///< per material: our group, or kNone
    std::vector<Node> nodes;      ///< ordered by topoRank of the material
    Csr<Index> nodeInputGroups;   ///< per node, per recipe input: group or kNone
    Index findGroup(Index buyer, Index material) const;
    Index findNode(Index site, Index material) const;

    // Products
    std::vector<double> productVolume;
    std::vector<double> productPrice; ///< NaN when not given
    Csr<BomItem> productBom;

    /// Materials in any BOM or bought directly by us, ordered by id.
    std::vector<Index> reportedMaterials;

private:
    static uint64_t key(Index a, Index b) { return (uint64_t(uint32_t(a)) << 32) | uint32_t(b); }
    void buildMaterials();
    void buildSupply();

    Dataset m_data;
    Index m_focus = kNone;
    std::unordered_map<uint64_t, Index> m_groupIndex;
    std::unordered_map<uint64_t, Index> m_nodeIndex;
};

/// Which controls are in force on a date: per material, the issuer countries of material
/// controls in force; per technology, whether any control in force covers it.
class ControlState {
public:
    ControlState(const Network& net, Date asOf);
    /// Flow of material m from a site in country c is covered by a material control issued by c.
    bool materialControlledBy(Index material, Index country) const;
    bool technologyControlled(Index technology) const { return m_tech[size_t(technology)]; }
    /// True when the site depends on a technology under a control in force.
    bool siteUsesControlledTechnology(Index site) const { return m_siteTech[size_t(site)]; }
    /// The `controlled` lens of SPEC §3 for site s and material m.
    bool flowControlled(Index site, Index material) const;
    /// Material covered by a control in force issued by `country` (for unknown origin).
    bool materialControlled(Index material, Index country) const {
        return materialControlledBy(material, country);
    }
    Date asOf() const { return m_asOf; }

private:
    const Network& m_net;
    Date m_asOf;
    std::vector<std::vector<Index>> m_materialIssuers; // per material
    std::vector<char> m_tech;
    std::vector<char> m_siteTech;
};

} // namespace chokepoint::core::analysis
