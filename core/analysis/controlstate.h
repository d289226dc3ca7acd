// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

#include "core/analysis/network.h"
#include "core/model/dataset.h"

namespace chokepoint::core::analysis {

/// Where an export-control measure stands on a date by its dates alone (the timeline and the
/// items × measures matrix colour by it). The data cannot tell a suspension from a lifting:
/// both are `end`. Whether a measure in this phase counts is a ControlState's question (a
/// scheduled measure counts only while *assume scheduled* is on).
enum class ControlStatus {
    NotAnnounced, ///< t is before the announcement date (only when `announced` is given)
    Announced,    ///< announced (or no announcement date) but not yet effective
    InForce,      ///< dated in force: effective <= t and (no end or end > t)
    Ended,        ///< was in force and ended (suspended or lifted): effective < end <= t
    NeverInForce, ///< suspended or withdrawn before it took effect: end <= effective, end <= t
};

/// The phase of `control` on day `t` (checked in the order ended or never in force, in force,
/// not announced, announced). The only place where a measure's dates are read.
ControlStatus controlStatus(const Control& control, Date t);

/// The as-of date is later than the profile's reference_cutoff (SPEC §3 "Time after the
/// data"): views, exports and reports say so next to the figures ("reference data checked up
/// to …; measures dated after it are scheduled, not confirmed"). False without a cut-off.
bool afterReferenceCutoff(const Network& net, Date asOf);

/// A measure as a view or report should show it on the state's date.
struct MeasureStatus {
    ControlStatus phase = ControlStatus::Announced;
    /// `status = scheduled` in the data: announced, not confirmed by the reference cut-off.
    /// Show it apart from confirmed measures ("scheduled, unconfirmed"), never as "in force".
    bool scheduled = false;
    /// It counts in this state (lens, scenario selectors, "controls in force").
    bool counted = false;
};

/// Which export-control measures count, and what they cover (SPEC §3): the one place that
/// decides whether a flow or a site is controlled, which measures cover it, and how much
/// supply of unknown origin the `controlled` lens counts. Every engine and view asks it.
///
/// Destinations are country indices of the Network; kNone is an unknown destination (our
/// company without a company_country, a site whose country is not in the countries table).
/// An unknown destination is never the issuer, and only measures without targets reach it.
///
/// Built in O(controls + items + site technologies); immutable after construction and safe to
/// share between threads. Keeps a reference to the Network, which must outlive it.
class ControlState {
public:
    /// The measures in force at `asOf`: dated in force (controlStatus() is InForce) and
    /// confirmed, or scheduled while `assumeScheduled` is on.
    ControlState(const Network& net, Date asOf, bool assumeScheduled = false);
    /// Only `control` counts, whatever its dates and status: what one measure does on its own
    /// (asOf only dates the state). An index out of range counts nothing.
    static ControlState only(const Network& net, Index control, Date asOf);
    /// Every measure counts, whatever its dates and status: what each would cover.
    static ControlState every(const Network& net, Date asOf);

    const Network& network() const { return *m_net; }
    Date asOf() const { return m_asOf; }
    bool assumeScheduled() const { return m_assumeScheduled; }

    // Measures
    bool inForce(Index control) const { return m_inForce[size_t(control)] != 0; }
    /// The counted measures, in data order.
    const std::vector<Index>& inForceControls() const { return m_inForceList; }
    MeasureStatus status(Index control) const;
    /// The measure reaches destination d: its target list is empty or names d.
    bool reaches(Index control, Index destination) const;
    /// A shipment from the issuer to `destination` would be an export the measure reaches:
    /// the issuer is known, the destination is not the issuer, and reaches() holds.
    bool exportReaches(Index control, Index destination) const;

