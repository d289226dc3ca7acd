// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include "core/analysis/network.h"
#include "core/analysis/summary.h"
#include "ui/appstate.h"

class QLabel;

namespace chokepoint::ui {

class MixDonutChart;
class SupplyMixChart;

/// The lower half of the Materials page: for one material, a headline, its supply by tier
/// and country (core/analysis/supplybreakdown.h) and its world production mix with year and
/// sources. Chart clicks come out as item keys: the tier chart's keys are "<row>/<material
/// id>" (materialOfKey() gives the id), the donut's are iso3 codes.
class MaterialDetailPanel : public QWidget {
    Q_OBJECT
public:
    /// Rows shown at most in the tier chart (nearest tiers first).
    static constexpr size_t kMaxRows = 12;
    /// Countries with their own colour; the rest are "Other countries".
    static constexpr size_t kMaxCountries = 6;

    explicit MaterialDetailPanel(QWidget* parent = nullptr);

    void showMaterial(const ExposureSet& exposure, const core::analysis::Summary& summary,
                      core::analysis::Index material);
    void clear(const QString& message);
    /// Highlights the first tier row of this material (empty: none).
    void setSelectedMaterial(const QString& materialId);

    QString materialId() const { return m_materialId; }
    QString headline() const;
    QString sourceText() const;
    SupplyMixChart* tierChart() const { return m_tiers; }
    MixDonutChart* worldChart() const { return m_world; }
    static QString materialOfKey(const QString& key);

private:
    void showTiers(const core::analysis::Network& net, core::analysis::Index material);
    void showWorld(const core::analysis::Network& net, core::analysis::Index material);

    QString m_materialId;
    QLabel* m_headline = nullptr;
    SupplyMixChart* m_tiers = nullptr;
    MixDonutChart* m_world = nullptr;
    QLabel* m_sources = nullptr;
};

} // namespace chokepoint::ui
