{{%AUTOESCAPE context="HTML"}}<div class="form-group{{#ERROR}} form-error{{/ERROR}}">
<label class="form-label" for="{{id}}">{{label}}{{#OPTIONAL}}<span class="weight-normal"> {{t_form_optional}}</span>{{/OPTIONAL}}</label>
{{#HINT}}<span class="form-hint" id="{{id}}-hint">{{hint}}</span>{{/HINT}}
{{#ERROR}}<span class="form-error-message" id="{{id}}-error"><span class="sr-only">{{t_form_hidden_error_prefix}}</span>{{message}}</span>{{/ERROR}}
<textarea class="form-input{{#WIDTH}} {{width_class}}{{/WIDTH}}" id="{{id}}" name="{{name}}" rows="{{rows}}"{{#DESCRIBEDBY}} aria-describedby="{{describedby}}"{{/DESCRIBEDBY}}{{#ERROR}} aria-invalid="true"{{/ERROR}}{{#AUTOCOMPLETE}} autocomplete="{{autocomplete}}"{{/AUTOCOMPLETE}}>{{value}}</textarea>
</div>
