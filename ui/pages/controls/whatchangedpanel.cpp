// SPDX-License-Identifier: MIT
#include "ui/pages/controls/whatchangedpanel.h"

#include <algorithm>
#include <map>

#include <QDateEdit>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/analysis/exposurediff.h"
#include "ui/appstate.h"
#include "ui/displayformat.h"
#include "ui/jobrunner.h"
#include "ui/models/tablefilterproxy.h"
#include "ui/pages/controls/impactmodels.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

QDate toQDate(core::Date d) {
    return QDate(d.year(), d.month(), d.day());
}
core::Date fromQDate(const QDate& d) {
    return core::Date::fromYmd(d.year(), d.month(), d.day());
}

QString signedMoney(double change) {
    return (change > 0 ? QStringLiteral("+") : QString()) + moneyText(change);
}

QString idList(const an::Network& net, const std::vector<an::Index>& controls) {
    QStringList ids;
    for (const an::Index c : controls)
        ids << QString::fromStdString(net.controlIds.id(c)).toHtmlEscaped();
    return ids.isEmpty() ? WhatChangedPanel::tr("none") : ids.join(QStringLiteral(", "));
}

} // namespace

WhatChangedPanel::WhatChangedPanel(AppState& state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_summary(new QLabel(this))
    , m_model(new DiffFlowModel(this))
    , m_proxy(new TableFilterProxy(this))
    , m_table(new TableView(this))
    , m_runner(new JobRunner(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* dates = new QHBoxLayout;
    dates->addWidget(new QLabel(tr("Compare the export-controls lens on"), this));
    for (QDateEdit* e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        limitToSupportedDates(e);
    }
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(tr("with"), this));
    dates->addWidget(m_to);
    auto* swap = new QPushButton(tr("Swap"), this);
    auto* useAsOf = new QPushButton(tr("Second date = as of"), this);
    useAsOf->setToolTip(tr("Compare with the global as-of date"));
    dates->addWidget(swap);
    dates->addWidget(useAsOf);
    dates->addStretch();
    layout->addLayout(dates);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TableModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setDefaultSectionSize(88);
    // Two measure ids in the "controls" columns; names and longer lists elide (tooltips).
    m_table->setColumnWidth(DiffFlowModel::Site, 140);
    m_table->setColumnWidth(DiffFlowModel::Country, 64);
    m_table->setColumnWidth(DiffFlowModel::Material, 130);
    m_table->setColumnWidth(DiffFlowModel::Change, 104);
    m_table->setColumnWidth(DiffFlowModel::Before, 104);
    m_table->setColumnWidth(DiffFlowModel::After, 104);
    m_table->setColumnWidth(DiffFlowModel::Tier, 36);
    // The figure columns are as wide as their headers ("Exposed before") with the sort arrow.
    const QFontMetrics metrics(m_table->horizontalHeader()->font());
    for (int c = DiffFlowModel::Tier + 1; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(
            c, std::max(88, metrics.horizontalAdvance(
                                m_model->headerData(c, Qt::Horizontal).toString()) +
                                28));
    layout->addWidget(m_table, 1);

    setDates(*core::Date::parse("2025-11-06"), *core::Date::parse("2025-11-11"));
    connect(m_from, &QDateEdit::dateChanged, this, &WhatChangedPanel::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &WhatChangedPanel::refresh);
    connect(swap, &QPushButton::clicked, this, [this] {
        const QDate a = m_from->date();
        setDates(fromQDate(m_to->date()), fromQDate(a));
    });
    connect(useAsOf, &QPushButton::clicked, this,
            [this] { m_to->setDate(toQDate(m_state.filters().asOf)); });
    connect(m_table, &TableView::keySelected, this, &WhatChangedPanel::keySelected);
    connect(m_table, &TableView::keyActivated, this, &WhatChangedPanel::keyActivated);
}

void WhatChangedPanel::setDates(core::Date from, core::Date to) {
    {
        const QSignalBlocker a(m_from), b(m_to);
        m_from->setDate(toQDate(from));
        m_to->setDate(toQDate(to));
    }
    refresh();
}

QString WhatChangedPanel::summaryText() const {
    return m_summary->text();
}

void WhatChangedPanel::refresh() {
    const auto net = m_state.network();
    const auto engine = m_state.engine();
    if (!net || !engine) {
        m_model->clear();
        m_summary->clear();
        return;
    }
    const core::Date from = fromQDate(m_from->date());
    const core::Date to = fromQDate(m_to->date());
    m_summary->setText(tr("<i>Comparing…</i>"));
    m_runner->run(
        [engine, from, to, filter = m_state.summaryFilter()](const JobToken&) {
            return std::make_shared<const an::ExposureDiff>(
                an::diffControlledExposure(*engine, from, to, filter));
        },
        [this, net](std::shared_ptr<const an::ExposureDiff> diff) {
            if (net != m_state.network())
                return;
            m_model->setDiff(*net, *diff);
            std::map<an::FlowChange, int> counts;
            for (const an::FlowDiff& f : diff->flows)
                ++counts[f.change];
            QString text =
                tr("<b>%1 → %2.</b> Came into force: %3. Went out of force: %4.<br>"
                   "Revenue at risk <b>%5 → %6</b> (%7; dependence %8 → %9). "
                   "Spend at risk <b>%10 → %11</b> (%12).<br>")
                    .arg(dateText(diff->from), dateText(diff->to),
                         idList(*net, diff->cameIntoForce), idList(*net, diff->wentOutOfForce),
                         moneyText(diff->revenueAtRiskBefore), moneyText(diff->revenueAtRiskAfter),
                         signedMoney(diff->revenueAtRiskAfter - diff->revenueAtRiskBefore),
                         percentText(diff->revenueDependenceBefore),
                         percentText(diff->revenueDependenceAfter))
                    .arg(moneyText(diff->spendAtRiskBefore), moneyText(diff->spendAtRiskAfter),
                         signedMoney(diff->spendAtRiskAfter - diff->spendAtRiskBefore));
            if (diff->flows.empty())
                text += tr("No flow of our network changed.");
            else
                text += tr("Flows: %1 became controlled, %2 became free, %3 covered by other "
                           "controls, %4 changed through their inputs.")
                            .arg(counts[an::FlowChange::BecameControlled])
                            .arg(counts[an::FlowChange::BecameFree])
                            .arg(counts[an::FlowChange::CoverChanged])
                            .arg(counts[an::FlowChange::InputsChanged]);
            QStringList products;
            for (const an::ProductDiff& p : diff->products)
                products << tr("%1 %2 → %3")
                                .arg(QString::fromStdString(
                                         net->data().products[size_t(p.product)].name)
                                         .toHtmlEscaped(),
                                     moneyText(p.revenueAtRiskBefore),
                                     moneyText(p.revenueAtRiskAfter));
            if (!products.isEmpty())
                text += tr("<br>Revenue at risk by product: %1.")
                            .arg(products.join(QStringLiteral("; ")));
            m_summary->setText(text);
        });
}

} // namespace chokepoint::ui
