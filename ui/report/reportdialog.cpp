// SPDX-License-Identifier: MIT
#include "ui/report/reportdialog.h"

#include <stop_token>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

#include "core/io/bundled.h"
#include "core/scenario/scenarioparser.h"
#include "core/store/scenariostore.h"
#include "core/store/workspace.h"
#include "core/util/inputfile.h"
#include "ui/appstate.h"
#include "ui/displayformat.h"
#include "ui/jobrunner.h"
#include "ui/report/pdfreportwriter.h"

namespace chokepoint::ui {

namespace rp = core::report;
namespace an = core::analysis;

namespace {

constexpr int kScenarioRole = Qt::UserRole + 1; // the scenario's JSON text
constexpr int kSourceRole = Qt::UserRole + 2;   // where it came from (appendix)
constexpr int kPreviewWidth = 380;

struct BuildOutcome {
    std::shared_ptr<const rp::ReportDocument> document;
    QString error;
};

QDate qdate(core::Date d) {
    return QDate(d.year(), d.month(), d.day());
}

} // namespace

ReportDialog::ReportDialog(AppState& state, QWidget* parent)
    : QDialog(parent)
    , m_state(state)
    , m_runner(new JobRunner(this)) {
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Export report"));
    const QString path = state.workspacePath();
    m_workspaceName = QFileInfo(path).completeBaseName();
    if (auto ws = core::Workspace::openReadOnly(path.toStdString()))
        if (const auto name = ws->meta("name"); name && !name->empty())
            m_workspaceName = QString::fromStdString(*name);
    buildUi();
    loadBundledScenarios();
    refreshPreview();
}

ReportDialog::~ReportDialog() = default;

void ReportDialog::buildUi() {
    auto* options = new QWidget(this);
    auto* form = new QVBoxLayout(options);
    form->setContentsMargins(0, 0, 0, 0);

    auto* sections = new QGroupBox(tr("Sections"), options);
    auto* sectionLayout = new QVBoxLayout(sections);
    for (const rp::SectionId id : rp::kAllSections) {
        auto* box = new QCheckBox(QString::fromStdString(rp::sectionTitle(id)), sections);
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &ReportDialog::optionsChanged);
        sectionLayout->addWidget(box);
        m_sections.emplace_back(id, box);
    }
    form->addWidget(sections);

    auto* scenarios = new QGroupBox(tr("Scenarios"), options);
    auto* scenarioLayout = new QVBoxLayout(scenarios);
    m_scenarios = new QListWidget(scenarios);
    m_scenarios->setMinimumHeight(120);
    m_scenarios->setMinimumWidth(400); // long example names read whole
    m_scenarios->setWordWrap(true);
    m_scenarios->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_scenarios, &QListWidget::itemChanged, this, &ReportDialog::optionsChanged);
    scenarioLayout->addWidget(m_scenarios);
    auto* addFile = new QPushButton(tr("Add scenario file…"), scenarios);
    connect(addFile, &QPushButton::clicked, this, &ReportDialog::addScenarioDialog);
    scenarioLayout->addWidget(addFile, 0, Qt::AlignLeft);
    form->addWidget(scenarios);

    auto* settings = new QFormLayout;
    m_asOf = new QDateEdit(qdate(m_state.filters().asOf), options);
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    limitToSupportedDates(m_asOf);
    connect(m_asOf, &QDateEdit::dateChanged, this, &ReportDialog::optionsChanged);
    settings->addRow(tr("As of"), m_asOf);
    m_lens = new QComboBox(options);
    for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled})
        m_lens->addItem(lensText(lens), int(lens));
    m_lens->setCurrentIndex(int(m_state.filters().lens));
    connect(m_lens, &QComboBox::currentIndexChanged, this, &ReportDialog::optionsChanged);
    settings->addRow(tr("Headline lens"), m_lens);
    m_paper = new QComboBox(options);
    m_paper->addItem(tr("A4"), int(QPageSize::A4));
    m_paper->addItem(tr("Letter"), int(QPageSize::Letter));
    connect(m_paper, &QComboBox::currentIndexChanged, this, &ReportDialog::showPreview);
    settings->addRow(tr("Paper"), m_paper);
    auto* formats = new QWidget(options);
    auto* formatLayout = new QHBoxLayout(formats);
    formatLayout->setContentsMargins(0, 0, 0, 0);
    m_format = new QButtonGroup(this);
    auto* pdf = new QRadioButton(tr("PDF"), formats);
    auto* html = new QRadioButton(tr("HTML (one file)"), formats);
    pdf->setChecked(true);
    m_format->addButton(pdf, 0);
    m_format->addButton(html, 1);
    formatLayout->addWidget(pdf);
    formatLayout->addWidget(html);
    formatLayout->addStretch();
    connect(m_format, &QButtonGroup::idClicked, this, [this](int id) {
        setFormat(id == 1 ? QStringLiteral("html") : QStringLiteral("pdf"));
    });
    settings->addRow(tr("Format"), formats);
    auto* output = new QWidget(options);
    auto* outputLayout = new QHBoxLayout(output);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    m_output = new QLineEdit(output);
    m_output->setText(
        QDir::home().filePath(QStringLiteral("%1-report-%2.pdf")
                                  .arg(m_workspaceName, m_asOf->date().toString(Qt::ISODate))));
    auto* browse = new QPushButton(tr("Browse…"), output);
    connect(browse, &QPushButton::clicked, this, &ReportDialog::browseOutput);
    outputLayout->addWidget(m_output, 1);
    outputLayout->addWidget(browse);
    settings->addRow(tr("Save as"), output);
    form->addLayout(settings);
    form->addStretch();

    auto* previewBox = new QGroupBox(tr("Page one"), this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    m_preview = new QLabel(previewBox);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_preview->setFixedWidth(kPreviewWidth);
    m_preview->setMinimumHeight(int(kPreviewWidth * 1.414));
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    previewLayout->addWidget(m_preview);
    m_status = new QLabel(previewBox);
    m_status->setWordWrap(true);
    previewLayout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReportDialog::exportClicked);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* columns = new QHBoxLayout;
    columns->addWidget(options, 1);
    columns->addWidget(previewBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    connect(m_runner, &JobRunner::progress, this, [this](double f, const QString& text) {
        m_status->setText(tr("%1… %2 %").arg(text).arg(int(f * 100)));
    });
}

