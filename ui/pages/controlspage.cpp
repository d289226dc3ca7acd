// SPDX-License-Identifier: MIT
#include "ui/pages/controlspage.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/io/controledit.h"
#include "ui/charts/linechart.h"
#include "ui/displayformat.h"
#include "ui/jobrunner.h"
#include "ui/pages/controls/controleditdialog.h"
#include "ui/pages/controls/controleditor.h"
#include "ui/pages/controls/controltimeline.h"
#include "ui/pages/controls/coveragematrixmodel.h"
#include "ui/pages/controls/matrixview.h"
#include "ui/pages/controls/measurepanel.h"
#include "ui/pages/controls/measuretablemodel.h"
#include "ui/pages/controls/whatchangedpanel.h"
#include "ui/pages/pageregistry.h"
#include "ui/selectionkey.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/scheduledcount.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

double msecs(core::Date d) {
    return double(QDateTime(QDate(d.year(), d.month(), d.day()), QTime(0, 0), QTimeZone::utc())
                      .toMSecsSinceEpoch());
}

// First day of the quarter of d.
core::Date quarterStart(core::Date d) {
    return core::Date::fromYmd(d.year(), (d.month() - 1) / 3 * 3 + 1, 1);
}

} // namespace

ControlsPage::ControlsPage(AppState& state, QWidget* parent)
    : Page(state, parent)
    , m_editor(new ControlEditor(state, this))
    , m_timelineRunner(new JobRunner(this))
    , m_matrixRunner(new JobRunner(this)) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    content->setMinimumWidth(700);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(10);
    layout->addWidget(buildTop(content));
    layout->addWidget(buildTabs(content), 1);

    connect(m_timeline, &ControlTimeline::markerMoved, this,
            [this](core::Date d) { this->state().setAsOf(d); });
    connect(m_timeline, &ControlTimeline::laneClicked, this, [this](const QString& id) {
        select(selectionKey({SelectionKind::Control, id}), false);
        m_tabs->setCurrentIndex(MeasureTab);
    });
    connect(m_timeline, &ControlTimeline::laneActivated, this,
            [this](const QString& id) { openEditDialog(id); });
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &ControlsPage::rebuildLanes);
    connect(m_withoutItems, &QCheckBox::toggled, this, &ControlsPage::rebuildLanes);
    connect(m_chart, &ChartView::itemClicked, this, [](const QString&) {});
    connect(m_measureTable, &TableView::keySelected, this,
            [this](const QString& k) { select(k, false); });
    connect(m_measureTable, &TableView::keyActivated, this, [this](const QString& k) {
        select(k, false);
        m_tabs->setCurrentIndex(MeasureTab);
    });
    for (MatrixView* m : {m_techMatrix, m_itemMatrix}) {
        connect(m, &MatrixView::cellClicked, this,
                [this](const QString&, const QString& column) { select(column, false); });
        connect(m, &MatrixView::headerClicked, this,
                [this](const QString& key) { select(key, false); });
    }
    connect(m_panel, &MeasurePanel::keySelected, this,
            [this](const QString& k) { select(k, false); });
    connect(m_panel, &MeasurePanel::keyActivated, this,
            [this](const QString& k) { select(k, true); });
    connect(m_changes, &WhatChangedPanel::keySelected, this,
            [this](const QString& k) { select(k, false); });
    connect(m_changes, &WhatChangedPanel::keyActivated, this,
            [this](const QString& k) { select(k, true); });
    connect(m_editor, &ControlEditor::failed, this, [this](const QString& message) {
        QMessageBox::warning(this, tr("Cannot save the measure"), message);
    });
    connect(m_editor, &ControlEditor::applied, this, [this](const QString& id) {
        if (!id.isEmpty())
            this->state().setSelection({SelectionKind::Control, id});
    });

    connect(&state, &AppState::workspaceLoaded, this, &ControlsPage::onWorkspaceLoaded);
    connect(&state, &AppState::filtersChanged, this, &ControlsPage::onFiltersChanged);
    connect(&state, &AppState::selectionChanged, this, &ControlsPage::onSelectionChanged);
    connect(&state, &AppState::busyChanged, this, &ControlsPage::updateContext);
    connect(m_timelineRunner, &JobRunner::busyChanged, this, &ControlsPage::updateContext);
    connect(m_matrixRunner, &JobRunner::busyChanged, this, &ControlsPage::updateContext);
    if (state.hasWorkspace())
        onWorkspaceLoaded();
    updateContext();
}

