// SPDX-License-Identifier: MIT
#include "ui/selectionkey.h"

#include <array>
#include <utility>

namespace chokepoint::ui {

namespace {
const std::array<std::pair<SelectionKind, const char*>, 7> kKinds = {{
    {SelectionKind::Material, "material"},
    {SelectionKind::Product, "product"},
    {SelectionKind::Supplier, "supplier"},
    {SelectionKind::Site, "site"},
    {SelectionKind::Control, "control"},
    {SelectionKind::Technology, "technology"},
    {SelectionKind::Country, "country"},
}};
} // namespace

QString selectionKey(const Selection& selection) {
    for (const auto& [kind, name] : kKinds)
        if (kind == selection.kind)
            return QLatin1String(name) + QLatin1Char(':') + selection.id;
    return {};
}

Selection selectionFromKey(const QString& key) {
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    const QString prefix = key.left(colon);
    for (const auto& [kind, name] : kKinds)
        if (prefix == QLatin1String(name))
            return {kind, key.mid(colon + 1)};
    return {};
}

} // namespace chokepoint::ui
