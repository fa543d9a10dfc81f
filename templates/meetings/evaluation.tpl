{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_evaluation_title}}</h1>
<p class="font-lead">{{t_evaluation_lead}}</p>
{{#ESCALATIONS}}<div class="alert alert-info" role="note">
<div class="alert-body"><p class="alert-heading">{{t_evaluation_escalation}}</p>
<ul>{{#ESCALATION}}<li>{{text}}</li>{{/ESCALATION}}</ul></div>
</div>{{/ESCALATIONS}}
{{#NO_SUBJECTS}}<p>{{t_evaluation_no_subjects}}</p>{{/NO_SUBJECTS}}
{{#ANSWER_FORM}}<form method="post" action="{{action}}" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
{{#SUBJECT}}<fieldset>
<legend class="h3">{{t_evaluation_subject}}: {{label}}</legend>
{{#QUESTION}}<div class="form-group{{#ERROR}} form-error{{/ERROR}}">
<label class="form-label" for="{{id}}">{{question}}<span class="weight-normal"> {{t_form_optional}}</span></label>
{{#ERROR}}<span class="form-error-message" id="{{id}}-error"><span class="sr-only">{{t_form_hidden_error_prefix}}</span>{{message}}</span>{{/ERROR}}
<textarea class="form-input" id="{{id}}" name="{{name}}" rows="3"{{#ERROR}} aria-describedby="{{id}}-error" aria-invalid="true"{{/ERROR}}>{{value}}</textarea>
</div>
{{/QUESTION}}</fieldset>
{{/SUBJECT}}<button class="button button-primary" type="submit">{{t_evaluation_save}}</button>
</form>{{/ANSWER_FORM}}
<h2>{{t_evaluation_answers}}</h2>
{{#NO_ANSWERS}}<p>{{t_evaluation_no_answers}}</p>{{/NO_ANSWERS}}
{{#ANSWERED}}<h3 class="h4">{{label}}</h3>
<dl>
{{#QUESTION}}<dt>{{question}}</dt>
{{#ANSWER}}<dd>{{answer}} <span class="form-hint">({{t_evaluation_by}} {{by}})</span></dd>
{{/ANSWER}}{{/QUESTION}}</dl>
{{/ANSWERED}}
<p><a href="{{agenda_href}}">{{t_agenda_title}}</a></p>
