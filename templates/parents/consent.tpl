{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_parents_consent_heading}} {{child_name}}</h1>
<p class="font-lead">{{t_parents_consent_lead}}</p>
{{#NO_SCOPES}}<p>{{t_parents_consent_no_scopes}}</p>{{/NO_SCOPES}}{{#FORM}}<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
<input type="hidden" name="idempotency_key" value="{{idempotency_key}}">
{{>FIELD_SCOPE}}
{{>FIELD_PURPOSE}}
{{>FIELD_PARTIES}}
<button class="button button-primary" type="submit">{{t_parents_consent_submit}}</button>
</form>{{/FORM}}
<p><a href="/foraeldre">{{t_parents_consent_cancel}}</a></p>
