#pragma once
// Dictionary keys as ctemplate static strings. ctemplate hashes a key given as a plain string
// on every SetValue/AddSectionDictionary and registers it in its process-wide id->name map
// under a lock, which every worker thread then contends for (bench/RESULTS.md, session 7);
// a static key's id is computed once at start-up and skips both. Pages rendered on every
// request (the layout, "Mit overblik") use them; elsewhere plain strings are fine.
#include <ctemplate/template_string.h>

// At namespace scope of a .cpp: SAMSPIL_TEMPLATE_KEY(kHref, "href");
#define SAMSPIL_TEMPLATE_KEY(name, text) const ::ctemplate::StaticTemplateString name = STS_INIT(name, text)
