// SPDX-License-Identifier: MIT
#include "ui/pages/overviewpage.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

#include "core/util/format.h"
#include "ui/appstate.h"
#include "ui/charts/donutchart.h"
#include "ui/charts/stackedbarchart.h"
#include "ui/displayformat.h"
#include "ui/models/chokepointmodel.h"
#include "ui/models/tablefilterproxy.h"
#include "ui/pages/materials/supplymixcharts.h"
#include "ui/pages/pageregistry.h"
#include "ui/selectionkey.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/scheduledcount.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
QString withTitle(const QString& title, const QString& sub) {
    return sub.isEmpty() ? title : title + QStringLiteral(" \u2014 ") + sub;
}
} // namespace

OverviewPage::OverviewPage(AppState& state, QWidget* parent)
    : Page(state, parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    content->setMinimumSize(760, 700);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(10);

    m_context = new QLabel(content);
    m_context->setObjectName(QStringLiteral("overviewContext"));
    m_context->setWordWrap(true);
    layout->addWidget(m_context);

    auto* tiles = new QHBoxLayout;
    tiles->setSpacing(10);
    const std::array<QString, kKpiCount> titles = {
        tr("China dependence of revenue"), tr("Spend at risk"), tr("Materials over 50 % dependent"),
        tr("Single-country materials"), tr("Controls in force touching us")};
    for (int i = 0; i < kKpiCount; ++i) {
        m_tiles[i] = new KpiTile(titles[i], content);
        tiles->addWidget(m_tiles[i]);
    }
    m_tiles[Controls]->setCursor(Qt::PointingHandCursor);
    connect(m_tiles[Controls], &KpiTile::clicked, this,
            [this] { this->state().requestPage(pageid::controls); });
    layout->addLayout(tiles);

    m_dependence = new StackedBarChart(StackedBarChart::Orientation::Horizontal, content);
    m_dependence->setValueFormat([](double v) { return percentText(v); });
    m_dependence->setAxisFormat([](double v) { return percentText(v, 0); });
    m_dependence->setFixedValueRange(0.0, 1.0, 0.25);
    m_dependence->setExportName(QStringLiteral("dependence-by-material"));
    m_dependence->setMaxLabelLength(26);

    m_countries = new MixDonutChart(content);
    m_countries->setExportName(QStringLiteral("tier1-country-mix"));

    m_products = new StackedBarChart(StackedBarChart::Orientation::Horizontal, content);
    m_products->setValueFormat([](double v) { return moneyText(v); });
    m_products->setAxisFormat([](double v) { return compactMoneyText(v); });
    m_products->setExportName(QStringLiteral("revenue-at-risk-by-product"));
    m_products->setMaxLabelLength(22);

    m_model = new ChokepointModel(this);
    m_proxy = new TableFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_table = new TableView(content);
    m_table->setModel(m_proxy);
    m_table->setMinimumHeight(220);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(ChokepointModel::Item, 230);
    m_table->setColumnWidth(ChokepointModel::Type, 70);
    m_table->setColumnWidth(ChokepointModel::Dependence, 150); // with its range
    m_table->setColumnWidth(ChokepointModel::SpendAtRisk, 100);
    m_table->sortByColumn(ChokepointModel::Dependence, Qt::DescendingOrder);
    auto* tableBox = new QWidget(content);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto* tableTitle = new QLabel(tr("<b>Top chokepoints</b> \u2014 where dependence concentrates "
                                     "and why (Ctrl+C copies)"),
                                  tableBox);
    tableLayout->addWidget(tableTitle);
    tableLayout->addWidget(m_table);

    // Dependence by material on the left; country mix over revenue by product on the right;
    // the chokepoints table across the bottom (its "why" needs the width).
    auto* grid = new QGridLayout;
    grid->setSpacing(10);
    grid->addWidget(m_dependence, 0, 0, 2, 1);
    grid->addWidget(m_countries, 0, 1);
    grid->addWidget(m_products, 1, 1);
    grid->addWidget(tableBox, 2, 0, 1, 2);
    grid->setColumnStretch(0, 11);
    grid->setColumnStretch(1, 9);
    grid->setRowStretch(0, 5);
    grid->setRowStretch(1, 4);
    grid->setRowStretch(2, 6);
    layout->addLayout(grid, 1);

    connect(m_dependence, &ChartView::itemClicked, this, [this](const QString& id) {
        select(selectionKey({SelectionKind::Material, id}), false);
    });
    connect(m_dependence, &ChartView::itemActivated, this, [this](const QString& id) {
        select(selectionKey({SelectionKind::Material, id}), true);
    });
    connect(m_countries, &ChartView::itemClicked, this, [this](const QString& iso3) {
        select(selectionKey({SelectionKind::Country, iso3}), false);
    });
    connect(m_countries, &ChartView::itemActivated, this, [this](const QString& iso3) {
        select(selectionKey({SelectionKind::Country, iso3}), true);
    });
    connect(m_products, &ChartView::itemClicked, this, [this](const QString& id) {
        select(selectionKey({SelectionKind::Product, id}), false);
    });
    connect(m_products, &ChartView::itemActivated, this, [this](const QString& id) {
        select(selectionKey({SelectionKind::Product, id}), true);
    });
    connect(m_table, &TableView::keySelected, this, [this](const QString& k) { select(k, false); });
    connect(m_table, &TableView::keyActivated, this, [this](const QString& k) { select(k, true); });

    connect(&state, &AppState::exposureReady, this, &OverviewPage::redraw);
    connect(&state, &AppState::selectionChanged, this, &OverviewPage::showSelection);
    connect(&state, &AppState::filtersChanged, this, &OverviewPage::updateContext);
    connect(&state, &AppState::busyChanged, this, [this] {
        if (!this->state().summary())
            redraw(); // "Loading…" rather than "No materials under these filters"
        else
            updateContext();
    });
    connect(&state, &AppState::workspaceLoaded, this, &OverviewPage::updateContext);
    redraw();
}

