{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_meetings_move_title}}</h1>
<p class="font-lead">{{t_meetings_move_lead}} {{when}}.</p>
<form method="post" action="/moeder/{{meeting_id}}/flyt" novalidate>
{{>CSRF}}
{{>FIELD_DATE}}
{{>FIELD_TIME}}
{{>FIELD_LOCATION}}
{{>FIELD_REASON}}
<button class="button button-primary" type="submit">{{t_meetings_move_submit}}</button>
</form>
<p><a href="/moeder/{{meeting_id}}">{{t_meetings_back}}</a></p>
