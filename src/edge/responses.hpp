#pragma once
// Response helpers the pages and the API share for personal data.
#include <string>

#include "http/message.hpp"

namespace samspil::edge {

// Marks a response as personal data: never cached.
http::Response no_store(http::Response response);
// A download: Content-Disposition attachment with the (sanitised) name, no-store, nosniff.
http::Response download(const std::string& bytes, const std::string& content_type, const std::string& file_name);

}  // namespace samspil::edge
