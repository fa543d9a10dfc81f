{{%AUTOESCAPE context="HTML"}}{{#SUMMARY}}<div class="alert alert-error" role="alert" aria-labelledby="error-summary-title" data-module="error-summary" tabindex="-1" autofocus>
<div class="alert-body">
<h2 class="alert-heading" id="error-summary-title">{{heading}}</h2>
<ul class="nobullet-list">
{{#ERROR}}<li>{{#LINK}}<a href="#{{anchor}}" class="function-link">{{message}}</a>{{/LINK}}{{#PLAIN}}{{message}}{{/PLAIN}}</li>
{{/ERROR}}</ul>
</div>
</div>{{/SUMMARY}}
