// SPDX-License-Identifier: MIT
// `chokepoint report` through the real executable (issue 8, item 5): the bundled data with the
// two example scenarios as PDF and HTML. The figures the report must show come from other
// routes: the exposure and scenario commands' JSON, formatted here; the PDF is read back with
// pdftotext and pdfinfo (poppler-utils).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <gtest/gtest.h>
#include <regex>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QXmlStreamReader>

#include "tests/core/robust/hostiledata.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
namespace {

namespace fs = std::filesystem;

const std::string kAsOf = "2025-08-01";

std::string scenarioFile(const std::string& name) {
    return std::string(CHOKEPOINT_SOURCE_DIR) + "/resources/scenarios/" + name;
}

// Runs a poppler tool; fails the test when it is missing or fails.
std::string tool(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted()) {
        ADD_FAILURE() << program.toStdString()
                      << " is not installed (poppler-utils, scripts/install-deps.sh)";
        return {};
    }
    p.waitForFinished(60000);
    EXPECT_EQ(p.exitCode(), 0) << program.toStdString() << ": "
                               << p.readAllStandardError().toStdString();
    return p.readAllStandardOutput().toStdString();
}

std::string pdfText(const std::string& pdf, int page = 0) {
    QStringList args{QStringLiteral("-layout")};
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l")
             << QString::number(page);
    args << QString::fromStdString(pdf) << QStringLiteral("-");
    return tool(QStringLiteral("pdftotext"), args);
}

// A value of pdfinfo's "Key:   value" lines.
std::string pdfInfo(const std::string& pdf, const std::string& key) {
    const std::string info = tool(QStringLiteral("pdfinfo"), {QString::fromStdString(pdf)});
    const std::regex line("(^|\n)" + key + ":\\s*([^\n]*)");
    std::smatch m;
    return std::regex_search(info, m, line) ? m[2].str() : std::string();
}

// Every run of white space as one space: table cells and paragraphs wrap on the page.
std::string squeeze(const std::string& text) {
    return std::regex_replace(text, std::regex("\\s+"), " ");
}

std::string withoutSpace(const std::string& text) {
    return std::regex_replace(text, std::regex("\\s+"), "");
}

// Money as people read it: "$3.24 bn", "$167.9 m" (3 significant figures from 1 m up, as
// SPEC §7's summary shows them; worked out here, not with the program's formatter).
std::string money(double amount) {
    const double a = std::fabs(amount);
    char buffer[64];
    auto scaled = [&](double unit, const char* name) {
        const double x = a / unit;
        std::snprintf(buffer, sizeof buffer, "$%.*f %s", x < 10 ? 2 : 1, x, name);
    };
    if (a >= 1e9)
        scaled(1e9, "bn");
    else if (a >= 1e6)
        scaled(1e6, "m");
    else
        ADD_FAILURE() << "money() only formats amounts from 1 m: " << amount;
    return buffer;
}

std::string percent(double fraction) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f %%", fraction * 100.0);
    return buffer;
}

QJsonObject json(const std::vector<std::string>& args) {
    std::string out, err;
    EXPECT_EQ(runChokepoint(args, &out, &err), 0) << err;
    QJsonParseError e{};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out), &e);
    EXPECT_EQ(e.error, QJsonParseError::NoError) << out.substr(0, 300);
    return doc.object();
}

const std::vector<std::string>& sectionTitles() {
    static const std::vector<std::string> titles = {
        "Executive summary",    "Exposure by product",      "Exposure by material",
        "Exposure by supplier", "Export controls timeline", "Stress scenarios",
        "Critical sites",       "Map of the supply chain",  "Methodology and sources"};
    return titles;
}

struct Xml {
    std::string error;                 ///< empty when well-formed
    std::string text;                  ///< all character data, in document order
    std::vector<std::string> problems; ///< external references found
    std::vector<std::string> h2;
};

