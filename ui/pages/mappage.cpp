// SPDX-License-Identifier: MIT
#include "ui/pages/mappage.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/map/mapcaption.h"
#include "core/scenario/criticality.h"
#include "ui/appstate.h"
#include "ui/criticalityjobs.h"
#include "ui/displayformat.h"
#include "ui/jobrunner.h"
#include "ui/map/mapview.h"
#include "ui/pages/map/maptips.h"
#include "ui/pages/pageregistry.h"

namespace chokepoint::ui {

namespace an = core::analysis;
namespace cm = core::map;

namespace {
// Entries of the material box before the materials.
constexpr int kFollowSelection = 0;
} // namespace

MapPage::MapPage(AppState& state, QWidget* parent)
    : Page(state, parent)
    , m_runner(new JobRunner(this))
    , m_jobs(CriticalityJobs::of(state)) {
    QString atlasError;
    m_atlas = bundledAtlas(&atlasError);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 10, 12, 10);
    outer->setSpacing(8);

    auto* bar = new QHBoxLayout;
    bar->setSpacing(8);
    auto* measureLabel = new QLabel(tr("Shade by"), this);
    m_measure = new QComboBox(this);
    m_measure->setObjectName(QStringLiteral("mapMeasure"));
    m_measure->setToolTip(tr("What shades the countries"));
    m_measure->addItem(tr("Spend at risk"), int(cm::CountryMeasure::SpendAtRisk));
    m_measure->addItem(tr("Share of our supply"), int(cm::CountryMeasure::SupplyShare));
    m_measure->addItem(tr("World share of the material"), int(cm::CountryMeasure::WorldShare));
    m_measure->setMinimumContentsLength(14);
    m_measure->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    measureLabel->setBuddy(m_measure);
    auto* materialLabel = new QLabel(tr("Material"), this);
    m_material = new QComboBox(this);
    m_material->setObjectName(QStringLiteral("mapMaterial"));
    m_material->setToolTip(tr("Whose flow the arcs show and whose world share shades the "
                              "countries; by default the material or product selected anywhere"));
    m_material->setMinimumContentsLength(16);
    m_material->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    materialLabel->setBuddy(m_material);
    m_flows = new QCheckBox(tr("Flows"), this);
    m_flows->setObjectName(QStringLiteral("mapFlows"));
    m_flows->setChecked(true);
    m_flows->setToolTip(tr("Draw the supply links of the material or product as arcs"));
    auto* sizeLabel = new QLabel(tr("Size by"), this);
    m_sizeBy = new QComboBox(this);
    m_sizeBy->setObjectName(QStringLiteral("mapSizeBy"));
    m_sizeBy->setToolTip(tr("What a site marker's area shows: our tier-1 spend with the site, or "
                            "the revenue we would lose if it stopped for its time to recover "
                            "(criticality: the Criticality page's figures)"));
    m_sizeBy->addItem(tr("Spend"), int(SizeBySpend));
    m_sizeBy->addItem(tr("Lost revenue"), int(SizeByLostRevenue));
    sizeLabel->setBuddy(m_sizeBy);
    m_sizeProgress = new QProgressBar(this);
    m_sizeProgress->setObjectName(QStringLiteral("mapSizeProgress"));
    m_sizeProgress->setRange(0, 1000);
    m_sizeProgress->setMinimumWidth(170);
    m_sizeProgress->setMaximumWidth(220);
    m_sizeProgress->setToolTip(tr("Knocking out every supplying site, one at a time, to size the "
                                  "markers by the revenue its stop would cost"));
    m_sizeProgress->setVisible(false);
    m_sizeCancel = new QPushButton(tr("Cancel"), this);
    m_sizeCancel->setObjectName(QStringLiteral("mapSizeCancel"));
    m_sizeCancel->setToolTip(tr("Stop computing the criticality of every site"));
    m_sizeCancel->setVisible(false);
    m_fit = new QPushButton(tr("Fit to selection"), this);
    m_fit->setObjectName(QStringLiteral("mapFit"));
    m_world = new QPushButton(tr("Whole world"), this);
    m_world->setObjectName(QStringLiteral("mapWorld"));
    bar->addWidget(measureLabel);
    bar->addWidget(m_measure);
    bar->addSpacing(6);
    bar->addWidget(materialLabel);
    bar->addWidget(m_material, 1);
    bar->addWidget(m_flows);
    bar->addStretch(1);
    bar->addWidget(m_fit);
    bar->addWidget(m_world);
    outer->addLayout(bar);

