#pragma once
// Static files (CSS, JS, fonts, images) from one directory, read once and kept in memory:
// files are immutable while the server runs, so a hit costs no system call. Strong ETags,
// If-None-Match → 304, long-lived caching for content-hashed names, and pre-compressed
// ".gz" siblings for clients that accept gzip. No Beast here.
#include <filesystem>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/message.hpp"

namespace samspil::http {

class StaticFiles {
 public:
  // Serves files under `root` at URL paths starting with `prefix` (e.g. "/static/").
  StaticFiles(std::filesystem::path root, std::string prefix);

  // True when this path belongs to the static prefix (and a directory is configured).
  bool handles(std::string_view path) const;
  // Answers a GET/HEAD for a static path; 404 for anything missing or outside the root.
  Response serve(const Request& request);

  // The Content-Type for a file name, by extension.
  static std::string_view content_type_for(std::string_view filename);
  // True when a file name carries a content hash ("app.3f9a0c1d.css"), so it may be cached
  // for a year.
  static bool is_hashed_name(std::string_view filename);

 private:
  struct Variant {
    std::shared_ptr<const std::string> body;
    std::string etag;
  };
  struct Entry {
    Variant plain;
    std::shared_ptr<const Variant> gzip;  // null when no ".gz" sibling exists
    std::string content_type;
    std::string cache_control;
  };

  std::shared_ptr<const Entry> load(const std::string& relative);

  std::filesystem::path m_root;  // canonical, or empty when unusable
  std::string m_prefix;
  std::shared_mutex m_mutex;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> m_cache;
};

}  // namespace samspil::http
