// SPDX-License-Identifier: MIT
// The throwaway server itself: it runs, it is ours, and it listens on nothing but its socket.
#include <gtest/gtest.h>

#include <QFileInfo>

#include "tests/support/pgserver.h"

namespace chokepoint::test {
namespace {

TEST(PgServerFixture, AnswersOnItsPrivateSocketOnly) {
    auto& server = PgServer::shared();
    ASSERT_TRUE(server.running());
    std::string out;
    ASSERT_TRUE(server.psql("SHOW listen_addresses", &out)) << server.errorString();
    EXPECT_EQ(out, "\n"); // empty: no TCP listener
    ASSERT_TRUE(server.psql("SHOW unix_socket_directories", &out)) << server.errorString();
    EXPECT_EQ(out, server.socketDir() + "\n");
    EXPECT_TRUE(QFileInfo::exists(
        QString::fromStdString(server.socketDir() + "/.s.PGSQL." + std::to_string(server.port()))));
    ASSERT_TRUE(server.psql("SELECT current_setting('server_version_num')::int / 10000", &out));
    EXPECT_EQ(out, "15\n");
}

TEST(PgServerFixture, StopsAndDeletesItsFolder) {
    PgServer other; // a second server of its own, so the shared one stays up
    ASSERT_TRUE(other.start()) << other.errorString();
    const std::string dir = other.socketDir();
    std::string out;
    ASSERT_TRUE(other.psql("SELECT 6 * 7", &out)) << other.errorString();
    EXPECT_EQ(out, "42\n");
    other.stop();
    EXPECT_FALSE(other.running());
    EXPECT_FALSE(QFileInfo::exists(QString::fromStdString(dir)));
    EXPECT_FALSE(other.psql("SELECT 1")); // nothing answers any more
}

} // namespace
} // namespace chokepoint::test