    // Flows and sites
    /// The flow (supplier site s → a buyer in `destination`, material m) is material-controlled:
    /// a counted measure issued by country(s) lists m, destination ≠ issuer, and it reaches
    /// the destination. A flow inside the issuing country never is.
    bool materialControlled(Index site, Index material, Index destination) const {
        const uint8_t* reach = materialReach(site, material);
        return reach && reach[slot(destination)];
    }
    /// The site is technology-controlled: a counted measure lists a technology the site uses
    /// with source_country = the issuer, country(s) ≠ issuer, and it reaches country(s).
    bool technologyControlled(Index site) const { return m_siteTech[size_t(site)] & kSourced; }
    /// The same through a technology row of unknown source (counted only by the high bound).
    bool technologyControlledIfUnknownSource(Index site) const {
        return m_siteTech[size_t(site)] & kUnknownSource;
    }
    /// The `controlled` lens for a flow (point estimate): material- or technology-controlled.
    bool flowControlled(Index site, Index material, Index destination) const {
        return technologyControlled(site) || materialControlled(site, material, destination);
    }

    /// For engines that test millions of flows: per destination slot (slot()), 1 when the
    /// flows of `material` from `site` to that destination are material-controlled; nullptr
    /// when no counted measure lists the material for the site's country.
    const uint8_t* materialReach(Index site, Index material) const;
    /// The index of a destination in materialReach() masks.
    size_t slot(Index destination) const {
        return destination == kNone ? m_unknownSlot : size_t(destination);
    }

    // Explanations
    /// One reason a flow or site is covered: a counted measure and the item it covers by.
    struct Cover {
        Index control = kNone;
        ItemKind kind = ItemKind::Material;
        Index item = kNone;         ///< the material, or the technology the site uses
        bool unknownSource = false; ///< technology rows of unknown source (high bound only)
    };
    /// Every cover of the flow (site → destination, material): material items first, then
    /// technology items with a known source; with `unknownSources` also those of unknown
    /// source. In data order of the measures.
    std::vector<Cover> coversOfFlow(Index site, Index material, Index destination,
                                    bool unknownSources = false) const;
    /// The measures of coversOfFlow(), each once, in data order.
    std::vector<Index> controlsCoveringFlow(Index site, Index material, Index destination,
                                            bool unknownSources = false) const;
    /// The technology covers of a site (known source; with `unknownSources` also unknown).
    std::vector<Cover> coversOfSite(Index site, bool unknownSources = false) const;
    /// Counted measures naming the item, whatever they reach, in data order.
    std::vector<Index> controlsListing(ItemKind kind, Index item) const;

    // Unknown origin
    /// U(i, d) of the `controlled` lens: Σ world_share(i, X) over the countries X ≠ d that
    /// have a counted measure listing i and reaching d, capped at 1.
    double unknownShare(Index material, Index destination) const;
    /// The high bound's U(i, d) of the `controlled` lens is 1: one of those countries X has a
    /// world share of i above 0, or i has no world shares at all (and some X exists).
    bool unknownPossible(Index material, Index destination) const;
    /// The countries X of unknownShare(), in order of first listing.
    std::vector<Index> unknownIssuers(Index material, Index destination) const;

private:
    ControlState(const Network& net, Date asOf, bool assumeScheduled, std::vector<char> inForce);
    void build();
    /// The (issuer, destination mask) entries of counted measures listing a material.
    struct Entry {
        Index issuer;
        uint32_t mask; ///< offset into m_masks
    };
    enum : uint8_t { kSourced = 1, kUnknownSource = 2 };
    bool reachesSlot(const ControlInfo& c, Index destination) const;

    const Network* m_net;
    Date m_asOf;
    bool m_assumeScheduled = false;
    std::vector<char> m_inForce;
    std::vector<Index> m_inForceList;
    size_t m_unknownSlot = 0;           ///< = number of countries
    Csr<Entry> m_entries;               ///< per material
    std::vector<uint8_t> m_masks;       ///< (countries + 1) per entry
    Csr<Index> m_materialControls;      ///< counted measures per material (data order)
    Csr<Index> m_technologyControls;    ///< counted measures per technology (data order)
    std::vector<uint8_t> m_siteTech;    ///< kSourced | kUnknownSource per site
    std::vector<char> m_hasWorldShares; ///< per material
};

} // namespace chokepoint::core::analysis
