{{%AUTOESCAPE context="HTML"}}<h1>{{type_name}}</h1>
{{#CANCELLED}}<div class="alert alert-warning" role="status"><div class="alert-body"><p class="alert-heading">{{t_meetings_status_cancelled}}</p><p class="alert-text">{{cancel_reason}}</p></div></div>
{{/CANCELLED}}<dl>
<dt>{{t_meetings_when}}</dt><dd>{{when}}{{#until}}–{{until}}{{/until}}</dd>
<dt>{{t_meetings_location}}</dt><dd>{{location}}</dd>
<dt>{{t_meetings_status}}</dt><dd>{{status}}</dd>
{{#DUE}}<dt>{{t_meetings_due}}</dt><dd>{{due}}</dd>{{/DUE}}
</dl>
{{#PROPOSED}}<div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text">{{t_dates_staff_lead}} <a href="{{dates_href}}">{{t_dates_link}}</a></p></div></div>
{{/PROPOSED}}{{#WITHOUT_PARENTS}}<h2>{{t_meetings_without_parents_heading}}</h2>
<p>{{t_meetings_without_parents_text}}</p>
{{#INFORMED}}<p>{{t_meetings_parents_informed_at}} {{informed}}</p>{{/INFORMED}}
{{#INFORM}}<form method="post" action="/moeder/{{meeting_id}}/orienter-foraeldre" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-secondary" type="submit">{{t_meetings_inform_parents}}</button>
</form>{{/INFORM}}
{{/WITHOUT_PARENTS}}<h2>{{t_meetings_participants}}</h2>
<ul class="nobullet-list">
{{#PARTICIPANT}}<li><strong>{{name}}</strong> ({{relation}}) – {{t_meetings_roles}}: {{roles}} – {{response}}</li>
{{/PARTICIPANT}}</ul>
<p><a href="/moeder/{{meeting_id}}/roller">{{t_roles_link}}</a></p>
{{>PERSPECTIVES}}
<h2>{{t_journeys_meeting_pages}}</h2>
<ul>
<li><a href="/moeder/{{meeting_id}}/dagsorden">{{t_agenda_title}}</a></li>
<li><a href="/moeder/{{meeting_id}}/oplaeg">{{t_brief_title}}</a></li>
<li><a href="/moeder/{{meeting_id}}/afvikling">{{t_live_title}}</a></li>
</ul>
{{#MY_ANSWER}}<h2>{{t_meetings_my_answer}}</h2>
<p>{{t_meetings_my_answer_now}} {{response}}</p>
<form method="post" action="/moeder/{{meeting_id}}/svar" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-primary" type="submit" name="response" value="accepted">{{t_meetings_accept}}</button>
<button class="button button-secondary" type="submit" name="response" value="declined">{{t_meetings_decline}}</button>
</form>
{{/MY_ANSWER}}{{#MANAGE}}<h2>{{t_meetings_manage}}</h2>
<p>{{#MOVE}}<a href="/moeder/{{meeting_id}}/flyt">{{t_meetings_move_title}}</a> · {{/MOVE}}<a href="/moeder/{{meeting_id}}/aflys">{{t_meetings_cancel_title}}</a></p>
{{/MANAGE}}<p><a href="{{case_href}}">{{t_meetings_back_to_case}}</a></p>
