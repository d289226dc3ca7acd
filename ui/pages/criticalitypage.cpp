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

#include "core/analysis/sitepaths.h"
#include "core/scenario/criticalityoutput.h"
#include "ui/appstate.h"
#include "ui/charts/scatterchart.h"
#include "ui/charts/survivalchart.h"
#include "ui/criticalityjobs.h"
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
    : Page(state, parent)
    , m_jobs(CriticalityJobs::of(state)) {
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
    m_horizon->setValue(m_jobs.settings().horizonDays);
    m_horizon->setSuffix(tr(" days"));
    m_horizon->setToolTip(tr("How far ahead each knock-out is simulated"));
    horizonLabel->setBuddy(m_horizon);
    auto* recoveryLabel = new QLabel(tr("Default recovery"), this);
    m_recovery = new QSpinBox(this);
    m_recovery->setObjectName(QStringLiteral("criticalityRecovery"));
    m_recovery->setRange(0, 3650);
    m_recovery->setValue(m_jobs.settings().defaultRecoveryDays);
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

    connect(&m_jobs, &CriticalityJobs::progress, this,
            [this](double fraction, const QString& text) {
                m_progress->setValue(int(fraction * 1000));
                m_progress->setFormat(text);
            });
    connect(&m_jobs, &CriticalityJobs::changed, this, &CriticalityPage::resultsChanged);
    connect(&m_jobs, &CriticalityJobs::runningChanged, this, &CriticalityPage::runningChanged);
    connect(&m_jobs, &CriticalityJobs::cancelled, this, [this] {
        if (!m_result)
            m_summary->setText(tr("Cancelled. Press Compute to knock out every site again."));
    });
    connect(m_compute, &QPushButton::clicked, this,
            [this] { m_jobs.isRunning() ? m_jobs.cancel() : compute(); });
    auto settings = [this] { m_jobs.setSettings({m_horizon->value(), m_recovery->value()}); };
    connect(m_horizon, &QSpinBox::valueChanged, this, settings);
    connect(m_recovery, &QSpinBox::valueChanged, this, settings);
    connect(m_table, &TableView::keySelected, this, &CriticalityPage::selectKey);
    connect(m_table, &TableView::keyActivated, this, &CriticalityPage::selectKey);
    connect(m_scatter, &ChartView::itemClicked, this, &CriticalityPage::selectKey);
    connect(m_survival, &ChartView::itemClicked, this, &CriticalityPage::selectKey);
    connect(m_stress, &QPushButton::clicked, this, &CriticalityPage::stressSelected);
    connect(&state, &AppState::workspaceLoaded, this, &CriticalityPage::settingsChanged);
    connect(&state, &AppState::filtersChanged, this, &CriticalityPage::settingsChanged);
    connect(&state, &AppState::exposureReady, this, &CriticalityPage::refreshViews);
    connect(&state, &AppState::selectionChanged, this, &CriticalityPage::followSelection);
    settingsChanged();
    runningChanged(m_jobs.isRunning());
    resultsChanged();
}

CriticalityPage::~CriticalityPage() = default;

void CriticalityPage::waitForIdle() {
    state().waitForIdle();
    m_jobs.waitForIdle();
}

void CriticalityPage::showEvent(QShowEvent* event) {
    Page::showEvent(event);
    ensureComputed();
}

// The workspace or the filters changed: the context line and what the filters keep. (A new
// as-of date is a new result: CriticalityJobs says so with changed().)
void CriticalityPage::settingsChanged() {
    const auto net = state().network();
    m_context->setText(net ? tr("Every supplying site knocked out alone from day 0, as of %1.")
                                 .arg(dateText(state().filters().asOf))
                           : tr("Open a workspace to see which sites would stop us."));
    m_context->setToolTip(tr("Time to survive: how long our stock, other suppliers and qualified "
                             "alternatives carry us. Time to recover: how long the site takes to "
                             "come back."));
    refreshViews();
}

// The result for the current workspace, date and settings: from the cache, else computed
// while the page is on show.
void CriticalityPage::resultsChanged() {
    setResult(m_jobs.current());
    if (!m_result && isVisible())
        compute();
}

void CriticalityPage::runningChanged(bool running) {
    m_compute->setText(running ? tr("Cancel") : tr("Compute"));
    m_progress->setVisible(running);
    if (running) {
        m_progress->setValue(0);
        m_progress->setFormat(tr("starting…"));
        m_summary->setText(tr("Knocking out every supplying site, one at a time…"));
    }
}

void CriticalityPage::ensureComputed() {
    if (!m_result && state().network())
        compute();
}

void CriticalityPage::compute() {
    m_jobs.ensure();
}

void CriticalityPage::setResult(std::shared_ptr<const sc::CriticalityResult> result) {
    m_result = std::move(result);
    refreshViews();
}

std::vector<char> CriticalityPage::shownSites() const {
    const auto net = state().network();
    const Filters& f = state().filters();
    if (!net || (f.productId.isEmpty() && !f.stage && f.country.isEmpty()))
        return {};
    const core::analysis::SummaryFilter sf = state().summaryFilter();
    std::vector<char> keep = core::analysis::sitesInChain(*net, sf.product, f.stage);
    if (!f.country.isEmpty()) {
        const auto country = net->countries.find(f.country.toStdString());
        for (size_t s = 0; s < keep.size(); ++s)
            keep[s] = keep[s] && net->siteCountry[s] == country;
    }
    return keep;
}

// " in JPN, feeding Car, at the cathode stage" for the filters set.
QString CriticalityPage::filterText() const {
    const Filters& f = state().filters();
    QStringList parts;
    if (!f.country.isEmpty())
        parts << tr("in %1").arg(f.country);
    if (const auto net = state().network(); net && !f.productId.isEmpty()) {
        const auto p = net->products.find(f.productId.toStdString());
        parts << tr("feeding %1")
                     .arg(p == core::analysis::kNone
                              ? f.productId
                              : qs(net->data().products[size_t(p)].name).toHtmlEscaped());
    }
    if (f.stage)
        parts << tr("at the %1 stage").arg(stageText(*f.stage).toLower());
    return parts.isEmpty() ? QString() : QStringLiteral(" ") + parts.join(QStringLiteral(", "));
}

void CriticalityPage::refreshViews() {
    const sc::CriticalityResult empty;
    const sc::CriticalityResult& r = m_result ? *m_result : empty;
    const std::vector<char> keep = shownSites();
    auto kept = [&keep](const sc::CriticalSite& s) {
        return keep.empty() || (size_t(s.site) < keep.size() && keep[size_t(s.site)]);
    };
    m_model->setResult(r, keep);

    std::vector<char> exposed;
    const auto net = state().network();
    const auto exposure = state().exposure();
    if (net && exposure && exposure->network == net)
        exposed = sc::sitesExposed(*net, exposure->forLens(state().filters().lens));
    QVector<ScatterPoint> points;
    QVector<SurvivalItem> bars;
    int atRisk = 0, shown = 0;
    for (const sc::CriticalSite& s : r.sites) {
        if (!kept(s))
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

    if (!m_jobs.isRunning()) {
        if (!m_result) {
            m_summary->setText(state().network() ? tr("Not computed yet.") : QString());
        } else {
            QString text = tr("<b>%1 of %2</b> supplying sites%3 would stop some of our output "
                              "before they recover.")
                               .arg(atRisk)
                               .arg(shown)
                               .arg(filterText());
            const auto top = std::find_if(r.sites.begin(), r.sites.end(),
                                          [&](const auto& s) { return s.atRisk && kept(s); });
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
