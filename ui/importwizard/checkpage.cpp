// SPDX-License-Identifier: MIT
#include "ui/importwizard/checkpage.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>

#include "core/io/columnmapping.h"
#include "core/io/tableschema.h"
#include "ui/importwizard/importsession.h"
#include "ui/importwizard/issuemodel.h"
#include "ui/importwizard/plural.h"
#include "ui/importwizard/previewmodel.h"
#include "ui/models/tablefilterproxy.h"
#include "ui/widgets/tableview.h"

namespace chokepoint::ui {

namespace io = core::io;

namespace {

QString tableList(bool reference) {
    QStringList names;
    for (const auto& spec : io::tableSpecs())
        if (spec.reference == reference)
            names << QString::fromUtf8(spec.name.data(), qsizetype(spec.name.size()));
    return names.join(QStringLiteral(", "));
}

// The header text of each mapped column of `table`, from its source.
QStringList sourceHeader(const io::RawTable& table, const io::RawTable& source) {
    QStringList out;
    for (const int column : table.headerColumns) {
        QString text;
        for (size_t i = 0; i < source.headerColumns.size() && i < source.header.size(); ++i)
            if (source.headerColumns[i] == column)
                text = QString::fromStdString(source.header[i]);
        out << text;
    }
    return out;
}

} // namespace

CheckPage::CheckPage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_append(new QRadioButton(tr("&Add to the workspace"), this))
    , m_replace(new QRadioButton(tr("&Replace the company data"), this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_reread(new QPushButton(tr("Read the file again"), this))
    , m_tabs(new QTabWidget(this))
    , m_issues(new IssueModel(this))
    , m_issueProxy(new TableFilterProxy(this))
    , m_issueView(new TableView(this)) {
    setTitle(tr("Check and preview"));
    setSubTitle(tr("The data as it will be read, and every problem in it. Nothing is written "
                   "until the check finds none."));
    // Importing cannot be undone from the wizard: no way back from the import step.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    auto* mode = new QGroupBox(tr("How to import"), this);
    auto* modeLayout = new QVBoxLayout(mode);
    auto* radios = new QHBoxLayout;
    m_append->setChecked(true);
    m_replace->setObjectName(QStringLiteral("replaceMode"));
    radios->addWidget(m_append);
    radios->addWidget(m_replace);
    radios->addStretch(1);
    modeLayout->addLayout(radios);
    auto* explain = new QLabel(
        tr("<b>Add</b> keeps everything in the workspace: new ids must not exist yet, and our "
           "supply shares of a material may not pass 100 % together with those already there. "
           "<b>Replace</b> first empties the company tables (%1) and keeps the reference data "
           "(%2), unless this import holds reference tables itself: then the reference data is "
           "replaced as a whole too. Either way it is one step: if anything fails, nothing "
           "changes.")
            .arg(tableList(false), tableList(true)),
        mode);
    explain->setWordWrap(true);
    explain->setObjectName(QStringLiteral("replaceExplanation"));
    modeLayout->addWidget(explain);

    auto* statusRow = new QHBoxLayout;
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_status->setWordWrap(true);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(180);
    m_progress->setVisible(false);
    m_reread->setToolTip(tr("After fixing the file: read it again with the same mapping"));
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_reread);

    m_tabs->setObjectName(QStringLiteral("previewTabs"));
    m_tabs->setDocumentMode(true);
    m_issueProxy->setSourceModel(m_issues);
    m_issueView->setObjectName(QStringLiteral("issueView"));
    m_issueView->setModel(m_issueProxy);
    m_issueView->setColumnWidth(IssueModel::File, 300); // file › sheet
    m_issueView->setColumnWidth(IssueModel::Line, 60);
    m_issueView->setColumnWidth(IssueModel::Where, 170);
    auto* issueBox = new QWidget(this);
    auto* issueLayout = new QVBoxLayout(issueBox);
    issueLayout->setContentsMargins(0, 0, 0, 0);
    issueLayout->addWidget(
        new QLabel(tr("<b>Problems</b> \u2014 click one to see its row"), issueBox));
    issueLayout->addWidget(m_issueView);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(issueBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // The preview shows several rows from the start, not just its header.
    splitter->setChildrenCollapsible(false);
    m_tabs->setMinimumHeight(150);
    splitter->setSizes({300, 200});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(mode);
    layout->addLayout(statusRow);
    layout->addWidget(splitter, 1);

    connect(m_replace, &QRadioButton::toggled, this, [this](bool on) {
        m_session.setReplace(on);
        m_session.check();
    });
    connect(m_reread, &QPushButton::clicked, this, [this] { m_session.rereadSource(); });
    connect(&m_session, &ImportSession::sourceRead, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            m_session.check();
    });
    connect(&m_session, &ImportSession::checkStarted, this, [this] {
        m_status->setText(tr("Checking\u2026"));
        m_progress->setValue(0);
        m_progress->setVisible(true);
        Q_EMIT completeChanged();
    });
    connect(&m_session, &ImportSession::checkProgress, this,
            [this](double f) { m_progress->setValue(int(f * 100)); });
    connect(&m_session, &ImportSession::checked, this, &CheckPage::showResult);
    connect(m_issueView, &TableView::keySelected, this,
            [this](const QString& key) { showIssue(key.toInt()); });
}

void CheckPage::initializePage() {
    {
        const QSignalBlocker block(m_replace);
        m_replace->setChecked(m_session.replace());
        m_append->setChecked(!m_session.replace());
    }
    m_session.check();
}

bool CheckPage::isComplete() const {
    return m_session.canImport();
}

QTableView* CheckPage::previewView(int table) const {
    return table >= 0 && size_t(table) < m_views.size() ? m_views[size_t(table)] : nullptr;
}

PreviewModel* CheckPage::previewModel(int table) const {
    return table >= 0 && size_t(table) < m_models.size() ? m_models[size_t(table)] : nullptr;
}

void CheckPage::showResult() {
    m_progress->setVisible(false);
    while (m_tabs->count())
        delete m_tabs->widget(0);
    for (PreviewModel* m : m_models)
        delete m;
    m_views.clear();
    m_models.clear();

    const auto mapped = m_session.mapped();
    const auto& issues = m_session.issues();
    if (mapped) {
        for (size_t i = 0; i < mapped->tables.size(); ++i) {
            const io::RawTable& table = mapped->tables[i];
            const io::RawTable& source = m_session.sources()[mapped->origins[i].source];
            auto* model = new PreviewModel(this);
            model->setTable(mapped, i, sourceHeader(table, source), issues);
            auto* view = new QTableView(m_tabs);
            view->setObjectName(QStringLiteral("preview_%1").arg(i));
            view->setModel(model);
            view->setAlternatingRowColors(true);
            view->setWordWrap(false);
            view->setSelectionBehavior(QAbstractItemView::SelectItems);
            view->setEditTriggers(QAbstractItemView::NoEditTriggers);
            view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
            view->horizontalHeader()->setDefaultSectionSize(150);
            view->horizontalHeader()->setStretchLastSection(true);
            int problems = 0;
            for (const auto& issue : issues)
                if (const auto at = io::findMappedCell(*mapped, issue.where); at && at->table == i)
                    ++problems;
            QString title = tr("%1 \u2190 %2 (%3)")
                                .arg(QString::fromStdString(table.name),
                                     m_session.sourceName(mapped->origins[i].source),
                                     plural(qint64(table.rowCount()), tr("%1 row"), tr("%1 rows")));
            if (problems)
                title += QStringLiteral(" \u2022 ") +
                         plural(problems, tr("%1 problem"), tr("%1 problems"));
            m_tabs->addTab(view, title);
            m_views.push_back(view);
            m_models.push_back(model);
        }
    }
    m_issues->setIssues(issues, m_session.sources());

    const size_t total = m_session.issueTotal();
    if (!m_session.isChecked()) {
        m_status->setText(tr("The mapping is not complete: go back one step."));
    } else if (total == 0) {
        QStringList rows;
        for (const auto& spec : io::tableSpecs()) {
            const auto it = m_session.rowsToImport().find(std::string(spec.name));
            if (it != m_session.rowsToImport().end())
                rows << plural(qint64(it->second), tr("%1 row into %2"), tr("%1 rows into %2"))
                            .arg(QString::fromUtf8(spec.name.data(), qsizetype(spec.name.size())));
        }
        m_status->setText(rows.isEmpty() ? tr("<b>No rows to import.</b>")
                                         : tr("<b>No problems.</b> Ready to import %1.")
                                               .arg(rows.join(QStringLiteral(", "))));
    } else {
        QString text = tr("<span style='color:#d7301f'><b>%1</b></span> \u2014 nothing can be "
                          "imported until they are fixed. Fix the file and read it again, or "
                          "change the mapping (Back).")
                           .arg(plural(qint64(total), tr("%1 problem"), tr("%1 problems")));
        if (total > issues.size())
            text += tr(" The first %1 are listed.").arg(issues.size());
        m_status->setText(text);
    }
    Q_EMIT completeChanged();
}

void CheckPage::showIssue(int index) {
    const auto mapped = m_session.mapped();
    if (!mapped || index < 0 || size_t(index) >= m_session.issues().size())
        return;
    const auto at = io::findMappedCell(*mapped, m_session.issues()[size_t(index)].where);
    if (!at || at->table >= m_views.size())
        return;
    QTableView* view = m_views[at->table];
    m_tabs->setCurrentWidget(view);
    const QModelIndex cell = view->model()->index(int(at->row), std::max(0, at->column));
    view->setCurrentIndex(cell);
    if (at->column < 0)
        view->selectRow(int(at->row));
    view->scrollTo(cell, QAbstractItemView::PositionAtCenter);
}

} // namespace chokepoint::ui
