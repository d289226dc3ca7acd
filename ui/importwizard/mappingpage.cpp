// SPDX-License-Identifier: MIT
#include "ui/importwizard/mappingpage.h"

#include <set>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/io/columnmatch.h"
#include "core/io/tableschema.h"
#include "ui/importwizard/fieldmappingmodel.h"
#include "ui/importwizard/importsession.h"
#include "ui/importwizard/plural.h"
#include "ui/importwizard/sourcecolumndelegate.h"

namespace chokepoint::ui {

namespace io = core::io;

namespace {
constexpr int kSourceRole = Qt::UserRole + 1;
constexpr int kTableRole = Qt::UserRole + 2;

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
} // namespace

MappingPage::MappingPage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_targets(new QListWidget(this))
    , m_add(new QToolButton(this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_table(new QComboBox(this))
    , m_distinct(new QCheckBox(tr("Read repeated rows once"), this))
    , m_info(new QLabel(this))
    , m_fields(new QTableView(this))
    , m_model(new FieldMappingModel(this))
    , m_problems(new QLabel(this)) {
    setTitle(tr("Map the columns"));
    setSubTitle(tr("Say which table each sheet or file fills and which column is which field. "
                   "Obvious names are matched already; the mapping is remembered for files with "
                   "the same columns."));

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<b>Sheets and files \u2192 tables</b>"), left));
    m_targets->setObjectName(QStringLiteral("mappingTargets"));
    leftLayout->addWidget(m_targets, 1);
    auto* buttons = new QHBoxLayout;
    m_add->setText(tr("Also fill a table"));
    m_add->setToolTip(tr("Read a second table from the same sheet, e.g. the suppliers and "
                         "sites named on purchase lines"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_add);
    for (const auto& spec : io::tableSpecs()) {
        const QString name = qs(spec.name);
        menu->addAction(name, this, [this, name] { addTable(name); });
    }
    m_add->setMenu(menu);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    leftLayout->addLayout(buttons);

    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    m_table->setObjectName(QStringLiteral("targetTable"));
    m_table->addItem(tr("\u2014 not imported \u2014"), QString());
    for (const auto& spec : io::tableSpecs())
        m_table->addItem(qs(spec.name), qs(spec.name));
    form->addRow(tr("Table:"), m_table);
    m_distinct->setToolTip(tr("For a list taken from lines, such as the suppliers named on "
                              "purchase lines: a row that repeats an earlier one exactly is read "
                              "once. Rows that differ are all read, and the check names any "
                              "conflict."));
    form->addRow(QString(), m_distinct);
    rightLayout->addLayout(form);
    m_info->setWordWrap(true);
    rightLayout->addWidget(m_info);
    m_fields->setObjectName(QStringLiteral("fieldMapping"));
    m_fields->setModel(m_model);
    m_fields->setItemDelegateForColumn(FieldMappingModel::Source, new SourceColumnDelegate(this));
    m_fields->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_fields->setSelectionMode(QAbstractItemView::NoSelection);
    m_fields->verticalHeader()->setVisible(false);
    m_fields->verticalHeader()->setDefaultSectionSize(m_fields->fontMetrics().height() + 14);
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->setColumnWidth(FieldMappingModel::Field, 170);
    m_fields->setColumnWidth(FieldMappingModel::Source, 220);
    m_fields->setColumnWidth(FieldMappingModel::Example, 180);
    rightLayout->addWidget(m_fields, 1);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);

    m_problems->setObjectName(QStringLiteral("mappingProblems"));
    m_problems->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problems);

    connect(m_targets, &QListWidget::currentRowChanged, this, [this] { showTarget(); });
    connect(m_table, &QComboBox::activated, this, &MappingPage::chooseTable);
    connect(m_remove, &QPushButton::clicked, this, &MappingPage::removeTable);
    connect(m_distinct, &QCheckBox::toggled, this, [this](bool on) {
        const Target t = currentTarget();
        if (t.table < 0)
            return;
        io::SourceMapping m = m_session.mappings()[t.source];
        m.tables[size_t(t.table)].distinct = on;
        m_session.setMapping(t.source, std::move(m));
    });
    connect(m_model, &FieldMappingModel::mappingEdited, this, [this] { editFields(); });
    connect(&m_session, &ImportSession::mappingChanged, this, [this] {
        rebuildTargets();
        showProblems();
        Q_EMIT completeChanged();
    });
}

void MappingPage::initializePage() {
    rebuildTargets();
    showProblems();
}

MappingPage::Target MappingPage::currentTarget() const {
    const QListWidgetItem* item = m_targets->currentItem();
    if (!item)
        return {0, -2};
    return {item->data(kSourceRole).toULongLong(), item->data(kTableRole).toInt()};
}

void MappingPage::selectTarget(size_t source, int table) {
    for (int i = 0; i < m_targets->count(); ++i) {
        const QListWidgetItem* item = m_targets->item(i);
        if (item->data(kSourceRole).toULongLong() == source &&
            item->data(kTableRole).toInt() == table) {
            m_targets->setCurrentRow(i);
            return;
        }
    }
}

void MappingPage::rebuildTargets() {
    const Target keep = m_pending.table != -2 ? m_pending : currentTarget();
    m_pending = {0, -2};
    const QSignalBlocker block(m_targets);
    m_targets->clear();
    const auto& mappings = m_session.mappings();
    for (size_t s = 0; s < mappings.size(); ++s) {
        const QString name = m_session.sourceName(s);
        auto add = [&](const QString& text, int table, const QString& tip) {
            auto* item = new QListWidgetItem(text, m_targets);
            item->setData(kSourceRole, qulonglong(s));
            item->setData(kTableRole, table);
            item->setToolTip(tip);
        };
        if (mappings[s].tables.empty())
            add(tr("%1 \u2192 not imported").arg(name), -1,
                tr("No table chosen: this sheet or file is left out"));
        for (size_t j = 0; j < mappings[s].tables.size(); ++j) {
            const auto& m = mappings[s].tables[j];
            add(tr("%1 \u2192 %2%3")
                    .arg(name, QString::fromStdString(m.table),
                         m.distinct ? tr(" (each row once)") : QString()),
                int(j), m_session.usesSavedMapping(s) ? tr("Saved mapping") : tr("Proposed"));
        }
    }
    int row = 0;
    for (int i = 0; i < m_targets->count(); ++i)
        if (m_targets->item(i)->data(kSourceRole).toULongLong() == keep.source &&
            m_targets->item(i)->data(kTableRole).toInt() == keep.table)
            row = i;
    m_targets->setCurrentRow(m_targets->count() ? row : -1);
    if (!m_editingFields)
        showTarget();
}

void MappingPage::showTarget() {
    const Target t = currentTarget();
    const bool valid = t.table != -2 && t.source < m_session.mappings().size();
    m_table->setEnabled(valid);
    m_add->setEnabled(valid);
    m_remove->setEnabled(valid && t.table >= 0);
    m_distinct->setEnabled(valid && t.table >= 0);
    if (!valid) {
        m_model->clear();
        m_info->clear();
        return;
    }
    const io::RawTable& source = m_session.sources()[t.source];
    const io::SourceMapping& sm = m_session.mappings()[t.source];
    const io::TableMapping* m = t.table >= 0 ? &sm.tables[size_t(t.table)] : nullptr;
    {
        const QSignalBlocker b1(m_table), b2(m_distinct);
        m_table->setCurrentIndex(m ? m_table->findData(QString::fromStdString(m->table)) : 0);
        m_distinct->setChecked(m && m->distinct);
    }
    m_model->setMapping(&source, m ? *m : io::TableMapping{});
    for (int r = 0; r < m_model->rowCount(); ++r)
        m_fields->openPersistentEditor(m_model->index(r, FieldMappingModel::Source));
    showInfo();
}

void MappingPage::showInfo() {
    const Target t = currentTarget();
    if (t.table == -2 || t.source >= m_session.mappings().size())
        return;
    const io::RawTable& source = m_session.sources()[t.source];
    const io::SourceMapping& sm = m_session.mappings()[t.source];
    std::set<int> used;
    for (const auto& tm : sm.tables)
        for (const auto& f : tm.fields)
            used.insert(f.column);
    QStringList unused;
    for (size_t c = 0; c < source.header.size(); ++c)
        if (!used.count(int(c)))
            unused << QString::fromStdString(source.header[c]);
    QStringList info;
    info << tr("%1: %2.").arg(m_session.sourceName(t.source),
                              plural(qint64(source.rowCount()), tr("%1 row"), tr("%1 rows")));
    if (m_session.usesSavedMapping(t.source))
        info << tr("Mapping saved by an earlier import of these columns.");
    if (!unused.isEmpty())
        info << tr("Not imported: %1.").arg(unused.join(QStringLiteral(", ")));
    m_info->setText(info.join(QLatin1Char(' ')));
}

void MappingPage::showProblems() {
    const auto problems = m_session.mappingProblems();
    bool any = false;
    for (const auto& m : m_session.mappings())
        any = any || !m.tables.empty();
    QStringList lines;
    for (const auto& p : problems)
        lines << QString::fromStdString(p).toHtmlEscaped();
    if (!any && m_session.hasSource())
        lines << tr("Choose a table for at least one sheet or file.");
    m_problems->setText(lines.isEmpty()
                            ? tr("Every required field has a column.")
                            : tr("<span style='color:#d7301f'><b>Before the check:</b> %1</span>")
                                  .arg(lines.join(QStringLiteral("<br>"))));
}

void MappingPage::chooseTable(int comboIndex) {
    const Target t = currentTarget();
    if (t.table == -2)
        return;
    const QString table = m_table->itemData(comboIndex).toString();
    io::SourceMapping m = m_session.mappings()[t.source];
    if (table.isEmpty()) {
        if (t.table < 0)
            return;
        m.tables.erase(m.tables.begin() + t.table);
        m_pending = {t.source, m.tables.empty() ? -1 : std::max(0, t.table - 1)};
    } else {
        io::TableMapping proposal = io::proposeTableMapping(
            m_session.sources()[t.source], *io::findTableSpec(table.toStdString()));
        if (t.table < 0) {
            m.tables.push_back(std::move(proposal));
            m_pending = {t.source, int(m.tables.size()) - 1};
        } else {
            proposal.distinct = m.tables[size_t(t.table)].distinct;
            m.tables[size_t(t.table)] = std::move(proposal);
            m_pending = t;
        }
    }
    m_session.setMapping(t.source, std::move(m));
    m_pending = {0, -2};
}

void MappingPage::addTable(const QString& table) {
    const Target t = currentTarget();
    if (t.table == -2)
        return;
    io::SourceMapping m = m_session.mappings()[t.source];
    io::TableMapping proposal = io::proposeTableMapping(m_session.sources()[t.source],
                                                        *io::findTableSpec(table.toStdString()));
    proposal.distinct = !m.tables.empty();
    m.tables.push_back(std::move(proposal));
    m_pending = {t.source, int(m.tables.size()) - 1};
    m_session.setMapping(t.source, std::move(m));
    m_pending = {0, -2};
}

void MappingPage::removeTable() {
    const Target t = currentTarget();
    if (t.table < 0)
        return;
    io::SourceMapping m = m_session.mappings()[t.source];
    m.tables.erase(m.tables.begin() + t.table);
    m_pending = {t.source, m.tables.empty() ? -1 : std::max(0, t.table - 1)};
    m_session.setMapping(t.source, std::move(m));
    m_pending = {0, -2};
}

// The field table edits the mapping in place: the session takes it without the page
// resetting the model under the open editor.
void MappingPage::editFields() {
    const Target t = currentTarget();
    if (t.table < 0)
        return;
    io::SourceMapping m = m_session.mappings()[t.source];
    m.tables[size_t(t.table)] = m_model->mapping();
    m_editingFields = true;
    m_session.setMapping(t.source, std::move(m));
    m_editingFields = false;
    showInfo();
}

bool MappingPage::isComplete() const {
    return m_session.isMappingUsable();
}

} // namespace chokepoint::ui
