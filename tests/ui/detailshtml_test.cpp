// SPDX-License-Identifier: MIT
// The details dock's HTML at the dock's narrowest width: every item of the bundled workspace
// lays out without breaking a word across lines and without a table wider than the dock, and
// the figures are the exposure engine's.
#include <gtest/gtest.h>

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include "core/analysis/exposureengine.h"
#include "core/util/format.h"
#include "tests/ui/uitestsupport.h"
#include "ui/appstate.h"
#include "ui/detailshtml.h"

namespace chokepoint::ui {
namespace {

namespace an = core::analysis;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// The dock is at least 300 px wide (MainWindow::dockWidthFor); less its frame and a
// vertical scroll bar.
constexpr double kTextWidth = 300.0 - 2.0 - 16.0;

class DetailsHtmlTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_FALSE(QFontDatabase::families().isEmpty()) << "no fonts: nothing to lay out";
        path = test::createBundledWorkspace(dir);
        state.setAsOf(*core::Date::parse("2025-08-01"));
        state.openWorkspace(QString::fromStdString(path));
        state.waitForIdle();
        ASSERT_TRUE(state.exposure() && state.summary() && state.engine());
    }

    QString html(SelectionKind kind, const std::string& id) const {
        return detailsHtml({kind, qs(id)}, *state.exposure(), *state.engine(), *state.summary(),
                           state.filters());
    }

    // Lays `html` out as the dock does and lists the problems: words broken across lines
    // ("Countr" / "y") and content wider than the dock.
    static QStringList layoutProblems(const QString& html) {
        QTextDocument doc;
        doc.setIndentWidth(14); // as the dock
        doc.setHtml(html);
        doc.setTextWidth(kTextWidth);
        doc.documentLayout()->documentSize(); // lays everything out
        QStringList problems;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            const QTextLayout* layout = b.layout();
            const QString text = b.text();
            for (int i = 0; layout && i + 1 < layout->lineCount(); ++i) {
                const QTextLine line = layout->lineAt(i);
                const int end = line.textStart() + line.textLength();
                if (end <= 0 || end >= text.size())
                    continue;
                if (text[end - 1].isLetterOrNumber() && text[end].isLetterOrNumber())
                    problems << QStringLiteral("broken word: \"%1|%2\"")
                                    .arg(text.mid(line.textStart(), line.textLength()),
                                         text.mid(end));
            }
        }
        // idealWidth() counts the document margin on both sides; a line may reach into the
        // right margin (a trailing space, a glyph's overhang: a couple of pixels depending on
        // the fonts installed), but no content may pass the viewport's edge.
        const double rightEdge = doc.idealWidth() - doc.documentMargin();
        if (rightEdge > kTextWidth + 0.5)
            problems << QStringLiteral("wider than the dock: %1 px").arg(rightEdge);
        return problems;
    }

    test::TempDir dir;
    std::string path;
    AppState state;
};

TEST_F(DetailsHtmlTest, EveryItemFitsTheNarrowDock) {
    const an::Network& net = *state.network();
    const auto& d = net.data();
    auto check = [&](SelectionKind kind, const std::string& id) {
        const QStringList problems = layoutProblems(html(kind, id));
        EXPECT_TRUE(problems.isEmpty()) << id << ":\n"
                                        << problems.join(QLatin1Char('\n')).toStdString();
    };
    for (const auto& m : d.materials)
        check(SelectionKind::Material, m.id);
    for (const auto& p : d.products)
        check(SelectionKind::Product, p.id);
    for (const auto& s : d.sites)
        check(SelectionKind::Site, s.id);
    for (const auto& s : d.suppliers)
        check(SelectionKind::Supplier, s.id);
    for (const auto& c : d.controls)
        check(SelectionKind::Control, c.id);
    for (const auto& c : d.countries)
        check(SelectionKind::Country, c.iso3);
}

// The layout check itself catches what the dock used to show: five columns of which two are
// long words in 284 px.
TEST_F(DetailsHtmlTest, TheLayoutCheckFindsBrokenWords) {
    const QString cramped =
        QStringLiteral("<table width='100%'><tr><th>Site</th><th>Country</th><th>Dependence"
                       "</th><th>Spend</th><th>Exposed</th><th>Concentration</th></tr><tr><td>"
                       "Minjiang cell plant, Ningde</td><td>Hungary</td><td>100.0 %</td><td>"
                       "$168.5 m</td><td>100.0 %</td><td>10,000</td></tr></table>");
    EXPECT_FALSE(layoutProblems(cramped).isEmpty());
    // And a table wider than the dock.
    const QString wide = QStringLiteral("<table width='420'><tr><td>Site</td><td>Spend</td>"
                                        "</tr></table>");
    EXPECT_TRUE(layoutProblems(wide).join(QLatin1Char('\n')).contains(QStringLiteral("wider")));
}

