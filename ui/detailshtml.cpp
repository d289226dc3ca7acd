// SPDX-License-Identifier: MIT
#include "ui/detailshtml.h"

#include <array>
#include <cmath>
#include <map>
#include <set>

#include <QObject>

#include "core/analysis/explanation.h"
#include "core/analysis/worldshares.h"
#include "core/util/format.h"
#include "ui/displayformat.h"
#include "ui/explanationhtml.h"
#include "ui/reachhtml.h"

namespace chokepoint::ui {

namespace an = core::analysis;
using an::Index;

namespace {

constexpr std::array<an::Lens, 3> kLenses = {an::Lens::Location, an::Lens::Owned,
                                             an::Lens::Controlled};

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}
QString esc(const std::optional<std::string>& s) {
    return s ? esc(*s) : missingText();
}
QString tr(const char* text) {
    return QObject::tr(text);
}
QString heading(const QString& title, const QString& kind) {
    return QStringLiteral("<h3>%1</h3><p style='margin-top:0'><i>%2</i></p>").arg(title, kind);
}
QString section(const QString& title) {
    return QStringLiteral("<h4>%1</h4>").arg(title);
}
// Tables are laid out for the dock's narrowest width (300 px): at most four columns, figures
// right-aligned on one line, long names on a line of their own, so that no word is broken
// across lines (tests/ui/detailshtml_test.cpp checks every item). `kinds` tells each column:
// 't' text (left, wraps at spaces), 'f' figure (right, one line); by default the first
// column is text and the others figures.
QString row(const QStringList& cells, bool header = false, const QString& kinds = {}) {
    QString out = QStringLiteral("<tr>");
    for (int i = 0; i < cells.size(); ++i) {
        const QChar kind = i < kinds.size() ? kinds[i] : (i == 0 ? u't' : u'f');
        const bool figure = kind == u'f';
        const QString align = figure ? QStringLiteral("right") : QStringLiteral("left");
        if (header)
            out += QStringLiteral("<th align='%1'>%2</th>").arg(align, cells[i]);
        else if (figure)
            out += QStringLiteral("<td align='right' style='white-space:nowrap'>%1</td>")
                       .arg(cells[i]);
        else
            out += QStringLiteral("<td>%1</td>").arg(cells[i]);
    }
    return out + QStringLiteral("</tr>");
}
// A row whose one cell spans the table (a long name above its figures).
QString spanRow(const QString& text, int columns) {
    return QStringLiteral("<tr><td colspan='%1'>%2</td></tr>").arg(columns).arg(text);
}
QString table(const QString& rows) {
    return QStringLiteral("<table width='100%' cellspacing='0' cellpadding='2'>%1</table>")
        .arg(rows);
}
QString countryName(const an::Network& net, Index c) {
    return c == an::kNone ? missingText() : esc(net.data().countries[size_t(c)].name);
}
QString siteName(const an::Network& net, Index s) {
    const auto& site = net.data().sites[size_t(s)];
    return esc(site.name ? *site.name : site.id);
}

QString sourcesHtml(const an::Network& net, const std::vector<size_t>& sources) {
    if (sources.empty())
        return tr("<p>No sources recorded.</p>");
    QString out = QStringLiteral("<ol>");
    for (const size_t i : sources) {
        const auto& s = net.data().sources[i];
        QString text = esc(s.publisher);
        if (s.title)
            text += QStringLiteral(": ") + esc(*s.title);
        if (s.year)
            text += QStringLiteral(" (%1)").arg(*s.year);
        if (s.url)
            text = QStringLiteral("<a href='%1'>%2</a>").arg(esc(*s.url), text);
        out += QStringLiteral("<li>[%1] %2</li>").arg(esc(s.id), text);
    }
    return out + QStringLiteral("</ol>");
}

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The world shares of a material by country, headed by what they measure: "World production"
// only when every row measures production; otherwise the measure and the source's notes
// (SPEC §2 world_shares.basis), and with mixed bases the measure of each row.
QString worldSharesHtml(const an::Network& net, Index m) {
    const an::WorldShareBasis basis = an::worldShareBasis(net, m);
    QString world;
    for (auto* w = net.worldShares.begin(size_t(m)); w != net.worldShares.end(size_t(m)); ++w) {
        QString name = countryName(net, w->country);
        if (basis.mixed)
            if (const auto fact = an::worldShareFact(net, m, w->country); fact && fact->qualified())
                name += QStringLiteral(" <i>(%1)</i>").arg(qs(an::shareBasisLabel(fact->basis)));
        world += row({name, percentText(w->share)});
    }
    if (world.isEmpty())
        return {};
    if (!basis.qualified())
        return section(tr("World production")) + table(world);
    QString measure = basis.mixed ? tr("World shares, measured in different ways")
                                  : qs(an::shareBasisMeasure(basis.basis));
    measure[0] = measure[0].toUpper();
    QString out = section(measure.toHtmlEscaped()) + table(world);
    for (const std::string& note : basis.notes)
        out += QStringLiteral("<p><small>%1</small></p>").arg(esc(note));
    return out;
}

// A figure with its range under it, small: the dock is too narrow for both on one line.
QString withRange(const QString& figure, const QString& range) {
    return QStringLiteral("%1<br><small>%2</small>").arg(figure, range);
}

QString measureStatusText(const an::MeasureStatus& status) {
    if (status.counted)
        return status.scheduled ? tr("scheduled, counted as in force") : tr("in force");
    if (status.phase == an::ControlStatus::InForce && status.scheduled)
        return tr("scheduled, unconfirmed (not counted)");
    return tr("not in force");
}

const an::MaterialExposure* findMaterial(const an::ExposureResult& r, Index m) {
    for (const auto& e : r.materials)
        if (e.material == m)
            return &e;
    return nullptr;
}

QString materialHtml(const an::Network& net, Index m, const ExposureSet& set,
                     const an::ExposureEngine& engine, const Filters& filters) {
    const auto& d = net.data();
    const auto& mat = d.materials[size_t(m)];
    QString out = heading(esc(mat.name),
                          tr("Material %1 · %2 stage%3")
                              .arg(esc(mat.id), stageText(mat.stage).toLower(),
                                   mat.unit ? QStringLiteral(" · ") + esc(*mat.unit) : QString()));
    QString rows = row({tr("Lens"), tr("Dependence"), tr("Direct"), tr("At risk")}, true);
    for (const an::Lens lens : kLenses) {
        const an::ExposureResult& r = set.forLens(lens);
        const auto* e = findMaterial(r, m);
        QString name = lensText(lens);
        if (lens == filters.lens)
            name = QStringLiteral("<b>%1</b>").arg(name);
        // A material we neither buy nor list in a BOM: its dependence through what it feeds.
        const double through = set.reachForLens(lens)[size_t(m)].dependence;
        rows += row({name,
                     e ? withRange(percentText(e->dependence),
                                   rangeText(e->dependenceLow, e->dependenceHigh))
                       : percentText(through),
                     e ? percentText(e->directShare) : missingText(),
                     e ? moneyText(e->spendAtRisk) : missingText()});
    }
    out += table(rows);
    out += QStringLiteral("<p><small>%1</small></p>").arg(rangeExplanation().toHtmlEscaped());
    if (const auto* e = findMaterial(set.forLens(filters.lens), m))
        out += QObject::tr("<p>Tier-1 concentration (HHI): %1 · world: %2</p>")
                   .arg(hhiText(e->hhi), hhiText(e->worldHhi));

    if (const Index grp = net.selfGroup[size_t(m)]; grp != an::kNone) {
        out += section(tr("Our tier-1 suppliers"));
        const an::ExposureResult& r = set.forLens(filters.lens);
        // Two lines a site: its name and country across the table, then its figures.
        const QString figures = QStringLiteral("fff");
        QString links = row({tr("Share"), tr("Spend"), tr("Exposed")}, true, figures);
        for (const an::Link& link : net.links(grp)) {
            const an::Link* l = &link;
            links += spanRow(QStringLiteral("<b>%1</b> (%2)")
                                 .arg(siteName(net, l->supplierSite),
                                      countryName(net, net.siteCountry[size_t(l->supplierSite)])),
                             3);
            links += row({percentText(l->share),
                          std::isnan(l->spend) ? missingText() : moneyText(l->spend),
                          percentText(r.f(net, *l))},
                         false, figures);
        }
        out += table(links);
    }

    out += reachHtml(net, m, set, filters.lens);

    // The tier-by-tier paths explain D(m) of a material we report; one further up has none.
    if (findMaterial(set.forLens(filters.lens), m)) {
        out += section(
            tr("Paths carrying the dependence (%1 lens)").arg(lensText(filters.lens).toLower()));
        an::ExplainOptions options;
        options.topN = 4;
        options.maxDepth = 4;
        out += explanationHtml(net,
                               an::explainMaterial(engine, set.forLens(filters.lens), m, options));
    }

    out += worldSharesHtml(net, m);

    const auto controls = an::controlsCoveringMaterial(*set.forLens(filters.lens).controls, m);
    out += section(tr("Export controls in force at %1").arg(dateText(filters.asOf)));
    if (controls.empty())
        out += tr("<p>None.</p>");
    for (const Index c : controls)
        out += QStringLiteral("<p><b>%1</b> %2 (from %3)</p>")
                   .arg(esc(d.controls[size_t(c)].id), esc(d.controls[size_t(c)].title),
                        dateText(d.controls[size_t(c)].effective));
    out += section(tr("Sources")) + sourcesHtml(net, an::materialSources(net, m));
    return out;
}

QString productHtml(const an::Network& net, Index p, const ExposureSet& set,
                    const an::ExposureEngine& engine, const an::Summary& summary,
                    const Filters& filters) {
    const auto& d = net.data();
    const auto& prod = d.products[size_t(p)];
    QString out = heading(esc(prod.name), tr("Product %1").arg(esc(prod.id)));
    out += QObject::tr("<p>Annual volume %1 · unit price %2</p>")
               .arg(countText(prod.annualVolume), moneyText(prod.unitPrice));
    for (const auto& ps : summary.products)
        if (ps.product == p)
            out += QObject::tr("<p>Revenue %1</p>").arg(moneyText(ps.revenue));
    QString rows = row({tr("Lens"), tr("Dependence"), tr("Revenue at risk")}, true);
    for (const an::Lens lens : kLenses)
        for (const auto& e : set.forLens(lens).products)
            if (e.product == p)
                rows += row({lensText(lens),
                             withRange(percentText(e.dependence),
                                       rangeText(e.dependenceLow, e.dependenceHigh)),
                             e.revenueAtRiskLow && e.revenueAtRiskHigh
                                 ? withRange(moneyText(e.revenueAtRisk),
                                             QString::fromStdString(core::formatMoneyRange(
                                                 *e.revenueAtRiskLow, *e.revenueAtRiskHigh)))
                                 : moneyText(e.revenueAtRisk)});
    out += table(rows);
    out += QStringLiteral("<p><small>%1</small></p>").arg(rangeExplanation().toHtmlEscaped());
    out += section(tr("Bill of materials"));
    const an::ExposureResult& r = set.forLens(filters.lens);
    QString bom = row({tr("Material"), tr("Qty per unit"), tr("Dependence")}, true);
    Index worst = an::kNone;
    double worstD = -1.0;
    for (auto* b = net.productBom.begin(size_t(p)); b != net.productBom.end(size_t(p)); ++b) {
        const double dep = r.dependence(net, b->material);
        if (dep > worstD) {
            worstD = dep;
            worst = b->material;
        }
        bom += row({esc(d.materials[size_t(b->material)].name), QString::number(b->qty),
                    percentText(dep)});
    }
    out += table(bom);
    if (worst != an::kNone) {
        out += section(
            tr("Paths carrying the dependence of %1").arg(esc(d.materials[size_t(worst)].name)));
        an::ExplainOptions options;
        options.topN = 4;
        options.maxDepth = 3;
        out += explanationHtml(net, an::explainMaterial(engine, r, worst, options));
    }
    return out;
}

QString siteHtml(const an::Network& net, Index s, const ExposureSet& set,
                 const an::ExposureEngine& engine, const Filters& filters) {
    const auto& d = net.data();
    const auto& site = d.sites[size_t(s)];
    const auto& sup = d.suppliers[size_t(net.siteSupplier[size_t(s)])];
    QString out = heading(siteName(net, s), tr("Site %1 of %2").arg(esc(site.id), esc(sup.name)));
    out += QObject::tr("<p>Located in %1 · supplier HQ %2 · ultimate owner %3</p>")
               .arg(countryName(net, net.siteCountry[size_t(s)]), esc(sup.hqCountry),
                    esc(sup.ownerCountry));
    QStringList techs;
    for (auto* t = net.siteTechnologies.begin(size_t(s)); t != net.siteTechnologies.end(size_t(s));
         ++t)
        techs << esc(d.technologies[size_t(*t)].name);
    if (!techs.isEmpty())
        out += QObject::tr("<p>Technologies: %1</p>").arg(techs.join(QStringLiteral("; ")));
    out += section(tr("What it supplies (%1 lens)").arg(lensText(filters.lens).toLower()));
    const an::ExposureResult& r = set.forLens(filters.lens);
    // Two lines a material: its name across the table, then how exposed and why.
    QString rows = row({tr("Exposed"), tr("Why")}, true, QStringLiteral("ft"));
    for (size_t n = 0; n < net.nodes.size(); ++n)
        if (net.nodes[n].site == s) {
            rows += spanRow(QStringLiteral("<b>%1</b>")
                                .arg(esc(d.materials[size_t(net.nodes[n].material)].name)),
                            2);
            const an::NodeFlow flow = an::nodeFlow(engine, r, Index(n));
            rows += row({percentText(flow.f), reasonText(net, flow.reason)}, false,
                        QStringLiteral("ft"));
        }
    // The paths by which a stop here would reach our products (the Criticality page's
    // question), the heaviest first.
    return out + table(rows) + sitePathsHtml(net, an::siteReach(net, s));
}

QString supplierHtml(const an::Network& net, Index sup, const ExposureSet& set) {
    const auto& s = net.data().suppliers[size_t(sup)];
    QString out = heading(esc(s.name), tr("Supplier %1").arg(esc(s.id)));
    out +=
        QObject::tr("<p>HQ %1 · ultimate owner %2</p>").arg(esc(s.hqCountry), esc(s.ownerCountry));
    // A share is of one material: the engine's supplier share adds up its shares of every
    // material we buy from it (0.1.0 showed "Our share 115.0 %"), so the shares are listed
    // per material, from our tier-1 purchase lines.
    QString rows = row({tr("Lens"), tr("Dependence")}, true);
    for (const an::Lens lens : kLenses)
        for (const auto& e : set.forLens(lens).suppliers)
            if (e.supplier == sup)
                rows += row({lensText(lens), percentText(e.dependence)});
    out += table(rows);
    std::set<std::string> ownSites;
    for (const auto& site : net.data().sites)
        if (site.supplierId == s.id)
            ownSites.insert(site.id);
    std::map<std::string, std::pair<double, double>> perMaterial; // share, spend
    for (const auto& link : net.data().supply)
        if (link.buyerSite.empty() && ownSites.count(link.supplierSite)) {
            auto& [share, spend] = perMaterial[link.materialId];
            share += link.share;
            spend += link.annualSpend.value_or(0.0);
        }
    if (!perMaterial.empty()) {
        QString shares = row({tr("Material"), tr("Our share"), tr("Spend")}, true);
        for (const auto& [material, figures] : perMaterial) {
            const Index m = net.materials.find(material);
            shares +=
                row({m == an::kNone ? esc(material) : esc(net.data().materials[size_t(m)].name),
                     percentText(figures.first), moneyText(figures.second)});
        }
        out += section(tr("What we buy from it (tier 1)")) + table(shares);
    }
    QStringList sites;
    for (size_t i = 0; i < net.sites.size(); ++i)
        if (net.siteSupplier[i] == sup)
            sites << siteName(net, Index(i)) + QStringLiteral(" (") +
                         countryName(net, net.siteCountry[i]) + QStringLiteral(")");
    return out + section(tr("Sites")) +
           QStringLiteral("<p>%1</p>").arg(sites.join(QStringLiteral("<br>")));
}

QString countryHtml(const an::Network& net, Index c, const an::Summary& summary) {
    const auto& country = net.data().countries[size_t(c)];
    QString out = heading(
        esc(country.name),
        tr("Country %1%2")
            .arg(esc(country.iso3),
                 country.region ? QStringLiteral(" · ") + esc(*country.region) : QString()));
    for (const auto& cs : summary.countryMix)
        if (cs.country == c)
            out += QObject::tr("<p>Our tier-1 spend here: <b>%1</b> (%2 of the filtered spend)</p>")
                       .arg(moneyText(cs.spend), percentText(cs.share));
    // A share that measures something else than production says what, next to the material.
    QString world;
    bool qualified = false;
    for (size_t m = 0; m < net.materials.size(); ++m) {
        const auto fact = an::worldShareFact(net, Index(m), c);
        if (!fact)
            continue;
        QString name = esc(net.data().materials[m].name);
        if (fact->qualified()) {
            qualified = true;
            name += QStringLiteral(" <i>(%1)</i>").arg(qs(an::shareBasisLabel(fact->basis)));
        }
        world += row({name, percentText(fact->share)});
    }
    if (!world.isEmpty())
        out += section(qualified ? tr("World shares (production unless marked)")
                                 : tr("Share of world production")) +
               table(world);
    return out;
}

QString controlHtml(const an::Network& net, Index c, const an::ControlState& controls,
                    const Filters& filters) {
    const auto& ctl = net.data().controls[size_t(c)];
    QString out = heading(
        esc(ctl.title),
        tr("Export control %1 · %2").arg(esc(ctl.id), esc(std::string(core::toString(ctl.kind)))));
    out += QObject::tr("<p>Issuer %1 · effective %2%3 · <b>%4</b> at %5</p>")
               .arg(esc(ctl.issuer), dateText(ctl.effective),
                    ctl.end ? QObject::tr(" · ends %1").arg(dateText(*ctl.end)) : QString(),
                    measureStatusText(controls.status(c)), dateText(filters.asOf));
    if (ctl.reference)
        out += QStringLiteral("<p>%1</p>").arg(esc(*ctl.reference));
    QStringList items;
    for (const Index m : net.controls[size_t(c)].materials)
        items << esc(net.data().materials[size_t(m)].name);
    for (const Index t : net.controls[size_t(c)].technologies)
        items << esc(net.data().technologies[size_t(t)].name);
    out += section(tr("Items")) +
           QStringLiteral("<p>%1</p>")
               .arg(items.isEmpty() ? tr("None.") : items.join(QStringLiteral("<br>")));
    return out + section(tr("Sources")) + sourcesHtml(net, an::controlSources(net, c));
}

} // namespace