ControlsPage::~ControlsPage() = default;

bool ControlsPage::visibleOrMarkStale() {
    if (isVisible())
        return true;
    m_stale = true;
    return false;
}

void ControlsPage::showEvent(QShowEvent* event) {
    Page::showEvent(event);
    if (m_stale && state().hasWorkspace())
        onWorkspaceLoaded();
}

void ControlsPage::waitForIdle() {
    auto busy = [this] {
        return state().isBusy() || m_timelineRunner->isBusy() || m_matrixRunner->isBusy() ||
               m_panel->impactRunner()->isBusy() || m_panel->scenarioRunner()->isBusy() ||
               m_changes->runner()->isBusy();
    };
    while (busy()) {
        state().waitForIdle();
        m_timelineRunner->waitForIdle();
        m_matrixRunner->waitForIdle();
        m_panel->impactRunner()->waitForIdle();
        m_panel->scenarioRunner()->waitForIdle();
        m_changes->runner()->waitForIdle();
    }
}

QString ControlsPage::contextText() const {
    return m_context->text();
}

void ControlsPage::updateContext() {
    const Filters& f = state().filters();
    QString text = tr("<b>Export-controls lens</b> as of <b>%1</b>: the figures count the flows "
                      "covered by a control in force on that day.")
                       .arg(dateText(f.asOf));
    if (f.lens != an::Lens::Controlled)
        text += tr(" Other pages show the %1 lens.").arg(lensText(f.lens).toLower());
    if (state().isBusy() || m_timelineRunner->isBusy() || m_matrixRunner->isBusy())
        text += tr(" <i>updating…</i>");
    m_context->setText(text);
}

void ControlsPage::onWorkspaceLoaded() {
    m_result.reset();
    m_resultNetwork.reset();
    if (!visibleOrMarkStale())
        return;
    m_stale = false;
    m_lastFilters = state().filters();
    rebuildLanes();
    updateDated();
    recomputeTimeline(false);
    m_changes->refresh();
    onSelectionChanged();
    m_panel->refresh(true);
}

void ControlsPage::onFiltersChanged() {
    updateContext();
    if (!state().hasWorkspace() || !visibleOrMarkStale())
        return;
    const Filters f = state().filters();
    // Assuming scheduled measures changes every figure, as a change of scope does.
    const bool scope = !m_lastFilters || m_lastFilters->productId != f.productId ||
                       m_lastFilters->stage != f.stage || m_lastFilters->country != f.country ||
                       m_lastFilters->assumeScheduled != f.assumeScheduled;
    m_timeline->setAssumeScheduled(f.assumeScheduled);
    const bool date = !m_lastFilters || m_lastFilters->asOf != f.asOf;
    m_lastFilters = f;
    if (date) {
        m_timeline->setMarker(f.asOf);
        if (f.asOf < m_timeline->dateAtX(-1e9) || f.asOf > m_timeline->dateAtX(1e9))
            rebuildLanes(); // the range grows to show the marker
        updateDated();
    }
    if (scope || date)
        recomputeTimeline(!scope);
    if (scope) {
        m_changes->refresh();
        m_panel->refresh(true);
    } else if (date) {
        m_panel->refresh(false);
    }
}

