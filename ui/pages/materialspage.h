// SPDX-License-Identifier: MIT
#pragma once

#include "ui/pages/page.h"

class QLabel;
class QLineEdit;

namespace chokepoint::ui {

class MaterialDetailPanel;
class MaterialTableModel;
class TableFilterProxy;
class TableView;

/// Every material of our products and purchases under the global filters: a sortable,
/// filterable table (dependence under the three lenses side by side, direct share, spend at
/// risk, HHI, inventory, products) and, for the selected material, its supply by tier and
/// country and its world production mix. Clicking a row selects the material everywhere;
/// double-clicking opens its supply network on the Suppliers page.
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

private:
    void redraw();
    void showSelection();
    void updateContext();
    void showDetail(const QString& materialId);
    void select(const QString& key, bool drillDown);

    QLabel* m_context = nullptr;
    QLineEdit* m_search = nullptr;
    TableView* m_table = nullptr;
    MaterialTableModel* m_model = nullptr;
    TableFilterProxy* m_proxy = nullptr;
    MaterialDetailPanel* m_detail = nullptr;
};

} // namespace chokepoint::ui
