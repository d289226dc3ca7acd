// SPDX-License-Identifier: MIT
#include "ui/pages/materials/materialdetailpanel.h"

#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QStringList>
#include <QVBoxLayout>

#include "core/analysis/materialreach.h"
#include "core/analysis/supplybreakdown.h"
#include "core/analysis/worldshares.h"
#include "ui/displayformat.h"
#include "ui/pages/materials/supplymixcharts.h"
#include "ui/pages/suppliers/viewtext.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
QString countryName(const an::Network& net, an::Index c) {
    return c == an::kNone ? QObject::tr("Unlisted country")
                          : qs(net.data().countries[size_t(c)].name);
}
} // namespace

MaterialDetailPanel::MaterialDetailPanel(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("materialHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);
    layout->addWidget(m_headline, 0, 0, 1, 2);

    m_tiers = new SupplyMixChart(this);
    m_tiers->setValueFormat([](double v) { return percentText(v); });
    m_tiers->setAxisFormat([](double v) { return percentText(v, 0); });
    m_tiers->setFixedValueRange(0.0, 1.0, 0.25);
    m_tiers->setMaxLabelLength(34);
    m_tiers->setExportName(QStringLiteral("supply-by-tier-and-country"));
    m_tiers->setEmptyText(tr("No material selected"));
    m_tiers->chart()->legend()->setAlignment(Qt::AlignRight);
    layout->addWidget(m_tiers, 1, 0, 2, 1);

    m_world = new MixDonutChart(this);
    m_world->setExportName(QStringLiteral("world-production-mix"));
    m_world->setMaxLegendEntries(7);
    layout->addWidget(m_world, 1, 1);
    m_sources = new QLabel(this);
    m_sources->setObjectName(QStringLiteral("worldSources"));
    m_sources->setWordWrap(true);
    m_sources->setTextFormat(Qt::RichText);
    m_sources->setOpenExternalLinks(true);
    layout->addWidget(m_sources, 2, 1);
    // The tier chart needs the width for its row labels; the donut reads well when narrower.
    layout->setColumnStretch(0, 8);
    layout->setColumnStretch(1, 5);
    layout->setRowStretch(1, 1);
}

QString MaterialDetailPanel::headline() const {
    return m_headline->text();
}

QString MaterialDetailPanel::sourceText() const {
    return m_sources->text();
}

QString MaterialDetailPanel::materialOfKey(const QString& key) {
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return slash < 0 ? key : key.mid(slash + 1);
}

void MaterialDetailPanel::clear(const QString& message) {
    m_materialId.clear();
    m_headline->setText(message);
    m_tiers->chart()->setTitle(tr("Supply by tier and country"));
    m_tiers->setParts({});
    m_tiers->setData({}, {});
    m_world->chart()->setTitle(tr("World production"));
    m_world->setParts({});
    m_world->setData({});
    m_sources->clear();
}

void MaterialDetailPanel::showMaterial(const ExposureSet& exposure, const an::Summary& summary,
                                       an::Index material) {
    const an::Network& net = *exposure.network;
    const auto& mat = net.data().materials[size_t(material)];
    m_materialId = qs(mat.id);
    const an::ExposureResult& r = exposure.forLens(summary.lens);
    const an::MaterialReach& reach = exposure.reachForLens(summary.lens)[size_t(material)];
    const bool reported = (reach.tiers & 1) != 0;
    QString text;
    // The material whose tier chart is shown: the material itself when we report it, else
    // the reported material it feeds most (with its rows of this material highlighted).
    an::Index root = material;
    if (reported) {
        text = tr("<b>%1</b> (%2) \u2014 <b>%3</b> dependent on China under the %4 lens")
                   .arg(qs(mat.name).toHtmlEscaped(), stageText(mat.stage).toLower(),
                        percentText(r.dependence(net, material)), lensText(summary.lens));
        for (const an::MaterialExposure& e : r.materials)
            if (e.material == material)
                text += tr(": %1 direct from tier-1 sites, the rest through deeper tiers and "
                           "unknown origin")
                            .arg(percentText(e.directShare));
        if (!reach.feeds.empty() && reach.feeds.front().material != material)
            text += tr(". Through what it feeds: up to %1 of our %2")
                        .arg(percentText(reach.feeds.front().dependence),
                             qs(net.data().materials[size_t(reach.feeds.front().material)].name)
                                 .toHtmlEscaped());
    } else if (reach.feeds.empty()) {
        text = tr("<b>%1</b> (%2) \u2014 nothing we buy or list in a bill of materials needs it")
                   .arg(qs(mat.name).toHtmlEscaped(), stageText(mat.stage).toLower());
        root = an::kNone;
    } else {
        QStringList tiers;
        for (const int t : reach.tierList())
            tiers << QString::number(t);
        const an::ReachedMaterial& top = reach.feeds.front();
        root = top.material;
        text = tr("<b>%1</b> (%2, tier %3) \u2014 we do not buy it ourselves; under the %4 lens "
                  "up to <b>%5</b> of our %6 needs it from exposed sources, in %7 of our "
                  "products")
                   .arg(qs(mat.name).toHtmlEscaped(), stageText(mat.stage).toLower(),
                        tiers.join(QStringLiteral(", ")), lensText(summary.lens),
                        percentText(top.dependence),
                        qs(net.data().materials[size_t(top.material)].name).toHtmlEscaped())
                   .arg(reach.products.size());
        if (reach.revenueAtRisk)
            text += tr(" (%1 revenue at risk through it)").arg(moneyText(*reach.revenueAtRisk));
    }
    QStringList controls;
    for (const an::Index c : an::controlsCoveringMaterial(*r.controls, material))
        controls << qs(net.controlIds.id(c));
    text +=
        controls.isEmpty()
            ? tr(". No export control in force covers it.")
            : tr(". Controls in force covering it: %1.").arg(controls.join(QStringLiteral(", ")));
    m_headline->setText(text);
    if (root == an::kNone) {
        m_tiers->chart()->setTitle(tr("Supply by tier and country"));
        m_tiers->setParts({});
        m_tiers->setData({}, {});
    } else {
        showTiers(net, root);
    }
    if (!reported && root != an::kNone) {
        const QString rootName = qs(net.data().materials[size_t(root)].name).toHtmlEscaped();
        bool shown = false;
        for (int i = 0; i < m_tiers->categoryCount() && !shown; ++i)
            shown = materialOfKey(m_tiers->categoryKey(i)) == m_materialId;
        m_headline->setText(
            m_headline->text() +
            (shown ? tr(" The chart shows the supply of %1, with this material highlighted.")
                         .arg(rootName)
                   : tr(" The chart shows the supply of %1; this material lies beyond its "
                        "rows (the Details dock follows it there).")
                         .arg(rootName)));
    }
    showWorld(net, material);
    setSelectedMaterial(reported ? QString() : m_materialId);
}

void MaterialDetailPanel::showTiers(const an::Network& net, an::Index material) {
    const auto& d = net.data();
    an::BreakdownOptions options;
    options.maxRows = kMaxRows;
    const an::SupplyBreakdown b = an::supplyBreakdown(net, material, options);
    const an::BreakdownColumns cols = an::breakdownColumns(net, b, kMaxCountries);

    QVector<BarCategory> cats;
    QVector<BarSeriesData> series;
    QVector<MixPart> parts;
    for (size_t c = 0; c < cols.countries.size(); ++c) {
        const bool focus = cols.countries[c] == net.focusCountry();
        series.push_back({countryName(net, cols.countries[c]), {}, SeriesColor::Auto});
        parts << (focus ? MixPart::Focus : MixPart::Country);
    }
    series.push_back({tr("Other countries"), {}, SeriesColor::Auto});
    parts << MixPart::Other;
    series.push_back({tr("Unknown origin"), {}, SeriesColor::Auto});
    parts << MixPart::Unknown;
    for (size_t i = 0; i < b.rows.size(); ++i) {
        const an::BreakdownRow& row = b.rows[i];
        const auto& m = d.materials[size_t(row.material)];
        QString tip = tr("<b>Tier %1: %2</b>").arg(row.tier).arg(qs(m.name).toHtmlEscaped());
        if (row.parent >= 0) {
            const auto& parent = d.materials[size_t(b.rows[size_t(row.parent)].material)];
            tip += tr("<br>input of %1 (tier %2)")
                       .arg(qs(parent.name).toHtmlEscaped())
                       .arg(b.rows[size_t(row.parent)].tier);
        }
        tip += tr("<br>%1 known supplier sites").arg(row.sites);
        QStringList all;
        for (const an::CountryShare& s : row.countries)
            all << tr("%1 %2").arg(countryName(net, s.country), percentText(s.share));
        if (!all.isEmpty())
            tip += tr("<br>By country: %1").arg(all.join(QStringLiteral(", ")));
        tip += tr("<br>Unknown origin: %1 not reported by known buyers, %2 upstream of "
                  "unknown supply")
                   .arg(percentText(row.unknownOrigin), percentText(row.untraced));
        cats.push_back(
            {QString::number(i) + QLatin1Char('/') + qs(m.id),
             tr("T%1 \u00b7 %2").arg(row.tier).arg(viewtext::materialLabel(qs(m.name), 26)), tip});
        for (size_t c = 0; c < cols.countries.size(); ++c)
            series[int(c)].values << cols.shares[i][c];
        series[series.size() - 2].values << cols.otherCountries[i];
        series[series.size() - 1].values << row.unknownOrigin + row.untraced;
    }
    m_tiers->chart()->setTitle(
        tr("%1 by tier and country%2")
            .arg(viewtext::materialLabel(qs(d.materials[size_t(material)].name), 30),
                 b.truncated ? tr(" (top %1)").arg(b.rows.size()) : QString()));
    m_tiers->setParts(parts);
    m_tiers->setData(cats, series);
}

void MaterialDetailPanel::showWorld(const an::Network& net, an::Index material) {
    const auto& d = net.data();
    const an::WorldMix mix = an::worldMix(net, material);
    // Say what the shares measure when the source did not measure production (SPEC §2).
    const an::WorldShareBasis basis = an::worldShareBasis(net, material);
    QString measure = basis.mixed ? tr("world shares, measured in different ways")
                                  : qs(std::string(an::shareBasisMeasure(basis.basis)));
    QString heading = basis.qualified() ? measure : tr("World production");
    heading[0] = heading[0].toUpper();
    QVector<DonutSlice> slices;
    QVector<MixPart> parts;
    for (const an::CountryShare& s : mix.shares) {
        const QString name = countryName(net, s.country);
        const QString iso = s.country == an::kNone ? QString() : qs(net.countries.id(s.country));
        slices.push_back(
            {iso, tr("%1  %2").arg(name, percentText(s.share)), s.share,
             tr("<b>%1</b><br>%2: %3")
                 .arg(name.toHtmlEscaped(), measure.toHtmlEscaped(), percentText(s.share))});
        const bool focus = s.country == net.focusCountry();
        parts << (focus ? MixPart::Focus : MixPart::Country);
    }
    if (mix.rest > 1e-9) {
        slices.push_back(
            {QString(), tr("Others %1").arg(percentText(mix.rest)), mix.rest,
             tr("<b>Producers not listed in the data</b><br>%1").arg(percentText(mix.rest))});
        parts << MixPart::Unknown;
    }
    QString year;
    if (mix.firstYear)
        year = mix.firstYear == mix.lastYear
                   ? QString::number(*mix.firstYear)
                   : tr("%1\u2013%2").arg(*mix.firstYear).arg(*mix.lastYear);
    m_world->chart()->setTitle(year.isEmpty() ? heading : tr("%1, %2").arg(heading, year));
    m_world->setParts(parts);
    m_world->setData(slices, mix.shares.empty() ? tr("no data") : QString());
    QStringList sources;
    for (const size_t s : mix.sources) {
        const core::Source& src = d.sources[s];
        QString name = qs(src.publisher).toHtmlEscaped();
        if (src.year)
            name += QStringLiteral(" ") + QString::number(*src.year);
        const QString title = src.title ? qs(*src.title).toHtmlEscaped() : name;
        sources << (src.url ? QStringLiteral("<a href=\"%1\" title=\"%2\">%3</a>")
                                  .arg(qs(*src.url).toHtmlEscaped(), title, name)
                            : name);
    }
    QString notes;
    for (const std::string& note : basis.notes)
        notes += qs(note).toHtmlEscaped() + QStringLiteral("<br>");
    m_sources->setText(mix.shares.empty()
                           ? tr("<i>No world production shares recorded for this material.</i>")
                           : tr("<small>%1Sources: %2</small>")
                                 .arg(notes, sources.isEmpty()
                                                 ? tr("not given")
                                                 : sources.join(QStringLiteral("; "))));
}

void MaterialDetailPanel::setSelectedMaterial(const QString& materialId) {
    QString key;
    for (int i = 0; i < m_tiers->categoryCount() && key.isEmpty(); ++i)
        if (materialOfKey(m_tiers->categoryKey(i)) == materialId)
            key = m_tiers->categoryKey(i);
    m_tiers->setSelectedKey(key);
}

} // namespace chokepoint::ui
