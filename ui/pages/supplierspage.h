// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include "core/analysis/supplierview.h"
#include "ui/jobrunner.h"
#include "ui/pages/page.h"

class QButtonGroup;
class QLabel;
class QLineEdit;
class QToolButton;

namespace chokepoint::ui {

class KeyFilterProxy;
class NetworkPanel;
class NetworkView;
class SiteTableModel;
class SupplierTableModel;
class SupplyMixChart;
class TableView;

/// Our suppliers and their sites under the global filters (core/analysis/supplierview.h):
/// a sortable, filterable table (suppliers, or sites), our tier-1 spend by supplier country
/// split into spend at risk and the rest, and the supply network of one material drawn tier
/// by tier (core/analysis/supplygraph.h). Clicks select everywhere; double-clicking a
/// supplier lists its sites, a site shows it in the network, a country bar sets the country
/// filter, a network node shows the site's row.
class SuppliersPage : public Page {
    Q_OBJECT
public:
    enum class Mode { Suppliers, Sites };
    /// Links drawn per purchase in the network; the rest are folded.
    static constexpr size_t kTopLinks = 4;
    /// Countries in the spend chart; the rest are summed as "Other countries".
    static constexpr size_t kCountries = 8;

    explicit SuppliersPage(AppState& state, QWidget* parent = nullptr);
    ~SuppliersPage() override;
    QString title() const override { return tr("Suppliers"); }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /// Lists only the sites of this supplier (Sites mode); empty: every site.
    void showSitesOf(const QString& supplierId);
    QString sitesOf() const { return m_sitesOf; }
    /// Draws the supply network of this material.
    void showNetwork(const QString& materialId);
    QString networkMaterial() const { return m_networkMaterial; }

    TableView* table() const { return m_table; }
    SupplierTableModel* supplierModel() const { return m_suppliers; }
    SiteTableModel* siteModel() const { return m_sites; }
    KeyFilterProxy* supplierProxy() const { return m_supplierProxy; }
    KeyFilterProxy* siteProxy() const { return m_siteProxy; }
    QLineEdit* searchBox() const { return m_search; }
    SupplyMixChart* spendChart() const { return m_spend; }
    NetworkPanel* networkPanel() const { return m_networkPanel; }
    NetworkView* networkView() const;
    QString contextText() const;
    /// Blocks until the supplier figures for the current filters are shown (tests).
    void waitForIdle() override;

private:
    void redraw();
    void applyView();
    void drawNetwork();
    void showSelection();
    void updateContext();
    void select(const QString& key, bool drillDown);
    void activateSite(const QString& siteId);
    QString supplierOfSite(const QString& siteId) const;

    Mode m_mode = Mode::Suppliers;
    QString m_sitesOf;
    QString m_networkMaterial;
    QLabel* m_context = nullptr;
    QButtonGroup* m_modes = nullptr;
    QToolButton* m_restriction = nullptr;
    QLineEdit* m_search = nullptr;
    TableView* m_table = nullptr;
    SupplierTableModel* m_suppliers = nullptr;
    SiteTableModel* m_sites = nullptr;
    KeyFilterProxy* m_supplierProxy = nullptr;
    KeyFilterProxy* m_siteProxy = nullptr;
    SupplyMixChart* m_spend = nullptr;
    NetworkPanel* m_networkPanel = nullptr;
    JobRunner m_runner;
    std::shared_ptr<const core::analysis::SupplierViewResult> m_view;
    std::shared_ptr<const core::analysis::Network> m_viewNetwork;
};

} // namespace chokepoint::ui
