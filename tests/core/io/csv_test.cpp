// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/io/csv.h"

using namespace chokepoint::core::io;

namespace {

RawTable parse(const std::string& text, IssueList& issues) {
    RawTable t;
    t.name = "t";
    t.file = "t.csv";
    parseCsv(text, t, issues);
    return t;
}

} // namespace

TEST(Csv, ReadsHeaderAndRows) {
    IssueList issues;
    const auto t = parse("a,b\n1,2\n3,4\n", issues);
    ASSERT_TRUE(issues.empty()) << issues.toString();
    ASSERT_EQ(t.header, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(t.rowCount(), 2u);
    EXPECT_EQ(t.cell(1, 0), "3");
    EXPECT_EQ(t.cell(1, 1), "4");
    EXPECT_EQ(t.lineOf(0), 2);
    EXPECT_EQ(t.lineOf(1), 3);
}

TEST(Csv, Rfc4180QuotingWithCommasQuotesAndNewlines) {
    IssueList issues;
    const auto t =
        parse("name,x\r\n\"Korea, Republic of\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n"
              "after,3\r\n",
              issues);
    ASSERT_TRUE(issues.empty()) << issues.toString();
    ASSERT_EQ(t.rowCount(), 3u);
    EXPECT_EQ(t.cell(0, 0), "Korea, Republic of");
    EXPECT_EQ(t.cell(0, 1), "say \"hi\"");
    EXPECT_EQ(t.cell(1, 0), "two\nlines");
    // The record after a two-line field starts on physical line 5.
    EXPECT_EQ(t.lineOf(2), 5);
    EXPECT_EQ(t.cell(2, 0), "after");
}

TEST(Csv, SkipsBomAndBlankLinesAndLastLineWithoutNewline) {
    IssueList issues;
    const auto t = parse("\xEF\xBB\xBFid,v\n\nx,1\n\ny,2", issues);
    ASSERT_TRUE(issues.empty()) << issues.toString();
    EXPECT_EQ(t.header[0], "id");
    ASSERT_EQ(t.rowCount(), 2u);
    EXPECT_EQ(t.cell(1, 0), "y");
    EXPECT_EQ(t.lineOf(1), 5);
}

TEST(Csv, EmptyQuotedFieldIsAField) {
    IssueList issues;
    const auto t = parse("a\n\"\"\n", issues);
    ASSERT_TRUE(issues.empty());
    ASSERT_EQ(t.rowCount(), 1u);
    EXPECT_EQ(t.cell(0, 0), "");
}

TEST(Csv, WrongFieldCountIsReportedWithLine) {
    IssueList issues;
    const auto t = parse("a,b\n1,2\n1,2,3\n4\n5,6\n", issues);
    ASSERT_EQ(issues.total(), 2u);
    EXPECT_EQ(issues.issues()[0].toString(),
              "t.csv:3: expected 2 fields (as in the header), found 3");
    EXPECT_EQ(issues.issues()[1].where.line, 4);
    EXPECT_EQ(t.rowCount(), 2u);
}

TEST(Csv, UnterminatedQuoteIsFatal) {
    IssueList issues;
    RawTable t;
    t.file = "t.csv";
    EXPECT_FALSE(parseCsv("a,b\n1,\"open\n2,3\n", t, issues));
    ASSERT_EQ(issues.total(), 1u);
    EXPECT_EQ(issues.issues()[0].where.line, 2);
    EXPECT_EQ(issues.issues()[0].where.column, 2);
}

TEST(Csv, GarbageAfterClosingQuote) {
    IssueList issues;
    RawTable t;
    t.file = "t.csv";
    EXPECT_FALSE(parseCsv("a\n\"x\"y\n", t, issues));
    EXPECT_NE(issues.toString().find("t.csv:2:1: unexpected character after a closing quote"),
              std::string::npos)
        << issues.toString();
}

TEST(Csv, RejectsUtf16NulAndInvalidUtf8) {
    {
        IssueList issues;
        RawTable t;
        t.file = "u.csv";
        EXPECT_FALSE(parseCsv(std::string("\xFF\xFE"
                                          "a\0,\0",
                                          6),
                              t, issues));
        EXPECT_NE(issues.toString().find("UTF-16"), std::string::npos);
    }
    {
        IssueList issues;
        const auto t = parse(std::string("a,b\nx,y\0z\n", 10), issues);
        ASSERT_EQ(issues.total(), 1u);
        EXPECT_EQ(issues.issues()[0].where.toString(), "t.csv:2:2");
        EXPECT_EQ(t.rowCount(), 0u);
    }
    {
        IssueList issues;
        parse("a\n\xC3\x28\n", issues);
        ASSERT_EQ(issues.total(), 1u);
        EXPECT_NE(issues.toString().find("invalid UTF-8"), std::string::npos);
    }
}

TEST(Csv, EmptyFile) {
    IssueList issues;
    RawTable t;
    t.file = "e.csv";
    EXPECT_FALSE(parseCsv("", t, issues));
    EXPECT_EQ(issues.toString(), "e.csv:1: the file is empty (no header row)\n");
}

TEST(Csv, FieldQuotingOnWrite) {
    std::string line;
    appendCsvField(line, "plain");
    line += ',';
    appendCsvField(line, "a,b");
    line += ',';
    appendCsvField(line, "say \"x\"");
    line += ',';
    appendCsvField(line, "two\nlines");
    EXPECT_EQ(line, "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\"");
}

TEST(Csv, NumbersRoundTripShortest) {
    EXPECT_EQ(formatNumber(0.1), "0.1");
    EXPECT_EQ(formatNumber(52348159.58), "52348159.58");
    EXPECT_EQ(formatNumber(-0.0), "0");
    EXPECT_EQ(formatNumber(1.0), "1");
    EXPECT_EQ(formatNumber(0.328303), "0.328303");
    EXPECT_EQ(formatNumber(0.0008), "0.0008");
    EXPECT_EQ(formatNumber(1e7), "10000000");
    EXPECT_EQ(formatNumber(1e-7), "1e-07");
    EXPECT_EQ(formatNumber(2.5e20), "2.5e+20");
}
