// SPDX-License-Identifier: MIT
#include "ui/pages/controls/coveragematrixmodel.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/analysis/timeline.h"
#include "ui/displayformat.h"
#include "ui/pages/controls/measuretablemodel.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString esc(const std::string& s) {
    return qs(s).toHtmlEscaped();
}

CoverageMatrixModel::State fromStatus(an::ControlStatus s) {
    using S = CoverageMatrixModel::State;
    switch (s) {
    case an::ControlStatus::NotAnnounced:
        return S::NotAnnounced;
    case an::ControlStatus::Announced:
        return S::Announced;
    case an::ControlStatus::InForce:
        return S::InForce;
    case an::ControlStatus::Ended:
        return S::Ended;
    case an::ControlStatus::NeverInForce:
        return S::NeverInForce;
    }
    return S::Empty;
}

bool contains(const std::vector<an::Index>& v, an::Index x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

} // namespace

CoverageMatrixModel::CoverageMatrixModel(Mode mode, QObject* parent)
    : QAbstractTableModel(parent)
    , m_mode(mode) {}

QString CoverageMatrixModel::stateText(State state) {
    switch (state) {
    case State::Empty:
        return {};
    case State::Free:
        return tr("depends, no control in force");
    case State::Controlled:
        return tr("depends, controlled");
    case State::NotAnnounced:
        return tr("covered, not announced yet");
    case State::Announced:
        return tr("covered, announced");
    case State::InForce:
        return tr("covered, in force");
    case State::Ended:
        return tr("covered, ended");
    case State::NeverInForce:
        return tr("covered, suspended before effect");
    }
    return {};
}

void CoverageMatrixModel::clear() {
    setMatrix({});
}

void CoverageMatrixModel::setMatrix(Matrix matrix) {
    beginResetModel();
    m_m = std::move(matrix);
    endResetModel();
}

void CoverageMatrixModel::setNetwork(const an::Network& net, core::Date asOf) {
    setMatrix(build(m_mode, net, asOf));
}

CoverageMatrixModel::Matrix CoverageMatrixModel::build(Mode mode, const an::Network& net,
                                                       core::Date asOf) {
    return mode == Mode::TechnologiesBySites ? buildTechnologies(net, asOf) : buildItems(net, asOf);
}

namespace {

// Every measure naming technology `t`, with its status at the as-of date.
QString coveringText(const an::Network& net, an::Index t, core::Date asOf) {
    const auto& d = net.data();
    QStringList covering;
    for (size_t c = 0; c < net.controls.size(); ++c)
        if (contains(net.controls[c].technologies, t))
            covering << QStringLiteral("%1 (%2)").arg(esc(d.controls[c].id),
                                                      controlStatusText(d.controls[c], asOf));
    return covering.isEmpty() ? CoverageMatrixModel::tr("none")
                              : covering.join(QStringLiteral(", "));
}

} // namespace

