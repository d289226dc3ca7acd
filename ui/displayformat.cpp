// SPDX-License-Identifier: MIT
#include "ui/displayformat.h"

#include <cmath>

#include <QDateEdit>
#include <QHash>
#include <QObject>
#include <QSet>

#include "core/util/format.h"

namespace chokepoint::ui {

QString missingText() {
    return QStringLiteral("\u2014");
}

QString percentText(double fraction, int decimals) {
    return QString::fromStdString(core::formatPercent(fraction, decimals));
}

QString percentText(const std::optional<double>& fraction, int decimals) {
    return fraction ? percentText(*fraction, decimals) : missingText();
}

QString moneyText(double amount) {
    return QString::fromStdString(core::formatMoney(amount));
}

QString moneyText(const std::optional<double>& amount) {
    return amount ? moneyText(*amount) : missingText();
}

QString percentRangeText(double point, double low, double high, int decimals) {
    return QString::fromStdString(core::formatPercentWithRange(point, low, high, decimals));
}

QString rangeText(double low, double high, int decimals) {
    return QString::fromStdString(core::formatPercentRange(low, high, decimals));
}

QString moneyRangeText(const std::optional<double>& point, const std::optional<double>& low,
                       const std::optional<double>& high) {
    if (!point || !low || !high)
        return missingText();
    return QString::fromStdString(core::formatMoneyWithRange(*point, *low, *high));
}

QString rangeExplanation() {
    return QObject::tr(
        "Range: the low bound counts supply of unknown origin and technology of unknown source "
        "as not exposed; the high bound counts them as exposed wherever China (under the "
        "export-controls lens: a country with a control in force) could be behind them.");
}

QString daysText(double days) {
    return QString::fromStdString(core::formatDays(days));
}

QString countText(double n) {
    return QString::fromStdString(core::formatCount(n));
}

QString compactMoneyText(double amount) {
    const double a = std::fabs(amount);
    auto scaled = [&](double div, const QString& unit) {
        return QStringLiteral("%1$%2%3")
            .arg(amount < 0 ? QStringLiteral("-") : QString())
            .arg(QString::number(a / div, 'g', 3), unit);
    };
    if (a >= 1e9)
        return scaled(1e9, QStringLiteral(" bn"));
    if (a >= 1e6)
        return scaled(1e6, QStringLiteral(" m"));
    if (a >= 1e3)
        return scaled(1e3, QStringLiteral(" k"));
    return scaled(1.0, QString());
}

namespace {

QString elided(const QString& s, int maxChars) {
    return s.size() > maxChars ? s.left(maxChars - 1).trimmed() + QChar(0x2026) : s;
}

} // namespace

// A remark in the middle goes, not the words after it: "Synthetic (artificial) graphite,
// graphitised" is "Synthetic graphite, graphitised" (0.1.0 stopped at the bracket).
QString withoutRemarks(const QString& name) {
    QString s;
    int depth = 0;
    for (const QChar c : name) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && depth > 0)
            --depth;
        else if (depth == 0)
            s += c;
    }
    return s.simplified().replace(QStringLiteral(" ,"), QStringLiteral(","));
}

// Leaves out parenthesised remarks and what follows the first ", ":
// "Synthetic (artificial) graphite, graphitised" is "Synthetic graphite".
QString shortName(const QString& name, int maxChars) {
    QString s = withoutRemarks(name);
    const qsizetype comma = s.indexOf(QStringLiteral(", "));
    if (comma > 0)
        s = s.left(comma);
    if (s.isEmpty())
        s = name;
    return elided(s, maxChars);
}

QStringList distinctShortNames(const QStringList& names, int maxChars) {
    QStringList out;
    QHash<QString, QSet<QString>> namesOf; // short name -> the different names it stands for
    for (const QString& name : names) {
        out << shortName(name, maxChars);
        namesOf[out.back()].insert(name);
    }
    for (qsizetype i = 0; i < out.size(); ++i)
        if (namesOf.value(out[i]).size() > 1)
            out[i] = elided(names[i], maxChars);
    return out;
}

QStringList legendNames(const QStringList& names, int maxChars) {
    QSet<QString> different(names.begin(), names.end());
    if (different.size() < 2)
        return distinctShortNames(names, maxChars);
    QList<QStringList> words;
    for (const QString& name : names)
        words << shortName(name, 1 << 20).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    qsizetype shared = 0;
    for (;; ++shared) {
        bool same = true;
        for (const QStringList& w : words)
            same = same && w.size() > shared + 1 && w[shared] == words.front()[shared];
        if (!same)
            break;
    }
    if (shared == 0)
        return distinctShortNames(names, maxChars);
    // Labels that do not fit: the first word left, when it alone tells every name apart
    // ("Breeze", "Cargo", "Meridian").
    bool fit = true;
    QSet<QString> firstWords;
    for (const QStringList& w : words) {
        fit = fit && w.mid(shared).join(QLatin1Char(' ')).size() <= maxChars;
        firstWords.insert(w[shared]);
    }
    const bool firstWordOnly = !fit && firstWords.size() == different.size();
    QStringList out;
    QHash<QString, QString> nameOf; // label -> the name it stands for
    for (qsizetype i = 0; i < names.size(); ++i) {
        QString label =
            firstWordOnly ? words[i][shared] : words[i].mid(shared).join(QLatin1Char(' '));
        label = elided(label, maxChars);
        const auto it = nameOf.constFind(label);
        if (it != nameOf.constEnd() && *it != names[i])
            return distinctShortNames(names, maxChars); // two names would read alike
        nameOf.insert(label, names[i]);
        out << label;
    }
    return out;
}

QString hhiText(const std::optional<double>& hhi) {
    return hhi ? QString::fromStdString(core::formatFixed(*hhi, 0)) : missingText();
}

QString dateText(core::Date date) {
    return QString::fromStdString(date.toString());
}

QString stageText(core::Stage stage) {
    const auto name = core::toString(stage);
    QString text = QString::fromUtf8(name.data(), qsizetype(name.size()));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString lensText(core::analysis::Lens lens) {
    switch (lens) {
    case core::analysis::Lens::Location:
        return QObject::tr("Location");
    case core::analysis::Lens::Owned:
        return QObject::tr("Ownership");
    case core::analysis::Lens::Controlled:
        return QObject::tr("Export controls");
    }
    return {};
}

QString lensDescription(core::analysis::Lens lens) {
    switch (lens) {
    case core::analysis::Lens::Location:
        return QObject::tr("A site's output counts as exposed when the site is in China.");
    case core::analysis::Lens::Owned:
        return QObject::tr("Exposed when the site is in China or its supplier's ultimate "
                           "owner is Chinese.");
    case core::analysis::Lens::Controlled:
        return QObject::tr("Exposed when the flow is an export covered by a control in force "
                           "for its destination at the as-of date, or the site, outside the "
                           "issuing country, uses the issuer's controlled technology.");
    }
    return {};
}

void limitToSupportedDates(QDateEdit* edit) {
    const core::Date first = core::Date::first(), last = core::Date::last();
    edit->setDateRange(QDate(first.year(), first.month(), first.day()),
                       QDate(last.year(), last.month(), last.day()));
}

} // namespace chokepoint::ui
