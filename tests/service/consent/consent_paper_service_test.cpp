// Consent given on paper (issue 5 item 4, X1) and scopes from each case's own model, on both
// engines: a paper consent needs a scan of a case about the same child in the same
// municipality (nothing is saved otherwise), the scan is checked by its magic bytes, sealed,
// downloadable by staff of the case only and the download is logged; the staff form's use
// case records every scope from one paper atomically with the paper's date; the scopes
// offered and accepted are those of the case's model, not the installation's default.
#include <algorithm>

#include "cases_service_fixture.hpp"
#include "service/base/model_registry.hpp"

namespace samspil::cases_testing {
namespace {

using service::Invalid;
using service::NotFound;

const std::string kPdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
constexpr std::int64_t kDay = 86'400'000;

class ConsentPaperTest : public CasesServiceTest {
 protected:
  service::GiveConsent paper(const std::string& scan_id) {
    service::GiveConsent in;
    in.child_id = w.child;
    in.guardian_id = w.mother;
    in.scope = "ppr_request_single_child";
    in.purpose = "Henvendelse til PPR";
    in.parties = "Skolen og PPR";
    in.source = "paper";
    in.scan_attachment_id = scan_id;
    return in;
  }

  service::RecordPaperConsent form(const std::string& case_id) {
    service::RecordPaperConsent in;
    in.case_id = case_id;
    in.guardian_id = w.mother;
    in.scopes = {"ppr_request_single_child", "professionals_meet_without_parents"};
    in.purpose = "Henvendelse til PPR";
    in.parties = "Skolen og PPR";
    in.given_on = "2023-11-10";  // `now` is 2023-11-14 22:13 UTC
    in.expires_on = "2024-06-30";
    in.file_name = "samtykke.pdf";
    in.file_bytes = kPdf;
    return in;
  }