void ReportDialog::loadBundledScenarios() {
    const auto net = m_state.network();
    QSignalBlocker block(m_scenarios);
    // The scenarios saved in the workspace first, ticked: they are the analyst's own cases.
    if (net && !m_state.workspacePath().isEmpty()) {
        auto ws = core::Workspace::open(m_state.workspacePath().toStdString());
        if (ws) {
            core::store::ScenarioStore store(ws->database());
            if (auto list = store.list())
                for (const auto& saved : *list) {
                    const auto parsed =
                        core::scenario::parseScenarioDetailed(saved.json, net.get());
                    if (!parsed.scenario)
                        continue; // no longer fits the workspace's data
                    auto* item =
                        new QListWidgetItem(QString::fromStdString(saved.name), m_scenarios);
                    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                    item->setCheckState(Qt::Checked);
                    item->setData(kScenarioRole, QString::fromStdString(saved.json));
                    item->setData(kSourceRole, tr("saved in the workspace"));
                    item->setToolTip(tr("%1<br><small>saved in the workspace</small>")
                                         .arg(QString::fromStdString(
                                                  parsed.scenario->description.value_or(saved.name))
                                                  .toHtmlEscaped()));
                }
        }
    }
    for (const auto& [file, json] : core::io::bundledScenarios()) {
        if (!net)
            break;
        const auto parsed = core::scenario::parseScenarioDetailed(json, net.get());
        if (!parsed.scenario)
            continue; // an example that does not fit this workspace's data
        auto* item =
            new QListWidgetItem(QString::fromStdString(parsed.scenario->name), m_scenarios);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(kScenarioRole, QString::fromStdString(json));
        item->setData(kSourceRole, tr("bundled example %1").arg(QString::fromStdString(file)));
        item->setToolTip(tr("%1<br><small>bundled example %2</small>")
                             .arg(item->text().toHtmlEscaped(), QString::fromStdString(file)));
        item->setToolTip(QString::fromStdString(parsed.scenario->description.value_or(file)));
    }
}

