// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <QObject>
#include <QString>

#include "core/io/columnmapping.h"
#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "ui/jobrunner.h"

namespace chokepoint::ui {

class AppState;

/// The import wizard's state, shared by its pages: the source as read, its mapping, the mapped
/// and checked tables, and the import itself. Reading, checking and importing run in the
/// background (one latest-wins runner each) and report through signals; every check and
/// conversion is a core call (core/io/columnmatch.h, columnmapping.h, interchange.h).
class ImportSession : public QObject {
    Q_OBJECT
public:
    using Sources = std::vector<core::io::RawTable>;

    explicit ImportSession(AppState& state, QObject* parent = nullptr);
    ~ImportSession() override;
    AppState& state() const { return m_state; }

    // --- Source ---------------------------------------------------------------------------
    /// Reads a CSV folder, a CSV file or an .xlsx workbook; proposes a mapping per sheet or
    /// file, or takes the one saved in the workspace for the same columns. Emits sourceRead.
    void readSource(const QString& path);
    /// Reads the same source again (after fixing it), keeping the mapping of every sheet or
    /// file whose columns did not change.
    void rereadSource();
    QString sourcePath() const { return m_path; }
    bool isReading() const { return m_readRunner.isBusy(); }
    /// True when the source was read and holds at least one table.
    bool hasSource() const { return m_sources && !m_sources->empty(); }
    /// Why the source could not be read (empty when it could).
    QString sourceError() const { return m_sourceError; }
    const Sources& sources() const;
    /// The name of a source for people: the sheet, or the file name.
    QString sourceName(size_t source) const;

    // --- Mapping --------------------------------------------------------------------------
    const std::vector<core::io::SourceMapping>& mappings() const { return m_mappings; }
    void setMapping(size_t source, core::io::SourceMapping mapping);
    /// True when the source's mapping came from the workspace (saved by an earlier import).
    bool usesSavedMapping(size_t source) const;
    /// core::io::mappingProblems() of the current mapping.
    std::vector<std::string> mappingProblems() const;
    /// Something is mapped and nothing keeps the mapping from being used.
    bool isMappingUsable() const;

    // --- Check ----------------------------------------------------------------------------
    bool replace() const { return m_replace; }
    void setReplace(bool replace);
    /// Applies the mapping and validates against what stays in the workspace. Emits checked.
    void check();
    bool isChecking() const { return m_checkRunner.isBusy(); }
    /// True when the last check matches the current source, mapping and mode.
    bool isChecked() const { return m_checked; }
    std::shared_ptr<const core::io::MappedTables> mapped() const { return m_mapped; }
    /// Reading problems, then validation issues: the first 200 of them together.
    const std::vector<core::io::Issue>& issues() const { return m_issues; }
    size_t issueTotal() const { return m_issueTotal; }
    /// Rows each table would receive (after validation), in table order.
    const std::map<std::string, size_t>& rowsToImport() const { return m_rowsToImport; }
    bool canImport() const { return m_checked && m_issueTotal == 0 && !m_rowsToImport.empty(); }

    // --- Import ---------------------------------------------------------------------------
    /// Imports the checked tables in one transaction, saves the mapping in the workspace and
    /// reloads the workspace in AppState. Emits importProgress and importFinished.
    void startImport();
    /// Asks a running import to stop; it reports through importFinished (nothing written
    /// unless the commit had already happened).
    void cancelImport();
    bool isImporting() const { return m_importRunner.isBusy(); }
    bool isImported() const { return m_imported; }
    QString importMessage() const { return m_importMessage; }

    /// Blocks until no job runs and results are delivered (tests).
    void waitForIdle();

Q_SIGNALS:
    void readingStarted();
    void sourceRead();
    void mappingChanged();
    void checkStarted();
    void checkProgress(double fraction);
    void checked();
    void importProgress(double fraction, const QString& text);
    void importFinished(bool ok, bool cancelled, const QString& message);

private:
    struct ReadResult;
    void startRead(const QString& path, bool keepMapping);
    void invalidateCheck();

    AppState& m_state;
    QString m_path;
    std::shared_ptr<const Sources> m_sources;
    QString m_sourceError;
    std::vector<core::io::Issue> m_readIssues;
    size_t m_readIssueTotal = 0;
    std::vector<core::io::SourceMapping> m_mappings;
    std::vector<bool> m_saved;

    bool m_replace = false;
    bool m_checked = false;
    std::shared_ptr<const core::io::MappedTables> m_mapped;
    std::vector<core::io::Issue> m_issues;
    size_t m_issueTotal = 0;
    std::map<std::string, size_t> m_rowsToImport;

    bool m_imported = false;
    QString m_importMessage;
    std::shared_ptr<std::atomic<bool>> m_cancelImport;

    JobRunner m_readRunner;
    JobRunner m_checkRunner;
    JobRunner m_importRunner;
};

} // namespace chokepoint::ui
