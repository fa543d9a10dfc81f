#pragma once
// The page chrome around every body: the signed-in user, navigation by role, breadcrumbs,
// the flash message and the CSRF token for forms.
#include <ctemplate/template.h>

#include "http/message.hpp"

namespace samspil::web {

struct Page;
class Views;

// Fills the layout dictionary's chrome values and sections for this request and page.
void fill_chrome(ctemplate::TemplateDictionary& layout, const http::Request& request, const Page& page,
                 const Views& views);

}  // namespace samspil::web
