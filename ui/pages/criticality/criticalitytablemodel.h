// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "core/scenario/criticality.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// The ranked sites of a criticality result (SPEC §4.2), optionally only those located in
/// one country (the global filter bar's country). Keys are "site:ID".
class CriticalityTableModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Rank, Site, Supplier, Country, Tier, Spend, Tts, Ttr, LostRevenue, AtRisk };

    explicit CriticalityTableModel(QObject* parent = nullptr);
    /// `country`: iso3, or empty for every site.
    void setResult(const core::scenario::CriticalityResult& result, const QString& country);
};

} // namespace chokepoint::ui
