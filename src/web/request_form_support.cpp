#include "web/request_form_support.hpp"

#include <cctype>

#include "web/views.hpp"

namespace samspil::web {

void fill_request_form_view(ctemplate::TemplateDictionary& outer, const Views& views,
                            const service::RequestFormView& view, const std::string& attachment_base) {
  ctemplate::TemplateDictionary& body = *outer.AddIncludeDictionary("FORM_VIEW");
  body.SetFilename("cases/request_form_view.tpl");
  body.SetIntValue("version", view.version);
  body.SetValue("status", views.t(view.status == "completed" ? "rf_status_completed" : "rf_status_draft"));
  if (view.completed_at_ms) {
    auto* done = body.AddSectionDictionary("COMPLETED");
    done->SetValue("completed_at", danish_time(*view.completed_at_ms));
    done->SetValue("completed_by", view.completed_by_name);
    std::string present;
    for (const auto& name : view.parents_present) present += (present.empty() ? "" : ", ") + name;
    done->SetValue("parents_present", present);
  }
  for (const auto& section : view.format.sections) {
    auto* s = body.AddSectionDictionary("SECTION");
    s->SetValue("title", section.title);
    for (const auto& f : section.fields) {
      auto* a = s->AddSectionDictionary("ANSWER");
      a->SetValue("label", f.label);
      const auto it = view.answers.find(f.id);
      if (it != view.answers.end() && !it->second.empty()) a->SetValueAndShowSection("text", it->second, "TEXT");
      else a->ShowSection("EMPTY");
    }
    if (section.id == "child") {
      auto* a = s->AddSectionDictionary("ANSWER");
      a->SetValue("label", views.t("rf_child_perspective_label"));
      std::string text = view.child_perspective == "obtained"       ? views.t("rf_child_obtained")
                         : view.child_perspective == "not_obtained" ? views.t("rf_child_not_obtained")
                                                                    : "";
      if (view.child_perspective == "not_obtained") {
        const auto it = view.answers.find("child_reason");
        if (it != view.answers.end()) text += ": " + it->second;
      }
      if (!text.empty()) a->SetValueAndShowSection("text", text, "TEXT");
      else a->ShowSection("EMPTY");
    }
    if (section.id == "meeting") {
      auto* a = s->AddSectionDictionary("ANSWER");
      a->SetValue("label", views.t("rf_meeting_type_label"));
      if (!view.wished_meeting_type_name.empty())
        a->SetValueAndShowSection("text", view.wished_meeting_type_name, "TEXT");
      else a->ShowSection("EMPTY");
    }
  }
  for (const auto& att : view.attachments) {
    auto* a = body.AddSectionDictionary("ATTACHMENT");
    a->SetValue("name", att.name);
    a->SetValue("href", attachment_base + "/" + att.id);
    a->SetIntValue("size_kb", static_cast<long>((att.size_bytes + 1023) / 1024));
    a->SetValue("uploaded", danish_date(att.uploaded_at_ms));
  }
  if (view.attachments.empty()) body.ShowSection("NO_ATTACHMENTS");
}

}  // namespace samspil::web
