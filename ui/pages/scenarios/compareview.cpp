// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/compareview.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <QChart>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/charts/chartpalette.h"
#include "ui/charts/fanchart.h"
#include "ui/charts/histogramchart.h"
#include "ui/charts/stackedbarchart.h"
#include "ui/displayformat.h"
#include "ui/pages/scenarios/comparisonmodel.h"
#include "ui/pages/scenarios/scenariorun.h"
#include "ui/pages/scenarios/scenariotext.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

namespace {
QVector<double> toQ(const std::vector<double>& v) {
    return QVector<double>(v.begin(), v.end());
}

// Legend names of products (the bars' legend has about a third of the chart's width each):
// a first word all of them share (the make, "Northwind") goes; then the next word alone when
// it tells them apart ("Breeze", "Cargo"), else at most 24 characters.
QStringList productLegendNames(QStringList names) {
    auto firstWord = [](const QString& n) { return n.section(QLatin1Char(' '), 0, 0); };
    if (names.size() > 1) {
        const QString shared = firstWord(names.front()) + QLatin1Char(' ');
        if (std::all_of(names.begin(), names.end(), [&](const QString& n) {
                return n.startsWith(shared) && n.size() > shared.size();
            }))
            for (QString& n : names)
                n = n.mid(shared.size());
        QStringList words;
        for (const QString& n : names)
            if (!words.contains(firstWord(n)))
                words << firstWord(n);
        if (words.size() == names.size())
            return words;
    }
    for (QString& n : names)
        n = shortName(n, 24);
    return names;
}
} // namespace

ComparisonRun makeComparison(std::vector<std::shared_ptr<const ScenarioRun>> runs) {
    ComparisonRun out;
    out.runs = std::move(runs);
    std::vector<sc::ScenarioFigures> figures;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& r : out.runs) {
        figures.push_back(r->figures);
        if (r->result.runs > 1)
            for (const double v : r->result.runLostRevenue) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    }
    out.comparison = sc::compareScenarios(figures);
    for (const auto& r : out.runs)
        out.histograms.push_back(r->result.runs > 1 ? sc::makeHistogram(r->result.runLostRevenue,
                                                                        30, std::make_pair(lo, hi))
                                                    : sc::Histogram{});
    return out;
}

CompareView::CompareView(QWidget* parent)
    : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // The key names the compared scenarios in full; the charts and the table call them A, B, …
    m_key = new QLabel(this);
    m_key->setObjectName(QStringLiteral("compareKey"));
    m_key->setTextFormat(Qt::RichText);
    m_key->setWordWrap(true);
    m_key->setContentsMargins(8, 4, 8, 0);
    m_key->setVisible(false);
    outer->addWidget(m_key);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    // Fits next to the library and the dock; the two rows of charts fill a 900-pixel screen.
    content->setMinimumSize(560, 980);
    scroll->setWidget(content);
    auto* grid = new QGridLayout(content);
    grid->setContentsMargins(8, 8, 8, 8);
    grid->setSpacing(10);

    auto* pick = new QWidget(content);
    auto* pickLayout = new QVBoxLayout(pick);
    pickLayout->setContentsMargins(0, 0, 0, 0);
    auto* pickTitle = new QLabel(tr("<b>Scenarios to compare</b><br>The first checked one is "
                                    "the baseline of the differences."),
                                 pick);
    pickTitle->setWordWrap(true);
    pickLayout->addWidget(pickTitle);
    m_list = new QListWidget(pick);
    m_list->setObjectName(QStringLiteral("compareList"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight); // whole names in the tooltips
    pickLayout->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout;
    m_up = new QPushButton(tr("Move up"), pick);
    m_run = new QPushButton(tr("Compare"), pick);
    m_run->setObjectName(QStringLiteral("runComparison"));
    buttons->addWidget(m_up);
    buttons->addStretch(1);
    buttons->addWidget(m_run);
    pickLayout->addLayout(buttons);
    m_status = new QLabel(pick);
    m_status->setWordWrap(true);
    pickLayout->addWidget(m_status);
    pick->setMinimumWidth(240);
    pick->setMaximumWidth(340);
    grid->addWidget(pick, 0, 0);

    m_output = new FanChart(content);
    m_output->setValueFormat([](double v) { return percentText(v); });
    m_output->setAxisFormat([](double v) { return percentText(v, 0); });
    m_output->setFixedValueRange(0.0, 1.0, 0.25);
    m_output->setCompactLegend(true);
    m_output->setExportName(QStringLiteral("scenario-comparison-output"));
    grid->addWidget(m_output, 0, 1);

    m_loss = new StackedBarChart(StackedBarChart::Orientation::Vertical, content);
    m_loss->setValueFormat([](double v) { return moneyText(v); });
    m_loss->setAxisFormat([](double v) { return compactMoneyText(v); });
    m_loss->setExportName(QStringLiteral("scenario-comparison-lost-revenue"));
    m_loss->setMaxLabelLength(30);
    auto* charts = new QHBoxLayout;
    charts->setSpacing(10);
    charts->addWidget(m_loss, 1);
    m_histogram = new HistogramChart(content);
    m_histogram->setValueFormat([](double v) { return moneyText(v); });
    m_histogram->setAxisFormat([](double v) { return compactMoneyText(v); });
    m_histogram->setCountUnit(tr("runs"));
    m_histogram->setEmptyText(tr("No Monte Carlo scenario"));
    m_histogram->setExportName(QStringLiteral("scenario-comparison-distribution"));
    charts->addWidget(m_histogram, 1);
    grid->addLayout(charts, 1, 0, 1, 2);

    m_table = new TableView(content);
    m_table->setMinimumHeight(260);
    grid->addWidget(m_table, 2, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 5);
    grid->setRowStretch(0, 5);
    grid->setRowStretch(1, 5);
    grid->setRowStretch(2, 4);

    connect(m_list, &QListWidget::itemChanged, this, &CompareView::updateRunButton);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &CompareView::updateRunButton);
    connect(m_up, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row <= 0)
            return;
        QListWidgetItem* item = m_list->takeItem(row);
        m_list->insertItem(row - 1, item);
        m_list->setCurrentRow(row - 1);
    });
    connect(m_run, &QPushButton::clicked, this, &CompareView::runRequested);
    setResult(nullptr, tr("Check two or more scenarios and press Compare."));
}

