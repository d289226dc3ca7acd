// SPDX-License-Identifier: MIT
#include "ui/pages/supplierspage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMargins>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/analysis/supplygraph.h"
#include "ui/appstate.h"
#include "ui/displayformat.h"
#include "ui/pages/materials/supplymixcharts.h"
#include "ui/pages/pageregistry.h"
#include "ui/pages/suppliers/keyfilterproxy.h"
#include "ui/pages/suppliers/networkdrawing.h"
#include "ui/pages/suppliers/networkpanel.h"
#include "ui/pages/suppliers/networkview.h"
#include "ui/pages/suppliers/sitetablemodel.h"
#include "ui/pages/suppliers/suppliertablemodel.h"
#include "ui/pages/suppliers/viewtext.h"
#include "ui/selectionkey.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace an = core::analysis;
using viewtext::qs;

SuppliersPage::SuppliersPage(AppState& state, QWidget* parent)
    : Page(state, parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 10, 12, 10);
    outer->setSpacing(8);
    m_context = new QLabel(this);
    m_context->setObjectName(QStringLiteral("suppliersContext"));
    m_context->setWordWrap(true);
    outer->addWidget(m_context);

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->setChildrenCollapsible(false);
    outer->addWidget(vertical, 1);
    auto* horizontal = new QSplitter(Qt::Horizontal, vertical);
    horizontal->setChildrenCollapsible(false);

    auto* tableBox = new QWidget(horizontal);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(6);
    auto* bar = new QHBoxLayout;
    m_modes = new QButtonGroup(this);
    for (const auto& [mode, text] :
         {std::pair{Mode::Suppliers, tr("Suppliers")}, std::pair{Mode::Sites, tr("Sites")}}) {
        auto* button = new QToolButton(tableBox);
        button->setText(text);
        button->setCheckable(true);
        button->setChecked(mode == m_mode);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_modes->addButton(button, int(mode));
        bar->addWidget(button);
    }
    m_restriction = new QToolButton(tableBox);
    m_restriction->setObjectName(QStringLiteral("sitesOfSupplier"));
    m_restriction->setToolTip(tr("Show every site again"));
    m_restriction->setVisible(false);
    bar->addWidget(m_restriction);
    bar->addStretch(1);
    m_search = new QLineEdit(tableBox);
    m_search->setObjectName(QStringLiteral("suppliersSearch"));
    m_search->setPlaceholderText(tr("Filter by name, country, material…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(280);
    bar->addWidget(m_search);
    tableLayout->addLayout(bar);

    m_suppliers = new SupplierTableModel(this);
    m_sites = new SiteTableModel(this);
    m_supplierProxy = new KeyFilterProxy(this);
    m_supplierProxy->setSourceModel(m_suppliers);
    m_supplierProxy->sort(SupplierTableModel::SpendAtRisk, Qt::DescendingOrder);
    m_siteProxy = new KeyFilterProxy(this);
    m_siteProxy->setSourceModel(m_sites);
    m_siteProxy->sort(SiteTableModel::SpendAtRisk, Qt::DescendingOrder);
    m_table = new TableView(tableBox);
    m_table->setObjectName(QStringLiteral("suppliersTable"));
    m_table->setMinimumHeight(150);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    tableLayout->addWidget(m_table, 1);

    m_spend = new SupplyMixChart(horizontal);
    m_spend->setValueFormat([](double v) { return moneyText(v); });
    m_spend->setAxisFormat([](double v) { return compactMoneyText(v); });
    m_spend->setExportName(QStringLiteral("spend-by-supplier-country"));
    m_spend->setEmptyText(tr("No tier-1 spend under these filters"));
    m_spend->setMaxLabelLength(16);
    // Room on the right for the value axis' last label ("$400 m").
    m_spend->chart()->setMargins(QMargins(6, 6, 22, 6));
    horizontal->addWidget(tableBox);
    horizontal->addWidget(m_spend);
    horizontal->setStretchFactor(0, 1);
    horizontal->setStretchFactor(1, 0);
    horizontal->setSizes({550, 370});

    m_networkPanel = new NetworkPanel(vertical);
    m_networkPanel->view()->setEmptyText(tr("No material to draw under these filters"));
    vertical->addWidget(horizontal);
    vertical->addWidget(m_networkPanel);
    vertical->setStretchFactor(0, 0);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({330, 420});
    // Full size: the network alone on the page (0.1: 300 px high at most, under the tables).
    connect(m_networkPanel, &NetworkPanel::fullSizeToggled, horizontal,
            [horizontal](bool on) { horizontal->setVisible(!on); });

    setMode(Mode::Suppliers);
    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) { setMode(Mode(id)); });
    connect(m_restriction, &QToolButton::clicked, this, [this] { showSitesOf(QString()); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_supplierProxy->setFilterText(text);
        m_siteProxy->setFilterText(text);
    });
    connect(m_table, &TableView::keySelected, this, [this](const QString& k) { select(k, false); });
    connect(m_table, &TableView::keyActivated, this, [this](const QString& k) { select(k, true); });
    connect(m_spend, &ChartView::itemClicked, this, [this](const QString& iso3) {
        if (!iso3.isEmpty())
            this->state().setSelection({SelectionKind::Country, iso3});
    });
    connect(m_spend, &ChartView::itemActivated, this, [this](const QString& iso3) {
        if (iso3.isEmpty())
            return;
        this->state().setSelection({SelectionKind::Country, iso3});
        Filters f = this->state().filters();
        f.country = iso3;
        this->state().setFilters(f);
    });
    connect(m_networkPanel, &NetworkPanel::materialChosen, this, [this](const QString& id) {
        showNetwork(id);
        this->state().setSelection({SelectionKind::Material, id});
    });
    connect(networkView(), &NetworkView::siteClicked, this, [this](const QString& id) {
        this->state().setSelection({SelectionKind::Site, id});
    });
    connect(networkView(), &NetworkView::siteActivated, this, [this](const QString& id) {
        if (!m_sitesOf.isEmpty() && m_sitesOf != supplierOfSite(id))
            showSitesOf(QString());
        setMode(Mode::Sites);
        this->state().setSelection({SelectionKind::Site, id});
        showSelection();
    });

    connect(&state, &AppState::exposureReady, this, &SuppliersPage::redraw);
    connect(&state, &AppState::selectionChanged, this, &SuppliersPage::showSelection);
    connect(&state, &AppState::filtersChanged, this, &SuppliersPage::updateContext);
    connect(&state, &AppState::busyChanged, this, &SuppliersPage::updateContext);
    connect(&m_runner, &JobRunner::busyChanged, this, &SuppliersPage::updateContext);
    redraw();
}