// Parses the HTML as XML (the writer emits XHTML-compatible polyglot HTML) and collects every
// attribute or element that would make the page load something from elsewhere.
Xml parseHtml(const std::string& html) {
    Xml x;
    QXmlStreamReader r(QByteArray::fromStdString(html));
    bool inH2 = false;
    std::string heading;
    static const std::regex external("^\\s*(https?:|//|file:|ftp:|javascript:)", std::regex::icase);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const std::string name = r.name().toString().toLower().toStdString();
            if (name == "script" || name == "link" || name == "iframe" || name == "object" ||
                name == "embed" || name == "base")
                x.problems.push_back("<" + name + "> element");
            for (const auto& a : r.attributes()) {
                const std::string attr = a.qualifiedName().toString().toLower().toStdString();
                const std::string value = a.value().toString().toStdString();
                const bool inline_ = value.rfind("data:", 0) == 0 || value.rfind("#", 0) == 0;
                if (attr.rfind("on", 0) == 0)
                    x.problems.push_back(attr + " handler");
                // Images (a colour emoji glyph in a chart label is one) only from data: URIs.
                if ((attr == "src" || attr == "srcset" || attr == "xlink:href" ||
                     attr == "action" || attr == "poster" || attr == "data") &&
                    !inline_)
                    x.problems.push_back(attr + "=\"" + value + "\" on <" + name + ">");
                // A link a reader may click (the data sources' web pages) loads nothing; any
                // other href, and a link to a file or a script, would.
                if (attr == "href" && !inline_ &&
                    (name != "a" ||
                     (std::regex_search(value, external) && value.rfind("https://", 0) != 0 &&
                      value.rfind("http://", 0) != 0)))
                    x.problems.push_back("href=\"" + value + "\" on <" + name + ">");
            }
            if (name == "h2") {
                inH2 = true;
                heading.clear();
            }
        } else if (r.isEndElement() && inH2 && r.name() == QLatin1String("h2")) {
            inH2 = false;
            x.h2.push_back(heading);
        } else if (r.isCharacters()) {
            const std::string t = r.text().toString().toStdString();
            x.text += t;
            if (inH2)
                heading += t;
        }
    }
    if (r.hasError())
        x.error = r.errorString().toStdString() + " at line " + std::to_string(r.lineNumber()) +
                  ", column " + std::to_string(r.columnNumber());
    // Style sheets and attributes: no @import and no url() but to an element of the page.
    if (html.find("@import") != std::string::npos)
        x.problems.push_back("@import in CSS");
    if (std::regex_search(html, std::regex("url\\s*\\(\\s*['\"]?(?!#)", std::regex::icase)))
        x.problems.push_back("url( to something not in the page");
    return x;
}

// The bundled data set, its exposure and both example scenarios through the other commands,
// and the report as A4 PDF, Letter PDF and HTML.
class ReportCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s = new Shared;
        ASSERT_EQ(runChokepoint({"init", s->ws}), 0);
        s->exposure = json({"exposure", s->ws, "--as-of", kAsOf, "--format", "json"});
        for (const auto& file : s->scenarios)
            s->results.push_back(json({"scenario", s->ws, file, "--format", "json"}));
        for (const auto& [out, paper] :
             {std::pair{s->pdf, "a4"}, std::pair{s->letter, "letter"}, std::pair{s->html, "a4"}}) {
            std::string stdOut, stdErr;
            ASSERT_EQ(runChokepoint(s->reportArgs(out, paper), &stdOut, &stdErr), 0) << stdErr;
            s->stdErr += stdErr;
            ASSERT_TRUE(fs::exists(out)) << out;
        }
        s->text = pdfText(s->pdf);
    }
    static void TearDownTestSuite() {
        delete s;
        s = nullptr;
    }

    struct Shared {
        TempDir dir;
        std::string ws = dir.file("bundled.chokepoint");
        std::vector<std::string> scenarios = {scenarioFile("graphite-anode-squeeze.json"),
                                              scenarioFile("tech-licences-july-2025.json")};
        std::string pdf = dir.file("report.pdf"), letter = dir.file("letter.pdf"),
                    html = dir.file("report.html");
        QJsonObject exposure;
        std::vector<QJsonObject> results;
        std::string text, stdErr;

        std::vector<std::string> reportArgs(const std::string& out, const std::string& paper) {
            std::vector<std::string> args{"report",  ws,    "-o",      out,
                                          "--as-of", kAsOf, "--paper", paper};
            for (const auto& f : scenarios)
                args.insert(args.end(), {"--scenario", f});
            return args;
        }
    };
    static inline Shared* s = nullptr;
};