    m_context = new QLabel(this);
    m_context->setObjectName(QStringLiteral("mapContext"));
    m_context->setWordWrap(true);
    // The context line, then what sizes the markers (the bar above is as wide as the window
    // can be narrow) and the criticality's progress while it runs.
    auto* contextRow = new QHBoxLayout;
    contextRow->addWidget(m_context, 1);
    contextRow->addWidget(sizeLabel, 0, Qt::AlignTop);
    contextRow->addWidget(m_sizeBy, 0, Qt::AlignTop);
    contextRow->addWidget(m_sizeProgress, 0, Qt::AlignTop);
    contextRow->addWidget(m_sizeCancel, 0, Qt::AlignTop);
    outer->addLayout(contextRow);

    if (!m_atlas) {
        m_error = new QLabel(tr("The world map cannot be drawn: %1").arg(atlasError), this);
        m_error->setWordWrap(true);
        outer->addWidget(m_error, 1);
        for (QWidget* w : {static_cast<QWidget*>(m_measure), static_cast<QWidget*>(m_material),
                           static_cast<QWidget*>(m_flows), static_cast<QWidget*>(m_fit),
                           static_cast<QWidget*>(m_world), static_cast<QWidget*>(m_sizeBy)})
            w->setEnabled(false);
        return;
    }
    m_view = new MapView(m_atlas, this);
    m_view->setObjectName(QStringLiteral("mapView"));
    m_view->setExportName(QStringLiteral("supply-map"));
    outer->addWidget(m_view, 1);

    m_view->setTipProvider([this](const MapHit& hit) { return tipFor(hit); });
    connect(m_view, &MapView::siteClicked, this, [this](int32_t site) {
        if (const auto net = this->state().network())
            this->state().setSelection(
                {SelectionKind::Site, QString::fromStdString(net->sites.id(site))});
    });
    connect(m_view, &MapView::siteActivated, this, [this](int32_t site) {
        if (const auto net = this->state().network()) {
            this->state().setSelection(
                {SelectionKind::Site, QString::fromStdString(net->sites.id(site))});
            this->state().requestPage(pageid::suppliers);
        }
    });
    connect(m_view, &MapView::countryClicked, this, [this](const QString& iso3) {
        const auto net = this->state().network();
        if (net && net->countries.find(iso3.toStdString()) != an::kNone)
            this->state().setSelection({SelectionKind::Country, iso3});
    });
    connect(m_view, &MapView::emptyClicked, this, [this] { this->state().clearSelection(); });
    connect(m_fit, &QPushButton::clicked, m_view, &MapView::fitSelection);
    connect(m_world, &QPushButton::clicked, m_view, &MapView::fitWorld);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &MapPage::recompute);
    connect(m_material, &QComboBox::currentIndexChanged, this, &MapPage::recompute);
    connect(m_flows, &QCheckBox::toggled, this, &MapPage::recompute);
    connect(m_sizeBy, &QComboBox::currentIndexChanged, this, &MapPage::updateSizes);
    connect(m_sizeCancel, &QPushButton::clicked, &m_jobs, &CriticalityJobs::cancel);
    connect(&m_jobs, &CriticalityJobs::changed, this, &MapPage::updateSizes);
    connect(&m_jobs, &CriticalityJobs::runningChanged, this, &MapPage::sizeRunningChanged);
    connect(&m_jobs, &CriticalityJobs::progress, this,
            [this](double fraction, const QString& text) {
                m_sizeProgress->setValue(int(fraction * 1000));
                m_sizeProgress->setFormat(text);
            });
    connect(&m_jobs, &CriticalityJobs::cancelled, this, [this] {
        m_sizeBy->setCurrentIndex(SizeBySpend); // nothing to size by: back to spend
    });

    connect(&state, &AppState::workspaceLoaded, this, &MapPage::onWorkspaceLoaded);
    connect(&state, &AppState::exposureReady, this, &MapPage::recompute);
    connect(&state, &AppState::selectionChanged, this, &MapPage::onSelectionChanged);
    if (state.hasWorkspace())
        onWorkspaceLoaded();
}

MapPage::~MapPage() = default;

void MapPage::showEvent(QShowEvent* event) {
    Page::showEvent(event);
    if (m_sizeBy->currentIndex() == SizeByLostRevenue)
        updateSizes(); // computes what is missing, now that the page is on show
    if (m_stale)
        recompute();
}

