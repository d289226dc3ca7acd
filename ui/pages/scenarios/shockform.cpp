// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/shockform.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/analysis/network.h"
#include "ui/pages/scenarios/idlistedit.h"
#include "ui/pages/scenarios/issuelabel.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QStringList toList(const std::optional<std::vector<std::string>>& ids) {
    QStringList out;
    if (ids)
        for (const auto& id : *ids)
            out << qs(id);
    return out;
}

std::optional<std::vector<std::string>> fromList(const QStringList& ids) {
    if (ids.isEmpty())
        return std::nullopt;
    std::vector<std::string> out;
    for (const QString& id : ids)
        out.push_back(id.toStdString());
    return out;
}

std::optional<std::vector<std::string>>& selectorField(sc::Selector& s, const std::string& key) {
    if (key == "countries")
        return s.countries;
    if (key == "owner_countries")
        return s.ownerCountries;
    if (key == "materials")
        return s.materials;
    if (key == "technologies")
        return s.technologies;
    return s.sites;
}

QDoubleSpinBox* percentBox(QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, 100.0);
    box->setDecimals(2);
    box->setSuffix(QStringLiteral(" %"));
    box->setSingleStep(5.0);
    return box;
}

} // namespace

ShockForm::ShockForm(QWidget* parent)
    : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(5);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(2, 2);
    int row = 0;
    auto addRow = [&](const QString& title, QWidget* field, const std::string& issueKey,
                      QLabel** labelOut = nullptr) {
        auto* label = new QLabel(title, this);
        label->setBuddy(field);
        grid->addWidget(label, row, 0);
        grid->addWidget(field, row, 1);
        auto* issue = new IssueLabel(this);
        grid->addWidget(issue, row, 2);
        m_issues[issueKey] = issue;
        if (labelOut)
            *labelOut = label;
        ++row;
    };

    m_label = new QLineEdit(this);
    m_label->setPlaceholderText(tr("a short text for people (optional)"));
    addRow(tr("&Label"), m_label, "label");

    m_kind = new QComboBox(this);
    m_kind->addItem(tr("stop \u2014 no supply while active"), int(sc::ShockKind::Stop));
    m_kind->addItem(tr("capacity \u2014 supply cut to a share"), int(sc::ShockKind::Capacity));
    m_kind->addItem(tr("licence \u2014 nothing until a licence is granted"),
                    int(sc::ShockKind::Licence));
    addRow(tr("&Kind"), m_kind, "kind");

    const std::pair<const char*, QString> selectors[] = {
        {"countries", tr("Site &countries")},
        {"owner_countries", tr("&Owner countries")},
        {"materials", tr("&Materials")},
        {"technologies", tr("&Technologies")},
        {"sites", tr("S&ites")},
    };
    for (const auto& [key, title] : selectors) {
        auto* edit = new IdListEdit(this);
        edit->setObjectName(QStringLiteral("select_") + QLatin1String(key));
        edit->setPlaceholderText(tr("any"));
        m_ids[key] = edit;
        addRow(title, edit, std::string("select.") + key);
        connect(edit, &IdListEdit::idsEdited, this, [this, edit, k = std::string(key)] {
            if (m_loading)
                return;
            selectorField(m_shock.select, k) = fromList(edit->ids());
            changed();
        });
    }
    m_controlled = new QComboBox(this);
    m_controlled->addItem(tr("any flow"));
    m_controlled->addItem(tr("only flows covered by a control in force"));
    m_controlled->addItem(tr("only flows not covered"));
    addRow(tr("Con&trolled"), m_controlled, "select.controlled");

    m_start = new QSpinBox(this);
    m_start->setRange(0, sc::kMaxHorizonDays);
    m_start->setPrefix(tr("day "));
    addRow(tr("&Start"), m_start, "start_day");
    m_duration = new QSpinBox(this);
    m_duration->setRange(-1, sc::kMaxHorizonDays);
    m_duration->setSpecialValueText(tr("to the end of the horizon"));
    m_duration->setSuffix(tr(" days"));
    addRow(tr("&Duration"), m_duration, "duration_days");

    m_capacity = percentBox(this);
    m_capacity->setToolTip(tr("Availability of the hit flows while the shock is active"));
    m_capacityRow = m_capacity;
    addRow(tr("Ca&pacity"), m_capacity, "capacity", &m_capacityLabel);

    // The kind on one line, min / mode / max below it: side by side they were too narrow to
    // read next to the Details dock.
    m_delayRow = new QWidget(this);
    auto* delayRows = new QVBoxLayout(m_delayRow);
    delayRows->setContentsMargins(0, 0, 0, 0);
    delayRows->setSpacing(3);
    m_delayMode = new QComboBox(m_delayRow);
    m_delayMode->addItem(tr("fixed"));
    m_delayMode->addItem(tr("triangular"));
    m_delayMode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* modeLine = new QHBoxLayout;
    modeLine->addWidget(m_delayMode);
    modeLine->addStretch(1);
    delayRows->addLayout(modeLine);
    auto* delayLayout = new QHBoxLayout;
    delayRows->addLayout(delayLayout);
    const QString parts[3] = {tr("min "), tr("mode "), tr("max ")};
    for (int i = 0; i < 3; ++i) {
        m_delay[i] = new QDoubleSpinBox(m_delayRow);
        m_delay[i]->setRange(0.0, sc::kMaxHorizonDays);
        m_delay[i]->setDecimals(1);
        m_delay[i]->setPrefix(parts[i]);
        delayLayout->addWidget(m_delay[i], 1);
        connect(m_delay[i], &QDoubleSpinBox::valueChanged, this, &ShockForm::onDelayChanged);
    }
    addRow(tr("D&elay, days"), m_delayRow, "delay_days", &m_delayLabel);
    m_approval = percentBox(this);
    m_approval->setToolTip(tr("Chance that the licence is granted after the delay (Monte Carlo "
                              "draws it; the deterministic run counts 50 % or more as granted)"));
    m_approvalRow = m_approval;
    addRow(tr("&Approval"), m_approval, "approval_probability", &m_approvalLabel);
    grid->setRowStretch(row, 1);

    connect(m_label, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (m_loading)
            return;
        m_shock.label = text.isEmpty() ? std::nullopt : std::optional(text.toStdString());
        changed();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ShockForm::onKindChanged);
    connect(m_controlled, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (m_loading)
            return;
        m_shock.select.controlled = i == 0 ? std::nullopt : std::optional(i == 1);
        changed();
    });
    connect(m_start, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_loading)
            return;
        m_shock.startDay = v;
        changed();
    });
    connect(m_duration, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_loading)
            return;
        m_shock.durationDays = v < 0 ? std::nullopt : std::optional(v);
        changed();
    });
    connect(m_capacity, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_loading)
            return;
        m_shock.capacity = v / 100.0;
        changed();
    });
    connect(m_delayMode, &QComboBox::currentIndexChanged, this, [this] {
        updateKindRows();
        onDelayChanged();
    });
    connect(m_approval, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_loading)
            return;
        m_shock.approvalProbability = v / 100.0;
        changed();
    });
    showShock();
}