TEST_F(ReportCli, PdfShowsTheHeadlineFiguresOfTheExposureCommand) {
    const QJsonArray products = s->exposure["products"].toArray();
    ASSERT_EQ(products.size(), 3);
    double atRisk = 0.0, revenue = 0.0;
    for (const auto& v : products) {
        const QJsonObject p = v.toObject();
        const double risk = p["revenue_at_risk"].toDouble(), dep = p["dependence"].toDouble();
        ASSERT_GT(dep, 0.0);
        atRisk += risk;
        revenue += risk / dep; // revenue at risk = revenue × dependence
    }
    double spendAtRisk = 0.0;
    int overHalf = 0;
    for (const auto& v : s->exposure["materials"].toArray()) {
        spendAtRisk += v.toObject()["spend_at_risk"].toDouble();
        overHalf += v.toObject()["dependence"].toDouble() > 0.5;
    }
    const std::string text = squeeze(s->text), page1 = squeeze(pdfText(s->pdf, 1));
    // The KPI tiles and the lead paragraph of page one.
    EXPECT_NE(page1.find(percent(atRisk / revenue)), std::string::npos)
        << percent(atRisk / revenue);
    EXPECT_EQ(percent(atRisk / revenue), "98.4 %"); // checks the route above once
    EXPECT_NE(page1.find(money(atRisk) + " of " + money(revenue)), std::string::npos)
        << money(atRisk) << " of " << money(revenue);
    EXPECT_NE(page1.find(money(spendAtRisk)), std::string::npos) << money(spendAtRisk);
    EXPECT_NE(page1.find(std::to_string(overHalf) + " materials are more than 50 % dependent"),
              std::string::npos)
        << overHalf;
    // Every product's dependence and revenue at risk in the product table.
    for (const auto& v : products) {
        const QJsonObject p = v.toObject();
        EXPECT_NE(text.find(percent(p["dependence"].toDouble())), std::string::npos)
            << p["id"].toString().toStdString();
        EXPECT_NE(text.find(money(p["revenue_at_risk"].toDouble())), std::string::npos)
            << p["id"].toString().toStdString();
    }
}

TEST_F(ReportCli, PdfShowsTheLossesOfTheScenarioCommand) {
    const std::string text = squeeze(s->text), page1 = squeeze(pdfText(s->pdf, 1));
    ASSERT_EQ(s->results.size(), 2u);
    const QJsonObject* worst = nullptr;
    for (const auto& r : s->results) {
        const std::string name = r["name"].toString().toStdString();
        ASSERT_FALSE(name.empty());
        EXPECT_NE(text.find(name), std::string::npos) << name;
        // Mean, P10 and P90 side by side in the summary's scenario table, on page one.
        const std::string row = money(r["total_lost_revenue"].toDouble()) + " " +
                                money(r["lost_revenue_p10"].toDouble()) + " " +
                                money(r["lost_revenue_p90"].toDouble());
        EXPECT_NE(page1.find(row), std::string::npos) << name << ": " << row;
        if (!worst ||
            r["total_lost_revenue"].toDouble() > (*worst)["total_lost_revenue"].toDouble())
            worst = &r;
    }
    const QJsonObject& w = *worst;
    EXPECT_NE(page1.find("P10 " + money(w["lost_revenue_p10"].toDouble())), std::string::npos);
    EXPECT_NE(page1.find("P50 " + money(w["lost_revenue_p50"].toDouble())), std::string::npos);
    EXPECT_NE(page1.find("P90 " + money(w["lost_revenue_p90"].toDouble())), std::string::npos);
}

