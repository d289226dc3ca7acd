// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>
#include <string>
#include <vector>

#include "core/store/location.h"
#include "core/store/workspacestore.h"

namespace chokepoint::core::store {
namespace {

TEST(ServerLocation, TheWorkspaceParameterIsTakenOutAndTheRestPassesToLibpq) {
    auto l = parseServerLocation(
        "postgresql://ana@db.example.org:5433/supply?sslmode=require&workspace=team_1"
        "&connect_timeout=5");
    ASSERT_TRUE(l.ok()) << l.errorString();
    EXPECT_EQ(l->workspace, "team_1");
    EXPECT_EQ(l->uri,
              "postgresql://ana@db.example.org:5433/supply?sslmode=require&connect_timeout=5");
    auto only = parseServerLocation("postgres://host/db?workspace=Team%5FA");
    ASSERT_TRUE(only.ok()) << only.errorString();
    EXPECT_EQ(only->workspace, "Team_A"); // %5F is '_'
    EXPECT_EQ(only->uri, "postgres://host/db");
}

TEST(ServerLocation, PasswordsAreRefusedWithoutRepeatingThem) {
    for (const std::string loc : {"postgresql://ana:s3cret@host/db?workspace=w",
                                  "postgresql://ana@host/db?password=s3cret&workspace=w"}) {
        auto l = parseServerLocation(loc);
        ASSERT_FALSE(l.ok()) << loc;
        EXPECT_NE(l.errorString().find("~/.pgpass or PGPASSWORD"), std::string::npos);
        EXPECT_EQ(l.errorString().find("s3cret"), std::string::npos) << l.errorString();
    }
}

TEST(ServerLocation, TheWorkspaceMustBeNamedOnceAndWell) {
    auto missing = parseServerLocation("postgresql://host/db");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.errorString().find("?workspace=NAME"), std::string::npos);
    EXPECT_FALSE(parseServerLocation("postgresql://host/db?workspace=a&workspace=b").ok());
    for (const std::string bad : std::vector<std::string>{"", "1team", "pg_team", "PG_x", "team-a",
                                                          "team a", "t%ZZ", std::string(64, 'a')})
        EXPECT_FALSE(parseServerLocation("postgresql://host/db?workspace=" + bad).ok()) << bad;
    EXPECT_TRUE(parseServerLocation("postgresql://host/db?workspace=" + std::string(63, 'a')).ok());
    EXPECT_TRUE(parseServerLocation("postgresql://host/db?workspace=_pg").ok());
}

TEST(ServerLocation, FilesAreNotServerLocations) {
    EXPECT_TRUE(isServerLocation("postgresql://host/db?workspace=w"));
    EXPECT_TRUE(isServerLocation("postgres://host/db?workspace=w"));
    EXPECT_FALSE(isServerLocation("team.chokepoint"));
    EXPECT_FALSE(isServerLocation("/data/postgresql://x.chokepoint"));
    EXPECT_FALSE(parseServerLocation("team.chokepoint").ok());
}

} // namespace
} // namespace chokepoint::core::store
