// SPDX-License-Identifier: MIT
#pragma once

#include <span>
#include <vector>

#include "core/analysis/controlstate.h"
#include "core/analysis/network.h"

namespace chokepoint::core::analysis {

/// The part of the network a supply chain of ours reaches.
struct ChainReach {
    std::vector<char> materials; ///< per material: a root or a recipe input of one, any depth
    std::vector<char> nodes;     ///< per node: reachable from our tier-1 links of the roots
    std::vector<char> sites;     ///< per site: the site of a reachable node
};

/// The chain of `roots` (materials): their recipe closure, and the nodes reachable upstream
/// from our tier-1 links for them, only links to sites in `country` when it is not kNone.
ChainReach chainReach(const Network& net, std::span<const Index> roots, Index country = kNone);

/// What one measure covers in a chain.
struct ChainTouch {
    /// Chain materials of reachable flows it covers (material items, for the destination of
    /// the flow's buyer), or of unknown-origin supply in the chain it could cover (it lists
    /// the material or a recipe input of it, at any depth, reaches the buyer's destination
    /// from another country, and its issuer produces some of that item or the item has no
    /// world shares), by index.
    std::vector<Index> materials;
    /// Technologies through which it covers reachable sites (technology-controlled, known
    /// source), by index, with the number of such sites.
    std::vector<Index> technologies;
    std::vector<int> technologySites;
    bool touches() const { return !materials.empty() || !technologies.empty(); }
};

/// Per measure (Network::controls order; empty for those the state does not count): what it
/// covers in the chain. With ControlState::every() this is what each measure would cover.
std::vector<ChainTouch> chainTouches(const ControlState& state, const ChainReach& reach);

/// The measures that touch the chain (ChainTouch::touches()), in data order.
std::vector<Index> controlsTouching(const ControlState& state, const ChainReach& reach);

} // namespace chokepoint::core::analysis
