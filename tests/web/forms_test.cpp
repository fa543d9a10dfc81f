// Form parsing and the DKFDS error pattern rendered through the real partials.
#include <gtest/gtest.h>
#include <unistd.h>

#include "edge/request_state.hpp"
#include "shell_test_support.hpp"
#include "web/forms.hpp"

namespace samspil::web {
namespace {

TEST(FormData, KeepsOrderAndRepeatedNames) {
  const auto form = FormData::parse("a=1&b=2&a=3&empty=&flag");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->get("a"), "1");
  EXPECT_EQ(form->all("a"), (std::vector<std::string>{"1", "3"}));
  EXPECT_EQ(form->get("b"), "2");
  EXPECT_TRUE(form->has("empty"));
  EXPECT_EQ(form->get("empty"), "");
  EXPECT_TRUE(form->has("flag"));
  EXPECT_FALSE(form->has("missing"));
  EXPECT_EQ(form->get("missing"), "");
  EXPECT_EQ(form->fields().size(), 5u);
}

TEST(FormData, DecodesPlusAndUtf8) {
  const auto form = FormData::parse("navn=%C3%86bler+og+%C3%B8l&note=+%20to+ord+");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->get("navn"), "Æbler og øl");
  EXPECT_EQ(form->trimmed("note"), "to ord");
}

TEST(FormData, RefusesMalformedInput) {
  EXPECT_FALSE(FormData::parse("a=%ZZ"));
  EXPECT_FALSE(FormData::parse("a=%"));
  EXPECT_FALSE(FormData::parse("a=%00"));          // NUL
  EXPECT_FALSE(FormData::parse("a=%FF"));          // not UTF-8
  EXPECT_FALSE(FormData::parse("a=%C0%AF"));       // overlong '/'
  EXPECT_FALSE(FormData::parse("a=%ED%A0%80"));    // UTF-16 surrogate
  EXPECT_FALSE(FormData::parse("=value"));         // empty name
  EXPECT_TRUE(FormData::parse(""));
  EXPECT_TRUE(FormData::parse("&&a=1&"));
}

TEST(FormData, EnforcesLimits) {
  EXPECT_FALSE(FormData::parse(std::string(100, 'a') + "=1", {.max_bytes = 50}));
  EXPECT_TRUE(FormData::parse("a=1&b=2", {.max_fields = 2}));
  EXPECT_FALSE(FormData::parse("a=1&b=2&c=3", {.max_fields = 2}));
}

TEST(FormData, ReadFormChecksTheMediaType) {
  http::Request request;
  request.body = "a=1";
  request.headers["content-type"] = "application/x-www-form-urlencoded; charset=UTF-8";
  ASSERT_TRUE(read_form(request));
  EXPECT_EQ(read_form(request)->get("a"), "1");
  request.headers["content-type"] = "application/json";
  EXPECT_FALSE(read_form(request));
  request.headers.erase("content-type");
  EXPECT_FALSE(read_form(request));
}

