{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_admin_users_new}}</h1>
<form method="post" action="/admin/brugere/ny" novalidate>
{{>CSRF}}
{{>FIELD_EMAIL}}
{{>FIELD_DISPLAY_NAME}}
{{>FIELD_ROLE}}
{{>FIELD_PROFESSIONS}}
{{>FIELD_UNITS}}
{{>FIELD_LEADS}}
{{>FIELD_PASSWORD}}
<button class="button button-primary" type="submit">{{t_admin_user_create}}</button>
</form>
