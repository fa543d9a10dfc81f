#include "pdf/layout.hpp"

#include <algorithm>
#include <numeric>

namespace samspil::pdf::detail {

namespace {

constexpr double k_margin = 56.7;  // 2 cm
constexpr double k_content_width = k_page_width - 2 * k_margin;
constexpr double k_top = 86;
constexpr double k_bottom = k_page_height - 70;
constexpr double k_cell_padding = 4;
constexpr double k_label_share = 0.34;  // of the content width, for field labels

// Fonts are named explicitly (fonts-dejavu-core), never left to fontconfig's default, so
// every page looks the same on every server and æ, ø, å and – are always covered.
constexpr const char* k_body = "DejaVu Sans 10";
constexpr const char* k_bold = "DejaVu Sans Bold 10";
constexpr const char* k_small = "DejaVu Sans 8";
constexpr const char* k_small_bold = "DejaVu Sans Bold 8";
constexpr const char* k_heading = "DejaVu Sans Bold 13";
constexpr const char* k_title = "DejaVu Sans Bold 18";
constexpr const char* k_subtitle = "DejaVu Sans 12";

// Text from the service could hold invalid UTF-8 (pango would warn and draw garbage).
std::string valid_utf8(const std::string& text) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return text;
  gchar* fixed = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string result(fixed);
  g_free(fixed);
  return result;
}

}  // namespace

Renderer::Renderer(cairo_t* cr, const Document& document, int total_pages)
    : cr_(cr), document_(document), total_pages_(total_pages) {}

Layout Renderer::text(const std::string& value, const char* font, double width) const {
  Layout layout(pango_cairo_create_layout(cr_));
  PangoFontDescription* description = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout.get(), description);
  pango_font_description_free(description);
  if (width > 0) {
    pango_layout_set_width(layout.get(), pango_units_from_double(width));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  const std::string utf8 = valid_utf8(value);
  pango_layout_set_text(layout.get(), utf8.data(), static_cast<int>(utf8.size()));
  return layout;
}

double Renderer::height(const Layout& layout) {
  int width = 0;
  int h = 0;
  pango_layout_get_size(layout.get(), &width, &h);
  return pango_units_to_double(h);
}

int Renderer::run() {
  page_ = 1;
  header();
  draw_lines(text(document_.title, k_title, k_content_width), k_margin);
  if (!document_.subtitle.empty()) {
    y_ += 4;
    draw_lines(text(document_.subtitle, k_subtitle, k_content_width), k_margin);
  }
  y_ += 12;
  fields(document_.facts);
  for (const Section& s : document_.sections) section(s);
  footer();
  return page_;
}

void Renderer::new_page() {
  footer();
  cairo_show_page(cr_);
  ++page_;
  header();
}

void Renderer::header() {
  cairo_set_source_rgb(cr_, 0, 0, 0);
  const Layout issuer = text(document_.issuer, k_small_bold, k_content_width);
  cairo_move_to(cr_, k_margin, 36);
  pango_cairo_show_layout(cr_, issuer.get());
  cairo_set_line_width(cr_, 0.6);
  cairo_move_to(cr_, k_margin, 58);
  cairo_line_to(cr_, k_page_width - k_margin, 58);
  cairo_stroke(cr_);
  y_ = k_top;
}

void Renderer::footer() {
  cairo_set_source_rgb(cr_, 0, 0, 0);
  cairo_set_line_width(cr_, 0.6);
  const double line = k_page_height - 56;
  cairo_move_to(cr_, k_margin, line);
  cairo_line_to(cr_, k_page_width - k_margin, line);
  cairo_stroke(cr_);
  const Layout number =
      text("Side " + std::to_string(page_) + " af " + std::to_string(total_pages_), k_small, -1);
  int number_width = 0;
  int number_height = 0;
  pango_layout_get_size(number.get(), &number_width, &number_height);
  const double number_x = k_page_width - k_margin - pango_units_to_double(number_width);
  if (!document_.footer.empty()) {
    const Layout note = text(document_.footer, k_small, number_x - k_margin - 12);
    cairo_move_to(cr_, k_margin, line + 6);
    pango_cairo_show_layout(cr_, note.get());
  }
  cairo_move_to(cr_, number_x, line + 6);
  pango_cairo_show_layout(cr_, number.get());
}

void Renderer::ensure(double needed) {
  if (y_ + needed > k_bottom && y_ > k_top) new_page();
}

void Renderer::draw(const Layout& layout, double x) {
  cairo_move_to(cr_, x, y_);
  pango_cairo_show_layout(cr_, layout.get());
}

// Line by line, so a paragraph longer than what is left of the page continues on the next.
void Renderer::draw_lines(const Layout& layout, double x) {
  PangoLayoutIter* it = pango_layout_get_iter(layout.get());
  double page_start = y_;  // where layout coordinate `offset` lies on the current page
  double offset = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    const double top = pango_units_to_double(logical.y);
    const double line_height = pango_units_to_double(logical.height);
    if (page_start + (top - offset) + line_height > k_bottom && page_start + (top - offset) > k_top) {
      new_page();
      page_start = y_;
      offset = top;
    }
    const double baseline = pango_units_to_double(pango_layout_iter_get_baseline(it));
    cairo_move_to(cr_, x + pango_units_to_double(logical.x), page_start + (baseline - offset));
    pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  y_ = page_start + (height(layout) - offset);
}