void ShockForm::setNetwork(const core::analysis::Network* net) {
    std::map<std::string, QVector<IdChoice>> choices;
    if (net) {
        const auto& d = net->data();
        for (const auto& c : d.countries)
            choices["countries"].push_back({qs(c.iso3), qs(c.name)});
        choices["owner_countries"] = choices["countries"];
        for (const auto& m : d.materials)
            choices["materials"].push_back({qs(m.id), qs(m.name)});
        for (const auto& t : d.technologies)
            choices["technologies"].push_back({qs(t.id), qs(t.name)});
        for (const auto& s : d.sites)
            choices["sites"].push_back(
                {qs(s.id), qs(s.name.value_or(s.id) + " (" + s.country + ")")});
    }
    for (auto& [key, edit] : m_ids)
        edit->setChoices(choices[key]);
}

void ShockForm::setShock(const sc::Shock& shock) {
    m_shock = shock;
    showShock();
}

void ShockForm::showShock() {
    m_loading = true;
    m_label->setText(qs(m_shock.label.value_or(std::string())));
    m_kind->setCurrentIndex(m_kind->findData(int(m_shock.kind)));
    sc::Selector& s = m_shock.select;
    for (auto& [key, edit] : m_ids)
        edit->setIds(toList(selectorField(s, key)));
    m_controlled->setCurrentIndex(!s.controlled ? 0 : *s.controlled ? 1 : 2);
    m_start->setValue(m_shock.start());
    m_duration->setValue(m_shock.durationDays.value_or(-1));
    m_capacity->setValue(m_shock.capacity.value_or(0.0) * 100.0);
    const sc::Delay delay = m_shock.delayDays.value_or(sc::Delay::fixed(0.0));
    m_delayMode->setCurrentIndex(delay.triangular ? 1 : 0);
    m_delay[0]->setValue(delay.min);
    m_delay[1]->setValue(delay.mode);
    m_delay[2]->setValue(delay.max);
    m_approval->setValue(m_shock.approval() * 100.0);
    updateKindRows();
    m_loading = false;
}

