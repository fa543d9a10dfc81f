{{%AUTOESCAPE context="HTML"}}<h1>{{t_profile_heading}}</h1>
{{>ERROR_SUMMARY}}
<dl>
<dt>{{t_profile_name}}</dt><dd>{{name}}</dd>
<dt>{{t_login_email}}</dt><dd>{{email}}</dd>
<dt>{{t_profile_role}}</dt><dd>{{role}}</dd>
</dl>
<h2>{{t_profile_totp_heading}}</h2>
{{#TOTP_ON}}<p>{{t_profile_totp_on}}</p>
<p><a class="button button-secondary" href="/min-profil/totp">{{t_profile_totp_replace}}</a></p>{{/TOTP_ON}}
{{#TOTP_OFF}}<p>{{t_profile_totp_off}}</p>
<p><a class="button button-secondary" href="/min-profil/totp">{{t_profile_totp_setup}}</a></p>{{/TOTP_OFF}}
{{#HAS_PASSWORD}}<h2>{{t_profile_password_heading}}</h2>
<form method="post" action="/min-profil/adgangskode" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<div class="form-group{{#NUVAERENDE_ERROR}} form-error{{/NUVAERENDE_ERROR}}">
<label class="form-label" for="nuvaerende">{{t_profile_current_password}}</label>
{{#NUVAERENDE_ERROR}}<span class="form-error-message" id="nuvaerende-error"><span class="sr-only">{{t_form_error_prefix}}</span>{{nuvaerende_error}}</span>{{/NUVAERENDE_ERROR}}
<input class="form-input" type="password" id="nuvaerende" name="nuvaerende" autocomplete="current-password"{{#NUVAERENDE_ERROR}} aria-describedby="nuvaerende-error"{{/NUVAERENDE_ERROR}}>
</div>
<div class="form-group{{#ADGANGSKODE_ERROR}} form-error{{/ADGANGSKODE_ERROR}}">
<label class="form-label" for="adgangskode">{{t_reset_new}}</label>
<span class="form-hint" id="adgangskode-hint">{{t_passphrase_hint}}</span>
{{#ADGANGSKODE_ERROR}}<span class="form-error-message" id="adgangskode-error"><span class="sr-only">{{t_form_error_prefix}}</span>{{adgangskode_error}}</span>{{/ADGANGSKODE_ERROR}}
<input class="form-input" type="password" id="adgangskode" name="adgangskode" autocomplete="new-password" aria-describedby="adgangskode-hint{{#ADGANGSKODE_ERROR}} adgangskode-error{{/ADGANGSKODE_ERROR}}">
</div>
<div class="form-group{{#GENTAG_ERROR}} form-error{{/GENTAG_ERROR}}">
<label class="form-label" for="gentag">{{t_reset_repeat}}</label>
{{#GENTAG_ERROR}}<span class="form-error-message" id="gentag-error"><span class="sr-only">{{t_form_error_prefix}}</span>{{gentag_error}}</span>{{/GENTAG_ERROR}}
<input class="form-input" type="password" id="gentag" name="gentag" autocomplete="new-password"{{#GENTAG_ERROR}} aria-describedby="gentag-error"{{/GENTAG_ERROR}}>
</div>
<button class="button button-primary" type="submit">{{t_profile_password_submit}}</button>
</form>{{/HAS_PASSWORD}}
