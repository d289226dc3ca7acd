// SPDX-License-Identifier: MIT
// Helpers for the GUI tests: a bundled workspace in a temporary folder, a model tester that
// turns QAbstractItemModelTester's findings into test failures.
#pragma once

#include <gtest/gtest.h>
#include <memory>
#include <string>

#include <QAbstractItemModelTester>
#include <QStringList>

#include "core/io/bundled.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {

/// Creates `dir/name` with the bundled data through core calls; returns its path.
inline std::string createBundledWorkspace(const TempDir& dir,
                                          const std::string& name = "bundled.chokepoint") {
    const std::string path = dir.file(name);
    auto data = core::io::bundledDataset();
    EXPECT_TRUE(data.ok()) << (data.ok() ? "" : data.errorString());
    auto ws = core::Workspace::create(path);
    EXPECT_TRUE(ws.ok()) << (ws.ok() ? "" : ws.errorString());
    if (data && ws) {
        auto written = ws->write(*data, core::WriteMode::Replace);
        EXPECT_TRUE(written.ok());
    }
    return path;
}

/// Runs QAbstractItemModelTester on a model; every problem it reports (as a warning) is
/// collected, and the destructor fails the test if there were any.
class ModelChecker {
public:
    explicit ModelChecker(QAbstractItemModel* model);
    ~ModelChecker();
    QStringList problems() const { return s_problems; }

private:
    static void handler(QtMsgType type, const QMessageLogContext& context, const QString& msg);
    static inline QStringList s_problems;
    static inline QtMessageHandler s_previous = nullptr;
    static inline int s_active = 0; // checkers alive; the handler is installed once
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

inline ModelChecker::ModelChecker(QAbstractItemModel* model) {
    if (s_active++ == 0) {
        s_problems.clear();
        s_previous = qInstallMessageHandler(&ModelChecker::handler);
    }
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::Warning);
}

inline ModelChecker::~ModelChecker() {
    m_tester.reset();
    EXPECT_TRUE(s_problems.isEmpty()) << s_problems.join(QLatin1Char('\n')).toStdString();
    if (--s_active == 0)
        qInstallMessageHandler(s_previous);
}

inline void ModelChecker::handler(QtMsgType type, const QMessageLogContext& context,
                                  const QString& msg) {
    if (type != QtDebugMsg && context.category &&
        QLatin1String(context.category) == QLatin1String("qt.modeltest"))
        s_problems << msg;
    else if (s_previous)
        s_previous(type, context, msg);
}

} // namespace chokepoint::test

// Readable QString values in gtest failure messages.
inline void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}
