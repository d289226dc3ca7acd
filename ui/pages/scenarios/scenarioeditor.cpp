// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/scenarioeditor.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/analysis/network.h"
#include "ui/displayformat.h"
#include "ui/pages/scenarios/idlistedit.h"
#include "ui/pages/scenarios/issuelabel.h"
#include "ui/pages/scenarios/shockform.h"
#include "ui/pages/scenarios/shocklistmodel.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QDate toQDate(core::Date d) {
    return QDate(d.year(), d.month(), d.day());
}

core::Date fromQDate(const QDate& d) {
    return core::Date::fromYmd(d.year(), d.month(), d.day());
}

// "shocks[3].capacity" -> 3 and "capacity"; -1 for other paths.
int shockIndex(const std::string& path, std::string* rest) {
    if (path.rfind("shocks[", 0) != 0)
        return -1;
    const size_t close = path.find(']');
    if (close == std::string::npos)
        return -1;
    bool ok = false;
    const int i = qs(path.substr(7, close - 7)).toInt(&ok);
    if (!ok)
        return -1;
    *rest = close + 2 <= path.size() ? path.substr(std::min(path.size(), close + 2)) : "";
    return i;
}

} // namespace

ScenarioEditor::ScenarioEditor(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    buildHeader(this, layout);
    buildShocks(this, layout);
    buildMitigations(this, layout);

    auto* issuesBox = new QGroupBox(tr("Problems"), this);
    auto* issuesLayout = new QVBoxLayout(issuesBox);
    m_issueList = new QListWidget(issuesBox);
    m_issueList->setObjectName(QStringLiteral("scenarioIssues"));
    m_issueList->setMaximumHeight(110);
    m_issueList->setMinimumHeight(60);
    issuesLayout->addWidget(m_issueList);
    layout->addWidget(issuesBox);
    connect(m_issueList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { goToIssue(item->data(Qt::UserRole).toString()); });
    connect(m_issueList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { goToIssue(item->data(Qt::UserRole).toString()); });

    sc::Scenario blank;
    blank.name = tr("New scenario").toStdString();
    setScenario(blank);
}

ScenarioEditor::~ScenarioEditor() = default;

