// SPDX-License-Identifier: MIT
#pragma once

#include "ui/pages/page.h"

class QLabel;
class QLineEdit;
class QStackedWidget;

namespace chokepoint::ui {

class MaterialDetailPanel;
class MaterialTableModel;
class TableFilterProxy;
class TableView;

/// Every material of the network under the global filters, upstream ones (graphite several
/// tiers up) as well as those we buy: a sortable, filterable table (tiers, dependence as we
/// buy it under the three lenses side by side, dependence through what it feeds, direct share,
/// spend at risk, HHI, inventory, products) and, for the selected material, its supply by tier
/// and country (for an upstream material: the material it feeds most, with its tiers
/// highlighted) and its world production mix. When the filters or the search keep no row, a
/// message replaces the table. Clicking a row selects the material everywhere; double-clicking
/// opens its supply network on the Suppliers page.
class MaterialsPage : public Page {
    Q_OBJECT
public:
    explicit MaterialsPage(AppState& state, QWidget* parent = nullptr);
    QString title() const override { return tr("Materials"); }

    TableView* table() const { return m_table; }
    MaterialTableModel* model() const { return m_model; }
    TableFilterProxy* proxy() const { return m_proxy; }
    QLineEdit* searchBox() const { return m_search; }
    MaterialDetailPanel* detail() const { return m_detail; }
    QString contextText() const;
    /// The message shown instead of the table when no row is left (empty when rows are shown).
    QString noMatchText() const;

private:
    void redraw();
    void showSelection();
    void updateContext();
    void showDetail(const QString& materialId);
    void select(const QString& key, bool drillDown);
    void updateNoMatch();

    QLabel* m_context = nullptr;
    QLineEdit* m_search = nullptr;
    TableView* m_table = nullptr;
    QStackedWidget* m_tableStack = nullptr;
    QLabel* m_noMatch = nullptr;
    MaterialTableModel* m_model = nullptr;
    TableFilterProxy* m_proxy = nullptr;
    MaterialDetailPanel* m_detail = nullptr;
    bool m_selectingTierBar = false; ///< a tier bar is being clicked: keep the chart
};

} // namespace chokepoint::ui
