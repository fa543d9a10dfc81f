{{%AUTOESCAPE context="HTML"}}<h1>{{t_totp_heading}}</h1>
{{>ERROR_SUMMARY}}
<p>{{t_totp_intro}}</p>
<form method="post" action="/log-ind/totp" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<div class="form-group{{#KODE_ERROR}} form-error{{/KODE_ERROR}}">
<label class="form-label" for="kode">{{t_totp_code}}</label>
<span class="form-hint" id="kode-hint">{{t_totp_code_hint}}</span>
{{#KODE_ERROR}}<span class="form-error-message" id="kode-error"><span class="sr-only">{{t_form_error_prefix}}</span>{{kode_error}}</span>{{/KODE_ERROR}}
<input class="form-input input-width-xs" type="text" id="kode" name="kode" inputmode="numeric" autocomplete="one-time-code" maxlength="7" aria-describedby="kode-hint{{#KODE_ERROR}} kode-error{{/KODE_ERROR}}">
</div>
<button class="button button-primary" type="submit">{{t_totp_submit}}</button>
</form>
<form method="post" action="/log-ud"><input type="hidden" name="csrf_token" value="{{csrf_token}}"><button class="button button-unstyled function-link" type="submit">{{t_totp_cancel}}</button></form>
