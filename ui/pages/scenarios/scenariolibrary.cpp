// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/scenariolibrary.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/io/bundled.h"
#include "core/scenario/scenarioparser.h"
#include "core/store/scenariostore.h"
#include "core/store/workspace.h"
#include "core/util/inputfile.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

namespace {
constexpr int kKeyRole = Qt::UserRole + 1;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

QString LibraryEntry::key() const {
    return kind == Kind::Saved ? QStringLiteral("saved:%1").arg(id)
                               : QStringLiteral("example:%1").arg(index);
}

ScenarioLibrary::ScenarioLibrary(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree->setObjectName(QStringLiteral("scenarioLibrary"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(12);
    m_tree->setUniformRowHeights(true);
    layout->addWidget(m_tree, 1);
    auto* grid = new QGridLayout;
    grid->setSpacing(4);
    const std::pair<const char*, QString> buttons[] = {
        {"newScenario", tr("New")},         {"duplicateScenario", tr("Duplicate")},
        {"renameScenario", tr("Rename…")},  {"deleteScenario", tr("Delete")},
        {"importScenarios", tr("Import…")}, {"exportScenario", tr("Export…")},
    };
    int i = 0;
    for (const auto& [name, text] : buttons) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        grid->addWidget(b, i / 2, i % 2);
        ++i;
    }
    layout->addLayout(grid);
    connect(button(QStringLiteral("newScenario")), &QPushButton::clicked, this,
            &ScenarioLibrary::newRequested);
    connect(button(QStringLiteral("duplicateScenario")), &QPushButton::clicked, this,
            &ScenarioLibrary::duplicateRequested);
    connect(button(QStringLiteral("exportScenario")), &QPushButton::clicked, this,
            &ScenarioLibrary::exportRequested);
    connect(button(QStringLiteral("renameScenario")), &QPushButton::clicked, this,
            &ScenarioLibrary::renameCurrent);
    connect(button(QStringLiteral("deleteScenario")), &QPushButton::clicked, this,
            &ScenarioLibrary::deleteCurrent);
    connect(button(QStringLiteral("importScenarios")), &QPushButton::clicked, this,
            &ScenarioLibrary::importDialog);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (m_rebuilding || !item)
            return;
        const QString key = item->data(0, kKeyRole).toString();
        if (key.isEmpty() || key == m_current)
            return;
        if (const auto entry = find(key))
            Q_EMIT openRequested(*entry);
    });

    for (const auto& [file, json] : core::io::bundledScenarios()) {
        LibraryEntry e;
        e.kind = LibraryEntry::Kind::Example;
        e.index = int(m_examples.size());
        e.file = qs(file);
        e.json = qs(json);
        const auto parsed = sc::parseScenarioDetailed(json, nullptr);
        e.name = parsed.scenario ? qs(parsed.scenario->name) : e.file;
        m_examples << e;
    }
    rebuild();
}

QPushButton* ScenarioLibrary::button(const QString& objectName) const {
    return findChild<QPushButton*>(objectName);
}

void ScenarioLibrary::setWorkspace(const QString& path,
                                   std::shared_ptr<const core::analysis::Network> net) {
    m_path = path;
    m_network = std::move(net);
    reload();
}

void ScenarioLibrary::reload() {
    m_saved.clear();
    m_error.clear();
    if (!m_path.isEmpty()) {
        auto ws = core::Workspace::open(m_path.toStdString());
        if (!ws) {
            m_error = qs(ws.errorString());
        } else {
            core::store::ScenarioStore store(ws->database());
            auto list = store.list();
            if (!list)
                m_error = qs(list.errorString());
            else
                for (const auto& s : *list) {
                    LibraryEntry e;
                    e.kind = LibraryEntry::Kind::Saved;
                    e.id = s.id;
                    e.name = qs(s.name);
                    e.json = qs(s.json);
                    m_saved << e;
                }
        }
    }
    rebuild();
    if (!m_error.isEmpty())
        Q_EMIT failed(m_error);
    Q_EMIT listChanged();
}

std::optional<LibraryEntry> ScenarioLibrary::find(const QString& key) const {
    for (const auto* list : {&m_saved, &m_examples})
        for (const LibraryEntry& e : *list)
            if (e.key() == key)
                return e;
    return std::nullopt;
}

void ScenarioLibrary::rebuild() {
    m_rebuilding = true;
    m_tree->clear();
    QFont bold = font();
    bold.setBold(true);
    m_savedRoot = new QTreeWidgetItem(m_tree, {tr("Saved in this workspace")});
    m_savedRoot->setFlags(Qt::ItemIsEnabled);
    m_savedRoot->setFont(0, bold);
    for (const LibraryEntry& e : m_saved) {
        auto* item = new QTreeWidgetItem(m_savedRoot, {e.name});
        item->setData(0, kKeyRole, e.key());
        item->setToolTip(0, e.name);
    }
    if (m_saved.isEmpty()) {
        auto* none = new QTreeWidgetItem(m_savedRoot, {tr("none yet: Save keeps the editor's")});
        none->setFlags(Qt::ItemIsEnabled);
        // A hint, not a disabled item: the placeholder colour reads on both palettes (0.1.0:
        // disabled text, nearly invisible on dark). Set again when the palette changes.
        none->setForeground(0, palette().brush(QPalette::Active, QPalette::PlaceholderText));
        QFont hint = font();
        hint.setItalic(true);
        none->setFont(0, hint);
    }
    m_examplesRoot = new QTreeWidgetItem(m_tree, {tr("Examples (read-only)")});
    m_examplesRoot->setFlags(Qt::ItemIsEnabled);
    m_examplesRoot->setFont(0, bold);
    for (const LibraryEntry& e : m_examples) {
        auto* item = new QTreeWidgetItem(m_examplesRoot, {e.name});
        item->setData(0, kKeyRole, e.key());
        item->setToolTip(0, tr("%1\nShipped with the program (%2); Save stores a copy in the "
                               "workspace.")
                                .arg(e.name, e.file));
    }
    m_tree->expandAll();
    m_rebuilding = false;
    setCurrentKey(m_current);
}

