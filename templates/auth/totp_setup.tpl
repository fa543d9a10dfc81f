{{%AUTOESCAPE context="HTML"}}<h1>{{t_totp_setup_heading}}</h1>
{{>ERROR_SUMMARY}}
<p>{{t_totp_setup_intro}}</p>
<ol>
<li>{{t_totp_setup_step_app}}</li>
<li>{{t_totp_setup_step_scan}}
<div class="qr-code"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{t_totp_setup_qr_label}}" viewBox="0 0 {{qr_size}} {{qr_size}}" width="240" height="240" shape-rendering="crispEdges"><rect width="{{qr_size}}" height="{{qr_size}}" fill="#fff"/><path fill="#000" d="{{qr_path}}"/></svg></div>
<p>{{t_totp_setup_manual}} <code class="totp-secret">{{secret}}</code></p>
<details><summary>{{t_totp_setup_link}}</summary><p><code class="totp-uri">{{otpauth_uri}}</code></p></details></li>
<li>{{t_totp_setup_step_code}}</li>
</ol>
<form method="post" action="{{action}}" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<input type="hidden" name="sealed" value="{{sealed}}">
<div class="form-group{{#KODE_ERROR}} form-error{{/KODE_ERROR}}">
<label class="form-label" for="kode">{{t_totp_code}}</label>
<span class="form-hint" id="kode-hint">{{t_totp_code_hint}}</span>
{{#KODE_ERROR}}<span class="form-error-message" id="kode-error"><span class="sr-only">{{t_form_error_prefix}}</span>{{kode_error}}</span>{{/KODE_ERROR}}
<input class="form-input input-width-xs" type="text" id="kode" name="kode" inputmode="numeric" autocomplete="one-time-code" maxlength="7" aria-describedby="kode-hint{{#KODE_ERROR}} kode-error{{/KODE_ERROR}}">
</div>
<button class="button button-primary" type="submit">{{t_totp_setup_submit}}</button>
</form>
