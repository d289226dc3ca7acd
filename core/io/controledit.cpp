// SPDX-License-Identifier: MIT
#include "core/io/controledit.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "core/io/rawtable.h"
#include "core/io/validator.h"

namespace chokepoint::core::io {

namespace {

constexpr std::array<std::string_view, 12> kControlColumns = {
    "id",  "issuer", "title",          "reference",           "announced", "effective",
    "end", "kind",   "target_country", "licence_review_days", "source",    "status"};

RawTable makeTable(std::string name, std::vector<std::string> header) {
    RawTable t;
    t.file = name;
    t.name = std::move(name);
    t.header = std::move(header);
    for (size_t i = 0; i < t.header.size(); ++i)
        t.headerColumns.push_back(int(i) + 1);
    return t;
}

std::string optDateText(const std::optional<Date>& d) {
    return d ? d->toString() : std::string();
}

// Splits "S1; S2" into trimmed ids.
std::vector<std::string> sourceIds(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(';', start);
        if (end == std::string::npos)
            end = text.size();
        std::string id = text.substr(start, end - start);
        id.erase(0, id.find_first_not_of(" \t"));
        id.erase(id.find_last_not_of(" \t") + 1);
        if (!id.empty())
            out.push_back(id);
        start = end + 1;
    }
    return out;
}

} // namespace

ControlEditCheck checkControlDraft(const ControlDraft& draft, const Dataset& data,
                                   const std::optional<std::string>& originalId) {
    ControlEditCheck out;
    // The draft as the importer would read it.
    std::vector<RawTable> tables;
    tables.push_back(makeTable("controls", {kControlColumns.begin(), kControlColumns.end()}));
    RawTable& controls = tables.back();
    controls.beginRow(2);
    for (const std::string* cell :
         {&draft.id, &draft.issuer, &draft.title, &draft.reference, &draft.announced,
          &draft.effective, &draft.end, &draft.kind, &draft.targetCountry, &draft.licenceReviewDays,
          &draft.source, &draft.status})
        controls.appendCell(*cell);
    tables.push_back(makeTable("control_items", {"control_id", "item_kind", "item_id"}));
    RawTable& items = tables.back();
    for (size_t i = 0; i < draft.items.size(); ++i) {
        items.beginRow(int(i) + 2);
        items.appendCell(draft.id);
        items.appendCell(toString(draft.items[i].itemKind));
        items.appendCell(draft.items[i].itemId);
    }

    // What stays: only the tables the controls refer to (cheap for large workspaces).
    Dataset kept;
    kept.countries = data.countries;
    kept.materials = data.materials;
    kept.technologies = data.technologies;
    for (const Control& c : data.controls)
        if (!originalId || c.id != *originalId)
            kept.controls.push_back(c);
    for (const ControlItem& x : data.controlItems)
        if (!originalId || x.controlId != *originalId)
            kept.controlItems.push_back(x);

    IssueList issues(100);
    ImportedRows imported;
    convertTables(tables, imported, issues);
    crossCheck(imported, kept, issues);
    const bool controlRead = !imported.data.controls.empty();
    for (const Issue& issue : issues.issues()) {
        // Items of a row that did not convert point at an "unknown control": already said.
        if (!controlRead && issue.where.file == "control_items" &&
            issue.message.rfind("unknown control", 0) == 0)
            continue;
        std::string field = "items";
        if (issue.where.file == "controls")
            field = issue.where.column >= 1 && size_t(issue.where.column) <= kControlColumns.size()
                        ? std::string(kControlColumns[size_t(issue.where.column - 1)])
                        : std::string();
        std::string message = issue.message;
        if (field == "items" && issue.where.line >= 2 &&
            size_t(issue.where.line - 2) < draft.items.size()) {
            const ControlItem& x = draft.items[size_t(issue.where.line - 2)];
            // The importer's "control item" messages name no row the user can see.
            if (message.find(x.itemId) == std::string::npos)
                message = std::string(toString(x.itemKind)) + " " + x.itemId + ": " + message;
        }
        out.issues.push_back({field, message, false});
    }
    // A row that did not convert never reached the uniqueness check: say a taken id at once,
    // while the other fields are still being typed.
    if (!controlRead && !draft.id.empty())
        for (const Control& c : kept.controls)
            if (c.id == draft.id)
                out.issues.push_back(
                    {"id", "control " + draft.id + " already exists in the workspace", false});
    const bool errors = !out.issues.empty();

    // Warnings: allowed by the importer, but usually a slip when typed by hand.
    if (!imported.data.controls.empty()) {
        const Control& c = imported.data.controls.front();
        if (c.announced && *c.announced > c.effective)
            out.issues.push_back(
                {"announced", "announced after it takes effect (" + c.effective.toString() + ")",
                 true});
        if (c.end && *c.end <= c.effective)
            out.issues.push_back({"end",
                                  "ends on or before the day it takes effect: never in force "
                                  "(a measure suspended before it took effect)",
                                  true});
        std::set<std::string_view> known;
        for (const Source& s : data.sources)
            known.insert(s.id);
        for (const std::string& id : sourceIds(draft.source))
            if (!known.count(id))
                out.issues.push_back(
                    {"source", "source '" + id + "' is not in the sources table", true});
    }
    if (draft.items.empty())
        out.issues.push_back(
            {"items", "no materials or technologies: the measure never changes a figure", true});

    if (!errors && !imported.data.controls.empty()) {
        out.control = imported.data.controls.front();
        out.items = imported.data.controlItems;
    }
    return out;
}

ControlDraft draftFromControl(const Control& c, const std::vector<ControlItem>& items) {
    ControlDraft d;
    d.id = c.id;
    d.issuer = c.issuer;
    d.title = c.title;
    d.reference = c.reference.value_or("");
    d.announced = optDateText(c.announced);
    d.effective = c.effective.toString();
    d.end = optDateText(c.end);
    d.kind = std::string(toString(c.kind));
    d.targetCountry = joinIdList(c.targetCountries);
    d.licenceReviewDays = c.licenceReviewDays ? std::to_string(*c.licenceReviewDays) : "";
    d.source = c.source.value_or("");
    d.status = std::string(toString(c.status));
    d.items = items;
    return d;
}

std::vector<ControlItem> itemsOfControl(const Dataset& data, const std::string& id) {
    std::vector<ControlItem> out;
    for (const ControlItem& x : data.controlItems)
        if (x.controlId == id)
            out.push_back(x);
    return out;
}

bool applyControlEdit(Dataset& data, const std::optional<std::string>& originalId,
                      const std::optional<Control>& control, const std::vector<ControlItem>& items,
                      std::optional<size_t> position) {
    auto it = data.controls.end();
    if (originalId) {
        it = std::find_if(data.controls.begin(), data.controls.end(),
                          [&](const Control& c) { return c.id == *originalId; });
        if (it == data.controls.end())
            return false;
        std::erase_if(data.controlItems,
                      [&](const ControlItem& x) { return x.controlId == *originalId; });
    }
    if (!control) {
        if (it != data.controls.end())
            data.controls.erase(it);
        return true;
    }
    if (it != data.controls.end())
        *it = *control;
    else if (position && *position < data.controls.size())
        data.controls.insert(data.controls.begin() + long(*position), *control);
    else
        data.controls.push_back(*control);
    for (ControlItem x : items) {
        x.controlId = control->id;
        data.controlItems.push_back(std::move(x));
    }
    return true;
}

} // namespace chokepoint::core::io
