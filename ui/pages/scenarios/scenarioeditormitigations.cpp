// SPDX-License-Identifier: MIT
// ScenarioEditor: the mitigations part (extra days of stock per material, alternatives).
#include <set>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/analysis/network.h"
#include "ui/pages/scenarios/issuelabel.h"
#include "ui/pages/scenarios/scenarioeditor.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

void ScenarioEditor::buildMitigations(QWidget* parent, QVBoxLayout* layout) {
    auto* box = new QGroupBox(tr("Mitigations"), parent);
    auto* boxLayout = new QHBoxLayout(box);
    auto* left = new QVBoxLayout;
    auto* title = new QLabel(tr("Extra days of stock (added to the days on hand; stock is held "
                                "of the materials in our products' bills of materials)"),
                             box);
    title->setWordWrap(true);
    left->addWidget(title);
    m_inventory = new QTableWidget(0, 2, box);
    m_inventory->setObjectName(QStringLiteral("extraInventory"));
    m_inventory->setHorizontalHeaderLabels({tr("Material"), tr("Extra days")});
    m_inventory->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_inventory->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_inventory->setColumnWidth(1, 120);
    m_inventory->verticalHeader()->setVisible(false);
    m_inventory->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_inventory->setMinimumHeight(90);
    m_inventory->setMaximumHeight(150);
    left->addWidget(m_inventory);
    auto* buttons = new QHBoxLayout;
    m_addInventory = new QPushButton(tr("Add material"), box);
    m_removeInventory = new QPushButton(tr("Remove"), box);
    buttons->addWidget(m_addInventory);
    buttons->addWidget(m_removeInventory);
    buttons->addStretch(1);
    left->addLayout(buttons);
    m_inventoryNote = new QLabel(box);
    m_inventoryNote->setObjectName(QStringLiteral("inventoryNote"));
    m_inventoryNote->setWordWrap(true);
    m_inventoryNote->setVisible(false);
    left->addWidget(m_inventoryNote);
    boxLayout->addLayout(left, 3);

    auto* right = new QVBoxLayout;
    m_alternatives = new QCheckBox(tr("Use alternative suppliers"), box);
    m_alternatives->setToolTip(tr("The workspace's alternatives table: each alternative site adds "
                                  "its share once it is qualified"));
    right->addWidget(m_alternatives);
    auto* alternativesNote =
        new QLabel(tr("from the workspace's alternatives table, once they are qualified"), box);
    alternativesNote->setWordWrap(true);
    alternativesNote->setEnabled(false);
    right->addWidget(alternativesNote);
    auto* issue = new IssueLabel(box);
    m_fieldIssues["mitigations"] = issue;
    right->addWidget(issue);
    right->addStretch(1);
    boxLayout->addLayout(right, 2);
    layout->addWidget(box);

    connect(m_addInventory, &QPushButton::clicked, this, [this] {
        // The first BOM material without a row, else the first material.
        std::set<QString> used;
        for (int r = 0; r < m_inventory->rowCount(); ++r)
            if (auto* combo = qobject_cast<QComboBox*>(m_inventory->cellWidget(r, 0)))
                used.insert(combo->currentData().toString());
        QString pick;
        if (m_network)
            for (const auto& item : m_network->data().inventory)
                if (!used.count(QString::fromStdString(item.materialId))) {
                    pick = QString::fromStdString(item.materialId);
                    break;
                }
        if (pick.isEmpty() && m_network && !m_network->data().materials.empty())
            pick = QString::fromStdString(m_network->data().materials.front().id);
        addInventoryRow(pick, 30.0);
    });
    connect(m_removeInventory, &QPushButton::clicked, this, [this] {
        const int row = m_inventory->currentRow();
        if (row < 0)
            return;
        m_inventory->removeRow(row);
        readInventory();
    });
    connect(m_alternatives, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        if (!m_scenario.mitigations)
            m_scenario.mitigations = sc::Mitigations{};
        m_scenario.mitigations->alternatives = on;
        changed();
    });
}

