// SPDX-License-Identifier: MIT
#include "ui/pages/suppliers/viewtext.h"

#include <QObject>
#include <QStringList>

#include "ui/displayformat.h"

namespace chokepoint::ui::viewtext {

namespace an = core::analysis;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString countryName(const an::Network& net, an::Index country) {
    return country == an::kNone ? missingText() : qs(net.data().countries[size_t(country)].name);
}

QString siteName(const an::Network& net, an::Index site) {
    const auto& s = net.data().sites[size_t(site)];
    return qs(s.name ? *s.name : s.id);
}

QString supplierName(const an::Network& net, an::Index supplier) {
    return supplier == an::kNone ? missingText() : qs(net.data().suppliers[size_t(supplier)].name);
}

QString materialLabel(const QString& name, int maxChars) {
    QString s = withoutRemarks(name);
    if (s.isEmpty())
        s = name;
    if (s.size() > maxChars) {
        const qsizetype comma = s.indexOf(QStringLiteral(", "));
        if (comma > 0)
            s = s.left(comma);
    }
    if (s.size() > maxChars)
        s = s.left(maxChars - 1).trimmed() + QChar(0x2026);
    return s;
}

QString materialList(const an::Network& net, const std::vector<an::Index>& materials,
                     QString* full) {
    QStringList shortNames, names;
    for (const an::Index m : materials) {
        const QString name = qs(net.data().materials[size_t(m)].name);
        shortNames << materialLabel(name, 22);
        names << name.toHtmlEscaped();
    }
    if (full)
        *full = names.join(QStringLiteral("<br>"));
    return shortNames.join(QStringLiteral(", "));
}

QString technologyList(const an::Network& net, const std::vector<an::Index>& technologies,
                       QString* full) {
    QStringList shortNames, names;
    for (const an::Index t : technologies) {
        const auto& tech = net.data().technologies[size_t(t)];
        shortNames << shortName(qs(tech.name), 34);
        names << qs(tech.name).toHtmlEscaped() + QStringLiteral(" (") + qs(tech.id) +
                     QStringLiteral(")");
    }
    if (full)
        *full = names.join(QStringLiteral("<br>"));
    return shortNames.join(QStringLiteral(", "));
}

QString tierText(const std::optional<int>& tier) {
    return tier ? QString::number(*tier) : QObject::tr("alt.");
}

} // namespace chokepoint::ui::viewtext
