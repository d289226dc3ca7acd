// SPDX-License-Identifier: MIT
#include "ui/pages/materialspage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "core/analysis/materialreach.h"
#include "ui/appstate.h"
#include "ui/displayformat.h"
#include "ui/models/tablefilterproxy.h"
#include "ui/pages/materials/materialdetailpanel.h"
#include "ui/pages/materials/materialtablemodel.h"
#include "ui/pages/materials/supplymixcharts.h"
#include "ui/pages/pageregistry.h"
#include "ui/selectionkey.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace an = core::analysis;

MaterialsPage::MaterialsPage(AppState& state, QWidget* parent)
    : Page(state, parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 10, 12, 10);
    outer->setSpacing(8);

    m_context = new QLabel(this);
    m_context->setObjectName(QStringLiteral("materialsContext"));
    m_context->setWordWrap(true);
    outer->addWidget(m_context);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    outer->addWidget(splitter, 1);

    auto* top = new QWidget(splitter);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(6);
    auto* searchRow = new QHBoxLayout;
    auto* title = new QLabel(tr("<b>Materials</b> \u2014 click to select, double-click for the "
                                "supply network (Ctrl+C copies)"),
                             top);
    m_search = new QLineEdit(top);
    m_search->setObjectName(QStringLiteral("materialsSearch"));
    m_search->setPlaceholderText(tr("Find a material by name, stage or product…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    searchRow->addWidget(title, 1);
    searchRow->addWidget(m_search);
    topLayout->addLayout(searchRow);

    m_model = new MaterialTableModel(this);
    m_proxy = new TableFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_table = new TableView(top);
    m_table->setObjectName(QStringLiteral("materialsTable"));
    m_table->setModel(m_proxy);
    m_table->setMinimumHeight(160);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const std::pair<int, int> widths[] = {
        {MaterialTableModel::Material, 200},   {MaterialTableModel::Stage, 76},
        {MaterialTableModel::Tier, 44},        {MaterialTableModel::Location, 70},
        {MaterialTableModel::Owned, 78},       {MaterialTableModel::Controlled, 70},
        {MaterialTableModel::Through, 100},    {MaterialTableModel::DirectShare, 64},
        {MaterialTableModel::SpendAtRisk, 76}, {MaterialTableModel::Hhi, 52},
        {MaterialTableModel::WorldHhi, 56},    {MaterialTableModel::Inventory, 68}};
    for (const auto& [column, width] : widths)
        m_table->setColumnWidth(column, width);
    // The one dependence every material has, upstream ones included.
    m_table->sortByColumn(MaterialTableModel::Through, Qt::DescendingOrder);
    // No row left: a sentence in place of an empty table.
    m_noMatch = new QLabel(top);
    m_noMatch->setObjectName(QStringLiteral("materialsNoMatch"));
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setWordWrap(true);
    m_tableStack = new QStackedWidget(top);
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_noMatch);
    topLayout->addWidget(m_tableStack, 1);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterText(text);
        updateNoMatch();
    });

    // The tier chart grows with its bars (each needs a line for its name): it scrolls down
    // rather than push the window past the screen.
    auto* detailScroll = new QScrollArea(splitter);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_detail = new MaterialDetailPanel(detailScroll);
    detailScroll->setWidget(m_detail);
    splitter->addWidget(top);
    splitter->addWidget(detailScroll);
    // The table shows about ten rows; the tier chart gets the height its rows need.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({290, 500});

    connect(m_table, &TableView::keySelected, this, [this](const QString& k) { select(k, false); });
    connect(m_table, &TableView::keyActivated, this, [this](const QString& k) { select(k, true); });
    // A tier bar selects the material bought at that tier; double-click opens the network
    // of the material shown.
    connect(m_detail->tierChart(), &ChartView::itemClicked, this, [this](const QString& key) {
        m_selectingTierBar = true;
        this->state().setSelection(
            {SelectionKind::Material, MaterialDetailPanel::materialOfKey(key)});
        m_selectingTierBar = false;
    });
    connect(m_detail->tierChart(), &ChartView::itemActivated, this, [this](const QString&) {
        if (!m_detail->materialId().isEmpty())
            select(selectionKey({SelectionKind::Material, m_detail->materialId()}), true);
    });
    const auto selectCountry = [this](const QString& iso3) {
        if (!iso3.isEmpty())
            this->state().setSelection({SelectionKind::Country, iso3});
    };
    connect(m_detail->worldChart(), &ChartView::itemClicked, this, selectCountry);
    connect(m_detail->worldChart(), &ChartView::itemActivated, this, selectCountry);

    connect(&state, &AppState::exposureReady, this, &MaterialsPage::redraw);
    connect(&state, &AppState::selectionChanged, this, &MaterialsPage::showSelection);
    connect(&state, &AppState::filtersChanged, this, &MaterialsPage::updateContext);
    connect(&state, &AppState::busyChanged, this, &MaterialsPage::updateContext);
    redraw();
}

