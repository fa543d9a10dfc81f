// PDF -> PDF/A-2b with Ghostscript. gs exits 0 even when the PDF/A conversion fails
// (TOOLCHAIN.md), so its messages and its output are checked before the result is used.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "pdf/document.hpp"

extern char** environ;

namespace samspil::pdf {

namespace {

namespace fs = std::filesystem;

constexpr const char* k_gs = "/usr/bin/gs";
constexpr const char* k_icc_dir = "/usr/share/color/icc/ghostscript/";
constexpr std::chrono::seconds k_gs_time_limit{60};

// Ghostscript's lib/PDFA_def.ps with the sRGB profile named by absolute path (it is read
// under --permit-file-read), three colour components (we convert to RGB), and without the
// sample /Title, so the document's own info Title stays.
constexpr const char* k_pdfa_def = R"(%!
/ICCProfile (/usr/share/color/icc/ghostscript/srgb.icc) def
[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark
[{icc_PDFA} << /N 3 >> /PUT pdfmark
[
{icc_PDFA}
{ICCProfile (r) file} stopped
{
  (\n\tFailed to open the supplied ICCProfile for reading.\n) print
  (\tPDF/A processing aborted, output may not be a PDF/A file.\n\n) print
  cleartomark
}
{
  /PUT pdfmark
  [/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark
  [{OutputIntent_PDFA} <<
    /Type /OutputIntent
    /S /GTS_PDFA1
    /DestOutputProfile {icc_PDFA}
    /OutputConditionIdentifier (sRGB)
  >> /PUT pdfmark
  [{Catalog} <</OutputIntents [ {OutputIntent_PDFA} ]>> /PUT pdfmark
} ifelse
)";

// What gs prints when it gave up on PDF/A (or on the input) but still exits 0. Our input is
// always cairo's own output, so any error report about it means the result is not usable.
constexpr std::array<const char*, 7> k_failure_markers = {"Failed to open", "reverting", "aborting", "discarding",
                                                          "**** Error", "Output may be incorrect",
                                                          "No pages will be processed"};

// The private working directory, removed with everything in it when the conversion ends.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/samspil-pdfa-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw PdfError("pdf/a: cannot create a temporary directory");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw PdfError("pdf/a: cannot write a temporary file");
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Runs gs with an argument vector (no shell), stdout and stderr into files; returns the
// wait status. gs is killed if it runs longer than k_gs_time_limit.
int run_gs(const std::vector<std::string>& args, const fs::path& out_log, const fs::path& err_log) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, k_gs, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw PdfError("pdf/a: cannot start Ghostscript (" + std::string(k_gs) + ")");

  const auto deadline = std::chrono::steady_clock::now() + k_gs_time_limit;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0 && errno != EINTR) throw PdfError("pdf/a: lost the Ghostscript process");
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      throw PdfError("pdf/a: Ghostscript took too long");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

bool declares_pdfa2(const std::string& pdf) {
  return pdf.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos ||
         pdf.find("pdfaid:part='2'") != std::string::npos || pdf.find("pdfaid:part=\"2\"") != std::string::npos;
}

}  // namespace

std::string to_pdfa(const std::string& pdf) {
  if (pdf.compare(0, 5, "%PDF-") != 0) throw PdfError("pdf/a: the input is not a PDF");
  TempDir dir;
  const fs::path input = dir.path() / "in.pdf";
  const fs::path output = dir.path() / "out.pdf";
  const fs::path def = dir.path() / "PDFA_def.ps";
  write_file(input, pdf);
  write_file(def, k_pdfa_def);

  const std::vector<std::string> args = {
      "gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dNOOUTERSAVE", "-dPDFA=2", "-dPDFACompatibilityPolicy=1",
      "-sDEVICE=pdfwrite", "-sColorConversionStrategy=RGB", "-sProcessColorModel=DeviceRGB",
      std::string("--permit-file-read=") + k_icc_dir, "-sOutputFile=" + output.string(), def.string(),
      input.string()};
  const int status = run_gs(args, dir.path() / "gs.out", dir.path() / "gs.err");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw PdfError("pdf/a: Ghostscript failed");

  const std::string messages = read_file(dir.path() / "gs.out") + read_file(dir.path() / "gs.err");
  for (const char* marker : k_failure_markers)
    if (messages.find(marker) != std::string::npos)
      throw PdfError(std::string("pdf/a: Ghostscript reported a failed conversion (") + marker + ")");

  std::string result = read_file(output);
  if (result.compare(0, 5, "%PDF-") != 0) throw PdfError("pdf/a: Ghostscript wrote no PDF");
  if (!declares_pdfa2(result)) throw PdfError("pdf/a: the output does not declare PDF/A-2");
  return result;
}

}  // namespace samspil::pdf
