{{%AUTOESCAPE context="HTML"}}<h1>{{t_timeline_title}}</h1>
<p class="font-lead">{{case_title}}</p>
<form method="get" action="{{action}}" novalidate>
{{>ERROR_SUMMARY}}
<fieldset>
<legend class="h3">{{t_timeline_filter_legend}}</legend>
{{>FIELD_GRUPPE}}
{{>FIELD_FRA}}
{{>FIELD_TIL}}
</fieldset>
<button class="button button-secondary" type="submit">{{t_timeline_filter_button}}</button>
</form>
<h2>{{t_timeline_events_heading}}</h2>
{{#EMPTY}}<p>{{t_timeline_empty}}</p>{{/EMPTY}}
{{#EVENTS}}<ol class="nobullet-list">
{{#EVENT}}<li data-kind="{{kind}}"><time>{{at}}</time> – {{who}}: {{what}}</li>
{{/EVENT}}</ol>
{{/EVENTS}}<nav aria-label="{{t_timeline_pages}}">
{{#FIRST}}<p><a href="{{first_href}}">{{t_timeline_first_page}}</a></p>{{/FIRST}}
{{#NEXT}}<p><a href="{{next_href}}">{{t_timeline_next_page}}</a></p>{{/NEXT}}
</nav>
