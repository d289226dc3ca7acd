// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/resultsview.h"

#include <cmath>

#include <QChart>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTimeZone>
#include <QVBoxLayout>

#include "ui/charts/fanchart.h"
#include "ui/charts/histogramchart.h"
#include "ui/charts/linechart.h"
#include "ui/charts/stackedbarchart.h"
#include "ui/charts/survivalchart.h"
#include "ui/displayformat.h"
#include "ui/pages/scenarios/materialtimesmodel.h"
#include "ui/pages/scenarios/productlossmodel.h"
#include "ui/pages/scenarios/scenariorun.h"
#include "ui/pages/scenarios/scenariotext.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QVector<QPointF> daySeries(core::Date asOf, const std::vector<double>& values) {
    QVector<QPointF> points;
    points.reserve(qsizetype(values.size()));
    const qint64 day0 = scenarioDate(asOf, 0).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch();
    for (size_t t = 0; t < values.size(); ++t)
        points << QPointF(double(day0 + qint64(t) * 86400000), values[t]);
    return points;
}

QVector<double> toQ(const std::vector<double>& v) {
    return QVector<double>(v.begin(), v.end());
}

TableView* makeTable(QWidget* parent, QAbstractItemModel* model, int height) {
    auto* table = new TableView(parent);
    table->setModel(model);
    table->setMinimumHeight(height);
    // Figures take the room they need; the name column the rest (0.1: equal columns cut
    // "Northwind Breeze …" and "not within the hori…").
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    return table;
}

} // namespace

ResultsView::ResultsView(QWidget* parent)
    : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("resultsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    outer->addWidget(m_message);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll, 1);
    m_scroll = scroll;
    m_content = new QWidget(scroll);
    m_content->setMinimumSize(640, 1900);
    scroll->setWidget(m_content);
    auto* grid = new QGridLayout(m_content);
    grid->setContentsMargins(8, 8, 8, 8);
    grid->setSpacing(10);

    auto* tiles = new QHBoxLayout;
    const QString titles[4] = {tr("Lost revenue"), tr("Lowest daily output"),
                               tr("First line to stop"), tr("Materials run out")};
    for (int i = 0; i < 4; ++i) {
        m_tiles[i] = new KpiTile(titles[i], m_content);
        // Room for a title line, the value and three caption lines (see showTiles()).
        m_tiles[i]->setMinimumHeight(m_tiles[i]->fontMetrics().lineSpacing() * 7 + 16);
        tiles->addWidget(m_tiles[i]);
    }
    grid->addLayout(tiles, 0, 0, 1, 2);

    m_output = new FanChart(m_content);
    m_output->setValueFormat([](double v) { return percentText(v); });
    m_output->setAxisFormat([](double v) { return percentText(v, 0); });
    m_output->setFixedValueRange(0.0, 1.0, 0.25);
    m_output->setExportName(QStringLiteral("scenario-total-output"));
    grid->addWidget(m_output, 1, 0, 1, 2);

    m_products = new LineChart(m_content);
    m_products->setValueFormat([](double v) { return percentText(v); });
    m_products->setFixedValueRange(0.0, 1.0, 0.25);
    m_products->setExportName(QStringLiteral("scenario-output-per-product"));
    grid->addWidget(m_products, 2, 0);
    m_loss = new StackedBarChart(StackedBarChart::Orientation::Horizontal, m_content);
    m_loss->setValueFormat([](double v) { return moneyText(v); });
    m_loss->setAxisFormat([](double v) { return compactMoneyText(v); });
    m_loss->setExportName(QStringLiteral("scenario-lost-revenue-per-product"));
    m_loss->setMaxLabelLength(24);
    grid->addWidget(m_loss, 2, 1);

    m_productModel = new ProductLossModel(this);
    m_productTable = makeTable(m_content, m_productModel, 130);
    grid->addWidget(m_productTable, 3, 0, 1, 2);

    m_survival = new SurvivalChart(m_content);
    m_survival->setExportName(QStringLiteral("scenario-survival-vs-recovery"));
    m_survival->setEmptyText(tr("No material's supply falls short"));
    grid->addWidget(m_survival, 4, 0);
    m_histogram = new HistogramChart(m_content);
    m_histogram->setValueFormat([](double v) { return moneyText(v); });
    m_histogram->setAxisFormat([](double v) { return compactMoneyText(v); });
    m_histogram->setCountUnit(tr("runs"));
    m_histogram->setExportName(QStringLiteral("scenario-lost-revenue-distribution"));
    grid->addWidget(m_histogram, 4, 1);

    m_materialModel = new MaterialTimesModel(this);
    m_materialTable = makeTable(m_content, m_materialModel, 200);
    grid->addWidget(m_materialTable, 5, 0, 1, 2);

    m_supply = new LineChart(m_content);
    m_supply->setValueFormat([](double v) { return percentText(v); });
    m_supply->setFixedValueRange(0.0, 1.0, 0.25);
    m_supply->setExportName(QStringLiteral("scenario-supply-per-material"));
    grid->addWidget(m_supply, 6, 0);
    m_stock = new LineChart(m_content);
    m_stock->setValueFormat([](double v) { return daysText(v); });
    m_stock->setExportName(QStringLiteral("scenario-stock-per-material"));
    grid->addWidget(m_stock, 6, 1);

    grid->setRowStretch(1, 6);
    grid->setRowStretch(2, 5);
    grid->setRowStretch(3, 2);
    grid->setRowStretch(4, 5);
    grid->setRowStretch(5, 3);
    grid->setRowStretch(6, 5);

    auto forward = [this](const QString& prefix) {
        return [this, prefix](const QString& id) { Q_EMIT itemSelected(prefix + id); };
    };
    connect(m_products, &ChartView::itemClicked, this, forward(QStringLiteral("product:")));
    connect(m_loss, &ChartView::itemClicked, this, forward(QStringLiteral("product:")));
    connect(m_survival, &ChartView::itemClicked, this, forward(QStringLiteral("material:")));
    connect(m_supply, &ChartView::itemClicked, this, forward(QStringLiteral("material:")));
    connect(m_stock, &ChartView::itemClicked, this, forward(QStringLiteral("material:")));
    connect(m_productTable, &TableView::keySelected, this, &ResultsView::itemSelected);
    connect(m_materialTable, &TableView::keySelected, this, &ResultsView::itemSelected);
    setRun(nullptr, tr("Run the scenario to see its results."));
}

