// Splitting migration scripts into statements (table-driven).
#include <gtest/gtest.h>

#include "storage/sql_split.hpp"

namespace samspil::storage {
namespace {

std::vector<std::string> texts(std::string_view script) {
  std::vector<std::string> out;
  for (const auto& s : split_sql(script)) out.push_back(s.text);
  return out;
}

TEST(SplitSql, Cases) {
  struct Case {
    std::string script;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"  -- only a comment\n /* and a block */ ;; ", {}},
      {"SELECT 1; SELECT 2", {"SELECT 1", "SELECT 2"}},
      {"INSERT INTO t VALUES ('a;b', 'it''s; fine');", {"INSERT INTO t VALUES ('a;b', 'it''s; fine')"}},
      {"CREATE TABLE \"we;ird\" (x INT); SELECT 1;", {"CREATE TABLE \"we;ird\" (x INT)", "SELECT 1"}},
      {"SELECT 1; -- trailing; comment\nSELECT 2;", {"SELECT 1", "SELECT 2"}},
      {"SELECT /* a; /* nested; */ b; */ 1;", {"SELECT  1"}},
      {"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT $1;",
       {"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT $1"}},
      {"DO $body$ BEGIN PERFORM 1; END $body$; SELECT 2;", {"DO $body$ BEGIN PERFORM 1; END $body$", "SELECT 2"}},
      {"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE u SET n = CASE WHEN 1 THEN 2 END; DELETE FROM v; END; SELECT 3;",
       {"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE u SET n = CASE WHEN 1 THEN 2 END; DELETE FROM v; END",
        "SELECT 3"}},
      {"BEGIN; SELECT 1; END;", {"BEGIN", "SELECT 1", "END"}},
  };
  for (const auto& c : cases) EXPECT_EQ(texts(c.script), c.expected) << c.script;
}

TEST(SplitSql, ReportsTheStartingLine) {
  const auto statements = split_sql("-- header\n\nCREATE TABLE a (x INT);\n\nCREATE TABLE b\n(x INT);\n");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0].line, 3);
  EXPECT_EQ(statements[1].line, 5);
}

}  // namespace
}  // namespace samspil::storage
