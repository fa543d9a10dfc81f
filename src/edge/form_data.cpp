#include "edge/form_data.hpp"

#include <algorithm>
#include <cctype>

namespace samspil::edge {

namespace {

const std::string kEmpty;

std::string_view trim_view(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == s.npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong encodings, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    i += len;
  }
  return true;
}

std::optional<FormData> FormData::parse(std::string_view body, const FormLimits& limits) {
  if (body.size() > limits.max_bytes) return std::nullopt;
  FormData form;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    const std::size_t amp = std::min(body.find('&', pos), body.size());
    const std::string_view pair = body.substr(pos, amp - pos);
    pos = amp + 1;
    if (pair.empty()) {
      if (amp == body.size()) break;
      continue;
    }
    if (form.m_fields.size() >= limits.max_fields) return std::nullopt;
    const std::size_t eq = pair.find('=');
    auto name = http::percent_decode(pair.substr(0, eq), /*plus_as_space=*/true);
    auto value = http::percent_decode(eq == pair.npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!name || !value || name->empty() || !is_valid_utf8(*name) || !is_valid_utf8(*value)) return std::nullopt;
    form.m_fields.emplace_back(std::move(*name), std::move(*value));
    if (amp == body.size()) break;
  }
  return form;
}

const std::string& FormData::get(std::string_view name) const {
  for (const auto& [n, v] : m_fields) {
    if (n == name) return v;
  }
  return kEmpty;
}

std::string FormData::trimmed(std::string_view name) const { return std::string(trim_view(get(name))); }

std::vector<std::string> FormData::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : m_fields) {
    if (n == name) out.push_back(v);
  }
  return out;
}

bool FormData::has(std::string_view name) const {
  return std::any_of(m_fields.begin(), m_fields.end(), [&](const auto& f) { return f.first == name; });
}

std::optional<FormData> read_form(const http::Request& request, const FormLimits& limits) {
  // Media type parameters (charset) are allowed; the media type itself must match.
  std::string type = request.header("content-type");
  type = std::string(trim_view(type.substr(0, type.find(';'))));
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  if (type != "application/x-www-form-urlencoded") return std::nullopt;
  return FormData::parse(request.body, limits);
}

}  // namespace samspil::edge