TEST_F(ReportCli, EverySectionTitleAndASensiblePageCount) {
    for (const auto& title : sectionTitles())
        EXPECT_NE(s->text.find(title), std::string::npos) << title;
    // Page one is the summary, and all of it: the next section starts on page two.
    const std::string page1 = pdfText(s->pdf, 1), page2 = pdfText(s->pdf, 2);
    EXPECT_NE(page1.find("Executive summary"), std::string::npos);
    EXPECT_NE(page1.find("Stress scenarios"), std::string::npos);
    EXPECT_NE(page2.find("Exposure by product"), std::string::npos);
    // Eight sections each from a new page or a half-empty one, charts, two scenarios, about a
    // hundred sources: more than 10 pages; an executive report is not a book.
    for (const auto& pdf : {s->pdf, s->letter}) {
        const int pages = std::stoi("0" + pdfInfo(pdf, "Pages"));
        EXPECT_GE(pages, 10) << pdf;
        EXPECT_LE(pages, 35) << pdf;
        const std::string last = pdfText(pdf, pages);
        EXPECT_NE(last.find("Page " + std::to_string(pages) + " of " + std::to_string(pages)),
                  std::string::npos);
    }
}

TEST_F(ReportCli, LetterAndA4PageSizes) {
    // A4 is 210 × 297 mm, Letter 8.5 × 11 in; 72 points to the inch.
    auto size = [](const std::string& pdf) {
        std::smatch m;
        const std::string text = pdfInfo(pdf, "Page size");
        EXPECT_TRUE(std::regex_search(text, m, std::regex("([0-9.]+) x ([0-9.]+) pts"))) << text;
        return m.size() == 3 ? std::pair{std::stod(m[1]), std::stod(m[2])} : std::pair{0.0, 0.0};
    };
    const auto a4 = size(s->pdf), letter = size(s->letter);
    EXPECT_NEAR(a4.first, 210 / 25.4 * 72, 1.0);
    EXPECT_NEAR(a4.second, 297 / 25.4 * 72, 1.0);
    EXPECT_NEAR(letter.first, 8.5 * 72, 1.0);
    EXPECT_NEAR(letter.second, 11 * 72, 1.0);
}

TEST_F(ReportCli, HtmlIsWellFormedSelfContainedAndSaysTheSame) {
    const std::string html = readFile(s->html);
    const Xml x = parseHtml(html);
    EXPECT_EQ(x.error, "");
    EXPECT_TRUE(x.problems.empty()) << x.problems.front();
    EXPECT_EQ(x.h2, sectionTitles());
    EXPECT_NE(html.find("<svg"), std::string::npos) << "charts are inline SVG";
    const std::string text = squeeze(x.text);
    for (const auto& r : s->results)
        for (const char* key : {"total_lost_revenue", "lost_revenue_p10", "lost_revenue_p90"})
            EXPECT_NE(text.find(money(r[key].toDouble())), std::string::npos) << key;
    EXPECT_NE(text.find("98.4 %"), std::string::npos);
}

// The map: inline SVG in the HTML (outlines as paths, legend as text), vector in the PDF (its
// legend is extractable text, not pixels), with the table of countries under it.
TEST_F(ReportCli, TheMapIsInBothFormats) {
    const std::string html = readFile(s->html);
    const size_t figure = html.find("id=\"chart-supply-map\"");
    ASSERT_NE(figure, std::string::npos);
    const size_t svg = html.find("<svg", figure), end = html.find("</svg>", figure);
    ASSERT_LT(svg, end);
    const std::string map = html.substr(svg, end - svg);
    EXPECT_GT(std::count(map.begin(), map.end(), '\n'), 100) << "country outlines as paths";
    EXPECT_NE(map.find("Located in China"), std::string::npos);
    EXPECT_NE(map.find("Where our supply sits"), std::string::npos);
    EXPECT_EQ(map.find("<image"), std::string::npos) << "vector, not a picture";
    EXPECT_NE(html.find("Countries by tier-1 spend at risk"), std::string::npos);

    EXPECT_NE(s->text.find("Located in China"), std::string::npos);
    EXPECT_NE(s->text.find("Exposed through its inputs"), std::string::npos);
    EXPECT_NE(s->text.find("Countries by tier-1 spend at risk"), std::string::npos);
}

