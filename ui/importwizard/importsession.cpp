// SPDX-License-Identifier: MIT
#include "ui/importwizard/importsession.h"

#include <QFileInfo>
#include <QStringList>

#include "core/io/columnmatch.h"
#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/store/workspace.h"
#include "ui/appstate.h"
#include "ui/importwizard/plural.h"

namespace chokepoint::ui {

namespace io = core::io;

struct ImportSession::ReadResult {
    QString path;
    std::shared_ptr<const Sources> sources;
    QString error;
    std::vector<io::Issue> issues;
    size_t issueTotal = 0;
    std::vector<io::SourceMapping> mappings;
    std::vector<bool> saved;
};

namespace {

struct CheckResult {
    bool cancelled = false;
    std::shared_ptr<const io::MappedTables> mapped;
    std::vector<io::Issue> issues;
    size_t issueTotal = 0;
    std::map<std::string, size_t> rows;
};

struct ImportResult {
    bool ok = false;
    bool cancelled = false;
    QString message;
};

// "4 rows into supply, 3 into sites"
QString rowsText(const std::map<std::string, size_t>& rows) {
    QStringList parts;
    for (const auto& spec : io::tableSpecs()) {
        const auto it = rows.find(std::string(spec.name));
        if (it == rows.end())
            continue;
        const QString table = QString::fromUtf8(spec.name.data(), qsizetype(spec.name.size()));
        parts << (parts.isEmpty() ? plural(qint64(it->second), ImportSession::tr("%1 row into %2"),
                                           ImportSession::tr("%1 rows into %2"))
                                  : ImportSession::tr("%1 into %2")
                                        .arg(QLocale().toString(qulonglong(it->second))))
                     .arg(table);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

ImportSession::ImportSession(AppState& state, QObject* parent)
    : QObject(parent)
    , m_state(state) {
    connect(&m_checkRunner, &JobRunner::progress, this,
            [this](double f, const QString&) { Q_EMIT checkProgress(f); });
    connect(&m_importRunner, &JobRunner::progress, this, &ImportSession::importProgress);
}

ImportSession::~ImportSession() {
    if (m_cancelImport)
        m_cancelImport->store(true);
}

const ImportSession::Sources& ImportSession::sources() const {
    static const Sources none;
    return m_sources ? *m_sources : none;
}

QString ImportSession::sourceName(size_t source) const {
    if (source >= sources().size())
        return {};
    const io::RawTable& t = sources()[source];
    return t.sheet.empty() ? QFileInfo(QString::fromStdString(t.file)).fileName()
                           : QString::fromStdString(t.sheet);
}

void ImportSession::readSource(const QString& path) {
    startRead(path, false);
}

void ImportSession::rereadSource() {
    if (!m_path.isEmpty())
        startRead(m_path, true);
}

void ImportSession::startRead(const QString& path, bool keepMapping) {
    m_path = path;
    m_sourceError.clear();
    std::map<std::string, std::pair<io::SourceMapping, bool>> keep; // by mappingKey
    if (keepMapping)
        for (size_t s = 0; s < sources().size() && s < m_mappings.size(); ++s)
            keep[io::mappingKey(sources()[s])] = {m_mappings[s], m_saved[s]};
    m_sources.reset();
    m_mappings.clear();
    m_saved.clear();
    invalidateCheck();
    Q_EMIT readingStarted();
    m_readRunner.run(
        [path, keep, workspace = m_state.workspacePath()](const JobToken& token) {
            ReadResult r;
            r.path = path;
            auto tables = std::make_shared<Sources>();
            io::IssueList issues;
            const bool ok = io::readSource(path.toStdString(), *tables, issues);
            if (!ok || tables->empty()) {
                r.error = issues.empty() ? tr("There is no data in %1.").arg(path)
                                         : QString::fromStdString(issues.toString()).trimmed();
                return r;
            }
            if (token.cancelled())
                return r;
            r.issues = issues.issues();
            r.issueTotal = issues.total();
            r.mappings = io::proposeMappings(*tables);
            r.saved.assign(tables->size(), false);
            std::optional<core::Workspace> ws;
            if (auto opened = core::Workspace::openReadOnly(workspace.toStdString()))
                ws.emplace(std::move(*opened));
            for (size_t s = 0; s < tables->size(); ++s) {
                const io::RawTable& t = (*tables)[s];
                const std::string key = io::mappingKey(t);
                if (const auto it = keep.find(key); it != keep.end()) {
                    r.mappings[s] = it->second.first;
                    r.saved[s] = it->second.second;
                } else if (ws) {
                    if (const auto json = ws->meta(key))
                        if (auto saved = io::mappingFromJson(*json, t)) {
                            r.mappings[s] = std::move(*saved);
                            r.saved[s] = true;
                        }
                }
            }
            r.sources = std::move(tables);
            return r;
        },
        [this](ReadResult r) {
            m_sourceError = r.error;
            m_sources = std::move(r.sources);
            m_readIssues = std::move(r.issues);
            m_readIssueTotal = r.issueTotal;
            m_mappings = std::move(r.mappings);
            m_saved = std::move(r.saved);
            Q_EMIT sourceRead();
            Q_EMIT mappingChanged();
        });
}

void ImportSession::setMapping(size_t source, io::SourceMapping mapping) {
    if (source >= m_mappings.size() || m_mappings[source] == mapping)
        return;
    m_mappings[source] = std::move(mapping);
    invalidateCheck();
    Q_EMIT mappingChanged();
}

bool ImportSession::usesSavedMapping(size_t source) const {
    return source < m_saved.size() && m_saved[source];
}

std::vector<std::string> ImportSession::mappingProblems() const {
    return io::mappingProblems(sources(), m_mappings);
}

bool ImportSession::isMappingUsable() const {
    bool any = false;
    for (const auto& m : m_mappings)
        any = any || !m.tables.empty();
    return hasSource() && any && mappingProblems().empty();
}

void ImportSession::setReplace(bool replace) {
    if (replace == m_replace)
        return;
    m_replace = replace;
    invalidateCheck();
}

void ImportSession::invalidateCheck() {
    m_checkRunner.cancel();
    m_checked = false;
    m_mapped.reset();
    m_issues.clear();
    m_issueTotal = 0;
    m_rowsToImport.clear();
    m_imported = false;
}

void ImportSession::check() {
    invalidateCheck();
    Q_EMIT checkStarted();
    if (!isMappingUsable()) {
        Q_EMIT checked();
        return;
    }
    const auto net = m_state.network();
    m_checkRunner.run(
        [net, sources = m_sources, mappings = m_mappings, replace = m_replace,
         readIssues = m_readIssues, readTotal = m_readIssueTotal](const JobToken& token) {
            CheckResult c;
            const core::Dataset empty;
            const core::Dataset& current = net ? net->data() : empty;
            const io::CountryCodes codes = io::countryCodes(current.countries);
            auto mapped = std::make_shared<io::MappedTables>();
            io::MappingOptions options;
            options.countries = &codes;
            options.progress = [&token](double f) { return token.progress(0.5 * f); };
            if (!io::applyMapping(*sources, mappings, options, *mapped)) {
                c.cancelled = true;
                return c;
            }
            const core::Dataset kept =
                io::keptData(current, replace, io::hasReferenceTables(mapped->tables));
            if (!token.progress(0.5))
                return CheckResult{true, {}, {}, 0, {}};
            // One list, as the command line gives it (SPEC §2): the first 200 of the reading
            // and the checks together, and the count of all.
            io::IssueList issues;
            for (const auto& i : readIssues)
                issues.add(i.where, i.message);
            issues.countDropped(readTotal - readIssues.size());
            core::Dataset out;
            io::validateTables(mapped->tables, kept, out, issues);
            c.issues = issues.issues();
            c.issueTotal = issues.total();
            if (c.issueTotal == 0)
                for (const auto& spec : io::tableSpecs())
                    if (const size_t n = io::rowCount(out, spec.name))
                        c.rows[std::string(spec.name)] = n;
            c.mapped = std::move(mapped);
            token.progress(1.0);
            return c;
        },
        [this](CheckResult c) {
            if (c.cancelled)
                return;
            m_mapped = std::move(c.mapped);
            m_issues = std::move(c.issues);
            m_issueTotal = c.issueTotal;
            m_rowsToImport = std::move(c.rows);
            m_checked = true;
            Q_EMIT checked();
        });
}

void ImportSession::startImport() {
    if (!canImport() || isImporting())
        return;
    m_imported = false;
    m_importMessage.clear();
    m_cancelImport = std::make_shared<std::atomic<bool>>(false);
    std::vector<std::pair<std::string, std::string>> saves; // meta key, mapping JSON
    for (size_t s = 0; s < sources().size(); ++s)
        if (!m_mappings[s].tables.empty())
            saves.emplace_back(io::mappingKey(sources()[s]),
                               io::mappingToJson(m_mappings[s], sources()[s]));
    m_importRunner.run(
        [workspace = m_state.workspacePath(), mapped = m_mapped, replace = m_replace, saves,
         cancel = m_cancelImport](const JobToken& token) {
            ImportResult r;
            auto ws = core::Workspace::open(workspace.toStdString());
            if (!ws) {
                r.message = QString::fromStdString(ws.errorString());
                return r;
            }
            io::ImportOptions options;
            options.replace = replace;
            options.progress = [&](double f, const std::string& stage) {
                return !cancel->load() && token.progress(f, QString::fromStdString(stage));
            };
            io::IssueList issues;
            const auto result = io::importTables(*ws, mapped->tables, options, issues);
            if (!result) {
                r.message = QString::fromStdString(result.errorString());
                if (!issues.empty())
                    r.message += QStringLiteral("\n\n") + QString::fromStdString(issues.toString());
                return r;
            }
            if (result->cancelled) {
                r.cancelled = true;
                r.message = tr("The import was cancelled; nothing was written.");
                return r;
            }
            QStringList notSaved;
            for (const auto& [key, json] : saves)
                if (auto saved = ws->setMeta(key, json); !saved)
                    notSaved << QString::fromStdString(saved.errorString());
            r.ok = true;
            r.message = tr("Imported %1.").arg(rowsText(result->rows));
            r.message += notSaved.isEmpty()
                             ? tr(" The mapping is saved in the workspace for files with these "
                                  "columns.")
                             : tr(" The mapping could not be saved: %1").arg(notSaved.join("; "));
            return r;
        },
        [this](ImportResult r) {
            m_imported = r.ok;
            m_importMessage = r.message;
            if (r.ok)
                m_state.openWorkspace(m_state.workspacePath());
            Q_EMIT importFinished(r.ok, r.cancelled, r.message);
        });
}

void ImportSession::cancelImport() {
    if (m_cancelImport)
        m_cancelImport->store(true);
}

void ImportSession::waitForIdle() {
    while (m_readRunner.isBusy() || m_checkRunner.isBusy() || m_importRunner.isBusy()) {
        m_readRunner.waitForIdle();
        m_checkRunner.waitForIdle();
        m_importRunner.waitForIdle();
    }
}

} // namespace chokepoint::ui
