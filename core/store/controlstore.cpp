// SPDX-License-Identifier: MIT
#include "core/store/controlstore.h"

#include "core/store/sqlite.h"

namespace chokepoint::core {

namespace {

using sql::Statement;

std::optional<std::string> dateText(const std::optional<Date>& d) {
    if (!d)
        return std::nullopt;
    return d->toString();
}

// Binds the columns of a control in table order, starting at parameter `first`.
void bindControl(Statement& s, int first, const Control& c) {
    s.bind(first, c.id).bind(first + 1, c.issuer).bind(first + 2, c.title);
    s.bind(first + 3, c.reference).bind(first + 4, dateText(c.announced));
    s.bind(first + 5, c.effective.toString()).bind(first + 6, dateText(c.end));
    s.bind(first + 7, toString(c.kind)).bind(first + 8, idListText(c.targetCountries));
    s.bind(first + 9, c.licenceReviewDays).bind(first + 10, c.source);
    s.bind(first + 11, toString(c.status));
}

Result<void> run(Statement& s) {
    if (!s.valid())
        return Error{s.errorString()};
    return s.run();
}

Result<void> insertItems(sql::Database& db, const std::string& controlId,
                         const std::vector<ControlItem>& items) {
    Statement s(db, "INSERT INTO control_items VALUES(?,?,?)");
    for (const ControlItem& x : items) {
        s.bind(1, controlId).bind(2, toString(x.itemKind)).bind(3, x.itemId);
        if (auto r = run(s); !r)
            return r;
        s.reset();
    }
    return {};
}

Result<void> deleteItems(sql::Database& db, const std::string& controlId) {
    Statement s(db, "DELETE FROM control_items WHERE control_id = ?");
    s.bind(1, controlId);
    return run(s);
}

Result<void> fail(Workspace& ws, const std::string& what, const std::string& why) {
    return Error{ws.path() + ": cannot " + what + ": " + why};
}

Result<void> commit(Workspace& ws, sql::Transaction& tx, const std::string& what, Result<void> r) {
    if (!r)
        return fail(ws, what, r.errorString());
    if (auto c = tx.commit(); !c)
        return fail(ws, what, c.errorString());
    return {};
}

} // namespace

Result<void> insertControl(Workspace& ws, const Control& control,
                           const std::vector<ControlItem>& items, std::optional<int64_t> rowid) {
    const std::string what = "add export control " + control.id;
    sql::Transaction tx(ws.database());
    if (!tx.begun())
        return fail(ws, what, tx.errorString());
    Statement s(ws.database(),
                "INSERT INTO controls(id, issuer, title, reference, announced, effective, \"end\", "
                "kind, target_country, licence_review_days, source, status, rowid) "
                "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bindControl(s, 1, control);
    if (rowid)
        s.bind(13, *rowid);
    else
        s.bindNull(13);
    Result<void> r = run(s);
    if (r)
        r = insertItems(ws.database(), control.id, items);
    return commit(ws, tx, what, std::move(r));
}

Result<void> updateControl(Workspace& ws, const std::string& originalId, const Control& control,
                           const std::vector<ControlItem>& items) {
    const std::string what = "change export control " + originalId;
    sql::Transaction tx(ws.database());
    if (!tx.begun())
        return fail(ws, what, tx.errorString());
    // Items first: they refer to the old id, which the update may change.
    Result<void> r = deleteItems(ws.database(), originalId);
    if (r) {
        Statement s(ws.database(),
                    "UPDATE controls SET id = ?, issuer = ?, title = ?, reference = ?, "
                    "announced = ?, effective = ?, \"end\" = ?, kind = ?, target_country = ?, "
                    "licence_review_days = ?, source = ?, status = ? WHERE id = ?");
        bindControl(s, 1, control);
        s.bind(13, originalId);
        r = run(s);
        if (r && ws.database().changes() == 0)
            r = Error{"there is no export control " + originalId};
    }
    if (r)
        r = insertItems(ws.database(), control.id, items);
    return commit(ws, tx, what, std::move(r));
}

Result<int64_t> controlRowid(Workspace& ws, const std::string& id) {
    Statement s(ws.database(), "SELECT rowid FROM controls WHERE id = ?");
    if (!s.valid())
        return Error{ws.path() + ": " + s.errorString()};
    s.bind(1, id);
    if (s.step())
        return s.integer(0);
    if (!s.errorString().empty())
        return Error{ws.path() + ": " + s.errorString()};
    return Error{"there is no export control " + id};
}

Result<void> deleteControl(Workspace& ws, const std::string& id) {
    const std::string what = "delete export control " + id;
    sql::Transaction tx(ws.database());
    if (!tx.begun())
        return fail(ws, what, tx.errorString());
    Result<void> r = deleteItems(ws.database(), id);
    if (r) {
        Statement s(ws.database(), "DELETE FROM controls WHERE id = ?");
        s.bind(1, id);
        r = run(s);
        if (r && ws.database().changes() == 0)
            r = Error{"there is no export control " + id};
    }
    return commit(ws, tx, what, std::move(r));
}

} // namespace chokepoint::core
