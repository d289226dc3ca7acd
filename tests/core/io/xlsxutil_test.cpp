// SPDX-License-Identifier: MIT
// Cell references, serial dates, number formats and string escapes of the .xlsx format.
// Every expected value is worked out by hand in the comments.
#include <gtest/gtest.h>

#include "core/io/xlsxutil.h"

using namespace chokepoint::core;
using namespace chokepoint::core::io;

TEST(XlsxColumns, LettersToNumbers) {
    EXPECT_EQ(xlsxColumnFromLetters("A"), 1);
    EXPECT_EQ(xlsxColumnFromLetters("Z"), 26);
    EXPECT_EQ(xlsxColumnFromLetters("AA"), 27);     // 1*26 + 1
    EXPECT_EQ(xlsxColumnFromLetters("AZ"), 52);     // 1*26 + 26
    EXPECT_EQ(xlsxColumnFromLetters("BA"), 53);     // 2*26 + 1
    EXPECT_EQ(xlsxColumnFromLetters("ZZ"), 702);    // 26*26 + 26
    EXPECT_EQ(xlsxColumnFromLetters("AAA"), 703);   // 676 + 26 + 1
    EXPECT_EQ(xlsxColumnFromLetters("XFD"), 16384); // 24*676 + 6*26 + 4
    EXPECT_EQ(xlsxColumnFromLetters("xfd"), 16384);
    EXPECT_EQ(xlsxColumnFromLetters("XFE"), -1);        // one past the last column
    EXPECT_EQ(xlsxColumnFromLetters("ZZZ"), -1);        // 18278
    EXPECT_EQ(xlsxColumnFromLetters("ZZZZZZZZZZ"), -1); // no overflow
    EXPECT_EQ(xlsxColumnFromLetters(""), 0);
    EXPECT_EQ(xlsxColumnFromLetters("A1"), 0);
    EXPECT_EQ(xlsxColumnFromLetters("$A"), 0);
}

TEST(XlsxColumns, NumbersToLettersAndBack) {
    EXPECT_EQ(xlsxColumnLetters(1), "A");
    EXPECT_EQ(xlsxColumnLetters(26), "Z");
    EXPECT_EQ(xlsxColumnLetters(27), "AA");
    EXPECT_EQ(xlsxColumnLetters(702), "ZZ");
    EXPECT_EQ(xlsxColumnLetters(703), "AAA");
    EXPECT_EQ(xlsxColumnLetters(16384), "XFD");
    for (int c = 1; c <= kXlsxMaxColumns; ++c)
        ASSERT_EQ(xlsxColumnFromLetters(xlsxColumnLetters(c)), c);
}

TEST(XlsxColumns, CellReferences) {
    auto ref = parseXlsxCellRef("C12");
    EXPECT_EQ(ref.column, 3);
    EXPECT_EQ(ref.row, 12);
    ref = parseXlsxCellRef("XFD1048576");
    EXPECT_EQ(ref.column, 16384);
    EXPECT_EQ(ref.row, 1048576);
    EXPECT_EQ(parseXlsxCellRef("A1048577").row, 0); // beyond the last row
    EXPECT_EQ(parseXlsxCellRef("A99999999999999").row, 0);
    EXPECT_EQ(parseXlsxCellRef("A0").row, 0);
    EXPECT_EQ(parseXlsxCellRef("A").row, 0);
    EXPECT_EQ(parseXlsxCellRef("A1x").row, 0);
    EXPECT_EQ(parseXlsxCellRef("12").column, 0);
    EXPECT_EQ(parseXlsxCellRef("XFE1").column, -1);
}

TEST(XlsxDates, Serials1900WithTheLotusLeapDay) {
    // 1 = 1900-01-01, counting on through January (31) and February (28).
    EXPECT_EQ(xlsxSerialToDate(1, false), Date::fromYmd(1900, 1, 1));
    EXPECT_EQ(xlsxSerialToDate(32, false), Date::fromYmd(1900, 2, 1));
    EXPECT_EQ(xlsxSerialToDate(59, false), Date::fromYmd(1900, 2, 28));
    EXPECT_EQ(xlsxSerialToDate(60, false), std::nullopt); // 1900-02-29 never existed
    EXPECT_EQ(xlsxSerialToDate(61, false), Date::fromYmd(1900, 3, 1));
    // 1970-01-01: 70 years of 365 days and 17 leap days (1904..1968) after 1900-01-01
    // (= serial 1, plus the phantom leap day) -> 25550 + 17 + 2 = 25569.
    EXPECT_EQ(xlsxSerialToDate(25569, false), Date::fromYmd(1970, 1, 1));
    EXPECT_EQ(xlsxSerialToDate(45658, false), Date::fromYmd(2025, 1, 1));
    // 2024 has 366 days: 45658 - 366 = 45292; December has 31: 45292 - 31 = 45261.
    EXPECT_EQ(xlsxSerialToDate(45292, false), Date::fromYmd(2024, 1, 1));
    EXPECT_EQ(xlsxSerialToDate(45261, false), Date::fromYmd(2023, 12, 1));
    EXPECT_EQ(xlsxSerialToDate(2958465, false), Date::fromYmd(9999, 12, 31)); // Excel's last day
    EXPECT_EQ(xlsxSerialToDate(2958466, false), std::nullopt);
    EXPECT_EQ(xlsxSerialToDate(0, false), std::nullopt);
    EXPECT_EQ(xlsxSerialToDate(-1, false), std::nullopt);
}

