// Renders a Danish document of several pages, converts it to PDF/A-2b and checks the files
// with the tools an archive would use: qpdf --check, pdffonts, pdftotext.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "pdf/document.hpp"

namespace pdf = samspil::pdf;
namespace fs = std::filesystem;

namespace {

pdf::Document agreement(int table_rows) {
  pdf::Document d;
  d.issuer = "Ærø Kommune – Børne- og Familieafdelingen";
  d.title = "Aftale fra Samarbejdsmøde";
  d.subtitle = "Mødet den 29. marts 2027 kl. 09.00";
  d.ascii_title = "Aftale fra Samarbejdsmoede";
  d.footer = "Fortroligt – indeholder personoplysninger";
  d.facts = {{"Mødedato", "29. marts 2027 kl. 09.00–10.00"},
             {"Sted", "Rådhuset, mødelokale 2"},
             {"Mødeleder", "Åse Ørnebæk, PPR"}};
  pdf::Section background;
  background.heading = "Baggrund og bekymring";
  background.fields = {{"Barnets trivsel", "Barnet trives i børnehaven men er ofte træt om morgenen."}};
  for (int i = 0; i < 6; ++i)
    background.paragraphs.push_back(
        "Forældrene fortæller, at søvnen er blevet bedre siden sidst. Pædagogerne oplever et barn, der "
        "søger de voksne og har brug for støtte i overgange. Vi aftalte at følge op på, hvordan "
        "hverdagen fungerer, og at sundhedsplejersken ser på søvnrytmen. Afsnit " + std::to_string(i + 1) + ".");
  pdf::Section actions;
  actions.heading = "Aftalte handlinger";
  actions.table.header = {"Handling", "Ansvarlig", "Frist"};
  for (int i = 0; i < table_rows; ++i)
    actions.table.rows.push_back({"Handling nr. " + std::to_string(i + 1) +
                                      ": opfølgning på søvn, måltider og overgange i børnehaven; "
                                      "forældrene giver besked om ændringer",
                                  i % 2 ? "Sundhedsplejerske" : "Pædagog i børnehaven Ø-lejren",
                                  std::to_string(1 + i % 28) + ". april 2027"});
  pdf::Section note;
  note.heading = "Næste møde";
  note.paragraphs = {"Næste samarbejdsmøde holdes om seks uger.\nForældrene inviteres med almindelig post og e-mail."};
  d.sections = {background, actions, note};
  return d;
}

struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& bytes) {
    char name[] = "/tmp/samspil-pdf-test-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd < 0) throw std::runtime_error("mkstemp");
    ::close(fd);
    path = name;
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { fs::remove(path); }
};

struct ToolRun {
  int status = -1;
  std::string output;
};

// Runs a tool on the file and captures stdout (arguments are fixed strings from this file).
ToolRun run(const std::string& command) {
  ToolRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

int page_count(const fs::path& file) {
  const ToolRun info = run("pdfinfo " + file.string());
  const auto at = info.output.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(info.output.c_str() + at + 6);
}

}  // namespace

TEST(Pdf, RendersADanishDocumentOverSeveralPages) {
  const std::string plain = pdf::render_pdf(agreement(45));
  ASSERT_EQ(plain.compare(0, 5, "%PDF-"), 0);
  TempFile file(plain);
  EXPECT_EQ(run("qpdf --check " + file.path.string() + " 2>&1").status, 0);
  const int pages = page_count(file.path);
  EXPECT_GE(pages, 3);
  const std::string text = run("pdftotext -enc UTF-8 " + file.path.string() + " -").output;
  EXPECT_TRUE(contains(text, "Aftale fra Samarbejdsmøde"));
  EXPECT_TRUE(contains(text, "Ærø Kommune"));
  EXPECT_TRUE(contains(text, "Sundhedsplejerske"));
  EXPECT_TRUE(contains(text, "Næste samarbejdsmøde"));
  EXPECT_TRUE(contains(text, "Side 1 af " + std::to_string(pages)));
  EXPECT_TRUE(contains(text, "Side " + std::to_string(pages) + " af " + std::to_string(pages)));
  EXPECT_FALSE(contains(text, "Side " + std::to_string(pages + 1) + " af"));
  // The long table's header row is repeated on every page it continues on.
  std::size_t headers = 0;
  for (auto at = text.find("Ansvarlig"); at != std::string::npos; at = text.find("Ansvarlig", at + 1)) ++headers;
  EXPECT_GE(headers, 2u);
  // Every table row is there (none lost at a page break).
  for (int i = 1; i <= 45; ++i) EXPECT_TRUE(contains(text, "Handling nr. " + std::to_string(i) + ":")) << i;
}

