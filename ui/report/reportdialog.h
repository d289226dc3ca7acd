// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>

#include <QDialog>
#include <QImage>

#include "core/report/reportbuilder.h"
#include "ui/report/reportwriter.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPushButton;

namespace chokepoint::ui {

class AppState;
class JobRunner;

/// File ▸ Export report…: sections, scenarios (the bundled examples and scenario files),
/// as-of date, headline lens, paper size, format (PDF or HTML), output path, and a preview of
/// page one. The report is built in the background (core::report::buildReport, with the
/// scenario runs) and written on the GUI thread (the writers draw chart widgets).
class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(AppState& state, QWidget* parent = nullptr);
    ~ReportDialog() override;

    /// The options as chosen (scenarios parsed against the workspace).
    core::report::ReportOptions reportOptions() const;
    ReportRenderOptions renderOptions() const;
    QString outputPath() const;
    void setOutputPath(const QString& path);
    /// "pdf" or "html"; also switches the output path's extension.
    void setFormat(const QString& extension);
    QString format() const;
    /// Adds a scenario file to the list (checked); false with `error` listing its problems.
    bool addScenarioFile(const QString& path, QString* error = nullptr);
    /// Checks the scenario items whose names are given, unchecks the others.
    void setCheckedScenarios(const QStringList& names);
    QStringList scenarioNames() const;
    void setSectionChecked(core::report::SectionId id, bool checked);

    /// Rebuilds the report and, when it lands, the preview of page one.
    void refreshPreview();
    /// The last preview (null before the first one lands).
    QImage previewImage() const { return m_previewImage; }
    /// Builds (or reuses the preview's document) and writes the file; false with `error`.
    /// Blocks until done (runs the build on the runner's thread and waits).
    bool exportNow(QString* error);
    /// Blocks until the background build and the preview are done (tests).
    void waitForIdle();

Q_SIGNALS:
    void previewReady();

private:
    void buildUi();
    void loadBundledScenarios();
    void browseOutput();
    void addScenarioDialog();
    void exportClicked();
    void finishExport();
    void optionsChanged();
    QString optionsKey() const;
    void showPreview();

    AppState& m_state;
    JobRunner* m_runner;
    std::vector<std::pair<core::report::SectionId, QCheckBox*>> m_sections;
    QListWidget* m_scenarios = nullptr;
    QDateEdit* m_asOf = nullptr;
    QComboBox* m_lens = nullptr;
    QComboBox* m_paper = nullptr;
    QButtonGroup* m_format = nullptr;
    QLineEdit* m_output = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_export = nullptr;
    QString m_workspaceName;
    std::shared_ptr<const core::report::ReportDocument> m_document;
    QString m_documentKey;
    QImage m_previewImage;
    bool m_exportPending = false;
};

/// Adds "Export report…" to the File menu; it opens a ReportDialog on the current workspace.
void addReportAction(QMenu* fileMenu, AppState& state, QWidget* window);

} // namespace chokepoint::ui