SuppliersPage::~SuppliersPage() = default;

NetworkView* SuppliersPage::networkView() const {
    return m_networkPanel->view();
}

QString SuppliersPage::contextText() const {
    return m_context->text();
}

void SuppliersPage::waitForIdle() {
    m_runner.waitForIdle();
}

void SuppliersPage::updateContext() {
    const Filters& f = state().filters();
    QString text = tr("<b>%1 lens</b> &nbsp;·&nbsp; as of <b>%2</b> &nbsp;·&nbsp; %3 suppliers "
                      "and %4 sites in our supply chain under the filters &nbsp;·&nbsp; spend "
                      "is our tier-1 spend; <b>spend at risk</b> = spend × China dependence: "
                      "sort by it to see whom to call first")
                       .arg(lensText(f.lens), dateText(f.asOf))
                       .arg(m_suppliers->rowCount())
                       .arg(m_sites->rowCount());
    if (state().isBusy() || m_runner.isBusy())
        text += tr(" &nbsp;·&nbsp; <i>updating…</i>");
    m_context->setText(text);
    m_modes->button(int(Mode::Suppliers))
        ->setText(tr("Suppliers (%1)").arg(m_suppliers->rowCount()));
    m_modes->button(int(Mode::Sites))->setText(tr("Sites (%1)").arg(m_sites->rowCount()));
}

void SuppliersPage::setMode(Mode mode) {
    m_mode = mode;
    m_modes->button(int(mode))->setChecked(true);
    KeyFilterProxy* proxy = mode == Mode::Suppliers ? m_supplierProxy : m_siteProxy;
    if (m_table->model() != proxy) {
        const int column = proxy->sortColumn();
        const Qt::SortOrder order = proxy->sortOrder();
        m_table->setModel(proxy);
        m_table->sortByColumn(column, order);
        const bool suppliers = mode == Mode::Suppliers;
        for (int c = 0; c < proxy->columnCount(); ++c)
            m_table->setColumnWidth(c, 88);
        m_table->setColumnWidth(1, 36); // tier
        m_table->setColumnWidth(0, suppliers ? 160 : 190);
        QHeaderView* header = m_table->horizontalHeader();
        for (int c = 0; c < proxy->columnCount(); ++c) // the model's order, whatever came before
            header->moveSection(header->visualIndex(c), c);
        if (suppliers) {
            // Where a supplier sits comes first, beside its name; then whom to call first.
            header->moveSection(header->visualIndex(SupplierTableModel::Hq), 2);
            m_table->setColumnWidth(SupplierTableModel::Hq, 84);
            m_table->setColumnWidth(SupplierTableModel::SpendAtRisk, 100);
            m_table->setColumnWidth(SupplierTableModel::Dependence, 86);
            m_table->setColumnWidth(SupplierTableModel::Spend, 80);
            m_table->setColumnWidth(SupplierTableModel::Owner, 100);
        } else {
            m_table->setColumnWidth(SiteTableModel::Country, 84);
            m_table->setColumnWidth(SiteTableModel::SpendAtRisk, 100);
            m_table->setColumnWidth(SiteTableModel::Supplier, 170);
        }
    }
    m_restriction->setVisible(mode == Mode::Sites && !m_sitesOf.isEmpty());
    showSelection();
}