void MapPage::updateSizes() {
    if (!m_view)
        return;
    const auto net = state().network();
    const bool byLoss = m_sizeBy->currentIndex() == SizeByLostRevenue;
    const auto result = byLoss && net ? m_jobs.current() : nullptr;
    if (byLoss && net && !result && isVisible())
        m_jobs.ensure(); // sized by spend until the results arrive
    sizeRunningChanged(m_jobs.isRunning());
    if (result == m_sizedFrom)
        return;
    m_sizedFrom = result;
    if (!result) {
        setMarkerSizes({}, {});
        return;
    }
    std::vector<double> perSite(net->sites.size(), 0.0);
    for (const core::scenario::CriticalSite& s : result->sites)
        if (s.site >= 0 && size_t(s.site) < perSite.size())
            perSite[size_t(s.site)] = s.lostRevenue;
    setMarkerSizes(std::move(perSite), tr("lost revenue if it stops (criticality)"));
}

void MapPage::sizeRunningChanged(bool running) {
    const bool show = running && m_sizeBy->currentIndex() == SizeByLostRevenue;
    if (show && !m_sizeProgress->isVisible()) {
        m_sizeProgress->setValue(0);
        m_sizeProgress->setFormat(tr("starting…"));
    }
    m_sizeProgress->setVisible(show);
    m_sizeCancel->setVisible(show);
    updateLegend();
}

void MapPage::waitForIdle() {
    while (state().isBusy() || m_runner->isBusy()) {
        state().waitForIdle();
        m_runner->waitForIdle();
    }
}

QString MapPage::contextText() const {
    return m_context->text();
}

void MapPage::setMarkerSizes(std::vector<double> perSite, const QString& name) {
    m_sizes = std::move(perSite);
    m_sizeName = name;
    recompute();
}

void MapPage::onWorkspaceLoaded() {
    m_sizes.clear();
    m_sizedFrom = nullptr;
    populateMaterials();
    m_firstScene = true;
    recompute();
}

void MapPage::populateMaterials() {
    const QSignalBlocker block(m_material);
    const QString current = m_material->currentData().toString();
    m_material->clear();
    m_material->addItem(tr("Follow selection"), QString());
    const auto net = state().network();
    if (!net)
        return;
    std::vector<std::pair<QString, QString>> items; // name, id
    for (const auto& m : net->data().materials)
        items.emplace_back(QString::fromStdString(m.name), QString::fromStdString(m.id));
    std::sort(items.begin(), items.end());
    for (const auto& [name, id] : items)
        m_material->addItem(shortName(name, 40), id);
    const int keep = m_material->findData(current);
    m_material->setCurrentIndex(keep >= 0 ? keep : kFollowSelection);
}

cm::MapRequest MapPage::request() const {
    cm::MapRequest r;
    const auto net = state().network();
    if (!net)
        return r;
    r.filter = state().summaryFilter();
    if (m_sizes.size() == net->sites.size()) {
        r.siteSize = m_sizes;
        r.sizeName = m_sizeName.toStdString();
    }
    r.measure = cm::CountryMeasure(m_measure->currentData().toInt());
    const Selection& sel = state().selection();
    an::Index material = an::kNone, product = an::kNone;
    if (m_material->currentIndex() > kFollowSelection) {
        material = net->materials.find(m_material->currentData().toString().toStdString());
    } else if (sel.kind == SelectionKind::Material) {
        material = net->materials.find(sel.id.toStdString());
    } else if (sel.kind == SelectionKind::Product) {
        product = net->products.find(sel.id.toStdString());
    }
    if (material == an::kNone && product == an::kNone)
        product = r.filter.product; // the filter bar's product, if any
    r.measureMaterial = material;
    if (m_flows->isChecked()) {
        r.flowMaterial = material;
        r.flowProduct = material == an::kNone ? product : an::kNone;
        r.flowAll = material == an::kNone && product == an::kNone;
    }
    return r;
}

