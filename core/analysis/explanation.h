// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

#include "core/analysis/exposureengine.h"

namespace chokepoint::core::analysis {

/// Why a site's output counts (the first reason that applies, in this order).
enum class ExposureReason {
    Located,           ///< the site is in the focus country (location and owned lenses)
    Owned,             ///< its supplier's owner is in the focus country (owned lens)
    MaterialControl,   ///< the flow is material-controlled (an export to the buyer's country)
    TechnologyControl, ///< the site is technology-controlled (the issuer's technology, abroad)
    Inputs,            ///< not exposed itself: f is the largest g over its recipe inputs
    None,              ///< not exposed and no recipe: f = 0
};

struct LinkExplanation;

/// The unknown-origin part of a group: (1 − Σw) · u(i).
struct UnknownPart {
    double remainder = 0.0;    ///< 1 − Σ w
    double fallback = 0.0;     ///< u(i, dest(b))
    double contribution = 0.0; ///< weight · remainder · u(i): its part of D
};

/// One recipe input of an inputs-driven site, with its g (the largest one is expanded).
struct InputValue {
    Index material = kNone;
    double g = 0.0;
    bool hasLinks = false; ///< false: the site buys none of it; g = u(i)
};

/// What a buyer gets of one material: g(b, i) and how its links make it up.
struct GroupExplanation {
    int tier = 1;        ///< 1 = our own purchases, 2 = our suppliers' purchases, ...
    Index buyer = kSelf; ///< site index, or kSelf
    Index material = kNone;
    double weight = 1.0; ///< product of the shares on the path from us (1 at tier 1)
    double shareSum = 0.0;
    double g = 0.0;
    UnknownPart unknown;
    std::vector<LinkExplanation> links; ///< the largest contributions first, at most topN
    size_t omittedLinks = 0;            ///< links beyond topN (or below minContribution)
    double omittedContribution = 0.0;   ///< their summed contribution
};

/// One supply link and, for an inputs-driven site, the input group that carries its f.
struct LinkExplanation {
    Index supplierSite = kNone;
    Index supplier = kNone;
    Index country = kNone;
    double share = 0.0;        ///< w
    double f = 0.0;            ///< f(s', i, b)
    double contribution = 0.0; ///< weight · w · f: its part of D
    ExposureReason reason = ExposureReason::None;
    std::vector<InputValue> inputs;         ///< reason Inputs: every recipe input's g
    std::vector<GroupExplanation> upstream; ///< reason Inputs: the max input, when expanded
};

/// The dependence of one material as a tree: D(m) = Σ link contributions + unknown part at
/// tier 1, and each inputs-driven link's contribution splits the same way one tier up.
struct Explanation {
    Lens lens = Lens::Location;
    Date asOf;
    Index material = kNone;
    double dependence = 0.0;
    GroupExplanation root; ///< tier 1 (no links if we do not buy the material directly)
};

struct ExplainOptions {
    size_t topN = 5;              ///< links kept per group, largest contributions first
    int maxDepth = 6;             ///< tiers expanded (1 = only our own links)
    double minContribution = 0.0; ///< links contributing less are folded into "omitted"
};

/// Explains D(material) of a result computed by `engine` (same Network). The tree is bounded
/// by `options`; omitted links are summed so that each group still adds up. Pure function,
/// safe to call from several threads.
Explanation explainMaterial(const ExposureEngine& engine, const ExposureResult& result,
                            Index material, const ExplainOptions& options = {});

/// The reason the flows of a node (site, material) to `buyer` (kSelf: us) count or not under
/// the result's lens and measures.
ExposureReason exposureReason(const ExposureEngine& engine, const ExposureResult& result,
                              Index node, Index buyer);

/// The flow a view shows for a node (site, material) on its own: to us when we buy from it,
/// else to the first site buying from it (group order); to us for an alternative only.
struct NodeFlow {
    Index buyer = kSelf;
    bool exposed = false; ///< L(s, m, b)
    double f = 0.0;       ///< f(s, m, b)
    ExposureReason reason = ExposureReason::None;
};
NodeFlow nodeFlow(const ExposureEngine& engine, const ExposureResult& result, Index node);

} // namespace chokepoint::core::analysis