TEST(XlsxDates, Serials1904) {
    EXPECT_EQ(xlsxSerialToDate(0, true), Date::fromYmd(1904, 1, 1));
    EXPECT_EQ(xlsxSerialToDate(31, true), Date::fromYmd(1904, 2, 1));
    EXPECT_EQ(xlsxSerialToDate(59, true), Date::fromYmd(1904, 2, 29)); // 1904 is a leap year
    // 1904-01-01 is 1900-serial 1462 (4 * 365 + 2), so the systems differ by 1462 days.
    EXPECT_EQ(xlsxSerialToDate(1462, false), Date::fromYmd(1904, 1, 1));
    EXPECT_EQ(xlsxSerialToDate(45658 - 1462, true), Date::fromYmd(2025, 1, 1));
    for (long long s : {1462LL, 1463LL, 25569LL, 45261LL, 2958465LL}) // from 1904-01-01 on
        EXPECT_EQ(xlsxSerialToDate(s, false), xlsxSerialToDate(s - 1462, true)) << s;
    EXPECT_EQ(xlsxSerialToDate(-1, true), std::nullopt);
}

TEST(XlsxDates, CellText) {
    EXPECT_EQ(xlsxDateText(45658, false), "2025-01-01");
    EXPECT_EQ(xlsxDateText(45658.5, false), "2025-01-01 12:00:00");
    EXPECT_EQ(xlsxDateText(45658.5625, false), "2025-01-01 13:30:00"); // 0.5625 * 24 = 13.5 h
    EXPECT_EQ(xlsxDateText(45658.99999999, false), "2025-01-02"); // rounds to the next midnight
    EXPECT_EQ(xlsxDateText(0.25, false), "06:00:00");             // a time of day only
    EXPECT_EQ(xlsxDateText(60, false), "1900-02-29");             // shown, but not a date
    EXPECT_EQ(xlsxDateText(61, false), "1900-03-01");
    EXPECT_EQ(xlsxDateText(0, true), "1904-01-01");
    EXPECT_EQ(xlsxDateText(44196, true), "2025-01-01");
    EXPECT_EQ(xlsxDateText(-1, false), "-1");           // no date: the number
    EXPECT_EQ(xlsxDateText(3000000, false), "3000000"); // past 9999-12-31
}

TEST(XlsxNumberFormats, BuiltInDateFormats) {
    for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 36, 45, 46, 47, 50, 58})
        EXPECT_TRUE(isXlsxBuiltinDateFormat(id)) << id;
    for (int id : {0, 1, 2, 9, 10, 11, 13, 23, 26, 37, 44, 48, 49, 59, 164})
        EXPECT_FALSE(isXlsxBuiltinDateFormat(id)) << id;
}

TEST(XlsxNumberFormats, CustomCodes) {
    for (const char* code : {"yyyy-mm-dd", "d mmm yyyy", "dd.mm.yyyy", "hh:mm", "YYYY", "[h]:mm:ss",
                             "[$-409]mmmm d, yyyy;@", "mm:ss.0"})
        EXPECT_TRUE(isXlsxDateFormatCode(code)) << code;
    for (const char* code :
         {"General", "0", "0.00", "#,##0", "0.0%", "0.00E+00", "[Red]0.00", "#,##0.00 \"kg/d\"",
          "0 \"days\"", "\\d0", "0.00_);(0.00)", "* #,##0", "@", "[$USD] #,##0", "\"unterminated"})
        EXPECT_FALSE(isXlsxDateFormatCode(code)) << code;
}

TEST(XlsxStrings, DecodesEscapes) {
    EXPECT_EQ(decodeXlsxEscapes("plain"), "plain");
    EXPECT_EQ(decodeXlsxEscapes("a_x000D_b"), "a\rb");
    EXPECT_EQ(decodeXlsxEscapes("_x005F_x0041_"), "_x0041_");           // an escaped underscore
    EXPECT_EQ(decodeXlsxEscapes("_x00e9_"), "\xC3\xA9");                // é, lower-case hex
    EXPECT_EQ(decodeXlsxEscapes("_xD83D__xDE00_"), "\xF0\x9F\x98\x80"); // U+1F600 as a pair
    EXPECT_EQ(decodeXlsxEscapes("_xD83D_"), "\xEF\xBF\xBD");            // lone surrogate: U+FFFD
    EXPECT_EQ(decodeXlsxEscapes("_x0000_"), "_x0000_");                 // NUL is kept as text
    EXPECT_EQ(decodeXlsxEscapes("_x12_ and _x12G4_"), "_x12_ and _x12G4_");
}

TEST(XlsxStrings, EscapingUnderscoresRoundTrips) {
    EXPECT_EQ(escapeXlsxUnderscores("a_x0041_b"), "a_x005F_x0041_b");
    EXPECT_EQ(escapeXlsxUnderscores("snake_case_x"), "snake_case_x");
    for (const char* s : {"a_x0041_b", "_x005F_", "__x0041__", "x_y", "_x0000_", "\r\n"})
        EXPECT_EQ(decodeXlsxEscapes(escapeXlsxUnderscores(s)), s) << s;
}