bool ReportDialog::addScenarioFile(const QString& path, QString* error) {
    // A FIFO or a device would hang the window; only a regular file of sane size is read.
    const auto text = core::readInputFile(path.toStdString(), core::kMaxScenarioFileSize);
    if (!text) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, QString::fromStdString(text.errorString()));
        return false;
    }
    const QByteArray json = QByteArray::fromStdString(*text);
    const auto net = m_state.network();
    if (!net) {
        if (error)
            *error = tr("No workspace is open.");
        return false;
    }
    const auto parsed = core::scenario::parseScenarioDetailed(json.toStdString(), net.get());
    if (!parsed.scenario) {
        QStringList problems;
        for (const auto& issue : parsed.issues)
            problems << QString::fromStdString(issue.toString());
        if (error)
            *error = tr("%1 is not a valid scenario:\n%2").arg(path, problems.join('\n'));
        return false;
    }
    auto* item = new QListWidgetItem(QString::fromStdString(parsed.scenario->name), m_scenarios);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setData(kScenarioRole, QString::fromUtf8(json));
    item->setData(kSourceRole, QFileInfo(path).fileName());
    item->setToolTip(path);
    item->setCheckState(Qt::Checked); // emits itemChanged: the preview follows
    return true;
}

void ReportDialog::addScenarioDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Add scenario file"), QString(),
                                                      tr("Scenario files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!addScenarioFile(path, &error))
        QMessageBox::warning(this, tr("Add scenario file"), error);
}