QString detailsHtml(const Selection& sel, const ExposureSet& set, const an::ExposureEngine& engine,
                    const an::Summary& summary, const Filters& filters) {
    const an::Network& net = *set.network;
    const std::string id = sel.id.toStdString();
    auto missing = [&] {
        return tr("<p>%1 is not in this workspace.</p>").arg(sel.id.toHtmlEscaped());
    };
    switch (sel.kind) {
    case SelectionKind::Material: {
        const Index m = net.materials.find(id);
        return m == an::kNone ? missing() : materialHtml(net, m, set, engine, filters);
    }
    case SelectionKind::Product: {
        const Index p = net.products.find(id);
        return p == an::kNone ? missing() : productHtml(net, p, set, engine, summary, filters);
    }
    case SelectionKind::Site: {
        const Index s = net.sites.find(id);
        return s == an::kNone ? missing() : siteHtml(net, s, set, engine, filters);
    }
    case SelectionKind::Supplier: {
        const Index s = net.suppliers.find(id);
        return s == an::kNone ? missing() : supplierHtml(net, s, set);
    }
    case SelectionKind::Country: {
        const Index c = net.countries.find(id);
        return c == an::kNone ? missing() : countryHtml(net, c, summary);
    }
    case SelectionKind::Control: {
        const Index c = net.controlIds.find(id);
        return c == an::kNone ? missing()
                              : controlHtml(net, c, *set.forLens(filters.lens).controls, filters);
    }
    case SelectionKind::Technology: {
        const Index t = net.technologies.find(id);
        if (t == an::kNone)
            return missing();
        const auto& tech = net.data().technologies[size_t(t)];
        return heading(esc(tech.name), tr("Technology %1").arg(esc(tech.id))) +
               QStringLiteral("<p>%1</p>").arg(esc(tech.description));
    }
    case SelectionKind::None:
        break;
    }
    return tr("<p>Select a material, product, site or country in a chart or table to see its "
              "figures, sources and the paths that carry its dependence.</p>");
}

} // namespace chokepoint::ui
