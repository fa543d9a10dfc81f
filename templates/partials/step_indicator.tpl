{{%AUTOESCAPE context="HTML"}}<p class="step-subheading">{{progress}}</p>
<nav aria-label="{{t_form_steps_label}}" class="samspil-steps">
<ol class="step-indicator">
{{#STEP}}<li class="{{li_class}}">{{#LINK}}<a class="step" href="{{href}}">{{/LINK}}{{#NOLINK}}<div class="step">{{/NOLINK}}{{#NOLINK_CURRENT}}<div class="step" aria-current="step">{{/NOLINK_CURRENT}}<span class="step-number"><span>{{number}}</span></span><span class="samspil-step-text"><span class="step-title">{{label}}</span>{{#DONE}}<span class="sr-only"> {{t_form_step_done}}</span>{{/DONE}}</span>{{#LINK}}</a>{{/LINK}}{{#NOLINK}}</div>{{/NOLINK}}{{#NOLINK_CURRENT}}</div>{{/NOLINK_CURRENT}}</li>
{{/STEP}}</ol>
</nav>
