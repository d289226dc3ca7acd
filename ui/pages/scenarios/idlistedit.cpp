// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/idlistedit.h"

#include <QCompleter>
#include <QFrame>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace chokepoint::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
const QRegularExpression& separators() {
    static const QRegularExpression re(QStringLiteral("[,;\\s]+"));
    return re;
}
} // namespace

IdListEdit::IdListEdit(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_pick(new QToolButton(this))
    , m_completer(new QCompleter(this))
    , m_completions(new QStandardItemModel(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_pick);
    m_pick->setText(QStringLiteral("\u2026"));
    m_pick->setToolTip(tr("Pick from the workspace"));
    m_edit->setClearButtonEnabled(true);

    // Completion on the token being typed (the text holds several ids).
    m_completer->setModel(m_completions);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString& text) {
        const QString token = text.split(separators()).value(text.split(separators()).size() - 1);
        if (token.size() >= 1) {
            m_completer->setCompletionPrefix(token);
            m_completer->complete();
        }
        updateTooltip();
        Q_EMIT idsEdited();
    });
    connect(
        m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
        [this](const QModelIndex& index) { completeLastToken(index.data(kIdRole).toString()); });
    connect(m_pick, &QToolButton::clicked, this, &IdListEdit::showPickList);
}

void IdListEdit::setChoices(QVector<IdChoice> choices) {
    m_choices = std::move(choices);
    m_completions->clear();
    for (const IdChoice& c : m_choices) {
        auto* item = new QStandardItem(
            c.name.isEmpty() || c.name == c.id ? c.id : c.id + QStringLiteral(" \u2014 ") + c.name);
        item->setData(c.id, kIdRole);
        m_completions->appendRow(item);
    }
    updateTooltip();
}

void IdListEdit::setIds(const QStringList& ids) {
    m_edit->setText(ids.join(QStringLiteral(", ")));
    // A list longer than the field reads from its first id (0.1 showed the end: "l_graphite,
    // synthetic_graphite, …"); the tooltip lists them all with their names.
    m_edit->setCursorPosition(0);
    updateTooltip();
}

QStringList IdListEdit::ids() const {
    QStringList out;
    for (const QString& id : m_edit->text().split(separators(), Qt::SkipEmptyParts))
        if (!out.contains(id))
            out << id;
    return out;
}

void IdListEdit::setPlaceholderText(const QString& text) {
    m_edit->setPlaceholderText(text);
}

void IdListEdit::completeLastToken(const QString& id) {
    QStringList list = ids();
    const QString text = m_edit->text();
    // Replace the token being typed (if the text does not end in a separator).
    if (!text.isEmpty() && !separators().match(text.right(1)).hasMatch() && !list.isEmpty())
        list.removeLast();
    if (!list.contains(id))
        list << id;
    setIds(list);
    m_edit->end(false); // typing goes on after the id just completed
    Q_EMIT idsEdited();
}

void IdListEdit::updateTooltip() {
    QStringList lines;
    for (const QString& id : ids()) {
        QString name;
        for (const IdChoice& c : m_choices)
            if (c.id == id)
                name = c.name;
        lines << (name.isEmpty() ? id : id + QStringLiteral(": ") + name);
    }
    m_edit->setToolTip(lines.join(QLatin1Char('\n')));
}

void IdListEdit::showPickList() {
    delete m_popup;
    auto* popup = new QFrame(this, Qt::Popup);
    popup->setAttribute(Qt::WA_DeleteOnClose);
    popup->setFrameShape(QFrame::StyledPanel);
    m_popup = popup;
    auto* layout = new QVBoxLayout(popup);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* filter = new QLineEdit(popup);
    filter->setPlaceholderText(tr("Filter"));
    filter->setClearButtonEnabled(true);
    auto* list = new QListWidget(popup);
    list->setObjectName(QStringLiteral("idPickList"));
    const QStringList chosen = ids();
    for (const IdChoice& c : m_choices) {
        auto* item = new QListWidgetItem(
            c.name.isEmpty() || c.name == c.id ? c.id : c.id + QStringLiteral(" \u2014 ") + c.name,
            list);
        item->setData(kIdRole, c.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(c.id) ? Qt::Checked : Qt::Unchecked);
    }
    layout->addWidget(filter);
    layout->addWidget(list);
    connect(filter, &QLineEdit::textChanged, list, [list](const QString& text) {
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setHidden(!list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    connect(list, &QListWidget::itemChanged, this, [this, list] {
        // Keep typed ids that are not among the choices; follow the checks for the rest.
        QStringList out;
        QStringList known;
        for (const IdChoice& c : m_choices)
            known << c.id;
        for (const QString& id : ids())
            if (!known.contains(id))
                out << id;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                out << list->item(i)->data(kIdRole).toString();
        setIds(out);
        Q_EMIT idsEdited();
    });
    popup->resize(std::max(width(), 360), 320);
    popup->move(mapToGlobal(QPoint(0, height())));
    popup->show();
    filter->setFocus();
}

} // namespace chokepoint::ui