CompareView::~CompareView() = default;

QString CompareView::keyText() const {
    return m_keyNames.isEmpty() ? QString() : m_key->text();
}

void CompareView::updateKey() {
    m_key->setVisible(!m_keyNames.isEmpty());
    if (m_keyNames.isEmpty()) {
        m_key->clear();
        return;
    }
    const ChartPalette p = ChartPalette::forPalette(palette());
    QStringList entries;
    for (int i = 0; i < m_keyNames.size(); ++i)
        entries << tr("<span style='color:%1'>&#9632;</span>&nbsp;<b>%2</b>&nbsp;%3%4")
                       .arg(p.color(SeriesColor::Auto, i).name(), ComparisonModel::letter(i),
                            m_keyNames[i].toHtmlEscaped(), i == 0 ? tr(" (baseline)") : QString());
    m_key->setText(entries.join(QStringLiteral("<br>")) +
                   tr("<br><span style='color:%1'>Lines: P50 of the runs (a deterministic "
                      "scenario: its one run); bands: P10\u2013P90.</span>")
                       .arg(p.mutedText.name()));
}

void CompareView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateKey();
}

void CompareView::setCandidates(const QVector<CompareCandidate>& candidates) {
    QStringList keep;
    for (const auto& c : checked())
        keep << c.key;
    m_candidates = candidates;
    m_list->clear();
    for (const auto& c : m_candidates) {
        auto* item = new QListWidgetItem(c.title, m_list);
        item->setToolTip(c.title);
        item->setData(Qt::UserRole, c.key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(keep.contains(c.key) ? Qt::Checked : Qt::Unchecked);
    }
    updateRunButton();
}

void CompareView::setChecked(const QStringList& keys) {
    // Checked keys first, in the given order; the rest after.
    for (int k = keys.size() - 1; k >= 0; --k)
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->data(Qt::UserRole).toString() == keys[k]) {
                QListWidgetItem* item = m_list->takeItem(i);
                m_list->insertItem(0, item);
                break;
            }
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setCheckState(keys.contains(m_list->item(i)->data(Qt::UserRole).toString())
                                           ? Qt::Checked
                                           : Qt::Unchecked);
    updateRunButton();
}

QVector<CompareCandidate> CompareView::checked() const {
    QVector<CompareCandidate> out;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() != Qt::Checked)
            continue;
        const QString key = m_list->item(i)->data(Qt::UserRole).toString();
        for (const auto& c : m_candidates)
            if (c.key == key)
                out << c;
    }
    return out;
}