ResultsView::~ResultsView() = default;

QString ResultsView::messageText() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

void ResultsView::clear() {
    for (KpiTile* t : m_tiles)
        t->setValue(missingText());
    m_output->setData({});
    m_products->setData({});
    m_loss->setData({}, {});
    m_productModel->clear();
    m_survival->setData({});
    m_materialModel->clear();
    m_supply->setData({});
    m_stock->setData({});
    m_histogram->setData({}, {});
}

void ResultsView::setRun(std::shared_ptr<const ScenarioRun> run, const QString& message) {
    m_run = std::move(run);
    m_message->setText(message);
    m_message->setVisible(!m_run || !message.isEmpty());
    m_scroll->setVisible(m_run != nullptr);
    if (!m_run) {
        clear();
        return;
    }
    showTiles();
    showCharts();
}

// The tiles are narrow (four in a row): captions are short lines broken by hand, so that the
// tile's height fits its text without relying on word wrap.
void ResultsView::showTiles() {
    const sc::ScenarioFigures& f = m_run->figures;
    const bool mc = f.runs > 1;
    auto when = [&f](const std::optional<int>& day) {
        return day ? tr("day %1\n%2").arg(*day).arg(dateText(f.asOf.addDays(*day))) : QString();
    };
    m_tiles[LostRevenue]->setValue(
        moneyText(f.lostRevenue),
        mc ? tr("all products, mean of %1 runs\nP10 %2\nP90 %3")
                 .arg(countText(f.runs), moneyText(f.lostRevenueP10), moneyText(f.lostRevenueP90))
           : tr("all products, deterministic run"));
    m_tiles[LowestOutput]->setValue(
        percentText(f.lowestOutput),
        f.lowestOutputDay ? tr("%1on %2").arg(mc ? tr("P50, ") : QString(), when(f.lowestOutputDay))
                          : tr("output never falls short"));
    const sc::ProductFigures* first = nullptr;
    const sc::ProductFigures* firstShort = nullptr;
    for (const auto& p : f.products) {
        if (p.firstStopDay && (!first || *p.firstStopDay < *first->firstStopDay))
            first = &p;
        if (p.firstShortDay && (!firstShort || *p.firstShortDay < *firstShort->firstShortDay))
            firstShort = &p;
    }
    if (first)
        m_tiles[FirstStop]->setValue(tr("day %1").arg(*first->firstStopDay),
                                     tr("%1\nstops on %2")
                                         .arg(shortName(qs(first->name), 20),
                                              dateText(f.asOf.addDays(*first->firstStopDay))));
    else if (firstShort)
        // No line reaches zero, but output may fall very low: say both ("none stops" read as
        // "nothing happens" while output fell to 2.9 %).
        m_tiles[FirstStop]->setValue(
            tr("no full stop"),
            f.lowestOutputDay
                ? tr("lowest output %1 on day %2;\nno line stops completely")
                      .arg(percentText(f.lowestOutput))
                      .arg(*f.lowestOutputDay)
                : tr("%1\nshort from %2, no line stops completely")
                      .arg(shortName(qs(firstShort->name), 20), when(firstShort->firstShortDay)));
    else
        m_tiles[FirstStop]->setValue(tr("none"), tr("every line runs to plan"));
    int disrupted = 0, runsOut = 0;
    for (const auto& m : f.materials) {
        disrupted += m.disrupted() ? 1 : 0;
        runsOut += m.runsOut ? 1 : 0;
    }
    m_tiles[RunningOut]->setValue(countText(runsOut),
                                  tr("of %1 materials\nshort of supply").arg(disrupted));
}