void ShockForm::updateKindRows() {
    const auto kind = sc::ShockKind(m_kind->currentData().toInt());
    const bool capacity = kind == sc::ShockKind::Capacity;
    const bool licence = kind == sc::ShockKind::Licence;
    for (QWidget* w :
         {static_cast<QWidget*>(m_capacityRow), static_cast<QWidget*>(m_capacityLabel)})
        w->setVisible(capacity);
    for (QWidget* w : {m_delayRow, static_cast<QWidget*>(m_delayLabel), m_approvalRow,
                       static_cast<QWidget*>(m_approvalLabel)})
        w->setVisible(licence);
    const bool triangular = m_delayMode->currentIndex() == 1;
    m_delay[0]->setVisible(triangular);
    m_delay[2]->setVisible(triangular);
    m_delay[1]->setPrefix(triangular ? tr("mode ") : QString());
    m_issues["capacity"]->setVisible(capacity && !m_issues["capacity"]->issue().isEmpty());
    for (const char* key : {"delay_days", "approval_probability"})
        m_issues[key]->setVisible(licence && !m_issues[key]->issue().isEmpty());
}

// A new kind drops the parameters of the old one (the parser rejects them) and starts the
// required ones at a value to edit: capacity 50 %, a licence delay of 63 days (the statutory
// 45 working days of MOFCOM's review, docs/scenarios.md).
void ShockForm::onKindChanged() {
    if (m_loading)
        return;
    const auto kind = sc::ShockKind(m_kind->currentData().toInt());
    m_shock.kind = kind;
    if (kind != sc::ShockKind::Capacity)
        m_shock.capacity.reset();
    else if (!m_shock.capacity)
        m_shock.capacity = 0.5;
    if (kind != sc::ShockKind::Licence) {
        m_shock.delayDays.reset();
        m_shock.approvalProbability.reset();
    } else if (!m_shock.delayDays) {
        m_shock.delayDays = sc::Delay::fixed(63.0);
    }
    showShock();
    changed();
}

void ShockForm::onDelayChanged() {
    if (m_loading)
        return;
    if (m_delayMode->currentIndex() == 1)
        m_shock.delayDays =
            sc::Delay::triangle(m_delay[0]->value(), m_delay[1]->value(), m_delay[2]->value());
    else
        m_shock.delayDays = sc::Delay::fixed(m_delay[1]->value());
    changed();
}

void ShockForm::changed() {
    Q_EMIT edited();
}

IdListEdit* ShockForm::idList(const std::string& key) const {
    const auto it = m_ids.find(key);
    return it == m_ids.end() ? nullptr : it->second;
}

void ShockForm::setIssues(const std::map<std::string, std::string>& issues) {
    std::map<std::string, QStringList> byField;
    for (const auto& [path, message] : issues) {
        // The field is the path up to an index or a sub-key: "select.countries[1]" ->
        // "select.countries", "delay_days.mode" -> "delay_days".
        std::string field = path.substr(0, path.find('['));
        if (field.rfind("select.", 0) != 0)
            field = field.substr(0, field.find('.'));
        if (!m_issues.count(field))
            field = field.rfind("select", 0) == 0 ? "select.countries" : "label";
        const std::string where = path.size() > field.size() ? path.substr(field.size()) : "";
        byField[field] << (where.empty() ? QString() : qs(where) + QStringLiteral(": ")) +
                              qs(message);
    }
    for (auto& [field, label] : m_issues)
        label->setIssue(byField.count(field) ? byField[field].join(QLatin1Char('\n')) : QString());
    updateKindRows();
}

QString ShockForm::issueText(const std::string& field) const {
    const auto it = m_issues.find(field);
    return it == m_issues.end() ? QString() : it->second->issue();
}

} // namespace chokepoint::ui
