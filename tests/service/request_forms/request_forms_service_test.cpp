// The request form on both engines: drafts in steps, validation, idempotent saves,
// completion with the parents (R4.3, X2), guardians' view, versions and the R10 status
// against a held meeting, attachments by magic bytes and size, sealed at rest.
#include <gtest/gtest.h>

#include "cases_service_fixture.hpp"
#include "crypto/sha256.hpp"
#include "service/request_forms/attachments.hpp"
#include "service/request_forms/request_forms.hpp"
#include "storage/request_form_store.hpp"

namespace samspil::cases_testing {
namespace {

using domain::RequestFormStatus;

class RequestFormTest : public CasesServiceTest {
 protected:
  void SetUp() override {
    CasesServiceTest::SetUp();
    if (HasFatalFailure()) return;
    service::RequestFormsConfig config;
    config.fallback_model = m_model.get();
    config.cipher = m_cipher.get();
    config.max_attachment_bytes = 1024;
    forms = std::make_unique<service::RequestForms>(*m_db, config);
    case_id = register_case();
  }

  service::DraftInput full_draft() {
    service::DraftInput in;
    in.step = "";
    in.answers = {{"concern", "Trækker sig i frikvarteret"}, {"tried", "Legegrupper i fire uger"},
                  {"resources", "Glad for at tegne"},       {"parents_view", "Genkender det hjemme"},
                  {"child_view", "Vil gerne have en ven"}};
    in.child_perspective = "obtained";
    in.wished_meeting_type = m_model->meeting_types.front().id;
    return in;
  }

  void complete(std::int64_t at) {
    forms->save_draft(teacher, case_id, full_draft(), at - 10);
    forms->complete(teacher, case_id, {{w.mother}, true, ""}, at);
  }

  void hold_meeting(std::int64_t at) {
    m_db->transaction([&](storage::Connection& c) {
      c.query(
          "INSERT INTO meetings (id, tenant, case_id, model_id, type_id, status, course, ical_uid, convened_by, "
          "convened_at, held_at, created_at, updated_at) VALUES ($1, 't1', $2, 'm', 'x', 'held', 'same', $1, $3, $4, "
          "$4, $4, $4)",
          {std::string("meet-") + std::to_string(at), case_id, w.teacher, at});
    });
  }

  RequestFormStatus status() {
    auto lease = m_db->acquire();
    return service::request_form_status(*lease, "t1", case_id);
  }

