{{%AUTOESCAPE context="HTML"}}<div class="form-group{{#ERROR}} form-error{{/ERROR}}">
<fieldset{{#DESCRIBEDBY}} aria-describedby="{{describedby}}"{{/DESCRIBEDBY}}>
<legend class="form-label">{{label}}{{#OPTIONAL}}<span class="weight-normal"> {{t_form_optional}}</span>{{/OPTIONAL}}</legend>
{{#HINT}}<span class="form-hint" id="{{id}}-hint">{{hint}}</span>{{/HINT}}
{{#ERROR}}<span class="form-error-message" id="{{id}}-error"><span class="sr-only">{{t_form_hidden_error_prefix}}</span>{{message}}</span>{{/ERROR}}
{{#OPTION}}<div class="form-group-radio">
<input type="radio" class="form-radio" id="{{option_id}}" name="{{name}}" value="{{value}}"{{#CHECKED}} checked{{/CHECKED}}{{#OPTION_HINT}} aria-describedby="{{option_id}}-hint"{{/OPTION_HINT}}>
<label class="form-label" for="{{option_id}}">{{label}}</label>
{{#OPTION_HINT}}<span class="form-hint" id="{{option_id}}-hint">{{option_hint}}</span>{{/OPTION_HINT}}
</div>
{{/OPTION}}</fieldset>
</div>