TEST(Pdf, PdfA2bPassesTheChecks) {
  const std::string archived = pdf::render_pdfa(agreement(45));
  ASSERT_EQ(archived.compare(0, 5, "%PDF-"), 0);
  EXPECT_TRUE(contains(archived, "<pdfaid:part>2</pdfaid:part>") || contains(archived, "pdfaid:part='2'") ||
              contains(archived, "pdfaid:part=\"2\""));
  TempFile file(archived);
  EXPECT_EQ(run("qpdf --check " + file.path.string() + " 2>&1").status, 0);
  EXPECT_GE(page_count(file.path), 3);

  const ToolRun fonts = run("pdffonts " + file.path.string());
  ASSERT_EQ(fonts.status, 0);
  // pdffonts: two header lines, then one line per font; column "emb" must say yes.
  int font_lines = 0;
  std::size_t begin = 0;
  int line_no = 0;
  while (begin < fonts.output.size()) {
    const std::size_t end = fonts.output.find('\n', begin);
    const std::string line = fonts.output.substr(begin, end - begin);
    if (line_no++ >= 2 && !line.empty()) {
      ++font_lines;
      EXPECT_TRUE(contains(line, "DejaVuSans")) << line;
      EXPECT_TRUE(contains(line, " yes ")) << "font not embedded: " << line;
      EXPECT_FALSE(contains(line.substr(0, std::min<std::size_t>(line.size(), 80)) + " ", " no  ")) << line;
    }
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  EXPECT_GE(font_lines, 2);  // regular and bold

  const std::string text = run("pdftotext -enc UTF-8 " + file.path.string() + " -").output;
  EXPECT_TRUE(contains(text, "Aftale fra Samarbejdsmøde"));
  EXPECT_TRUE(contains(text, "Børne- og Familieafdelingen"));
  EXPECT_TRUE(contains(text, "Side 1 af"));
  EXPECT_TRUE(contains(run("pdfinfo " + file.path.string()).output, "Aftale fra Samarbejdsmoede"));
}

TEST(Pdf, BrokenInputToPdfaThrows) {
  EXPECT_THROW(pdf::to_pdfa(""), pdf::PdfError);
  EXPECT_THROW(pdf::to_pdfa("dette er ikke en pdf"), pdf::PdfError);
  // Starts like a PDF but is not one: gs exits 0 and writes nothing usable.
  EXPECT_THROW(pdf::to_pdfa("%PDF-1.5\n%garbage without objects\n%%EOF\n"), pdf::PdfError);
  // A real PDF cut in half.
  const std::string whole = pdf::render_pdf(agreement(3));
  EXPECT_THROW(pdf::to_pdfa(whole.substr(0, whole.size() / 3)), pdf::PdfError);
}

TEST(Pdf, SmallDocumentIsOnePageAndEmptyPartsAreLeftOut) {
  pdf::Document d;
  d.issuer = "Kommune";
  d.title = "Kort";
  const std::string plain = pdf::render_pdf(d);
  TempFile file(plain);
  EXPECT_EQ(page_count(file.path), 1);
  EXPECT_TRUE(contains(run("pdftotext -enc UTF-8 " + file.path.string() + " -").output, "Side 1 af 1"));
}

TEST(Pdf, RendersConcurrently) {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] { results[i] = pdf::render_pdf(agreement(20)); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_EQ(r.compare(0, 5, "%PDF-"), 0);
    TempFile file(r);
    EXPECT_EQ(run("qpdf --check " + file.path.string() + " >/dev/null 2>&1").status, 0);
  }
}

TEST(Pdf, ParagraphsAndFieldsLongerThanAPageContinueOnTheNext) {
  pdf::Document d;
  d.issuer = "Kommune";
  d.title = "Lang tekst";
  std::string paragraph;
  for (int i = 1; i <= 900; ++i) paragraph += "ord" + std::to_string(i) + (i % 40 == 0 ? "\n" : " ");
  pdf::Section s;
  s.heading = "Notat";
  s.fields = {{"Langt felt", paragraph}};
  s.paragraphs = {paragraph};
  d.sections = {s};
  TempFile file(pdf::render_pdf(d));
  EXPECT_GE(page_count(file.path), 3);
  const std::string text = run("pdftotext -enc UTF-8 " + file.path.string() + " -").output;
  std::size_t last = 0;
  for (auto at = text.find("ord900"); at != std::string::npos; at = text.find("ord900", at + 1)) ++last;
  EXPECT_EQ(last, 2u);  // the end of the field's value and of the paragraph: nothing cut off
  EXPECT_TRUE(contains(text, "ord450"));
}