// Clicking selects the item everywhere; double-clicking also drills down: a material to the
// Materials page, a site or country to Suppliers, a product becomes the product filter.
DonutChart* OverviewPage::countryChart() const {
    return m_countries;
}

void OverviewPage::select(const QString& key, bool drillDown) {
    const Selection sel = selectionFromKey(key);
    if (sel.isEmpty())
        return;
    state().setSelection(sel);
    if (!drillDown)
        return;
    switch (sel.kind) {
    case SelectionKind::Material:
        state().requestPage(pageid::materials);
        break;
    case SelectionKind::Site:
    case SelectionKind::Country:
    case SelectionKind::Supplier:
        state().requestPage(pageid::suppliers);
        break;
    case SelectionKind::Product: {
        Filters f = state().filters();
        f.productId = sel.id;
        state().setFilters(f);
        break;
    }
    default:
        break;
    }
}

QString OverviewPage::contextText() const {
    return m_context->text();
}

void OverviewPage::updateContext() {
    const Filters& f = state().filters();
    const auto net = state().network();
    // Up to when the reference data was checked, next to the figures (SPEC §3); the vintage
    // year for data without a cut-off.
    QString reference = tr("reference data vintage <b>unknown</b>");
    if (net) {
        if (const auto& cutoff = net->data().profile.referenceCutoff)
            reference = tr("reference data checked up to <b>%1</b>").arg(dateText(*cutoff));
        else if (const auto v = net->data().referenceVintage())
            reference = tr("reference data vintage <b>%1</b>").arg(*v);
    }
    QString text = tr("<b>%1 lens</b> (%2) &nbsp;·&nbsp; as of <b>%3</b> &nbsp;·&nbsp; %4")
                       .arg(lensText(f.lens), lensDescription(f.lens).toHtmlEscaped(),
                            dateText(f.asOf), reference);
    if (net && net->data().profile.referenceCutoff && f.asOf > *net->data().profile.referenceCutoff)
        text += f.assumeScheduled ? tr(" &nbsp;·&nbsp; scheduled measures <b>assumed</b>")
                                  : tr(" &nbsp;·&nbsp; scheduled measures <b>not counted</b>");
    if (state().isBusy())
        text += tr(" &nbsp;·&nbsp; <i>updating…</i>");
    m_context->setText(text);
}

