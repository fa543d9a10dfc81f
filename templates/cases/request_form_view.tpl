{{%AUTOESCAPE context="HTML"}}<dl class="samspil-facts">
<dt>{{t_rf_version}}</dt><dd>{{version}}</dd>
<dt>{{t_rf_status}}</dt><dd>{{status}}</dd>
{{#COMPLETED}}<dt>{{t_rf_completed_at}}</dt><dd>{{completed_at}} ({{completed_by}})</dd>
<dt>{{t_rf_parents_present}}</dt><dd>{{parents_present}}</dd>{{/COMPLETED}}
</dl>
{{#SECTION}}<h2 class="h3">{{title}}</h2>
<dl class="samspil-answers">
{{#ANSWER}}<dt>{{label}}</dt><dd class="samspil-pre">{{#TEXT}}{{text}}{{/TEXT}}{{#EMPTY}}<span class="form-hint">{{t_rf_not_answered}}</span>{{/EMPTY}}</dd>
{{/ANSWER}}</dl>
{{/SECTION}}<h2 class="h3">{{t_rf_attachments}}</h2>
{{#NO_ATTACHMENTS}}<p>{{t_rf_no_attachments}}</p>{{/NO_ATTACHMENTS}}<ul class="nobullet-list">
{{#ATTACHMENT}}<li><a href="{{href}}" download>{{name}}</a> ({{size_kb}} kB, {{uploaded}})</li>
{{/ATTACHMENT}}</ul>
