{{%AUTOESCAPE context="HTML"}}<h1>{{t_close_title}}</h1>
<p class="font-lead">{{case_title}}</p>
<p>{{t_close_f9}}</p>
{{#ALREADY_CLOSED}}<p>{{t_close_already}}</p>
<p>{{t_close_retention_is}} {{retention}}.</p>{{/ALREADY_CLOSED}}
{{#NOT_NOW}}<p>{{t_close_not_now}}</p>
<ul>
{{#REFUSAL}}<li>{{reason}}</li>
{{/REFUSAL}}</ul>{{/NOT_NOW}}
{{#CAN_CLOSE}}<div class="alert alert-info" role="note">
<div class="alert-body"><p class="alert-heading">{{t_close_retention_heading}}</p>
<p class="alert-text">{{t_close_retention_text}} <strong>{{retention}}</strong> ({{retention_days}} {{t_close_days}}).</p>
<p class="alert-text">{{t_close_guardians}}</p>
<p class="alert-text">{{t_close_read_only}}</p></div>
</div>
<form method="post" action="{{action}}" novalidate>
{{>ERROR_SUMMARY}}
{{>CSRF}}
{{>FIELD_REASON}}
{{>FIELD_DETAILS}}
<button class="button button-primary" type="submit">{{t_close_button}}</button>
</form>{{/CAN_CLOSE}}
<p><a href="{{case_href}}">{{t_close_back}}</a></p>
