{{%AUTOESCAPE context="HTML"}}<h1>{{t_reset_heading}}</h1>
{{>ERROR_SUMMARY}}
<form method="post" action="/nulstil-adgangskode" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
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
<button class="button button-primary" type="submit">{{t_reset_submit}}</button>
</form>