void ResultsView::showCharts() {
    const ScenarioRun& run = *m_run;
    const sc::ScenarioResult& r = run.result;
    const sc::ScenarioFigures& f = run.figures;
    const bool mc = r.runs > 1;
    const core::Date asOf = r.asOf;

    FanSeriesData fan;
    fan.key = QStringLiteral("total");
    fan.median = toQ(r.dailyOutput);
    if (mc) {
        fan.low = toQ(r.dailyOutputP10);
        fan.high = toQ(r.dailyOutputP90);
        if (run.deterministic)
            fan.reference = toQ(run.deterministic->dailyOutput);
    } else {
        fan.medianName = tr("deterministic");
    }
    m_output->setStartDate(scenarioDate(asOf, 0));
    m_output->chart()->setTitle(
        tr("Total output, share of planned revenue") +
        (mc ? tr(" \u2014 P10\u2013P90 of %1 runs").arg(countText(r.runs)) : QString()));
    m_output->setData({fan});

    // Legends and axes side by side: the products' names without the words they all share.
    QStringList productNames;
    for (const auto& p : r.products)
        productNames << qs(p.name);
    const QStringList productLabels = legendNames(productNames, 16);
    QVector<LineSeriesData> products;
    for (size_t i = 0; i < r.products.size(); ++i)
        products.push_back({qs(r.products[i].id), productLabels[qsizetype(i)],
                            daySeries(asOf, r.products[i].output)});
    // Short enough for half the tab next to the Details dock.
    m_products->chart()->setTitle(mc ? tr("Output per product, run %1").arg(r.medianRun)
                                     : tr("Output per product"));
    m_products->chart()->setToolTip(
        mc ? tr("Run %1: the run with the median lost revenue").arg(r.medianRun) : QString());
    m_products->setData(products);

    QVector<BarCategory> cats;
    QVector<double> lost;
    QStringList lossNames;
    for (const auto& p : f.products)
        lossNames << qs(p.name);
    const QStringList lossLabels = legendNames(lossNames, 24);
    for (const auto& p : f.products) {
        cats.push_back({qs(p.id), lossLabels[qsizetype(cats.size())],
                        tr("<b>%1</b><br>Lost units: %2")
                            .arg(qs(p.name).toHtmlEscaped(), countText(std::round(p.lostUnits)))});
        lost << (std::isfinite(p.lostRevenue) ? p.lostRevenue : 0.0);
    }
    m_loss->chart()->setTitle(tr("Lost revenue per product") + (mc ? tr(" (mean)") : QString()));
    m_loss->setData(cats, {{tr("Lost revenue"), lost, SeriesColor::Risk}});
    m_productModel->setFigures(f);

    QVector<SurvivalItem> items;
    for (const auto& m : f.materials) {
        if (!m.disrupted())
            continue;
        SurvivalItem item;
        item.key = qs(m.id);
        item.label = shortName(qs(m.name), 26);
        if (m.survivalDay)
            item.survivalDays = *m.survivalDay;
        if (m.supplyRecoveryDay)
            item.recoveryDays = *m.supplyRecoveryDay;
        item.atRisk = m.runsOut;
        item.tooltip = tr("<b>%1</b><br>Stock at the start: %2<br>Supply short from day %3")
                           .arg(qs(m.name).toHtmlEscaped(), daysText(m.stockDays))
                           .arg(*m.disruptionDay);
        items << item;
    }
    m_survival->setHorizon(r.horizonDays);
    m_survival->chart()->setTitle(tr("Time to survive vs time to recover"));
    m_survival->setData(items);
    m_materialModel->setFigures(f);

    QVector<LineSeriesData> supply, stock;
    QStringList materialNames;
    for (const auto& m : r.materials)
        if (m.needPerDay > 0.0)
            materialNames << qs(m.name);
    const QStringList materialLabels = legendNames(materialNames, 16);
    for (const auto& m : r.materials) {
        if (!(m.needPerDay > 0.0))
            continue;
        const QString name = materialLabels[qsizetype(supply.size())];
        supply.push_back({qs(m.id), name, daySeries(asOf, m.supply)});
        stock.push_back({qs(m.id), name, daySeries(asOf, sc::stockCoverDays(m))});
    }
    m_supply->chart()->setTitle(tr("Supply per material, S(m, t)"));
    m_supply->setData(supply);
    m_stock->chart()->setTitle(tr("Stock per material, days of need"));
    m_stock->setData(stock);

    m_histogram->chart()->setTitle(mc ? tr("Lost revenue over %1 runs").arg(countText(r.runs))
                                      : tr("Lost revenue distribution"));
    m_histogram->setEmptyText(tr("A deterministic run has no distribution: set runs above 1"));
    if (mc) {
        HistogramSeriesData h;
        h.key = QStringLiteral("lost_revenue");
        h.name = tr("runs");
        for (const auto& b : run.histogram.bins) {
            h.counts << b.count;
            h.fractions << b.fraction;
        }
        const auto edges = run.histogram.edges();
        m_histogram->setData(QVector<double>(edges.begin(), edges.end()), {h},
                             {{tr("P10 %1").arg(moneyText(r.lostRevenueP10)), r.lostRevenueP10},
                              {tr("P50 %1").arg(moneyText(r.lostRevenueP50)), r.lostRevenueP50},
                              {tr("P90 %1").arg(moneyText(r.lostRevenueP90)), r.lostRevenueP90}});
    } else {
        m_histogram->setData({}, {});
    }
}

void ResultsView::setSelectedKey(const QString& key) {
    const QString product = key.startsWith(QStringLiteral("product:")) ? key.mid(8) : QString();
    const QString material = key.startsWith(QStringLiteral("material:")) ? key.mid(9) : QString();
    m_loss->setSelectedKey(product);
    m_survival->setSelectedKey(material);
    m_productTable->selectKey(key);
    m_materialTable->selectKey(key);
}

} // namespace chokepoint::ui
