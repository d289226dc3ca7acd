// SPDX-License-Identifier: MIT
// main() of test_server: one throwaway PostgreSQL server for the whole executable.
#include <gtest/gtest.h>

#include <QCoreApplication>

#include "tests/support/pgserver.h"

namespace {

class PgServerEnvironment : public ::testing::Environment {
public:
    void SetUp() override {
        auto& server = chokepoint::test::PgServer::shared();
        // A fatal failure here skips every test and fails the run.
        ASSERT_TRUE(server.start()) << server.errorString();
    }
    void TearDown() override { chokepoint::test::PgServer::shared().stop(); }
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new PgServerEnvironment); // gtest owns it
    return RUN_ALL_TESTS();
}
