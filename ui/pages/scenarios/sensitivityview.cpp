// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/sensitivityview.h"

#include <QChart>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/analysis/network.h"
#include "ui/displayformat.h"
#include "ui/pages/scenarios/tornadochart.h"

namespace chokepoint::ui {

namespace {

// "Shock 1 (long label): licence delay (days)" -> "licence delay (days) · Shock 1 (long label)":
// the chart's axis cuts long names, so what moves comes first and the shock after it.
QString tornadoLabel(const core::scenario::SensitivityBar& bar) {
    const QString label = QString::fromStdString(bar.label);
    const int colon = label.lastIndexOf(QStringLiteral(": "));
    if (!label.startsWith(QStringLiteral("Shock ")) || colon < 0)
        return label;
    QString what = label.mid(colon + 2);
    if (!what.isEmpty())
        what[0] = what[0].toUpper();
    return what + QStringLiteral(" \u00b7 ") + label.left(colon);
}

} // namespace

namespace sc = core::scenario;

namespace {

bool isFraction(sc::ParameterKind k) {
    return k == sc::ParameterKind::ApprovalProbability || k == sc::ParameterKind::Capacity;
}

// The value for people: percent for fractions, off/on, else days.
QString valueText(sc::ParameterKind kind, double v) {
    if (kind == sc::ParameterKind::Alternatives)
        return v >= 0.5 ? SensitivityView::tr("on") : SensitivityView::tr("off");
    if (isFraction(kind))
        return percentText(v);
    return daysText(v);
}

QDoubleSpinBox* valueBox(QWidget* parent, sc::ParameterKind kind, double value) {
    auto* box = new QDoubleSpinBox(parent);
    if (isFraction(kind)) {
        box->setRange(0.0, 100.0);
        box->setDecimals(1);
        box->setSuffix(QStringLiteral(" %"));
        box->setValue(value * 100.0);
    } else if (kind == sc::ParameterKind::Alternatives) {
        box->setRange(0.0, 1.0);
        box->setDecimals(0);
        box->setValue(value);
        box->setEnabled(false);
        box->setPrefix(value >= 0.5 ? SensitivityView::tr("on ") : SensitivityView::tr("off "));
    } else {
        box->setRange(0.0, sc::kMaxHorizonDays);
        box->setDecimals(kind == sc::ParameterKind::ExtraInventory ? 1 : 0);
        box->setSuffix(SensitivityView::tr(" days"));
        box->setValue(value);
    }
    return box;
}

double boxValue(const QTableWidget* table, int row, int column, sc::ParameterKind kind) {
    const auto* box = qobject_cast<const QDoubleSpinBox*>(table->cellWidget(row, column));
    if (!box)
        return 0.0;
    return isFraction(kind) ? box->value() / 100.0 : box->value();
}

} // namespace

SensitivityView::SensitivityView(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto* intro = new QLabel(
        tr("How much does lost revenue move when one input moves between a low and a high value, "
           "all else as written? Each parameter runs the scenario twice."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(splitter);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 5, top);
    m_table->setObjectName(QStringLiteral("sensitivityParameters"));
    m_table->setHorizontalHeaderLabels(
        {tr("Use"), tr("Parameter"), tr("As written"), tr("Low"), tr("High")});
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(Parameter, QHeaderView::Stretch);
    for (int c : {Include, Base, Low, High})
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    topLayout->addWidget(m_table, 1);
    auto* row = new QHBoxLayout;
    // Short text: the page must fit beside the page list and the details dock on a
    // 1280-pixel screen; the tooltip says the rest.
    m_monteCarlo = new QCheckBox(tr("Monte Carlo at every point (slower)"), top);
    m_monteCarlo->setToolTip(tr("Run every point with the scenario's Monte Carlo runs; "
                                "otherwise one deterministic run each"));
    m_run = new QPushButton(tr("Run sensitivity"), top);
    m_run->setObjectName(QStringLiteral("runSensitivity"));
    row->addWidget(m_monteCarlo, 1);
    row->addWidget(m_run);
    topLayout->addLayout(row);
    m_status = new QLabel(top);
    m_status->setWordWrap(true);
    topLayout->addWidget(m_status);
    m_chart = new TornadoChart(splitter);
    m_chart->setExportName(QStringLiteral("scenario-sensitivity"));
    m_chart->setEmptyText(tr("Run the sensitivity to see which inputs matter most"));
    m_chart->setMinimumHeight(320);
    splitter->addWidget(top);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
    connect(m_run, &QPushButton::clicked, this, &SensitivityView::runRequested);
    setResult(nullptr);
}

void SensitivityView::setScenario(const sc::Scenario& scenario,
                                  std::shared_ptr<const core::analysis::Network> network) {
    m_scenario = scenario;
    m_network = std::move(network);
    m_parameters = m_network ? sc::defaultParameters(scenario, *m_network)
                             : std::vector<sc::SensitivityParameter>{};
    m_table->setRowCount(0);
    for (const sc::SensitivityParameter& p : m_parameters) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        auto* use = new QTableWidgetItem;
        use->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        // Shock parameters and the scenario's own mitigations start checked; the extra stock
        // of materials the scenario does not mention starts unchecked (many rows, slow).
        const bool own =
            p.kind != sc::ParameterKind::ExtraInventory ||
            (scenario.mitigations && scenario.mitigations->extraInventoryDays.count(p.material));
        use->setCheckState(own ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(r, Include, use);
        auto* label = new QTableWidgetItem(
            QString::fromStdString(sc::parameterLabel(scenario, p, m_network.get())));
        label->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(r, Parameter, label);
        auto* base = new QTableWidgetItem(valueText(p.kind, sc::parameterBaseValue(scenario, p)));
        base->setFlags(Qt::ItemIsEnabled);
        base->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(r, Base, base);
        m_table->setCellWidget(r, Low, valueBox(m_table, p.kind, p.low));
        m_table->setCellWidget(r, High, valueBox(m_table, p.kind, p.high));
    }
    m_monteCarlo->setEnabled(scenario.runs > 1);
    if (scenario.runs <= 1)
        m_monteCarlo->setChecked(false);
    setResult(nullptr);
}

std::vector<sc::SensitivityParameter> SensitivityView::parameters() const {
    std::vector<sc::SensitivityParameter> out;
    for (int r = 0; r < m_table->rowCount() && size_t(r) < m_parameters.size(); ++r) {
        if (m_table->item(r, Include)->checkState() != Qt::Checked)
            continue;
        sc::SensitivityParameter p = m_parameters[size_t(r)];
        p.low = boxValue(m_table, r, Low, p.kind);
        p.high = boxValue(m_table, r, High, p.kind);
        out.push_back(p);
    }
    return out;
}

bool SensitivityView::monteCarlo() const {
    return m_monteCarlo->isEnabled() && m_monteCarlo->isChecked();
}

void SensitivityView::setRunEnabled(bool enabled) {
    m_run->setEnabled(enabled);
}

QString SensitivityView::statusText() const {
    return m_status->text();
}

void SensitivityView::setResult(std::shared_ptr<const sc::SensitivityResult> result,
                                const QString& message) {
    if (!result) {
        m_status->setText(message);
        m_chart->setBase(0.0);
        m_chart->setData({});
        m_chart->chart()->setTitle(tr("Sensitivity of lost revenue"));
        return;
    }
    QVector<TornadoRow> rows;
    for (const sc::SensitivityBar& bar : result->bars)
        rows.push_back({QString::fromStdString(bar.label), tornadoLabel(bar),
                        valueText(bar.parameter.kind, bar.parameter.low),
                        valueText(bar.parameter.kind, bar.parameter.high), bar.lowLostRevenue,
                        bar.highLostRevenue});
    m_chart->setBase(result->baseLostRevenue);
    m_chart->chart()->setTitle(
        tr("Sensitivity of lost revenue \u2014 %1")
            .arg(result->runsPerPoint > 1
                     ? tr("mean of %1 runs per point").arg(countText(result->runsPerPoint))
                     : tr("deterministic runs")));
    m_chart->setData(rows);
    m_status->setText(tr("Lost revenue as written: <b>%1</b>; %2 parameters, the largest swing "
                         "first.")
                          .arg(moneyText(result->baseLostRevenue))
                          .arg(result->bars.size()));
}

} // namespace chokepoint::ui
