{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{name}}</h1>
<p class="font-lead">{{email}}</p>
<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
{{>FIELD_DISPLAY_NAME}}
{{>FIELD_ROLE}}
{{>FIELD_PROFESSIONS}}
{{>FIELD_UNITS}}
{{>FIELD_LEADS}}
{{>FIELD_DISABLED}}
{{>FIELD_PASSWORD}}
<button class="button button-primary" type="submit">{{t_admin_user_save}}</button>
</form>
