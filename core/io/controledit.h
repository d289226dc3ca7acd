// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/dataset.h"

namespace chokepoint::core::io {

/// An export-control measure as typed into an editor: every field as text, in the format of
/// the `controls` interchange table (dates `YYYY-MM-DD`, kind `licence` / `prohibition` /
/// `country_ban`, target countries and sources as ';'-separated ids, status `confirmed` /
/// `scheduled`), plus its items.
struct ControlDraft {
    std::string id, issuer, title, reference;
    std::string announced, effective, end;
    std::string kind = "licence";
    std::string targetCountry, licenceReviewDays, source;
    std::string status = "confirmed";
    std::vector<ControlItem> items; ///< controlId is ignored (the draft's id is used)
};

/// One problem with a draft. `field` is the interchange column (`id`, `effective`, …) or
/// `items`; warnings do not stop a save.
struct ControlEditIssue {
    std::string field;
    std::string message;
    bool warning = false;
};

struct ControlEditCheck {
    std::optional<Control> control; ///< set when there is no error
    std::vector<ControlItem> items; ///< with controlId = the draft's id
    std::vector<ControlEditIssue> issues;
    bool ok() const { return control.has_value(); }
};

/// Validates a draft against `data` with the importer's own rules (core/io/validator.h: the
/// draft becomes one `controls` row and its `control_items` rows, converted and cross-checked
/// against the workspace): id format, unique id, required title, dates, kind, status, review
/// days, issuer and every target country resolving, and every item resolving. `originalId` names
/// the control being edited (its row and items do not count as taken). Warnings on top: announced
/// after effective, an end on or before effective (never in force), source ids missing from
/// `sources`, no items. Pure; cheap enough to run on every keystroke.
ControlEditCheck checkControlDraft(const ControlDraft& draft, const Dataset& data,
                                   const std::optional<std::string>& originalId = std::nullopt);

/// The draft of an existing control (for an editor to start from).
ControlDraft draftFromControl(const Control& control, const std::vector<ControlItem>& items);

/// The items of control `id` in `data`, in stored order.
std::vector<ControlItem> itemsOfControl(const Dataset& data, const std::string& id);

/// Applies one edit to an in-memory dataset the way core/store/controlstore.h applies it to
/// the workspace, so both stay equal: `originalId` unset = insert (appended, or at index
/// `position` of Dataset::controls when given, e.g. to restore a deleted control); `control`
/// unset = delete `originalId` with its items; both set = replace in place (the control keeps
/// its position, its items are removed and the new ones appended). Returns false, changing
/// nothing, when `originalId` is not in `data`.
bool applyControlEdit(Dataset& data, const std::optional<std::string>& originalId,
                      const std::optional<Control>& control, const std::vector<ControlItem>& items,
                      std::optional<size_t> position = std::nullopt);

} // namespace chokepoint::core::io