QString MaterialsPage::contextText() const {
    return m_context->text();
}

void MaterialsPage::updateContext() {
    const Filters& f = state().filters();
    QString text = tr("Dependence on China under all three lenses; <b>through what it feeds, "
                      "direct share and spend at risk under the %1 lens</b> &nbsp;·&nbsp; as of "
                      "<b>%2</b> &nbsp;·&nbsp; %3 materials under the filters: %4 we buy or list "
                      "in a bill of materials, %5 further up the chain")
                       .arg(lensText(f.lens), dateText(f.asOf))
                       .arg(m_model->rowCount())
                       .arg(m_model->reportedRows())
                       .arg(m_model->upstreamRows());
    if (state().isBusy())
        text += tr(" &nbsp;·&nbsp; <i>updating…</i>");
    m_context->setText(text);
}

// Clicking selects the material everywhere; double-clicking also opens its supply network.
QString MaterialsPage::noMatchText() const {
    return m_tableStack->currentWidget() == m_noMatch ? m_noMatch->text() : QString();
}

void MaterialsPage::updateNoMatch() {
    if (m_proxy->rowCount() > 0 || !state().summary()) {
        m_tableStack->setCurrentWidget(m_table);
        return;
    }
    const QString search = m_search->text().trimmed();
    QString text;
    if (!search.isEmpty() && m_model->rowCount() > 0)
        text = tr("No match: no material under these filters has \u201c%1\u201d in its name, "
                  "stage, tier or products.")
                   .arg(search.toHtmlEscaped());
    else if (!search.isEmpty())
        text = tr("No match: the filters above keep no material, and none has \u201c%1\u201d "
                  "in its name, stage, tier or products.")
                   .arg(search.toHtmlEscaped());
    else
        text = tr("No match: the filters above (product, stage, country) keep no material.");
    m_noMatch->setText(text + tr("<br><br>Clear the search box or the filters (Clear filters, "
                                 "at the top) to see every material."));
    m_tableStack->setCurrentWidget(m_noMatch);
}

void MaterialsPage::select(const QString& key, bool drillDown) {
    const Selection sel = selectionFromKey(key);
    if (sel.isEmpty())
        return;
    state().setSelection(sel);
    if (drillDown && sel.kind == SelectionKind::Material)
        state().requestPage(pageid::suppliers);
}

void MaterialsPage::redraw() {
    const auto summary = state().summary();
    const auto exposure = state().exposure();
    if (!summary || !exposure) {
        m_model->clear();
        m_detail->clear(tr("Loading…"));
        updateContext();
        updateNoMatch();
        return;
    }
    m_model->setFigures(*exposure, *summary,
                        an::materialsInFilter(*exposure->network, state().summaryFilter()));
    updateContext();
    updateNoMatch();
    // The detail shows the selected material, else the one shown before, else the most
    // dependent one (Summary's first).
    QString id;
    const Selection& sel = state().selection();
    if (sel.kind == SelectionKind::Material && m_model->rowForKey(selectionKey(sel)) >= 0)
        id = sel.id;
    else if (m_model->rowForKey(selectionKey({SelectionKind::Material, m_detail->materialId()})) >=
             0)
        id = m_detail->materialId();
    else if (!summary->materials.empty())
        id = QString::fromStdString(
            exposure->network->materials.id(summary->materials.front().material));
    m_detail->clear(tr("No material under these filters."));
    showDetail(id);
    showSelection();
}

void MaterialsPage::showDetail(const QString& materialId) {
    const auto summary = state().summary();
    const auto exposure = state().exposure();
    if (!summary || !exposure || materialId.isEmpty())
        return;
    const an::Index m = exposure->network->materials.find(materialId.toStdString());
    if (m == an::kNone)
        return;
    m_detail->showMaterial(*exposure, *summary, m);
}

void MaterialsPage::showSelection() {
    const Selection& sel = state().selection();
    if (sel.kind != SelectionKind::Material) {
        m_table->selectKey(QString());
        m_detail->setSelectedMaterial(QString());
        return;
    }
    // A material selected anywhere becomes the detail, except one clicked in the tier chart
    // (an input further up the chain): then its bar is highlighted and the chart stays.
    if (m_table->selectKey(selectionKey(sel)) && sel.id != m_detail->materialId() &&
        !m_selectingTierBar)
        showDetail(sel.id);
    m_detail->setSelectedMaterial(sel.id);
}

} // namespace chokepoint::ui
