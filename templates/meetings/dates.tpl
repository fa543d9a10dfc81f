{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{heading}}</h1>
{{#GONE}}<p>{{t_dates_gone}}</p>{{/GONE}}
{{#DONE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-heading">{{t_dates_done}} {{when}}</p><p class="alert-text">{{t_dates_done_next}}</p></div></div>
{{/DONE}}{{#LEAD}}<p class="font-lead">{{lead}}</p>
{{/LEAD}}{{#LIST}}<ul>
{{#PROPOSAL}}<li>{{when}}{{#CHOSEN}} ({{t_dates_chosen}}){{/CHOSEN}}</li>
{{/PROPOSAL}}</ul>
{{/LIST}}{{#WAITING}}<p>{{t_dates_staff_waiting}}</p>
{{/WAITING}}{{#FORM}}{{#SUBHEADING}}<h2>{{subheading}}</h2>
<p>{{text}}</p>
{{/SUBHEADING}}<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
{{>FIELD_PROPOSAL}}
{{>FIELD_REASON}}
<button class="button button-primary" type="submit">{{submit}}</button>
</form>
{{/FORM}}{{#BACK}}<p><a href="{{back_href}}">{{back_label}}</a></p>{{/BACK}}
