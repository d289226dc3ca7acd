// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <QString>

#include "core/scenario/criticality.h"
#include "ui/models/tablemodel.h"

namespace chokepoint::ui {

/// The ranked sites of a criticality result (SPEC §4.2), optionally only those the global
/// filter bar keeps (CriticalityPage::shownSites()). Keys are "site:ID".
class CriticalityTableModel : public TableModel {
    Q_OBJECT
public:
    enum Column { Rank, Site, Supplier, Country, Tier, Spend, Tts, Ttr, LostRevenue, AtRisk };

    explicit CriticalityTableModel(QObject* parent = nullptr);
    /// `shown`: per network site, whether its row is listed; empty for every site.
    void setResult(const core::scenario::CriticalityResult& result, const std::vector<char>& shown);
};

} // namespace chokepoint::ui
