{{%AUTOESCAPE context="HTML"}}<h1>{{type_name}}</h1>
{{#CANCELLED}}<div class="alert alert-warning" role="status"><div class="alert-body"><p class="alert-heading">{{t_meetings_status_cancelled}}</p></div></div>
{{/CANCELLED}}<dl>
<dt>{{t_meetings_when}}</dt><dd>{{when}}{{#until}}–{{until}}{{/until}}</dd>
<dt>{{t_meetings_location}}</dt><dd>{{location}}</dd>
<dt>{{t_meetings_status}}</dt><dd>{{status}}</dd>
</dl>
{{#PROPOSED}}<h2>{{t_dates_choose_heading}}</h2>
<p>{{t_dates_lead}}</p>
<p><a class="button button-primary" href="{{dates_href}}">{{t_dates_link}}</a></p>
{{/PROPOSED}}<h2>{{t_meetings_participants}}</h2>
<ul class="nobullet-list">
{{#PARTICIPANT}}<li><strong>{{name}}</strong> ({{relation}}) – {{response}}</li>
{{/PARTICIPANT}}</ul>
{{#MY_ANSWER}}<h2>{{t_meetings_my_answer}}</h2>
<p>{{t_meetings_my_answer_now}} {{response}}</p>
<form method="post" action="/moeder/{{meeting_id}}/svar" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-primary" type="submit" name="response" value="accepted">{{t_meetings_accept}}</button>
<button class="button button-secondary" type="submit" name="response" value="declined">{{t_meetings_decline}}</button>
</form>
{{/MY_ANSWER}}<p><a href="/foraeldre">{{t_meetings_back_to_portal}}</a></p>
