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
<section aria-labelledby="overview-meetings">
<h2 id="overview-meetings">{{t_overview_meetings_heading}}</h2>
{{#MEETINGS}}<ul class="nobullet-list samspil-overview-list">
{{#ITEM}}<li><a href="{{href}}">{{title}}</a> <span class="samspil-overview-meta">{{meta}}</span></li>
{{/ITEM}}</ul>{{/MEETINGS}}{{#MEETINGS_EMPTY}}<p>{{t_overview_meetings_empty}}</p>{{/MEETINGS_EMPTY}}
</section>
<section aria-labelledby="overview-deadlines">
<h2 id="overview-deadlines">{{t_overview_deadlines_heading}}</h2>
{{#DEADLINES}}<ul class="nobullet-list samspil-overview-list">
{{#ITEM}}<li><a href="{{href}}">{{title}}</a> <span class="samspil-overview-meta{{#OVERDUE}} samspil-deadline--overdue{{/OVERDUE}}">{{#OVERDUE}}{{t_overview_deadline_overdue}}: {{/OVERDUE}}{{meta}}</span></li>
{{/ITEM}}</ul>{{/DEADLINES}}{{#DEADLINES_EMPTY}}<p>{{t_overview_deadlines_empty}}</p>{{/DEADLINES_EMPTY}}
</section>
<section aria-labelledby="overview-cases">
<h2 id="overview-cases">{{t_overview_cases_heading}}</h2>
{{#CASES}}<ul class="nobullet-list samspil-overview-list">
{{#ITEM}}<li><a href="{{href}}">{{title}}</a> <span class="samspil-overview-meta">{{meta}}</span></li>
{{/ITEM}}</ul>{{/CASES}}{{#CASES_EMPTY}}<p>{{t_overview_cases_empty}}</p>{{/CASES_EMPTY}}
<p><a href="/sager" class="function-link">{{t_overview_see_all_cases}}</a></p>
</section>
{{/OVERVIEW}}
