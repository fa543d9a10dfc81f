{{%AUTOESCAPE context="HTML"}}{{>STEP_INDICATOR}}{{>ERROR_SUMMARY}}<h1>{{type_name}}</h1>
{{#WITHOUT_PARENTS}}<p>{{t_meetings_without_parents_text}}</p>{{/WITHOUT_PARENTS}}
<h2>{{t_meetings_new_roles}}</h2>
<ul>
{{#ROLE}}<li>{{role}}: {{holder}}</li>
{{/ROLE}}</ul>
{{#CALENDAR_FAILED}}<div class="alert alert-warning" role="status"><div class="alert-body"><p class="alert-heading">{{t_freebusy_convene_failed}}</p><ul class="alert-text">{{#FAILED_PERSON}}<li>{{name}}</li>{{/FAILED_PERSON}}</ul><p class="alert-text">{{t_freebusy_convene_failed_hint}}</p></div></div>{{/CALENDAR_FAILED}}
{{#NO_SLOTS}}<p>{{t_meetings_new_no_slots}}</p>{{/NO_SLOTS}}
<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
<input type="hidden" name="type" value="{{type_id}}">
{{>FIELD_PARTICIPANTS}}
{{#PARENTS_CHOOSE}}<input type="hidden" name="parents_choose" value="1">
<p>{{t_dates_new_parents_choose_lead}}</p>{{/PARENTS_CHOOSE}}
{{>FIELD_PROPOSALS}}
{{>FIELD_SLOT}}
{{>FIELD_DATE}}
{{>FIELD_TIME}}
{{>FIELD_DURATION}}
{{>FIELD_LOCATION}}
<h2>{{t_meetings_new_network}}</h2>
{{>FIELD_NETWORK_NAME}}
{{>FIELD_NETWORK_EMAIL}}
<button class="button button-primary" type="submit">{{t_meetings_new_submit}}</button>
</form>
