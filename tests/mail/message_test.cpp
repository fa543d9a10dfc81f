// MIME rendering: RFC 2047 encoded words for Danish headers, base64 bodies, and
// multipart/alternative with the text part first when alternatives are given.
#include <gtest/gtest.h>

#include "mail/message.hpp"

namespace mail = samspil::mail;

TEST(MailMessage, AsciiHeaderStaysAndDanishIsEncoded) {
  EXPECT_EQ(mail::encode_header("Hello"), "Hello");
  EXPECT_EQ(mail::encode_header("Møde"), "=?UTF-8?B?TcO4ZGU=?=");
  // Line breaks never reach a header (injection).
  EXPECT_EQ(mail::encode_header("a\r\nBcc: x@y"), "a  Bcc: x@y");
  // Long values are split into several encoded words of at most 75 characters, whole characters each.
  const std::string long_danish(40, 'a');
  const std::string encoded = mail::encode_header(long_danish + "æøå" + long_danish);
  std::size_t start = 0;
  while (start < encoded.size()) {
    const auto end = encoded.find("\r\n ", start);
    const std::string word = encoded.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(word.size(), 75u) << word;
    EXPECT_EQ(word.rfind("=?UTF-8?B?", 0), 0u);
    if (end == std::string::npos) break;
    start = end + 3;
  }
}

TEST(MailMessage, EnvelopeAddress) {
  EXPECT_EQ(mail::envelope_address("Samspil <noreply@x.dk>"), "noreply@x.dk");
  EXPECT_EQ(mail::envelope_address("a@b.dk"), "a@b.dk");
}

TEST(MailMessage, SinglePartAndMultipartAlternative) {
  mail::Message m{"Samspil Kommune <noreply@kommune.dk>", {"pia@x.dk"}, "Nulstil adgangskode", "Hej Pia", {}, "id-1@kommune.dk"};
  const std::string single = mail::render(m, 0);
  EXPECT_NE(single.find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(single.find("Message-ID: <id-1@kommune.dk>\r\n"), std::string::npos);
  EXPECT_NE(single.find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(single.find("\r\n\r\nSGVqIFBpYQ==\r\n"), std::string::npos);  // base64("Hej Pia")
  EXPECT_EQ(single.find("multipart"), std::string::npos);

  m.alternatives.push_back({"text/calendar; charset=utf-8; method=REQUEST", "BEGIN:VCALENDAR"});
  const std::string multi = mail::render(m, 0);
  const auto boundary_at = multi.find("boundary=\"");
  ASSERT_NE(boundary_at, std::string::npos);
  const std::string boundary = multi.substr(boundary_at + 10, multi.find('"', boundary_at + 10) - boundary_at - 10);
  const auto text_part = multi.find("--" + boundary + "\r\nContent-Type: text/plain");
  const auto calendar_part = multi.find("--" + boundary + "\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST");
  EXPECT_NE(text_part, std::string::npos);
  EXPECT_NE(calendar_part, std::string::npos);
  EXPECT_LT(text_part, calendar_part);
  EXPECT_NE(multi.find("--" + boundary + "--\r\n"), std::string::npos);
}