void CompareView::setRunEnabled(bool enabled) {
    m_runEnabled = enabled;
    updateRunButton();
}

void CompareView::updateRunButton() {
    m_run->setEnabled(m_runEnabled && checked().size() >= 2);
}

QString CompareView::statusText() const {
    return m_status->text();
}

void CompareView::setResult(std::shared_ptr<const ComparisonRun> result, const QString& message) {
    m_status->setText(message);
    delete m_model;
    m_model = nullptr;
    m_keyNames.clear();
    if (result)
        for (const auto& r : result->runs)
            m_keyNames << r->title;
    updateKey();
    // No empty charts before the first comparison: the list and the hint only.
    for (QWidget* w : std::initializer_list<QWidget*>{m_output, m_loss, m_histogram, m_table})
        w->setVisible(result != nullptr);
    if (!result) {
        m_output->setData({});
        m_loss->setData({}, {});
        m_histogram->setData({}, {});
        m_table->setModel(nullptr);
        return;
    }
    const auto& runs = result->runs;
    QVector<FanSeriesData> fans;
    for (size_t i = 0; i < runs.size(); ++i) {
        const auto& r = runs[i]->result;
        FanSeriesData fan;
        fan.key = QString::number(i);
        fan.name = ComparisonModel::letter(int(i));
        fan.median = toQ(r.dailyOutput);
        if (r.runs > 1) {
            fan.low = toQ(r.dailyOutputP10);
            fan.high = toQ(r.dailyOutputP90);
        } else {
            fan.medianName = tr("deterministic");
        }
        fans << fan;
    }
    // The scenarios may start on different dates: the chart counts days from each one's start
    // and dates the axis from the baseline's.
    if (!runs.empty())
        m_output->setStartDate(scenarioDate(runs.front()->result.asOf, 0));
    m_output->chart()->setTitle(tr("Total output, share of planned revenue"));
    m_output->setData(fans);

    QVector<BarCategory> cats;
    std::map<std::string, std::pair<QString, QVector<double>>> byProduct;
    for (size_t i = 0; i < runs.size(); ++i) {
        const auto& f = runs[i]->figures;
        cats.push_back({QString::number(i), ComparisonModel::letter(int(i)),
                        tr("<b>%1: %2</b><br>Lost revenue: %3 (P10 %4, P90 %5)")
                            .arg(ComparisonModel::letter(int(i)), runs[i]->title.toHtmlEscaped(),
                                 moneyText(f.lostRevenue), moneyText(f.lostRevenueP10),
                                 moneyText(f.lostRevenueP90))});
        for (const auto& p : f.products) {
            auto& entry = byProduct[p.id];
            entry.first = QString::fromStdString(p.name);
            entry.second.resize(int(runs.size()));
            entry.second[int(i)] = std::isfinite(p.lostRevenue) ? p.lostRevenue : 0.0;
        }
    }
    QStringList productNames;
    for (auto& [id, entry] : byProduct)
        productNames << entry.first;
    productNames = productLegendNames(productNames);
    QVector<BarSeriesData> series;
    int product = 0;
    for (auto& [id, entry] : byProduct)
        series.push_back({productNames[product++], entry.second});
    m_loss->chart()->setTitle(tr("Lost revenue by product (mean)"));
    m_loss->setData(cats, series);

    QVector<HistogramSeriesData> hist;
    std::vector<double> edges;
    for (size_t i = 0; i < runs.size() && i < result->histograms.size(); ++i) {
        const sc::Histogram& h = result->histograms[i];
        if (h.bins.empty())
            continue;
        if (edges.empty())
            edges = h.edges();
        HistogramSeriesData s;
        s.key = QString::number(i);
        s.name = ComparisonModel::letter(int(i));
        s.colorIndex = int(i); // the scenario's colour in the fan chart and the key
        for (const auto& b : h.bins) {
            s.counts << b.count;
            s.fractions << b.fraction;
        }
        hist << s;
    }
    m_histogram->chart()->setTitle(tr("Lost revenue over the runs"));
    m_histogram->setData(QVector<double>(edges.begin(), edges.end()), hist);

    m_model = new ComparisonModel(result->comparison, this);
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(0, 300);
    for (int c = 1; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, 150);
}

} // namespace chokepoint::ui
