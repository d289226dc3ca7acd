// SPDX-License-Identifier: MIT
#pragma once

// Hostile text and deep networks for the robustness tests, header-only so that test_core,
// test_cli (and later the report tests) can all use them.
//
// Note for the report writers: ids are restricted to [A-Za-z0-9_.-] (SPEC §2), so hostile text
// lives in names, titles and free-text columns. hostileCsvFolder() writes a valid workspace
// whose every name is one of hostileTexts(); a report test should import it, render HTML and
// PDF, and check that `<script>` never appears unescaped (the HTML holds `&lt;script&gt;`),
// that `'; DROP TABLE` is shown as text, and that the text survives (pdftotext).

#include <string>
#include <vector>

namespace chokepoint::test::hostile {

/// SQL, HTML, formula and format-string metacharacters, quoting, whitespace, control
/// characters and non-ASCII text; every one must come back unchanged from any round trip.
inline const std::vector<std::string>& texts() {
    static const std::vector<std::string> list = {
        "'; DROP TABLE materials; --",
        "Robert'); DROP TABLE suppliers;--",
        "<script>alert('x')</script>",
        "<img src=x onerror=\"alert(1)\">",
        "a & b < c > d &amp; &lt;",
        "\"quoted\", with, commas",
        "=HYPERLINK(\"http://example.com\",\"click\")",
        "+1+2",
        "@SUM(A1:A2)",
        "-3",
        "line one\nline two\r\nline three",
        "  leading and trailing spaces  ",
        "tab\there",
        "Z\xC3\xBCrich \xE2\x80\x94 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE4\xB8\xAD\xE6\x96\x87 "
        "\xF0\x9F\x99\x82",
        "%s %n %x {0} ${HOME} $(id) `id`",
        "back\\slash and /slash",
        "\xE2\x80\xAE"
        "reversed by a right-to-left override",
        "bell\x07 and escape\x1b[31m",
        "_x0041_ looks like an XML escape",
        "]]><!-- CDATA end and comment",
    };
    return list;
}

/// CSV text of one field, quoted (every hostile text needs it or survives it).
inline std::string csvQuoted(const std::string& s) {
    std::string q = "\"";
    for (const char c : s) {
        if (c == '"')
            q += '"';
        q += c;
    }
    return q + "\"";
}

/// (file name, CSV text) of a small valid workspace whose names, titles and free-text
/// columns are hostile texts: one material, supplier, site, product and control per text.
inline std::vector<std::pair<std::string, std::string>> csvTables() {
    const auto& t = texts();
    std::string countries = "iso3,name,region\nCHN," + csvQuoted(t[0]) + "," + csvQuoted(t[2]) +
                            "\nDEU," + csvQuoted(t[1]) + ",\n";
    std::string materials = "id,name,stage,unit\n";
    std::string suppliers = "id,name,hq_country,owner_country\n";
    std::string sites = "id,supplier_id,country,name\n";
    std::string products = "id,name,annual_volume,unit_price\n";
    std::string bom = "product_id,material_id,qty_per_unit\n";
    std::string supply = "buyer_site,material_id,supplier_site,share\n";
    std::string technologies = "id,name,stage,description\n";
    std::string controls = "id,issuer,title,reference,effective,kind,source\n";
    std::string items = "control_id,item_kind,item_id\n";
    for (size_t i = 0; i < t.size(); ++i) {
        const std::string n = std::to_string(i);
        const std::string q = csvQuoted(t[i]);
        const std::string other = csvQuoted(t[(i + 1) % t.size()]);
        materials += "m" + n + "," + q + ",other," + other + "\n";
        suppliers += "sup" + n + "," + q + ",DEU,CHN\n";
        sites += "s" + n + ",sup" + n + "," + (i % 2 ? "DEU" : "CHN") + "," + q + "\n";
        products += "p" + n + "," + q + ",100,2.5\n";
        bom += "p" + n + ",m" + n + ",1\n";
        supply += ",m" + n + ",s" + n + ",0.5\n";
        technologies += "t" + n + "," + q + ",cell," + other + "\n";
        controls += "c" + n + ",CHN," + q + "," + other + ",2025-01-01,licence," + q + "\n";
        items += "c" + n + ",material,m" + n + "\n";
    }
    return {{"countries.csv", countries}, {"materials.csv", materials},
            {"suppliers.csv", suppliers}, {"sites.csv", sites},
            {"products.csv", products},   {"product_bom.csv", bom},
            {"supply.csv", supply},       {"technologies.csv", technologies},
            {"controls.csv", controls},   {"control_items.csv", items}};
}

/// (file name, CSV text) of a recipe chain `depth` levels deep: material m<i> is made from
/// m<i-1>, site s<i> makes m<i> and sells it to site s<i+1>, we buy m<depth> from the last
/// site, and product p needs it. Only s0 is in China, so every level depends fully on China.
inline std::vector<std::pair<std::string, std::string>> chainTables(int depth) {
    std::string materials = "id,name,stage\n", recipes = "material_id,input_material_id\n";
    std::string sites = "id,supplier_id,country\n";
    std::string supply = "buyer_site,material_id,supplier_site,share\n";
    for (int i = 0; i <= depth; ++i) {
        const std::string n = std::to_string(i);
        materials += "m" + n + ",Material " + n + ",other\n";
        sites += "s" + n + ",sup," + (i == 0 ? "CHN" : "DEU") + "\n";
        if (i > 0)
            recipes += "m" + n + ",m" + std::to_string(i - 1) + "\n";
        supply += (i < depth ? "s" + std::to_string(i + 1) : std::string()) + ",m" + n + ",s" + n +
                  ",1\n";
    }
    return {{"countries.csv", "iso3,name\nCHN,China\nDEU,Germany\n"},
            {"materials.csv", materials},
            {"recipes.csv", recipes},
            {"suppliers.csv", "id,name,hq_country\nsup,Supplier,DEU\n"},
            {"sites.csv", sites},
            {"supply.csv", supply},
            {"products.csv", "id,name,annual_volume,unit_price\np,Product,365,10\n"},
            {"product_bom.csv",
             "product_id,material_id,qty_per_unit\np,m" + std::to_string(depth) + ",1\n"}};
}

} // namespace chokepoint::test::hostile
