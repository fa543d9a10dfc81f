{{%AUTOESCAPE context="HTML"}}<h1>{{t_login_heading}}</h1>
{{#NOTICE}}<div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text">{{notice}}</p></div></div>{{/NOTICE}}
{{>ERROR_SUMMARY}}
<form method="post" action="/log-ind" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<input type="hidden" name="naeste" value="{{next}}">
{{#ONE_TENANT}}<input type="hidden" name="kommune" value="{{tenant_id}}">{{/ONE_TENANT}}
{{#TENANT_SELECT}}<div class="form-group{{#TENANT_ERROR}} form-error{{/TENANT_ERROR}}">
<label class="form-label" for="kommune">{{t_login_tenant}}</label>
{{#TENANT_ERROR}}<span class="form-error-message" id="kommune-error"><span class="sr-only">{{t_form_error_prefix}}</span>{{kommune_error}}</span>{{/TENANT_ERROR}}
<select class="form-select" id="kommune" name="kommune"{{#TENANT_ERROR}} aria-describedby="kommune-error"{{/TENANT_ERROR}}>
<option value="">{{t_login_tenant_choose}}</option>
{{#TENANT}}<option value="{{id}}"{{#SELECTED}} selected{{/SELECTED}}>{{name}}</option>
{{/TENANT}}</select>
</div>{{/TENANT_SELECT}}
<div class="form-group{{#EMAIL_ERROR}} form-error{{/EMAIL_ERROR}}">
<label class="form-label" for="email">{{t_login_email}}</label>
{{#EMAIL_ERROR}}<span class="form-error-message" id="email-error"><span class="sr-only">{{t_form_error_prefix}}</span>{{email_error}}</span>{{/EMAIL_ERROR}}
<input class="form-input" type="email" id="email" name="email" value="{{email}}" autocomplete="username" spellcheck="false"{{#EMAIL_ERROR}} aria-describedby="email-error"{{/EMAIL_ERROR}}>
</div>
<div class="form-group{{#ADGANGSKODE_ERROR}} form-error{{/ADGANGSKODE_ERROR}}">
<label class="form-label" for="adgangskode">{{t_login_password}}</label>
{{#ADGANGSKODE_ERROR}}<span class="form-error-message" id="adgangskode-error"><span class="sr-only">{{t_form_error_prefix}}</span>{{adgangskode_error}}</span>{{/ADGANGSKODE_ERROR}}
<input class="form-input" type="password" id="adgangskode" name="adgangskode" autocomplete="current-password"{{#ADGANGSKODE_ERROR}} aria-describedby="adgangskode-error"{{/ADGANGSKODE_ERROR}}>
</div>
<button class="button button-primary" type="submit">{{t_login_submit}}</button>
</form>
<ul class="nobullet-list">
<li><a class="function-link" href="/log-ind/sso">{{t_login_sso}}</a></li>
<li><a class="function-link" href="/glemt-adgangskode">{{t_login_forgot}}</a></li>
</ul>
