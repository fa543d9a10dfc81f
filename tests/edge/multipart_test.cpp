// web/multipart: the upload parser is bounded and fails closed on anything malformed.
#include <gtest/gtest.h>

#include "edge/multipart.hpp"

namespace samspil::edge {
namespace {

using namespace std::string_literals;

const std::string kBody =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
    "tok\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"Udtalelse \\\"A\\\".pdf\"\r\n"
    "Content-Type: application/pdf\r\n\r\n"
    "%PDF-1.4\r\n\x00\xff binary\r\n"
    "--XyZ--\r\n"s;

TEST(RequestFormMultipart, ParsesFieldsAndBinaryFiles) {
  const std::string& body = kBody;
  const auto parts = parse_multipart(body, "XyZ");
  ASSERT_TRUE(parts.has_value());
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ(find_part(*parts, "csrf_token")->data, "tok");
  const auto* file = find_part(*parts, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "Udtalelse \"A\".pdf");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->data, std::string("%PDF-1.4\r\n\x00\xff binary", 19));
  EXPECT_EQ(find_part(*parts, "missing"), nullptr);
}

TEST(RequestFormMultipart, BoundaryOnlyFromMultipartFormData) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc").value_or(""), "abc");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"").value_or(""), "a b");
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));
}

TEST(RequestFormMultipart, MalformedOrTooManyPartsFailClosed) {
  EXPECT_FALSE(parse_multipart("garbage", "XyZ"));
  EXPECT_FALSE(parse_multipart("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", "XyZ"));
  EXPECT_FALSE(parse_multipart("--XyZ\r\nX-Other: 1\r\n\r\nv\r\n--XyZ--\r\n", "XyZ"));  // no disposition
  std::string many;
  for (int i = 0; i < 30; ++i) many += "--B\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
  many += "--B--\r\n";
  EXPECT_FALSE(parse_multipart(many, "B"));
  EXPECT_TRUE(parse_multipart(many, "B", {.max_parts = 40}));
  std::string long_header = "--B\r\nContent-Disposition: form-data; name=\"" + std::string(3000, 'n') + "\"\r\n\r\nv\r\n--B--\r\n";
  EXPECT_FALSE(parse_multipart(long_header, "B"));
}

}  // namespace
}  // namespace samspil::edge
