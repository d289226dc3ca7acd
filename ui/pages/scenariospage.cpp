// SPDX-License-Identifier: MIT
#include "ui/pages/scenariospage.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/scenario/scenarioparser.h"
#include "core/scenario/sensitivity.h"
#include "core/util/atomicfile.h"
#include "ui/appstate.h"
#include "ui/pages/pageregistry.h"
#include "ui/pages/scenarios/compareview.h"
#include "ui/pages/scenarios/resultsview.h"
#include "ui/pages/scenarios/scenarioeditor.h"
#include "ui/pages/scenarios/scenariolibrary.h"
#include "ui/pages/scenarios/sensitivityview.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

ScenariosPage::ScenariosPage(AppState& state, QWidget* parent)
    : Page(state, parent) {
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(splitter);
    m_library = new ScenarioLibrary(splitter);
    m_library->setMinimumWidth(180);
    splitter->addWidget(m_library);

    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->setSpacing(4);
    auto* bar = new QHBoxLayout;
    m_header = new QLabel(right);
    m_header->setObjectName(QStringLiteral("scenarioHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setMinimumWidth(200);
    m_header->setWordWrap(true);
    m_save = new QPushButton(tr("Save"), right);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the scenario in the workspace (Ctrl+S)"));
    m_run = new QPushButton(tr("Run"), right);
    m_run->setObjectName(QStringLiteral("runScenario"));
    m_run->setToolTip(tr("Run the scenario (Ctrl+R)"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_progress = new QProgressBar(right);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_progress->setMinimumWidth(220);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), right);
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_cancel->setVisible(false);
    bar->addWidget(m_header, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    bar->addWidget(m_save);
    bar->addWidget(m_run);
    rightLayout->addLayout(bar);
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("scenarioStatus"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    rightLayout->addWidget(m_status);

    m_tabs = new QTabWidget(right);
    m_editor = new ScenarioEditor;
    auto* editorScroll = new QScrollArea;
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    m_editor->setMinimumSize(500, 760); // no sideways scrolling next to the Details dock
    editorScroll->setWidget(m_editor);
    m_results = new ResultsView;
    m_compare = new CompareView;
    m_sensitivity = new SensitivityView;
    m_tabs->addTab(editorScroll, tr("Editor"));
    m_tabs->addTab(m_results, tr("Results"));
    m_tabs->addTab(m_compare, tr("Compare"));
    m_tabs->addTab(m_sensitivity, tr("Sensitivity"));
    rightLayout->addWidget(m_tabs, 1);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    // The library's names elide (tooltips); the editor needs its width next to the dock.
    splitter->setSizes({210, 900});

    m_askDiscard = [this] {
        return QMessageBox::question(this, tr("Unsaved changes"),
                                     tr("The scenario has unsaved changes. Discard them?")) ==
               QMessageBox::Yes;
    };

    connect(m_library, &ScenarioLibrary::openRequested, this, [this](const LibraryEntry& e) {
        if (confirmDiscard())
            openEntry(e);
        else
            m_library->setCurrentKey(m_library->currentKey());
    });
    connect(m_library, &ScenarioLibrary::newRequested, this, [this] {
        if (confirmDiscard())
            newScenario();
    });
    connect(m_library, &ScenarioLibrary::duplicateRequested, this,
            &ScenariosPage::duplicateScenario);
    connect(m_library, &ScenarioLibrary::exportRequested, this, &ScenariosPage::exportDialog);
    connect(m_library, &ScenarioLibrary::failed, this,
            [this](const QString& message) { setStatus(message, true); });
    connect(m_library, &ScenarioLibrary::listChanged, this, [this] {
        // A rename or delete of the scenario in the editor.
        if (m_savedId) {
            const auto entry = m_library->find(QStringLiteral("saved:%1").arg(*m_savedId));
            if (!entry) {
                m_savedId.reset();
                m_origin = QStringLiteral("draft");
                m_dirty = true;
            } else if (!m_dirty) {
                const auto parsed = sc::parseScenarioDetailed(entry->json.toStdString(), nullptr);
                if (parsed.scenario && parsed.scenario->name != m_editor->scenario().name)
                    m_editor->setScenario(*parsed.scenario);
            }
        }
        updateHeader();
        updateCompareCandidates();
    });
    connect(m_editor, &ScenarioEditor::edited, this, [this] {
        m_dirty = true;
        updateHeader();
    });
    connect(m_editor, &ScenarioEditor::issuesChanged, this, &ScenariosPage::updateHeader);
    connect(m_save, &QPushButton::clicked, this, &ScenariosPage::save);
    connect(m_run, &QPushButton::clicked, this, &ScenariosPage::run);
    connect(m_cancel, &QPushButton::clicked, this, &ScenariosPage::cancel);
    connect(m_compare, &CompareView::runRequested, this, &ScenariosPage::runComparison);
    connect(m_sensitivity, &SensitivityView::runRequested, this, &ScenariosPage::runSensitivity);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == CompareTab)
            updateCompareCandidates();
        if (tab == SensitivityTab && m_editor->json() != m_sensitivityJson) {
            m_sensitivityJson = m_editor->json();
            m_sensitivity->setScenario(m_editor->scenario(), this->state().network());
        }
    });
    connect(&m_runner, &JobRunner::progress, this, [this](double f, const QString& text) {
        m_progress->setValue(int(f * 1000.0));
        m_progress->setFormat(text.isEmpty() ? QStringLiteral("%p %") : text);
    });
    connect(&m_runner, &JobRunner::busyChanged, this, [this](bool busy) {
        if (!busy)
            finishJob();
    });
    connect(m_results, &ResultsView::itemSelected, this, [this](const QString& key) {
        const Selection sel = selectionFromKey(key);
        if (!sel.isEmpty())
            this->state().setSelection(sel);
    });

    connect(&state, &AppState::workspaceLoaded, this, &ScenariosPage::onWorkspaceLoaded);
    connect(&state, &AppState::selectionChanged, this,
            [this] { m_results->setSelectedKey(selectionKey(this->state().selection())); });
    connect(&state, &AppState::scenarioDraftRequested, this, [this](const QString& json) {
        if (!confirmDiscard())
            return;
        if (openDraft(json)) {
            m_tabs->setCurrentIndex(EditorTab);
            this->state().requestPage(pageid::scenarios);
        }
    });
    if (state.hasWorkspace())
        onWorkspaceLoaded();
    else
        newScenario();
}

ScenariosPage::~ScenariosPage() {
    if (m_stop)
        m_stop->request_stop();
}

void ScenariosPage::onWorkspaceLoaded() {
    m_editor->setNetwork(state().network());
    m_library->setWorkspace(state().workspacePath(), state().network());
    m_sensitivityJson.clear();
    m_results->setRun(nullptr, tr("Run the scenario to see its results."));
    m_compare->setResult(nullptr, tr("Check two or more scenarios and press Compare."));
    // Start on an example that shows what the page does: the graphite squeeze if shipped.
    if (!m_dirty) {
        const auto& examples = m_library->examples();
        const LibraryEntry* pick = examples.isEmpty() ? nullptr : &examples.front();
        for (const LibraryEntry& e : examples)
            if (e.file.startsWith(QStringLiteral("graphite")))
                pick = &e;
        if (!m_library->saved().isEmpty())
            pick = &m_library->saved().front();
        if (pick)
            openEntry(*pick);
    }
    updateCompareCandidates();
}

void ScenariosPage::loadIntoEditor(const sc::Scenario& scenario, const QString& libraryKey,
                                   std::optional<int64_t> savedId, const QString& origin) {
    m_editor->setScenario(scenario);
    m_savedId = savedId;
    m_origin = origin;
    m_dirty = origin == QStringLiteral("draft");
    m_library->setCurrentKey(libraryKey);
    setStatus({});
    updateHeader();
}

bool ScenariosPage::confirmDiscard() {
    return !m_dirty || !m_askDiscard || m_askDiscard();
}

void ScenariosPage::newScenario() {
    sc::Scenario s;
    s.name = tr("New scenario").toStdString();
    sc::Shock shock;
    shock.select.countries = std::vector<std::string>{"CHN"};
    shock.kind = sc::ShockKind::Stop;
    shock.durationDays = 90;
    s.shocks.push_back(shock);
    loadIntoEditor(s, {}, std::nullopt, QStringLiteral("new"));
    m_tabs->setCurrentIndex(EditorTab);
}

void ScenariosPage::duplicateScenario() {
    sc::Scenario s = m_editor->scenario();
    s.name = tr("%1 (copy)").arg(qs(s.name)).toStdString();
    loadIntoEditor(s, {}, std::nullopt, QStringLiteral("draft"));
    m_tabs->setCurrentIndex(EditorTab);
}

bool ScenariosPage::openDraft(const QString& json) {
    const auto parsed = sc::parseScenarioDetailed(json.toStdString(), nullptr);
    if (!parsed.scenario) {
        QStringList problems;
        for (const auto& issue : parsed.issues)
            problems << qs(issue.toString());
        setStatus(
            tr("The scenario could not be opened: %1").arg(problems.join(QStringLiteral("; "))),
            true);
        return false;
    }
    loadIntoEditor(*parsed.scenario, {}, std::nullopt, QStringLiteral("draft"));
    return true;
}

void ScenariosPage::openEntry(const LibraryEntry& entry) {
    const auto parsed = sc::parseScenarioDetailed(entry.json.toStdString(), nullptr);
    if (!parsed.scenario) {
        setStatus(
            tr("\"%1\" cannot be read: %2")
                .arg(entry.name,
                     qs(parsed.issues.empty() ? std::string() : parsed.issues.front().toString())),
            true);
        return;
    }
    const bool saved = entry.kind == LibraryEntry::Kind::Saved;
    loadIntoEditor(*parsed.scenario, entry.key(), saved ? std::optional(entry.id) : std::nullopt,
                   saved ? QStringLiteral("saved") : QStringLiteral("example"));
}

bool ScenariosPage::save() {
    if (!state().hasWorkspace()) {
        setStatus(tr("Open a workspace to save scenarios in it."), true);
        return false;
    }
    if (!m_editor->isValid()) {
        setStatus(tr("Fix the %n problem(s) listed below the editor before saving.", nullptr,
                     int(m_editor->issues().size())),
                  true);
        m_tabs->setCurrentIndex(EditorTab);
        return false;
    }
    int64_t id = 0;
    if (!m_library->save(m_editor->json(), m_savedId, &id)) {
        setStatus(tr("Not saved: %1").arg(m_library->errorString()), true);
        return false;
    }
    m_savedId = id;
    m_origin = QStringLiteral("saved");
    m_dirty = false;
    m_library->setCurrentKey(QStringLiteral("saved:%1").arg(id));
    setStatus(tr("Saved \"%1\" in the workspace.").arg(qs(m_editor->scenario().name)));
    updateHeader();
    return true;
}

bool ScenariosPage::exportTo(const QString& path) {
    if (auto r = core::writeFileAtomically(path.toStdString(), m_editor->json()); !r) {
        setStatus(tr("Could not export: %1").arg(QString::fromStdString(r.errorString())), true);
        return false;
    }
    setStatus(tr("Exported to %1.").arg(path));
    return true;
}

void ScenariosPage::exportDialog() {
    QString name = qs(m_editor->scenario().name).toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export scenario"), name + QStringLiteral(".json"), tr("Scenario files (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

void ScenariosPage::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    m_status->setStyleSheet(error ? QStringLiteral("color: #d0421b; font-weight: bold;")
                                  : QString());
}

QString ScenariosPage::statusText() const {
    return m_status->text();
}

QString ScenariosPage::headerText() const {
    return m_header->text();
}

void ScenariosPage::updateHeader() {
    const sc::Scenario s = m_editor->scenario();
    QString origin;
    if (m_origin == QStringLiteral("saved"))
        origin = tr("saved in the workspace");
    else if (m_origin == QStringLiteral("example"))
        origin = tr("example shipped with the program \u2014 Save stores a copy");
    else
        origin = tr("not saved");
    QString text = QStringLiteral("<b>%1</b> &nbsp;<span>%2</span>")
                       .arg(qs(s.name).toHtmlEscaped(), origin.toHtmlEscaped());
    if (m_dirty && m_origin != QStringLiteral("new"))
        text += tr(" &nbsp;\u00b7&nbsp; <i>changed</i>");
    if (!m_editor->isValid())
        text += tr(" &nbsp;\u00b7&nbsp; %n problem(s)", nullptr, int(m_editor->issues().size()));
    m_header->setText(text);
    m_run->setEnabled(m_editor->isValid() && state().hasWorkspace());
}

void ScenariosPage::updateCompareCandidates() {
    QVector<CompareCandidate> candidates;
    auto add = [&](const LibraryEntry& e, const QString& suffix) {
        const auto parsed = sc::parseScenarioDetailed(e.json.toStdString(), nullptr);
        if (parsed.scenario)
            candidates.push_back({e.key(), e.name + suffix, *parsed.scenario});
    };
    const sc::Scenario draft = m_editor->scenario();
    if (m_editor->isValid())
        candidates.push_back(
            {QStringLiteral("draft"), tr("%1 (in the editor)").arg(qs(draft.name)), draft});
    for (const LibraryEntry& e : m_library->saved())
        add(e, QString());
    for (const LibraryEntry& e : m_library->examples())
        add(e, tr(" (example)"));
    m_compare->setCandidates(candidates);
}

} // namespace chokepoint::ui
