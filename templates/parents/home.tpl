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
<h3>{{t_pp_invitations}}</h3>
{{#NO_INVITATIONS}}<p>{{t_pp_no_invitations}}</p>{{/NO_INVITATIONS}}<ul class="nobullet-list">
{{#INVITATION}}<li class="mb-5">
<p><strong>{{type}}</strong>: {{case_title}}<br>{{when}}{{#LOCATION}}, {{location}}{{/LOCATION}}</p>
<p>{{#RESPONSE_PENDING}}{{t_pp_response_pending}}{{/RESPONSE_PENDING}}{{#RESPONSE_ACCEPTED}}{{t_pp_response_accepted}}{{/RESPONSE_ACCEPTED}}{{#RESPONSE_DECLINED}}{{t_pp_response_declined}}{{/RESPONSE_DECLINED}}</p>
<p><a class="button button-primary" href="{{meeting_href}}">{{t_pp_answer_link}}<span class="sr-only">: {{type}} {{when}}</span></a></p>
<p><a href="{{perspective_href}}">{{t_pp_add_link}}<span class="sr-only">: {{type}} {{when}}</span></a></p>
</li>
{{/INVITATION}}</ul>
<h3>{{t_parents_cases}}</h3>
{{#NO_CASES}}<p>{{t_parents_no_cases}}</p>{{/NO_CASES}}<ul class="nobullet-list">
{{#CASE}}<li><a href="{{href}}">{{title}}</a><br>{{t_parents_case_state}} {{state}}. {{t_parents_case_opened}} {{opened}}.</li>
{{/CASE}}</ul>
<h3>{{t_pp_documents}}</h3>
{{#NO_DOCUMENTS}}<p>{{t_pp_no_documents}}</p>{{/NO_DOCUMENTS}}<ul class="nobullet-list">
{{#AGREEMENT}}<li class="mb-3"><a href="{{href}}">{{t_pp_agreement_pdf}}: {{type}} {{when}}</a> (PDF)</li>
{{/AGREEMENT}}{{#REQUEST_FORM}}<li class="mb-3">{{t_pp_request_form}}: {{title}}<br><a href="{{href}}">{{t_pp_read}}<span class="sr-only"> ({{title}})</span></a> · <a href="{{pdf_href}}">{{t_pp_download_pdf}}<span class="sr-only"> ({{title}})</span></a></li>
{{/REQUEST_FORM}}</ul>
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
