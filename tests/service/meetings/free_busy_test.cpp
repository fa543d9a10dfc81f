// service/free_busy on both engines: an imported free/busy calendar's URL is validated,
// stored sealed (never in clear in the database) and shown back as its host only; changes
// are audited; busy times are cached and fetched again only after the refresh age; a
// failing feed keeps the last good busy times, which the slot finder still uses while it
// reports the calendar as not read.
#include <gtest/gtest.h>

#include "cases_service_fixture.hpp"
#include "service/base/errors.hpp"
#include "service/base/model_registry.hpp"
#include "service/meetings/free_busy.hpp"
#include "service/meetings/meetings.hpp"

namespace samspil::cases_testing {
namespace {

namespace fb = service::free_busy;
constexpr std::int64_t kMinute = 60LL * 1000;
constexpr std::int64_t kDay = 24LL * 3600 * 1000;

// 2023-11-14T22:13:20Z is `now` of the fixture; busy times are built from it in UTC.
std::string stamp(std::int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

class FreeBusyTest : public CasesServiceTest {
 protected:
  void SetUp() override {
    CasesServiceTest::SetUp();
    if (HasFatalFailure()) return;
    clock = now;
    feeds = std::make_unique<fb::Feeds>(
        *m_db, m_cipher.get(),
        [this](const std::string& url) {
          ++fetches;
          last_url = url;
          if (failing) throw std::runtime_error("Kalenderen svarede ikke i tide");
          return body;
        },
        [this] { return clock; });
  }

  // A VFREEBUSY with one busy period [start, end).
  static std::string busy_calendar(std::int64_t start, std::int64_t end) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DA\r\nBEGIN:VFREEBUSY\r\nFREEBUSY;FBTYPE=BUSY:" +
           stamp(start) + "/" + stamp(end) + "\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n";
  }

  std::int64_t count(const std::string& sql) { return m_db->acquire()->query(sql).rows.at(0).integer(0); }

  std::int64_t clock = 0;
  int fetches = 0;
  bool failing = false;
  std::string body;
  std::string last_url;
  std::unique_ptr<fb::Feeds> feeds;
};

TEST_P(FreeBusyTest, UrlIsValidatedSealedAndShownAsHostOnly) {
  for (const char* bad : {"", "ftp://kalender.example/x.ics", "file:///etc/passwd", "javascript:alert(1)",
                          "https://", "https://kalender.example/a b.ics", "kalender.example/x.ics"}) {
    try {
      feeds->set(teacher, bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const service::Invalid& e) {
      EXPECT_EQ(e.fields.count("url"), 1u) << bad;
    }
  }
  EXPECT_THROW(feeds->set(teacher, "https://kalender.example/" + std::string(fb::kMaxUrlLength, 'a')), service::Invalid);
  EXPECT_EQ(fetches, 0);
  EXPECT_FALSE(feeds->status(teacher).configured);

  const std::string url = "https://Outlook.Office365.example:8443/owa/calendar/hemmelig-token-123/reachcalendar.ics";
  body = busy_calendar(now + kDay, now + kDay + 60 * kMinute);
  const auto s = feeds->set(teacher, url);
  EXPECT_EQ(fetches, 1);  // fetched once when set
  EXPECT_EQ(last_url, url);
  EXPECT_TRUE(s.configured);
  EXPECT_EQ(s.host, "outlook.office365.example:8443");
  EXPECT_EQ(s.status, "ok");
  EXPECT_EQ(s.busy_count, 1u);
  // Sealed: the token is nowhere in the table in clear.
  const auto row = m_db->acquire()->query("SELECT url_sealed, url_host FROM freebusy_imports WHERE user_id = $1",
                                          {w.teacher});
  ASSERT_EQ(row.rows.size(), 1u);
  EXPECT_EQ(row.rows[0].text(0).find("hemmelig-token"), std::string::npos);
  EXPECT_EQ(row.rows[0].text(0).rfind("v1:", 0), 0u);
  EXPECT_EQ(count("SELECT count(*) FROM freebusy_imports WHERE url_host LIKE '%hemmelig%'"), 0);
  // Audited: set and removed.
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE object_type = 'freebusy_import' AND action = 'change'"), 1);
  EXPECT_TRUE(feeds->remove(teacher));
  EXPECT_FALSE(feeds->remove(teacher));
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE object_type = 'freebusy_import' AND action = 'delete'"), 1);
  EXPECT_FALSE(feeds->status(teacher).configured);
  EXPECT_THROW(feeds->fetch_now(teacher), service::NotFound);
  // Without a field key nothing is stored.
  fb::Feeds keyless(*m_db, nullptr, [](const std::string&) { return std::string(); }, [this] { return clock; });
  EXPECT_FALSE(keyless.available());
  EXPECT_THROW(keyless.set(teacher, url), service::Conflict);
}

TEST_P(FreeBusyTest, BusyTimesAreCachedAndAFailingFeedKeepsTheLastGoodOnes) {
  const std::int64_t start = now + 2 * kDay, end = start + 90 * kMinute;
  body = busy_calendar(start, end);
  feeds->set(teacher, "http://127.0.0.1:9/fb.ics");
  ASSERT_EQ(fetches, 1);
  // Within the refresh age the cache answers; another user without a calendar has none.
  clock += 10 * kMinute;
  auto busy = feeds->busy("t1", w.teacher, clock, clock + 30 * kDay);
  ASSERT_EQ(busy.size(), 1u);
  EXPECT_EQ(busy[0].start_ms, start);
  EXPECT_EQ(busy[0].end_ms, end);
  EXPECT_EQ(fetches, 1);
  EXPECT_TRUE(feeds->busy("t1", w.leader, clock, clock + 30 * kDay).empty());
  // Another tenant's user of the same id sees nothing (tenant in every query).
  EXPECT_TRUE(feeds->busy("t2", w.teacher, clock, clock + 30 * kDay).empty());
  // Older than 15 minutes: fetched again; it now fails → the last good busy times come with the error.
  clock += 6 * kMinute;
  failing = true;
  try {
    feeds->busy("t1", w.teacher, clock, clock + 30 * kDay);
    ADD_FAILURE() << "a failing feed did not report";
  } catch (const service::FreeBusyUnavailable& e) {
    ASSERT_EQ(e.cached.size(), 1u);
    EXPECT_EQ(e.cached[0].start_ms, start);
    EXPECT_EQ(std::string(e.what()), "Kalenderen svarede ikke i tide");
  }
  EXPECT_EQ(fetches, 2);
  const auto s = feeds->status(teacher);
  EXPECT_EQ(s.status, "failed");
  EXPECT_EQ(s.error, "Kalenderen svarede ikke i tide");
  EXPECT_EQ(s.busy_count, 1u);
  // Tried a moment ago: not fetched again, still reported.
  EXPECT_THROW(feeds->busy("t1", w.teacher, clock, clock + 30 * kDay), service::FreeBusyUnavailable);
  EXPECT_EQ(fetches, 2);
  // Not iCalendar: a parse failure is reported in Danish, the cache stays.
  failing = false;
  body = "<html>Log ind</html>";
  EXPECT_EQ(feeds->fetch_now(teacher).error, "Svaret er ikke en iCalendar-kalender (.ics)");
  // It works again: the cache is replaced.
  body = busy_calendar(start + kDay, end + kDay);
  const auto ok = feeds->fetch_now(teacher);
  EXPECT_EQ(ok.status, "ok");
  busy = feeds->busy("t1", w.teacher, clock, clock + 30 * kDay);
  ASSERT_EQ(busy.size(), 1u);
  EXPECT_EQ(busy[0].start_ms, start + kDay);
  // A new URL forgets the old cache.
  failing = true;
  feeds->set(teacher, "https://kalender.example/ny.ics");
  EXPECT_EQ(feeds->status(teacher).busy_count, 0u);
  EXPECT_EQ(feeds->status(teacher).host, "kalender.example");
}

TEST_P(FreeBusyTest, SlotFinderSkipsImportedBusyTimesAndUsesTheCacheWhenTheFeedFails) {
  std::vector<domain::Model> models;
  models.push_back(load_preset("frederiksberg-dialogmoede.yaml"));
  auto registry = service::ModelRegistry::of(std::move(models), "frederiksberg-dialogmoede");
  service::MeetingsConfig config;
  config.models = &registry;
  service::Meetings plain(*m_db, config);
  service::CasesConfig cfg = m_config;
  cfg.model = registry.find("frederiksberg-dialogmoede");
  service::RegisterConcern in;
  in.child_id = w.child;
  in.title = "Trivsel";
  in.tried = "Samtaler";
  const auto case_id = service::Cases(*m_db, cfg).register_concern(teacher, in, now).case_id;
  service::SlotSearch search;
  search.type_id = "dialogmoede";
  search.user_ids = {w.teacher};
  search.count = 1;
  const auto first = plain.find_slots(teacher, case_id, search, now);
  ASSERT_EQ(first.slots.size(), 1u);
  const auto taken = first.slots[0];

  // The teacher's own calendar is busy then.
  body = busy_calendar(taken.start_ms, taken.end_ms);
  feeds->set(teacher, "https://kalender.example/pia.ics");
  config.free_busy = feeds->source();
  service::Meetings reading(*m_db, config);
  const auto around = reading.find_slots(teacher, case_id, search, now);
  ASSERT_EQ(around.slots.size(), 1u);
  EXPECT_TRUE(around.calendar_failures.empty());
  EXPECT_TRUE(around.slots[0].start_ms >= taken.end_ms || around.slots[0].end_ms <= taken.start_ms);

  // Later the feed fails: the cached busy time still counts, and the failure is reported.
  clock += 20 * kMinute;
  failing = true;
  const auto degraded = reading.find_slots(teacher, case_id, search, now);
  EXPECT_EQ(degraded.calendar_failures, std::vector<std::string>{w.teacher});
  ASSERT_EQ(degraded.slots.size(), 1u);
  EXPECT_EQ(degraded.slots[0].start_ms, around.slots[0].start_ms);
}

INSTANTIATE_TEST_SUITE_P(Engines, FreeBusyTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
