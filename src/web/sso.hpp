#pragma once
// Single sign-on pages: GET /log-ind/sso sends the browser to the municipality's OpenID
// provider; GET /log-ind/sso/callback signs the user in. Registered only when SSO is on.
#include "http/router.hpp"
#include "service/identity/oidc_login.hpp"
#include "web/context.hpp"

namespace samspil::web {

// Adds the SSO routes (policy "public"); login (nullptr = SSO off) must outlive the router.
void add_sso_routes(http::Router& router, const WebContext& context, service::sso::OidcLogin* login);

}  // namespace samspil::web
