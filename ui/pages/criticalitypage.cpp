// SPDX-License-Identifier: MIT
#include "ui/pages/criticalitypage.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/scenario/criticalityoutput.h"
#include "ui/appstate.h"
#include "ui/charts/scatterchart.h"
#include "ui/charts/survivalchart.h"
#include "ui/displayformat.h"
#include "ui/models/tablefilterproxy.h"
#include "ui/pages/criticality/criticalitytablemodel.h"
#include "ui/selectionkey.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

namespace {

constexpr int kSurvivalBars = 6;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString siteKey(const sc::CriticalSite& s) {
    return selectionKey({SelectionKind::Site, qs(s.id)});
}

QString siteLabel(const sc::CriticalSite& s) {
    return s.name.empty() ? qs(s.id) : qs(s.name);
}

QString siteTip(const sc::CriticalSite& s, int horizon) {
    QString tip =
        QStringLiteral("<b>%1</b> (%2)<br>%3, %4")
            .arg(siteLabel(s).toHtmlEscaped(), qs(s.id).toHtmlEscaped(),
                 qs(s.supplierName.empty() ? s.supplierId : s.supplierName).toHtmlEscaped(),
                 qs(s.country));
    tip += s.tier ? CriticalityPage::tr("<br>Tier %1").arg(*s.tier)
                  : CriticalityPage::tr("<br>Its supply does not reach us");
    tip += s.tier == 1 ? CriticalityPage::tr("; our spend %1").arg(moneyText(s.spend))
                       : CriticalityPage::tr("; no direct spend");
    tip += CriticalityPage::tr("<br>Survives %1, recovers in %2%3")
               .arg(qs(sc::ttsText(s, horizon)), daysText(s.ttrDays),
                    s.ttrAssumed ? CriticalityPage::tr(" (default)") : QString());
    tip += CriticalityPage::tr("<br>Lost revenue if it stops: <b>%1</b>")
               .arg(moneyText(s.lostRevenue));
    return tip;
}

} // namespace