void ScenarioEditor::buildHeader(QWidget* parent, QVBoxLayout* layout) {
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    auto issue = [&](const std::string& key) {
        auto* label = new IssueLabel(parent);
        m_fieldIssues[key] = label;
        return label;
    };
    m_name = new QLineEdit(parent);
    m_name->setObjectName(QStringLiteral("scenarioName"));
    auto* nameLabel = new QLabel(tr("&Name"), parent);
    nameLabel->setBuddy(m_name);
    grid->addWidget(nameLabel, 0, 0);
    grid->addWidget(m_name, 0, 1, 1, 7);
    grid->addWidget(issue("name"), 1, 1, 1, 7);

    m_description = new QPlainTextEdit(parent);
    m_description->setPlaceholderText(tr("Assumptions and sources (optional)"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    auto* descriptionLabel = new QLabel(tr("Descr&iption"), parent);
    descriptionLabel->setBuddy(m_description);
    grid->addWidget(descriptionLabel, 2, 0, Qt::AlignTop);
    grid->addWidget(m_description, 2, 1, 1, 7);

    m_asOfGiven = new QCheckBox(tr("&As of"), parent);
    m_asOfGiven->setToolTip(tr("The date at which 'controlled' selectors look at the controls; "
                               "unchecked: the day the scenario runs"));
    m_asOf = new QDateEdit(parent);
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    limitToSupportedDates(m_asOf);
    m_horizon = new QSpinBox(parent);
    m_horizon->setRange(1, sc::kMaxHorizonDays);
    m_horizon->setSuffix(tr(" days"));
    m_runs = new QSpinBox(parent);
    m_runs->setRange(1, sc::kMaxRuns);
    m_runs->setSpecialValueText(tr("1 (deterministic)"));
    m_runs->setToolTip(tr("1: one deterministic run; more: Monte Carlo runs drawing licence "
                          "delays and approvals"));
    m_seed = new QLineEdit(parent);
    m_seed->setPlaceholderText(tr("0"));
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,16}")), m_seed));
    m_seed->setMaximumWidth(150);
    auto* horizonLabel = new QLabel(tr("&Horizon"), parent);
    horizonLabel->setBuddy(m_horizon);
    auto* runsLabel = new QLabel(tr("&Runs"), parent);
    runsLabel->setBuddy(m_runs);
    auto* seedLabel = new QLabel(tr("S&eed"), parent);
    seedLabel->setBuddy(m_seed);
    grid->addWidget(m_asOfGiven, 3, 0);
    grid->addWidget(m_asOf, 3, 1);
    grid->addWidget(horizonLabel, 3, 2, Qt::AlignRight);
    grid->addWidget(m_horizon, 3, 3);
    grid->addWidget(runsLabel, 3, 4, Qt::AlignRight);
    grid->addWidget(m_runs, 3, 5);
    grid->addWidget(seedLabel, 3, 6, Qt::AlignRight);
    grid->addWidget(m_seed, 3, 7);
    auto* timingIssues = new QHBoxLayout;
    for (const char* key : {"as_of", "horizon_days", "runs", "seed"})
        timingIssues->addWidget(issue(key));
    grid->addLayout(timingIssues, 4, 0, 1, 8);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);
    grid->setColumnStretch(7, 1);
    layout->addLayout(grid);
    layout->addWidget(issue("")); // the document as a whole

    connect(m_name, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (m_loading)
            return;
        m_scenario.name = text.toStdString();
        changed();
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        const QString text = m_description->toPlainText();
        m_scenario.description = text.isEmpty() ? std::nullopt : std::optional(text.toStdString());
        changed();
    });
    auto asOfChanged = [this] {
        m_asOf->setEnabled(m_asOfGiven->isChecked());
        if (m_loading)
            return;
        m_scenario.asOf =
            m_asOfGiven->isChecked() ? std::optional(fromQDate(m_asOf->date())) : std::nullopt;
        changed();
    };
    connect(m_asOfGiven, &QCheckBox::toggled, this, asOfChanged);
    connect(m_asOf, &QDateEdit::dateChanged, this, asOfChanged);
    connect(m_horizon, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_loading)
            return;
        m_scenario.horizonDays = v;
        changed();
    });
    connect(m_runs, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_loading)
            return;
        m_scenario.runs = v;
        changed();
    });
    connect(m_seed, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (m_loading)
            return;
        m_scenario.seed = text.isEmpty() ? std::nullopt : std::optional(text.toULongLong());
        changed();
    });
}

