#pragma once
// E-mail goes through the job outbox: a use case enqueues a "mail.send" job in its own
// transaction (so a mail leaves only if the change committed); a worker delivers it over
// SMTP and retries with back-off. Payload JSON: {"to": "a@x" | ["a@x", …], "subject": "…",
// "text": "…", "alternatives": [{"content_type": "text/calendar; method=REQUEST", "content": "…"}],
// "attachments": [{"filename": "aftale.pdf", "content_type": "application/pdf", "content_base64": "…"}]}.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobs/queue.hpp"
#include "mail/message.hpp"
#include "mail/smtp.hpp"
#include "storage/database.hpp"

namespace samspil::service::mail_outbox {

constexpr const char* kJobKind = "mail.send";

struct Settings {
  mail::SmtpSettings smtp;
  std::string from = "Samspil <noreply@samspil.invalid>";
};

struct Mail {
  std::vector<std::string> to;
  std::string subject;
  std::string text;
  std::vector<mail::Part> alternatives;
  std::vector<mail::Attachment> attachments = {};  // raw bytes; base64 in the payload
};

// Enqueues one mail in the caller's transaction.
void enqueue(storage::Connection& conn, const std::optional<std::string>& tenant, const Mail& mail, std::int64_t now_ms);
// Enqueues one plain-text mail to a user of the tenant, in the caller's transaction; does
// nothing for a user without an e-mail address or a disabled one.
void enqueue_to_user(storage::Connection& conn, const std::string& tenant, const std::string& user_id,
                     const std::string& subject, const std::string& text, std::int64_t now_ms);
// Registers the "mail.send" handler on a worker (serve's job threads, `samspil jobs work`).
void register_handler(jobs::Worker& worker, const Settings& settings);
// The message a job's payload describes; throws std::invalid_argument for a malformed payload.
mail::Message message_from_payload(const std::string& payload, const std::string& from);

}  // namespace samspil::service::mail_outbox