  std::int64_t consents_count() { return count("SELECT count(*) FROM consents"); }
};

TEST_P(ConsentPaperTest, PaperConsentNeedsAScanOfACaseAboutTheSameChild) {
  const auto case_id = register_case();
  // Without a scan, or with an id that is no scan of this child: refused, nothing saved.
  for (const std::string& id : {std::string(), std::string("no-such-scan")}) {
    try {
      consents->give(leader, paper(id), now);
      FAIL() << "a paper consent without a scan of the child was saved";
    } catch (const Invalid& e) {
      ASSERT_TRUE(e.fields.count("scan_attachment_id"));
      EXPECT_NE(e.fields.at("scan_attachment_id").find("canning"), std::string::npos) << e.fields.at("scan_attachment_id");
    }
  }
  // A scan of another child's case does not count either.
  service::RegisterConcern other;
  other.child_id = w.other_child;
  other.title = "Trivsel";
  const auto other_case = cases->register_concern(teacher, other, now).case_id;
  const auto other_scan = consents->add_scan(teacher, other_case, "bo.pdf", kPdf, now);
  EXPECT_THROW(consents->give(leader, paper(other_scan.id), now), Invalid);
  EXPECT_EQ(consents_count(), 0);

  // The scan: magic bytes decide, size is limited, outsiders and guardians cannot upload.
  try {
    consents->add_scan(teacher, case_id, "samtykke.pdf", "MZ\x90\x00 not a pdf", now);
    FAIL() << "a renamed executable was accepted";
  } catch (const Invalid& e) {
    EXPECT_EQ(e.fields.at("file"), "Scanningen skal være en PDF, PNG eller JPEG");
  }
  EXPECT_THROW(consents->add_scan(teacher, case_id, "stor.pdf", kPdf + std::string(service::kMaxConsentScanBytes, 'x'), now),
               Invalid);
  EXPECT_THROW(consents->add_scan(stranger, case_id, "s.pdf", kPdf, now), NotFound);
  EXPECT_THROW(consents->add_scan(mother, case_id, "s.pdf", kPdf, now), service::Forbidden);
  EXPECT_THROW(consents->add_scan(foreign, case_id, "s.pdf", kPdf, now), NotFound);
  const auto scan = consents->add_scan(teacher, case_id, "../../Samtykke \"mor\".pdf", kPdf, now);
  EXPECT_EQ(scan.content_type, "application/pdf");
  EXPECT_EQ(scan.name, "Samtykke mor.pdf");
  // Sealed at rest: the bytes are not in the database in the clear.
  const auto stored = m_db->acquire()->query("SELECT content_encrypted FROM consent_scans WHERE id = $1", {scan.id});
  EXPECT_EQ(stored.rows.at(0).text(0).find("%PDF"), std::string::npos);

  const auto id = consents->give(leader, paper(scan.id), now);
  const auto view = consents->get(leader, id, now);
  EXPECT_EQ(view.row.source, "paper");
  EXPECT_EQ(view.row.scan_attachment_id, scan.id);
  EXPECT_TRUE(view.in_force);
  // The timeline says it came from paper.
  EXPECT_EQ(count("SELECT count(*) FROM case_events WHERE kind = 'consent_given' AND detail LIKE '%\"paper\"%'"), 1);

  // Staff of the case download it (logged); guardians, outsiders and other municipalities do not.
  const auto before = count("SELECT count(*) FROM audit_log WHERE object_type = 'consent_scan' AND action = 'read'");
  const auto file = consents->scan(leader, case_id, scan.id, now);
  EXPECT_EQ(file.bytes, kPdf);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE object_type = 'consent_scan' AND action = 'read'"), before + 1);
  EXPECT_THROW(consents->scan(mother, case_id, scan.id, now), NotFound);
  EXPECT_THROW(consents->scan(stranger, case_id, scan.id, now), NotFound);
  EXPECT_THROW(consents->scan(foreign, case_id, scan.id, now), NotFound);
  // Not through another child's case either.
  EXPECT_THROW(consents->scan(teacher, other_case, scan.id, now), NotFound);
}

TEST_P(ConsentPaperTest, TheFormRecordsEveryScopeFromOnePaperAtomically) {
  const auto case_id = register_case();
  // Everything wrong at once: each field says why, and neither scan nor consent is saved.
  auto bad = form(case_id);
  bad.given_on = "2030-01-01";
  bad.expires_on = "2023-01-01";
  bad.file_bytes = "just text";
  bad.scopes = {"everything"};
  bad.guardian_id = w.other_parent;
  bad.purpose = "";
  try {
    consents->record_from_paper(leader, bad, now);
    FAIL() << "expected Invalid";
  } catch (const Invalid& e) {
    for (const char* field : {"given_on", "expires_on", "file", "scopes", "guardian_id", "purpose"}) {
      EXPECT_TRUE(e.fields.count(field)) << field;
    }
  }
  EXPECT_EQ(consents_count(), 0);
  EXPECT_EQ(count("SELECT count(*) FROM consent_scans"), 0);
  // A correct paper: one consent per scope, the paper's date, in force through the expiry day.
  auto good = form(case_id);
  good.idempotency_key = "paper-1";
  const auto ids = consents->record_from_paper(leader, good, now);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(consents->record_from_paper(leader, good, now).front(), ids.front());  // a repeated post
  EXPECT_EQ(consents_count(), 2);
  EXPECT_EQ(count("SELECT count(*) FROM consent_scans"), 1);
  const auto list = consents->for_child(teacher, w.child, now);
  ASSERT_EQ(list.size(), 2u);
  for (const auto& c : list) {
    EXPECT_EQ(c.row.source, "paper");
    EXPECT_FALSE(c.row.scan_attachment_id.empty());
    EXPECT_EQ(c.row.given_at_ms, 1'699'570'800'000);           // 2023-11-10 00:00 in Copenhagen
    EXPECT_EQ(c.row.expires_at_ms, 1'719'784'800'000);         // 2024-07-01 00:00 in Copenhagen
    EXPECT_TRUE(c.in_force);
  }
  // Guardians and other professionals' strangers cannot use the staff form.
  EXPECT_THROW(consents->record_from_paper(mother, form(case_id), now), service::Forbidden);
  EXPECT_THROW(consents->record_from_paper(stranger, form(case_id), now), NotFound);
  // A closed case is read-only (F9).
  cases->move(teacher, case_id, {"intern_sparring", "sparring_holdt", "", ""}, now);
  cases->move(teacher, case_id, {"lukket", "bekymring_loest", "Løst", ""}, now);
  EXPECT_THROW(consents->record_from_paper(leader, form(case_id), now), service::Conflict);
}

TEST_P(ConsentPaperTest, ScopesComeFromTheCasesOwnModel) {
  // Two installed models: the default has the common scopes; "egen-model" adds its own.
  domain::Model own = *m_model;
  own.id = "egen-model";
  own.consent_scopes.push_back({"health_information", "Helbredsoplysninger må deles", {"X1"}});
  auto registry = service::ModelRegistry::of({*m_model, own}, "ppr-vejen-ind");
  auto config = m_config;
  config.models = &registry;
  service::Consents per_case(*m_db, config);
  service::Cases cases_per_case(*m_db, config);

  // No open case: the scopes of the model new cases use (the default here).
  auto ids = [](const std::vector<domain::ConsentScope>& scopes) {
    std::vector<std::string> out;
    for (const auto& s : scopes) out.push_back(s.id);
    return out;
  };
  const auto before = ids(per_case.scopes_for_child(mother, w.child));
  EXPECT_EQ(std::find(before.begin(), before.end(), "health_information"), before.end());
  EXPECT_NE(std::find(before.begin(), before.end(), "ppr_request_single_child"), before.end());
  auto in = paper("");
  in.source = "portal";
  in.scope = "health_information";
  EXPECT_THROW(per_case.give(mother, in, now), Invalid);

  // A case under "egen-model": its scope is offered and accepted, named from that model.
  const auto case_id = register_case();
  m_db->acquire()->query("UPDATE cases SET model_id = 'egen-model' WHERE id = $1", {case_id});
  const auto for_case = ids(per_case.scopes_for_case(teacher, case_id));
  EXPECT_NE(std::find(for_case.begin(), for_case.end(), "health_information"), for_case.end());
  const auto for_child = ids(per_case.scopes_for_child(mother, w.child));
  EXPECT_NE(std::find(for_child.begin(), for_child.end(), "health_information"), for_child.end());
  const auto id = per_case.give(mother, in, now);
  EXPECT_EQ(per_case.get(mother, id, now).scope_name, "Helbredsoplysninger må deles");
  // The engine counts it for the case (its consents in force come from the case's model):
  // every custody holder must consent, so only once the father has too.
  const auto none_yet = cases_per_case.get(teacher, case_id, now).consents_in_force;
  EXPECT_EQ(std::find(none_yet.begin(), none_yet.end(), "health_information"), none_yet.end());
  in.guardian_id = w.father;
  per_case.give(father, in, now);
  const auto in_force = cases_per_case.get(teacher, case_id, now).consents_in_force;
  EXPECT_NE(std::find(in_force.begin(), in_force.end(), "health_information"), in_force.end());
  // Recorded from the case page, the scope must be the case's model's.
  auto on_default_case = in;
  const auto default_case = cases_per_case.register_concern(teacher, [&] {
    service::RegisterConcern r;
    r.child_id = w.other_child;
    r.title = "Trivsel";
    return r;
  }(), now).case_id;
  on_default_case.child_id = w.child;
  on_default_case.case_id = default_case;  // a case about another child
  on_default_case.guardian_id = w.mother;
  // The mother cannot even name that case; staff who reach it are told it is the wrong child.
  EXPECT_THROW(per_case.give(mother, on_default_case, now + kDay), NotFound);
  on_default_case.source = "paper";
  try {
    per_case.give(leader, on_default_case, now + kDay);
    FAIL() << "expected Invalid";
  } catch (const Invalid& e) {
    EXPECT_TRUE(e.fields.count("case_id"));
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, ConsentPaperTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