TEST_F(ReportCli, QuietOnSuccess) {
    // Neither the offscreen platform's nor QStandardPaths' chatter reaches the user.
    EXPECT_EQ(s->stdErr, "");
}

TEST_F(ReportCli, SameInputsGiveTheSameReport) {
    const std::string html2 = s->dir.file("again.html"), pdf2 = s->dir.file("again.pdf");
    for (const auto& out : {html2, pdf2}) {
        std::string err;
        ASSERT_EQ(runChokepoint(s->reportArgs(out, "a4"), nullptr, &err), 0) << err;
    }
    EXPECT_TRUE(readFile(html2) == readFile(s->html)) << "the HTML differs byte for byte";
    EXPECT_EQ(pdfText(pdf2), s->text);
}

// Bad input: a non-zero exit, a message that names the problem, and no file written (or the
// previous one left as it was).
TEST_F(ReportCli, BadInputFailsClearlyAndWritesNothing) {
    const std::string out = s->dir.file("bad.pdf"), html = s->dir.file("bad.html");
    const std::string garbage = s->dir.write("garbage.json", "{ not json");
    const std::string unknown = s->dir.write(
        "unknown.json",
        R"({"name": "x", "events": [{"type": "ban", "material": "no_such_material"}]})");
    const std::string missingDir = s->dir.file("no/such/folder/r.pdf");
    struct Case {
        std::vector<std::string> args;
        std::string says;
        std::string output;
    };
    const std::vector<Case> cases = {
        {{"-o", missingDir}, "does not exist", missingDir},
        {{"-o", s->dir.file("report.docx")}, ".pdf or .html", s->dir.file("report.docx")},
        {{"-o", out, "--scenario", s->dir.file("absent.json")}, "absent.json", out},
        {{"-o", html, "--scenario", garbage}, "garbage.json", html},
        {{"-o", out, "--scenario", unknown}, "unknown.json", out},
        {{"-o", out, "--paper", "a5"}, "--paper", out},
        {{"-o", html, "--as-of", "2025-13-45"}, "--as-of", html},
        {{"-o", out, "--as-of", "yesterday"}, "--as-of", out},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args{"report", s->ws};
        args.insert(args.end(), c.args.begin(), c.args.end());
        std::string stdOut, err;
        EXPECT_NE(runChokepoint(args, &stdOut, &err), 0) << c.says;
        EXPECT_NE(err.find(c.says), std::string::npos) << "expected '" << c.says << "' in: " << err;
        EXPECT_FALSE(fs::exists(c.output)) << c.output;
        // Nothing else either: no temporary file beside it.
        const fs::path folder = fs::path(c.output).parent_path();
        if (fs::exists(folder)) {
            for (const auto& e : fs::directory_iterator(folder))
                EXPECT_EQ(e.path().filename().string().find("bad."), std::string::npos) << e.path();
        }
    }
    // A failure over an existing report leaves it as it was.
    fs::copy_file(s->pdf, out);
    const std::string before = readFile(out);
    EXPECT_NE(runChokepoint({"report", s->ws, "-o", out, "--scenario", garbage}), 0);
    EXPECT_TRUE(readFile(out) == before);
    fs::remove(out);
    // A folder given as the output.
    std::string err;
    EXPECT_NE(runChokepoint({"report", s->ws, "-o", s->dir.path()}, nullptr, &err), 0);
}

