// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
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

/// An export-control measure's items and reach in index terms. Whether it is in force, and
/// what it covers, is for a ControlState (core/analysis/controlstate.h) to say.
struct ControlInfo {
    Index issuer; ///< country (kNone when not in the countries table)
    ControlKind kind;
    /// The destinations it applies to; empty with `targeted` false = every destination.
    std::vector<Index> targets;
    bool targeted = false; ///< target_country is given (entries not in the countries table drop)
    std::vector<Index> materials;
    std::vector<Index> technologies;
};

/// A site technology's source_country that is given but not in the countries table: known,
/// and no issuer's.
inline constexpr Index kOtherCountry = -2;

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
    /// Where our own purchases are delivered (profile company_country); kNone when unknown.
    Index companyCountry() const { return m_company; }
    /// The last day the reference data was checked against its sources (profile).
    std::optional<Date> referenceCutoff() const { return m_data.profile.referenceCutoff; }
    /// dest(b) of SPEC §3: the country of buyer site b, or companyCountry() for kSelf.
    Index destination(Index buyer) const {
        return buyer == kSelf ? m_company : siteCountry[size_t(buyer)];
    }

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
    /// Per entry of siteTechnologies.items: the source country, kNone when unknown, or
    /// kOtherCountry.
    std::vector<Index> siteTechnologySource;

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
    /// The links of a group, and our own (tier-1) links of a material (empty when we do not
    /// buy it directly).
    std::span<const Link> links(Index group) const {
        return {groupLinks.begin(size_t(group)), groupLinks.count(size_t(group))};
    }
    std::span<const Link> tier1Links(Index material) const {
        const Index g = selfGroup[size_t(material)];
        return g == kNone ? std::span<const Link>() : links(g);
    }
    /// A link's position in groupLinks.items (per-link result arrays are indexed by it).
    size_t linkPosition(const Link& link) const { return size_t(&link - groupLinks.items.data()); }

    // Products
    std::vector<double> productVolume;
    std::vector<double> productPrice; ///< NaN when not given
    Csr<BomItem> productBom;

    /// Materials in any BOM or bought directly by us, ordered by id.
    std::vector<Index> reportedMaterials;

    // Walks of the graph
    /// The seeds and every recipe input of them, at any depth: one flag per material.
    std::vector<char> recipeClosure(std::span<const Index> seeds) const;
    /// The seed nodes and every node they buy from, at any depth (a node's site buying the
    /// recipe inputs of its material): one flag per node.
    std::vector<char> upstreamNodes(std::span<const Index> seeds) const;
    /// Fewest supply links from us to each site (1 = we buy from it; 0 = not reachable).
    std::vector<int> siteTiers() const;

private:
    static uint64_t key(Index a, Index b) { return (uint64_t(uint32_t(a)) << 32) | uint32_t(b); }
    void buildMaterials();
    void buildSupply();

    Dataset m_data;
    Index m_focus = kNone;
    Index m_company = kNone;
    std::unordered_map<uint64_t, Index> m_groupIndex;
    std::unordered_map<uint64_t, Index> m_nodeIndex;
};

} // namespace chokepoint::core::analysis
