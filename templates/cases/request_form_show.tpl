{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_rf_title}}</h1>
{{#PROBLEM}}<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">{{problem}}</p></div></div>{{/PROBLEM}}
<p class="font-lead">{{t_rf_show_lead}}</p>
{{>FORM_VIEW}}
<p><a href="{{pdf_href}}" download>{{t_rf_pdf}}</a></p>
{{#NEW_VERSION}}<form method="post" action="{{action}}" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<input type="hidden" name="idempotency_key" value="{{idempotency_key}}">
<p>{{t_rf_new_version_lead}}</p>
<button class="button button-secondary" type="submit">{{t_rf_new_version}}</button>
</form>{{/NEW_VERSION}}
<p><a href="{{case_href}}">{{t_rf_back_to_case}}</a></p>
