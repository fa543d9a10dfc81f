{{%AUTOESCAPE context="HTML"}}{{#ERRORS}}<div class="alert alert-error" role="alert" aria-labelledby="error-summary-heading">
<div class="alert-body">
<h2 class="alert-heading" id="error-summary-heading">{{t_form_error_summary}}</h2>
<ul class="alert-text nobullet-list">
{{#ERROR}}<li><a href="#{{field}}" class="function-link">{{message}}</a></li>
{{/ERROR}}</ul>
</div>
</div>{{/ERRORS}}
