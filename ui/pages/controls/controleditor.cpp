// SPDX-License-Identifier: MIT
#include "ui/pages/controls/controleditor.h"

#include <QUndoStack>

#include "core/io/controledit.h"
#include "core/store/controlstore.h"
#include "core/store/workspace.h"
#include "ui/appstate.h"

namespace chokepoint::ui {

ControlEditor::ControlEditor(AppState& state, QObject* parent)
    : QObject(parent)
    , m_state(state)
    , m_stack(new QUndoStack(this)) {
    connect(&state, &AppState::workspaceLoading, this, [this] {
        m_data.reset();
        m_stack->clear();
    });
}

ControlEditor::~ControlEditor() = default;

const core::Dataset& ControlEditor::currentData() const {
    static const core::Dataset empty;
    if (m_data)
        return *m_data;
    return m_state.network() ? m_state.network()->data() : empty;
}

bool ControlEditor::apply(const std::optional<ControlEntry>& from,
                          const std::optional<ControlEntry>& to) {
    if (!m_state.hasWorkspace()) {
        Q_EMIT failed(tr("No workspace is open."));
        return false;
    }
    auto ws = core::Workspace::open(m_state.workspacePath().toStdString());
    if (!ws) {
        Q_EMIT failed(QString::fromStdString(ws.errorString()));
        return false;
    }
    core::Result<void> r;
    if (from && to)
        r = core::updateControl(*ws, from->control.id, to->control, to->items);
    else if (to)
        r = core::insertControl(*ws, to->control, to->items, to->rowid);
    else if (from)
        r = core::deleteControl(*ws, from->control.id);
    if (!r) {
        Q_EMIT failed(QString::fromStdString(r.errorString()));
        return false;
    }
    core::Dataset data = currentData();
    const std::optional<std::string> originalId =
        from ? std::optional<std::string>(from->control.id) : std::nullopt;
    const std::optional<core::Control> control =
        to ? std::optional<core::Control>(to->control) : std::nullopt;
    core::io::applyControlEdit(data, originalId, control,
                               to ? to->items : std::vector<core::ControlItem>{},
                               to ? to->position : std::nullopt);
    m_data = data;
    m_state.applyDataset(std::move(data));
    Q_EMIT applied(to ? QString::fromStdString(to->control.id) : QString());
    return true;
}

bool ControlEditor::push(std::optional<ControlEntry> before, std::optional<ControlEntry> after,
                         const QString& text) {
    // push() runs redo(); a command made obsolete by a failed first step is deleted again.
    const int index = m_stack->index();
    m_stack->push(new ControlEditCommand(*this, std::move(before), std::move(after), text));
    return m_stack->index() > index;
}

bool ControlEditor::addControl(const ControlEntry& entry) {
    return push(std::nullopt, entry,
                tr("Add measure %1").arg(QString::fromStdString(entry.control.id)));
}

bool ControlEditor::editControl(const std::string& originalId, const ControlEntry& entry) {
    const core::Dataset& data = currentData();
    ControlEntry old;
    bool found = false;
    for (const core::Control& c : data.controls)
        if (c.id == originalId) {
            old = ControlEntry(c, core::io::itemsOfControl(data, originalId));
            found = true;
        }
    if (!found) {
        Q_EMIT failed(tr("There is no measure %1.").arg(QString::fromStdString(originalId)));
        return false;
    }
    return push(old, entry, tr("Edit measure %1").arg(QString::fromStdString(originalId)));
}

bool ControlEditor::removeControl(const std::string& id) {
    const core::Dataset& data = currentData();
    for (size_t i = 0; i < data.controls.size(); ++i)
        if (data.controls[i].id == id) {
            ControlEntry entry(data.controls[i], core::io::itemsOfControl(data, id));
            entry.position = i;
            if (auto ws = core::Workspace::open(m_state.workspacePath().toStdString()))
                if (auto rowid = core::controlRowid(*ws, id))
                    entry.rowid = *rowid;
            return push(std::move(entry), std::nullopt,
                        tr("Delete measure %1").arg(QString::fromStdString(id)));
        }
    Q_EMIT failed(tr("There is no measure %1.").arg(QString::fromStdString(id)));
    return false;
}

ControlEditCommand::ControlEditCommand(ControlEditor& editor, std::optional<ControlEntry> before,
                                       std::optional<ControlEntry> after, const QString& text)
    : QUndoCommand(text)
    , m_editor(editor)
    , m_before(std::move(before))
    , m_after(std::move(after)) {}

void ControlEditCommand::redo() {
    if (!m_editor.apply(m_before, m_after))
        setObsolete(true);
}

void ControlEditCommand::undo() {
    if (!m_editor.apply(m_after, m_before))
        setObsolete(true);
}

} // namespace chokepoint::ui
