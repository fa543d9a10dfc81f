{{%AUTOESCAPE context="HTML"}}{{#PROBLEM}}<div class="alert alert-error" role="alert">
<div class="alert-body"><p class="alert-heading">{{t_cases_show_refused}}</p><p class="alert-text">{{problem}}</p></div>
</div>
{{/PROBLEM}}<h1>{{case_title}}</h1>
<dl>
<dt>{{t_cases_show_state}}</dt><dd>{{state}}</dd>
<dt>{{t_cases_show_opened}}</dt><dd>{{opened}}</dd>
{{#CLOSED}}<dt>{{t_cases_show_close_reason}}</dt><dd>{{reason}}</dd>
<dt>{{t_cases_show_retention}}</dt><dd>{{retention}}</dd>{{/CLOSED}}
</dl>
{{#CLOSED}}<p>{{t_close_f9}}</p>{{/CLOSED}}
<p><a href="{{case_href}}/tidslinje">{{t_triage_case_timeline_link}}</a>{{#CAN_CLOSE}} · <a href="{{case_href}}/luk">{{t_close_title}}</a>{{/CAN_CLOSE}}</p>
{{#WAITING}}<h2>{{t_triage_case_waiting}}</h2>
<dl>
<dt>{{t_triage_col_requested}}</dt><dd>{{requested}}</dd>
<dt>{{t_triage_case_decided}}</dt><dd>{{decided}} ({{decision_days}} {{t_triage_case_days}})</dd>
<dt>{{t_triage_case_startup}}</dt><dd>{{startup}} ({{startup_days}} {{t_triage_case_days}})</dd>
</dl>
<ul>
{{#DECISION}}<li><time>{{at}}</time>: {{what}} – {{who}}{{#REASON}}: {{reason}}{{/REASON}}</li>
{{/DECISION}}</ul>
{{/WAITING}}<h2>{{t_cases_show_consents}}</h2>
{{#NO_CONSENT}}<p>{{t_cases_show_no_consent}}</p>{{/NO_CONSENT}}<ul>
{{#CONSENT}}<li>{{name}}</li>
{{/CONSENT}}</ul>
{{#MEETINGS}}<h2>{{t_journeys_case_meetings}}</h2>
{{#NO_MEETINGS}}<p>{{t_journeys_case_no_meetings}}</p>{{/NO_MEETINGS}}<ul class="nobullet-list">
{{#MEETING}}<li><a href="/moeder/{{meeting_id}}">{{type_name}} {{starts}}</a> – {{status}}</li>
{{/MEETING}}</ul>
{{/MEETINGS}}{{#STAFF}}<h3>{{t_consent_list_heading}}</h3>
{{#NO_CONSENT_RECORDS}}<p>{{t_consent_list_none}}</p>{{/NO_CONSENT_RECORDS}}{{#CONSENT_RECORDS}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_table_scroll_label}}">
<table class="table table--compact">
<caption class="sr-only">{{t_consent_list_caption}}</caption>
<thead><tr>
<th scope="col">{{t_consent_list_guardian}}</th>
<th scope="col">{{t_consent_list_scope}}</th>
<th scope="col">{{t_consent_list_source}}</th>
<th scope="col">{{t_consent_list_given}}</th>
<th scope="col">{{t_consent_list_expires}}</th>
<th scope="col">{{t_consent_list_status}}</th>
<th scope="col">{{t_consent_list_scan}}</th>
</tr></thead>
<tbody>
{{#CONSENT_ROW}}<tr>
<td>{{guardian}}</td>
<td>{{scope}}</td>
<td>{{source}}</td>
<td>{{given}}</td>
<td>{{expires}}</td>
<td>{{status}}</td>
<td>{{#SCAN}}<a href="{{href}}">{{t_consent_list_download_scan}}</a>{{/SCAN}}</td>
</tr>
{{/CONSENT_ROW}}</tbody>
</table>
</div>
{{/CONSENT_RECORDS}}{{#CAN_RECORD_CONSENT}}<p><a href="{{case_href}}/samtykke/papir">{{t_consent_paper_link}}</a></p>{{/CAN_RECORD_CONSENT}}
<p><a href="{{case_href}}/anmodning">{{t_rf_title}}</a> · <a href="{{case_href}}/moeder/ny">{{t_meetings_new_title}}</a></p>
<h2>{{t_cases_show_moves}}</h2>
<p>{{t_cases_show_moves_lead}}</p>
<ul class="nobullet-list">
{{#MOVE}}<li>
<h3 class="h4">{{to_name}}</h3>
<p>{{t_cases_show_via}} {{via_name}}</p>
{{#REFUSED}}<p class="form-hint">{{t_cases_show_not_now}} {{reason}}</p>{{/REFUSED}}
{{#ALLOWED}}<form method="post" action="{{action}}" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<input type="hidden" name="to_state" value="{{to_state}}">
<input type="hidden" name="via" value="{{via}}">
{{#NEEDS_REASON}}<div class="form-group">
<label class="form-label" for="{{field_id}}">{{t_cases_show_reason}}</label>
<textarea class="form-input" id="{{field_id}}" name="reason" rows="3"></textarea>
</div>{{/NEEDS_REASON}}
{{#PPR}}<div class="form-group">
<label class="form-label" for="{{field_id}}">{{t_cases_show_ppr_unit}}<span class="weight-normal"> {{t_form_optional}}</span></label>
<span class="form-hint">{{t_cases_show_ppr_unit_hint}}</span>
<select class="form-select" id="{{field_id}}" name="ppr_unit_id">
<option value="">{{t_cases_show_ppr_none}}</option>
{{#PPR_UNIT}}<option value="{{id}}">{{name}}</option>
{{/PPR_UNIT}}</select>
</div>{{/PPR}}
<button class="button button-secondary" type="submit">{{t_cases_show_move_button}}</button>
</form>{{/ALLOWED}}
</li>
{{/MOVE}}</ul>
<h2>{{t_cases_show_tried}}</h2>
<form method="post" action="{{case_href}}/afproevet" novalidate>
{{>ERROR_SUMMARY}}
{{>CSRF}}
{{>FIELD_TRIED}}
<button class="button button-secondary" type="submit">{{t_cases_show_tried_save}}</button>
</form>
<h2>{{t_cases_show_participants}}</h2>
<ul>
{{#PARTICIPANT}}<li>{{name}} ({{role}})</li>
{{/PARTICIPANT}}</ul>
{{/STAFF}}<h2>{{t_cases_show_timeline}}</h2>
<ol class="nobullet-list">
{{#EVENT}}<li><time>{{at}}</time>: {{what}}</li>
{{/EVENT}}</ol>
