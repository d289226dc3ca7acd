// SPDX-License-Identifier: MIT
// ControlsPage: building the widgets (the wiring and updates are in controlspage.cpp).
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "ui/charts/linechart.h"
#include "ui/displayformat.h"
#include "ui/jobrunner.h"
#include "ui/models/tablefilterproxy.h"
#include "ui/pages/controls/controleditor.h"
#include "ui/pages/controls/controltimeline.h"
#include "ui/pages/controls/coveragematrixmodel.h"
#include "ui/pages/controls/matrixview.h"
#include "ui/pages/controls/measurepanel.h"
#include "ui/pages/controls/measuretablemodel.h"
#include "ui/pages/controls/whatchangedpanel.h"
#include "ui/pages/controlspage.h"
#include "ui/widgets/kpitile.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace {

QToolButton* toolButton(QAction* action, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setAutoRaise(false);
    return b;
}

// A matrix with its title, how its columns are grouped (when they are) and its legend.
QWidget* matrixBox(MatrixView* view, CoverageMatrixModel* model, const QString& title,
                   QVector<CoverageMatrixModel::State> legend, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* label = new QLabel(title, box);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto* note = new QLabel(box);
    note->setObjectName(QStringLiteral("matrixNote"));
    note->setWordWrap(true);
    note->setVisible(false);
    QObject::connect(model, &QAbstractItemModel::modelReset, note, [note, model] {
        note->setText(model->note());
        note->setVisible(!model->note().isEmpty());
    });
    layout->addWidget(note);
    layout->addWidget(view, 1);
    layout->addWidget(new MatrixLegend(std::move(legend), box));
    return box;
}

} // namespace

