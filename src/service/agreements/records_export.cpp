#include "service/agreements/records_export.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "mail/message.hpp"
#include "net/http_client.hpp"
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
  net::Response answer;
  try {
    answer = net::send({.url = url,
                        .parts = {{"metadata", "", "application/json", metadata},
                                  {"document", filename, "application/pdf", pdf}}},
                       {.connect_timeout_ms = 5000, .total_timeout_ms = 30000, .max_body_bytes = 64 * 1024});
  } catch (const net::Error& e) {
    throw std::runtime_error(std::string("records.export: ") + e.what());
  }
  if (answer.status < 200 || answer.status > 299)
    throw std::runtime_error("records.export: the records system answered " + std::to_string(answer.status));
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
