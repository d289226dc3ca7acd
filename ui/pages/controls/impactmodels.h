// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/exposurediff.h"
#include "core/analysis/measureimpact.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

// Tables of what one measure touches (core::analysis::MeasureImpact) and of what changed
// between two dates (core::analysis::ExposureDiff). Keys are selection keys of the row's item.

/// Materials under the measure alone: dependence, tier-1 part, spend at risk (dependence > 0).
class ImpactMaterialModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Material, Dependence, Direct, Spend, SpendAtRisk };
    explicit ImpactMaterialModel(QObject* parent = nullptr);
    void setImpact(const core::analysis::Network& net, const core::analysis::MeasureImpact& m);
    void clear() { setRows({}); }
};

/// Products under the measure alone: dependence and revenue at risk.
class ImpactProductModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Product, Dependence, Revenue, RevenueAtRisk };
    explicit ImpactProductModel(QObject* parent = nullptr);
    void setImpact(const core::analysis::Network& net, const core::analysis::MeasureImpact& m);
    void clear() { setRows({}); }
};

/// The flows (site, material) the measure covers itself, and our tier-1 suppliers it reaches.
class ImpactSiteModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Site, Supplier, Country, Material, Through, Tier, OurShare, SpendAtRisk };
    explicit ImpactSiteModel(QObject* parent = nullptr);
    void setImpact(const core::analysis::Network& net, const core::analysis::MeasureImpact& m);
    void clear() { setRows({}); }
};

class ImpactSupplierModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Supplier, Country, Share, Dependence };
    explicit ImpactSupplierModel(QObject* parent = nullptr);
    void setImpact(const core::analysis::Network& net, const core::analysis::MeasureImpact& m);
    void clear() { setRows({}); }
};

/// The flows that changed between two dates, with their covering controls and spend at risk.
class DiffFlowModel : public TableModel {
    Q_OBJECT
public:
    enum Column {
        Site,
        Country,
        Material,
        Change,
        Before,
        After,
        Tier,
        ExposedBefore,
        ExposedAfter,
        SpendAtRiskChange
    };
    explicit DiffFlowModel(QObject* parent = nullptr);
    void setDiff(const core::analysis::Network& net, const core::analysis::ExposureDiff& diff);
    void clear() { setRows({}); }
};

/// "Became controlled", "Became free", …
QString flowChangeText(core::analysis::FlowChange change);

} // namespace chokepoint::ui