CriticalityPage::CriticalityPage(AppState& state, QWidget* parent)
    : Page(state, parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 10, 12, 10);
    outer->setSpacing(8);

    auto* top = new QHBoxLayout;
    m_context = new QLabel(this);
    m_context->setObjectName(QStringLiteral("criticalityContext"));
    m_context->setWordWrap(true);
    top->addWidget(m_context, 1);
    auto* horizonLabel = new QLabel(tr("Horizon"), this);
    m_horizon = new QSpinBox(this);
    m_horizon->setObjectName(QStringLiteral("criticalityHorizon"));
    m_horizon->setRange(30, 3650);
    m_horizon->setValue(365);
    m_horizon->setSuffix(tr(" days"));
    m_horizon->setToolTip(tr("How far ahead each knock-out is simulated"));
    horizonLabel->setBuddy(m_horizon);
    auto* recoveryLabel = new QLabel(tr("Default recovery"), this);
    m_recovery = new QSpinBox(this);
    m_recovery->setObjectName(QStringLiteral("criticalityRecovery"));
    m_recovery->setRange(0, 3650);
    m_recovery->setValue(sc::kDefaultRecoveryDays);
    m_recovery->setSuffix(tr(" days"));
    m_recovery->setToolTip(tr("Time to recover of sites without recovery_days"));
    recoveryLabel->setBuddy(m_recovery);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("criticalityProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_compute = new QPushButton(tr("Compute"), this);
    m_compute->setObjectName(QStringLiteral("criticalityCompute"));
    for (QWidget* w : std::initializer_list<QWidget*>{horizonLabel, m_horizon, recoveryLabel,
                                                      m_recovery, m_progress, m_compute})
        top->addWidget(w);
    outer->addLayout(top);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("criticalitySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    outer->addWidget(m_summary);

    // The table over the whole width (ten columns), the two charts side by side below it.
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    outer->addWidget(split, 1);

    auto* tableBox = new QWidget(split);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(6);
    m_model = new CriticalityTableModel(this);
    auto* proxy = new TableFilterProxy(this);
    proxy->setSourceModel(m_model);
    m_table = new TableView(tableBox);
    m_table->setObjectName(QStringLiteral("criticalityTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CriticalityTableModel::Rank, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    for (const auto& [column, width] :
         std::initializer_list<std::pair<int, int>>{{CriticalityTableModel::Rank, 36},
                                                    {CriticalityTableModel::Site, 200},
                                                    {CriticalityTableModel::Supplier, 130},
                                                    {CriticalityTableModel::Country, 64},
                                                    {CriticalityTableModel::Tier, 40},
                                                    {CriticalityTableModel::Spend, 84},
                                                    {CriticalityTableModel::Tts, 80},
                                                    {CriticalityTableModel::Ttr, 120},
                                                    {CriticalityTableModel::LostRevenue, 90},
                                                    {CriticalityTableModel::AtRisk, 56}})
        m_table->setColumnWidth(column, width);
    tableLayout->addWidget(m_table, 1);
    m_stress = new QPushButton(tr("Stress this site…"), this);
    m_stress->setObjectName(QStringLiteral("stressSite"));
    m_stress->setToolTip(tr("Open a scenario draft in which the selected site stops from day 0 "
                            "for its time to recover"));
    m_stress->setEnabled(false);
    top->addWidget(m_stress);

    auto* charts = new QSplitter(Qt::Horizontal, split);
    charts->setChildrenCollapsible(false);
    m_scatter = new ScatterChart(charts);
    m_scatter->setObjectName(QStringLiteral("criticalityScatter"));
    m_scatter->setExportName(QStringLiteral("criticality-spend-vs-lost-revenue"));
    m_scatter->setAxisTitles(tr("our spend with the site (log)"), tr("lost revenue"));
    m_scatter->setNoneLabel(tr("tier 2+"));
    m_scatter->setEmptyText(tr("No supplying sites"));
    m_scatter->chart()->setTitle(tr("Spend against lost revenue"));
    m_survival = new SurvivalChart(charts);
    m_survival->setObjectName(QStringLiteral("criticalitySurvival"));
    m_survival->setExportName(QStringLiteral("criticality-tts-vs-ttr"));
    m_survival->setEmptyText(tr("No site loses output within the horizon"));
    m_survival->chart()->setTitle(tr("Survive against recover (days)"));
    m_survival->setTexts(tr("Time to survive"), tr("Time to recover"),
                         tr("days after the site stops"));
    charts->addWidget(m_scatter);
    charts->addWidget(m_survival);
    split->addWidget(tableBox);
    split->addWidget(charts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({260, 340});
    charts->setSizes({380, 380});

    connect(&m_runner, &JobRunner::progress, this, [this](double fraction, const QString& text) {
        m_progress->setValue(int(fraction * 1000));
        m_progress->setFormat(text);
    });
    connect(m_compute, &QPushButton::clicked, this, [this] { m_running ? cancel() : compute(); });
    connect(m_horizon, &QSpinBox::valueChanged, this, &CriticalityPage::settingsChanged);
    connect(m_recovery, &QSpinBox::valueChanged, this, &CriticalityPage::settingsChanged);
    connect(m_table, &TableView::keySelected, this, &CriticalityPage::selectKey);
    connect(m_table, &TableView::keyActivated, this, &CriticalityPage::selectKey);
    connect(m_scatter, &ChartView::itemClicked, this, &CriticalityPage::selectKey);
    connect(m_survival, &ChartView::itemClicked, this, &CriticalityPage::selectKey);
    connect(m_stress, &QPushButton::clicked, this, &CriticalityPage::stressSelected);
    connect(&state, &AppState::workspaceLoaded, this, [this] {
        m_cache.clear();
        settingsChanged();
    });
    connect(&state, &AppState::filtersChanged, this, &CriticalityPage::settingsChanged);
    connect(&state, &AppState::exposureReady, this, &CriticalityPage::refreshViews);
    connect(&state, &AppState::selectionChanged, this, &CriticalityPage::followSelection);
    settingsChanged();
}

CriticalityPage::~CriticalityPage() {
    if (m_stop)
        m_stop->request_stop();
}

CriticalityPage::Key CriticalityPage::currentKey() const {
    return {state().network().get(), state().filters().asOf.days(), m_horizon->value(),
            m_recovery->value()};
}

void CriticalityPage::waitForIdle() {
    state().waitForIdle();
    m_runner.waitForIdle();
}

void CriticalityPage::showEvent(QShowEvent* event) {
    Page::showEvent(event);
    ensureComputed();
}

// The as-of date, the horizon or the default recovery changed (or the country filter, which
// only changes what is shown): show the cached result, else compute while on show.
void CriticalityPage::settingsChanged() {
    const auto net = state().network();
    m_context->setText(net ? tr("Every supplying site knocked out alone from day 0, as of %1.")
                                 .arg(dateText(state().filters().asOf))
                           : tr("Open a workspace to see which sites would stop us."));
    m_context->setToolTip(tr("Time to survive: how long our stock, other suppliers and qualified "
                             "alternatives carry us. Time to recover: how long the site takes to "
                             "come back."));
    if (auto it = m_cache.find(currentKey()); it != m_cache.end()) {
        if (m_running)
            cancel();
        setResult(it->second);
        return;
    }
    if (m_running)
        cancel();
    setResult(nullptr);
    if (isVisible())
        compute();
}

void CriticalityPage::ensureComputed() {
    if (!m_running && !m_result && state().network())
        compute();
}

void CriticalityPage::compute() {
    const auto net = state().network();
    if (!net)
        return;
    if (auto it = m_cache.find(currentKey()); it != m_cache.end()) {
        setResult(it->second);
        return;
    }
    if (m_stop)
        m_stop->request_stop();
    m_stop = std::make_shared<std::stop_source>();
    const auto stop = m_stop;
    sc::CriticalityOptions o;
    o.asOf = state().filters().asOf;
    o.horizonDays = m_horizon->value();
    o.defaultRecoveryDays = m_recovery->value();
    const Key key = currentKey();
    m_running = true;
    m_compute->setText(tr("Cancel"));
    m_progress->setValue(0);
    m_progress->setFormat(tr("starting…"));
    m_progress->setVisible(true);
    m_summary->setText(tr("Knocking out every supplying site, one at a time…"));
    using Out = std::shared_ptr<const sc::CriticalityResult>;
    m_runner.run(
        [net, o, stop](const JobToken& token) -> Out {
            sc::CriticalityOptions opts = o;
            opts.stop = stop->get_token();
            opts.progress = [&token, stop](int done, int total) {
                if (!token.progress(double(done) / std::max(1, total),
                                    tr("site %1 of %2").arg(done).arg(total)))
                    stop->request_stop();
            };
            auto r = std::make_shared<sc::CriticalityResult>(sc::computeCriticality(*net, opts));
            return r->cancelled ? nullptr : Out(std::move(r));
        },
        [this, key](Out result) {
            m_running = false;
            m_compute->setText(tr("Compute"));
            m_progress->setVisible(false);
            if (result)
                m_cache[key] = result;
            setResult(result);
        });
}

void CriticalityPage::cancel() {
    if (m_stop)
        m_stop->request_stop();
    m_runner.cancel();
    m_running = false;
    m_compute->setText(tr("Compute"));
    m_progress->setVisible(false);
    m_summary->setText(tr("Cancelled. Press Compute to knock out every site again."));
}

void CriticalityPage::setResult(std::shared_ptr<const sc::CriticalityResult> result) {
    m_result = std::move(result);
    refreshViews();
}

void CriticalityPage::refreshViews() {
    const sc::CriticalityResult empty;
    const sc::CriticalityResult& r = m_result ? *m_result : empty;
    const QString country = state().filters().country;
    m_model->setResult(r, country);

    std::vector<char> exposed;
    const auto net = state().network();
    const auto exposure = state().exposure();
    if (net && exposure && exposure->network == net)
        exposed = sc::sitesExposed(*net, exposure->forLens(state().filters().lens));
    QVector<ScatterPoint> points;
    QVector<SurvivalItem> bars;
    int atRisk = 0, shown = 0;
    for (const sc::CriticalSite& s : r.sites) {
        if (!country.isEmpty() && qs(s.country) != country)
            continue;
        ++shown;
        atRisk += s.atRisk;
        ScatterPoint p;
        p.key = siteKey(s);
        p.label = siteLabel(s);
        if (s.tier == 1 && s.spend > 0.0)
            p.x = s.spend;
        p.y = s.lostRevenue;
        p.highlighted = size_t(s.site) < exposed.size() && exposed[size_t(s.site)];
        p.tooltip = siteTip(s, r.horizonDays);
        points << p;
        if (s.ttsDays && bars.size() < kSurvivalBars) {
            SurvivalItem b;
            b.key = p.key;
            b.label = shortName(p.label, 22);
            b.survivalDays = *s.ttsDays;
            b.recoveryDays = std::min(s.ttrDays, r.horizonDays);
            b.atRisk = s.atRisk;
            b.tooltip = p.tooltip;
            bars << b;
        }
    }
    m_scatter->setSeriesNames(tr("Not exposed"),
                              tr("Exposed (%1)").arg(lensText(state().filters().lens)));
    m_scatter->setData(points);
    m_survival->setHorizon(r.horizonDays > 0 ? r.horizonDays : m_horizon->value());
    m_survival->setData(bars);

    if (!m_running) {
        if (!m_result) {
            m_summary->setText(state().network() ? tr("Not computed yet.") : QString());
        } else {
            QString text = tr("<b>%1 of %2</b> supplying sites%3 would stop some of our output "
                              "before they recover.")
                               .arg(atRisk)
                               .arg(shown)
                               .arg(country.isEmpty() ? QString() : tr(" in %1").arg(country));
            const auto top = std::find_if(r.sites.begin(), r.sites.end(), [&](const auto& s) {
                return s.atRisk && (country.isEmpty() || qs(s.country) == country);
            });
            if (top != r.sites.end())
                text += tr(" Most critical: %1.")
                            .arg(qs(sc::criticalSiteSentence(*top, r.horizonDays)).toHtmlEscaped());
            const auto assumed = std::count_if(r.sites.begin(), r.sites.end(),
                                               [](const auto& s) { return s.ttrAssumed; });
            if (assumed > 0)
                text += tr(" %1 of %2 sites have no recovery_days: they use the default of %3.")
                            .arg(assumed)
                            .arg(r.sites.size())
                            .arg(daysText(r.defaultRecoveryDays));
            m_summary->setText(text);
        }
    }
    followSelection();
}

void CriticalityPage::selectKey(const QString& key) {
    const Selection sel = selectionFromKey(key);
    if (!sel.isEmpty())
        state().setSelection(sel);
}

void CriticalityPage::followSelection() {
    const QString key = selectionKey(state().selection());
    m_table->selectKey(key);
    m_scatter->setSelectedKey(key);
    m_survival->setSelectedKey(key);
    m_stress->setEnabled(selectedSite() != nullptr);
}

const sc::CriticalSite* CriticalityPage::selectedSite() const {
    const Selection& sel = state().selection();
    if (!m_result || sel.kind != SelectionKind::Site)
        return nullptr;
    for (const sc::CriticalSite& s : m_result->sites)
        if (qs(s.id) == sel.id)
            return &s;
    return nullptr;
}

void CriticalityPage::stressSelected() {
    const sc::CriticalSite* site = selectedSite();
    if (!site)
        return;
    // The Scenarios page opens the draft and shows itself.
    state().requestScenarioDraft(qs(sc::scenarioToJson(sc::siteStopScenario(*m_result, *site))));
}

} // namespace chokepoint::ui
