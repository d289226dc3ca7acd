// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QVector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/supplygraph.h"

namespace chokepoint::ui {

/// One node of a supply graph as the network view draws it: texts ready, numbers kept for
/// colours and tests.
struct NetworkNodeInfo {
    core::analysis::GraphNodeKind kind = core::analysis::GraphNodeKind::Site;
    int tier = 0;
    int order = 0;
    QString siteId;     ///< Site nodes
    QString supplierId; ///< Site nodes
    QString materialId;
    QString title;    ///< first line: site name, "Unknown origin", …
    QString subtitle; ///< second line: country, material, share of our supply through it
    QString tooltip;  ///< rich text with the exact figures
    bool exposed = false;
    double f = 0.0;
    double flow = 0.0;
    bool truncated = false;
};

struct NetworkEdgeInfo {
    int from = 0; ///< seller (upstream, left)
    int to = 0;   ///< buyer (right)
    double share = 0.0;
    double flow = 0.0;
    bool fromExposed = false;
    QString tooltip;
};

/// What NetworkView draws: a SupplyGraph with names and tooltips.
struct NetworkDrawing {
    QString materialId;
    QString materialName;
    QVector<NetworkNodeInfo> nodes;
    QVector<NetworkEdgeInfo> edges;
    int tiers = 0;
    QVector<int> tierSizes;
    bool truncated = false;
};

/// Names and tooltips for `graph` (computed by core from `result` of `engine`).
NetworkDrawing networkDrawing(const core::analysis::ExposureEngine& engine,
                              const core::analysis::ExposureResult& result,
                              const core::analysis::SupplyGraph& graph);

} // namespace chokepoint::ui
