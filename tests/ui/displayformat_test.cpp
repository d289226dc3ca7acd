// SPDX-License-Identifier: MIT
// Short labels for long names: cut at " (" or ", ", elided to a length, and kept apart where two
// different names would otherwise get the same label.
#include <gtest/gtest.h>

#include "ui/displayformat.h"

namespace chokepoint::ui {
namespace {

TEST(ShortName, CutsAtTheFirstQualifierAndElides) {
    EXPECT_EQ(shortName(QStringLiteral("NCM811 pouch cell, high energy (~300 Wh/kg)")),
              QStringLiteral("NCM811 pouch cell"));
    EXPECT_EQ(shortName(QStringLiteral("Graphite (natural, spherical)")),
              QStringLiteral("Graphite"));
    // 12 characters allowed: 11 kept, trailing space trimmed, then the ellipsis.
    EXPECT_EQ(shortName(QStringLiteral("Lithium hydroxide monohydrate"), 12),
              QStringLiteral("Lithium hyd") + QChar(0x2026));
    EXPECT_EQ(shortName(QStringLiteral("Cobalt sulfate"), 14), QStringLiteral("Cobalt sulfate"));
    // A remark in the middle goes, not the words after it (0.1.0: "Synthetic").
    EXPECT_EQ(shortName(QStringLiteral("Synthetic (artificial) graphite, graphitised"), 56),
              QStringLiteral("Synthetic graphite"));
    EXPECT_EQ(shortName(QStringLiteral("(unnamed)")), QStringLiteral("(unnamed)"));
}

TEST(DistinctShortNames, KeepsWholeNamesOnlyWhereShortOnesWouldCollide) {
    const QStringList names = {QStringLiteral("Lotus Bay LFP plant, Jingmen"),
                               QStringLiteral("Lotus Bay LFP/LMFP plant, Guiyang"),
                               QStringLiteral("Lotus Bay LFP/LMFP plant, Jorf Lasfar"),
                               QStringLiteral("Nordvolt cell plant (Skelleftea)")};
    const QStringList labels = distinctShortNames(names, 38);
    ASSERT_EQ(labels.size(), 4);
    EXPECT_EQ(labels[0], QStringLiteral("Lotus Bay LFP plant")); // unique once cut
    EXPECT_EQ(labels[1], QStringLiteral("Lotus Bay LFP/LMFP plant, Guiyang"));
    EXPECT_EQ(labels[2], QStringLiteral("Lotus Bay LFP/LMFP plant, Jorf Lasfar"));
    EXPECT_EQ(labels[3], QStringLiteral("Nordvolt cell plant"));
}

TEST(DistinctShortNames, LongCollidingNamesAreElidedAndTheSameNameTwiceStaysShort) {
    const QStringList names = {QStringLiteral("Refinery, Kwinana (Western Australia)"),
                               QStringLiteral("Refinery, Kalgoorlie"),
                               QStringLiteral("Mine (open pit)"),
                               QStringLiteral("Mine (open pit)")};
    const QStringList labels = distinctShortNames(names, 16);
    // "Refinery" stands for two different names: each keeps 15 characters and an ellipsis.
    EXPECT_EQ(labels[0], QStringLiteral("Refinery, Kwina") + QChar(0x2026));
    EXPECT_EQ(labels[1], QStringLiteral("Refinery, Kalgo") + QChar(0x2026));
    // One name listed twice is no collision.
    EXPECT_EQ(labels[2], QStringLiteral("Mine"));
    EXPECT_EQ(labels[3], QStringLiteral("Mine"));
}

TEST(LegendNames, LeaveOutTheWordsEveryNameShares) {
    // The bundled products: short names "Northwind Breeze compact car", "Northwind Meridian
    // long-range car", "Northwind Cargo e-van"; all share "Northwind".
    const QStringList products = {
        QStringLiteral("Northwind Breeze compact car (52 kWh LFP)"),
        QStringLiteral("Northwind Meridian long-range car (92 kWh NCM811, dual motor)"),
        QStringLiteral("Northwind Cargo e-van (75 kWh LMFP)")};
    // Without "Northwind" they fit 24 characters ("Meridian long-range car" has 23).
    EXPECT_EQ(legendNames(products, 24), QStringList({QStringLiteral("Breeze compact car"),
                                                      QStringLiteral("Meridian long-range car"),
                                                      QStringLiteral("Cargo e-van")}));
    // In 20 they do not; the first word left tells them apart.
    EXPECT_EQ(legendNames(products, 20),
              QStringList(
                  {QStringLiteral("Breeze"), QStringLiteral("Meridian"), QStringLiteral("Cargo")}));
    // The first word left is the same ("plant"): cut to the width instead (9 + "…").
    EXPECT_EQ(
        legendNames({QStringLiteral("Acme plant"), QStringLiteral("Acme plant Jingmen north")}, 10),
        QStringList({QStringLiteral("plant"), QStringLiteral("plant Jin") + QChar(0x2026)}));
    // Two shared words go too; a name is never left empty ("Northwind" alone keeps it).
    EXPECT_EQ(legendNames({QStringLiteral("Lotus Bay plant A"), QStringLiteral("Lotus Bay mine")}),
              QStringList({QStringLiteral("plant A"), QStringLiteral("mine")}));
    EXPECT_EQ(legendNames({QStringLiteral("Northwind"), QStringLiteral("Northwind Cargo")}),
              QStringList({QStringLiteral("Northwind"), QStringLiteral("Northwind Cargo")}));
    // Nothing shared, or one name: as distinctShortNames().
    EXPECT_EQ(legendNames({QStringLiteral("Graphite"), QStringLiteral("Lithium (battery)")}),
              QStringList({QStringLiteral("Graphite"), QStringLiteral("Lithium")}));
    EXPECT_EQ(legendNames({QStringLiteral("Northwind Breeze")}),
              QStringList({QStringLiteral("Northwind Breeze")}));
    // Labels that would read alike once cut keep the shared words (as distinctShortNames()).
    EXPECT_EQ(legendNames({QStringLiteral("Acme cell plant, Jingmen"),
                           QStringLiteral("Acme cell plant, Guiyang")},
                          30),
              QStringList({QStringLiteral("Acme cell plant, Jingmen"),
                           QStringLiteral("Acme cell plant, Guiyang")}));
}

} // namespace
} // namespace chokepoint::ui
