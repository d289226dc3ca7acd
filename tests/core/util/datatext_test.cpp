// SPDX-License-Identifier: MIT
// Data strings shown to people (issue 17): bidirectional isolation, elision, control
// characters in messages, and the supported date range.
#include <gtest/gtest.h>

#include "core/model/date.h"
#include "core/util/bidi.h"
#include "core/util/escape.h"

using namespace chokepoint;
using core::Date;

namespace {
const std::string kFsi = "\u2068", kPdi = "\u2069", kRlo = "\u202E", kRli = "\u2067";
}

TEST(Bidi, PlainTextIsLeftAlone) {
    EXPECT_EQ(core::isolateBidi("Lithium hydroxide"), "Lithium hydroxide");
    EXPECT_EQ(core::isolateBidi("Z\u00fcrich \u4e2d\u6587 \U0001F642"),
              "Z\u00fcrich \u4e2d\u6587 \U0001F642");
    EXPECT_EQ(core::isolateBidi(""), "");
}

TEST(Bidi, RightToLeftTextAndControlsAreIsolated) {
    EXPECT_EQ(core::isolateBidi(kRlo + "evil"), kFsi + kRlo + "evil" + kPdi);
    EXPECT_EQ(core::isolateBidi("\u05e9\u05dc\u05d5\u05dd"),
              kFsi + "\u05e9\u05dc\u05d5\u05dd" + kPdi);
    EXPECT_EQ(core::isolateBidi("\u0627\u0644\u0635\u064a\u0646 1"),
              kFsi + "\u0627\u0644\u0635\u064a\u0646 1" + kPdi);
    // A PDI in the data would close the isolate early and let the override after it out.
    EXPECT_EQ(core::isolateBidi("x" + kPdi + kRlo + "y"), kFsi + "x" + kRlo + "y" + kPdi);
    // An isolate the data leaves open gets its PDI, so that ours still closes ours.
    EXPECT_EQ(core::isolateBidi(kRli + "abc"), kFsi + kRli + "abc" + kPdi + kPdi);
    EXPECT_EQ(core::isolateBidi(kRli + "a" + kPdi), kFsi + kRli + "a" + kPdi + kPdi);
}

TEST(Elide, CutsAtCharactersWithAnEllipsis) {
    EXPECT_EQ(core::elideText("abcdef", 4), "abc\u2026");
    EXPECT_EQ(core::elideText("abcd", 4), "abcd");
    EXPECT_EQ(core::elideText("abcde", 5), "abcde");
    // Two-byte characters: never cut inside one.
    EXPECT_EQ(core::elideText("\u00e4\u00e4\u00e4\u00e4\u00e4", 3), "\u00e4\u00e4\u2026");
    EXPECT_EQ(core::elideText("\u00e4\u00e4\u00e4", 3), "\u00e4\u00e4\u00e4");
    EXPECT_EQ(core::elideText("\U0001F642\U0001F642\U0001F642", 2), "\U0001F642\u2026");
}

TEST(EscapeControls, OneLineAndNoEscapeSequences) {
    EXPECT_EQ(core::escapeControls("a\x1b[31mb\nc\r\td\x7f"), "a\\x1b[31mb\\nc\\r\\td\\x7f");
    EXPECT_EQ(core::escapeControls("bell\x07"), "bell\\x07");
    EXPECT_EQ(core::escapeControls("csi\xc2\x9b"
                                   "31m"),
              "csi\\u009b31m"); // U+009B
    EXPECT_EQ(core::escapeControls("Z\u00fcrich \u4e2d"), "Z\u00fcrich \u4e2d");
}

TEST(DateRange, FirstAndLastSupportedDays) {
    // 1900-01-01 is 25,567 days before 1970-01-01: 70 years of 365 days and 17 leap days
    // (1904 ... 1968; 1900 is no leap year). 2200-12-31 is 84,370 days after: 231 years to
    // 2201-01-01 with 56 leap days (1972 ... 2196, without 2100), minus one.
    EXPECT_EQ(Date::first().days(), -(70 * 365 + 17));
    EXPECT_EQ(Date::last().days(), 231 * 365 + 56 - 1);
    EXPECT_EQ(Date::first().toString(), "1900-01-01");
    EXPECT_EQ(Date::last().toString(), "2200-12-31");
    EXPECT_EQ(Date::rangeText(), "1900-01-01 to 2200-12-31");
}

TEST(DateRange, ParseRefusesDatesOutsideIt) {
    for (const char* outside : {"0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"}) {
        EXPECT_FALSE(Date::parse(outside).has_value()) << outside;
        EXPECT_EQ(Date::parseProblem(outside),
                  "is outside the supported range 1900-01-01 to 2200-12-31")
            << outside;
    }
    for (const char* inside : {"1900-01-01", "2025-08-01", "2200-12-31"}) {
        EXPECT_TRUE(Date::parse(inside).has_value()) << inside;
        EXPECT_EQ(Date::parseProblem(inside), "") << inside;
    }
    EXPECT_EQ(Date::parseProblem("2025-02-30"), "is not a date (YYYY-MM-DD)");
    EXPECT_EQ(Date::parseProblem("yesterday"), "is not a date (YYYY-MM-DD)");
}
