#pragma once
// Delivery over SMTP with libcurl: smtp://host:port (STARTTLS used when offered; required
// with require_tls) or smtps://host:port; user and password may be in the URL.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "mail/message.hpp"

namespace samspil::mail {

struct SmtpSettings {
  std::string url;           // smtp://localhost:2525
  bool require_tls = false;  // refuse to send without STARTTLS (smtp://) — smtps:// always is TLS
  long timeout_seconds = 30;
};

// A delivery that failed (connection, refusal, timeout); the text carries no message content.
struct DeliveryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Sends the message to every recipient in message.to; throws DeliveryError.
void send(const SmtpSettings& settings, const Message& message, std::int64_t unix_ms);

}  // namespace samspil::mail
