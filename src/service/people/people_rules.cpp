#include "service/people/people_rules.hpp"

#include <cctype>

#include "mail/address.hpp"

namespace samspil::service {

audit::Entry admin_entry(audit::Action action, std::string object_type, std::string object_id,
                         std::string child_id, std::string criterion) {
  audit::Entry e;
  e.action = action;
  e.object_type = std::move(object_type);
  e.object_id = std::move(object_id);
  e.child_id = std::move(child_id);
  e.purpose = kAdminPurpose;
  e.criterion = std::move(criterion);
  return e;
}

void require_admin(const Actor& actor) {
  if (actor.role != Role::administrator) throw Forbidden("Kun kommunens administratorer har adgang til dette");
}

void check_passphrase(FieldErrors& errors, const std::string& field, const std::string& passphrase) {
  // Count code points, not bytes: "æøå" is three characters to the user.
  std::size_t chars = 0;
  for (unsigned char c : passphrase) {
    if ((c & 0xC0) != 0x80) ++chars;
  }
  if (!passphrase.empty() && chars < 12) errors[field] = "Adgangskoden skal være på mindst 12 tegn";
}

void check_email(FieldErrors& errors, const std::string& field, const std::string& email) {
  if (email.empty()) {
    errors[field] = "Skriv en e-mailadresse";
  } else if (!mail::is_valid_address(email)) {
    errors[field] = "Skriv en gyldig e-mailadresse, fx navn@kommune.dk";
  }
}

std::string normalise_email(const std::string& email) {
  const auto b = email.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = email.find_last_not_of(" \t\r\n");
  std::string out = email.substr(b, e - b + 1);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace samspil::service
