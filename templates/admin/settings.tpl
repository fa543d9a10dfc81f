{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_settings_title}}</h1>
<p class="font-lead">{{t_settings_lead}}</p>
{{#DEFAULTS}}<p>{{t_settings_defaults_note}}</p>{{/DEFAULTS}}
<form method="post" action="/admin/indstillinger" novalidate>
{{>CSRF}}
{{>FIELD_CASE_MODEL_ID}}
{{>FIELD_RETENTION_DAYS}}
<button class="button button-primary" type="submit">{{t_settings_save}}</button>
</form>
{{#CONSENT}}<h2>{{t_settings_consent_heading}}</h2>
<p>{{consent_rule}}</p>
<p>{{t_settings_consent_note}}</p>{{/CONSENT}}