void ControlsPage::rebuildLanes() {
    const auto net = state().network();
    if (!net)
        return;
    const auto grouping = TimelineGrouping(m_grouping->currentData().toInt());
    // The range: whole quarters around every date of the measures and the as-of date.
    core::Date lo = state().filters().asOf, hi = lo;
    QVector<core::Date> snap;
    for (const core::Control& c : net->data().controls) {
        for (const auto& d : {c.announced, std::optional<core::Date>(c.effective), c.end})
            if (d) {
                lo = std::min(lo, *d);
                hi = std::max(hi, *d);
            }
        snap << c.effective;
        if (c.end)
            snap << *c.end;
    }
    const core::Date from = quarterStart(lo.addDays(-30));
    const core::Date last = quarterStart(hi.addDays(30));
    const core::Date to = core::Date::fromYmd(last.month() == 10 ? last.year() + 1 : last.year(),
                                              last.month() == 10 ? 1 : last.month() + 3, 1);
    m_timeline->setSections(buildTimelineSections(*net, grouping, m_withoutItems->isChecked()),
                            from, to);
    m_timeline->setSnapDates(snap);
    m_timeline->setMarker(state().filters().asOf);
    m_timeline->setTitle(tr("Export-control measures"));
    m_withoutItems->setText(tr("Show measures without items"));
}

// Figures that depend on the as-of date only through the status of the measures.
void ControlsPage::updateDated() {
    const auto net = state().network();
    if (!net) {
        m_matrixRunner->cancel();
        m_measures->clear();
        m_techModel->clear();
        m_itemModel->clear();
        return;
    }
    const core::Date asOf = state().filters().asOf;
    m_measures->setMeasures(*net, asOf);
    onSelectionChanged();
    // The matrices' cells (some 100,000 on a large network) are built in the background; the
    // columns keep their fixed width, so nothing is measured when they arrive.
    using M = CoverageMatrixModel;
    m_matrixRunner->run(
        [net, asOf](const JobToken&) {
            return std::make_shared<std::pair<M::Matrix, M::Matrix>>(
                M::build(M::Mode::TechnologiesBySites, *net, asOf),
                M::build(M::Mode::ItemsByMeasures, *net, asOf));
        },
        [this, net](std::shared_ptr<std::pair<M::Matrix, M::Matrix>> matrices) {
            if (net != state().network())
                return;
            m_techModel->setMatrix(std::move(matrices->first));
            m_itemModel->setMatrix(std::move(matrices->second));
            onSelectionChanged();
        });
}

void ControlsPage::recomputeTimeline(bool reuse) {
    const auto net = state().network();
    const auto engine = state().engine();
    if (!net || !engine)
        return;
    std::shared_ptr<const an::ControlTimeline> previous;
    if (reuse && m_resultNetwork == net)
        previous = m_result;
    m_timelineRunner->run(
        [engine, asOf = state().filters().asOf, filter = state().summaryFilter(), previous,
         assume = state().filters().assumeScheduled](const JobToken& token) {
            return std::make_shared<const an::ControlTimeline>(an::controlledTimeline(
                *engine, asOf, filter,
                [&token](size_t done, size_t total) {
                    return token.progress(double(done) / double(std::max<size_t>(1, total)));
                },
                previous.get(), assume));
        },
        [this, net](std::shared_ptr<const an::ControlTimeline> result) {
            if (result->cancelled || net != state().network())
                return;
            m_result = std::move(result);
            m_resultNetwork = net;
            showTimeline();
        });
}