void ScenarioEditor::buildShocks(QWidget* parent, QVBoxLayout* layout) {
    auto* box = new QGroupBox(tr("Shocks"), parent);
    auto* boxLayout = new QHBoxLayout(box);
    auto* left = new QVBoxLayout;
    m_shocks = new ShockListModel(this);
    m_shockList = new QListView(box);
    m_shockList->setObjectName(QStringLiteral("shockList"));
    m_shockList->setModel(m_shocks);
    m_shockList->setWordWrap(true);
    m_shockList->setMinimumWidth(200);
    m_shockList->setSpacing(2);
    left->addWidget(m_shockList, 1);
    auto* buttons = new QGridLayout;
    m_addShock = new QPushButton(tr("Add"), box);
    m_duplicateShock = new QPushButton(tr("Duplicate"), box);
    m_removeShock = new QPushButton(tr("Remove"), box);
    m_upShock = new QPushButton(tr("Up"), box);
    m_downShock = new QPushButton(tr("Down"), box);
    buttons->addWidget(m_addShock, 0, 0);
    buttons->addWidget(m_duplicateShock, 0, 1);
    buttons->addWidget(m_removeShock, 0, 2);
    buttons->addWidget(m_upShock, 1, 0);
    buttons->addWidget(m_downShock, 1, 1);
    left->addLayout(buttons);
    boxLayout->addLayout(left, 2);
    m_form = new ShockForm(box);
    boxLayout->addWidget(m_form, 5);
    layout->addWidget(box, 1);

    connect(m_shockList->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        const int row = currentShock();
        m_form->setEnabled(row >= 0);
        if (row >= 0)
            m_form->setShock(m_shocks->shocks()[size_t(row)]);
        validate();
        updateShockButtons();
    });
    connect(m_form, &ShockForm::edited, this, &ScenarioEditor::onShockEdited);
    connect(m_addShock, &QPushButton::clicked, this, [this] {
        sc::Shock shock;
        shock.select.countries = std::vector<std::string>{"CHN"};
        const int row = m_shocks->rowCount();
        m_shocks->insertShock(row, shock);
        selectShock(row);
        changed();
    });
    connect(m_duplicateShock, &QPushButton::clicked, this, [this] {
        const int row = currentShock();
        if (row < 0)
            return;
        m_shocks->insertShock(row + 1, m_shocks->shocks()[size_t(row)]);
        selectShock(row + 1);
        changed();
    });
    connect(m_removeShock, &QPushButton::clicked, this, [this] {
        const int row = currentShock();
        if (row < 0)
            return;
        m_shocks->removeShock(row);
        selectShock(std::min(row, m_shocks->rowCount() - 1));
        changed();
    });
    connect(m_upShock, &QPushButton::clicked, this, [this] {
        const int row = currentShock();
        if (row <= 0)
            return;
        m_shocks->moveDown(row - 1);
        selectShock(row - 1);
        changed();
    });
    connect(m_downShock, &QPushButton::clicked, this, [this] {
        const int row = currentShock();
        if (row < 0 || row + 1 >= m_shocks->rowCount())
            return;
        m_shocks->moveDown(row);
        selectShock(row + 1);
        changed();
    });
}

void ScenarioEditor::updateShockButtons() {
    const int row = currentShock();
    m_duplicateShock->setEnabled(row >= 0);
    m_removeShock->setEnabled(row >= 0);
    m_upShock->setEnabled(row > 0);
    m_downShock->setEnabled(row >= 0 && row + 1 < m_shocks->rowCount());
}