void MapPage::recompute() {
    if (!m_view)
        return;
    const auto exposure = state().exposure();
    if (!isVisible() || !exposure) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const cm::MapRequest req = request();
    const an::Lens lens = state().filters().lens;
    auto result = exposure->results[size_t(lens)];
    auto net = exposure->network;
    auto atlas = m_atlas;
    struct Built {
        std::shared_ptr<const cm::MapScene> scene;
        cm::MapCaption caption;
    };
    m_runner->run(
        [net, result, atlas, req, lens](const JobToken&) {
            auto scene =
                std::make_shared<cm::MapScene>(cm::buildMapScene(*net, *result, *atlas, req));
            cm::MapCaption caption = cm::describeMap(*net, *scene, req, lens);
            return Built{std::move(scene), std::move(caption)};
        },
        [this, req](Built built) {
            m_scene = built.scene;
            m_sceneRequest = req;
            m_view->setScene(m_scene);
            m_view->setLegend(legendFromCaption(built.caption, m_scene->measure));
            if (m_firstScene) // a new workspace: where its sites are
                m_view->fitSites();
            m_firstScene = false;
            showSelection();
            updateLegend();
        });
}

void MapPage::updateLegend() {
    const auto net = state().network();
    if (!net || !m_scene)
        return;
    size_t centroids = 0, exposed = 0;
    for (const cm::MapSite& s : m_scene->sites) {
        centroids += s.atCentroid;
        exposed += s.exposure == cm::SiteExposure::Exposed;
    }
    QString text = tr("<b>%1</b> sites of our supply chain on the map, %2 exposed under the "
                      "<b>%3</b> lens")
                       .arg(countText(double(m_scene->sites.size())), countText(double(exposed)),
                            lensText(state().filters().lens).toLower());
    if (centroids > 0)
        text += tr("; %1 without coordinates, drawn hollow at their country's centre")
                    .arg(countText(double(centroids)));
    const QString flow = QString::fromStdString(cm::flowName(*net, m_sceneRequest));
    if (!flow.isEmpty())
        text += tr(". Arcs: the flow of <b>%1</b> (%2 links)")
                    .arg(flow.toHtmlEscaped(),
                         countText(double(m_scene->arcs.size() + m_scene->arcsLeftOut)));
    else if (m_flows->isChecked())
        text += tr(". Select a material or product (or choose one here) to see its flow");
    if (m_sizeBy->currentIndex() == SizeByLostRevenue) {
        if (m_sizedFrom)
            text += tr(". Marker area: the revenue we would lose if the site stopped for its "
                       "time to recover (criticality over %1, default recovery %2)")
                        .arg(daysText(m_sizedFrom->horizonDays),
                             daysText(m_sizedFrom->defaultRecoveryDays));
        else
            text += tr(". Markers sized by spend until the criticality of every site is "
                       "computed");
    }
    m_context->setText(text + QStringLiteral("."));
}

void MapPage::onSelectionChanged() {
    const Selection& sel = state().selection();
    // A material or product selection changes the flow (when the box follows the selection).
    if (m_material->currentIndex() == kFollowSelection) {
        const cm::MapRequest next = request();
        if (next.flowMaterial != m_sceneRequest.flowMaterial ||
            next.flowProduct != m_sceneRequest.flowProduct ||
            next.flowAll != m_sceneRequest.flowAll ||
            next.measureMaterial != m_sceneRequest.measureMaterial) {
            recompute();
            return;
        }
    }
    (void)sel;
    showSelection();
}

void MapPage::showSelection() {
    if (!m_view)
        return;
    const Selection& sel = state().selection();
    const auto net = state().network();
    int32_t site = -1;
    QString country;
    if (net && sel.kind == SelectionKind::Site)
        site = net->sites.find(sel.id.toStdString());
    else if (sel.kind == SelectionKind::Country)
        country = sel.id;
    m_view->setSelection(site, country);
}

QString MapPage::tipFor(const MapHit& hit) const {
    const auto net = state().network();
    if (!net || !m_scene)
        return {};
    switch (hit.kind) {
    case MapHit::Kind::Site:
        if (const cm::MapSite* s = m_scene->findSite(hit.site))
            return maptips::siteTip(*net, *m_scene, *s, m_sceneRequest, state().filters().lens);
        return {};
    case MapHit::Kind::Cluster:
        return maptips::clusterTip(*net, *m_scene, m_view->markers(), hit.marker);
    case MapHit::Kind::Us:
        return maptips::usTip(*net, *m_scene);
    case MapHit::Kind::Country:
        return maptips::countryTip(*net, *m_atlas, *m_scene, m_sceneRequest, hit.country);
    case MapHit::Kind::None:
        break;
    }
    return {};
}

} // namespace chokepoint::ui