void ControlsPage::showTimeline() {
    const auto net = state().network();
    if (!m_result || !net)
        return;
    const an::ControlTimeline& t = *m_result;
    const an::TimelinePoint* now = nullptr;
    for (const an::TimelinePoint& p : t.points)
        if (p.asOf)
            now = &p;
    if (now) {
        m_tiles[RevenueDependence]->setValue(
            percentText(now->revenueDependence),
            tr("%1 of %2 revenue at risk")
                .arg(moneyText(now->revenueAtRisk), moneyText(now->revenue)));
        m_tiles[SpendAtRisk]->setValue(moneyText(now->spendAtRisk),
                                       tr("of %1 tier-1 spend").arg(moneyText(now->spend)));
        QStringList ids, titles;
        for (const an::Index c : now->controlsTouching) {
            ids << QString::fromStdString(net->controlIds.id(c));
            titles << QString::fromStdString(net->controlIds.id(c) + ": " +
                                             net->data().controls[size_t(c)].title);
        }
        setControlsTile(m_tiles[MeasuresInForce], *net, now->date,
                        state().filters().assumeScheduled, now->controlsTouching,
                        ids.isEmpty() ? tr("none at this date")
                                      : QLocale().createSeparatedList(ids.mid(0, 5)) +
                                            (ids.size() > 5 ? tr(", …") : QString()));
        m_tiles[MeasuresInForce]->setToolTip(titles.join(QLatin1Char('\n')));
        m_tiles[MaterialsOverHalf]->setValue(countText(double(now->materialsOverHalf)),
                                             tr("more than half of it under controls"));
    }

    // A step line: each figure holds until the next change date, drawn to the range's end.
    QVector<QPointF> points;
    for (size_t i = 0; i < t.points.size(); ++i) {
        const double y = t.points[i].revenueDependence.value_or(0.0);
        const double x = msecs(t.points[i].date);
        if (i > 0)
            points << QPointF(x, t.points[i - 1].revenueDependence.value_or(0.0));
        points << QPointF(x, y);
    }
    if (!t.points.empty())
        points << QPointF(msecs(m_timeline->dateAtX(1e9)),
                          t.points.back().revenueDependence.value_or(0.0));
    QVector<LineSeriesData> series{
        {QStringLiteral("revenue"), tr("Controlled"), points, SeriesColor::Risk}};
    const double x = msecs(state().filters().asOf);
    series.push_back({QStringLiteral("asof"),
                      tr("As of"),
                      {QPointF(x, 0.0), QPointF(x, 1.0)},
                      SeriesColor::Auto});
    m_chart->setData(series);
    // Four dates fit under the narrow chart without being cut ("2024-01 …").
    for (QAbstractAxis* axis : m_chart->chart()->axes(Qt::Horizontal))
        if (auto* time = qobject_cast<QDateTimeAxis*>(axis))
            time->setTickCount(4);
}

void ControlsPage::onSelectionChanged() {
    const Selection& sel = state().selection();
    const QString key = selectionKey(sel);
    if (sel.kind == SelectionKind::Control) {
        m_measure = sel.id;
        m_timeline->setSelectedKey(sel.id);
        m_measureTable->selectKey(key);
        m_itemMatrix->selectKey(key);
        m_techMatrix->selectKey({});
        if (m_panel->measureId() != sel.id)
            m_panel->showMeasure(sel.id);
    } else {
        m_techMatrix->selectKey(key);
        m_itemMatrix->selectKey(key);
    }
    const bool exists = state().network() &&
                        state().network()->controlIds.find(m_measure.toStdString()) != an::kNone;
    m_editButton->setEnabled(exists);
    m_deleteButton->setEnabled(exists);
}

void ControlsPage::select(const QString& key, bool activate) {
    const Selection sel = selectionFromKey(key);
    if (sel.isEmpty())
        return;
    state().setSelection(sel);
    if (!activate)
        return;
    if (sel.kind == SelectionKind::Material)
        state().requestPage(pageid::materials);
    else if (sel.kind == SelectionKind::Site || sel.kind == SelectionKind::Supplier)
        state().requestPage(pageid::suppliers);
}

bool ControlsPage::openEditDialog(const QString& id) {
    if (!state().hasWorkspace())
        return false;
    const core::Dataset& data = m_editor->currentData();
    std::optional<std::string> original;
    if (!id.isEmpty())
        original = id.toStdString();
    ControlEditDialog dialog(data, original, core::Date::today(), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.check().ok())
        return false;
    const ControlEntry entry{*dialog.check().control, dialog.check().items};
    return original ? m_editor->editControl(*original, entry) : m_editor->addControl(entry);
}

bool ControlsPage::deleteMeasure(const QString& id, bool confirm) {
    if (id.isEmpty())
        return false;
    if (confirm && QMessageBox::question(this, tr("Delete measure"),
                                         tr("Delete measure %1 and its items from the workspace? "
                                            "Undo brings it back.")
                                             .arg(id)) != QMessageBox::Yes)
        return false;
    return m_editor->removeControl(id.toStdString());
}

} // namespace chokepoint::ui
