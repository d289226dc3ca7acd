// SPDX-License-Identifier: MIT
#include "ui/pages/controls/measurepanel.h"

#include <cmath>
#include <set>
#include <stop_token>

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "core/analysis/summary.h"
#include "core/scenario/scenarioengine.h"
#include "core/scenario/scenarioparser.h"
#include "ui/appstate.h"
#include "ui/displayformat.h"
#include "ui/jobrunner.h"
#include "ui/pages/controls/impactmodels.h"
#include "ui/pages/controls/measuretablemodel.h"
#include "ui/pages/controls/timelinelanes.h"
#include "ui/pages/pageregistry.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace an = core::analysis;
namespace sc = core::scenario;

namespace {

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString row(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td style='padding-right:12px'><i>%1</i></td><td>%2</td></tr>")
        .arg(label, value);
}

TableView* impactTable(QAbstractItemModel* model, QWidget* parent) {
    auto* view = new TableView(parent);
    view->setModel(model);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setDefaultSectionSize(110);
    view->setColumnWidth(0, 200);
    return view;
}

} // namespace

MeasurePanel::MeasurePanel(AppState& state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_details(new QTextBrowser(this))
    , m_impactSummary(new QLabel(this))
    , m_impactTabs(new QTabWidget(this))
    , m_materials(new ImpactMaterialModel(this))
    , m_products(new ImpactProductModel(this))
    , m_sites(new ImpactSiteModel(this))
    , m_suppliers(new ImpactSupplierModel(this))
    , m_min(new QSpinBox(this))
    , m_mode(new QSpinBox(this))
    , m_max(new QSpinBox(this))
    , m_approval(new QDoubleSpinBox(this))
    , m_runs(new QSpinBox(this))
    , m_stress(new QPushButton(tr("Stress this measure…"), this))
    , m_run(new QPushButton(tr("Run now"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_runResult(new QLabel(this))
    , m_impactRunner(new JobRunner(this))
    , m_runRunner(new JobRunner(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(10);

    m_details->setOpenExternalLinks(true);
    m_details->setObjectName(QStringLiteral("measureDetails"));
    m_details->setMinimumWidth(260);
    layout->addWidget(m_details, 4);

    auto* right = new QVBoxLayout;
    layout->addLayout(right, 6);
    m_impactSummary->setWordWrap(true);
    m_impactSummary->setObjectName(QStringLiteral("impactSummary"));
    right->addWidget(m_impactSummary);
    m_impactTabs->addTab(impactTable(m_materials, this), tr("Materials"));
    m_impactTabs->addTab(impactTable(m_products, this), tr("Products"));
    m_impactTabs->addTab(impactTable(m_sites, this), tr("Sites"));
    m_impactTabs->addTab(impactTable(m_suppliers, this), tr("Suppliers"));
    for (int i = 0; i < m_impactTabs->count(); ++i) {
        auto* view = static_cast<TableView*>(m_impactTabs->widget(i));
        connect(view, &TableView::keySelected, this, &MeasurePanel::keySelected);
        connect(view, &TableView::keyActivated, this, &MeasurePanel::keyActivated);
    }
    right->addWidget(m_impactTabs, 1);

    // Stress options: the licence delay triangle, approval probability and runs.
    auto* stress = new QGridLayout;
    stress->setHorizontalSpacing(6);
    auto* delayLabel = new QLabel(tr("Licence delay, days (min / mode / max):"), this);
    stress->addWidget(delayLabel, 0, 0);
    auto* delays = new QHBoxLayout;
    for (QSpinBox* box : {m_min, m_mode, m_max}) {
        box->setRange(0, 3650);
        box->setToolTip(tr("Triangular licence review time in calendar days"));
        delays->addWidget(box);
    }
    stress->addLayout(delays, 0, 1);
    stress->addWidget(new QLabel(tr("Approval probability:"), this), 1, 0);
    auto* second = new QHBoxLayout;
    m_approval->setRange(0.0, 1.0);
    m_approval->setSingleStep(0.05);
    m_approval->setDecimals(2);
    second->addWidget(m_approval);
    second->addWidget(new QLabel(tr("Runs:"), this));
    m_runs->setRange(1, 100000);
    m_runs->setValue(1000);
    m_runs->setToolTip(tr("1 = one deterministic run (delay = mode)"));
    second->addWidget(m_runs);
    stress->addLayout(second, 1, 1);
    right->addLayout(stress);
    connect(m_min, &QSpinBox::valueChanged, this,
            [this](int v) { m_mode->setValue(std::max(m_mode->value(), v)); });
    connect(m_max, &QSpinBox::valueChanged, this,
            [this](int v) { m_mode->setValue(std::min(m_mode->value(), v)); });
    connect(m_mode, &QSpinBox::valueChanged, this, [this](int v) {
        m_min->setValue(std::min(m_min->value(), v));
        m_max->setValue(std::max(m_max->value(), v));
    });

    auto* buttons = new QHBoxLayout;
    m_stress->setToolTip(tr("Open this measure's licence-delay scenario on the Scenarios page"));
    m_run->setToolTip(tr("Run the scenario here and show the lost revenue"));
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    buttons->addWidget(m_stress);
    buttons->addWidget(m_run);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    right->addLayout(buttons);
    m_runResult->setWordWrap(true);
    m_runResult->setObjectName(QStringLiteral("runResult"));
    m_runResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_runResult);

    connect(m_stress, &QPushButton::clicked, this, &MeasurePanel::stress);
    connect(m_run, &QPushButton::clicked, this, &MeasurePanel::runNow);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_runRunner->cancel();
        m_runResult->setText(tr("Cancelled."));
    });
    connect(m_runRunner, &JobRunner::progress, this,
            [this](double f, const QString&) { m_progress->setValue(int(f * 1000)); });
    connect(m_runRunner, &JobRunner::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        m_cancel->setVisible(busy);
        m_run->setEnabled(!busy && !scenarioJson().isEmpty());
    });
    showMeasure({});
}

MeasurePanel::~MeasurePanel() = default;

QSpinBox* MeasurePanel::delayBox(int which) const {
    return which == 0 ? m_min : which == 1 ? m_mode : m_max;
}

QString MeasurePanel::detailsText() const {
    return m_details->toPlainText();
}
QString MeasurePanel::impactText() const {
    return m_impactSummary->text();
}
QString MeasurePanel::runText() const {
    return m_runResult->text();
}

void MeasurePanel::showMeasure(const QString& controlId) {
    const bool changed = controlId != m_id;
    m_id = controlId;
    if (changed) {
        m_runRunner->cancel();
        m_runResult->clear();
        resetStressOptions();
    }
    refresh(true);
}

void MeasurePanel::refresh(bool impactToo) {
    showDetails();
    const auto net = m_state.network();
    const an::Index c = net ? net->controlIds.find(m_id.toStdString()) : an::kNone;
    const bool stressable = !scenarioJson().isEmpty();
    m_stress->setEnabled(stressable);
    m_run->setEnabled(stressable && !m_runRunner->isBusy());
    if (!impactToo)
        return;
    if (c == an::kNone) {
        m_impactRunner->cancel();
        showImpact(nullptr);
        return;
    }
    m_impactSummary->setText(tr("<i>Computing what this measure touches…</i>"));
    m_impactRunner->run(
        [engine = m_state.engine(), c, asOf = m_state.filters().asOf,
         filter = m_state.summaryFilter()](const JobToken&) {
            return std::make_shared<const an::MeasureImpact>(
                an::measureImpact(*engine, c, asOf, filter));
        },
        [this, net](std::shared_ptr<const an::MeasureImpact> impact) {
            if (net == m_state.network())
                showImpact(impact);
        });
}

void MeasurePanel::showDetails() {
    const auto net = m_state.network();
    const an::Index c = net ? net->controlIds.find(m_id.toStdString()) : an::kNone;
    if (c == an::kNone) {
        m_details->setHtml(tr("<p>Select a measure on the timeline, in the list or in the "
                              "items × measures matrix to see its legal reference, dates, "
                              "sources and what it touches in our supply chain.</p>"));
        return;
    }
    const core::Dataset& d = net->data();
    const core::Control& ctl = d.controls[size_t(c)];
    const core::Date asOf = m_state.filters().asOf;
    auto countryName = [&](const std::string& iso3) {
        const an::Index i = net->countries.find(iso3);
        return i == an::kNone ? esc(iso3) : esc(d.countries[size_t(i)].name);
    };
    QString html = QStringLiteral("<h3>%1 &nbsp;%2</h3>").arg(esc(ctl.id), esc(ctl.title));
    QString kind = controlKindText(ctl.kind) + tr(" · issued by %1").arg(countryName(ctl.issuer));
    if (!ctl.targetCountries.empty()) {
        QStringList targets;
        for (const std::string& t : ctl.targetCountries)
            targets << countryName(t);
        kind += tr(" · exports to %1 only").arg(targets.join(QStringLiteral(", ")));
    }
    html += QStringLiteral("<p><i>%1</i></p><table cellspacing='0' cellpadding='1'>").arg(kind);
    html += row(tr("Legal reference"), ctl.reference ? esc(*ctl.reference) : missingText());
    html += row(tr("Announced"), ctl.announced ? dateText(*ctl.announced) : missingText());
    html += row(tr("Effective"), dateText(ctl.effective));
    html +=
        row(tr("End"), ctl.end ? dateText(*ctl.end) + tr(" (suspended or lifted)") : tr("none"));
    html += row(tr("Status at %1").arg(dateText(asOf)),
                QStringLiteral("<b>%1</b>").arg(controlStatusText(ctl, asOf)));
    html += row(tr("Licence review"),
                ctl.licenceReviewDays ? tr("%1 working days (≈ %2)")
                                            .arg(*ctl.licenceReviewDays)
                                            .arg(daysText(sc::calendarDays(*ctl.licenceReviewDays)))
                                      : missingText());
    html += QStringLiteral("</table>");

    QStringList materials, technologies;
    for (const an::Index m : net->controls[size_t(c)].materials)
        materials << esc(d.materials[size_t(m)].name);
    for (const an::Index t : net->controls[size_t(c)].technologies)
        technologies << esc(d.technologies[size_t(t)].name);
    html += tr("<h4>Items covered</h4>");
    if (materials.isEmpty() && technologies.isEmpty())
        html += tr("<p>None: this measure changes no figure.</p>");
    if (!materials.isEmpty())
        html += tr("<p><b>Materials:</b> %1</p>").arg(materials.join(QStringLiteral("; ")));
    if (!technologies.isEmpty()) {
        html += tr("<p><b>Technologies:</b> %1</p>").arg(technologies.join(QStringLiteral("; ")));
        // Methodology v2 (SPEC §3): a technology export control restricts the technology
        // itself, so it reaches plants abroad that depend on the issuer's technology.
        html += tr("<p><small>A technology control restricts the export of the technology "
                   "itself: it reaches plants <b>outside %1</b> that get the technology "
                   "(licence, equipment, know-how) from %1 — not what plants in %1 make. "
                   "Plants whose technology source is unknown count only in the high bound of "
                   "the range.</small></p>")
                    .arg(countryName(ctl.issuer));
    }

    html += tr("<h4>Sources</h4>");
    const std::vector<size_t> sources = an::controlSources(*net, c);
    if (sources.empty())
        html += tr("<p>No sources recorded.</p>");
    else {
        html += QStringLiteral("<ol style='margin-left:-20px'>");
        for (const size_t i : sources) {
            const core::Source& s = d.sources[i];
            QString text = esc(s.publisher);
            if (s.title)
                text += QStringLiteral(": ") + esc(*s.title);
            if (s.year)
                text += QStringLiteral(" (%1)").arg(*s.year);
            if (s.url)
                text += QStringLiteral("<br><a href='%1'>%2</a>").arg(esc(*s.url), esc(*s.url));
            html += QStringLiteral("<li>[%1] %2</li>").arg(esc(s.id), text);
        }
        html += QStringLiteral("</ol>");
    }
    m_details->setHtml(html);
}

void MeasurePanel::showImpact(const std::shared_ptr<const an::MeasureImpact>& impact) {
    const auto net = m_state.network();
    if (!impact || !net) {
        m_materials->clear();
        m_products->clear();
        m_sites->clear();
        m_suppliers->clear();
        m_impactSummary->setText(m_id.isEmpty() ? QString() : tr("Not in this workspace."));
        return;
    }
    m_materials->setImpact(*net, *impact);
    m_products->setImpact(*net, *impact);
    m_sites->setImpact(*net, *impact);
    m_suppliers->setImpact(*net, *impact);
    const an::Summary& s = impact->summary;
    std::set<an::Index> sites;
    size_t tierOne = 0;
    for (const an::MeasureFlow& f : impact->flows) {
        sites.insert(f.site);
        tierOne += f.tier == 1 ? 1 : 0;
    }
    m_impactSummary->setText(
        tr("<b>On its own</b> (every other control set aside), this measure puts <b>%1</b> of "
           "revenue at risk (<b>%2</b> of %3) and <b>%4</b> of %5 tier-1 spend. It covers %6 "
           "flows at %7 sites of our network (%8 bought by us directly).")
            .arg(percentText(s.revenueDependence), moneyText(s.revenueAtRisk), moneyText(s.revenue),
                 moneyText(s.spendAtRisk), moneyText(s.spend))
            .arg(impact->flows.size())
            .arg(sites.size())
            .arg(tierOne));
}

void MeasurePanel::resetStressOptions() {
    const auto net = m_state.network();
    const an::Index c = net ? net->controlIds.find(m_id.toStdString()) : an::kNone;
    if (c == an::kNone)
        return;
    const core::Control& ctl = net->data().controls[size_t(c)];
    const sc::Delay delay =
        sc::licenceDelayFor(ctl.licenceReviewDays.value_or(sc::kDefaultLicenceReviewWorkingDays));
    const QSignalBlocker b0(m_min), b1(m_mode), b2(m_max);
    m_min->setValue(int(delay.min));
    m_mode->setValue(int(delay.mode));
    m_max->setValue(int(delay.max));
    m_approval->setValue(
        ctl.kind == core::ControlKind::Prohibition ? 0.0 : sc::kDefaultApprovalProbability);
}

sc::MeasureStressOptions MeasurePanel::stressOptions() const {
    sc::MeasureStressOptions o;
    o.delay = sc::Delay::triangle(m_min->value(), m_mode->value(), m_max->value());
    if (m_min->value() == m_max->value())
        o.delay = sc::Delay::fixed(m_mode->value());
    o.approvalProbability = m_approval->value();
    o.runs = m_runs->value();
    return o;
}

QString MeasurePanel::scenarioJson(QString* error) const {
    const auto net = m_state.network();
    const an::Index c = net ? net->controlIds.find(m_id.toStdString()) : an::kNone;
    if (c == an::kNone)
        return {};
    auto json = sc::measureStressScenarioJson(*net, c, m_state.filters().asOf, stressOptions());
    if (!json) {
        if (error)
            *error = QString::fromStdString(json.errorString());
        return {};
    }
    return QString::fromStdString(*json);
}

void MeasurePanel::stress() {
    const QString json = scenarioJson();
    if (json.isEmpty())
        return;
    // The Scenarios page opens the draft and shows itself (unless the user keeps an unsaved
    // scenario there instead).
    m_state.requestScenarioDraft(json);
}

void MeasurePanel::runNow() {
    const auto net = m_state.network();
    const QString json = scenarioJson();
    if (!net || json.isEmpty())
        return;
    auto parsed = sc::parseScenario(json.toStdString(), *net);
    if (!parsed) {
        m_runResult->setText(QString::fromStdString(parsed.errorString()).toHtmlEscaped());
        return;
    }
    m_progress->setValue(0);
    m_runResult->setText(tr("<i>Running %1 run(s)…</i>").arg(parsed->runs));
    m_runRunner->run(
        [net, scenario = *parsed](const JobToken& token) {
            std::stop_source stop;
            sc::RunOptions options;
            options.stop = stop.get_token();
            options.progress = [&token, &stop](int done, int total) {
                if (!token.progress(double(done) / std::max(1, total)))
                    stop.request_stop();
            };
            return std::make_shared<const sc::ScenarioResult>(
                sc::runScenario(*net, scenario, options));
        },
        [this](std::shared_ptr<const sc::ScenarioResult> r) {
            if (r->cancelled) {
                m_runResult->setText(tr("Cancelled."));
                return;
            }
            if (r->runs > 1)
                m_runResult->setText(
                    tr("Lost revenue of <b>all products</b> over %1 days (the product filter "
                       "does not apply to a run): <b>%2</b> on average, P10–P90 <b>%3 – %4</b> "
                       "(median %5; %6 runs, seed %7).")
                        .arg(r->horizonDays)
                        .arg(moneyText(r->totalLostRevenue), moneyText(r->lostRevenueP10),
                             moneyText(r->lostRevenueP90), moneyText(r->lostRevenueP50))
                        .arg(r->runs)
                        .arg(r->seed));
            else
                m_runResult->setText(
                    tr("Lost revenue of <b>all products</b> over %1 days (the product filter "
                       "does not apply to a run): <b>%2</b> (one deterministic run: the delay is "
                       "the mode, the licence is granted when the approval probability is at "
                       "least 0.5).")
                        .arg(r->horizonDays)
                        .arg(moneyText(r->totalLostRevenue)));
        });
}

} // namespace chokepoint::ui
