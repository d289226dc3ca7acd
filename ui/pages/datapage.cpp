// SPDX-License-Identifier: MIT
#include "ui/pages/datapage.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/appstate.h"
#include "ui/displayformat.h"
#include "ui/importwizard/importwizard.h"
#include "ui/importwizard/plural.h"
#include "ui/pages/data/dataqualitymodels.h"
#include "ui/pages/data/workspacecontentmodels.h"
#include "ui/selectionkey.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

size_t rowsOf(const an::DataQuality& q, const std::string& table) {
    for (const auto& t : q.tables)
        if (t.table == table)
            return t.rows;
    return 0;
}

QWidget* titled(const QString& title, QWidget* body, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(new QLabel(title, box));
    layout->addWidget(body, 1);
    return box;
}

} // namespace

DataPage::DataPage(AppState& state, QWidget* parent)
    : Page(state, parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    content->setMinimumSize(760, 720);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(10);

    auto* header = new QHBoxLayout;
    m_context = new QLabel(content);
    m_context->setObjectName(QStringLiteral("dataContext"));
    m_context->setWordWrap(true);
    m_import = new QPushButton(tr("Import data\u2026"), content);
    m_import->setObjectName(QStringLiteral("importData"));
    m_import->setToolTip(tr("Bring in your own suppliers, sites and purchase lines from an ERP "
                            "export (CSV or Excel), with your own column names"));
    header->addWidget(m_context, 1);
    header->addWidget(m_import, 0, Qt::AlignTop);
    layout->addLayout(header);

    // What the workspace holds: rows per table | the reference data's sources and years.
    m_tableRows = new TableRowsModel(this);
    m_tableView = new TableView(content);
    m_tableView->setObjectName(QStringLiteral("tableCounts"));
    m_tableView->setModel(m_tableRows);
    m_tableView->setSortingEnabled(false);
    m_tableView->setColumnWidth(TableRowsModel::Table, 120);
    m_tableView->setColumnWidth(TableRowsModel::Kind, 76);
    m_sources = new SourceUseModel(this);
    m_sourceView = new TableView(content);
    m_sourceView->setObjectName(QStringLiteral("sources"));
    m_sourceView->setModel(m_sources);
    m_sourceView->setColumnWidth(SourceUseModel::Id, 58);
    m_sourceView->setColumnWidth(SourceUseModel::Publisher, 150);
    m_sourceView->setColumnWidth(SourceUseModel::Title, 196);
    m_sourceView->setColumnWidth(SourceUseModel::Year, 50);
    m_years = new QLabel(content);
    m_years->setObjectName(QStringLiteral("worldShareYears"));
    m_years->setWordWrap(true);
    auto* reference = new QWidget(content);
    auto* referenceLayout = new QVBoxLayout(reference);
    referenceLayout->setContentsMargins(0, 0, 0, 0);
    referenceLayout->setSpacing(4);
    referenceLayout->addWidget(new QLabel(tr("<b>Reference data sources</b>"), reference));
    referenceLayout->addWidget(m_sourceView, 1);
    referenceLayout->addWidget(m_years);
    auto* holds = new QHBoxLayout;
    holds->setSpacing(10);
    holds->addWidget(titled(tr("<b>Tables</b> \u2014 rows in the workspace"), m_tableView, content),
                     35);
    holds->addWidget(reference, 65);
    layout->addLayout(holds, 5);

    // Data quality: a tile per finding, its list below.
    m_qualityTitle = new QLabel(content);
    layout->addWidget(m_qualityTitle);
    auto* tiles = new QHBoxLayout;
    tiles->setSpacing(10);
    const std::array<QString, kFindingCount> titles = {
        tr("Known tier-2 origin"), tr("Mostly unknown origin"), tr("Suppliers without owner"),
        tr("Sites without technologies"), tr("World shares over 3 years old")};
    m_tier2 = new Tier2OriginModel(this);
    m_unknown = new UnknownOriginModel(this);
    m_noOwner = new OwnerlessSupplierModel(this);
    m_noTechnology = new SiteWithoutTechnologyModel(this);
    m_oldShares = new OldWorldShareModel(this);
    const std::array<TableModel*, kFindingCount> models = {m_tier2, m_unknown, m_noOwner,
                                                           m_noTechnology, m_oldShares};
    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("findingTabs"));
    m_tabs->setDocumentMode(true);
    for (int i = 0; i < kFindingCount; ++i) {
        m_tiles[size_t(i)] = new KpiTile(titles[size_t(i)], content);
        m_tiles[size_t(i)]->setCursor(Qt::PointingHandCursor);
        m_tiles[size_t(i)]->setToolTip(tr("Show the list"));
        // Equal widths, and room for a caption wrapped on three lines.
        m_tiles[size_t(i)]->setMinimumHeight(118);
        tiles->addWidget(m_tiles[size_t(i)], 1);
        connect(m_tiles[size_t(i)], &KpiTile::clicked, this,
                [this, i] { m_tabs->setCurrentIndex(i); });
        auto* view = new TableView(m_tabs);
        view->setObjectName(QStringLiteral("finding%1").arg(i));
        view->setModel(models[size_t(i)]);
        view->horizontalHeader()->setDefaultSectionSize(160);
        view->setColumnWidth(0, 300);
        m_lists[size_t(i)] = view;
        m_tabs->addTab(view, titles[size_t(i)]);
        connect(view, &TableView::keySelected, this, [this](const QString& key) {
            const Selection sel = selectionFromKey(key);
            if (!sel.isEmpty())
                this->state().setSelection(sel);
        });
    }
    layout->addLayout(tiles);
    layout->addWidget(m_tabs, 4);

    connect(m_import, &QPushButton::clicked, this,
            [this] { ImportWizard::open(this->state(), QString(), window()); });
    connect(&state, &AppState::workspaceLoaded, this, &DataPage::recompute);
    connect(&state, &AppState::filtersChanged, this, [this] {
        if (!m_quality || m_quality->asOf != this->state().filters().asOf)
            recompute();
    });
    connect(&state, &AppState::selectionChanged, this, &DataPage::showSelection);
    recompute();
}

