{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_live_title}}: {{type_name}}</h1>
<div id="meeting-mode" data-events="{{events_href}}" data-version="{{version}}">
<p class="form-hint">{{t_live_lead}}</p>
<dl>
<dt>{{t_live_starts}}</dt><dd>{{starts}}</dd>
<dt>{{t_live_status}}</dt><dd id="live-status">{{status_label}}</dd>
</dl>
<p><a href="{{refresh_href}}" id="live-refresh">{{t_live_refresh}}</a> <span id="live-notice" class="form-hint" role="status" aria-live="polite"></span></p>
<h2>{{t_live_agenda}}</h2>
{{#NO_AGENDA}}<p>{{t_live_no_agenda}}</p>{{/NO_AGENDA}}<ol id="live-agenda">
{{#ITEM}}<li>{{#CURRENT}}<strong aria-current="step">{{/CURRENT}}{{title}}{{#CURRENT}}</strong> <span class="form-hint">({{t_live_now}})</span>{{/CURRENT}}</li>
{{/ITEM}}</ol>
{{#CURRENT_ITEM}}<h3 class="h4" id="live-current">{{t_live_item}} {{number}} {{t_live_of}} {{count}}: {{title}}</h3>
{{#DESCRIPTION}}<p>{{description}}</p>{{/DESCRIPTION}}
<p>{{t_live_speaking_order}}</p>
<ol id="live-speakers">
{{#SPEAKER}}<li>{{label}}</li>
{{/SPEAKER}}</ol>{{/CURRENT_ITEM}}
{{#CHAIR_STEP}}<div class="meeting-mode-steps">
<form method="post" action="{{step_href}}" novalidate class="inline-form">
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<input type="hidden" name="retning" value="tilbage">
<button class="button button-secondary" type="submit">{{t_live_previous}}</button>
</form>
<form method="post" action="{{step_href}}" novalidate class="inline-form">
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<input type="hidden" name="retning" value="frem">
<button class="button button-primary" type="submit">{{t_live_next}}</button>
</form>
</div>{{/CHAIR_STEP}}
<h2>{{t_live_participants}}</h2>
<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_live_participants}}">
<table class="table">
<thead><tr><th scope="col">{{t_live_name}}</th><th scope="col">{{t_live_role_in_case}}</th><th scope="col">{{t_live_roles}}</th></tr></thead>
<tbody>
{{#PARTICIPANT}}<tr><td>{{name}}</td><td>{{role_in_case}}</td><td>{{roles}}</td></tr>
{{/PARTICIPANT}}</tbody>
</table>
</div>
<h2 id="aftale">{{t_live_agreement}}</h2>
{{#EDIT}}<form method="post" action="{{save_href}}" novalidate id="agreement-form">
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<input type="hidden" name="version" value="{{version}}" id="agreement-version">
{{#SECTION}}<div class="form-group">
<label class="form-label" for="{{id}}">{{label}}</label>
<textarea class="form-input" id="{{id}}" name="{{name}}" rows="4">{{value}}</textarea>
</div>
{{/SECTION}}
<fieldset>
<legend class="h3">{{t_live_actions}}</legend>
<p class="form-hint">{{t_live_actions_hint}}</p>
{{#ACTION}}<div class="form-group agreement-action">
<label class="form-label" for="field-{{prefix}}_text">{{t_live_action}} {{number}}: {{t_live_action_text}}</label>
<input class="form-input" type="text" id="field-{{prefix}}_text" name="{{prefix}}_text" value="{{text}}">
<label class="form-label" for="field-{{prefix}}_owner">{{t_live_action}} {{number}}: {{t_live_action_owner}}</label>
<select class="form-select" id="field-{{prefix}}_owner" name="{{prefix}}_owner">
{{#OWNER}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>
{{/OWNER}}</select>
<label class="form-label" for="field-{{prefix}}_due">{{t_live_action}} {{number}}: {{t_live_action_due}}</label>
<input class="form-input input-width-s" type="date" id="field-{{prefix}}_due" name="{{prefix}}_due" value="{{due_value}}">
</div>
{{/ACTION}}</fieldset>
<button class="button button-primary" type="submit">{{t_live_save}}</button>
</form>{{/EDIT}}
{{#READ}}<div id="agreement-read">
{{#SECTION}}<h3 class="h4">{{label}}</h3>
<p data-section="{{name}}">{{value}}{{#EMPTY}}{{t_live_nothing_yet}}{{/EMPTY}}</p>
{{/SECTION}}
<h3 class="h4">{{t_live_actions}}</h3>
{{#NO_ACTIONS}}<p>{{t_live_no_actions}}</p>{{/NO_ACTIONS}}<ul>
{{#ACTION}}<li>{{text}} – {{owner_label}} – {{due}}</li>
{{/ACTION}}</ul>
</div>{{/READ}}
{{#READ_BACK}}<h2>{{t_live_read_back_heading}}</h2>
<p>{{t_live_read_back_lead}}</p>
<form method="post" action="{{href}}" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-secondary" type="submit">{{t_live_read_back_button}}</button>
</form>{{/READ_BACK}}
{{#CONFIRM}}<h2 id="bekraeft">{{t_live_confirm_heading}}</h2>
<p>{{t_live_confirm_lead}}</p>
<form method="post" action="{{href}}" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-primary" type="submit">{{t_live_confirm_button}}</button>
</form>{{/CONFIRM}}
{{#FINAL}}<h2>{{t_live_final_heading}}</h2>
<dl>
<dt>{{t_live_confirmed_at}}</dt><dd>{{confirmed}}</dd>
<dt>{{t_live_sent_at}}</dt><dd>{{sent}}</dd>
</dl>
<p><a href="{{pdf_href}}">{{t_live_download_pdf}}</a></p>{{/FINAL}}
</div>
<script src="{{mode_js}}" defer></script>
