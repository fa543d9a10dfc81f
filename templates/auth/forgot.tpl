{{%AUTOESCAPE context="HTML"}}<h1>{{t_forgot_heading}}</h1>
{{>ERROR_SUMMARY}}
<p>{{t_forgot_intro}}</p>
<form method="post" action="/glemt-adgangskode" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
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
<button class="button button-primary" type="submit">{{t_forgot_submit}}</button>
</form>