  std::unique_ptr<service::RequestForms> forms;
  std::string case_id;
};

TEST_P(RequestFormTest, StepSavesKeepOneDraftAndSealAnswers) {
  service::DraftInput step;
  step.step = "concern";
  step.answers = {{"concern", "Trækker sig i frikvarteret"}, {"tried", "Legegrupper"}};
  forms->save_draft(teacher, case_id, step, now);
  forms->save_draft(teacher, case_id, step, now + 1);  // a double submit
  step.step = "parents";
  step.answers = {{"parents_view", "Genkender det"}};
  const auto view = forms->save_draft(leader, case_id, step, now + 2);
  EXPECT_EQ(view.version, 1);
  EXPECT_EQ(view.status, "draft");
  EXPECT_EQ(view.answers.at("concern"), "Trækker sig i frikvarteret");
  EXPECT_EQ(view.answers.at("parents_view"), "Genkender det");
  EXPECT_EQ(count("SELECT count(*) FROM request_forms"), 1);
  // Two saves that changed something: two timeline rows; the repeated one wrote none.
  EXPECT_EQ(count("SELECT count(*) FROM case_events WHERE kind = 'request_form_saved'"), 2);
  const auto sealed = m_db->acquire()->query("SELECT answers_encrypted FROM request_forms").rows.at(0).text(0);
  EXPECT_EQ(sealed.find("frikvarteret"), std::string::npos);
  EXPECT_EQ(sealed.rfind("v1:", 0), 0u);
}

TEST_P(RequestFormTest, StepValidationNamesTheFieldInDanish) {
  // The preset describes the form as data (models/common/request-form.yaml).
  ASSERT_TRUE(m_model->request_form.has_value());
  ASSERT_EQ(m_model->request_form->sections.size(), 4u);
  EXPECT_TRUE(m_model->request_form->field("tried")->required);
  service::DraftInput step;
  step.step = "concern";
  step.answers = {{"concern", ""}, {"tried", std::string(9000, 'x')}, {"bogus", "x"}};
  step.wished_meeting_type = "no_such_type";
  try {
    forms->save_draft(teacher, case_id, step, now);
    FAIL() << "expected Invalid";
  } catch (const service::Invalid& e) {
    EXPECT_EQ(e.fields.at("concern"), "Udfyld Hvad er bekymringen?");
    EXPECT_NE(e.fields.at("tried").find("8000"), std::string::npos);
    EXPECT_TRUE(e.fields.count("bogus"));
    EXPECT_TRUE(e.fields.count("wished_meeting_type"));
  }
  EXPECT_EQ(count("SELECT count(*) FROM request_forms"), 0);
}

TEST_P(RequestFormTest, CompletionNeedsRequiredFieldsChildPerspectiveParentsAndConfirmation) {
  service::DraftInput partial;
  partial.step = "concern";
  partial.answers = {{"concern", "x"}};
  partial.child_perspective = "not_obtained";
  forms->save_draft(teacher, case_id, partial, now);
  try {
    forms->complete(teacher, case_id, {{w.other_parent}, false, ""}, now + 1);
    FAIL() << "expected Invalid";
  } catch (const service::Invalid& e) {
    EXPECT_TRUE(e.fields.count("tried"));
    EXPECT_TRUE(e.fields.count("child_reason"));  // X2: why not obtained
    EXPECT_TRUE(e.fields.count("parents_present"));  // not a guardian of this child
    EXPECT_TRUE(e.fields.count("confirmed"));
  }
  EXPECT_EQ(status(), RequestFormStatus::missing);
  complete(now + 100);
  const auto view = forms->get(teacher, case_id, now + 200);
  EXPECT_EQ(view.status, "completed");
  EXPECT_TRUE(view.completed_with_parents);
  ASSERT_EQ(view.parents_present.size(), 1u);
  EXPECT_TRUE(view.may_start_new);
  EXPECT_FALSE(view.may_edit);
  EXPECT_THROW(forms->save_draft(teacher, case_id, full_draft(), now + 300), service::Conflict);
}

TEST_P(RequestFormTest, StatusFollowsTheLastHeldMeeting) {
  EXPECT_EQ(status(), RequestFormStatus::missing);
  complete(now + 100);
  EXPECT_EQ(status(), RequestFormStatus::new_or_updated);  // no meeting held yet
  hold_meeting(now + 1000);
  EXPECT_EQ(status(), RequestFormStatus::existing);
  {
    auto lease = m_db->acquire();
    EXPECT_EQ(service::request_form_status(*lease, "t1", case_id, std::nullopt), RequestFormStatus::new_or_updated);
    EXPECT_EQ(service::request_form_status(*lease, "t2", case_id, std::nullopt), RequestFormStatus::missing);
  }
  // R10: a new version started and completed after the meeting is new_or_updated.
  forms->start_new_version(teacher, case_id, "key-1", now + 2000);
  const auto again = forms->start_new_version(teacher, case_id, "key-1", now + 2001);  // double submit
  EXPECT_EQ(again.version, 2);
  EXPECT_EQ(count("SELECT count(*) FROM request_forms"), 2);
  EXPECT_EQ(status(), RequestFormStatus::existing);  // a draft does not count
  forms->complete(teacher, case_id, {{w.father}, true, ""}, now + 3000);
  EXPECT_EQ(status(), RequestFormStatus::new_or_updated);
}

TEST_P(RequestFormTest, GuardiansReadCompletedVersionsOnlyAndOutsidersGetNotFound) {
  service::DraftInput step;
  step.step = "concern";
  step.answers = {{"concern", "x"}};
  forms->save_draft(teacher, case_id, step, now);
  EXPECT_THROW(forms->get(mother, case_id, now), service::NotFound);
  EXPECT_THROW(forms->save_draft(mother, case_id, step, now), service::Forbidden);
  EXPECT_THROW(forms->get(stranger, case_id, now), service::NotFound);
  EXPECT_THROW(forms->get(foreign, case_id, now), service::NotFound);
  EXPECT_THROW(forms->get(other_parent, case_id, now), service::NotFound);
  EXPECT_THROW(forms->get(admin, case_id, now), service::NotFound);
  forms->save_draft(teacher, case_id, full_draft(), now + 1);
  forms->complete(teacher, case_id, {{w.mother, w.father}, true, ""}, now + 2);
  forms->start_new_version(teacher, case_id, "", now + 3);
  const auto seen = forms->get(mother, case_id, now + 4);
  EXPECT_EQ(seen.version, 1);  // the draft of version 2 is not shown
  EXPECT_EQ(seen.answers.at("concern"), "Trækker sig i frikvarteret");
  EXPECT_FALSE(seen.may_edit);
  EXPECT_GE(count("SELECT count(*) FROM audit_log WHERE object_type = 'request_form' AND action = 'read'"), 1);
}

TEST_P(RequestFormTest, AttachmentsByMagicBytesAndSizeSealedAtRest) {
  const std::string pdf = "%PDF-1.4\n% test\n";
  const auto info = forms->add_attachment(teacher, case_id, {"C:\\docs\\Udtalelse \"Alma\".pdf", pdf}, now);
  EXPECT_EQ(info.content_type, "application/pdf");
  EXPECT_EQ(info.name, "Udtalelse Alma.pdf");
  EXPECT_EQ(info.sha256, crypto::sha256_hex(pdf));
  const auto got = forms->attachment(teacher, case_id, info.id, now + 1);
  EXPECT_EQ(got.bytes, pdf);
  EXPECT_THROW(forms->add_attachment(teacher, case_id, {"virus.pdf", std::string("MZ\x90\x00", 4) + "xxxx"}, now),
               service::Invalid);
  EXPECT_THROW(forms->add_attachment(teacher, case_id, {"big.pdf", "%PDF-" + std::string(2000, 'x')}, now),
               service::Invalid);
  EXPECT_THROW(forms->add_attachment(foreign, case_id, {"a.pdf", pdf}, now), service::NotFound);
  EXPECT_THROW(forms->attachment(mother, case_id, info.id, now), service::NotFound);  // nothing completed yet
  EXPECT_EQ(count("SELECT count(*) FROM request_form_attachments"), 1);
  const auto row = m_db->acquire()->query("SELECT content_encrypted, name_encrypted FROM request_form_attachments");
  EXPECT_EQ(row.rows.at(0).text(0).find("PDF"), std::string::npos);
  EXPECT_EQ(row.rows.at(0).text(1).find("Alma"), std::string::npos);
  EXPECT_EQ(service::sniff_attachment_type("\x89PNG\r\n\x1a\nrest"), "image/png");
  EXPECT_EQ(service::sniff_attachment_type("\xff\xd8\xff\xe0"), "image/jpeg");
  EXPECT_EQ(service::sniff_attachment_type("PK\x03\x04...[Content_Types].xml...word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(service::sniff_attachment_type("PK\x03\x04 plain zip"), "");
}

INSTANTIATE_TEST_SUITE_P(Engines, RequestFormTest,
                         ::testing::Values(storage::Dialect::sqlite, storage::Dialect::postgresql),
                         storage::testing::engine_name);

}  // namespace
}  // namespace samspil::cases_testing