CoverageMatrixModel::Matrix CoverageMatrixModel::buildTechnologies(const an::Network& net,
                                                                   core::Date asOf) {
    const auto& d = net.data();
    const an::ControlState controls(net, asOf);
    std::vector<an::Index> sites;
    std::set<an::Index> techSet;
    for (size_t s = 0; s < net.sites.size(); ++s) {
        if (net.siteTechnologies.count(s) == 0)
            continue;
        sites.push_back(an::Index(s));
        for (auto* t = net.siteTechnologies.begin(s); t != net.siteTechnologies.end(s); ++t)
            techSet.insert(*t);
    }
    if (sites.size() > size_t(kMaxSiteColumns))
        return buildTechnologiesByCountry(net, asOf, sites);
    auto siteName = [&](an::Index s) {
        return qs(d.sites[size_t(s)].name ? *d.sites[size_t(s)].name : d.sites[size_t(s)].id);
    };
    std::sort(sites.begin(), sites.end(),
              [&](an::Index a, an::Index b) { return siteName(a) < siteName(b); });
    std::vector<an::Index> techs(techSet.begin(), techSet.end());
    std::sort(techs.begin(), techs.end(), [&](an::Index a, an::Index b) {
        return d.technologies[size_t(a)].name < d.technologies[size_t(b)].name;
    });

    Matrix m;
    QStringList names;
    for (const an::Index t : techs)
        names << qs(d.technologies[size_t(t)].name);
    m.rowLabels = distinctShortNames(names, 56);
    for (const an::Index t : techs) {
        const auto& tech = d.technologies[size_t(t)];
        m.rowTips << QStringLiteral("<b>%1</b><br>%2")
                         .arg(esc(tech.name), tr("Technology %1").arg(esc(tech.id)));
        m.rowKeys << selectionKey({SelectionKind::Technology, qs(tech.id)});
    }
    names.clear();
    for (const an::Index s : sites)
        names << siteName(s);
    m.columnLabels = distinctShortNames(names, 38);
    for (const an::Index s : sites) {
        const auto& site = d.sites[size_t(s)];
        const an::Index c = net.siteCountry[size_t(s)];
        const QString country = c == an::kNone ? qs(site.country) : qs(d.countries[size_t(c)].name);
        m.columnTips
            << QStringLiteral("<b>%1</b><br>%2 · %3")
                   .arg(siteName(s).toHtmlEscaped(), country.toHtmlEscaped(),
                        qs(d.suppliers[size_t(net.siteSupplier[size_t(s)])].name).toHtmlEscaped());
        m.columnKeys << selectionKey({SelectionKind::Site, qs(site.id)});
    }
    for (const an::Index t : techs) {
        const auto& tech = d.technologies[size_t(t)];
        const QString covering = coveringText(net, t, asOf);
        for (const an::Index s : sites) {
            bool uses = false;
            for (auto* x = net.siteTechnologies.begin(size_t(s));
                 x != net.siteTechnologies.end(size_t(s)); ++x)
                uses = uses || *x == t;
            if (!uses) {
                m.states << State::Empty;
                m.tips << QString();
                continue;
            }
            const auto covers = controls.coversOfSite(s);
            const bool controlled =
                std::any_of(covers.begin(), covers.end(),
                            [&](const an::ControlState::Cover& c) { return c.item == t; });
            const State st = controlled ? State::Controlled : State::Free;
            m.states << st;
            m.tips << tr("<b>%1</b> depends on <b>%2</b><br>At %3: %4<br>Measures covering it: %5")
                          .arg(siteName(s).toHtmlEscaped(), esc(tech.name), dateText(asOf),
                               st == State::Controlled
                                   ? tr("a control in force covers it (the issuer's technology, "
                                        "used abroad)")
                                   : tr("no control in force covers it here"),
                               covering);
        }
    }
    return m;
}

