{{%AUTOESCAPE context="HTML"}}{{#SIGNED_OUT_HOME}}<h1>{{t_home_heading}}</h1>
<p class="font-lead">{{t_home_lead}}</p>
<h2>{{t_home_what_heading}}</h2>
<p>{{t_home_what_text}}</p>
<div class="row">
<div class="col-12 col-md-6">
<h2 class="h3">{{t_home_staff_heading}}</h2>
<p>{{t_home_staff_text}}</p>
<p><a class="button button-primary" href="/log-ind">{{t_sign_in}}</a></p>
</div>
<div class="col-12 col-md-6">
<h2 class="h3">{{t_home_parents_heading}}</h2>
<p>{{t_home_parents_text}}</p>
<p><a class="button button-secondary" href="/log-ind?naeste=/foraeldre">{{t_home_parents_sign_in}}</a></p>
</div>
</div>
<p class="form-hint">{{t_home_privacy_text}}</p>
{{/SIGNED_OUT_HOME}}{{#OVERVIEW}}<h1>{{t_overview_heading}}</h1>
<p class="font-lead">{{t_overview_greeting}} {{user_name}}</p>
{{#MEETINGS_LIST}}<section aria-labelledby="overview-meetings" class="mb-7">
<h2 id="overview-meetings">{{t_overview_meetings_heading}}</h2>
{{#MEETINGS_EMPTY}}<p>{{t_overview_meetings_empty}}</p>{{/MEETINGS_EMPTY}}<ul class="nobullet-list samspil-overview-list">
{{#MEETING}}<li class="mb-4"><a href="{{href}}">{{type}}: {{case_title}}</a><br><span class="samspil-overview-meta">{{when}}{{#DRAFT}} · {{t_ov_meeting_draft}}{{/DRAFT}}{{#ACCEPTED}} · {{t_ov_meeting_accepted}}{{/ACCEPTED}}{{#DECLINED}} · {{t_ov_meeting_declined}}{{/DECLINED}}</span></li>
{{/MEETING}}</ul>
{{#MORE}}<p><a href="{{more_href}}" class="function-link">{{t_ov_more_meetings}}</a></p>{{/MORE}}
</section>{{/MEETINGS_LIST}}
{{#DEADLINES_LIST}}<section aria-labelledby="overview-deadlines" class="mb-7">
<h2 id="overview-deadlines">{{t_overview_deadlines_heading}}</h2>
{{#DEADLINES_EMPTY}}<p>{{t_overview_deadlines_empty}}</p>{{/DEADLINES_EMPTY}}<ul class="nobullet-list samspil-overview-list">
{{#DEADLINE}}<li class="mb-4"><a href="{{href}}">{{name}}</a> ({{case_title}})<br><span class="samspil-overview-meta{{#OVERDUE}} samspil-deadline--overdue{{/OVERDUE}}">{{#OVERDUE}}{{t_overview_deadline_overdue}}: {{/OVERDUE}}{{t_ov_due}} {{due}}</span></li>
{{/DEADLINE}}</ul>
{{#MORE}}<p><a href="{{more_href}}" class="function-link">{{t_ov_more_deadlines}}</a></p>{{/MORE}}
</section>{{/DEADLINES_LIST}}
{{#TASKS_LIST}}<section aria-labelledby="overview-tasks" class="mb-7">
<h2 id="overview-tasks">{{t_ov_tasks_heading}}</h2>
{{#TASKS_EMPTY}}<p>{{t_ov_tasks_empty}}</p>{{/TASKS_EMPTY}}<ul class="nobullet-list samspil-overview-list">
{{#TASK}}<li class="mb-4">{{#LINK}}<a href="{{href}}">{{label}}</a>{{/LINK}}{{#NO_LINK}}{{label}}{{/NO_LINK}}{{#DUE}}<br><span class="samspil-overview-meta{{#TASK_OVERDUE}} samspil-deadline--overdue{{/TASK_OVERDUE}}">{{#TASK_OVERDUE}}{{t_overview_deadline_overdue}}: {{/TASK_OVERDUE}}{{t_ov_due}} {{due}}</span>{{/DUE}}
<form method="post" action="/opgaver/{{task_id}}/udfoert" class="samspil-inline-form" novalidate><input type="hidden" name="csrf_token" value="{{csrf_token}}"><button class="button button-secondary button-small" type="submit">{{t_ov_task_done}}<span class="sr-only">: {{label}}</span></button></form></li>
{{/TASK}}</ul>
{{#MORE}}<p><a href="{{more_href}}" class="function-link">{{t_ov_more_tasks}}</a></p>{{/MORE}}
</section>{{/TASKS_LIST}}
{{#CASES_LIST}}<section aria-labelledby="overview-cases" class="mb-7">
<h2 id="overview-cases">{{t_overview_cases_heading}}</h2>
{{#CASES_EMPTY}}<p>{{t_overview_cases_empty}}</p>{{/CASES_EMPTY}}<ul class="nobullet-list samspil-overview-list">
{{#CASE}}<li class="mb-4"><a href="{{href}}">{{title}}</a><br><span class="samspil-overview-meta">{{state}} · {{t_ov_changed}} {{changed}}</span></li>
{{/CASE}}</ul>
{{#MORE}}<p><a href="{{more_href}}" class="function-link">{{t_ov_more_cases}}</a></p>{{/MORE}}
<p><a href="/sager" class="function-link">{{t_overview_see_all_cases}}</a></p>
</section>{{/CASES_LIST}}
{{#COMPLIANCE}}<section aria-labelledby="overview-compliance" class="mb-7">
<h2 id="overview-compliance">{{t_ov_compliance_heading}}</h2>
<p class="form-hint">{{t_ov_compliance_hint}}</p>
{{#COMPLIANCE_EMPTY}}<p>{{t_ov_compliance_empty}}</p>{{/COMPLIANCE_EMPTY}}{{#COMPLIANCE_TABLE}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="overview-compliance">
<table class="table table--compact">
<thead><tr><th scope="col">{{t_ov_compliance_unit}}</th><th scope="col">{{t_ov_compliance_kind}}</th><th scope="col" class="text-align-right">{{t_ov_compliance_met}}</th><th scope="col" class="text-align-right">{{t_ov_compliance_missed}}</th></tr></thead>
<tbody>
{{#COMPLIANCE_ROW}}<tr><td>{{unit}}</td><td>{{name}}</td><td class="text-align-right">{{met}}</td><td class="text-align-right{{#MISSED}} samspil-deadline--overdue{{/MISSED}}">{{missed}}</td></tr>
{{/COMPLIANCE_ROW}}</tbody>
</table>
</div>{{/COMPLIANCE_TABLE}}
</section>{{/COMPLIANCE}}
{{/OVERVIEW}}