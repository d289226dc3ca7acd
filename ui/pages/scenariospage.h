// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "core/scenario/scenario.h"
#include "ui/jobrunner.h"
#include "ui/pages/page.h"
#include "ui/pages/scenarios/scenariorun.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace chokepoint::ui {

class CompareView;
class ResultsView;
class ScenarioEditor;
class ScenarioLibrary;
class SensitivityView;
struct LibraryEntry;

/// The Scenarios page (SPEC §4, §6): the scenario library (saved in the workspace, plus the
/// examples shipped with the program), the editor with validation as you type, runs with
/// progress and cancel off the GUI thread, results, comparison of scenarios and sensitivity.
/// Every figure comes from core (runScenario, scenarioFigures, compareScenarios,
/// runSensitivity, makeHistogram); the page only shows them. It opens JSON sent through
/// AppState::requestScenarioDraft() as an unsaved draft.
class ScenariosPage : public Page {
    Q_OBJECT
public:
    enum Tab { EditorTab, ResultsTab, CompareTab, SensitivityTab };

    explicit ScenariosPage(AppState& state, QWidget* parent = nullptr);
    ~ScenariosPage() override;
    QString title() const override { return tr("Scenarios"); }

    // What the buttons do (the buttons add dialogs around these).
    void newScenario();
    void duplicateScenario();
    /// Opens a scenario file's text (SPEC §4 JSON) as an unsaved draft; false when it does not
    /// parse at all (the message is in statusText()).
    bool openDraft(const QString& json);
    void openEntry(const LibraryEntry& entry);
    /// Saves the editor's scenario (a new row, or the saved scenario it came from).
    bool save();
    bool exportTo(const QString& path);
    /// Runs the editor's scenario; false (and nothing runs) when it has problems.
    bool run();
    void runComparison();
    void runSensitivity();
    void cancel();
    bool isRunning() const;
    /// Blocks until the running job is done and its result shown (tests).
    void waitForIdle() override { m_runner.waitForIdle(); }

    /// The question asked before unsaved changes are dropped (default: a message box).
    void setDiscardQuestion(std::function<bool()> ask) { m_askDiscard = std::move(ask); }

    ScenarioEditor* editor() const { return m_editor; }
    ScenarioLibrary* library() const { return m_library; }
    ResultsView* results() const { return m_results; }
    CompareView* compare() const { return m_compare; }
    SensitivityView* sensitivity() const { return m_sensitivity; }
    QTabWidget* tabs() const { return m_tabs; }
    QProgressBar* progressBar() const { return m_progress; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* saveButton() const { return m_save; }
    QString statusText() const;
    QString headerText() const;
    bool isDirty() const { return m_dirty; }
    /// The saved scenario the editor shows, if any.
    std::optional<int64_t> savedId() const { return m_savedId; }

private:
    void onWorkspaceLoaded();
    void loadIntoEditor(const core::scenario::Scenario& scenario, const QString& libraryKey,
                        std::optional<int64_t> savedId, const QString& origin);
    bool confirmDiscard();
    void updateHeader();
    void updateCompareCandidates();
    void setStatus(const QString& text, bool error = false);
    void startJob(const QString& what);
    void finishJob();
    void exportDialog();

    ScenarioLibrary* m_library = nullptr;
    ScenarioEditor* m_editor = nullptr;
    ResultsView* m_results = nullptr;
    CompareView* m_compare = nullptr;
    SensitivityView* m_sensitivity = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_header = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;

    JobRunner m_runner;
    StopHandle m_stop;
    QString m_job; ///< what the running job does ("run", "compare", "sensitivity")
    std::optional<int64_t> m_savedId;
    QString m_origin; ///< "saved", "example", "draft", "new"
    bool m_dirty = false;
    std::string m_sensitivityJson; ///< the scenario the sensitivity table was built for
    std::function<bool()> m_askDiscard;
};

} // namespace chokepoint::ui
