// SPDX-License-Identifier: MIT
#include "ui/pages/pageregistry.h"

#include <QCoreApplication>

#include "ui/pages/comingsoonpage.h"
#include "ui/pages/overviewpage.h"

namespace chokepoint::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("PageRegistry", text);
}

// A placeholder entry: replace it with the real page's factory when the page exists.
PageEntry comingSoon(const QString& id, const QString& title, const QString& description) {
    return {id, title, [title, description](AppState& state, QWidget* parent) -> Page* {
                return new ComingSoonPage(state, title, description, parent);
            }};
}

} // namespace

const std::vector<PageEntry>& pageEntries() {
    static const std::vector<PageEntry> entries = {
        {pageid::overview, tr("Overview"),
         [](AppState& s, QWidget* p) -> Page* { return new OverviewPage(s, p); }},
        comingSoon(pageid::materials, tr("Materials"),
                   tr("Every material in our products and purchases with its China dependence "
                      "under the three lenses, split into tier 1 and deeper tiers; spend at risk; "
                      "tier-1 and world concentration (HHI); world production shares with "
                      "sources; and the supply tree showing which sites and inputs carry the "
                      "dependence. Sortable, filterable, linked to the charts.")),
        comingSoon(pageid::suppliers, tr("Suppliers"),
                   tr("Our tier-1 suppliers and their sites: share of our supply, China "
                      "dependence, headquarters and ultimate-owner countries, the technologies "
                      "their sites use, spend, and the materials each one sells us.")),
        comingSoon(pageid::controls, tr("Technologies & Controls"),
                   tr("China's export controls with their dates, status at the as-of date, "
                      "covered materials and technologies, licence review times and sources; "
                      "the technologies our suppliers' sites depend on; a controls timeline.")),
        comingSoon(pageid::scenarios, tr("Scenarios"),
                   tr("Stress scenarios (export bans, licence delays, capacity cuts): run them "
                      "deterministically or as Monte Carlo with progress and cancel, and see lost "
                      "revenue, output over time with P10–P90 bands, and the days each material "
                      "lasts.")),
        comingSoon(pageid::data, tr("Data"),
                   tr("The workspace's tables to browse, an import wizard with a validation "
                      "report (CSV folder or Excel workbook), and export.")),
    };
    return entries;
}

} // namespace chokepoint::ui
