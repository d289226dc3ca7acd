// SPDX-License-Identifier: MIT
#include "ui/filterbar.h"

#include <algorithm>
#include <set>

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

#include "ui/appstate.h"
#include "ui/displayformat.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

QDate toQDate(core::Date d) {
    return QDate(d.year(), d.month(), d.day());
}
core::Date fromQDate(const QDate& d) {
    return core::Date::fromYmd(d.year(), d.month(), d.day());
}

QLabel* caption(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setContentsMargins(8, 0, 2, 0);
    return l;
}

void setCurrentData(QComboBox* box, const QVariant& data) {
    const int i = box->findData(data);
    box->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

FilterBar::FilterBar(AppState& state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_product(new QComboBox(this))
    , m_stage(new QComboBox(this))
    , m_country(new QComboBox(this))
    , m_lens(new QComboBox(this))
    , m_date(new QDateEdit(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(4);
    limitToSupportedDates(m_date);
    m_product->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_product->setMaximumWidth(280);
    m_country->setMaximumWidth(200);
    m_product->setToolTip(tr("Limit materials and revenue to one product"));
    m_stage->setToolTip(tr("Limit materials to one value-chain stage"));
    m_country->setToolTip(tr("Limit to our tier-1 purchases from sites in one country"));
    for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled}) {
        m_lens->addItem(lensText(lens), int(lens));
        m_lens->setItemData(m_lens->count() - 1, lensDescription(lens), Qt::ToolTipRole);
    }
    m_lens->setToolTip(tr("Which flows count as exposed to China"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setToolTip(tr("Controls in force and the controlled lens are evaluated at this date"));
    auto* today = new QToolButton(this);
    today->setText(tr("Today"));
    auto* reset = new QToolButton(this);
    reset->setText(tr("Clear filters"));

    layout->addWidget(caption(tr("Product"), this));
    layout->addWidget(m_product);
    layout->addWidget(caption(tr("Stage"), this));
    layout->addWidget(m_stage);
    layout->addWidget(caption(tr("Country"), this));
    layout->addWidget(m_country);
    layout->addWidget(caption(tr("Lens"), this));
    layout->addWidget(m_lens);
    layout->addWidget(caption(tr("As of"), this));
    layout->addWidget(m_date);
    layout->addWidget(today);
    layout->addSpacing(8);
    layout->addWidget(reset);
    layout->addStretch(1);

    for (QComboBox* box : {m_product, m_stage, m_country, m_lens})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::pushToState);
    connect(m_date, &QDateEdit::dateChanged, this, &FilterBar::pushToState);
    connect(today, &QToolButton::clicked, this, [this] { m_state.setAsOf(core::Date::today()); });
    connect(reset, &QToolButton::clicked, this, [this] {
        Filters f = m_state.filters();
        f.productId.clear();
        f.stage.reset();
        f.country.clear();
        m_state.setFilters(f);
    });
    connect(&state, &AppState::workspaceLoaded, this, &FilterBar::populate);
    connect(&state, &AppState::filtersChanged, this, &FilterBar::syncFromState);
    populate();
}

void FilterBar::populate() {
    m_syncing = true;
    m_product->clear();
    m_stage->clear();
    m_country->clear();
    m_product->addItem(tr("All products"), QString());
    m_stage->addItem(tr("All stages"), -1);
    m_country->addItem(tr("All countries"), QString());
    if (const auto net = m_state.network()) {
        const auto& d = net->data();
        for (const auto& p : d.products)
            m_product->addItem(QString::fromStdString(p.name), QString::fromStdString(p.id));
        // Every stage present in the data: the Materials page lists upstream materials too.
        std::set<int> stages;
        for (const auto& m : d.materials)
            stages.insert(int(m.stage));
        for (const int s : stages)
            m_stage->addItem(stageText(core::Stage(s)), s);
        // Countries of the sites we buy from directly, by name.
        std::set<std::pair<std::string, std::string>> countries;
        for (const an::Index grp : net->selfGroup) {
            if (grp == an::kNone)
                continue;
            for (auto* l = net->groupLinks.begin(size_t(grp));
                 l != net->groupLinks.end(size_t(grp)); ++l)
                if (const an::Index c = net->siteCountry[size_t(l->supplierSite)]; c != an::kNone)
                    countries.insert({d.countries[size_t(c)].name, d.countries[size_t(c)].iso3});
        }
        for (const auto& [name, iso3] : countries)
            m_country->addItem(QString::fromStdString(name), QString::fromStdString(iso3));
    }
    m_syncing = false;
    syncFromState();
}

void FilterBar::syncFromState() {
    m_syncing = true;
    const Filters& f = m_state.filters();
    setCurrentData(m_product, f.productId);
    setCurrentData(m_stage, f.stage ? int(*f.stage) : -1);
    setCurrentData(m_country, f.country);
    setCurrentData(m_lens, int(f.lens));
    m_date->setDate(toQDate(f.asOf));
    m_syncing = false;
}

void FilterBar::pushToState() {
    if (m_syncing)
        return;
    Filters f = m_state.filters();
    f.productId = m_product->currentData().toString();
    const int stage = m_stage->currentData().toInt();
    f.stage = stage < 0 ? std::nullopt : std::optional<core::Stage>(core::Stage(stage));
    f.country = m_country->currentData().toString();
    f.lens = an::Lens(m_lens->currentData().toInt());
    f.asOf = fromQDate(m_date->date());
    m_state.setFilters(f);
}

} // namespace chokepoint::ui
