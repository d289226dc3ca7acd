// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <QObject>
#include <QUndoCommand>

#include "core/model/dataset.h"

class QUndoStack;

namespace chokepoint::ui {

class AppState;

/// One export-control measure with its items, as stored. A deleted measure remembers where
/// it was, so that undo puts it back in the same place.
struct ControlEntry {
    ControlEntry() = default;
    ControlEntry(core::Control c, std::vector<core::ControlItem> i)
        : control(std::move(c))
        , items(std::move(i)) {}
    core::Control control;
    std::vector<core::ControlItem> items;
    std::optional<size_t> position; ///< index in Dataset::controls
    std::optional<int64_t> rowid;   ///< its row in the workspace
};

/// Edits export controls of the open workspace with undo and redo. Every step (an edit, its
/// undo, its redo) is one transaction in the workspace file (core/store/controlstore.h) and
/// the same change to the in-memory dataset (core/io/controledit.h), which AppState then
/// adopts with applyDataset(): the figures are recomputed at once and a reopened workspace
/// shows the same. A step that fails (e.g. a read-only file) changes nothing, reports
/// failed() and leaves the undo stack; the stack is cleared when another workspace is opened
/// or the workspace is reloaded.
class ControlEditor : public QObject {
    Q_OBJECT
public:
    explicit ControlEditor(AppState& state, QObject* parent = nullptr);
    ~ControlEditor() override;

    QUndoStack* undoStack() const { return m_stack; }

    /// Each pushes one undoable command; false (with failed() emitted) when its first step
    /// failed. The entries must be validated (core::io::checkControlDraft).
    bool addControl(const ControlEntry& entry);
    bool editControl(const std::string& originalId, const ControlEntry& entry);
    bool removeControl(const std::string& id);

    /// The dataset as the editor last left it (the AppState network may still be building).
    const core::Dataset& currentData() const;

    /// Replaces `from` by `to` (either may be missing: insert, delete) in the workspace file
    /// and in memory. Used by the commands.
    bool apply(const std::optional<ControlEntry>& from, const std::optional<ControlEntry>& to);

Q_SIGNALS:
    void failed(const QString& message);
    /// A step succeeded; `controlId` is the measure to show (empty after a delete).
    void applied(const QString& controlId);

private:
    bool push(std::optional<ControlEntry> before, std::optional<ControlEntry> after,
              const QString& text);

    AppState& m_state;
    QUndoStack* m_stack;
    std::optional<core::Dataset> m_data; // after the last step, until another workspace opens
};

/// An edit of one measure: `before` missing = an addition, `after` missing = a deletion.
class ControlEditCommand : public QUndoCommand {
public:
    ControlEditCommand(ControlEditor& editor, std::optional<ControlEntry> before,
                       std::optional<ControlEntry> after, const QString& text);
    void redo() override;
    void undo() override;

private:
    ControlEditor& m_editor;
    std::optional<ControlEntry> m_before, m_after;
};

} // namespace chokepoint::ui
