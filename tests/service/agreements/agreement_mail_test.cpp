// Mail attachments: a message with a file is multipart/mixed with the body first and the
// file base64-encoded with its name; the outbox payload carries it as base64 and back.
#include <gtest/gtest.h>

#include "mail/message.hpp"
#include "service/base/mail_outbox.hpp"

namespace samspil {
namespace {

TEST(LiveMailAttachment, Base64RoundTripAndRejectsGarbage) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t n : {0u, 1u, 2u, 3u, 256u}) {
    const auto encoded = mail::base64_encode(bytes.substr(0, n));
    EXPECT_EQ(mail::base64_decode(encoded), bytes.substr(0, n));
  }
  EXPECT_EQ(mail::base64_decode("aGVq\r\nc2E="), "hejsa");
  EXPECT_FALSE(mail::base64_decode("a*b=").has_value());
  EXPECT_FALSE(mail::base64_decode("aGVq=c2E").has_value());
}

TEST(LiveMailAttachment, MultipartMixedWithTheBodyFirst) {
  mail::Message m;
  m.from = "Samspil <noreply@samspil.test>";
  m.to = {"mor@example.dk"};
  m.subject = "Aftale fra dialogmøde";
  m.text = "Hej";
  m.attachments.push_back({"aftale.pdf", "application/pdf", std::string("%PDF-1.7\0binary", 15)});
  const std::string raw = mail::render(m, 0);
  const auto mixed = raw.find("Content-Type: multipart/mixed; boundary=");
  ASSERT_NE(mixed, std::string::npos);
  const auto text = raw.find("Content-Type: text/plain; charset=utf-8");
  const auto file = raw.find("Content-Disposition: attachment; filename=\"aftale.pdf\"");
  ASSERT_NE(text, std::string::npos);
  ASSERT_NE(file, std::string::npos);
  EXPECT_LT(mixed, text);
  EXPECT_LT(text, file);
  EXPECT_NE(raw.find(mail::base64_encode(std::string("%PDF-1.7\0binary", 15))), std::string::npos);
  // Without attachments nothing changes: a single text part.
  m.attachments.clear();
  EXPECT_EQ(mail::render(m, 0).find("multipart/mixed"), std::string::npos);
}

TEST(LiveMailAttachment, OutboxPayloadCarriesTheFile) {
  const std::string payload =
      R"({"to":"a@example.dk","subject":"S","text":"T","attachments":[{"filename":"aftale.pdf","content_type":"application/pdf","content_base64":")" +
      mail::base64_encode("PDFBYTES") + R"("}]})";
  const auto m = service::mail_outbox::message_from_payload(payload, "x@example.dk");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].content, "PDFBYTES");
  EXPECT_EQ(m.attachments[0].filename, "aftale.pdf");
  EXPECT_THROW(service::mail_outbox::message_from_payload(
                   R"({"to":"a@example.dk","attachments":[{"content_base64":"***"}]})", "x@example.dk"),
               std::invalid_argument);
}

}  // namespace
}  // namespace samspil