DataPage::~DataPage() = default;

TableModel* DataPage::listModel(Finding f) const {
    return static_cast<TableModel*>(m_lists[size_t(f)]->model());
}

void DataPage::waitForIdle() {
    m_runner.waitForIdle();
}

void DataPage::recompute() {
    const auto net = state().network();
    if (!net) {
        m_quality.reset();
        m_network.reset();
        redraw();
        return;
    }
    const core::Date asOf = state().filters().asOf;
    m_runner.run(
        [net, asOf](const JobToken&) {
            return std::make_shared<const an::DataQuality>(an::assessDataQuality(*net, asOf));
        },
        [this, net](std::shared_ptr<const an::DataQuality> quality) {
            m_quality = std::move(quality);
            m_network = net;
            redraw();
        });
}

void DataPage::updateContext() {
    const QString file = QFileInfo(state().workspacePath()).fileName();
    QString vintage = tr("unknown");
    if (m_quality && m_quality->vintage)
        vintage = QString::number(*m_quality->vintage);
    m_context->setText(
        file.isEmpty()
            ? tr("<b>No workspace is open.</b>")
            : tr("<b>What the workspace holds</b> &nbsp;·&nbsp; %1 &nbsp;·&nbsp; reference data "
                 "vintage <b>%2</b>")
                  .arg(file.toHtmlEscaped(), vintage));
    m_qualityTitle->setText(
        tr("<b>Data quality</b> as of %1 \u2014 click a tile for its list, a row to select the "
           "item everywhere")
            .arg(dateText(m_quality ? m_quality->asOf : state().filters().asOf)));
}

void DataPage::redraw() {
    m_import->setEnabled(state().hasWorkspace());
    updateContext();
    if (!m_quality || !m_network) {
        m_tableRows->clear();
        m_sources->clear();
        m_tier2->clear();
        m_unknown->clear();
        m_noOwner->clear();
        m_noTechnology->clear();
        m_oldShares->clear();
        m_years->clear();
        for (KpiTile* t : m_tiles)
            t->setValue(missingText());
        return;
    }
    const an::DataQuality& q = *m_quality;
    const an::Network& net = *m_network;
    m_tableRows->set(q);
    m_sources->set(net, q);
    QStringList years;
    for (auto it = q.worldShareYears.rbegin(); it != q.worldShareYears.rend(); ++it)
        years << tr("%1: %2").arg(it->first).arg(it->second);
    if (q.worldSharesWithoutYear)
        years << tr("no year: %1").arg(q.worldSharesWithoutYear);
    m_years->setText(
        years.isEmpty()
            ? tr("No world shares.")
            : tr("World shares by year \u2014 %1").arg(years.join(QStringLiteral(" \u00b7 "))));

    m_tier2->set(net, q);
    m_unknown->set(net, q);
    m_noOwner->set(net, q);
    m_noTechnology->set(net, q);
    m_oldShares->set(net, q);

    m_tiles[Tier2]->setValue(
        percentText(q.knownTier2Share),
        tr("of %1 tier-1 spend on materials made from inputs").arg(moneyText(q.tier2Spend)));
    m_tiles[UnknownOrigin]->setValue(
        countText(double(q.mostlyUnknown.size())),
        plural(qint64(q.unknownOrigin.size()),
               tr("of %1 material we use: over half of unknown origin"),
               tr("of %1 materials we use: over half of unknown origin")));
    m_tiles[NoOwner]->setValue(countText(double(q.suppliersWithoutOwner.size())),
                               plural(qint64(rowsOf(q, "suppliers")),
                                      tr("of %1 supplier: no owner country"),
                                      tr("of %1 suppliers: no owner country")));
    m_tiles[NoTechnology]->setValue(countText(double(q.sitesWithoutTechnologies.size())),
                                    plural(qint64(rowsOf(q, "sites")),
                                           tr("of %1 site: lists no technology"),
                                           tr("of %1 sites list no technology")));
    m_tiles[OldShares]->setValue(countText(double(q.oldWorldShares.size())),
                                 plural(qint64(rowsOf(q, "world_shares")),
                                        tr("of %1 world share: from before %2 or undated"),
                                        tr("of %1 world shares: from before %2 or undated"))
                                     .arg(q.asOf.year() - an::kMaxWorldShareAge));
    const std::array<size_t, kFindingCount> counts = {
        q.tier2.size(), q.mostlyUnknown.size(), q.suppliersWithoutOwner.size(),
        q.sitesWithoutTechnologies.size(), q.oldWorldShares.size()};
    const std::array<QString, kFindingCount> names = {
        tr("Tier-2 origin by material"), tr("Mostly unknown origin"), tr("No owner country"),
        tr("No technologies"), tr("Old world shares")};
    for (int i = 0; i < kFindingCount; ++i)
        m_tabs->setTabText(i, tr("%1 (%2)").arg(names[size_t(i)]).arg(counts[size_t(i)]));
    showSelection();
}

void DataPage::showSelection() {
    const QString key = selectionKey(state().selection());
    for (TableView* view : m_lists)
        view->selectKey(key);
}

} // namespace chokepoint::ui
