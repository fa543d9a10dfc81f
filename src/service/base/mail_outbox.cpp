#include "service/base/mail_outbox.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <stdexcept>

#include "storage/user_store_admin.hpp"

namespace samspil::service::mail_outbox {

void enqueue(storage::Connection& conn, const std::optional<std::string>& tenant, const Mail& mail,
             std::int64_t now_ms) {
  nlohmann::json payload{{"to", mail.to}, {"subject", mail.subject}, {"text", mail.text}};
  if (!mail.alternatives.empty()) {
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : mail.alternatives) parts.push_back({{"content_type", p.content_type}, {"content", p.content}});
    payload["alternatives"] = parts;
  }
  if (!mail.attachments.empty()) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& a : mail.attachments)
      files.push_back({{"filename", a.filename}, {"content_type", a.content_type},
                       {"content_base64", mail::base64_encode(a.content)}});
    payload["attachments"] = files;
  }
  jobs::enqueue(conn, jobs::NewJob{kJobKind, payload.dump(), tenant, 0, 8}, now_ms);
}

mail::Message message_from_payload(const std::string& payload, const std::string& from) {
  const auto json = nlohmann::json::parse(payload, nullptr, false);
  if (!json.is_object()) throw std::invalid_argument("mail.send: payload is not a JSON object");
  mail::Message m;
  m.from = from;
  const auto& to = json.value("to", nlohmann::json());
  if (to.is_string()) {
    m.to.push_back(to.get<std::string>());
  } else if (to.is_array()) {
    for (const auto& t : to) {
      if (t.is_string()) m.to.push_back(t.get<std::string>());
    }
  }
  if (m.to.empty()) throw std::invalid_argument("mail.send: no recipient");
  m.subject = json.value("subject", std::string());
  m.text = json.value("text", std::string());
  if (const auto it = json.find("alternatives"); it != json.end() && it->is_array()) {
    for (const auto& p : *it) {
      m.alternatives.push_back({p.value("content_type", std::string("text/plain; charset=utf-8")),
                                p.value("content", std::string())});
    }
  }
  if (const auto it = json.find("attachments"); it != json.end() && it->is_array()) {
    for (const auto& a : *it) {
      auto bytes = mail::base64_decode(a.value("content_base64", std::string()));
      if (!bytes) throw std::invalid_argument("mail.send: attachment is not base64");
      m.attachments.push_back({a.value("filename", std::string("bilag")),
                               a.value("content_type", std::string("application/octet-stream")), std::move(*bytes)});
    }
  }
  return m;
}

void enqueue_to_user(storage::Connection& conn, const std::string& tenant, const std::string& user_id,
                     const std::string& subject, const std::string& text, std::int64_t now_ms) {
  const auto user = storage::find_user_record(conn, tenant, user_id);
  if (!user || user->email.empty() || user->disabled_at_ms) return;
  const nlohmann::json payload{{"to", user->email}, {"subject", subject}, {"text", text}};
  jobs::enqueue(conn, jobs::NewJob{kJobKind, payload.dump(), tenant, 0, 8}, now_ms);
}

void register_handler(jobs::Worker& worker, const Settings& settings) {
  worker.register_handler(kJobKind, [settings](storage::Connection&, const jobs::Job& job) {
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    // A stable Message-ID per job, so a re-delivery after a crash is recognisable as the same mail.
    mail::Message message = message_from_payload(job.payload, settings.from);
    const std::string from = mail::envelope_address(settings.from);
    const auto at = from.find('@');
    message.message_id = "job-" + std::to_string(job.id) + "@" + (at == std::string::npos ? "samspil.invalid" : from.substr(at + 1));
    mail::send(settings.smtp, message, now);
  });
}

}  // namespace samspil::service::mail_outbox