// One column per country of the sites, most sites first; a cell counts the country's sites
// that depend on the technology.
CoverageMatrixModel::Matrix
CoverageMatrixModel::buildTechnologiesByCountry(const an::Network& net, core::Date asOf,
                                                const std::vector<an::Index>& sites) {
    const auto& d = net.data();
    const an::ControlState controls(net, asOf);
    // Countries by code (a site's country may be a code the countries table does not name).
    std::map<std::string, size_t> countryOf;
    struct Column {
        std::string code;
        QString name;
        size_t sites = 0;
    };
    std::vector<Column> columns;
    std::vector<size_t> siteColumn(sites.size());
    for (size_t i = 0; i < sites.size(); ++i) {
        const auto& site = d.sites[size_t(sites[i])];
        auto [it, added] = countryOf.emplace(site.country, columns.size());
        if (added) {
            const an::Index c = net.siteCountry[size_t(sites[i])];
            columns.push_back({site.country, c == an::kNone ? qs(site.country)
                                                            : qs(d.countries[size_t(c)].name)});
        }
        siteColumn[i] = it->second;
        ++columns[it->second].sites;
    }
    std::vector<size_t> order(columns.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return std::pair(columns[b].sites, columns[a].name) <
               std::pair(columns[a].sites, columns[b].name);
    });
    std::vector<size_t> position(columns.size());
    for (size_t i = 0; i < order.size(); ++i)
        position[order[i]] = i;

    std::set<an::Index> techSet;
    for (const an::Index s : sites)
        for (auto* t = net.siteTechnologies.begin(size_t(s));
             t != net.siteTechnologies.end(size_t(s)); ++t)
            techSet.insert(*t);
    std::vector<an::Index> techs(techSet.begin(), techSet.end());
    std::sort(techs.begin(), techs.end(), [&](an::Index a, an::Index b) {
        return d.technologies[size_t(a)].name < d.technologies[size_t(b)].name;
    });
    std::map<an::Index, size_t> techRow;
    for (size_t r = 0; r < techs.size(); ++r)
        techRow[techs[r]] = r;
    // counts[row][column]: sites of that country depending on that technology
    // covered[row][column]: those of them a control in force reaches through it (a plant
    // outside the issuer using the issuer's technology; ControlState decides).
    std::vector<std::vector<size_t>> counts(techs.size(), std::vector<size_t>(columns.size(), 0));
    auto covered = counts;
    for (size_t i = 0; i < sites.size(); ++i) {
        std::set<an::Index> seen; // a site listing a technology twice counts once
        const auto covers = controls.coversOfSite(sites[i]);
        for (auto* t = net.siteTechnologies.begin(size_t(sites[i]));
             t != net.siteTechnologies.end(size_t(sites[i])); ++t)
            if (seen.insert(*t).second) {
                ++counts[techRow[*t]][position[siteColumn[i]]];
                if (std::any_of(covers.begin(), covers.end(),
                                [&](const an::ControlState::Cover& c) { return c.item == *t; }))
                    ++covered[techRow[*t]][position[siteColumn[i]]];
            }
    }

    Matrix m;
    QStringList names;
    for (const an::Index t : techs)
        names << qs(d.technologies[size_t(t)].name);
    m.rowLabels = distinctShortNames(names, 56);
    for (const an::Index t : techs) {
        const auto& tech = d.technologies[size_t(t)];
        m.rowTips << QStringLiteral("<b>%1</b><br>%2")
                         .arg(esc(tech.name), tr("Technology %1").arg(esc(tech.id)));
        m.rowKeys << selectionKey({SelectionKind::Technology, qs(tech.id)});
    }
    names.clear();
    for (const size_t c : order)
        names << columns[c].name;
    const QStringList shortNames = distinctShortNames(names, 30);
    for (size_t i = 0; i < order.size(); ++i) {
        const Column& col = columns[order[i]];
        m.columnLabels
            << tr("%1 · %2 sites").arg(shortNames[qsizetype(i)], countText(double(col.sites)));
        m.columnTips << tr("<b>%1</b><br>%2 sites here list a technology")
                            .arg(col.name.toHtmlEscaped(), countText(double(col.sites)));
        m.columnKeys << selectionKey({SelectionKind::Country, qs(col.code)});
    }
    for (size_t r = 0; r < techs.size(); ++r) {
        const an::Index t = techs[r];
        const auto& tech = d.technologies[size_t(t)];
        const QString covering = coveringText(net, t, asOf);
        for (size_t i = 0; i < order.size(); ++i) {
            const size_t n = counts[r][i];
            const size_t k = covered[r][i];
            const bool controlled = k > 0;
            if (n == 0) {
                m.states << State::Empty;
                m.tips << QString();
                continue;
            }
            const Column& col = columns[order[i]];
            m.states << (controlled ? State::Controlled : State::Free);
            m.tips << tr("<b>%1 of %2 sites in %3</b> depend on <b>%4</b><br>At %5: %6<br>"
                         "Measures covering it: %7")
                          .arg(countText(double(n)), countText(double(col.sites)),
                               col.name.toHtmlEscaped(), esc(tech.name), dateText(asOf),
                               controlled ? tr("a control in force covers %1 of them (the issuer's "
                                               "technology, used abroad)")
                                                .arg(countText(double(k)))
                                          : tr("no control in force covers it here"),
                               covering);
        }
    }
    m.note = tr("%1 sites list a technology: too many for a column each (at most %2), so one "
                "column per country, most sites first. A cell's tooltip counts the sites; a "
                "click on a country selects it.")
                 .arg(countText(double(sites.size())), countText(double(kMaxSiteColumns)));
    return m;
}

