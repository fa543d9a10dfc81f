{{%AUTOESCAPE context="HTML"}}{{#PROBLEM}}<div class="alert alert-error" role="alert">
<div class="alert-body"><p class="alert-heading">{{t_triage_refused}}</p><p class="alert-text">{{problem}}</p></div>
</div>
{{/PROBLEM}}<h1>{{title}}</h1>
<dl>
<dt>{{t_triage_col_district}}</dt><dd>{{district}}</dd>
<dt>{{t_triage_col_institution}}</dt><dd>{{institution}}</dd>
<dt>{{t_triage_col_requested}}</dt><dd>{{requested}}</dd>
<dt>{{t_triage_col_waiting}}</dt><dd>{{waiting_days}}</dd>
</dl>
<p><a href="{{case_href}}">{{t_triage_open_case}}</a></p>
<h2>{{t_triage_decision_heading}}</h2>
<form method="post" action="{{action}}" novalidate>
{{>ERROR_SUMMARY}}
{{>CSRF}}
{{>FIELD_DECISION}}
{{>FIELD_ASSIGNEE_ID}}
{{>FIELD_REASON}}
<button class="button button-primary" type="submit">{{t_triage_decide_button}}</button>
</form>
