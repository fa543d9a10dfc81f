// Files on a meeting's agenda on both engines (service/agenda_files): uploads are checked by
// magic bytes (a renamed executable is refused), sealed at rest, listed on the agenda,
// downloadable by the meeting's participants only (each download audited), and linked —
// without file names — from the agenda mail.
#include <gtest/gtest.h>

#include "dates_fixture.hpp"
#include "service/agenda/agenda.hpp"
#include "service/agenda/agenda_files.hpp"

namespace samspil::cases_testing {
namespace {

class AgendaFilesTest : public DatesTest {
 protected:
  service::AgendaFilesConfig fconfig() {
    service::AgendaFilesConfig c;
    c.models = registry.get();
    c.cipher = m_cipher.get();
    c.max_bytes = 1024;
    return c;
  }
  service::AgendaConfig aconfig() {
    service::AgendaConfig c;
    c.models = registry.get();
    c.cipher = m_cipher.get();
    c.obligations.public_base_url = "https://samspil.test";
    return c;
  }
};

const std::string kPdf = "%PDF-1.7\nAlma Hansen 0101101234 handleplan\n%%EOF\n";

TEST_P(AgendaFilesTest, UploadCheckedSealedListedAndOnlyParticipantsDownload) {
  const auto id = convene(/*without_psychologist=*/true);  // the psychologist reaches the case, not the meeting
  service::AgendaFiles files(*m_db, fconfig());

  // Only the agenda's editors upload; the type comes from the bytes, not the name.
  EXPECT_THROW(files.upload(mother, id, "", "plan.pdf", kPdf, now), service::Forbidden);
  EXPECT_THROW(files.upload(stranger, id, "", "plan.pdf", kPdf, now), service::NotFound);
  try {
    files.upload(teacher, id, "", "plan.pdf", "MZ\x90\x00 not a pdf", now);
    FAIL() << "accepted an executable";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.count("file"), 1u);
  }
  EXPECT_THROW(files.upload(teacher, id, "", "big.pdf", "%PDF-" + std::string(2000, 'x'), now), service::Invalid);
  EXPECT_THROW(files.upload(teacher, id, "", "none.pdf", "", now), service::Invalid);

  const auto f = files.upload(teacher, id, "Handleplan fra skolen", "C:\\docs\\plan.pdf", kPdf, now + 1);
  EXPECT_EQ(f.content_type, "application/pdf");
  EXPECT_EQ(f.name, "plan.pdf");
  EXPECT_EQ(f.label, "Handleplan fra skolen");

  // Sealed at rest: neither the bytes nor the name are in the row in clear.
  const auto row = m_db->acquire()->query("SELECT content_encrypted, name_encrypted FROM meeting_files").rows.at(0);
  EXPECT_EQ(row.text(0).find("Alma"), std::string::npos);
  EXPECT_EQ(row.text(1).find("plan"), std::string::npos);

  // Listed on the agenda (kind file).
  service::Agendas agendas(*m_db, aconfig());
  const auto view = agendas.view(teacher, id, now + 2);
  ASSERT_EQ(view.documents.size(), 1u);
  EXPECT_EQ(view.documents[0].kind, "file");
  EXPECT_EQ(view.documents[0].id, f.document_id);

  // Participants download (the mother is invited: parents are fixed), others do not.
  EXPECT_EQ(files.download(mother, id, f.document_id, now + 3).bytes, kPdf);
  EXPECT_EQ(files.download(leader, id, f.document_id, now + 3).bytes, kPdf);
  EXPECT_THROW(files.download(psychologist, id, f.document_id, now + 3), service::NotFound);
  EXPECT_THROW(files.download(stranger, id, f.document_id, now + 3), service::NotFound);
  EXPECT_THROW(files.download(foreign, id, f.document_id, now + 3), service::NotFound);
  EXPECT_THROW(files.download(mother, id, "unknown", now + 3), service::NotFound);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'meeting_file' AND action = 'read'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'meeting_file' AND action = 'create'"), 1);

  // The agenda mail links the file, without its name or label.
  m_db->acquire()->query("DELETE FROM jobs");
  ASSERT_GT(agendas.send_agenda(teacher, id, now + 4), 0);
  const auto mails = m_db->acquire()->query("SELECT payload FROM jobs WHERE kind = 'mail.send'").rows;
  ASSERT_FALSE(mails.empty());
  for (const auto& m : mails) {
    const std::string payload = m.text(0);
    EXPECT_NE(payload.find("/moeder/" + id + "/dokumenter/" + f.document_id), std::string::npos) << payload;
    EXPECT_EQ(payload.find("plan.pdf"), std::string::npos);
    EXPECT_EQ(payload.find("Handleplan"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, AgendaFilesTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
