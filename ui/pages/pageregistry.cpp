// SPDX-License-Identifier: MIT
#include "ui/pages/pageregistry.h"

#include <QCoreApplication>

#include "ui/pages/comingsoonpage.h"
#include "ui/pages/controlspage.h"
#include "ui/pages/criticalitypage.h"
#include "ui/pages/datapage.h"
#include "ui/pages/mappage.h"
#include "ui/pages/materialspage.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/scenariospage.h"
#include "ui/pages/supplierspage.h"

namespace chokepoint::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("PageRegistry", text);
}

// A placeholder entry: replace it with the real page's factory when the page exists.
[[maybe_unused]] PageEntry comingSoon(const QString& id, const QString& title,
                                      const QString& description) {
    return {id, title, [title, description](AppState& state, QWidget* parent) -> Page* {
                return new ComingSoonPage(state, title, description, parent);
            }};
}

} // namespace

const std::vector<PageEntry>& pageEntries() {
    static const std::vector<PageEntry> entries = {
        {pageid::overview, tr("Overview"),
         [](AppState& s, QWidget* p) -> Page* { return new OverviewPage(s, p); }},
        {pageid::map, tr("Map"),
         [](AppState& s, QWidget* p) -> Page* { return new MapPage(s, p); }},
        {pageid::materials, tr("Materials"),
         [](AppState& s, QWidget* p) -> Page* { return new MaterialsPage(s, p); }},
        {pageid::suppliers, tr("Suppliers"),
         [](AppState& s, QWidget* p) -> Page* { return new SuppliersPage(s, p); }},
        {pageid::criticality, tr("Criticality"),
         [](AppState& s, QWidget* p) -> Page* { return new CriticalityPage(s, p); }},
        {pageid::controls, tr("Technologies & Controls"),
         [](AppState& s, QWidget* p) -> Page* { return new ControlsPage(s, p); }},
        {pageid::scenarios, tr("Scenarios"),
         [](AppState& s, QWidget* p) -> Page* { return new ScenariosPage(s, p); }},
        {pageid::data, tr("Data"),
         [](AppState& s, QWidget* p) -> Page* { return new DataPage(s, p); }},
    };
    return entries;
}

} // namespace chokepoint::ui
