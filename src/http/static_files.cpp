// Static files. A path is checked twice against escaping the root: lexically (no "..",
// ".", empty or hidden segments, no backslash) and after resolving symlinks (the canonical
// file must lie inside the canonical root).
#include "http/static_files.hpp"

#include <array>
#include <fstream>
#include <mutex>
#include <sstream>

#include <fmt/format.h>
#include <sodium.h>

namespace samspil::http {
namespace {

constexpr std::uintmax_t max_file_size = 64 * 1024 * 1024;

bool safe_relative(std::string_view rel) {
  if (rel.empty() || rel.front() == '/') return false;
  if (rel.find('\\') != std::string_view::npos || rel.find('\0') != std::string_view::npos)
    return false;
  std::size_t start = 0;
  for (;;) {
    std::size_t slash = rel.find('/', start);
    std::string_view seg = rel.substr(start, slash == std::string_view::npos ? rel.npos : slash - start);
    // Also refuses "." and ".." and hidden files such as ".env".
    if (seg.empty() || seg.front() == '.') return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

bool inside(const std::filesystem::path& root, const std::filesystem::path& file) {
  auto r = root.begin();
  auto f = file.begin();
  for (; r != root.end(); ++r, ++f) {
    if (f == file.end() || *r != *f) return false;
  }
  return f != file.end();
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  auto size = std::filesystem::file_size(path, ec);
  if (ec || size > max_file_size) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) return std::nullopt;
  return data;
}

// A strong ETag from a BLAKE2b hash of the bytes, so it changes exactly when they do.
std::string etag_for(const std::string& data) {
  std::array<unsigned char, 16> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return fmt::format("\"{}\"", hex.data());
}

bool accepts_gzip(std::string_view header) {
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t comma = header.find(',', start);
    std::string_view item = header.substr(start, comma == header.npos ? header.npos : comma - start);
    start = comma == header.npos ? header.size() : comma + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::size_t semi = item.find(';');
    std::string_view coding = item.substr(0, semi);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    if (coding != "gzip" && coding != "*") continue;
    if (semi == item.npos) return true;
    std::string_view params = item.substr(semi + 1);
    std::size_t q = params.find("q=");
    if (q == params.npos) return true;
    std::string_view value = params.substr(q + 2);
    // q=0, q=0.0, q=0.000 mean "not acceptable"; anything else is acceptable.
    bool zero = !value.empty() && value.front() == '0' &&
                value.find_first_of("123456789") == value.npos;
    return !zero;
  }
  return false;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.find('*') != std::string_view::npos) return true;
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    std::size_t comma = if_none_match.find(',', start);
    std::string_view item =
        if_none_match.substr(start, comma == if_none_match.npos ? if_none_match.npos : comma - start);
    start = comma == if_none_match.npos ? if_none_match.size() : comma + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.substr(0, 2) == "W/") item.remove_prefix(2);  // If-None-Match compares weakly
    if (item == etag) return true;
  }
  return false;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root, std::string prefix)
    : m_prefix(std::move(prefix)) {
  if (m_prefix.empty() || m_prefix.back() != '/') m_prefix += '/';
  if (!root.empty()) {
    std::error_code ec;
    auto canonical = std::filesystem::canonical(root, ec);
    if (!ec && std::filesystem::is_directory(canonical, ec)) m_root = canonical;
  }
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

bool StaticFiles::handles(std::string_view path) const {
  return !m_root.empty() && path.substr(0, m_prefix.size()) == m_prefix;
}

std::string_view StaticFiles::content_type_for(std::string_view filename) {
  std::size_t dot = filename.rfind('.');
  std::string_view ext = dot == filename.npos ? std::string_view() : filename.substr(dot + 1);
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "ttf") return "font/ttf";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "ico") return "image/x-icon";
  if (ext == "json") return "application/json";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "pdf") return "application/pdf";
  if (ext == "map") return "application/json";
  return "application/octet-stream";
}