void Renderer::fields(const std::vector<Field>& fields) {
  const double label_width = k_content_width * k_label_share;
  const double value_x = k_margin + label_width + 8;
  const double value_width = k_content_width - label_width - 8;
  for (const Field& f : fields) {
    const Layout label = text(f.label, k_bold, label_width);
    const Layout value = text(f.value, k_body, value_width);
    const double row = std::max(height(label), height(value));
    if (row <= k_bottom - k_top) {
      ensure(row);
      draw(label, k_margin);
      draw(value, value_x);
      y_ += row;
    } else {  // a value longer than a page: the label, then the value across pages
      ensure(height(label));
      draw(label, k_margin);
      draw_lines(value, value_x);
    }
    y_ += 4;
  }
}

void Renderer::section(const Section& s) {
  y_ += 10;
  const Layout heading = text(s.heading, k_heading, k_content_width);
  ensure(height(heading) + 40);  // keep a heading with the start of what follows it
  draw(heading, k_margin);
  y_ += height(heading) + 6;
  fields(s.fields);
  for (const std::string& paragraph : s.paragraphs) {
    draw_lines(text(paragraph, k_body, k_content_width), k_margin);
    y_ += 6;
  }
  if (!s.table.rows.empty()) table(s.table);
}

// Columns get their natural width when it fits their share; the rest is split evenly
// between the wide columns, whose text then wraps.
std::vector<double> Renderer::column_widths(const Table& t, std::size_t columns) const {
  std::vector<double> natural(columns, 0);
  auto widen = [&](std::size_t c, const std::string& value, const char* font) {
    const Layout layout = text(value, font, -1);
    int w = 0;
    int h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    natural[c] = std::max(natural[c], pango_units_to_double(w) + 2 * k_cell_padding + 1);
  };
  for (std::size_t c = 0; c < columns && c < t.header.size(); ++c) widen(c, t.header[c], k_bold);
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < columns && c < row.size(); ++c) widen(c, row[c], k_body);

  std::vector<double> widths(columns, 0);
  std::vector<bool> fixed(columns, false);
  double left = k_content_width;
  std::size_t open = columns;
  for (bool changed = true; changed && open > 0;) {
    changed = false;
    const double share = left / static_cast<double>(open);
    for (std::size_t c = 0; c < columns; ++c) {
      if (!fixed[c] && natural[c] <= share) {
        widths[c] = natural[c];
        fixed[c] = true;
        left -= natural[c];
        --open;
        changed = true;
      }
    }
  }
  for (std::size_t c = 0; c < columns; ++c)
    if (!fixed[c]) widths[c] = left / static_cast<double>(open);
  return widths;
}

void Renderer::table_row(const std::vector<Layout>& cells, const std::vector<double>& widths, double row_height,
                         bool shaded) {
  double x = k_margin;
  cairo_set_line_width(cr_, 0.5);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    cairo_rectangle(cr_, x, y_, widths[c], row_height);
    if (shaded) {
      cairo_set_source_rgb(cr_, 0.88, 0.88, 0.88);
      cairo_fill_preserve(cr_);
    }
    cairo_set_source_rgb(cr_, 0.45, 0.45, 0.45);
    cairo_stroke(cr_);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_move_to(cr_, x + k_cell_padding, y_ + k_cell_padding);
    pango_cairo_show_layout(cr_, cells[c].get());
    x += widths[c];
  }
  y_ += row_height;
}

void Renderer::table(const Table& t) {
  std::size_t columns = t.header.size();
  for (const auto& row : t.rows) columns = std::max(columns, row.size());
  if (columns == 0) return;
  const std::vector<double> widths = column_widths(t, columns);

  auto measure = [&](const std::vector<std::string>& values, const char* font, double& row_height) {
    std::vector<Layout> cells;
    row_height = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      cells.push_back(text(c < values.size() ? values[c] : std::string(), font, widths[c] - 2 * k_cell_padding));
      row_height = std::max(row_height, height(cells.back()));
    }
    row_height += 2 * k_cell_padding;
    return cells;
  };
  double header_height = 0;
  const bool has_header = !t.header.empty();
  const std::vector<Layout> header_cells = measure(t.header, k_bold, header_height);

  y_ += 4;
  bool first = true;
  for (const auto& row : t.rows) {
    double row_height = 0;
    const std::vector<Layout> cells = measure(row, k_body, row_height);
    const double needed = row_height + (first && has_header ? header_height : 0);
    if (y_ + needed > k_bottom && y_ > k_top) {
      new_page();
      first = true;  // the header row is repeated at the top of every page the table spans
    }
    if (first && has_header) table_row(header_cells, widths, header_height, true);
    first = false;
    table_row(cells, widths, row_height, false);
  }
  y_ += 6;
}

}  // namespace samspil::pdf::detail