void ScenarioLibrary::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_tree && !m_rebuilding)
        rebuild();
}

void ScenarioLibrary::setCurrentKey(const QString& key) {
    m_current = key;
    m_rebuilding = true;
    QTreeWidgetItem* found = nullptr;
    for (QTreeWidgetItem* root : {m_savedRoot, m_examplesRoot})
        for (int i = 0; root && i < root->childCount(); ++i)
            if (!key.isEmpty() && root->child(i)->data(0, kKeyRole).toString() == key)
                found = root->child(i);
    m_tree->setCurrentItem(found);
    if (!found)
        m_tree->clearSelection();
    m_rebuilding = false;
    updateButtons();
}

void ScenarioLibrary::updateButtons() {
    const bool saved = m_current.startsWith(QStringLiteral("saved:"));
    button(QStringLiteral("renameScenario"))->setEnabled(saved);
    button(QStringLiteral("deleteScenario"))->setEnabled(saved);
    button(QStringLiteral("importScenarios"))->setEnabled(!m_path.isEmpty());
}

bool ScenarioLibrary::save(const std::string& json, std::optional<int64_t> id, int64_t* savedId) {
    m_error.clear();
    auto ws = core::Workspace::open(m_path.toStdString());
    if (!ws) {
        m_error = qs(ws.errorString());
        return false;
    }
    core::store::ScenarioStore store(ws->database());
    if (id) {
        if (auto r = store.update(*id, json); !r) {
            m_error = qs(r.errorString());
            return false;
        }
        *savedId = *id;
    } else {
        auto r = store.add(json);
        if (!r) {
            m_error = qs(r.errorString());
            return false;
        }
        *savedId = *r;
    }
    reload();
    return true;
}

bool ScenarioLibrary::rename(int64_t id, const QString& name) {
    m_error.clear();
    auto ws = core::Workspace::open(m_path.toStdString());
    if (!ws) {
        m_error = qs(ws.errorString());
        return false;
    }
    core::store::ScenarioStore store(ws->database());
    if (auto r = store.rename(id, name.toStdString()); !r) {
        m_error = qs(r.errorString());
        return false;
    }
    reload();
    return true;
}

bool ScenarioLibrary::remove(int64_t id) {
    m_error.clear();
    auto ws = core::Workspace::open(m_path.toStdString());
    if (!ws) {
        m_error = qs(ws.errorString());
        return false;
    }
    core::store::ScenarioStore store(ws->database());
    if (auto r = store.remove(id); !r) {
        m_error = qs(r.errorString());
        return false;
    }
    reload();
    return true;
}

bool ScenarioLibrary::importFiles(const QStringList& paths, QVector<int64_t>* ids) {
    m_error.clear();
    std::vector<std::string> jsons;
    QStringList problems;
    for (const QString& path : paths) {
        // A FIFO or a device would hang the window; only a regular file of sane size is read.
        auto read = core::readInputFile(path.toStdString(), core::kMaxScenarioFileSize);
        if (!read) {
            problems << tr("%1: cannot read: %2").arg(path, qs(read.errorString()));
            continue;
        }
        const std::string text = std::move(*read);
        const auto parsed = sc::parseScenarioDetailed(text, m_network.get());
        for (const auto& issue : parsed.issues)
            problems << QFileInfo(path).fileName() + QStringLiteral(": ") + qs(issue.toString());
        jsons.push_back(text);
    }
    if (!problems.isEmpty()) {
        m_error = tr("Nothing was imported:\n") + problems.join(QLatin1Char('\n'));
        return false;
    }
    auto ws = core::Workspace::open(m_path.toStdString());
    if (!ws) {
        m_error = qs(ws.errorString());
        return false;
    }
    core::store::ScenarioStore store(ws->database());
    auto r = store.addAll(jsons);
    if (!r) {
        m_error = tr("Nothing was imported: ") + qs(r.errorString());
        return false;
    }
    if (ids)
        *ids = QVector<int64_t>(r->begin(), r->end());
    reload();
    return true;
}

void ScenarioLibrary::renameCurrent() {
    const auto entry = find(m_current);
    if (!entry || entry->kind != LibraryEntry::Kind::Saved)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename scenario"), tr("New name:"),
                                               QLineEdit::Normal, entry->name, &ok);
    if (!ok || name == entry->name)
        return;
    if (!rename(entry->id, name))
        Q_EMIT failed(m_error);
}

void ScenarioLibrary::deleteCurrent() {
    const auto entry = find(m_current);
    if (!entry || entry->kind != LibraryEntry::Kind::Saved)
        return;
    if (QMessageBox::question(
            this, tr("Delete scenario"),
            tr("Delete the saved scenario \"%1\" from the workspace?").arg(entry->name)) !=
        QMessageBox::Yes)
        return;
    if (!remove(entry->id))
        Q_EMIT failed(m_error);
}

void ScenarioLibrary::importDialog() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import scenarios"), QString(), tr("Scenario files (*.json);;All files (*)"));
    if (paths.isEmpty())
        return;
    if (!importFiles(paths))
        Q_EMIT failed(m_error);
}

} // namespace chokepoint::ui
