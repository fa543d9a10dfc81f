#pragma once
// multipart/form-data (RFC 7578) for file uploads: parsed in memory from the already
// bounded request body (the server's --body-limit), no temporary files. Bounded in parts,
// header size and names; anything malformed yields nullopt so callers fail closed.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace samspil::edge {

struct MultipartPart {
  std::string name;          // the form field name
  std::string filename;      // "" for ordinary fields
  std::string content_type;  // as sent by the client (never trusted for files)
  std::string data;
};

struct MultipartLimits {
  std::size_t max_parts = 20;
  std::size_t max_header_bytes = 2048;  // per part
};

// The boundary parameter of a multipart/form-data Content-Type; nullopt for anything else.
std::optional<std::string> multipart_boundary(std::string_view content_type);
// Parses a body with the given boundary; nullopt when malformed or over the limits.
std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view body, std::string_view boundary,
                                                          const MultipartLimits& limits = {});
// The request's parts; nullopt when it is not multipart/form-data or does not parse.
std::optional<std::vector<MultipartPart>> read_multipart(const http::Request& request,
                                                         const MultipartLimits& limits = {});
// The first part with this name, or nullptr.
const MultipartPart* find_part(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace samspil::edge