bool StaticFiles::is_hashed_name(std::string_view filename) {
  std::size_t slash = filename.rfind('/');
  if (slash != filename.npos) filename = filename.substr(slash + 1);
  std::size_t last_dot = filename.rfind('.');
  if (last_dot == filename.npos) return false;
  std::string_view stem = filename.substr(0, last_dot);
  // Any dot-separated part of the stem after the first that is 8+ hex digits.
  std::size_t dot = stem.find('.');
  while (dot != stem.npos) {
    std::size_t next = stem.find('.', dot + 1);
    std::string_view part = stem.substr(dot + 1, next == stem.npos ? stem.npos : next - dot - 1);
    if (part.size() >= 8 && part.find_first_not_of("0123456789abcdefABCDEF") == part.npos)
      return true;
    dot = next;
  }
  return false;
}

std::shared_ptr<const StaticFiles::Entry> StaticFiles::load(const std::string& rel) {
  {
    std::shared_lock lock(m_mutex);
    auto it = m_cache.find(rel);
    if (it != m_cache.end()) return it->second;
  }
  std::error_code ec;
  auto file = std::filesystem::canonical(m_root / rel, ec);
  if (ec || !inside(m_root, file)) return nullptr;
  auto data = read_file(file);
  if (!data) return nullptr;

  auto entry = std::make_shared<Entry>();
  entry->plain.etag = etag_for(*data);
  entry->plain.body = std::make_shared<const std::string>(std::move(*data));
  entry->content_type = content_type_for(rel);
  entry->cache_control =
      is_hashed_name(rel) ? "public, max-age=31536000, immutable" : "public, max-age=300";
  auto gz_file = std::filesystem::canonical(m_root / (rel + ".gz"), ec);
  if (!ec && inside(m_root, gz_file)) {
    if (auto gz = read_file(gz_file)) {
      auto variant = std::make_shared<Variant>();
      variant->etag = etag_for(*gz);
      variant->body = std::make_shared<const std::string>(std::move(*gz));
      entry->gzip = std::move(variant);
    }
  }
  // Only files that exist are cached, so requests for random names cannot grow the cache.
  std::unique_lock lock(m_mutex);
  auto [it, inserted] = m_cache.emplace(rel, std::move(entry));
  return it->second;
}

Response StaticFiles::serve(const Request& request) {
  if (request.method != "GET" && request.method != "HEAD") {
    Response r = Response::problem(405, "Metoden er ikke tilladt",
                                   "Statiske filer kan kun hentes med GET eller HEAD.");
    r.set_header("Allow", "GET, HEAD");
    return r;
  }
  std::string_view rel = std::string_view(request.path).substr(m_prefix.size());
  std::shared_ptr<const Entry> entry;
  if (safe_relative(rel)) entry = load(std::string(rel));
  if (!entry)
    return Response::problem(404, "Filen findes ikke", "Den ønskede fil findes ikke.");

  const Variant* variant = &entry->plain;
  bool gzip = false;
  if (entry->gzip) {
    auto ae = request.headers.find("accept-encoding");
    if (ae != request.headers.end() && accepts_gzip(ae->second)) {
      variant = entry->gzip.get();
      gzip = true;
    }
  }

  Response r;
  r.headers.reserve(6);
  r.headers.emplace_back("ETag", variant->etag);
  r.headers.emplace_back("Cache-Control", entry->cache_control);
  if (entry->gzip) r.headers.emplace_back("Vary", "Accept-Encoding");
  auto inm = request.headers.find("if-none-match");
  if (inm != request.headers.end() && etag_matches(inm->second, variant->etag)) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.headers.emplace_back("Content-Type", entry->content_type);
  if (gzip) r.headers.emplace_back("Content-Encoding", "gzip");
  if (request.method == "HEAD")
    r.headers.emplace_back("Content-Length", std::to_string(variant->body->size()));
  else
    r.shared_body = variant->body;
  return r;
}

}  // namespace samspil::http
