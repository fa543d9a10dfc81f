{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{name}}</h1>
<p class="font-lead">{{email}}</p>
<h2>{{t_admin_guardians_col_children}}</h2>
{{#NO_CHILDREN}}<p>{{t_admin_guardian_no_children}}</p>{{/NO_CHILDREN}}<ul>
{{#CHILD}}<li>{{name}} ({{relation}}, {{custody}})</li>
{{/CHILD}}</ul>
<h2>{{t_admin_guardian_link}}</h2>
<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
{{>FIELD_CHILD_ID}}
{{>FIELD_RELATION}}
{{>FIELD_HAS_CUSTODY}}
<button class="button button-primary" type="submit">{{t_admin_guardian_link}}</button>
</form>
