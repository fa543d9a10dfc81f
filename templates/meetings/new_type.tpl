{{%AUTOESCAPE context="HTML"}}{{>STEP_INDICATOR}}<h1>{{t_meetings_new_title}}</h1>
<p class="font-lead">{{t_meetings_new_type_lead}}</p>
{{#CAN_CHOOSE}}<form method="get" action="{{action}}" novalidate>
<div class="form-group"><fieldset><legend class="form-label">{{t_meetings_new_type_label}}</legend>
<ul class="nobullet-list">
{{#ALLOWED}}<li><input class="form-radio radio-large" type="radio" id="{{field_id}}" name="type" value="{{type_id}}"{{#CHECKED}} checked{{/CHECKED}}>
<label for="{{field_id}}">{{name}}{{#WITHOUT_PARENTS}} ({{t_meetings_without_parents_short}}){{/WITHOUT_PARENTS}}</label></li>
{{/ALLOWED}}</ul></fieldset></div>
<button class="button button-primary" type="submit">{{t_meetings_new_next}}</button>
</form>{{/CAN_CHOOSE}}{{#NONE_ALLOWED}}<p>{{t_meetings_new_none_allowed}}</p>{{/NONE_ALLOWED}}
<h2>{{t_meetings_new_refused_heading}}</h2>
<ul>
{{#REFUSED}}<li><strong>{{name}}</strong>{{#REASON}}<br><span class="form-hint">{{t_meetings_new_not_now}} {{reason}}</span>{{/REASON}}</li>
{{/REFUSED}}</ul>
