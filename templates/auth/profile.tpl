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
<h2 id="ledig-optaget">{{t_freebusy_heading}}</h2>
<p>{{t_freebusy_lead}}</p>
{{#UNAVAILABLE}}<p>{{t_freebusy_unavailable}}</p>{{/UNAVAILABLE}}
{{#AVAILABLE}}{{#NONE}}<p>{{t_freebusy_none}}</p>{{/NONE}}
{{#CONFIGURED}}<p>{{t_freebusy_current}} <strong>{{host}}/…</strong></p>
{{#OK}}<p>{{t_freebusy_status_ok}} {{fetched}}: {{busy_count}} {{t_freebusy_status_busy}}.</p>{{/OK}}
{{#FAILED}}<div class="alert alert-warning" role="status"><div class="alert-body"><p class="alert-heading">{{t_freebusy_status_failed}} ({{attempted}})</p>
<p class="alert-text">{{error}}.{{#LAST_GOOD}} {{t_freebusy_last_good}} ({{fetched}}).{{/LAST_GOOD}}</p></div></div>{{/FAILED}}
{{#NEVER}}<p>{{t_freebusy_status_never}}</p>{{/NEVER}}
<form method="post" action="/min-profil/ledig-optaget/hent" novalidate class="samspil-inline-form">
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-secondary" type="submit">{{t_freebusy_fetch}}</button>
</form>
<form method="post" action="/min-profil/ledig-optaget/fjern" novalidate class="samspil-inline-form">
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-secondary" type="submit">{{t_freebusy_remove}}</button>
</form>{{/CONFIGURED}}
<form method="post" action="/min-profil/ledig-optaget" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<div class="form-group{{#URL_ERROR}} form-error{{/URL_ERROR}}">
<label class="form-label" for="url">{{t_freebusy_url_label}}</label>
<span class="form-hint" id="url-hint">{{t_freebusy_url_hint}}</span>
{{#URL_ERROR}}<span class="form-error-message" id="url-error"><span class="sr-only">{{t_form_error_prefix}}</span>{{url_error}}</span>{{/URL_ERROR}}
<input class="form-input input-width-xl" type="url" id="url" name="url" value="{{url_value}}" autocomplete="off" spellcheck="false" aria-describedby="url-hint{{#URL_ERROR}} url-error{{/URL_ERROR}}">
</div>
<button class="button button-primary" type="submit">{{t_freebusy_save}}</button>
</form>{{/AVAILABLE}}
