#include "service/records_export.hpp"

#include <curl/curl.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "mail/message.hpp"
#include "storage/agreement_store.hpp"
#include "storage/meeting_store.hpp"

namespace samspil::service::records_export {
namespace {

namespace fs = std::filesystem;

void write_atomically(const fs::path& dir, const std::string& name, const std::string& bytes) {
  const fs::path tmp = dir / ("." + name + "." + crypto::random_id() + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw std::runtime_error("records.export: cannot write to the drop directory");
  }
  std::error_code ec;
  fs::rename(tmp, dir / name, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error("records.export: cannot rename into the drop directory");
  }
}

void post_multipart(const std::string& url, const std::string& metadata, const std::string& pdf,
                    const std::string& filename) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("records.export: curl init failed");
  std::unique_ptr<curl_mime, decltype(&curl_mime_free)> mime(curl_mime_init(curl.get()), curl_mime_free);
  curl_mimepart* part = curl_mime_addpart(mime.get());
  curl_mime_name(part, "metadata");
  curl_mime_data(part, metadata.data(), metadata.size());
  curl_mime_type(part, "application/json");
  part = curl_mime_addpart(mime.get());
  curl_mime_name(part, "document");
  curl_mime_filename(part, filename.c_str());
  curl_mime_data(part, pdf.data(), pdf.size());
  curl_mime_type(part, "application/pdf");
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_MIMEPOST, mime.get());
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, 5000L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 30000L);
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  const CURLcode rc = curl_easy_perform(curl.get());
  if (rc != CURLE_OK) throw std::runtime_error(std::string("records.export: ") + curl_easy_strerror(rc));
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299)
    throw std::runtime_error("records.export: the records system answered " + std::to_string(status));
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

bool valid_target(const std::string& target) {
  if (target.empty()) return true;
  if (target.rfind("dir:", 0) == 0) return target.size() > 4 && target[4] == '/';
  return target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0;
}

void enqueue(storage::Connection& conn, const std::string& tenant, const std::string& meeting_id, std::int64_t now_ms) {
  jobs::enqueue(conn, jobs::NewJob{kJobKind, nlohmann::json{{"meeting_id", meeting_id}}.dump(), tenant, 0, 10}, now_ms);
}

void register_handler(jobs::Worker& worker, const Settings& settings) {
  worker.register_handler(kJobKind, [settings](storage::Connection& conn, const jobs::Job& job) {
    if (settings.target.empty() || settings.cipher == nullptr)
      throw std::runtime_error("records.export: no target or no secret key configured");
    const auto payload = nlohmann::json::parse(job.payload, nullptr, false);
    const std::string meeting_id = payload.is_object() ? payload.value("meeting_id", "") : "";
    const std::string tenant = job.tenant.value_or("");
    const auto agreement = storage::find_agreement(conn, tenant, meeting_id);
    const auto meeting = storage::find_meeting(conn, tenant, meeting_id);
    if (!agreement || !meeting || agreement->status != "final")
      throw std::runtime_error("records.export: no final agreement for the job");
    const auto sealed = settings.cipher->open(agreement->pdf_encrypted);
    const auto pdf = sealed ? mail::base64_decode(*sealed) : std::nullopt;
    if (!pdf) throw std::runtime_error("records.export: the stored PDF cannot be opened");
    // Metadata for filing: ids and facts only, never the child's name or CPR number (the
    // records system links the case by its own reference from the case id).
    const nlohmann::json metadata{{"document_kind", "agreement"},
                                  {"tenant", tenant},
                                  {"case_id", meeting->case_id},
                                  {"meeting_id", meeting_id},
                                  {"model_id", meeting->model_id},
                                  {"meeting_type", meeting->type_id},
                                  {"meeting_starts_at", meeting->starts_at_ms ? nlohmann::json(*meeting->starts_at_ms)
                                                                              : nlohmann::json(nullptr)},
                                  {"confirmed_at", agreement->confirmed_at_ms ? nlohmann::json(*agreement->confirmed_at_ms)
                                                                              : nlohmann::json(nullptr)},
                                  {"sha256", agreement->pdf_sha256},
                                  {"content_type", "application/pdf"},
                                  {"filename", meeting_id + ".pdf"}};
    if (settings.target.rfind("dir:", 0) == 0) {
      const fs::path dir = settings.target.substr(4);
      write_atomically(dir, meeting_id + ".pdf", *pdf);
      write_atomically(dir, meeting_id + ".json", metadata.dump(2));
    } else {
      post_multipart(settings.target, metadata.dump(), *pdf, meeting_id + ".pdf");
    }
    storage::set_agreement_exported(conn, tenant, meeting_id, now_ms());
  });
}

}  // namespace samspil::service::records_export
