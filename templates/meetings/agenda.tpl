{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_agenda_title}}: {{type_name}}</h1>
<dl>
<dt>{{t_agenda_starts}}</dt><dd>{{starts}}</dd>
<dt>{{t_agenda_kind}}</dt><dd>{{kind}}</dd>
<dt>{{t_agenda_sent}}</dt><dd>{{sent}}</dd>
{{#SEND_BY}}<dt>{{t_agenda_send_by}}</dt><dd>{{send_by}}</dd>{{/SEND_BY}}
</dl>
<p><a href="{{brief_href}}">{{t_agenda_brief_link}}</a>{{#FOLLOW_UP_LINK}} · <a href="{{evaluation_href}}">{{t_agenda_evaluation_link}}</a>{{/FOLLOW_UP_LINK}}</p>
{{#SPEAKING}}<h2>{{t_agenda_speaking_order}}</h2>
<p class="form-hint">{{t_agenda_speaking_order_hint}}</p>
<ol>
{{#WHO}}<li>{{label}}</li>
{{/WHO}}</ol>{{/SPEAKING}}
{{#EVALUATIONS}}<h2>{{t_agenda_evaluations}}</h2>
<p>{{t_agenda_evaluations_lead}}</p>
{{#SUBJECT}}<h3 class="h4">{{label}}</h3>
<dl>
{{#QUESTION}}<dt>{{question}}</dt>
{{#ANSWER}}<dd>{{answer}} <span class="form-hint">({{by}})</span></dd>
{{/ANSWER}}{{/QUESTION}}</dl>
{{/SUBJECT}}{{/EVALUATIONS}}
<h2>{{t_agenda_items}}</h2>
{{#NO_ITEMS}}<p>{{t_agenda_no_items}}</p>{{/NO_ITEMS}}<ol>
{{#ITEM}}<li>
<h3 class="h4">{{title}}</h3>
{{#DESCRIPTION}}<p>{{description}}</p>{{/DESCRIPTION}}
{{#ITEM_EDIT}}<div class="agenda-item-actions">
<form method="post" action="{{item_href}}/flyt" novalidate class="inline-form">
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<input type="hidden" name="direction" value="up">
<button class="button button-tertiary" type="submit">{{t_agenda_move_up}}<span class="sr-only"> {{t_agenda_item_number}} {{number}}</span></button>
</form>
<form method="post" action="{{item_href}}/flyt" novalidate class="inline-form">
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<input type="hidden" name="direction" value="down">
<button class="button button-tertiary" type="submit">{{t_agenda_move_down}}<span class="sr-only"> {{t_agenda_item_number}} {{number}}</span></button>
</form>
<form method="post" action="{{item_href}}/fjern" novalidate class="inline-form">
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-tertiary" type="submit">{{t_agenda_remove}}<span class="sr-only"> {{t_agenda_item_number}} {{number}}</span></button>
</form>
</div>{{/ITEM_EDIT}}
</li>
{{/ITEM}}</ol>
{{#EDIT}}<h2>{{t_agenda_add_heading}}</h2>
<form method="post" action="{{add_href}}" novalidate>
{{>CSRF}}
{{>FIELD_TITLE}}
{{>FIELD_DESCRIPTION}}
<button class="button button-secondary" type="submit">{{t_agenda_add_button}}</button>
</form>
<h2>{{t_agenda_send_heading}}</h2>
<p>{{t_agenda_send_lead}}</p>
<form method="post" action="{{send_href}}" novalidate>
{{>CSRF}}
<button class="button button-primary" type="submit">{{t_agenda_send_button}}</button>
</form>{{/EDIT}}
<h2>{{t_agenda_obligations}}</h2>
<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_agenda_obligations}}">
<table class="table">
<thead><tr><th scope="col">{{t_agenda_obligation_what}}</th><th scope="col">{{t_agenda_obligation_owner}}</th><th scope="col">{{t_agenda_obligation_due}}</th><th scope="col">{{t_agenda_obligation_status}}</th></tr></thead>
<tbody>
{{#OBLIGATION}}<tr><td>{{label}} <span class="form-hint">({{rule}})</span></td><td>{{owner}}</td><td>{{due}}{{#CLOSED_DAY}} {{t_agenda_obligation_closed_day}}{{/CLOSED_DAY}}</td><td>{{status}}</td></tr>
{{/OBLIGATION}}</tbody>
</table>
</div>
<h2>{{t_agenda_documents}}</h2>
{{#NO_DOCUMENTS}}<p>{{t_agenda_no_documents}}</p>{{/NO_DOCUMENTS}}<ul>
{{#DOCUMENT}}<li>{{#FILE}}<a href="{{href}}">{{label}}</a>{{/FILE}}{{#PLAIN}}{{label}}{{/PLAIN}}</li>
{{/DOCUMENT}}</ul>
{{#UPLOAD}}<h3>{{t_agenda_files_upload_heading}}</h3>
<form method="post" action="{{upload_href}}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<div class="form-group">
<label class="form-label" for="label">{{t_agenda_files_label}} <span class="weight-normal">{{t_agenda_files_optional}}</span></label>
<input class="form-input" type="text" id="label" name="label" maxlength="200">
</div>
<div class="form-group">
<label class="form-label" for="file">{{t_agenda_files_file}}</label>
<span class="form-hint" id="file-hint">{{t_agenda_files_hint}}</span>
<input class="form-input" type="file" id="file" name="file" aria-describedby="file-hint" accept=".pdf,.png,.jpg,.jpeg,.docx">
</div>
<button class="button button-secondary" type="submit">{{t_agenda_files_submit}}</button>
</form>{{/UPLOAD}}
