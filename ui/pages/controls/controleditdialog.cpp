// SPDX-License-Identifier: MIT
#include "ui/pages/controls/controleditdialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/pages/controls/timelinelanes.h"

namespace chokepoint::ui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
std::string ss(const QString& s) {
    return s.toStdString();
}

// Completes the last entry of a ';'-separated list ("USA;JP" -> "USA;JPN").
class IdListCompleter : public QCompleter {
public:
    using QCompleter::QCompleter;
    QStringList splitPath(const QString& path) const override {
        return {path.section(QLatin1Char(';'), -1).trimmed()};
    }
    QString pathFromIndex(const QModelIndex& index) const override {
        const QString chosen = QCompleter::pathFromIndex(index);
        const auto* edit = qobject_cast<const QLineEdit*>(widget());
        const QString text = edit ? edit->text() : QString();
        const int cut = int(text.lastIndexOf(QLatin1Char(';')));
        return cut < 0 ? chosen : text.left(cut + 1) + chosen;
    }
};

void setChecked(QListWidget* list, const QString& id, bool on) {
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == id)
            list->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
}

} // namespace

ControlEditDialog::ControlEditDialog(const core::Dataset& data,
                                     std::optional<std::string> originalId, core::Date today,
                                     QWidget* parent)
    : QDialog(parent)
    , m_originalId(std::move(originalId)) {
    m_data.countries = data.countries;
    m_data.materials = data.materials;
    m_data.technologies = data.technologies;
    m_data.controls = data.controls;
    m_data.controlItems = data.controlItems;
    m_data.sources = data.sources;
    setWindowTitle(m_originalId ? tr("Edit measure %1").arg(qs(*m_originalId))
                                : tr("New export-control measure"));
    auto* outer = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    outer->addLayout(columns, 1);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    QStringList countries;
    for (const core::Country& c : data.countries)
        countries << qs(c.iso3);
    auto addField = [&](const QString& column, const QString& label, const QString& placeholder,
                        const QString& tip) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(column);
        edit->setPlaceholderText(placeholder);
        edit->setToolTip(tip);
        m_fields.insert(column, edit);
        form->addRow(label, edit);
        connect(edit, &QLineEdit::textChanged, this, &ControlEditDialog::validate);
        return edit;
    };
    addField(QStringLiteral("id"), tr("&Id"), tr("e.g. EC20"),
             tr("1–64 characters of A–Z a–z 0–9 _ . -, unique in the workspace"));
    addField(QStringLiteral("title"), tr("&Title"), tr("what the measure controls"), {});
    addField(QStringLiteral("reference"), tr("&Reference"),
             tr("e.g. MOFCOM/GAC Announcement No. 61 of 2025"), tr("The legal reference"));
    addField(QStringLiteral("announced"), tr("&Announced"), tr("YYYY-MM-DD"),
             tr("The day it was published (optional)"));
    addField(QStringLiteral("effective"), tr("&Effective"), tr("YYYY-MM-DD"),
             tr("The day it takes effect"));
    addField(QStringLiteral("end"), tr("E&nd"), tr("YYYY-MM-DD (optional)"),
             tr("Suspended or lifted from this day on; empty while it lasts"));
    m_kind = new QComboBox(this);
    for (const auto kind : {core::ControlKind::Licence, core::ControlKind::Prohibition,
                            core::ControlKind::CountryBan})
        m_kind->addItem(controlKindText(kind), qs(std::string(core::toString(kind))));
    form->addRow(tr("&Kind"), m_kind);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ControlEditDialog::validate);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->addItem(tr("Confirmed"), QStringLiteral("confirmed"));
    m_status->addItem(tr("Scheduled, not confirmed"), QStringLiteral("scheduled"));
    m_status->setToolTip(tr("Scheduled: a dated change announced but not confirmed by the "
                            "reference cut-off (e.g. a measure due to resume when a suspension "
                            "lapses). It counts only when scheduled measures are assumed."));
    form->addRow(tr("Stat&us"), m_status);
    connect(m_status, &QComboBox::currentIndexChanged, this, &ControlEditDialog::validate);
    auto* issuer = addField(QStringLiteral("issuer"), tr("&Issuer"), tr("country, e.g. CHN"),
                            tr("ISO 3166 alpha-3 code of the issuing country"));
    auto* target = addField(QStringLiteral("target_country"), tr("Tar&get countries"),
                            tr("empty: every destination; e.g. USA or USA;JPN"),
                            tr("The destinations the measure applies to, as country codes "
                               "separated by ';'. Empty: exports to every destination."));
    auto* issuerCompleter = new QCompleter(countries, issuer);
    auto* targetCompleter = new IdListCompleter(countries, target);
    for (auto [edit, completer] : {std::pair<QLineEdit*, QCompleter*>{issuer, issuerCompleter},
                                   std::pair<QLineEdit*, QCompleter*>{target, targetCompleter}}) {
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        edit->setCompleter(completer);
    }
    addField(QStringLiteral("licence_review_days"), tr("Licence re&view"),
             tr("working days, e.g. 45"), tr("Statutory licence review time in working days"));
    addField(QStringLiteral("source"), tr("&Sources"), tr("source ids, e.g. S038;S041"),
             tr("Ids of the sources table, separated by ';'"));
    auto* formBox = new QGroupBox(tr("Measure"), this);
    formBox->setLayout(form);
    columns->addWidget(formBox, 3);

    auto* items = new QVBoxLayout;
    items->addWidget(buildItemList(m_materials, tr("Materials covered"), true), 1);
    items->addWidget(buildItemList(m_technologies, tr("Technologies covered"), false), 1);
    columns->addLayout(items, 2);

    m_issues = new QLabel(this);
    m_issues->setObjectName(QStringLiteral("issues"));
    m_issues->setWordWrap(true);
    m_issues->setTextFormat(Qt::RichText);
    m_issues->setMinimumHeight(48);
    outer->addWidget(m_issues);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    outer->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    core::io::ControlDraft start;
    if (m_originalId) {
        for (const core::Control& c : data.controls)
            if (c.id == *m_originalId)
                start = core::io::draftFromControl(c, core::io::itemsOfControl(data, c.id));
    } else {
        // A new announcement, typed the day it is published.
        start.issuer = "CHN";
        start.announced = today.toString();
        start.effective = today.toString();
        start.licenceReviewDays = "45";
    }
    setDraft(start);
    resize(860, 560);
}

