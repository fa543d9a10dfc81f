#include "net/http_client.hpp"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace samspil::net {
namespace {

// Before any thread uses curl: curl_global_init is not thread-safe.
void ensure_curl_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  std::string body;
  std::size_t limit = 0;
  bool overflow = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body.size() + n > sink->limit) {
    sink->overflow = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->body.append(data, n);
  return n;
}

Failure failure_of(CURLcode rc) {
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT: return Failure::timed_out;
    case CURLE_COULDNT_RESOLVE_HOST: return Failure::host_not_found;
    case CURLE_COULDNT_CONNECT: return Failure::cannot_connect;
    case CURLE_UNSUPPORTED_PROTOCOL: return Failure::scheme_refused;
    case CURLE_TOO_MANY_REDIRECTS: return Failure::too_many_redirects;
    case CURLE_FILESIZE_EXCEEDED: return Failure::too_large;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR: return Failure::tls;
    default: return Failure::other;
  }
}

using Curl = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using Headers = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;
using Mime = std::unique_ptr<curl_mime, decltype(&curl_mime_free)>;

}  // namespace

Response send(const Request& request, const Limits& limits) {
  ensure_curl_initialised();
  Curl curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) throw Error(Failure::other, "curl_easy_init failed");
  CURL* c = curl.get();
  Sink sink;
  sink.limit = limits.max_body_bytes;
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  if (limits.max_redirects > 0) {
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, limits.max_redirects);
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  } else {
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  }
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, limits.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, limits.total_timeout_ms);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_body_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  if (!request.user_agent.empty()) curl_easy_setopt(c, CURLOPT_USERAGENT, request.user_agent.c_str());
  if (request.accept_compressed) curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  Headers headers(nullptr, &curl_slist_free_all);
  for (const auto& h : request.headers) headers.reset(curl_slist_append(headers.release(), h.c_str()));
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  if (!request.form_body.empty()) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.form_body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.form_body.size()));
  }
  Mime mime(nullptr, &curl_mime_free);
  if (!request.parts.empty()) {
    mime.reset(curl_mime_init(c));
    for (const auto& p : request.parts) {
      curl_mimepart* part = curl_mime_addpart(mime.get());
      curl_mime_name(part, p.name.c_str());
      if (!p.file_name.empty()) curl_mime_filename(part, p.file_name.c_str());
      curl_mime_data(part, p.data.data(), p.data.size());
      if (!p.content_type.empty()) curl_mime_type(part, p.content_type.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());
  }
  if (!request.basic_user.empty()) {
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, request.basic_user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, request.basic_password.c_str());
  }
  const CURLcode rc = curl_easy_perform(c);
  if (sink.overflow) throw Error(Failure::too_large, "the answer is larger than allowed");
  if (rc != CURLE_OK) throw Error(failure_of(rc), curl_easy_strerror(rc));
  Response response;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  response.body = std::move(sink.body);
  return response;
}

}  // namespace samspil::net