void SuppliersPage::showSitesOf(const QString& supplierId) {
    m_sitesOf = supplierId;
    if (supplierId.isEmpty() || !m_view || !m_viewNetwork) {
        m_siteProxy->setAllowedKeys(std::nullopt);
        m_restriction->setVisible(false);
        return;
    }
    QSet<QString> keys;
    const an::Index supplier = m_viewNetwork->suppliers.find(supplierId.toStdString());
    for (const an::SiteView& s : m_view->sites)
        if (s.supplier == supplier)
            keys.insert(selectionKey({SelectionKind::Site, qs(m_viewNetwork->sites.id(s.site))}));
    m_siteProxy->setAllowedKeys(keys);
    m_restriction->setText(
        tr("Only sites of %1 \u2715").arg(viewtext::supplierName(*m_viewNetwork, supplier)));
    setMode(Mode::Sites);
}

void SuppliersPage::redraw() {
    const auto exposure = state().exposure();
    const auto summary = state().summary();
    if (!exposure || !summary) {
        m_runner.cancel();
        m_view.reset();
        m_suppliers->clear();
        m_sites->clear();
        m_spend->setData({}, {});
        networkView()->setDrawing({});
        updateContext();
        return;
    }
    const an::Lens lens = summary->lens;
    const an::SummaryFilter filter = state().summaryFilter();
    m_runner.run(
        [exposure, lens, filter](const JobToken&) {
            return an::supplierView(*exposure->network, exposure->forLens(lens), filter);
        },
        [this, exposure](an::SupplierViewResult view) {
            m_view = std::make_shared<const an::SupplierViewResult>(std::move(view));
            m_viewNetwork = exposure->network;
            applyView();
        });
    updateContext();

    // The network: the selected material, else the one drawn before, else the most dependent.
    QVector<QPair<QString, QString>> choices;
    for (const an::MaterialSummary& m : summary->materials)
        choices.push_back(
            {qs(exposure->network->materials.id(m.material)),
             tr("%1 \u2014 %2")
                 .arg(viewtext::materialLabel(
                          qs(exposure->network->data().materials[size_t(m.material)].name), 30),
                      percentText(m.dependence))});
    const auto contains = [&](const QString& id) {
        return std::any_of(choices.begin(), choices.end(),
                           [&](const auto& c) { return c.first == id; });
    };
    const Selection& sel = state().selection();
    if (sel.kind == SelectionKind::Material && contains(sel.id))
        m_networkMaterial = sel.id;
    else if (!contains(m_networkMaterial))
        m_networkMaterial = choices.isEmpty() ? QString() : choices.front().first;
    m_networkPanel->setMaterials(choices, m_networkMaterial);
    drawNetwork();
}

void SuppliersPage::showNetwork(const QString& materialId) {
    if (materialId == m_networkMaterial && networkView()->drawing().materialId == materialId)
        return;
    m_networkMaterial = materialId;
    m_networkPanel->setCurrentMaterial(materialId);
    drawNetwork();
}