void OverviewPage::redraw() {
    updateContext();
    const auto summary = state().summary();
    const auto exposure = state().exposure();
    // While the figures are on their way there is nothing to say about the filters yet.
    const bool loading = state().isBusy() && (!summary || !exposure);
    m_dependence->setEmptyText(loading ? tr("Loading…") : tr("No materials under these filters"));
    m_products->setEmptyText(loading ? tr("Loading…") : QString());
    if (!summary || !exposure) {
        for (KpiTile* t : m_tiles)
            t->setValue(missingText());
        m_dependence->setData({}, {});
        m_countries->setData({});
        m_products->setData({}, {});
        m_model->clear();
        return;
    }
    const an::Network& net = *exposure->network;
    const auto& d = net.data();
    const an::Summary& s = *summary;

    // The headline with its range (SPEC §3 "Ranges"): unknown origin and unknown technology
    // sources counted as not exposed (low) and as exposed (high).
    if (s.revenueDependence && s.revenueDependenceLow && s.revenueDependenceHigh)
        m_tiles[RevenueDependence]->setValue(
            percentText(s.revenueDependence),
            tr("range %1 · %2 of %3 revenue at risk (%4)")
                .arg(rangeText(*s.revenueDependenceLow, *s.revenueDependenceHigh),
                     moneyText(s.revenueAtRisk), moneyText(s.revenue),
                     QString::fromStdString(
                         core::formatMoneyRange(s.revenueAtRiskLow, s.revenueAtRiskHigh))));
    else
        m_tiles[RevenueDependence]->setValue(
            percentText(s.revenueDependence),
            tr("%1 of %2 revenue at risk").arg(moneyText(s.revenueAtRisk), moneyText(s.revenue)));
    m_tiles[RevenueDependence]->setToolTip(rangeExplanation());
    m_tiles[SpendAtRisk]->setValue(moneyText(s.spendAtRisk),
                                   tr("of %1 tier-1 spend").arg(moneyText(s.spend)));
    m_tiles[MaterialsOverHalf]->setValue(countText(double(s.materialsOverHalf)),
                                         tr("of %1 materials").arg(s.materials.size()));
    m_tiles[SingleCountry]->setValue(countText(double(s.singleCountryMaterials)),
                                     tr("all tier-1 supply from one country"));
    QStringList ids, titles;
    for (const an::Index c : s.controlsInForce) {
        ids << qs(d.controls[size_t(c)].id);
        titles << qs(d.controls[size_t(c)].id + ": " + d.controls[size_t(c)].title);
    }
    // Confirmed measures counted; scheduled ones apart in the caption.
    setControlsTile(m_tiles[Controls], net, s.asOf, s.assumeScheduled, s.controlsInForce,
                    ids.isEmpty() ? tr("none at this date")
                                  : QLocale().createSeparatedList(ids.mid(0, 4)) +
                                        (ids.size() > 4 ? tr(", …") : QString()));
    m_tiles[Controls]->setToolTip(titles.join(QLatin1Char('\n')));

    // Dependence by material: the most dependent first (Summary's order).
    QVector<BarCategory> cats;
    QVector<double> direct, deeper;
    for (const an::MaterialSummary& m : s.materials) {
        if (cats.size() == kMaxMaterials)
            break;
        const auto& mat = d.materials[size_t(m.material)];
        cats.push_back(
            {qs(mat.id), shortName(qs(mat.name)),
             tr("<b>%1</b><br>Dependence: <b>%2</b> (range %3)<br>Spend at risk: %4")
                 .arg(qs(mat.name).toHtmlEscaped(), percentText(m.dependence),
                      rangeText(m.dependenceLow, m.dependenceHigh), moneyText(m.spendAtRisk))});
        direct << m.directShare;
        deeper << m.deeperShare;
    }
    m_dependence->chart()->setTitle(
        withTitle(tr("China dependence by material"),
                  s.materials.size() > size_t(kMaxMaterials)
                      ? tr("top %1 of %2").arg(kMaxMaterials).arg(s.materials.size())
                      : QString()));
    m_dependence->setData(cats,
                          {{tr("Direct (tier 1)"), direct, SeriesColor::Direct},
                           {tr("Deeper tiers and unknown origin"), deeper, SeriesColor::Deeper}});

    QVector<DonutSlice> slices;
    QVector<MixPart> parts;
    for (const an::CountrySpend& c : s.countryMix) {
        parts << (c.country == net.focusCountry() ? MixPart::Focus : MixPart::Country);
        slices.push_back(
            {qs(net.countries.id(c.country)),
             tr("%1  %2").arg(qs(d.countries[size_t(c.country)].name), percentText(c.share)),
             c.spend,
             tr("<b>%1</b><br>Tier-1 spend: %2<br>Share: %3")
                 .arg(qs(d.countries[size_t(c.country)].name).toHtmlEscaped(), moneyText(c.spend),
                      percentText(c.share))});
    }
    m_countries->chart()->setTitle(tr("Tier-1 spend by supplier country"));
    m_countries->setParts(parts);
    m_countries->setData(slices, slices.isEmpty() ? tr("none") : moneyText(s.spend));

    QVector<BarCategory> products;
    QVector<double> atRisk;
    for (const an::ProductSummary& p : s.products) {
        const auto& prod = d.products[size_t(p.product)];
        products.push_back(
            {qs(prod.id), shortName(qs(prod.name), 24),
             tr("<b>%1</b><br>Dependence: %2<br>Revenue: %3<br>Revenue at "
                "risk: <b>%4</b>")
                 .arg(qs(prod.name).toHtmlEscaped(),
                      percentRangeText(p.dependence, p.dependenceLow, p.dependenceHigh),
                      moneyText(p.revenue),
                      moneyRangeText(p.revenueAtRisk, p.revenueAtRiskLow, p.revenueAtRiskHigh))});
        atRisk << p.revenueAtRisk.value_or(0.0);
    }
    m_products->chart()->setTitle(tr("Revenue at risk by product"));
    m_products->setData(products, {{tr("Revenue at risk"), atRisk, SeriesColor::Risk}});

    m_model->setSummary(net, s);
    showSelection();
}

void OverviewPage::showSelection() {
    const Selection& sel = state().selection();
    m_dependence->setSelectedKey(sel.kind == SelectionKind::Material ? sel.id : QString());
    m_countries->setSelectedKey(sel.kind == SelectionKind::Country ? sel.id : QString());
    m_products->setSelectedKey(sel.kind == SelectionKind::Product ? sel.id : QString());
    m_table->selectKey(selectionKey(sel));
}

} // namespace chokepoint::ui
