{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_rf_title}}</h1>
{{>STEP_INDICATOR}}
<h2>{{step_title}}</h2>
{{#PROBLEM}}<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">{{problem}}</p></div></div>{{/PROBLEM}}
{{#EDIT}}<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
<input type="hidden" name="step" value="{{step}}">
<input type="hidden" name="idempotency_key" value="{{idempotency_key}}">
{{#ANSWER}}{{>FIELD}}{{/ANSWER}}
{{>FIELD_CHILD_PERSPECTIVE}}
{{>FIELD_CHILD_REASON}}
{{>FIELD_WISHED_MEETING_TYPE}}
<button class="button button-primary" type="submit">{{t_rf_save_continue}}</button>
</form>{{/EDIT}}
{{#ATTACHMENTS}}<p>{{t_rf_attachments_lead}}</p>
<form method="post" action="{{action}}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<div class="form-group">
<label class="form-label" for="file">{{t_rf_file_label}}</label>
<span class="form-hint" id="file-hint">{{t_rf_file_hint}}</span>
<input class="form-input" type="file" id="file" name="file" aria-describedby="file-hint" accept=".pdf,.png,.jpg,.jpeg,.docx">
</div>
<button class="button button-secondary" type="submit">{{t_rf_upload}}</button>
</form>
{{>FORM_VIEW}}
<p><a class="button button-primary" href="{{next}}">{{t_rf_continue}}</a></p>{{/ATTACHMENTS}}
{{#REVIEW}}<p>{{t_rf_review_lead}}</p>
{{>FORM_VIEW}}
<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
<input type="hidden" name="idempotency_key" value="{{idempotency_key}}">
{{>FIELD_PARENTS_PRESENT}}
{{>FIELD_CONFIRMED}}
<button class="button button-primary" type="submit">{{t_rf_complete}}</button>
</form>{{/REVIEW}}
