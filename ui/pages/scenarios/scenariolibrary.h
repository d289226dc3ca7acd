// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include <QVector>
#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace chokepoint::core::analysis {
class Network;
}

namespace chokepoint::ui {

/// A scenario in the library: saved in the workspace, or an example shipped with the program.
struct LibraryEntry {
    enum class Kind { Saved, Example };
    Kind kind = Kind::Saved;
    int64_t id = 0; ///< Saved: the row id in the workspace's `scenarios` table
    int index = 0;  ///< Example: position in core::io::bundledScenarios()
    QString name;
    QString json;
    QString file; ///< Example: the file name
    QString key() const;
};

/// The list of scenarios beside the editor: those saved in the workspace (table
/// `scenarios`, core::store::ScenarioStore) and, read-only, the examples shipped with the
/// program (core::io::bundledScenarios(); opening one gives a draft that Save stores as a new
/// scenario). Buttons: New, Duplicate, Rename, Delete, Import, Export. Storage errors are
/// returned as text for the page to show; the library opens the workspace file for each
/// change (each change is one transaction).
class ScenarioLibrary : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioLibrary(QWidget* parent = nullptr);

    /// The workspace whose scenarios are listed (empty path: none); reloads the list.
    void setWorkspace(const QString& path, std::shared_ptr<const core::analysis::Network> net);
    QString workspacePath() const { return m_path; }
    /// Re-reads the saved scenarios.
    void reload();

    const QVector<LibraryEntry>& saved() const { return m_saved; }
    const QVector<LibraryEntry>& examples() const { return m_examples; }
    std::optional<LibraryEntry> find(const QString& key) const;
    /// Marks the entry shown in the editor (empty: none) without emitting openRequested.
    void setCurrentKey(const QString& key);
    QString currentKey() const { return m_current; }

    // Changes to the workspace; false with errorString() on failure (nothing changed).
    /// Saves `json` as scenario `id`, or as a new one; sets `savedId`.
    bool save(const std::string& json, std::optional<int64_t> id, int64_t* savedId);
    bool rename(int64_t id, const QString& name);
    bool remove(int64_t id);
    /// Imports scenario files (SPEC §4 JSON): every file is checked against the workspace
    /// first; nothing is saved unless all are valid and their names free.
    bool importFiles(const QStringList& paths, QVector<int64_t>* ids = nullptr);
    QString errorString() const { return m_error; }

    QTreeWidget* tree() const { return m_tree; }
    QPushButton* button(const QString& objectName) const;

Q_SIGNALS:
    void openRequested(const LibraryEntry& entry);
    void newRequested();
    void duplicateRequested();
    void exportRequested();
    /// The saved scenarios changed (saved, renamed, deleted, imported, reloaded).
    void listChanged();
    /// A change failed (the message is for people).
    void failed(const QString& message);

private:
    void rebuild();
    void changeEvent(QEvent* event) override;
    void renameCurrent();
    void deleteCurrent();
    void importDialog();
    void updateButtons();

    QString m_path;
    std::shared_ptr<const core::analysis::Network> m_network;
    QVector<LibraryEntry> m_saved;
    QVector<LibraryEntry> m_examples;
    QString m_current;
    QString m_error;
    bool m_rebuilding = false;
    QTreeWidget* m_tree;
    QTreeWidgetItem* m_savedRoot = nullptr;
    QTreeWidgetItem* m_examplesRoot = nullptr;
};

} // namespace chokepoint::ui
