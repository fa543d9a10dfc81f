#include "edge/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace samspil::edge {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of a parameter (name="value" or name=token) in a header value; nullopt if absent.
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    const std::size_t semi = header.find(';', pos);
    if (semi == std::string_view::npos) return std::nullopt;
    pos = semi + 1;
    std::string_view rest = trim(header.substr(pos));
    const std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos) continue;
    if (lower(trim(rest.substr(0, eq))) != name) continue;
    std::string_view value = rest.substr(eq + 1);
    if (!value.empty() && value.front() == '"') {
      std::string out;
      for (std::size_t i = 1; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
          out.push_back(value[++i]);
        } else if (value[i] == '"') {
          return out;
        } else {
          out.push_back(value[i]);
        }
      }
      return std::nullopt;  // unterminated quote
    }
    const std::size_t end = value.find(';');
    return std::string(trim(value.substr(0, end)));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  const std::size_t semi = content_type.find(';');
  if (lower(trim(content_type.substr(0, semi))) != "multipart/form-data") return std::nullopt;
  auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view body, std::string_view boundary,
                                                          const MultipartLimits& limits) {
  const std::string delimiter = "--" + std::string(boundary);
  const std::string separator = "\r\n" + delimiter;
  if (body.substr(0, delimiter.size()) != delimiter) return std::nullopt;
  std::size_t pos = delimiter.size();
  std::vector<MultipartPart> parts;
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos || headers_end - pos > limits.max_header_bytes) return std::nullopt;
    MultipartPart part;
    bool has_disposition = false;
    std::string_view headers = body.substr(pos, headers_end - pos);
    while (!headers.empty()) {
      const std::size_t eol = headers.find("\r\n");
      const std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      const std::string name = lower(trim(line.substr(0, colon)));
      const std::string_view value = trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        if (lower(value.substr(0, value.find(';'))) != "form-data") return std::nullopt;
        auto field = parameter(value, "name");
        if (!field) return std::nullopt;
        part.name = *field;
        part.filename = parameter(value, "filename").value_or("");
        has_disposition = true;
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    if (!has_disposition) return std::nullopt;
    pos = headers_end + 4;
    const std::size_t end = body.find(separator, pos);
    if (end == std::string_view::npos) return std::nullopt;
    part.data = std::string(body.substr(pos, end - pos));
    parts.push_back(std::move(part));
    if (parts.size() > limits.max_parts) return std::nullopt;
    pos = end + separator.size();
  }
}

std::optional<std::vector<MultipartPart>> read_multipart(const http::Request& request, const MultipartLimits& limits) {
  const auto boundary = multipart_boundary(request.header("content-type"));
  if (!boundary) return std::nullopt;
  return parse_multipart(request.body, *boundary, limits);
}

const MultipartPart* find_part(const std::vector<MultipartPart>& parts, std::string_view name) {
  for (const auto& p : parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace samspil::edge
