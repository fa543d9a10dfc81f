{{%AUTOESCAPE context="HTML"}}<h1>{{t_parents_heading}}</h1>
<p class="font-lead">{{t_parents_lead}}</p>
<p><a href="/foraeldre/adgangslog">{{t_parents_access_log_link}}</a></p>
{{#NO_CHILDREN}}<p>{{t_parents_no_children}}</p>{{/NO_CHILDREN}}{{#CHILD}}<section class="card mb-6" aria-labelledby="{{heading_id}}">
<div class="card-content">
<h2 id="{{heading_id}}">{{name}}</h2>
<dl>
{{#UNIT}}<dt>{{t_parents_unit}}</dt><dd>{{unit}}</dd>{{/UNIT}}
{{#GROUP}}<dt>{{t_parents_group}}</dt><dd>{{group}}</dd>{{/GROUP}}
</dl>
<h3>{{t_parents_cases}}</h3>
{{#NO_CASES}}<p>{{t_parents_no_cases}}</p>{{/NO_CASES}}<ul class="nobullet-list">
{{#CASE}}<li><a href="{{href}}">{{title}}</a><br>{{t_parents_case_state}} {{state}}. {{t_parents_case_opened}} {{opened}}.</li>
{{/CASE}}</ul>
<h3>{{t_parents_consents_in_force}}</h3>
{{#NO_CONSENT}}<p>{{t_parents_no_consent}}</p>{{/NO_CONSENT}}<ul class="nobullet-list">
{{#IN_FORCE}}<li class="mb-5">
<p><strong>{{scope}}</strong></p>
<dl>
<dt>{{t_parents_consent_purpose}}</dt><dd>{{purpose}}</dd>
<dt>{{t_parents_consent_parties}}</dt><dd>{{parties}}</dd>
<dt>{{t_parents_consent_given}}</dt><dd>{{given}}</dd>
{{#EXPIRES}}<dt>{{t_parents_consent_expires}}</dt><dd>{{expires}}</dd>{{/EXPIRES}}
</dl>
<p class="form-hint">{{t_parents_withdraw_explain}}</p>
<form method="post" action="{{action}}" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-secondary" type="submit">{{t_parents_withdraw_button}}<span class="sr-only">: {{scope}}</span></button>
</form>
</li>
{{/IN_FORCE}}</ul>
<p><a class="button button-primary" href="{{give_href}}">{{t_parents_give_link}}<span class="sr-only"> ({{name}})</span></a></p>
<h3>{{t_parents_consents_ended}}</h3>
{{#NO_ENDED}}<p>{{t_parents_no_ended}}</p>{{/NO_ENDED}}<ul class="nobullet-list">
{{#ENDED}}<li><strong>{{scope}}</strong>: {{t_parents_consent_given}} {{given}}{{#WITHDRAWN}}, {{t_parents_consent_withdrawn}} {{withdrawn}}{{/WITHDRAWN}}{{#EXPIRED}}, {{t_parents_consent_expired}}{{/EXPIRED}}.</li>
{{/ENDED}}</ul>
</div>
</section>
{{/CHILD}}