// The figures of a material and of its tier-1 links, from the engine's results directly.
TEST_F(DetailsHtmlTest, MaterialFiguresAreTheEngines) {
    const an::Network& net = *state.network();
    const std::string id = "cell_lfp_prismatic";
    const an::Index m = net.materials.find(id);
    ASSERT_NE(m, an::kNone);
    QTextDocument doc;
    doc.setHtml(html(SelectionKind::Material, id));
    const QString text = doc.toPlainText();
    for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled}) {
        const an::ExposureResult r = state.engine()->compute(lens, state.filters().asOf);
        bool found = false;
        for (const auto& e : r.materials) {
            if (e.material != m)
                continue;
            found = true;
            EXPECT_TRUE(text.contains(qs(core::formatPercent(e.dependence))));
            if (e.spendAtRisk) {
                EXPECT_TRUE(text.contains(qs(core::formatMoney(*e.spendAtRisk))));
            }
        }
        EXPECT_TRUE(found);
    }
    // Our tier-1 links: each site's name with its share and spend from the raw rows.
    const auto& d = net.data();
    int links = 0;
    for (const auto& l : d.supply) {
        if (!l.buyerSite.empty() || l.materialId != id)
            continue;
        ++links;
        const auto& site = d.sites[size_t(net.sites.find(l.supplierSite))];
        EXPECT_TRUE(text.contains(qs(site.name ? *site.name : site.id)));
        EXPECT_TRUE(text.contains(qs(core::formatPercent(l.share))));
        if (l.annualSpend) {
            EXPECT_TRUE(text.contains(qs(core::formatMoney(*l.annualSpend))));
        }
    }
    EXPECT_GT(links, 0);
}

// A supplier's share is per material: Minjiang supplies 70 % of our LMFP cells (Yibin) and
// 45 % of our LFP cells (Ningde), from the bundled purchase lines; 0.1.0 added them up to
// "Our share 115.0 %".
TEST_F(DetailsHtmlTest, SupplierSharesArePerMaterial) {
    QTextDocument doc;
    doc.setHtml(html(SelectionKind::Supplier, "minjiang"));
    const QString text = doc.toPlainText();
    EXPECT_FALSE(text.contains(QStringLiteral("115.0"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("What we buy from it (tier 1)")));
    const qsizetype lmfp = text.indexOf(QStringLiteral("LMFP prismatic cell"));
    const qsizetype lfp = text.indexOf(QStringLiteral("LFP prismatic cell"));
    ASSERT_GE(lmfp, 0) << text.toStdString();
    ASSERT_GE(lfp, 0) << text.toStdString();
    EXPECT_TRUE(text.mid(lmfp, 40).contains(QStringLiteral("70.0 %")))
        << text.mid(lmfp, 40).toStdString();
    EXPECT_TRUE(text.mid(lfp, 40).contains(QStringLiteral("45.0 %")))
        << text.mid(lfp, 40).toStdString();
}

// A world share that measures something else than production says what, with the source's
// note, and is never headed "World production" (SPEC §2 basis; bundled world_shares.csv:
// synthetic graphite is China's share of production capacity, "about 90 %" (Bloomberg);
// the separator's shares are by company nationality).
TEST_F(DetailsHtmlTest, WorldSharesSayWhatTheyMeasure) {
    auto text = [&](SelectionKind kind, const std::string& id) {
        QTextDocument doc;
        doc.setHtml(html(kind, id));
        return doc.toPlainText();
    };
    const QString graphite = text(SelectionKind::Material, "synthetic_graphite");
    EXPECT_TRUE(graphite.contains(QStringLiteral("Share of world production capacity")))
        << graphite.toStdString();
    EXPECT_TRUE(graphite.contains(QStringLiteral("Synthetic graphite production capacity")));
    EXPECT_FALSE(graphite.contains(QStringLiteral("World production"))) << graphite.toStdString();

    const QString separator = text(SelectionKind::Material, "separator");
    EXPECT_TRUE(separator.contains(QStringLiteral("by company nationality, not plant location")));
    EXPECT_TRUE(separator.contains(QStringLiteral("87.4 %")));
    EXPECT_FALSE(separator.contains(QStringLiteral("World production")));

    // Lithium ore is mine production (USGS): plain production, headed as before.
    EXPECT_TRUE(
        text(SelectionKind::Material, "li_raw").contains(QStringLiteral("World production")));

    // China's shares by material: production unless marked, the others marked by their basis.
    const QString china = text(SelectionKind::Country, "CHN");
    EXPECT_TRUE(china.contains(QStringLiteral("World shares (production unless marked)")));
    EXPECT_TRUE(
        china.contains(QStringLiteral("Synthetic (artificial) graphite, graphitised (capacity)")))
        << china.toStdString();
    EXPECT_TRUE(china.contains(
        QStringLiteral("Liquid electrolyte (LiPF6 in carbonate solvents) (company nationality)")));
    EXPECT_TRUE(
        china.contains(QStringLiteral("Spherical purified natural graphite (lower bound)")));
}

} // namespace
} // namespace chokepoint::ui
