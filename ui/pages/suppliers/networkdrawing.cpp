// SPDX-License-Identifier: MIT
#include "ui/pages/suppliers/networkdrawing.h"

#include <QObject>

#include "core/analysis/explanation.h"
#include "ui/displayformat.h"
#include "ui/pages/suppliers/viewtext.h"

namespace chokepoint::ui {

namespace an = core::analysis;
using namespace viewtext;

namespace {

QString tr(const char* text) {
    return QObject::tr(text);
}

QString reasonText(an::ExposureReason reason) {
    switch (reason) {
    case an::ExposureReason::Located:
        return tr("exposed itself: located in China");
    case an::ExposureReason::Owned:
        return tr("exposed itself: owned from China");
    case an::ExposureReason::MaterialControl:
        return tr("exposed itself: its export of this material is under a control in force");
    case an::ExposureReason::TechnologyControl:
        return tr("exposed itself: it depends on a technology under a control in force");
    case an::ExposureReason::Inputs:
        return tr("not exposed itself; dependence through its inputs");
    case an::ExposureReason::None:
        return tr("not exposed");
    }
    return {};
}

QString iso(const an::Network& net, an::Index country) {
    return country == an::kNone ? QStringLiteral("?") : qs(net.countries.id(country));
}

QString nodeName(const an::Network& net, const an::GraphNode& n) {
    switch (n.kind) {
    case an::GraphNodeKind::Us:
        return tr("Our company");
    case an::GraphNodeKind::Site:
        return siteName(net, n.site);
    case an::GraphNodeKind::Unknown:
        return tr("Unknown origin");
    case an::GraphNodeKind::Others:
        return QObject::tr("%n other site(s)", nullptr, int(n.folded));
    }
    return {};
}

} // namespace

NetworkDrawing networkDrawing(const an::ExposureEngine& engine, const an::ExposureResult& result,
                              const an::SupplyGraph& graph) {
    const an::Network& net = engine.network();
    const auto& d = net.data();
    NetworkDrawing out;
    if (graph.material == an::kNone)
        return out;
    out.materialId = qs(net.materials.id(graph.material));
    out.materialName = qs(d.materials[size_t(graph.material)].name);
    out.tiers = graph.tiers;
    out.truncated = graph.truncated;
    for (const int size : graph.tierSizes)
        out.tierSizes << size;
    const QString root = viewtext::materialLabel(out.materialName, 26).toHtmlEscaped();

    for (const an::GraphNode& n : graph.nodes) {
        NetworkNodeInfo info;
        info.kind = n.kind;
        info.tier = n.tier;
        info.order = n.order;
        info.exposed = n.exposed;
        info.f = n.f;
        info.flow = n.flow;
        info.truncated = n.truncated;
        info.materialId = qs(net.materials.id(n.material));
        info.title = nodeName(net, n);
        const QString material =
            viewtext::materialLabel(qs(d.materials[size_t(n.material)].name), 20);
        const QString materialFull = qs(d.materials[size_t(n.material)].name).toHtmlEscaped();
        QString tip = QStringLiteral("<b>%1</b>").arg(info.title.toHtmlEscaped());
        switch (n.kind) {
        case an::GraphNodeKind::Us:
            info.subtitle = tr("buys %1 \u00b7 %2 dependent").arg(material, percentText(n.f));
            tip += tr("<br>Buys %1<br>China dependence: <b>%2</b>")
                       .arg(materialFull, percentText(n.f));
            break;
        case an::GraphNodeKind::Site: {
            const an::Index supplier = net.siteSupplier[size_t(n.site)];
            const an::Index country = net.siteCountry[size_t(n.site)];
            info.siteId = qs(net.sites.id(n.site));
            info.supplierId = supplier == an::kNone ? QString() : qs(net.suppliers.id(supplier));
            info.subtitle =
                tr("%1 \u00b7 %2 \u00b7 %3").arg(iso(net, country), material, percentText(n.flow));
            tip += tr(" (%1)<br>Supplier: %2<br>Country: %3<br>Owner: %4<br>Tier %5: sells %6")
                       .arg(qs(net.sites.id(n.site)), supplierName(net, supplier).toHtmlEscaped(),
                            countryName(net, country),
                            supplier == an::kNone
                                ? missingText()
                                : countryName(net, net.supplierOwner[size_t(supplier)]))
                       .arg(n.tier)
                       .arg(materialFull);
            tip += tr("<br>Carries <b>%1</b> of our supply of %2").arg(percentText(n.flow), root);
            tip +=
                tr("<br>Dependence of its output: <b>%1</b> (%2)")
                    .arg(percentText(n.f), reasonText(an::exposureReason(engine, result, n.node, n.buyer)));
            break;
        }
        case an::GraphNodeKind::Unknown:
            info.subtitle = tr("%1 \u00b7 %2").arg(material, percentText(n.flow));
            tip += tr("<br>%1 bought from no known site<br>Carries <b>%2</b> of our supply of "
                      "%3<br>Counted as <b>%4</b> dependent (world production share)")
                       .arg(materialFull, percentText(n.flow), root, percentText(n.f));
            break;
        case an::GraphNodeKind::Others:
            info.subtitle = tr("%1 \u00b7 %2").arg(material, percentText(n.flow));
            tip += tr("<br>Smaller sources of %1, folded together<br>Carries <b>%2</b> of our "
                      "supply of %3<br>Mean dependence: %4; exposed themselves: %5 of the "
                      "buyer's purchase")
                       .arg(materialFull, percentText(n.flow), root, percentText(n.f),
                            percentText(n.foldedExposed));
            break;
        }
        if (n.truncated)
            tip += tr("<br><i>Its own suppliers are not drawn (graph size limit).</i>");
        info.tooltip = tip;
        out.nodes << info;
    }
    for (const an::GraphEdge& e : graph.edges) {
        NetworkEdgeInfo info;
        info.from = e.from;
        info.to = e.to;
        info.share = e.share;
        info.flow = e.flow;
        const NetworkNodeInfo& seller = out.nodes[e.from];
        const NetworkNodeInfo& buyer = out.nodes[e.to];
        info.fromExposed = seller.exposed;
        const QString buyerName = buyer.kind == an::GraphNodeKind::Us
                                      ? tr("our")
                                      : buyer.title.toHtmlEscaped() + QStringLiteral("'s");
        info.tooltip = tr("<b>%1 \u2192 %2</b><br>%3<br>%4 of %5 purchase<br>%6 of our supply "
                          "of %7")
                           .arg(seller.title.toHtmlEscaped(), buyer.title.toHtmlEscaped(),
                                qs(d.materials[size_t(e.material)].name).toHtmlEscaped(),
                                percentText(e.share), buyerName, percentText(e.flow), root);
        out.edges << info;
    }
    return out;
}

} // namespace chokepoint::ui
