// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/dataquality.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

// The Data page's quality lists. Each row carries the selection key of its item
// ("material:li_raw", "supplier:x", "site:y"), so a click selects it everywhere.

/// Our tier-1 spend per material made from inputs, and how much of it has known tier-2 origin.
class Tier2OriginModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Material, Spend, Known };
    explicit Tier2OriginModel(QObject* parent = nullptr);
    void set(const core::analysis::Network& net, const core::analysis::DataQuality& quality);
    void clear() { setRows({}); }
};

/// Materials whose supply is mostly of unknown origin.
class UnknownOriginModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Material, Stage, Unknown };
    explicit UnknownOriginModel(QObject* parent = nullptr);
    void set(const core::analysis::Network& net, const core::analysis::DataQuality& quality);
    void clear() { setRows({}); }
};

/// Suppliers without an owner country.
class OwnerlessSupplierModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Supplier, Id, HqCountry };
    explicit OwnerlessSupplierModel(QObject* parent = nullptr);
    void set(const core::analysis::Network& net, const core::analysis::DataQuality& quality);
    void clear() { setRows({}); }
};

/// Sites that list no technology.
class SiteWithoutTechnologyModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Site, Supplier, Country };
    explicit SiteWithoutTechnologyModel(QObject* parent = nullptr);
    void set(const core::analysis::Network& net, const core::analysis::DataQuality& quality);
    void clear() { setRows({}); }
};

/// World shares older than three years at the as-of date (or without a year).
class OldWorldShareModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Material, Country, Share, Year, Age, Source };
    explicit OldWorldShareModel(QObject* parent = nullptr);
    void set(const core::analysis::Network& net, const core::analysis::DataQuality& quality);
    void clear() { setRows({}); }
};

} // namespace chokepoint::ui