CoverageMatrixModel::Matrix CoverageMatrixModel::buildItems(const an::Network& net,
                                                            core::Date asOf) {
    Matrix m;
    const auto& d = net.data();
    std::vector<size_t> measures;
    std::set<an::Index> mats, techs;
    for (size_t c = 0; c < net.controls.size(); ++c) {
        const an::ControlInfo& info = net.controls[c];
        if (info.materials.empty() && info.technologies.empty())
            continue;
        measures.push_back(c);
        mats.insert(info.materials.begin(), info.materials.end());
        techs.insert(info.technologies.begin(), info.technologies.end());
    }
    std::sort(measures.begin(), measures.end(), [&](size_t a, size_t b) {
        return std::pair(d.controls[a].effective, d.controls[a].id) <
               std::pair(d.controls[b].effective, d.controls[b].id);
    });
    struct Item {
        core::ItemKind kind;
        an::Index index;
        std::string name, id;
    };
    std::vector<Item> items;
    for (const an::Index m : mats)
        items.push_back(
            {core::ItemKind::Material, m, d.materials[size_t(m)].name, d.materials[size_t(m)].id});
    for (const an::Index t : techs)
        items.push_back({core::ItemKind::Technology, t, d.technologies[size_t(t)].name,
                         d.technologies[size_t(t)].id});
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return std::pair(int(a.kind), a.name) < std::pair(int(b.kind), b.name);
    });

    QStringList names;
    for (const Item& item : items)
        names << qs(item.name);
    m.rowLabels = distinctShortNames(names, 56);
    for (const Item& item : items) {
        const bool material = item.kind == core::ItemKind::Material;
        m.rowTips << QStringLiteral("<b>%1</b><br>%2")
                         .arg(esc(item.name), material ? tr("Material %1").arg(esc(item.id))
                                                       : tr("Technology %1").arg(esc(item.id)));
        m.rowKeys << selectionKey(
            {material ? SelectionKind::Material : SelectionKind::Technology, qs(item.id)});
    }
    for (const size_t c : measures) {
        const core::Control& ctl = d.controls[c];
        m.columnLabels << qs(ctl.id);
        m.columnTips << QStringLiteral("<b>%1</b> %2<br>%3")
                            .arg(esc(ctl.id), esc(ctl.title), controlStatusText(ctl, asOf));
        m.columnKeys << selectionKey({SelectionKind::Control, qs(ctl.id)});
    }
    for (const Item& item : items) {
        for (const size_t c : measures) {
            const an::ControlInfo& info = net.controls[c];
            const bool covers = item.kind == core::ItemKind::Material
                                    ? contains(info.materials, item.index)
                                    : contains(info.technologies, item.index);
            if (!covers) {
                m.states << State::Empty;
                m.tips << QString();
                continue;
            }
            const core::Control& ctl = d.controls[c];
            m.states << fromStatus(an::controlStatus(ctl, asOf));
            m.tips << tr("<b>%1</b> covers <b>%2</b><br>At %3: %4")
                          .arg(esc(ctl.id), esc(item.name), dateText(asOf),
                               controlStatusText(ctl, asOf));
        }
    }
    return m;
}

int CoverageMatrixModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_m.rowLabels.size());
}

int CoverageMatrixModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_m.columnLabels.size());
}

CoverageMatrixModel::State CoverageMatrixModel::state(int row, int column) const {
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return State::Empty;
    return m_m.states[row * columnCount() + column];
}

QVariant CoverageMatrixModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int i = index.row() * columnCount() + index.column();
    switch (role) {
    case Qt::DisplayRole:
        return stateText(m_m.states[i]);
    case Qt::ToolTipRole:
        return m_m.tips[i].isEmpty() ? QVariant() : QVariant(m_m.tips[i]);
    case StateRole:
        return int(m_m.states[i]);
    case RowKeyRole:
        return m_m.rowKeys[index.row()];
    case ColumnKeyRole:
        return m_m.columnKeys[index.column()];
    default:
        return {};
    }
}

QVariant CoverageMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    const bool h = orientation == Qt::Horizontal;
    const QStringList& labels = h ? m_m.columnLabels : m_m.rowLabels;
    if (section < 0 || section >= labels.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return labels[section];
    case Qt::ToolTipRole:
        return h ? m_m.columnTips[section] : m_m.rowTips[section];
    case RowKeyRole:
        return h ? QVariant() : QVariant(m_m.rowKeys[section]);
    case ColumnKeyRole:
        return h ? QVariant(m_m.columnKeys[section]) : QVariant();
    default:
        return {};
    }
}

QVector<CoverageMatrixModel::State> CoverageMatrixModel::statesUsed() const {
    std::set<int> used;
    for (const State s : m_m.states)
        if (s != State::Empty)
            used.insert(int(s));
    QVector<State> out;
    for (const int s : used)
        out << State(s);
    return out;
}

} // namespace chokepoint::ui
