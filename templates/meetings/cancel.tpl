{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_meetings_cancel_title}}</h1>
<p class="font-lead">{{t_meetings_cancel_lead}} {{when}}.</p>
<form method="post" action="/moeder/{{meeting_id}}/aflys" novalidate>
{{>CSRF}}
{{>FIELD_REASON}}
<button class="button button-primary" type="submit">{{t_meetings_cancel_submit}}</button>
</form>
<p><a href="/moeder/{{meeting_id}}">{{t_meetings_back}}</a></p>
