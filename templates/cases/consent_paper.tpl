{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_consent_paper_title}}</h1>
<p class="font-lead">{{t_consent_paper_lead}} <strong>{{case_title}}</strong>.</p>
<p>{{t_consent_paper_scope_note}}</p>
{{#NO_GUARDIANS}}<p>{{t_consent_paper_no_guardians}}</p>{{/NO_GUARDIANS}}{{#NO_SCOPES}}<p>{{t_consent_paper_no_scopes}}</p>{{/NO_SCOPES}}{{#FORM}}<form method="post" action="{{action}}" enctype="multipart/form-data" novalidate>
{{>CSRF}}
<input type="hidden" name="idempotency_key" value="{{idempotency_key}}">
{{>FIELD_GUARDIAN_ID}}
{{>FIELD_SCOPES}}
{{>FIELD_PURPOSE}}
{{>FIELD_PARTIES}}
{{>FIELD_GIVEN_ON}}
{{>FIELD_EXPIRES_ON}}
{{>FIELD_FILE}}
<button class="button button-primary" type="submit">{{t_consent_paper_submit}}</button>
</form>{{/FORM}}
<p><a href="{{back}}">{{t_consent_paper_back}}</a></p>