void SuppliersPage::drawNetwork() {
    const auto exposure = state().exposure();
    const auto summary = state().summary();
    const auto engine = state().engine();
    if (!exposure || !summary || !engine || &engine->network() != exposure->network.get() ||
        m_networkMaterial.isEmpty()) {
        networkView()->setDrawing({});
        m_networkPanel->setCaption(QString());
        return;
    }
    const an::Network& net = *exposure->network;
    const an::Index m = net.materials.find(m_networkMaterial.toStdString());
    an::GraphOptions options;
    options.topLinks = kTopLinks;
    const an::ExposureResult& result = exposure->forLens(summary->lens);
    const an::SupplyGraph graph = an::supplyGraph(net, result, m, options);
    NetworkDrawing drawing = networkDrawing(*engine, result, graph);
    m_networkPanel->setCaption(
        tr("<small>Boxes are sites (country · material · share of our %1 supply through "
           "them); link width follows that share. Hover for exact figures, click a site to "
           "select it, double-click for its row.%2</small>")
            .arg(viewtext::materialLabel(drawing.materialName, 30).toHtmlEscaped(),
                 drawing.truncated ? tr(" <i>The graph is cut at its size limit (…).</i>")
                                   : QString()));
    networkView()->setDrawing(std::move(drawing));
    showSelection();
}

void SuppliersPage::applyView() {
    const an::Network& net = *m_viewNetwork;
    m_suppliers->setView(net, *m_view);
    m_sites->setView(net, *m_view);
    showSitesOf(m_sitesOf);

    QVector<BarCategory> cats;
    QVector<double> atRisk, rest;
    for (const an::CountryExposedSpend& c : an::topCountrySpend(m_view->countrySpend, kCountries)) {
        const bool other = c.country == an::kNone;
        const QString name = other ? tr("Other countries") : viewtext::countryName(net, c.country);
        cats.push_back(
            {other ? QString() : qs(net.countries.id(c.country)), name,
             tr("<b>%1</b><br>Tier-1 spend: %2").arg(name.toHtmlEscaped(), moneyText(c.spend))});
        atRisk << c.atRisk;
        rest << c.notAtRisk();
    }
    m_spend->chart()->setTitle(tr("Tier-1 spend by supplier country"));
    m_spend->setParts({MixPart::Focus, MixPart::Country});
    m_spend->setData(cats, {{tr("Spend at risk (%1 lens)").arg(lensText(state().filters().lens)),
                             atRisk, SeriesColor::Risk},
                            {tr("Not at risk"), rest, SeriesColor::Auto}});
    updateContext();
    showSelection();
}

QString SuppliersPage::supplierOfSite(const QString& siteId) const {
    const auto net = state().network();
    if (!net)
        return {};
    const an::Index s = net->sites.find(siteId.toStdString());
    return s == an::kNone ? QString() : qs(net->data().sites[size_t(s)].supplierId);
}

// Clicking selects everywhere; double-clicking a supplier lists its sites, a site shows it
// in the network.
void SuppliersPage::select(const QString& key, bool drillDown) {
    const Selection sel = selectionFromKey(key);
    if (sel.isEmpty())
        return;
    state().setSelection(sel);
    if (!drillDown)
        return;
    if (sel.kind == SelectionKind::Supplier)
        showSitesOf(sel.id);
    else if (sel.kind == SelectionKind::Site)
        activateSite(sel.id);
}

void SuppliersPage::activateSite(const QString& siteId) {
    if (m_view && m_viewNetwork) {
        const an::Index site = m_viewNetwork->sites.find(siteId.toStdString());
        for (const an::SiteView& s : m_view->sites) {
            if (s.site != site || s.serves.empty())
                continue;
            bool drawn = false;
            for (const an::Index m : s.serves)
                drawn = drawn || qs(m_viewNetwork->materials.id(m)) == m_networkMaterial;
            if (!drawn)
                showNetwork(qs(m_viewNetwork->materials.id(s.serves.front())));
        }
    }
    networkView()->setSelectedSite(siteId);
    networkView()->showSite(siteId);
}

void SuppliersPage::showSelection() {
    const Selection& sel = state().selection();
    QString key;
    NetworkView* view = networkView();
    switch (sel.kind) {
    case SelectionKind::Supplier:
        if (m_mode == Mode::Suppliers)
            key = selectionKey(sel);
        view->setSelectedSupplier(sel.id);
        break;
    case SelectionKind::Site:
        key = m_mode == Mode::Sites
                  ? selectionKey(sel)
                  : selectionKey({SelectionKind::Supplier, supplierOfSite(sel.id)});
        view->setSelectedSite(sel.id);
        view->showSite(sel.id);
        break;
    case SelectionKind::Material:
        view->setSelectedSite(QString());
        if (sel.id != m_networkMaterial && m_networkPanel->materialBox()->findData(sel.id) >= 0)
            showNetwork(sel.id); // calls back here once drawn
        break;
    default:
        view->setSelectedSite(QString());
        break;
    }
    m_table->selectKey(key);
    m_spend->setSelectedKey(sel.kind == SelectionKind::Country ? sel.id : QString());
}

} // namespace chokepoint::ui
