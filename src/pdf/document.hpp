#pragma once
// Printable documents (request forms for guardians, meeting agreements): a small, generic
// description of a Danish document, rendered with cairo + pango and converted to PDF/A-2b
// with Ghostscript (TOOLCHAIN.md: gs exits 0 on failure, so its output is checked).
// This layer knows nothing of cases or meetings: the service fills a Document.
#include <stdexcept>
#include <string>
#include <vector>

namespace samspil::pdf {

// "Label: value" lines, e.g. "Mødedato: 12. januar 2027 kl. 09.00".
struct Field {
  std::string label;
  std::string value;
};

// A table, e.g. participants with their roles, or actions with owner and due date.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each row has header.size() cells
};

// One titled section; its parts are drawn in this order: fields, paragraphs, table.
struct Section {
  std::string heading;
  std::vector<Field> fields;
  std::vector<std::string> paragraphs;  // free text; line breaks kept
  Table table;                          // drawn when it has rows
};

struct Document {
  std::string issuer;        // the municipality's name, in the header of every page
  std::string title;         // e.g. "Aftale fra Samarbejdsmøde"
  std::string subtitle;      // e.g. the meeting date; may be empty
  std::vector<Field> facts;  // the key facts below the title
  std::vector<Section> sections;
  std::string footer;        // e.g. "Fortroligt – indeholder personoplysninger"; pages are numbered
  std::string ascii_title;   // document info Title (ASCII only: gs drops non-ASCII info)
};

// Rendering or conversion failed; what() names the step (never document content).
struct PdfError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The document as a plain PDF (A4, DejaVu Sans embedded). Thread-safe.
std::string render_pdf(const Document& document);

// A PDF converted to PDF/A-2b with Ghostscript; throws PdfError when gs fails or reports
// a failed conversion. Runs /usr/bin/gs in a private temporary directory.
std::string to_pdfa(const std::string& pdf);

// render_pdf + to_pdfa.
std::string render_pdfa(const Document& document);

}  // namespace samspil::pdf
