// The request form as PDF/A for the parents (R4.3 "handed to them") and staff: the service
// fills a generic pdf::Document; src/pdf renders it.
#include <chrono>

#include "pdf/document.hpp"
#include "service/audit/audit.hpp"
#include "service/request_forms/request_forms_internal.hpp"
#include "storage/tenant_store.hpp"

namespace samspil::service {

using namespace request_forms_detail;

namespace {

std::string date_text(std::int64_t ms) {
  // Copenhagen time is the web layer's; the PDF states the UTC date to stay dependency-free.
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_time<std::chrono::milliseconds>(
      std::chrono::milliseconds(ms)));
  const std::chrono::year_month_day d{days};
  return std::to_string(static_cast<unsigned>(d.day())) + "." + std::to_string(static_cast<unsigned>(d.month())) +
         "." + std::to_string(static_cast<int>(d.year()));
}

pdf::Document document_of(const RequestFormView& view, const std::string& issuer) {
  pdf::Document doc;
  doc.issuer = issuer;
  doc.title = "Anmodningsskema";
  doc.subtitle = view.case_title;
  doc.ascii_title = "Anmodningsskema";
  doc.footer = "Fortroligt - indeholder personoplysninger";
  doc.facts.push_back({"Version", std::to_string(view.version)});
  doc.facts.push_back({"Status", view.status == "completed" ? "Udfyldt sammen med forældrene" : "Kladde"});
  if (view.completed_at_ms) {
    doc.facts.push_back({"Udfyldt", date_text(*view.completed_at_ms)});
    std::string present;
    for (const auto& p : view.parents_present) present += (present.empty() ? "" : ", ") + p;
    doc.facts.push_back({"Forældre til stede", present});
  }
  for (const auto& section : view.format.sections) {
    pdf::Section s;
    s.heading = section.title;
    for (const auto& f : section.fields) {
      const auto it = view.answers.find(f.id);
      s.fields.push_back({f.label, it != view.answers.end() && !it->second.empty() ? it->second : "Ikke udfyldt"});
    }
    if (section.id == "child") {
      std::string text = view.child_perspective == "obtained"       ? "Undersøgt"
                         : view.child_perspective == "not_obtained" ? "Ikke undersøgt"
                                                                    : "Ikke udfyldt";
      if (view.child_perspective == "not_obtained") {
        const auto it = view.answers.find("child_reason");
        if (it != view.answers.end()) text += ": " + it->second;
      }
      s.fields.push_back({"Barnets perspektiv", text});
    }
    if (section.id == "meeting") {
      s.fields.push_back({"Ønsket mødetype",
                          view.wished_meeting_type_name.empty() ? "Ikke valgt" : view.wished_meeting_type_name});
    }
    doc.sections.push_back(std::move(s));
  }
  if (!view.attachments.empty()) {
    pdf::Section s;
    s.heading = "Bilag";
    s.table.header = {"Fil", "Størrelse"};
    for (const auto& a : view.attachments) {
      s.table.rows.push_back({a.name, std::to_string((a.size_bytes + 1023) / 1024) + " kB"});
    }
    doc.sections.push_back(std::move(s));
  }
  return doc;
}

}  // namespace

std::string RequestForms::pdf(const Actor& actor, const std::string& case_id, std::int64_t now_ms) {
  const auto [view, issuer] = m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    auto v = build_view(conn, m_config, actor, reached);
    if (!v.exists) throw NotFound("Anmodningsskemaet findes ikke");
    audit::record(conn, actor,
                  audit::Entry{audit::Action::export_data, "request_form", v.id, reached.record.child_id,
                               purpose(actor), ""},
                  now_ms);
    const auto tenant = storage::find_tenant(conn, actor.tenant);
    return std::make_pair(std::move(v), tenant ? tenant->name : std::string());
  });
  // Rendered outside the transaction: Ghostscript takes a while and needs no connection.
  try {
    return pdf::render_pdfa(document_of(view, issuer));
  } catch (const pdf::PdfError& e) {
    throw PdfUnavailable(e.what());
  }
}

}  // namespace samspil::service