QWidget* ControlsPage::buildTop(QWidget* parent) {
    auto* top = new QWidget(parent);
    auto* layout = new QVBoxLayout(top);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    // Context line and the editing tools.
    auto* head = new QHBoxLayout;
    m_context = new QLabel(top);
    m_context->setObjectName(QStringLiteral("controlsContext"));
    m_context->setWordWrap(true);
    head->addWidget(m_context, 1);
    QUndoStack* stack = m_editor->undoStack();
    auto* add = new QAction(tr("New measure…"), this);
    add->setToolTip(tr("Add an export-control announcement (the day it is published)"));
    auto* edit = new QAction(tr("Edit…"), this);
    auto* remove = new QAction(tr("Delete"), this);
    QAction* undo = stack->createUndoAction(this, tr("Undo"));
    QAction* redo = stack->createRedoAction(this, tr("Redo"));
    undo->setShortcut(QKeySequence::Undo);
    redo->setShortcut(QKeySequence::Redo);
    for (QAction* a : {undo, redo}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    connect(add, &QAction::triggered, this, [this] { openEditDialog({}); });
    connect(edit, &QAction::triggered, this, [this] { openEditDialog(m_measure); });
    connect(remove, &QAction::triggered, this, [this] { deleteMeasure(m_measure, true); });
    head->addWidget(toolButton(add, top));
    m_editButton = toolButton(edit, top);
    m_deleteButton = toolButton(remove, top);
    head->addWidget(m_editButton);
    head->addWidget(m_deleteButton);
    head->addWidget(toolButton(undo, top));
    head->addWidget(toolButton(redo, top));
    layout->addLayout(head);

    // Controlled-lens KPIs at the marker.
    auto* tiles = new QHBoxLayout;
    tiles->setSpacing(10);
    const std::array<QString, kKpiCount> titles = {
        tr("Controlled dependence of revenue"), tr("Spend at risk under controls"),
        tr("Measures in force touching us"), tr("Materials over 50 % controlled")};
    for (int i = 0; i < kKpiCount; ++i) {
        m_tiles[i] = new KpiTile(titles[i], top);
        tiles->addWidget(m_tiles[i]);
    }
    layout->addLayout(tiles);

    // The timeline with its options, and the revenue line beside it.
    auto* row = new QHBoxLayout;
    row->setSpacing(10);
    auto* left = new QVBoxLayout;
    left->setSpacing(2);
    m_timeline = new ControlTimeline(top);
    m_timeline->setObjectName(QStringLiteral("controlsTimeline"));
    left->addWidget(m_timeline);
    auto* options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Group by"), top));
    m_grouping = new QComboBox(top);
    m_grouping->addItem(tr("what they cover"), int(TimelineGrouping::Coverage));
    m_grouping->addItem(tr("issuer"), int(TimelineGrouping::Issuer));
    m_grouping->addItem(tr("kind"), int(TimelineGrouping::Kind));
    options->addWidget(m_grouping);
    m_withoutItems = new QCheckBox(tr("Show measures without items"), top);
    m_withoutItems->setToolTip(tr("Frameworks, suspensions and easements: they change no figure"));
    options->addWidget(m_withoutItems);
    options->addStretch();
    left->addLayout(options);
    // On a line of its own: next to the options it was cut off beside the Details dock.
    auto* hint = new QLabel(tr("Drag the marker to change the date"), top);
    hint->setToolTip(tr("Drag the as-of marker, or click the years above the lanes, to move the "
                        "as-of date of every page"));
    hint->setEnabled(false);
    left->addWidget(hint);
    left->addStretch();
    row->addLayout(left, 3);

    m_chart = new LineChart(top);
    m_chart->setValueFormat([](double v) { return percentText(v); });
    m_chart->setFixedValueRange(0.0, 1.0, 0.25);
    m_chart->setDateFormat(QStringLiteral("yyyy-MM"));
    m_chart->setExportName(QStringLiteral("controlled-dependence-over-time"));
    m_chart->chart()->setTitle(tr("Revenue dependence over time"));
    m_chart->setMinimumSize(300, 260);
    row->addWidget(m_chart, 2);
    layout->addLayout(row);
    return top;
}

QWidget* ControlsPage::buildTabs(QWidget* parent) {
    m_tabs = new QTabWidget(parent);
    m_tabs->setMinimumHeight(340);
    m_tabs->setDocumentMode(true);

    m_panel = new MeasurePanel(state(), m_tabs);
    m_tabs->addTab(m_panel, tr("Measure"));

    auto* list = new QWidget(m_tabs);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(6, 6, 6, 6);
    auto* filter = new QLineEdit(list);
    filter->setPlaceholderText(tr("Filter measures…"));
    filter->setClearButtonEnabled(true);
    listLayout->addWidget(filter);
    m_measures = new MeasureTableModel(this);
    m_measureProxy = new TableFilterProxy(this);
    m_measureProxy->setSourceModel(m_measures);
    m_measureTable = new TableView(list);
    m_measureTable->setModel(m_measureProxy);
    m_measureTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_measureTable->setColumnWidth(MeasureTableModel::Id, 64);
    m_measureTable->setColumnWidth(MeasureTableModel::Title, 300);
    m_measureTable->setColumnWidth(MeasureTableModel::Kind, 90);
    m_measureTable->setColumnWidth(MeasureTableModel::Status, 190);
    m_measureTable->sortByColumn(MeasureTableModel::Effective, Qt::AscendingOrder);
    listLayout->addWidget(m_measureTable, 1);
    connect(filter, &QLineEdit::textChanged, m_measureProxy, &TableFilterProxy::setFilterText);
    m_tabs->addTab(list, tr("All measures"));

    using S = CoverageMatrixModel::State;
    m_techModel = new CoverageMatrixModel(CoverageMatrixModel::Mode::TechnologiesBySites, this);
    m_techMatrix = new MatrixView(m_tabs);
    m_techMatrix->setObjectName(QStringLiteral("technologyMatrix"));
    m_techMatrix->setMatrixModel(m_techModel);
    m_tabs->addTab(matrixBox(m_techMatrix, m_techModel,
                             tr("Technologies our suppliers' sites depend on, and whether a "
                                "control in force at the as-of date covers them. Click a cell "
                                "for the site, a name for the technology or site."),
                             {S::Controlled, S::Free}, m_tabs),
                   tr("Technologies × sites"));

    m_itemModel = new CoverageMatrixModel(CoverageMatrixModel::Mode::ItemsByMeasures, this);
    m_itemMatrix = new MatrixView(m_tabs);
    m_itemMatrix->setObjectName(QStringLiteral("itemMatrix"));
    m_itemMatrix->setMatrixModel(m_itemModel);
    m_tabs->addTab(matrixBox(m_itemMatrix, m_itemModel,
                             tr("Materials and technologies covered by each measure, coloured by "
                                "the measure's status at the as-of date. Click a cell for the "
                                "measure, a name for the item or measure."),
                             {S::InForce, S::Announced, S::NotAnnounced, S::Ended, S::NeverInForce},
                             m_tabs),
                   tr("Items × measures"));

    m_changes = new WhatChangedPanel(state(), m_tabs);
    m_tabs->addTab(m_changes, tr("What changed"));
    return m_tabs;
}

} // namespace chokepoint::ui
