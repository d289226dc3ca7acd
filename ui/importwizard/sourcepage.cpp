// SPDX-License-Identifier: MIT
#include "ui/importwizard/sourcepage.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/importwizard/importsession.h"
#include "ui/importwizard/plural.h"

namespace chokepoint::ui {

namespace {
enum Kind { Folder, CsvFile, Workbook };
}

SourcePage::SourcePage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_path(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_list(new QTreeWidget(this)) {
    setTitle(tr("Choose the data"));
    setSubTitle(tr("An export from your ERP or a spreadsheet: a folder of CSV files, one CSV "
                   "file, or an Excel workbook (.xlsx). Column names may be your own; the next "
                   "step maps them."));
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_path->setObjectName(QStringLiteral("sourcePath"));
    m_path->setPlaceholderText(tr("Path of a folder, .csv or .xlsx file"));
    m_path->setClearButtonEnabled(true);
    row->addWidget(m_path, 1);
    const std::pair<Kind, QString> buttons[] = {{Workbook, tr("Excel workbook\u2026")},
                                                {CsvFile, tr("CSV file\u2026")},
                                                {Folder, tr("CSV folder\u2026")}};
    for (const auto& [kind, text] : buttons) {
        auto* b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, [this, k = kind] { browse(k); });
        row->addWidget(b);
    }
    layout->addLayout(row);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_list->setObjectName(QStringLiteral("sourceList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Sheet or file"), tr("Rows"), tr("Columns")});
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 260);
    m_list->setColumnWidth(1, 80);
    layout->addWidget(m_list, 1);

    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (m_path->text() != m_session.sourcePath())
            setPath(m_path->text());
    });
    connect(&m_session, &ImportSession::readingStarted, this, [this] {
        m_status->setText(tr("Reading %1\u2026").arg(m_session.sourcePath()));
        m_list->clear();
        Q_EMIT completeChanged();
    });
    connect(&m_session, &ImportSession::sourceRead, this, &SourcePage::showSource);
}

void SourcePage::setPath(const QString& path) {
    m_path->setText(path);
    if (!path.trimmed().isEmpty())
        m_session.readSource(path.trimmed());
}

QString SourcePage::path() const {
    return m_path->text();
}

void SourcePage::browse(int kind) {
    QString path;
    if (kind == Folder)
        path = QFileDialog::getExistingDirectory(this, tr("Folder of CSV files"));
    else if (kind == CsvFile)
        path = QFileDialog::getOpenFileName(this, tr("CSV file"), QString(),
                                            tr("CSV files (*.csv);;All files (*)"));
    else
        path = QFileDialog::getOpenFileName(this, tr("Excel workbook"), QString(),
                                            tr("Excel workbooks (*.xlsx)"));
    if (!path.isEmpty())
        setPath(path);
}

void SourcePage::showSource() {
    m_list->clear();
    if (!m_session.hasSource()) {
        m_status->setText(tr("<b>Cannot read this source.</b><br>%1")
                              .arg(m_session.sourceError().toHtmlEscaped().replace(
                                  QLatin1Char('\n'), QStringLiteral("<br>"))));
        Q_EMIT completeChanged();
        return;
    }
    const auto& sources = m_session.sources();
    for (size_t s = 0; s < sources.size(); ++s) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, m_session.sourceName(s));
        item->setText(1, QLocale().toString(qulonglong(sources[s].rowCount())));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        QStringList headers;
        for (const auto& h : sources[s].header)
            headers << QString::fromStdString(h);
        item->setText(2, headers.join(QStringLiteral(", ")));
        item->setToolTip(2, headers.join(QLatin1Char('\n')));
    }
    m_status->setText(
        tr("Read %1. Next: say which table each one fills.")
            .arg(plural(qint64(sources.size()), tr("%1 sheet or file"), tr("%1 sheets or files"))));
    Q_EMIT completeChanged();
}

bool SourcePage::isComplete() const {
    return !m_session.isReading() && m_session.hasSource();
}

} // namespace chokepoint::ui