TEST(FormData, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("æøå €  😀"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // > U+10FFFF
}

class FormRendering : public ::testing::Test {
 protected:
  std::unique_ptr<Views> views = testing::make_views();
  http::Request request;

  void SetUp() override {
    request.method = "POST";
    request.path = "/test";
    edge::state(request).csrf_token = "csrf-123";
  }

  Form make_form(service::FieldErrors errors, const FormData* posted) {
    Form form(request, std::move(errors), posted);
    form.text({.name = "name", .label = "Navn", .hint = "Som i folkeregistret", .autocomplete = "name"})
        .text({.name = "email", .label = "E-mail", .type = "email", .autocomplete = "email"})
        .text({.name = "password", .label = "Adgangskode", .type = "password"})
        .textarea({.name = "note", .label = "Bemærkning", .optional = true, .rows = 3})
        .select({.name = "unit", .label = "Enhed", .options = {{"u1", "Skolen"}, {"u2", "Børnehaven"}}})
        .radios({.name = "consent", .label = "Samtykke", .options = {{"yes", "Ja"}, {"no", "Nej", "Forklaring"}}})
        .checkboxes({.name = "days", .label = "Dage", .options = {{"mon", "Mandag"}, {"tue", "Tirsdag"}}});
    return form;
  }

  http::Response render(const Form& form) {
    return views->render(request, {.title = "Test", .body_template = "test_form.tpl", .has_errors = form.has_errors()},
                         [&](ctemplate::TemplateDictionary& body) {
                           form.fill(body, *views);
                           step_indicator(body, {{"Barnet", "/trin/1"}, {"Bekymringen"}, {"Forældre"}}, 1, *views);
                         });
  }
};

TEST_F(FormRendering, ErrorsFollowTheDkfdsPattern) {
  const auto posted =
      FormData::parse("name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&email=x&password=hemmelig&days=tue&consent=no&unit=u2");
  ASSERT_TRUE(posted);
  // std::map sorts "consent" < "email" < "zzz": the summary must follow the form instead.
  const Form form = make_form({{"email", "Skriv en gyldig e-mailadresse"},
                               {"consent", "Vælg, om du giver samtykke"},
                               {"zzz", "Noget andet er galt"}},
                              &*posted);
  const http::Response r = render(form);
  const std::string& html = r.body;
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(html.find("<title>Fejl: Test - Samspil</title>"), std::string::npos);
  EXPECT_EQ(r.header("Cache-Control"), "no-store");

  // The summary comes before the form, is an alert DKFDS focuses, and links to each field.
  const auto summary = html.find("data-module=\"error-summary\"");
  ASSERT_NE(summary, std::string::npos);
  EXPECT_LT(summary, html.find("<form"));
  EXPECT_NE(html.find("role=\"alert\""), std::string::npos);
  const auto link_email = html.find("<a href=\"#email\" class=\"function-link\">Skriv en gyldig e-mailadresse</a>");
  const auto link_consent = html.find("<a href=\"#consent-1\" class=\"function-link\">Vælg, om du giver samtykke</a>");
  const auto link_other = html.find("<a href=\"#name\" class=\"function-link\">Noget andet er galt</a>");
  ASSERT_NE(link_email, std::string::npos);
  ASSERT_NE(link_consent, std::string::npos);
  ASSERT_NE(link_other, std::string::npos);
  EXPECT_LT(link_email, link_consent);
  EXPECT_LT(link_consent, link_other);

  // The same message at the field, with the hidden prefix and the field pointing at it.
  EXPECT_NE(html.find("<span class=\"form-error-message\" id=\"email-error\"><span class=\"sr-only\">Fejl: </span>"
                      "Skriv en gyldig e-mailadresse</span>"),
            std::string::npos);
  EXPECT_NE(html.find("id=\"email\" name=\"email\" value=\"x\" aria-describedby=\"email-error\" aria-invalid=\"true\""),
            std::string::npos);
  EXPECT_NE(html.find("aria-describedby=\"name-hint\""), std::string::npos);
  EXPECT_NE(html.find("<fieldset aria-describedby=\"consent-error\">"), std::string::npos);

  // Input kept and escaped; the password never comes back.
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""), std::string::npos);
  EXPECT_EQ(html.find("hemmelig"), std::string::npos);
  EXPECT_NE(html.find("value=\"tue\" checked"), std::string::npos);
  EXPECT_EQ(html.find("value=\"mon\" checked"), std::string::npos);
  EXPECT_NE(html.find("value=\"no\" checked"), std::string::npos);
  EXPECT_NE(html.find("<option value=\"u2\" selected>"), std::string::npos);
  EXPECT_NE(html.find("<input type=\"hidden\" name=\"csrf_token\" value=\"csrf-123\">"), std::string::npos);
}

TEST_F(FormRendering, WithoutErrorsThereIsNoSummary) {
  Form form = make_form({}, nullptr);
  form.value("name", "Stored Name").values("days", {"mon"});
  const http::Response r = render(form);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<title>Test - Samspil</title>"), std::string::npos);
  EXPECT_EQ(r.body.find("error-summary"), std::string::npos);
  EXPECT_EQ(r.body.find("aria-invalid"), std::string::npos);
  EXPECT_EQ(r.body.find("form-error-message"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"Stored Name\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"mon\" checked"), std::string::npos);
  EXPECT_NE(r.body.find("Bemærkning<span class=\"weight-normal\"> (frivilligt)</span>"), std::string::npos);
}

TEST_F(FormRendering, StepIndicatorMarksDoneAndCurrentSteps) {
  const http::Response r = render(make_form({}, nullptr));
  EXPECT_NE(r.body.find("Trin 2 af 3"), std::string::npos);
  EXPECT_NE(r.body.find("<a class=\"step\" href=\"/trin/1\">"), std::string::npos);
  EXPECT_NE(r.body.find("Barnet</span><span class=\"sr-only\"> (gennemført)</span>"), std::string::npos);
  EXPECT_NE(r.body.find("<li class=\"current\"><div class=\"step\" aria-current=\"step\">"), std::string::npos);
  EXPECT_NE(r.body.find("<li class=\"disabled\"><div class=\"step\">"), std::string::npos);
}

TEST(FormNames, IdsAndMarkers) {
  EXPECT_EQ(Form::element_id("child_name"), "child-name");
  EXPECT_EQ(Form::marker("child_name"), "FIELD_CHILD_NAME");
  EXPECT_EQ(Form::marker("a-b"), "FIELD_A_B");
}

}  // namespace
}  // namespace samspil::web
