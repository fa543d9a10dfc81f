#include "mail/message.hpp"

#include <ctime>
#include <random>

namespace samspil::mail {

namespace {

std::string base64(const std::string& in) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += table[v & 63];
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

// Base64 in lines of 76 characters (RFC 2045).
std::string base64_lines(const std::string& in) {
  const std::string encoded = base64(in);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

bool is_ascii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || c == '\r' || c == '\n') return false;
  }
  return true;
}

// Header values never contain line breaks (header injection).
std::string single_line(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

std::string random_hex(std::size_t n) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += hex[rng() & 15];
  return out;
}

std::string rfc5322_date(std::int64_t unix_ms) {
  const std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

// "Name <addr>" with the display name encoded when it is not ASCII.
std::string encode_mailbox(const std::string& mailbox) {
  const auto lt = mailbox.find('<');
  if (lt == std::string::npos || lt == 0) return single_line(mailbox);
  std::string name = mailbox.substr(0, lt);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return encode_header(name) + " " + single_line(mailbox.substr(lt));
}

}  // namespace

std::string base64_encode(const std::string& bytes) { return base64(bytes); }

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  bool padding = false;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else if (c == '=') { padding = true; continue; }
    else if (c == ' ' || c == '\r' || c == '\n' || c == '\t') continue;
    else return std::nullopt;
    if (padding) return std::nullopt;  // data after '='
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  if (bits >= 6) return std::nullopt;  // a lone trailing character
  return out;
}

std::string encode_header(const std::string& raw) {
  const std::string value = single_line(raw);
  if (is_ascii(value)) return value;
  // Encoded words of at most 75 characters, each holding whole UTF-8 characters (RFC 2047 §5).
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t end = i;
    while (end < value.size()) {
      std::size_t next = end + 1;
      while (next < value.size() && (static_cast<unsigned char>(value[next]) & 0xC0) == 0x80) ++next;
      if ((next - i + 2) / 3 * 4 > 45) break;
      end = next;
    }
    if (end == i) end = i + 1;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(value.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string envelope_address(const std::string& mailbox) {
  const auto lt = mailbox.find('<');
  const auto gt = mailbox.find('>', lt == std::string::npos ? 0 : lt);
  if (lt != std::string::npos && gt != std::string::npos) return mailbox.substr(lt + 1, gt - lt - 1);
  return mailbox;
}

std::string render(const Message& m, std::int64_t unix_ms) {
  std::string out;
  out += "Date: " + rfc5322_date(unix_ms) + "\r\n";
  out += "From: " + encode_mailbox(m.from) + "\r\n";
  std::string to;
  for (const auto& t : m.to) to += (to.empty() ? "" : ", ") + encode_mailbox(t);
  out += "To: " + to + "\r\n";
  out += "Subject: " + encode_header(m.subject) + "\r\n";
  const std::string domain = [&] {
    const std::string from = envelope_address(m.from);
    const auto at = from.find('@');
    return at == std::string::npos ? std::string("samspil.invalid") : from.substr(at + 1);
  }();
  out += "Message-ID: <" + (m.message_id.empty() ? random_hex(32) + "@" + domain : single_line(m.message_id)) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  // The body entity: its headers and content (text alone, or multipart/alternative).
  const std::string text_headers = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n";
  std::string body;
  if (m.alternatives.empty()) {
    body = text_headers + "\r\n" + base64_lines(m.text);
  } else {
    const std::string boundary = "=_samspil_" + random_hex(24);
    body = "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
    body += "--" + boundary + "\r\n" + text_headers + "\r\n" + base64_lines(m.text);
    for (const Part& p : m.alternatives) {
      body += "--" + boundary + "\r\nContent-Type: " + single_line(p.content_type) +
              "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64_lines(p.content);
    }
    body += "--" + boundary + "--\r\n";
  }
  if (m.attachments.empty()) return out + body;
  const std::string mixed = "=_samspil_mixed_" + random_hex(24);
  out += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
  out += "--" + mixed + "\r\n" + body;
  for (const Attachment& a : m.attachments) {
    std::string name;
    for (char c : single_line(a.filename))
      if (c != '"' && c != '\\' && static_cast<unsigned char>(c) < 0x80) name += c;
    out += "--" + mixed + "\r\nContent-Type: " + single_line(a.content_type) + "; name=\"" + name +
           "\"\r\nContent-Disposition: attachment; filename=\"" + name +
           "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64_lines(a.content);
  }
  out += "--" + mixed + "--\r\n";
  return out;
}

}  // namespace samspil::mail