void ScenarioEditor::addInventoryRow(const QString& material, double days) {
    const int row = m_inventory->rowCount();
    m_inventory->insertRow(row);
    auto* combo = new QComboBox(m_inventory);
    // Materials held in stock (the inventory table) first, then the rest, all with names.
    std::vector<std::pair<QString, QString>> items;
    if (m_network) {
        const auto& d = m_network->data();
        std::set<std::string> stocked;
        for (const auto& i : d.inventory)
            stocked.insert(i.materialId);
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& m : d.materials)
                if (bool(stocked.count(m.id)) == (pass == 0))
                    items.push_back({QString::fromStdString(m.id), QString::fromStdString(m.name)});
    }
    bool found = false;
    for (const auto& [id, name] : items) {
        combo->addItem(id + QStringLiteral(" \u2014 ") + name, id);
        found = found || id == material;
    }
    if (!found && !material.isEmpty())
        combo->insertItem(0, material, material); // unknown here: kept, and reported
    combo->setCurrentIndex(std::max(0, combo->findData(material)));
    auto* spin = new QDoubleSpinBox(m_inventory);
    spin->setRange(0.0, sc::kMaxHorizonDays);
    spin->setDecimals(1);
    spin->setSuffix(tr(" days"));
    spin->setValue(days);
    m_inventory->setCellWidget(row, 0, combo);
    m_inventory->setCellWidget(row, 1, spin);
    connect(combo, &QComboBox::currentIndexChanged, this, [this] { readInventory(); });
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this] { readInventory(); });
    if (!m_loading)
        readInventory();
}

void ScenarioEditor::showInventory() {
    const bool wasLoading = m_loading;
    m_loading = true;
    m_inventory->setRowCount(0);
    if (m_scenario.mitigations)
        for (const auto& [material, days] : m_scenario.mitigations->extraInventoryDays)
            addInventoryRow(QString::fromStdString(material), days);
    m_alternatives->setChecked(!m_scenario.mitigations ||
                               m_scenario.mitigations->useAlternatives());
    m_loading = wasLoading;
    updateInventoryNote();
}

QString ScenarioEditor::inventoryNoteText() const {
    return m_inventoryNote->isVisibleTo(m_inventoryNote->parentWidget()) ? m_inventoryNote->text()
                                                                         : QString();
}

// Stock is held of the materials in our products' bills of materials only (the engine's need
// is zero for every other material), so extra days of anything else change no figure: say so
// rather than let a comparison show "no difference" without a reason.
void ScenarioEditor::updateInventoryNote() {
    QStringList idle;
    if (m_network && m_scenario.mitigations) {
        std::set<std::string> bom;
        for (const auto& line : m_network->data().productBom)
            bom.insert(line.materialId);
        for (const auto& [material, days] : m_scenario.mitigations->extraInventoryDays)
            if (days > 0.0 && !bom.count(material))
                idle << QString::fromStdString(material);
    }
    m_inventoryNote->setText(
        idle.isEmpty()
            ? QString()
            : tr("<b>No effect:</b> %1 %2 not in any product's bill of materials. We hold stock "
                 "of what our plants use; to hold more of an input (e.g. anode material), "
                 "give the extra days to the parts that contain it (the cells).")
                  .arg(idle.join(QStringLiteral(", ")).toHtmlEscaped(),
                       idle.size() == 1 ? tr("is") : tr("are")));
    m_inventoryNote->setVisible(!idle.isEmpty());
}

void ScenarioEditor::readInventory() {
    if (m_loading)
        return;
    if (!m_scenario.mitigations)
        m_scenario.mitigations = sc::Mitigations{};
    auto& extra = m_scenario.mitigations->extraInventoryDays;
    extra.clear();
    for (int r = 0; r < m_inventory->rowCount(); ++r) {
        auto* combo = qobject_cast<QComboBox*>(m_inventory->cellWidget(r, 0));
        auto* spin = qobject_cast<QDoubleSpinBox*>(m_inventory->cellWidget(r, 1));
        if (combo && spin && !combo->currentData().toString().isEmpty())
            extra[combo->currentData().toString().toStdString()] = spin->value();
    }
    updateInventoryNote();
    changed();
}

} // namespace chokepoint::ui