// `chokepoint init` makes the bundled example, whose company data is invented: every page of
// the PDF says so in its footer, the first page under the title and in the summary; the HTML
// in its header, its footer, a running line for printing and the summary (SPEC §7).
TEST_F(ReportCli, FictionalExampleDataOnEveryPage) {
    const int pages = std::stoi("0" + pdfInfo(s->pdf, "Pages"));
    ASSERT_GE(pages, 10);
    for (int p = 1; p <= pages; ++p)
        EXPECT_NE(pdfText(s->pdf, p).find("Fictional example data"), std::string::npos)
            << "page " << p;
    const std::string page1 = squeeze(pdfText(s->pdf, 1));
    EXPECT_NE(page1.find("Fictional example data: the company data is invented for illustration"),
              std::string::npos);
    EXPECT_NE(page1.find("are the bundled example, invented for illustration"), std::string::npos);

    const std::string html = readFile(s->html);
    size_t count = 0;
    for (size_t at = html.find("Fictional example data"); at != std::string::npos;
         at = html.find("Fictional example data", at + 1))
        ++count;
    EXPECT_EQ(count, 5u); // running line, header, summary, appendix, footer
    const size_t footer = html.find("<footer>");
    ASSERT_NE(footer, std::string::npos);
    EXPECT_NE(html.find("Fictional example data", footer), std::string::npos);
}

// Names that are markup, SQL, formulas or control characters (hostiledata.h): escaped in the
// HTML, shown as text in the PDF.
TEST(ReportCliHostile, NamesAreEscapedInHtmlAndShownInPdf) {
    TempDir tmp;
    for (const auto& [file, csv] : hostile::csvTables())
        tmp.write("in/" + file, csv);
    const std::string ws = tmp.file("w.chokepoint"), html = tmp.file("r.html"),
                      pdf = tmp.file("r.pdf");
    std::string err;
    ASSERT_EQ(runChokepoint({"init", ws, "--empty"}), 0);
    ASSERT_EQ(runChokepoint({"import", ws, tmp.file("in")}, nullptr, &err), 0) << err;
    for (const auto& out : {html, pdf})
        ASSERT_EQ(runChokepoint({"report", ws, "-o", out, "--as-of", kAsOf}, nullptr, &err), 0)
            << err;

    const std::string page = readFile(html);
    const Xml x = parseHtml(page);
    EXPECT_EQ(x.error, "");
    EXPECT_TRUE(x.problems.empty()) << x.problems.front();
    EXPECT_EQ(page.find("<script"), std::string::npos);
    EXPECT_EQ(page.find("<img"), std::string::npos);
    EXPECT_NE(page.find("&lt;script&gt;"), std::string::npos);
    // A company's own data (init --empty, then an import) is not marked as fictional.
    EXPECT_EQ(page.find("Fictional"), std::string::npos);
    EXPECT_NE(page.find("&quot;quoted&quot;, with, commas"), std::string::npos);
    // Read back as XML, every text is there as the reader sees it (control characters, which
    // XML cannot carry, dropped; line breaks as white space).
    const std::string text = squeeze(x.text);
    for (const auto& t : hostile::texts()) {
        std::string shown;
        for (const char c : t)
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t' || c == '\r')
                shown += c;
        EXPECT_NE(text.find(squeeze(shown)), std::string::npos) << t;
    }

    // The PDF holds them as text. Cells wrap, so compare without white space.
    const std::string pdfPlain = withoutSpace(
        tool(QStringLiteral("pdftotext"), {QString::fromStdString(pdf), QStringLiteral("-")}));
    for (const std::string t :
         {"<script>alert('x')</script>", "'; DROP TABLE materials; --", "a & b < c > d &amp; &lt;",
          "<img src=x onerror=\"alert(1)\">", "%s %n %x {0} ${HOME} $(id) `id`"})
        EXPECT_NE(pdfPlain.find(withoutSpace(t)), std::string::npos) << t;
}

} // namespace
} // namespace chokepoint::test