QWidget* ControlEditDialog::buildItemList(QListWidget*& list, const QString& title,
                                          bool materials) {
    auto* box = new QGroupBox(title, this);
    auto* layout = new QVBoxLayout(box);
    auto* filter = new QLineEdit(box);
    filter->setPlaceholderText(tr("Filter…"));
    filter->setClearButtonEnabled(true);
    list = new QListWidget(box);
    list->setObjectName(materials ? QStringLiteral("materials") : QStringLiteral("technologies"));
    auto add = [&](const std::string& id, const std::string& name) {
        auto* item = new QListWidgetItem(QStringLiteral("%1  (%2)").arg(qs(name), qs(id)), list);
        item->setData(Qt::UserRole, qs(id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    };
    if (materials)
        for (const core::Material& m : m_data.materials)
            add(m.id, m.name);
    else
        for (const core::Technology& t : m_data.technologies)
            add(t.id, t.name);
    list->sortItems();
    layout->addWidget(filter);
    layout->addWidget(list);
    QListWidget* l = list;
    connect(filter, &QLineEdit::textChanged, box, [l](const QString& text) {
        for (int i = 0; i < l->count(); ++i)
            l->item(i)->setHidden(!l->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    connect(list, &QListWidget::itemChanged, this, &ControlEditDialog::validate);
    return box;
}

core::io::ControlDraft ControlEditDialog::draft() const {
    core::io::ControlDraft d;
    auto text = [&](const char* column) {
        return ss(m_fields.value(QLatin1String(column))->text().trimmed());
    };
    d.id = text("id");
    d.issuer = text("issuer");
    d.title = ss(m_fields.value(QStringLiteral("title"))->text());
    d.reference = text("reference");
    d.announced = text("announced");
    d.effective = text("effective");
    d.end = text("end");
    d.kind = ss(m_kind->currentData().toString());
    d.targetCountry = text("target_country");
    d.licenceReviewDays = text("licence_review_days");
    d.source = text("source");
    d.status = ss(m_status->currentData().toString());
    for (QListWidget* list : {m_materials, m_technologies})
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                d.items.push_back(
                    {d.id,
                     list == m_materials ? core::ItemKind::Material : core::ItemKind::Technology,
                     ss(list->item(i)->data(Qt::UserRole).toString())});
    return d;
}

void ControlEditDialog::setDraft(const core::io::ControlDraft& d) {
    const QSignalBlocker blockMaterials(m_materials);
    const QSignalBlocker blockTechnologies(m_technologies);
    const std::pair<const char*, const std::string*> values[] = {
        {"id", &d.id},
        {"issuer", &d.issuer},
        {"title", &d.title},
        {"reference", &d.reference},
        {"announced", &d.announced},
        {"effective", &d.effective},
        {"end", &d.end},
        {"target_country", &d.targetCountry},
        {"licence_review_days", &d.licenceReviewDays},
        {"source", &d.source}};
    for (const auto& [column, value] : values) {
        QLineEdit* e = m_fields.value(QLatin1String(column));
        const QSignalBlocker block(e);
        e->setText(qs(*value));
    }
    {
        const QSignalBlocker block(m_kind);
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(qs(d.kind))));
    }
    {
        const QSignalBlocker block(m_status);
        m_status->setCurrentIndex(std::max(0, m_status->findData(qs(d.status))));
    }
    for (QListWidget* list : {m_materials, m_technologies})
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(Qt::Unchecked);
    for (const core::ControlItem& x : d.items)
        setChecked(x.itemKind == core::ItemKind::Material ? m_materials : m_technologies,
                   qs(x.itemId), true);
    validate();
}

bool ControlEditDialog::canAccept() const {
    return m_check.ok();
}

QString ControlEditDialog::issuesText() const {
    QStringList lines;
    for (const auto& i : m_check.issues)
        lines << QStringLiteral("%1%2: %3")
                     .arg(i.warning ? tr("warning, ") : QString(), qs(i.field), qs(i.message));
    return lines.join(QLatin1Char('\n'));
}

void ControlEditDialog::validate() {
    m_check = core::io::checkControlDraft(draft(), m_data, m_originalId);
    QSet<QString> errors, warnings;
    QStringList lines;
    for (const auto& i : m_check.issues) {
        (i.warning ? warnings : errors).insert(qs(i.field));
        lines << QStringLiteral("<span style='color:%1'>%2</span> <b>%3</b>: %4")
                     .arg(i.warning ? QStringLiteral("#b07800") : QStringLiteral("#c0392b"),
                          i.warning ? tr("Warning") : tr("Error"), qs(i.field).toHtmlEscaped(),
                          qs(i.message).toHtmlEscaped());
    }
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        QString style;
        if (errors.contains(it.key()))
            style = QStringLiteral("QLineEdit { border: 2px solid #c0392b; }");
        else if (warnings.contains(it.key()))
            style = QStringLiteral("QLineEdit { border: 2px solid #d4a017; }");
        it.value()->setStyleSheet(style);
    }
    m_issues->setText(lines.isEmpty() ? tr("No problems found.")
                                      : lines.join(QStringLiteral("<br>")));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_check.ok());
}

} // namespace chokepoint::ui
