{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_pp_heading}}</h1>
<dl>
<dt>{{t_pp_meeting}}</dt><dd>{{type}}</dd>
<dt>{{t_pp_case}}</dt><dd>{{case_title}}</dd>
<dt>{{t_pp_when}}</dt><dd>{{when}}</dd>
{{#SAVED}}<dt>{{t_pp_last_saved}}</dt><dd>{{saved}}</dd>{{/SAVED}}
</dl>
{{#FORM}}<p class="font-lead">{{t_pp_lead}}</p>
<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
{{>FIELD_TEXT}}
<button class="button button-primary" type="submit">{{t_pp_submit}}</button>
</form>{{/FORM}}
{{#CLOSED}}<p>{{t_pp_closed}}</p>{{#READ_ONLY}}<p>{{text}}</p>{{/READ_ONLY}}{{/CLOSED}}
<p><a href="/foraeldre">{{t_pp_cancel}}</a></p>
