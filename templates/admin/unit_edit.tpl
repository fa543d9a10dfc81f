{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{name}}</h1>
<p class="font-lead">{{kind}}</p>
<h2>{{t_admin_unit_edit}}</h2>
<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
{{>FIELD_NAME}}
{{>FIELD_PARENT_ID}}
<button class="button button-primary" type="submit">{{t_admin_unit_save}}</button>
</form>
