{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_roles_title}}</h1>
<p class="font-lead">{{t_roles_lead}}</p>
{{#NO_ROLES}}<p>{{t_roles_none}}</p>{{/NO_ROLES}}
<table class="table">
<caption>{{t_roles_table_caption}}</caption>
<thead><tr><th scope="col">{{t_roles_col_role}}</th><th scope="col">{{t_roles_col_holder}}</th><th scope="col">{{t_roles_col_allowed}}</th><th scope="col">{{t_roles_col_rules}}</th></tr></thead>
<tbody>
{{#ROLE}}<tr><td>{{label}}</td><td>{{holder}}{{#DELEGATED}} ({{t_roles_delegated}}){{/DELEGATED}}</td><td>{{allowed}}</td><td>{{rules}}</td></tr>
{{/ROLE}}</tbody>
</table>
{{#FORM}}<h2>{{t_roles_form_heading}}</h2>
<form method="post" action="/moeder/{{meeting_id}}/roller" novalidate>
{{>CSRF}}
{{>FIELD_ROLE}}
{{>FIELD_PARTICIPANT_ID}}
<button class="button button-primary" type="submit">{{t_roles_submit}}</button>
</form>{{/FORM}}
{{#NOT_CHAIR}}<p>{{t_roles_not_chair}}</p>{{/NOT_CHAIR}}
<p><a href="/moeder/{{meeting_id}}">{{t_meetings_back}}</a></p>