void ReportDialog::setCheckedScenarios(const QStringList& names) {
    for (int i = 0; i < m_scenarios->count(); ++i)
        m_scenarios->item(i)->setCheckState(
            names.contains(m_scenarios->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
}

QStringList ReportDialog::scenarioNames() const {
    QStringList names;
    for (int i = 0; i < m_scenarios->count(); ++i)
        names << m_scenarios->item(i)->text();
    return names;
}

void ReportDialog::setSectionChecked(rp::SectionId id, bool checked) {
    for (auto& [section, box] : m_sections)
        if (section == id)
            box->setChecked(checked);
}

rp::ReportOptions ReportDialog::reportOptions() const {
    rp::ReportOptions options;
    options.workspaceName = m_workspaceName.toStdString();
    options.fictionalData = m_state.isBundledExample();
    options.assumeScheduled = m_state.filters().assumeScheduled; // as the window shows
    const QDate d = m_asOf->date();
    options.asOf = core::Date::fromYmd(d.year(), d.month(), d.day());
    options.lens = an::Lens(m_lens->currentData().toInt());
    options.sections.clear();
    for (const auto& [id, box] : m_sections)
        if (box->isChecked())
            options.sections.push_back(id);
    const auto net = m_state.network();
    for (int i = 0; i < m_scenarios->count() && net; ++i) {
        const QListWidgetItem* item = m_scenarios->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        auto parsed = core::scenario::parseScenarioDetailed(
            item->data(kScenarioRole).toString().toStdString(), net.get());
        if (parsed.scenario)
            options.scenarios.push_back(
                {std::move(*parsed.scenario), item->data(kSourceRole).toString().toStdString()});
    }
    return options;
}

ReportRenderOptions ReportDialog::renderOptions() const {
    ReportRenderOptions options;
    options.paper = QPageSize::PageSizeId(m_paper->currentData().toInt());
    return options;
}

QString ReportDialog::outputPath() const {
    return m_output->text();
}

void ReportDialog::setOutputPath(const QString& path) {
    m_output->setText(path);
}

QString ReportDialog::format() const {
    return m_format->checkedId() == 1 ? QStringLiteral("html") : QStringLiteral("pdf");
}

void ReportDialog::setFormat(const QString& extension) {
    const bool html = extension == QStringLiteral("html");
    m_format->button(html ? 1 : 0)->setChecked(true);
    m_paper->setEnabled(!html);
    QString path = m_output->text();
    const QFileInfo info(path);
    if (!path.isEmpty())
        m_output->setText(
            info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + extension));
}

void ReportDialog::browseOutput() {
    const QString filter =
        format() == QStringLiteral("html") ? tr("HTML files (*.html)") : tr("PDF files (*.pdf)");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save report as"), m_output->text(), filter);
    if (path.isEmpty())
        return;
    m_output->setText(path);
    if (const QString suffix = QFileInfo(path).suffix().toLower();
        suffix == QStringLiteral("html") || suffix == QStringLiteral("pdf"))
        setFormat(suffix);
    else
        setFormat(format());
}

// Only what changes the document; paper and format only change how it is drawn.
QString ReportDialog::optionsKey() const {
    const rp::ReportOptions o = reportOptions();
    QString key = QString::fromStdString(o.asOf.toString() + "|" + std::to_string(int(o.lens)));
    for (const auto id : o.sections)
        key += QLatin1Char('|') + QString::fromStdString(rp::sectionKey(id));
    for (const auto& s : o.scenarios)
        key +=
            QLatin1Char('|') + QString::fromStdString(core::scenario::scenarioToJson(s.scenario));
    return key;
}

void ReportDialog::optionsChanged() {
    // Coalesce quick changes (ticking several boxes) into one rebuild.
    QTimer::singleShot(300, this, [this] {
        if (optionsKey() != m_documentKey)
            refreshPreview();
    });
}

void ReportDialog::refreshPreview() {
    const auto net = m_state.network();
    if (!net) {
        m_status->setText(tr("No workspace is open."));
        m_export->setEnabled(false);
        return;
    }
    rp::ReportOptions options = reportOptions();
    if (options.sections.empty()) {
        m_status->setText(tr("Choose at least one section."));
        return;
    }
    const QString key = optionsKey();
    m_status->setText(tr("Building the report…"));
    m_runner->run(
        [net, options](const JobToken& token) mutable {
            std::stop_source stop;
            options.stop = stop.get_token();
            options.progress = [&token, &stop](double f, const std::string& stage) {
                if (!token.progress(f, QString::fromStdString(stage)))
                    stop.request_stop();
            };
            BuildOutcome out;
            auto doc = rp::buildReport(*net, options);
            if (doc)
                out.document = std::make_shared<const rp::ReportDocument>(std::move(*doc));
            else
                out.error = QString::fromStdString(doc.errorString());
            return out;
        },
        [this, key](BuildOutcome out) {
            if (!out.document) {
                m_status->setText(out.error);
                m_exportPending = false;
                m_export->setEnabled(true);
                return;
            }
            m_document = out.document;
            m_documentKey = key;
            showPreview();
            if (m_exportPending)
                finishExport();
        });
}

void ReportDialog::showPreview() {
    if (!m_document)
        return;
    m_previewImage = renderReportPage(*m_document, renderOptions(), 0, 110.0);
    m_preview->setPixmap(QPixmap::fromImage(
        m_previewImage.scaledToWidth(kPreviewWidth - 4, Qt::SmoothTransformation)));
    m_status->setText(
        tr("%n page(s) as PDF.", nullptr, reportPageCount(*m_document, renderOptions())));
    Q_EMIT previewReady();
}

void ReportDialog::waitForIdle() {
    m_runner->waitForIdle();
}

bool ReportDialog::exportNow(QString* error) {
    if (optionsKey() != m_documentKey || !m_document) {
        refreshPreview();
        waitForIdle();
    }
    if (!m_document || optionsKey() != m_documentKey) {
        if (error)
            *error = m_status->text();
        return false;
    }
    const QString path = outputPath();
    auto writer = reportWriterForPath(path);
    if (!writer) {
        if (error)
            *error = tr("Save the report as .pdf or .html.");
        return false;
    }
    if (!writer->write(*m_document, renderOptions(), path)) {
        if (error)
            *error = writer->errorString();
        return false;
    }
    return true;
}

// The build runs in the background (the window stays responsive); the file is written when it
// lands.
void ReportDialog::exportClicked() {
    if (m_document && optionsKey() == m_documentKey) {
        finishExport();
        return;
    }
    m_exportPending = true;
    m_export->setEnabled(false);
    refreshPreview();
}

void ReportDialog::finishExport() {
    m_exportPending = false;
    m_export->setEnabled(true);
    QString error;
    if (!exportNow(&error)) {
        QMessageBox::warning(this, tr("Export report"), error);
        return;
    }
    QMessageBox::information(this, tr("Export report"),
                             tr("Wrote %1.").arg(QDir::toNativeSeparators(outputPath())));
    accept();
}

void addReportAction(QMenu* fileMenu, AppState& state, QWidget* window) {
    QAction* action = fileMenu->addAction(QObject::tr("Export re&port…"), window, [&state, window] {
        if (!state.hasWorkspace()) {
            QMessageBox::information(window, QObject::tr("Export report"),
                                     QObject::tr("Open a workspace first."));
            return;
        }
        ReportDialog dialog(state, window);
        dialog.exec();
    });
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    action->setObjectName(QStringLiteral("exportReportAction"));
}

} // namespace chokepoint::ui