int ScenarioEditor::currentShock() const {
    const QModelIndex i = m_shockList->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void ScenarioEditor::selectShock(int row) {
    if (row < 0 || row >= m_shocks->rowCount()) {
        m_shockList->setCurrentIndex({});
        m_form->setEnabled(false);
        updateShockButtons();
        return;
    }
    m_shockList->setCurrentIndex(m_shocks->index(row));
}

void ScenarioEditor::onShockEdited() {
    const int row = currentShock();
    if (row < 0)
        return;
    m_shocks->setShock(row, m_form->shock());
    changed();
}

void ScenarioEditor::setNetwork(std::shared_ptr<const core::analysis::Network> network) {
    m_network = std::move(network);
    m_form->setNetwork(m_network.get());
    showInventory(); // material pick lists
    validate();
}

void ScenarioEditor::setScenario(const sc::Scenario& scenario) {
    m_scenario = scenario;
    m_shocks->setShocks(scenario.shocks);
    m_scenario.shocks.clear();
    showScenario();
    selectShock(m_shocks->rowCount() > 0 ? 0 : -1);
    validate();
}

sc::Scenario ScenarioEditor::scenario() const {
    sc::Scenario s = m_scenario;
    s.shocks = m_shocks->shocks();
    return s;
}

std::string ScenarioEditor::json() const {
    return sc::scenarioToJson(scenario());
}

void ScenarioEditor::showScenario() {
    m_loading = true;
    m_name->setText(qs(m_scenario.name));
    m_description->setPlainText(qs(m_scenario.description.value_or(std::string())));
    m_asOfGiven->setChecked(m_scenario.asOf.has_value());
    m_asOf->setDate(toQDate(m_scenario.asOf.value_or(core::Date::today())));
    m_asOf->setEnabled(m_scenario.asOf.has_value());
    m_horizon->setValue(m_scenario.horizonDays);
    m_runs->setValue(m_scenario.runs);
    m_seed->setText(m_scenario.seed ? QString::number(*m_scenario.seed) : QString());
    m_loading = false;
    showInventory();
}

void ScenarioEditor::changed() {
    validate();
    Q_EMIT edited();
}

void ScenarioEditor::validate() {
    const sc::Scenario s = scenario();
    m_issues = sc::parseScenarioDetailed(sc::scenarioToJson(s), m_network.get()).issues;

    std::map<std::string, QStringList> fields;
    std::vector<QStringList> perShock(s.shocks.size());
    std::map<std::string, std::string> currentShockIssues;
    const int current = currentShock();
    m_issueList->clear();
    for (const sc::ScenarioIssue& issue : m_issues) {
        auto* item = new QListWidgetItem(issue.path.empty() ? qs(issue.message)
                                                            : qs(issue.path + ": " + issue.message),
                                         m_issueList);
        item->setData(Qt::UserRole, qs(issue.path));
        std::string rest;
        const int shock = shockIndex(issue.path, &rest);
        if (shock >= 0) {
            if (size_t(shock) < perShock.size())
                perShock[size_t(shock)] << qs((rest.empty() ? "" : rest + ": ") + issue.message);
            if (shock == current)
                currentShockIssues[rest] = issue.message;
            continue;
        }
        std::string field = issue.path.substr(0, issue.path.find_first_of(".["));
        if (!m_fieldIssues.count(field))
            field.clear();
        const std::string detail = issue.path.size() > field.size() && !field.empty()
                                       ? issue.path.substr(field.size() + 1)
                                       : "";
        fields[field] << qs((detail.empty() ? "" : detail + ": ") + issue.message);
    }
    for (auto& [field, label] : m_fieldIssues)
        label->setIssue(fields.count(field) ? fields[field].join(QLatin1Char('\n')) : QString());
    m_shocks->setIssues(perShock);
    m_form->setIssues(currentShockIssues);
    Q_EMIT issuesChanged();
}

void ScenarioEditor::goToIssue(const QString& qpath) {
    const std::string path = qpath.toStdString();
    std::string rest;
    if (const int shock = shockIndex(path, &rest); shock >= 0) {
        selectShock(shock);
        QWidget* target = m_form;
        if (rest.rfind("capacity", 0) == 0)
            target = m_form->capacityBox();
        else if (rest.rfind("delay_days", 0) == 0)
            target = m_form->delayBox(1);
        else if (rest.rfind("approval", 0) == 0)
            target = m_form->approvalBox();
        else if (rest.rfind("start_day", 0) == 0)
            target = m_form->startBox();
        else if (rest.rfind("duration", 0) == 0)
            target = m_form->durationBox();
        for (const char* key :
             {"countries", "owner_countries", "materials", "technologies", "sites"})
            if (rest.rfind(std::string("select.") + key, 0) == 0)
                target = m_form->idList(key)->lineEdit();
        target->setFocus();
        return;
    }
    QWidget* target = m_name;
    if (path.rfind("horizon", 0) == 0)
        target = m_horizon;
    else if (path.rfind("runs", 0) == 0)
        target = m_runs;
    else if (path.rfind("seed", 0) == 0)
        target = m_seed;
    else if (path.rfind("as_of", 0) == 0)
        target = m_asOf;
    else if (path.rfind("mitigations", 0) == 0)
        target = m_inventory;
    target->setFocus();
}

QString ScenarioEditor::issueText(const std::string& field) const {
    const auto it = m_fieldIssues.find(field);
    return it == m_fieldIssues.end() ? QString() : it->second->issue();
}

} // namespace chokepoint::ui
