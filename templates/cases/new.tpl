{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_cases_new_page_title}}</h1>
<p class="font-lead">{{t_cases_new_lead}}</p>
<form method="post" action="/sager/ny" novalidate>
{{>CSRF}}
<input type="hidden" name="idempotency_key" value="{{idempotency_key}}">
{{>FIELD_TITLE}}
<fieldset>
<legend class="h3">{{t_cases_new_child_legend}}</legend>
{{>FIELD_CHILD_ID}}
<p>{{t_cases_new_child_new_explain}}</p>
{{>FIELD_FIRST_NAME}}
{{>FIELD_LAST_NAME}}
{{>FIELD_BIRTH_DATE}}
{{>FIELD_CPR}}
{{>FIELD_UNIT_ID}}
{{>FIELD_GROUP_NAME}}
</fieldset>
{{>FIELD_TRIED}}
<button class="button button-primary" type="submit">{{t_cases_new_submit}}</button>
</form>
