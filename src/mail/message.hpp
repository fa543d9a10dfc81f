#pragma once
// RFC 5322 / MIME messages: UTF-8 headers as RFC 2047 encoded words, a text/plain part and
// optionally further alternative parts (e.g. text/calendar for meeting invitations), which
// make the body multipart/alternative with the text part first.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samspil::mail {

struct Part {
  std::string content_type;  // e.g. "text/calendar; charset=utf-8; method=REQUEST"
  std::string content;       // sent base64-encoded
};

// A file sent with the message (e.g. the agreement as PDF/A). With attachments the message
// is multipart/mixed: the body (text or multipart/alternative) first, then each file.
struct Attachment {
  std::string filename;      // ASCII, e.g. "aftale.pdf"
  std::string content_type;  // e.g. "application/pdf"
  std::string content;       // raw bytes; sent base64-encoded
};

struct Message {
  std::string from;               // "Name <addr@x>" or "addr@x"
  std::vector<std::string> to;    // addresses (display names allowed)
  std::string subject;            // UTF-8
  std::string text;               // UTF-8 plain text
  std::vector<Part> alternatives; // further renderings of the same content
  std::string message_id;         // without <>; generated when empty
  std::vector<Attachment> attachments = {};  // sent as multipart/mixed after the body
};

// The whole message as sent over SMTP (CRLF line ends), with Date at unix_ms.
std::string render(const Message& message, std::int64_t unix_ms);
// Standard base64 (RFC 4648, with padding, no line breaks).
std::string base64_encode(const std::string& bytes);
// Decodes standard base64 (padding optional, whitespace ignored); nullopt when malformed.
std::optional<std::string> base64_decode(std::string_view text);
// The bare address of "Name <addr>" or "addr" (for the SMTP envelope).
std::string envelope_address(const std::string& mailbox);
// RFC 2047 "B" encoded words for a header value with non-ASCII text (else the text itself).
std::string encode_header(const std::string& value);

}  // namespace samspil::mail
